//! Writing and reading through a running [`Sum`], so that a derived file
//! can end with the checksum of every byte before it and a reader can
//! check it while it reads, without holding the file twice.
//!
//! [`Sum`] adds bytes eight at a time; both ends here keep the few bytes of
//! an unfinished word back, so the sum does not depend on how the bytes
//! were cut into writes or reads.

use std::io::{Read, Write};

use super::hash::Sum;

/// A [`Sum`] fed with bytes in pieces of any length.
#[derive(Debug, Clone, Copy, Default)]
struct Running {
    sum: Sum,
    carry: [u8; 8],
    held: usize,
}

impl Running {
    fn feed(&mut self, mut bytes: &[u8]) {
        if self.held > 0 {
            let take = (8 - self.held).min(bytes.len());
            self.carry[self.held..self.held + take].copy_from_slice(&bytes[..take]);
            self.held += take;
            bytes = &bytes[take..];
            if self.held < 8 {
                return;
            }
            self.sum.add_bytes(&self.carry);
            self.held = 0;
        }
        let whole = bytes.len() / 8 * 8;
        self.sum.add_bytes(&bytes[..whole]);
        let rest = &bytes[whole..];
        self.carry[..rest.len()].copy_from_slice(rest);
        self.held = rest.len();
    }

    /// The sum of every byte fed, as one [`Sum::add_bytes`] of them gives.
    fn value(&self) -> u64 {
        let mut sum = self.sum;
        sum.add_bytes(&self.carry[..self.held]);
        sum.value()
    }
}

/// A writer that passes everything on and sums it.
#[derive(Debug)]
pub struct SumWriter<W> {
    inner: W,
    running: Running,
}

impl<W: Write> SumWriter<W> {
    /// Sums what goes to `inner`.
    pub fn new(inner: W) -> SumWriter<W> {
        SumWriter {
            inner,
            running: Running::default(),
        }
    }

    /// Writes the sum of everything written so far (itself not summed)
    /// and gives the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        let value = self.running.value();
        self.inner.write_all(&value.to_le_bytes())?;
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for SumWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.running.feed(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A reader that sums everything read, to be checked against the sum a
/// [`SumWriter`] put at the end.
#[derive(Debug)]
pub struct SumReader<R> {
    inner: R,
    running: Running,
}

impl<R: Read> SumReader<R> {
    /// Sums what is read from `inner`.
    pub fn new(inner: R) -> SumReader<R> {
        SumReader {
            inner,
            running: Running::default(),
        }
    }

    /// Reads the stored sum that must follow what was read, and checks it
    /// and that nothing follows it; an error for a damaged file.
    pub fn finish(mut self) -> std::io::Result<()> {
        let mut stored = [0u8; 8];
        self.inner.read_exact(&mut stored)?;
        let sound =
            u64::from_le_bytes(stored) == self.running.value() && self.inner.read(&mut [0u8])? == 0;
        if sound {
            Ok(())
        } else {
            Err(super::derived::damaged())
        }
    }
}

impl<R: Read> Read for SumReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.running.feed(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_of_any_length_sum_as_one() {
        let data: Vec<u8> = (0..61u8).map(|b| b.wrapping_mul(37)).collect();
        let whole = Sum::default().add_bytes(&data).value();
        for cut in [1, 3, 7, 8, 9, 60] {
            let mut r = Running::default();
            data.chunks(cut).for_each(|c| r.feed(c));
            assert_eq!(r.value(), whole, "pieces of {cut}");
        }
    }

    #[test]
    fn what_a_writer_sums_a_reader_checks() {
        let mut w = SumWriter::new(Vec::new());
        w.write_all(b"eleven byte").unwrap();
        w.write_all(b"s and more").unwrap();
        let bytes = w.finish().unwrap();
        let body = bytes.len() - 8;
        let mut r = SumReader::new(&bytes[..]);
        r.read_exact(&mut vec![0u8; body]).unwrap();
        r.finish().unwrap();
        for at in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[at] ^= 0x10;
            let mut r = SumReader::new(&bad[..]);
            r.read_exact(&mut vec![0u8; body]).unwrap();
            assert!(r.finish().is_err(), "byte {at} flipped");
        }
        // Something after the sum is damage too.
        let mut longer = bytes.clone();
        longer.push(0);
        let mut r = SumReader::new(&longer[..]);
        r.read_exact(&mut vec![0u8; body]).unwrap();
        assert!(r.finish().is_err());
    }
}
