//! `warta serve`'s JSON API through the real binary: every endpoint, every
//! bad parameter, the same answers as the CLI's `--json`, concurrent
//! clients while `warta index` commits, limits, CORS and shutdown.

use serde_json::Value;

use crate::http::{Server, enc, get_with};
use crate::util::{TestEnv, text};

#[test]
fn every_endpoint_answers() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &[]);
    let health = s.json("/api/health");
    assert_eq!(health["status"], "ok");
    assert_eq!(health["articles"], 5);

    let search = s.json("/api/search?q=BPJS&limit=2");
    assert!(search["total"].as_u64().unwrap() >= 2, "{search}");
    assert_eq!(search["hits"].as_array().unwrap().len(), 2);
    assert_eq!(search["counting"], "articles");

    let facets = s.json("/api/facets?by=province");
    assert!(
        facets["province"].as_array().unwrap().iter().any(|v| v["value"] == "Jawa Timur"),
        "{facets}"
    );

    let timeline = s.json("/api/timeline?q=JHT&q=JKP&by=year");
    assert_eq!(timeline["series"].as_array().unwrap().len(), 2, "{timeline}");

    let terms = s.json("/api/terms?q=BPJS&by=frequency&top=5");
    assert!(!terms["terms"].as_array().unwrap().is_empty(), "{terms}");

    let id = search["hits"][0]["id"].as_str().unwrap().to_string();
    let article = s.json(&format!("/api/articles/{}", enc(&id).replace("%2F", "/")));
    assert_eq!(article["id"], id.as_str());
    // Ids with `#` (JSON Lines entries) and folders.
    let all = s.json("/api/search?limit=10&facets=none");
    for hit in all["hits"].as_array().unwrap() {
        let id = hit["id"].as_str().unwrap();
        assert_eq!(s.json(&format!("/api/articles/{}", enc(id)))["id"], id);
    }

    let analyzed = s.json("/api/analyze?text=perlindungan%20pekerja");
    assert!(
        analyzed["stemmed"].as_array().unwrap().iter().any(|t| t["term"] == "lindung"),
        "{analyzed}"
    );

    let csv = s.get("/api/export?format=csv&q=BPJS");
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    let lines: Vec<String> = csv.text().lines().map(str::to_string).collect();
    assert!(lines[0].starts_with("id,"), "{}", lines[0]);
    assert_eq!(lines.len() as u64 - 1, search["total"].as_u64().unwrap());
    let excel = s.get("/api/export?format=csv&q=BPJS&bom=true").text();
    assert_eq!(
        excel.strip_prefix('\u{feff}'),
        Some(csv.text().as_str()),
        "the same CSV after a BOM"
    );

    let jsonl = s.get("/api/export?format=jsonl");
    assert_eq!(jsonl.status, 200);
    let rows: Vec<Value> = jsonl.text().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 5);

    let doc = s.json("/api/openapi.json");
    assert!(doc["paths"]["/api/search"].is_object());

    for (path, status) in
        [("/api/nothing", 404), ("/nothing", 404), ("/api/articles/none.txt", 404)]
    {
        let r = s.get(path);
        assert_eq!(r.status, status, "{path}");
        assert!(r.json()["error"]["message"].is_string(), "{path}");
    }
    assert_eq!(s.get("/api/articles/none.txt").json()["error"]["parameter"], "id");
    let (status, said) = s.stop();
    assert!(status.success(), "{status:?}: {said}");
    assert!(said.contains("stopped"), "{said}");
}

