//! Page text normalised before any rule reads it: Unix line ends, odd spaces
//! as one space, zero-width characters and controls removed.

/// Unix line ends; no-break and other odd spaces to one space; zero-width
/// characters and controls removed.
pub(super) fn normalize(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut kept = 0;
    let mut i = 0;
    // A graphic ASCII byte is always read by the fast path below and a
    // `\r` never, so the previous byte tells what the character loop
    // remembers: whether a space may be kept as it is (it follows a graphic
    // byte) and whether a `\n` ends a `\r\n`.
    let graphic_before = |i: usize| i > 0 && bytes[i - 1].is_ascii_graphic();
    while i < bytes.len() {
        // Plain ASCII runs (graphic bytes, single spaces after them) are
        // kept as they are, eight bytes at a time where possible: these
        // bytes never occur inside other characters.
        if let Some(chunk) = bytes.get(i..i + 8)
            && plain_chunk(chunk.try_into().unwrap(), graphic_before(i))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        if b.is_ascii_graphic() || (b == b' ' && graphic_before(i)) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        let was_cr = i > 0 && bytes[i - 1] == b'\r';
        out.push_str(&text[kept..i]);
        kept = i + c.len_utf8();
        push_normalized(&mut out, c, was_cr);
        i = kept;
    }
    out.push_str(&text[kept..]);
    out
}

/// Whether every byte of `chunk` is graphic ASCII or a space right after a
/// graphic byte (`graphic_before`: the byte before the chunk is one), by
/// word-wide arithmetic on the eight bytes at once.
fn plain_chunk(chunk: [u8; 8], graphic_before: bool) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let w = u64::from_le_bytes(chunk);
    if w & HIGH != 0 {
        return false;
    }
    // Every byte is below 0x80 now, so no sum below carries into the next
    // byte: a byte's high bit says whether it is at least 0x21, whether it
    // is above 0x7E, and whether it differs from a space.
    let graphic = (w + 0x5F * ONES) & !(w + ONES) & HIGH;
    let space = !((w ^ (0x20 * ONES)) + 0x7F * ONES) & HIGH;
    // Byte k's predecessor is byte k-1, one byte lower in a little-endian word.
    let graphic_prev = (graphic << 8) | if graphic_before { 0x80 } else { 0 };
    (graphic | space) == HIGH && (space & !graphic_prev) == 0
}

fn push_normalized(out: &mut String, c: char, was_cr: bool) {
    match c {
        '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
        '\n' if was_cr => {}
        '\n' => out.push('\n'),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
        c if c.is_whitespace() || c == '\u{A0}' => {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        }
        c if c.is_control() => {}
        c => out.push(c),
    }
}

/// [`normalize`] for a one-line field.
pub(super) fn normalize_inline(text: &str) -> String {
    let text = normalize(text);
    // Most fields are one line already: no line break, no space at either
    // end, none doubled (the only white space [`normalize`] leaves is `\n`
    // and ` `), so joining their words would give the same text.
    let one_line = !text.contains('\n') && !text.starts_with(' ') && !text.ends_with(' ');
    if one_line && !text.contains("  ") {
        return text;
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation() {
        assert_eq!(normalize("a\r\nb\rc\u{a0}\u{a0}d\u{200b}e\u{feff}\tf"), "a\nb\nc de f");
        assert_eq!(normalize_inline("  Judul\n baru\u{a0} "), "Judul baru");
    }

    /// [`normalize`] one character at a time, without its plain-ASCII fast path.
    fn normalize_by_char(text: &str) -> String {
        let mut out = String::new();
        let mut after_cr = false;
        for c in text.chars() {
            let was_cr = after_cr;
            after_cr = c == '\r';
            push_normalized(&mut out, c, was_cr);
        }
        out
    }

    #[test]
    fn plain_chunks() {
        assert!(plain_chunk(*b"abc de!~", false));
        assert!(plain_chunk(*b" bc de!~", true));
        assert!(!plain_chunk(*b" bc de!~", false));
        assert!(!plain_chunk(*b"ab  de!~", true));
        assert!(!plain_chunk(*b"ab\nde!~x", true));
        assert!(!plain_chunk(*b"ab\tde!~x", true));
        assert!(!plain_chunk(*b"abcde!~\x7f", true));
        assert!(!plain_chunk([b'a', 0xC3, 0xA9, b'b', b'c', b'd', b'e', b'f'], true));
        assert!(!plain_chunk(*b"abcdefg\0", true));
        assert!(plain_chunk(*b"!!!!!!!!", false) && plain_chunk(*b"~ ~ ~ ~ ", false));
    }

    proptest::proptest! {
        #[test]
        fn normalisation_agrees_with_the_character_loop(
            text in "[a b\\r\\n\\t.\u{a0}\u{200b}\u{85}é\u{2028}\u{7}~!]{0,40}"
        ) {
            proptest::prop_assert_eq!(normalize(&text), normalize_by_char(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn inline_normalisation_joins_the_words(
            text in "[a b\\r\\n\\t.\u{a0}\u{200b}\u{3000}\u{85}é~]{0,30}"
        ) {
            let joined = normalize(&text).split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(normalize_inline(&text), joined);
        }
    }

    #[test]
    fn normalisation_copies_runs_like_the_character_loop() {
        let texts = [
            "",
            " ",
            "a  b \t c\u{a0} d",
            "x\r\n\r\ny\r\rz\n\r",
            "“Kata,” ujar  Budi\u{200b} \u{feff}.\u{7}\u{85}é \u{2028} ok ",
            "end with space ",
            "\u{a0} a\u{a0}\u{a0}b",
            "a \r\n b  \u{2029}c\u{200d}d \u{3000} e\r",
            "  lead\u{85}\n\n\r\r\n x",
        ];
        for t in texts {
            assert_eq!(normalize(t), normalize_by_char(t), "{t:?}");
        }
    }
}
