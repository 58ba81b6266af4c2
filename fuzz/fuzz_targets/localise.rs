//! Adaptation on any texts (the input cut at `|` into a stored source, a
//! new source and a translation, the first byte choosing the languages): no
//! panic; a translation is changed only where tokens changed, and every
//! token the source changed that is left stored is named in the checks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tm::localise::token::recognise;
use tm::localise::Plan;
use tm::Lang;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut parts = text.splitn(3, '|');
    let (old, new, target) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let source = Lang::ALL[usize::from(pick % 3)];
    let lang = Lang::ALL[usize::from(pick / 3 % 3)];
    for l in Lang::ALL {
        for t in recognise(target, l) {
            assert!(t.start <= t.end && t.end <= target.len());
        }
    }
    let plan = Plan::new(old, new, source);
    let a = plan.apply(target, lang);
    assert_eq!(a.changed, a.text != target);
    // Nothing to change, nothing changed.
    if old == new {
        assert_eq!(a.text, target);
        assert!(a.checks.is_empty(), "{:?}", a.checks);
    }
});
