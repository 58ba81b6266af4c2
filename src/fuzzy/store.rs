//! What the matcher scores and shows of a unit: its id, texts and doubtful
//! mark, taken from a loaded unit (in memory, or read from the JSON through
//! the unit's byte range for each candidate the index lets through).

use crate::lang::Lang;
use crate::memory::Unit;

/// What the matcher needs of one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The unit's id.
    pub id: String,
    /// Its texts in `Lang::ALL` order.
    pub texts: [Option<String>; 3],
    /// Whether its alignment is marked doubtful.
    pub doubtful: bool,
}

impl Entry {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> Option<&str> {
        self.texts[lang as usize].as_deref()
    }

    /// The entry of `unit`: a text of only white space counts as none.
    pub fn from_unit(unit: Unit) -> Entry {
        let keep = |t: Option<String>| t.filter(|s| !s.trim().is_empty());
        Entry {
            id: unit.id,
            texts: [keep(unit.en), keep(unit.ru), keep(unit.kk)],
            doubtful: unit.doubtful,
        }
    }

    /// The languages it has a text in, one bit per language (`1 << lang`).
    pub fn langs(&self) -> u8 {
        Lang::ALL
            .into_iter()
            .filter(|&l| self.text(l).is_some())
            .fold(0, |m, l| m | 1 << l as u8)
    }
}
