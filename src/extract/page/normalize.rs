//! Page text normalised before any rule reads it: Unix line ends, odd spaces
//! as one space, zero-width characters and controls removed.

/// Unix line ends; no-break and other odd spaces to one space; zero-width
/// characters and controls removed.
pub(super) fn normalize(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        // The characters that normalising keeps as they are are copied as
        // one run; the character after the run is normalised alone.
        let end = verbatim_run(bytes, i, out.ends_with(' '));
        out.push_str(&text[i..end]);
        i = end;
        let Some(c) = text[i..].chars().next() else { break };
        let was_cr = i > 0 && bytes[i - 1] == b'\r';
        push_normalized(&mut out, c, was_cr);
        i += c.len_utf8();
    }
    out
}

/// Bytes looked at together by [`verbatim_run`]'s block test.
const BLOCK: usize = 16;

/// The end of the run of characters from `start` (a character boundary)
/// that [`push_normalized`] keeps as they are, the output so far ending
/// with a space when `space_before`: graphic ASCII; a space not after a
/// space; a `\n` not after a `\r`; a character past ASCII that is no white
/// space, control or zero-width character. Blocks of [`BLOCK`] bytes that
/// are graphic ASCII, spaces and `\n`s without two spaces in a row are
/// taken whole, by a test the compiler can run on all their bytes at once.
fn verbatim_run(bytes: &[u8], start: usize, space_before: bool) -> usize {
    let mut i = start;
    // The run's first character depends on what came before it; inside
    // the run, the output's last character is the text's previous one.
    match bytes.get(i) {
        Some(b' ') if space_before => return i,
        Some(b'\n') if i > 0 && bytes[i - 1] == b'\r' => return i,
        _ => {}
    }
    let mut prev = if space_before { b' ' } else { 0 };
    loop {
        if let Some(block) = bytes.get(i..i + BLOCK)
            && plain_block(block.try_into().unwrap(), prev)
        {
            prev = block[BLOCK - 1];
            i += BLOCK;
            continue;
        }
        let Some(&b) = bytes.get(i) else { return i };
        let len = if b.is_ascii_graphic() || b == b'\n' || (b == b' ' && prev != b' ') {
            1
        } else if b >= 0x80 {
            // `i` is a character boundary: every step moves by whole characters.
            let c = decode_at(bytes, i);
            if !kept_as_is(c) {
                return i;
            }
            c.len_utf8()
        } else {
            return i;
        };
        prev = bytes[i + len - 1];
        i += len;
    }
}

/// Whether every byte of `block` is graphic ASCII, a space or a `\n`, with
/// no space right after a space (`prev` is the byte before the block), by
/// word-wide arithmetic on eight bytes at once.
fn plain_block(block: [u8; BLOCK], prev: u8) -> bool {
    let (low, high) = block.split_at(8);
    let low = u64::from_le_bytes(low.try_into().unwrap());
    let high = u64::from_le_bytes(high.try_into().unwrap());
    match plain_word(low, prev == b' ') {
        Some(last_space) => plain_word(high, last_space).is_some(),
        None => false,
    }
}

/// [`plain_block`] for the eight bytes of `w` (little-endian), the byte
/// before them a space when `space_before`: whether the last byte is a
/// space, or `None` when the bytes are not plain.
fn plain_word(w: u64, space_before: bool) -> Option<bool> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if w & HIGH != 0 {
        return None;
    }
    // Every byte is below 0x80 now, so no sum below carries into the next
    // byte: a byte's high bit says whether it is at least 0x20, at most
    // 0x7E, or differs from `\n` or a space.
    let printable = (w + 0x60 * ONES) & !(w + ONES) & HIGH;
    let newline = !((w ^ (0x0A * ONES)) + 0x7F * ONES) & HIGH;
    let space = !((w ^ (0x20 * ONES)) + 0x7F * ONES) & HIGH;
    // Byte k's predecessor is byte k-1, one byte lower in a little-endian word.
    let space_prev = (space << 8) | if space_before { 0x80 } else { 0 };
    ((printable | newline) == HIGH && space & space_prev == 0).then_some(space >> 63 != 0)
}

/// The character whose first byte is at `i` (a character boundary of
/// valid UTF-8).
fn decode_at(bytes: &[u8], i: usize) -> char {
    let len = match bytes[i] {
        b if b < 0xE0 => 2,
        b if b < 0xF0 => 3,
        _ => 4,
    };
    std::str::from_utf8(&bytes[i..i + len])
        .ok()
        .and_then(|s| s.chars().next())
        .unwrap_or('\u{FFFD}')
}

/// Whether [`push_normalized`] writes a character past ASCII as it is.
fn kept_as_is(c: char) -> bool {
    !matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{200B}' | '\u{200C}' | '\u{200D}')
        && !matches!(c, '\u{2060}' | '\u{FEFF}' | '\u{AD}' | '\u{A0}')
        && !c.is_whitespace()
        && !c.is_control()
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

    /// [`plain_block`] one byte at a time.
    fn plain_block_by_byte(block: [u8; BLOCK], prev: u8) -> bool {
        let mut before = prev;
        block.iter().all(|&b| {
            let ok =
                (b.is_ascii_graphic() || b == b' ' || b == b'\n') && !(b == b' ' && before == b' ');
            before = b;
            ok
        })
    }

    #[test]
    fn plain_blocks() {
        assert!(plain_block(*b"abc de!~\nx y zz ", 0) && plain_block(*b" bc de!~\n\n x y z", b'a'));
        assert!(
            !plain_block(*b" bc de!~\n\n x y z", b' ') && !plain_block(*b"abcdefg  ijklmno", 0)
        );
        assert!(!plain_block(*b"abcdefg \x20ijklmno", 0) && !plain_block(*b"abcdefgh\rjklmnop", 0));
        assert!(!plain_block(*b"abcdefgh\x7fjklmnop", 0) && !plain_block(*b"abcdefgh\tjklmnop", 0));
        let mut accented = *b"abcdefghijklmnop";
        accented[12] = 0xC3;
        assert!(!plain_block(accented, 0));
    }

    proptest::proptest! {
        #[test]
        fn plain_blocks_agree_with_the_byte_loop(
            block in proptest::array::uniform16(proptest::sample::select(vec![b' ', b'\n', b'a', b'~', b'!', b'\r', b'\t', 0x7f, 0x1f, 0xC3, 0x0b, 0])),
            prev in proptest::sample::select(vec![0u8, b' ', b'a', b'\n']),
        ) {
            proptest::prop_assert_eq!(plain_block(block, prev), plain_block_by_byte(block, prev));
        }
    }

    proptest::proptest! {
        #[test]
        fn normalisation_agrees_with_the_character_loop(
            text in "[a b\\r\\n\\t.\u{a0}\u{200b}\u{85}é\u{2028}\u{7}~!]{0,40}"
        ) {
            proptest::prop_assert_eq!(normalize(&text), normalize_by_char(&text));
        }

        /// Long plain runs, where whole blocks are copied, broken by the
        /// characters that normalising changes.
        #[test]
        fn normalisation_of_long_runs_agrees_with_the_character_loop(
            text in "(?:[a-z]{1,20}|[ \\n]{1,3}|[.,!~é—©“”]|\\r|\\t|\u{a0}|\u{200b}|\u{2028}|\u{7f}|\u{7}){0,40}"
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
