//! Page text normalised before any rule reads it: Unix line ends, odd spaces
//! as one space, zero-width characters and controls removed.

/// Unix line ends; no-break and other odd spaces to one space; zero-width
/// characters and controls removed.
pub(super) fn normalize(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut after_cr = false;
    let (mut kept, mut after_graphic) = (0, false);
    let mut i = 0;
    while i < bytes.len() {
        // Byte by byte over the plain ASCII runs (a graphic byte, or one
        // space after one): these bytes never occur inside other characters.
        let b = bytes[i];
        if b.is_ascii_graphic() || (b == b' ' && after_graphic) {
            after_cr = false;
            after_graphic = b != b' ';
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        let was_cr = after_cr;
        after_cr = c == '\r';
        after_graphic = false;
        out.push_str(&text[kept..i]);
        kept = i + c.len_utf8();
        push_normalized(&mut out, c, was_cr);
        i = kept;
    }
    out.push_str(&text[kept..]);
    out
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
    normalize(text).split_whitespace().collect::<Vec<_>>().join(" ")
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
