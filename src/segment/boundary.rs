//! Whether a run of sentence-ending punctuation ends the sentence, judged
//! from what stands before it (a word, an abbreviation, initials) and what
//! follows (a capital, a lower-case attribution, a number, a dash).
//!
//! The rules, in the order they are tried:
//! - quotes and brackets right after the punctuation belong to the sentence
//!   they close, and so does a closing quote set off by a space ("ашты. »");
//! - no space after it, no boundary ("2.5", "www.osce.org", "?»,");
//! - a lower-case word or a dash next is an attribution or a continuation
//!   ("?” asked Ms. Bekova", "?» – деді", "2014 г. – Программный");
//! - `?` and `!` end the sentence before anything else;
//! - an ellipsis ends it when it closes a word and a capital follows;
//! - a full stop ends it after a word or a number; after an abbreviation
//!   only as the abbreviation's class says (see `rules/README.md`), never
//!   before a number, and never when the words before it are too few to
//!   make a sentence ("В 2012–2014 гг. Офис…", see [`Phrase`]);
//!   after initials only before a word that starts sentences; never after
//!   a list marker.

use super::chars::{
    is_bullet, is_closer, is_dash, is_detached_closer, is_letter, is_number_sign, is_open_only,
    is_opener, is_space, is_terminator,
};
use super::rules::{key, starts_with_capital, Class, Rules};
use super::token::{
    classify, ends_in_number, ends_in_roman, is_counted, is_initials, is_multiplier, is_roman,
    phrase, Before, Phrase,
};
use crate::lang::{is_cyrillic, Lang};
use crate::localise::token::{with_caps, Caps};

/// The char at byte `i` of `text` (which must be a char boundary).
fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Skips spaces from `i`, not past `end`.
fn skip_spaces(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        match char_at(text, i) {
            Some(c) if is_space(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// The end of the run of terminators and closers starting at `i`. A `“`
/// right after the punctuation closes a „German-style“ quotation; a
/// footnote mark written right after it ("2024.¹", "2024.[3]",
/// "preliminary.*") belongs to the sentence it annotates.
pub fn cluster_end(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        match char_at(text, i) {
            Some(c) if is_terminator(c) || is_closer(c) || c == '“' || is_footnote_mark(c) => {
                i += c.len_utf8()
            }
            Some('[') => match footnote_bracket(text, i, end) {
                Some(after) => i = after,
                None => break,
            },
            _ => break,
        }
    }
    i
}

/// Whether `rest` opens with the attribution of a quotation: maybe a title
/// ("Mr.", "Dr."), one to three capitalised words of a name, and an English
/// verb of saying ("…!” Mr. Bekov told…", "…?” Aigerim Seitkali asked.").
/// A pronoun is no name: "…girls.” He said: …" starts a sentence.
fn attribution_follows(rest: &str, rules: &Rules) -> bool {
    let mut words = rest
        .split(is_space)
        .filter(|w| !w.is_empty())
        .take(5)
        .peekable();
    let title = |w: &str| {
        w.len() <= 6 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase)
    };
    let titled = usize::from(words.next_if(|w| title(w)).is_some());
    let name = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.all(|c| c.is_lowercase() || matches!(c, '-' | '\''))
            && !rules.is_starter(&w.to_lowercase())
    };
    let mut names = 0;
    while words.next_if(|w| name(w)).is_some() {
        names += 1;
    }
    let Some(verb) = words.next() else {
        return false;
    };
    // The attribution is short ("told the delegates."); a clause after
    // the verb ("Prime Minister Zaev says NATO membership will bring…")
    // is a sentence of its own that reports speech.
    let short = std::iter::once(verb)
        .chain(
            rest.split(is_space)
                .filter(|w| !w.is_empty())
                .skip(titled + names + 1)
                .take(4),
        )
        .any(|w| w.ends_with(['.', '!', '?', ',', ':']));
    let bare = verb.trim_end_matches(|c: char| !c.is_alphabetic());
    // The order is English: Russian and Kazakh put a dash before theirs.
    (1..=3).contains(&names) && super::rules::rules(Lang::En).is_saying(bare) && short
}

/// ¹ ² ³ and the other superscript digits of footnote marks, and the
/// asterisk and daggers that mark a note the same way ("preliminary.*").
fn is_footnote_mark(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹' | '*' | '†' | '‡')
}

/// The end of a bracketed footnote number "[12]" at `i`, if there is one.
fn footnote_bracket(text: &str, i: usize, end: usize) -> Option<usize> {
    let rest = &text[i + 1..end];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && digits <= 3 && rest.as_bytes().get(digits) == Some(&b']'))
        .then_some(i + 1 + digits + 1)
}

