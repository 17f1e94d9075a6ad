//! `WordTable`: a map from words to `u64` that keeps short words inside their slot.
//!
//! Why: the stemmed view looks every token up in its memo ([`super::stemmed`]). With a
//! `HashMap<Box<str>, u32>` one lookup touched three places in memory: the control bytes, the
//! bucket (pointer and length) and the key's own allocation for the comparison. Once the memo
//! holds tens of thousands of words, each of those is a cache miss, and profiles of a 100,000
//! article build put the memo at 7% of all CPU, almost all of it waiting on those loads. Here a
//! word of up to [`INLINE`] bytes (nearly every word of news text) lives in a 32-byte slot
//! with its value: one lookup reads one slot (two or three on a collision, adjacent in
//! memory). Longer words go to an ordinary map. The word is kept as three integers (its bytes
//! zero-padded, its length in the last byte), built from the looked-up word with a few loads
//! of whole words: hashing is three multiplications and comparing is three integer compares,
//! with no byte loop and no `memcmp` call. Words of up to [`SHORT`] bytes have a table of their
//! own with 16-byte slots (the word as one integer, its value): half the memory per word, so
//! more of the memo stays in the cache (on 20,000 generated articles, analysis CPU fell by a
//! tenth against one table of 32-byte slots), and one multiplication to hash.
//!
//! Open addressing with linear probing; each table doubles at three quarters full and is only
//! ever emptied as a whole ([`WordTable::clear`]), so no deletion is needed.

use std::collections::HashMap;
use std::hash::Hasher;

use crate::fxhash::{FxBuildHasher, FxHasher};

/// Longest word kept inside a slot, in bytes.
pub const INLINE: usize = 23;

/// Slots of a table's first allocation.
const FIRST_SLOTS: usize = 1024;

/// Longest word kept in a short slot, in bytes.
pub const SHORT: usize = 7;

/// A word of 1 to [`INLINE`] bytes as three little-endian words: its bytes, zero-padded, and
/// its length in the last byte. Equal keys are equal words; a key is never all zero.
type Key = [u64; 3];

/// A slot of a table: a word's key and its value; an all-zero key means empty (the empty word
/// is kept in the map of long words).
trait Slot: Copy {
    type Key: Copy + PartialEq;
    const EMPTY: Self;
    fn new(key: Self::Key, value: u64) -> Self;
    fn key(&self) -> Self::Key;
    fn value(&self) -> u64;
    fn is_empty(&self) -> bool;
    fn hash(key: &Self::Key) -> u64;
}

/// The slot of a word of `SHORT + 1` to [`INLINE`] bytes: 32 bytes, never across two cache
/// lines.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct LongSlot {
    key: Key,
    value: u64,
}

const _: () = assert!(std::mem::size_of::<LongSlot>() == 32);

impl Slot for LongSlot {
    type Key = Key;
    const EMPTY: Self = LongSlot { key: [0; 3], value: 0 };
    fn new(key: Key, value: u64) -> Self {
        LongSlot { key, value }
    }
    fn key(&self) -> Key {
        self.key
    }
    fn value(&self) -> u64 {
        self.value
    }
    fn is_empty(&self) -> bool {
        // The length byte of a word's key is never zero.
        self.key[2] == 0
    }
    #[inline(always)]
    fn hash(key: &Key) -> u64 {
        hash_of(key)
    }
}

/// The slot of a word of 1 to [`SHORT`] bytes: its bytes and its length in the last byte of
/// one word, in 16 bytes.
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct ShortSlot {
    key: u64,
    value: u64,
}

impl Slot for ShortSlot {
    type Key = u64;
    const EMPTY: Self = ShortSlot { key: 0, value: 0 };
    fn new(key: u64, value: u64) -> Self {
        ShortSlot { key, value }
    }
    fn key(&self) -> u64 {
        self.key
    }
    fn value(&self) -> u64 {
        self.value
    }
    fn is_empty(&self) -> bool {
        self.key == 0
    }
    #[inline(always)]
    fn hash(key: &u64) -> u64 {
        let mut h = FxHasher::default();
        h.write_u64(*key);
        h.finish()
    }
}

