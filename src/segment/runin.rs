//! Headlines run into the first sentence on the same line, with no
//! punctuation between them ("Perinatal centre opens in Kyzylorda The
//! Ministry of Health opened…"), as text copied from a web page often is.
//!
//! A headline is cut off only where the evidence is plain: before a
//! dateline ("… in Semey SEMEY, 12 June 2026 – The akimat…"); before
//! direct speech with its attribution (see [`super::speech`]); before a
//! capitalised word that starts sentences and is never a name ("The",
//! "When", «Согласно»); or before a sentence that repeats the headline's
//! words, as a lede does; after a speaker's name that closes a headline
//! after a dash ("… – Gani Beisembayev"); and before a lede's subject
//! where its own verb follows, unlike the headline's (a second predicate
//! in Russian, a past or auxiliary verb in English); and in English after
//! a headline in Title Case, before a word that starts sentences and a
//! lower-case word ("…Deal With Vietnam The agreement…"). The headline must be
//! at least three words with no punctuation that ends or splits a
//! sentence, and never ends in a preposition.

use super::chars::is_space;
use super::dateline::dateline_end;
use super::rules::{rules, Rules};
use super::speech::speech_end;
use crate::lang::Lang;

/// The fewest words a headline has.
pub(super) const MIN_WORDS: usize = 3;
/// The most words a headline has.
pub(super) const MAX_WORDS: usize = 20;

/// If `line` (a span's text, from its start) opens with a headline run into
/// a sentence, the byte offset where the sentence starts.
///
/// A dateline is the plainest evidence, so it is looked for first: "В
/// Семее открылся парк на берегу Иртыша СЕМЕЙ, 12 июня – …" is cut before
/// the dateline, not before "Иртыша", which its lede repeats.
pub fn runin_end(line: &str, lang: Lang) -> Option<usize> {
    found_end(line, lang).map(|at| at_repeated_name(line, at))
}

/// Where a cut at `at` falls inside a name said twice in a row, the end of
/// a headline and the start of its lede («…назначен Арман Жолдасов |
/// Арман Жолдасов родился…»), the byte offset of the second saying; else
/// `at`.
fn at_repeated_name(line: &str, at: usize) -> usize {
    let toks: Vec<(usize, &str)> = tokens(line).take(MAX_WORDS + 8).collect();
    let Some(cut) = toks.iter().position(|&(start, _)| start == at) else {
        return at;
    };
    for k in 1..=3 {
        for first in cut.saturating_sub(2 * k - 1)..cut {
            let second = first + k;
            if second == cut || second + k > toks.len() {
                continue;
            }
            let same = (0..k).all(|i| toks[first + i].1 == toks[second + i].1);
            let named = toks[first..second]
                .iter()
                .all(|(_, w)| w.starts_with(char::is_uppercase));
            if same && named {
                return toks[second].0;
            }
        }
    }
    at
}

/// [`runin_end`] before a repeated name is looked at.
fn found_end(line: &str, lang: Lang) -> Option<usize> {
    let rules = rules(lang);
    let heads = headline_words(line, lang);
    let dateline = heads
        .iter()
        .find(|c| c.prev_lower && dateline_end(&line[c.start..], false).is_some());
    if let Some(c) = dateline {
        return Some(c.start);
    }
    if let Some(at) = speech_end(line, lang) {
        return Some(at);
    }
    let mut starts = heads
        .iter()
        .find(|c| sentence_starts(line, c, lang, rules))
        .map(|c| c.start);
    // Kazakh ends its headline with the verb: where a later place after a
    // finite verb opens a lede that repeats the headline, the earlier one
    // was inside the headline («Денсаулық сақтау министрлігі | Жамбыл
    // облысында … амбулатория ашты | Денсаулық сақтау министрі…»).
    if let (Lang::Kk, Some(first)) = (lang, starts) {
        let later = heads.iter().find(|c| {
            c.start > first
                && kazakh_finite(c.prev)
                && repeats_headline(&line[..c.start], &line[c.start..], lang)
                && sentence_starts(line, c, lang, rules)
        });
        if let Some(c) = later {
            starts = Some(c.start);
        }
    }
    // A lede repeats its headline whole: where most words after the cut
    // found (see [`repeated_in`]) come back in the sentence after a later
    // cut, they were the headline's last words («…форум стартапов |
    // Центральной Азии Третий форум стартапов Центральной Азии
    // состоится…»). A cut before a starter stays.
    let by_starter = |at: usize| {
        heads
            .iter()
            .find(|c| c.start == at)
            .is_some_and(|c| rules.is_starter(&c.token.to_lowercase()))
    };
    if let Some(first) = starts.filter(|&at| !by_starter(at)) {
        let later = heads.iter().find(|c| {
            c.start > first
                && repeated_in(&line[first..c.start], &line[c.start..], lang)
                && sentence_starts(line, c, lang, rules)
        });
        if let Some(c) = later {
            starts = Some(c.start);
        }
    }
    // A lede that repeats the headline may still begin before the word
    // found so ("…from the United Arab Emirates Investors from Abu Dhabi
    // presented…"): an English subject with its verb found earlier wins.
    // Of the two English signs, the earlier cut: a Title Case headline's
    // lede may itself hold a number after a noun ("…Since 2021 More than
    // 1,200 participants from 30 countries registered…").
    let english = (lang == Lang::En)
        .then(|| {
            let (lede, title) = (english_lede(line, rules), title_case_end(line, rules));
            lede.into_iter().chain(title).min()
        })
        .flatten();
    match (starts, english) {
        (Some(s), Some(e)) => Some(s.min(e)),
        (Some(s), None) => Some(s),
        (None, _) => dash_name_end(line, lang)
            .or_else(|| {
                (lang == Lang::Ru).then(|| {
                    second_predicate(line, &heads, rules)
                        .or_else(|| counted_lede(line, &heads, rules))
                        .or_else(|| nominal_lede(line, &heads, rules))
                })?
            })
            .or(english),
    }
}

/// English: where a headline with no sign of its end ("…opens in Kosshy",
/// "…trains journalists from Central Asian countries") runs into a lede,
/// the byte offset of the lede's subject.
///
/// An English sentence is a subject and then a finite verb; a lede's verb
/// is past or has an auxiliary ("approved", "took", "were completed",
/// "can register"), where a headline's is present or missing. So a
/// sentence starts at a word that can open a noun phrase after the end of
/// another (see [`english_subject_start`]) when a short subject of at
/// most six words and such a verb follow it. The headline is in sentence
/// case, at least [`MIN_WORDS`] words, and does not open with a word that
/// starts sentences ("Over the past five years Kazakhstan has built…" is
/// one sentence).
fn english_lede(line: &str, rules: &Rules) -> Option<usize> {
    let toks: Vec<(usize, &str)> = tokens(line).take(MAX_WORDS + 8).collect();
    let first = toks.first()?.1;
    if rules.is_starter(&first.to_lowercase()) {
        return None;
    }
    // Up to the first punctuation: a headline has none.
    let end = headline_end(&toks);
    (MIN_WORDS..end.min(MAX_WORDS))
        .filter(|&i| sentence_case(&line[..toks[i].0]))
        .filter(|&i| english_subject_start(&toks, i, rules))
        .find(|&i| {
            // A subject counted by a number ("Four students from the
            // Nazarbayev Intellectual School in Shymkent competed…") is a
            // noun phrase, however long: its verb may stand further off.
            // So is one opened by a title ("Deputy Akim of Akmola region
            // Nurlan Abenov said…"). So is an article before a number ("A
            // 14 km section of the highway will be closed…").
            let counted = counts_many(toks[i].1)
                || matches!(toks[i].1, "A" | "An" | "The")
                    && toks.get(i + 1).is_some_and(|t| is_number(t.1));
            let reach = if counted || rules.is_title(toks[i].1) {
                10
            } else {
                6
            };
            let verb = toks[i + 1..]
                .iter()
                .take(reach)
                .take_while(|(_, w)| !w.contains(HEAD_BREAKS))
                .position(|(_, w)| english_past(w));
            verb.is_some() && long_sentence(&line[toks[i].0..])
        })
        .map(|i| toks[i].0)
}

/// English: where a headline in Title Case ("Senate Passes Law on
/// Protection of Wild Animals") runs into a lede in sentence case ("The law
/// raises fines…", "More than 1,200 participants…"), the byte offset of
/// the lede.
///
/// Title Case capitalises every word but short function words, so the lede
/// starts at the first capitalised word that a lower-case content word
/// follows. That word must be one that starts sentences and is never a
/// name ("The", "More", "It"): after a long name in Title Case a
/// capitalised word before a lower-case one is the name's last ("…Bureau
/// of National Statistics published…"). The headline is at least four
/// words.
fn title_case_end(line: &str, rules: &Rules) -> Option<usize> {
    let toks: Vec<(usize, &str)> = tokens(line).take(MAX_WORDS + 8).collect();
    let end = headline_end(&toks);
    // "Water-Sharing" is one word in Title Case.
    let title_word = |w: &str| {
        capitalised(w)
            || name_word(w)
            || is_number(w)
            || TITLE_CASE_LOWER.contains(&w)
            || acronym(w)
    };
    // Every word of the headline so far in Title Case.
    let titled = toks[..end]
        .iter()
        .take_while(|(_, w)| title_word(w))
        .count();
    (MIN_WORDS + 1..titled.min(MAX_WORDS))
        .find(|&i| {
            let (word, next) = (toks[i].1, toks.get(i + 1).map_or("", |t| t.1));
            let lower_content = next.chars().count() > 1
                && next.chars().all(|c| c.is_ascii_lowercase())
                && !TITLE_CASE_LOWER.contains(&next)
                && !FUNCTION_WORDS.contains(&next);
            let starter = lower_content
                && opens_like_a_starter(word, rules)
                && !TITLE_CASE_LOWER.contains(&toks[i - 1].1);
            // "…Clinics in Zhambyl Region Minister Aida Balayeva attended…":
            // after a noun that closes a name, a name of its own and then
            // a lede's verb.
            let subject = CLOSING_NOUNS.contains(&toks[i - 1].1) && name_then_verb(&toks, i);
            (starter || subject) && long_sentence(&line[toks[i].0..])
        })
        .map(|i| toks[i].0)
}

