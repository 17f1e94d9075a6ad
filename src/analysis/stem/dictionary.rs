//! The root-word dictionary the ECS stemmer checks every candidate against.
//!
//! Why: Enhanced Confix Stripping only accepts a stem that is a known root ("kata dasar"), so the
//! dictionary decides what the stemmer can do. The built-in list is `roots.txt`, derived from
//! Debian's hunspell-id (LGPL-3; see `README.md` and `LICENSE-roots.txt` in this folder) by
//! `derive_roots.py`, plus `extra_roots.txt`, our own short list of roots hunspell-id lacks
//! (days, months, `adalah`, `mulai`, …). Both are embedded with `include_str!` and parsed once.
//! Users can add roots (a gap in the list makes the stemmer leave a word unstemmed) with
//! [`Dictionary::with_extra_roots`].

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

use crate::fxhash::FxBuildHasher;

/// The embedded root list: `#` comment header, then one lowercase root per line.
const DEFAULT_ROOTS: &str = include_str!("roots.txt");

/// warta's additions: one root per line, `#` comments.
const EXTRA_ROOTS: &str = include_str!("extra_roots.txt");

/// Roots in `roots.txt` (31k lines): the set is sized once instead of growing.
const DEFAULT_CAPACITY: usize = 40_000;

static DEFAULT: LazyLock<Arc<Dictionary>> = LazyLock::new(|| {
    // Every search process builds this before it analyses the query, so it must be cheap: the
    // lines of `roots.txt` go in as borrowed slices of the embedded text, without the
    // normalisation `extend_roots` does. That is the same set, because every line of it is
    // either a `#` comment or already a root (`every_embedded_line_is_a_root_or_comment`).
    let mut roots = HashSet::with_capacity_and_hasher(DEFAULT_CAPACITY, FxBuildHasher::default());
    roots.extend(
        DEFAULT_ROOTS.lines().filter(|l| !l.starts_with('#')).map(|l| Cow::Borrowed(l.as_bytes())),
    );
    let mut dict = Dictionary { roots };
    dict.extend_roots(EXTRA_ROOTS.lines());
    Arc::new(dict)
});

/// A set of lowercase ASCII root words (letters and inner hyphens, e.g. `kupu-kupu`).
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    /// Built-in roots borrow the embedded list; added ones are owned.
    roots: HashSet<Cow<'static, [u8]>, FxBuildHasher>,
}

impl Dictionary {
    /// The built-in roots (derived from hunspell-id), parsed on first use.
    pub fn default_roots() -> &'static Dictionary {
        &DEFAULT
    }

    /// The built-in roots as a shared handle, for filters that keep an `Arc<Dictionary>`.
    pub fn shared_default() -> Arc<Dictionary> {
        Arc::clone(&DEFAULT)
    }

    /// The built-in roots plus `extra` ones (for example from a user's `--roots FILE`).
    ///
    /// Each entry is cut at `#` (comments), trimmed and lowercased; empty entries and entries
    /// that are not ASCII letters with inner hyphens are skipped.
    pub fn with_extra_roots<I, S>(extra: I) -> Dictionary
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut dict = Dictionary::default_roots().clone();
        dict.extend_roots(extra);
        dict
    }

    /// A dictionary holding only `roots` (same filtering as [`Dictionary::with_extra_roots`]).
    pub fn from_roots<I, S>(roots: I) -> Dictionary
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut dict = Dictionary::default();
        dict.extend_roots(roots);
        dict
    }

    /// Adds `roots` (same filtering as [`Dictionary::with_extra_roots`]).
    pub fn extend_roots<I, S>(&mut self, roots: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for root in roots {
            let root = root.as_ref();
            let root = root.split('#').next().unwrap_or("").trim().to_ascii_lowercase();
            if is_root_shaped(&root) {
                self.roots.insert(Cow::Owned(root.into_bytes()));
            }
        }
    }

    /// Whether `word` (lowercase) is a root.
    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// Number of roots.
    pub fn len(&self) -> usize {
        self.roots.len()
    }

    /// Whether the dictionary has no roots.
    pub fn is_empty(&self) -> bool {
        self.roots.is_empty()
    }

    #[inline]
    pub(super) fn contains_bytes(&self, word: &[u8]) -> bool {
        self.roots.contains(word)
    }
}

/// ASCII lowercase letters, optionally joined by single inner hyphens (`kupu-kupu`).
fn is_root_shaped(word: &str) -> bool {
    !word.is_empty()
        && !word.starts_with('-')
        && !word.ends_with('-')
        && !word.contains("--")
        && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_roots_parse_and_are_sane() {
        let dict = Dictionary::default_roots();
        assert!(dict.len() > 30_000, "only {} roots", dict.len());
        for root in ["lindung", "kerja", "terima", "tenagakerja", "tegak", "sejahtera", "kupu-kupu"]
        {
            assert!(dict.contains(root), "{root} missing");
        }
        // Header lines and proper nouns are not roots.
        assert!(!dict.contains("# warta root-word list for the indonesian ecs stemmer"));
        assert!(!dict.contains("jakarta"));
        assert!(!dict.contains(""));
    }

    #[test]
    fn every_embedded_line_is_a_root_or_comment() {
        for line in DEFAULT_ROOTS.lines() {
            assert!(line.starts_with('#') || is_root_shaped(line), "bad line {line:?}");
        }
        for line in EXTRA_ROOTS.lines() {
            let root = line.split('#').next().unwrap_or("").trim();
            assert!(root.is_empty() || is_root_shaped(root), "bad line {line:?}");
        }
    }

    #[test]
    fn the_default_set_equals_the_normalised_parse_of_both_lists() {
        let normalised = Dictionary::from_roots(DEFAULT_ROOTS.lines().chain(EXTRA_ROOTS.lines()));
        assert_eq!(normalised.roots, Dictionary::default_roots().roots);
        assert!(Dictionary::default_roots().len() < DEFAULT_CAPACITY);
    }

    #[test]
    fn extra_roots_are_loaded_and_curated_drops_are_gone() {
        let dict = Dictionary::default_roots();
        for root in ["selasa", "juni", "adalah", "mulai", "tapi", "persero", "sebelas", "pasukan"] {
            assert!(dict.contains(root), "{root} missing");
        }
        for dropped in [
            "di", "te", "a", "tah", "perin", "ketahu", "pelajar", "andung", "upas", "pasuk",
            "pengerti",
        ] {
            assert!(!dict.contains(dropped), "{dropped} should be dropped");
        }
    }

    #[test]
    fn extra_roots_are_normalised_and_filtered() {
        let extra = [" Bpjamsostek ", "# comment", "", "café", "a--b", "jamsostek  # agency"];
        let dict = Dictionary::with_extra_roots(extra);
        assert!(dict.contains("bpjamsostek"));
        assert!(dict.contains("kerja"));
        assert!(!dict.contains("café"));
        assert!(!dict.contains("a--b"));
        assert!(dict.contains("jamsostek"));
        assert_eq!(dict.len(), Dictionary::default_roots().len() + 2);
    }

    #[test]
    fn from_roots_is_independent_of_the_default() {
        let dict = Dictionary::from_roots(["ajar", "kerja"]);
        assert_eq!(dict.len(), 2);
        assert!(!dict.contains("lindung"));
        assert!(Dictionary::from_roots(Vec::<String>::new()).is_empty());
    }

    #[test]
    fn shared_default_is_the_same_set() {
        assert!(std::ptr::eq(&*Dictionary::shared_default(), Dictionary::default_roots()));
    }
}
