//! Unit tests of the segmenter as a whole: one or two per rule family, per
//! language. The command-line tests (`tests/segment_*.rs`) cover the same
//! families through the binary.

use super::*;

fn texts(text: &str, lang: Lang) -> Vec<String> {
    segment(text, lang).into_iter().map(|s| s.text).collect()
}

#[track_caller]
fn check(lang: Lang, text: &str, expected: &[&str]) {
    let got = texts(text, lang);
    assert_eq!(got, expected, "segmenting {text:?}");
}

#[test]
fn offsets_point_into_the_input() {
    let text = "\u{feff}Title\r\n\r\nOne\u{a0}sentence.  Two?\u{a0}\n";
    let segs = segment(text, Lang::En);
    assert_eq!(segs.len(), 3);
    for (i, s) in segs.iter().enumerate() {
        assert_eq!(s.index, i);
        assert_eq!(&text[s.start..s.end], s.text);
    }
    assert_eq!(
        segs.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
        [0, 1, 1]
    );
    assert_eq!(segs[0].text, "Title");
}

#[test]
fn empty_and_blank_texts_have_no_segments() {
    assert!(segment("", Lang::En).is_empty());
    assert!(segment(" \n\r\n\u{a0}\t", Lang::Ru).is_empty());
}

#[test]
fn english_abbreviations() {
    check(
        Lang::En,
        "Mr. Jones met Dr. Lee. It was approx. noon, i.e. lunch time.",
        &[
            "Mr. Jones met Dr. Lee.",
            "It was approx. noon, i.e. lunch time.",
        ],
    );
    check(
        Lang::En,
        "Funds came from the U.S. Embassy. They went to the E.U. The rest stayed.",
        &[
            "Funds came from the U.S. Embassy.",
            "They went to the E.U.",
            "The rest stayed.",
        ],
    );
    check(
        Lang::En,
        "Doors open at 9 a.m. Coffee is served.",
        &["Doors open at 9 a.m.", "Coffee is served."],
    );
}

#[test]
fn russian_year_and_city() {
    check(
        Lang::Ru,
        "Музей открыт в 2019 г. Он работает ежедневно.",
        &["Музей открыт в 2019 г.", "Он работает ежедневно."],
    );
    check(
        Lang::Ru,
        "В 2018–2019 гг. Министерство провело обзор в г. Караганде.",
        &["В 2018–2019 гг. Министерство провело обзор в г. Караганде."],
    );
}

#[test]
fn datelines_with_an_agency_tag() {
    check(
        Lang::Ru,
        "АСТАНА, 5 дек. 2015 г. /Пресс-служба/ – Сегодня прошло заседание. Оно длилось час.",
        &[
            "АСТАНА, 5 дек. 2015 г. /Пресс-служба/ – Сегодня прошло заседание.",
            "Оно длилось час.",
        ],
    );
}

#[test]
fn kazakh_year_before_a_name() {
    check(
        Lang::Kk,
        "Көрме 2016 ж. Алматыда өтті. Ол сәтті болды.",
        &["Көрме 2016 ж. Алматыда өтті.", "Ол сәтті болды."],
    );
}

#[test]
fn initials_and_numbers() {
    check(
        Lang::Ru,
        "Доклад сделал В.П. Орлов. Рост составил 3,5%.",
        &["Доклад сделал В.П. Орлов.", "Рост составил 3,5%."],
    );
    check(
        Lang::En,
        "Prices rose 2.5 per cent. 2020 was hard.",
        &["Prices rose 2.5 per cent.", "2020 was hard."],
    );
}

#[test]
fn quotes_and_attribution() {
    check(
        Lang::Ru,
        "«Что дальше?» – спросил он. «Работа продолжится. Мы готовы».",
        &[
            "«Что дальше?» – спросил он.",
            "«Работа продолжится.",
            "Мы готовы».",
        ],
    );
    check(
        Lang::Kk,
        "«Бәрі дайын ба? », – деп сұрады ол.",
        &["«Бәрі дайын ба? », – деп сұрады ол."],
    );
    check(
        Lang::En,
        "She called it “a turning point.” Then she left.",
        &["She called it “a turning point.”", "Then she left."],
    );
}

#[test]
fn lists_and_bullets() {
    check(
        Lang::En,
        "Agenda:\n1. Opening.\n2. Reports.\nTopics: • water • energy",
        &[
            "Agenda:",
            "1. Opening.",
            "2. Reports.",
            "Topics:",
            "• water",
            "• energy",
        ],
    );
}

#[test]
fn urls_and_emails_stay_whole() {
    check(
        Lang::En,
        "See https://example.org/a.b?c=d! Write to info@example.org. Thanks.",
        &[
            "See https://example.org/a.b?c=d!",
            "Write to info@example.org.",
            "Thanks.",
        ],
    );
}

#[test]
fn join_lines_joins_wrapped_text() {
    let text = "The first sentence is\nwrapped. The second\nis too.\n\nNew paragraph.";
    let segs = segment_with(text, Lang::En, Options { join_lines: true });
    let got: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        got,
        [
            "The first sentence is\nwrapped.",
            "The second\nis too.",
            "New paragraph."
        ]
    );
    assert_eq!(segs[2].paragraph, 1);
}

#[test]
fn odd_input_never_panics() {
    let odd = [
        ".",
        "...",
        "?!",
        "« »",
        "\"",
        "1.",
        "a.",
        "Mr.",
        "т. д.",
        "•",
        "• •",
        ". . .",
        "\u{feff}",
        "\r",
        "\u{2029}",
        "Ж.-",
        "-.",
        "“.”",
        "…»",
        "(.)",
        "A.B.C.D.E.F.",
    ];
    for t in odd {
        for lang in Lang::ALL {
            for join_lines in [false, true] {
                for s in segment_with(t, lang, Options { join_lines }) {
                    assert_eq!(&t[s.start..s.end], s.text);
                    assert!(!s.text.is_empty());
                }
            }
        }
    }
}

#[test]
fn random_mixes_of_tricky_characters_keep_the_invariants() {
    // A deterministic generator over the characters the rules look at.
    let alphabet: Vec<char> = "aZжҚ1 .?!…»«“”\"'()-–—•\n\r\u{a0}\u{feff}\u{2028}:,;@/Ә"
        .chars()
        .collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(state % 24) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        for lang in Lang::ALL {
            let join_lines = state.is_multiple_of(2);
            let segs = segment_with(&text, lang, Options { join_lines });
            let mut last_end = 0;
            for (i, s) in segs.iter().enumerate() {
                assert_eq!(s.index, i);
                assert_eq!(&text[s.start..s.end], s.text, "{text:?}");
                assert!(!s.text.is_empty() && s.start >= last_end, "{text:?}");
                assert_eq!(s.text.trim_matches(super::chars::is_space), s.text);
                last_end = s.end;
            }
        }
    }
}

#[test]
fn runs_longer_than_the_limit_are_cut_at_spaces() {
    let text = "слово ".repeat(1_000) + "конец.";
    let segs = segment(&text, Lang::Ru);
    assert!(segs.len() > 1);
    for s in &segs {
        assert!(s.text.chars().count() <= crate::segment::MAX_SEGMENT_CHARS);
        assert_eq!(&text[s.start..s.end], s.text);
        assert!(s.text.starts_with("слово") || s.text == "конец.");
    }
    let joined: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined.join(" "), text.trim());
    // No space at all: a hard cut on a character boundary.
    let blob = "ж".repeat(5_000);
    let segs = segment(&blob, Lang::Kk);
    assert_eq!(segs.len(), 3);
    assert_eq!(
        segs[0].text.chars().count(),
        crate::segment::MAX_SEGMENT_CHARS
    );
}

#[test]
fn footnote_marks_stay_with_their_sentence() {
    let segs =
        |t: &str, l: Lang| -> Vec<String> { segment(t, l).into_iter().map(|s| s.text).collect() };
    assert_eq!(
        segs("Cases fell in 2024.¹ The report was published.", Lang::En),
        ["Cases fell in 2024.¹", "The report was published."]
    );
    assert_eq!(
        segs("Охват вырос до 90%.[12] Отчет опубликован.", Lang::Ru),
        ["Охват вырос до 90%.[12]", "Отчет опубликован."]
    );
    assert_eq!(
        segs(
            "Деректер алдын ала берілген.* Түпкілікті есеп наурызда шығады.",
            Lang::Kk
        ),
        [
            "Деректер алдын ала берілген.*",
            "Түпкілікті есеп наурызда шығады."
        ]
    );
}

#[test]
fn a_headline_run_into_the_first_sentence_is_cut_off() {
    let segs =
        |t: &str, l: Lang| -> Vec<String> { segment(t, l).into_iter().map(|s| s.text).collect() };
    assert_eq!(
        segs(
            "New clinic opens in Aktobe The Ministry of Health opened a clinic for 200 patients.",
            Lang::En
        ),
        [
            "New clinic opens in Aktobe",
            "The Ministry of Health opened a clinic for 200 patients."
        ]
    );
    assert_eq!(
        segs(
            "В Семее открылся парк СЕМЕЙ, 12 июня 2026 года – Акимат открыл парк.",
            Lang::Ru
        ),
        [
            "В Семее открылся парк",
            "СЕМЕЙ, 12 июня 2026 года – Акимат открыл парк."
        ]
    );
    // Russian and Kazakh: the lede repeats the headline's words.
    assert_eq!(
        segs("Акимат Туркестана построит новые больницы Акимат Туркестана до 2028 года построит две больницы на 300 коек.", Lang::Ru),
        ["Акимат Туркестана построит новые больницы", "Акимат Туркестана до 2028 года построит две больницы на 300 коек."]
    );
    // A sentence that only goes on past a name is not cut.
    assert_eq!(
        segs(
            "Делегация посетила музей Абая и встретилась со студентами университета.",
            Lang::Ru
        )
        .len(),
        1
    );
    // A title-case headline keeps its capitalised words; no-break spaces
    // are spaces.
    assert_eq!(
        segs("Why Voters Will Choose The Party They Know best.", Lang::En).len(),
        1
    );
    assert_eq!(
        segs("Парк\u{a0}открылся в\u{a0}городе Абай сегодня.", Lang::Ru).len(),
        1
    );
}

