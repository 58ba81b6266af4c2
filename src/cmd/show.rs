//! How the memory commands print units for people: a header line with the
//! id, release, position, date and marks, then one indented line per text.
//! Shared by `tm list`, `tm review` and `tm concord`.

use std::io::Write;

use tm::memory::Unit;
use tm::report::units::UnitsJson;
use tm::Lang;

/// The header line of a unit: `id  release #position  date  marks`.
pub fn header(u: &Unit) -> String {
    let mut h = u.id.clone();
    match (&u.release, u.position) {
        (Some(r), Some(p)) => h.push_str(&format!("  {r} #{p}")),
        (Some(r), None) => h.push_str(&format!("  {r}")),
        (None, Some(p)) => h.push_str(&format!("  #{p}")),
        (None, None) => {}
    }
    h.push_str("  ");
    h.push_str(u.changed.get(..10).unwrap_or(&u.changed));
    if u.doubtful {
        match u.confidence {
            Some(c) => h.push_str(&format!("  doubtful (confidence {c:.2})")),
            None => h.push_str("  doubtful"),
        }
    }
    if let Some(a) = &u.alternative_of {
        h.push_str(&format!("  alternative of {a}"));
    }
    h
}

/// Writes a unit: its header, then its texts, `first` language first and
/// `marked` (already highlighted) in place of that language's text.
pub fn write_unit(
    out: &mut impl Write,
    u: &Unit,
    first: Option<Lang>,
    marked: Option<&str>,
) -> std::io::Result<()> {
    writeln!(out, "{}", header(u))?;
    let mut langs: Vec<Lang> = Lang::ALL.to_vec();
    if let Some(f) = first {
        langs.retain(|&l| l != f);
        langs.insert(0, f);
    }
    for l in langs {
        let text = match (marked, Some(l) == first) {
            (Some(m), true) => Some(m),
            _ => u.text(l),
        };
        if let Some(t) = text {
            writeln!(out, "  {}  {}", l.code(), t)?;
        }
    }
    Ok(())
}

/// Writes units separated by blank lines.
pub fn write_units<'a>(
    out: &mut impl Write,
    units: impl IntoIterator<Item = &'a Unit>,
) -> std::io::Result<()> {
    for (i, u) in units.into_iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_unit(out, u, None, None)?;
    }
    Ok(())
}

/// Writes units as `{"units":[…]}` with their stored fields, one line.
pub fn write_units_json(out: &mut impl Write, units: Vec<&Unit>) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &UnitsJson { units })?;
    writeln!(out)
}
