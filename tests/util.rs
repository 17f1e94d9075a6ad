//! A temporary corpus and index, and a runner for the real `warta` binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A corpus folder and an index folder inside a fresh temporary directory.
pub struct TestEnv {
    dir: tempfile::TempDir,
}

impl TestEnv {
    /// An empty environment.
    pub fn new() -> Self {
        TestEnv { dir: tempfile::tempdir().expect("temp dir") }
    }

    /// An environment whose corpus holds the standard fixtures, already indexed.
    pub fn indexed() -> Self {
        let env = Self::with_fixtures();
        let out = env.warta(&["index", "corpus", "--index", "index"]);
        assert!(out.status.success() || out.status.code() == Some(2), "{}", text(&out.stderr));
        env
    }

    /// An environment whose corpus holds the standard fixtures.
    pub fn with_fixtures() -> Self {
        let env = Self::new();
        env.write("corpus/antara_jatim.txt", crate::fixtures::ANTARA_JATIM);
        env.write("corpus/nasional/idn_jakarta.txt", crate::fixtures::IDN_JAKARTA);
        env.write("corpus/sumut.json", crate::fixtures::JSON_SUMUT);
        env.write("corpus/batch.jsonl", crate::fixtures::JSONL_BATCH);
        env.write("corpus/catatan.md", "# not an article\n");
        env
    }

    /// The environment's root (the working directory of every command).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file under the root, creating folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(&path, contents).expect("write");
        path
    }

    /// Runs `warta` with `args` in the root, without colour settings from the caller.
    pub fn warta(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run warta")
    }

    /// The `warta` command, ready to run in the root.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(binary());
        cmd.args(args).current_dir(self.root()).env_remove("NO_COLOR");
        cmd
    }

    /// Runs a search against the test index and parses its JSON.
    pub fn search_json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["search", "--index", "index", "--json"];
        all.extend_from_slice(args);
        let out = self.warta(&all);
        assert!(out.status.code() != Some(2), "{all:?} failed: {}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("valid JSON")
    }
}

/// The binary under test: this crate's, or the one `WARTA_TEST_BIN` names
/// (to show that a test fails on an older build).
pub fn binary() -> PathBuf {
    std::env::var_os("WARTA_TEST_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_warta")), PathBuf::from)
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The ids of a JSON search response's counted hits (the query's set), sorted: articles
/// listed after them with only some of the words (`"counted": false`) are left out.
pub fn ids(v: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter(|h| h["counted"].as_bool() != Some(false))
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    ids
}

/// Where the shared seed articles live, if this checkout has them beside it.
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    dir.is_dir().then_some(dir)
}

/// The Python that has the test packages (`tests/python/requirements*.txt`),
/// installed by `.ci/test-env.sh` into `target/pyenv`, or the one named by
/// `WARTA_TEST_PYTHON`. Without it a test that needs Python is skipped with a
/// note, except under CI (`CI` set), where its absence is a failure.
#[allow(dead_code)] // not every test binary build uses it
pub fn test_python() -> Option<PathBuf> {
    let python = match std::env::var_os("WARTA_TEST_PYTHON") {
        Some(path) => PathBuf::from(path),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyenv/bin/python"),
    };
    if python.exists() {
        return Some(python);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing: run .ci/test-env.sh first",
        python.display()
    );
    eprintln!("skipped: no test Python at {} (run .ci/test-env.sh)", python.display());
    None
}
