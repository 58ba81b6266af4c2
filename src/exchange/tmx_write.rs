//! Writing a memory as TMX 1.4b.
//!
//! One `<tu>` per unit, a `<tuv>` for each of its languages, tm's metadata as
//! `x-` props, and nothing that depends on the clock: the header's
//! `creationdate` is the memory's latest change, so the same memory always
//! gives the same bytes (and an export of a re-import is identical).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{dates, xml};
use crate::memory::{Memory, Unit};
use crate::Lang;

/// The `o-tmf` value tm writes, and by which it knows its own files.
pub const O_TMF: &str = "tm";
/// The `creationtool` value tm writes.
pub const CREATION_TOOL: &str = "tm";

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The languages to write, in tm's order; a unit with fewer than two of
    /// them is left out.
    pub langs: Vec<Lang>,
    /// The header's `srclang`; `None` writes `*all*` (any language may be
    /// the source, which a multilingual memory is).
    pub srclang: Option<Lang>,
    /// The tag written for a language (`xml:lang`, `srclang`) where it is
    /// not its code: a regional form as the user gave it (`EN-US`,
    /// `kk-KZ`), which the tools that read the file may expect.
    pub tags: BTreeMap<Lang, String>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            langs: Lang::ALL.to_vec(),
            srclang: None,
            tags: BTreeMap::new(),
        }
    }
}

impl ExportOptions {
    /// The tag written for `lang`: the one given in [`ExportOptions::tags`],
    /// else its code.
    pub fn tag(&self, lang: Lang) -> &str {
        self.tags.get(&lang).map_or(lang.code(), String::as_str)
    }
}

/// Why a language tag given for an export is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TagError {
    /// Not shaped as a BCP 47 tag (letters and digits between hyphens).
    #[error("'{0}' is not a language tag (e.g. en, en-US, ru-RU, kk-KZ)")]
    Malformed(String),
    /// A tag of a language tm does not hold.
    #[error(
        "'{0}' is not English, Russian or Kazakh (en, ru, kk, or a regional form such as en-US)"
    )]
    Unknown(String),
}

/// Reads a language tag as given on the command line: `en`, `ru`, `kk` or a
/// regional form of them (`EN-US`, `ru-RU`, `kk-KZ`), kept as written.
pub fn parse_tag(tag: &str) -> Result<(Lang, String), TagError> {
    let shaped = !tag.is_empty()
        && tag.split('-').enumerate().all(|(i, part)| {
            let ok_len = if i == 0 {
                (2..=3).contains(&part.len())
            } else {
                (1..=8).contains(&part.len())
            };
            ok_len
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic() || (i > 0 && b.is_ascii_digit()))
        });
    if !shaped {
        return Err(TagError::Malformed(tag.to_string()));
    }
    Lang::from_tag(tag)
        .map(|l| (l, tag.to_string()))
        .ok_or_else(|| TagError::Unknown(tag.to_string()))
}

/// The file of one language pair of an export for tools that read one pair
/// per file (OmegaT): `memory.tmx` → `memory.en-ru.tmx`.
pub fn pair_path(path: &Path, source: Lang, target: Lang) -> PathBuf {
    let pair = format!("{}-{}", source.code(), target.code());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem}.{pair}.{ext}"),
        _ => format!("{name}.{pair}.tmx"),
    };
    path.with_file_name(name)
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Units written as `<tu>`.
    pub written: usize,
    /// Units left out for having fewer than two of the chosen languages.
    pub skipped: usize,
    /// Characters XML cannot carry, written as U+FFFD.
    pub replaced_chars: usize,
}

/// Writes `memory` as TMX 1.4b to `w`.
pub fn write_tmx<W: Write>(
    memory: &Memory,
    options: &ExportOptions,
    w: &mut W,
) -> io::Result<ExportReport> {
    let mut report = ExportReport::default();
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    let srclang = options.srclang.map_or("*all*", |l| options.tag(l));
    out.push_str(&format!(
        "  <header creationtool=\"{CREATION_TOOL}\" creationtoolversion=\"{}\" \
         segtype=\"sentence\" o-tmf=\"{O_TMF}\" adminlang=\"en\" srclang=\"{srclang}\" \
         datatype=\"plaintext\"",
        env!("CARGO_PKG_VERSION")
    ));
    let latest = memory
        .units
        .iter()
        .filter_map(|u| dates::to_tmx(&u.changed))
        .max();
    if let Some(date) = latest {
        out.push_str(&format!(" creationdate=\"{date}\""));
    }
    out.push_str("/>\n  <body>\n");
    w.write_all(out.as_bytes())?;
    for unit in &memory.units {
        let langs: Vec<Lang> = options
            .langs
            .iter()
            .copied()
            .filter(|&l| unit.text(l).is_some())
            .collect();
        if langs.len() < 2 {
            report.skipped += 1;
            continue;
        }
        out.clear();
        report.replaced_chars += push_unit(&mut out, unit, &langs, options);
        w.write_all(out.as_bytes())?;
        report.written += 1;
    }
    w.write_all(b"  </body>\n</tmx>\n")?;
    w.flush()?;
    Ok(report)
}

