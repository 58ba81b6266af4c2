//! `tm serve` under the safety rules: the token (header and cookie), the
//! refusal to open the memory to the network without one, many readers and
//! writers at once (with a `tm add` in a terminal among them), and SIGTERM.

mod common;

use std::time::{Duration, Instant};

use common::releases::{memory_json, release};
use common::server::{request, Server};
use common::Env;
use serde_json::json;

const TOKEN: &str = "s3cret-for-the-press-office-0426";

#[test]
fn without_the_token_everything_is_401_and_the_cookie_flow_lets_the_page_in() {
    let env = Env::new();
    env.write("tm.json", memory_json(5));
    env.write("token", format!("{TOKEN}\n"));
    let server = Server::start(
        env.dir.path(),
        &env.path("tm.json"),
        &["--token-file", "token"],
    );

    for path in ["/", "/app.js", "/api/stats", "/api/review"] {
        let r = server.get(path);
        assert_eq!(r.status, 401, "{path}");
    }
    let r = server.post("/api/add", &json!({"en": "A.", "ru": "А."}));
    assert_eq!(r.status, 401);
    assert!(r.json()["error"].as_str().unwrap().contains("token"));
    let wrong = server.request(
        "GET",
        "/api/stats",
        &[("Authorization", "Bearer not-the-token-at-all")],
        b"",
    );
    assert_eq!(wrong.status, 401);
    // The token in the address is taken only to set the cookie at `/`.
    assert_eq!(server.get(&format!("/api/stats?token={TOKEN}")).status, 401);
    assert_eq!(server.get("/?token=wrong-token-of-some-length").status, 401);

    let bearer = format!("Bearer {TOKEN}");
    let ok = server
        .request("GET", "/api/stats", &[("Authorization", &bearer)], b"")
        .expect(200);
    assert_eq!(ok.json()["units"], 5);

    let login = server.get(&format!("/?token={TOKEN}")).expect(303);
    assert_eq!(login.header("location"), Some("/"));
    let cookie = login.header("set-cookie").unwrap().to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(
        !cookie.contains(TOKEN),
        "the cookie is a session, not the token"
    );
    let pair = cookie.split(';').next().unwrap().to_string();
    let page = server
        .request("GET", "/", &[("Cookie", &pair)], b"")
        .expect(200);
    assert!(page.text().contains("Translate"));
    let stats = server
        .request("GET", "/api/stats", &[("Cookie", &pair)], b"")
        .expect(200);
    assert_eq!(stats.json()["units"], 5);
    let forged = server.request(
        "GET",
        "/api/stats",
        &[("Cookie", "tm_session=00112233445566778899aabbccddeeff")],
        b"",
    );
    assert_eq!(forged.status, 401);
}

