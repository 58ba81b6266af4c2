//! The localisation data, read once from the files under `rules/` (compiled
//! in): month names and their forms, how Kazakh numbers are read, Kazakh
//! endings, and the Russian nouns that agree with numbers.
//!
//! Every file is read by [`crate::rules`]: lines of fields separated by
//! spaces, `#` starting a comment. Each reader here says what a line's
//! fields mean and names the line it cannot read.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::Lang;
use crate::rules::{built_in, rule_file, Line, RuleError, RuleFile};

const MONTHS: RuleFile<'static> = rule_file!("rules/months.txt");
const SCALES: RuleFile<'static> = rule_file!("rules/scales.txt");
const KK_NUMBERS: RuleFile<'static> = rule_file!("rules/kk-numbers.txt");
const KK_ENDINGS: RuleFile<'static> = rule_file!("rules/kk-endings.txt");
const RU_NOUNS: RuleFile<'static> = rule_file!("rules/ru-nouns.txt");

/// Each entry of `file`, read from its line by `entry`.
fn read<T>(
    file: RuleFile<'static>,
    mut entry: impl FnMut(&Line<'static>) -> Result<T, RuleError>,
) -> Result<Vec<T>, RuleError> {
    file.lines(&[]).map(|line| entry(&line?)).collect()
}

/// The language named by the first field of `line`.
fn lang(line: &Line) -> Result<Lang, RuleError> {
    line.fields[0]
        .parse()
        .map_err(|_| line.error(format!("'{}' is not a language", line.fields[0])))
}

/// Every rule file of localisation, each read as it is read for use, for
/// the test that checks all built-in files.
#[cfg(test)]
pub(crate) fn check_built_in() -> Result<Vec<RuleFile<'static>>, RuleError> {
    read_months()?;
    read_scales()?;
    read_kk_numbers()?;
    read_kk_endings()?;
    read_ru_nouns()?;
    Ok(vec![MONTHS, SCALES, KK_NUMBERS, KK_ENDINGS, RU_NOUNS])
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
    FORMS.get_or_init(|| built_in(read_months()))
}

fn read_months() -> Result<Vec<MonthForm>, RuleError> {
    read(MONTHS, |line| {
        let f = line.exactly(14, "LANG FORM and twelve months")?;
        Ok(MonthForm {
            lang: lang(line)?,
            name: f[1].to_string(),
            forms: f[2..].iter().map(|s| s.to_string()).collect(),
        })
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
    FORMS.get_or_init(|| built_in(read_scales()))
}

fn read_scales() -> Result<Vec<ScaleForm>, RuleError> {
    read(SCALES, |line| {
        let f = line.exactly(6, "LANG FORM and four scales")?;
        Ok(ScaleForm {
            lang: lang(line)?,
            forms: f[2..].iter().map(|s| s.to_string()).collect(),
        })
    })
}

/// The Kazakh number words: value → word, plus `percent` and `hours`.
pub fn kk_number_words() -> &'static HashMap<String, String> {
    static WORDS: OnceLock<HashMap<String, String>> = OnceLock::new();
    WORDS.get_or_init(|| built_in(read_kk_numbers()).into_iter().collect())
}

fn read_kk_numbers() -> Result<Vec<(String, String)>, RuleError> {
    read(KK_NUMBERS, |line| {
        let f = line.exactly(2, "VALUE WORD")?;
        Ok((f[0].to_string(), f[1].to_string()))
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
    ENDINGS.get_or_init(|| built_in(read_kk_endings()))
}

fn read_kk_endings() -> Result<Vec<Ending>, RuleError> {
    read(KK_ENDINGS, |line| {
        let f = line.exactly(6, "NAME and five BACK/FRONT cells")?;
        Ok(Ending {
            name: f[0].to_string(),
            cells: f[1..]
                .iter()
                .map(|c| {
                    let (b, fr) = c.split_once('/').unwrap_or((c, c));
                    [b.to_string(), fr.to_string()]
                })
                .collect(),
        })
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
        for noun in built_in(read_ru_nouns()) {
            for form in [&noun.nom_sg, &noun.gen_sg, &noun.gen_pl] {
                map.entry(form.clone()).or_insert_with(|| noun.clone());
            }
        }
        map
    })
}

fn read_ru_nouns() -> Result<Vec<Noun>, RuleError> {
    read(RU_NOUNS, |line| {
        let f = line.exactly(4, "three forms, then anim or inan")?;
        let animate = match f[3] {
            "anim" => true,
            "inan" => false,
            other => return Err(line.error(format!("'{other}' is neither anim nor inan"))),
        };
        Ok(Noun {
            nom_sg: f[0].to_string(),
            gen_sg: f[1].to_string(),
            gen_pl: f[2].to_string(),
            animate,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_file_line_is_read() {
        let count = |file: RuleFile| file.lines(&[]).count();
        assert_eq!(month_forms().len(), count(MONTHS));
        assert_eq!(scale_forms().len(), count(SCALES));
        assert_eq!(kk_number_words().len(), count(KK_NUMBERS));
        assert_eq!(kk_endings().len(), count(KK_ENDINGS));
        assert!(kk_endings().iter().all(|e| e.cells.len() == 5));
        let nouns = count(RU_NOUNS);
        assert!(ru_nouns().len() >= nouns, "a noun line was not read");
        assert!(ru_nouns()["экспертов"].animate);
        assert_eq!(ru_nouns()["района"].nom_sg, "район");
    }
}