#[test]
fn search_equals_the_cli_json() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &[]);
    let cases: [(&[&str], &str); 7] = [
        (&["BPJS"], "q=BPJS"),
        (
            &["pekerja", "--province", "Jatim", "--province", "Bali"],
            "q=pekerja&province=Jatim&province=Bali",
        ),
        (
            &["JHT OR JKP", "--from", "2023", "--to", "2024-12"],
            "q=JHT%20OR%20JKP&from=2023&to=2024-12",
        ),
        (&["*", "--sort", "date", "--limit", "3", "--offset", "1"], "sort=date&limit=3&offset=1"),
        (
            &["pekerja JMO", "--match", "any", "--facets", "province,program"],
            "q=pekerja%20JMO&match=any&facets=province,program",
        ),
        (&["BPJS", "--program", "JHT", "--dedup"], "q=BPJS&program=JHT&dedup=true"),
        (
            &["pekerja", "--official", "Bambang", "--explain"],
            "q=pekerja&official=Bambang&explain=true",
        ),
    ];
    for (args, query) in cases {
        let cli = env.search_json(args);
        let api = s.json(&format!("/api/search?{query}"));
        assert_eq!(api, cli, "{args:?} vs {query}");
    }
    // The analytics endpoints equal their commands too.
    let facets_cli: Value = serde_json::from_slice(
        &env.warta(&["facets", "BPJS", "--by", "program", "--index", "index", "--json"]).stdout,
    )
    .unwrap();
    assert_eq!(s.json("/api/facets?q=BPJS&by=program"), facets_cli);
    let timeline_cli: Value = serde_json::from_slice(
        &env.warta(&[
            "timeline", "-q", "JHT", "-q", "PHK", "--by", "year", "--index", "index", "--json",
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(s.json("/api/timeline?q=JHT&q=PHK&by=year"), timeline_cli);
    let out = env.warta(&["search", "BPJS", "--index", "index", "--format", "csv", "--all"]);
    assert_eq!(s.get("/api/export?q=BPJS&format=csv").text(), text(&out.stdout));
}

#[test]
fn each_bad_parameter_is_a_400_naming_it() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &[]);
    let long = "a".repeat(2_001);
    let cases: Vec<(String, &str)> = vec![
        ("/api/search?limit=1001".into(), "limit"),
        ("/api/search?offset=x".into(), "offset"),
        ("/api/search?sort=newest".into(), "sort"),
        ("/api/search?match=half".into(), "match"),
        ("/api/search?from=2024-13".into(), "from"),
        ("/api/search?to=kemarin".into(), "to"),
        ("/api/search?from=2025&to=2023".into(), "from"),
        ("/api/search?province=Atlantis".into(), "province"),
        ("/api/search?city=Gotham".into(), "city"),
        ("/api/search?program=XYZQ".into(), "program"),
        ("/api/search?source=nosuchoutlet".into(), "source"),
        ("/api/search?q=%22unclosed".into(), "q"),
        (format!("/api/search?q={long}"), "q"),
        ("/api/search?facets=colour".into(), "facets"),
        ("/api/search?dedup=perhaps".into(), "dedup"),
        ("/api/search?colour=red".into(), "colour"),
        ("/api/facets?q=BPJS".into(), "by"),
        ("/api/facets?by=colour".into(), "by"),
        ("/api/timeline?by=decade".into(), "by"),
        ("/api/terms?top=x".into(), "top"),
        ("/api/analyze".into(), "text"),
        ("/api/export?q=BPJS".into(), "format"),
        ("/api/export?format=xlsx".into(), "format"),
        ("/api/export?format=jsonl&bom=true".into(), "bom"),
        ("/api/export?format=csv&province=Atlantis".into(), "province"),
        // Escapes that are not UTF-8 are refused, not read as U+FFFD.
        ("/api/search?q=%ff".into(), "q"),
        ("/api/search?q=BPJS&province=%C0%AF".into(), "province"),
        ("/api/analyze?text=%ED%A0%80".into(), "text"),
        ("/api/articles/%ff".into(), "id"),
        // A facet value or a wildcard inside `q` is the query's fault.
        ("/api/search?q=province:Atlantis".into(), "q"),
        ("/api/search?q=a*".into(), "q"),
        ("/api/search?q=kl%3Fim".into(), "q"),
        ("/api/facets?by=province&q=city:Gotham".into(), "q"),
        ("/api/timeline?q=JHT&q=program:XYZQ".into(), "q"),
        ("/api/terms?q=source:nosuchoutlet".into(), "q"),
        ("/api/export?format=csv&q=org:nosuchoffice".into(), "q"),
    ];
    for (path, name) in cases {
        let r = s.get(&path);
        assert_eq!(r.status, 400, "{path}: {}", r.text());
        let e = r.json();
        assert_eq!(e["error"]["kind"], "user", "{path}");
        assert_eq!(e["error"]["parameter"], name, "{path}: {e}");
        assert!(!e["error"]["message"].as_str().unwrap().is_empty());
    }
    // Hints speak of parameters and requests, not of flags.
    let hint = |path: &str| s.get(path).json()["error"]["message"].as_str().unwrap().to_string();
    let m = hint("/api/search?q=*&city=Jakarta");
    assert!(m.contains("use province=Jakarta") && !m.contains("--"), "{m}");
    let m = hint("/api/search?q=*&source=nosuchoutlet");
    assert!(m.contains("`/api/facets?by=source&top=") && !m.contains("--"), "{m}");
    // A value warta knows but no article names: no error, no hits, a note.
    let v = s.json("/api/search?q=*&source=detik.com");
    assert_eq!(v["total"], 0, "{v}");
    assert!(v["notes"].to_string().contains("detik.com"), "{v}");
}

