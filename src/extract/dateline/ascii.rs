//! The dateline shapes' regexes for a paragraph that is all ASCII: each
//! Unicode class cut down to its ASCII part (`\p{Lu}` to `[A-Z]`, `\p{L}` to
//! `[A-Za-z]` …). On a text of ASCII characters a class and its ASCII part
//! match the same characters, so both regexes find the same match with the
//! same groups; the smaller automaton makes the captures several times
//! cheaper, and most paragraphs a dateline is looked for in are ASCII.

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

    proptest::proptest! {
        #[test]
        fn ascii_regexes_agree_on_ascii_text(
            text in r"(?:[A-Z][a-z]{0,6}|[A-Z]{2,6}|[a-z0-9]{1,5}|\.(?:com|co\.id|CO\.ID)|\((?:[A-Z]{2,6}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4})\)| | - | -- |, |: | \| |-|'|\.){0,8}",
        ) {
            proptest::prop_assert!(same_captures(&text).is_ok(), "{}", text);
        }
    }
}
