//! What stands before a full stop: a word, a number, a listed abbreviation,
//! initials, or a list marker. The boundary rules ask this module and decide
//! from the answer.

use super::chars::{is_bullet, is_closer, is_dash, is_letter, is_open_only, is_opener, is_space};
use super::rules::{capital_initials, key, starts_with_capital, Class, Rules};

/// The kind of token a full stop closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// Only spaces or brackets stand before the dot.
    Nothing,
    /// A list marker alone at the start of a segment ("1.", "IV.", "a.").
    Marker,
    /// An ordinary word or number, or text closed by a quote or bracket.
    Word,
    /// A listed abbreviation, with its behaviour in this place and the byte
    /// where it starts (to judge the words before it with [`phrase`]).
    Abbrev(Class, usize),
    /// Initials ("N.", "B.K.", "Қ.-Ж.") or an unlisted dotted abbreviation.
    Initials,
}

/// Whether the words before an abbreviation could make a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// Too short: one word at most ("Жоба 2012 ж."), or a prepositional
    /// phrase with at most two content words ("В январе 2015 г.",
    /// "In the U.S.").
    Short,
    /// Long enough to be a sentence ("Закон был принят в 2014 г.").
    Sentence,
}

/// Classifies the token that the full stop at byte `dot` closes; the
/// segment began at `seg_start`.
pub fn classify(text: &str, seg_start: usize, dot: usize, rules: &Rules) -> Before {
    let head = &text[seg_start..dot];
    let Some(prev) = head.chars().next_back() else {
        return Before::Nothing;
    };
    if is_space(prev) || is_open_only(prev) {
        return Before::Nothing;
    }
    if is_closer(prev) {
        return Before::Word;
    }
    let raw_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token = head[raw_start..].trim_start_matches(is_opener);
    if token.is_empty() {
        return Before::Nothing;
    }
    // A list marker may follow a bullet or a dash ("• 1. …", "– a. …").
    let at_segment_start = head[..raw_start]
        .chars()
        .all(|c| is_space(c) || is_bullet(c) || is_dash(c));
    if at_segment_start && is_marker(token) {
        return Before::Marker;
    }
    // «3-т.», «27-б.»: a number with an abbreviated Kazakh word after its
    // hyphen («тармақ», «бет»), as in references.
    if let Some((digits, letters)) = token.split_once('-') {
        if !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '–')
            && (1..=2).contains(&letters.chars().count())
            && letters.chars().all(char::is_lowercase)
        {
            return Before::Abbrev(Class::Final, seg_start + raw_start);
        }
    }
    if let Some((class, chain_start)) = lookup(head, raw_start, token, rules) {
        return Before::Abbrev(class, seg_start + chain_start);
    }
    if is_initials(token) {
        return Before::Initials;
    }
    Before::Word
}

