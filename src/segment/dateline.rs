//! Datelines at the start of a line: "АСТАНА. 10 июня. КАЗИНФОРМ – …",
//! "ASTANA, Dec. 5 (Reuters) – …". Everything up to the dash belongs to the
//! first sentence, whatever full stops it holds.

use super::chars::{is_dash, is_space};
use crate::lang::Lang;
use crate::localise::token::month_word;

/// At most this many words stand before a dateline's dash.
const MAX_WORDS: usize = 8;

/// If `line` opens with a dateline, the byte offset just past its dash,
/// or past the full stop that ends it where no dash follows ("АСТАНА, 3
/// марта. В Казахстане…", "Ақтау, 7 шілде /Kazinform/. Маңғыстау…").
///
/// A dateline starts with a place in capitals ("ASTANA", "НҰР-СҰЛТАН"),
/// holds a number (the day or year), has only short words, numbers and
/// agency tags before a dash that stands between spaces, and is short.
/// A place in title case ("Астана,") opens one only with an agency tag in
/// slashes or brackets ("Астана, 5 мамыр. /ҚазАқпарат/ –"): without one,
/// "…held in Astana, 12 March." is a sentence's place and date; or with a
/// full stop, before a whole date with its own and nothing else
/// («Караганда. 12 мая 2024 года. На шахте…»). A place in capitals and an
/// agency with no date make one too ("SHYMKENT (Kazinform) –", «ШЫМКЕНТ.
/// ҚазАқпарат –»). A full stop ends a dateline only after its date or
/// agency tag.
///
/// `opens_line` says that `line` is the start of a line: only there is a
/// place in capitals with its full stop and nothing else a dateline
/// («АСТАНА. Министерство энергетики подвело…»); inside a line the same
/// capitals end a sentence («…наследия ЮНЕСКО. Часть леса…»).
pub fn dateline_end(line: &str, opens_line: bool) -> Option<usize> {
    let mut words = 0;
    let mut has_number = false;
    let mut capitals = false;
    let mut agency = false;
    // Where a full stop after the date or the agency ends the dateline, if
    // no dash follows; only while every word after the place is a date's,
    // an agency's or in capitals ("UNICEF is valid until 2026." is none).
    let mut stop = None;
    let mut dates_only = true;
    // "ASTANA. KAZINFORM –": a place and an agency in capitals, a full stop
    // between them, and no date.
    let mut place_agency = false;
    // «Караганда. 12 мая 2024 года. На шахте…»: a place in title case with
    // a full stop, then a whole date with its own, and nothing else.
    let mut place_stop = false;
    let mut month = false;
    for token in line.split(is_space) {
        // Where the token starts: spaces may be wider than a byte (U+00A0).
        let start = token.as_ptr() as usize - line.as_ptr() as usize;
        if token.is_empty() {
            continue;
        }
        if token.chars().all(is_dash) {
            // The place, a number and the dash: a dateline.
            let dated = words >= 2 && has_number && (capitals || agency);
            // "SHYMKENT (Kazinform) –": a place in capitals and an agency's
            // tag, with no date.
            let tagged = words == 2 && capitals && agency;
            let end = start + token.len();
            return (dated || words == 2 && place_agency || tagged)
                .then(|| end + agency_after_dash(&line[end..]))
                .or(stop);
        }
        words += 1;
        if words > MAX_WORDS {
            return stop;
        }
        let core = token.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')' | '/' | ':'));
        if words == 1 {
            capitals = is_place(core);
            place_stop = !capitals && title_place(core) && token.ends_with('.');
            if !(capitals || title_place(core) && token.ends_with(',') || place_stop) {
                return None;
            }
            place_agency = capitals && token.ends_with('.');
        } else if words == 2 {
            // The agency in capitals or as it writes itself
            // («ШЫМКЕНТ. ҚазАқпарат –»).
            let named = is_place(core)
                || core.starts_with(char::is_uppercase) && core.chars().all(char::is_alphabetic);
            // «АСТАНА. Министерство энергетики подвело…»: a place of four
            // capitals or more alone with its full stop, then a word in
            // title case, is the shortest dateline, ending at that stop
            // unless a dash follows the agency ("USA. The budget…" is an
            // acronym's sentence).
            let place = line[..start].trim_end();
            if opens_line
                && place_agency
                && place.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && core.chars().count() >= 4
                && core.starts_with(char::is_uppercase)
                && core.chars().skip(1).all(char::is_lowercase)
                && !token.ends_with('.')
            {
                stop = Some(place.len());
            }
            place_agency &= core.chars().count() >= 4 && named && !token.ends_with('.');
        }
        let date_part = if core.chars().any(|c| c.is_ascii_digit()) {
            has_number = true;
            if !core
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-'))
            {
                return stop;
            }
            true
        } else if core.chars().count() > 14 && !(words == 1 && capitals)
            || !core
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
        {
            return stop;
        } else {
            let tag = token.starts_with(['/', '(']) && core.chars().count() >= 3;
            agency |= tag;
            let named = words > 1 && is_month(core);
            month |= named;
            let date = tag || named || words > 1 && place_stop && YEAR_WORDS.contains(&core);
            // An agency's further words («/Пресс-служба акимата/») follow its
            // tag's opening.
            dates_only &= date || words == 1 || is_place(core) || agency;
            date
        };
        if words >= 2
            && date_part
            && dates_only
            && has_number
            && token.ends_with('.')
            && (capitals || agency || place_stop && month)
        {
            stop = Some(start + token.len());
        }
    }
    stop
}

