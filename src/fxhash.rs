//! A small, fast, non-cryptographic hasher for the hash sets and maps of
//! short words: the stemmer's memo cache and dictionaries, the stopwords,
//! the extractors' word lists and the facet tables. A leaf module: it
//! depends on nothing in the crate, so `analysis` and `extract` both use it
//! without knowing of each other.
//!
//! Why: every token costs one or two hash lookups (memo cache, root dictionary, protected words)
//! and std's SipHash is several times slower than needed for short ASCII keys. This is the
//! multiply-rotate scheme of rustc's FxHasher, written here so warta needs no extra
//! dependency. It is not DoS resistant; the keys are words of news articles, and the cache is
//! bounded, so a hostile input can only make lookups slower, never unbounded in memory.

use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash-style hasher: 8 bytes at a time, multiply and rotate.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// Folds the high bits into the low ones (MurmurHash3's finaliser).
    /// Without it the low bits, which pick the hash table bucket, depend
    /// only on a word's first bytes: "pekerja", "peserta" and "pemerintah"
    /// crowd the same buckets, and lookups degrade into long probe runs.
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// `BuildHasher` for [`FxHasher`], for `HashMap`/`HashSet`.
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
        FxBuildHasher::default().hash_one(value)
    }

    #[test]
    fn equal_keys_hash_equal_and_str_matches_bytes_prefix_free() {
        assert_eq!(hash_of("kerja"), hash_of("kerja"));
        assert_ne!(hash_of("kerja"), hash_of("kerjaa"));
        // str hashing appends a terminator byte, so "ab" + "c" differs from "a" + "bc".
        assert_ne!(hash_of(&("ab", "c")), hash_of(&("a", "bc")));
    }

    #[test]
    fn long_and_empty_inputs() {
        assert_ne!(hash_of(""), hash_of("a"));
        let long = "ketenagakerjaan-ketenagakerjaan";
        assert_eq!(hash_of(long), hash_of(&long.to_string()));
    }
}
