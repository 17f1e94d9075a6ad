//! MinHash signatures of a text's word shingles: a fixed-size summary whose
//! slot-by-slot agreement estimates the Jaccard similarity of two texts'
//! shingle sets. Stable across runs and platforms (FNV-1a and SplitMix64,
//! no randomness), because signatures are stored in the index.
//!
//! The signature is a *one-permutation* MinHash (Li, Owen and Zhang 2012):
//! each shingle is hashed once, the top bits of the hash pick one of the
//! [`HASHES`] slots and the slot keeps the smallest of the low bits. Slots
//! no shingle fell into are filled by *optimal densification* (Shrivastava
//! 2017): an empty slot copies the value of the first non-empty slot on its
//! own fixed probe sequence, so two texts fill it the same way and slot
//! agreement stays an estimate of Jaccard similarity. One hash per shingle
//! instead of one per shingle and slot: classic 128-slot MinHash was a tenth
//! of the indexing profile.

/// Slots in a signature. 128 gives a standard error of about 0.045 on the
/// similarity estimate.
pub const HASHES: usize = 128;

/// Words per shingle.
pub const SHINGLE: usize = 3;

/// Bodies with fewer words than this get no signature: too short to tell a
/// copy from a coincidence.
pub const MIN_WORDS: usize = 12;

/// At most this many words of a body are read (bounded work).
const MAX_WORDS: usize = 20_000;

/// Random probes an empty slot makes before it takes the next non-empty
/// slot in order (only reached when nearly every slot is empty).
const MAX_PROBES: u64 = 64;

/// Bits of a hash that choose the slot.
const SLOT_BITS: u32 = HASHES.trailing_zeros();

/// A MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub Vec<u16>);

impl Signature {
    /// The fraction of slots on which two signatures agree.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.0.len() != other.0.len() || self.0.is_empty() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len() as f64
    }

    /// Little-endian bytes, as stored in the index.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads [`Signature::to_bytes`] back; `None` for anything of the wrong size.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != HASHES * 2 {
            return None;
        }
        let slots = bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        Some(Signature(slots))
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a of each lowercased run of letters and digits (at most `MAX_WORDS`).
///
/// ASCII bytes are classified and lowercased byte by byte; any other
/// character is decoded and handled by [`char::is_alphanumeric`] and
/// [`char::to_lowercase`], so the hashes are those of the lowercased
/// characters' UTF-8 bytes either way.
///
/// Each hash is handed to `word` in order; returns how many there were.
fn each_word_hash(text: &str, mut word: impl FnMut(u64)) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let class = BYTE_CLASS[usize::from(bytes[i])];
        let alphanumeric = if class > NON_ASCII {
            // A run of ASCII letters and digits, lowercased, in a loop of its own (the
            // bytes of nearly every word go through it and nothing else).
            h = (h ^ u64::from(class)).wrapping_mul(FNV_PRIME);
            i += 1;
            while let Some(&b) = bytes.get(i) {
                let class = BYTE_CLASS[usize::from(b)];
                if class <= NON_ASCII {
                    break;
                }
                h = (h ^ u64::from(class)).wrapping_mul(FNV_PRIME);
                i += 1;
            }
            true
        } else if class == NOT_IN_WORD {
            i += 1;
            false
        } else {
            // `i` is always on a character boundary: it moves by whole characters.
            let c = text[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            let word = c.is_alphanumeric();
            if word {
                c.to_lowercase().for_each(|l| fnv1a_char(&mut h, l));
            }
            word
        };
        if alphanumeric {
            in_word = true;
        } else if in_word {
            word(h);
            words += 1;
            if words == MAX_WORDS {
                return words;
            }
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        word(h);
        words += 1;
    }
    words
}

/// The FNV-1a hashes of [`each_word_hash`], collected.
#[cfg(test)]
fn word_hashes(text: &str) -> Vec<u64> {
    let mut hashes = Vec::new();
    each_word_hash(text, |h| hashes.push(h));
    hashes
}

/// [`BYTE_CLASS`] of an ASCII byte that is not a letter or a digit.
const NOT_IN_WORD: u8 = 0;
/// [`BYTE_CLASS`] of a byte that starts (or continues) a non-ASCII character.
const NON_ASCII: u8 = 1;

