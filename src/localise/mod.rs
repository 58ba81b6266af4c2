//! Localisation: a stored translation adapted to a new sentence that
//! differs from the stored one only in recognised tokens (dates, months,
//! years, ranges, numbers, percentages, amounts, times, ordinals), in each
//! target language's own format and grammar, and a plain list of what a
//! person must check where tm cannot be sure.
//!
//! [`Plan::new`] pairs the tokens of the stored and the new source
//! sentence; [`Plan::apply`] puts the new values into one translation.
//! Partial is fine: what can be placed with certainty is placed, the rest
//! is kept as stored and named in the checks.

pub mod kazakh;
pub mod rules;
pub mod russian;
pub mod token;

use crate::lang::Lang;

use token::{recognise, Caps, Form, Token, Value};

/// One value that changed between the stored and the new source sentence.
#[derive(Debug, Clone)]
struct Change {
    old: Value,
    new: Value,
    /// As written in the stored source ("12 March" → "12").
    old_text: String,
    /// As written in the new source.
    new_text: String,
    /// How often `old` stands in the stored source.
    count: usize,
    /// For a month that becomes different months in different dates ("20
    /// May … 30 May" → "25 May … 5 June"): the stored day next to this one,
    /// which finds it in the translation.
    day: Option<Value>,
    /// The new source groups the number's thousands ("1,000"): a
    /// four-digit number is grouped in the translation too («1 000»), where
    /// "2026" is a year and stays whole.
    grouped: bool,
}

/// A stored token's new value, with both as written, the value of the day
/// next to it (for a month), and whether the new number groups thousands.
type Becomes = (Value, String, String, Option<Value>, bool);

/// What changed between a stored source sentence and a new one, token by
/// token, and what could not be paired.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    changes: Vec<Change>,
    /// Reasons that hold for every target language.
    problems: Vec<String>,
}

/// A translation after adaptation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adapted {
    /// The translation, with what could be placed.
    pub text: String,
    /// Whether anything in it was changed.
    pub changed: bool,
    /// What a person must check, in short; empty when the translation fits
    /// the new sentence.
    pub checks: Vec<String>,
}

impl Plan {
    /// Pairs the recognised tokens of the stored source `old` and the new
    /// source `new` (both in `lang`), which differ only in tokens.
    pub fn new(old: &str, new: &str, lang: Lang) -> Plan {
        let a = recognise(old, lang);
        let b = recognise(new, lang);
        let mut plan = Plan::default();
        let kind = |v: &Value| std::mem::discriminant(v);
        if a.len() != b.len()
            || a.iter()
                .zip(&b)
                .any(|(x, y)| kind(&x.value) != kind(&y.value))
        {
            plan.problems
                .push("the numbers and dates of the new sentence do not pair with the stored ones: none adapted".into());
            return plan;
        }
        // Every stored value and what it becomes, in order.
        let mut becomes: Vec<(Value, Vec<Becomes>)> = Vec::new();
        for (k, (x, y)) in a.iter().zip(&b).enumerate() {
            let entry = (
                y.value.clone(),
                text_of(old, x),
                text_of(new, y),
                day_next_to(old, &a, k),
                matches!(y.form, Form::Number { group: Some(_), .. }),
            );
            match becomes.iter_mut().find(|(v, _)| *v == x.value) {
                Some((_, list)) => list.push(entry),
                None => becomes.push((x.value.clone(), vec![entry])),
            }
        }
        for (old_value, list) in becomes {
            let (new_value, old_text, new_text, _, grouped) = list[0].clone();
            if list.iter().any(|(v, ..)| *v != new_value) {
                // Months of several dates are told apart by their days.
                let days: Vec<&Value> = list.iter().filter_map(|e| e.3.as_ref()).collect();
                let distinct = days.iter().enumerate().all(|(i, d)| !days[..i].contains(d));
                if matches!(old_value, Value::Month(_)) && days.len() == list.len() && distinct {
                    for (v, o, n, day, _) in list {
                        if v != old_value {
                            plan.changes.push(Change {
                                old: old_value.clone(),
                                new: v,
                                old_text: o,
                                new_text: n,
                                count: 1,
                                day,
                                grouped: false,
                            });
                        }
                    }
                    continue;
                }
                plan.problems.push(format!(
                    "«{old_text}» changes in one place and not the same way in another: left as stored"
                ));
                continue;
            }
            if new_value == old_value {
                continue;
            }
            if let Value::Opaque(_) = old_value {
                plan.problems.push(format!(
                    "«{old_text}» → «{new_text}» is a reference or phone number: not adapted"
                ));
                continue;
            }
            plan.changes.push(Change {
                old: old_value,
                new: new_value,
                old_text,
                new_text,
                count: list.len(),
                day: None,
                grouped,
            });
        }
        plan
    }

