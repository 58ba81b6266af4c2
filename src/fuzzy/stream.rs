//! Reading a large memory file unit by unit for the cache, so that building
//! it never holds the whole JSON text and every parsed unit at once (at a
//! million units that is the difference between about 1 and 2 GB).
//!
//! Only the happy path streams: anything unexpected (a parse error, another
//! format or version, a repeated id) is left to [`crate::memory::file::load`],
//! which reads the file again and reports the problem with its place.

use std::collections::HashSet;
use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::lang::Lang;
use crate::memory::file::{FORMAT, VERSION};
use crate::memory::Unit;

use super::store::Entry;

/// The units of the memory at `path` as entries, or `None` when the file is
/// not a plain, valid memory of this version (the caller then loads it the
/// careful way for the message).
pub fn entries(path: &Path) -> Option<Vec<Entry>> {
    let file = File::open(path).ok()?;
    let reader = BufReader::with_capacity(1 << 20, file);
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut out = Collect {
        entries: Vec::new(),
        ids: HashSet::new(),
        duplicate: false,
        format_ok: false,
        version_ok: false,
    };
    (&mut out).deserialize(&mut de).ok()?;
    de.end().ok()?;
    (out.format_ok && out.version_ok && !out.duplicate).then_some(out.entries)
}

struct Collect {
    entries: Vec<Entry>,
    ids: HashSet<String>,
    duplicate: bool,
    format_ok: bool,
    version_ok: bool,
}

impl Collect {
    fn push(&mut self, u: Unit) {
        if !self.ids.insert(u.id.clone()) {
            self.duplicate = true;
        }
        let keep = |t: Option<String>| t.filter(|s| !s.trim().is_empty());
        self.entries.push(Entry {
            id: u.id,
            texts: [keep(u.en), keep(u.ru), keep(u.kk)],
            doubtful: u.doubtful,
        });
    }
}

impl<'de> DeserializeSeed<'de> for &mut Collect {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for &mut Collect {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a tm memory")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => self.format_ok = map.next_value::<String>()? == FORMAT,
                "version" => self.version_ok = map.next_value::<u64>()? == u64::from(VERSION),
                "units" => map.next_value_seed(Units(&mut *self))?,
                _ => {
                    // Unknown fields are refused by the careful loader.
                    map.next_value::<IgnoredAny>()?;
                    self.format_ok = false;
                }
            }
        }
        Ok(())
    }
}

struct Units<'a>(&'a mut Collect);

impl<'de> DeserializeSeed<'de> for Units<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Units<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of units")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(u) = seq.next_element::<Unit>()? {
            self.0.push(u);
        }
        Ok(())
    }
}

/// Which languages (in `Lang::ALL` order) any entry has a text in.
pub fn languages(entries: &[Entry]) -> [bool; 3] {
    let mut langs = [false; 3];
    for e in entries {
        for l in Lang::ALL {
            langs[l as usize] |= e.text(l).is_some();
        }
    }
    langs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Option<Vec<Entry>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tm.json");
        std::fs::write(&path, json).unwrap();
        entries(&path)
    }

    const UNIT: &str =
        r#"{"id":"a","en":"One.","ru":" ","created":"x","changed":"x","doubtful":true}"#;

    #[test]
    fn streams_a_valid_memory() {
        let got = read(&format!(
            r#"{{"format":"tm-memory","version":1,"units":[{UNIT}]}}"#
        ))
        .unwrap();
        assert_eq!(
            got,
            vec![Entry {
                id: "a".into(),
                texts: [Some("One.".into()), None, None],
                doubtful: true,
            }]
        );
    }

    #[test]
    fn leaves_anything_unusual_to_the_careful_loader() {
        for json in [
            format!(r#"{{"format":"tm-memory","version":2,"units":[{UNIT}]}}"#),
            format!(r#"{{"format":"other","version":1,"units":[{UNIT}]}}"#),
            format!(r#"{{"version":1,"units":[{UNIT}]}}"#),
            format!(r#"{{"format":"tm-memory","version":1,"units":[{UNIT},{UNIT}]}}"#),
            format!(r#"{{"format":"tm-memory","version":1,"extra":0,"units":[{UNIT}]}}"#),
            format!(r#"{{"format":"tm-memory","version":1,"units":[{UNIT}]}} trailing"#),
            r#"{"format":"tm-memory","version":1,"units":[{"id":"a"}]}"#.to_string(),
        ] {
            assert_eq!(read(&json), None, "{json}");
        }
    }
}
