//! The memory loader on any bytes: an error or a memory, never a panic; and a
//! memory it accepts survives a write and a second read unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use tm::memory::file::{parse, write_json};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.json");
    if let Ok(memory) = parse(data, path) {
        let mut out = Vec::new();
        write_json(&memory, &mut out).unwrap();
        let again = parse(&out, path).expect("a written memory reads back");
        assert_eq!(again, memory);
    }
});
