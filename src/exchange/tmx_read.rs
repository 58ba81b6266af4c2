//! Reading TMX (1.1 to 1.4b, as OmegaT, Trados, memoQ and tm write it) one
//! `<tu>` at a time.
//!
//! Events come from [`super::xml_events`], which streams the file (memory
//! bounded by the largest element) and refuses entity declarations; this
//! module knows the TMX structure and turns `<tu>`s into units.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::xml_events::{Ev, Events};
use super::{dates, is_tm_id, ExchangeError, Item, SkipReason, Tally, UnitSource};
use crate::memory::Unit;
use crate::Lang;

/// Inline elements that stand for formatting codes: their content is the
/// code (`<b>`, `{1}`), not text, so it is dropped. `<sub>` only occurs
/// inside them.
const CODES: [&str; 6] = ["bpt", "ept", "ph", "it", "ut", "sub"];

/// A TMX file being read (see the module header).
pub struct TmxReader<R: BufRead> {
    xml: Events<R>,
    /// The file name, the `release` of units from other tools.
    file_name: String,
    /// The file was written by tm: its props carry the whole unit.
    tm_origin: bool,
    srclang: Lang,
    now: String,
    tally: Tally,
    tu_index: usize,
    done: bool,
}

impl TmxReader<BufReader<File>> {
    /// Opens the TMX file at `path` and reads up to its `<body>`. `now` dates
    /// units that carry no dates.
    pub fn open(path: &Path, now: &str) -> Result<Self, ExchangeError> {
        TmxReader::new(super::open_buffered(path)?, path, now)
    }
}

