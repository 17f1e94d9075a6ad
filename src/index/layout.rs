//! What an index folder may hold, and the only ways warta changes one.
//!
//! warta recognises its own entries by name: tantivy's (`meta.json`,
//! `.managed.json`, its lock files, segment files `<32 hex>.<component>`
//! and the temporary files of its atomic writes) and its own (`warta.json`,
//! `files-N.jsonl`, `copies.json`, `copies.bin`, `roots.txt`, `officials.tsv`, their
//! `.tmp` files, `.gitkeep`). A folder holding anything else is refused,
//! whatever state `meta.json` is in, and nothing in it is touched.
//!
//! A rebuild of an index that can be searched is written into a sibling
//! folder (`.NAME.warta-rebuild`) and swapped in when complete, so the old
//! index stays searchable until then; only then are the old index's own
//! files removed, one by one (never a folder, never a foreign file).

use std::fs;
use std::path::{Path, PathBuf};

use tantivy::directory::error::LockError;
use tantivy::directory::{Directory, DirectoryLock, INDEX_WRITER_LOCK, MmapDirectory};

use crate::error::{Error, Result, UserError};
use crate::index::analysis::{OFFICIALS_FILE, ROOTS_FILE};
use crate::index::copies::COPIES_FILE;
use crate::index::copies_table::TABLE_FILE;
use crate::index::manifest;
use crate::index::store::INFO_FILE;

/// Suffix of the sibling folder a rebuild is written into.
const REBUILD_SUFFIX: &str = ".warta-rebuild";

/// Extensions of tantivy's segment files (`<uuid>.<ext>`).
const SEGMENT_EXTENSIONS: &[&str] = &["idx", "pos", "term", "store", "fast", "fieldnorm"];

/// Whether `name` (an entry directly inside an index folder) is one warta
/// or tantivy creates. Folders never are.
pub fn is_own(name: &str, is_dir: bool) -> bool {
    if is_dir {
        return false;
    }
    const FIXED: &[&str] = &[
        ".gitkeep",
        "meta.json",
        ".managed.json",
        ".tantivy-meta.lock",
        ".tantivy-writer.lock",
        INFO_FILE,
        ROOTS_FILE,
        OFFICIALS_FILE,
        COPIES_FILE,
        TABLE_FILE,
    ];
    if FIXED.contains(&name) || manifest::is_manifest_file(name) {
        return true;
    }
    if let Some(base) = name.strip_suffix(".tmp") {
        return [INFO_FILE, COPIES_FILE, TABLE_FILE].contains(&base);
    }
    is_segment_file(name) || is_atomic_write_temp(name)
}

/// `<32 lowercase hex>.idx` …, `<uuid>.store.temp`, `<uuid>.<opstamp>.del`.
fn is_segment_file(name: &str) -> bool {
    let Some((uuid, ext)) = name.split_once('.') else { return false };
    let hex = uuid.len() == 32 && uuid.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !hex {
        return false;
    }
    if SEGMENT_EXTENSIONS.contains(&ext) || ext == "store.temp" {
        return true;
    }
    ext.strip_suffix(".del").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// tantivy writes `meta.json` through a temporary file `.tmpXXXXXX`.
fn is_atomic_write_temp(name: &str) -> bool {
    name.strip_prefix(".tmp")
        .is_some_and(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Files a file browser leaves in any folder it shows: not warta's (never
/// removed), but no reason to refuse the folder either.
const BROWSER_FILES: &[&str] = &[".DS_Store", "Thumbs.db", "desktop.ini"];

/// The entries of `dir` warta did not create, sorted (names escaped as
/// Rust escapes them when they are not UTF-8). A missing folder has none.
pub fn foreign_entries(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(format!("listing {}", dir.display()), e)),
    };
    let mut foreign = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(format!("listing {}", dir.display()), e))?;
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let name = entry.file_name();
        match name.to_str() {
            Some(n) if is_own(n, is_dir) || (!is_dir && BROWSER_FILES.contains(&n)) => {}
            Some(n) => foreign.push(if is_dir { format!("{n}/") } else { n.to_string() }),
            None => foreign.push(format!("{name:?}")),
        }
    }
    foreign.sort();
    Ok(foreign)
}

