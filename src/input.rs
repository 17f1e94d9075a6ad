//! Files a person names on the command line (`--roots`, `--officials`,
//! `--aliases`, a gold file, `warta extract FILE`, the corpus): refused by
//! type before they are opened, and read with a size limit.
//!
//! Opening a FIFO blocks until someone writes to it, and a device such as
//! `/dev/zero` never ends; neither is a file a researcher means. So a path is
//! checked with `stat` (which does not open it) and only a regular file (or,
//! where a folder is meant, a folder) goes on. Reading takes at most
//! `limit + 1` bytes, so a file over its limit is refused without reading
//! the rest. A leaf module: it uses nothing else of the crate, and every
//! layer may use it.

use std::fs;
use std::io::Read;
use std::path::Path;

/// Most of a table a flag names (`--roots`, `--officials`, `--aliases`):
/// 16 MiB, some hundred times the largest built-in table.
pub const TABLE_LIMIT: u64 = 16 << 20;

/// Most of a gold file for `warta eval`: 64 MiB (the per-file limit of the corpus).
pub const GOLD_LIMIT: u64 = 64 << 20;

/// Why a named file cannot be used. The caller names the file and the flag.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Not a regular file (a FIFO, socket, device, or a folder where a file is meant).
    #[error("it is {kind}, not {wanted}{}", limit.map(|l| format!(" of at most {}", human(l))).unwrap_or_default())]
    WrongType {
        /// What the path is: "a FIFO (named pipe)", "a character device", …
        kind: &'static str,
        /// What was expected: "a regular file" or "a regular file or a folder".
        wanted: &'static str,
        /// The size limit of the file that was expected, if it has one.
        limit: Option<u64>,
    },
    /// Larger than the limit for this kind of file.
    #[error("it is larger than the {} limit for this file ({size} bytes or more)", human(*.limit))]
    TooLarge {
        /// Bytes found (at least).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Not UTF-8 text.
    #[error("it is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The OS refused (missing, permissions, …).
    #[error("cannot read it: {0}")]
    Io(#[from] std::io::Error),
}

/// What a file type is, in words, when it is not a regular file or a folder.
pub fn special_kind(file_type: &fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
    }
    (!file_type.is_file() && !file_type.is_dir()).then_some("not a regular file")
}

/// Refuses a path that exists and is a FIFO, socket or device (following
/// links, without opening it). A missing path passes: the caller reports it
/// in its own words.
pub fn refuse_special(path: &Path, folder_allowed: bool) -> Result<(), InputError> {
    let wanted = if folder_allowed { "a regular file or a folder" } else { "a regular file" };
    match fs::metadata(path) {
        Ok(meta) => match special_kind(&meta.file_type()) {
            Some(kind) => Err(InputError::WrongType { kind, wanted, limit: None }),
            None if meta.is_dir() && !folder_allowed => {
                Err(InputError::WrongType { kind: "a folder", wanted, limit: None })
            }
            None => Ok(()),
        },
        Err(_) => Ok(()),
    }
}

/// Opens a regular file for reading, with its metadata. Anything else is
/// refused by its type from `stat`, before it is opened; on Linux the file is
/// then opened without blocking and its type checked again on the handle, so
/// a FIFO put in its place between the two is not waited on either.
pub fn open_regular(path: &Path) -> Result<(fs::File, fs::Metadata), InputError> {
    let wrong = |kind| InputError::WrongType { kind, wanted: "a regular file", limit: None };
    let kind_of = |meta: &fs::Metadata| {
        special_kind(&meta.file_type()).or_else(|| meta.is_dir().then_some("a folder"))
    };
    if let Some(kind) = kind_of(&fs::metadata(path)?) {
        return Err(wrong(kind));
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Reads from a regular file are not affected by O_NONBLOCK.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    match kind_of(&meta) {
        Some(kind) => Err(wrong(kind)),
        None => Ok((file, meta)),
    }
}

/// The bytes of a regular file of at most `limit` bytes. Anything else is
/// refused before it is opened; a file over the limit after reading at most
/// `limit + 1` bytes.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let (file, meta) = open_regular(path).map_err(|e| match e {
        InputError::WrongType { kind, wanted, .. } => {
            InputError::WrongType { kind, wanted, limit: Some(limit) }
        }
        other => other,
    })?;
    if meta.len() > limit {
        return Err(InputError::TooLarge { size: meta.len(), limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        // It grew between the stat and the read.
        return Err(InputError::TooLarge { size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// The text of a regular UTF-8 file of at most `limit` bytes (a byte-order
/// mark is dropped).
pub fn read_text(path: &Path, limit: u64) -> Result<String, InputError> {
    let mut bytes = read_bytes(path, limit)?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes)
        .map_err(|e| InputError::NotUtf8 { offset: e.utf8_error().valid_up_to() })
}

/// `16 MiB`, `512 KiB`, `100 bytes`.
fn human(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, bytes: &[u8]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(name), bytes).unwrap();
        dir
    }

    #[test]
    fn a_small_file_is_read_whole() {
        let dir = temp("a.txt", b"\xEF\xBB\xBFjaminan\n");
        assert_eq!(read_text(&dir.path().join("a.txt"), 100).unwrap(), "jaminan\n");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_naming_the_limit() {
        let dir = temp("a.txt", &[b'x'; 2049]);
        let err = read_text(&dir.path().join("a.txt"), 2048).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it is larger than the 2 KiB limit for this file (2049 bytes or more)"
        );
        assert!(read_text(&dir.path().join("a.txt"), 2049).is_ok());
    }

    #[test]
    fn folders_and_bad_utf8_are_refused() {
        let dir = temp("a.txt", b"caf\xe9");
        assert!(matches!(
            read_text(dir.path(), 100),
            Err(InputError::WrongType { kind: "a folder", .. })
        ));
        assert!(matches!(
            read_text(&dir.path().join("a.txt"), 100),
            Err(InputError::NotUtf8 { offset: 3 })
        ));
        assert!(refuse_special(dir.path(), true).is_ok());
        assert!(refuse_special(dir.path(), false).is_err());
        assert!(refuse_special(&dir.path().join("missing"), false).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_by_type_without_reading() {
        let err = read_text(Path::new("/dev/zero"), TABLE_LIMIT).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it is a character device, not a regular file of at most 16 MiB"
        );
        assert!(refuse_special(Path::new("/dev/null"), true).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.tsv");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let err = open_regular(&fifo).unwrap_err();
        assert_eq!(err.to_string(), "it is a FIFO (named pipe), not a regular file");
        assert!(read_text(&fifo, 10).unwrap_err().to_string().ends_with("of at most 10 bytes"));
    }

    #[test]
    fn limits_read_as_people_write_them() {
        assert_eq!(human(TABLE_LIMIT), "16 MiB");
        assert_eq!(human(1536), "1536 bytes");
        assert_eq!(human(2048), "2 KiB");
    }
}