/// Open addressing with linear probing over slots of one kind.
#[derive(Clone)]
struct Slots<S> {
    /// A power of two in length, or empty before the first insert.
    slots: Vec<S>,
    /// Words in `slots`.
    len: usize,
}

impl<S> Default for Slots<S> {
    fn default() -> Self {
        Slots { slots: Vec::new(), len: 0 }
    }
}

impl<S: Slot> Slots<S> {
    fn clear(&mut self) {
        self.slots.fill(S::EMPTY);
        self.len = 0;
    }

    #[inline(always)]
    fn get(&self, key: S::Key) -> Option<u64> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = S::hash(&key) as usize & mask;
        loop {
            let slot = &self.slots[i];
            if slot.key() == key {
                return Some(slot.value());
            }
            if slot.is_empty() {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, key: S::Key, value: u64) {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        if self.place(S::new(key, value)) {
            self.len += 1;
        }
    }

    /// Puts `slot` where its word is, or in the first empty slot of its run; true when the
    /// word was new.
    fn place(&mut self, slot: S) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = S::hash(&slot.key()) as usize & mask;
        loop {
            let here = &mut self.slots[i];
            if here.is_empty() {
                *here = slot;
                return true;
            }
            if here.key() == slot.key() {
                *here = slot;
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(FIRST_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![S::EMPTY; size]);
        for slot in old.into_iter().filter(|s| !s.is_empty()) {
            self.place(slot);
        }
    }
}

/// Words to `u64` values (see the module documentation).
#[derive(Clone, Default)]
pub struct WordTable {
    /// Words of 1 to [`SHORT`] bytes.
    short: Slots<ShortSlot>,
    /// Words of `SHORT + 1` to [`INLINE`] bytes.
    slots: Slots<LongSlot>,
    /// Words longer than [`INLINE`] bytes, and the empty word.
    long: HashMap<Box<str>, u64, FxBuildHasher>,
}

impl std::fmt::Debug for WordTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordTable").field("len", &self.len()).finish()
    }
}

/// The `N` bytes of `bytes` from `at` as a little-endian number.
#[inline(always)]
fn read<const N: usize>(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word[..N].copy_from_slice(&bytes[at..at + N]);
    u64::from_le_bytes(word)
}

/// The last `n % 8` bytes of `bytes` (`n` its length, 1 to [`INLINE`]), zero-padded: loads
/// of whole words or halves that may overlap, never a byte loop.
#[inline(always)]
fn tail_word(bytes: &[u8], n: usize) -> u64 {
    let r = n % 8;
    if n >= 8 {
        // The last eight bytes end with the `r` wanted; shift the others out.
        read::<8>(bytes, n - 8) >> (8 * (8 - r))
    } else if n >= 4 {
        // Two overlapping halves agree on the bytes they share.
        read::<4>(bytes, 0) | read::<4>(bytes, n - 4) << (8 * (n - 4))
    } else if n >= 2 {
        read::<2>(bytes, 0) | read::<2>(bytes, n - 2) << (8 * (n - 2))
    } else {
        u64::from(bytes[0])
    }
}

/// The key of a word of 1 to [`INLINE`] bytes.
#[inline(always)]
fn key_of(bytes: &[u8]) -> Key {
    let n = bytes.len();
    let mut key = [0u64; 3];
    let full = n / 8;
    for (i, k) in key.iter_mut().enumerate().take(full) {
        *k = read::<8>(bytes, 8 * i);
    }
    if !n.is_multiple_of(8) {
        key[full] = tail_word(bytes, n);
    }
    // n <= INLINE < 256: the length fits the last byte, which no word byte uses.
    key[2] |= (n as u64) << 56;
    key
}

#[inline(always)]
fn hash_of(key: &Key) -> u64 {
    let mut h = FxHasher::default();
    for &k in key {
        h.write_u64(k);
    }
    h.finish()
}

/// The key of a word of 1 to [`SHORT`] bytes.
#[inline(always)]
fn short_key_of(bytes: &[u8]) -> u64 {
    tail_word(bytes, bytes.len()) | (bytes.len() as u64) << 56
}