#[test]
fn a_headline_ends_at_a_name_not_at_a_preposition_and_a_dateline_comes_first() {
    let segs =
        |t: &str, l: Lang| -> Vec<String> { segment(t, l).into_iter().map(|s| s.text).collect() };
    // The lede repeats "библиотеку", "Павлодаре", "открыли": the cut is
    // after the name, not between «в» and «Павлодаре».
    assert_eq!(
        segs("Детскую библиотеку открыли в Павлодаре Новую детскую библиотеку открыли в Павлодаре на улице Торайгырова.", Lang::Ru),
        ["Детскую библиотеку открыли в Павлодаре", "Новую детскую библиотеку открыли в Павлодаре на улице Торайгырова."]
    );
    // A dateline wins over an earlier cut that the lede's words allow.
    assert_eq!(
        segs("Мост через Урал открыли в Уральске УРАЛЬСК, 2 мая 2026 года – Новый мост через Урал открыли в Уральске сегодня.", Lang::Ru),
        ["Мост через Урал открыли в Уральске", "УРАЛЬСК, 2 мая 2026 года – Новый мост через Урал открыли в Уральске сегодня."]
    );
    // A word that starts sentences and is never a name («Согласно», «Это»).
    assert_eq!(
        segs("Правительство утвердило план газификации сел Согласно плану, газ получат еще 300 населенных пунктов.", Lang::Ru),
        ["Правительство утвердило план газификации сел", "Согласно плану, газ получат еще 300 населенных пунктов."]
    );
    // A capital preposition of one letter before a lower-case word.
    assert_eq!(
        segs(
            "Сезон катков откроется в декабре В этом году в столице зальют 40 катков.",
            Lang::Ru
        ),
        [
            "Сезон катков откроется в декабре",
            "В этом году в столице зальют 40 катков."
        ]
    );
    // An acronym may open the lede.
    assert_eq!(
        segs("ЮНЕСКО офисі мұражай қызметкерлерін оқытты ЮНЕСКО-ның Алматыдағы кластерлік бюросы мұражай қызметкерлерін оқытты.", Lang::Kk),
        ["ЮНЕСКО офисі мұражай қызметкерлерін оқытты", "ЮНЕСКО-ның Алматыдағы кластерлік бюросы мұражай қызметкерлерін оқытты."]
    );
    // A headline may quote a name; no sentence starts inside the quotes.
    assert_eq!(
        segs("Акимат объявил конкурс «Лучший двор» Акимат Павлодара объявил конкурс «Лучший двор» среди жителей многоэтажных домов.", Lang::Ru),
        ["Акимат объявил конкурс «Лучший двор»", "Акимат Павлодара объявил конкурс «Лучший двор» среди жителей многоэтажных домов."]
    );
    // English: a lede that repeats the headline's words and number.
    assert_eq!(
        segs("Coal output reaches 120 million tonnes Miners in Karaganda region produced 120 million tonnes of coal this year.", Lang::En),
        ["Coal output reaches 120 million tonnes", "Miners in Karaganda region produced 120 million tonnes of coal this year."]
    );
}

#[test]
fn initials_after_a_surname_end_a_sentence_before_a_capitalised_word() {
    check(
        Lang::Ru,
        "Приказ подписал директор департамента Сейткалиев Н. Б. Документ вступает в силу сегодня.",
        &[
            "Приказ подписал директор департамента Сейткалиев Н. Б.",
            "Документ вступает в силу сегодня.",
        ],
    );
    check(
        Lang::Kk,
        "Хатқа қол қойған – басқарма басшысы Жұмабекова Г. Т. Жауап бір айда берілді.",
        &[
            "Хатқа қол қойған – басқарма басшысы Жұмабекова Г. Т.",
            "Жауап бір айда берілді.",
        ],
    );
    // Initials before a surname, and a title before initials, stay.
    check(
        Lang::Ru,
        "Послание Президента Казахстана К.-Ж. Токаева обсудили в Сенате. Депутат Омарова Д. К. Мусина А. Н. и другие выступили.",
        &[
            "Послание Президента Казахстана К.-Ж. Токаева обсудили в Сенате.",
            "Депутат Омарова Д. К. Мусина А. Н. и другие выступили.",
        ],
    );
}

#[test]
fn a_reference_abbreviation_before_a_capitalised_word_is_the_word_ending_a_sentence() {
    check(
        Lang::En,
        "Under Sec. 4 and Art. 17, the grant went to the Academy of Fine Art. Twelve students share it. See p. 9.",
        &[
            "Under Sec. 4 and Art. 17, the grant went to the Academy of Fine Art.",
            "Twelve students share it.",
            "See p. 9.",
        ],
    );
}

#[test]
fn a_year_that_is_the_predicate_after_a_dash_ends_its_sentence() {
    check(
        Lang::Ru,
        "Срок сдачи объекта – 2026 г. Подрядчик уже приступил к работам.",
        &[
            "Срок сдачи объекта – 2026 г.",
            "Подрядчик уже приступил к работам.",
        ],
    );
    check(
        Lang::Kk,
        "Жобаның бастапқы мерзімі – 2024 ж. Мердігер оны кешіктірді.",
        &[
            "Жобаның бастапқы мерзімі – 2024 ж.",
            "Мердігер оны кешіктірді.",
        ],
    );
    // Before a noun in the instrumental it still goes on.
    check(
        Lang::Kk,
        "Жаңа мерзім – 2027 ж. Үкіметпен келісілді.",
        &["Жаңа мерзім – 2027 ж. Үкіметпен келісілді."],
    );
}

#[test]
fn a_kazakh_headline_ends_with_its_finite_verb() {
    check(
        Lang::Kk,
        "Ақтөбеде жаңа спорт кешені салынады Облыс әкімдігі 2027 жылға дейін үш мың орындық кешен салуды жоспарлап отыр.",
        &[
            "Ақтөбеде жаңа спорт кешені салынады",
            "Облыс әкімдігі 2027 жылға дейін үш мың орындық кешен салуды жоспарлап отыр.",
        ],
    );
    // After «деп» the verb is an attribution, and its subject follows.
    check(
        Lang::Kk,
        "Мемлекет басшысы заңға қол қойды деп хабарлады Ақорданың баспасөз қызметі бүгін таңертең.",
        &["Мемлекет басшысы заңға қол қойды деп хабарлады Ақорданың баспасөз қызметі бүгін таңертең."],
    );
}

#[test]
fn a_year_after_words_with_no_verb_stays_inside_the_sentence() {
    check(
        Lang::Ru,
        "Протокол заседания комиссии от 03.04.2025 г. Министерство опубликовало на сайте. Это самый крупный проект с 2015 г. Строительство начнется весной.",
        &[
            "Протокол заседания комиссии от 03.04.2025 г. Министерство опубликовало на сайте.",
            "Это самый крупный проект с 2015 г.",
            "Строительство начнется весной.",
        ],
    );
}

#[test]
fn year_abbreviations_end_a_clause_before_a_number_and_stay_before_an_instrumental() {
    let segs =
        |t: &str, l: Lang| -> Vec<String> { segment(t, l).into_iter().map(|s| s.text).collect() };
    assert_eq!(
        segs(
            "Открытие театра перенесено на 2027 г. 15 мая пройдут слушания.",
            Lang::Ru
        ),
        [
            "Открытие театра перенесено на 2027 г.",
            "15 мая пройдут слушания."
        ]
    );
    assert_eq!(
        segs(
            "Положение утверждено 05.06.2019 г. Правительством республики.",
            Lang::Ru
        )
        .len(),
        1
    );
    assert_eq!(
        segs(
            "В 2023 г. закупили 12 машин, а в 2024 г. Фонд закупил еще 8.",
            Lang::Ru
        )
        .len(),
        1
    );
    // An adjective in the instrumental opens the agent's phrase too; a
    // name in «-им» with no such noun after it opens a sentence.
    assert_eq!(
        segs(
            "Фонд учрежден в 2008 г. Высшим аудиторским советом при министерстве.",
            Lang::Ru
        )
        .len(),
        1
    );
    assert_eq!(
        segs(
            "Контракт подписан в 2021 г. Ибрагим Сейтов руководит проектом.",
            Lang::Ru
        )
        .len(),
        2
    );
    // A Kazakh date whose year comes first is one date.
    assert_eq!(
        segs("Жоба 2014 ж. 10 маусымда бекітілді.", Lang::Kk).len(),
        1
    );
}

#[test]
fn transliterated_initials_company_forms_and_references() {
    let segs =
        |t: &str, l: Lang| -> Vec<String> { segment(t, l).into_iter().map(|s| s.text).collect() };
    assert_eq!(
        segs("Minister A. Zh. Bekova and Ye. Sh. Omarov spoke.", Lang::En).len(),
        1
    );
    assert_eq!(
        segs(
            "The contract went to Harbour Engineering Co. Ltd. Work starts in May.",
            Lang::En
        ),
        [
            "The contract went to Harbour Engineering Co. Ltd.",
            "Work starts in May."
        ]
    );
    assert_eq!(
        segs("Under para. 3 of the rules, plans are public.", Lang::En).len(),
        1
    );
    assert_eq!(
        segs("Мәтін жинақтың 3-т. 112-б. жарияланды.", Lang::Kk).len(),
        1
    );
}