/// Refuses a folder that holds anything warta did not create.
pub fn refuse_foreign(dir: &Path) -> Result<()> {
    let entries = foreign_entries(dir)?;
    if entries.is_empty() {
        Ok(())
    } else {
        Err(UserError::ForeignFiles { path: dir.to_path_buf(), entries }.into())
    }
}

/// Creates the index folder when missing, naming a read-only or full file system.
pub fn ensure_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| Error::write(dir, "creating", e))
}

/// The sibling folder a rebuild of `dir` is written into.
pub fn rebuild_dir(dir: &Path) -> PathBuf {
    let name = dir.file_name().map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parent.join(format!(".{name}{REBUILD_SUFFIX}"))
}

/// Takes tantivy's writer lock of `dir` (held until the guard is dropped):
/// refused when another `warta index` holds it, and a file system that
/// cannot take the lock file is named as such, not as a lock.
pub fn writer_lock(dir: &Path) -> Result<DirectoryLock> {
    let directory = MmapDirectory::open(dir)
        .map_err(|e| Error::io(format!("opening {}", dir.display()), std::io::Error::other(e)))?;
    directory.acquire_lock(&INDEX_WRITER_LOCK).map_err(|e| lock_error(dir, e))
}

/// A writer-lock failure as the user should read it.
pub fn lock_error(dir: &Path, e: LockError) -> Error {
    match e {
        LockError::LockBusy => UserError::IndexLocked { path: dir.to_path_buf() }.into(),
        LockError::IoError(io) => {
            let io = std::io::Error::new(io.kind(), io.to_string());
            Error::write(&dir.join(".tantivy-writer.lock"), "taking the writer lock", io)
        }
    }
}

/// Whether a `warta index` process is writing `dir` now (it holds the
/// writer lock). Looks without creating or removing anything.
pub fn writer_running(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let Ok(file) = fs::File::open(dir.join(".tantivy-writer.lock")) else { return false };
        // SAFETY: flock on a file descriptor we own; a shared lock taken here is
        // released at once (and when the file is closed).
        unsafe {
            if libc::flock(file.as_raw_fd(), libc::LOCK_SH | libc::LOCK_NB) == 0 {
                libc::flock(file.as_raw_fd(), libc::LOCK_UN);
                return false;
            }
        }
        std::io::Error::last_os_error().kind() == std::io::ErrorKind::WouldBlock
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        false
    }
}

/// Free space under which a failed write is put down to a full disk.
const LOW_SPACE_BYTES: u64 = 4 * 1024 * 1024;

/// What is wrong with the file system of `dir`, if something is: it is
/// mounted read-only, or (almost) no space is left on it.
pub fn storage_condition(dir: &Path) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
        // SAFETY: statvfs writes into the zeroed struct we pass; the path is NUL-terminated.
        let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
        if unsafe { libc::statvfs(path.as_ptr(), &mut stat) } != 0 {
            return None;
        }
        if stat.f_flag & libc::ST_RDONLY != 0 {
            return Some("read-only file system");
        }
        // The field types differ between platforms.
        #[allow(clippy::useless_conversion)]
        let free = u64::from(stat.f_bavail).saturating_mul(u64::from(stat.f_frsize));
        (free < LOW_SPACE_BYTES).then_some("no space left on device")
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// Files a reset of an index folder keeps: what the user gave (roots,
/// registry of officials) and `.gitkeep`.
const USER_GIVEN: &[&str] = &[".gitkeep", ROOTS_FILE, OFFICIALS_FILE];

/// Removes the index files of `dir` (tantivy's and warta's), keeping what
/// the user gave ([`USER_GIVEN`]): for an index that was never finished.
pub fn remove_index_files(dir: &Path) -> Result<()> {
    remove_files(dir, USER_GIVEN)
}

