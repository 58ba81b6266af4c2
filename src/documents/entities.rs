//! HTML character references: numeric ones, and the named ones listed in
//! `entities.txt` (data a reader can extend).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::rules::{built_in, rule_file, RuleError, RuleFile};

/// The named references tm decodes: NAME HEX a line.
const ENTITIES: RuleFile<'static> = rule_file!("entities.txt");

fn table() -> &'static HashMap<&'static str, char> {
    static TABLE: OnceLock<HashMap<&'static str, char>> = OnceLock::new();
    TABLE.get_or_init(|| built_in(read_entities()).into_iter().collect())
}

/// Each name of `entities.txt` with its character.
fn read_entities() -> Result<Vec<(&'static str, char)>, RuleError> {
    ENTITIES
        .lines(&[])
        .map(|line| {
            let line = line?;
            let f = line.exactly(2, "NAME HEX")?;
            let c = u32::from_str_radix(f[1], 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| line.error(format!("'{}' is not a character in hex", f[1])))?;
            Ok((f[0], c))
        })
        .collect()
}

/// The named references, read as they are read for use, for the test that
/// checks all built-in rule files.
#[cfg(test)]
pub(crate) fn check_built_in() -> Result<Vec<RuleFile<'static>>, RuleError> {
    read_entities()?;
    Ok(vec![ENTITIES])
}

/// The character of the reference at the start of `s` (which starts with
/// `&`) and the reference's length in bytes; `None` when it is not one tm
/// knows (it is then kept as written, as browsers do).
pub fn reference(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('&')?;
    let end = body.find(';')?;
    if end > 40 {
        return None;
    }
    let name = &body[..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        match n {
            0 => '\u{FFFD}',
            // Windows-1252 bytes written as references, as browsers read them.
            0x80..=0x9f => windows_1252(n as u8),
            _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
        }
    } else {
        *table().get(name)?
    };
    Some((c, end + 2))
}

fn windows_1252(b: u8) -> char {
    let bytes = [b];
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    text.chars().next().unwrap_or('\u{FFFD}')
}

/// `s` with every reference tm knows decoded.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_and_numeric() {
        assert_eq!(
            decode("&laquo;A&nbsp;&amp;&#160;B&raquo; &#x2014; &#8212; &unknown; &"),
            "«A\u{a0}&\u{a0}B» — — &unknown; &"
        );
        assert_eq!(decode("&#150;"), "–");
    }
}