#[test]
fn a_russian_headline_with_its_own_predicate_ends_before_the_ledes_subject() {
    check(
        Lang::Ru,
        "Минтруда подписало соглашение с профсоюзами горняков Стороны договорились о повышении зарплат на 12%. Соглашение действует три года.",
        &[
            "Минтруда подписало соглашение с профсоюзами горняков",
            "Стороны договорились о повышении зарплат на 12%.",
            "Соглашение действует три года.",
        ],
    );
    check(
        Lang::Ru,
        "Реконструкция вокзала завершена в Петропавловске Акимат города выделил на нее 3 млрд тенге. Вокзал открыт.",
        &[
            "Реконструкция вокзала завершена в Петропавловске",
            "Акимат города выделил на нее 3 млрд тенге.",
            "Вокзал открыт.",
        ],
    );
    // One sentence: the second verb is joined by a conjunction, or no
    // verb stands before the capitalised word («жители» is a noun).
    check(
        Lang::Ru,
        "Министр посетил Жамбылскую область и провел прием граждан в Таразе. Прием длился пять часов.",
        &[
            "Министр посетил Жамбылскую область и провел прием граждан в Таразе.",
            "Прием длился пять часов.",
        ],
    );
    check(
        Lang::Ru,
        "Все жители Северной и Восточной Азии получили доступ к новой платформе бесплатно. Регистрация открыта.",
        &[
            "Все жители Северной и Восточной Азии получили доступ к новой платформе бесплатно.",
            "Регистрация открыта.",
        ],
    );
}

#[test]
fn a_starter_opens_an_english_lede_after_a_headline_ending_in_a_name() {
    check(
        Lang::En,
        "Prime Minister receives President of the Asian Development Bank Masato Kanda During the talks, the sides reviewed a new loan for irrigation. The loan totals USD 300 million.",
        &[
            "Prime Minister receives President of the Asian Development Bank Masato Kanda",
            "During the talks, the sides reviewed a new loan for irrigation.",
            "The loan totals USD 300 million.",
        ],
    );
}

#[test]
fn dzh_is_an_initial_and_subpara_stands_before_a_number() {
    check(
        Lang::Ru,
        "С докладом выступил Дж. Р. Браун из Всемирного банка. Он представил прогноз роста.",
        &[
            "С докладом выступил Дж. Р. Браун из Всемирного банка.",
            "Он представил прогноз роста.",
        ],
    );
    check(
        Lang::En,
        "The fee is waived under subpara. 4 of the Order. It applies to pensioners.",
        &[
            "The fee is waived under subpara. 4 of the Order.",
            "It applies to pensioners.",
        ],
    );
}

#[test]
fn a_registry_code_after_a_reference_abbreviation_ends_nothing() {
    check(
        Lang::En,
        "The permit No. AKM-2026-0117 was issued in June. It is valid for a year.",
        &[
            "The permit No. AKM-2026-0117 was issued in June.",
            "It is valid for a year.",
        ],
    );
    check(
        Lang::Ru,
        "Лицензия № KZ77LIC0004512 продлена. Срок ее действия – пять лет.",
        &[
            "Лицензия № KZ77LIC0004512 продлена.",
            "Срок ее действия – пять лет.",
        ],
    );
}

#[test]
fn tonnes_after_a_number_and_its_thousands_end_a_sentence() {
    check(
        Lang::Ru,
        "На элеваторы поступило 85 тыс. т. Приемка зерна продолжится до ноября, в т. 2 отчета приведены детали.",
        &[
            "На элеваторы поступило 85 тыс. т.",
            "Приемка зерна продолжится до ноября, в т. 2 отчета приведены детали.",
        ],
    );
    check(
        Lang::Kk,
        "Биыл облыста 1,3 млн т. Күздік бидай егісі де ұлғайды.",
        &["Биыл облыста 1,3 млн т.", "Күздік бидай егісі де ұлғайды."],
    );
    // Before a number it is a volume («т. 3»), ending nothing.
    check(
        Lang::Ru,
        "Данные приведены в т. 3 Сборника статистики за 2024 год.",
        &["Данные приведены в т. 3 Сборника статистики за 2024 год."],
    );
}

#[test]
fn a_lede_may_open_with_initials_and_a_surname() {
    check(
        Lang::En,
        "Fine for illegal fishing in Ishim river B. Nurtazin, head of the regional fisheries inspection, said the boat had been seized.",
        &[
            "Fine for illegal fishing in Ishim river",
            "B. Nurtazin, head of the regional fisheries inspection, said the boat had been seized.",
        ],
    );
    check(
        Lang::Kk,
        "Есіл өзенінде заңсыз балық аулаған адам айыппұл төледі Б. Нұртазиннің айтуынша, құқық бұзушының қайығы мен ауы тәркіленді.",
        &[
            "Есіл өзенінде заңсыз балық аулаған адам айыппұл төледі",
            "Б. Нұртазиннің айтуынша, құқық бұзушының қайығы мен ауы тәркіленді.",
        ],
    );
    // After a verb of saying, or a past verb, initials name its subject.
    check(
        Lang::En,
        "The fine was announced by the head of the inspection B. Nurtazin at a briefing in Petropavl.",
        &["The fine was announced by the head of the inspection B. Nurtazin at a briefing in Petropavl."],
    );
    check(
        Lang::Kk,
        "Бұл туралы облыстық инспекция басшысы Б. Нұртазин брифингте мәлімдеді.",
        &["Бұл туралы облыстық инспекция басшысы Б. Нұртазин брифингте мәлімдеді."],
    );
}

#[test]
fn a_kazakh_place_in_a_case_after_a_dash_closes_a_headline() {
    check(
        Lang::Kk,
        "Облыстық шахмат турнирі – Семейде Турнирге 14 ауданнан 120 оқушы қатысады. Жеңімпаздар республикалық кезеңге өтеді.",
        &[
            "Облыстық шахмат турнирі – Семейде",
            "Турнирге 14 ауданнан 120 оқушы қатысады.",
            "Жеңімпаздар республикалық кезеңге өтеді.",
        ],
    );
    // A place in a case is no speaker's name of two words, so the lede
    // opens at the word after it, not at the number.
    check(
        Lang::Kk,
        "Жасөспірімдер робототехника олимпиадасы – Шымкентте Олимпиадаға 20 мектептен 300-ден астам оқушы келді.",
        &[
            "Жасөспірімдер робототехника олимпиадасы – Шымкентте",
            "Олимпиадаға 20 мектептен 300-ден астам оқушы келді.",
        ],
    );
}

#[test]
fn a_percentage_may_end_a_headline() {
    check(
        Lang::Ru,
        "Безработица в Павлодарской области снизилась до 4,6% По данным управления занятости, за год трудоустроены 9 тысяч человек.",
        &[
            "Безработица в Павлодарской области снизилась до 4,6%",
            "По данным управления занятости, за год трудоустроены 9 тысяч человек.",
        ],
    );
}

#[test]
fn a_headline_naming_its_speaker_after_a_dash_ends_after_the_name() {
    check(
        Lang::En,
        "Irrigation canals will be repaired by May – Aidar Seitkali Farmers in three districts asked for repairs last autumn.",
        &[
            "Irrigation canals will be repaired by May – Aidar Seitkali",
            "Farmers in three districts asked for repairs last autumn.",
        ],
    );
    check(
        Lang::Kk,
        "Ауыл мектептері жаңа жабдық алады – Асқар Нұрланұлы Биыл 300 мектепке зертхана жабдығы жеткізіледі.",
        &[
            "Ауыл мектептері жаңа жабдық алады – Асқар Нұрланұлы",
            "Биыл 300 мектепке зертхана жабдығы жеткізіледі.",
        ],
    );
    // Too short a phrase before the dash to be a headline.
    check(
        Lang::En,
        "Kazakhstan – Korea Business Council met in Seoul to discuss new projects.",
        &["Kazakhstan – Korea Business Council met in Seoul to discuss new projects."],
    );
}

#[test]
fn a_kazakh_headline_may_end_in_the_simple_past_of_a_verb() {
    check(
        Lang::Kk,
        "Еңбек министрі жұмыс берушілермен кездесті Кездесуде жалақы мен еңбек қауіпсіздігі мәселелері қаралды.",
        &[
            "Еңбек министрі жұмыс берушілермен кездесті",
            "Кездесуде жалақы мен еңбек қауіпсіздігі мәселелері қаралды.",
        ],
    );
    // An accusative ends alike and goes on to its verb.
    check(
        Lang::Kk,
        "Министр жаңа ауруханада жабдықталған операция бөлмесін және Балалар бөлімшесін аралап көрді.",
        &["Министр жаңа ауруханада жабдықталған операция бөлмесін және Балалар бөлімшесін аралап көрді."],
    );
}

#[test]
fn the_russian_second_predicate_needs_a_nominative_subject() {
    // An instrumental after a participle is inside one phrase.
    check(
        Lang::Ru,
        "Акимат одобрил подготовленные Управлением образования планы ремонта сельских школ.",
        &["Акимат одобрил подготовленные Управлением образования планы ремонта сельских школ."],
    );
    // A short participle can be the lede's predicate, one in «-ан» too.
    check(
        Lang::Ru,
        "Казахстан и Оман подписали соглашение о воздушном сообщении Документ подписан министрами транспорта двух стран.",
        &[
            "Казахстан и Оман подписали соглашение о воздушном сообщении",
            "Документ подписан министрами транспорта двух стран.",
        ],
    );
    check(
        Lang::Ru,
        "В Павлодаре открылся центр реабилитации Центр оборудован аппаратами из Германии и Японии.",
        &[
            "В Павлодаре открылся центр реабилитации",
            "Центр оборудован аппаратами из Германии и Японии.",
        ],
    );
}