#[test]
fn a_network_address_needs_a_token_file() {
    let env = Env::new();
    env.write("tm.json", memory_json(1));
    let run = env
        .run(&[
            "--memory", "tm.json", "serve", "--bind", "0.0.0.0", "--port", "0",
        ])
        .fails();
    assert!(run.stderr.contains("--token-file"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    env.write("short", "abc\n");
    let run = env
        .run(&[
            "--memory",
            "tm.json",
            "serve",
            "--port",
            "0",
            "--token-file",
            "short",
        ])
        .fails();
    assert!(run.stderr.contains("16 characters"), "{}", run.stderr);
}

#[test]
fn sixteen_readers_and_four_writers_at_once_lose_nothing() {
    let env = Env::new();
    env.write("tm.json", memory_json(300));
    let server = Server::start(env.dir.path(), &env.path("tm.json"), &[]);
    let addr = server.addr.clone();
    const WRITES: usize = 5;
    let query = "Stored sentence number 17 about the budget of the city.";
    let start = Instant::now();
    let mut latencies: Vec<Duration> = Vec::new();
    std::thread::scope(|s| {
        let mut readers = Vec::new();
        for r in 0..16 {
            let addr = addr.clone();
            readers.push(s.spawn(move || {
                let mut times = Vec::new();
                for i in 0..6 {
                    let t = Instant::now();
                    let resp = if (r + i) % 3 == 2 {
                        request(&addr, "GET", "/api/stats", &[], b"")
                    } else {
                        let body = json!({"text": query, "to": ["ru"]}).to_string();
                        request(
                            &addr,
                            "POST",
                            "/api/suggest",
                            &[("Content-Type", "application/json")],
                            body.as_bytes(),
                        )
                    };
                    times.push(t.elapsed());
                    let resp = resp.expect(200);
                    let j = resp.json();
                    if let Some(segments) = j.get("segments") {
                        assert_eq!(segments[0]["matches"][0]["score"], json!(100.0), "{j}");
                    } else {
                        assert!(j["units"].as_u64().unwrap() >= 300);
                    }
                }
                times
            }));
        }
        let mut writers = Vec::new();
        for w in 0..4 {
            let addr = addr.clone();
            writers.push(s.spawn(move || {
                let mut times = Vec::new();
                for i in 0..WRITES {
                    let (en, ru, kk) = release(w * 100 + i, 3);
                    let body = json!({"id": format!("w{w}-{i}"), "en": en, "ru": ru, "kk": kk})
                        .to_string();
                    let t = Instant::now();
                    let resp = request(
                        &addr,
                        "POST",
                        "/api/add",
                        &[("Content-Type", "application/json")],
                        body.as_bytes(),
                    );
                    times.push(t.elapsed());
                    assert_eq!(resp.expect(200).json()["added"], 3);
                }
                times
            }));
        }
        // A translator's `tm add` in a terminal at the same moment.
        let (en, ru, kk) = release(999, 3);
        env.write("t.en.txt", en);
        env.write("t.ru.txt", ru);
        env.write("t.kk.txt", kk);
        env.run(&[
            "--memory", "tm.json", "add", "--en", "t.en.txt", "--ru", "t.ru.txt", "--kk",
            "t.kk.txt",
        ])
        .ok();
        for h in readers.into_iter().chain(writers) {
            latencies.extend(h.join().unwrap());
        }
    });
    let wall = start.elapsed();
    let memory: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.path("tm.json")).unwrap()).unwrap();
    let units = memory["units"].as_array().unwrap();
    assert_eq!(
        units.len(),
        300 + 4 * WRITES * 3 + 3,
        "every write is there"
    );
    for w in 0..4 {
        for i in 0..WRITES {
            let name = format!("w{w}-{i}");
            let n = units
                .iter()
                .filter(|u| u["release"] == name.as_str())
                .count();
            assert_eq!(n, 3, "{name}");
        }
    }
    assert_eq!(units.iter().filter(|u| u["release"] == "t").count(), 3);
    latencies.sort();
    let pick = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    eprintln!(
        "serve load: {} requests in {:.2} s; latency p50 {:?}, p95 {:?}, max {:?}",
        latencies.len(),
        wall.as_secs_f64(),
        pick(0.5),
        pick(0.95),
        pick(1.0)
    );
}

#[test]
fn sigterm_finishes_the_requests_in_flight_and_exits_0() {
    let env = Env::new();
    env.write("tm.json", memory_json(2000));
    let mut server = Server::start(env.dir.path(), &env.path("tm.json"), &[]);
    let addr = server.addr.clone();
    // A long release: the first suggest also builds the cache of 2,000 units.
    let text: String = (0..40)
        .map(|i| format!("Stored sentence number {i} about the budget of the town.\n"))
        .collect();
    let body = json!({"text": text, "to": ["ru", "kk"]}).to_string();
    let sent = Instant::now();
    let in_flight = std::thread::spawn(move || {
        let r = request(
            &addr,
            "POST",
            "/api/suggest",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        );
        (r, sent.elapsed())
    });
    std::thread::sleep(Duration::from_millis(150));
    let signalled = sent.elapsed();
    server.terminate();
    let (resp, took) = in_flight.join().unwrap();
    eprintln!("in flight: SIGTERM after {signalled:?}, answer after {took:?}");
    assert!(
        took > signalled,
        "the request ended before SIGTERM ({took:?}); make it longer"
    );
    let j = resp.expect(200).json();
    assert_eq!(j["segments"].as_array().unwrap().len(), 40);
    assert!(j["segments"][39]["matches"][0]["score"].as_f64().unwrap() >= 90.0);
    assert_eq!(server.wait_exit(Duration::from_secs(30)), Some(0));
    assert!(
        std::net::TcpStream::connect(&server.addr).is_err(),
        "still listening"
    );
}
