//! The translation memory: units, the JSON files that hold them (a folder
//! of schema 2, or the single file of schema 1; see [`layout`]), and the
//! rules for adding to it without losing or doubling anything.
//!
//! The formats are documented in `memory/README.md`.

pub mod adder;
pub mod adding;
pub mod changes;
pub mod error;
pub mod file;
pub mod folder;
pub mod keys;
pub mod layout;
pub mod maintain;
pub mod migrate;
pub mod part_key;
pub mod query;
pub mod regroup;
pub mod stats;
pub mod store;
pub mod unit;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

use unicode_normalization::UnicodeNormalization;

pub use adder::{Adder, Offered};
pub use error::MemoryError;
pub use layout::Layout;
pub use store::{edit, load, load_or_empty, EditOutcome};
pub use unit::Unit;

use crate::lang::Lang;
use crate::storage::hash::Fnv;

/// All units of a memory, in stored order (oldest first).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Memory {
    /// The units, in the order they were added.
    pub units: Vec<Unit>,
}

/// What happened to units offered to [`Memory::add`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddReport {
    /// Units stored as new.
    pub added: usize,
    /// Units not stored because the same texts are already there.
    pub duplicates: usize,
    /// Units stored as an alternative translation of a stored source.
    pub alternatives: usize,
    /// Stored units that gained the text of a language they lacked from a
    /// unit with the same source text (which was then not stored itself).
    pub completed: usize,
    /// Of those, how many gained a text in each language.
    pub completed_with: BTreeMap<Lang, usize>,
}

impl AddReport {
    /// Whether the memory changed: units were added or completed.
    pub fn changed(&self) -> bool {
        self.added > 0 || self.completed > 0
    }
}