/// Decides the run of punctuation `text[term..cluster]` inside a span
/// ending at `span_end`, in a segment that began at `seg_start`. Returns the
/// byte where the sentence ends (past any closing quotes), or `None`.
pub fn decide(
    text: &str,
    seg_start: usize,
    term: usize,
    cluster: usize,
    span_end: usize,
    rules: &Rules,
) -> Option<usize> {
    let punct = &text[term..cluster];
    let question = punct
        .chars()
        .any(|c| is_terminator(c) && !matches!(c, '.' | '…'));
    let ellipsis = punct.contains('…') || punct.contains("..");
    let closed = punct.chars().any(is_closer);

    // A closing quote set off by a space still closes this sentence.
    let mut end = cluster;
    loop {
        let j = skip_spaces(text, end, span_end);
        if j == end || j >= span_end {
            break;
        }
        let c = char_at(text, j)?;
        let after = j + c.len_utf8();
        let lone = match char_at(text, after) {
            None => true,
            Some(n) => after >= span_end || is_space(n) || matches!(n, ',' | ';' | ':'),
        };
        if is_detached_closer(c) && lone {
            end = cluster_end(text, after, span_end);
        } else {
            break;
        }
    }

    let next = skip_spaces(text, end, span_end);
    if next >= span_end {
        return Some(end);
    }
    if next == end {
        return None;
    }
    let c = char_at(text, next)?;
    if is_bullet(c) {
        return Some(end);
    }
    if is_dash(c) {
        return None;
    }
    let word = NextWord::at(text, next, span_end);
    if word.first.is_some_and(char::is_lowercase) {
        return None;
    }
    // "…real change!” Mr. Bekov told the delegates": a name and a verb of
    // saying after a closed quotation are its attribution, as a lower-case
    // "said" is.
    if closed && attribution_follows(&text[next..span_end], rules) {
        return None;
    }
    if question {
        return Some(end);
    }
    if ellipsis {
        // "«...Огайо»" opens a quotation mid-sentence; "word… Next" or
        // "word ... Next" ends one.
        let head = text[seg_start..term].trim_end_matches(is_space);
        let after_text = head.chars().next_back().is_some_and(|p| !is_open_only(p));
        return after_text.then_some(end);
    }
    let before = if closed {
        Before::Word
    } else {
        classify(text, seg_start, term, rules)
    };
    // «г.», «гг.», «ж.», «жж.» after a number: the year.
    let year = match before {
        Before::Abbrev(_, start) => is_year_abbrev(text, start, term),
        _ => false,
    };
    let ends = match before {
        Before::Nothing | Before::Word => true,
        Before::Marker => false,
        // "…перенесен на 2027 г. 15 мая пройдут…": a clause that ends in
        // a year is a sentence, and a number after it starts the next one,
        // unless it is the day of a Kazakh date («2014 ж. 10 маусым»). A
        // year that is the predicate after a dash completes its sentence,
        // and a day with its month in a case opens the next one («мерзімі –
        // 2026 ж. 12 наурызда комиссия…»; «– 2026 ж. 12 наурыз» is the
        // date). A sign is no such number: «…от 20 октября 2020 г. №
        // 142…» is a document's date and number, and goes on.
        Before::Abbrev(_, start) if year && word.is_number() && !word.is_sign() => {
            let head = &text[seg_start..start];
            clause(head, rules) == Phrase::Sentence
                && match kazakh_date(&text[next..span_end]) {
                    None => true,
                    Some(inflected) => inflected && predicate_after_dash(head),
                }
        }
        // «Шымкент халқының саны – 1,2 млн. 2030 жылға қарай…»: a number's
        // «млн.» that completes a clause ends it before a number that is no
        // further part of the sum (as «200 тыс.» is after «1 млрд.»); so
        // does a counted noun's short form («…приняли участие 1 340 чел.
        // 214 из них…»). The clause may be the verb alone after a
        // participle's commas («Сумма кредитов, выданных за полугодие,
        // составила 112 млрд.»): then the sentence as a whole is judged.
        Before::Abbrev(_, start)
            if word.is_number()
                && !word.is_sign()
                && (is_multiplier(&text[start..term]) || is_counted(&text[start..term]))
                && after_number(text, start)
                && (predicate_after_dash(&text[seg_start..start])
                    || (clause(&text[seg_start..start], rules) == Phrase::Sentence
                        || phrase(&text[seg_start..start], rules) == Phrase::Sentence
                            && lone_verb(last_clause(&text[seg_start..start]), rules))
                        && has_verb(&text[seg_start..start]))
                && !word.tail.split(is_space).nth(1).is_some_and(is_multiplier) =>
        {
            true
        }
        Before::Abbrev(..) | Before::Initials if word.is_number() => false,
        // "No. KZ-2025-0041", «№ AST-0093»: a reference abbreviation before
        // a registry code, which is a number in letters and digits.
        Before::Abbrev(..) if word.is_code() => false,
        // «Срок – 2027 г.», «Соңғы жөндеуі – 1998 ж.»: a year that is the
        // whole predicate after a dash completes its sentence.
        Before::Abbrev(_, start)
            if year
                && predicate_after_dash(&text[seg_start..start])
                && starts_with_capital(word.text)
                && !word.is_instrumental() =>
        {
            true
        }
        // "утверждено 05.06.2019 г. Правительством", "а в 2024 г. Фонд
        // закупил": the year inside a sentence, before a noun in the
        // instrumental or after a short clause of its own; «Решение суда от
        // 14.11.2024 г. Верховный суд оставил…»: words with no verb before
        // the year are no sentence yet.
        Before::Abbrev(_, start)
            if year
                && (word.is_instrumental()
                    || (clause(&text[seg_start..start], rules) == Phrase::Short
                        || !has_verb(&text[seg_start..start])
                            && !opens_with_starter(&text[seg_start..start], rules))
                        && !word.is_starter(rules)) =>
        {
            false
        }
        // Only a word starts a sentence after an abbreviation: "2015 г.
        // /Пресс-служба/ – …" is still a dateline.
        Before::Abbrev(..) | Before::Initials if word.text.is_empty() => false,
        Before::Abbrev(Class::Prefix, _) => false,
        // "В 2012–2014 гг. Офис…", "In the U.S. The…": too short a phrase
        // to be a sentence, whatever follows.
        Before::Abbrev(_, start) if phrase(&text[seg_start..start], rules) == Phrase::Short => {
            false
        }
        // "3 p.m. Astana time": a clock time's zone goes on with it.
        Before::Abbrev(Class::Final, start) if time_zone(&text[start..term], word.following()) => {
            false
        }
        // "Orion Minerals Inc. (Canada) covers…": a short bracket after an
        // abbreviation, with the sentence going on in lower case after it,
        // is the abbreviation's own.
        Before::Abbrev(..) if bracket_goes_on(&text[next..span_end]) => false,
        // «19,4 млрд долл. США»: the currency's country goes on with it.
        Before::Abbrev(Class::Final, start)
            if key(&text[start..term]) == "долл" && word.text == "США" =>
        {
            false
        }
        // «5 тыс. ИТ-специалистов», «350 млн. АҚШ доллары»: after a
        // number's word for thousands or millions, capitals joined to a
        // lower-case word by a hyphen are the noun it counts, and a
        // country's capitals before "dollars" the currency.
        Before::Abbrev(Class::Final, start)
            if is_multiplier(&text[start..term])
                && after_number(text, start)
                && word.text.chars().all(char::is_uppercase)
                && (word
                    .tail
                    .strip_prefix('-')
                    .is_some_and(|r| r.starts_with(char::is_lowercase))
                    || word.following().is_some_and(|w| {
                        let w = w.to_lowercase();
                        w.starts_with("доллар") || w.starts_with("dollar")
                    })) =>
        {
            false
        }
        // «Ақмола обл. Целиноград ауд. Қоянды ауылында…», «Акмолинской
        // обл. Целиноградский р-н, с. Косшы»: a region's abbreviation
        // before the name of a district or a village in it is one address;
        // unless a verb follows the district, its subject («…затронул
        // Карагандинскую обл. Шетский р-н пострадал больше…»).
        Before::Abbrev(_, start)
            if is_region(&text[start..term])
                && starts_with_capital(word.text)
                && word.following().is_some_and(is_smaller_unit)
                && !word
                    .tail
                    .split(is_space)
                    .filter(|w| !w.is_empty())
                    .nth(1)
                    .is_some_and(has_verb) =>
        {
            false
        }
        // «ЮНИСЕФ, ДДСҰ, ЮНФПА т.б. БҰҰ агенттіктері…»: "etc." after a
        // list of names and nothing else qualifies the noun after it («and
        // other UN agencies»); a list is no sentence.
        Before::Abbrev(Class::Final, start)
            if matches!(
                key(&text[start..term]).as_str(),
                "т.б" | "т.с.с" | "т.д" | "etc"
            ) && names_only(&text[seg_start..start]) =>
        {
            false
        }
        // "Tianjin Harbour Engineering Co. Ltd. Work…": a company's legal
        // form never starts a sentence.
        Before::Abbrev(Class::Final, _) => !COMPANY_FORMS.contains(&word.text),
        // "…three months in the U.S. Applications are accepted…": a
        // country's dotted name after a preposition and "the" that
        // completes a clause ends it before a capitalised word with a
        // lower-case one after it, unless the word names one of the
        // country's bodies ("in the U.S. Senate voted"); a name goes on in
        // capitals ("of the U.N. Economic Commission", "on the D.C.
        // Circuit Court").
        //
        // So do the ends of an address: a state's or district's dotted
        // capitals after a city and its comma ("…at the Embassy,
        // Washington, D.C. Registration opens…") and a street's "St." after
        // the street's name ("…has moved to 12 Abai St. Opening hours…").
        Before::Abbrev(Class::Weak, start)
            if (dotted_capitals(&text[start..term])
                && (after_preposition_the(&text[seg_start..start], rules)
                    || after_city(&text[seg_start..start]))
                || street_after_name(&text[start..term], &text[seg_start..start]))
                && phrase(&text[seg_start..start], rules) == Phrase::Sentence
                && starts_with_capital(word.text)
                && !rules.is_body(word.text)
                && word
                    .following()
                    .is_some_and(|w| w.starts_with(char::is_lowercase)) =>
        {
            true
        }
        // «Форум өтетін орын – Алматы қ. Қатысушыларды…», «Мекенжайы –
        // Жібек жолы а., Абай көш. Емхана…»: a Kazakh address, its city's
        // «қ.» (қаласы), village's «а.» or street's «көш.», «даң.» after
        // the name, as the predicate after a dash, completes the sentence
        // («обл.», «ауд.» always may).
        Before::Abbrev(Class::Weak, start)
            if matches!(key(&text[start..term]).as_str(), "қ" | "а" | "көш" | "даң")
                && name_after_dash(&text[seg_start..start])
                && starts_with_capital(word.text) =>
        {
            true
        }
        Before::Abbrev(Class::Weak, _) => word.is_starter(rules),
        // "Н. А. Ахметов": a one-letter starter after initials is another
        // initial. Initials written after a surname ("Бозумбаев К. А.")
        // complete the name, so a capitalised word that is no surname
        // starts a new sentence.
        Before::Initials => {
            word.text.chars().nth(1).is_some()
                && word.after != Some('.')
                && (word.is_starter(rules)
                    || after_surname(&text[seg_start..term], rules)
                        && !kazakh_before_its_verb(&text[seg_start..term])
                        && starts_with_capital(word.text)
                        // «Жакупов Е.С. Новым руководителем стала…»: an
                        // adjective in «-овым» before its noun is no
                        // surname.
                        && (!surname(word.text) || word.is_instrumental()))
                || designation(&text[seg_start..term], rules) && word.opens_sentence(rules)
                || starts_with_capital(word.text)
                    && !surname(word.text)
                    && plural_past_follows(word.tail)
                    // «Посол США Д. Хьюз и глава представительства ЕС
                    // А.-М. Леруа обсудили…»: after «и» the plural verb is
                    // the two names', and the word the second's surname.
                    && !last_clause(&text[seg_start..term])
                        .split(is_space)
                        .any(|w| matches!(w, "и" | "және"))
                // «…Жакупова А.Ж. С докладами выступили…»: after initials
                // that complete a name, a capital preposition of one letter
                // before a lower-case word opens a sentence (an initial has
                // its dot).
                || word.text.chars().count() == 1
                    && word.after == Some(' ')
                    && rules.is_preposition(&word.text.to_lowercase())
                    && word.tail.trim_start().starts_with(char::is_lowercase)
                    && after_surname(&text[seg_start..term], rules)
        }
    };
    ends.then_some(end)
}