/// Whether the words of `toks` from `i` are a name of one to four words
/// (maybe opened by a title) and then at once a lede's verb ("Kazakhstan
/// Temir Zholy signed", "Minister Aida Balayeva attended").
fn name_then_verb(toks: &[(usize, &str)], i: usize) -> bool {
    let name = toks[i..]
        .iter()
        .take(4)
        .take_while(|(_, w)| name_word(w))
        .count();
    (1..=4).contains(&name) && toks.get(i + name).is_some_and(|(_, w)| english_past(w))
}

/// Words Title Case leaves in lower case: articles, conjunctions and
/// short prepositions.
const TITLE_CASE_LOWER: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "at", "to", "for", "with", "by",
    "from", "as", "into", "over", "after", "per", "via", "vs",
];

/// Whether a noun phrase can start at word `i` of a headline, after the
/// end of another: a capitalised word after a lower-case noun
/// ("countries Thirty", "reading Deputies"); a determiner ("Games Our");
/// a word after a name's closing noun ("Turkistan Region Repairs", "the
/// United Arab Emirates Investors"); a title after a one-word place
/// ("in Kosshy Akim", "in Shymkent Regional Akim"); a word after a
/// title and a two-word name ("Representative Terhi Hakala Kazakhstan").
fn english_subject_start(toks: &[(usize, &str)], i: usize, rules: &Rules) -> bool {
    let word = toks[i].1;
    let back = |k: usize| i.checked_sub(k).map_or("", |j| toks[j].1);
    let (prev, prev2) = (back(1), back(2));
    // "…clean air project in Karaganda 15 air quality stations will…": a
    // number after a one-word place, before a lower-case word, counts
    // what the lede is about (a date or a distance would be "15 May",
    // "15 km from"; the lede's verb is asked for after).
    if is_number(word) && name_word(prev) && rules.is_preposition(prev2) {
        return lower_after(toks, i, rules);
    }
    // "…reports record grain harvest 2.4 million tonnes of wheat were
    // harvested…": a number after a headline's last noun counts the
    // lede's subject when its own verb follows with no clause opener
    // between ("…grew 15 percent as prices were rising" is one sentence,
    // and a past verb before the number is the sentence's own).
    // The number is no object of a present verb ("…indicates 111 people
    // have died", "…exceeds 17 million tonnes"), nor counted by a word
    // before it ("More than 1,200"); the words up to the verb are the
    // number's own, in lower case.
    // A name's closing noun is a headline's last noun too ("…in Akmola
    // Region 4.7 million hectares … have been sown"), but a street's
    // number is its house's ("Abai Avenue 12").
    if is_number(word) {
        let closing = CLOSING_NOUNS.contains(&prev) && !matches!(prev, "Avenue" | "Street");
        return (headline_noun(prev) || closing)
            && !rules.is_preposition(prev)
            && !ends_in_s(prev)
            && !english_past(prev)
            && !QUANTIFIERS.contains(&prev)
            && lower_after(toks, i, rules)
            && {
                let phrase = toks[i + 1..].iter().map(|(_, w)| *w);
                let up_to_verb: Vec<&str> = phrase.take_while(|w| !english_past(w)).collect();
                up_to_verb.iter().all(|w| {
                    w.chars().all(|c| c.is_ascii_lowercase()) && !CLAUSE_OPENERS.contains(w)
                })
            };
    }
    // "…grants from UNDP Forty-two women entrepreneurs received…": a
    // capitalised number word counts the lede's subject; inside a
    // sentence it is written in lower case.
    if word.starts_with(char::is_uppercase)
        && counts_many(word)
        && !rules.is_preposition(&prev.to_lowercase())
        && !FUNCTION_WORDS.contains(&prev)
    {
        return true;
    }
    // "…to close for repairs A 14 km section of the highway will be
    // closed…": an indefinite article before a number, after a headline's
    // last noun, opens the lede's subject (a name's letter, "Plan A",
    // has no number after it).
    if matches!(word, "A" | "An")
        && headline_noun(prev)
        && toks.get(i + 1).is_some_and(|t| is_number(t.1))
    {
        return true;
    }
    if !capitalised(word) || rules.is_preposition(&prev.to_lowercase()) {
        return false;
    }
    // After a lower-case word the capital must start a common noun or
    // a number word, which a lower-case word other than a preposition
    // follows: "deputy attorney general Rod Rosenstein", "such as Iowa
    // that…" and "to deny Jacobs before…" go on.
    let lower_noun = headline_noun(prev) && lower_after(toks, i, rules);
    // "…in Kosshy Akim of…", "…with Uzbekistan Senators unanimously…":
    // a place after a preposition is one word before a title or a noun
    // that a lower-case word (no preposition) follows. Where the verb
    // follows at once, the two words are one name ("in New York are").
    let verb_next = toks.get(i + 1).is_some_and(|t| english_past(t.1));
    // A compass word opens a longer place ("in North Kazakhstan region
    // rose…").
    let after_place = name_word(prev)
        && !PLACE_OPENERS.contains(&prev)
        && rules.is_preposition(prev2)
        && (rules.is_title(word) || lower_after(toks, i, rules) && !verb_next);
    let after_person =
        name_word(prev) && name_word(prev2) && !rules.is_title(prev2) && rules.is_title(back(3));
    // "…orders 120 new passenger carriages Kazakhstan Temir Zholy signed…":
    // a name after a plural noun, its verb right after it.
    let plural = headline_noun(prev) && ends_in_s(prev);
    lower_noun
        || plural && name_then_verb(toks, i)
        || rules.is_starter(&word.to_lowercase()) && !FUNCTION_WORDS.contains(&prev)
        || CLOSING_NOUNS.contains(&prev)
        || after_place
        || after_person
}

/// Whether `word` is a number word above one, or its tens before a hyphen
/// ("Four", "Forty-two"): it counts a noun phrase.
fn counts_many(word: &str) -> bool {
    let tens = word.split('-').next().unwrap_or(word);
    crate::text::numbers::value(tens).is_some_and(|v| v > 1)
}

/// Whether `word` ends in a single "-s": a plural noun or a present verb
/// ("carriages", "indicates"), not "progress".
fn ends_in_s(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// Whether `word` may be the last word of a sentence-case headline before
/// a lede's subject: a lower-case word of four letters or more, no
/// function word and no past participle ("…in the sector", "…reports
/// record grain harvest").
fn headline_noun(word: &str) -> bool {
    word.chars().count() > 3
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !FUNCTION_WORDS.contains(&word)
        && !word.ends_with("ed")
}

/// Words that open a clause of their own: a verb after one belongs to
/// that clause, not to the phrase before it.
const CLAUSE_OPENERS: &[&str] = &[
    "as", "while", "when", "because", "after", "before", "since", "and", "but", "that", "which",
    "who", "where", "if", "than", "until",
];

/// Words that count the number after them ("more than 1,200", "about
/// 40"): the number goes on their phrase.
const QUANTIFIERS: &[&str] = &[
    "than",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "over",
    "under",
    "least",
    "only",
    "just",
    "roughly",
    "approximately",
    "exactly",
];

/// Whether `head` ends in a run of capitalised words opened by "the":
/// one name, which a capitalised word may go on ("…from the United |
/// Arab Emirates").
fn after_the(head: &str) -> bool {
    let words: Vec<&str> = tokens(head).map(|(_, w)| w).collect();
    let run = words
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    run > 0 && words.len() > run && words[words.len() - run - 1].eq_ignore_ascii_case("the")
}

/// Whether word `i` is followed by a lower-case word that is no
/// preposition, article or reporting verb ("Senators unanimously",
/// "Notaries can"), as a subject's head is, and a name is not.
fn lower_after(toks: &[(usize, &str)], i: usize, rules: &Rules) -> bool {
    toks.get(i + 1).is_some_and(|&(_, next)| {
        next.chars().all(|c| c.is_ascii_lowercase())
            && !FUNCTION_WORDS.contains(&next)
            && !rules.is_preposition(next)
    })
}

/// English words after which no new phrase starts: articles, conjunctions,
/// and verbs that report speech ("said Kazakhstan exported…").
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "that",
    "as",
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stressed",
    "announced",
    "reported",
    "stated",
    "believes",
    "expects",
    "hopes",
    "thinks",
];

/// Nouns that close a proper name ("Turkistan Region", "the United Arab
/// Emirates", "Asian Games"): a capitalised word after one starts
/// another phrase.
const CLOSING_NOUNS: &[&str] = &[
    "Region",
    "Oblast",
    "District",
    "Province",
    "Games",
    "Emirates",
    "States",
    "Nations",
    "Republic",
    "Federation",
    "Kingdom",
    "Avenue",
    "Street",
];

/// A finite English verb of a lede: past ("approved", "took") or an
/// auxiliary ("were", "has", "will", "can"). Headlines use the present.
fn english_past(word: &str) -> bool {
    const AUX: &[&str] = &[
        "was", "were", "has", "have", "had", "will", "can", "is", "are", "would", "could", "may",
        "must", "should",
    ];
    const IRREGULAR: &[&str] = &[
        "took", "met", "made", "held", "won", "gave", "came", "went", "said", "began", "brought",
        "built", "sent", "told", "spoke", "became", "paid", "saw", "left", "found", "kept", "led",
        "ran", "grew", "rose", "fell", "drew", "chose", "wrote", "bought", "sold", "taught",
    ];
    AUX.contains(&word)
        || IRREGULAR.contains(&word)
        || word.len() > 4 && word.ends_with("ed") && word.chars().all(|c| c.is_ascii_lowercase())
}

