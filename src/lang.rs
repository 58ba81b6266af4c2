//! The three languages of tm and their detection from a text.
//!
//! Latin letters mean English. Cyrillic is Russian or Kazakh, told apart by
//! the words of the whole text rather than by a single letter: a Russian
//! release names people and places with Kazakh letters («Әлия», «Нұрсұлтан»),
//! so a lower-case word with a Kazakh-only letter (әғқңөұүһі) counts for
//! Kazakh and a capitalised one (a name, or the first word of a sentence)
//! counts a quarter; Russian function words («и», «в», «на», «что»),
//! Russian endings («-ого», «-ться») and letters Kazakh words rarely have
//! (щ ъ э ё ь) count for Russian, Kazakh function words without a Kazakh
//! letter («мен», «деп», «туралы») for Kazakh. `tests/lang_eval.rs`
//! measures it on real sentences and documents.

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

/// Letters of Russian words that Kazakh words do not have (Kazakh writes
/// э freely in loanwords, «электр», «экспорт», so it tells nothing).
const RUSSIAN_LETTERS: &str = "щъё";

/// The soft sign: frequent in Russian, in Kazakh only in some loanwords
/// («фильм»), so it counts half.
const SOFT_SIGN: char = 'ь';

/// Frequent Russian words that are not Kazakh words.
const RUSSIAN_WORDS: &[&str] = &[
    "и",
    "в",
    "во",
    "на",
    "не",
    "что",
    "с",
    "со",
    "по",
    "для",
    "о",
    "об",
    "от",
    "к",
    "ко",
    "из",
    "за",
    "это",
    "как",
    "а",
    "но",
    "же",
    "был",
    "была",
    "были",
    "было",
    "также",
    "который",
    "которые",
    "которая",
    "которых",
    "этого",
    "его",
    "ее",
    "её",
    "их",
    "она",
    "они",
    "мы",
    "вы",
    "при",
    "до",
    "после",
    "уже",
    "только",
    "более",
    "может",
    "все",
    "всё",
    "года",
    "году",
    "лет",
    "между",
    "или",
    "так",
    "чтобы",
    "этом",
    "этой",
    "того",
    "том",
    "будет",
    "под",
    "над",
    "без",
    "через",
    "где",
    "когда",
    "свои",
    "своих",
    "является",
    "один",
    "одна",
    "одно",
    "меня",
    "мне",
    "этот",
    "эта",
    "эти",
    "нас",
    "нам",
    "вас",
    "себя",
    "тоже",
    "очень",
    "если",
    "там",
    "здесь",
    "сейчас",
    "можно",
    "нужно",
    "нет",
    "будут",
    "ней",
    "нём",
    "них",
    "им",
];

/// Frequent Kazakh words without a Kazakh-only letter.
const KAZAKH_WORDS: &[&str] = &[
    "мен",
    "бен",
    "пен",
    "де",
    "деп",
    "деді",
    "жылы",
    "осы",
    "ол",
    "бойынша",
    "бар",
    "емес",
    "туралы",
    "сол",
    "алайда",
    "немесе",
    "болып",
    "болды",
    "болса",
    "ал",
    "тек",
    "жатыр",
    "жыл",
    "бола",
    "атты",
    "сондай",
    "жаса",
    "еді",
    "екен",
    "жасар",
    "мырза",
    "онда",
    "шамамен",
    "деген",
    "арасында",
    "бастап",
    "бойы",
    "алды",
    "жоспар",
    "жол",
];

/// Kazakh word endings (case endings, plurals) without a Kazakh-only letter
/// that Russian words do not have.
const KAZAKH_ENDINGS: &[&str] = &[
    "ына",
    "ынан",
    "ында",
    "лары",
    "дары",
    "тары",
    "ларды",
    "дарды",
    "тарды",
    "ларын",
    "дарын",
    "тарын",
    "ымен",
    "сына",
    "сында",
    "сынан",
    "дармен",
    "лармен",
    "тармен",
    "дермен",
    "лермен",
    "термен",
    "ылды",
    "ылған",
];

