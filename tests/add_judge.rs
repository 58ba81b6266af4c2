//! `tm add` judges the versions it is given before storing anything: each
//! reads as its language, no file serves two languages, and the versions
//! translate each other.

mod common;

use common::Env;

const GRAIN_EN: &str = "Kostanay grain terminal opens\n\nKOSTANAY, 5 May 2026 – Minister Aidar Bekov opened the grain terminal of Kostanay region. The terminal will ship 250,000 tonnes a year to China and Uzbekistan. Construction cost 12 billion tenge and took 18 months.\n";
const GRAIN_RU: &str = "В Костанае открылся зерновой терминал\n\nКОСТАНАЙ, 5 мая 2026 г. – Министр Айдар Беков открыл зерновой терминал Костанайской области. Терминал будет отправлять 250 000 тонн в год в Китай и Узбекистан. Строительство обошлось в 12 млрд тенге и заняло 18 месяцев.\n";
const VACCINE_RU: &str = "В Шымкенте открылась неделя вакцинации\n\nШЫМКЕНТ, 14 апреля 2025 г. – Городской акимат открыл неделю вакцинации школьников. Пункты работают в 9 поликлиниках с 8:00 до 17:00. В прошлом году охват достиг 87,5%, сообщила Алия Сапарова.\n";

#[test]
fn a_true_pair_is_stored() {
    let env = Env::new();
    env.write("grain.en.txt", GRAIN_EN);
    env.write("grain.ru.txt", GRAIN_RU);
    let r = env
        .run(&["add", "--en", "grain.en.txt", "--ru", "grain.ru.txt"])
        .ok();
    assert!(r.stdout.starts_with("grain: 4 units added"), "{}", r.stdout);
}

#[test]
fn the_russian_of_another_release_is_refused_and_nothing_stored() {
    let env = Env::new();
    env.write("grain.en.txt", GRAIN_EN);
    env.write("vaccine.ru.txt", VACCINE_RU);
    let r = env
        .run(&["add", "--en", "grain.en.txt", "--ru", "vaccine.ru.txt"])
        .fails();
    assert!(
        r.stderr.starts_with(
            "tm: vaccine.ru.txt does not look like a translation of grain.en.txt: only"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(!env.path("memory").exists());
}

#[test]
fn a_file_in_another_language_or_given_twice_is_refused() {
    let env = Env::new();
    env.write("grain.en.txt", GRAIN_EN);
    env.write("grain.ru.txt", GRAIN_RU);
    let r = env
        .run(&["add", "--en", "grain.ru.txt", "--ru", "grain.en.txt"])
        .fails();
    assert!(
        r.stderr
            .contains("grain.ru.txt: given as English, but it reads as Russian"),
        "{}",
        r.stderr
    );
    let r = env
        .run(&[
            "add",
            "--en",
            "grain.en.txt",
            "--ru",
            "grain.ru.txt",
            "--kk",
            "grain.ru.txt",
        ])
        .fails();
    assert!(
        r.stderr.contains("given for both Russian and Kazakh")
            || r.stderr
                .contains("given as Kazakh, but it reads as Russian"),
        "{}",
        r.stderr
    );
    assert!(!env.path("memory").exists());
}
