//! The index's safety through the real binary: `warta index` never deletes
//! what it did not create, rebuilds beside the index, keeps ids exact and
//! unique, keeps what an unreadable folder held, reports damage instead of
//! panicking, and names file-system conditions as they are.
//!
//! `WARTA_TEST_BIN=/path/to/older/warta cargo test --test integration
//! reliability_index` runs these against another build.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::{TestEnv, binary, ids, text};

/// The exit code, asserting the process neither panicked nor was killed.
fn code(out: &Output) -> i32 {
    let c = out.status.code().expect("exited normally");
    assert_ne!(c, 101, "panicked: {}", text(&out.stderr));
    c
}

/// Writes `n` small articles (variations of the fixtures) under `corpus/`.
fn many_articles(env: &TestEnv, n: usize) {
    for i in 0..n {
        let base =
            if i % 2 == 0 { crate::fixtures::ANTARA_JATIM } else { crate::fixtures::IDN_JAKARTA };
        let body = format!("{base}\nCatatan redaksi nomor {i} tentang iuran peserta mandiri.\n");
        env.write(&format!("corpus/d{}/artikel_{i}.txt", i % 5), body);
    }
}

/// Articles in the index (`warta search '*'`), asserting each id is there once.
fn total(env: &TestEnv) -> u64 {
    let v = env.search_json(&["*", "--limit", "100000"]);
    let found = ids(&v);
    let mut unique = found.clone();
    unique.dedup();
    assert_eq!(unique.len(), found.len(), "an id is indexed twice: {found:?}");
    v["total"].as_u64().expect("total")
}