fn remove_files(dir: &Path, keep: &[&str]) -> Result<()> {
    let entries =
        fs::read_dir(dir).map_err(|e| Error::io(format!("listing {}", dir.display()), e))?;
    for entry in entries.flatten() {
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let own =
            entry.file_name().to_str().is_some_and(|n| is_own(n, is_dir) && !keep.contains(&n));
        if own {
            match fs::remove_file(entry.path()) {
                // Gone already (another run's clean-up): what was wanted.
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(Error::write(&entry.path(), "removing", e));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// Removes warta's own files from `dir` (a leftover rebuild folder or the
/// index a rebuild replaced), then the folder itself when that leaves it
/// empty. Anything else is left where it is, and its names are returned.
pub fn remove_own(dir: &Path) -> Result<Vec<String>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    remove_files(dir, &[])?;
    let mut left: Vec<String> = fs::read_dir(dir)
        .map_err(|e| Error::io(format!("listing {}", dir.display()), e))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    if left.is_empty() {
        fs::remove_dir(dir).map_err(|e| Error::write(dir, "removing", e))?;
    }
    Ok(left)
}

/// Puts the index built in `new` in the place of `dir`, then removes the
/// old index's files. On Linux the two folders are exchanged in one step
/// (`renameat2(RENAME_EXCHANGE)`), so `dir` always holds a whole index.
/// Returns the entries someone put in the old index meanwhile (left, with
/// the old folder, where `new` was).
pub fn swap_in(dir: &Path, new: &Path) -> Result<Vec<String>> {
    let failed =
        |e| Error::write(dir, format!("moving the rebuilt index from {} to", new.display()), e);
    // The files a rebuild does not write, kept with the folder.
    for keep in [".gitkeep", OFFICIALS_FILE] {
        let from = dir.join(keep);
        if from.is_file() && !new.join(keep).exists() {
            fs::copy(&from, new.join(keep))
                .map_err(|e| Error::write(&new.join(keep), "writing", e))?;
        }
    }
    // The rebuild takes the old folder's mode (a shared index stays shared).
    if let Ok(meta) = fs::metadata(dir) {
        fs::set_permissions(new, meta.permissions())
            .map_err(|e| Error::write(new, "setting the permissions of", e))?;
    }
    let old = exchange(dir, new).map_err(failed)?;
    remove_own(&old)
}

/// Refuses to rebuild an index folder that is a mount point: the rebuild is
/// written beside it, on the parent's file system, and could never be
/// renamed into place. Said before any work is done.
pub fn refuse_mount_point(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let (Ok(d), Ok(p)) = (fs::metadata(dir), fs::metadata(parent))
            && d.dev() != p.dev()
        {
            return Err(UserError::Usage(format!(
                "{} is a mount point: a rebuild is written beside it in {} and swapped in, which \
                 cannot cross file systems; index into a folder inside the mount instead",
                dir.display(),
                parent.display()
            ))
            .into());
        }
    }
    Ok(())
}

/// Exchanges `dir` and `new`; returns where the old `dir` now is.
#[cfg(target_os = "linux")]
fn exchange(dir: &Path, new: &Path) -> std::io::Result<PathBuf> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(dir)?, c(new)?);
    // SAFETY: two NUL-terminated paths; renameat2 only reads them.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(new.to_path_buf());
    }
    let err = std::io::Error::last_os_error();
    // File systems without RENAME_EXCHANGE: two renames.
    if matches!(err.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) {
        return two_renames(dir, new);
    }
    Err(err)
}

#[cfg(not(target_os = "linux"))]
fn exchange(dir: &Path, new: &Path) -> std::io::Result<PathBuf> {
    two_renames(dir, new)
}

