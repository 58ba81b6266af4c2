//! The aligner on any three texts (the input cut at `|`): no panic; the
//! units cover every segment of every language exactly once, in order; each
//! confidence is within 0–1 and each bead string counts the unit's segments.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tm::align::align;
use tm::segment::segment;
use tm::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '|');
    let en = segment(parts.next().unwrap_or(""), Lang::En);
    let ru = segment(parts.next().unwrap_or(""), Lang::Ru);
    let kk = segment(parts.next().unwrap_or(""), Lang::Kk);
    let units = align(&en, Some(&ru), Some(&kk));
    let counts = [en.len(), ru.len(), kk.len()];
    let mut next = [0usize; 3];
    for u in &units {
        assert!(
            (0.0..=1.0).contains(&u.confidence),
            "confidence {}",
            u.confidence
        );
        let beads: Vec<usize> = u.beads.split('-').map(|b| b.parse().unwrap()).collect();
        for l in 0..3 {
            assert_eq!(u.ranges[l].len(), beads[l]);
            // An empty range says only "none here"; where it starts is moot.
            if !u.ranges[l].is_empty() {
                assert_eq!(
                    u.ranges[l].start, next[l],
                    "a gap or overlap in language {l}"
                );
                next[l] = u.ranges[l].end;
            }
        }
        assert!(u.ranges.iter().any(|r| !r.is_empty()), "an empty unit");
    }
    assert_eq!(next, counts, "not every segment was aligned");
});
