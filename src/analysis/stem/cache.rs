//! [`Stemmer`]: the ECS stemmer with a bounded memo cache.
//!
//! Why: news text repeats its word types heavily (a few thousand types make up most tokens),
//! so remembering each word's stem turns stemming into one hash lookup per token. The cache
//! is cleared when it reaches [`CACHE_CAPACITY`] entries, which bounds memory on any input.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use super::dictionary::Dictionary;
use super::stem;
use crate::fxhash::FxBuildHasher;

/// Entries kept before the cache is cleared.
pub const CACHE_CAPACITY: usize = 200_000;

/// Slot value for "the stem is the word itself" (no copy stored).
const UNCHANGED: u32 = u32::MAX;

const _: () = assert!(CACHE_CAPACITY < UNCHANGED as usize);

/// ECS stemmer over a shared dictionary, with a memo cache.
///
/// Cloning gives a stemmer with the same dictionary and an empty cache (each indexing thread
/// gets its own clone of the tokenizer, so caches are never shared or locked).
pub struct Stemmer {
    dict: Arc<Dictionary>,
    /// word → index into `stems`, or [`UNCHANGED`].
    index: HashMap<Box<str>, u32, FxBuildHasher>,
    stems: Vec<Box<str>>,
}

impl Stemmer {
    /// A stemmer over `dict`.
    pub fn new(dict: Arc<Dictionary>) -> Stemmer {
        Stemmer { dict, index: HashMap::default(), stems: Vec::new() }
    }

    /// The dictionary this stemmer uses.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// The shared dictionary itself.
    pub fn shared_dictionary(&self) -> Arc<Dictionary> {
        Arc::clone(&self.dict)
    }

    /// Number of cached words.
    pub fn cached_len(&self) -> usize {
        self.index.len()
    }

    /// The stem of `word` (see [`stem`](super::stem)), memoised.
    pub fn stem_cached<'a>(&'a mut self, word: &'a str) -> &'a str {
        self.stem_cached_unless(word, |_| false)
    }

    /// Like [`Stemmer::stem_cached`], but `word` stays as it is when `keep`
    /// says so. `keep` must give the same answer for a word every time: it
    /// is asked once per word and the answer is cached with the stem, so a
    /// cached word costs one lookup instead of two.
    pub fn stem_cached_unless<'a>(
        &'a mut self,
        word: &'a str,
        keep: impl FnOnce(&str) -> bool,
    ) -> &'a str {
        if let Some(&slot) = self.index.get(word) {
            return self.resolve(slot, word);
        }
        if self.index.len() >= CACHE_CAPACITY {
            self.index.clear();
            self.stems.clear();
        }
        let stemmed = if keep(word) { Cow::Borrowed(word) } else { stem(word, &self.dict) };
        let slot = match stemmed {
            Cow::Borrowed(same) if same.len() == word.len() => UNCHANGED,
            changed => {
                self.stems.push(changed.into());
                // stems.len() <= index.len() < CACHE_CAPACITY < UNCHANGED: no truncation.
                (self.stems.len() - 1) as u32
            }
        };
        self.index.insert(word.into(), slot);
        self.resolve(slot, word)
    }

    fn resolve<'a>(&'a self, slot: u32, word: &'a str) -> &'a str {
        if slot == UNCHANGED {
            return word;
        }
        self.stems.get(slot as usize).map_or(word, |stem| stem)
    }
}

impl Default for Stemmer {
    /// A stemmer over the built-in roots.
    fn default() -> Stemmer {
        Stemmer::new(Dictionary::shared_default())
    }
}

impl Clone for Stemmer {
    fn clone(&self) -> Stemmer {
        Stemmer::new(Arc::clone(&self.dict))
    }
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stemmer")
            .field("roots", &self.dict.len())
            .field("cached", &self.index.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_equals_uncached() {
        let mut stemmer = Stemmer::default();
        for word in ["pekerja", "perlindungan", "bpjs", "kerja", "menerima", "xyzzy", "pekerja"] {
            let expected = stem(word, Dictionary::default_roots()).into_owned();
            assert_eq!(stemmer.stem_cached(word), expected, "{word}");
            assert_eq!(stemmer.stem_cached(word), expected, "{word} (cached)");
        }
        // Unchanged words are cached without storing a copy of the stem.
        assert_eq!(stemmer.cached_len(), 6);
        assert_eq!(stemmer.stems.len(), 3);
    }

    #[test]
    fn kept_words_are_cached_unchanged() {
        let mut stemmer = Stemmer::default();
        assert_eq!(stemmer.stem_cached_unless("bekasi", |w| w == "bekasi"), "bekasi");
        assert_eq!(stemmer.stem_cached_unless("pekerja", |w| w == "bekasi"), "kerja");
        // Asked once: the cached answer is used the second time.
        assert_eq!(stemmer.stem_cached_unless("bekasi", |_| unreachable!()), "bekasi");
    }

    #[test]
    fn cache_is_bounded() {
        let mut stemmer = Stemmer::new(Arc::new(Dictionary::from_roots(["kerja"])));
        for i in 0..CACHE_CAPACITY + 10 {
            let word = format!("w{i}");
            stemmer.stem_cached(&word);
        }
        assert!(stemmer.cached_len() <= CACHE_CAPACITY);
        assert_eq!(stemmer.cached_len(), 10);
        assert_eq!(stemmer.stem_cached("pekerja"), "kerja");
    }

    #[test]
    fn clone_keeps_dictionary_and_drops_cache() {
        let mut stemmer = Stemmer::default();
        stemmer.stem_cached("pekerja");
        let clone = stemmer.clone();
        assert_eq!(clone.cached_len(), 0);
        assert_eq!(clone.dictionary().len(), stemmer.dictionary().len());
        assert!(format!("{clone:?}").contains("cached: 0"));
    }
}