/// How many bytes of `rest`, the text after a dateline's dash, an
/// agency's name with its full stop takes before the first sentence
/// ("– Interfax-Kazakhstan. ТОО «Казцинк»…", «– КазТАГ. В Алматы…»): one
/// word, joined by a hyphen, in mixed capitals, or in Latin letters in a
/// Cyrillic line, that no sentence is; 0 if none.
fn agency_after_dash(rest: &str) -> usize {
    let lead = rest.len() - rest.trim_start_matches(is_space).len();
    let mut words = rest[lead..].splitn(3, is_space);
    let (Some(name), Some(next)) = (words.next(), words.next()) else {
        return 0;
    };
    let Some(bare) = name.strip_suffix('.') else {
        return 0;
    };
    let latin = bare.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
    let cyrillic_line = rest.chars().any(crate::lang::is_cyrillic);
    let capitals_inside = bare.chars().skip(1).any(char::is_uppercase);
    let agency = bare.starts_with(char::is_uppercase)
        && bare.chars().all(|c| c.is_alphabetic() || c == '-')
        && (bare.contains('-') || capitals_inside || latin && cyrillic_line);
    let opens = next
        .trim_start_matches(['«', '"', '“'])
        .starts_with(char::is_uppercase);
    if agency && opens {
        lead + name.len()
    } else {
        0
    }
}

/// The word for "year" that a date may hold after its number («12 мая
/// 2024 года», «2024 жылғы 12 мамыр», «2024 ж.»).
const YEAR_WORDS: &[&str] = &["года", "г", "жылғы", "ж", "year"];

/// A place name in title case: a capital and lower-case letters ("Астана",
/// "Ақтау", "Ust-Kamenogorsk").
fn title_place(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 3
        && cs.all(|c| c.is_lowercase() || c == '-')
}

/// Whether `word` names a month in English, Russian or Kazakh.
fn is_month(word: &str) -> bool {
    [Lang::En, Lang::Ru, Lang::Kk]
        .into_iter()
        .any(|lang| month_word(word, lang, false).is_some())
}

