//! Paragraph-level cleaning that a line rule cannot do: a writer code
//! (`(WEB)`, `(*)`, `[SA.1]`) closing a paragraph after its last sentence.

use std::sync::LazyLock;

use regex::Regex;

/// A writer code closing a paragraph after its last sentence: `kata dia. (WEB)`.
static WRITER_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"([.!?…"”’'])\s*(?:\((?:\*|[A-Za-z]{2,6}(?:[/.,-][A-Za-z0-9]{1,6}){0,3})\)|\[[A-Za-z0-9.,/ -]{1,12}\])\s*$"#,
    )
    .unwrap()
});

/// Removes a trailing writer code (`(WEB)`, `(*)`, `(nan)`, `[SA.1]`) that
/// follows the last sentence of a paragraph; the sentence's punctuation stays.
pub fn strip_writer_code(paragraph: &str) -> &str {
    // A code ends in `)` or `]`, then maybe white space (`\s` and
    // `trim_end` both read Unicode's White_Space): most paragraphs end otherwise.
    if !paragraph.trim_end().ends_with([')', ']']) {
        return paragraph;
    }
    match WRITER_CODE.captures(paragraph).and_then(|c| c.get(1)) {
        Some(punct) => &paragraph[..punct.end()],
        None => paragraph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_compiles() {
        LazyLock::force(&WRITER_CODE);
    }

    #[test]
    fn writer_codes_are_stripped() {
        assert_eq!(strip_writer_code("Demikian kata dia. (WEB)"), "Demikian kata dia.");
        assert_eq!(strip_writer_code("Selesai.” (nan)"), "Selesai.”");
        assert_eq!(strip_writer_code("Selesai. (*)"), "Selesai.");
        assert_eq!(strip_writer_code("Selesai. [SA.1]"), "Selesai.");
        assert_eq!(
            strip_writer_code("Program Jaminan Hari Tua (JHT)"),
            "Program Jaminan Hari Tua (JHT)"
        );
        assert_eq!(strip_writer_code("é"), "é");
    }

    /// [`strip_writer_code`] by its regex alone, without the test of the last character.
    fn strip_by_regex(paragraph: &str) -> &str {
        match WRITER_CODE.captures(paragraph).and_then(|c| c.get(1)) {
            Some(punct) => &paragraph[..punct.end()],
            None => paragraph,
        }
    }

    proptest::proptest! {
        #[test]
        fn writer_codes_cut_as_by_the_regex_alone(
            p in "(?:[a-zA-Z]{0,4}|[ .!?\"()\\[\\]*/\u{a0}\u{2003}\n]|”|é){0,10}"
        ) {
            proptest::prop_assert_eq!(strip_writer_code(&p), strip_by_regex(&p));
        }
    }
}
