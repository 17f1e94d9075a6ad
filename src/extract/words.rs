//! Small word-level questions about an article's text, answered on demand
//! rather than by building a per-article word set that most articles never
//! consult.

use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

/// One word of a text, as [`words`] finds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Word<'a> {
    /// The word itself.
    pub(crate) fn as_str(&self) -> &'a str {
        &self.text[self.start..self.end]
    }

    /// Byte offset of its first character.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past it.
    pub(crate) fn end(&self) -> usize {
        self.end
    }
}

/// A letter (`\p{L}`), for characters outside ASCII.
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{L}$").unwrap());

/// A letter or mark (`[\p{L}\p{M}]`), for characters outside ASCII.
static LETTER_OR_MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\p{L}\p{M}]$").unwrap());

/// The character starting at byte `i` of `text`.
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\u{fffd}')
}

/// The words of `text`: a letter followed by letters, marks, apostrophes
/// and hyphens, exactly the matches of `\p{L}[\p{L}\p{M}'’\-]*`, found
/// without a regex search per word. ASCII is decided byte by byte (only
/// other characters are decoded): the quotes split every sentence they read.
pub(crate) fn words(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    Words { text, at: 0 }
}

/// The iterator of [`words`].
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let (text, b) = (self.text, self.text.as_bytes());
        let mut i = self.at;
        // The first letter.
        let start = loop {
            let &c = b.get(i)?;
            if c.is_ascii() {
                if c.is_ascii_alphabetic() {
                    break i;
                }
                i += 1;
            } else {
                let ch = char_at(text, i);
                if LETTER.is_match(ch.encode_utf8(&mut [0; 4])) {
                    break i;
                }
                i += ch.len_utf8();
            }
        };
        i = start + char_at(text, start).len_utf8();
        // Letters, marks, apostrophes and hyphens after it.
        while let Some(&c) = b.get(i) {
            if c.is_ascii() {
                if !(c.is_ascii_alphabetic() || c == b'\'' || c == b'-') {
                    break;
                }
                i += 1;
            } else {
                let ch = char_at(text, i);
                if !(ch == '’' || LETTER_OR_MARK.is_match(ch.encode_utf8(&mut [0; 4]))) {
                    break;
                }
                i += ch.len_utf8();
            }
        }
        self.at = i;
        Some(Word { text, start, end: i })
    }
}

/// The runs of non-space characters of `text`, left to right: the matches
/// of the regex `\S+` (its `\s` is the White_Space property that
/// `char::is_whitespace` tests), found without a regex search per run.
pub(crate) fn runs(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let start = at + rest.len() - rest.trim_start().len();
        if start == text.len() {
            return None;
        }
        at = text[start..].find(char::is_whitespace).map_or(text.len(), |i| start + i);
        Some(Word { text, start, end: at })
    })
}

/// Whether a character for which `sep` holds occurs in the first `n` runs
/// of non-space characters of `text` ([`runs`]): where a short opening of
/// at most so many words must end (a dateline's `(`, a credit's `/`).
pub(crate) fn in_first_runs(text: &str, n: usize, sep: impl Fn(char) -> bool) -> bool {
    runs(text).take(n).any(|w| w.as_str().contains(&sep))
}

/// Whether `text` writes `word` in lower case as a whole word somewhere
/// ("terdaftar", "hari"): a sign that a capitalised `word` elsewhere is a
/// common word and not a name. A whole word is one not joined to a letter,
/// mark, apostrophe or hyphen on either side.
pub(crate) fn written_in_lowercase(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower.is_empty() {
        return false;
    }
    let joins =
        |c: char| c.is_alphabetic() || is_combining_mark(c) || matches!(c, '\'' | '’' | '-');
    text.match_indices(lower.as_str()).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(joins) && !after.is_some_and(joins)
    })
}

/// Combining marks (the accents of decomposed text).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// Two spaces, searched for by [`is_single_spaced`].
static TWO_SPACES: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("  "));

/// Whether `text` is ASCII whose only white space is single spaces between
/// other characters: then its words joined by single spaces are the text
/// itself. (Among ASCII, `char::is_whitespace` holds for `\t`..=`\r` and
/// the space.)
pub(crate) fn is_single_spaced(text: &str) -> bool {
    let b = text.as_bytes();
    b.is_ascii()
        && memchr::memchr3(b'\t', b'\n', b'\r', b).is_none()
        && memchr::memchr2(0x0b, 0x0c, b).is_none()
        && TWO_SPACES.find(b).is_none()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
}

/// The words of `text` as `split_whitespace` finds them, joined by single
/// spaces; a text that is already so is copied whole.
pub(crate) fn join_words(text: &str) -> String {
    if is_single_spaced(text) {
        return text.to_string();
    }
    // `split_whitespace` never yields an empty word, so a space goes before
    // all but the first.
    let mut joined = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    joined
}