/// A place name in capitals, possibly hyphenated: "ASTANA", "НҰР-СҰЛТАН".
fn is_place(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(line: &str) -> Option<&str> {
        dateline_end(line, true).map(|i| line[i..].trim_start())
    }

    #[test]
    fn finds_datelines_of_several_styles() {
        assert_eq!(rest("АСТАНА. 10 июня. КАЗИНФОРМ – Глава"), Some("Глава"));
        assert_eq!(rest("ASTANA, Dec. 5 (Reuters) - The"), Some("The"));
        assert_eq!(
            rest("НҰР-СҰЛТАН. 2019 жылғы 5 маусым. ҚазАқпарат – Ел"),
            Some("Ел")
        );
        assert_eq!(
            rest("ALMATY, 3 May 2014 — Journalists"),
            Some("Journalists")
        );
        // A place and an agency with no date.
        assert_eq!(rest("АСТАНА. КАЗИНФОРМ – Глава"), Some("Глава"));
        assert_eq!(rest("ASTANA. KAZINFORM - The"), Some("The"));
    }

    #[test]
    fn a_full_stop_after_the_date_or_agency_ends_a_dateline_without_dash() {
        assert_eq!(
            rest("АСТАНА, 3 марта. В Казахстане начался учёт."),
            Some("В Казахстане начался учёт.")
        );
        assert_eq!(
            rest("Ақтау, 7 шілде /Kazinform/. Маңғыстау облысында"),
            Some("Маңғыстау облысында")
        );
        assert_eq!(
            rest("Астана, 5 мамыр. /ҚазАқпарат/ – Елорданың"),
            Some("Елорданың")
        );
        // With a dash later on, the dash ends it.
        assert_eq!(rest("АСТАНА. 10 июня. КАЗИНФОРМ – Глава"), Some("Глава"));
    }

    #[test]
    fn a_place_in_capitals_with_its_full_stop_opens_a_line_as_a_dateline() {
        assert_eq!(
            rest("КОСТАНАЙ. Аграрии области завершили сев."),
            Some("Аграрии области завершили сев.")
        );
        // Inside a line the capitals are an acronym that ends a sentence.
        assert_eq!(dateline_end("ЮНЕСКО. Часть леса охраняется.", false), None);
    }

    #[test]
    fn an_agency_after_the_dash_belongs_to_the_dateline() {
        assert_eq!(
            rest("РИДДЕР, 12 сен – Interfax-Kazakhstan. ТОО «Казцинк» возобновило добычу."),
            Some("ТОО «Казцинк» возобновило добычу.")
        );
        // A sentence after the dash is the sentence.
        assert_eq!(
            rest("АСТАНА, 3 дек – Президент подписал закон. Он вступит в силу."),
            Some("Президент подписал закон. Он вступит в силу.")
        );
    }

    #[test]
    fn a_long_place_in_capitals_opens_a_dateline() {
        // Longer than any other word a dateline holds.
        assert_eq!(
            rest("UST-KAMENOGORSK, Sept. 12 (Reuters) – Kazzinc resumed work."),
            Some("Kazzinc resumed work.")
        );
    }

    #[test]
    fn no_break_spaces_inside_a_dateline_keep_its_offsets() {
        assert_eq!(
            rest("ASTANA,\u{a0}Dec.\u{a0}5 (Reuters) – The office opened."),
            Some("The office opened.")
        );
        assert_eq!(
            rest("EUR\u{a0}12\u{a0}million went to it. It runs on."),
            None
        );
    }

    #[test]
    fn ignores_lines_that_are_no_datelines() {
        // A place in title case with no agency tag is a sentence's own.
        assert_eq!(rest("Astana, 12 March. The forum opened."), None);
        assert_eq!(rest("Astana, 12 March – the day the forum opened."), None);
        // No full stop after a date: the capitals are an acronym.
        assert_eq!(rest("USA. 2015 was a year of growth."), None);
        assert_eq!(rest("UNICEF is valid until 2026. 20,000 children"), None);
        assert_eq!(rest("The OSCE. 2015 – a year"), None);
        assert_eq!(rest("ОБСЕ – организация"), None);
        assert_eq!(rest("ОБСЕ ЮНИСЕФ – организации"), None);
        assert_eq!(rest("ООН. ОБСЕ. ЮНИСЕФ – организации"), None);
        assert_eq!(
            rest("USA. The budget was approved by a large majority – 300 votes"),
            None
        );
        assert_eq!(
            rest("ASTANA, 10 June 2014 The office opened a new library today."),
            None
        );
    }
}