    /// Whether any token changed (else only case or punctuation did).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.problems.is_empty()
    }

    /// The translation `target` in `lang` with the new values placed.
    pub fn apply(&self, target: &str, lang: Lang) -> Adapted {
        let tokens = recognise(target, lang);
        let mut checks = self.problems.clone();
        // (start, end, replacement), placed at the end from the back.
        let mut edits: Vec<(usize, usize, String)> = Vec::new();
        for c in &self.changes {
            let places: Vec<&Token> = tokens
                .iter()
                .enumerate()
                .filter(|(k, t)| {
                    t.value == c.old
                        && (c.day.is_none() || day_next_to(target, &tokens, *k) == c.day)
                })
                .map(|(_, t)| t)
                .collect();
            if places.is_empty() {
                checks.push(format!(
                    "«{}» → «{}»: not found in the translation, left as stored",
                    c.old_text, c.new_text
                ));
                continue;
            }
            // A month may stand again in a translation's range («3
            // наурыздан 14 наурызға дейін» for "from 3 to 14 March"): every
            // one of them is the month that changed. A number standing more
            // or fewer times than in the source is not placed by guess.
            let repeated_month = matches!(c.old, Value::Month(_)) && places.len() > c.count;
            if places.len() != c.count && !repeated_month {
                checks.push(format!(
                    "«{}» stands {} time(s) in the stored source and {} in the translation: left as stored",
                    c.old_text,
                    c.count,
                    places.len()
                ));
                continue;
            }
            for t in places {
                place(target, t, c, lang, &mut edits, &mut checks);
            }
        }
        edits.sort_by_key(|e| std::cmp::Reverse(e.0));
        let mut text = target.to_string();
        let mut last = usize::MAX;
        for (s, e, with) in edits {
            if e > last {
                // Overlapping edits cannot both hold: keep the stored text.
                checks.push("two changes meet in one place: check the numbers".into());
                continue;
            }
            text.replace_range(s..e, &with);
            last = s;
        }
        Adapted {
            changed: text != target,
            text,
            checks,
        }
    }
}

/// The value of the number standing next to month token `k` of `text`
/// ("20 May", «20 мая», «20 мамырда», "May 20"), if it is one.
fn day_next_to(text: &str, tokens: &[Token], k: usize) -> Option<Value> {
    let t = &tokens[k];
    if !matches!(t.value, Value::Month(_)) {
        return None;
    }
    let between = |a: &Token, b: &Token| {
        let end = a.suffix.map_or(a.end, |(_, e)| e.max(a.end));
        end <= b.start
            && text[end..b.start]
                .chars()
                .all(|c| c.is_whitespace() || c == '.')
    };
    let is_number = |x: &Token| matches!(x.value, Value::Number { .. });
    if let Some(p) = k.checked_sub(1).map(|p| &tokens[p]) {
        if is_number(p) && between(p, t) {
            return Some(p.value.clone());
        }
    }
    tokens
        .get(k + 1)
        .filter(|n| is_number(n) && between(t, n))
        .map(|n| n.value.clone())
}

