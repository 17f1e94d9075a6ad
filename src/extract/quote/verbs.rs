//! Cheap searches run on every sentence: the prefixed speech verbs as whole
//! words, bounded word counts, and a substring test for short needles.
//!
//! Each is exact: it finds what its reference (a regex, or a count over
//! `split_whitespace`) finds, reading bytes where ASCII decides and asking
//! the reference only where a character outside ASCII borders a candidate.

use std::sync::LazyLock;

use regex::Regex;

use super::frames::alternation;
use super::lexicon::{self, MEN_VERBS};

/// A prefixed verb, lower case, as a whole word (`\b` is Unicode-aware).
pub(super) static MEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{})\b", alternation(MEN_VERBS))).unwrap());

/// Which bytes are ASCII word characters (`\w` restricted to ASCII).
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// A byte of an ASCII word character.
fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// The matches of [`MEN`] in `s`, left to right, as byte ranges.
///
/// Every verb starts with `m` or `b` and is ASCII letters only (6 to 13 of
/// them, opening with `men`, `mem`, `mer`, `ber` or `bil`), so a match
/// starts at one of those bytes and is the whole run of ASCII word bytes
/// from there: the `\b` before it needs a non-word character (or the
/// start) before, the `\b` after it a non-word character (or the end) after,
/// and an ASCII byte is a word character exactly when it is alphanumeric or
/// `_`. When the character on either side is not ASCII (it may be a letter
/// such as `é`, or a mark such as `”`), the regex decides at that offset.
pub(super) fn men_verbs(s: &str) -> MenVerbs<'_> {
    MenVerbs { s, at: 0 }
}

/// The iterator of [`men_verbs`].
pub(super) struct MenVerbs<'t> {
    s: &'t str,
    at: usize,
}

impl Iterator for MenVerbs<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let b = self.s.as_bytes();
        while let Some(k) = memchr::memchr2(b'm', b'b', &b[self.at..]) {
            let i = self.at + k;
            self.at = i + 1;
            let prev = i.checked_sub(1).map(|p| b[p]);
            if prev.is_some_and(|p| p.is_ascii() && is_word_byte(p)) {
                continue;
            }
            // Every verb opens with `men`, `mem`, `mer`, `ber` or `bil`.
            let opens = matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(b'e'), Some(b'n' | b'm' | b'r')) | (Some(b'i'), Some(b'l'))
            );
            if !opens {
                continue;
            }
            let mut end = i + 3;
            while end < b.len() && is_word_byte(b[end]) {
                end += 1;
            }
            // No match starts inside this run of word bytes (each has a word
            // byte before it), so the search goes on after it.
            self.at = end;
            let next_ascii = b.get(end).is_none_or(u8::is_ascii);
            if prev.is_none_or(|p| p.is_ascii()) && next_ascii {
                // (A verb is 6 to 13 letters.)
                if (6..=13).contains(&(end - i)) && lexicon::is_men_verb(&self.s[i..end]) {
                    return Some((i, end));
                }
                continue;
            }
            // A character outside ASCII borders the word: the regex decides.
            if let Some(m) = MEN.find_at(self.s, i).filter(|m| m.start() == i) {
                self.at = m.end();
                return Some((i, m.end()));
            }
        }
        self.at = b.len();
        None
    }
}

/// How many white-space separated words of `s` hold a letter or digit,
/// counted up to `cap`: `min(cap, n)` where `n` is
/// `s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()`.
/// ASCII bytes are classed as bytes (`char::is_whitespace` holds for
/// `\t`..=`\r` and the space among them), other characters decoded.
pub(super) fn word_count_upto(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let (mut n, mut i, mut counted) = (0, 0, false);
    while i < b.len() && n < cap {
        let c = b[i];
        let (space, alnum, len) = if c.is_ascii() {
            (matches!(c, b'\t'..=b'\r' | b' '), c.is_ascii_alphanumeric(), 1)
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            (ch.is_whitespace(), ch.is_alphanumeric(), ch.len_utf8())
        };
        if space {
            counted = false;
        } else if alnum && !counted {
            n += 1;
            counted = true;
        }
        i += len;
    }
    n
}

