//! A body's sentences, as byte ranges: where snippets may begin and end.

/// Adds `body[s..e]` without its surrounding white space to `out`, unless
/// nothing is left.
fn push_trimmed(body: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let text = &body[s..e];
    let lead = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    if !trimmed.is_empty() {
        out.push((s + lead, s + lead + trimmed.len()));
    }
}

/// Sentence byte ranges: split at line breaks and after `.`, `!`, `?` (and
/// a closing quote) followed by a space and an upper-case letter or quote.
///
/// The four bytes that may end a sentence are ASCII, so they are found in
/// the bytes (never inside a multi-byte character), by `memchr`'s searches
/// (line breaks in one, the three marks in another, taken in byte order);
/// only the characters after a `.`, `!` or `?` are decoded.
pub(super) fn sentences(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| push_trimmed(body, s, e, out);
    let bytes = body.as_bytes();
    let mut breaks = memchr::memchr_iter(b'\n', bytes).peekable();
    let mut marks = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    // Every line break and mark, in byte order.
    let ends = std::iter::from_fn(|| match (breaks.peek(), marks.peek()) {
        (Some(&n), Some(&m)) if n < m => breaks.next(),
        (_, Some(_)) => marks.next(),
        (Some(_), None) => breaks.next(),
        (None, None) => None,
    });
    for i in ends {
        let b = bytes[i];
        if b == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            let after = i + 1;
            let mut next = body[after..]
                .char_indices()
                .skip_while(|&(_, c)| matches!(c, '"' | '”' | '’' | '\'' | ')'));
            if let Some((space, ' ')) = next.next()
                && next
                    .next()
                    .is_some_and(|(_, c)| c.is_uppercase() || matches!(c, '"' | '“' | '”'))
            {
                let end = after + space;
                push(start, end, &mut out);
                start = end;
            }
        }
    }
    push(start, body.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_after_closing_quotes() {
        let body = "“Kami siap,” katanya. \"Baik sekali.\" Lalu selesai.";
        let parts: Vec<&str> = sentences(body).iter().map(|&(s, e)| &body[s..e]).collect();
        assert_eq!(parts, ["“Kami siap,” katanya.", "\"Baik sekali.\"", "Lalu selesai."]);
    }

    /// The sentences as they were found over a vector of every character:
    /// the reference [`sentences`] must equal.
    fn sentences_by_chars(body: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let push =
            |s: usize, e: usize, out: &mut Vec<(usize, usize)>| push_trimmed(body, s, e, out);
        for (k, &(i, c)) in chars.iter().enumerate() {
            if c == '\n' {
                push(start, i, &mut out);
                start = i + 1;
                continue;
            }
            if matches!(c, '.' | '!' | '?') {
                let mut j = k + 1;
                while chars.get(j).is_some_and(|&(_, c)| matches!(c, '"' | '”' | '’' | '\'' | ')'))
                {
                    j += 1;
                }
                let space = chars.get(j).is_some_and(|&(_, c)| c == ' ');
                let next_upper = chars
                    .get(j + 1)
                    .is_some_and(|&(_, c)| c.is_uppercase() || matches!(c, '"' | '“' | '”'));
                if space && next_upper {
                    let end = chars[j].0;
                    push(start, end, &mut out);
                    start = end;
                }
            }
        }
        push(start, body.len(), &mut out);
        out
    }

    proptest::proptest! {
        /// Sentences found in the bytes are the ones found over every
        /// character, on bodies thick with their marks and other scripts.
        #[test]
        fn sentences_equal_the_character_scan(
            body in "[a-zA-Z .!?\"“”’'()\n éÜßİ中]{0,300}",
        ) {
            proptest::prop_assert_eq!(sentences(&body), sentences_by_chars(&body));
        }
    }
}
