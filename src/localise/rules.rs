//! The localisation data, read once from the files under `rules/` (compiled
//! in): month names and their forms, how Kazakh numbers are read, Kazakh
//! endings, and the Russian nouns that agree with numbers.
//!
//! Every file is lines of fields separated by spaces, `#` starting a
//! comment line; [`fields`] is their one reader.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::Lang;

/// The lines of a rule file as fields, blank and comment lines skipped.
pub fn fields(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
}

/// One way of writing the months: `forms[m - 1]` is month `m`.
#[derive(Debug)]
pub struct MonthForm {
    /// The language.
    pub lang: Lang,
    /// The form's name in `months.txt` (`gen`, `prep`, `name`, …).
    pub name: String,
    /// The twelve months.
    pub forms: Vec<String>,
}

/// Every month form of every language, in file order.
pub fn month_forms() -> &'static [MonthForm] {
    static FORMS: OnceLock<Vec<MonthForm>> = OnceLock::new();
    FORMS.get_or_init(|| {
        fields(include_str!("rules/months.txt"))
            .filter_map(|f| {
                let lang = f.first()?.parse().ok()?;
                (f.len() == 14).then(|| MonthForm {
                    lang,
                    name: f[1].to_string(),
                    forms: f[2..].iter().map(|s| s.to_string()).collect(),
                })
            })
            .collect()
    })
}

/// One way of writing the scales of amounts: `forms[0]` thousand, then
/// million, billion, trillion.
#[derive(Debug)]
pub struct ScaleForm {
    /// The language.
    pub lang: Lang,
    /// The words, thousand first.
    pub forms: Vec<String>,
}

/// Every scale form of every language, in file order.
pub fn scale_forms() -> &'static [ScaleForm] {
    static FORMS: OnceLock<Vec<ScaleForm>> = OnceLock::new();
    FORMS.get_or_init(|| {
        fields(include_str!("rules/scales.txt"))
            .filter_map(|f| {
                let lang = f.first()?.parse().ok()?;
                (f.len() == 6).then(|| ScaleForm {
                    lang,
                    forms: f[2..].iter().map(|s| s.to_string()).collect(),
                })
            })
            .collect()
    })
}

/// The Kazakh number words: value → word, plus `percent` and `hours`.
pub fn kk_number_words() -> &'static HashMap<String, String> {
    static WORDS: OnceLock<HashMap<String, String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        fields(include_str!("rules/kk-numbers.txt"))
            .filter(|f| f.len() == 2)
            .map(|f| (f[0].to_string(), f[1].to_string()))
            .collect()
    })
}

/// One Kazakh ending family: `cells[sound][back?0:1]`.
#[derive(Debug)]
pub struct Ending {
    /// The family's name (`dative`, `ablative`, …).
    pub name: String,
    /// By last sound (vowel, sonorant, voiced, nasal, voiceless), the back
    /// and the front form.
    pub cells: Vec<[String; 2]>,
}

/// The Kazakh ending families of `kk-endings.txt`.
pub fn kk_endings() -> &'static [Ending] {
    static ENDINGS: OnceLock<Vec<Ending>> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        fields(include_str!("rules/kk-endings.txt"))
            .filter(|f| f.len() == 6)
            .map(|f| Ending {
                name: f[0].to_string(),
                cells: f[1..]
                    .iter()
                    .map(|c| {
                        let (b, fr) = c.split_once('/').unwrap_or((c, c));
                        [b.to_string(), fr.to_string()]
                    })
                    .collect(),
            })
            .collect()
    })
}

/// A Russian noun's forms after numbers.
#[derive(Debug, Clone)]
pub struct Noun {
    /// Nominative singular («район»), after 1 (21, 101 …).
    pub nom_sg: String,
    /// Genitive singular («района»), after 2–4 and decimals.
    pub gen_sg: String,
    /// Genitive plural («районов»), after 5 and more, 11–14.
    pub gen_pl: String,
    /// Whether the accusative is the genitive («21 эксперта»).
    pub animate: bool,
}

/// The Russian nouns of `ru-nouns.txt`, by each of their forms.
pub fn ru_nouns() -> &'static HashMap<String, Noun> {
    static NOUNS: OnceLock<HashMap<String, Noun>> = OnceLock::new();
    NOUNS.get_or_init(|| {
        let mut map = HashMap::new();
        for f in fields(include_str!("rules/ru-nouns.txt")).filter(|f| f.len() == 4) {
            let noun = Noun {
                nom_sg: f[0].to_string(),
                gen_sg: f[1].to_string(),
                gen_pl: f[2].to_string(),
                animate: f[3] == "anim",
            };
            for form in &f[..3] {
                map.entry(form.to_string()).or_insert_with(|| noun.clone());
            }
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_file_line_is_read() {
        let count = |data: &str| fields(data).count();
        assert_eq!(month_forms().len(), count(include_str!("rules/months.txt")));
        assert_eq!(scale_forms().len(), count(include_str!("rules/scales.txt")));
        assert_eq!(
            kk_number_words().len(),
            count(include_str!("rules/kk-numbers.txt"))
        );
        assert_eq!(
            kk_endings().len(),
            count(include_str!("rules/kk-endings.txt"))
        );
        assert!(kk_endings().iter().all(|e| e.cells.len() == 5));
        let nouns = count(include_str!("rules/ru-nouns.txt"));
        assert!(ru_nouns().len() >= nouns, "a noun line was not read");
        assert!(ru_nouns()["экспертов"].animate);
        assert_eq!(ru_nouns()["района"].nom_sg, "район");
    }
}