/// For each byte: an ASCII letter or digit's lowercase, [`NOT_IN_WORD`] for
/// other ASCII bytes, [`NON_ASCII`] for the rest.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] =
            if byte.is_ascii_alphanumeric() { byte.to_ascii_lowercase() } else { NOT_IN_WORD };
        b += 1;
    }
    table
};

/// Feeds one character's UTF-8 bytes to an FNV-1a state.
fn fnv1a_char(h: &mut u64, c: char) {
    let mut buf = [0u8; 4];
    for b in c.encode_utf8(&mut buf).as_bytes() {
        *h ^= u64::from(*b);
        *h = h.wrapping_mul(FNV_PRIME);
    }
}

/// The slot a hash falls into.
fn slot_of(h: u64) -> usize {
    (h >> (64 - SLOT_BITS)) as usize
}

/// The signature of a clean body, or `None` when it is too short.
pub fn signature(body: &str) -> Option<Signature> {
    // b-bit MinHash (Li and König 2010): only the low 16 bits of each
    // minimum are kept. Two different minima agree by chance once in 65,536
    // slots, which moves no estimate, and a signature is 256 bytes, not 512.
    let slots = slots(body)?;
    Some(Signature(slots.iter().map(|&v| v as u16).collect()))
}

/// The densified slot minima (`u64::MAX` only when no slot got a shingle).
fn slots(body: &str) -> Option<[u64; HASHES]> {
    let mut slots = [u64::MAX; HASHES];
    // The words before the current one, oldest first, while they are read.
    let mut previous = [0u64; SHINGLE - 1];
    let mut seen = 0;
    let words = each_word_hash(body, |w| {
        if seen >= SHINGLE - 1 {
            let h = previous.iter().chain([&w]).fold(0u64, |acc, &w| splitmix64(acc ^ w));
            // The bits below the slot bits are the value.
            let value = h & (u64::MAX >> SLOT_BITS);
            let slot = &mut slots[slot_of(h)];
            *slot = (*slot).min(value);
        }
        previous.copy_within(1.., 0);
        previous[SHINGLE - 2] = w;
        seen += 1;
    });
    if words < MIN_WORDS {
        return None;
    }
    Some(densified(slots))
}

/// Fills each empty slot from a nonempty one, chosen by probing (so that
/// two bodies with the same shingles fill alike); `u64::MAX` stays only
/// when every slot is empty.
fn densified(mut slots: [u64; HASHES]) -> [u64; HASHES] {
    let filled = slots;
    let nonempty = |j: &usize| filled[*j] != u64::MAX;
    for (i, slot) in slots.iter_mut().enumerate().filter(|(_, v)| **v == u64::MAX) {
        let donor = (1..=MAX_PROBES)
            .map(|attempt| slot_of(splitmix64(((i as u64) << 32) | attempt)))
            .find(nonempty)
            .or_else(|| (1..HASHES).map(|k| (i + k) % HASHES).find(nonempty));
        if let Some(j) = donor {
            *slot = filled[j];
        }
    }
    slots
}

