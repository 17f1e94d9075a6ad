//! Article ids from file paths, exact for any name the OS allows.
//!
//! An id is the path relative to the corpus root with `/` separators. Names
//! that are not UTF-8 are kept exact by percent-encoding each byte that is
//! not part of valid UTF-8 (`x\xff.txt` → `x%FF.txt`), and `%` itself is
//! written `%25`, so the encoding is reversible: two different names never
//! give one id, and a name gives the same id on every run.

use std::ffi::OsStr;
use std::path::Path;

/// `path` relative to `root`, with `/` separators, each component escaped
/// with [`escape`]. A single-file corpus (`path == root`) uses the file name.
pub fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = if rel.as_os_str().is_empty() {
        path.file_name().map(Path::new).unwrap_or(path)
    } else {
        rel
    };
    rel.components().map(|c| escape(c.as_os_str())).collect::<Vec<_>>().join("/")
}

/// One path component as text: valid UTF-8 as it is (`%` as `%25`), every
/// other byte as `%XX`.
pub fn escape(name: &OsStr) -> String {
    let bytes = os_bytes(name);
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '%' {
                out.push_str("%25");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The bytes of a name [`escape`] wrote (`None` when `id` was not written by it).
pub fn unescape(id: &str) -> Option<Vec<u8>> {
    let bytes = id.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = id.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(unix)]
fn os_bytes(name: &OsStr) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(name.as_bytes())
}

#[cfg(not(unix))]
fn os_bytes(name: &OsStr) -> std::borrow::Cow<'_, [u8]> {
    match name.to_string_lossy() {
        std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
        std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s.into_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ids_are_relative_with_forward_slashes() {
        let root = Path::new("/data/corpus");
        assert_eq!(relative_id(root, Path::new("/data/corpus/a/b.txt")), "a/b.txt");
        assert_eq!(relative_id(root, Path::new("/data/corpus/c.jsonl")), "c.jsonl");
    }

    #[test]
    fn a_single_file_corpus_uses_the_file_name() {
        let f = Path::new("/data/one.txt");
        assert_eq!(relative_id(f, f), "one.txt");
    }

    #[test]
    fn unicode_names_stay_readable_and_percent_is_escaped() {
        assert_eq!(escape(OsStr::new("berita ü 100%.txt")), "berita ü 100%25.txt");
        assert_eq!(unescape("berita ü 100%25.txt").unwrap(), "berita ü 100%.txt".as_bytes());
    }

    #[cfg(unix)]
    #[test]
    fn invalid_utf8_bytes_give_distinct_exact_ids() {
        use std::os::unix::ffi::OsStrExt;
        let ff = escape(OsStr::from_bytes(b"x\xff.txt"));
        let fe = escape(OsStr::from_bytes(b"x\xfe.txt"));
        assert_eq!((ff.as_str(), fe.as_str()), ("x%FF.txt", "x%FE.txt"));
        // A valid name spelling the escape is told apart from the byte.
        assert_ne!(escape(OsStr::new("x%FF.txt")), ff);
    }

    #[cfg(unix)]
    proptest! {
        #[test]
        fn escaping_is_reversible(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
            use std::os::unix::ffi::OsStrExt;
            let id = escape(OsStr::from_bytes(&bytes));
            prop_assert_eq!(unescape(&id), Some(bytes));
        }
    }
}