#[test]
fn sixteen_clients_while_warta_index_adds_files() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &[]);
    let first = s.json("/api/search?facets=none&limit=0")["total"].as_u64().unwrap();
    let addr = s.addr.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let clients: Vec<_> = (0..16)
        .map(|i| {
            let (addr, stop) = (addr.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut totals = Vec::new();
                while !stop.load(std::sync::atomic::Ordering::SeqCst) || totals.is_empty() {
                    let path = if i % 2 == 0 {
                        "/api/search?q=pekerja&limit=3"
                    } else {
                        "/api/facets?by=province&q=pekerja"
                    };
                    let r = crate::http::get(&addr, path);
                    assert_eq!(r.status, 200, "{path}: {}", r.text());
                    totals.push(r.json()["total"].as_u64().unwrap());
                }
                totals
            })
        })
        .collect();
    for round in 0..3 {
        for n in 0..3 {
            env.write(
                &format!("corpus/baru/r{round}_{n}.txt"),
                format!(
                    "Pekerja pelabuhan ikut BPJS Ketenagakerjaan gelombang {round}-{n}\n\n\
                     Makassar - Ratusan pekerja pelabuhan di Makassar, Sulawesi Selatan, didaftarkan \
                     dalam program Jaminan Kecelakaan Kerja pada gelombang {round}-{n}.\n"
                ),
            );
        }
        // Status 2: the fixtures' broken JSON line is skipped again.
        let out = env.warta(&["index", "corpus", "--index", "index"]);
        assert!(text(&out.stderr).contains("3 added"), "{}", text(&out.stderr));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for c in clients {
        let totals = c.join().expect("client");
        assert!(totals.windows(2).all(|w| w[0] <= w[1]), "totals went back: {totals:?}");
    }
    let last = s.json("/api/search?facets=none&limit=0")["total"].as_u64().unwrap();
    assert_eq!(last, first + 9, "the server answers from the last commit, no restart");
    let cli = env.search_json(&["*", "--limit", "0"]);
    assert_eq!(last, cli["total"].as_u64().unwrap());
}

#[test]
fn hostile_text_is_served_as_json_never_as_a_page() {
    let env = TestEnv::new();
    env.write(
        "corpus/jahat.txt",
        "<script>alert('judul')</script> BPJS Ketenagakerjaan\n\nJakarta - <img src=x onerror=alert(1)> \
         BPJS Ketenagakerjaan <script>alert('isi')</script> membayar klaim pekerja.\n",
    );
    assert!(env.warta(&["index", "corpus", "--index", "index"]).status.success());
    let s = Server::start(&env, &[]);
    let r = s.get("/api/search?q=BPJS");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    // An error echoes nothing as HTML either.
    let r = s.get("/api/search?province=%3Cscript%3E");
    assert_eq!(r.status, 400);
    assert_eq!(r.header("content-type"), Some("application/json"));
}