/// Whether `needle` occurs in `text`, as `str::contains` says: the
/// needle's first byte found by `memchr`, the rest compared there. For the
/// short capitalised words of names, whose first byte is rare, this costs
/// less than preparing a substring searcher on every call.
pub(super) fn contains(text: &str, needle: &str) -> bool {
    let (t, n) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return true };
    memchr::memchr_iter(first, t).any(|i| t[i + 1..].starts_with(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_regex(s: &str) -> Vec<(usize, usize)> {
        MEN.find_iter(s).map(|m| (m.start(), m.end())).collect()
    }

    fn word_count(s: &str) -> usize {
        s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
    }

    #[test]
    fn every_verb_is_6_to_13_ascii_letters_with_a_known_opening() {
        for v in MEN_VERBS.split_whitespace() {
            assert!(v.starts_with(['m', 'b']) && v.bytes().all(|c| c.is_ascii_lowercase()), "{v}");
            let opens = ["men", "mem", "mer", "ber", "bil"].iter().any(|o| v.starts_with(o));
            assert!((6..=13).contains(&v.len()) && opens, "{v}");
            assert!(lexicon::is_men_verb(v));
        }
        assert!(!lexicon::is_men_verb("Mengatakan") && !lexicon::is_men_verb("mengatakannya"));
    }

    #[test]
    fn men_verbs_are_the_regex_matches() {
        for s in [
            "",
            "mengatakan",
            "Ia mengatakan bahwa data benar.",
            "Ia MENGATAKAN data benar.",
            "Ia memengatakan, data benar.",
            "menyebutkan menyebut, bilang_ bilang1 1bilang bilang",
            "“mengatakan” émengatakan mengatakané mengatakan\u{301} mengaku-aku",
            "x\u{a0}berkata\u{2003}berharap😀mengakui",
            "Sementara (mengatakan) xmenyebut menyebutkan, ia mengaku dan mengakui bilang.",
        ] {
            assert_eq!(men_verbs(s).collect::<Vec<_>>(), by_regex(s), "{s}");
        }
    }

    #[test]
    fn word_counts_are_capped_counts() {
        for s in ["", " , ", "a b c", "Rp5 juta, - ( ) x", "a\u{b}b\u{a0}c\u{2003}d\u{85}é 😀 ½"]
        {
            for cap in 0..8 {
                assert_eq!(word_count_upto(s, cap), word_count(s).min(cap), "{s:?} {cap}");
            }
        }
    }

    #[test]
    fn contains_is_str_contains() {
        for (t, n) in [("", ""), ("", "a"), ("a", ""), ("Asep hadir", "Asep"), ("AsAsep", "Asep")] {
            assert_eq!(contains(t, n), t.contains(n), "{t:?} {n:?}");
        }
        assert!(!contains("Ase", "Asep") && contains("é Émile", "Émile"));
    }

    proptest::proptest! {
        #[test]
        fn contains_is_str_contains_on_any_text(
            t in r"(?:[AaBs]|é|É|😀| ){0,16}",
            n in r"(?:[AaBs]|é|É|😀| ){0,3}",
        ) {
            proptest::prop_assert_eq!(contains(&t, &n), t.contains(n.as_str()));
        }

        #[test]
        fn men_verbs_match_the_regex_on_any_text(
            s in r"(?:mengatakan|menyebut|menyebutkan|bilang|berkata|mengaku|[mb]|[a-z]{1,3}|[A-Z_0-9]|[ ,.(\x22\-]|é|”|\u{301}|\u{a0}|😀){0,16}",
        ) {
            proptest::prop_assert_eq!(men_verbs(&s).collect::<Vec<_>>(), by_regex(&s));
        }

        #[test]
        fn word_count_upto_is_the_capped_count(
            s in r"(?:[a-z]{1,4}|[A-Z0-9]|[ \t\n\x0b\x0c\r,.()\-]|é|½|😀|\u{a0}|\u{2003}|\u{85}|\u{301}){0,20}",
            cap in 0usize..12,
        ) {
            proptest::prop_assert_eq!(word_count_upto(&s, cap), word_count(&s).min(cap));
        }
    }
}