/// Whether `head` ends in a dash between spaces, after some words, and
/// an address or a name: capitalised words, with an address's
/// abbreviations and commas between them, up to eight words, the last a
/// name («Орны – Алматы», «Өтетін жері – Ақмола», «Мекенжайы – Жібек жолы
/// а., Абай»): a nominal sentence whose predicate is the place.
fn name_after_dash(head: &str) -> bool {
    let Some((subject, place)) = after_spaced_dash(head) else {
        return false;
    };
    let words: Vec<&str> = place.split(is_space).filter(|w| !w.is_empty()).collect();
    let name = |w: &str| starts_with_capital(w) && w.chars().all(char::is_alphabetic);
    let part = |w: &str| {
        let w = w.trim_end_matches(',');
        name(w)
            || w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 4
            || w.chars().all(char::is_lowercase) && w.chars().count() <= 5 && !w.is_empty()
    };
    !subject.is_empty()
        && (1..=8).contains(&words.len())
        && words.iter().all(|w| part(w))
        && words.last().is_some_and(|w| name(w))
}

/// The words before and after the last dash that stands between spaces in
/// `text` (the subject and the predicate of a nominal sentence, «Срок –
/// 2027»), both trimmed; `None` without such a dash.
fn after_spaced_dash(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_end_matches(is_space);
    let (dash, c) = text.char_indices().rev().find(|&(i, c)| {
        is_dash(c)
            && text[..i].ends_with(is_space)
            && text[i + c.len_utf8()..].starts_with(is_space)
    })?;
    Some((
        text[..dash].trim_matches(is_space),
        text[dash + c.len_utf8()..].trim_matches(is_space),
    ))
}