impl WordTable {
    /// An empty table (allocates on the first insert).
    pub fn new() -> WordTable {
        WordTable::default()
    }

    /// Words in the table.
    pub fn len(&self) -> usize {
        self.short.len + self.slots.len + self.long.len()
    }

    /// Whether the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every word, keeping the memory for the next ones.
    pub fn clear(&mut self) {
        self.short.clear();
        self.slots.clear();
        self.long.clear();
    }

    /// The value of `word`, if it was inserted.
    #[inline]
    pub fn get(&self, word: &str) -> Option<u64> {
        let bytes = word.as_bytes();
        match bytes.len() {
            1..=SHORT => self.short.get(short_key_of(bytes)),
            n if n <= INLINE && n != 0 => self.slots.get(key_of(bytes)),
            _ => self.long.get(word).copied(),
        }
    }

    /// Sets the value of `word` (replacing an earlier one).
    pub fn insert(&mut self, word: &str, value: u64) {
        let bytes = word.as_bytes();
        match bytes.len() {
            1..=SHORT => self.short.insert(short_key_of(bytes), value),
            n if n <= INLINE && n != 0 => self.slots.insert(key_of(bytes), value),
            _ => {
                self.long.insert(word.into(), value);
            }
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
            t.insert(w, i as u64);
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
        assert_eq!((t.get(&w), t.slots.len, t.long.len()), (Some(7), 1, 0));
        let w = "a".repeat(INLINE + 1);
        t.insert(&w, 8);
        assert_eq!((t.get(&w), t.slots.len, t.long.len()), (Some(8), 1, 1));
    }

    #[test]
    fn words_of_every_length_go_to_their_table() {
        let mut t = WordTable::new();
        let text = "abcdefghijklmnopqrstuvwxyz";
        for n in 1..=INLINE + 1 {
            t.insert(&text[..n], n as u64);
        }
        assert_eq!((t.short.len, t.slots.len, t.long.len()), (SHORT, INLINE - SHORT, 1));
        for n in 1..=INLINE + 1 {
            assert_eq!(t.get(&text[..n]), Some(n as u64), "{n}");
            assert_eq!(t.get(&text[1..=n]), None, "{n}");
        }
    }

    #[test]
    fn many_words_survive_growth() {
        let mut t = WordTable::new();
        for i in 0..50_000u64 {
            t.insert(&format!("kata{i}"), i);
        }
        assert_eq!(t.len(), 50_000);
        for i in 0..50_000u64 {
            assert_eq!(t.get(&format!("kata{i}")), Some(i));
        }
        assert_eq!(t.get("kata50000"), None);
    }

    /// The key as a byte loop would build it.
    fn bytewise_key(bytes: &[u8]) -> Key {
        let mut padded = [0u8; 24];
        padded[..bytes.len()].copy_from_slice(bytes);
        padded[23] = bytes.len() as u8;
        let word = |i: usize| u64::from_le_bytes(padded[8 * i..8 * i + 8].try_into().unwrap());
        [word(0), word(1), word(2)]
    }

    #[test]
    fn keys_hold_the_bytes_and_the_length_at_every_length() {
        let text: Vec<u8> = (1..=INLINE as u8).map(|b| b.wrapping_mul(37) | 1).collect();
        for n in 1..=INLINE {
            assert_eq!(key_of(&text[..n]), bytewise_key(&text[..n]), "{n}");
            assert_eq!(key_of(&text[text.len() - n..]), bytewise_key(&text[text.len() - n..]));
        }
    }

    proptest! {
        #[test]
        fn keys_equal_a_bytewise_build(bytes in prop::collection::vec(any::<u8>(), 1..=INLINE)) {
            prop_assert_eq!(key_of(&bytes), bytewise_key(&bytes));
        }

        /// The table answers like a `HashMap` after any sequence of inserts and clears.
        #[test]
        fn agrees_with_a_hash_map(
            ops in prop::collection::vec((r"\PC{0,30}", any::<u64>(), 0u8..20), 0..400),
        ) {
            let mut t = WordTable::new();
            let mut m: HashMap<String, u64> = HashMap::new();
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
