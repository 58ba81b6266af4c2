//! LibreOffice opens the Word drafts tm writes and reads the expected text
//! in them. Needs `soffice` (LibreOffice Writer), so it is ignored by a
//! plain `cargo test`; `.ci/run` installs LibreOffice and runs it with
//! `cargo test --test documents_libreoffice -- --ignored`.

mod common;

use std::path::Path;
use std::process::Command;

use common::docs::{self, Texts, EN, KK, RU};
use common::Env;

const NEW: Texts = Texts {
    anchor: "The plant opens in early spring.",
    ..EN
};

/// Converts `files` (paths relative to the env) with LibreOffice to
/// `to`, into `outdir`.
fn soffice(env: &Env, to: &str, outdir: &str, files: &[&str]) {
    let profile = format!("file://{}", env.path("lo-profile").display());
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args(["--headless", "--convert-to", to, "--outdir", outdir])
        .args(files)
        .current_dir(env.dir.path())
        .output()
        .expect("soffice (LibreOffice Writer) must be installed for this test");
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The text LibreOffice reads in `file` (a .docx in the env).
fn text_of(env: &Env, file: &str) -> String {
    soffice(env, "txt:Text (encoded):UTF8", "lo-txt", &[file]);
    let stem = Path::new(file).file_stem().unwrap().to_string_lossy();
    let txt = env.path(&format!("lo-txt/{stem}.txt"));
    std::fs::read_to_string(&txt).unwrap_or_else(|e| panic!("{}: {e}", txt.display()))
}

#[test]
#[ignore = "needs LibreOffice (soffice); .ci/run runs it"]
fn libreoffice_reads_every_word_draft() {
    let env = Env::new();
    for (t, lang) in [(&EN, "en"), (&RU, "ru"), (&KK, "kk")] {
        env.write(&format!("r.{lang}.txt"), docs::txt(t));
    }
    env.run(&[
        "--memory", "tm.json", "add", "--en", "r.en.txt", "--ru", "r.ru.txt", "--kk", "r.kk.txt",
    ])
    .ok();
    env.write("r.en.docx", docs::docx(&EN));
    env.write("new.en.docx", docs::docx(&NEW));
    // A Word file as LibreOffice itself writes one, from an HTML page.
    env.write("lo.en.html", docs::html(&EN, "en"));
    soffice(&env, "docx:MS Word 2007 XML", ".", &["lo.en.html"]);
    for input in ["r.en.docx", "new.en.docx", "lo.en.docx"] {
        env.run(&["--memory", "tm.json", "suggest", input, "--draft", "out"])
            .ok();
    }
    for (t, lang) in [(&RU, "ru"), (&KK, "kk")] {
        // Every paragraph of the body and the table (LibreOffice's text
        // export leaves text boxes out).
        let expected = [
            t.title.concat(),
            format!("{}{}", t.p2, t.p2_inserted),
            t.link.concat(),
            t.field.concat(),
            t.cells[0].to_string(),
            t.cells[1].to_string(),
            t.anchor.to_string(),
        ];
        for draft in ["r", "lo"] {
            let text = text_of(&env, &format!("out/{draft}.{lang}.docx"));
            for line in &expected {
                assert!(
                    text.contains(line.as_str()),
                    "{draft}.{lang}.docx: {line:?} not in LibreOffice's text:\n{text}"
                );
            }
            assert!(!text.contains("HYPERLINK"), "{text}");
        }
        // The fuzzy draft: the stored translation in place, highlighted.
        let text = text_of(&env, &format!("out/new.{lang}.docx"));
        assert!(text.contains(t.anchor), "new.{lang}.docx:\n{text}");
        assert!(text.contains(t.cells[1]), "new.{lang}.docx:\n{text}");
    }
}
