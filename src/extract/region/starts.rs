//! Where a place name may start in a text: a byte that starts some surface
//! form of the gazetteer, not glued to a letter or digit before it. The place
//! scan runs the anchored automaton only there instead of running the
//! unanchored one over every byte: a hit that starts elsewhere is never word
//! bounded and would be dropped anyway.

use super::is_word_char;

/// The first bytes of a set of patterns.
pub(crate) struct FirstBytes {
    table: [bool; 256],
    /// Whether sixteen bytes are tested at once: the first bytes are ASCII
    /// capitals and at most [`MAX_OTHERS`] other bytes.
    by_chunk: bool,
    /// The first bytes that are no ASCII capitals, padded by repeating one.
    others: [u8; MAX_OTHERS],
}

/// How many first bytes besides the capitals are tested sixteen at a time.
const MAX_OTHERS: usize = 4;

/// Bytes tested at a time.
const CHUNK: usize = 16;

impl FirstBytes {
    pub(crate) fn of<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Self {
        let mut table = [false; 256];
        for p in patterns {
            if let Some(&b) = p.as_bytes().first() {
                table[b as usize] = true;
            }
        }
        let others: Vec<u8> =
            (0..=255u8).filter(|&b| table[b as usize] && !b.is_ascii_uppercase()).collect();
        let pad = others.first().copied().unwrap_or(b'A');
        FirstBytes {
            table,
            by_chunk: others.len() <= MAX_OTHERS,
            others: std::array::from_fn(|i| others.get(i).copied().unwrap_or(pad)),
        }
    }

    /// Whether `chunk` holds a capital or one of [`FirstBytes::others`] (a
    /// superset of the first bytes). No early exit, so the compiler tests
    /// the bytes with vector instructions.
    fn may_hold_first(&self, chunk: &[u8]) -> bool {
        let [a, b, c, d] = self.others;
        let hit = |x: u8| x.wrapping_sub(b'A') < 26 || x == a || x == b || x == c || x == d;
        chunk.iter().fold(false, |any, &x| any | hit(x))
    }

    /// The first byte at or after `from` that starts a pattern.
    fn next_byte(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let mut i = from;
        if self.by_chunk {
            while let Some(chunk) = bytes.get(i..i + CHUNK) {
                if self.may_hold_first(chunk) {
                    if let Some(k) = chunk.iter().position(|&b| self.table[b as usize]) {
                        return Some(i + k);
                    }
                }
                i += CHUNK;
            }
        }
        bytes.get(i..)?.iter().position(|&b| self.table[b as usize]).map(|k| i + k)
    }

    /// The first position at or after `from` (a char boundary) where a
    /// pattern may start as a word: its byte starts a pattern and the
    /// character before it is no letter or digit.
    pub(crate) fn next_start(&self, text: &str, mut from: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        loop {
            let i = self.next_byte(bytes, from)?;
            // A first byte of a pattern never continues a character, so
            // `i` is a char boundary.
            let glued = match i.checked_sub(1).map(|k| bytes[k]) {
                None => false,
                Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
                Some(_) => text[..i].chars().next_back().is_some_and(is_word_char),
            };
            if !glued {
                return Some(i);
            }
            from = i + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word start whose byte starts a pattern, character by character.
    fn starts_by_char(first: &FirstBytes, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            if first.table[text.as_bytes()[i] as usize] && !prev.is_some_and(is_word_char) {
                out.push(i);
            }
            prev = Some(c);
        }
        out
    }

    fn starts(first: &FirstBytes, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = first.next_start(text, from) {
            out.push(i);
            from = i + 1;
        }
        out
    }

    #[test]
    fn chunks_with_a_capital_or_another_first_byte_may_hold_one() {
        let first = FirstBytes::of(["Medan", "orang", "é"]);
        for x in 0..=255u8 {
            for lane in 0..CHUNK {
                let mut chunk = [b'a'; CHUNK];
                chunk[lane] = x;
                let hit = x.is_ascii_uppercase() || x == b'o' || x == "é".as_bytes()[0];
                assert_eq!(first.may_hold_first(&chunk), hit, "byte {x} lane {lane}");
            }
        }
    }

    #[test]
    fn the_gazetteer_is_read_by_chunks() {
        let g = &*super::super::gazetteer::GAZETTEER;
        assert!(g.first_bytes.by_chunk);
    }

    #[test]
    fn many_other_first_bytes_fall_back_to_the_table() {
        let first = FirstBytes::of(["Medan", "dari", "éa", "ke", "o", "x"]);
        assert!(!first.by_chunk);
        let text = "xMedan dari Medan,édari éa aéa Medan oke ke";
        assert_eq!(starts(&first, text), starts_by_char(&first, text));
    }

    proptest::proptest! {
        #[test]
        fn word_starts_are_found_as_character_by_character(
            text in r"(?:[a-zA-Z0-9 .,\n]{0,12}|Medan|KOTA|é|É|Ꭰ|٣|\u{1}|😀|-){0,16}",
        ) {
            let g = &*super::super::gazetteer::GAZETTEER;
            proptest::prop_assert_eq!(starts(&g.first_bytes, &text), starts_by_char(&g.first_bytes, &text));
            for set in [&["a", "é", "9", "Z"][..], &["Q", "M"], &["a", "b", "c", "d", "e", "Z"]] {
                let other = FirstBytes::of(set.iter().copied());
                proptest::prop_assert_eq!(starts(&other, &text), starts_by_char(&other, &text));
            }
        }
    }
}
