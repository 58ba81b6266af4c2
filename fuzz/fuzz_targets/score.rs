//! The match score on any two texts (the input cut at `|`), in every
//! language: within 0–100, and 100 exactly when the texts are equal after
//! Unicode NFC and white-space folding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tm::fuzzy::score::score_texts;
use tm::memory::normalize;
use tm::segment::MAX_SEGMENT_CHARS;
use tm::Lang;

/// Texts are segments, which the segmenter keeps to this length.
fn clip(text: &str) -> &str {
    match text.char_indices().nth(MAX_SEGMENT_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = text.split_once('|').unwrap_or((text, ""));
    let (a, b) = (clip(a), clip(b));
    for lang in Lang::ALL {
        let s = score_texts(a, b, lang);
        assert!((0.0..=100.0).contains(&s), "score {s} out of range");
        let same = normalize(a) == normalize(b);
        assert_eq!(s == 100.0, same, "score {s} for {a:?} / {b:?}");
    }
});
