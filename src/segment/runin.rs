//! Headlines run into the first sentence on the same line, with no
//! punctuation between them ("Perinatal centre opens in Kyzylorda The
//! Ministry of Health opened…"), as text copied from a web page often is.
//!
//! A headline is cut off only where the evidence is plain: before a
//! dateline ("… in Semey SEMEY, 12 June 2026 – The akimat…"), or, in
//! English, before a capitalised word that typically starts a sentence
//! ("The", "They", "When") right after a lower-case word. The headline
//! must be at least three words with no punctuation that ends or splits a
//! sentence.

use super::chars::is_space;
use super::dateline::dateline_end;
use crate::lang::Lang;

/// The fewest words a headline has.
const MIN_WORDS: usize = 3;
/// The most words a headline has.
const MAX_WORDS: usize = 20;

/// If `line` (a span's text, from its start) opens with a headline run into
/// a sentence, the byte offset where the sentence starts.
pub fn runin_end(line: &str, lang: Lang) -> Option<usize> {
    let mut words = 0;
    let mut prev: Option<&str> = None;
    for (start, token) in tokens(line) {
        if words >= MIN_WORDS {
            let prev_lower = prev.is_some_and(|p| {
                p.chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            });
            if prev_lower && dateline_end(&line[start..]).is_some() {
                return Some(start);
            }
            if lang != Lang::En
                && words >= MIN_WORDS
                && prev.is_some_and(|p| p.chars().all(|c| c.is_lowercase() || c.is_ascii_digit()))
                && capitalised(token)
                && long_sentence(&line[start..])
                && repeats_headline(&line[..start], &line[start..], lang)
            {
                return Some(start);
            }
            if lang == Lang::En
                && words > MIN_WORDS
                && sentence_case(&line[..start])
                && RUNIN_STARTERS.contains(&token)
                && long_sentence(&line[start..])
            {
                return Some(start);
            }
        }
        // Anything that ends, splits or quotes a sentence: not a bare
        // headline.
        if token.chars().any(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '…' | ';' | ',' | '"' | '“' | '«' | '(' | '–' | '—'
            )
        }) {
            return None;
        }
        words += 1;
        if words > MAX_WORDS {
            return None;
        }
        prev = Some(token);
    }
    None
}

/// The words of `line` between spaces (any Unicode space tm knows), with
/// their byte offsets.
fn tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = line.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.next_if(|&(_, c)| is_space(c)).is_some() {}
        let (start, _) = *rest.peek()?;
        let mut end = line.len();
        while let Some(&(i, c)) = rest.peek() {
            if is_space(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &line[start..end]))
    })
}

/// A word in sentence case: a capital, then lower case ("Министерство").
fn capitalised(token: &str) -> bool {
    let mut cs = token.chars();
    cs.next().is_some_and(char::is_uppercase)
        && token.chars().count() > 2
        && cs.all(char::is_lowercase)
}

/// Whether the first sentence of `rest` repeats at least three of the
/// headline's content words (by stem), as a release's lede repeats its
/// headline («ЦИК зарегистрировала списки семи партий | Центральная
/// избирательная комиссия зарегистрировала партийные списки семи…»); a
/// sentence that merely continues past a name does not.
fn repeats_headline(head: &str, rest: &str, lang: Lang) -> bool {
    use crate::text::words;
    let first = rest.split(['.', '!', '?']).next().unwrap_or("");
    let content = |t: &str| -> Vec<String> {
        words(t, lang)
            .into_iter()
            .filter(|w| !w.number && w.lower.chars().count() >= 4)
            .map(|w| w.key)
            .collect()
    };
    let later = content(first);
    let mut head_keys = content(head);
    head_keys.dedup();
    head_keys.iter().filter(|k| later.contains(k)).count() >= 3
}

/// English words that start the first sentence after a headline; few, as
/// capitalised words inside a title ("the All Blacks", "With Kavanaugh")
/// are names far more often.
const RUNIN_STARTERS: &[&str] = &[
    "The",
    "They",
    "It",
    "He",
    "She",
    "We",
    "This",
    "These",
    "In",
    "On",
    "At",
    "According",
    "When",
    "After",
];

/// A headline in sentence case: some word after the first is in lower
/// case (a Title Case Headline Has None).
fn sentence_case(head: &str) -> bool {
    tokens(head)
        .map(|(_, w)| w)
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && w.chars().count() > 3)
}

/// A sentence of at least six words that ends with its punctuation.
fn long_sentence(rest: &str) -> bool {
    let rest = rest.trim_end();
    tokens(rest).count() >= 6
        && rest
            .trim_end_matches(['"', '”', '»', ')', '’'])
            .ends_with(['.', '!', '?'])
}