#[test]
fn an_english_lede_starts_at_its_subject_before_a_past_verb() {
    check(
        Lang::En,
        "Ministry trains rural doctors in telemedicine Participants completed the course in March.",
        &[
            "Ministry trains rural doctors in telemedicine",
            "Participants completed the course in March.",
        ],
    );
    check(
        Lang::En,
        "Road repairs begin in Pavlodar Region Crews have resurfaced 30 kilometres since Monday.",
        &[
            "Road repairs begin in Pavlodar Region",
            "Crews have resurfaced 30 kilometres since Monday.",
        ],
    );
    // Reported speech and a name after a lower-case title stay whole.
    check(
        Lang::En,
        "Ministry spokesman Arman Ospanov said Kazakhstan exported more wheat than planned.",
        &["Ministry spokesman Arman Ospanov said Kazakhstan exported more wheat than planned."],
    );
    check(
        Lang::En,
        "The contract was awarded after a review by chief engineer Dana Abenova was completed in May.",
        &["The contract was awarded after a review by chief engineer Dana Abenova was completed in May."],
    );
}

#[test]
fn initials_after_a_korean_name_complete_it() {
    check(
        Lang::Ru,
        "Доклад представил инженер Пак Ч. Комиссия одобрила его без замечаний.",
        &[
            "Доклад представил инженер Пак Ч.",
            "Комиссия одобрила его без замечаний.",
        ],
    );
    check(
        Lang::Ru,
        "В совещании участвовали А. Ли и Б. Цой из корейского агентства.",
        &["В совещании участвовали А. Ли и Б. Цой из корейского агентства."],
    );
}

#[test]
fn a_russian_headline_may_hold_a_participial_phrase_after_a_comma() {
    // The comma before «прибывшими» opens a phrase of the noun before it;
    // the lede's verb «провели» follows its subject «Стороны».
    check(
        Lang::Ru,
        "Министр энергетики встретился с инвесторами, прибывшими из Сингапура Стороны провели переговоры о строительстве ГЭС.",
        &[
            "Министр энергетики встретился с инвесторами, прибывшими из Сингапура",
            "Стороны провели переговоры о строительстве ГЭС.",
        ],
    );
}

#[test]
fn the_russian_ledes_verb_may_be_present_or_a_past_of_yti() {
    // «полагают» (a present after a vowel) ends its clause with a comma.
    check(
        Lang::Ru,
        "Полиция задержала подозреваемых в краже скота Следователи полагают, что группа действовала три года.",
        &[
            "Полиция задержала подозреваемых в краже скота",
            "Следователи полагают, что группа действовала три года.",
        ],
    );
    check(
        Lang::Ru,
        "Студенты завершили летнюю практику в Атырау Учебные занятия прошли на нефтяных месторождениях региона.",
        &[
            "Студенты завершили летнюю практику в Атырау",
            "Учебные занятия прошли на нефтяных месторождениях региона.",
        ],
    );
}

#[test]
fn a_plural_noun_after_its_adjective_is_no_russian_verb() {
    // «серебряные медали»: «медали» looks like a past tense, but a full
    // adjective stands before it.
    check(
        Lang::Ru,
        "Гимнастки завоевали две серебряные медали в Баку Судьи высоко оценили их вольную программу.",
        &[
            "Гимнастки завоевали две серебряные медали в Баку",
            "Судьи высоко оценили их вольную программу.",
        ],
    );
}

#[test]
fn a_kazakh_headline_ends_with_a_past_after_its_object() {
    // «көпірді бұзды»: after an accusative object, «-ды» is the verb.
    check(
        Lang::Kk,
        "Облыс әкімдігі ескі көпірді бұзды Жаңа көпір құрылысы көктемде басталып, күзде аяқталады.",
        &[
            "Облыс әкімдігі ескі көпірді бұзды",
            "Жаңа көпір құрылысы көктемде басталып, күзде аяқталады.",
        ],
    );
}

#[test]
fn a_kazakh_headline_may_end_in_a_passive_of_a_verb_in_ta_da_la() {
    // «аяқталды»: the passive of a verb in «-та».
    check(
        Lang::Kk,
        "Ақтөбеде жаңа спорт кешенінің құрылысы аяқталды Кешенде жүзу бассейні мен үш спорт залы орналасқан.",
        &[
            "Ақтөбеде жаңа спорт кешенінің құрылысы аяқталды",
            "Кешенде жүзу бассейні мен үш спорт залы орналасқан.",
        ],
    );
}

#[test]
fn a_kazakh_present_in_yd_is_no_object() {
    // A present in «-йді» is no object: «деді» after it is no verb of a
    // headline.
    check(
        Lang::Kk,
        "Бұл шешім соттың тәуелсіз екенін дәлелдейді деді Асқар Бекұлы, құқық қорғау ұйымының өкілі.",
        &["Бұл шешім соттың тәуелсіз екенін дәлелдейді деді Асқар Бекұлы, құқық қорғау ұйымының өкілі."],
    );
}

#[test]
fn a_number_opens_a_lede_only_with_a_predicate_of_its_own() {
    // The lede's subject is counted: its verb agrees with the number.
    check(
        Lang::Ru,
        "Фермеры Павлодарской области завершили сев пшеницы 1,2 млн гектаров засеяно за три недели. Это на неделю быстрее, чем в прошлом году.",
        &[
            "Фермеры Павлодарской области завершили сев пшеницы",
            "1,2 млн гектаров засеяно за три недели.",
            "Это на неделю быстрее, чем в прошлом году.",
        ],
    );
    // A genitive plural in «-л» is no predicate: the number is an object.
    check(
        Lang::Ru,
        "В 2025 году министерство открыло 12 новых школ. Это рекорд.",
        &[
            "В 2025 году министерство открыло 12 новых школ.",
            "Это рекорд.",
        ],
    );
    check(
        Lang::En,
        "Pavlodar farmers finish sowing wheat 1.2 million hectares were sown in three weeks. That is a week faster than last year.",
        &[
            "Pavlodar farmers finish sowing wheat",
            "1.2 million hectares were sown in three weeks.",
            "That is a week faster than last year.",
        ],
    );
    // A number after a present verb is its object.
    check(
        Lang::En,
        "Survey of rural districts indicates 40 schools were short of teachers in the autumn.",
        &["Survey of rural districts indicates 40 schools were short of teachers in the autumn."],
    );
    check(
        Lang::Kk,
        "Павлодар диқандары бидай егісін аяқтады 1,2 млн гектар жерге үш аптада тұқым себілді. Бұл былтырғыдан бір апта жылдам.",
        &[
            "Павлодар диқандары бидай егісін аяқтады",
            "1,2 млн гектар жерге үш аптада тұқым себілді.",
            "Бұл былтырғыдан бір апта жылдам.",
        ],
    );
    // An accusative before an amount is no verb.
    check(
        Lang::Kk,
        "Сарапшылар жылдық залалды 300 млн долларға бағалайды. Жоба үш жылға созылады.",
        &[
            "Сарапшылар жылдық залалды 300 млн долларға бағалайды.",
            "Жоба үш жылға созылады.",
        ],
    );
}

#[test]
fn run_in_headlines_with_a_quoted_name_a_speaker_or_a_title() {
    // A name in straight quotes is inside the headline.
    check(
        Lang::En,
        "Akimat widens \"Clean Yard\" campaign to 40 more districts The campaign, started in May, pays residents to sort their waste.",
        &[
            "Akimat widens \"Clean Yard\" campaign to 40 more districts",
            "The campaign, started in May, pays residents to sort their waste.",
        ],
    );
    // A speaker of one word after the dash: an acronym, or a word before
    // a capital preposition; a two-word name stays a name.
    check(
        Lang::Ru,
        "Число ДТП в Астане снизилось на 15% – Минтранс По данным ведомства, за год погибли 48 человек.",
        &[
            "Число ДТП в Астане снизилось на 15% – Минтранс",
            "По данным ведомства, за год погибли 48 человек.",
        ],
    );
    check(
        Lang::En,
        "Ministry of Education to open 200 new schools – Gani Beisembayev said the schools would open in 2027.",
        &["Ministry of Education to open 200 new schools – Gani Beisembayev said the schools would open in 2027."],
    );
    // A title opens the subject, not the name's last word.
    check(
        Lang::Ru,
        "Минэнерго открыло подстанцию в Кокшетау Министр энергетики Ерлан Сатыбалдин принял участие в церемонии.",
        &[
            "Минэнерго открыло подстанцию в Кокшетау",
            "Министр энергетики Ерлан Сатыбалдин принял участие в церемонии.",
        ],
    );
    // A Kazakh postposition goes on with its clause.
    check(
        Lang::Kk,
        "Алматы дәріханаларына жаңа ереже 1 наурыздан бастап Алматыдағы барлық дәріханалар жаңа ереже бойынша жұмыс істейді.",
        &["Алматы дәріханаларына жаңа ереже 1 наурыздан бастап Алматыдағы барлық дәріханалар жаңа ереже бойынша жұмыс істейді."],
    );
}

