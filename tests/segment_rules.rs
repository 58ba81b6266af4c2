//! `tm segment` rule by rule, in English, Russian and Kazakh: each test
//! runs the real binary on a text written for it and checks every segment.

mod common;

use common::Env;
use pretty_assertions::assert_eq;

/// The segments `tm segment --lang LANG` prints for `text`.
fn segments(lang: &str, text: &str) -> Vec<String> {
    let env = Env::new();
    let f = env.write("in.txt", text);
    let run = env
        .run(&["segment", f.to_str().unwrap(), "--lang", lang])
        .ok();
    run.lines().into_iter().map(str::to_string).collect()
}

#[track_caller]
fn check(lang: &str, text: &str, expected: &[&str]) {
    assert_eq!(segments(lang, text), expected, "segmenting {text:?}");
}

#[test]
fn abbreviations_inside_a_sentence() {
    check(
        "en",
        "Ms. Clara Dunn met Gen. Oleg Petrov and Prof. Li, e.g. at the U.N. Office, vs. last year.",
        &["Ms. Clara Dunn met Gen. Oleg Petrov and Prof. Li, e.g. at the U.N. Office, vs. last year."],
    );
    check(
        "ru",
        "Встреча прошла в г. Караганде на ул. Ерубаева, д. 7, им. Е.А. Букетова и т.п. учреждениях.",
        &["Встреча прошла в г. Караганде на ул. Ерубаева, д. 7, им. Е.А. Букетова и т.п. учреждениях."],
    );
    check(
        "kk",
        "Көрме 2019 ж. Шымкентте, Тәуке хан даң. бойында өтті, мыс. Түркістаннан т.б. өңірлерден қонақтар келді.",
        &["Көрме 2019 ж. Шымкентте, Тәуке хан даң. бойында өтті, мыс. Түркістаннан т.б. өңірлерден қонақтар келді."],
    );
}

#[test]
fn abbreviations_that_end_a_sentence() {
    check(
        "en",
        "The grant came from the E.U. The second grant follows. Topics were law, media, etc. Lunch starts at 1 p.m. Guests are welcome.",
        &[
            "The grant came from the E.U.",
            "The second grant follows.",
            "Topics were law, media, etc.",
            "Lunch starts at 1 p.m.",
            "Guests are welcome.",
        ],
    );
    check(
        "ru",
        "Музей основан в 1998 г. Экспозиция обновлена. В 2019–2020 гг. Музей принял 5 тыс. посетителей. Здесь есть книги, карты и др. Вход свободный.",
        &[
            "Музей основан в 1998 г.",
            "Экспозиция обновлена.",
            "В 2019–2020 гг. Музей принял 5 тыс. посетителей.",
            "Здесь есть книги, карты и др.",
            "Вход свободный.",
        ],
    );
    check(
        "kk",
        "Жиынға мұғалімдер, дәрігерлер, кәсіпкерлер т.б. Олар ұсыныстар айтты. Саябақ 2017 ж. Ол жаңартылды.",
        &[
            "Жиынға мұғалімдер, дәрігерлер, кәсіпкерлер т.б.",
            "Олар ұсыныстар айтты.",
            "Саябақ 2017 ж. Ол жаңартылды.",
        ],
    );
}

#[test]
fn initials_before_a_surname() {
    check(
        "en",
        "The letter was signed by K. Tokayev and J.F. Morris. It was read aloud.",
        &[
            "The letter was signed by K. Tokayev and J.F. Morris.",
            "It was read aloud.",
        ],
    );
    check(
        "ru",
        "Слово взял С. К. Абенов, затем Т.Д. Ли. Он поблагодарил гостей.",
        &[
            "Слово взял С. К. Абенов, затем Т.Д. Ли.",
            "Он поблагодарил гостей.",
        ],
    );
    check(
        "kk",
        "Жиынды Қ.-Ж. Тоқаев пен Ә.Т. Сейітов ашты. Олар сөз сөйледі.",
        &[
            "Жиынды Қ.-Ж. Тоқаев пен Ә.Т. Сейітов ашты.",
            "Олар сөз сөйледі.",
        ],
    );
}

