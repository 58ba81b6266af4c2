//! Benchmark of `tm concord` on a generated memory of 1M units (set
//! `TM_BENCH_UNITS` for another size).
//!
//! The sentences are random strings of words from small English, Russian
//! and Kazakh word lists written for this benchmark, with Russian and Kazakh
//! endings added so that the stem rules have work to do, saved as a memory
//! file and loaded back. Reported: the load time, the time to prepare the
//! scan and the index once after loading, then microseconds per phrase for
//! the index and the scan, and the same phrases with a naive baseline (fold
//! every text, split it into words, compare) measured in the same run. An
//! indexed search can take less than a microsecond, so searches are timed
//! in batches of many calls (doubled until a batch lasts 20 ms; the best of
//! five batches), and the number of calls is printed beside the time; a
//! ratio is printed only where both sides' batches lasted at least 1 ms.
//! Then `tm concord` as it runs, through the concordance file beside the
//! memory, against the scan it replaced (load the JSON, `concord()`): the
//! first run that writes the file, later runs that read it, each phrase,
//! and the whole command and its peak memory (`/usr/bin/time`) against the
//! scan's, run in a child process.
//!
//! Run: `cargo bench --bench concord`.

use std::process::Command;
use std::time::{Duration, Instant};

#[allow(dead_code)] // shared by the benches; each uses a part
mod common;

use common::{lists, measure, sentence, Rng};
use tm::concord::cache::{self, Concorder};
use tm::concord::index::ConcordIndex;
use tm::concord::rules::Rules;
use tm::concord::{concord, Scan};
use tm::memory::{file, Memory, Unit};
use tm::storage::derived::Source;
use tm::text::{fold, word_spans};
use tm::Lang;

fn generate(units: usize) -> Memory {
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let w = lists();
    let mut memory = Memory::default();
    memory.units.reserve(units);
    for i in 0..units {
        let release = i / 25;
        // One release a day, so `changed` orders releases.
        let day = release % 3650;
        let date = format!(
            "20{:02}-{:02}-{:02}T10:00:00Z",
            16 + day / 365,
            1 + (day % 365) / 31,
            1 + (day % 365) % 28
        );
        let mut u = Unit::new(format!("{i:012x}"), &date);
        u.en = Some(sentence(&mut rng, &w, Lang::En));
        u.ru = Some(sentence(&mut rng, &w, Lang::Ru));
        if rng.below(5) != 0 {
            u.kk = Some(sentence(&mut rng, &w, Lang::Kk));
        }
        u.release = Some(format!("release-{release}"));
        u.position = Some(i % 25);
        memory.units.push(u);
    }
    memory
}

/// The baseline: what a straightforward implementation does per phrase —
/// fold each text, split it into words, compare word by word — and sort
/// all hits newest first.
fn naive(memory: &Memory, phrase: &str, lang: Lang, top: usize) -> Vec<usize> {
    let rules = Rules::of(lang);
    let folded = fold(phrase);
    let pw: Vec<_> = word_spans(&folded)
        .map(|(s, e)| rules.phrase_word(&folded[s..e]))
        .collect();
    let mut hits: Vec<(usize, &Unit)> = Vec::new();
    for (i, u) in memory.units.iter().enumerate() {
        let Some(t) = u.text(lang) else { continue };
        let t = fold(t);
        let w: Vec<&str> = word_spans(&t).map(|(s, e)| &t[s..e]).collect();
        if w.windows(pw.len())
            .any(|win| win.iter().zip(&pw).all(|(w, p)| rules.matches(p, w)))
        {
            hits.push((i, u));
        }
    }
    hits.sort_by(|(_, a), (_, b)| b.changed.cmp(&a.changed).then(a.position.cmp(&b.position)));
    hits.into_iter().take(top).map(|(i, _)| i).collect()
}

/// Best of `reps` single runs: for what takes far longer than the clock's
/// resolution (loading, building).
fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..reps {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        last = Some(v);
    }
    (best, last.expect("at least one rep"))
}