/// Looks `token` up among the abbreviations, first joined with the one-
/// or two-letter dotted tokens before it ("т. д.", "a. m."), then alone.
fn lookup(head: &str, token_start: usize, token: &str, rules: &Rules) -> Option<(Class, usize)> {
    if token.chars().count() > rules.longest() {
        return None;
    }
    // Up to two earlier short dotted tokens may belong to the same
    // abbreviation written with spaces.
    let mut starts = vec![token_start];
    let mut cursor = token_start;
    while starts.len() < 3 {
        let before = head[..cursor].trim_end_matches(is_space);
        if before.len() == cursor || !before.ends_with('.') {
            break;
        }
        let s = before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_space(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let piece = &before[s..];
        let letters = piece.chars().filter(|&c| is_letter(c)).count();
        if letters == 0 || letters > 2 || piece.chars().any(|c| !is_letter(c) && c != '.') {
            break;
        }
        starts.push(s);
        cursor = s;
    }
    let end = head.len();
    for &s in starts.iter().rev() {
        let written = head[s..end].trim_start_matches(is_opener);
        // Capital initials ("Г.", "Т.Д.") match only abbreviations written
        // so ("U.S."); otherwise they are a person's initials. An
        // abbreviation written with a capital ("Art.") does not match a
        // lower-case word ("modern art.").
        let capitals = capital_initials(written);
        let capitalised = starts_with_capital(written);
        if let Some(a) = rules
            .abbrev(&key(written))
            .filter(|a| (a.capitals || !capitals) && (capitalised || !a.capitalised))
        {
            let class = if follows_number(&head[..s]) {
                a.after_number
            } else {
                a.class
            };
            return Some((class, s));
        }
    }
    None
}

/// Judges the words of `text`, the segment up to an abbreviation (numbers
/// do not count). Reads no further than the first few words.
pub fn phrase(text: &str, rules: &Rules) -> Phrase {
    let mut words = text
        .split(is_space)
        .map(|t| t.trim_start_matches(is_opener))
        .filter(|t| t.chars().next().is_some_and(is_letter))
        .map(|t| -> String {
            t.chars()
                .take_while(|&c| is_letter(c))
                .flat_map(char::to_lowercase)
                .collect()
        });
    let Some(first) = words.next() else {
        return Phrase::Short;
    };
    let short = if rules.is_preposition(&first) {
        // A subject pronoun makes the phrase a clause ("On Saturdays they
        // close at 2 p.m."); right after the preposition it is its object.
        let rest: Vec<String> = words.collect();
        !rest
            .iter()
            .skip(1)
            .any(|w| SUBJECT_PRONOUNS.contains(&w.as_str()))
            && rest
                .iter()
                .filter(|w| !rules.is_starter(w))
                .nth(2)
                .is_none()
    } else {
        words.next().is_none()
    };
    if short {
        Phrase::Short
    } else {
        Phrase::Sentence
    }
}

/// Personal pronouns that are only ever subjects, in English, Russian and
/// Kazakh ("it" and «ол» are objects or determiners as often, Kazakh
/// «мен» is also "and").
const SUBJECT_PRONOUNS: &[&str] = &[
    "i", "we", "he", "she", "they", "я", "мы", "он", "она", "они", "біз", "олар",
];

/// Whether the text just before an abbreviation ends in a number
/// ("2014 г.", "10.06.2014 ж.", "11.00 ч.", "5 млн.").
fn follows_number(before: &str) -> bool {
    let before = before.trim_end_matches(is_space);
    // A number's word for thousands or millions is part of it: «90 тыс.
    // т.», «1,4 млн т.», "2.5 bn".
    let (head, last) = before.rsplit_once(is_space).unwrap_or(("", before));
    ends_in_number(before) || is_multiplier(last) && ends_in_number(head) || ends_in_roman(before)
}

/// Whether `before` ends in an upper-case Roman numeral of two letters or
/// more ("XIX", "XX"), the number of a century («конца XIX в.», «XX ғ.»).
/// One letter may be an initial or a class ("V", "C").
pub fn ends_in_roman(before: &str) -> bool {
    let last = before
        .trim_end_matches(is_space)
        .rsplit(is_space)
        .next()
        .unwrap_or("");
    last.len() >= 2 && is_roman(last) && last.starts_with(char::is_uppercase)
}

/// Whether `before` ends in a number standing as a word of its own: a
/// number joined to letters by a hyphen is part of a name («ТЭЦ-2 г.
/// Петропавловска», "COVID-19"), and the abbreviation after it is the
/// one used before a name, not after a number.
pub fn ends_in_number(before: &str) -> bool {
    let before = before.trim_end_matches(is_space);
    let last = before.rsplit(is_space).next().unwrap_or("");
    last.ends_with(|c: char| c.is_ascii_digit()) && !last.chars().any(is_letter)
}

/// Whether `word` (with or without its dot, in any case) is a word for
/// thousands or millions written after a number ("тыс.", «млн», "bn").
pub fn is_multiplier(word: &str) -> bool {
    MULTIPLIERS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Whether `word` (with or without its dot, in any case) is the short
/// form of a noun that counts what a number before it counts («1 340
/// чел.», «200 шт.»): no further number belongs to it, unlike a
/// measure's («5 км. 200 м»).
pub fn is_counted(word: &str) -> bool {
    ["чел", "шт", "экз"].contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Words for thousands, millions and more written after a number.
const MULTIPLIERS: &[&str] = &[
    "тыс", "млн", "млрд", "трлн", "мың", "mln", "bn", "thousand", "million", "billion",
];

/// A list marker: up to three digits (or dotted groups of them, "1.2"),
/// a Roman numeral, or a single letter.
fn is_marker(token: &str) -> bool {
    let digits = token
        .split('.')
        .all(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    digits || is_roman(token) || token.chars().count() == 1 && token.chars().all(is_letter)
}

/// A Roman numeral of up to seven letters ("IV", "XXI", "viii").
pub fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 7
        && (word.bytes().all(|b| b"IVXLCDM".contains(&b))
            || word.bytes().all(|b| b"ivxlcdm".contains(&b)))
}

/// Initials and dotted abbreviations not in the lists: single letters
/// joined by dots or hyphens ("N", "B.K", "Қ.-Ж", "F.B.I"), or pieces of
/// one or two letters joined by dots ("a.k.a", "Ph.D"); not domain names
/// ("gov.kz").
pub fn is_initials(token: &str) -> bool {
    let parts: Vec<&str> = token
        .split(['.', '-', '‐'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() || !parts.iter().all(|p| p.chars().all(is_letter)) {
        return false;
    }
    // One capital, or a digraph that transliterates one Kazakh or Russian
    // letter: "Zh." (Ж), "Sh.", "Kh.", "Ch.", "Ts.", "Yu.", "Ya.", "Ye.";
    // or «Дж.», how Russian and Kazakh write an English J or G ("Дж. Х.
    // Пак", «Смит Дж.»).
    let single_upper = parts.iter().all(|p| {
        let mut cs = p.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
            || matches!(
                *p,
                "Zh" | "Sh" | "Kh" | "Ch" | "Ts" | "Yu" | "Ya" | "Ye" | "Yo" | "Дж"
            )
    });
    single_upper || token.contains('.') && parts.iter().all(|p| p.chars().count() <= 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::segment::rules::rules;

    /// The token before the last dot of `text`, with an abbreviation's
    /// start replaced by the judgement of the phrase before it.
    fn before(text: &str, lang: Lang) -> Before {
        let dot = text.rfind('.').unwrap();
        match classify(text, 0, dot, rules(lang)) {
            Before::Abbrev(class, start) => {
                let judged = match phrase(&text[..start], rules(lang)) {
                    Phrase::Short => 0,
                    Phrase::Sentence => 1,
                };
                Before::Abbrev(class, judged)
            }
            other => other,
        }
    }

    #[test]
    fn tells_words_abbreviations_initials_and_markers_apart() {
        assert_eq!(before("in Astana.", Lang::En), Before::Word);
        assert_eq!(before("the year 2014.", Lang::En), Before::Word);
        assert_eq!(
            before("welcomed by Mr.", Lang::En),
            Before::Abbrev(Class::Prefix, 1)
        );
        assert_eq!(before("the U.S.", Lang::En), Before::Abbrev(Class::Weak, 0));
        assert_eq!(
            before("pens, paper, etc.", Lang::En),
            Before::Abbrev(Class::Final, 1)
        );
        assert_eq!(before("read by B.K.", Lang::En), Before::Initials);
        assert_eq!(before("12.", Lang::En), Before::Marker);
        assert_eq!(before("IV.", Lang::En), Before::Marker);
        assert_eq!(before("a step forward.”", Lang::En), Before::Word);
        assert_eq!(before("Қ.-Ж.", Lang::Kk), Before::Initials);
        // A capital letter alone is an initial, even where the lower-case
        // letter is a listed abbreviation (Russian "г.", English "v.").
        assert_eq!(before("сказал Г.", Lang::Ru), Before::Initials);
        assert_eq!(before("vitamin C.", Lang::En), Before::Initials);
        assert_eq!(before("выступил Т.Д.", Lang::Ru), Before::Initials);
        assert_eq!(before("баяндамашы Т.С.", Lang::Kk), Before::Initials);
        assert_eq!(before("• 2.", Lang::En), Before::Marker);
        assert_eq!(before("a show of modern art.", Lang::En), Before::Word);
        assert_eq!(before("they said no.", Lang::En), Before::Word);
    }

    #[test]
    fn russian_g_is_a_city_before_a_name_and_a_year_after_a_number() {
        assert_eq!(
            before("прошел в г.", Lang::Ru),
            Before::Abbrev(Class::Prefix, 1)
        );
        assert_eq!(
            before("Закон принят в 2014 г.", Lang::Ru),
            Before::Abbrev(Class::Final, 1)
        );
        assert_eq!(
            before("В 2012–2014 гг.", Lang::Ru),
            Before::Abbrev(Class::Final, 0)
        );
    }

    #[test]
    fn spaced_abbreviations_are_joined() {
        let final_in_sentence = Before::Abbrev(Class::Final, 1);
        assert_eq!(before("обсудили СМИ и т. д.", Lang::Ru), final_in_sentence);
        assert_eq!(before("обсудили СМИ и т.д.", Lang::Ru), final_in_sentence);
        assert_eq!(before("(т.е.", Lang::Ru), Before::Abbrev(Class::Prefix, 0));
    }
}