#[test]
fn a_release_headline_with_a_quoted_name_runs_into_a_counted_lede() {
    check(
        Lang::En,
        "Akimat opens \"Green Yard\" centre in Taraz 1,200 residents visited the new recycling centre on its first day, the akimat said.",
        &[
            "Akimat opens \"Green Yard\" centre in Taraz",
            "1,200 residents visited the new recycling centre on its first day, the akimat said.",
        ],
    );
    // Speech in straight quotes is no headline.
    check(
        Lang::En,
        "\"It was a good week for us because Aktobe are a strong side,\" said the 31-year-old.",
        &["\"It was a good week for us because Aktobe are a strong side,\" said the 31-year-old."],
    );
    // The simple past of a listed verb stem ends a Kazakh headline before
    // a number.
    check(
        Lang::Kk,
        "Әкімдік Таразда «Жасыл аула» орталығын ашты 1200 тұрғын жаңа орталыққа алғашқы күні келді.",
        &[
            "Әкімдік Таразда «Жасыл аула» орталығын ашты",
            "1200 тұрғын жаңа орталыққа алғашқы күні келді.",
        ],
    );
}

#[test]
fn a_headline_runs_into_direct_speech_with_its_attribution() {
    check(
        Lang::Ru,
        "Министр посетил новую школу в Косшы «Здесь будут учиться тысяча двести детей», – сказал министр на открытии.",
        &[
            "Министр посетил новую школу в Косшы",
            "«Здесь будут учиться тысяча двести детей», – сказал министр на открытии.",
        ],
    );
    check(
        Lang::En,
        "Akim opens new library in Kosshy “Every village deserves a place to read,” the akim said at the opening.",
        &[
            "Akim opens new library in Kosshy",
            "“Every village deserves a place to read,” the akim said at the opening.",
        ],
    );
    check(
        Lang::Kk,
        "Жаңа кітапхана – ауыл жастарына „Бұл кітапхана бәріміз үшін ашылды“, – деді әкім салтанатты шарада.",
        &[
            "Жаңа кітапхана – ауыл жастарына",
            "„Бұл кітапхана бәріміз үшін ашылды“, – деді әкім салтанатты шарада.",
        ],
    );
    // An English speaker may come first with a title of a few words.
    check(
        Lang::En,
        "Akim opens new library in Kosshy “Every village deserves a place to read,” the newly elected district akim Dana Serikova told guests.",
        &[
            "Akim opens new library in Kosshy",
            "“Every village deserves a place to read,” the newly elected district akim Dana Serikova told guests.",
        ],
    );
    // A quoted name with no attribution after it stays in its sentence,
    // and so does speech that a verb of saying introduces.
    check(
        Lang::Ru,
        "Акимат запустил программу «Чистый двор» в трех районах города с начала мая.",
        &["Акимат запустил программу «Чистый двор» в трех районах города с начала мая."],
    );
    check(
        Lang::En,
        "The minister told “We will open three schools this year,” adding that funds were set aside.",
        &["The minister told “We will open three schools this year,” adding that funds were set aside."],
    );
    // Speech inside speech is no lede.
    check(
        Lang::Ru,
        "«Я тогда сказал ему «Подожди, мы еще успеем», – вспоминает ветеран.",
        &["«Я тогда сказал ему «Подожди, мы еще успеем», – вспоминает ветеран."],
    );
}

#[test]
fn a_russian_lede_may_open_with_its_verb_or_a_date() {
    check(
        Lang::Ru,
        "В Таразе прошла ярмарка вакансий Приняли участие 60 работодателей из пяти отраслей региона.",
        &[
            "В Таразе прошла ярмарка вакансий",
            "Приняли участие 60 работодателей из пяти отраслей региона.",
        ],
    );
    // «Правила» ends as a past does and is a document's name.
    check(
        Lang::Ru,
        "Министерство утвердило Правила приема документов на гранты для молодых ученых.",
        &["Министерство утвердило Правила приема документов на гранты для молодых ученых."],
    );
    check(
        Lang::Ru,
        "Акимат утвердил план ремонта дорог 12 марта документ был опубликован на сайте акимата.",
        &[
            "Акимат утвердил план ремонта дорог",
            "12 марта документ был опубликован на сайте акимата.",
        ],
    );
    // A number before a noun it counts needs a plural predicate.
    check(
        Lang::Ru,
        "Акимат открыл 12 новых школ в районах области за прошлый год.",
        &["Акимат открыл 12 новых школ в районах области за прошлый год."],
    );
}

#[test]
fn an_english_lede_may_open_with_an_adverbial_and_its_comma() {
    check(
        Lang::En,
        "Regional hospital gets new scanners Speaking at the handover ceremony, the akim thanked the donors for their support.",
        &[
            "Regional hospital gets new scanners",
            "Speaking at the handover ceremony, the akim thanked the donors for their support.",
        ],
    );
    check(
        Lang::En,
        "New vaccination campaign starts in Taraz Earlier this week, 30 mobile teams received their first doses of vaccine.",
        &[
            "New vaccination campaign starts in Taraz",
            "Earlier this week, 30 mobile teams received their first doses of vaccine.",
        ],
    );
    // A place in "-ing" is no participle, and a month after a number is
    // the date's own word.
    check(
        Lang::En,
        "The delegation had already visited Beijing, with talks on trade and transport.",
        &["The delegation had already visited Beijing, with talks on trade and transport."],
    );
    check(
        Lang::En,
        "Deadline for grant applications extended to 20 June Yesterday the foundation announced that grant applications for the deadline will be accepted for two more weeks.",
        &[
            "Deadline for grant applications extended to 20 June",
            "Yesterday the foundation announced that grant applications for the deadline will be accepted for two more weeks.",
        ],
    );
}

#[test]
fn a_kazakh_name_ending_as_a_verb_is_no_headline_end() {
    // «Нұрбек» ends as the intention «-бек» does.
    check(
        Lang::Kk,
        "Білім министрінің орынбасары Нұрбек Оспанов пен Жапония елшісі Кэндзи Сато кездесті.",
        &["Білім министрінің орынбасары Нұрбек Оспанов пен Жапония елшісі Кэндзи Сато кездесті."],
    );
    // An acronym after a slash opens a lede after a finite verb.
    check(
        Lang::Kk,
        "Миссия аралық есебін жариялады ЕҚЫҰ/ДИАҚБ байқаушылары үгіт науқанының барысын сипаттады.",
        &[
            "Миссия аралық есебін жариялады",
            "ЕҚЫҰ/ДИАҚБ байқаушылары үгіт науқанының барысын сипаттады.",
        ],
    );
}

#[test]
fn a_russian_lede_may_open_with_a_pronoun_or_a_verbal_adverb() {
    check(
        Lang::Ru,
        "В Экибастузе запущен цех по переработке пластика Он будет принимать до 5 тысяч тонн отходов в год.",
        &[
            "В Экибастузе запущен цех по переработке пластика",
            "Он будет принимать до 5 тысяч тонн отходов в год.",
        ],
    );
    check(
        Lang::Ru,
        "Фермеры области переходят на новые сорта пшеницы Получив гранты акимата, 40 хозяйств закупили семена.",
        &[
            "Фермеры области переходят на новые сорта пшеницы",
            "Получив гранты акимата, 40 хозяйств закупили семена.",
        ],
    );
    check(
        Lang::Ru,
        "Мажилис принял закон о библиотеках Отвечая на вопросы депутатов, министр назвал сроки его исполнения.",
        &[
            "Мажилис принял закон о библиотеках",
            "Отвечая на вопросы депутатов, министр назвал сроки его исполнения.",
        ],
    );
    // A given name in «-слав» is no verbal adverb, and with no comma of
    // its own a capitalised word stays in its sentence.
    check(
        Lang::Ru,
        "Делегацию возглавил заместитель министра Ярослав Ковальчук, который провел переговоры в Астане.",
        &["Делегацию возглавил заместитель министра Ярослав Ковальчук, который провел переговоры в Астане."],
    );
}

#[test]
fn a_document_number_after_its_year_and_a_room_number_go_on() {
    check(
        Lang::Ru,
        "Постановление акимата от 3 марта 2025 г. № 41 опубликовано на сайте. Занятия пройдут в ауд. 112 второго корпуса.",
        &[
            "Постановление акимата от 3 марта 2025 г. № 41 опубликовано на сайте.",
            "Занятия пройдут в ауд. 112 второго корпуса.",
        ],
    );
    // A day after a year still opens the next sentence.
    check(
        Lang::Ru,
        "Открытие перенесено на 2027 г. 15 мая пройдет презентация проекта.",
        &[
            "Открытие перенесено на 2027 г.",
            "15 мая пройдет презентация проекта.",
        ],
    );
}

#[test]
fn a_kazakh_headline_may_end_in_the_present_continuous() {
    check(
        Lang::Kk,
        "Жамбыл облысының фермерлері жаңа сорттарға көшуде Өңірдегі 200-ден астам шаруашылық биыл тұқым сатып алды.",
        &[
            "Жамбыл облысының фермерлері жаңа сорттарға көшуде",
            "Өңірдегі 200-ден астам шаруашылық биыл тұқым сатып алды.",
        ],
    );
}

#[test]
fn a_russian_lede_after_a_verb_in_sti_and_an_adverb_in_oe() {
    // «выросла» is the past of «вырасти», its stem ends in a consonant; the
    // adverb «вдвое» ends as a neuter adjective does, but «Новый» does not
    // agree with it; and «Астаны», too near the verb for a lede of its
    // own, closes the subject's noun phrase.
    check(
        Lang::Ru,
        "Пропускная способность выросла вдвое Новый пассажирский терминал международного аэропорта Астаны принял первых пассажиров.",
        &[
            "Пропускная способность выросла вдвое",
            "Новый пассажирский терминал международного аэропорта Астаны принял первых пассажиров.",
        ],
    );
    // An adjective before a name of the same ending agrees with it.
    check(
        Lang::Ru,
        "Делегацию приняла казахстанская Национальная компания по развитию туризма в своем офисе в Астане.",
        &["Делегацию приняла казахстанская Национальная компания по развитию туризма в своем офисе в Астане."],
    );
}

