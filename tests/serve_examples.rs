//! The Python and R examples (`examples/python/`, `examples/r/`) against a
//! live `warta serve`: their data frames hold what the API answers.

use std::path::Path;

use crate::http::Server;
use crate::util::{TestEnv, test_python, text};

fn example(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn the_python_example_reads_hits_facets_and_a_timeline() {
    let Some(python) = test_python() else { return };
    let env = TestEnv::indexed();
    let s = Server::start(&env, &[]);
    let want = s.json("/api/search?q=pekerja&province=Jawa%20Timur&limit=0&facets=none");
    let out = std::process::Command::new(python)
        .arg(example("examples/python/warta_api.py"))
        .args(["--url", &format!("http://{}", s.addr), "pekerja", "--province", "Jawa Timur"])
        .output()
        .expect("run the Python example");
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}\n{}", text(&out.stderr));
    let total = want["total"].as_u64().unwrap();
    assert!(said.contains(&format!("hits: {total} in all")), "{said}");
    assert!(said.contains(&format!("export: {total} rows")), "{said}");
    assert!(said.contains("Jawa Timur") && said.contains("timeline:"), "{said}");
}

#[test]
fn the_r_example_reads_hits_facets_and_a_timeline() {
    let rscript = Path::new("/usr/bin/Rscript");
    let have = |pkg: &str| Path::new("/usr/lib/R/site-library").join(pkg).is_dir();
    if !rscript.exists() || !have("httr2") || !have("jsonlite") {
        assert!(
            std::env::var_os("CI").is_none(),
            "R with httr2 and jsonlite is missing: run .ci/test-env.sh"
        );
        eprintln!("skipped: no Rscript with httr2 and jsonlite (run .ci/test-env.sh as root)");
        return;
    }
    let env = TestEnv::indexed();
    let s = Server::start(&env, &[]);
    let want = s.json("/api/search?q=pekerja&province=Jawa%20Timur&limit=0&facets=none");
    let out = std::process::Command::new(rscript)
        .arg(example("examples/r/warta_api.R"))
        .args([&format!("http://{}", s.addr), "pekerja", "Jawa Timur"])
        .output()
        .expect("run the R example");
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}\n{}", text(&out.stderr));
    assert!(said.contains(&format!("hits: {} in all", want["total"])), "{said}");
    assert!(said.contains("Jawa Timur") && said.contains("timeline:"), "{said}");
}
