//! Records the git revision the binary was built from, for `warta
//! --version`. A build outside a git checkout (a release tarball) says
//! so instead of failing; `WARTA_REVISION` set at build time wins (for
//! packagers who know the revision of their tarball).

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}

fn main() {
    println!("cargo:rerun-if-env-changed=WARTA_REVISION");
    let revision = match std::env::var("WARTA_REVISION") {
        Ok(r) if !r.trim().is_empty() => r.trim().to_string(),
        _ => match git(&["rev-parse", "--short=12", "HEAD"]) {
            Some(rev) => {
                // Rebuild when HEAD moves (a commit, a checkout).
                if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
                    println!("cargo:rerun-if-changed={dir}/HEAD");
                    println!("cargo:rerun-if-changed={dir}/logs/HEAD");
                }
                let dirty = git(&["status", "--porcelain", "--untracked-files=no"]).is_some();
                if dirty { format!("{rev}, modified") } else { rev }
            }
            None => "revision unknown: built outside git".to_string(),
        },
    };
    println!("cargo:rustc-env=WARTA_REVISION={revision}");
}