/// How many stored units gained a text in each language, for people:
/// `3 units completed with kk`, `1 unit completed with ru, 2 with kk`;
/// `None` when none did.
pub fn completed_summary(completed_with: &BTreeMap<Lang, usize>) -> Option<String> {
    let parts: Vec<String> = completed_with
        .iter()
        .filter(|(_, &n)| n > 0)
        .enumerate()
        .map(|(i, (lang, &n))| match (i, n) {
            (0, 1) => format!("1 unit completed with {lang}"),
            (0, _) => format!("{n} units completed with {lang}"),
            _ => format!("{n} with {lang}"),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The current time as RFC 3339 UTC to the second, as the memory stores it.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// The form in which texts are compared for sameness: Unicode NFC, runs of
/// white space folded to one space, trimmed.
pub fn normalize(text: &str) -> String {
    normalized(text).into_owned()
}

/// [`normalize`] without a copy when the text is already in that form, as
/// stored texts almost always are: comparing a memory's units then costs no
/// allocation.
pub fn normalized(text: &str) -> Cow<'_, str> {
    // Most texts are already NFC, which a quick check tells without
    // decomposing and recomposing every character (a 1M-unit import spent
    // half its time there).
    let nfc = plainly_nfc(text)
        || unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes;
    if nfc && is_folded(text) {
        return Cow::Borrowed(text);
    }
    let composed;
    let text = if nfc {
        text
    } else {
        composed = text.nfc().collect::<String>();
        composed.as_str()
    };
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Characters that are NFC on their own and combine with nothing: Latin-1,
/// Cyrillic letters (not the combining marks U+0483–U+0489) and general
/// punctuation. A text of only these is NFC without the table look-ups of
/// the full check, which dominate adding to a large Russian and Kazakh
/// memory. A test checks every one against the full rules.
const PLAIN_NFC: [(char, char); 4] = [
    ('\u{0}', '\u{2FF}'),
    ('\u{400}', '\u{482}'),
    ('\u{48A}', '\u{4FF}'),
    ('\u{2010}', '\u{205E}'),
];

fn plainly_nfc(text: &str) -> bool {
    text.chars()
        .all(|c| PLAIN_NFC.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)))
}

/// True when `text` has no white space but single ASCII spaces between
/// words: what folding would leave as it is.
fn is_folded(text: &str) -> bool {
    let mut after_space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
}

/// The texts of a unit in comparable form, language by language.
fn key(unit: &Unit) -> [Option<Cow<'_, str>>; 3] {
    Lang::ALL.map(|l| unit.text(l).map(normalized))
}

impl Memory {
    /// The unit with this id.
    pub fn get(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The first id that more than one unit has, if any.
    pub fn first_duplicate_id(&self) -> Option<&str> {
        let mut seen = HashSet::with_capacity(self.units.len());
        self.units
            .iter()
            .find(|u| !seen.insert(u.id.as_str()))
            .map(|u| u.id.as_str())
    }

    /// Adds `new` units (their ids are assigned here), skipping any whose
    /// texts are all already stored, filling with their texts the empty
    /// languages of a stored unit with the same source-language text that
    /// agrees with them in every other language, and marking as an
    /// alternative any whose source-language text is stored with a different
    /// translation (see [`Adder::offer_keeping`]).
    ///
    /// `source` is the language whose text identifies a sentence (English for
    /// releases). Stored texts are never overwritten.
    pub fn add(&mut self, new: Vec<Unit>, source: Lang) -> AddReport {
        let mut adder = self.adder(source);
        for unit in new {
            adder.offer(unit);
        }
        adder.report()
    }
}

/// An id derived from the unit's texts and origin (so the same release added
/// to two copies of a memory gets the same ids), made unique among `taken`.
fn fresh_id(unit: &Unit, taken: impl Fn(&str) -> bool) -> String {
    let mut h = Fnv::new();
    for l in Lang::ALL {
        h.write(unit.text(l).unwrap_or("").as_bytes());
        h.write(&[0xff]);
    }
    h.write(unit.release.as_deref().unwrap_or("").as_bytes());
    h.write(&unit.position.unwrap_or(usize::MAX).to_le_bytes());
    let mut n = h.finish();
    loop {
        let id = format!("{:012x}", n & 0xffff_ffff_ffff);
        if !taken(&id) {
            return id;
        }
        n = n.wrapping_mul(0x100000001b3).wrapping_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(en: &str, ru: &str) -> Unit {
        let mut u = Unit::new(String::new(), "2026-01-01T00:00:00Z");
        u.set_text(Lang::En, Some(en.into()));
        u.set_text(Lang::Ru, Some(ru.into()));
        u
    }

    #[test]
    fn add_skips_duplicates_and_keeps_alternatives() {
        let mut m = Memory::default();
        let r = m.add(vec![unit("The Office opened.", "Офис открылся.")], Lang::En);
        assert_eq!((r.added, r.duplicates, r.alternatives), (1, 0, 0));
        let r = m.add(
            vec![
                unit("The  Office opened.", "Офис открылся."),
                unit("The Office opened.", "Офис был открыт."),
            ],
            Lang::En,
        );
        assert_eq!((r.added, r.duplicates, r.alternatives), (1, 1, 1));
        assert_eq!(m.units.len(), 2);
        assert_eq!(
            m.units[1].alternative_of.as_deref(),
            Some(m.units[0].id.as_str())
        );
        assert_ne!(m.units[0].id, m.units[1].id);
    }

    #[test]
    fn completed_summary_names_each_language() {
        assert_eq!(completed_summary(&BTreeMap::new()), None);
        assert_eq!(
            completed_summary(&BTreeMap::from([(Lang::Kk, 3)])).as_deref(),
            Some("3 units completed with kk")
        );
        assert_eq!(
            completed_summary(&BTreeMap::from([(Lang::Ru, 1), (Lang::Kk, 2)])).as_deref(),
            Some("1 unit completed with ru, 2 with kk")
        );
    }

    #[test]
    fn normalize_folds_space_and_composes() {
        assert_eq!(normalize("  a\u{00a0} b\n c "), "a b c");
        assert_eq!(normalize("e\u{0301}"), "\u{00e9}");
    }

    #[test]
    fn plain_nfc_characters_are_nfc_and_combine_with_nothing() {
        use unicode_normalization::char::canonical_combining_class;
        for &(lo, hi) in &PLAIN_NFC {
            for c in lo..=hi {
                let one = c.to_string();
                assert_eq!(one.nfc().collect::<String>(), one, "{c:?} is not NFC");
                assert_eq!(canonical_combining_class(c), 0, "{c:?} combines");
                // Not "maybe": it never composes with what stands before it.
                assert_eq!(
                    unicode_normalization::is_nfc_quick(one.chars()),
                    unicode_normalization::IsNormalized::Yes,
                    "{c:?}"
                );
            }
        }
        assert!(plainly_nfc("Астана – «Қазақстан» 2,5%"));
        assert!(!plainly_nfc("e\u{0301}"));
    }

    #[test]
    fn normalized_borrows_only_what_is_already_folded() {
        for text in ["a b c", "Астана", "", "e\u{00e9}"] {
            assert!(
                matches!(normalized(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
        for text in [
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{00a0}b",
            "e\u{0301}",
            "a\nb",
        ] {
            assert!(matches!(normalized(text), Cow::Owned(_)), "{text:?}");
            assert_eq!(normalized(text), normalize(text));
        }
        assert_eq!(normalized(" a\u{00a0}b "), "a b");
    }
}
