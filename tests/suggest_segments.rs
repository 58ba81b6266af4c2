//! `tm suggest` on a folder memory through its index segments: a release
//! added is indexed alone (a delta beside the base), a file edited or
//! removed has its old units masked out, merges keep the results, and in
//! every case the matches are exactly those of an index built afresh.

mod common;

use std::path::{Path, PathBuf};

use common::releases::release;
use common::Env;
use pretty_assertions::assert_eq;
use serde_json::Value;

/// Words for generated sentences: enough of them that sentences differ,
/// few enough that they share words and score against each other.
const WHO: [&str; 6] = [
    "The Ministry of Energy",
    "The city council",
    "The national bank",
    "The regional akimat",
    "The port authority",
    "The statistics committee",
];
const DID: [&str; 5] = ["opened", "approved", "reviewed", "announced", "funded"];
const WHAT: [&str; 7] = [
    "a training centre",
    "the new budget",
    "a water pipeline",
    "the export plan",
    "a school for engineers",
    "the road repairs",
    "a solar plant",
];
const WHERE: [&str; 4] = ["in Astana", "in Almaty", "near Shymkent", "in Aktau"];

/// The `i`-th generated English sentence with its Russian stand-in.
fn sentence(i: usize) -> (String, String) {
    let en = format!(
        "{} {} {} {} on day {}.",
        WHO[i % 6],
        DID[i / 6 % 5],
        WHAT[i / 30 % 7],
        WHERE[i / 210 % 4],
        i % 11
    );
    (en.clone(), format!("Перевод: {en}"))
}

/// A part file's JSON holding `units` (id, en, ru), as tm writes it (so
/// that `tm add` leaves it as it is).
fn part_json(name: &str, units: &[(String, String, String)]) -> Vec<u8> {
    let units: Vec<tm::memory::Unit> = units
        .iter()
        .enumerate()
        .map(|(i, (id, en, ru))| {
            let mut u = tm::memory::Unit::new(id.clone(), "2026-01-01T00:00:00Z");
            u.en = Some(en.clone());
            u.ru = Some(ru.clone());
            u.release = Some(name.into());
            u.position = Some(i);
            u
        })
        .collect();
    let refs: Vec<&tm::memory::Unit> = units.iter().collect();
    let mut bytes = Vec::new();
    tm::memory::file::to_json(&refs, tm::memory::file::FOLDER_VERSION, &mut bytes).unwrap();
    bytes
}

/// Generated sentences `from..to` as units of part `name`.
fn units(name: &str, from: usize, to: usize) -> Vec<(String, String, String)> {
    (from..to)
        .map(|i| {
            let (en, ru) = sentence(i);
            (format!("{name}-{i}"), en, ru)
        })
        .collect()
}

fn write_part(env: &Env, name: &str, units: &[(String, String, String)]) {
    env.write(&format!("memory/units/{name}.json"), part_json(name, units));
}

/// Units in each generated part.
const PART: usize = 20;

/// A folder memory of `parts` parts of [`PART`] units each, part `p`
/// holding generated sentences `p·PART..(p + 1)·PART`.
fn folder_env(parts: usize) -> Env {
    let env = Env::new();
    env.write(
        "memory/tm-memory.json",
        "{\"format\": \"tm-memory\", \"version\": 2, \"layout\": \"folder\"}\n",
    );
    for p in 0..parts {
        let name = format!("r{p:02}");
        write_part(&env, &name, &units(&name, p * PART, p * PART + PART));
    }
    env
}

/// The release searched: a stored sentence, a near copy of another, a
/// third, and one that only a later part holds.
fn release_text() -> String {
    format!(
        "{} {} {} Snow closed the mountain roads near Almaty on day 2.\n",
        sentence(37).0,
        sentence(100).0.replace(" on day", " on the day"),
        sentence(250).0
    )
}