/// Whether `abbrev` is a region's or a district's («обл.», «ауд.»,
/// «р-н.»), after whose name a smaller unit's may follow.
fn is_region(abbrev: &str) -> bool {
    matches!(key(abbrev).as_str(), "обл" | "ауд" | "р-н")
}

/// Whether `word` names a district, a town or a village after its name,
/// in full or abbreviated and in any case («ауд.», «р-н», «ауданы»,
/// «району», «ауылында», «а.», «с.», «қ.»).
fn is_smaller_unit(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',', ';']).to_lowercase();
    matches!(
        w.as_str(),
        "ауд" | "р-н" | "р-на" | "р-не" | "а" | "с" | "қ" | "г"
    ) || ["аудан", "район", "ауыл", "қала", "сел"]
        .iter()
        .any(|stem| w.starts_with(stem))
}

/// Whether `head` is a list of two or more names with nothing else:
/// capitalised words, commas and the conjunctions "and", «и», «және».
fn names_only(head: &str) -> bool {
    let words: Vec<&str> = head
        .split(is_space)
        .map(|w| w.trim_matches([',', ';']))
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 2
        && words
            .iter()
            .all(|w| starts_with_capital(w) || matches!(*w, "and" | "и" | "және"))
}

/// Whether `abbrev` is capital letters each with its dot ("U.S", "U.K",
/// "D.C"): a country's or a place's short name.
fn dotted_capitals(abbrev: &str) -> bool {
    let abbrev = abbrev.trim_end_matches('.');
    abbrev.split('.').count() >= 2
        && abbrev
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// Whether `head` ends in a preposition and "the" ("…in the", "…from
/// the"): what follows is the place a clause goes to or comes from.
fn after_preposition_the(head: &str, rules: &Rules) -> bool {
    let mut words = head.split(is_space).filter(|w| !w.is_empty()).rev();
    words.next() == Some("the") && words.next().is_some_and(|w| rules.is_preposition(w))
}

/// Whether `head` ends in a capitalised word and a comma ("…,
/// Washington,"): the city an address's state or district follows.
fn after_city(head: &str) -> bool {
    head.split(is_space)
        .rfind(|w| !w.is_empty())
        .and_then(|w| w.strip_suffix(','))
        .is_some_and(|w| starts_with_capital(w) && w.chars().all(char::is_alphabetic))
}

/// Whether `abbrev` is a street's "St" or "Str" after the street's
/// capitalised name, itself after a lower-case word or a house number ("on
/// Abai St", "12 Abai St"): the end of an address. "Saint" stands after a
/// lower-case word ("the church of St. Paul") or a possessive ("Russia's
/// St. Petersburg").
fn street_after_name(abbrev: &str, head: &str) -> bool {
    let mut words = head.split(is_space).filter(|w| !w.is_empty()).rev();
    matches!(abbrev.trim_end_matches('.'), "St" | "Str")
        && words
            .next()
            .is_some_and(|w| starts_with_capital(w) && w.chars().all(char::is_alphabetic))
        && words.next().is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || w.chars().all(|c| c.is_lowercase() && c.is_alphabetic())
        })
}

