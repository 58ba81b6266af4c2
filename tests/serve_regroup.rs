//! Review on `tm serve`: merging two neighbouring units and splitting one,
//! through the API and the command line, each keeping every other unit and
//! field; and the concordance's highlights in the other languages.

mod common;

use common::server::{encode, Server};
use common::Env;
use pretty_assertions::assert_eq;
use serde_json::{json, Value};

const THEN: &str = "2026-05-04T08:00:00Z";

/// A release about a library whose second sentence the aligner split from
/// its translation (units b1 and b2 hold halves), and one more release.
/// Every sentence was written for these tests.
fn memory() -> String {
    let unit = |id: &str, en: &str, ru: &str, kk: &str, release: &str, pos: usize| {
        json!({
            "id": id, "en": en, "ru": ru, "kk": kk, "release": release, "position": pos,
            "created": THEN, "changed": THEN, "confidence": 0.9,
        })
    };
    let mut units = vec![
        unit(
            "0000000000b0",
            "The city library reopened in Astana on Friday.",
            "В пятницу в Астане вновь открылась городская библиотека.",
            "Жұма күні Астанада қалалық кітапхана қайта ашылды.",
            "library",
            0,
        ),
        unit(
            "0000000000b1",
            "It now holds 120,000 books.",
            "Теперь в ней 120 000 книг, а читальный зал вмещает 300 человек.",
            "Қазір онда 120 000 кітап бар.",
            "library",
            1,
        ),
        unit(
            "0000000000b2",
            "The reading hall seats 300 people.",
            "Вход свободный.",
            "Оқу залы 300 адамды сыйғызады.",
            "library",
            2,
        ),
        unit(
            "0000000000b3",
            "Entry is free.",
            "Вход свободный.",
            "Кіру тегін.",
            "library",
            3,
        ),
        unit(
            "0000000000c0",
            "The bus route to the airport changes on Monday.",
            "С понедельника меняется автобусный маршрут до аэропорта.",
            "Дүйсенбіден бастап әуежайға баратын автобус бағыты өзгереді.",
            "transport",
            0,
        ),
    ];
    units[2]["doubtful"] = json!(true);
    units[2]["props"] = json!({"note": "checked by the desk"});
    json!({"format": "tm-memory", "version": 1, "units": units}).to_string()
}

