//! Adaptation of whole translations: every token kind in every language.

use super::*;

fn adapt(old_en: &str, new_en: &str, target: &str, lang: Lang) -> Adapted {
    Plan::new(old_en, new_en, Lang::En).apply(target, lang)
}

fn text(old_en: &str, new_en: &str, target: &str, lang: Lang) -> String {
    let a = adapt(old_en, new_en, target, lang);
    assert!(a.checks.is_empty(), "{target}: {:?}", a.checks);
    a.text
}

#[test]
fn dateline_in_three_languages() {
    let (o, n) = (
        "ASTANA, 12 March 2026 – The fair opened.",
        "ASTANA, 5 April 2026 – The fair opened.",
    );
    assert_eq!(
        text(
            o,
            n,
            "АСТАНА, 12 марта 2026 г. – Ярмарка открылась.",
            Lang::Ru
        ),
        "АСТАНА, 5 апреля 2026 г. – Ярмарка открылась."
    );
    assert_eq!(
        text(
            o,
            n,
            "АСТАНА, 2026 жылғы 12 наурыз – Жәрмеңке ашылды.",
            Lang::Kk
        ),
        "АСТАНА, 2026 жылғы 5 сәуір – Жәрмеңке ашылды."
    );
}

#[test]
fn months_keep_their_case_and_endings() {
    let (o, n) = ("The park opens in April.", "The park opens in September.");
    assert_eq!(
        text(o, n, "Парк откроется в апреле.", Lang::Ru),
        "Парк откроется в сентябре."
    );
    assert_eq!(
        text(o, n, "Саябақ сәуірде ашылады.", Lang::Kk),
        "Саябақ қыркүйекте ашылады."
    );
    let (o, n) = (
        "Figures for March were published.",
        "Figures for October were published.",
    );
    assert_eq!(
        text(o, n, "Наурыздағы көрсеткіштер жарияланды.", Lang::Kk),
        "Қазандағы көрсеткіштер жарияланды."
    );
    let (o, n) = ("Signed on 19.03.2026.", "Signed on 02.11.2026.");
    assert_eq!(
        text(o, n, "Подписано 19.03.2026.", Lang::Ru),
        "Подписано 02.11.2026."
    );
}

#[test]
fn numbers_in_each_format() {
    let (o, n) = (
        "The fund paid 1,200 grants worth 4.7 billion.",
        "The fund paid 15,300 grants worth 5.25 billion.",
    );
    assert_eq!(
        text(o, n, "Фонд выплатил 1 200 грантов на 4,7 млрд.", Lang::Ru),
        "Фонд выплатил 15 300 грантов на 5,25 млрд."
    );
    let (o, n) = ("Prices rose by 8.6%.", "Prices rose by 9.1%.");
    assert_eq!(
        text(o, n, "Бағалар 8,6%-ға өсті.", Lang::Kk),
        "Бағалар 9,1%-ға өсті."
    );
    let (o, n) = ("Only 3 of them came.", "Only 12000 of them came.");
    assert_eq!(
        text(o, n, "Пришли только 3 из них.", Lang::Ru),
        "Пришли только 12 000 из них."
    );
}

#[test]
fn kazakh_endings_follow_the_new_number() {
    let (o, n) = ("It fell from 41 to 5.", "It fell from 43 to 6.");
    assert_eq!(
        text(o, n, "Ол 41-ден 5-ке дейін азайды.", Lang::Kk),
        "Ол 43-тен 6-ға дейін азайды."
    );
    let (o, n) = ("Nearly 160 came at 9:00.", "Nearly 40 came at 10:30.");
    assert_eq!(
        text(o, n, "Сағат 9:00-де 160-қа жуық адам келді.", Lang::Kk),
        "Сағат 10:30-да 40-қа жуық адам келді."
    );
    let (o, n) = ("This is the 2nd forum.", "This is the 9th forum.");
    assert_eq!(text(o, n, "Бұл 2-ші форум.", Lang::Kk), "Бұл 9-шы форум.");
    assert_eq!(text(o, n, "Бұл 2-форум.", Lang::Kk), "Бұл 9-форум.");
    assert_eq!(text(o, n, "Это 2-й форум.", Lang::Ru), "Это 9-й форум.");
    assert_eq!(
        text(n, o, "This is the 9th forum.", Lang::En),
        "This is the 2nd forum."
    );
}

