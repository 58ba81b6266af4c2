//! Reading a release from a file or standard input into text.
//!
//! Press officers hand tm whatever their editor saved: UTF-8 with or without a
//! byte order mark, "Unicode text" from Word (UTF-16 with a BOM), and now and
//! then a PDF by mistake. This module turns the first kinds into a `String`
//! and refuses the rest with an error that says where and why.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused rather than read into memory whole.
pub const MAX_INPUT_BYTES: u64 = 10 * 1024 * 1024;

/// Why an input could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file as the user named it.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The bytes are not valid UTF-8 at the given offset.
    #[error("{path}: invalid UTF-8 at byte {offset} (save the file as UTF-8)")]
    InvalidUtf8 {
        /// The file as the user named it.
        path: PathBuf,
        /// The byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The bytes are UTF-16 with a byte order mark but do not decode.
    #[error("{path}: invalid UTF-16 at byte {offset}")]
    InvalidUtf16 {
        /// The file as the user named it.
        path: PathBuf,
        /// The byte offset of the first invalid code unit.
        offset: usize,
    },
    /// The file is not text at all (a PDF, an image, NUL bytes).
    #[error("{path}: not a text file: {what} at byte {offset}")]
    Binary {
        /// The file as the user named it.
        path: PathBuf,
        /// What gave it away.
        what: &'static str,
        /// Where it was found.
        offset: usize,
    },
    /// The file is larger than tm reads.
    #[error("{path}: too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// The file as the user named it.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// [`MAX_INPUT_BYTES`].
        limit: u64,
    },
}

/// Reads `path` (or standard input for `-`) and decodes it as text.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    let bytes = read_bytes(path, MAX_INPUT_BYTES)?;
    decode(&bytes, path)
}

/// Reads `path` (or standard input for `-`) as bytes, refusing more than
/// `limit` of them.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_dir() {
            return Err(io(std::io::Error::other("is a directory")));
        }
        file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    }
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Known signatures of files that are not text, checked before decoding so
/// that the message says what the file is.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
];

/// Decodes bytes read from `path` (used only for messages) into text.
pub fn decode(bytes: &[u8], path: &Path) -> Result<String, InputError> {
    let binary = |what, offset| InputError::Binary {
        path: path.to_path_buf(),
        what,
        offset,
    };
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return decode_utf8(rest, path, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return decode_utf16(rest, path, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return decode_utf16(rest, path, u16::from_be_bytes);
    }
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Err(binary(what, 0));
        }
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let what = if looks_like_utf16(bytes) {
            "UTF-16 without a byte order mark (save it as UTF-8)"
        } else {
            "a NUL byte"
        };
        return Err(binary(what, offset));
    }
    decode_utf8(bytes, path, 0)
}

fn decode_utf8(bytes: &[u8], path: &Path, base: usize) -> Result<String, InputError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if let Some(offset) = text.find('\0') {
                return Err(InputError::Binary {
                    path: path.to_path_buf(),
                    what: "a NUL byte",
                    offset: base + offset,
                });
            }
            Ok(text.to_string())
        }
        Err(e) => Err(InputError::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: base + e.valid_up_to(),
        }),
    }
}

fn decode_utf16(bytes: &[u8], path: &Path, unit: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| unit([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    let mut text = String::with_capacity(units.len());
    for (i, r) in char::decode_utf16(units.iter().copied()).enumerate() {
        match r {
            Ok('\0') | Err(_) => {
                return Err(InputError::InvalidUtf16 {
                    path: path.to_path_buf(),
                    offset: 2 + 2 * i,
                })
            }
            Ok(c) => text.push(c),
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(InputError::InvalidUtf16 {
            path: path.to_path_buf(),
            offset: 2 + bytes.len() - 1,
        });
    }
    Ok(text)
}

/// UTF-16 text without a BOM has a NUL in every other byte for ASCII and
/// mostly-zero-or-four high bytes for Cyrillic.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = sample.len() / 2;
    half >= 4 && (zeros_even * 3 > half || zeros_odd * 3 > half)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<String, InputError> {
        decode(bytes, Path::new("x.txt"))
    }

    #[test]
    fn strips_utf8_bom() {
        assert_eq!(dec(b"\xef\xbb\xbfHello.").unwrap(), "Hello.");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        for u in "Привет.".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(dec(&le).unwrap(), "Привет.");
        let mut be = vec![0xfe, 0xff];
        for u in "Сәлем.".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(dec(&be).unwrap(), "Сәлем.");
    }

    #[test]
    fn reports_invalid_utf8_offset() {
        let err = dec(b"abc\xffdef").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt: invalid UTF-8 at byte 3 (save the file as UTF-8)"
        );
    }

    #[test]
    fn refuses_binary() {
        let err = dec(b"%PDF-1.4 ...").unwrap_err();
        assert!(err.to_string().contains("a PDF document"), "{err}");
        let err = dec(b"ab\0cd").unwrap_err();
        assert!(err.to_string().contains("NUL byte at byte 2"), "{err}");
        let mut le = Vec::new();
        for u in "Hello world.".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let err = dec(&le).unwrap_err();
        assert!(err.to_string().contains("UTF-16 without"), "{err}");
    }
}