#[test]
fn numbers_times_dates_and_sections() {
    check(
        "en",
        "Growth was 3.7% or 1,250,000 units on 01.02.2020 at 9.45, per Sec. 4.1 and No. 12. 2021 was calmer.",
        &[
            "Growth was 3.7% or 1,250,000 units on 01.02.2020 at 9.45, per Sec. 4.1 and No. 12.",
            "2021 was calmer.",
        ],
    );
    check(
        "ru",
        "Рост составил 2,8% и 1.000.000 тенге к 15.30 ч. 12.03.2021 г. по ст. 7.2 Кодекса. 35-летний эксперт согласился.",
        &[
            "Рост составил 2,8% и 1.000.000 тенге к 15.30 ч. 12.03.2021 г. по ст. 7.2 Кодекса.",
            "35-летний эксперт согласился.",
        ],
    );
    check(
        "kk",
        "Өсім 4,6% болды, ал жиын сағ. 11.30-да 05.04.2021 ж. басталды. 2022 жыл табысты болды.",
        &[
            "Өсім 4,6% болды, ал жиын сағ. 11.30-да 05.04.2021 ж. басталды.",
            "2022 жыл табысты болды.",
        ],
    );
}

#[test]
fn datelines_stay_with_the_first_sentence() {
    check(
        "en",
        "ALMATY, 7 April 2021 – The centre opened a library. It has 900 books.",
        &[
            "ALMATY, 7 April 2021 – The centre opened a library.",
            "It has 900 books.",
        ],
    );
    check(
        "ru",
        "АЛМАТЫ, 7 апреля 2021 г. – Центр открыл библиотеку. В ней 900 книг.",
        &[
            "АЛМАТЫ, 7 апреля 2021 г. – Центр открыл библиотеку.",
            "В ней 900 книг.",
        ],
    );
    check(
        "kk",
        "АЛМАТЫ, 2021 жылғы 7 сәуір – Орталық кітапхана ашты. Онда 900 кітап бар.",
        &[
            "АЛМАТЫ, 2021 жылғы 7 сәуір – Орталық кітапхана ашты.",
            "Онда 900 кітап бар.",
        ],
    );
    // Agency style, with full stops inside the dateline.
    check(
        "ru",
        "КОСТАНАЙ. 7 апреля. АГЕНТСТВО – Центр открыл библиотеку. В ней 900 книг.",
        &[
            "КОСТАНАЙ. 7 апреля. АГЕНТСТВО – Центр открыл библиотеку.",
            "В ней 900 книг.",
        ],
    );
    check(
        "kk",
        "ҚОСТАНАЙ. 7 сәуір. АГЕНТТІК – Орталық кітапхана ашты.",
        &["ҚОСТАНАЙ. 7 сәуір. АГЕНТТІК – Орталық кітапхана ашты."],
    );
    check(
        "en",
        "KOSTANAY. April 7. AGENCY - The centre opened a library.",
        &["KOSTANAY. April 7. AGENCY - The centre opened a library."],
    );
}

#[test]
fn headlines_and_line_breaks_end_segments() {
    check(
        "en",
        "New library opens in Almaty\r\n\r\nThe library opened today\r\nwith a reading.",
        &[
            "New library opens in Almaty",
            "The library opened today",
            "with a reading.",
        ],
    );
    check(
        "ru",
        "В Алматы открылась библиотека\nЧто дальше?\nБиблиотека работает ежедневно.",
        &[
            "В Алматы открылась библиотека",
            "Что дальше?",
            "Библиотека работает ежедневно.",
        ],
    );
    check(
        "kk",
        "Алматыда кітапхана ашылды\n\nКітапхана күн сайын жұмыс істейді.",
        &[
            "Алматыда кітапхана ашылды",
            "Кітапхана күн сайын жұмыс істейді.",
        ],
    );
}