fn two_renames(dir: &Path, new: &Path) -> std::io::Result<PathBuf> {
    let mut old = new.as_os_str().to_owned();
    old.push(".old");
    let old = PathBuf::from(old);
    fs::rename(dir, &old)?;
    if let Err(e) = fs::rename(new, dir) {
        // Put the old index back.
        let _ = fs::rename(&old, dir);
        return Err(e);
    }
    Ok(old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_files_are_recognised_by_name() {
        for name in [
            ".gitkeep",
            "meta.json",
            ".managed.json",
            ".tantivy-writer.lock",
            "warta.json",
            "warta.json.tmp",
            "files-3.jsonl",
            "copies.json",
            "copies.bin",
            "copies.bin.tmp",
            "roots.txt",
            "officials.tsv",
            "0123456789abcdef0123456789abcdef.idx",
            "0123456789abcdef0123456789abcdef.fast",
            "0123456789abcdef0123456789abcdef.store.temp",
            "0123456789abcdef0123456789abcdef.17.del",
            ".tmpAb12Cd",
        ] {
            assert!(is_own(name, false), "{name}");
        }
        for name in [
            "notes.txt",
            "meta.json.bak",
            "files-x.jsonl",
            "0123456789ABCDEF0123456789ABCDEF.idx",
            "0123456789abcdef0123456789abcdef.docx",
            "0123456789abcdef0123456789abcdef.x.del",
            ".tmp",
            "thesis.docx",
        ] {
            assert!(!is_own(name, false), "{name}");
        }
        assert!(!is_own("meta.json", true), "a folder is never ours");
    }

    #[test]
    fn foreign_entries_are_listed_and_never_removed() {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("idx");
        fs::create_dir_all(idx.join("backup")).unwrap();
        fs::write(idx.join("notes.txt"), "hi").unwrap();
        fs::write(idx.join("meta.json"), "{").unwrap();
        fs::write(idx.join("files-1.jsonl"), "").unwrap();
        fs::write(idx.join(".DS_Store"), "").unwrap();
        assert_eq!(foreign_entries(&idx).unwrap(), ["backup/", "notes.txt"]);
        assert!(refuse_foreign(&idx).is_err());
        let left = remove_own(&idx).unwrap();
        assert_eq!(left, [".DS_Store", "backup", "notes.txt"]);
        assert!(idx.join(".DS_Store").is_file(), "a browser's file is not warta's to remove");
        assert!(idx.join("notes.txt").is_file() && idx.join("backup").is_dir());
        assert!(!idx.join("meta.json").exists() && !idx.join("files-1.jsonl").exists());
    }

    #[test]
    fn a_folder_of_own_files_is_removed_whole() {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("idx");
        fs::create_dir_all(&idx).unwrap();
        fs::write(idx.join("warta.json"), "{}").unwrap();
        assert!(remove_own(&idx).unwrap().is_empty());
        assert!(!idx.exists());
    }

    #[test]
    fn a_swap_keeps_the_new_index_and_removes_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let (idx, new) = (dir.path().join("idx"), rebuild_dir(&dir.path().join("idx")));
        assert_eq!(new, dir.path().join(".idx.warta-rebuild"));
        fs::create_dir_all(&idx).unwrap();
        fs::create_dir_all(&new).unwrap();
        fs::write(idx.join("warta.json"), "old").unwrap();
        fs::write(idx.join(".gitkeep"), "").unwrap();
        fs::write(new.join("warta.json"), "new").unwrap();
        assert!(swap_in(&idx, &new).unwrap().is_empty());
        assert_eq!(fs::read_to_string(idx.join("warta.json")).unwrap(), "new");
        assert!(idx.join(".gitkeep").is_file());
        assert!(!new.exists());
    }

    #[test]
    fn a_running_writer_is_seen_through_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!writer_running(dir.path()));
        let lock = writer_lock(dir.path()).unwrap();
        assert!(writer_running(dir.path()));
        assert!(matches!(writer_lock(dir.path()), Err(Error::User(UserError::IndexLocked { .. }))));
        drop(lock);
        assert!(!writer_running(dir.path()));
    }
}