/// Where a headline that names its speaker after a dash ("Ministry of
/// Education to open 200 new schools – Gani Beisembayev", «ЕҚЫҰ
/// офисінің жаңа басшысы – Фолькер Фробарт») runs into its lede, the
/// byte offset of the lede.
///
/// The name is two capitalised words (and a patronymic, if one
/// follows); a word after it that opens a sentence (a capital or a
/// number, then a lower-case word) cannot belong to the name, which
/// has ended. The part before the dash must be a headline: at least
/// [`MIN_WORDS`] words with no punctuation (in English in sentence case),
/// so "Kazakhstan – Japan Business Council met…" is left whole.
fn dash_name_end(line: &str, lang: Lang) -> Option<usize> {
    let toks: Vec<(usize, &str)> = tokens(line).take(MAX_WORDS + 6).collect();
    // The dash outside quotation marks: «Жыл мұғалімі – 2025» is a name.
    let mut quoted = 0usize;
    let dash = toks.iter().position(|(_, w)| {
        let outside = quoted == 0 && is_dash_word(w);
        track_quotes(&mut quoted, w);
        outside
    })?;
    let head = &toks[..dash];
    let plain = |w: &str| is_number(w) || !w.contains(HEAD_BREAKS);
    if head.len() < MIN_WORDS
        || !head.iter().all(|(_, w)| plain(w))
        || lang == Lang::En && !sentence_case(&line[..toks[dash].0])
    {
        return None;
    }
    // A figure may close the headline instead of a name («Жылдық
    // инфляция деңгейі – 8,7%»): a capitalised word after it opens the
    // lede, as no figure is followed by a name in one sentence.
    let figure = toks.get(dash + 1).is_some_and(|(_, w)| {
        let bare = w.trim_end_matches('%');
        bare.len() < w.len() && is_number(bare)
    });
    let rules = rules(lang);
    // A pronoun or another word that only starts sentences opens one even
    // before a name («…– Айгүл Серікбаева Ол Павлодар қаласындағы…»), and
    // so does a Russian preposition in capitals («…– Минздрав По данным…»).
    let starter =
        |word: &str| opens_like_a_starter(word, rules) || capital_preposition(word, lang, rules);
    let lede_at = |mut at: usize| -> Option<usize> {
        if toks.get(at).is_some_and(|(_, w)| patronymic(w)) {
            at += 1;
        }
        let (start, word) = *toks.get(at)?;
        let starter = starter(word);
        // After a figure a number may go on with it («– 8,7% 2024 жылы…»).
        let opens = capitalised(word)
            || !figure && word.starts_with(|c: char| c.is_ascii_digit())
            || starter;
        // A lower-case word, a number or a quotation: no name goes on so.
        let next_lower = toks.get(at + 1).is_some_and(|(_, w)| {
            w.starts_with(|c: char| {
                c.is_lowercase() || c.is_ascii_digit() || matches!(c, '«' | '“')
            })
        });
        (opens && (next_lower || starter) && long_sentence(&line[start..])).then_some(start)
    };
    if figure {
        return lede_at(dash + 2);
    }
    let name = toks.get(dash + 1..dash + 3)?;
    // A Kazakh speaker is named in the nominative: a place or a noun in
    // another case after the dash is the headline's own («…форумы –
    // Ақтауда Форумға 30 елден…»: "in Aktau", then the lede).
    let nominative = |w: &str| lang != Lang::Kk || !kazakh_oblique(w);
    if name.iter().all(|(_, w)| name_word(w) && nominative(w)) {
        if let Some(start) = lede_at(dash + 3) {
            return Some(start);
        }
    }
    // A speaker of one word, an organisation («…снизилась на 40% –
    // Минздрав По данным ведомства…», «…грант алды – БҰҰДБ Алты
    // ауданның…»). A capitalised word after a capitalised speaker may be
    // a surname ("– Gani Beisembayev said"): only a word that starts
    // sentences opens the lede there; after an acronym, or a Kazakh place
    // in a case, any capitalised word does.
    // A Kazakh place in a case closes a headline after a dash the same way
    // («Халықаралық жастар форумы – Ақтауда Форумға 30 елден…»).
    let (_, speaker) = toks[dash + 1];
    let after = toks.get(dash + 2).map_or("", |(_, w)| *w);
    let place = lang == Lang::Kk && name_word(speaker) && kazakh_oblique(speaker);
    (acronym(speaker) || place || name_word(speaker) && starter(after))
        .then(|| lede_at(dash + 2))
        .flatten()
}

/// How many words of `toks` a headline can hold: those before the first
/// punctuation that ends, splits or quotes a sentence ("5,000" is a number).
///
/// A name in straight quotes closed within the headline ("Akimat opens
/// "Green Yard" centre in Taraz") does not end it; a quotation that opens
/// the line, or one left open, does ("It was a good point for us because
/// Villarreal…" is speech, not a headline).
fn headline_end(toks: &[(usize, &str)]) -> usize {
    let mut open: Option<usize> = None;
    for (i, (_, w)) in toks.iter().enumerate() {
        if !is_number(w) && breaks_headline(w) {
            return open.unwrap_or(i);
        }
        if w.matches('"').count() % 2 == 1 {
            if i == 0 {
                return 0;
            }
            open = if open.is_some() { None } else { Some(i) };
        }
    }
    open.unwrap_or(toks.len())
}

/// Counts the «…» and “…” quotations `token` opens and closes into
/// `quoted`, the number open: no sentence starts inside one.
fn track_quotes(quoted: &mut usize, token: &str) {
    for c in token.chars() {
        match c {
            '«' | '“' => *quoted += 1,
            '»' | '”' => *quoted = quoted.saturating_sub(1),
            _ => {}
        }
    }
}

/// A capitalised word that starts sentences and is no preposition ("The",
/// "More", «Ол»): it opens a lede, where a preposition may still be a
/// capitalised word of a Title Case headline.
fn opens_like_a_starter(word: &str, rules: &Rules) -> bool {
    let lower = word.to_lowercase();
    word.starts_with(char::is_uppercase)
        && !rules.is_preposition(&lower)
        && rules.is_starter(&lower)
}

/// A Russian preposition of two letters in capitals («По», «За»): inside
/// a sentence it is written in lower case, so it opens one.
fn capital_preposition(word: &str, lang: Lang, rules: &Rules) -> bool {
    lang == Lang::Ru && short_capitalised(word) && rules.is_preposition(&word.to_lowercase())
}

/// Whether `word` holds punctuation that ends or splits a sentence, which
/// no headline holds; a straight quote mark may open or close a name in one.
pub(super) fn breaks_headline(word: &str) -> bool {
    word.chars().any(|c| c != '"' && HEAD_BREAKS.contains(&c))
}

/// Punctuation that ends, splits or quotes a sentence: a headline has none.
const HEAD_BREAKS: &[char] = &['.', '!', '?', '…', ';', ',', '"', '(', ')', ':'];

/// A dash standing alone between words.
fn is_dash_word(word: &str) -> bool {
    matches!(word, "–" | "—" | "-")
}

/// A word of a person's name: a capital, then lower case, maybe with a
/// hyphen ("Jean-Pierre", «Әбу-Бәкір»).
fn name_word(word: &str) -> bool {
    word.split('-').all(|part| {
        let mut cs = part.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
    })
}

/// A patronymic after a name («Ерланович», «Сейітқызы», "Ospanuly"),
/// which still belongs to it.
fn patronymic(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ович", "евич", "овна", "евна", "ична", "ұлы", "қызы", "uly", "kyzy",
    ];
    name_word(word) && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Russian: where a headline with a predicate of its own runs into a lede