/// Whether `abbrev` (up to its last dot) is a clock's "a.m" or "p.m" and
/// the word `following` the capitalised one after it is "time": "at 3
/// p.m. Astana time" names the zone of the hour.
fn time_zone(abbrev: &str, following: Option<&str>) -> bool {
    matches!(key(abbrev).as_str(), "a.m" | "p.m")
        && following.is_some_and(|w| w.trim_end_matches(['.', ',', ';']) == "time")
}

/// Whether `rest` opens with a short bracket holding no sentence end
/// ("(Canada)", «(Канада)») after which the sentence goes on: a lower-case
/// word, a comma, semicolon or colon, or the sentence's own full stop
/// («…с Orion Minerals Inc. (Канада).»).
fn bracket_goes_on(rest: &str) -> bool {
    let Some(inner) = rest.strip_prefix('(') else {
        return false;
    };
    let Some(close) = inner.find(')') else {
        return false;
    };
    let held = &inner[..close];
    held.split(is_space).filter(|w| !w.is_empty()).count() <= 4
        && !held.contains(is_terminator)
        && inner[close + 1..]
            .trim_start_matches(is_space)
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ':') || is_terminator(c))
}

/// Whether `head` ends in a capital letter that names a part of something
/// ("in Sector B", «в блоке Д», «санаты – Б»), not an
/// initial: the letter follows a noun that follows a preposition or a
/// dash, or stands itself after a dash, the predicate of a nominal
/// sentence. A name after a preposition begins with a title ("with
/// Minister A. Smith"), whose letter is an initial; the words before must
/// make a sentence.
fn designation(head: &str, rules: &Rules) -> bool {
    let mut tokens = head.split(is_space).rev().filter(|t| !t.is_empty());
    let letter = tokens.next().unwrap_or("");
    let mut cs = letter.chars();
    if !(cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()) {
        return false;
    }
    let noun = tokens.next().unwrap_or("");
    let before = tokens.next().unwrap_or("");
    let dash = |t: &str| t.chars().count() == 1 && t.chars().all(is_dash);
    let word = noun.chars().count() > 2
        && noun.chars().all(is_letter)
        && !super::rules::rules(Lang::En).is_title(noun)
        && !rules.is_preposition(&noun.to_lowercase());
    let place =
        dash(noun) || word && (rules.is_preposition(&before.to_lowercase()) || dash(before));
    // "UNICEF Representative in Kazakhstan A. Haque", «Посол Франции в
    // Казахстане Д. Дюпон»: a title just before the place makes the letter
    // an initial of the name the title opens.
    let titled = tokens.take(3).any(|t| {
        let capitalised = with_caps(t, Caps::Capital);
        rules.is_title(&capitalised) || super::rules::rules(Lang::En).is_title(&capitalised)
    });
    let rest = head[..head.len() - letter.len()].trim_end_matches(is_space);
    place && !titled && phrase(rest, rules) == Phrase::Sentence
}