/// Appends one `<tu>`; returns the characters replaced.
fn push_unit(out: &mut String, unit: &Unit, langs: &[Lang], options: &ExportOptions) -> usize {
    let mut replaced = 0;
    out.push_str("    <tu tuid=\"");
    replaced += xml::push_attr(out, &unit.id);
    out.push('"');
    if let Some(d) = dates::to_tmx(&unit.created) {
        out.push_str(&format!(" creationdate=\"{d}\""));
    }
    if let Some(d) = dates::to_tmx(&unit.changed) {
        out.push_str(&format!(" changedate=\"{d}\""));
    }
    out.push_str(">\n");
    let mut prop = |out: &mut String, kind: &str, value: &str| {
        out.push_str("      <prop type=\"");
        replaced += xml::push_attr(out, kind);
        out.push_str("\">");
        replaced += xml::push_text(out, value);
        out.push_str("</prop>\n");
    };
    if let Some(r) = &unit.release {
        prop(out, "x-release", r);
    }
    if let Some(p) = unit.position {
        prop(out, "x-position", &p.to_string());
    }
    if let Some(c) = unit.confidence {
        prop(out, "x-confidence", &c.to_string());
    }
    if unit.doubtful {
        prop(out, "x-doubtful", "true");
    }
    if let Some(a) = &unit.alternative_of {
        prop(out, "x-alternative-of", a);
    }
    for (k, v) in &unit.props {
        prop(out, k, v);
    }
    for &lang in langs {
        out.push_str("      <tuv xml:lang=\"");
        replaced += xml::push_attr(out, options.tag(lang));
        out.push_str("\">\n        <seg>");
        replaced += xml::push_text(out, unit.text(lang).unwrap_or(""));
        out.push_str("</seg>\n      </tuv>\n");
    }
    out.push_str("    </tu>\n");
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_tags_are_kept_as_written() {
        assert_eq!(parse_tag("EN-US"), Ok((Lang::En, "EN-US".into())));
        assert_eq!(parse_tag("kk-KZ"), Ok((Lang::Kk, "kk-KZ".into())));
        assert_eq!(parse_tag("ru"), Ok((Lang::Ru, "ru".into())));
        assert_eq!(
            parse_tag("sr-Latn-RS"),
            Err(TagError::Unknown("sr-Latn-RS".into()))
        );
        for bad in [
            "", "ru_RU", "e", "en--US", "en-", "1n-US", "en US", "en-US\"x",
        ] {
            assert_eq!(
                parse_tag(bad),
                Err(TagError::Malformed(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn tags_go_into_the_header_and_every_variant() {
        let mut u = Unit::new("a1b2c3d4e5f6".into(), "2026-01-01T00:00:00Z");
        u.set_text(Lang::En, Some("One.".into()));
        u.set_text(Lang::Ru, Some("Один.".into()));
        let memory = Memory { units: vec![u] };
        let options = ExportOptions {
            langs: vec![Lang::En, Lang::Ru],
            srclang: Some(Lang::En),
            tags: BTreeMap::from([
                (Lang::En, "EN-US".to_string()),
                (Lang::Ru, "ru-RU".to_string()),
            ]),
        };
        let mut out = Vec::new();
        write_tmx(&memory, &options, &mut out).unwrap();
        let tmx = String::from_utf8(out).unwrap();
        assert!(tmx.contains(" srclang=\"EN-US\" "), "{tmx}");
        assert!(tmx.contains("<tuv xml:lang=\"EN-US\">"), "{tmx}");
        assert!(tmx.contains("<tuv xml:lang=\"ru-RU\">"), "{tmx}");
    }

    #[test]
    fn pair_files_are_named_after_the_pair() {
        let p = |s: &str| pair_path(Path::new(s), Lang::En, Lang::Kk);
        assert_eq!(p("out/memory.tmx"), Path::new("out/memory.en-kk.tmx"));
        assert_eq!(p("memory"), Path::new("memory.en-kk.tmx"));
        assert_eq!(p(".tmx"), Path::new(".tmx.en-kk.tmx"));
    }
}
