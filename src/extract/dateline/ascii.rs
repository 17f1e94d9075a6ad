//! The dateline shapes' regexes for a paragraph that is all ASCII: each
//! Unicode class cut down to its ASCII part (`\p{Lu}` to `[A-Z]`, `\p{L}` to
//! `[A-Za-z]` …). On a text of ASCII characters a class and its ASCII part
//! match the same characters, so both regexes find the same match with the
//! same groups; the smaller automaton makes the captures several times
//! cheaper, and most paragraphs a dateline is looked for in are ASCII.
//!
//! The same holds on a text whose other characters are in none of those
//! classes (dashes, quotation marks, a no-break space, `©`: see
//! [`reads_as_ascii`]): a class and its ASCII part both reject them, and
//! every other part of the two patterns is the same.

use std::sync::LazyLock;

use regex::Regex;

use super::gate::Shape;

/// Each class the shapes' patterns use, and its ASCII part. `\p{M}` has
/// none; a character past ASCII stands in for it, which an ASCII text never
/// holds.
const ASCII_PARTS: [(&str, &str); 6] = [
    (r"\p{Lu}", "[A-Z]"),
    (r"\p{Ll}", "[a-z]"),
    (r"\p{L}", "[A-Za-z]"),
    (r"\p{N}", "[0-9]"),
    (r"\p{M}", r"[\x{300}]"),
    (r"\d", "[0-9]"),
];

/// `pattern` with each of its Unicode classes cut down to ASCII (a class
/// inside brackets becomes a nested class, a union).
fn ascii_pattern(pattern: &str) -> String {
    ASCII_PARTS.iter().fold(pattern.to_string(), |p, (class, ascii)| p.replace(class, ascii))
}

static ASCII_REGEXES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    Shape::ALL
        .iter()
        .map(|&s| Regex::new(&ascii_pattern(super::shape_regex(s).as_str())).unwrap())
        .collect()
});

/// The regex of `shape` for an all-ASCII text.
pub(super) fn shape_regex(shape: Shape) -> &'static Regex {
    &ASCII_REGEXES[shape as usize]
}

/// Whether `c`, past ASCII, is in none of the classes of [`ASCII_PARTS`]
/// (letters, marks, numbers): the no-break space and the Latin-1 signs that
/// are neither letters nor numbers, and the General Punctuation block
/// (U+2000–U+206F: spaces, dashes, quotation marks, bullets, format
/// characters), which holds none.
fn outside_the_classes(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'..='\u{a9}'
            | '\u{ab}'..='\u{b1}'
            | '\u{b4}'
            | '\u{b6}'..='\u{b8}'
            | '\u{bb}'
            | '\u{bf}'
            | '\u{d7}'
            | '\u{f7}'
            | '\u{2000}'..='\u{206f}'
            | '\u{2212}'
    )
}

/// Bytes tested at once for being ASCII.
const BLOCK: usize = 16;

/// Whether the shapes' ASCII regexes read `text` as their Unicode ones do:
/// every character past ASCII is in none of the classes they cut down.
pub(super) fn reads_as_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i..i + BLOCK).is_some_and(<[u8]>::is_ascii) {
            i += BLOCK;
        } else if bytes[i].is_ascii() {
            i += 1;
        } else {
            // `i` is a char boundary: ASCII bytes and whole characters were skipped.
            let Some(c) = text[i..].chars().next() else { return false };
            if !outside_the_classes(c) {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_has_its_ascii_regex_and_no_unicode_class_is_left() {
        for (i, &s) in Shape::ALL.iter().enumerate() {
            assert_eq!(s as usize, i);
            let ascii = shape_regex(s).as_str();
            assert!(!ascii.contains(r"\p") && !ascii.contains(r"\d"), "{ascii}");
            assert!(ascii.starts_with('^'), "{ascii}");
        }
        assert_eq!(ascii_pattern(r"[\p{L}\p{N}.]{2,}\p{Lu}"), "[[A-Za-z][0-9].]{2,}[A-Z]");
    }

    /// Both regexes of every shape give the same groups on `text`.
    fn same_captures(text: &str) -> Result<(), String> {
        for &s in &Shape::ALL {
            let (u, a) = (super::super::shape_regex(s), shape_regex(s));
            let spans = |re: &Regex| {
                re.captures(text)
                    .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
            };
            if spans(u) != spans(a) {
                return Err(format!("{s:?}: {text:?}"));
            }
        }
        Ok(())
    }

    #[test]
    fn ascii_datelines_capture_the_same() {
        for text in [
            "Jakarta Pusat, tvOnenews.com -- BPJS Ketenagakerjaan hadir.",
            "Tangerang (ANTARA) - BPJS Ketenagakerjaan Tangerang.",
            "PADANG (17/12/2024) - Isi.",
            "Liputan6.com, Ambon BPJS Ketenagakerjaan memperluas.",
            "KALTENGTERKINI.CO.IDPalangka Raya - Isi.",
            "Kabar12.com-Pekanbaru - Hadir.",
            "detikNews | Surabaya - Isi.",
            "TANJUNG SELOR - Hadir.",
            "O'Brien-Smith Kota, IDN Times: kata dia.",
            "",
        ] {
            assert!(text.is_ascii());
            same_captures(text).unwrap();
        }
    }

    /// The characters [`outside_the_classes`] lets through are in none of
    /// the Unicode classes the ASCII patterns cut down.
    #[test]
    fn the_characters_let_through_are_in_no_class() {
        let class = Regex::new(r"[\p{L}\p{N}\p{M}\d]").unwrap();
        let mut let_through = 0;
        for c in (0x80..=0x2300).filter_map(char::from_u32) {
            if outside_the_classes(c) {
                let_through += 1;
                assert!(!class.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
            }
        }
        assert!(let_through > 100);
        assert!(reads_as_ascii("Jakarta \u{2014} Isi \u{a9} 2024\u{a0}\u{2019}"));
        assert!(!reads_as_ascii("Jakarta \u{2014} \u{e9}"));
        assert!(!reads_as_ascii("\u{b2}"));
    }

    proptest::proptest! {
        #[test]
        fn ascii_regexes_agree_where_text_reads_as_ascii(
            text in "(?:[A-Z][a-z]{0,6}|[A-Z]{2,6}|[a-z0-9]{1,5}|\\.(?:com|co\\.id)|\\((?:[A-Z]{2,6}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4})\\)| | - | -- |, |: | \\| |-|'|\\.|\u{2014}|\u{2013}|\u{2212}|\u{a0}|\u{2019}|\u{a9}|\u{e9}|\u{c9}|\u{300}|\u{b2}| \u{2014} ){0,8}",
        ) {
            if reads_as_ascii(&text) {
                proptest::prop_assert!(same_captures(&text).is_ok(), "{}", text);
            }
        }

        #[test]
        fn ascii_regexes_agree_on_ascii_text(
            text in r"(?:[A-Z][a-z]{0,6}|[A-Z]{2,6}|[a-z0-9]{1,5}|\.(?:com|co\.id|CO\.ID)|\((?:[A-Z]{2,6}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4})\)| | - | -- |, |: | \| |-|'|\.){0,8}",
        ) {
            proptest::prop_assert!(same_captures(&text).is_ok(), "{}", text);
        }
    }
}