#[test]
fn a_clock_time_keeps_its_zone() {
    check(
        Lang::En,
        "The hearing opens at 10 a.m. Almaty time on Monday. Reporters must register by 9 a.m. Badges are issued at the door.",
        &[
            "The hearing opens at 10 a.m. Almaty time on Monday.",
            "Reporters must register by 9 a.m.",
            "Badges are issued at the door.",
        ],
    );
}

#[test]
fn a_bracket_after_a_company_form_goes_on_with_its_sentence() {
    check(
        Lang::En,
        "The plant belongs to Steppe Minerals Ltd. (Australia) and employs 300 people. Its ore goes to Pavlodar.",
        &[
            "The plant belongs to Steppe Minerals Ltd. (Australia) and employs 300 people.",
            "Its ore goes to Pavlodar.",
        ],
    );
    check(
        Lang::Ru,
        "Соглашение подписано с Steppe Minerals Ltd. (Австралия). Руда пойдет в Павлодар.",
        &[
            "Соглашение подписано с Steppe Minerals Ltd. (Австралия).",
            "Руда пойдет в Павлодар.",
        ],
    );
    // A bracket followed by a capital is a sentence of its own.
    check(
        Lang::En,
        "The plant belongs to Steppe Minerals Ltd. (The firm is listed in Perth.)",
        &[
            "The plant belongs to Steppe Minerals Ltd.",
            "(The firm is listed in Perth.)",
        ],
    );
}

#[test]
fn millions_completing_a_clause_end_it_before_a_year() {
    check(
        Lang::Kk,
        "Облыс тұрғындарының саны – 2,1 млн. 2035 жылға қарай ол 2,4 млн адамға жетеді.",
        &[
            "Облыс тұрғындарының саны – 2,1 млн.",
            "2035 жылға қарай ол 2,4 млн адамға жетеді.",
        ],
    );
    // A further part of the sum goes on.
    check(
        Lang::Ru,
        "На ремонт выделено 1 млрд. 250 млн. тенге из местного бюджета.",
        &["На ремонт выделено 1 млрд. 250 млн. тенге из местного бюджета."],
    );
}

#[test]
fn an_initial_after_a_place_opens_the_name_that_follows() {
    check(
        Lang::En,
        "The WHO Representative in Kazakhstan B. Oyelaran opened the seminar. It lasts two days.",
        &[
            "The WHO Representative in Kazakhstan B. Oyelaran opened the seminar.",
            "It lasts two days.",
        ],
    );
    check(
        Lang::Ru,
        "Посол Италии в Казахстане М. Ферри открыл выставку. Она продлится месяц.",
        &[
            "Посол Италии в Казахстане М. Ферри открыл выставку.",
            "Она продлится месяц.",
        ],
    );
    // A part named by a letter is no initial: "in Sector B" ends.
    check(
        Lang::En,
        "The new stands were built in Sector B. Fifty workers took part.",
        &[
            "The new stands were built in Sector B.",
            "Fifty workers took part.",
        ],
    );
    // One person's surname takes no plural verb.
    check(
        Lang::Ru,
        "Встречу провел посол Кореи Пак Дж. Х. Стороны обсудили обмен студентами.",
        &[
            "Встречу провел посол Кореи Пак Дж. Х.",
            "Стороны обсудили обмен студентами.",
        ],
    );
}

#[test]
fn a_year_predicate_after_a_dash_ends_before_a_kazakh_date_in_a_case() {
    check(
        Lang::Kk,
        "Жол құрылысын аяқтау мерзімі – 2027 ж. 15 сәуірде әкімдік жұмысты тексереді.",
        &[
            "Жол құрылысын аяқтау мерзімі – 2027 ж.",
            "15 сәуірде әкімдік жұмысты тексереді.",
        ],
    );
    // With the month in the nominative the day goes on the date.
    check(
        Lang::Kk,
        "Жол құрылысын аяқтау мерзімі – 2027 ж. 15 сәуір.",
        &["Жол құрылысын аяқтау мерзімі – 2027 ж. 15 сәуір."],
    );
}

#[test]
fn a_russian_present_in_utsya_is_a_verb_before_a_year() {
    check(
        Lang::Ru,
        "Работы начнутся в III квартале 2026 г. Подрядчик уже определен.",
        &[
            "Работы начнутся в III квартале 2026 г.",
            "Подрядчик уже определен.",
        ],
    );
}

#[test]
fn dollars_keep_their_country() {
    check(
        Lang::Ru,
        "Экспорт составил 3,2 млрд долл. США. Импорт снизился на 4%.",
        &[
            "Экспорт составил 3,2 млрд долл. США.",
            "Импорт снизился на 4%.",
        ],
    );
}

#[test]
fn a_counted_noun_in_l_is_no_second_predicate() {
    check(
        Lang::Ru,
        "В Таразе откроют 8 новых школ Управление образования утвердило график строительства на три года.",
        &[
            "В Таразе откроют 8 новых школ",
            "Управление образования утвердило график строительства на три года.",
        ],
    );
}

#[test]
fn a_kazakh_verb_of_saying_after_its_object_ends_a_headline() {
    check(
        Lang::Kk,
        "Министрлік субсидия беру қағидасын түсіндірді Заңға сәйкес өтініш отыз күн ішінде қаралады.",
        &[
            "Министрлік субсидия беру қағидасын түсіндірді",
            "Заңға сәйкес өтініш отыз күн ішінде қаралады.",
        ],
    );
}

#[test]
fn a_number_after_a_region_s_name_may_open_a_lede() {
    check(
        Lang::En,
        "Harvest ends in Kostanay Region 5.1 million tonnes of wheat have been threshed this year.",
        &[
            "Harvest ends in Kostanay Region",
            "5.1 million tonnes of wheat have been threshed this year.",
        ],
    );
    // A street's number is the house's.
    check(
        Lang::En,
        "The office moved to Abai Avenue 12 last year.",
        &["The office moved to Abai Avenue 12 last year."],
    );
}

#[test]
fn a_russian_lede_counted_by_a_number_after_a_verbless_headline() {
    check(
        Lang::Ru,
        "Хороший урожай в Павлодарской области 2,1 млн тонн пшеницы собрали фермеры региона в этом году.",
        &[
            "Хороший урожай в Павлодарской области",
            "2,1 млн тонн пшеницы собрали фермеры региона в этом году.",
        ],
    );
    // A neuter short participle in «-яно» is such a predicate too.
    check(
        Lang::Ru,
        "Итоги весеннего сева в Костанайской области 3,9 млн гектаров засеяно пшеницей, сообщили в управлении сельского хозяйства.",
        &[
            "Итоги весеннего сева в Костанайской области",
            "3,9 млн гектаров засеяно пшеницей, сообщили в управлении сельского хозяйства.",
        ],
    );
    // After a place opened by a preposition the number is the sentence's
    // own subject.
    check(
        Lang::Ru,
        "В Павлодарской области 2,1 млн тонн пшеницы собрали фермеры региона в этом году.",
        &["В Павлодарской области 2,1 млн тонн пшеницы собрали фермеры региона в этом году."],
    );
    // A plural subject before the number may own the plural verb.
    check(
        Lang::Ru,
        "Фермеры Павлодарской области 2,1 млн тонн пшеницы собрали уже к концу сентября.",
        &["Фермеры Павлодарской области 2,1 млн тонн пшеницы собрали уже к концу сентября."],
    );
}

#[test]
fn a_kazakh_passive_in_ldy_ends_a_headline_before_a_number() {
    check(
        Lang::Kk,
        "Павлодар облысында күзгі егін жинау аяқталды 2,3 млн тонна астық қоймаларға тасымалданды.",
        &[
            "Павлодар облысында күзгі егін жинау аяқталды",
            "2,3 млн тонна астық қоймаларға тасымалданды.",
        ],
    );
    check(
        Lang::Kk,
        "Жаңа оқу жылының кестесі белгіленді 1 қыркүйекте сабақ барлық мектептерде басталады.",
        &[
            "Жаңа оқу жылының кестесі белгіленді",
            "1 қыркүйекте сабақ барлық мектептерде басталады.",
        ],
    );
}

#[test]
fn millions_completing_a_verb_after_a_participle_end_the_sentence() {
    // The last clause is the verb alone, after a participle's commas.
    check(
        Lang::Ru,
        "Объем субсидий, направленных фермерам области, составил 48 млрд. 35% из них получили молочные хозяйства.",
        &[
            "Объем субсидий, направленных фермерам области, составил 48 млрд.",
            "35% из них получили молочные хозяйства.",
        ],
    );
    // Without a verb there it goes on: the number is part of a list.
    check(
        Lang::Ru,
        "Объем субсидий, направленных фермерам, около 48 млрд. 35 хозяйств получили их впервые.",
        &["Объем субсидий, направленных фермерам, около 48 млрд. 35 хозяйств получили их впервые."],
    );
}

#[test]
fn a_name_that_ends_a_headline_is_found_in_the_lede_that_repeats_it() {
    // The first capital after the headline's noun is the name's start; the
    // lede repeats the whole name, so the headline ends after it.
    check(
        Lang::Ru,
        "В Шымкенте откроется выставка ремесел Южного Казахстана Четвертая выставка ремесел Южного Казахстана пройдет в Шымкенте 12 мая.",
        &[
            "В Шымкенте откроется выставка ремесел Южного Казахстана",
            "Четвертая выставка ремесел Южного Казахстана пройдет в Шымкенте 12 мая.",
        ],
    );
    // A cut before a starter stays where it is, whatever the lede repeats.
    check(
        Lang::En,
        "Kazakhstan and Kyrgyzstan sign agreement on the joint use of the Chu river The Ministry of Water Resources of Kazakhstan and the Ministry of Water Resources of Kyrgyzstan signed it in Bishkek.",
        &[
            "Kazakhstan and Kyrgyzstan sign agreement on the joint use of the Chu river",
            "The Ministry of Water Resources of Kazakhstan and the Ministry of Water Resources of Kyrgyzstan signed it in Bishkek.",
        ],
    );
}

