//! Turning a byte offset in a file into a line and column for a message.
//!
//! Streaming parsers know only how many bytes they read; counting lines on
//! the way would slow every import for the sake of the rare broken one, so
//! the file is read again up to the offset when an error is reported.

use std::io::{BufRead, BufReader};
use std::path::Path;

/// The 1-based line and column (in characters) of byte `offset` in the file
/// at `path`; `(0, offset + 1)` if the file cannot be read again.
pub fn line_column(path: &Path, offset: u64) -> (u64, u64) {
    let Ok(file) = std::fs::File::open(path) else {
        return (0, offset + 1);
    };
    let mut reader = BufReader::new(file);
    let (mut line, mut column, mut left) = (1u64, 1u64, offset);
    let mut buf = Vec::new();
    while left > 0 {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let n = n as u64;
                if n <= left && buf.last() == Some(&b'\n') {
                    line += 1;
                    left -= n;
                    column = 1;
                } else {
                    let part = &buf[..left.min(n) as usize];
                    // Count characters, not bytes: skip UTF-8 continuation bytes.
                    column = 1 + part.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64;
                    break;
                }
            }
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.txt");
        std::fs::write(&p, "ab\nжз<x\n").unwrap();
        assert_eq!(line_column(&p, 0), (1, 1));
        assert_eq!(line_column(&p, 3), (2, 1));
        assert_eq!(line_column(&p, 7), (2, 3));
    }
}
