//! Recognised tokens: the numbers, months, times and date parts of a text,
//! with their values (so "1,200", «1 200» and "1200" are the same number)
//! and the form they are written in (so a new value can be written the same
//! way). Like Trados's recognisers and memoQ's auto-translatables, but
//! aware of Russian month cases and Kazakh endings.
//!
//! Things that only look like numbers (a phone number, "No. 387", a version
//! "1.2.3", an ISBN) are recognised as [`Value::Opaque`]: never adapted.

use crate::lang::Lang;

use super::rules::{kk_endings, month_forms, scale_forms};

/// What a token means, whatever its form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// A number: the digits of its integer part (no leading zeros, `0` for
    /// zero) and of its fraction (empty for an integer).
    Number {
        /// Integer digits.
        int: String,
        /// Fraction digits.
        frac: String,
    },
    /// A month, 1–12.
    Month(u8),
    /// A time of day, hours and minutes.
    Time(u8, u8),
    /// The scale of an amount: 1 thousand, 2 million, 3 billion, 4
    /// trillion.
    Scale(u8),
    /// Looks like a number but is a reference (phone, law number, version,
    /// ISBN): compared as written, never adapted.
    Opaque(String),
}

/// Capitalisation of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caps {
    /// all lower case
    Lower,
    /// First letter a capital
    Capital,
    /// ALL CAPITALS (a dateline)
    Upper,
}

/// How a token is written, so a new value can be written the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    /// Digits.
    Number {
        /// The separator between groups of three digits, if any.
        group: Option<char>,
        /// The decimal separator, if the number has a fraction.
        decimal: Option<char>,
        /// Digits of the integer part when written with leading zeros
        /// ("08": 2), else 0.
        width: usize,
        /// An English ordinal suffix follows ("3rd").
        ordinal_en: bool,
    },
    /// A time "9:05" or "21:15".
    Time {
        /// Digits of the hour as written.
        width: usize,
    },
    /// A month name: which form of `months.txt` (an index into
    /// [`month_forms`]) and its capitalisation. A Kazakh month's ending is
    /// the token's `suffix`.
    MonthName {
        /// Index of the form.
        form: usize,
        /// Capitalisation.
        caps: Caps,
    },
    /// A scale word: an index into [`scale_forms`], and capitalisation.
    ScaleWord {
        /// Index of the form.
        form: usize,
        /// Capitalisation.
        caps: Caps,
    },
    /// A month as digits inside a date ("19.03.2026").
    MonthDigits {
        /// Digits as written.
        width: usize,
    },
    /// Written as it is and never changed.
    Opaque,
}

/// One recognised token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token's value in the text.
    pub start: usize,
    /// Byte offset after the value.
    pub end: usize,
    /// What it means.
    pub value: Value,
    /// How it is written.
    pub form: Form,
    /// A `%` follows the number.
    pub percent: bool,
    /// The letters of an ending written after the value: after a hyphen
    /// («12-ге», «3-е», «8,6%-ға») or, for a Kazakh month, attached
    /// («наурызда»). Byte range.
    pub suffix: Option<(usize, usize)>,
}

impl Token {
    /// Whether this token can take a new value.
    pub fn adaptable(&self) -> bool {
        !matches!(self.value, Value::Opaque(_))
    }
}

/// The capitalisation of `word`.
pub fn caps(word: &str) -> Caps {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        Caps::Upper
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        Caps::Capital
    } else {
        Caps::Lower
    }
}

/// `form` written with the capitalisation `caps` (a month name, a noun
/// after a number, a preposition keep the case of the word they replace).
pub fn with_caps(form: &str, caps: Caps) -> String {
    match caps {
        Caps::Lower => form.to_lowercase(),
        Caps::Upper => form.to_uppercase(),
        Caps::Capital => {
            let mut c = form.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

/// Every variant of every Kazakh ending, longest first.
fn kk_variants() -> &'static [String] {
    static V: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vec<String> = kk_endings()
            .iter()
            .flat_map(|e| e.cells.iter().flat_map(|c| c.iter().cloned()))
            .collect();
        v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        v.dedup();
        v
    })
}

/// Whether `rest` is a Kazakh ending of `kk-endings.txt`.
pub fn is_kk_ending(rest: &str) -> bool {
    kk_variants().iter().any(|v| v == rest)
}

/// Whether `rest` begins with a Kazakh ending of `kk-endings.txt` («ға
/// дейін», «інде»): a word after a number's hyphen that does not («3-
/// отырысы») is no ending of the number.
pub fn starts_with_kk_ending(rest: &str) -> bool {
    kk_variants().iter().any(|v| rest.starts_with(v.as_str()))
}

