//! Generated trilingual releases for the reliability tests: many distinct
//! releases whose sentences are easy to align, written from templates so that
//! every test can make as many as it needs.

#![allow(dead_code)]

/// The English, Russian and Kazakh texts of generated release `n`, each with
/// `sentences` sentences in one paragraph.
pub fn release(n: usize, sentences: usize) -> (String, String, String) {
    let (mut en, mut ru, mut kk) = (String::new(), String::new(), String::new());
    for i in 0..sentences {
        let k = n * 1000 + i;
        let people = 10 + (k % 90);
        let day = 1 + (k % 28);
        en.push_str(&format!(
            "On {day} May the office in region {k} trained {people} officials on open data. "
        ));
        ru.push_str(&format!(
            "{day} мая офис в регионе {k} обучил {people} чиновников работе с открытыми данными. "
        ));
        kk.push_str(&format!(
            "{day} мамырда {k} өңіріндегі кеңсе {people} шенеунікті ашық деректермен жұмыс істеуге үйретті. "
        ));
    }
    (en, ru, kk)
}

/// A memory file of schema version 1 with `n` generated units, as JSON text.
pub fn memory_json(n: usize) -> String {
    let mut units = Vec::with_capacity(n);
    for i in 0..n {
        units.push(serde_json::json!({
            "id": format!("{:012x}", 0x1000_0000 + i),
            "en": format!("Stored sentence number {i} about the budget of the city."),
            "ru": format!("Сохраненное предложение номер {i} о бюджете города."),
            "kk": format!("Қала бюджеті туралы {i} нөмірлі сақталған сөйлем."),
            "release": format!("old-{}", i / 20),
            "position": i % 20,
            "created": "2026-01-01T00:00:00Z",
            "changed": "2026-01-01T00:00:00Z",
            "confidence": 0.99,
        }));
    }
    serde_json::to_string_pretty(&serde_json::json!({
        "format": "tm-memory",
        "version": 1,
        "units": units,
    }))
    .unwrap()
}