/// with another, the byte offset of the lede's subject.
///
/// Two clauses in one Russian sentence are always parted by a comma, a
/// dash or a conjunction; so where a finite verb («ратифицировал») is
/// followed, with none of these between, by a capitalised word and then
/// another finite verb («…о демаркации границы Сенаторы единогласно
/// одобрили…»), a sentence ends before that word. With no dateline, no
/// word that only starts sentences and no repeated word, this is the one
/// sign of the end of a headline that ends in a name («…со
/// спецпредставителем ЕС Терхи Хакалой Казахстан и Европейский союз
/// обсудили…»). The subject is the last capitalised word before the
/// second verb, after which nothing but its own words stand.
fn second_predicate(line: &str, heads: &[Cut], rules: &Rules) -> Option<usize> {
    // A headline's predicate may be a short participle («Подготовка к
    // паводкам завершена…»); a lede's is a finite verb.
    let first = tokens(line)
        .find(|(_, w)| russian_finite(w) || short_participle(w))
        .map(|(at, _)| at)?;
    // The next predicate in the same clause: none past a comma or a
    // sentence end. A lede's may be a short participle too («Документ
    // подписан во вторник»).
    // A finite verb is looked for first: a noun in «-ала» may pass for
    // the headline's verb («вокзала»), and its real one («завершена»)
    // must not be taken for the lede's.
    let clause = || russian_clause(line, first);
    // A word in «-л» after a number or an adjective in the genitive plural
    // is the counted noun («…построят 12 новых школ | Акимат города
    // утвердил…»), no verb.
    let counted_noun = |w: &str, p: &str| {
        w.ends_with('л')
            && (is_number(p) || p.chars().count() > 4 && (p.ends_with("ых") || p.ends_with("их")))
    };
    let verb = clause()
        .find(|&(_, w, p)| russian_finite(w) && !full_adjective(p) && !counted_noun(w, p))
        .or_else(|| clause().find(|&(_, w, _)| short_participle(w) || short_participle_an(w)))?;
    // A subject opens with a capital, never after a preposition or a
    // conjunction («…в Дубае», «…и Европейский союз»).
    let cut = heads
        .iter()
        .rev()
        .filter(|c| c.start > first && c.start < verb.0)
        // Or with a number that counts it («…рекорд по сбору зерна 2,4 млн
        // тонн пшеницы намолочено…»), after a lower-case word or an
        // acronym («…получили гранты ПРООН 42 предпринимательницы…»).
        .filter(|c| {
            capitalised(c.token)
                || acronym(c.token)
                || one_letter(line, c, rules)
                || is_number(c.token) && (c.prev_lower || acronym(c.prev))
                // A quoted name («…в Кызылорде | «Казпочта» начала…»),
                // unless a legal form before it opens the subject («ТОО
                // «Жамбыл Су Арнасы» завершило…»).
                || !acronym(c.prev)
                    && c.token
                        .strip_prefix(['«', '“'])
                        .is_some_and(|w| capitalised(w.trim_end_matches(['»', '”'])))
        })
        // A lede is a long sentence: a capitalised name too close to the
        // verb closes the subject's noun phrase («…терминал международного
        // аэропорта Астаны принял…»), which opens further back.
        .find(|c| {
            !rules.is_preposition(&c.prev.to_lowercase())
                && !conjunction(c.prev)
                && long_sentence(&line[c.start..])
        })?;
    // A title a few words before opens the subject with the name it
    // stands before («…в Жамбылской области Министр здравоохранения Аида
    // Балаева приняла…»), not the name's last word.
    let cut = heads
        .iter()
        .rev()
        .filter(|c| c.start > first && c.start < cut.start)
        .take(3)
        .find(|c| rules.is_title(c.token) && c.prev_lower && !conjunction(c.prev))
        .filter(|c| !rules.is_preposition(&c.prev.to_lowercase()))
        .unwrap_or(cut);
    // A subject is in the nominative, and nothing before it agrees with
    // it: «…разработанные Министерством юстиции правила…» is one phrase.
    // An adjective that opens the subject agrees with an adjective before
    // it only in the same ending: «…выросла вдвое | Новый терминал…»
    // parts, «…казахстанская Национальная компания…» does not.
    let ending = |w: &str| w.chars().rev().take(2).collect::<String>();
    let agrees = full_adjective(cut.prev)
        && !(full_adjective(&cut.token.to_lowercase()) && ending(cut.prev) != ending(cut.token));
    if oblique(cut.token) || agrees {
        return None;
    }
    // A subject counted by a number takes a plural or a neuter predicate
    // («…погибли», «…намолочено»); a word in «-л» or «-ла» after one is a
    // noun («…открыло 12 новых школ.» is one sentence).
    // A number before a month is a date, no count: the lede opens with
    // when («…паллиативной помощи | 3 февраля приказ министра
    // зарегистрирован…»), and its subject follows.
    let date = tokens(&line[cut.start..])
        .nth(1)
        .is_some_and(|(_, w)| date_words(cut.token, w, Lang::Ru));
    if is_number(cut.token) && !date && !counted_predicate(verb.1) {
        return None;
    }
    let subject: Vec<&str> = tokens(&line[cut.start..verb.0]).map(|(_, w)| w).collect();
    // The verb is the subject's own only within its sentence: a footnote
    // mark after the full stop («…1,4 млн человек.⁴ Второй этап
    // начнется…») hides the end from the clause.
    let ends = |w: &&str| !is_number(w) && w.contains(['.', '!', '?', '…', ';']);
    (subject.len() <= 6
        && !subject.iter().any(ends)
        && !subject.last().is_some_and(|w| conjunction(w))
        && long_sentence(&line[cut.start..]))
    .then_some(cut.start)
}

/// Russian: where a headline with no verb, a noun phrase («Новые автобусы
/// для сельских маршрутов Алматинской области»), runs into a lede that
/// opens with its subject and the subject's past verb right after it
/// («…области | ЕБРР выделил…», «…в Кызылорде | «Казпочта» начала…»),
/// the byte offset of the subject.
///
/// A sentence that opens with a noun in the nominative has it for its
/// subject, and another subject with its own verb would need a comma or a
/// conjunction before it. The subject here is one organisation's name: an
/// acronym, a quoted name, or a word in title case with no surname's
/// ending, whose verb agrees with it (a genitive does not: «Министерство
/// энергетики Республики Казахстан сообщило» is one sentence). A headline
/// with a title in it names the person the verb is about («Министр
/// энергетики Саткалиев сообщил…»), and one that opens with a word that
/// starts sentences or a preposition may hold the lede's adverbial («В
/// этом году ЕБРР выделил…»).
fn nominal_lede(line: &str, heads: &[Cut], rules: &Rules) -> Option<usize> {
    let first = tokens(line).next()?.1;
    if !capitalised(first) || rules.is_starter(&first.to_lowercase()) {
        return None;
    }
    for c in heads.iter().filter(|c| c.prev_lower) {
        let head = &line[..c.start];
        if tokens(head).any(|(_, w)| {
            let bare = w.trim_matches(|ch: char| !ch.is_alphabetic());
            russian_finite(bare) || short_participle(bare) || rules.is_title(bare)
        }) {
            return None;
        }
        if rules.is_preposition(&c.prev.to_lowercase()) || conjunction(c.prev) {
            continue;
        }
        // The subject: one word, or a quoted name up to its closing quote.
        let mut rest = tokens(&line[c.start..]);
        let quoted = c.token.starts_with(['«', '“']);
        let subject = if quoted {
            let mut words = 0;
            rest.by_ref()
                .take(4)
                .inspect(|_| words += 1)
                .find(|(_, w)| w.ends_with(['»', '”']))?;
            words
        } else {
            rest.next();
            1
        };
        let Some((_, verb)) = rest.next() else {
            continue;
        };
        let Some(ending) = ["лся", "лась", "лось", "лись", "ла", "ло", "ли", "л"]
            .into_iter()
            .find(|e| verb.ends_with(e))
        else {
            continue;
        };
        // A plural verb after «и» has the coordinated subject before it
        // («Офис ПРООН … и Министерство энергетики РК подписали…»).
        if matches!(ending, "ли" | "лись") && tokens(head).any(|(_, w)| conjunction(w)) {
            return None;
        }
        let named = quoted || acronym(c.token) && subject == 1;
        // A word in title case after another is a name's last («Джордан
        // Коуни»), not a subject of its own.
        let after_lower = c.prev.starts_with(char::is_lowercase);
        let organisation = named
            || capitalised(c.token)
                && after_lower
                && !super::boundary::surname(c.token)
                && past_agrees(c.token, ending);
        // The headline's first word must not be the verb's subject itself
        // («Министерство энергетики РК сообщило…»).
        if organisation
            && !past_agrees(first, ending)
            && russian_finite(verb)
            && long_sentence(&line[c.start..])
        {
            return Some(c.start);
        }
    }
    None
}

/// Whether a Russian word in the nominative may be the subject of a past
/// verb with `ending` («-л», «-ла», «-ло», «-ли», reflexive too), by its
/// last letter: a masculine ends in a consonant or «-й», a feminine in
/// «-а», «-я», «-ь», a neuter in «-о», «-е», a plural in «-ы», «-и», «-е»
/// («новые»), «-а» («дома»). Generous, so that no word taken for another's
/// subject could be its own.
fn past_agrees(word: &str, ending: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    let Some(last) = word.chars().next_back() else {
        return false;
    };
    match ending {
        "л" | "лся" => !"аяоеёиыьуюэ".contains(last),
        "ла" | "лась" => "аяь".contains(last),
        "ло" | "лось" => "ое".contains(last),
        _ => "ыиеая".contains(last),
    }
}

/// Russian: whether the lede at `cut` opens with its verb («…прошел
/// форум по кибербезопасности | Открыл форум заместитель председателя…»,
/// «…одобрил поправки | Поддержали законопроект 42 сенатора…»), as
/// Russian puts the verb first to keep the new (the subject) last.
///
/// Inside a sentence a past verb is never capitalised, and a name that
/// ends as one («Михаил», «Сеул») comes before another name or a verb, not
/// before the lower-case word a verb takes; so the word is a capitalised
/// past («-л», «-ла», «-ли», «-ло», reflexive too) before a lower-case word
/// or a number, after a headline with its own finite verb. Nouns that end
/// as a past and stand capitalised in official names («Правила приема…»)
/// are listed apart (`[past-like]` in the starter file).
fn verb_first_lede(line: &str, cut: &Cut, rules: &Rules) -> bool {
    let lower = cut.token.to_lowercase();
    let past = ["л", "ла", "ли", "ло", "лся", "лась", "лись", "лось"]
        .iter()
        .any(|e| lower.ends_with(e));
    let next_lower = tokens(&line[cut.start..])
        .nth(1)
        .is_some_and(|(_, w)| is_number(w) || w.chars().next().is_some_and(char::is_lowercase));
    capitalised(cut.token)
        && past
        && lower.chars().count() > 4
        && russian_finite(&lower)
        && !rules.is_past_like(&lower)
        && next_lower
        && tokens(&line[..cut.start]).any(|(_, w)| russian_finite(w))
}

