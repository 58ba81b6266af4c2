//! The TMX reader on any bytes: records or an error, never a panic or a hang;
//! every unit it gives has text in at least two of tm's languages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use tm::exchange::tmx_read::TmxReader;
use tm::exchange::{Item, UnitSource};

fuzz_target!(|data: &[u8]| {
    let Ok(mut reader) = TmxReader::new(data, Path::new("fuzz.tmx"), "2026-01-01T00:00:00Z") else {
        return;
    };
    // Every record consumes input, so the count of records is bounded.
    for _ in 0..=data.len() {
        match reader.next_item() {
            Ok(Some(Item::Unit(unit))) => assert!(unit.langs().len() >= 2),
            Ok(Some(Item::Skipped(_))) => {}
            Ok(None) | Err(_) => return,
        }
    }
    panic!("more records than bytes");
});