/// Russian word endings that Kazakh words do not have.
const RUSSIAN_ENDINGS: &[&str] = &[
    "ого", "его", "ому", "ему", "ться", "тся", "ыми", "ими", "ых", "ение", "ения", "ании", "ает",
    "ают", "ует", "уют", "ые", "ой", "ом", "ая", "ое", "ие", "ый", "ий", "ов", "ев", "ся", "ила",
    "ило", "или", "ела", "ело", "ую", "ей",
];

/// A guess of a text's language, and whether the text leaves no doubt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guess {
    /// The language the text reads as.
    pub lang: Lang,
    /// True when the evidence is plain (several words, nearly all pointing
    /// one way): worth a warning when someone says otherwise. A short or
    /// mixed text gives a guess that is not clear.
    pub clear: bool,
}

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

    /// The language's name in English, for messages (`Russian`).
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Russian",
            Lang::Kk => "Kazakh",
        }
    }

    /// Guesses the language of `text` from its words (see the module
    /// header), or `None` when it has no Latin or Cyrillic letter at all.
    pub fn detect(text: &str) -> Option<Lang> {
        Lang::detect_with_confidence(text).map(|g| g.lang)
    }

    /// [`Lang::detect`], telling also whether the guess is clear.
    pub fn detect_with_confidence(text: &str) -> Option<Guess> {
        let (mut latin, mut cyrillic) = (0usize, 0usize);
        for c in text.chars() {
            if is_latin(c) {
                latin += 1;
            } else if is_cyrillic(c) {
                cyrillic += 1;
            }
        }
        if latin == 0 && cyrillic == 0 {
            return None;
        }
        if latin > cyrillic {
            return Some(Guess {
                lang: Lang::En,
                clear: latin >= 20 && latin >= 10 * cyrillic,
            });
        }
        let e = Evidence::of(text);
        let (lang, won, lost) = if e.kazakh > e.russian {
            (Lang::Kk, e.kazakh, e.russian)
        } else if e.russian > e.kazakh {
            (Lang::Ru, e.russian, e.kazakh)
        } else {
            // No word tells (or they tell both ways as much): the share of
            // Kazakh letters in words that are not names, which is 8-15 %
            // in Kazakh prose.
            let lang = if e.kazakh_letters * 20 >= cyrillic {
                Lang::Kk
            } else {
                Lang::Ru
            };
            return Some(Guess { lang, clear: false });
        };
        Some(Guess {
            lang,
            clear: won >= 2.0 && won >= 3.0 * lost && latin * 2 < cyrillic,
        })
    }
}

/// Whether `w`, longer than four letters, ends in one of `endings`.
fn ends_in(w: &str, endings: &[&str]) -> bool {
    w.chars().nth(4).is_some() && endings.iter().any(|end| w.ends_with(end))
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

/// Whether `c` is a Cyrillic letter (Russian's, Kazakh's or another's).
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c) && c.is_alphabetic()
}

/// Whether `c` is one of the letters Kazakh Cyrillic has and Russian has
/// not (ә, ғ, қ, ң, ө, ұ, ү, һ, і): a word with one is Kazakh.
pub fn is_kazakh_letter(c: char) -> bool {
    KAZAKH_LETTERS.contains(c)
}

/// Weighted counts of words that point to Russian or to Kazakh.
#[derive(Debug, Default)]
struct Evidence {
    russian: f64,
    kazakh: f64,
    /// Kazakh-only letters in words not capitalised.
    kazakh_letters: usize,
}

/// What a capitalised word counts for, against a lower-case one: it may be
/// a name, which a text in the other language spells as it is.
const CAPITALISED: f64 = 0.25;

