//! Russian numeral–noun agreement: the noun after a number takes the
//! nominative singular after 1 (21, 101), the genitive singular after 2–4
//! (22, 103) and after a decimal, the genitive plural after 5 and more and
//! after 11–14; after a preposition that governs the genitive («более»,
//! «до») it is genitive singular after 1 and genitive plural otherwise.
//!
//! The noun is changed only when that is certain: a noun of `ru-nouns.txt`
//! whose form shows the case, or a genitive plural in -ов/-ев becoming a
//! genitive singular. Anything else is left as stored and said.

use super::rules::{month_forms, ru_nouns, Noun};
use crate::lang::Lang;

/// The agreement class of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Ends in 1, not 11: «21 район».
    One,
    /// Ends in 2–4, not 12–14, or has a fraction: «3 района», «1,5 млн».
    Few,
    /// Everything else: «5 районов», «12 районов».
    Many,
}

/// The class of the number with integer digits `int` and fraction `frac`.
pub fn class(int: &str, frac: &str) -> Class {
    if !frac.is_empty() {
        return Class::Few;
    }
    let last2: u32 = int[int.len().saturating_sub(2)..].parse().unwrap_or(0);
    match (last2 % 10, last2 / 10 == 1) {
        (_, true) => Class::Many,
        (1, _) => Class::One,
        (2..=4, _) => Class::Few,
        _ => Class::Many,
    }
}

/// What agreement asks of the words after a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Agreement {
    /// Nothing to change.
    Unchanged,
    /// Replace the bytes `start..end` (relative to the text after the
    /// number) with `with`.
    Replace {
        /// Start of the noun.
        start: usize,
        /// End of the noun.
        end: usize,
        /// Its new form.
        with: String,
    },
    /// The noun may need another form and tm cannot say which.
    Unsure(String),
}

/// Words after which a number and its noun are in the genitive.
const GENITIVE_BEFORE: &[&str] = &[
    "более",
    "менее",
    "свыше",
    "около",
    "до",
    "от",
    "из",
    "для",
    "без",
    "порядка",
    "кроме",
    "вместо",
    "у",
    "с",
    "со",
    "среди",
];

/// Words after which a number is the subject: verbs that take no object
/// (reflexive verbs in -ся/-сь are recognised by their ending).
const NOMINATIVE_BEFORE: &[&str] = &[
    "вошли",
    "вошло",
    "вошел",
    "вошёл",
    "войдут",
    "войдет",
    "участвовали",
    "участвуют",
    "участвовало",
    "прибыли",
    "прибыло",
    "прибудут",
    "работают",
    "работали",
    "работает",
    "проживают",
    "проживает",
    "проживало",
    "было",
    "были",
    "будет",
    "будут",
    "стало",
    "станет",
    "приехали",
    "приехало",
    "пришли",
    "пришло",
    "выступили",
    "выступят",
    "насчитывается",
    "составило",
    "составит",
    "составляет",
    "составляло",
];

/// Endings of finite verbs and short participles («охватит», «открыли»,
/// «выделено»), which no common noun before a number has.
const VERB_ENDINGS: &[&str] = &[
    "ли", "ло", "ла", "ил", "ел", "ял", "ет", "ит", "ут", "ют", "ат", "ят", "ено", "ано", "ены",
    "аны", "ена", "ана", "ыто", "ито", "ето", "ть", "ти", "чь",
];

/// Adverbs between a verb and its number («составит всего 5»): the word
/// before them is the one that governs the number.
pub const ADVERBS: &[&str] = &[
    "почти",
    "примерно",
    "приблизительно",
    "уже",
    "еще",
    "ещё",
    "всего",
    "лишь",
    "только",
    "ровно",
    "уже",
    "также",
];

/// Words that end a number's phrase without a noun, or that never change.
const NO_NOUN: &[&str] = &[
    "и",
    "или",
    "а",
    "но",
    "в",
    "во",
    "на",
    "по",
    "с",
    "со",
    "до",
    "из",
    "от",
    "за",
    "для",
    "к",
    "у",
    "о",
    "об",
    "при",
    "млн",
    "млрд",
    "трлн",
    "тыс",
    "км",
    "кг",
    "га",
    "м",
    "т",
    "тенге",
    "евро",
    "долл",
    "руб",
    "чел",
    "шт",
    "мм",
    "см",
    "сом",
    "г",
    "гг",
];