/// The time of one call of something that may take well under a
/// microsecond: calls are timed in batches, doubled from one call until a
/// batch lasts at least `min_batch`, far above the clock's resolution; the
/// best of `rounds` batches, divided by the calls in it.
#[derive(Clone, Copy)]
struct PerCall {
    each: Duration,
    calls: usize,
    batch: Duration,
}

impl PerCall {
    fn us(&self) -> f64 {
        self.each.as_secs_f64() * 1e6
    }
    /// `12.3 µs ×1024`: the time per call and the calls in a batch.
    fn show(&self) -> String {
        let us = self.us();
        let t = if us < 10.0 {
            format!("{us:.3}")
        } else if us < 1000.0 {
            format!("{us:.1}")
        } else {
            format!("{us:.0}")
        };
        format!("{t} ×{}", self.calls)
    }
}

fn per_call<T>(rounds: usize, min_batch: Duration, mut f: impl FnMut() -> T) -> (PerCall, T) {
    let mut calls = 1usize;
    let batch = |calls: usize, f: &mut dyn FnMut() -> T| {
        let t = Instant::now();
        for _ in 1..calls {
            std::hint::black_box(f());
        }
        let v = f();
        (t.elapsed(), v)
    };
    let (mut best, mut last) = batch(calls, &mut f);
    while best < min_batch && calls < 1 << 26 {
        calls *= 2;
        (best, last) = batch(calls, &mut f);
    }
    for _ in 1..rounds {
        let (d, v) = batch(calls, &mut f);
        best = best.min(d);
        last = v;
    }
    let each = best / calls as u32;
    (
        PerCall {
            each,
            calls,
            batch: best,
        },
        last,
    )
}

/// The shortest batch a ratio is given for: a thousand times the clock's
/// resolution at the least (`Instant` resolves well under a microsecond).
const RESOLVED: Duration = Duration::from_millis(1);

