//! `WordTable`: a map from words to `u32` that keeps short words inside their slot.
//!
//! Why: the stemmed view looks every token up in its memo ([`super::stemmed`]). With a
//! `HashMap<Box<str>, u32>` one lookup touched three places in memory: the control bytes, the
//! bucket (pointer and length) and the key's own allocation for the comparison. Once the memo
//! holds tens of thousands of words, each of those is a cache miss, and profiles of a 100,000
//! article build put the memo at 7% of all CPU, almost all of it waiting on those loads. Here a
//! word of up to [`INLINE`] bytes (nearly every word of news text) lives in a 32-byte slot
//! with its hash and value: one lookup reads one slot (two or three on a collision, adjacent in
//! memory). Longer words go to an ordinary map.
//!
//! Open addressing with linear probing; the table doubles at three quarters full and is only
//! ever emptied as a whole ([`WordTable::clear`]), so no deletion is needed.

use std::collections::HashMap;
use std::hash::Hasher;

use super::stem::hash::{FxBuildHasher, FxHasher};

/// Longest word kept inside a slot, in bytes.
pub const INLINE: usize = 23;

/// Slots of a table's first allocation.
const FIRST_SLOTS: usize = 1024;

/// One slot: `len == 0` means empty (the empty word is kept in the map of long words).
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Slot {
    len: u8,
    key: [u8; INLINE],
    hash: u32,
    value: u32,
}

const EMPTY: Slot = Slot { len: 0, key: [0; INLINE], hash: 0, value: 0 };

const _: () = assert!(std::mem::size_of::<Slot>() == 32);

/// Words to `u32` values (see the module documentation).
#[derive(Clone, Default)]
pub struct WordTable {
    /// A power of two in length, or empty before the first insert.
    slots: Vec<Slot>,
    /// Words in `slots`.
    inline: usize,
    /// Words longer than [`INLINE`] bytes, and the empty word.
    long: HashMap<Box<str>, u32, FxBuildHasher>,
}

impl std::fmt::Debug for WordTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordTable").field("len", &self.len()).finish()
    }
}

fn hash_of(word: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(word);
    h.finish()
}

fn is_inline(word: &str) -> bool {
    !word.is_empty() && word.len() <= INLINE
}

impl WordTable {
    /// An empty table (allocates on the first insert).
    pub fn new() -> WordTable {
        WordTable::default()
    }

    /// Words in the table.
    pub fn len(&self) -> usize {
        self.inline + self.long.len()
    }

    /// Whether the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every word, keeping the memory for the next ones.
    pub fn clear(&mut self) {
        self.slots.fill(EMPTY);
        self.inline = 0;
        self.long.clear();
    }

    /// The value of `word`, if it was inserted.
    #[inline]
    pub fn get(&self, word: &str) -> Option<u32> {
        if !is_inline(word) {
            return self.long.get(word).copied();
        }
        if self.slots.is_empty() {
            return None;
        }
        let bytes = word.as_bytes();
        let hash = hash_of(bytes);
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.len == 0 {
                return None;
            }
            if slot.hash == hash as u32
                && usize::from(slot.len) == bytes.len()
                && &slot.key[..bytes.len()] == bytes
            {
                return Some(slot.value);
            }
            i = (i + 1) & mask;
        }
    }

    /// Sets the value of `word` (replacing an earlier one).
    pub fn insert(&mut self, word: &str, value: u32) {
        if !is_inline(word) {
            self.long.insert(word.into(), value);
            return;
        }
        if (self.inline + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let bytes = word.as_bytes();
        let hash = hash_of(bytes);
        let mut key = [0u8; INLINE];
        key[..bytes.len()].copy_from_slice(bytes);
        // A word of at most INLINE (< 256) bytes: its length fits a u8.
        let slot = Slot { len: bytes.len() as u8, key, hash: hash as u32, value };
        if self.place(slot, hash) {
            self.inline += 1;
        }
    }

    /// Puts `slot` where its word is, or in the first empty slot of its run; true when the
    /// word was new.
    fn place(&mut self, slot: Slot, hash: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let here = &mut self.slots[i];
            if here.len == 0 {
                *here = slot;
                return true;
            }
            if here.hash == slot.hash && here.len == slot.len && here.key == slot.key {
                here.value = slot.value;
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(FIRST_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        for slot in old.into_iter().filter(|s| s.len != 0) {
            let hash = hash_of(&slot.key[..usize::from(slot.len)]);
            self.place(slot, hash);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn short_long_and_empty_words_are_found() {
        let mut t = WordTable::new();
        let long = "mempertanggungjawabkannya-lah";
        assert!(long.len() > INLINE);
        for (i, w) in
            ["kerja", "", long, "Pekerja", "pekerja", "ketenagakerjaan"].iter().enumerate()
        {
            assert_eq!(t.get(w), None);
            t.insert(w, i as u32);
        }
        assert_eq!(t.len(), 6);
        assert_eq!(t.get("kerja"), Some(0));
        assert_eq!(t.get(""), Some(1));
        assert_eq!(t.get(long), Some(2));
        assert_eq!(t.get("Pekerja"), Some(3));
        assert_eq!(t.get("pekerja"), Some(4));
        assert_eq!(t.get("pekerj"), None);
        assert_eq!(t.get("pekerjaa"), None);
        t.insert("kerja", 9);
        assert_eq!((t.get("kerja"), t.len()), (Some(9), 6));
        t.clear();
        assert!(t.is_empty());
        assert_eq!(t.get("kerja"), None);
        assert_eq!(t.get(long), None);
    }

    #[test]
    fn a_word_of_exactly_inline_bytes_stays_inline() {
        let mut t = WordTable::new();
        let w = "a".repeat(INLINE);
        t.insert(&w, 7);
        assert_eq!((t.get(&w), t.inline, t.long.len()), (Some(7), 1, 0));
        let w = "a".repeat(INLINE + 1);
        t.insert(&w, 8);
        assert_eq!((t.get(&w), t.inline, t.long.len()), (Some(8), 1, 1));
    }

    #[test]
    fn many_words_survive_growth() {
        let mut t = WordTable::new();
        for i in 0..50_000u32 {
            t.insert(&format!("kata{i}"), i);
        }
        assert_eq!(t.len(), 50_000);
        for i in 0..50_000u32 {
            assert_eq!(t.get(&format!("kata{i}")), Some(i));
        }
        assert_eq!(t.get("kata50000"), None);
    }

    proptest! {
        /// The table answers like a `HashMap` after any sequence of inserts and clears.
        #[test]
        fn agrees_with_a_hash_map(
            ops in prop::collection::vec((r"\PC{0,30}", any::<u32>(), 0u8..20), 0..400),
        ) {
            let mut t = WordTable::new();
            let mut m: HashMap<String, u32> = HashMap::new();
            for (word, value, op) in &ops {
                if *op == 0 {
                    t.clear();
                    m.clear();
                } else if *op < 10 {
                    t.insert(word, *value);
                    m.insert(word.clone(), *value);
                }
                prop_assert_eq!(t.get(word), m.get(word).copied());
                prop_assert_eq!(t.len(), m.len());
            }
            for (word, _, _) in &ops {
                prop_assert_eq!(t.get(word), m.get(word).copied());
            }
        }
    }
}