#[test]
fn cors_only_when_asked_and_a_warning_beyond_loopback() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &[]);
    let r = get_with(&s.addr, "/api/health", &[("Origin", "https://example.org")]);
    assert_eq!(r.header("access-control-allow-origin"), None);
    drop(s);
    let s = Server::start(&env, &["--cors", "https://example.org"]);
    let r = get_with(&s.addr, "/api/health", &[("Origin", "https://example.org")]);
    assert_eq!(r.header("access-control-allow-origin"), Some("https://example.org"));
    drop(s);
    let mut child = env
        .command(&["serve", "--index", "index", "--bind", "0.0.0.0:0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stderr, &mut first).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(first.contains("no authentication"), "{first}");
}

#[test]
fn a_client_that_never_finishes_its_request_does_not_keep_the_server_up() {
    use std::io::Write;
    let env = TestEnv::indexed();
    let s = Server::start(&env, &["--timeout", "1"]);
    let mut half = std::net::TcpStream::connect(&s.addr).expect("connect");
    half.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n").expect("send");
    let _silent = std::net::TcpStream::connect(&s.addr).expect("connect");
    assert_eq!(s.json("/api/health")["status"], "ok");
    let started = std::time::Instant::now();
    let (status, said) = s.stop();
    assert!(status.success(), "{status:?}: {said}");
    assert!(started.elapsed() < std::time::Duration::from_secs(15), "{:?}", started.elapsed());
    assert!(said.contains("stopped"), "{said}");
}

#[test]
fn limits_out_of_range_are_an_error_at_start() {
    let env = TestEnv::indexed();
    for (flag, value) in [
        ("--max-in-flight", "0"),
        ("--max-in-flight", "1025"),
        ("--max-in-flight", "18446744073709551615"),
        ("--timeout", "0"),
        ("--cors", "*"),
        ("--cors", "https://a.example, https://b.example"),
    ] {
        let out = env.warta(&["serve", "--index", "index", "--bind", "127.0.0.1:0", flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains(flag), "{}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("panicked"), "{}", text(&out.stderr));
    }
}

#[test]
fn a_missing_index_is_an_error_at_start() {
    let env = TestEnv::new();
    let out = env.warta(&["serve", "--index", "nowhere", "--bind", "127.0.0.1:0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no warta index in nowhere"), "{}", text(&out.stderr));
}

#[test]
fn the_web_ui_is_served_from_the_binary_and_hostile_text_stays_text() {
    let env = TestEnv::new();
    env.write(
        "corpus/jahat.txt",
        "<script>alert('judul')</script> BPJS Ketenagakerjaan\n\nJakarta - <img src=x onerror=alert(1)> \
         BPJS Ketenagakerjaan <script>alert('isi')</script> membayar klaim pekerja.\n",
    );
    assert!(env.warta(&["index", "corpus", "--index", "index"]).status.success());
    let s = Server::start(&env, &[]);
    let page = s.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E&province=%3Cb%3E");
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    let policy = page.header("content-security-policy").expect("a CSP");
    assert!(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "{policy}");
    // The page is the same whatever the URL says: nothing of the request or of
    // an article is written into the HTML (the script puts it in text nodes).
    assert_eq!(page.text(), s.get("/").text());
    assert!(!page.text().contains("alert("), "{}", page.text());
    for asset in ["/assets/app.js", "/assets/style.css"] {
        let r = s.get(asset);
        assert_eq!(r.status, 200, "{asset}");
        // (The SVG namespace is a name, not an address fetched.)
        let text = r.text().replace("http://www.w3.org/2000/svg", "");
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "{asset} names another host"
        );
    }
    // The article itself comes as JSON, its `<script>` a string.
    let hit = &s.json("/api/search?q=BPJS")["hits"][0];
    assert!(hit["title"].as_str().unwrap().contains("<script>"), "{hit}");
}

/// A raw request: the status, the headers (names in lower case) and the body.
fn request(addr: &str, method: &str, path: &str) -> (u16, String, Vec<u8>) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(std::time::Duration::from_secs(60))).expect("timeout");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("status");
    (status, head, raw[end + 4..].to_vec())
}