/// Russian: where a headline with no verb, opening with a noun phrase in
/// the nominative («Рекордный урожай в Северо-Казахстанской области»,
/// «Итоги посевной кампании…»), runs into a lede whose subject a number
/// counts («…| 6,4 млн тонн зерна собрали аграрии…», «…| 4,7 млн гектаров
/// засеяно…»), the byte offset of the number.
///
/// After a phrase opened by a preposition the number may be the same
/// sentence's subject («В Акмолинской области 4,7 млн гектаров
/// засеяно…»), so the line must open with a word that is neither a
/// preposition nor a starter. The number follows a lower-case word (no
/// preposition, no word that counts it, «более»), and its predicate, a
/// plural or a neuter one, follows in its clause. A plural predicate could
/// be the opening noun's own where that noun is plural («Аграрии области
/// 6,4 млн тонн собрали»), so then the line's first word must not end as
/// a plural does.
fn counted_lede(line: &str, heads: &[Cut], rules: &Rules) -> Option<usize> {
    let first = tokens(line).next()?.1;
    let lower_first = first.to_lowercase();
    if !capitalised(first) || rules.is_preposition(&lower_first) || rules.is_starter(&lower_first) {
        return None;
    }
    let cut = heads.iter().find(|c| {
        is_number(c.token)
            && c.prev_lower
            && c.words >= MIN_WORDS
            && !rules.is_preposition(&c.prev.to_lowercase())
            && !rules.is_starter(&c.prev.to_lowercase())
    })?;
    let head = &line[..cut.start];
    let predicate = |w: &str| russian_finite(w) || short_participle(w) || short_participle_an(w);
    if tokens(head).any(|(_, w)| predicate(w)) {
        return None;
    }
    let (at, verb, _) = russian_clause(line, cut.start)
        .take(8)
        .find(|&(_, w, _)| predicate(w) && counted_predicate(w))?;
    // The verb is the number's only within its sentence: «…цель 2030
    // года?² Эксперты … считают…» holds a sentence end (the mark hides it
    // from the clause).
    if line[cut.start..at].contains(['.', '!', '?', '…', ';']) {
        return None;
    }
    let plural_verb = ["ли", "лись", "ют", "ят", "ются", "ятся", "утся", "атся"]
        .iter()
        .any(|e| verb.ends_with(e));
    let plural_first = ["ы", "и", "ые", "ие"]
        .iter()
        .any(|e| lower_first.ends_with(e));
    (!(plural_verb && plural_first) && long_sentence(&line[cut.start..])).then_some(cut.start)
}

/// A Russian predicate that agrees with a subject counted by a number: a
/// plural or neuter past («получили», «прошло»), a plural present
/// («работают», «ожидаются») or a neuter or plural short participle
/// («намолочено», «зарегистрированы»).
fn counted_predicate(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ли", "ло", "лось", "лись", "ют", "ят", "ут", "ат", "ются", "ятся", "утся", "атся", "но",
        "ны", "то", "ты",
    ];
    ENDINGS.iter().any(|e| word.ends_with(e))
}

/// The words of the clause of `line` that follows the word at byte
/// `first`, each with the word before it, bare of the punctuation that
/// ends the clause: up to a comma, colon or sentence end (the word that
/// carries it included, «…считают, что…»), save a comma that opens a
/// participial phrase («штраф, наложенный на…»), which belongs to the noun
/// before it.
fn russian_clause(line: &str, first: usize) -> impl Iterator<Item = (usize, &str, &str)> {
    let mut toks = tokens(line)
        .skip_while(move |&(at, _)| at <= first)
        .peekable();
    let mut prev = "";
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let (at, word) = toks.next()?;
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if ends_clause(word)
            && !(word.ends_with(',') && toks.peek().is_some_and(|&(_, w)| russian_participle(w)))
        {
            done = true;
        }
        let before = std::mem::replace(&mut prev, bare);
        Some((at, bare, before))
    })
}

/// A lower-case Russian full participle («пострадавшими», «наложенный»,
/// «вернувшаяся», «финансируемого»): a participle suffix (active «-вш-»,
/// «-ющ-», «-ящ-», «-ущ-», «-ащ-», passive «-нн-», «-ем-», «-им-») before
/// the endings of a full adjective, maybe with the reflexive «-ся». A
/// comma before one opens a phrase that qualifies the noun before it, not
/// a new clause.
fn russian_participle(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ыми", "ими", "ого", "его", "ому", "ему", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие",
        "ым", "им", "ой", "ей", "ую", "юю", "ых", "их",
    ];
    const SUFFIXES: &[&str] = &[
        "вш", "ющ", "ящ", "ущ", "ащ", "нн", "уем", "аем", "яем", "им",
    ];
    if !word.chars().all(|c| matches!(c, 'а'..='я' | 'ё')) || word.chars().count() < 7 {
        return false;
    }
    let word = word.strip_suffix("ся").unwrap_or(word);
    ENDINGS.iter().any(|e| {
        word.strip_suffix(e)
            .is_some_and(|stem| SUFFIXES.iter().any(|s| stem.ends_with(s)))
    })
}

/// Whether the word at `cut` is a capital preposition of one letter before
/// a lower-case word or a number: «…в лабораторных условиях В
/// результате…», «…антибиотиков С 1 сентября…» open a sentence there (as
/// an initial it would carry a dot); or before a name («…на юге страны В
/// Шымкенте…»), unless the word before is one a letter names a kind or a
/// part of («группы В», «витамин С»).
fn one_letter(line: &str, cut: &Cut, rules: &Rules) -> bool {
    cut.token.chars().count() == 1
        && cut.token.chars().all(char::is_uppercase)
        && rules.is_preposition(&cut.token.to_lowercase())
        && tokens(&line[cut.start..]).nth(1).is_some_and(|(_, w)| {
            w.chars().count() > 2 && w.chars().all(char::is_lowercase)
                || is_number(w)
                || capitalised(w)
                    && w.chars().skip(1).all(char::is_lowercase)
                    && !DESIGNATED
                        .iter()
                        .any(|d| cut.prev.to_lowercase().starts_with(d))
        })
}

/// Russian nouns a capital letter after them names a kind or a part of
/// («группа В», «категории С», «витамин В», «корпус Б»).
const DESIGNATED: &[&str] = &[
    "групп",
    "класс",
    "категор",
    "корпус",
    "блок",
    "сектор",
    "витамин",
    "гепатит",
    "литер",
    "сери",
    "тип",
    "зон",
    "пункт",
    "подъезд",
    "ряд",
    "трибун",
    "вариант",
    "уровн",
    "раздел",
];

/// A capitalised Russian noun in a case no subject takes: the dative
/// («Правительству», «Казахстану») or the instrumental
/// («Министерством», «Акиматом»).
fn oblique(word: &str) -> bool {
    let long = word.chars().count() > 4;
    word.ends_with(['у', 'ю']) || long && ["ом", "ем"].iter().any(|e| word.ends_with(e))
}

/// A Russian full adjective or participle («разработанные», «новый»,
/// «казахстанская»): it stands before the noun it agrees with, so no
/// sentence starts after it. Nouns in «-ние», «-тие» are left out.
fn full_adjective(word: &str) -> bool {
    const ENDINGS: &[&str] = &["ые", "ый", "ий", "ая", "яя", "ое", "ую", "юю", "ие"];
    let lower = word.chars().all(|c| matches!(c, 'а'..='я' | 'ё'));
    lower
        && word.chars().count() > 3
        && ENDINGS.iter().any(|e| word.ends_with(e))
        && !["ние", "тие", "вие"].iter().any(|e| word.ends_with(e))
}

/// Whether a word ends a clause: a comma, a colon, a sentence end after
/// it (closing quotes aside), or a dash standing alone.
fn ends_clause(word: &str) -> bool {
    word.trim_end_matches(['»', '”', '"', ')'])
        .ends_with([',', ';', ':', '.', '!', '?'])
        || word.chars().all(|c| matches!(c, '–' | '—' | '-'))
}

/// A lower-case Russian short passive participle, the predicate of a
/// passive clause («завершена», «организовано», «открыт», «приняты»): a
/// stem of four letters or more before «-ен», «-ован», «-ыт», «-ят» or
/// «-ян» and a gender or number ending. Nouns with these endings have
/// shorter stems («цена», «опыт») or end in «-мен» («спортсмены»);
/// «капитан», «плана» are left out with «-ан».
fn short_participle(word: &str) -> bool {
    const SUFFIXES: &[&str] = &["ен", "ован", "ыт", "ят"];
    let cyrillic = word.chars().all(|c| matches!(c, 'а'..='я' | 'ё'));
    let base = word.strip_suffix(['а', 'о', 'ы']);
    let stem_of = |e: &str| {
        base.unwrap_or(word)
            .strip_suffix(e)
            .is_some_and(|stem| stem.chars().count() >= 4 && !stem.ends_with('м'))
    };
    // «-ян» of verbs in «-ять» («засеяно», «посеяны») only with its
    // ending: bare, it is a genitive plural («крестьян»).
    cyrillic && (SUFFIXES.iter().any(|e| stem_of(e)) || base.is_some() && stem_of("ян"))
}

/// A Russian short passive participle in «-ан» of a verb in «-ать»
/// («подписан», «создана», «избраны», «рассчитано», «указан»), by the
/// verb roots that form one; «план», «ресторан», «Казахстан» are nouns.
/// Only a lede's predicate is looked for so.
fn short_participle_an(word: &str) -> bool {
    const ROOTS: &[&str] = &[
        "писан",
        "здан",
        "редан",
        "бран",
        "читан",
        "знан",
        "казан",
        "зван",
        "вязан",
    ];
    let base = word.strip_suffix(['а', 'о', 'ы']).unwrap_or(word);
    word.chars().all(|c| matches!(c, 'а'..='я' | 'ё'))
        && ROOTS
            .iter()
            .any(|r| base.ends_with(r) && base.chars().count() > r.chars().count())
}

/// Russian conjunctions that join two clauses or two subjects into one
/// sentence («…посетил область и провел…»).
const CONJUNCTIONS: &[&str] = &["и", "а", "но", "или", "либо", "что", "чтобы"];

