//! Throughput of `tm::segment` against plain UAX #29 sentence boundaries
//! (`unicode_sentences()` of unicode-segmentation) on the same generated
//! release-like text, measured in the same run.
//!
//! `cargo bench --bench segment` measures about 5 MB per language; run
//! without `--bench` (as `cargo test --all-targets` does) it only checks on
//! a small text that both sides run.

use std::hint::black_box;
use std::time::Instant;

use tm::segment::segment;
use tm::Lang;
use unicode_segmentation::UnicodeSegmentation;

/// A small deterministic generator (xorshift), so every run measures the
/// same text.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        items[(self.0 % items.len() as u64) as usize]
    }
}

const EN: &[&str] = &[
    "The Office held a two-day seminar for 40 judges from six regions.",
    "Mr. Daniel Brooks, Head of the Office, opened the event with Dr. Saule Omarova.",
    "The budget of EUR 3.2 million covers 2,400 participants since 2016.",
    "“We value this partnership,” said Ambassador Karen Holt. “It will continue.”",
    "Experts from the U.S. Embassy and the E.U. Delegation took part, e.g. in the panels.",
    "The round table starts at 10 a.m. on 5 Nov. in the main hall.",
    "More details are at www.example.org/events/2016. Questions go to press@example.org.",
    "Turnout was approx. 61.5 per cent vs. 57.2 per cent in 2012.",
    "Under Art. 7.3 of the Law, the report is due within 30 days.",
    "What comes next? The answer depends on the parliament!",
    "The reforms continue… but slowly.",
];

const RU: &[&str] = &[
    "Офис провел двухдневный семинар для 40 судей из шести регионов.",
    "Семинар открыли г-н Д. Брукс и проф. С.А. Омарова в г. Алматы.",
    "Бюджет проекта составляет 3,2 млн. евро, т.е. на 10% больше, чем в 2016 г.",
    "«Мы ценим это партнерство, – сказала посол К. Холт. – Оно продолжится».",
    "В 2014–2016 гг. Офис провел более 50 мероприятий по ул. Абая, д. 12.",
    "Обсуждались вопросы СМИ, выборов, гражданского общества и т.д.",
    "Подробности на сайте www.example.org/ru. Вопросы направляйте на press@example.org.",
    "Согласно п. 2 ст. 7 Закона, отчет представляется в течение 30 дней.",
    "Что дальше? Ответ зависит от парламента!",
    "Реформы идут… но медленно.",
];

const KK: &[&str] = &[
    "Кеңсе алты өңірден келген 40 судьяға арналған екі күндік семинар өткізді.",
    "Семинарды Д. Брукс мырза мен проф. С.А. Омарова Алматы қ. ашты.",
    "Жобаның бюджеті 3,2 млн еуроны құрайды, бұл 2016 ж. қарағанда 10% көп.",
    "«Біз бұл әріптестікті бағалаймыз», – деді елші К. Холт.",
    "2014–2016 жж. Кеңсе Абай көш., 12 мекенжайында 50-ден астам іс-шара өткізді.",
    "БАҚ, сайлау, азаматтық қоғам т.б. мәселелер талқыланды.",
    "Толық ақпарат www.example.org/kk сайтында. Сұрақтарды press@example.org мекенжайына жіберіңіз.",
    "Заңның 7-бабына сәйкес есеп 30 күн ішінде ұсынылады.",
    "Әрі қарай не болады? Жауап парламентке байланысты!",
    "Реформалар жүріп жатыр… бірақ баяу.",
];

const HEADLINES: &[&str] = &[
    "Office supports judicial reform",
    "Офис поддерживает судебную реформу",
    "Кеңсе сот реформасын қолдайды",
];

/// About `bytes` of release-like text: a headline, then paragraphs of three
/// to six sentences, some lines as list items.
fn generate(sentences: &[&str], bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut text = String::with_capacity(bytes + 1024);
    while text.len() < bytes {
        text.push_str(rng.pick(HEADLINES));
        text.push_str("\n\n");
        for paragraph in 0..4 {
            let n = 3 + paragraph % 4;
            for k in 0..n {
                if k > 0 {
                    text.push(' ');
                }
                text.push_str(rng.pick(sentences));
            }
            text.push_str("\n\n");
        }
        text.push_str("• ");
        text.push_str(rng.pick(sentences));
        text.push_str("\n• ");
        text.push_str(rng.pick(sentences));
        text.push_str("\n\n");
    }
    text
}

/// The best of `runs` timings of `f` on `text`, in MB/s, and its result.
fn throughput(text: &str, runs: usize, f: impl Fn(&str) -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut count = 0;
    for _ in 0..runs {
        let t = Instant::now();
        count = black_box(f(black_box(text)));
        best = best.min(t.elapsed().as_secs_f64());
    }
    (text.len() as f64 / 1e6 / best.max(1e-9), count)
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (bytes, runs) = if measuring {
        (5_000_000, 5)
    } else {
        (20_000, 1)
    };
    println!(
        "{:<4} {:>8} {:>12} {:>12} {:>8} {:>10} {:>10}",
        "lang", "MB", "tm MB/s", "UAX29 MB/s", "ratio", "tm segs", "UAX29 segs"
    );
    for (lang, sentences, seed) in [(Lang::En, EN, 1), (Lang::Ru, RU, 2), (Lang::Kk, KK, 3)] {
        let text = generate(sentences, bytes, seed);
        let (tm_speed, tm_count) = throughput(&text, runs, |t| segment(t, lang).len());
        let (uax_speed, uax_count) = throughput(&text, runs, |t| t.unicode_sentences().count());
        println!(
            "{:<4} {:>8.2} {:>12.1} {:>12.1} {:>8.2} {:>10} {:>10}",
            lang.code(),
            text.len() as f64 / 1e6,
            tm_speed,
            uax_speed,
            tm_speed / uax_speed,
            tm_count,
            uax_count
        );
        assert!(tm_count > 0 && uax_count > 0);
    }
}