#[test]
fn other_methods_are_a_json_405_and_head_is_get_without_a_body() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &[]);
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        for path in ["/", "/api/health", "/api/search?q=BPJS", "/api/export?format=csv"] {
            let (status, head, body) = request(&s.addr, method, path);
            assert_eq!(status, 405, "{method} {path}");
            assert!(head.contains("allow: get,head"), "{method} {path}: {head}");
            assert!(head.contains("content-type: application/json"), "{method} {path}: {head}");
            let e: Value = serde_json::from_slice(&body).expect("a JSON error");
            assert_eq!(e["error"]["kind"], "user", "{method} {path}");
            assert!(e["error"]["message"].as_str().unwrap().contains(method), "{e}");
        }
    }
    let (status, _, body) = request(&s.addr, "POST", "/nothing");
    assert_eq!(status, 404, "{}", String::from_utf8_lossy(&body));
    let (status, head, body) = request(&s.addr, "HEAD", "/api/search?q=BPJS");
    assert_eq!((status, body.len()), (200, 0), "{head}");
    assert!(head.contains("content-type: application/json"), "{head}");
    assert_eq!(s.json("/api/health")["status"], "ok", "still serving");
}

#[test]
fn hostile_articles_and_requests_leave_the_server_up() {
    let env = TestEnv::new();
    let hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>";
    let long = "a".repeat(20_000);
    let body = format!(
        "Makassar - Pekerja pelabuhan {hostile} ikut BPJS Ketenagakerjaan.\u{2028}Baris\u{2029}baru \
         \u{202E}kirim\u{202C} lewat JMO \u{1F600}\u{1F1EE}\u{1F1E9} \u{7}\u{1B}[31m merah.\n\n{long} pekerja\n"
    );
    let articles = serde_json::json!([
        {"title": format!("{hostile} BPJS"), "text": body, "url": "javascript:alert(1)",
         "source": format!("<b>{hostile}</b>"), "date": "2024-01-23"},
        {"title": "Baris\u{2028}baru", "text": body, "link": " JaVaScRiPt:alert(1)", "date": "9999-12-31"},
    ]);
    env.write("corpus/jahat <b>#?.json", articles.to_string());
    env.write("corpus/dalam%2F/jahat.txt", format!("{hostile} \u{1F600}\n\n{body}"));
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    assert!(text(&out.stderr).contains("indexed 3 articles"), "{}", text(&out.stderr));
    let s = Server::start(&env, &[]);
    let all = s.json("/api/search?q=pekerja&limit=10&snippets=10&explain=true");
    assert_eq!(all["total"], 3, "{all}");
    for hit in all["hits"].as_array().unwrap() {
        let id = hit["id"].as_str().unwrap();
        let article = s.json(&format!("/api/articles/{}", enc(id)));
        assert_eq!(article["id"], id);
    }
    let first = s.json(&format!("/api/articles/{}", enc("jahat <b>#?.json#1")));
    assert_eq!(first["url"], "javascript:alert(1)", "JSON carries the text as it is: {first}");
    for path in [
        "/api/export?format=csv&q=pekerja",
        "/api/export?format=jsonl&table=quotes",
        "/api/terms?q=pekerja&sample=10000",
        "/api/timeline?q=pekerja&q=merah&by=day",
        "/api/facets?by=source",
        "/api/analyze?text=%E2%80%AE%F0%9F%98%80%3Cscript%3E",
    ] {
        assert_eq!(s.get(path).status, 200, "{path}");
    }
    // Query syntax at its edges: a 400 or an answer, never a 5xx.
    let deep = format!("{}a{}", "(".repeat(500), ")".repeat(500));
    for q in [
        "\"", "(", "a)", "AND", "OR OR", "-", "title:", "bogus:x", ":", "*", "-*", "a^1e400", &deep,
    ] {
        let r = s.get(&format!("/api/search?q={}", enc(q)));
        assert!(r.status == 200 || r.status == 400, "{q}: {} {}", r.status, r.text());
        assert!(r.json().is_object(), "{q}");
    }
    let clients: Vec<_> = (0..50)
        .map(|i| {
            let addr = s.addr.clone();
            std::thread::spawn(move || {
                let path =
                    ["/api/search?q=pekerja", "/api/export?format=jsonl", "/api/search?q=%22"]
                        [i % 3];
                crate::http::get(&addr, path).status
            })
        })
        .collect();
    for c in clients {
        assert!(c.join().expect("client") < 500);
    }
    assert_eq!(s.json("/api/health")["articles"], 3);
}
