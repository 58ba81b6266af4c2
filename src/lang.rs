//! The three languages of tm and their detection from the script of a text.
//!
//! Detection is by script alone, which is all a trilingual press office needs:
//! Latin letters mean English, Cyrillic with a Kazakh-only letter means Kazakh,
//! other Cyrillic means Russian.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language tm knows, named by its BCP 47 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Russian.
    Ru,
    /// Kazakh (Cyrillic script).
    Kk,
}

/// The letters that Kazakh Cyrillic has and Russian has not.
const KAZAKH_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

impl Lang {
    /// Every language, in the order tm prints them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    /// The BCP 47 code (`en`, `ru`, `kk`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// Maps a language tag as other tools write it (`EN-US`, `ru_RU`,
    /// `kk-Cyrl-KZ`) to a tm language, or `None` for any other language.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" | "eng" => Some(Lang::En),
            "ru" | "rus" => Some(Lang::Ru),
            "kk" | "kaz" => Some(Lang::Kk),
            _ => None,
        }
    }

    /// Guesses the language of `text` from its letters, or `None` when it has
    /// no Latin or Cyrillic letter at all.
    pub fn detect(text: &str) -> Option<Lang> {
        let (mut latin, mut cyrillic, mut kazakh) = (0usize, 0usize, 0usize);
        for c in text.chars() {
            if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
                latin += 1;
            } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
                cyrillic += 1;
                if KAZAKH_LETTERS.contains(c) {
                    kazakh += 1;
                }
            }
        }
        if latin == 0 && cyrillic == 0 {
            None
        } else if latin > cyrillic {
            Some(Lang::En)
        } else if kazakh > 0 {
            Some(Lang::Kk)
        } else {
            Some(Lang::Ru)
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a language code tm does not know.
#[derive(Debug, thiserror::Error)]
#[error("unknown language '{0}' (expected en, ru or kk)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "ru" => Ok(Lang::Ru),
            "kk" => Ok(Lang::Kk),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_script() {
        assert_eq!(Lang::detect("The Office held a seminar."), Some(Lang::En));
        assert_eq!(Lang::detect("Офис провел семинар."), Some(Lang::Ru));
        assert_eq!(Lang::detect("Кеңсе семинар өткізді."), Some(Lang::Kk));
        assert_eq!(Lang::detect("12345 ..."), None);
        // A Russian text quoting an English name stays Russian.
        assert_eq!(
            Lang::detect("Представитель OSCE выступил на семинаре."),
            Some(Lang::Ru)
        );
    }

    #[test]
    fn maps_foreign_tags() {
        assert_eq!(Lang::from_tag("EN-US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("kk-Cyrl-KZ"), Some(Lang::Kk));
        assert_eq!(Lang::from_tag("ru_RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("de-DE"), None);
    }
}