/// Whether the word after a capitalised one is a Russian past verb in the
/// plural («Участники обсудили»): initials and a surname name one person,
/// so such a subject, unless it has a surname's ending («…и Ч.Ш.
/// Искакова сняли»), opens a new sentence.
fn plural_past_follows(tail: &str) -> bool {
    tail.split(is_space)
        .find(|w| !w.is_empty())
        .is_some_and(|w| {
            w.chars().count() > 4
                && w.chars().all(|c| c.is_lowercase() && is_letter(c))
                && (w.ends_with("ли") || w.ends_with("лись"))
        })
}

/// Whether `head` ends in initials written after a surname ("Бозумбаев
/// К. А", "Өмірзақова Ә. Ғ", "Abenova Zh. Sh"), or after a name with no
/// Slavic ending that follows a lower-case title («подписал Ли Ч.»,
/// «суретші Чхве Ю.», «врач Сейткали А.Б.»).
fn after_surname(head: &str, rules: &Rules) -> bool {
    let mut tokens = head.split(is_space).rev().filter(|t| !t.is_empty());
    let mut initials = 0;
    for token in tokens.by_ref() {
        if starts_with_capital(token) && is_initials(token) {
            initials += 1;
        } else {
            // A preposition is no title: «в Казахстане А. Хак» is a place
            // and the initial of the name that follows.
            let title = tokens
                .next()
                .is_some_and(|t| t.chars().all(char::is_lowercase) && !rules.is_preposition(t));
            return initials > 0
                && (surname(token) || short_surname(token) || title && foreign_name(token));
        }
    }
    false
}

/// Whether `head` is Kazakh (it has letters only Kazakh writes) with no
/// dash or colon: Kazakh puts its verb last, so a name with postposed
/// initials ends such a sentence only as the predicate after a dash or a
/// colon («Кеш жүргізушісі – Сұлтанғазы Ж. Ж.»); otherwise the verb is
/// still to come («Жарлығымен Қайырбеков Д.Ж. Қазақстан Республикасының
/// … вице-министрі болып тағайындалды»).
fn kazakh_before_its_verb(head: &str) -> bool {
    head.chars().any(crate::lang::is_kazakh_letter)
        && !head.contains([':', '–', '—'])
        && !head.contains(" - ")
}

/// A capitalised Cyrillic word of two or three letters («Ким», «Ли»,
/// «Цой», «Пак»): before postposed initials, the short surnames of
/// Kazakhstan's Koreans and of Chinese names. No Russian first name is
/// written before initials, and a place before them is longer.
fn short_surname(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next()
        .is_some_and(|c| c.is_uppercase() && is_cyrillic(c))
        && (2..=3).contains(&word.chars().count())
        && cs.all(|c| c.is_lowercase() && is_cyrillic(c))
}

/// A capitalised Cyrillic name with no Russian or Kazakh case ending
/// (the postposed initials of official style are Russian and Kazakh).
/// A country in the genitive before initials («канцлер Германии О.
/// Шольц») ends in «-ии», «-еи» and is no surname, nor is a title
/// («подписал Президент К. Тоқаев»).
fn foreign_name(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.all(|c| c.is_lowercase() && is_cyrillic(c))
        && !["ии", "еи", "ия"].iter().any(|e| word.ends_with(e))
        && ![Lang::Ru, Lang::Kk]
            .iter()
            .any(|&l| super::rules::rules(l).is_title(word))
}

/// A capitalised word with the ending of a Russian or Kazakh surname, in
/// Cyrillic or Latin letters and in the cases a name takes before its
/// initials ("Ахметов", "Смагуловой", "Нұрғалиқызы", "Abenova").
pub(super) fn surname(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ов",
        "ев",
        "ёв",
        "ин",
        "ын",
        "ова",
        "ева",
        "ёва",
        "ина",
        "ына",
        "овой",
        "евой",
        "иной",
        "ыной",
        "ову",
        "еву",
        "ину",
        "ыну",
        "овым",
        "евым",
        "иным",
        "ский",
        "цкий",
        "ская",
        "цкая",
        "ского",
        "ской",
        "енко",
        "ұлы",
        "қызы",
        "улы",
        "кызы",
        "ov",
        "ev",
        "in",
        "ova",
        "eva",
        "ina",
        "uly",
        "kyzy",
        "ovich",
        "enko",
        "sky",
        "skiy",
        "skaya",
    ];
    let lower = word.to_lowercase();
    starts_with_capital(word)
        && word.chars().count() > 3
        && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Legal forms written after a company's name; none starts a sentence.
