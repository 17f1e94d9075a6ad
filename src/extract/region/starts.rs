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

    /// Whether `window[1..]` may hold a start: a capital or one of
    /// [`FirstBytes::others`] (a superset of the first bytes) after a byte
    /// that is no ASCII letter or digit. No early exit, so the compiler
    /// tests the bytes with vector instructions.
    fn may_start_in(&self, window: &[u8; CHUNK + 1]) -> bool {
        let [a, b, c, d] = self.others;
        let first = |x: u8| x.wrapping_sub(b'A') < 26 || x == a || x == b || x == c || x == d;
        let alnum = |x: u8| (x | 0x20).wrapping_sub(b'a') < 26 || x.wrapping_sub(b'0') < 10;
        let (prev, cur) = (&window[..CHUNK], &window[1..]);
        prev.iter().zip(cur).fold(false, |any, (&p, &x)| any | (first(x) & !alnum(p)))
    }

    /// Whether a pattern may start at `i`, a char boundary: its byte
    /// starts a pattern and the character before it is no letter or digit.
    fn starts_at(&self, text: &str, i: usize) -> bool {
        let bytes = text.as_bytes();
        self.table[bytes[i] as usize]
            && match i.checked_sub(1).map(|k| bytes[k]) {
                None => true,
                Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
                Some(_) => !text[..i].chars().next_back().is_some_and(is_word_char),
            }
    }

    /// The first position at or after `from` (a char boundary) where a
    /// pattern may start as a word: its byte starts a pattern and the
    /// character before it is no letter or digit.
    pub(crate) fn next_start(&self, text: &str, from: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = from;
        loop {
            if self.by_chunk && i > 0 {
                while let Some(window) = bytes.get(i - 1..i + CHUNK) {
                    if self.may_start_in(window.try_into().unwrap()) {
                        break;
                    }
                    i += CHUNK;
                }
            }
            // A first byte of a pattern never continues a character, so
            // each `k` tested is a char boundary when it passes the table.
            let end = if self.by_chunk { (i + CHUNK).min(bytes.len()) } else { bytes.len() };
            if let Some(k) = (i..end).find(|&k| self.starts_at(text, k)) {
                return Some(k);
            }
            if end >= bytes.len() {
                return None;
            }
            i = end;
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
    fn windows_with_a_first_byte_after_a_non_alphanumeric_may_hold_a_start() {
        let first = FirstBytes::of(["Medan", "orang", "é"]);
        for prev in 0..=255u8 {
            for x in [b'M', b'Z', b'o', b'a', "é".as_bytes()[0], b' ', 0x80] {
                for lane in 0..CHUNK {
                    let mut window = [b'a'; CHUNK + 1];
                    window[lane] = prev;
                    window[lane + 1] = x;
                    let hit = x.is_ascii_uppercase() || x == b'o' || x == "é".as_bytes()[0];
                    let want = hit && !prev.is_ascii_alphanumeric();
                    assert_eq!(first.may_start_in(&window), want, "{prev} {x} lane {lane}");
                }
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