/// `tm suggest` of [`release_text`] in `dir` as JSON, and what it said of
/// the index.
fn suggest_in(dir: &Path) -> (Value, String) {
    std::fs::write(dir.join("new.txt"), release_text()).unwrap();
    let out = common::output(
        std::process::Command::new(env!("CARGO_BIN_EXE_tm"))
            .args([
                "suggest", "new.txt", "--format", "json", "--top", "5", "--min", "40",
            ])
            .current_dir(dir)
            .env_remove("TM_MEMORY")
            .env("TM_SHOW_INDEX", "1")
            .output()
            .unwrap(),
    )
    .ok();
    let said = out
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("tm: index: "))
        .unwrap_or_else(|| panic!("no index line in:\n{}", out.stderr))
        .to_string();
    (out.json(), said)
}

/// What `tm suggest` gives with an index built afresh: the memory's files
/// copied without its derived files.
fn fresh(env: &Env) -> Value {
    let copy = tempfile::tempdir().unwrap();
    let to = copy.path().join("memory");
    std::fs::create_dir_all(to.join("units")).unwrap();
    std::fs::copy(env.path("memory/tm-memory.json"), to.join("tm-memory.json")).unwrap();
    for part in parts(env) {
        std::fs::copy(&part, to.join("units").join(part.file_name().unwrap())).unwrap();
    }
    let (out, said) = suggest_in(copy.path());
    assert!(said.starts_with("1 segment,"), "{said}");
    out
}

