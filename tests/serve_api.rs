//! `tm serve`: the real server on a free loopback port, every endpoint
//! against the command line's JSON, writes, bad input, hostile markup and
//! the size limit.

mod common;

use common::server::{encode, Server};
use common::Env;
use serde_json::json;

/// A memory of one release of the spring forum (one unit doubtful) and one
/// about water, written for these tests.
fn memory() -> String {
    let unit =
        |id: &str, en: &str, ru: &str, kk: &str, release: &str, pos: usize, doubtful: bool| {
            json!({
                "id": id, "en": en, "ru": ru, "kk": kk, "release": release, "position": pos,
                "created": "2026-04-01T09:00:00Z", "changed": "2026-04-01T09:00:00Z",
                "confidence": if doubtful { 0.31 } else { 0.97 }, "doubtful": doubtful,
            })
        };
    json!({"format": "tm-memory", "version": 1, "units": [
        unit("0000000000a1", "The spring forum opened in Astana on Monday.",
             "В понедельник в Астане открылся весенний форум.",
             "Дүйсенбі күні Астанада көктемгі форум ашылды.", "spring-forum", 0, false),
        unit("0000000000a2", "More than 400 delegates from 12 countries took part.",
             "В нём приняли участие более 400 делегатов из 12 стран.",
             "Оған 12 елден 400-ден астам делегат қатысты.", "spring-forum", 1, false),
        unit("0000000000a3", "The forum will continue on Tuesday.",
             "Форум продолжит работу во вторник. Вход свободный.",
             "Форум сейсенбіде жалғасады.", "spring-forum", 2, true),
        unit("0000000000b1", "The report on water supply was published.",
             "Доклад о водоснабжении опубликован.",
             "Сумен жабдықтау туралы баяндама жарияланды.", "water-report", 0, false),
    ]})
    .to_string()
}

const NEW_RELEASE: &str = "The spring forum opened in Astana on Monday.\n\n\
    More than 450 delegates from 15 countries took part.\n\n\
    Journalists can ask questions by e-mail.\n";

fn setup() -> (Env, Server) {
    let env = Env::new();
    env.write("tm.json", memory());
    let server = Server::start(env.dir.path(), &env.path("tm.json"), &[]);
    (env, server)
}