/// `slow / fast` as a ratio, or `—` when either was timed over less than
/// [`RESOLVED`] (then the figure would be the clock's).
fn ratio(slow: PerCall, fast: PerCall) -> String {
    if slow.batch < RESOLVED || fast.batch < RESOLVED {
        return "—".into();
    }
    let r = slow.each.as_secs_f64() / fast.each.as_secs_f64();
    if r >= 100.0 {
        format!("{:.0}x", r)
    } else {
        format!("{r:.1}x")
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--scan-child") {
        // The reference command, run in a child so that its peak memory can
        // be measured: load the JSON, scan it once.
        let memory = file::load(std::path::Path::new(&args[2])).expect("memory");
        let found = concord(&memory, &args[3], Lang::Ru, 20).expect("words");
        println!("{}", found.hits.len());
        return;
    }
    // `cargo test --all-targets` runs benches once as tests: keep that quick.
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this
    // too, without it, and should stay quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("TM_BENCH_UNITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick { 2_000 } else { 1_000_000 });
    let t = Instant::now();
    let generated = generate(n);
    println!("generated {n} units in {:.1} s", t.elapsed().as_secs_f64());
    // Searched as `tm concord` sees it: saved as a memory file, loaded back.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tm.json");
    file::save(&generated, &path).expect("saving the memory");
    drop(generated);
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let (d, memory) = time(1, || file::load(&path).expect("loading the memory"));
    println!(
        "loaded the memory file ({:.0} MB) in {:.1} s",
        bytes as f64 / 1e6,
        d.as_secs_f64()
    );

    let phrases: &[(&str, Lang, &str)] = &[
        ("seminar", Lang::En, "common word"),
        ("press freedom", Lang::En, "two words"),
        ("ombudsman", Lang::En, "absent word (full scan)"),
        ("semantics", Lang::En, "absent, common prefix"),
        ("семинар", Lang::Ru, "common stem"),
        ("столица", Lang::Ru, "stem with endings"),
        ("программа развития", Lang::Ru, "two words"),
        ("омбудсмен", Lang::Ru, "absent word (full scan)"),
        ("протокол", Lang::Ru, "absent, common prefix"),
        ("на", Lang::Ru, "short exact word"),
        ("Астана", Lang::Kk, "stem with suffixes"),
        ("бағдарлама мектеп", Lang::Kk, "two words"),
        ("омбудсмен", Lang::Kk, "absent word (full scan)"),
        ("бағыт", Lang::Kk, "absent, common prefix"),
    ];
    let mut prepared = Vec::new();
    for lang in Lang::ALL {
        let (d, scan) = time(1, || Scan::new(&memory, lang));
        let (e, index) = time(1, || ConcordIndex::new(&memory, lang));
        println!(
            "prepared the {} scan in {:.0} ms, the index (scan included) in {:.0} ms",
            lang.code(),
            ms(d),
            ms(e)
        );
        prepared.push((scan, index));
    }
    // `tm concord` makes one search per run: no preparation, every text
    // folded on the way, only the hits sorted.
    for phrase in ["омбудсмен", "на"] {
        let (d, once) = time(1, || concord(&memory, phrase, Lang::Ru, 20).expect("words"));
        let (scan, _) = &prepared[1];
        assert_eq!(once, scan.search(&memory, phrase, 20).expect("words"));
        println!(
            "one-off search as `tm concord` makes it ('{phrase}', ru): {:.0} ms",
            ms(d)
        );
    }
    // Searches are timed per call over batches (see [`per_call`]): an
    // indexed search can take less than a microsecond.
    let (rounds, min_batch) = if quick {
        (1, Duration::from_millis(1))
    } else {
        (5, Duration::from_millis(20))
    };
    println!(
        "\nµs per search: best of {rounds} batches of the given number of calls, \
         doubled until a batch lasted {} ms; baseline: one call",
        min_batch.as_millis()
    );
    println!(
        "{:<20} {:<4} {:<24} {:>5} {:>18} {:>18} {:>14} {:>9} {:>9}",
        "phrase",
        "lang",
        "case",
        "hits",
        "index µs ×calls",
        "scan µs ×calls",
        "baseline µs",
        "b/index",
        "b/scan"
    );
    let (mut worst_index, mut worst_scan): (f64, f64) = (0.0, 0.0);
    for &(phrase, lang, case) in phrases {
        let (scan, index) = &prepared[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)];
        let (d, found) = per_call(rounds, min_batch, || {
            scan.search(&memory, phrase, 20).expect("words")
        });
        let (i, indexed) = per_call(rounds, min_batch, || {
            index.search(&memory, phrase, 20).expect("words")
        });
        let (b, base_hits) = per_call(1, min_batch, || naive(&memory, phrase, lang, 20));
        let got: Vec<usize> = found.hits.iter().map(|h| h.index).collect();
        assert_eq!(got, base_hits, "scan and baseline disagree on '{phrase}'");
        assert_eq!(found, indexed, "scan and index disagree on '{phrase}'");
        worst_scan = worst_scan.max(d.us() / 1000.0);
        worst_index = worst_index.max(i.us() / 1000.0);
        println!(
            "{:<20} {:<4} {:<24} {:>5} {:>18} {:>18} {:>14.0} {:>9} {:>9}",
            phrase,
            lang.code(),
            case,
            format!("{}{}", found.hits.len(), if found.more { "+" } else { "" }),
            i.show(),
            d.show(),
            b.us(),
            ratio(b, i),
            ratio(b, d)
        );
    }
    println!(
        "\nslowest phrase on {n} units: index {worst_index:.3} ms, scan {worst_scan:.2} ms (bar: 50 ms)"
    );
    drop(prepared);
    concordance_file(&path, &memory, phrases, rounds, min_batch);
}