/// Whether `word`, in any case, is one of [`CONJUNCTIONS`].
fn conjunction(word: &str) -> bool {
    CONJUNCTIONS.contains(&word.to_lowercase().as_str())
}

/// A lower-case Russian finite verb, by an ending few nouns share: the
/// past tense after a stem of three letters or more ending in a vowel
/// («открыл», «одобрили», «встретился»; not «земли», «числа», «жители»,
/// «дела», «тела»), the past of «-йти» verbs («пришли»), a reflexive
/// present or future («отправится», «проводятся»), or a present or future
/// whose ending follows a vowel («считают», «планирует») or «д»
/// («пойдет»).
fn russian_finite(word: &str) -> bool {
    const PAST: &[&str] = &["лся", "лась", "лось", "лись", "ла", "ло", "ли", "л"];
    const REFLEXIVE: &[&str] = &["ится", "ется", "ятся", "ются", "утся", "атся"];
    // The present or future after a vowel («считают», «выполняет»,
    // «планирует»), which no noun ends in, and «-дет» («пойдет», «проведет»,
    // «будет»).
    const PRESENT: &[&str] = &[
        "ают", "яют", "уют", "еют", "ает", "яет", "ует", "еет", "оет", "оют", "дет", "дут",
    ];
    let cyrillic = word.chars().count() > 3 && word.chars().all(|c| matches!(c, 'а'..='я' | 'ё'));
    let present = word.chars().count() > 4 && PRESENT.iter().any(|e| word.ends_with(e));
    // «пришли», «прошла», «нашло»: the past of «-йти» verbs; «выросла»,
    // «возросли», «смогли», «достигли», «привезли»: of verbs in «-сти»,
    // «-чь», «-зти», whose stem ends in a consonant (their masculine
    // «вырос» ends as nouns do, «вопрос»).
    let went = word.chars().count() > 4
        && [
            "шли",
            "шла",
            "шло",
            "шел",
            "шёл",
            "росла",
            "росли",
            "росло",
            "могла",
            "могли",
            "стигла",
            "стигли",
            "везла",
            "везли",
        ]
        .iter()
        .any(|e| word.ends_with(e));
    let past = PAST
        .iter()
        .find_map(|e| word.strip_suffix(e))
        .is_some_and(|stem| {
            stem.chars().count() > 2 && stem.ends_with(['а', 'е', 'и', 'о', 'у', 'ы', 'я', 'ё'])
        });
    // «представители», «жители»: plurals of nouns in «-тель».
    let agent = word.ends_with("тели");
    cyrillic
        && (past && !agent
            || present
            || went
            || perfective_future(word)
            || REFLEXIVE.iter().any(|e| word.ends_with(e)))
}

/// The future of a prefixed verb of the second conjugation in «-ит»,
/// «-ят» («выделит», «построит», «направит», «обсудят»), as a headline
/// announces what will be done. Nouns in «-ит» («кредит», «визит»,
/// «депозит», «дефицит») carry no verb prefix, so a prefix of its own and
/// a word of seven letters or more are asked for.
fn perfective_future(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "вы", "по", "при", "на", "за", "об", "объ", "от", "пере", "рас", "раз", "под", "пред",
        "про", "до", "у", "со",
    ];
    word.chars().count() >= 7
        && (word.ends_with("ит") || word.ends_with("ят"))
        && !word.ends_with("цит")
        && PREFIXES.iter().any(|p| word.starts_with(p))
}

/// A place inside a possible headline where the next sentence could start.
struct Cut<'a> {
    /// Byte offset of the word there.
    start: usize,
    /// The word there.
    token: &'a str,
    /// The word before it.
    prev: &'a str,
    /// Whether the word before ends in a lower-case letter or a digit.
    prev_lower: bool,
    /// The word before `prev` (empty at the start).
    prev2: &'a str,
    /// How many words stand before it.
    words: usize,
}

/// The places after the first [`MIN_WORDS`] words of `line` up to the
/// first punctuation that ends, splits or quotes a sentence (a headline
/// has none) or past [`MAX_WORDS`] words.
fn headline_words(line: &str, lang: Lang) -> Vec<Cut<'_>> {
    let mut cuts = Vec::new();
    let mut words = 0;
    let mut prev: Option<&str> = None;
    let mut prev2 = "";
    // Open «…» or “…” quotations: a headline may quote a name («…программу
    // «Здоровое детство»»), and no sentence starts inside one.
    let mut quoted = 0usize;
    // Straight quotation marks open and close alike: a name in them
    // ("Akimat extends "Digital Village" programme…") is inside while
    // their count is odd.
    let mut straight = false;
    let mut toks = tokens(line).peekable();
    while let Some((start, token)) = toks.next() {
        // A month after a number is the date's own word ("…extended to 15
        // May Yesterday the Ministry…").
        let date = prev.is_some_and(|p| date_words(p, token, lang));
        if let Some(p) = prev.filter(|_| words >= MIN_WORDS && quoted == 0 && !straight && !date) {
            let last = p.trim_end_matches(['»', '”']).chars().next_back();
            cuts.push(Cut {
                start,
                token,
                prev: p,
                prev_lower: last
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '%'),
                prev2,
                words,
            });
        }
        // Anything that ends, splits or quotes a sentence: not a bare
        // headline ("5,000", "1.4" and «8,5%» are numbers). A Russian participial
        // phrase after a comma belongs to the noun before it («…с
        // фермерами, пострадавшими от паводка»): a headline may hold one.
        let participle_next = lang == Lang::Ru
            && token.ends_with(',')
            && toks.peek().is_some_and(|&(_, w)| russian_participle(w));
        // A dash standing alone between two noun phrases is a Russian or
        // Kazakh copula («Жаңа президенті – академик Ерлан Сәрсенов»): a
        // headline may hold one.
        let copula = lang != Lang::En && matches!(token, "–" | "—");
        // A number may carry a case ending after a hyphen («4,7%-ға»).
        let numeral = match token.split_once('-') {
            Some((n, ending)) if !ending.is_empty() && ending.chars().all(char::is_alphabetic) => n,
            _ => token,
        };
        if !is_number(numeral.trim_end_matches('%'))
            && !participle_next
            && !copula
            && token
                .chars()
                .any(|c| matches!(c, '.' | '!' | '?' | '…' | ';' | ',' | '(' | '–' | '—'))
        {
            break;
        }
        track_quotes(&mut quoted, token);
        if token.matches('"').count() % 2 == 1 {
            straight = !straight;
        }
        words += 1;
        if words > MAX_WORDS {
            break;
        }
        prev2 = prev.unwrap_or("");
        prev = Some(token);
    }
    cuts
}

/// Whether the sentence starts at `cut`, after a headline of at least
/// [`MIN_WORDS`] words.
///
/// A headline never ends in a preposition («…в Кызылорде» is one phrase).
/// In Russian and Kazakh: the word there is capitalised (or an acronym,
/// «БҰҰ Даму бағдарламасы…»), and either the word is one that starts
/// sentences and is never a name («…сельских школ Согласно плану, …») or
/// the sentence repeats the headline as a lede does (see
/// [`repeats_headline`]). In English, after a lower-case word of a
/// sentence-case headline: a word that starts sentences, or a capitalised
/// word when the sentence repeats the headline ("Wheat harvest exceeds 17
/// million tonnes Farmers … harvested … 17 million tonnes of wheat").
fn sentence_starts(line: &str, cut: &Cut, lang: Lang, rules: &Rules) -> bool {
    let rest = &line[cut.start..];
    if !long_sentence(rest) {
        return false;
    }
    // A headline never ends in a preposition: "…opens in Kyzylorda", «…в
    // Кызылорде» is one phrase.
    // Nor in an article or a conjunction ("…investors from the United
    // Arab Emirates").
    if rules.is_preposition(&cut.prev.to_lowercase())
        || FUNCTION_WORDS.contains(&cut.prev)
        || lang == Lang::Kk && KAZAKH_POSTPOSITIONS.contains(&cut.prev)
    {
        return false;
    }
    if lang == Lang::En {
        let head = &line[..cut.start];
        // A starter opens the lede after a lower-case word or a name
        // ("…Foreign Minister of Hungary Péter Szijjártó During the
        // meeting…"): no name or title goes on with "During" or "The".
        return cut.words > MIN_WORDS
            && sentence_case(head)
            && (RUNIN_STARTERS.contains(&cut.token)
                || initials_lede(line, cut, rules)
                    && !rules.is_starter(&head.split(' ').next().unwrap_or("").to_lowercase())
                    && !tokens(head).any(|(_, w)| english_past(w))
                || (cut.prev_lower || acronym(cut.prev)) && english_opener(line, cut, rules)
                || cut.prev_lower
                    && capitalised(cut.token)
                    && !after_the(head)
                    && repeats_headline(head, rest, lang));
    }
    let one_letter = one_letter(line, cut, rules);
    // A Russian preposition of two letters in capitals before a lower-case
    // word opens a sentence («…вырос на 12% За первое полугодие…»):
    // inside one it is written in lower case.
    if cut.prev_lower
        && capital_preposition(cut.token, lang, rules)
        && tokens(rest)
            .nth(1)
            .is_some_and(|(_, w)| w.chars().count() > 2 && w.chars().all(char::is_lowercase))
    {
        return true;
    }
    // Kazakh puts the verb last: after a finite verb a new sentence may
    // open with a word of two letters («…жеңіп алды Он алты жасар…»). With
    // a number only after an ending no noun has: a noun in the accusative
    // ends as the simple past does, and an amount follows it («…залалды
    // 300 млн долларға бағалайды»).
    let kazakh_opening = lang == Lang::Kk && short_capitalised(cut.token);
    // «Сегодня, 3 октября, …»: the word is taken bare of its comma.
    let bare = cut.token.trim_end_matches([',', ':']);
    // After a Kazakh finite verb, which closes its sentence, a quoted name
    // may open the next («…су құбыры тартылды «Жамбыл Су Арнасы» ЖШС…»);
    // elsewhere a quotation after a noun names it («программу «Здоровое
    // детство»»).
    let unquoted = bare.trim_start_matches(['«', '“', '"']);
    let kazakh_quoted = lang == Lang::Kk && capitalised(unquoted) && kazakh_finite(cut.prev);
    // A number after a verb by an ending no case ending shares opens one
    // too («…рекордтық өнім жинады 2,4 млн тонна бидай…»), and after the
    // simple past of a listed verb stem («…орталығын ашты 1200 тұрғын…»);
    // after any other word in «-ды» it may be an amount after an
    // accusative (see above).
    let kazakh_number = lang == Lang::Kk
        && is_number(cut.token)
        && (KAZAKH_VERB_ONLY.iter().any(|e| cut.prev.ends_with(e)) && cut.prev.chars().count() > 4
            || kazakh_past(cut.prev))
        && !KAZAKH_NOUNS_LIKE_VERBS.contains(&cut.prev)
        && !rules.is_saying(cut.prev);
    if kazakh_number {
        return true;
    }
    // A Russian pronoun of two letters («Он», «Мы») is written in capitals
    // only where it opens a sentence; a preposition's own check is above.
    let russian_pronoun =
        lang == Lang::Ru && short_capitalised(bare) && !rules.is_preposition(&bare.to_lowercase());
    let initials = initials_lede(line, cut, rules);
    if !(capitalised(bare)
        || acronym(cut.token)
        || one_letter
        || kazakh_opening
        || kazakh_quoted
        || russian_pronoun
        || initials)
    {
        return false;
    }
    let starter = cut.prev_lower
        && (capitalised(bare) || one_letter || russian_pronoun)
        && rules.is_starter(&bare.to_lowercase());
    starter
        || lang == Lang::Ru
            && cut.prev_lower
            && (verb_first_lede(line, cut, rules) || russian_adverb_opener(line, cut, rules))
        || lang == Lang::Kk
            && cut.prev_lower
            && (capitalised(unquoted) || kazakh_opening || acronym(cut.token) || initials)
            && (kazakh_finite(cut.prev) || kazakh_past_after_object(cut.prev, cut.prev2))
            // A verb of saying takes its speaker after it («…ашылады деді
            // Айгүл Серікқызы»): the name is its subject, no new sentence;
            // unless an object in the accusative stands before it and
            // makes it a headline's predicate («…тәртібін түсіндірді |
            // Әлеуметтік кодекске сәйкес…»).
            && (!rules.is_saying(cut.prev) || kazakh_object(cut.prev2))
            // "… қол қойды деп хабарлады Ақорда": after «деп» the verb is
            // an attribution and its subject follows it.
            && !tokens(&line[..cut.start]).any(|(_, w)| w == "деп")
        || repeats_headline(&line[..cut.start], rest, lang)
}

