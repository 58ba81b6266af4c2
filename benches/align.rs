//! How fast `tm add` is: aligning a 40-sentence trilingual release, and
//! adding one release to a memory of 100,000 units (load, align, add, save),
//! with the time split by stage. All data is generated here.
//!
//!     cargo bench --bench align
//!
//! Run without `--bench` (as `cargo test --all-targets` does) it only
//! checks that everything works, on a memory of 1,000 units.
//!
//! Each figure is also given as a ratio to a baseline measured in the same
//! run (segmenting the same release; reading the memory file's bytes), so
//! that runs on different machines compare.

use std::hint::black_box;
use std::time::{Duration, Instant};

use tm::align::release::{align_release, Cut};
use tm::align::{align, to_units};
use tm::memory::{file, Memory, Unit};
use tm::segment::segment;
use tm::Lang;

/// A tiny deterministic generator (xorshift), so every run sees the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const EN_WORDS: &[&str] = &[
    "the", "ministry", "region", "project", "students", "said", "will", "open", "new", "schools",
    "budget", "children", "hospital", "road", "year", "plans", "water", "city",
];
const RU_WORDS: &[&str] = &[
    "министерство",
    "область",
    "проект",
    "студенты",
    "сказал",
    "откроет",
    "новые",
    "школы",
    "бюджет",
    "дети",
    "больница",
    "дорога",
    "года",
    "планирует",
    "вода",
    "город",
    "и",
    "в",
];
const KK_WORDS: &[&str] = &[
    "министрлік",
    "облыс",
    "жоба",
    "студенттер",
    "деді",
    "ашады",
    "жаңа",
    "мектептер",
    "бюджет",
    "балалар",
    "аурухана",
    "жол",
    "жылы",
    "жоспарлап",
    "су",
    "қала",
    "және",
    "мен",
];
const NAMES: &[(&str, &str, &str)] = &[
    ("Astana", "Астана", "Астана"),
    ("Tokayev", "Токаев", "Тоқаев"),
    ("Almaty", "Алматы", "Алматы"),
    ("Shymkent", "Шымкент", "Шымкент"),
];

/// One sentence in each language: the same number of "content" words
/// (Russian and Kazakh words are longer, as in real text), a shared number
/// and sometimes a shared name.
fn sentence(rng: &mut Rng) -> [String; 3] {
    let n = 6 + rng.below(18);
    let mut out = [String::new(), String::new(), String::new()];
    for (k, words) in [EN_WORDS, RU_WORDS, KK_WORDS].iter().enumerate() {
        let mut r = Rng(rng.0 ^ 0x9e37);
        let w: Vec<&str> = (0..n).map(|_| words[r.below(words.len())]).collect();
        out[k] = w.join(" ");
    }
    let number = rng.below(5000);
    let name = NAMES[rng.below(NAMES.len())];
    for (k, s) in out.iter_mut().enumerate() {
        let mut first = s.remove(0).to_uppercase().collect::<String>();
        first.push_str(s);
        let nm = [name.0, name.1, name.2][k];
        *s = format!("{first} {nm} {number}.");
    }
    rng.next();
    out
}

/// A release of `n` sentences in paragraphs of three.
fn release(rng: &mut Rng, n: usize) -> [String; 3] {
    let mut out = [String::new(), String::new(), String::new()];
    for i in 0..n {
        let s = sentence(rng);
        for k in 0..3 {
            if i > 0 {
                out[k].push_str(if i % 3 == 0 { "\n\n" } else { " " });
            }
            out[k].push_str(&s[k]);
        }
    }
    out
}

/// Median wall time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (reps, memory_size, runs) = if measuring {
        (200, 100_000, 5)
    } else {
        (3, 1_000, 1)
    };
    let mut rng = Rng(0x5eed_1234_abcd);
    let rel = release(&mut rng, 40);
    let segs: Vec<_> = Lang::ALL
        .iter()
        .zip(&rel)
        .map(|(l, t)| segment(t, *l))
        .collect();
    assert!(
        segs.iter().all(|s| s.len() == 40),
        "generated release must segment into 40"
    );

    let seg_time = median(reps, || {
        for (l, t) in Lang::ALL.iter().zip(&rel) {
            black_box(segment(black_box(t), *l));
        }
    });
    let align_time = median(reps, || {
        black_box(align(&segs[0], Some(&segs[1]), Some(&segs[2])));
    });
    let aligned = align(&segs[0], Some(&segs[1]), Some(&segs[2]));
    let ones = aligned.iter().filter(|u| u.beads == "1-1-1").count();
    println!("align a 40-sentence trilingual release (3 pairs, join, confidences):");
    println!(
        "  {:.3} ms median of {reps} (bar < 5 ms); baseline segmenting the 3 versions {:.3} ms; ratio {:.1}x",
        ms(align_time),
        ms(seg_time),
        align_time.as_secs_f64() / seg_time.as_secs_f64()
    );
    println!("  {ones} of {} units are 1-1-1 as generated", aligned.len());

    // A memory of 100,000 units of generated sentences, built directly
    // (ids in order) so that building it does not dominate the run.
    let now = "2026-11-29T00:00:00Z";
    let mut memory = Memory::default();
    for i in 0..memory_size {
        let s = sentence(&mut rng);
        let mut u = Unit::new(format!("{i:012x}"), now);
        for (l, t) in Lang::ALL.iter().zip(s) {
            u.set_text(*l, Some(format!("{t} ({i})")));
        }
        u.release = Some(format!("gen-{}", i / 40));
        u.position = Some(i % 40);
        u.confidence = Some(0.97);
        memory.units.push(u);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tm.json");
    file::save(&memory, &path).expect("save");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    drop(memory);

    let new = release(&mut rng, 40);
    let mut split = [Duration::ZERO; 5];
    let mut totals = Vec::new();
    for _ in 0..runs {
        // Each run adds to a fresh copy of the 100,000-unit file.
        let p = dir.path().join("run.json");
        std::fs::copy(&path, &p).expect("copy");
        let t0 = Instant::now();
        let bytes = std::fs::read(&p).expect("read");
        let t1 = Instant::now();
        let mut m = file::parse(&bytes, &p).expect("parse");
        let t2 = Instant::now();
        let aligned =
            align_release(&new[0], Some(&new[1]), Some(&new[2]), Cut::Sentences).expect("align");
        let t3 = Instant::now();
        let report = m.add(to_units(&aligned, "new", now), Lang::En);
        assert_eq!(report.added, aligned.len());
        let t4 = Instant::now();
        file::save(&m, &p).expect("save");
        let t5 = Instant::now();
        for (s, d) in split
            .iter_mut()
            .zip([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4])
        {
            *s += d;
        }
        totals.push(t5 - t0);
    }
    totals.sort();
    let avg = |d: Duration| ms(d) / runs as f64;
    println!(
        "tm add to a memory of {memory_size} units ({:.1} MB), load + align + add + save:",
        size as f64 / 1e6
    );
    println!(
        "  {:.0} ms median of {runs} (bar well under 2 s)",
        ms(totals[runs / 2])
    );
    println!(
        "  split (mean): read {:.0} ms, parse {:.0} ms, segment+align {:.1} ms, dedup/add {:.0} ms, write+sync+rename {:.0} ms",
        avg(split[0]),
        avg(split[1]),
        avg(split[2]),
        avg(split[3]),
        avg(split[4])
    );
    println!(
        "  ratio to the baseline of reading the file's bytes: {:.1}x",
        ms(totals[runs / 2]) / avg(split[0]).max(1e-6)
    );
}