/// One SplitMix64 step: add the golden gamma, then mix. Mixes shingle
/// hashes and densification probes here, and is the generator's step in
/// `synth::rng`.
pub(crate) fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Dinas tenaga kerja kota itu membuka posko pengaduan bagi buruh \
        yang belum menerima upah selama tiga bulan terakhir di kawasan industri.";

    #[test]
    fn identical_texts_agree_everywhere_and_case_does_not_matter() {
        let a = signature(TEXT).unwrap();
        let b = signature(&TEXT.to_uppercase()).unwrap();
        assert_eq!(a.similarity(&b), 1.0);
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert!(signature("Tiga kata saja").is_none());
        assert!(signature("").is_none());
    }

    #[test]
    fn bytes_round_trip_and_wrong_sizes_are_refused() {
        let s = signature(TEXT).unwrap();
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    #[test]
    fn unrelated_texts_agree_rarely() {
        let other = "Harga cabai merah di pasar tradisional turun setelah panen raya \
            di sejumlah sentra produksi sehingga pedagang menurunkan harga jual.";
        let s = signature(TEXT).unwrap().similarity(&signature(other).unwrap());
        assert!(s < 0.1, "{s}");
    }

    #[test]
    fn signatures_are_stable_across_runs() {
        // Stored in the index: a change here needs a FORMAT_VERSION bump.
        let s = signature(TEXT).unwrap();
        assert_eq!(s.0.len(), HASHES);
        assert_eq!(word_hashes("A b"), [fnv1a_ref(b"a"), fnv1a_ref(b"b")]);
        let digest = s.0.iter().fold(0u64, |acc, &v| splitmix64(acc ^ u64::from(v)));
        assert_eq!(digest, STABLE_DIGEST, "signature of TEXT changed: bump FORMAT_VERSION");
    }

    /// Digest of `signature(TEXT)`, pinned when the scheme was written.
    const STABLE_DIGEST: u64 = 11_262_792_842_048_343_016;

    fn fnv1a_ref(bytes: &[u8]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    }

    #[test]
    fn every_slot_is_filled_even_for_short_texts() {
        let slots = slots(TEXT).unwrap();
        assert!(slots.iter().all(|&v| v != u64::MAX), "{slots:?}");
    }

    #[test]
    fn similarity_tracks_jaccard() {
        // 400 shared words and 100 own words each: 398 shared shingles,
        // 102 own each, Jaccard 398 / 602 = 0.66.
        let run = |prefix: &str, n: usize| {
            (0..n).map(|i| format!("{prefix}{i}")).collect::<Vec<_>>().join(" ")
        };
        let a = format!("{} {}", run("kata", 400), run("x", 100));
        let b = format!("{} {}", run("kata", 400), run("y", 100));
        let s = signature(&a).unwrap().similarity(&signature(&b).unwrap());
        assert!((s - 0.66).abs() < 0.12, "{s}");
    }

    /// The character-by-character scan `word_hashes` replaced.
    fn word_hashes_by_char(text: &str) -> Vec<u64> {
        let mut hashes = Vec::new();
        let mut h = FNV_OFFSET;
        let mut in_word = false;
        for c in text.chars() {
            if c.is_alphanumeric() {
                in_word = true;
                c.to_lowercase().for_each(|l| fnv1a_char(&mut h, l));
            } else if in_word {
                hashes.push(h);
                if hashes.len() == MAX_WORDS {
                    return hashes;
                }
                h = FNV_OFFSET;
                in_word = false;
            }
        }
        if in_word {
            hashes.push(h);
        }
        hashes
    }

    proptest::proptest! {
        #[test]
        fn word_hashes_match_the_char_by_char_scan(
            text in "([a-zA-Z0-9 .,\\-\n]|[ÀÉéİßΣ日٣\u{301}\u{1F}]|\\PC){0,200}"
        ) {
            proptest::prop_assert_eq!(word_hashes(&text), word_hashes_by_char(&text));
        }
    }

    /// `slots` over the collected word hashes, not hashing the shingles
    /// while the words are read: the reference it must agree with.
    fn slots_over_collected_words(body: &str) -> Option<[u64; HASHES]> {
        let words = word_hashes(body);
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut slots = [u64::MAX; HASHES];
        for shingle in words.windows(SHINGLE) {
            let h = shingle.iter().fold(0u64, |acc, &w| splitmix64(acc ^ w));
            let slot = &mut slots[slot_of(h)];
            *slot = (*slot).min(h & (u64::MAX >> SLOT_BITS));
        }
        Some(densified(slots))
    }

    proptest::proptest! {
        #[test]
        fn slots_match_those_over_collected_words(
            words in proptest::collection::vec("[a-e]{1,3}|é|[0-9]|\\PC{1,4}", 0..120)
        ) {
            let body = words.join(" ");
            proptest::prop_assert_eq!(slots(&body), slots_over_collected_words(&body));
        }
    }

    #[test]
    fn word_hashes_stop_at_the_word_limit() {
        let text = "kata ".repeat(MAX_WORDS + 5);
        assert_eq!(word_hashes(&text).len(), MAX_WORDS);
        assert_eq!(each_word_hash(&text, |_| ()), MAX_WORDS);
        assert_eq!(slots(&text), slots_over_collected_words(&text));
        assert_eq!(word_hashes(&text), word_hashes_by_char(&text));
    }

    #[test]
    fn any_unicode_is_fine() {
        let odd = "é\u{301} 𝔘𝔫𝔦 ٣ 日本 ".repeat(20);
        assert!(signature(&odd).is_some());
    }
}
