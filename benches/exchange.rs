//! Import of a generated 1,000,000-unit TMX: time, and peak memory against
//! the size of the JSON memory it produces.
//!
//! `cargo bench --bench exchange` (set `TM_BENCH_UNITS` for another size).
//! Under `cargo test` it runs on 2,000 units as a smoke test. The baseline,
//! measured in the same run, is loading the resulting memory from its JSON
//! file: the cheapest way to get the same units into memory.
//!
//! Bars (from issue 5): import under 30 s, peak memory (VmHWM, reset before
//! the import) under 3× the JSON file's size.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use tm::exchange::import_file;
use tm::exchange::tmx_read::TmxReader;
use tm::exchange::UnitSource;
use tm::memory::{self, EditOutcome};

const EN: [&str; 16] = [
    "office",
    "minister",
    "region",
    "school",
    "forum",
    "report",
    "budget",
    "road",
    "hospital",
    "programme",
    "delegation",
    "agreement",
    "project",
    "museum",
    "bridge",
    "festival",
];
const RU: [&str; 16] = [
    "офис",
    "министр",
    "регион",
    "школа",
    "форум",
    "отчёт",
    "бюджет",
    "дорога",
    "больница",
    "программа",
    "делегация",
    "соглашение",
    "проект",
    "музей",
    "мост",
    "фестиваль",
];
const KK: [&str; 16] = [
    "кеңсе",
    "министр",
    "өңір",
    "мектеп",
    "форум",
    "есеп",
    "бюджет",
    "жол",
    "аурухана",
    "бағдарлама",
    "делегация",
    "келісім",
    "жоба",
    "мұражай",
    "көпір",
    "фестиваль",
];

/// A sentence of about a dozen words from `words`, unique for `n` (the
/// number is spelled into it).
fn sentence(words: &[&str; 16], n: u64, lead: &str) -> String {
    let mut s = String::from(lead);
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for _ in 0..10 {
        s.push(' ');
        s.push_str(words[(x & 15) as usize]);
        x = x.rotate_right(4);
    }
    s.push_str(&format!(" {n}."));
    s
}

/// Writes a TMX of `units` units as another tool would (regional codes, a
/// prop, dates on the `<tu>`): 1 in 100 is an alternative translation of the
/// unit before it, 1 in 100 repeats an earlier unit.
fn generate(path: &Path, units: u64) -> std::io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 20, File::create(path)?);
    w.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"bench\" \
          creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"bench\" adminlang=\"en-US\" srclang=\"en-US\" \
          datatype=\"plaintext\"/>\n  <body>\n",
    )?;
    for i in 0..units {
        let (src, tgt) = match i % 100 {
            50 => (i - 1, i + 7_000_000_000),
            99 => (i / 2, i / 2),
            _ => (i, i),
        };
        write!(
            w,
            "    <tu creationdate=\"20250101T000000Z\" changedate=\"20250102T000000Z\">\n      \
             <prop type=\"x-Project\">Press &amp; media</prop>\n      \
             <tuv xml:lang=\"en-US\"><seg>{}</seg></tuv>\n      \
             <tuv xml:lang=\"ru-RU\"><seg>{}</seg></tuv>\n      \
             <tuv xml:lang=\"kk-KZ\"><seg>{}</seg></tuv>\n    </tu>\n",
            sentence(&EN, src, "The"),
            sentence(&RU, tgt, "Это"),
            sentence(&KK, tgt, "Бұл"),
        )?;
    }
    w.write_all(b"  </body>\n</tmx>\n")?;
    w.flush()
}

/// Peak resident memory of this process so far, in bytes (Linux).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// CPU seconds (user + system) this process has used, from
/// `/proc/self/stat` at the usual 100 ticks per second: on a shared machine
/// a fairer measure than the wall clock.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Resets the peak so it measures what follows (Linux 4.0+; else no-op).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let units: u64 = match std::env::var("TM_BENCH_UNITS") {
        Ok(v) => v.parse().expect("TM_BENCH_UNITS: a number"),
        Err(_) if benching => 1_000_000,
        Err(_) => 2_000,
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let tmx = dir.path().join("bench.tmx");
    let json = dir.path().join("tm.json");

    let t = Instant::now();
    generate(&tmx, units).expect("writing the TMX");
    let tmx_size = std::fs::metadata(&tmx).unwrap().len();
    println!(
        "generated {units} units, {:.1} MB of TMX in {:.1} s",
        mb(tmx_size),
        t.elapsed().as_secs_f64()
    );

    // How much of the import is reading the XML at all.
    let t = Instant::now();
    let c = cpu_seconds();
    let mut reader = TmxReader::open(&tmx, "2026-01-01T00:00:00Z").expect("open");
    let mut parsed = 0u64;
    while reader.next_item().expect("parse").is_some() {
        parsed += 1;
    }
    let parse_s = t.elapsed().as_secs_f64();
    let parse_cpu = cpu_seconds() - c;
    assert_eq!(parsed, units);

    reset_peak();
    let base_rss = peak_rss().unwrap_or(0);
    let t = Instant::now();
    let c = cpu_seconds();
    let report = memory::edit(&json, true, |m| {
        let r = import_file(m, &tmx, "2026-01-01T00:00:00Z", &mut |_| {})?;
        Ok::<_, tm::exchange::ExchangeError>((r, EditOutcome::Save))
    })
    .expect("import");
    let import_s = t.elapsed().as_secs_f64();
    let import_cpu = cpu_seconds() - c;
    let peak = peak_rss().unwrap_or(0);
    let json_size = std::fs::metadata(&json).unwrap().len();
    let t = Instant::now();
    let c = cpu_seconds();
    let loaded = memory::file::load(&json).expect("load");
    let load_s = t.elapsed().as_secs_f64();
    let load_cpu = cpu_seconds() - c;
    let t = Instant::now();
    memory::file::save(&loaded, &json).expect("save");
    let save_s = t.elapsed().as_secs_f64();
    drop(loaded);

    let loaded = memory::file::load(&json).expect("load");
    assert_eq!(loaded.units.len(), report.added);
    assert_eq!(report.read as u64, units);
    assert_eq!(report.added + report.already_present, report.read);

    println!(
        "import: read {} added {} ({} alternatives) already present {}",
        report.read, report.added, report.alternatives, report.already_present
    );
    println!(
        "import: {import_s:.2} s wall, {import_cpu:.2} s CPU ({:.0} MB/s of TMX), incl. saving",
        mb(tmx_size) / import_s,
    );
    println!(
        "baseline, loading the same memory from its JSON: {load_s:.2} s wall, {load_cpu:.2} s CPU (import/load CPU ratio {:.1}×)",
        import_cpu / load_cpu.max(0.01)
    );
    println!(
        "for scale: parsing the TMX alone {parse_s:.2} s wall, {parse_cpu:.2} s CPU; saving the JSON alone {save_s:.2} s"
    );
    println!(
        "peak RSS during import: {:.1} MB (process before: {:.1} MB); JSON memory: {:.1} MB; peak/JSON = {:.2}×",
        mb(peak),
        mb(base_rss),
        mb(json_size),
        peak as f64 / json_size as f64
    );
    if benching {
        let ok_time = import_s < 30.0;
        let ok_mem = (peak as f64) < 3.0 * json_size as f64;
        println!(
            "bars: time < 30 s {}; peak < 3× JSON {}",
            if ok_time { "met" } else { "MISSED" },
            if ok_mem { "met" } else { "MISSED" }
        );
    }
}