/// Endings of adjectives and participles that stand between a number and
/// its noun («5 сельских школ»).
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ых", "их", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его",
];

fn is_month(word: &str) -> bool {
    month_forms()
        .iter()
        .filter(|f| f.lang == Lang::Ru)
        .any(|f| f.forms.iter().any(|m| m == word))
}

/// The words of `after` with their byte ranges, up to the first
/// punctuation (a noun never follows one).
fn words_after(after: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    for piece in after.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let start = i;
        i += piece.len();
        if word.is_empty() {
            continue;
        }
        let letters = word.chars().take_while(|c| c.is_alphabetic()).count();
        let end = start
            + word
                .chars()
                .take(letters)
                .map(char::len_utf8)
                .sum::<usize>();
        if letters == 0 {
            break;
        }
        out.push((start, end, word[..end - start].to_lowercase()));
        if end - start < word.len() || out.len() == 4 {
            break;
        }
    }
    out
}

/// The agreement of the noun in `after` (the text following a number) when
/// the number's class goes from `old` to `new`; `before` is the word before
/// the number, `new_text` the number as written (for messages).
pub fn agree(before: &str, after: &str, old: Class, new: Class, new_text: &str) -> Agreement {
    if old == new {
        return Agreement::Unchanged;
    }
    let words = words_after(after);
    let Some(first) = words.first() else {
        return Agreement::Unchanged;
    };
    if !after.starts_with(char::is_whitespace)
        || NO_NOUN.contains(&first.2.as_str())
        || is_month(&first.2)
    {
        return Agreement::Unchanged;
    }
    let mut k = 0;
    while k < words.len()
        && k < 2
        && ADJECTIVE_ENDINGS.iter().any(|e| words[k].2.ends_with(e))
        && words[k].2.chars().count() > 3
        && !ru_nouns().contains_key(&words[k].2)
        && neuter_in_ie(&words[k].2).is_none()
    {
        k += 1;
    }
    let unsure = |what: &str| {
        Agreement::Unsure(format!(
            "agreement after {new_text}: «{what}» left as stored"
        ))
    };
    let Some((start, end, noun)) = words.get(k).cloned() else {
        return unsure(&first.2);
    };
    let written = &after[start..end];
    let adjectives = k > 0;
    if adjectives && (old == Class::One || new == Class::One) {
        return unsure(&after[first.0..end]);
    }
    let before = before.to_lowercase();
    let genitive_before = GENITIVE_BEFORE.contains(&before.as_str());
    // After a verb that takes no object the number is the subject: the
    // nominative. Elsewhere it may be an object, whose accusative differs
    // for animate nouns («наградили 3 экспертов») and feminine ones
    // («построят 1 школу»).
    let nominative = before.is_empty()
        || NOMINATIVE_BEFORE.contains(&before.as_str())
        || before.ends_with("ся")
        || before.ends_with("сь");
    // A verb before the number governs it directly (nominative or
    // accusative); a noun before it («ремонт», «строительство») takes it
    // in the genitive. Verbs are told by their endings.
    let verb_before = VERB_ENDINGS.iter().any(|e| before.ends_with(e));
    let replace = |form: &str| {
        if form == noun {
            Agreement::Unchanged
        } else {
            Agreement::Replace {
                start,
                end,
                with: keep_case(written, form),
            }
        }
    };
    // A plural in the dative, instrumental or prepositional («в 12
    // поликлиниках») stays plural after any number but one.
    let oblique_plural = ["ах", "ях", "ам", "ям", "ами", "ями"]
        .iter()
        .any(|e| noun.ends_with(e));
    if oblique_plural && !ru_nouns().contains_key(&noun) && neuter_in_ie(&noun).is_none() {
        return if old != Class::One && new != Class::One {
            Agreement::Unchanged
        } else {
            unsure(written)
        };
    }
    if let Some(n) = ru_nouns()
        .get(&noun)
        .cloned()
        .or_else(|| neuter_in_ie(&noun))
    {
        // The case the stored text uses, from its form and its number: a
        // genitive plural after 2–4, or a genitive singular after 1, is a
        // genitive (or an animate accusative, which agrees the same way).
        // None: the stored text does not tell (a genitive plural after 5
        // is the same in «построят 5 районов» and «ремонт 5 районов»).
        let genitive = if genitive_before {
            Some(true)
        } else if noun == n.gen_pl && n.gen_pl != n.gen_sg {
            match old {
                Class::Few => Some(true),
                _ if nominative || verb_before => Some(false),
                _ => None,
            }
        } else if noun == n.gen_sg && n.gen_sg != n.nom_sg {
            match old {
                Class::One => Some(true),
                Class::Few => Some(false),
                Class::Many => None,
            }
        } else if noun == n.nom_sg && old == Class::One {
            Some(false)
        } else {
            None
        };
        let genitive_form = match new {
            Class::One => &n.gen_sg,
            _ => &n.gen_pl,
        };
        let direct_form = match new {
            Class::One => &n.nom_sg,
            Class::Few => &n.gen_sg,
            Class::Many => &n.gen_pl,
        };
        let form = match genitive {
            Some(true) => genitive_form,
            Some(false) => direct_form,
            None if genitive_form == direct_form => direct_form,
            None => return unsure(written),
        };
        let feminine = n.nom_sg.ends_with('а') || n.nom_sg.ends_with('я');
        if form == direct_form
            && genitive != Some(true)
            && !nominative
            && ((n.animate && new != Class::Many) || (feminine && new == Class::One))
        {
            return unsure(written);
        }
        return replace(form);
    }
    if adjectives && !(genitive_before || (noun.ends_with("ов") || noun.ends_with("ев"))) {
        return unsure(&after[first.0..end]);
    }
    // Unknown noun: after a genitive preposition, 2–4 and 5+ both take the
    // genitive plural.
    if genitive_before && old != Class::One && new != Class::One {
        return Agreement::Unchanged;
    }
    // A subject in the genitive plural in -ов/-ев is a masculine noun whose
    // genitive singular is certain («экспертов» → «эксперта», «музеев» →
    // «музея»).
    if nominative && old == Class::Many && new == Class::Few && noun.chars().count() > 4 {
        if let Some(stem) = noun.strip_suffix("ов") {
            return replace(&format!("{stem}а"));
        }
        if let Some(stem) = noun.strip_suffix("ев") {
            let after_vowel = stem
                .chars()
                .next_back()
                .is_some_and(|c| "аеиоуыэюяё".contains(c));
            return replace(&if after_vowel {
                format!("{stem}я")
            } else {
                format!("{stem}а")
            });
        }
    }
    unsure(written)
}