/// The month a word names in `lang`, with the index of its form and the
/// length in bytes of its stem (a Kazakh month's ending follows it).
/// `first` allows a capitalised Russian or Kazakh month (a sentence's first
/// word); elsewhere «Қазан» and «Май» are names.
pub fn month_word(word: &str, lang: Lang, first: bool) -> Option<(u8, usize, usize)> {
    // Most words start with a letter no month name of the language starts
    // with: they are turned away before any allocation (this runs for every
    // word the index sees).
    let initial = word.chars().next()?.to_lowercase().next()?;
    let candidates = month_table()[lang as usize].get(&initial)?;
    let c = caps(word);
    if lang != Lang::En && c == Caps::Capital && !first {
        return None;
    }
    if lang == Lang::En && c != Caps::Capital && c != Caps::Upper {
        return None;
    }
    let lower = word.to_lowercase();
    for (m, month, form) in candidates {
        if lang == Lang::Kk {
            if let Some(rest) = lower.strip_prefix(m.as_str()) {
                if rest.is_empty() || is_kk_ending(rest) {
                    let stem = word
                        .char_indices()
                        .nth(m.chars().count())
                        .map_or(word.len(), |(i, _)| i);
                    return Some((*month, *form, stem));
                }
            }
        } else if lower == *m {
            return Some((*month, *form, word.len()));
        }
    }
    None
}

/// Per language, words in lower case by their first letter: (word, its
/// value, index of its form in the rule file's list of forms).
type FirstLetterTable = [std::collections::HashMap<char, Vec<(String, u8, usize)>>; 3];

/// The [`FirstLetterTable`] of forms given as (language, words), a word's
/// value its place in the list, from 1.
fn first_letter_table<'a>(forms: impl Iterator<Item = (Lang, &'a [String])>) -> FirstLetterTable {
    let mut t: FirstLetterTable = Default::default();
    for (fi, (lang, words)) in forms.enumerate() {
        for (i, w) in words.iter().enumerate() {
            let w = w.to_lowercase();
            if let Some(c) = w.chars().next() {
                t[lang as usize]
                    .entry(c)
                    .or_default()
                    .push((w, i as u8 + 1, fi));
            }
        }
    }
    t
}

/// The month forms of `months.txt` by first letter.
fn month_table() -> &'static FirstLetterTable {
    static TABLE: std::sync::OnceLock<FirstLetterTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        first_letter_table(month_forms().iter().map(|f| (f.lang, f.forms.as_slice())))
    })
}

/// The scale words of `scales.txt` by first letter.
fn scale_table() -> &'static FirstLetterTable {
    static TABLE: std::sync::OnceLock<FirstLetterTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        first_letter_table(scale_forms().iter().map(|f| (f.lang, f.forms.as_slice())))
    })
}

/// The scale a word names in `lang` ("million", «млрд»), with the index of
/// its form. Only after a number: "k" or «мың» alone are no scale.
pub fn scale_word(word: &str, lang: Lang) -> Option<(u8, usize)> {
    // As for months: most words are turned away by their first letter,
    // before any allocation (this too runs for every word the index sees).
    let initial = word.chars().next()?.to_lowercase().next()?;
    let candidates = scale_table()[lang as usize].get(&initial)?;
    let lower = word.to_lowercase();
    candidates
        .iter()
        .find(|(s, ..)| *s == lower)
        .map(|(_, scale, form)| (*scale, *form))
}

/// Group separators between thousands besides the comma: space, no-break
/// space, narrow no-break space, thin space.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// The width of digits written with a leading zero ("08": 2), else 0.
fn padded(digits: &str) -> usize {
    if digits.len() > 1 && digits.starts_with('0') {
        digits.len()
    } else {
        0
    }
}

fn trim_zeros(s: &str) -> String {
    let t = s.trim_start_matches('0');
    if t.is_empty() {
        "0".into()
    } else {
        t.into()
    }
}

/// Whether the text just before `at` marks a reference number: "No.",
/// "Nos.", "№", "N°", "nr.".
fn after_number_sign(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    if before.ends_with('№') || before.ends_with("N°") {
        return true;
    }
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    matches!(
        word.trim_start_matches(['(', '«', '"']),
        "No." | "No" | "Nos." | "no." | "nr." | "Nr." | "#"
    )
}

