//! The byte classes of the tokenizer ([`CLASS`]) and its scan of a run of ASCII letters
//! ([`ascii_letters_end`]), eight bytes at a time: the loop nearly every byte of news text goes
//! through.

/// What an ASCII byte is to the tokenizer.
pub(super) const OTHER: u8 = 0;
pub(super) const LETTER: u8 = 1;
pub(super) const DIGIT: u8 = 2;
/// Not ASCII: the char starting here must be decoded.
pub(super) const NON_ASCII: u8 = 3;

/// Classes of all bytes ([`OTHER`], [`LETTER`], [`DIGIT`], [`NON_ASCII`]).
pub(super) const CLASS: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// End of the run of ASCII letters starting at `pos`: eight bytes at a time while eight are
/// left, then byte by byte (the same answer as a scan of every byte against [`CLASS`]). Sets
/// `upper` if the run holds an uppercase letter.
#[inline]
pub(super) fn ascii_letters_end(bytes: &[u8], mut pos: usize, upper: &mut bool) -> usize {
    const LOWS: u64 = u64::from_le_bytes([0x7F; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    const CASE: u64 = u64::from_le_bytes([0x20; 8]);
    // Added to a byte below 0x80, these set its high bit exactly when it is >= b'a' (resp.
    // > b'z'); no sum leaves its byte (0x7F + 0x1F < 0x100).
    const FROM_A: u64 = u64::from_le_bytes([0x80 - b'a'; 8]);
    const PAST_Z: u64 = u64::from_le_bytes([0x80 - b'z' - 1; 8]);
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        // ASCII letters are exactly the bytes below 0x80 whose lowercase (| 0x20) is a-z.
        let low = (v | CASE) & LOWS;
        let letters = (low + FROM_A) & !(low + PAST_Z) & !v & HIGHS;
        // A letter is uppercase when its 0x20 bit is clear (shifted here onto the high bit).
        let uppers = letters & !(v << 2);
        let others = !letters & HIGHS;
        if others != 0 {
            // Little-endian: the first byte of the text is the lowest one; the run is the
            // bytes below the first other one.
            let run = (others & others.wrapping_neg()) - 1;
            *upper |= uppers & run != 0;
            return pos + (others.trailing_zeros() / 8) as usize;
        }
        *upper |= uppers != 0;
        pos += 8;
    }
    while pos < bytes.len() && CLASS[usize::from(bytes[pos])] == LETTER {
        *upper |= bytes[pos].is_ascii_uppercase();
        pos += 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// End and uppercase flag of the ASCII letter run at `start`, byte by byte.
    fn bytewise(bytes: &[u8], start: usize) -> (usize, bool) {
        let end = (start..bytes.len())
            .find(|&i| CLASS[usize::from(bytes[i])] != LETTER)
            .unwrap_or(bytes.len());
        (end, bytes[start..end].iter().any(u8::is_ascii_uppercase))
    }

    fn swar(bytes: &[u8], start: usize) -> (usize, bool) {
        let mut upper = false;
        let end = ascii_letters_end(bytes, start, &mut upper);
        (end, upper)
    }

    #[test]
    fn ascii_letter_runs_end_where_a_bytewise_scan_ends() {
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = b"abcdefghijkLMNOPQRSTxyz".to_vec();
                bytes[at] = b;
                for start in 0..=at {
                    assert_eq!(swar(&bytes, start), bytewise(&bytes, start), "{b} {at}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn ascii_letter_runs_agree_with_a_bytewise_scan(
            bytes in proptest::collection::vec(
                prop_oneof![b'@'..=b'{', b'`'..=b'{', any::<u8>()], 0..40),
            start in 0usize..40,
        ) {
            let start = start.min(bytes.len());
            prop_assert_eq!(swar(&bytes, start), bytewise(&bytes, start));
        }
    }
}
