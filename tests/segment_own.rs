//! Our own segmentation cases (`tests/data/segment/`), in the kit's format:
//! footnote marks, reference abbreviations before numbers, initials,
//! company forms, «г.»/«ж.» in both positions and headlines run into the
//! lede, in English, Russian and Kazakh. Each file must keep at least the
//! exact cases it has reached, so a change that fixes one kind and breaks
//! another shows here. The held-out files are never used to tune the rules;
//! their floors only record what the rules tuned elsewhere reach.

use std::path::Path;

use serde_json::Value;
use tm::segment::segment;
use tm::Lang;

/// Whitespace-normalised, as the kit's scorer compares segments.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cases of one file whose segments come out exactly as expected,
/// with the ids of those that do not.
fn exact(file: &str) -> (usize, usize, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/segment")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let (mut total, mut right, mut wrong) = (0, 0, Vec::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let lang: Lang = case["lang"].as_str().unwrap().parse().unwrap();
        let expected: Vec<String> = case["expected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| norm(s.as_str().unwrap()))
            .filter(|s| !s.is_empty())
            .collect();
        let got: Vec<String> = segment(case["text"].as_str().unwrap(), lang)
            .iter()
            .map(|s| norm(&s.text))
            .collect();
        total += 1;
        if got == expected {
            right += 1;
        } else {
            wrong.push(case["id"].as_str().unwrap_or("?").to_string());
        }
    }
    (total, right, wrong)
}

/// Checks every language of one set against its floors (en, ru, kk).
#[track_caller]
fn check(set: &str, floors: [usize; 3]) {
    let mut failures = Vec::new();
    for (lang, floor) in ["en", "ru", "kk"].into_iter().zip(floors) {
        let (total, right, wrong) = exact(&format!("{set}_{lang}.jsonl"));
        eprintln!("{set} {lang}: {right}/{total} exact; not exact: {wrong:?}");
        if right < floor {
            failures.push(format!("{set}_{lang}: {right}/{total}, floor {floor}"));
        }
    }
    assert!(failures.is_empty(), "below the floor: {failures:?}");
}

#[test]
fn first_tune_set_stays_above_its_floor() {
    check("tune", [54, 56, 56]);
}

#[test]
fn first_held_out_set_stays_above_its_floor() {
    check("heldout", [22, 24, 24]);
}

#[test]
fn second_tune_set_stays_above_its_floor() {
    check("tune2", [43, 44, 42]);
}

#[test]
fn second_held_out_set_stays_above_its_floor() {
    check("heldout2", [16, 14, 17]);
}

#[test]
fn third_tune_set_stays_above_its_floor() {
    check("tune3", [50, 49, 50]);
}

#[test]
fn third_held_out_set_stays_above_its_floor() {
    check("heldout3", [23, 23, 24]);
}

#[test]
fn fourth_tune_set_stays_above_its_floor() {
    check("tune4", [53, 52, 54]);
}

/// Measured once before the rules of this round (20, 22, 23) and once
/// after them, tuned on tune..tune4 and the kit's dev material only.
#[test]
fn fourth_held_out_set_stays_above_its_floor() {
    check("heldout4", [25, 26, 26]);
}

#[test]
fn fifth_tune_set_stays_above_its_floor() {
    check("tune5", [32, 40, 40]);
}

/// Measured once before the rules of this round (13, 14, 18) and once
/// after them, tuned on tune..tune5 and the kit's dev material only.
/// A percentage that ends a headline, found on the sixteenth set, carried
/// over to it (14, 18, 20).
#[test]
fn fifth_held_out_set_stays_above_its_floor() {
    check("heldout5", [14, 18, 20]);
}

#[test]
fn sixth_tune_set_stays_above_its_floor() {
    check("tune6", [20, 22, 22]);
}

/// Written by a helper who never saw the rules; measured once before the
/// rules of this round (5, 6, 10) and once after them, tuned on
/// tune..tune6 and the kit's dev material only. Russian 8 since
/// «Представитель» opens a name as the other titles do.
#[test]
fn sixth_held_out_set_stays_above_its_floor() {
    check("heldout6", [6, 8, 10]);
}

#[test]
fn seventh_tune_set_stays_above_its_floor() {
    check("tune7", [19, 20, 20]);
}