#[test]
fn quotations_and_attributions() {
    check(
        "en",
        "“Is the plan ready?” asked Mr. Brown. “It is. We start on Monday,” said Ms. Lee. She called it “a fresh start.” Work began.",
        &[
            "“Is the plan ready?” asked Mr. Brown.",
            "“It is.",
            "We start on Monday,” said Ms. Lee.",
            "She called it “a fresh start.”",
            "Work began.",
        ],
    );
    check(
        "ru",
        "«Когда начнется ремонт?» — спросил житель. Мэр ответил: «Скоро. Все готово». Проект назван «Новый двор!» и одобрен.",
        &[
            "«Когда начнется ремонт?» — спросил житель.",
            "Мэр ответил: «Скоро.",
            "Все готово».",
            "Проект назван «Новый двор!» и одобрен.",
        ],
    );
    check(
        "kk",
        "«Жоба қашан басталады? », – деп сұрады тұрғын. «Жақында. Бәрі дайын», – деді әкім.",
        &[
            "«Жоба қашан басталады? », – деп сұрады тұрғын.",
            "«Жақында.",
            "Бәрі дайын», – деді әкім.",
        ],
    );
}

#[test]
fn ellipses_and_repeated_marks() {
    check(
        "en",
        "Costs rose… and rose. Nobody knows... Really?! Yes!! Fine.",
        &[
            "Costs rose… and rose.",
            "Nobody knows...",
            "Really?!",
            "Yes!!",
            "Fine.",
        ],
    );
    check(
        "ru",
        "Цены росли… и росли. Никто не знает... Правда?! Да!!",
        &[
            "Цены росли… и росли.",
            "Никто не знает...",
            "Правда?!",
            "Да!!",
        ],
    );
    check(
        "kk",
        "Бағалар өсті… және өсті. Ешкім білмейді... Рас па?! Иә!!",
        &[
            "Бағалар өсті… және өсті.",
            "Ешкім білмейді...",
            "Рас па?!",
            "Иә!!",
        ],
    );
}

#[test]
fn list_items_are_segments() {
    check(
        "en",
        "The plan has three parts:\n1. Review the law.\n2. Train staff.\n• Report back.\na) Publish.",
        &[
            "The plan has three parts:",
            "1. Review the law.",
            "2. Train staff.",
            "• Report back.",
            "a) Publish.",
        ],
    );
    check(
        "ru",
        "План включает: • анализ закона; • обучение; • отчет.\n1) обсуждение;\n2) итоги.",
        &[
            "План включает:",
            "• анализ закона;",
            "• обучение;",
            "• отчет.",
            "1) обсуждение;",
            "2) итоги.",
        ],
    );
    check(
        "kk",
        "Жоспар:\n– заңды талдау;\n1. Қызметкерлерді оқыту.",
        &["Жоспар:", "– заңды талдау;", "1. Қызметкерлерді оқыту."],
    );
}

#[test]
fn urls_and_emails_are_never_cut() {
    check(
        "en",
        "Read https://example.org/news/a.b.html?id=7&x=1. Mail desk.news@example.org. Or see www.example.org/en.",
        &[
            "Read https://example.org/news/a.b.html?id=7&x=1.",
            "Mail desk.news@example.org.",
            "Or see www.example.org/en.",
        ],
    );
    check(
        "ru",
        "Сайт: www.example.kz/ru. Почта: info.desk@example.kz. Звоните!",
        &[
            "Сайт: www.example.kz/ru.",
            "Почта: info.desk@example.kz.",
            "Звоните!",
        ],
    );
    check(
        "kk",
        "Сайт: https://example.kz/kk?p=2. Пошта: info@example.kz.",
        &[
            "Сайт: https://example.kz/kk?p=2.",
            "Пошта: info@example.kz.",
        ],
    );
}

#[test]
fn no_break_spaces_crlf_and_byte_order_mark() {
    check(
        "en",
        "\u{feff}Opened on 3\u{a0}Mar. 2021.\u{a0}It closed\u{a0}later.\r\nDone.",
        &[
            "Opened on 3\u{a0}Mar. 2021.",
            "It closed\u{a0}later.",
            "Done.",
        ],
    );
    check(
        "ru",
        "Открыт 3\u{a0}марта 2021\u{a0}г.\u{a0}Он работает.\r\n",
        &["Открыт 3\u{a0}марта 2021\u{a0}г.", "Он работает."],
    );
    check(
        "kk",
        "\u{feff}Ашылды 2021\u{a0}ж.\u{a0}3\u{a0}наурызда.\r\nЖұмыс істейді.",
        &[
            "Ашылды 2021\u{a0}ж.\u{a0}3\u{a0}наурызда.",
            "Жұмыс істейді.",
        ],
    );
}