const COMPANY_FORMS: &[&str] = &[
    "Ltd", "LLP", "LLC", "Inc", "JSC", "Limited", "Corp", "Plc", "PLC", "GmbH", "AG", "SA", "Co",
    "ТОО", "АО", "ЖШС", "АҚ",
];

/// Whether the abbreviation `text[start..dot]` is a year's («г», «гг»,
/// «ж», «жж») written after a number, or a century's («в», «вв», «ғ»,
/// «ғғ») after a Roman numeral: either ends a clause as its date.
fn is_year_abbrev(text: &str, start: usize, dot: usize) -> bool {
    let abbrev = text[start..dot].trim_end_matches('.').to_lowercase();
    matches!(abbrev.as_str(), "г" | "гг" | "г.г" | "ж" | "жж") && after_number(text, start)
        || matches!(abbrev.as_str(), "в" | "вв" | "ғ" | "ғғ") && ends_in_roman(&text[..start])
}

/// Whether the word before byte `start` of `text` is a number ("2014 г.",
/// "1,2 млн.").
fn after_number(text: &str, start: usize) -> bool {
    ends_in_number(&text[..start])
}

/// Whether `text` ends in a dash between spaces, after some words, and a
/// number, maybe with the date's or the time's own words before it: a
/// nominal sentence whose predicate is that date («Мерзімі – 2028», «Срок
/// – 2025–2027», «Срок подачи заявок – до 10 ч. 00 мин. 15.01.2027»).
/// Those words are numbers, abbreviations with their dots, and short
/// prepositions («до», «с», «по»); a verb or a noun makes a clause of its
/// own.
fn predicate_after_dash(text: &str) -> bool {
    let Some((subject, date)) = after_spaced_dash(text) else {
        return false;
    };
    let predicate: Vec<&str> = date.split(is_space).filter(|w| !w.is_empty()).collect();
    let dated = |w: &&str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || w.ends_with('.') && w.chars().count() <= 5
            || w.chars().count() <= 2 && w.chars().all(char::is_lowercase)
    };
    subject.chars().any(is_letter)
        && (1..=8).contains(&predicate.len())
        && predicate.iter().all(dated)
        && predicate
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// The last clause of `text` (after its last comma, semicolon or colon,
/// and a conjunction that opens it), judged by [`phrase`].
fn clause(text: &str, rules: &Rules) -> Phrase {
    let last = last_clause(text);
    let first = last.split(is_space).next().unwrap_or("");
    let rest = match first.to_lowercase().as_str() {
        "а" | "и" | "но" | "және" | "ал" | "бірақ" => &last[first.len()..],
        _ => last,
    };
    phrase(rest, rules)
}

/// What follows the last comma, semicolon or colon of `text`.
fn last_clause(text: &str) -> &str {
    text.rfind([',', ';', ':'])
        .map_or(text, |i| &text[i + 1..])
        .trim_start_matches(is_space)
}

/// Whether the words of `clause` are one that may be a verb (see
/// [`has_verb`]) and is no preposition («составила 112», not «около 48»).
fn lone_verb(clause: &str, rules: &Rules) -> bool {
    let mut words = clause
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (Some(w), None) => !rules.is_preposition(&w.to_lowercase()) && has_verb(w),
        _ => false,
    }
}

/// Whether `text` holds a word that may be a Russian verb: a lower-case
/// word with the ending of the past tense («прошла», «ремонтировали»), the
/// present or future («вступает», «будут») or a short participle
/// («перенесено», «утвержден»). Many nouns share these endings, so this
/// only tells words that surely hold no verb.
fn has_verb(text: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ет", "ит", "ут", "ют", "ат", "ят",
        "ется", "ится", "ются", "ятся", "утся", "атся", "ен", "ена", "ено", "ены", "ан", "ана",
        "ано", "аны", "ян", "яна", "яно", "яны", "ыт", "ыта", "ыто", "ыты",
    ];
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 2 && w.chars().all(char::is_lowercase))
        .any(|w| {
            !w.chars().all(|c| c.is_ascii_alphabetic()) && ENDINGS.iter().any(|e| w.ends_with(e))
        })
}

/// Whether the first word of `text` is one that starts sentences («Это
/// самый высокий урожай с 2011 г.»).
fn opens_with_starter(text: &str, rules: &Rules) -> bool {
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    rules.is_starter(&first.to_lowercase())
}