/// A mix of every kind, as a release has them, written by a helper who
/// never saw the rules; measured once before the rules of this round (10,
/// 9, 10) and once after them.
#[test]
fn seventh_held_out_set_stays_above_its_floor() {
    check("heldout7", [10, 9, 10]);
}

#[test]
fn eighth_tune_set_stays_above_its_floor() {
    check("tune8", [20, 20, 20]);
}

/// Thirty cases a language in the kit's release style (every kind the
/// kit has, half of them the hard kinds), written by a helper who never
/// saw the rules or the earlier sets; measured once before the rules of
/// this round (9, 8, 9) and once after them (the same: what it misses is
/// run-in headlines the tune cases do not show).
#[test]
fn eighth_held_out_set_stays_above_its_floor() {
    check("heldout8", [9, 8, 9]);
}

#[test]
fn ninth_tune_set_stays_above_its_floor() {
    check("tune9", [17, 13, 14]);
}

/// Headlines run into their ledes, 27 a language (five with no headline
/// at all), written by a helper who never saw the rules or the earlier
/// sets; measured once before the rules of this round (4, 6, 9 of 9) and
/// once after them. The percentage of the sixteenth set: 6, 7, 9.
#[test]
fn ninth_held_out_set_stays_above_its_floor() {
    check("heldout9", [6, 7, 9]);
}

/// The tenth set's tune two thirds: thirty cases a language of every
/// kind above in the kit's release style, by a helper who never saw the
/// rules. Six of its answers put a headline run into a dateline with the
/// dateline's sentence; the kit's convention (a headline is a segment of
/// its own) corrects them, and each says so in its `note`.
#[test]
fn tenth_tune_set_stays_above_its_floor() {
    check("tune10", [29, 30, 30]);
}

/// The tenth set's held-out third, measured once before the rules of this
/// round (15, 15, 15 of 15) and once after them: release-style text
/// written apart from the rules is where the sealed cases are.
#[test]
fn tenth_held_out_set_stays_above_its_floor() {
    check("heldout10", [15, 15, 15]);
}

#[test]
fn eleventh_tune_set_stays_above_its_floor() {
    check("tune11", [17, 16, 17]);
}

/// Headlines run into ledes that open with a date, a verb, direct speech,
/// a quoted name, an organisation or a title, 30 a language (six with no
/// headline, four with a line break), by a helper who never saw the rules;
/// measured once before the rules of this round (6, 6, 8 of 10) and once
/// after them. Russian 8 since a lede counted by a number may follow a
/// verbless headline («Рекордный урожай… | 6,4 млн тонн зерна собрали…»),
/// a rule made on the eleventh and thirteenth tune cases; 9 since a quoted
/// name may be a lede's subject after a headline with its own verb, made
/// on the ninth tune cases (stop 26).
#[test]
fn eleventh_held_out_set_stays_above_its_floor() {
    check("heldout11", [6, 9, 8]);
}

/// The twelfth set: 45 cases a language in the kit's release style, with
/// more official wording (orders and their numbers, addresses, agendas),
/// by a helper who never saw the rules. Read before any rule of this round
/// after it was written: tune 30/30, 28/30, 30/30; the two Russian misses
/// («в ауд. 305», «…2020 г. № ҚР ДСМ-142/2020…») are fixed.
#[test]
fn twelfth_tune_set_stays_above_its_floor() {
    check("tune12", [30, 30, 30]);
}

/// Measured once when written (14, 15, 14 of 15) and once after the rules
/// tuned on the tune cases (the same). A region's abbreviation before a
/// district's name as one address, made on set 25's tune cases, made a
/// Kazakh case right: 14, 15, 15.
#[test]
fn twelfth_held_out_set_stays_above_its_floor() {
    check("heldout12", [14, 15, 15]);
}

/// The thirteenth set: 30 run-in headlines a language of every shape, by
/// a helper who never saw the rules, written after the eleventh set's
/// rules: read before them (tune 13, 10, 11 of 20) and after (15, 11, 12)
/// as a check of those rules on text they were not made on, then tuned on.
#[test]
fn thirteenth_tune_set_stays_above_its_floor() {
    check("tune13", [15, 14, 14]);
}

/// Measured before the eleventh set's rules (7, 7, 7 of 10), after them
/// (the same), after the Russian rules tuned on the thirteenth set's own
/// tune cases (the same), after the Kazakh present continuous (7, 7, 8)
/// and after a name ending a headline was looked for in the lede that
/// repeats it, made on the nineteenth set's tune cases (8, 7, 9: «…Жапония
/// елшісі Кэндзи Танака | Кэндзи Танака Премьер-Министрдің…»).
#[test]
fn thirteenth_held_out_set_stays_above_its_floor() {
    check("heldout13", [8, 7, 9]);
}