fn parts(env: &Env) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(env.path("memory/units"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    v.sort();
    v
}

/// The index segment files of the memory.
fn segment_files(env: &Env) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(env.path("memory/.cache"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| {
        let n = p.file_name().unwrap().to_string_lossy().into_owned();
        n.starts_with("en.index.") && !n.contains(".tmp-")
    });
    v.sort();
    v
}

/// The ids of every match of every segment.
fn ids(out: &Value) -> Vec<String> {
    out["segments"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["matches"].as_array().unwrap().iter())
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_release_added_is_indexed_alone_with_the_results_of_a_fresh_index() {
    let env = folder_env(24);
    let (first, said) = suggest_in(env.dir.path());
    assert_eq!(
        said,
        "1 segment, 24 files indexed from the JSON, nothing merged"
    );
    assert_eq!(first, fresh(&env));
    let (again, said) = suggest_in(env.dir.path());
    assert_eq!(
        said,
        "1 segment, 0 files indexed from the JSON, nothing merged"
    );
    assert_eq!(again, first);

    // A release added the way people add one.
    let (en, ru, kk) = release(7, 3);
    env.write("rel.en.txt", en);
    env.write("rel.ru.txt", ru);
    env.write("rel.kk.txt", kk);
    env.run(&[
        "add",
        "--en",
        "rel.en.txt",
        "--ru",
        "rel.ru.txt",
        "--kk",
        "rel.kk.txt",
        "--id",
        "r99-added",
    ])
    .ok();
    // And a part sorting between the others, holding a copy of the stored
    // sentence the release's first one is: the two score 100, and equal
    // scores are ordered by file name, then place, as in one index.
    let mut copies = units("r00a", 41, 42);
    copies.push(("r00a-copy".into(), sentence(37).0, "Копия.".into()));
    write_part(&env, "r00a", &copies);
    let (added, said) = suggest_in(env.dir.path());
    assert_eq!(
        said,
        "2 segments, 2 files indexed from the JSON, nothing merged"
    );
    assert_eq!(added, fresh(&env));
    let exact = &added["segments"][0]["matches"];
    assert_eq!(
        (&exact[0]["id"], &exact[0]["score"]),
        (&Value::from("r00a-copy"), &Value::from(100.0))
    );
    assert_eq!(
        (&exact[1]["id"], &exact[1]["score"]),
        (&Value::from("r01-37"), &Value::from(100.0))
    );
    assert_eq!(segment_files(&env).len(), 2);
    let (again, said) = suggest_in(env.dir.path());
    assert_eq!(
        said,
        "2 segments, 0 files indexed from the JSON, nothing merged"
    );
    assert_eq!(again, added);
}

#[test]
fn an_edited_file_masks_its_old_units_and_a_removed_file_is_gone() {
    let env = folder_env(24);
    let (before, _) = suggest_in(env.dir.path());
    // The unit that matched the first sentence exactly, edited in its file.
    let hit = before["segments"][0]["matches"][0].clone();
    assert_eq!(hit["score"], 100.0);
    let id = hit["id"].as_str().unwrap().to_string();
    let part = id.split('-').next().unwrap().to_string();
    let start: usize = part[1..].parse::<usize>().unwrap() * PART;
    let mut edited = units(&part, start, start + PART);
    let at = edited.iter().position(|u| u.0 == id).unwrap();
    edited[at].1 = "The harbour was dredged for larger ships.".into();
    write_part(&env, &part, &edited);
    let (after, said) = suggest_in(env.dir.path());
    assert_eq!(
        said,
        "2 segments, 1 file indexed from the JSON, nothing merged"
    );
    assert_eq!(after, fresh(&env));
    assert!(
        !ids(&after).contains(&id),
        "{id} still found: {:?}",
        ids(&after)
    );
    let first = &after["segments"][0]["matches"][0];
    assert!(first["score"].as_f64().unwrap() < 100.0, "{first}");

    // A whole file removed: none of its units is offered.
    let gone = after["segments"][1]["matches"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let gone_part = gone.split('-').next().unwrap().to_string();
    std::fs::remove_file(env.path(&format!("memory/units/{gone_part}.json"))).unwrap();
    let (removed, said) = suggest_in(env.dir.path());
    assert_eq!(
        said,
        "2 segments, 0 files indexed from the JSON, nothing merged"
    );
    assert_eq!(removed, fresh(&env));
    assert!(
        ids(&removed)
            .iter()
            .all(|i| !i.starts_with(&format!("{gone_part}-"))),
        "{:?}",
        ids(&removed)
    );
}

#[test]
fn a_file_touched_but_unchanged_is_not_indexed_again() {
    let env = folder_env(4);
    let (first, _) = suggest_in(env.dir.path());
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(30);
    for part in parts(&env) {
        let f = std::fs::File::options().write(true).open(&part).unwrap();
        f.set_modified(later).unwrap();
    }
    let (again, said) = suggest_in(env.dir.path());
    assert_eq!(
        said,
        "1 segment, 0 files indexed from the JSON, nothing merged"
    );
    assert_eq!(again, first);
}

#[test]
fn deltas_are_merged_and_the_results_stay_the_same() {
    let env = folder_env(24);
    suggest_in(env.dir.path());
    // Nine small releases, each indexed as its own delta; the ninth is one
    // delta too many and the deltas are merged into one.
    for k in 0..9 {
        let name = format!("s{k}");
        write_part(&env, &name, &units(&name, 500 + 3 * k, 503 + 3 * k));
        let (out, said) = suggest_in(env.dir.path());
        let want = if k < 8 {
            format!(
                "{} segments, 1 file indexed from the JSON, nothing merged",
                k + 2
            )
        } else {
            "2 segments, 1 file indexed from the JSON, deltas merged".to_string()
        };
        assert_eq!(said, want, "release {k}");
        assert_eq!(out, fresh(&env), "release {k}");
        assert_eq!(segment_files(&env).len(), if k < 8 { k + 2 } else { 2 });
    }
    // A release larger than a tenth of the base: all merged into one.
    write_part(&env, "t0", &units("t0", 600, 660));
    let (out, said) = suggest_in(env.dir.path());
    assert_eq!(
        said,
        "1 segment, 1 file indexed from the JSON, all merged into a new base"
    );
    assert_eq!(out, fresh(&env));
    assert_eq!(segment_files(&env).len(), 1);
}

/// Any flipped bit of a segment file (the index, the source texts, the
/// byte ranges, the part keys, the header, the checksum) makes it
/// unreadable: the matches never change and the segment is made again.
#[test]
fn every_flipped_bit_of_a_segment_is_caught_and_it_is_made_again() {
    use tm::report::suggest::{suggest, to_json, Ask};
    use tm::Lang;
    let env = Env::new();
    env.write(
        "memory/tm-memory.json",
        "{\"format\": \"tm-memory\", \"version\": 2, \"layout\": \"folder\"}\n",
    );
    write_part(
        &env,
        "a",
        &[(
            "a1".into(),
            "Call +7 7172 for the press office.".into(),
            "Звоните +7 7172 в пресс-службу.".into(),
        )],
    );
    write_part(&env, "b", &units("b", 0, 2));
    let memory = env.path("memory");
    let ask = Ask {
        to: vec![],
        min: 40.0,
        top: 3,
    };
    let text = "Call +7 7172 for the press office. The city council opened a training centre.";
    let run = || to_json(&suggest(&memory, text, Lang::En, &ask).unwrap());
    let want = run();
    assert_eq!(
        want["segments"][0]["matches"][0]["targets"]["ru"],
        "Звоните +7 7172 в пресс-службу."
    );
    let [path] = &segment_files(&env)[..] else {
        panic!("one segment expected: {:?}", segment_files(&env))
    };
    let bytes = std::fs::read(path).unwrap();
    // No text is in the file (what is shown, and scored, is read from the
    // JSON), so no flipped bit can turn 7172 into 7152 there.
    assert!(!bytes.windows(12).any(|w| w == b"press office"));
    for at in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[at] ^= 1 << (at % 8);
        std::fs::write(path, &bad).unwrap();
        assert_eq!(run(), want, "byte {at} flipped");
        // The damaged file is gone, a new one made from the JSON.
        assert!(!path.exists(), "byte {at}: the damaged segment was kept");
        let now = segment_files(&env);
        assert_eq!(now.len(), 1, "byte {at}: {now:?}");
        assert_eq!(
            std::fs::metadata(&now[0]).unwrap().len(),
            bytes.len() as u64
        );
        std::fs::remove_file(&now[0]).unwrap();
    }
}

/// A file changed without changing its size or time (which is all a
/// directory listing shows) is caught when one of its units is read to be
/// scored: its words are not the ones indexed, and the index is made again.
#[test]
fn a_file_changed_behind_the_index_s_back_is_caught_when_its_unit_is_read() {
    let env = folder_env(3);
    let said = |text: &str| {
        (
            "a1".to_string(),
            format!("Call +7 7172 for the press {text}."),
            "Звоните в пресс-службу.".to_string(),
        )
    };
    write_part(&env, "a", &[said("office")]);
    env.write("new.txt", "Call +7 7172 for the press bureau.\n");
    let run = || {
        env.run(&["suggest", "new.txt", "--format", "json"])
            .ok()
            .json()
    };
    let before = run();
    let score = before["segments"][0]["matches"][0]["score"]
        .as_f64()
        .unwrap();
    assert!(score < 100.0, "{score}");
    let part = env.path("memory/units/a.json");
    let mtime = std::fs::metadata(&part).unwrap().modified().unwrap();
    let old = std::fs::read(&part).unwrap();
    // "bureau" for "office": as many bytes.
    write_part(&env, "a", &[said("bureau")]);
    assert_eq!(std::fs::read(&part).unwrap().len(), old.len());
    std::fs::File::options()
        .write(true)
        .open(&part)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let after = run();
    assert_eq!(after["segments"][0]["matches"][0]["score"], 100.0);
    assert_eq!(
        after["segments"][0]["matches"][0]["source"],
        "Call +7 7172 for the press bureau."
    );
}