#[test]
fn ranges_times_and_amounts() {
    let (o, n) = (
        "The plan for 2021–2023 costs $1.5 million.",
        "The plan for 2024–2026 costs $2.5 million.",
    );
    assert_eq!(
        text(
            o,
            n,
            "План на 2021–2023 годы стоит 1,5 млн долларов.",
            Lang::Ru
        ),
        "План на 2024–2026 годы стоит 2,5 млн долларов."
    );
    assert_eq!(
        text(
            o,
            n,
            "2021–2023 жылдарға арналған жоспар 1,5 млн доллар тұрады.",
            Lang::Kk
        ),
        "2024–2026 жылдарға арналған жоспар 2,5 млн доллар тұрады."
    );
    let (o, n) = (
        "The fair runs from 10 to 12 June.",
        "The fair runs from 3 to 5 July.",
    );
    assert_eq!(
        text(o, n, "Ярмарка пройдет с 10 по 12 июня.", Lang::Ru),
        "Ярмарка пройдет с 3 по 5 июля."
    );
}

#[test]
fn russian_agreement() {
    let (o, n) = (
        "The project will cover 5 districts.",
        "The project will cover 2 districts.",
    );
    assert_eq!(
        text(o, n, "Проект охватит 5 районов.", Lang::Ru),
        "Проект охватит 2 района."
    );
    let (o, n) = (
        "More than 300 projects applied.",
        "More than 301 projects applied.",
    );
    assert_eq!(
        text(o, n, "Заявки подали более 300 проектов.", Lang::Ru),
        "Заявки подали более 301 проекта."
    );
    // Unsure agreement: the number is placed, the noun flagged.
    let (o, n) = ("They awarded 5 experts.", "They awarded 21 experts.");
    let a = adapt(o, n, "Наградили 5 экспертов.", Lang::Ru);
    assert_eq!(a.text, "Наградили 21 экспертов.");
    assert!(a.checks[0].contains("agreement"), "{:?}", a.checks);
}

#[test]
fn partial_adaptation_says_what_it_left() {
    // 2026 is not in the translation: 5 is placed, 2026 named.
    let (o, n) = (
        "In 2026 the office hired 5 lawyers.",
        "In 2027 the office hired 6 lawyers.",
    );
    let a = adapt(o, n, "Офис нанял 5 юристов в этом году.", Lang::Ru);
    assert!(a.changed);
    assert!(a.text.contains("6 юристов"));
    assert_eq!(a.checks.len(), 1, "{:?}", a.checks);
    assert!(a.checks[0].contains("2026"));
}

#[test]
fn refuses_to_guess() {
    // A number twice in the source and once in the translation.
    let (o, n) = ("5 teams of 5 people.", "7 teams of 7 people.");
    let a = adapt(o, n, "5 команд по пять человек.", Lang::Ru);
    assert!(!a.changed);
    assert!(!a.checks.is_empty());
    // Changed in one place, not the other.
    let (o, n) = ("5 teams of 5 people.", "7 teams of 5 people.");
    let a = adapt(o, n, "5 команд по 5 человек.", Lang::Ru);
    assert!(!a.changed && !a.checks.is_empty());
    // Look-alikes are never adapted.
    for (o, n, t) in [
        (
            "Call +7 7172 58 00 10.",
            "Call +7 7172 58 00 11.",
            "Звоните +7 7172 58 00 10.",
        ),
        (
            "Law No. 387 applies.",
            "Law No. 388 applies.",
            "Действует закон № 387.",
        ),
        (
            "Version 1.2.3 is out.",
            "Version 1.2.4 is out.",
            "Вышла версия 1.2.3.",
        ),
    ] {
        let a = adapt(o, n, t, Lang::Ru);
        assert_eq!(a.text, t);
        assert!(!a.checks.is_empty(), "{o}");
    }
}

#[test]
fn a_month_repeated_in_a_translations_range_changes_everywhere() {
    let (o, n) = ("Open from 3 to 14 March.", "Open from 7 to 21 April.");
    assert_eq!(
        text(o, n, "3 наурыздан 14 наурызға дейін ашық.", Lang::Kk),
        "7 сәуірден 21 сәуірге дейін ашық."
    );
    let (o, n) = ("More than 1,200 came.", "More than 1,360 came.");
    assert_eq!(
        text(o, n, "1 200-ден астам адам келді.", Lang::Kk),
        "1 360-тан астам адам келді."
    );
}