/// The fourteenth set: 45 cases a language in the kit's release style with
/// its technical kinds (datelines of every shape, lists, contact blocks,
/// URLs, no-break spaces, Windows line ends), by a helper who never saw the
/// rules, read once when written, after this round's rules: tune 28/30,
/// 29/30, 30/30, held out 15/15, 14/15, 12/15. Not tuned on yet.
#[test]
fn fourteenth_tune_set_stays_above_its_floor() {
    check("tune14", [28, 29, 30]);
}

/// After the datelines with a full stop or an agency tag that the
/// fifteenth set's tune cases showed (15, 15, 13), and «т.» as tonnes
/// after «тыс.» or «млн» (15, 15, 14).
#[test]
fn fourteenth_held_out_set_stays_above_its_floor() {
    check("heldout14", [15, 15, 14]);
}

/// The fifteenth set: 45 cases a language in the kit's release style, the
/// issue's kinds and the technical ones mixed, by a helper who never saw
/// the rules. Twelve answers kept a run-in headline with its lede; they
/// were corrected to the kit's convention (each case says so). Read once
/// then: tune 27/30, 27/30, 27/30, held out 14/15, 14/15, 15/15. After
/// the datelines ended by a full stop, or with a place in title case and
/// an agency tag («Астана, 5 мамыр. /ҚазАқпарат/ –»), and English speech
/// attributed after a longer speaker: tune 28, 29, 30; held out 14, 15, 15.
/// After «т.» as tonnes after a number's thousands: tune 28, 30, 30.
/// After a clock time keeping its zone ("3 p.m. Astana time"): 29, 30, 30.
#[test]
fn fifteenth_tune_set_stays_above_its_floor() {
    check("tune15", [29, 30, 30]);
}

#[test]
fn fifteenth_held_out_set_stays_above_its_floor() {
    check("heldout15", [14, 15, 15]);
}

/// The sixteenth set: 30 run-in headlines a language (verbless ones,
/// subheadlines, ledes that open with a number, initials or a quotation,
/// and one-sentence controls full of names), by a helper who never saw
/// the rules. Read once: tune 13, 13, 12 of 20, held out 6, 6, 5 of 10.
/// After a percentage ending a headline («…до 8,5%») and English and
/// Kazakh ledes that open with initials: tune 15, 14, 13. After a Kazakh
/// place in a case closing a headline after a dash: tune 15, 14, 14.
/// After a number after a region's name opening an English lede: 16, 14,
/// 14. After the Kazakh passive in «-талды», «-ланды» and a Russian lede
/// counted by a number after a verbless headline (with «засеяно» a short
/// participle): 16, 15, 16.
#[test]
fn sixteenth_tune_set_stays_above_its_floor() {
    check("tune16", [16, 15, 16]);
}

#[test]
fn sixteenth_held_out_set_stays_above_its_floor() {
    check("heldout16", [6, 6, 5]);
}

/// The seventeenth set: 45 cases a language in the kit's release style and
/// categories, with more of the hard kinds (run-in headlines, datelines,
/// company forms, year and number abbreviations, footnotes), by a helper
/// who never saw the rules. Read once: tune 28, 28, 28 of 30, held out 15,
/// 15, 15. After a dateline of a place and an agency with no date
/// ("ASTANA. KAZINFORM –"), a bracket after a company form ("Inc.
/// (Canada) covers") and «млн.» completing a clause before a year: tune
/// 30, 30, 30.
#[test]
fn seventeenth_tune_set_stays_above_its_floor() {
    check("tune17", [30, 30, 30]);
}

#[test]
fn seventeenth_held_out_set_stays_above_its_floor() {
    check("heldout17", [15, 15, 15]);
}