#[test]
fn suggest_segment_concord_stats_review_answer_as_the_cli_does() {
    let (env, server) = setup();
    env.write("new.en.txt", NEW_RELEASE);

    let api = server
        .post(
            "/api/suggest",
            &json!({"text": NEW_RELEASE, "to": ["ru", "kk"]}),
        )
        .expect(200);
    assert_eq!(api.header("content-type"), Some("application/json"));
    let cli = env
        .run(&[
            "--memory",
            "tm.json",
            "suggest",
            "new.en.txt",
            "--to",
            "ru,kk",
            "--format",
            "json",
        ])
        .ok()
        .json();
    let api = api.json();
    assert_eq!(api, cli);
    // The exact match is there with its stored Russian, the changed numbers
    // adapted, the new sentence without a match.
    let first = &api["segments"][0]["matches"][0];
    assert_eq!(first["score"], json!(100.0));
    assert_eq!(
        first["targets"]["ru"],
        "В понедельник в Астане открылся весенний форум."
    );
    let second = &api["segments"][1]["matches"][0];
    assert!(second["score"].as_f64().unwrap() < 100.0);
    assert_eq!(
        second["targets"]["ru"],
        "В нём приняли участие более 450 делегатов из 15 стран."
    );
    assert_eq!(api["segments"][2]["matches"], json!([]));

    let api = server
        .post("/api/segment", &json!({"text": NEW_RELEASE}))
        .expect(200)
        .json();
    let cli = env
        .run(&["segment", "new.en.txt", "--format", "json"])
        .ok()
        .json();
    assert_eq!(api, cli);
    assert_eq!(api["segments"].as_array().unwrap().len(), 3);

    let api = server
        .get(&format!("/api/concord?q={}&lang=ru", encode("Астана")))
        .expect(200)
        .json();
    let cli = env
        .run(&[
            "--memory",
            "tm.json",
            "concord",
            "Астана",
            "--lang",
            "ru",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(api, cli);
    assert_eq!(api["hits"][0]["id"], "0000000000a1");

    let api = server.get("/api/stats").expect(200).json();
    let cli = env
        .run(&["--memory", "tm.json", "stats", "--format", "json"])
        .ok()
        .json();
    assert_eq!(api, cli);
    assert_eq!(api["units"], 4);

    let api = server.get("/api/review").expect(200).json();
    let cli = env
        .run(&["--memory", "tm.json", "review", "--format", "json"])
        .ok()
        .json();
    assert_eq!(api, cli);
    assert_eq!(api["units"][0]["id"], "0000000000a3");
    let api = server
        .get("/api/review?release=water-report")
        .expect(200)
        .json();
    assert_eq!(api["units"], json!([]));
}

#[test]
fn add_correct_and_accept_change_the_memory_like_the_cli() {
    let (env, server) = setup();
    let en =
        "The ministry opened a data centre in Aktobe. It will keep the records of 14 agencies.";
    let ru = "Министерство открыло центр обработки данных в Актобе. Он будет хранить документы 14 ведомств.";
    let kk = "Министрлік Ақтөбеде деректер орталығын ашты. Ол 14 ведомствоның құжаттарын сақтайды.";
    let dry = server
        .post(
            "/api/add",
            &json!({"en": en, "ru": ru, "kk": kk, "dry_run": true}),
        )
        .expect(200)
        .json();
    assert_eq!(dry["units"].as_array().unwrap().len(), 2);
    assert_eq!(dry.get("added"), None);
    let before = server.get("/api/stats").expect(200).json();
    assert_eq!(before["units"], 4, "a dry run stores nothing");

    let added = server
        .post(
            "/api/add",
            &json!({"id": "data-centre", "en": en, "ru": ru, "kk": kk}),
        )
        .expect(200)
        .json();
    assert_eq!(added["release"], "data-centre");
    assert_eq!(added["added"], 2);
    assert_eq!(
        added["units"][1]["kk"],
        "Ол 14 ведомствоның құжаттарын сақтайды."
    );
    // The same again adds nothing.
    let again = server
        .post(
            "/api/add",
            &json!({"id": "data-centre", "en": en, "ru": ru, "kk": kk}),
        )
        .expect(200)
        .json();
    assert_eq!(
        (again["added"].clone(), again["duplicates"].clone()),
        (json!(0), json!(2))
    );

    // The Russian of another release is judged as `tm add` judges files:
    // refused, nothing stored; `force` stores it, every unit doubtful.
    let other_ru = "В Шымкенте открылась неделя вакцинации 2025 года. Пункты работают в 9 поликлиниках с 8:00 до 17:00, сообщила Алия Сапарова.";
    let en2 = "The ministry opened a data centre in Aktobe in 2026. It will keep the records of 14 agencies and 3 courts, Minister Aidar Bekov said.";
    let refused = server
        .post(
            "/api/add",
            &json!({"id": "mixed", "en": en2, "ru": other_ru}),
        )
        .expect(400)
        .json();
    assert!(
        refused["error"]
            .as_str()
            .unwrap()
            .contains("does not look like a translation"),
        "{refused}"
    );
    let forced = server
        .post(
            "/api/add",
            &json!({"id": "mixed", "en": en2, "ru": other_ru, "force": true}),
        )
        .expect(200)
        .json();
    assert!(forced["added"].as_u64().unwrap() >= 1, "{forced}");
    assert!(
        forced["units"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["confidence"].as_f64().unwrap() < 0.5),
        "{forced}"
    );

    // A finished translation from the page: paired line by line, not aligned.
    let paired = server
        .post(
            "/api/add",
            &json!({"id": "page-draft", "paired": true,
                    "en": "Registration closes on Friday.\nThe hall seats 300 people.",
                    "ru": "Регистрация закрывается в пятницу.\nЗал вмещает 300 человек.",
                    "kk": "Тіркеу жұмада жабылады.\n-"}),
        )
        .expect(200)
        .json();
    assert_eq!(paired["added"], 2);
    assert_eq!(paired["units"][1]["beads"], "1-1-0");
    let list = env
        .run(&[
            "--memory",
            "tm.json",
            "list",
            "--release",
            "page-draft",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(list["units"][1]["ru"], "Зал вмещает 300 человек.");
    assert_eq!(list["units"][1].get("kk"), None);
    assert_eq!(list["units"][0]["confidence"], 1.0);

    // Correct a unit's Russian and accept it in one request.
    let fixed = server
        .post(
            "/api/units/0000000000a3",
            &json!({"ru": "Форум продолжит работу во вторник.", "accept": true}),
        )
        .expect(200)
        .json();
    assert_eq!(
        fixed,
        json!({"id": "0000000000a3", "changes": {"ru": "corrected"}, "accepted": true})
    );
    let list = env
        .run(&[
            "--memory",
            "tm.json",
            "list",
            "--release",
            "spring-forum",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(list["units"][2]["ru"], "Форум продолжит работу во вторник.");
    assert_eq!(list["units"][2].get("doubtful"), None);

    // Accepting by id, as `tm review --accept` does.
    env.run(&[
        "--memory",
        "tm.json",
        "edit",
        "0000000000b1",
        "--kk",
        "Сумен жабдықтау туралы есеп жарияланды.",
    ])
    .ok();
    let accepted = server
        .post("/api/review/accept", &json!({"ids": ["0000000000b1"]}))
        .expect(200)
        .json();
    assert_eq!(accepted, json!({"accepted": 0, "not_doubtful": 1}));
}

#[test]
fn bad_requests_get_a_json_error_and_leave_the_memory_as_it_was() {
    let (env, server) = setup();
    let before = std::fs::read(env.path("tm.json")).unwrap();
    let cases: Vec<(u16, common::server::Response)> = vec![
        (
            404,
            server.post("/api/units/ffffffffffff", &json!({"ru": "Текст."})),
        ),
        (
            400,
            server.post("/api/units/0000000000a1", &json!({"ru": "   "})),
        ),
        (400, server.post("/api/units/0000000000a1", &json!({}))),
        (
            400,
            server.post("/api/add", &json!({"en": "Only English here."})),
        ),
        (
            400,
            server.post(
                "/api/add",
                &json!({"en": "One.\nTwo.", "ru": "Один.", "paired": true}),
            ),
        ),
        (
            400,
            server.post("/api/add", &json!({"en": "  ", "ru": "Пусто."})),
        ),
        (
            400,
            server.post("/api/add", &json!({"id": "", "en": "One.", "ru": "Один."})),
        ),
        (
            404,
            server.post("/api/review/accept", &json!({"release": "no-such-release"})),
        ),
        (400, server.post("/api/review/accept", &json!({}))),
        (400, server.post("/api/suggest", &json!({"text": ""}))),
        (
            400,
            server.post("/api/suggest", &json!({"text": "12345 !!!"})),
        ),
        (
            400,
            server.post("/api/suggest", &json!({"text": "Hello.", "min": 150})),
        ),
        (
            400,
            server.post("/api/suggest", &json!({"text": "Hello.", "from": "de"})),
        ),
        (422, server.post("/api/suggest", &json!({"text": 5}))),
        (
            400,
            server.request(
                "POST",
                "/api/suggest",
                &[("Content-Type", "application/json")],
                b"{\"text\": ",
            ),
        ),
        (
            415,
            server.request("POST", "/api/suggest", &[], b"text=hello"),
        ),
        (400, server.get("/api/concord?q=")),
        (400, server.get("/api/concord?q=%21%21&lang=en")),
        (400, server.get("/api/concord?q=forum&top=0")),
        (404, server.get("/api/nothing-here")),
        (405, server.get("/api/add")),
    ];
    for (i, (status, r)) in cases.into_iter().enumerate() {
        assert_eq!(r.status, status, "case {i}: {}", r.text());
        if r.status != 405 {
            let err = r.json();
            let message = err["error"]
                .as_str()
                .unwrap_or_else(|| panic!("case {i}: {err}"));
            assert!(!message.is_empty(), "case {i}");
        }
    }
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
    // Still serving.
    server.get("/api/stats").expect(200);
}

#[test]
fn a_missing_memory_is_a_404_not_a_crash() {
    let env = Env::new();
    let server = Server::start(env.dir.path(), &env.path("none/tm.json"), &[]);
    let r = server.get("/api/stats").expect(404);
    assert!(r.json()["error"]
        .as_str()
        .unwrap()
        .contains("no memory here yet"));
    server
        .post("/api/suggest", &json!({"text": "The forum opened."}))
        .expect(404);
    // The first add creates it.
    server
        .post(
            "/api/add",
            &json!({"en": "The forum opened.", "kk": "Форум ашылды."}),
        )
        .expect(200);
    assert_eq!(server.get("/api/stats").expect(200).json()["units"], 1);
}

#[test]
fn oversized_requests_get_413_and_change_nothing() {
    let (env, server) = setup();
    let before = std::fs::read(env.path("tm.json")).unwrap();
    let big = "The forum opened. ".repeat(5 * 1024 * 1024 / 18 + 1);
    for path in ["/api/add", "/api/suggest"] {
        let body = if path == "/api/add" {
            json!({"en": big, "ru": "Форум открылся."})
        } else {
            json!({"text": big})
        };
        let r = server.post(path, &body).expect(413);
        assert!(r.json()["error"].as_str().unwrap().contains("too large"));
    }
    assert_eq!(std::fs::read(env.path("tm.json")).unwrap(), before);
    server.get("/api/stats").expect(200);
}

#[test]
fn hostile_markup_comes_back_as_data_and_the_page_renders_text_only() {
    let (env, server) = setup();
    let en = "<script>alert('en')</script> The office opened a new studio.";
    let ru = "<img src=x onerror=\"alert('ru')\"> Офис открыл новую студию.";
    server
        .post(
            "/api/add",
            &json!({"id": "<b>bold</b>", "en": en, "ru": ru, "lines": true}),
        )
        .expect(200);
    let found = server
        .post("/api/suggest", &json!({"text": en, "to": ["ru"]}))
        .expect(200);
    assert_eq!(found.header("content-type"), Some("application/json"));
    let found = found.json();
    assert_eq!(found["segments"][0]["text"], en);
    let m = &found["segments"][0]["matches"][0];
    assert_eq!(m["score"], json!(100.0));
    assert_eq!(m["targets"]["ru"], ru);
    let hits = server
        .get(&format!("/api/concord?q={}&lang=en", encode("script")))
        .expect(200)
        .json();
    assert_eq!(hits["hits"][0]["release"], "<b>bold</b>");
    assert_eq!(hits["hits"][0]["ru"], ru);

    // The page: its own script only, and data put in as text.
    let page = server.get("/").expect(200);
    let csp = page.header("content-security-policy").unwrap().to_string();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    let html = page.text();
    assert!(html.contains("<textarea id=\"release\""));
    assert!(!html.contains("<script>"), "no inline script");
    let js = server.get("/app.js").expect(200).text();
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!js.contains(sink), "app.js uses {sink}");
    }
    assert!(js.contains("textContent"));
    drop(env);
}