#[test]
fn a_number_joined_to_a_name_takes_no_year() {
    // «ТЭЦ-2 г. Петропавловска»: «г.» is the town's, not a year's.
    check(
        Lang::Ru,
        "Комиссия проверила готовность ТЭЦ-1 г. Экибастуза и ТЭЦ-3 г. Павлодара к зиме.",
        &["Комиссия проверила готовность ТЭЦ-1 г. Экибастуза и ТЭЦ-3 г. Павлодара к зиме."],
    );
    // A year standing alone still ends its sentence before a number.
    check(
        Lang::Ru,
        "Станция была построена в 1978 г. 12 энергоблоков работают до сих пор.",
        &[
            "Станция была построена в 1978 г.",
            "12 энергоблоков работают до сих пор.",
        ],
    );
}

#[test]
fn percentage_points_and_counted_people_end_a_sentence() {
    check(
        Lang::Ru,
        "Ставка снижена на 0,25 п.п. Следующее решение объявят в июле.",
        &[
            "Ставка снижена на 0,25 п.п.",
            "Следующее решение объявят в июле.",
        ],
    );
    // Before a number «п.п.» is «пункты» and goes on.
    check(
        Lang::Ru,
        "Требования изложены в п.п. 3–5 Правил.",
        &["Требования изложены в п.п. 3–5 Правил."],
    );
    check(
        Lang::Ru,
        "На курсах повышения квалификации обучились 860 чел. 120 из них уже нашли работу.",
        &[
            "На курсах повышения квалификации обучились 860 чел.",
            "120 из них уже нашли работу.",
        ],
    );
}

#[test]
fn thousands_go_on_with_the_acronym_noun_they_count() {
    check(
        Lang::Ru,
        "Компания обучит 3 тыс. ИТ-специалистов за два года.",
        &["Компания обучит 3 тыс. ИТ-специалистов за два года."],
    );
    check(
        Lang::Ru,
        "В регионе работают 3 тыс. ИТ компаний. Их число растет.",
        &["В регионе работают 3 тыс. ИТ компаний.", "Их число растет."],
    );
}

#[test]
fn a_place_and_a_date_each_with_a_full_stop_are_a_dateline() {
    check(
        Lang::Ru,
        "Павлодар. 3 июня 2025 года. На заводе запустили новую линию.",
        &["Павлодар. 3 июня 2025 года. На заводе запустили новую линию."],
    );
    check(
        Lang::Kk,
        "Павлодар. 2025 жылғы 3 маусым. Зауытта жаңа желі іске қосылды.",
        &["Павлодар. 2025 жылғы 3 маусым. Зауытта жаңа желі іске қосылды."],
    );
    // A place's sentence that goes on after the date is no dateline.
    check(
        Lang::Ru,
        "Итоги. 3 июня 2025 года прошло заседание. Решения приняты.",
        &[
            "Итоги.",
            "3 июня 2025 года прошло заседание.",
            "Решения приняты.",
        ],
    );
}

#[test]
fn a_country_s_dotted_name_after_in_the_may_end_a_sentence() {
    check(
        Lang::En,
        "The scholars will study for a year in the U.S. Participants are chosen by a jury.",
        &[
            "The scholars will study for a year in the U.S.",
            "Participants are chosen by a jury.",
        ],
    );
    // One of the country's bodies goes on, and so does a name in capitals.
    check(
        Lang::En,
        "The bill was approved in the U.S. Senate on Tuesday.",
        &["The bill was approved in the U.S. Senate on Tuesday."],
    );
    check(
        Lang::En,
        "She works as an adviser at the U.N. Economic Commission for Europe.",
        &["She works as an adviser at the U.N. Economic Commission for Europe."],
    );
}

#[test]
fn european_legal_forms_with_dots_end_a_sentence_before_a_new_one() {
    check(
        Lang::En,
        "The plant will be built by Steppe Metals S.à r.l. Investment will reach $900 million. The partner is Caspian Drilling S.p.A. Work starts in May.",
        &[
            "The plant will be built by Steppe Metals S.à r.l.",
            "Investment will reach $900 million.",
            "The partner is Caspian Drilling S.p.A.",
            "Work starts in May.",
        ],
    );
}

#[test]
fn a_date_with_its_words_as_the_predicate_after_a_dash_completes_the_sentence() {
    check(
        Lang::Ru,
        "Срок приема документов – до 18 ч. 00 мин. 20.02.2027 г. Заявки рассматривает комиссия.",
        &[
            "Срок приема документов – до 18 ч. 00 мин. 20.02.2027 г.",
            "Заявки рассматривает комиссия.",
        ],
    );
    // A clause after the dash has its own words: the year goes on.
    check(
        Lang::Ru,
        "Главное событие – открытие моста в 2027 г. Правительством уже выделены средства.",
        &["Главное событие – открытие моста в 2027 г. Правительством уже выделены средства."],
    );
}

#[test]
fn a_plural_verb_after_two_named_people_follows_the_second_s_surname() {
    check(
        Lang::Ru,
        "Министр А.Б. Сейтов и посол Франции Ж.-П. Мартен обсудили вопросы образования.",
        &["Министр А.Б. Сейтов и посол Франции Ж.-П. Мартен обсудили вопросы образования."],
    );
}

#[test]
fn a_name_that_ends_a_headline_and_opens_its_lede_is_cut_between_its_two_sayings() {
    check(
        Lang::Ru,
        "Новым акимом района назначен Ерлан Сагатов Ерлан Сагатов родился в 1981 г. в Таразе.",
        &[
            "Новым акимом района назначен Ерлан Сагатов",
            "Ерлан Сагатов родился в 1981 г. в Таразе.",
        ],
    );
}

#[test]
fn kazakh_postposed_initials_wait_for_the_verb_unless_a_dash_made_them_the_predicate() {
    check(
        Lang::Kk,
        "Үкімет қаулысымен Сейітов Б.Қ. Ауыл шаруашылығы вице-министрі болып тағайындалды. Бұған дейін ол департамент басқарған.",
        &[
            "Үкімет қаулысымен Сейітов Б.Қ. Ауыл шаруашылығы вице-министрі болып тағайындалды.",
            "Бұған дейін ол департамент басқарған.",
        ],
    );
    check(
        Lang::Kk,
        "Жиналыс төрағасы – Сейітов Б.Қ. Хатшы болып Әлиева Г. сайланды.",
        &[
            "Жиналыс төрағасы – Сейітов Б.Қ.",
            "Хатшы болып Әлиева Г. сайланды.",
        ],
    );
}

#[test]
fn a_kazakh_address_as_the_predicate_after_a_dash_completes_the_sentence() {
    check(
        Lang::Kk,
        "Орталықтың мекенжайы – Көктал а., Достық көш. Қабылдау дүйсенбіде басталады.",
        &[
            "Орталықтың мекенжайы – Көктал а., Достық көш.",
            "Қабылдау дүйсенбіде басталады.",
        ],
    );
    // Without the dash the street opens the rest of the sentence.
    check(
        Lang::Kk,
        "Орталық Көктал а. Достық көшесінде ашылады.",
        &["Орталық Көктал а. Достық көшесінде ашылады."],
    );
}

#[test]
fn a_region_before_a_district_s_name_is_one_address() {
    check(
        Lang::Kk,
        "Жаңа мектеп Ақмола обл. Ерейментау ауд. Бозтал ауылында салынады. Жоба 2027 жылы аяқталады.",
        &[
            "Жаңа мектеп Ақмола обл. Ерейментау ауд. Бозтал ауылында салынады.",
            "Жоба 2027 жылы аяқталады.",
        ],
    );
    check(
        Lang::Ru,
        "Паводок затронул Карагандинскую обл. Шетский р-н пострадал больше других.",
        &[
            "Паводок затронул Карагандинскую обл.",
            "Шетский р-н пострадал больше других.",
        ],
    );
}

#[test]
fn a_river_s_abbreviation_goes_on_to_its_name_and_a_rouble_s_ends() {
    check(
        Lang::Ru,
        "Мост через р. Урал откроют в мае. Билет стоит 150 р. Дети ездят бесплатно.",
        &[
            "Мост через р. Урал откроют в мае.",
            "Билет стоит 150 р.",
            "Дети ездят бесплатно.",
        ],
    );
}

#[test]
fn a_quoted_name_with_its_verb_opens_a_lede_after_a_headline_s_verb() {
    check(
        Lang::Ru,
        "Казтелеком проводит в селах оптоволокно в Кокшетау «Казтелеком» подключил к сети еще 40 сел Акмолинской области.",
        &[
            "Казтелеком проводит в селах оптоволокно в Кокшетау",
            "«Казтелеком» подключил к сети еще 40 сел Акмолинской области.",
        ],
    );
    // After a legal form the quoted name is that body's own.
    check(
        Lang::Ru,
        "Новый водовод построен для сел района ТОО «Тараз Су» завершило работы на полгода раньше срока.",
        &[
            "Новый водовод построен для сел района",
            "ТОО «Тараз Су» завершило работы на полгода раньше срока.",
        ],
    );
}

