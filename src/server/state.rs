//! The open index a server answers from, reopened when `warta index`
//! commits: each request looks at the commit files' stamps (a `stat` each)
//! and, when they changed, opens the index again and answers from the new
//! one; requests already running finish on the old one. A reopen that fails
//! (a build in progress) keeps the old index and is tried again at the next
//! commit.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::SystemTime;

use warta::error::Error;
use warta::index::WartaIndex;
use warta::index::analysis::OFFICIALS_FILE;

/// What identifies a commit: tantivy's `meta.json`, warta's record, copies
/// and registry of officials (written after the commit).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Stamp(Vec<Option<(SystemTime, u64)>>);

impl Stamp {
    fn of(dir: &Path) -> Stamp {
        let stat = |name: &str| {
            std::fs::metadata(dir.join(name)).ok().and_then(|m| Some((m.modified().ok()?, m.len())))
        };
        Stamp(vec![
            stat("meta.json"),
            stat("copies.json"),
            stat("copies.bin"),
            stat("warta.json"),
            stat(OFFICIALS_FILE),
        ])
    }
}

struct Open {
    index: Arc<WartaIndex>,
    stamp: Stamp,
}

/// The index of a server.
pub struct Current {
    dir: PathBuf,
    open: RwLock<Open>,
    /// The stamp of the last failed reopen (not tried again).
    failed: Mutex<Option<Stamp>>,
}

impl Current {
    /// Opens the index in `dir`.
    pub fn open(dir: &Path) -> Result<Current, Error> {
        let stamp = Stamp::of(dir);
        let index = Arc::new(WartaIndex::open(dir)?);
        Ok(Current {
            dir: dir.to_path_buf(),
            open: RwLock::new(Open { index, stamp }),
            failed: Mutex::new(None),
        })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The index as last committed (blocking: may reopen it).
    pub fn get(&self) -> Arc<WartaIndex> {
        let stamp = Stamp::of(&self.dir);
        {
            let open = self.open.read().unwrap_or_else(|p| p.into_inner());
            if open.stamp == stamp {
                return open.index.clone();
            }
        }
        let mut failed = self.failed.lock().unwrap_or_else(|p| p.into_inner());
        let mut open = self.open.write().unwrap_or_else(|p| p.into_inner());
        if open.stamp == stamp || failed.as_ref() == Some(&stamp) {
            return open.index.clone();
        }
        match WartaIndex::open(&self.dir) {
            Ok(index) => {
                *open = Open { index: Arc::new(index), stamp };
                *failed = None;
            }
            Err(e) => {
                eprintln!("warta: serving the previous commit: {e}");
                *failed = Some(stamp);
            }
        }
        open.index.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_changes_with_the_commit_files() {
        let dir = tempfile::tempdir().unwrap();
        let before = Stamp::of(dir.path());
        assert_eq!(before, Stamp::of(dir.path()));
        std::fs::write(dir.path().join("meta.json"), "{}").unwrap();
        assert_ne!(before, Stamp::of(dir.path()));
    }

    #[test]
    fn a_missing_index_is_a_user_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(Current::open(dir.path()), Err(Error::User(_))));
    }
}