/// The eighteenth set: 45 cases a language in a ministry's official style,
/// each of the kinds in at least five (footnote marks, reference
/// abbreviations, initials of two letters, company forms, year
/// abbreviations, run-in headlines), by a helper who never saw the rules.
/// Read once: tune 29, 27, 26 of 30, held out 14, 13, 14 of 15. After a
/// Kazakh year predicate ending before a date in a case («мерзімі – 2026
/// ж. | 12 наурызда…»), the Russian present in «-утся», «долл. США», a
/// counted noun in «-л» that is no verb («…12 новых школ | Акимат…») and
/// a Kazakh verb of saying after its object ending a headline: tune 29, 30,
/// 30, held out the same (its misses: three run-in headlines, Kazakh
/// initials after a surname before a capitalised noun).
#[test]
fn eighteenth_tune_set_stays_above_its_floor() {
    check("tune18", [29, 30, 30]);
}

/// Kazakh postposed initials that end a sentence only after a dash or a
/// colon, made on set 25's tune cases, made a Kazakh case right: 14, 13,
/// 15.
#[test]
fn eighteenth_held_out_set_stays_above_its_floor() {
    check("heldout18", [14, 13, 15]);
}

/// The nineteenth set: 45 cases a language in the kit's release style,
/// a third of them the hard kinds, by a helper who never saw the
/// rules. Read once: tune 30, 29, 30 of 30, held out 14, 14, 14 of 15.
/// One Russian held-out case («…составила 112 млрд. | 60% этих средств…»)
/// was fixed after it was read and moved to tune, so the held-out Russian
/// file has 14 cases; so was an English one ("in East | Kazakhstan region
/// grew", a false cut found again with our own text), so the held-out
/// English file has 14 too. After «млрд.» completing a verb alone after a
/// participle's commas and a name that ends a headline found in the lede
/// that repeats it («…форум стартапов Центральной Азии | Третий форум…»):
/// tune 30, 31, 30; after a compass word opening a place: tune 31, 31, 30.
#[test]
fn nineteenth_tune_set_stays_above_its_floor() {
    check("tune19", [31, 31, 30]);
}

/// A region's abbreviation before a district's name as one address
/// («Ақмола обл. Бұланды ауд.»), made on set 25's tune cases, made the
/// Kazakh miss read at the first reading right: 14, 14, 15.
#[test]
fn nineteenth_held_out_set_stays_above_its_floor() {
    check("heldout19", [14, 14, 15]);
}

/// The twentieth set: releases of Kazakhstani bodies in their official
/// style (decrees and articles, courts, units and amounts, names with
/// initials on either side, company forms, years, datelines), 60 cases in
/// Russian and 30 in English and Kazakh, by a helper who never saw the
/// rules. Read once: tune 18, 35, 19 of 20, 40, 20; held out 10, 19, 10 of
/// 10, 20, 10. After a number joined to a name taking no year («ТЭЦ-2 г.
/// Петропавловска»), «п.п.» as percentage points after a number, «чел.»
/// completing a clause before a number, «тыс. ИТ-специалистов» and a place
/// and a date each with a full stop as a dateline («Караганда. 12 мая
/// 2024 года. На шахте…»): tune 18, 40, 20 (the English misses: "in the
/// U.S. Applications…" and "Washington, D.C. Registration…").
#[test]
fn twentieth_tune_set_stays_above_its_floor() {
    check("tune20", [19, 40, 20]);
}

#[test]
fn twentieth_held_out_set_stays_above_its_floor() {
    check("heldout20", [10, 19, 10]);
}

/// The twenty-first set: 45 cases a language from international
/// organisations' offices and the agencies that report them, six run-in
/// headlines a language among them, by a helper who never saw the rules.
/// Read once: tune 27, 27, 25 of 30, held out 15, 15, 14 of 15. After a
/// subject pronoun making a prepositional opening a clause ("On Saturdays
/// they close at 2 p.m. | Parents…"), a place and an agency's tag with no
/// date as a dateline ("SHYMKENT (Kazinform) –", «ШЫМКЕНТ. ҚазАқпарат
/// –»), a one-letter preposition after a surname's initials («…Жакупова
/// А.Ж. | С докладами…»), «т.б.» after a list of names, «млн. АҚШ
/// доллары», «Алматы қ.» as the predicate after a dash, a headline's
/// number with a case ending («4,7%-ға») and a headline's end that the
/// lede repeats found past an abbreviation's dot: tune 29, 29, 30, held out
/// 15, 15, 15 (the Kazakh held-out case that became right is a dateline of
/// a place and an agency; it was not read before).
#[test]
fn twenty_first_tune_set_stays_above_its_floor() {
    check("tune21", [29, 29, 30]);
}

#[test]
fn twenty_first_held_out_set_stays_above_its_floor() {
    check("heldout21", [15, 15, 15]);
}

