//! Small pieces of human-readable output shared by every renderer: a query
//! quoted as typed, text made safe for a terminal, counts with their noun.

use std::fmt::Write as _;

/// Text safe to print on a terminal: control characters (escape sequences,
/// carriage returns, line breaks inside a file name …) are shown escaped
/// (`\u{1b}`, `\r`), everything else as is. JSON output keeps the text exact.
pub fn printable(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => _ = write!(out, "\\u{{{:x}}}", c as u32),
            c => out.push(c),
        }
    }
    out
}

/// A query as the user typed it, between quote marks that it does not
/// contain (`"JHT"`, `'"jaminan hari tua"'`), never with escaped quotes.
pub fn quoted(query: &str) -> String {
    let q = printable(query);
    if !q.contains('"') {
        format!("\"{q}\"")
    } else if !q.contains('\'') {
        format!("'{q}'")
    } else {
        format!("«{q}»")
    }
}

/// "1 file", "3 files": `n` and the noun for it.
pub fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1 article", "3 articles"; "1 story", "2 stories".
pub fn count(n: impl Into<u64>, stories: bool) -> String {
    let n = n.into();
    let noun = match (stories, n == 1) {
        (false, true) => "article",
        (false, false) => "articles",
        (true, true) => "story",
        (true, false) => "stories",
    };
    format!("{n} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_other_text_kept() {
        assert_eq!(printable("berita\x1b[31mmerah\r\n.txt"), "berita\\u{1b}[31mmerah\\r\\n.txt");
        assert_eq!(printable("Ünal — “kutipan”"), "Ünal — “kutipan”");
    }

    #[test]
    fn queries_are_quoted_without_escapes() {
        assert_eq!(quoted("JHT"), "\"JHT\"");
        assert_eq!(quoted("\"jaminan hari tua\""), "'\"jaminan hari tua\"'");
        assert_eq!(quoted("\"Jum'at\" JHT"), "«\"Jum'at\" JHT»");
    }

    #[test]
    fn plurals_agree_with_their_number() {
        assert_eq!(plural(1u64, "file", "files"), "1 file");
        assert_eq!(plural(0u64, "file", "files"), "0 files");
        assert_eq!(plural(2u64, "group of copies", "groups of copies"), "2 groups of copies");
    }

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(1u64, false), "1 article");
        assert_eq!(count(0u64, false), "0 articles");
        assert_eq!(count(1u64, true), "1 story");
        assert_eq!(count(13u64, true), "13 stories");
    }
}