#[test]
fn months_of_two_dates_are_told_apart_by_their_days() {
    let (o, n) = (
        "Entries close on 20 May and results follow on 30 May.",
        "Entries close on 25 May and results follow on 5 June.",
    );
    assert_eq!(
        text(
            o,
            n,
            "Заявки принимаются до 20 мая, итоги объявят 30 мая.",
            Lang::Ru
        ),
        "Заявки принимаются до 25 мая, итоги объявят 5 июня."
    );
    assert_eq!(
        text(
            o,
            n,
            "Өтінімдер 20 мамырға дейін, қорытынды 30 мамырда.",
            Lang::Kk
        ),
        "Өтінімдер 25 мамырға дейін, қорытынды 5 маусымда."
    );
    // The same day twice: no way to tell, so it is said.
    let (o, n) = ("On 20 May and 20 May.", "On 20 May and 20 June.");
    assert!(!adapt(o, n, "20 мая и 20 мая.", Lang::Ru).checks.is_empty());
}

#[test]
fn four_digit_numbers_are_grouped_as_the_source_groups_them() {
    let (o, n) = ("It will grow to 100.", "It will grow to 1,000.");
    assert_eq!(
        text(o, n, "Вырастет до 100.", Lang::Ru),
        "Вырастет до 1 000."
    );
    assert_eq!(
        text(o, n, "100-ге дейін өседі.", Lang::Kk),
        "1 000-ға дейін өседі."
    );
    let (o, n) = ("In 2025 it grew.", "In 2026 it grew.");
    assert_eq!(
        text(o, n, "В 2025 году вырос.", Lang::Ru),
        "В 2026 году вырос."
    );
}

#[test]
fn the_case_before_a_number_decides_or_is_said() {
    // After a verb: direct case; after a noun: genitive; unknown: said.
    let (o, n) = (
        "They will repair 37 kilometres.",
        "They will repair 41 kilometres.",
    );
    assert_eq!(
        text(o, n, "Отремонтируют 37 километров.", Lang::Ru),
        "Отремонтируют 41 километр."
    );
    let a = adapt(o, n, "Выделено на ремонт 37 километров.", Lang::Ru);
    assert_eq!(a.text, "Выделено на ремонт 41 километров.");
    assert!(a.checks[0].contains("agreement"), "{:?}", a.checks);
    // 5 and more: the same form in every case, so no doubt.
    let (o, n) = ("Repair of 37 kilometres.", "Repair of 45 kilometres.");
    assert_eq!(
        text(o, n, "Ремонт 37 километров.", Lang::Ru),
        "Ремонт 45 километров."
    );
    // Adverbs do not hide the verb.
    let (o, n) = (
        "It will cover only 5 districts.",
        "It will cover only 3 districts.",
    );
    assert_eq!(
        text(o, n, "Охватит всего 5 районов.", Lang::Ru),
        "Охватит всего 3 района."
    );
}

#[test]
fn prepositions_follow_how_the_number_is_read() {
    let (o, n) = ("Held from 3 to 6 November.", "Held from 2 to 6 November.");
    assert_eq!(
        text(o, n, "Пройдет с 3 по 6 ноября.", Lang::Ru),
        "Пройдет со 2 по 6 ноября."
    );
    assert_eq!(text(n, o, "С 2 по 6 ноября.", Lang::Ru), "С 3 по 6 ноября.");
    let (o, n) = ("In the 2nd quarter.", "In the 3rd quarter.");
    assert_eq!(text(o, n, "Во 2 квартале.", Lang::Ru), "В 3 квартале.");
    let a = adapt(n, o, "В 3 квартале.", Lang::Ru);
    assert!(!a.checks.is_empty(), "{a:?}");
}

#[test]
fn the_scale_of_an_amount_changes_with_it() {
    let (o, n) = (
        "The akimat allocated 4.2 billion tenge for roads.",
        "The akimat allocated 850 million tenge for roads.",
    );
    assert_eq!(
        text(o, n, "Акимат выделил 4,2 млрд тенге на дороги.", Lang::Ru),
        "Акимат выделил 850 млн тенге на дороги."
    );
    assert_eq!(
        text(o, n, "Әкімдік жолдарға 4,2 млрд теңге бөлді.", Lang::Kk),
        "Әкімдік жолдарға 850 млн теңге бөлді."
    );
    // Spelt out in Russian, the scale agrees with the number: said.
    let a = adapt(
        o,
        n,
        "Акимат выделил 4,2 миллиарда тенге на дороги.",
        Lang::Ru,
    );
    assert!(a.checks.iter().any(|c| c.contains("billion")), "{a:?}");
    // And the index sees only tokens changed: 95 or more.
    assert!(crate::fuzzy::score::score_texts(n, o, Lang::En) >= 95.0);
}
