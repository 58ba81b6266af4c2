//! The segmenter on any text, in every language: no panic, segments in order,
//! on char boundaries, equal to the input slice they point at, and together
//! covering every non-space character of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tm::segment::{segment_with, Options};
use tm::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in Lang::ALL {
        for join_lines in [false, true] {
            let segs = segment_with(text, lang, Options { join_lines });
            let mut last_end = 0;
            let mut covered = String::new();
            for (i, s) in segs.iter().enumerate() {
                assert_eq!(s.index, i);
                assert!(s.start >= last_end && s.start < s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                if !join_lines {
                    assert_eq!(&text[s.start..s.end], s.text);
                }
                assert!(!s.text.trim().is_empty());
                assert!(s.text.chars().count() <= tm::segment::MAX_SEGMENT_CHARS);
                last_end = s.end;
                covered.push_str(&s.text);
            }
            // The segmenter trims zero-width spaces too, as white space.
            let squeeze = |t: &str| {
                t.chars()
                    .filter(|&c| {
                        !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
                    })
                    .collect::<String>()
            };
            assert_eq!(
                squeeze(&covered),
                squeeze(text),
                "segments do not cover the input"
            );
        }
    }
});