/// For a fuzzy match, whose translation is not adapted: the numbers and
/// dates of the stored source `old` that the new source `new` does not
/// have, and those it has instead, as written ("2.4 → 3.1"); `None` when
/// both hold the same values. A translator who reads only "words differ"
/// would otherwise keep a stale figure.
pub fn value_difference(old: &str, new: &str, lang: Lang) -> Option<String> {
    let (a, b) = (recognise(old, lang), recognise(new, lang));
    let only = |x: &[Token], y: &[Token], text: &str| -> Vec<String> {
        x.iter()
            .filter(|t| !y.iter().any(|u| u.value == t.value))
            .map(|t| text_of(text, t))
            .collect()
    };
    let (gone, came) = (only(&a, &b, old), only(&b, &a, new));
    if gone.is_empty() && came.is_empty() {
        return None;
    }
    let list = |v: &[String]| {
        if v.is_empty() {
            "–".to_string()
        } else {
            v.join(", ")
        }
    };
    Some(format!(
        "numbers or dates differ too ({} → {}): the translation has the stored ones",
        list(&gone),
        list(&came)
    ))
}

fn text_of(text: &str, t: &Token) -> String {
    let end = t.suffix.map_or(t.end, |(_, e)| e.max(t.end));
    text[t.start..end].to_string()
}

/// Adds the edits that write the new value of change `c` where token `t`
/// of `text` stands.
fn place(
    text: &str,
    t: &Token,
    c: &Change,
    lang: Lang,
    edits: &mut Vec<(usize, usize, String)>,
    checks: &mut Vec<String>,
) {
    let new = &c.new;
    let Some(written) = render(&t.form, new, lang, c.grouped) else {
        checks.push(format!(
            "«{}»: cannot be written in the stored form, left as stored",
            &text[t.start..t.end]
        ));
        return;
    };
    edits.push((t.start, t.end, written.clone()));
    if let Some((s, e)) = t.suffix {
        let ending = &text[s..e];
        match (&t.form, lang) {
            (
                Form::Number {
                    ordinal_en: true, ..
                },
                _,
            ) => {
                if let Value::Number { int, .. } = new {
                    edits.push((s, e, english_ordinal(int).to_string()));
                }
            }
            (_, Lang::Kk) => kazakh_ending(t, ending, new, (s, e), edits, checks, &written),
            _ => {}
        }
    }
    match (lang, &t.value, new) {
        (Lang::Ru, Value::Number { int: oi, frac: of }, Value::Number { int: ni, frac: nf })
            if t.suffix.is_none() && !t.percent =>
        {
            let after = &text[t.end..];
            // The first number of a range has no noun of its own, and a
            // year is an ordinal («в 2019 году», «2021 год»).
            let year = |i: &str| i.len() == 4 && (1800..=2100).contains(&i.parse().unwrap_or(0));
            if after.trim_start().starts_with(['–', '-', '—']) || (year(oi) && year(ni)) {
                return;
            }
            // «с 2 по 6 ноября» → «со 2 по 6 ноября»: the preposition
            // before a number follows how the number is read.
            let head = text[..t.start].trim_end();
            let prev_start = head
                .char_indices()
                .rev()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            if prev_start < head.len() && head.len() < t.start {
                match russian::preposition(&head[prev_start..], after, oi, ni, nf) {
                    russian::Agreement::Replace { with, .. } => {
                        edits.push((prev_start, head.len(), with))
                    }
                    russian::Agreement::Unsure(why) => checks.push(why),
                    russian::Agreement::Unchanged => {}
                }
            }
            // The word that governs the number, adverbs («всего») aside.
            let before = text[..t.start]
                .split_whitespace()
                .rev()
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
                .find(|w| !russian::ADVERBS.contains(&w.to_lowercase().as_str()))
                .unwrap_or("");
            match russian::agree(
                before,
                after,
                russian::class(oi, of),
                russian::class(ni, nf),
                &written,
            ) {
                russian::Agreement::Unchanged => {}
                russian::Agreement::Replace { start, end, with } => {
                    edits.push((t.end + start, t.end + end, with))
                }
                russian::Agreement::Unsure(why) => checks.push(why),
            }
        }
        (Lang::En, Value::Number { int: oi, frac: of }, Value::Number { int: ni, frac: nf })
            if !t.percent && (oi == "1" && of.is_empty()) != (ni == "1" && nf.is_empty()) =>
        {
            let after = text[t.end..].trim_start();
            if after.starts_with(char::is_alphabetic) {
                checks.push(format!(
                    "singular or plural after {written}: the word after it left as stored"
                ));
            }
        }
        _ => {}
    }
}

