//! A translation unit: one sentence (or a few) in each language that has it,
//! with where it came from.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// One stored translation unit.
///
/// Field order is the order in the JSON file, chosen so that a person reading
/// or diffing the memory sees the texts first. A field tm does not know is
/// refused when the file is read, with its place, as an unknown header
/// field is: keeping it would need every writer to carry it, and dropping
/// it on the next write would lose a person's data without a word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable identifier, never reused, unchanged by edits.
    pub id: String,
    /// English text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Russian text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ru: Option<String>,
    /// Kazakh text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kk: Option<String>,
    /// The release (or imported file) the unit came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
    /// Position of the unit in its release, from 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    /// When the unit was stored, RFC 3339 UTC (`2026-11-29T10:00:00Z`).
    pub created: String,
    /// When the unit was last changed, RFC 3339 UTC.
    pub changed: String,
    /// How sure the aligner was that the texts translate each other, 0–1;
    /// absent for units that were not aligned by tm (imported ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// Marked for a person to check (a doubtful alignment), until accepted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub doubtful: bool,
    /// The id of the unit this one is an alternative translation of: the same
    /// source sentence stored earlier with a different translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_of: Option<String>,
    /// Free metadata kept from other tools (TMX `<prop>`s, notes).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub props: std::collections::BTreeMap<String, String>,
}

impl Unit {
    /// A new unit with no texts, created and changed at `now`.
    pub fn new(id: String, now: &str) -> Unit {
        Unit {
            id,
            en: None,
            ru: None,
            kk: None,
            release: None,
            position: None,
            created: now.to_string(),
            changed: now.to_string(),
            confidence: None,
            doubtful: false,
            alternative_of: None,
            props: Default::default(),
        }
    }

    /// The text in `lang`, if the unit has a non-empty one.
    pub fn text(&self, lang: Lang) -> Option<&str> {
        let t = match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
        };
        t.as_deref().filter(|s| !s.trim().is_empty())
    }

    /// Sets (or, with `None`, removes) the text in `lang`.
    pub fn set_text(&mut self, lang: Lang, text: Option<String>) {
        let slot = match lang {
            Lang::En => &mut self.en,
            Lang::Ru => &mut self.ru,
            Lang::Kk => &mut self.kk,
        };
        *slot = text.filter(|s| !s.trim().is_empty());
    }

    /// The languages the unit has text in, in tm's order.
    pub fn langs(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|&l| self.text(l).is_some())
            .collect()
    }
}