/// `tm concord` as it runs now, through the concordance file beside the
/// memory, against the scan it replaced (load the JSON, [`concord`]): the
/// first run (build and write the file), a later run (read it), each
/// phrase, the whole command and its peak memory.
fn concordance_file(
    path: &std::path::Path,
    memory: &Memory,
    phrases: &[(&str, Lang, &str)],
    rounds: usize,
    min_batch: Duration,
) {
    println!("\n`tm concord` through the concordance file (tm.json.LANG.concord):");
    let (load, _) = time(1, || file::load(path).expect("loading the memory"));
    println!("  scan: loading the JSON {:.2} s", load.as_secs_f64());
    let mut worst = (0.0f64, 0.0f64);
    for lang in Lang::ALL {
        let _ = std::fs::remove_file(cache::cache_path(path, lang));
        let (build, (_, source)) = time(1, || Concorder::open(path, lang).expect("memory"));
        assert_eq!(source, Source::JsonCached);
        let (open, (mut c, source)) = time(1, || Concorder::open(path, lang).expect("memory"));
        assert_eq!(source, Source::Cache);
        let size = std::fs::metadata(cache::cache_path(path, lang)).map_or(0, |m| m.len());
        println!(
            "  {}: first run (parse, index, write {:.0} MB) {:.2} s = {:.2}x loading the JSON; \
             later runs read it in {:.2} s = {:.3}x",
            lang.code(),
            size as f64 / 1e6,
            build.as_secs_f64(),
            build.as_secs_f64() / load.as_secs_f64(),
            open.as_secs_f64(),
            open.as_secs_f64() / load.as_secs_f64()
        );
        for &(phrase, l, case) in phrases.iter().filter(|p| p.1 == lang) {
            let (d, scan) = per_call(rounds, min_batch, || {
                concord(memory, phrase, l, 20).expect("words")
            });
            let (f, fast) = per_call(rounds, min_batch, || {
                c.search(phrase, 20).expect("words").expect("agrees")
            });
            let want: Vec<(&str, &[(usize, usize)])> = scan
                .hits
                .iter()
                .map(|h| (memory.units[h.index].id.as_str(), h.spans.as_slice()))
                .collect();
            let got: Vec<(&str, &[(usize, usize)])> = fast
                .hits
                .iter()
                .map(|h| (h.unit.id.as_str(), h.spans.as_slice()))
                .collect();
            assert_eq!(got, want, "file and scan disagree on '{phrase}'");
            assert_eq!(fast.more, scan.more);
            worst = (worst.0.max(f.us() / 1000.0), worst.1.max(d.us() / 1000.0));
            println!(
                "    {phrase:<20} {case:<24} fast {:>16} µs  scan {:>12} µs  scan/fast {:>9}",
                f.show(),
                d.show(),
                ratio(d, f)
            );
        }
    }
    println!(
        "  slowest phrase: fast {:.3} ms, scan {:.1} ms (bar: 50 ms)",
        worst.0, worst.1
    );
    // The whole command, file present, against the scan in a child process.
    let Some(tm) = option_env!("CARGO_BIN_EXE_tm") else {
        return;
    };
    let me = std::env::current_exe().expect("bench binary");
    if !measure::have_time() {
        println!("  (no /usr/bin/time: whole-command figures skipped)");
        return;
    }
    // The first run after a change: the command builds and writes the file.
    let _ = std::fs::remove_file(cache::cache_path(path, Lang::Ru));
    let mut first = Command::new(tm);
    first
        .env("TM_MEMORY", path)
        .args(["concord", "столица", "--lang", "ru"]);
    let r = measure::run(&first);
    println!(
        "  whole first `tm concord 'столица'` (writes the file): {:.2} s, peak {}",
        r.secs,
        measure::mb(r.peak_mb)
    );
    for phrase in ["программа развития", "омбудсмен"] {
        let mut cmd = Command::new(tm);
        cmd.env("TM_MEMORY", path)
            .args(["concord", phrase, "--lang", "ru"]);
        let mut scan = Command::new(&me);
        scan.arg("--scan-child").arg(path).arg(phrase);
        // Best of three runs each: the machine is shared.
        let best = |cmd: &Command| {
            (0..3)
                .map(|_| measure::run(cmd))
                .map(|r| (r.secs, r.peak_mb.unwrap_or(f64::NAN)))
                .fold((f64::MAX, f64::MAX), |a, b| (a.0.min(b.0), a.1.min(b.1)))
        };
        let ((t1, m1), (t0, m0)) = (best(&cmd), best(&scan));
        println!(
            "  whole `tm concord '{phrase}'` with the file: {t1:.3} s, peak {m1:.0} MB; \
             scan (load + search): {t0:.3} s, peak {m0:.0} MB: time {:.3}x, memory {:.2}x",
            t1 / t0,
            m1 / m0
        );
    }
}