/// The twenty-second set: regional news of Kazakhstan (akimats, police
/// and emergencies, schools, hospitals, transport, courts), 45 Russian
/// cases and 30 English and Kazakh, five run-in headlines a language, by
/// a helper who never saw the rules. Read once: tune 19, 30, 20 of 20,
/// 30, 20; held out 10, 14, 9 of 10, 15, 10. After an indefinite article
/// before a number opening an English lede ("…to close for repairs | A 14
/// km section of the highway will be closed…"): tune 20, 30, 20.
#[test]
fn twenty_second_tune_set_stays_above_its_floor() {
    check("tune22", [20, 30, 20]);
}

#[test]
fn twenty_second_held_out_set_stays_above_its_floor() {
    check("heldout22", [10, 14, 9]);
}

/// The twenty-third set: a ministry's or national agency's press service
/// (finance, statistics, courts, energy, health, emergencies) and an
/// international organisation's office in Astana, 60 Russian cases and 30
/// English and Kazakh, a third of them hard, by a helper who never saw the
/// rules. Read once: tune 20, 39, 20 of 20, 40, 20; held out 9, 20, 10 of
/// 10, 20, 10. After a place of four capitals or more alone with its full
/// stop at a line's start as a dateline («АСТАНА. Министерство…»): tune
/// 20, 40, 20.
#[test]
fn twenty_third_tune_set_stays_above_its_floor() {
    check("tune23", [20, 40, 20]);
}

#[test]
fn twenty_third_held_out_set_stays_above_its_floor() {
    check("heldout23", [9, 20, 10]);
}

/// The twenty-fourth set: city and regional news, business and
/// investment, culture, sport and education, 60 Russian cases, 30 English
/// and 45 Kazakh, a third of them hard, by a helper who never saw the
/// rules. The helper kept nine quotations of several sentences whole
/// before their attribution, against the kit's convention (a quotation is
/// split at its inner sentence ends); those nine were split by a script
/// before anything was scored. Read once: tune 20, 37, 30 of 20, 40, 30;
/// held out 10, 19, 14 of 10, 20, 15. After a century after its Roman
/// numeral («конца XIX в. | Часть…») and postposed initials after a short
/// surname («Ким Ю.Р.») or before an adjective in «-овым» («Жакупов Е.С. |
/// Новым руководителем…»): tune 20, 40, 30.
#[test]
fn twenty_fourth_tune_set_stays_above_its_floor() {
    check("tune24", [20, 40, 30]);
}

#[test]
fn twenty_fourth_held_out_set_stays_above_its_floor() {
    check("heldout24", [10, 19, 14]);
}

/// The twenty-fifth set: the official Russian style of Kazakhstan's
/// government bodies, akimats and international organisations (decrees
/// cited, appointments, courts, tenders, statistics), 75 Russian cases and
/// 30 English and Kazakh, a third of them hard, by a helper who never saw
/// the rules. Read once: tune 20, 48, 18 of 20, 50, 20; held out 10, 25, 9
/// of 10, 25, 10. After «р.» before a river's name, a region's
/// abbreviation before a district's name as one address, Kazakh postposed
/// initials waiting for the verb and a date with its words as the
/// predicate after a dash: tune 20, 50, 20; held out 10, 25, 10.
#[test]
fn twenty_fifth_tune_set_stays_above_its_floor() {
    check("tune25", [20, 50, 20]);
}

#[test]
fn twenty_fifth_held_out_set_stays_above_its_floor() {
    check("heldout25", [10, 25, 10]);
}

/// The twenty-sixth set: news agency copy (economy, oil and mining,
/// transport, diplomacy), 45 cases a language, about ten run-in headlines
/// in each, by a helper who never saw the rules. Read once: tune 29, 25,
/// 29 of 30; held out 12, 13, 13 of 15. After datelines with a long place
/// and an agency after the dash, a name said twice across a run-in cut
/// and two people's plural verb: tune 30, 29, 29; held out 12, 13, 15.
/// After European legal forms with dots («S.à r.l.») and a Kazakh address
/// as the predicate after a dash: tune 30, 30, 30.
#[test]
fn twenty_sixth_tune_set_stays_above_its_floor() {
    check("tune26", [30, 30, 30]);
}

#[test]
fn twenty_sixth_held_out_set_stays_above_its_floor() {
    check("heldout26", [12, 13, 15]);
}