/// The files of the index folder with this extension.
fn segment_files(env: &TestEnv, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(env.root().join("index"))
        .expect("index folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

#[test]
fn foreign_entries_are_refused_and_kept_whatever_state_meta_json_is_in() {
    let env = TestEnv::indexed();
    env.write("index/notes.txt", "hi");
    env.write("index/backup/draft.txt", "my draft");
    let older_format = r#"{"format": 1, "corpus": "/x", "articles": 1, "built_at": 0}"#;
    let states: [(&str, Option<&str>, Option<&str>); 4] = [
        ("unreadable meta.json", Some("{"), None),
        ("older format", None, Some(older_format)),
        ("unreadable warta.json", None, Some("{")),
        ("no meta.json", Some(""), None),
    ];
    for (state, meta, info) in states {
        match meta {
            Some("") => _ = std::fs::remove_file(env.root().join("index/meta.json")),
            Some(m) => _ = env.write("index/meta.json", m),
            None => {}
        }
        if let Some(i) = info {
            env.write("index/warta.json", i);
        }
        let out = env.warta(&["index", "corpus", "--index", "index"]);
        let err = text(&out.stderr);
        assert_eq!(code(&out), 2, "{state}: {err}");
        assert!(
            err.contains("`backup/`")
                && err.contains("`notes.txt`")
                && err.contains("not a warta index"),
            "{state}: {err}"
        );
        assert_eq!(std::fs::read_to_string(env.root().join("index/notes.txt")).unwrap(), "hi");
        let draft = std::fs::read_to_string(env.root().join("index/backup/draft.txt"));
        assert_eq!(draft.unwrap(), "my draft", "{state}");
    }
    // Once the user's entries are moved away, the folder is warta's again.
    std::fs::remove_file(env.root().join("index/notes.txt")).unwrap();
    std::fs::remove_dir_all(env.root().join("index/backup")).unwrap();
    let out = env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert!(matches!(code(&out), 0 | 2), "{}", text(&out.stderr));
    assert!(total(&env) > 0);
}

/// Waits (bounded) until `path` holds `needle`, while `child` runs.
fn wait_for(path: &Path, needle: &str, child: &mut std::process::Child) -> bool {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if std::fs::read_to_string(path).is_ok_and(|t| t.contains(needle)) {
            return true;
        }
        if child.try_wait().expect("child").is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

#[test]
fn a_rebuild_is_written_beside_the_index_which_stays_searchable_until_the_swap() {
    let env = TestEnv::new();
    many_articles(&env, 60);
    let out = env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert_eq!(total(&env), 60);
    let mut child = env
        .command(&["index", "corpus", "--index", "index", "--rebuild"])
        .args(["--commit-every", "3", "--threads", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let spare = env.root().join(".index.warta-rebuild");
    let committed = wait_for(&spare.join("warta.json"), "\"complete\": true", &mut child);
    // While the rebuild commits in its own folder, the index answers in full.
    let mut searched = 0;
    while committed && child.try_wait().expect("child").is_none() && searched < 5 {
        assert_eq!(total(&env), 60, "the old index lost articles during a rebuild");
        searched += 1;
    }
    let out = child.wait_with_output().expect("wait");
    let err = text(&out.stderr);
    assert_eq!(code(&out), 0, "{err}");
    assert!(committed, "the rebuild did not commit beside the index: {err}");
    assert!(err.contains("rebuilt beside the old index"), "{err}");
    assert!(!spare.exists(), "the rebuild folder stays behind");
    assert_eq!(total(&env), 60);
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_distinct_articles_with_stable_ids() {
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::new();
    std::fs::create_dir_all(env.root().join("corpus")).unwrap();
    let names: [&[u8]; 3] = [b"x\xff.txt", b"x\xfe.txt", b"x%FF.txt"];
    for (i, name) in names.into_iter().enumerate() {
        let path = env.root().join("corpus").join(std::ffi::OsStr::from_bytes(name));
        let body = format!("{}\nCatatan nomor {i}.\n", crate::fixtures::ANTARA_JATIM);
        std::fs::write(path, body).unwrap();
    }
    let summary = |out: &Output| -> serde_json::Value {
        assert!(matches!(code(out), 0 | 2), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("JSON summary")
    };
    let first = summary(&env.warta(&["index", "corpus", "--index", "index", "--json"]));
    assert_eq!(first["articles"], 3, "{first}");
    let v = env.search_json(&["*", "--limit", "10"]);
    assert_eq!(ids(&v), ["x%25FF.txt", "x%FE.txt", "x%FF.txt"]);
    for _ in 0..2 {
        let again = summary(&env.warta(&["index", "corpus", "--index", "index", "--json"]));
        assert_eq!(again["unchanged"], 3, "{again}");
        assert_eq!(again["updated"], 0, "{again}");
        assert_eq!(again["articles"], 3, "{again}");
    }
}

/// Runs `warta` as an unprivileged user (root reads any folder, so an
/// unreadable folder needs another user), or says why it cannot.
struct Unprivileged {
    root_user: bool,
}

impl Unprivileged {
    fn arrange(env: &TestEnv) -> Result<Unprivileged, String> {
        let uid = Command::new("id").arg("-u").output().map_err(|e| format!("id -u: {e}"))?;
        if text(&uid.stdout).trim() != "0" {
            return Ok(Unprivileged { root_user: false });
        }
        let chown = Command::new("chown").args(["-R", "65534:65534"]).arg(env.root()).status();
        if !chown.is_ok_and(|s| s.success()) {
            return Err("chown to nobody failed".into());
        }
        let probe = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(binary())
            .arg("--version")
            .output();
        match probe {
            Ok(out) if out.status.success() => Ok(Unprivileged { root_user: true }),
            Ok(out) => Err(format!("setpriv cannot run warta as nobody: {}", text(&out.stderr))),
            Err(e) => Err(format!("setpriv is not available: {e}")),
        }
    }

    fn warta(&self, env: &TestEnv, args: &[&str]) -> Output {
        if !self.root_user {
            return env.warta(args);
        }
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(binary())
            .args(args)
            .current_dir(env.root())
            .output()
            .expect("run warta as nobody")
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_keeps_its_articles_and_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::with_fixtures();
    let user = match Unprivileged::arrange(&env) {
        Ok(user) => user,
        Err(why) => {
            eprintln!("skipped: an unreadable folder needs an unprivileged user here: {why}");
            return;
        }
    };
    let out = user.warta(&env, &["index", "corpus", "--index", "index", "-q"]);
    assert!(matches!(code(&out), 0 | 2), "{}", text(&out.stderr));
    let before = ids(&env.search_json(&["*", "--limit", "100"]));
    assert!(before.contains(&"nasional/idn_jakarta.txt".to_string()), "{before:?}");
    let folder = env.root().join("corpus/nasional");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = user.warta(&env, &["index", "corpus", "--index", "index"]);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = text(&out.stderr);
    assert_eq!(code(&out), 2, "{err}");
    assert!(err.contains("nasional: cannot read folder"), "{err}");
    assert!(err.contains("0 removed"), "{err}");
    assert_eq!(ids(&env.search_json(&["*", "--limit", "100"])), before);
    // A file really gone is removed.
    std::fs::remove_file(env.root().join("corpus/sumut.json")).unwrap();
    let out = user.warta(&env, &["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert!(err.contains("1 removed"), "{err}");
    assert_eq!(ids(&env.search_json(&["*", "--limit", "100"])).len(), before.len() - 1);
}

#[test]
fn an_emptied_manifest_never_indexes_articles_twice_and_is_repaired() {
    let env = TestEnv::indexed();
    let articles = total(&env);
    let manifest = std::fs::read_dir(env.root().join("index"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("files-")))
        .expect("a manifest");
    std::fs::write(&manifest, "").unwrap();
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert!(matches!(code(&out), 0 | 2), "{err}");
    assert!(err.contains("repaired: the manifest"), "{err}");
    assert_eq!(total(&env), articles);
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    assert!(!text(&out.stderr).contains("repaired"), "{}", text(&out.stderr));
    assert_eq!(total(&env), articles);
    let out = env.warta(&["index", "--check", "--index", "index"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stdout));
}

/// One segment (one indexing thread) of some thirty articles.
fn one_segment_index() -> TestEnv {
    let env = TestEnv::with_fixtures();
    many_articles(&env, 30);
    let out = env.warta(&["index", "corpus", "--index", "index", "--threads", "1", "-q"]);
    assert!(matches!(code(&out), 0 | 2), "{}", text(&out.stderr));
    env
}

fn flip_bit(path: &Path, offset: usize) -> Vec<u8> {
    let original = std::fs::read(path).unwrap();
    let mut damaged = original.clone();
    damaged[offset] ^= 0x04;
    std::fs::write(path, damaged).unwrap();
    original
}

#[test]
fn flipped_bits_in_segments_are_damage_never_a_panic() {
    let env = one_segment_index();
    let query = ["search", "--index", "index", "BPJS pekerja \"jaminan hari tua\"", "--limit", "3"];
    let mut detected = 0;
    for ext in ["idx", "term", "store", "fieldnorm"] {
        let file = segment_files(&env, ext).remove(0);
        let len = std::fs::metadata(&file).unwrap().len() as usize;
        for offset in (0..len).step_by(len / 25 + 1) {
            let original = flip_bit(&file, offset);
            let out = env.warta(&query);
            std::fs::write(&file, original).unwrap();
            // `code` rules out a panic; an error must say how to repair.
            if code(&out) == 2 {
                let err = text(&out.stderr);
                let repair = "index damaged: run `warta index CORPUS --index index --rebuild`";
                assert!(err.contains(repair), "{ext} at {offset}: {err}");
                detected += 1;
            }
        }
    }
    assert!(detected > 0, "no flip changed a search: the test proves nothing");
    // A plain run finds the damage and rebuilds.
    let file = segment_files(&env, "idx").remove(0);
    let len = std::fs::metadata(&file).unwrap().len() as usize;
    flip_bit(&file, len / 2);
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    let err = text(&out.stderr);
    assert!(
        err.contains("repaired: rebuilt beside the old index") && err.contains("checksum"),
        "{err}"
    );
    let out = env.warta(&["index", "--check", "--index", "index"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stdout));
}

#[test]
fn check_finds_a_flipped_bit_in_fast_fields_and_a_plain_run_repairs_it() {
    let env = one_segment_index();
    let articles = total(&env);
    let out = env.warta(&["index", "--check", "--index", "index"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("no problems found"), "{}", text(&out.stdout));
    let file = segment_files(&env, "fast").remove(0);
    let len = std::fs::metadata(&file).unwrap().len() as usize;
    flip_bit(&file, len / 3);
    let out = env.warta(&["index", "--check", "--index", "index"]);
    let report = text(&out.stdout);
    assert_eq!(code(&out), 2, "{report}");
    assert!(report.contains(".fast: checksum mismatch"), "{report}");
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    assert!(text(&out.stderr).contains("index damaged"), "{}", text(&out.stderr));
    assert_eq!(code(&env.warta(&["index", "--check", "--index", "index"])), 0);
    assert_eq!(total(&env), articles);
}

/// Runs `script` (sh, with `$W` the binary and `$M` a fresh mount point)
/// in a private mount namespace, or says why it cannot.
fn in_mount_namespace(env: &TestEnv, script: &str) -> Result<Output, String> {
    let mount = env.root().join("mnt");
    std::fs::create_dir_all(&mount).unwrap();
    let probe = Command::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs \"$0\""])
        .arg(&mount)
        .output()
        .map_err(|e| format!("unshare is not available: {e}"))?;
    if !probe.status.success() {
        return Err(format!("cannot mount a file system here: {}", text(&probe.stderr)));
    }
    Command::new("unshare")
        .args(["-m", "sh", "-c", script])
        .current_dir(env.root())
        .env("W", binary())
        .env("M", &mount)
        .output()
        .map_err(|e| e.to_string())
}

#[test]
fn a_read_only_file_system_is_named_as_such_and_searches_still_work() {
    let env = TestEnv::with_fixtures();
    // The default index (`index/` beside a `corpus/` that stays writable).
    let script = r#"mount -t tmpfs -o size=64m tmpfs "$M" || exit 9
ln -s "$PWD/corpus" "$M/corpus" && cd "$M" || exit 9
"$W" index -q 2>/dev/null
mount -o remount,ro "$M" || exit 9
"$W" index; echo "index-exit=$?"
"$W" search JHT --limit 1 >/dev/null; echo "search-exit=$?"
echo "Iuran JHT di Kupang naik." > corpus/baru.txt
"$W" search JHT --limit 1 >/dev/null; echo "changed-exit=$?""#;
    let out = match in_mount_namespace(&env, script) {
        Ok(out) => out,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert!(said.contains("index-exit=2") && said.contains("search-exit=0"), "{said}\n{err}");
    assert!(err.contains("read-only file system: "), "{err}");
    // A changed corpus cannot be indexed there: the search answers from the index as it is.
    assert!(said.contains("changed-exit=0"), "{said}\n{err}");
    assert!(err.contains("searching the index as it is"), "{err}");
    assert!(!err.contains("locked") && !err.contains("corrupt"), "{err}");
}

#[test]
fn a_full_disk_is_named_with_the_path() {
    let env = TestEnv::with_fixtures();
    // Words that do not repeat: an index that cannot be compressed much.
    for i in 0..100 {
        let words: Vec<String> = (0..300).map(|j| format!("kata{i}x{j}")).collect();
        let body = format!("{}\n{}.\n", crate::fixtures::ANTARA_JATIM, words.join(" "));
        env.write(&format!("corpus/unik/{i}.txt"), body);
    }
    let script = r#"mount -t tmpfs -o size=64k tmpfs "$M" || exit 9
"$W" index corpus --index "$M/idx" --threads 1; echo "index-exit=$?""#;
    let out = match in_mount_namespace(&env, script) {
        Ok(out) => out,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert!(said.contains("index-exit=2"), "{said}\n{err}");
    assert!(err.contains("no space left on device: ") && err.contains("/mnt/idx"), "{err}");
    assert!(!err.contains("killed") && !err.contains("panicked"), "{err}");
}

#[test]
fn a_first_build_in_progress_is_called_so() {
    let env = TestEnv::new();
    many_articles(&env, 400);
    let mut child = env
        .command(&["index", "corpus", "--index", "index", "--threads", "1", "-q"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let started = wait_for(&env.root().join("index/warta.json"), "\"complete\": false", &mut child);
    let out = env.warta(&["search", "--index", "index", "JHT"]);
    let still_building = child.try_wait().expect("child").is_none();
    child.wait().expect("wait");
    if !(started && still_building) {
        return eprintln!("skipped: the build finished before the search could run");
    }
    let err = text(&out.stderr);
    assert_eq!(code(&out), 2, "{err}");
    assert!(err.contains("is being built"), "{err}");
    assert!(!err.contains("interrupted"), "{err}");
}

/// Starts a slow `warta index` (a commit every 3 files, one thread) with
/// `extra` flags, waits until it committed in the rebuild folder, and kills it.
fn kill_during_rebuild(env: &TestEnv, extra: &[&str]) -> bool {
    let mut child = env
        .command(&["index", "corpus", "--index", "index", "--commit-every", "3", "--threads", "1"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let spare = env.root().join(".index.warta-rebuild/warta.json");
    let committed = wait_for(&spare, "\"complete\": true", &mut child);
    let _ = child.kill();
    child.wait().expect("wait");
    committed
}

#[test]
fn a_rebuild_killed_midway_leaves_the_index_whole_and_is_resumed_or_dropped() {
    let env = TestEnv::new();
    many_articles(&env, 60);
    let out = env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let clean = ids(&env.search_json(&["*", "--limit", "1000"]));
    // A killed --rebuild: the index is untouched; the next plain run drops the rebuild.
    assert!(kill_during_rebuild(&env, &["--rebuild"]), "the rebuild never committed");
    assert_eq!(ids(&env.search_json(&["*", "--limit", "1000"])), clean);
    let out = env.warta(&["index", "corpus", "--index", "index"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert!(!env.root().join(".index.warta-rebuild").exists());
    assert_eq!(ids(&env.search_json(&["*", "--limit", "1000"])), clean);
    // An index of an older format must be rebuilt: a killed rebuild is resumed.
    let info_path = env.root().join("index/warta.json");
    let info: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&info_path).unwrap()).unwrap();
    let older = info["format"].as_u64().unwrap() - 1;
    let mut info = info;
    info["format"] = older.into();
    std::fs::write(&info_path, info.to_string()).unwrap();
    assert!(kill_during_rebuild(&env, &[]), "the rebuild never committed");
    let out = env.warta(&["index", "corpus", "--index", "index", "--json"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(summary["unchanged"].as_u64().unwrap() > 0, "not resumed: {summary}");
    assert!(!env.root().join(".index.warta-rebuild").exists());
    assert_eq!(ids(&env.search_json(&["*", "--limit", "1000"])), clean);
}

#[cfg(unix)]
#[test]
fn a_rebuild_through_a_linked_index_folder_keeps_the_link() {
    let env = TestEnv::with_fixtures();
    std::fs::create_dir_all(env.root().join("store/real")).unwrap();
    std::os::unix::fs::symlink("store/real", env.root().join("index")).unwrap();
    for extra in [&[][..], &["--rebuild"][..]] {
        let mut args = vec!["index", "corpus", "--index", "index", "-q"];
        args.extend_from_slice(extra);
        let out = env.warta(&args);
        assert!(matches!(code(&out), 0 | 2), "{}", text(&out.stderr));
    }
    let link = std::fs::symlink_metadata(env.root().join("index")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced by a folder");
    assert!(env.root().join("store/real/warta.json").is_file());
    assert!(!env.root().join("store/.real.warta-rebuild").exists());
    assert!(total(&env) > 0);
}

#[cfg(unix)]
#[test]
fn an_index_the_user_cannot_write_is_searchable_and_not_called_locked_or_corrupt() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::with_fixtures();
    let user = match Unprivileged::arrange(&env) {
        Ok(user) => user,
        Err(why) => return eprintln!("skipped: needs an unprivileged user here: {why}"),
    };
    // Built by someone else (root here), or made read-only by its owner.
    let out = env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert!(matches!(code(&out), 0 | 2), "{}", text(&out.stderr));
    let index = env.root().join("index");
    let read_only = |mode| {
        for entry in std::fs::read_dir(&index).unwrap() {
            let path = entry.unwrap().path();
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o666)).unwrap();
        }
        std::fs::set_permissions(&index, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    read_only(0o555);
    let search = user.warta(&env, &["search", "--index", "index", "JHT", "--json"]);
    let reindex = user.warta(&env, &["index", "corpus", "--index", "index"]);
    read_only(0o755);
    assert_eq!(code(&search), 0, "{}", text(&search.stderr));
    let err = text(&reindex.stderr);
    assert_eq!(code(&reindex), 2, "{err}");
    assert!(err.contains("permission denied: "), "{err}");
    assert!(!err.contains("locked") && !err.contains("corrupt"), "{err}");
}