impl<R: BufRead> TmxReader<R> {
    /// Reads TMX from `input`; `path` names it in messages and is read again
    /// to turn an error's offset into a line and column.
    pub fn new(mut input: R, path: &Path, now: &str) -> Result<Self, ExchangeError> {
        // Old Trados versions wrote UTF-16; say so rather than "malformed".
        let head = input.fill_buf().map_err(|source| ExchangeError::Io {
            path: path.to_path_buf(),
            action: "reading",
            source,
        })?;
        if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
            return Err(ExchangeError::File {
                path: path.to_path_buf(),
                message: "UTF-16 TMX is not read; convert it to UTF-8 first \
                          (iconv -f UTF-16 -t UTF-8 in.tmx > out.tmx)"
                    .into(),
            });
        }
        let mut me = TmxReader {
            xml: Events::new(input, path),
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            tm_origin: false,
            srclang: Lang::En,
            now: now.to_string(),
            tally: Tally::default(),
            tu_index: 0,
            done: false,
        };
        me.read_prolog()?;
        Ok(me)
    }

    /// Reads up to and including `<body>` (or the end of an empty file).
    fn read_prolog(&mut self) -> Result<(), ExchangeError> {
        loop {
            match self.next_ev()? {
                Ev::Start(name, _) if name == "tmx" => break,
                Ev::Start(name, _) | Ev::Empty(name, _) => {
                    return Err(self.at(format!(
                        "not a TMX file: the root element is <{name}>, not <tmx>"
                    )))
                }
                Ev::Eof => return Err(self.at("not a TMX file: no <tmx> element".into())),
                _ => {}
            }
        }
        loop {
            match self.next_ev()? {
                Ev::Start(name, attrs) if name == "header" => {
                    self.header(&attrs);
                    self.skip("header")?;
                }
                Ev::Empty(name, attrs) if name == "header" => self.header(&attrs),
                Ev::Start(name, _) if name == "body" => return Ok(()),
                Ev::Empty(name, _) if name == "body" => return self.finish(),
                Ev::Start(name, _) => self.skip(&name)?,
                Ev::End(_) => {
                    self.done = true;
                    return self.drain();
                }
                Ev::Eof => return Err(self.at("the file ends inside <tmx>".into())),
                _ => {}
            }
        }
    }

    fn header(&mut self, attrs: &[(String, String)]) {
        self.tm_origin = attr(attrs, "creationtool") == Some(super::tmx_write::CREATION_TOOL)
            && attr(attrs, "o-tmf") == Some(super::tmx_write::O_TMF);
        if let Some(l) = attr(attrs, "srclang").and_then(Lang::from_tag) {
            self.srclang = l;
        }
    }

    /// After `</body>`: the rest must still be well-formed.
    fn finish(&mut self) -> Result<(), ExchangeError> {
        self.done = true;
        loop {
            match self.next_ev()? {
                Ev::End(name) if name == "tmx" => return self.drain(),
                Ev::Start(name, _) => self.skip(&name)?,
                Ev::Eof => return Err(self.at("the file ends inside <tmx>".into())),
                _ => {}
            }
        }
    }

    /// After the root element: nothing but comments and white space.
    fn drain(&mut self) -> Result<(), ExchangeError> {
        loop {
            match self.next_ev()? {
                Ev::Eof => return Ok(()),
                Ev::Start(name, _) | Ev::Empty(name, _) => {
                    return Err(self.at(format!("<{name}> after the end of <tmx>")))
                }
                _ => {}
            }
        }
    }

    /// Reads one `<tu>` whose start tag has been read.
    fn tu(&mut self, attrs: &[(String, String)]) -> Result<Item, ExchangeError> {
        let position = self.tu_index;
        self.tu_index += 1;
        let mut texts: [Option<String>; 3] = Default::default();
        let mut unit = Unit::new(String::new(), "");
        let (mut created, mut changed) = (date(attrs, "creationdate"), date(attrs, "changedate"));
        let (mut tuv_created, mut tuv_changed): (Option<String>, Option<String>) = (None, None);
        if let Some(tuid) = attr(attrs, "tuid") {
            if is_tm_id(tuid) {
                unit.id = tuid.to_string();
            } else if !tuid.is_empty() {
                unit.props.insert("tuid".into(), tuid.to_string());
            }
        }
        loop {
            match self.next_ev()? {
                Ev::Start(name, a) if name == "prop" => {
                    let value = self.text_of("prop")?;
                    let kind = attr(&a, "type").unwrap_or("").to_string();
                    self.prop(&mut unit, kind, value);
                }
                Ev::Start(name, _) if name == "note" => {
                    let note = self.text_of("note")?;
                    let slot = unit.props.entry("note".into()).or_default();
                    if !slot.is_empty() {
                        slot.push('\n');
                    }
                    slot.push_str(&note);
                }
                Ev::Start(name, a) if name == "tuv" => {
                    let seg = self.tuv()?;
                    let tag = attr(&a, "xml:lang")
                        .or_else(|| attr(&a, "lang"))
                        .unwrap_or("");
                    match Lang::from_tag(tag) {
                        None => {
                            let shown = if tag.is_empty() { "(no language)" } else { tag };
                            *self
                                .tally
                                .other_languages
                                .entry(shown.to_string())
                                .or_default() += 1;
                        }
                        Some(l) if texts[l as usize].is_some() => self.tally.repeated_variants += 1,
                        Some(_) if seg.trim().is_empty() => self.tally.empty_segments += 1,
                        Some(l) => texts[l as usize] = Some(seg),
                    }
                    tuv_created = min_date(tuv_created, date(&a, "creationdate"));
                    tuv_changed = max_date(tuv_changed, date(&a, "changedate"));
                }
                Ev::Start(name, _) => self.skip(&name)?,
                Ev::End(_) => break,
                Ev::Eof => return Err(self.at("the file ends inside <tu>".into())),
                _ => {}
            }
        }
        if texts.iter().filter(|t| t.is_some()).count() < 2 {
            return Ok(Item::Skipped(SkipReason::TooFewLanguages));
        }
        for (l, t) in Lang::ALL.into_iter().zip(texts) {
            unit.set_text(l, t);
        }
        created = created.or(tuv_created);
        changed = changed.or(tuv_changed).or_else(|| created.clone());
        unit.created = created.unwrap_or_else(|| self.now.clone());
        unit.changed = changed.unwrap_or_else(|| self.now.clone());
        if !self.tm_origin {
            unit.release.get_or_insert_with(|| self.file_name.clone());
            unit.position.get_or_insert(position);
        }
        Ok(Item::Unit(Box::new(unit)))
    }

    /// Files a `<prop>`: tm's own metadata into its fields, the rest kept.
    fn prop(&self, unit: &mut Unit, kind: String, value: String) {
        let known = match kind.as_str() {
            "x-release" => {
                unit.release = Some(value.clone());
                true
            }
            "x-position" => value.parse().map(|p| unit.position = Some(p)).is_ok(),
            "x-confidence" => match value.parse::<f64>() {
                Ok(c) if c.is_finite() => {
                    unit.confidence = Some(c);
                    true
                }
                _ => false,
            },
            "x-doubtful" => {
                unit.doubtful = value == "true" || value == "1";
                true
            }
            "x-alternative-of" => {
                unit.alternative_of = Some(value.clone());
                true
            }
            _ => false,
        };
        if !known {
            unit.props.entry(kind).or_insert(value);
        }
    }

    /// Reads the rest of a `<tuv>`: its segment's text.
    fn tuv(&mut self) -> Result<String, ExchangeError> {
        let mut seg = String::new();
        loop {
            match self.next_ev()? {
                Ev::Start(name, _) if name == "seg" => seg = self.seg()?,
                Ev::Start(name, _) => self.skip(&name)?,
                Ev::End(_) => return Ok(seg),
                Ev::Eof => return Err(self.at("the file ends inside <tuv>".into())),
                _ => {}
            }
        }
    }

    /// Reads the rest of a `<seg>`: its text, without inline codes.
    fn seg(&mut self) -> Result<String, ExchangeError> {
        self.xml.keep_text = true;
        let result = self.seg_text();
        self.xml.keep_text = false;
        result
    }

    fn seg_text(&mut self) -> Result<String, ExchangeError> {
        let mut text = String::new();
        let (mut depth, mut dropped) = (0usize, false);
        loop {
            match self.next_ev()? {
                Ev::Text(t) => text.push_str(&t),
                Ev::Start(name, _) if CODES.contains(&&*name) => {
                    self.xml.keep_text = false;
                    self.skip(&name)?;
                    self.xml.keep_text = true;
                    dropped = true;
                }
                Ev::Empty(name, _) => dropped |= CODES.contains(&&*name),
                // `<hi>` and anything unknown: keep the text inside.
                Ev::Start(..) => depth += 1,
                Ev::End(_) if depth > 0 => depth -= 1,
                Ev::End(_) => break,
                Ev::Eof => return Err(self.at("the file ends inside <seg>".into())),
            }
        }
        if dropped {
            // A code between two words leaves two spaces; fold them.
            text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        Ok(text)
    }

    /// The text content of an element whose start tag has been read.
    fn text_of(&mut self, name: &str) -> Result<String, ExchangeError> {
        self.xml.keep_text = true;
        let result = self.text_of_inner(name);
        self.xml.keep_text = false;
        result
    }

    fn text_of_inner(&mut self, name: &str) -> Result<String, ExchangeError> {
        let mut text = String::new();
        let mut depth = 0usize;
        loop {
            match self.next_ev()? {
                Ev::Text(t) => text.push_str(&t),
                Ev::Start(..) => depth += 1,
                Ev::End(_) if depth > 0 => depth -= 1,
                Ev::End(_) => return Ok(text),
                Ev::Eof => return Err(self.at(format!("the file ends inside <{name}>"))),
                Ev::Empty(..) => {}
            }
        }
    }

    /// Skips the rest of an element whose start tag has been read (still
    /// checking that it is well-formed).
    fn skip(&mut self, name: &str) -> Result<(), ExchangeError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next_ev()? {
                Ev::Start(..) => depth += 1,
                Ev::End(_) => depth -= 1,
                Ev::Eof => return Err(self.at(format!("the file ends inside <{name}>"))),
                _ => {}
            }
        }
        Ok(())
    }

    fn next_ev(&mut self) -> Result<Ev, ExchangeError> {
        self.xml.next_event()
    }

    fn at(&self, message: String) -> ExchangeError {
        self.xml.at(message)
    }
}