/// A neuter noun in -ение/-ание/-тие/-ствие («разрешение», «разрешения»,
/// «разрешений»), whose forms after numbers are regular and certain.
fn neuter_in_ie(word: &str) -> Option<Noun> {
    let stem_ends = ["ени", "ани", "ти", "стви"];
    let (stem, _) = [("ие", 0), ("ия", 1), ("ий", 2)]
        .iter()
        .find_map(|(e, i)| word.strip_suffix(e).map(|s| (s, *i)))?;
    let full = format!("{stem}и");
    if word.chars().count() < 6 || !stem_ends.iter().any(|e| full.ends_with(e)) {
        return None;
    }
    Some(Noun {
        nom_sg: format!("{stem}ие"),
        gen_sg: format!("{stem}ия"),
        gen_pl: format!("{stem}ий"),
        animate: false,
    })
}

/// The form of the preposition `prev` («с»/«со», «в»/«во») before a number
/// that becomes `int`,`frac`, followed by `after`: «со» before «второго»
/// in a date («со 2 по 6 ноября») and before «ста», «с» otherwise; «во»
/// before an ordinal 2 («во 2 квартале») but «в» before a cardinal («в 2
/// раза»), which tm cannot tell apart: said, not guessed.
pub fn preposition(prev: &str, after: &str, old_int: &str, int: &str, frac: &str) -> Agreement {
    let lower = prev.to_lowercase();
    let whole = |n: &str| frac.is_empty() && int == n;
    let want = match lower.as_str() {
        "с" | "со" => {
            let date = after
                .split_whitespace()
                .take(4)
                .any(|w| is_month(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase()));
            if (date && whole("2")) || (!date && whole("100")) {
                "со"
            } else {
                "с"
            }
        }
        "во" if !whole("2") => "в",
        "в" if whole("2") && old_int != "2" => {
            return Agreement::Unsure(format!(
                "«{prev} {int}»: «во» if the number is read «втором», «в» if «двух»"
            ))
        }
        _ => return Agreement::Unchanged,
    };
    if want == lower {
        Agreement::Unchanged
    } else {
        Agreement::Replace {
            start: 0,
            end: prev.len(),
            with: keep_case(prev, want),
        }
    }
}