/// A Kazakh word in the dative, locative, ablative or genitive
/// («Ақтауда», «Форумға», «Астанадан», «Әкімдіктің»), by its ending after
/// a stem of at least three letters: no name of a person in the
/// nominative ends so.
fn kazakh_oblique(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ға", "ге", "қа", "ке", "да", "де", "та", "те", "дан", "ден", "нан", "нен", "тан", "тен",
        "ның", "нің", "дың", "дің", "тың", "тің",
    ];
    ENDINGS
        .iter()
        .find(|e| word.ends_with(*e))
        .is_some_and(|e| word.chars().count() >= e.chars().count() + 3)
}

/// Kazakh endings of a finite verb that no noun has in any case (but a
/// few listed in [`KAZAKH_NOUNS_LIKE_VERBS`]): not even a noun whose stem
/// ends as a verb's («залал-ды», accusative, ends as the passive «-лалды»
/// does), so a number after one opens a sentence. The passive past of
/// verbs in «-та», «-ла» («аяқталды», «белгіленді») is among them: no
/// noun of news ends in «-тал», «-лан» before the accusative.
const KAZAKH_VERB_ONLY: &[&str] = &[
    "ады",
    "еді",
    "ылды",
    "ілді",
    "талды",
    "телді",
    "ланды",
    "ленді",
    "жатыр",
    "отыр",
    "мақ",
    "мек",
    "бақ",
    "бек",
    "пақ",
    "пек",
];

/// Common nouns that end as the intention «-мақ», «-мек» does («тамақ»,
/// «көмек»): no verb before a number.
const KAZAKH_NOUNS_LIKE_VERBS: &[&str] = &["тамақ", "көмек", "табақ", "қабақ", "тақпақ", "шапақ"];

/// Kazakh postpositions: a phrase that ends in one («1 шілдеден бастап»,
/// «жоба бойынша») goes on in the same clause, as a Russian preposition's
/// noun does.
const KAZAKH_POSTPOSITIONS: &[&str] = &[
    "бастап",
    "дейін",
    "шейін",
    "кейін",
    "бойы",
    "бойынша",
    "туралы",
    "арқылы",
    "үшін",
    "сияқты",
    "қарай",
    "бері",
];

/// A Kazakh finite verb of the third person, by an ending that no case
/// ending shares: present-future «-ады», «-еді», past passive «-ылды»,
/// «-ілді» (and «-далды», «-ланды», «-ынды» of verbs in «-да», «-ла» and
/// in «л», which nouns in the accusative hardly end in), progressive
/// «жатыр», «отыр», «-уда», «-уде», intention «-мақ», «-мек»; or the
/// simple past of a verb stem (see [`kazakh_past`]). Kazakh puts the verb
/// last, so a headline ends with one («…жоспарын мақұлдады»), and a
/// capitalised word after it starts the next sentence.
fn kazakh_finite(word: &str) -> bool {
    // Beside the endings no noun has at all ([`KAZAKH_VERB_ONLY`]).
    const ENDINGS: &[&str] = &[
        // The passive of a verb in «-ла», «-да», «-та» («тағайындалды»,
        // «аяқталды», «талқыланды») and «-ын», «-ін» after «л»
        // («салынды», «бөлінді»).
        "лалды",
        "далды",
        "талды",
        "лелді",
        "делді",
        "телді",
        "ланды",
        "ленді",
        "ынды",
        "інді",
        // The present continuous of news headlines («…тамшылатып суаруға
        // көшуде», «…баға өсуде»): a verbal noun's locative ends alike
        // («оқуда»), but no headline ends with one.
        "уда",
        "уде",
        "юда",
        "юде",
    ];
    // A capitalised word is a name, however it ends («Әлібек», «Нұрбек»
    // end as the intention «-бек» does).
    if word.starts_with(char::is_uppercase) {
        return false;
    }
    word.chars().count() > 4
        && KAZAKH_VERB_ONLY
            .iter()
            .chain(ENDINGS)
            .any(|e| word.ends_with(e))
        || kazakh_past(word)
}

/// Whether `word` is a Kazakh simple past («жойды», «жеңді») because the
/// word before it is its direct object in the accusative («айыппұлды
/// жойды», «Иранды жеңді», «басшысын ұстады»): the accusative of a noun
/// ends as the past does, but two accusatives do not stand side by side,
/// so the second is the verb that closes the clause. A present in
/// «-йды», «-йді» («дәлелдейді») is no object.
fn kazakh_past_after_object(word: &str, before: &str) -> bool {
    const PAST: &[&str] = &["ды", "ді", "ты", "ті"];
    const ACCUSATIVE: &[&str] = &["ны", "ні", "ды", "ді", "ты", "ті", "сын", "сін"];
    let lower = |w: &str| w.chars().all(char::is_lowercase);
    word.chars().count() > 3
        && lower(word)
        && !before.ends_with("йды")
        && !before.ends_with("йді")
        && PAST.iter().any(|e| word.ends_with(e))
        && before.chars().count() > 3
        && before.chars().skip(1).all(char::is_lowercase)
        && ACCUSATIVE.iter().any(|e| before.ends_with(e))
}

/// Whether `word` is a Kazakh noun in the accusative with no verb's
/// ending: after a possessive («тәртібін», «жоспарын», «қорытындысын»)
/// or a vowel («бағдарламаны»); the «-ды» after a consonant is left out,
/// the past ends alike, and so is «-тын», a participle's («болатын»).
fn kazakh_object(word: &str) -> bool {
    const ACCUSATIVE: &[&str] = &["ын", "ін", "ны", "ні"];
    word.chars().count() > 4
        && word.chars().all(char::is_lowercase)
        && ACCUSATIVE.iter().any(|e| word.ends_with(e))
        && !word.ends_with("тын")
        && !word.ends_with("тін")
}

/// The Kazakh simple past «-ды», «-ді», «-ты», «-ті» after a verb stem
/// («кездесті», «жүргізді», «қол қойды», «іске қосты», «тыйым салды»).
/// The accusative of a noun ends alike («мектепті», «жоспарды»), so the
/// stem must be a verb: one of the short stems of official news, or one
/// built with a verb suffix that nouns do not end in: reciprocal «-лес»,
/// «-ыс»/«-іс» after a verb root listed, causative «-ғыз»/«-гіз»,
/// «-қыз»/«-кіз», «-дыр»/«-дір», «-тыр»/«-тір».
fn kazakh_past(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "қой",
        "қос",
        "аш",
        "сал",
        "ал",
        "бер",
        "кел",
        "өт",
        "шық",
        "жет",
        "өс",
        "айт",
        "ет",
        "шеш",
        "бол",
        "тап",
        "кездес",
        "келіс",
        "қатыс",
        "бекіт",
        "көрсет",
        "тоқтат",
        "ұсын",
        "жібер",
        "тапсыр",
        "таныстыр",
        "ұйымдастыр",
        "атқар",
        "арт",
        "жаңарт",
        "тарт",
        "кеңей",
    ];
    const SUFFIXES: &[&str] = &["ғыз", "гіз", "қыз", "кіз", "дыр", "дір", "тыр", "тір"];
    let Some(stem) = ["ды", "ді", "ты", "ті"]
        .iter()
        .find_map(|e| word.strip_suffix(e))
    else {
        return false;
    };
    STEMS.contains(&stem) || stem.chars().count() > 4 && SUFFIXES.iter().any(|s| stem.ends_with(s))
}

