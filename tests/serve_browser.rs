//! The web UI in a real browser: `tests/browser/ui_test.py` (Playwright for
//! Python with Debian's Chromium, both installed by `.ci/test-env.sh`)
//! against `warta serve` over the bundled corpus plus a hostile article.
//! Screenshots and downloads are kept in `target/browser/`.

use std::path::Path;

use crate::http::Server;
use crate::util::{TestEnv, test_python, text};

/// The bundled corpus, copied into `env/corpus`.
fn copy_corpus(env: &TestEnv) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for entry in std::fs::read_dir(&from).expect("corpus/") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            let name = path.file_name().expect("name").to_string_lossy().into_owned();
            env.write(&format!("corpus/{name}"), std::fs::read(&path).expect("read"));
        }
    }
}

#[test]
fn the_web_ui_in_chromium() {
    let Some(python) = test_python() else { return };
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "/usr/bin/chromium is missing: run .ci/test-env.sh"
        );
        eprintln!("skipped: no /usr/bin/chromium (run .ci/test-env.sh as root)");
        return;
    }
    let env = TestEnv::new();
    copy_corpus(&env);
    env.write(
        "corpus/zz_hostile.txt",
        "<script>alert('judul')</script> Klaim JHT pekerja\n\nJakarta - <img src=x onerror=alert(1)> \
         Klaim JHT pekerja <script>alert('isi')</script> dibayar BPJS Ketenagakerjaan.\n",
    );
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (query, province) = ("JHT", "Jawa Timur");
    let search = env.search_json(&[query, "--province", province, "--limit", "20"]);
    assert!(search["total"].as_u64().unwrap() >= 2, "the check needs hits: {search}");
    let expected = serde_json::json!({
        "query": query, "province": province, "search": search, "hostile_id": "zz_hostile.txt",
    });
    env.write("expected.json", serde_json::to_vec(&expected).unwrap());
    let server = Server::start(&env, &[]);
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/ui_test.py");
    let run = std::process::Command::new(python)
        .arg(script)
        .arg(format!("http://{}", server.addr))
        .arg(env.root().join("expected.json"))
        .arg(&shots)
        .output()
        .expect("run the browser test");
    assert!(run.status.success(), "{}\n{}", text(&run.stdout), text(&run.stderr));
}