/// `form` written with the capitalisation of `like`.
fn keep_case(like: &str, form: &str) -> String {
    super::token::with_caps(form, super::token::caps(like))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noun(before: &str, after: &str, old: &str, new: &str) -> String {
        let (o, n) = (class(old, ""), class(new, ""));
        match agree(before, after, o, n, new) {
            Agreement::Unchanged => after.to_string(),
            Agreement::Replace { start, end, with } => {
                format!("{}{}{}", &after[..start], with, &after[end..])
            }
            Agreement::Unsure(why) => format!("UNSURE {why}"),
        }
    }

    #[test]
    fn classes() {
        for (n, c) in [
            ("1", Class::One),
            ("21", Class::One),
            ("301", Class::One),
            ("11", Class::Many),
            ("2", Class::Few),
            ("104", Class::Few),
            ("12", Class::Many),
            ("5", Class::Many),
            ("100", Class::Many),
        ] {
            assert_eq!(class(n, ""), c, "{n}");
        }
        assert_eq!(class("1", "5"), Class::Few);
    }

    #[test]
    fn nouns_follow_the_number_and_the_case() {
        assert_eq!(noun("вошли", " экспертов.", "5", "3"), " эксперта.");
        assert_eq!(noun("охватит", " районов.", "5", "2"), " района.");
        assert_eq!(noun("охватит", " районов.", "5", "21"), " район.");
        assert_eq!(noun("более", " проектов", "300", "301"), " проекта");
        assert_eq!(noun("более", " проекта", "301", "300"), " проектов");
        assert_eq!(noun("построят", " школы", "3", "5"), " школ");
        assert_eq!(noun("работают", " школ", "5", "1"), " школа");
        assert_eq!(noun("за", " года", "3", "5"), " лет");
        assert_eq!(
            noun("зарегистрировались", " волонтеров", "5", "3"),
            " волонтера"
        );
        // Unknown noun after a genitive preposition, 2–4 ↔ 5+: unchanged.
        assert_eq!(noun("более", " хакатонов", "3", "7"), " хакатонов");
        // -ов after a verb without an object: the genitive singular is
        // certain.
        assert!(noun("прошло", " хакатонов", "7", "3").starts_with("UNSURE"));
        assert_eq!(noun("состоялось", " хакатонов", "7", "3"), " хакатона");
        assert_eq!(noun("насчитывается", " хакатонов", "7", "3"), " хакатона");
        // Nothing after the number, or a word that never changes.
        assert_eq!(noun("до", ".", "12", "16"), ".");
        assert_eq!(noun("в", " поликлиниках", "12", "3"), " поликлиниках");
        assert_eq!(
            noun("выдано", " разрешений на", "55", "53"),
            " разрешения на"
        );
        assert_eq!(noun("выдано", " разрешения", "3", "21"), " разрешение");
        assert!(noun("в", " поликлиниках", "12", "21").starts_with("UNSURE"));
        assert_eq!(noun("проживает", " млн человек", "1", "2"), " млн человек");
        assert_eq!(noun("", " мая", "14", "2"), " мая");
    }

    #[test]
    fn unsure_when_it_cannot_be_known() {
        // An animate noun after 1 or 2–4: nominative or accusative?
        assert!(noun("наградили", " экспертов", "5", "21").starts_with("UNSURE"));
        assert!(noun("наградили", " экспертов", "5", "3").starts_with("UNSURE"));
        // A feminine noun after 1: «построят 1 школу».
        assert!(noun("построят", " школ", "5", "1").starts_with("UNSURE"));
        // An unknown noun into 1.
        assert!(noun("прошли", " хакатонов", "7", "21").starts_with("UNSURE"));
        // Feminine or neuter unknown noun, 2–4 → 5.
        assert!(noun("открыли", " библиотеки", "3", "5").starts_with("UNSURE"));
        // Adjective and 1.
        assert!(noun("вошли", " новых района", "3", "21").starts_with("UNSURE"));
        assert_eq!(noun("вошли", " новых района", "3", "5"), " новых районов");
    }
}