#[test]
fn join_lines_joins_hard_wrapped_lines() {
    let env = Env::new();
    let f = env.write(
        "wrapped.txt",
        "The centre opened a\nlibrary. It has 900\nbooks.\n\nIt opens daily.\n• Free entry.\n",
    );
    let run = env
        .run(&["segment", f.to_str().unwrap(), "--join-lines"])
        .ok();
    assert_eq!(
        run.lines(),
        [
            "The centre opened a library.",
            "It has 900 books.",
            "It opens daily.",
            "• Free entry."
        ]
    );
}

#[test]
fn language_is_detected_from_the_script() {
    let env = Env::new();
    for (text, lang) in [
        ("Сәлем. Бұл мәтін.", "kk"),
        ("Привет. Это текст.", "ru"),
        ("Hello. This is text.", "en"),
    ] {
        let f = env.write("t.txt", text);
        let run = env
            .run(&["segment", f.to_str().unwrap(), "--format", "json"])
            .ok();
        assert_eq!(run.json()["language"], lang, "{text}");
        assert_eq!(run.json()["segments"].as_array().unwrap().len(), 2);
    }
}

/// A capital letter that names a part of something ends a sentence where
/// a new one follows; after a title it is an initial and does not.
#[test]
fn a_letter_that_names_a_part_ends_a_sentence() {
    check(
        "en",
        "Seats are sold out in Row F. Standing tickets go on sale on Friday. The prize went to Professor K. Dunn of Almaty.",
        &[
            "Seats are sold out in Row F.",
            "Standing tickets go on sale on Friday.",
            "The prize went to Professor K. Dunn of Almaty.",
        ],
    );
    check(
        "ru",
        "Ремонт ведется в корпусе Г. Занятия перенесены на вторник. Договор подписан с министром А. Смитом вчера.",
        &[
            "Ремонт ведется в корпусе Г.",
            "Занятия перенесены на вторник.",
            "Договор подписан с министром А. Смитом вчера.",
        ],
    );
}

#[test]
fn a_kazakh_verb_of_saying_is_followed_by_its_speaker() {
    // «деді» looks like a past after an object («ашылады деді»), but the
    // capitalised name after it is the speaker, not a new sentence.
    check(
        "kk",
        "Биыл облыста үш жаңа мектеп ашылады деді Айгүл Серікқызы. Құрылыс мамыр айында басталады.",
        &[
            "Биыл облыста үш жаңа мектеп ашылады деді Айгүл Серікқызы.",
            "Құрылыс мамыр айында басталады.",
        ],
    );
}

#[test]
fn a_title_case_headline_ends_before_a_word_that_starts_sentences() {
    check(
        "en",
        "Kazakhstan Signs Trade Deal With Vietnam The agreement removes duties on 200 kinds of goods from next year. It was signed in Hanoi.",
        &[
            "Kazakhstan Signs Trade Deal With Vietnam",
            "The agreement removes duties on 200 kinds of goods from next year.",
            "It was signed in Hanoi.",
        ],
    );
    // A long name in Title Case goes on into its sentence.
    let name = "The Agency for Civil Service Affairs Deputy Chairman Arman Bekov visited the new service centre in Taraz on Monday.";
    check("en", name, &[name]);
}

#[test]
fn an_english_lede_after_a_place_or_a_street() {
    check(
        "en",
        "UNICEF opens youth centre in Taraz 40 volunteers were trained to run its clubs in the first month. The centre is open daily.",
        &[
            "UNICEF opens youth centre in Taraz",
            "40 volunteers were trained to run its clubs in the first month.",
            "The centre is open daily.",
        ],
    );
    check(
        "en",
        "Road works begin on Abay Avenue Traffic will be closed between the two crossings for a month. Buses take other routes.",
        &[
            "Road works begin on Abay Avenue",
            "Traffic will be closed between the two crossings for a month.",
            "Buses take other routes.",
        ],
    );
}