/// A capitalised noun in the instrumental («Правительством»,
/// «Парламентом», «Үкіметпен»): it continues a sentence, it never starts
/// one.
fn instrumental(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.chars().count() > 4
        && ["ом", "ем", "ём", "ами", "ями", "мен", "пен", "бен"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// If `rest` opens with a day and a Kazakh month («10 маусым»,
/// «15 мамырда»), the rest of a date whose year came first: whether the
/// month takes a case ending.
fn kazakh_date(rest: &str) -> Option<bool> {
    let mut words = rest.split(is_space).filter(|w| !w.is_empty());
    let day = words.next().unwrap_or("");
    let month = words
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphabetic());
    if !day.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (_, _, stem) = crate::localise::token::month_word(month, crate::Lang::Kk, false)?;
    Some(stem < month.len())
}

/// What follows a sentence end: its first significant character (past
/// opening quotes and brackets) and the word there, if any.
struct NextWord<'a> {
    /// The first character past openers.
    first: Option<char>,
    /// The run of letters starting there (empty if it is no letter).
    text: &'a str,
    /// What follows the word.
    after: Option<char>,
    /// The text after the word, to the end of the span.
    tail: &'a str,
}

impl<'a> NextWord<'a> {
    fn at(text: &'a str, mut i: usize, end: usize) -> NextWord<'a> {
        while i < end {
            match char_at(text, i) {
                Some(c) if is_opener(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        let rest = &text[i..end];
        let len = rest
            .char_indices()
            .find(|&(_, c)| !is_letter(c))
            .map_or(rest.len(), |(k, _)| k);
        NextWord {
            first: rest.chars().next(),
            text: &rest[..len],
            after: rest[len..].chars().next(),
            tail: &rest[len..],
        }
    }

    /// A number, a sign before one ("№ 2", "$15"), or a Roman numeral
    /// ("Art. IV", "б.з.б. V ғ."), save a lone "I" (the English pronoun).
    fn is_number(&self) -> bool {
        let Some(first) = self.first else {
            return false;
        };
        first.is_ascii_digit()
            || is_number_sign(first)
            || is_roman(self.text)
                && !self.after.is_some_and(char::is_alphanumeric)
                && self.text != "I"
    }

    /// A sign before a number ("№ 2", "$15").
    fn is_sign(&self) -> bool {
        self.first.is_some_and(is_number_sign)
    }

    /// A registry code: capitals run into digits or a hyphen and digits
    /// ("KZ-2025-0041", "KZ15VBY00012345", "AST-0093"). No word is
    /// written so, so no sentence starts with one after an abbreviation.
    fn is_code(&self) -> bool {
        let caps = self.text.chars().count() >= 2 && self.text.chars().all(char::is_uppercase);
        let rest = self.tail;
        caps && (rest.starts_with(|c: char| c.is_ascii_digit())
            || rest
                .strip_prefix('-')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())))
    }

    /// The word after this one (after white space), if any.
    fn following(&self) -> Option<&'a str> {
        self.tail.split(is_space).find(|w| !w.is_empty())
    }

    /// Whether a sentence can open with this word after a letter that
    /// ended the last one: a word that starts sentences, even of one letter
    /// before a lower-case word («…в группе А. В финале…»); or a
    /// capitalised word of two letters or more, no initial, surname or
    /// noun in the instrumental or dative (a name after a title agrees
    /// with it: «с министром А. Смитом»), followed by a lower-case word
    /// (a name goes on with a capital or a comma).
    fn opens_sentence(&self, rules: &Rules) -> bool {
        let lower_next = self.after.is_some_and(is_space)
            && self
                .tail
                .trim_start_matches(is_space)
                .starts_with(char::is_lowercase);
        if self.text.chars().count() == 1 {
            return lower_next && rules.is_starter(&self.text.to_lowercase());
        }
        self.is_starter(rules)
            || starts_with_capital(self.text)
                && self.after != Some('.')
                && !surname(self.text)
                && !instrumental(self.text)
                && !self.text.ends_with(['у', 'ю'])
                && lower_next
    }

    /// Whether this word opens a phrase in the instrumental: a noun
    /// («Правительством») or an adjective in «-ым», «-им» before one
    /// («Национальным банком», «Высшим судебным советом»), the agent of a
    /// passive that goes on past a year («основан в 1993 г. Национальным
    /// банком»). A name in «-им» («Максим») has no such noun after it.
    fn is_instrumental(&self) -> bool {
        let adjective = |w: &str| {
            w.chars().count() > 3
                && w.chars().all(char::is_alphabetic)
                && (w.ends_with("ым") || w.ends_with("им"))
        };
        instrumental(self.text)
            || starts_with_capital(self.text)
                && adjective(&self.text.to_lowercase())
                && self
                    .tail
                    .split(is_space)
                    .filter(|w| !w.is_empty())
                    .map(|w| w.trim_end_matches([',', '.', ';']))
                    .find(|w| !adjective(w))
                    .is_some_and(|w| w.chars().all(char::is_lowercase) && instrumental(w))
    }

    /// A whole word (not an initial) that typically begins a sentence.
    fn is_starter(&self, rules: &Rules) -> bool {
        !self.text.is_empty()
            && self.after != Some('.')
            && rules.is_starter(&self.text.to_lowercase())
    }
}