/// Appends `word` lowercased: ASCII byte by byte, any other word whole through
/// `str::to_lowercase`, which lowers a final sigma by its place in the word.
pub(crate) fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&word.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_the_matches_of_non_space() {
        let re = Regex::new(r"\S+").unwrap();
        for text in [
            "",
            "  ",
            "a",
            " Kata  Budi,\tdia.\n",
            "a\u{a0}b\u{2003}c\u{200b}d\u{3000}e\u{85}f\u{180e}g\u{feff}h",
            "😀 é\u{301} ”x”",
        ] {
            let want: Vec<(usize, usize, &str)> =
                re.find_iter(text).map(|m| (m.start(), m.end(), m.as_str())).collect();
            let got: Vec<(usize, usize, &str)> =
                runs(text).map(|r| (r.start(), r.end(), r.as_str())).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn whole_lowercase_words_only() {
        let text = "Pada Hari Senin, hari kerja dimulai. Sudah terdaftar-nya?";
        assert!(written_in_lowercase(text, "Hari"));
        assert!(!written_in_lowercase(text, "Senin"));
        assert!(!written_in_lowercase(text, "Kerj"));
        assert!(!written_in_lowercase(text, "terdaftar"), "joined by a hyphen");
        assert!(!written_in_lowercase("Harian", "hari"));
        assert!(!written_in_lowercase(text, ""));
    }

    #[test]
    fn words_are_the_matches_of_the_word_pattern() {
        let re = Regex::new(r"\p{L}[\p{L}\p{M}'’\-]*").unwrap();
        let texts = [
            "",
            "Kata Budi, \"klaim-klaim naik 20%.\" Jum'at ’tis",
            "“Kami siap,” ujar Dr. Ömer Çelik—Ketua; café\u{301}s naïve",
            "-awal ’lalu' 12abc x2y ' - ’",
            "日本語 テキスト Ⓐb ǅemal ⅫX \u{301}a a\u{301}\u{20DD}b 👍hari\u{301}",
            "ends with letter",
            "ends-",
        ];
        for t in texts {
            let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = words(t).map(|w| (w.start(), w.end())).collect();
            assert_eq!(got, want, "{t}");
            assert!(words(t).all(|w| w.as_str() == &t[w.start()..w.end()]));
        }
    }

    /// The word iterator as first written: one decoded character at a time.
    fn words_by_chars(text: &str) -> Vec<(usize, usize)> {
        let starts = |c: char| LETTER.is_match(c.encode_utf8(&mut [0; 4]));
        let continues = |c: char| {
            matches!(c, '\'' | '’' | '-') || LETTER_OR_MARK.is_match(c.encode_utf8(&mut [0; 4]))
        };
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, _)) = chars.by_ref().find(|&(_, c)| starts(c)) {
            let mut end = text.len();
            while let Some(&(i, c)) = chars.peek() {
                if !continues(c) {
                    end = i;
                    break;
                }
                chars.next();
            }
            out.push((start, end));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn words_are_found_as_by_characters(
            text in r"(?:[A-Za-z]{1,4}|[0-9 ,.'\-_()]|’|é|\u{301}|Ǆ|ǅ|½|😀|Ω|\u{a0}|日|Ⅻ){0,20}",
        ) {
            let got: Vec<(usize, usize)> = words(&text).map(|w| (w.start(), w.end())).collect();
            proptest::prop_assert_eq!(got, words_by_chars(&text));
        }
    }

    #[test]
    fn any_unicode_is_fine() {
        assert!(written_in_lowercase("é ömer ÖMER", "Ömer"));
        assert!(!written_in_lowercase("👍hari\u{301}", "hari"));
    }

    fn by_split(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn words_are_joined_by_single_spaces() {
        for text in [
            "",
            "  ",
            "a",
            "a b",
            "a b ",
            " a b",
            "a  b",
            "a\u{b}b",
            "a\u{c}b",
            " Kata  Budi,\tdia.\n",
            "a\u{a0}b\u{2003}c\u{85}d\u{b}e",
            "é 😀",
        ] {
            assert_eq!(join_words(text), by_split(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn join_words_is_split_whitespace_joined(
            text in r"(?:[a-z]{1,4}|[ \t\n\x0b\x0c\r,.]|  |é|😀|\u{a0}|\u{2003}|\u{85}|\u{200b}|\u{3000}){0,20}",
        ) {
            proptest::prop_assert_eq!(join_words(&text), by_split(&text));
        }
    }

    #[test]
    fn push_lowercase_lowers_like_to_lowercase() {
        for word in ["BPJS", "Jatim", "ΟΔΟΣ", "İstanbul", "\u{212A}elvin", ""] {
            let mut out = String::from("x ");
            push_lowercase(&mut out, word);
            assert_eq!(out, format!("x {}", word.to_lowercase()), "{word}");
        }
    }
}