fn units(env: &Env) -> Vec<Value> {
    let text = std::fs::read_to_string(env.path("tm.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["units"].as_array().unwrap().clone()
}

fn by_id<'a>(units: &'a [Value], id: &str) -> &'a Value {
    units
        .iter()
        .find(|u| u["id"] == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

fn setup() -> (Env, Server) {
    let env = Env::new();
    env.write("tm.json", memory());
    let server = Server::start(env.dir.path(), &env.path("tm.json"), &[]);
    (env, server)
}

#[test]
fn merge_and_split_change_only_what_they_should() {
    let (env, server) = setup();
    let before = units(&env);

    // The aligner gave the Russian of two sentences to b1: the page first
    // merges b1 with the next unit…
    let merged = server
        .post("/api/units/0000000000b1/merge", &json!({"with": "next"}))
        .expect(200)
        .json();
    assert_eq!(merged["id"], "0000000000b1");
    assert_eq!(merged["removed"], "0000000000b2");
    let after = units(&env);
    assert_eq!(after.len(), before.len() - 1);
    let b1 = by_id(&after, "0000000000b1");
    assert_eq!(
        b1["en"],
        "It now holds 120,000 books. The reading hall seats 300 people."
    );
    assert_eq!(
        b1["ru"],
        "Теперь в ней 120 000 книг, а читальный зал вмещает 300 человек. Вход свободный."
    );
    assert_eq!(
        b1["kk"],
        "Қазір онда 120 000 кітап бар. Оқу залы 300 адамды сыйғызады."
    );
    assert_eq!(b1["doubtful"], true);
    assert_eq!(b1["props"]["note"], "checked by the desk");
    assert_eq!((&b1["created"], &b1["position"]), (&json!(THEN), &json!(1)));
    assert_ne!(b1["changed"], THEN);
    assert_eq!(merged["unit"], *b1);
    // The rest: b3 moved up one place, nothing else changed.
    let mut b3 = by_id(&before, "0000000000b3").clone();
    b3["position"] = json!(2);
    assert_eq!(*by_id(&after, "0000000000b3"), b3);
    for id in ["0000000000b0", "0000000000c0"] {
        assert_eq!(by_id(&after, id), by_id(&before, id));
    }

    // …then splits it where each language's first sentence ends, but keeps
    // the whole Russian first sentence (it holds both) and moves the rest.
    let split = server
        .post(
            "/api/units/0000000000b1/split",
            &json!({"at": {"en": 1, "ru": 1, "kk": 1}}),
        )
        .expect(200)
        .json();
    let new_id = split["new_id"].as_str().unwrap().to_string();
    let after = units(&env);
    assert_eq!(after.len(), before.len());
    let first = by_id(&after, "0000000000b1");
    let second = by_id(&after, &new_id);
    assert_eq!(first["en"], "It now holds 120,000 books.");
    assert_eq!(
        first["ru"],
        "Теперь в ней 120 000 книг, а читальный зал вмещает 300 человек."
    );
    assert_eq!(second["en"], "The reading hall seats 300 people.");
    assert_eq!(second["ru"], "Вход свободный.");
    assert_eq!(second["kk"], "Оқу залы 300 адамды сыйғызады.");
    assert_eq!(
        (&second["release"], &second["position"]),
        (&json!("library"), &json!(2))
    );
    // Stored right after the unit it came from; b3 back in its place.
    let at = |id: &str| after.iter().position(|u| u["id"] == id).unwrap();
    assert_eq!(at(&new_id), at("0000000000b1") + 1);
    assert_eq!(
        *by_id(&after, "0000000000b3"),
        *by_id(&before, "0000000000b3")
    );
    for id in ["0000000000b0", "0000000000c0"] {
        assert_eq!(by_id(&after, id), by_id(&before, id));
    }
}

#[test]
fn merges_and_splits_that_cannot_be_done_change_nothing() {
    let (env, server) = setup();
    let before = std::fs::read(env.path("tm.json")).unwrap();
    let err = |path: &str, body: Value, status: u16, expect: &str| {
        let res = server.post(path, &body).expect(status);
        let message = res.json()["error"].as_str().unwrap().to_string();
        assert!(message.contains(expect), "{path}: {message}");
    };
    err(
        "/api/units/0000000000b0/merge",
        json!({"with": "0000000000b2"}),
        409,
        "not neighbours",
    );
    err(
        "/api/units/0000000000b0/merge",
        json!({"with": "0000000000c0"}),
        409,
        "not neighbours",
    );
    err(
        "/api/units/0000000000b0/merge",
        json!({"with": "previous"}),
        409,
        "no previous unit",
    );
    err(
        "/api/units/0000000000b0/merge",
        json!({"with": "nope"}),
        404,
        "no unit with id 'nope'",
    );
    err(
        "/api/units/0000000000zz/merge",
        json!({"with": "next"}),
        404,
        "no unit with id",
    );
    err(
        "/api/units/0000000000b1/split",
        json!({"at": {"en": 1, "ru": 1}}),
        409,
        "kk",
    );
    err(
        "/api/units/0000000000b1/split",
        json!({"at": {"en": 1, "ru": 1, "kk": 1}}),
        409,
        "fewer than two languages",
    );
    err(
        "/api/units/0000000000b1/split",
        json!({"at": {"en": 3, "ru": 1, "kk": 1}}),
        409,
        "fewer than 3",
    );
    err(
        "/api/units/0000000000b1/split",
        json!({"at": {"fr": 1}}),
        422,
        "",
    );
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
}

#[test]
fn the_command_line_merges_and_splits_the_same_way() {
    let env = Env::new();
    env.write("tm.json", memory());
    let run = env
        .run(&[
            "--memory",
            "tm.json",
            "merge",
            "0000000000b2",
            "0000000000b1",
        ])
        .ok();
    assert!(
        run.stdout
            .contains("0000000000b1: merged with 0000000000b2"),
        "{}",
        run.stdout
    );
    let merged = units(&env);
    let run = env
        .run(&[
            "--memory",
            "tm.json",
            "split",
            "0000000000b1",
            "--at",
            "en:1",
            "--at",
            "ru:1",
            "--at",
            "kk:1",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(run["units"][1]["en"], "The reading hall seats 300 people.");
    assert_eq!(units(&env).len(), merged.len() + 1);
    let fails = env
        .run(&[
            "--memory",
            "tm.json",
            "merge",
            "0000000000b0",
            "0000000000c0",
        ])
        .fails();
    assert!(fails.stderr.contains("not neighbours"), "{}", fails.stderr);
}

/// The words of `text` at the byte ranges `spans`.
fn at(text: &str, spans: &Value) -> Vec<String> {
    spans
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let (a, b) = (
                s[0].as_u64().unwrap() as usize,
                s[1].as_u64().unwrap() as usize,
            );
            text[a..b].to_string()
        })
        .collect()
}

#[test]
fn concordance_marks_the_phrase_in_the_other_languages_where_it_can_tell() {
    let (_env, server) = setup();
    let get = |q: &str| {
        server
            .get(&format!("/api/concord?q={}&lang=en", encode(q)))
            .expect(200)
            .json()
    };
    let found = get("library reopened in Astana");
    let hit = &found["hits"][0];
    let (ru, kk) = (hit["ru"].as_str().unwrap(), hit["kk"].as_str().unwrap());
    assert_eq!(at(ru, &hit["aligned"]["ru"]), ["Астане"]);
    assert_eq!(at(kk, &hit["aligned"]["kk"]), ["Астанада"]);

    let found = get("holds 120,000 books");
    let hit = &found["hits"][0];
    assert_eq!(
        at(hit["ru"].as_str().unwrap(), &hit["aligned"]["ru"]),
        ["120", "000"]
    );
    assert_eq!(
        at(hit["kk"].as_str().unwrap(), &hit["aligned"]["kk"]),
        ["120", "000"]
    );

    // Nothing tm can tell: no guess.
    let found = get("bus route");
    assert!(found["hits"][0].get("aligned").is_none(), "{found}");

    // Russian to Kazakh: the same long stem.
    let found = server
        .get(&format!(
            "/api/concord?q={}&lang=ru",
            encode("автобусный маршрут")
        ))
        .expect(200)
        .json();
    let hit = &found["hits"][0];
    assert_eq!(
        at(hit["kk"].as_str().unwrap(), &hit["aligned"]["kk"]),
        ["автобус"]
    );
    assert!(hit["aligned"].get("en").is_none(), "{hit}");
}
