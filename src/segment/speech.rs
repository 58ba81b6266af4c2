//! A headline run into a lede that opens with direct speech, with no
//! punctuation between them («Аким встретился с представителями бизнеса
//! «Ни одна жалоба не должна остаться без ответа», – заявил аким…»).
//!
//! Direct speech that an attribution follows («…», – заявил он; “…,” the
//! minister said) always opens its sentence: Russian and Kazakh punctuation
//! put the dash of the attribution after a quotation that starts the
//! sentence, and English puts the comma inside the quotes for the same
//! reason. A quotation inside a sentence names something («программу
//! «Здоровое детство»») or is introduced by a colon or a verb of saying.
//! So a capitalised quotation that closes with a comma, ! or ? and then a
//! dash or an English verb of saying ends the headline before it, if the
//! words before it could be one.

use super::chars::is_space;
use super::rules::{rules, Rules};
use super::runin::{breaks_headline, tokens, MAX_WORDS, MIN_WORDS};
use crate::lang::Lang;

/// The fewest words of the speech: a name in quotes is shorter.
const MIN_SPEECH_WORDS: usize = 3;
/// The most words of an English speaker before the verb of saying ("the
/// newly appointed chairman Arman Seitov told").
const SPEAKER_WORDS: usize = 7;

/// If `line` opens with a headline (a few words with no punctuation that
/// ends or splits a sentence) run into direct speech, the byte offset where
/// the speech starts.
pub(super) fn speech_end(line: &str, lang: Lang) -> Option<usize> {
    let rules = rules(lang);
    let mut prev = "";
    for (words, (start, word)) in tokens(line).enumerate() {
        if words >= MIN_WORDS
            && headline_end_word(prev, rules)
            && quotes_closed(&line[..start])
            && opens_speech(&line[start..], lang, rules)
        {
            return Some(start);
        }
        // A headline has no punctuation that ends or splits a sentence; a
        // dash may stand in it («Жаңа бастама – «Ауыл жастары»»), and a
        // quoted name.
        if breaks_headline(word) || words >= MAX_WORDS {
            return None;
        }
        prev = word;
    }
    None
}

/// Whether every quotation opened in `head` is closed: speech inside
/// another («Я не мог сказать ему «Пап, …», — рассказывает…») is no lede.
fn quotes_closed(head: &str) -> bool {
    let count = |c: char| head.matches(c).count();
    // “ closes „ in Russian and Kazakh and opens ” in English.
    let low = count('„');
    count('«') == count('»')
        && count('“') >= low
        && count('“') - low == count('”')
        && count('"') % 2 == 0
}

/// Whether a headline can end with `word`: a lower-case letter, a digit
/// or a closing quote ends it, and no verb of saying that would introduce
/// the quotation ("He said “We…”").
fn headline_end_word(word: &str, rules: &Rules) -> bool {
    let last = word
        .trim_end_matches(['»', '”', '“', '"'])
        .chars()
        .next_back();
    last.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        && !rules.is_saying(&word.to_lowercase())
}

/// Whether `rest` opens with a capitalised quotation of a few words that
/// closes with a comma (inside or after the quote mark), !, ? or … and
/// then an attribution: a dash in Russian and Kazakh, a verb of saying
/// after at most [`SPEAKER_WORDS`] words of one phrase in English.
fn opens_speech(rest: &str, lang: Lang, rules: &Rules) -> bool {
    let mut cs = rest.chars();
    let Some(open) = cs.next() else {
        return false;
    };
    let close = match open {
        '«' => '»',
        '“' => '”',
        '„' => '“',
        '"' => '"',
        _ => return false,
    };
    if !cs.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let body = &rest[open.len_utf8()..];
    let Some(end) = closing(body, open, close) else {
        return false;
    };
    let speech = &body[..end];
    if tokens(speech).count() < MIN_SPEECH_WORDS {
        return false;
    }
    // English puts the comma inside the quotes, Russian and Kazakh after;
    // ! ? and … stand inside in all three.
    let after = &body[end + close.len_utf8()..];
    let (comma_after, after) = match after.strip_prefix(',') {
        Some(a) => (true, a),
        None => (false, after),
    };
    if !comma_after && !speech.ends_with([',', '!', '?', '…']) {
        return false;
    }
    let after = after.trim_start_matches(is_space);
    match lang {
        // The speaker may come first, with a title of a few words ("the
        // newly appointed chairman Arman Seitov told…"), but within one
        // phrase: no punctuation before the verb.
        Lang::En => {
            let mut phrase = tokens(after)
                .take(SPEAKER_WORDS + 1)
                .map(|(_, w)| w)
                .take_while(|w| {
                    rules.is_saying(w.trim_end_matches([',', '.'])) || !breaks_headline(w)
                });
            phrase.any(|w| rules.is_saying(w.trim_end_matches([',', '.'])))
        }
        Lang::Ru | Lang::Kk => after.starts_with(['–', '—', '-']),
    }
}

/// The byte offset in `body` of the quote mark that closes the quotation
/// opened by `open`, quotations nested inside skipped («…«Нұр Отан»…»).
fn closing(body: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in body.char_indices() {
        if c == close && (open != close || depth == 0) {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        } else if c == open && open != close {
            depth += 1;
        }
    }
    None
}