/// The recognised tokens of `text` in `lang`, in order.
pub fn recognise(text: &str, lang: Lang) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_ascii_digit() {
            let prev = text[..i].chars().next_back();
            if prev.is_some_and(|p| p.is_alphanumeric() || p == '_') {
                // "G20", "COVID-19"'s digits after a letter and hyphen are
                // handled below; digits glued to letters are not numbers.
                i += digits_at(b, i);
                continue;
            }
            let glued_to_word = prev == Some('-')
                && text[..i - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
            let (tokens, next) = number_at(text, i, lang, glued_to_word);
            out.extend(tokens);
            i = next.max(i + 1);
            continue;
        }
        if c.is_alphabetic() {
            let end = text[i..]
                .char_indices()
                .find(|(_, ch)| !ch.is_alphabetic())
                .map_or(text.len(), |(k, _)| i + k);
            let word = &text[i..end];
            let first = text[..i]
                .chars()
                .all(|ch| !ch.is_alphanumeric() || ch.is_whitespace());
            // English short forms may carry a full stop ("Sept."): the
            // value is the word; the stop stays punctuation.
            let after_number = out.last().is_some_and(|t: &Token| {
                matches!(t.value, Value::Number { .. }) && text[t.end..i].trim().is_empty()
            });
            if let Some((scale, form)) = after_number.then(|| scale_word(word, lang)).flatten() {
                out.push(Token {
                    start: i,
                    end,
                    value: Value::Scale(scale),
                    form: Form::ScaleWord {
                        form,
                        caps: caps(word),
                    },
                    percent: false,
                    suffix: suffix_at(text, end),
                });
            } else if let Some((month, form, stem)) = month_word(word, lang, first) {
                out.push(Token {
                    start: i,
                    end: i + stem,
                    value: Value::Month(month),
                    form: Form::MonthName {
                        form,
                        caps: caps(word),
                    },
                    percent: false,
                    suffix: (stem < word.len()).then_some((i + stem, end)),
                });
            }
            i = end;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// The token or tokens of a number starting at byte `i`, and where
/// scanning goes on.
fn number_at(text: &str, i: usize, lang: Lang, glued_to_word: bool) -> (Vec<Token>, usize) {
    let b = text.as_bytes();
    // The whole run of digits and the separators between them.
    let mut j = i;
    let (mut dots, mut hyphens, mut colons) = (0, 0, 0);
    loop {
        j += digits_at(b, j);
        match b.get(j) {
            Some(&s @ (b'.' | b'-' | b':' | b','))
                if b.get(j + 1).is_some_and(u8::is_ascii_digit) =>
            {
                match s {
                    b'.' => dots += 1,
                    b'-' => hyphens += 1,
                    b':' => colons += 1,
                    _ => {}
                }
                j += 1;
            }
            _ => break,
        }
    }
    let run = &text[i..j];
    let opaque = |end: usize| {
        (
            vec![Token {
                start: i,
                end,
                value: Value::Opaque(text[i..end].to_string()),
                form: Form::Opaque,
                percent: false,
                suffix: None,
            }],
            end,
        )
    };
    // A phone number: "+7 7172 58 00 10", "+7 (7172) 58-00-10".
    if text[..i].trim_end_matches([' ', '(']).ends_with('+') {
        let mut e = j;
        let mut k = j;
        while let Some(&c) = b.get(k) {
            if c.is_ascii_digit() {
                k += 1;
                e = k;
            } else if matches!(c, b' ' | b'-' | b'(' | b')') {
                k += 1;
            } else {
                break;
            }
        }
        return opaque(e);
    }
    if glued_to_word || after_number_sign(text, i) || hyphens >= 2 {
        return opaque(j);
    }
    if dots >= 2 {
        // "19.03.2026" is a date; "1.2.3" a version.
        let parts: Vec<&str> = run.split('.').collect();
        if let [d, m, y] = parts.as_slice() {
            let (dv, mv) = (d.parse::<u32>().unwrap_or(0), m.parse::<u32>().unwrap_or(0));
            if d.len() <= 2
                && m.len() == 2
                && (y.len() == 4 || y.len() == 2)
                && (1..=31).contains(&dv)
                && (1..=12).contains(&mv)
            {
                let ms = i + d.len() + 1;
                let ys = ms + m.len() + 1;
                let num = |s: usize, e: usize| Token {
                    start: s,
                    end: e,
                    value: Value::Number {
                        int: trim_zeros(&text[s..e]),
                        frac: String::new(),
                    },
                    form: Form::Number {
                        group: None,
                        decimal: None,
                        // Date parts keep their width: «02.11.2026».
                        width: e - s,
                        ordinal_en: false,
                    },
                    percent: false,
                    suffix: None,
                };
                let month = Token {
                    start: ms,
                    end: ms + m.len(),
                    value: Value::Month(mv as u8),
                    form: Form::MonthDigits { width: m.len() },
                    percent: false,
                    suffix: None,
                };
                let mut v = vec![num(i, i + d.len()), month, num(ys, j)];
                if let Some(s) = suffix_at(text, j) {
                    v[2].suffix = Some(s);
                }
                return (v, j);
            }
        }
        return opaque(j);
    }
    if colons > 0 {
        if colons == 1 && dots + hyphens == 0 && !run.contains(',') {
            let (h, m) = run.split_once(':').unwrap_or((run, ""));
            if h.len() <= 2 && m.len() == 2 {
                let (hv, mv) = (h.parse::<u8>().unwrap_or(99), m.parse::<u8>().unwrap_or(99));
                if hv <= 24 && mv < 60 {
                    let mut t = Token {
                        start: i,
                        end: j,
                        value: Value::Time(hv, mv),
                        form: Form::Time { width: h.len() },
                        percent: false,
                        suffix: None,
                    };
                    t.suffix = suffix_at(text, j);
                    return (vec![t], j);
                }
            }
        }
        return opaque(j);
    }
    if hyphens == 1 {
        // A range "10-12": the first number alone; the second is read next.
        let first_end = i + run.find('-').unwrap_or(run.len());
        return single(text, i, first_end, lang);
    }
    single(text, i, j, lang)
}

/// One number in `text[i..j]` (digits with at most one `.` or `,`, or
/// several commas grouping thousands), extended by space-grouped thousands
/// and followed by its ending.
fn single(text: &str, i: usize, j: usize, lang: Lang) -> (Vec<Token>, usize) {
    let b = text.as_bytes();
    let run = &text[i..j];
    let mut group = None;
    let mut decimal = None;
    let mut int: String;
    let mut frac = String::new();
    let mut end = j;
    let parts: Vec<&str> = run.split([',', '.']).collect();
    let seps: Vec<char> = run.chars().filter(|c| matches!(c, ',' | '.')).collect();
    if seps.is_empty() {
        int = run.to_string();
        // «1 200», «250 000»: groups of three after a space.
        if run.len() <= 3 {
            let mut k = j;
            while let Some(c) = text[k..].chars().next() {
                let after = k + c.len_utf8();
                if is_group_space(c)
                    && digits_at(b, after) == 3
                    && !(matches!(b.get(after + 3), Some(b'-' | b':' | b'.' | b','))
                        && b.get(after + 4).is_some_and(u8::is_ascii_digit))
                    && group.is_none_or(|g| g == c)
                {
                    group = Some(c);
                    int.push_str(&text[after..after + 3]);
                    k = after + 3;
                    end = k;
                } else {
                    break;
                }
            }
            // A decimal part after the groups: «1 200,5».
            if group.is_some() && matches!(b.get(end), Some(b',')) && digits_at(b, end + 1) > 0 {
                let d = digits_at(b, end + 1);
                decimal = Some(',');
                frac = text[end + 1..end + 1 + d].to_string();
                end += 1 + d;
            }
        }
    } else if seps.len() == 1 {
        let comma_groups = lang == Lang::En && seps[0] == ',' && parts[1].len() == 3;
        if comma_groups {
            group = Some(',');
            int = parts.concat();
        } else {
            decimal = Some(seps[0]);
            int = parts[0].to_string();
            frac = parts[1].to_string();
        }
    } else if lang == Lang::En
        && parts[0].len() <= 3
        && seps[..seps.len() - 1].iter().all(|&s| s == ',')
        && parts[1..seps.len()].iter().all(|p| p.len() == 3)
        && (seps[seps.len() - 1] == '.' || parts[seps.len()].len() == 3)
    {
        // "1,250,000" or "1,250,000.50".
        group = Some(',');
        if seps[seps.len() - 1] == '.' {
            decimal = Some('.');
            int = parts[..seps.len()].concat();
            frac = parts[seps.len()].to_string();
        } else {
            int = parts.concat();
        }
    } else {
        return (
            vec![Token {
                start: i,
                end: j,
                value: Value::Opaque(run.to_string()),
                form: Form::Opaque,
                percent: false,
                suffix: None,
            }],
            j,
        );
    }
    let width = padded(&int);
    let mut t = Token {
        start: i,
        end,
        value: Value::Number {
            int: trim_zeros(&int),
            frac,
        },
        form: Form::Number {
            group,
            decimal,
            width,
            ordinal_en: false,
        },
        percent: false,
        suffix: None,
    };
    let after = end;
    if lang == Lang::En {
        let rest = &text[end..];
        for s in ["st", "nd", "rd", "th"] {
            if rest.starts_with(s) && !rest[2..].chars().next().is_some_and(char::is_alphanumeric) {
                if let Form::Number { ordinal_en, .. } = &mut t.form {
                    *ordinal_en = true;
                }
                t.suffix = Some((end, end + 2));
                return (vec![t], end + 2);
            }
        }
    }
    let mut k = after;
    let pct = text[k..].strip_prefix('%').map(|_| 1).or_else(|| {
        text[k..]
            .strip_prefix(['\u{a0}', '\u{202f}', ' '])
            .filter(|r| r.starts_with('%'))
            .map(|_| text[k..].chars().next().map_or(1, char::len_utf8) + 1)
    });
    if let Some(n) = pct {
        t.percent = true;
        k += n;
    }
    t.suffix = suffix_at(text, k);
    (vec![t], after)
}

/// The letters of an ending after a hyphen at `at` («-ге», «-е», «-ші»),
/// as a byte range, or `None`.
fn suffix_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text[at..].strip_prefix('-')?;
    let start = at + 1;
    let len = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(k, _)| k);
    (len > 0 && rest.chars().next().is_some_and(|c| !c.is_ascii())).then_some((start, start + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, lang: Lang) -> Vec<Value> {
        recognise(text, lang).into_iter().map(|t| t.value).collect()
    }

    fn n(int: &str, frac: &str) -> Value {
        Value::Number {
            int: int.into(),
            frac: frac.into(),
        }
    }

    #[test]
    fn numbers_in_each_languages_format_have_one_value() {
        assert_eq!(
            values("1,200 and 4.7", Lang::En),
            [n("1200", ""), n("4", "7")]
        );
        assert_eq!(
            values("1 200 и 4,7", Lang::Ru),
            [n("1200", ""), n("4", "7")]
        );
        assert_eq!(values("250\u{a0}000 еуро", Lang::Kk), [n("250000", "")]);
        assert_eq!(values("$1,250,000.50", Lang::En), [n("1250000", "50")]);
        assert_eq!(values("8,6%-ға", Lang::Kk), [n("8", "6")]);
        let t = &recognise("8,6%-ға", Lang::Kk)[0];
        assert!(t.percent);
        assert_eq!(&"8,6%-ға"[t.suffix.unwrap().0..t.suffix.unwrap().1], "ға");
    }

    #[test]
    fn dates_months_times_ranges_ordinals() {
        assert_eq!(
            values("KOSTANAY, 21 January 2026 – in March", Lang::En),
            [n("21", ""), Value::Month(1), n("2026", ""), Value::Month(3)]
        );
        assert_eq!(
            values("19.03.2026", Lang::Ru),
            [n("19", ""), Value::Month(3), n("2026", "")]
        );
        assert_eq!(
            values("2026 жылғы 21 қаңтар, наурызда, сәуірдегі", Lang::Kk),
            [
                n("2026", ""),
                n("21", ""),
                Value::Month(1),
                Value::Month(3),
                Value::Month(4)
            ]
        );
        assert_eq!(
            values("в апреле, 14 мая", Lang::Ru),
            [Value::Month(4), n("14", ""), Value::Month(5)]
        );
        assert_eq!(
            values("2021–2023", Lang::En),
            [n("2021", ""), n("2023", "")]
        );
        assert_eq!(
            values("10-12 June", Lang::En),
            [n("10", ""), n("12", ""), Value::Month(6)]
        );
        assert_eq!(values("at 20:30", Lang::En), [Value::Time(20, 30)]);
        assert_eq!(values("the 3rd meeting", Lang::En), [n("3", "")]);
        assert_eq!(values("3-е заседание", Lang::Ru), [n("3", "")]);
        // «Қазан» with a capital mid-sentence is the city.
        assert_eq!(values("Форум Қазан қаласында", Lang::Kk), []);
        assert_eq!(values("It may rain in May", Lang::En), [Value::Month(5)]);
    }

    #[test]
    fn look_alikes_are_opaque() {
        for (text, lang) in [
            ("call +7 7172 58 00 10 now", Lang::En),
            ("Law No. 387 was signed", Lang::En),
            ("закон № 387", Lang::Ru),
            ("version 1.2.3 is out", Lang::En),
            ("ISBN 978-601-7151-23-4", Lang::En),
            ("COVID-19 cases", Lang::En),
        ] {
            let v = values(text, lang);
            assert!(
                v.iter().all(|v| matches!(v, Value::Opaque(_))),
                "{text}: {v:?}"
            );
        }
        assert!(values("COVID-19 cases", Lang::En).len() == 1);
    }
}
