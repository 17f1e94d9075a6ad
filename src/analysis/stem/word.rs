//! A fixed-capacity, stack-allocated ASCII word: the stemmer's "current word".
//!
//! Why: ECS builds many candidate roots per word (each prefix rule may recode the first letter,
//! e.g. `menerima` → `terima`). Building them in a small array instead of a `String` keeps the
//! stemmer free of heap allocation until it returns. Words are at most [`MAX_WORD_BYTES`]
//! bytes; the stemmer leaves longer words alone, so nothing here ever has to grow.

/// Longest word (in bytes) the stemmer looks at; longer words are returned unchanged.
pub const MAX_WORD_BYTES: usize = 40;

/// An ASCII word of at most [`MAX_WORD_BYTES`] bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Word {
    bytes: [u8; MAX_WORD_BYTES],
    len: usize,
}

impl Word {
    /// `head` followed by `tail`, or `None` if that is longer than [`MAX_WORD_BYTES`].
    pub(super) fn concat(head: &[u8], tail: &[u8]) -> Option<Word> {
        let len = head.len() + tail.len();
        if len > MAX_WORD_BYTES {
            return None;
        }
        let mut bytes = [0u8; MAX_WORD_BYTES];
        bytes[..head.len()].copy_from_slice(head);
        bytes[head.len()..len].copy_from_slice(tail);
        Some(Word { bytes, len })
    }

    /// A copy of `bytes`, or `None` if too long.
    pub(super) fn new(bytes: &[u8]) -> Option<Word> {
        Word::concat(&[], bytes)
    }

    pub(super) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Word({:?})", String::from_utf8_lossy(self.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concat_within_capacity() {
        let word = Word::concat(b"t", b"erima").unwrap();
        assert_eq!(word.as_bytes(), b"terima");
        assert_eq!(Word::new(b"").unwrap().as_bytes(), b"");
    }

    #[test]
    fn too_long_is_refused_not_truncated() {
        let long = [b'a'; MAX_WORD_BYTES];
        assert!(Word::new(&long).is_some());
        assert!(Word::concat(b"x", &long).is_none());
    }
}
