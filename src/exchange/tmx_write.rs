//! Writing a memory as TMX 1.4b.
//!
//! One `<tu>` per unit, a `<tuv>` for each of its languages, tm's metadata as
//! `x-` props, and nothing that depends on the clock: the header's
//! `creationdate` is the memory's latest change, so the same memory always
//! gives the same bytes (and an export of a re-import is identical).

use std::io::{self, Write};

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
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            langs: Lang::ALL.to_vec(),
            srclang: None,
        }
    }
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
    let srclang = options.srclang.map_or("*all*", Lang::code);
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
        report.replaced_chars += push_unit(&mut out, unit, &langs);
        w.write_all(out.as_bytes())?;
        report.written += 1;
    }
    w.write_all(b"  </body>\n</tmx>\n")?;
    w.flush()?;
    Ok(report)
}

/// Appends one `<tu>`; returns the characters replaced.
fn push_unit(out: &mut String, unit: &Unit, langs: &[Lang]) -> usize {
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
        out.push_str(&format!(
            "      <tuv xml:lang=\"{}\">\n        <seg>",
            lang.code()
        ));
        replaced += xml::push_text(out, unit.text(lang).unwrap_or(""));
        out.push_str("</seg>\n      </tuv>\n");
    }
    out.push_str("    </tu>\n");
    replaced
}
