//! Guarantee: a place tm cannot write to (read-only, or full) gives a clear
//! error and leaves the old memory exactly as it was.
//!
//! These tests mount small tmpfs filesystems, which needs root; elsewhere
//! they say so and pass without checking.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::releases::{memory_json, release};
use common::Env;

/// A tmpfs mounted for one test and unmounted when dropped.
struct Mount {
    dir: PathBuf,
}

impl Mount {
    fn tmpfs(at: &Path, size: &str) -> Option<Mount> {
        std::fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (needs root)");
            return None;
        }
        Some(Mount {
            dir: at.to_path_buf(),
        })
    }

    fn read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.dir)
            .status()
            .unwrap()
            .success();
        assert!(ok, "remounting read-only");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}

fn add_args(env: &Env, memory: &Path) -> Vec<String> {
    let (en, ru, kk) = release(7, 5);
    let files = [("en", en), ("ru", ru), ("kk", kk)].map(|(l, t)| {
        env.write(&format!("r.{l}.txt"), t)
            .to_string_lossy()
            .into_owned()
    });
    vec![
        "--memory".into(),
        memory.to_string_lossy().into_owned(),
        "add".into(),
        "--en".into(),
        files[0].clone(),
        "--ru".into(),
        files[1].clone(),
        "--kk".into(),
        files[2].clone(),
    ]
}

fn run(env: &Env, args: &[String]) -> common::Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.run(&args)
}

#[test]
fn read_only_place_gives_an_error_and_keeps_the_memory() {
    let env = Env::new();
    let Some(mount) = Mount::tmpfs(&env.path("ro"), "4m") else {
        return;
    };
    let memory = mount.dir.join("tm.json");
    std::fs::write(&memory, memory_json(10)).unwrap();
    let before = std::fs::read(&memory).unwrap();
    mount.read_only();
    let run = run(&env, &add_args(&env, &memory)).fails();
    assert!(
        run.stderr.contains("Read-only file system"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&mount.dir.to_string_lossy().into_owned()),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert_eq!(std::fs::read(&memory).unwrap(), before);
}

#[test]
fn full_disk_gives_an_error_and_keeps_the_memory() {
    let env = Env::new();
    // Room for the old memory, not for a second copy of it beside it.
    let Some(mount) = Mount::tmpfs(&env.path("small"), "1m") else {
        return;
    };
    let memory = mount.dir.join("tm.json");
    std::fs::write(&memory, memory_json(1_500)).unwrap();
    let size = std::fs::metadata(&memory).unwrap().len();
    assert!(
        size > 600_000 && size < 1_000_000,
        "memory of {size} bytes does not fit the test"
    );
    let before = std::fs::read(&memory).unwrap();
    let run = run(&env, &add_args(&env, &memory)).fails();
    assert!(
        run.stderr.contains("No space left on device"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read(&memory).unwrap(), before);
    let stray: Vec<_> = std::fs::read_dir(&mount.dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(stray.is_empty(), "the temporary file was left behind");
}