/// The Kazakh ending after a token, rewritten for its new value.
fn kazakh_ending(
    t: &Token,
    ending: &str,
    new: &Value,
    span: (usize, usize),
    edits: &mut Vec<(usize, usize, String)>,
    checks: &mut Vec<String>,
    written: &str,
) {
    let lower = ending.to_lowercase();
    // «3-отырысы»: a word after the hyphen, not an ending of the number.
    let is_ending = token::starts_with_kk_ending(&lower);
    if !is_ending && matches!(t.form, Form::Number { .. }) {
        return;
    }
    let (Some(old), Some(new)) = (said(t, &t.value), said(t, new)) else {
        return;
    };
    match kazakh::reharmonise(ending, kazakh::sound(old), kazakh::sound(new)) {
        Some(e) if e != ending => edits.push((span.0, span.1, e)),
        Some(_) => {}
        None => checks.push(format!(
            "the ending «-{ending}» after {written} is left as stored: check it"
        )),
    }
}

/// The Kazakh word whose sound a token's ending follows, for value `v`.
fn said(t: &Token, v: &Value) -> Option<&'static str> {
    if t.percent {
        return Some(kazakh::percent_word());
    }
    match v {
        Value::Number { int, frac } => Some(kazakh::last_word(int, frac)),
        Value::Time(_, m) => Some(kazakh::last_word_of_time(*m)),
        Value::Month(m) => rules::month_forms()
            .iter()
            .find(|f| f.lang == Lang::Kk)
            .map(|f| f.forms[usize::from(*m) - 1].as_str()),
        // As said: the last Kazakh form is the full word («миллион»).
        Value::Scale(k) => rules::scale_forms()
            .iter()
            .rfind(|f| f.lang == Lang::Kk)
            .and_then(|f| f.forms.get(usize::from(*k) - 1))
            .map(String::as_str),
        Value::Opaque(_) => None,
    }
}

/// "1st", "2nd", "3rd", "11th": the English ordinal suffix of `int`.
fn english_ordinal(int: &str) -> &'static str {
    let n: u64 = int[int.len().saturating_sub(2)..].parse().unwrap_or(0);
    match (n % 10, n / 10 % 10 == 1) {
        (_, true) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// `new` written in the form `form` in `lang`, or `None` when the kinds do
/// not match. Thousands are grouped as the stored form groups them, and
/// always from five digits on; a four-digit number also when `grouped` (its
/// source groups it).
pub fn render(form: &Form, new: &Value, lang: Lang, grouped: bool) -> Option<String> {
    match (form, new) {
        (
            Form::Number {
                group,
                decimal,
                width,
                ..
            },
            Value::Number { int, frac },
        ) => {
            let mut int = int.clone();
            while int.len() < *width {
                int.insert(0, '0');
            }
            let sep = match (group, lang) {
                (Some(g), _) => Some(*g),
                (None, _) if int.len() < 4 || (int.len() == 4 && !grouped) => None,
                (None, Lang::En) => Some(','),
                (None, _) => Some(' '),
            };
            let mut out = group_digits(&int, sep);
            if !frac.is_empty() {
                out.push(decimal.unwrap_or(if lang == Lang::En { '.' } else { ',' }));
                out.push_str(frac);
            }
            Some(out)
        }
        (Form::Time { width }, Value::Time(h, m)) => Some(format!("{h:0w$}:{m:02}", w = *width)),
        (Form::MonthName { form, caps }, Value::Month(m)) => {
            let f = rules::month_forms().get(*form)?;
            let name = f.forms.get(usize::from(*m) - 1)?;
            Some(token::with_caps(name, *caps))
        }
        (Form::MonthDigits { width }, Value::Month(m)) => Some(format!("{m:0w$}", w = *width)),
        (Form::ScaleWord { form, caps }, Value::Scale(k)) => {
            let f = rules::scale_forms().get(*form)?;
            let word = f.forms.get(usize::from(*k) - 1)?;
            Some(match caps {
                Caps::Upper => word.to_uppercase(),
                _ => word.clone(),
            })
        }
        _ => None,
    }
}

/// `int`'s digits in groups of three joined by `sep`.
fn group_digits(int: &str, sep: Option<char>) -> String {
    let Some(sep) = sep else {
        return int.to_string();
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