impl<R: BufRead> UnitSource for TmxReader<R> {
    fn source_lang(&self) -> Lang {
        self.srclang
    }

    fn next_item(&mut self) -> Result<Option<Item>, ExchangeError> {
        while !self.done {
            match self.next_ev()? {
                Ev::Start(name, attrs) if name == "tu" => return self.tu(&attrs).map(Some),
                Ev::Empty(name, _) if name == "tu" => {
                    self.tu_index += 1;
                    return Ok(Some(Item::Skipped(SkipReason::TooFewLanguages)));
                }
                Ev::Start(name, _) => self.skip(&name)?,
                Ev::End(_) => self.finish()?,
                Ev::Eof => return Err(self.at("the file ends inside <body>".into())),
                _ => {}
            }
        }
        Ok(None)
    }

    fn position(&self) -> u64 {
        self.xml.position()
    }

    fn tally(&self) -> &Tally {
        &self.tally
    }
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn date(attrs: &[(String, String)], key: &str) -> Option<String> {
    attr(attrs, key).and_then(dates::from_tmx)
}

fn min_date(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_date(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(xml: &str) -> Result<Vec<Item>, ExchangeError> {
        let mut r = TmxReader::new(xml.as_bytes(), Path::new("t.tmx"), "2026-01-01T00:00:00Z")?;
        let mut out = Vec::new();
        while let Some(item) = r.next_item()? {
            out.push(item);
        }
        Ok(out)
    }

    fn texts(item: &Item) -> (Option<String>, Option<String>) {
        match item {
            Item::Unit(u) => (u.en.clone(), u.ru.clone()),
            Item::Skipped(_) => (None, None),
        }
    }

    #[test]
    fn references_cdata_and_tmx_11_lang() {
        let items = units(
            "<tmx version=\"1.1\"><header/><body><tu>\
             <tuv lang=\"EN\"><seg>A &#x41;&amp;<![CDATA[<b>]]> &lt;&#1046;</seg></tuv>\
             <tuv lang=\"RU\"><seg>Б</seg></tuv></tu></body></tmx>",
        )
        .unwrap();
        assert_eq!(
            texts(&items[0]),
            (Some("A A&<b> <Ж".into()), Some("Б".into()))
        );
    }

    #[test]
    fn an_empty_tu_is_skipped_and_empty_files_are_fine() {
        let items = units("<tmx><header/><body><tu/></body></tmx>").unwrap();
        assert_eq!(items, vec![Item::Skipped(SkipReason::TooFewLanguages)]);
        assert_eq!(units("<tmx><header/><body/></tmx>").unwrap(), vec![]);
        assert_eq!(units("<tmx><header/></tmx>").unwrap(), vec![]);
    }

    #[test]
    fn refuses_utf16_and_trailing_elements() {
        let e = units("\u{feff}").unwrap_err();
        assert!(e.to_string().contains("no <tmx> element"), "{e}");
        let r = TmxReader::new(&b"\xFF\xFE<\0t\0"[..], Path::new("t.tmx"), "");
        assert!(matches!(r, Err(ExchangeError::File { .. })));
        let e = units("<tmx><header/><body/></tmx><tmx/>").unwrap_err();
        assert!(
            e.to_string().contains("<tmx> after the end of <tmx>"),
            "{e}"
        );
    }
}