#[test]
fn russian_headlines_with_a_future_a_starter_or_a_date() {
    check(
        "ru",
        "Министерство построит новую больницу в Таразе Строительство начнется весной и продлится почти два года.",
        &[
            "Министерство построит новую больницу в Таразе",
            "Строительство начнется весной и продлится почти два года.",
        ],
    );
    check(
        "ru",
        "В Таразе открыта новая библиотека Сегодня, 5 мая, ее посетили первые читатели из трех районов.",
        &[
            "В Таразе открыта новая библиотека",
            "Сегодня, 5 мая, ее посетили первые читатели из трех районов.",
        ],
    );
    check(
        "ru",
        "Минфин меняет правила уплаты налогов С 1 июля платить их можно будет только через портал.",
        &[
            "Минфин меняет правила уплаты налогов",
            "С 1 июля платить их можно будет только через портал.",
        ],
    );
}

#[test]
fn kazakh_headlines_before_a_pronoun() {
    check(
        "kk",
        "Таразда жаңа кітапхана ашылды Ол үш қабатты ғимаратта орналасқан және жүз мың кітапты сақтайды.",
        &[
            "Таразда жаңа кітапхана ашылды",
            "Ол үш қабатты ғимаратта орналасқан және жүз мың кітапты сақтайды.",
        ],
    );
    // The dash inside the quoted name is not the headline's.
    check(
        "kk",
        "«Үздік әкім – 2026» байқауының жеңімпазы – Ерлан Сейітов Ол Жамбыл облысындағы ауданды бес жыл басқарады.",
        &[
            "«Үздік әкім – 2026» байқауының жеңімпазы – Ерлан Сейітов",
            "Ол Жамбыл облысындағы ауданды бес жыл басқарады.",
        ],
    );
}

#[test]
fn a_headline_with_hyphened_words_or_a_closing_figure() {
    check(
        "en",
        "Kazakhstan and Kyrgyzstan Sign Cross-Border Trade Agreement in Bishkek The agreement simplifies customs checks for small traders from March. It runs for five years.",
        &[
            "Kazakhstan and Kyrgyzstan Sign Cross-Border Trade Agreement in Bishkek",
            "The agreement simplifies customs checks for small traders from March.",
            "It runs for five years.",
        ],
    );
    check(
        "kk",
        "Елдегі жұмыссыздық деңгейі – 4,7% Статистика бюросының мәліметі бойынша, жұмыссыздар саны бір жылда азайды.",
        &[
            "Елдегі жұмыссыздық деңгейі – 4,7%",
            "Статистика бюросының мәліметі бойынша, жұмыссыздар саны бір жылда азайды.",
        ],
    );
}

#[test]
fn a_name_and_a_verb_of_saying_after_a_quotation_are_its_attribution() {
    let one = "“Let the new clinic open on time!” Dr. Saule Ibrayeva told the builders.";
    check("en", one, &[one]);
    let one = "“Will the road be ready by May?” Nurlan Sadykov asked.";
    check("en", one, &[one]);
    // A verb of saying that opens a clause of its own starts a sentence.
    check(
        "en",
        "“We will build it.” Deputy Akim Marat Ospanov says the new bridge will open in the autumn of next year.",
        &[
            "“We will build it.”",
            "Deputy Akim Marat Ospanov says the new bridge will open in the autumn of next year.",
        ],
    );
    // A pronoun with a capital starts a new sentence.
    check(
        "en",
        "“We are ready.” She said the team had trained for a year.",
        &[
            "“We are ready.”",
            "She said the team had trained for a year.",
        ],
    );
}

#[test]
fn a_telephone_number_after_tel_in_either_case() {
    let one = "For details, call the press office, tel. +7 7172 55 01 23.";
    check("en", one, &[one]);
    let one = "For details, call the press office, Tel. 8 7172 55 01 23.";
    check("en", one, &[one]);
}

#[test]
fn an_english_lede_counted_by_a_number_may_have_a_long_subject() {
    check(
        "en",
        "Kazakh pupils win medals at chemistry olympiad Three pupils from the Physics and Mathematics Lyceum in Aktobe competed against 300 students. The team returns on Friday.",
        &[
            "Kazakh pupils win medals at chemistry olympiad",
            "Three pupils from the Physics and Mathematics Lyceum in Aktobe competed against 300 students.",
            "The team returns on Friday.",
        ],
    );
}