#[test]
fn a_headline_with_no_verb_ends_before_a_named_subject_and_its_past_verb() {
    check(
        Lang::Ru,
        "Новые котельные для сел Акмолинской области АБР выделил региону заем на модернизацию теплоснабжения.",
        &[
            "Новые котельные для сел Акмолинской области",
            "АБР выделил региону заем на модернизацию теплоснабжения.",
        ],
    );
    // A first word that may be the verb's own subject, a coordinated
    // subject and a name's last word keep the sentence whole.
    for whole in [
        "Министерство энергетики РК сообщило о завершении ремонта котельных.",
        "Акимат города и Фонд развития ЖКХ подписали соглашение о ремонте котельных.",
        "Тренер сборной Марат Ермек и капитан команды Арман Сеитов получили награды от федерации.",
    ] {
        check(Lang::Ru, whole, &[whole]);
    }
}

#[test]
fn a_capital_preposition_of_one_letter_before_a_name_opens_a_lede() {
    check(
        Lang::Ru,
        "Сильные морозы ожидаются на севере страны В Петропавловске и Костанае ночью похолодает до минус 35 градусов.",
        &[
            "Сильные морозы ожидаются на севере страны",
            "В Петропавловске и Костанае ночью похолодает до минус 35 градусов.",
        ],
    );
    // After a noun it names a kind of, the letter is no preposition.
    check(
        Lang::Ru,
        "Жеребьевка отборочного турнира определила соперников группы В Казахстан сыграет с Грецией и Арменией в марте.",
        &["Жеребьевка отборочного турнира определила соперников группы В Казахстан сыграет с Грецией и Арменией в марте."],
    );
}

#[test]
fn postposed_initials_after_a_short_surname_or_before_an_adjective_end_a_sentence() {
    check(
        Lang::Ru,
        "Награду вручили ветерану труда Цой В.А. Торжественная часть завершилась концертом.",
        &[
            "Награду вручили ветерану труда Цой В.А.",
            "Торжественная часть завершилась концертом.",
        ],
    );
    check(
        Lang::Ru,
        "Распоряжение подписал Ахметов Б.К. Торговым представителем назначен Исаев.",
        &[
            "Распоряжение подписал Ахметов Б.К.",
            "Торговым представителем назначен Исаев.",
        ],
    );
    // Initials before a surname go on with it.
    check(
        Lang::Ru,
        "Соглашение подписано с директором компании Б.К. Ахметовым и вступает в силу.",
        &["Соглашение подписано с директором компании Б.К. Ахметовым и вступает в силу."],
    );
}

#[test]
fn a_century_after_its_roman_numeral_ends_a_clause_as_a_year_does() {
    check(
        Lang::Ru,
        "В музее выставлены ковры конца XVIII в. Большая часть поступила из частных собраний.",
        &[
            "В музее выставлены ковры конца XVIII в.",
            "Большая часть поступила из частных собраний.",
        ],
    );
    check(
        Lang::Kk,
        "Кесененің салынған уақыты – XIV ғ. Әмір Темір оны салдырған.",
        &[
            "Кесененің салынған уақыты – XIV ғ.",
            "Әмір Темір оны салдырған.",
        ],
    );
    // Before an instrumental, and after a phrase too short to be a
    // sentence, it goes on.
    check(
        Lang::Ru,
        "Собор возведен в начале XX в. Купеческим обществом города.",
        &["Собор возведен в начале XX в. Купеческим обществом города."],
    );
    check(
        Lang::Ru,
        "В XIX в. Верный был крепостью.",
        &["В XIX в. Верный был крепостью."],
    );
}

#[test]
fn the_end_of_an_address_may_end_a_sentence() {
    check(
        Lang::En,
        "The forum will be held at the Grand Hotel, Boston, MA and at the Embassy, Washington, D.C. Doors open at 9 a.m.",
        &[
            "The forum will be held at the Grand Hotel, Boston, MA and at the Embassy, Washington, D.C.",
            "Doors open at 9 a.m.",
        ],
    );
    check(
        Lang::En,
        "The library has moved to 25 Kunayev St. Reading rooms stay open until 8 p.m.",
        &[
            "The library has moved to 25 Kunayev St.",
            "Reading rooms stay open until 8 p.m.",
        ],
    );
    // A saint's "St." after a lower-case word or a possessive goes on.
    check(
        Lang::En,
        "The choir sang in the church of St. Nicholas Cathedral and in Russia's St. Petersburg later.",
        &["The choir sang in the church of St. Nicholas Cathedral and in Russia's St. Petersburg later."],
    );
}

#[test]
fn a_subject_pronoun_makes_a_prepositional_opening_a_clause() {
    check(
        Lang::En,
        "On Sundays they open at 11 a.m. Visitors under 16 enter free of charge.",
        &[
            "On Sundays they open at 11 a.m.",
            "Visitors under 16 enter free of charge.",
        ],
    );
}

#[test]
fn a_place_and_an_agency_with_no_date_are_a_dateline() {
    check(
        Lang::En,
        "Clinic opens in Taraz TARAZ (Kazinform) – A new clinic opened in Taraz on Monday.",
        &[
            "Clinic opens in Taraz",
            "TARAZ (Kazinform) – A new clinic opened in Taraz on Monday.",
        ],
    );
    check(
        Lang::Kk,
        "ТАРАЗ. ҚазАқпарат – Таразда жаңа емхана ашылды. Ол 300 адамға арналған.",
        &[
            "ТАРАЗ. ҚазАқпарат – Таразда жаңа емхана ашылды.",
            "Ол 300 адамға арналған.",
        ],
    );
}

#[test]
fn a_one_letter_preposition_after_a_surname_s_initials_opens_a_sentence() {
    check(
        Lang::Ru,
        "Заседание открыл Сапаров Б.К. В работе комиссии участвовали депутаты.",
        &[
            "Заседание открыл Сапаров Б.К.",
            "В работе комиссии участвовали депутаты.",
        ],
    );
}

#[test]
fn etc_after_a_list_of_names_qualifies_the_noun_after_it() {
    check(
        Lang::Kk,
        "ЮНЕСКО, ЮНИСЕФ т.б. БҰҰ ұйымдары жобаны қолдады.",
        &["ЮНЕСКО, ЮНИСЕФ т.б. БҰҰ ұйымдары жобаны қолдады."],
    );
    // After a clause it ends the sentence.
    check(
        Lang::En,
        "The fund supports schools, clinics, libraries etc. UNICEF welcomed the decision.",
        &[
            "The fund supports schools, clinics, libraries etc.",
            "UNICEF welcomed the decision.",
        ],
    );
}

#[test]
fn a_kazakh_currency_and_a_city_after_a_dash() {
    check(
        Lang::Kk,
        "Дүниежүзілік банк ауыл шаруашылығын қолдау үшін 120 млн. АҚШ доллары көлемінде қарыз берді.",
        &["Дүниежүзілік банк ауыл шаруашылығын қолдау үшін 120 млн. АҚШ доллары көлемінде қарыз берді."],
    );
    check(
        Lang::Kk,
        "Кездесу өтетін орын – Шымкент қ. Тіркеу сағат 10:00-де басталады.",
        &[
            "Кездесу өтетін орын – Шымкент қ.",
            "Тіркеу сағат 10:00-де басталады.",
        ],
    );
    // Inside a sentence the city goes on.
    check(
        Lang::Kk,
        "Кездесу Шымкент қ. Әл-Фараби алаңында өтеді.",
        &["Кездесу Шымкент қ. Әл-Фараби алаңында өтеді."],
    );
}

#[test]
fn a_headline_may_hold_a_number_with_a_case_ending_or_end_in_a_repeated_name() {
    check(
        Lang::Kk,
        "Ұлттық банк инфляцияның 8,5%-ға төмендейтінін болжайды Ұлттық банктің бағалауынша, жыл соңында инфляция 8,5%-ға дейін төмендейді.",
        &[
            "Ұлттық банк инфляцияның 8,5%-ға төмендейтінін болжайды",
            "Ұлттық банктің бағалауынша, жыл соңында инфляция 8,5%-ға дейін төмендейді.",
        ],
    );
    check(
        Lang::Ru,
        "АБР прогнозирует рост экономики Узбекистана на уровне 6,1% Экономика Узбекистана в 2025 г. вырастет на 6,1%, говорится в докладе АБР.",
        &[
            "АБР прогнозирует рост экономики Узбекистана на уровне 6,1%",
            "Экономика Узбекистана в 2025 г. вырастет на 6,1%, говорится в докладе АБР.",
        ],
    );
}

#[test]
fn an_article_before_a_number_opens_an_english_lede() {
    check(
        Lang::En,
        "Bridge over the Ishim to close for repairs A 300 m stretch of the embankment will be closed to traffic until June.",
        &[
            "Bridge over the Ishim to close for repairs",
            "A 300 m stretch of the embankment will be closed to traffic until June.",
        ],
    );
    // A letter that names a plan has no number after it.
    check(
        Lang::En,
        "The city will follow plan A if the river rises above 5 metres this week.",
        &["The city will follow plan A if the river rises above 5 metres this week."],
    );
}

#[test]
fn a_compass_word_opens_a_place_of_two_words() {
    check(
        Lang::En,
        "Wheat yields in North Kazakhstan region rose by 12 per cent this year.",
        &["Wheat yields in North Kazakhstan region rose by 12 per cent this year."],
    );
    // A one-word place after a preposition may still close a headline.
    check(
        Lang::En,
        "Solar plant opens in Kentau Akim of the city Nurlan Abenov launched the first panels on Monday.",
        &[
            "Solar plant opens in Kentau",
            "Akim of the city Nurlan Abenov launched the first panels on Monday.",
        ],
    );
}