impl Evidence {
    fn of(text: &str) -> Evidence {
        let mut e = Evidence::default();
        let mut word = String::new();
        let mut capitalised = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if is_cyrillic(c) {
                if word.is_empty() {
                    capitalised = c.is_uppercase();
                }
                word.extend(c.to_lowercase());
                continue;
            }
            // «О'Хаган», «премьер-министрі»: one word.
            let joins = matches!(c, '\'' | '’' | '-' | '‑');
            if joins && !word.is_empty() && chars.peek().is_some_and(|&n| is_cyrillic(n)) {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                e.word(&word, capitalised);
                word.clear();
            }
        }
        if !word.is_empty() {
            e.word(&word, capitalised);
        }
        e
    }

    fn word(&mut self, w: &str, capitalised: bool) {
        let weight = if capitalised { CAPITALISED } else { 1.0 };
        let kazakh_letters = w.chars().filter(|&c| KAZAKH_LETTERS.contains(c)).count();
        if !capitalised {
            self.kazakh_letters += kazakh_letters;
        }
        if kazakh_letters > 0 {
            self.kazakh += weight;
        } else if RUSSIAN_WORDS.contains(&w) {
            // Function words count whatever their case: «В понедельник».
            self.russian += 1.0;
        } else if KAZAKH_WORDS.contains(&w) {
            self.kazakh += 1.0;
        } else if capitalised {
            // A name: foreign names are spelled alike in both languages
            // («Дэниел», «Ливерпуль»).
        } else if w.chars().any(|c| RUSSIAN_LETTERS.contains(c)) || ends_in(w, RUSSIAN_ENDINGS) {
            self.russian += 1.0;
        } else if w.contains(SOFT_SIGN) {
            self.russian += 0.5;
        } else if ends_in(w, KAZAKH_ENDINGS) {
            self.kazakh += 1.0;
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

    fn guess(text: &str) -> (Lang, bool) {
        let g = Lang::detect_with_confidence(text).expect("letters");
        (g.lang, g.clear)
    }

    #[test]
    fn kazakh_names_leave_a_russian_text_russian() {
        for text in [
            "Әлия Сәрсенбайқызы выступила на открытии выставки.",
            "В понедельник аким Өскемена Нұрсұлтан Жұмабеков встретился с журналистами.",
            "Семинар прошёл в Шымкенте и Қызылорде.",
        ] {
            assert_eq!(Lang::detect(text), Some(Lang::Ru), "{text}");
        }
        // A name alone is not a Russian text.
        assert_eq!(guess("Нұрсұлтан"), (Lang::Kk, false));
        let release = "Әлия Нұрсұлтанқызы открыла форум в Астане.\n\n\
            По словам Ерұлана Сәрсенғалиұлы, в нём участвуют 300 человек из 12 стран.\n\n\
            «Мы рады гостям», – сказала Әлия Нұрсұлтанқызы.\n";
        assert_eq!(guess(release), (Lang::Ru, true));
    }

    #[test]
    fn kazakh_text_stays_kazakh() {
        let release = "Облыс әкімі жаңа мектепті ашты.\n\n\
            Мектепте 600 оқушы білім алады.\n\n\
            «Балалар үшін бәрі жасалды», – деді әкім.\n";
        assert_eq!(guess(release), (Lang::Kk, true));
        // Russian loanwords and foreign names in Kazakh.
        assert_eq!(
            Lang::detect("Президент Дональд Трамп экономика туралы сөз сөйледі."),
            Some(Lang::Kk)
        );
        assert_eq!(
            Lang::detect("Фильм премьер-министрмен кездесуден кейін көрсетілді."),
            Some(Lang::Kk)
        );
    }

    #[test]
    fn short_texts_are_guessed_but_not_clearly() {
        assert_eq!(guess("Қазақстан"), (Lang::Kk, false));
        assert_eq!(guess("Офис открыт."), (Lang::Ru, false));
        assert_eq!(guess("Мектеп ашылды."), (Lang::Kk, false));
        assert_eq!(guess("Open."), (Lang::En, false));
        // One sentence can be clear.
        assert_eq!(
            guess("В понедельник в городе открылась новая школа для детей."),
            (Lang::Ru, true)
        );
        assert_eq!(
            guess("Дүйсенбі күні қалада балаларға арналған жаңа мектеп ашылды."),
            (Lang::Kk, true)
        );
        assert_eq!(
            guess("The regional library opened a new reading hall on Monday."),
            (Lang::En, true)
        );
    }

    #[test]
    fn names_for_messages() {
        let names: Vec<&str> = Lang::ALL.iter().map(|l| l.name()).collect();
        assert_eq!(names, ["English", "Russian", "Kazakh"]);
    }

    #[test]
    fn maps_foreign_tags() {
        assert_eq!(Lang::from_tag("EN-US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("kk-Cyrl-KZ"), Some(Lang::Kk));
        assert_eq!(Lang::from_tag("ru_RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("de-DE"), None);
    }
}