/// The words of `line` between spaces (any Unicode space tm knows), with
/// their byte offsets.
pub(super) fn tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
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

/// A number written with separators: "5,000", "1.4", "2025".
fn is_number(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_digit())
        && token.ends_with(|c: char| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

/// Whether `number` and `word` are a day and its month ("15 May", «3
/// февраля»): one date, never parted.
fn date_words(number: &str, word: &str, lang: Lang) -> bool {
    is_number(number) && crate::localise::token::month_word(word, lang, false).is_some()
}

/// A word of two letters, a capital and a lower-case one («Ол», «Он»,
/// "It"): a pronoun or a number word, too short for [`capitalised`].
fn short_capitalised(token: &str) -> bool {
    let mut cs = token.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.next().is_some_and(char::is_lowercase)
        && cs.next().is_none()
}

/// A word in sentence case of three letters or more: a capital, then lower
/// case ("Министерство").
fn capitalised(token: &str) -> bool {
    let mut cs = token.chars();
    cs.next().is_some_and(char::is_uppercase)
        && token.chars().count() > 2
        && cs.all(char::is_lowercase)
}

/// An acronym in capitals, of two letters or more, maybe with a case
/// ending after a hyphen or a second one after a slash («БҰҰ»,
/// «ЕҚЫҰ-ның», «ЕҚЫҰ/ДИАҚБ», "UNDP").
fn acronym(token: &str) -> bool {
    let head = token.split(['-', '/']).next().unwrap_or("");
    head.chars().count() >= 2 && head.chars().all(char::is_uppercase)
}

/// Whether the first sentence of `rest` repeats at least three of the
/// headline's content words (by stem) or numbers of two digits or more, as
/// a release's lede repeats its headline («ЦИК зарегистрировала списки семи партий | Центральная
/// избирательная комиссия зарегистрировала партийные списки семи…»); a
/// sentence that merely continues past a name does not.
fn repeats_headline(head: &str, rest: &str, lang: Lang) -> bool {
    let later = content_keys(first_sentence(rest), lang);
    let mut head_keys = content_keys(head, lang);
    head_keys.dedup();
    head_keys.iter().filter(|k| later.contains(k)).count() >= 3
}

/// Whether at least two content words of `stretch`, and two thirds of
/// them, come back in the first sentence of `rest`: the stretch is then
/// the end of the headline that the lede after it repeats («…форум
/// стартапов | Центральной Азии Третий форум стартапов Центральной
/// Азии…», «…рост экономики | Казахстана на уровне 4,7% Экономика
/// Казахстана … вырастет на 4,7%»), not the lede's own start.
fn repeated_in(stretch: &str, rest: &str, lang: Lang) -> bool {
    let keys = content_keys(stretch, lang);
    let later = content_keys(first_sentence(rest), lang);
    let back = keys.iter().filter(|k| later.contains(k)).count();
    back >= 2 && 3 * back >= 2 * keys.len()
}

/// `text` up to its first full stop, question or exclamation mark that no
/// lower-case word follows: an abbreviation's dot inside the sentence («в
/// 2025 г. вырастет на 4,7%») does not end it.
fn first_sentence(text: &str) -> &str {
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?')
            && !text[i + 1..]
                .trim_start_matches(is_space)
                .starts_with(char::is_lowercase)
        {
            return &text[..i];
        }
    }
    text
}

/// The words of `text` that carry its content, as stems: words of four
/// letters or more and numbers of two digits or more.
fn content_keys(text: &str, lang: Lang) -> Vec<String> {
    crate::text::words(text, lang)
        .into_iter()
        .filter(|w| {
            if w.number {
                w.lower.chars().filter(char::is_ascii_digit).count() >= 2
            } else {
                w.lower.chars().count() >= 4
            }
        })
        .map(|w| if w.number { w.lower } else { w.key })
        .collect()
}

/// English: whether the lede at `cut`, after a lower-case word, opens with
/// an adverbial that a comma closes ("Earlier this month, 48 paramedics…",
/// "Speaking at the plenary session, Minister…", "Donated by the Government
/// of Japan, the equipment…").
///
/// Such an opener is a word that starts sentences, a participle in
/// "-ing" or a past participle before "by", then lower-case words up to
/// the comma; a name in the headline's last words ("…thanked ambassador
/// Fleming for…") has no comma that closes a phrase of its own.
fn english_opener(line: &str, cut: &Cut, rules: &Rules) -> bool {
    let word = cut.token.trim_end_matches(',');
    if !capitalised(word) {
        return false;
    }
    let rest: Vec<&str> = tokens(&line[cut.start..]).take(9).map(|(_, w)| w).collect();
    let lower = word.to_lowercase();
    // A participle takes a complement before its comma ("Speaking at…,"),
    // where a place in "-ing" stands alone or in a list ("…recognized
    // Beijing, with…", "Beijing and Taipei").
    let complement =
        !cut.token.ends_with(',') && rest.get(1).is_some_and(|w| !["and", "or"].contains(w));
    let participle = complement
        && (lower.len() > 5 && lower.ends_with("ing")
            || lower.len() > 4 && lower.ends_with("ed") && rest.get(1) == Some(&"by"));
    let opener = participle || rules.is_starter(&lower) && !rules.is_preposition(&lower);
    opener && closed_by_comma(&rest, rules)
}

/// Whether the phrase that opens `rest` (its words from the first) is
/// closed by a comma within them, with no capitalised word inside but a
/// name after a preposition or a function word ("Speaking at Wednesday's
/// plenary session,", «Воспользовавшись государственными субсидиями,»):
/// an adverbial that opens a sentence, where a name in a headline's last
/// words has no comma of its own.
fn closed_by_comma(rest: &[&str], rules: &Rules) -> bool {
    let comma = rest.iter().position(|w| w.ends_with(','));
    comma.is_some_and(|c| {
        (1..=c).all(|k| {
            let w = rest[k];
            !w.starts_with(char::is_uppercase)
                || rules.is_preposition(&rest[k - 1].to_lowercase())
                || FUNCTION_WORDS.contains(&rest[k - 1])
                || is_number(w.trim_end_matches(','))
        })
    })
}

/// Russian: whether the lede at `cut` opens with a verbal adverb and its
/// phrase closed by a comma («…на капельное орошение | Воспользовавшись
/// государственными субсидиями, более 300 хозяйств…», «Подписав
/// соглашение, стороны…», «Выступая на заседании, министр…»). A
/// capitalised perfective adverb in «-вшись», «-вши», «-ав», «-ив», «-ыв»
/// or an imperfective in «-ясь», «-уя» or listed (`[adverbs]` in the
/// starter file: in «-я» after a vowel they end as feminine adjectives do,
/// «Национальная») is no name (but given names in «-слав»), and the comma
/// tells it from one.
fn russian_adverb_opener(line: &str, cut: &Cut, rules: &Rules) -> bool {
    const ENDINGS: &[&str] = &["вшись", "вши", "ав", "ив", "ыв", "ясь", "уя"];
    if !capitalised(cut.token) || cut.token.ends_with(',') {
        return false;
    }
    let lower = cut.token.to_lowercase();
    let adverb = lower.chars().count() >= 7
        && ENDINGS.iter().any(|e| lower.ends_with(e))
        && !lower.ends_with("слав")
        || rules.is_adverb(&lower);
    let rest: Vec<&str> = tokens(&line[cut.start..]).take(9).map(|(_, w)| w).collect();
    adverb && closed_by_comma(&rest, rules)
}

/// Whether the lede at `cut` opens with a person's initials and surname
/// after a lower-case word ("…in bribery case A. Zhumabekov, press
/// secretary of the court, said…", «…по делу о взятке А. Жумабеков…»).
///
/// Inside a sentence initials follow a title or a verb of saying
/// ("…said akim of the city A. Kulginov"); a headline has no verb of
/// saying, and English asks for a headline with no past verb, Kazakh for
/// one that its verb ends (see [`sentence_starts`]). Not in Russian: a
/// name in any case follows a noun there («вручено главному врачу
/// Нургалиевой Ж. Ш.», «под председательством … Б.Ж. Тулегеновой»), and
/// a passive or verbless sentence looks like a headline.
fn initials_lede(line: &str, cut: &Cut, rules: &Rules) -> bool {
    let mut words = tokens(&line[cut.start..]).map(|(_, w)| w);
    let initial = |w: &str| {
        w.ends_with('.')
            && w.split_terminator('.').all(|g| {
                let mut cs = g.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && cs.clone().count() <= 1
                    && cs.all(char::is_lowercase)
            })
    };
    if !cut.prev_lower || !words.next().is_some_and(initial) {
        return false;
    }
    let name = words.find(|w| !initial(w));
    name.is_some_and(|w| capitalised(w.trim_end_matches([',', '.'])) || name_word(w))
        && !rules.is_saying(&cut.prev.to_lowercase())
        && !tokens(&line[..cut.start]).any(|(_, w)| rules.is_saying(&w.to_lowercase()))
}

/// Words that open a place's name of two words or more ("North
/// Kazakhstan", "East Kazakhstan", "Central Asia").
const PLACE_OPENERS: &[&str] = &[
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
    "Upper", "Lower", "Greater", "New",
];

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
    "During",
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
