//! The words of a frame: page credit lines, people introduced with an age
//! or an appositive, and the run of name-like words that names a speaker.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon;

/// Page credit lines ("Pewarta: Juraidi", "EDITOR:Edwandani", IDN Times tags).
pub(super) static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^[ \t]*(?:(?:pewarta|editor|reporter|penulis|fotografer|foto|redaktur|kontributor|topik)[ \t]*:|[•·])[ \t]*(.*)$",
    )
    .unwrap()
});

/// The labels of [`CREDIT`], lower case.
const CREDIT_LABELS: [&str; 9] = [
    "pewarta",
    "editor",
    "reporter",
    "penulis",
    "fotografer",
    "foto",
    "redaktur",
    "kontributor",
    "topik",
];

/// Whether a line may match [`CREDIT`]: after spaces and tabs it starts
/// with a credit label in any case. A line holds no line break, so a match
/// can only start at its start. When the first bytes (as many as the
/// longest label) are ASCII, ASCII case-insensitive comparison is exact;
/// otherwise (a bullet, or the Kelvin sign and the long s, which
/// case-insensitive matching folds to `k` and `s`) the regex decides.
pub(super) fn may_be_credit(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t']).as_bytes();
    // Every label starts with one of these letters (in either case).
    if t.first().is_some_and(|&c| {
        c.is_ascii() && !matches!(c | 0x20, b'p' | b'e' | b'r' | b'f' | b'k' | b't')
    }) {
        return false;
    }
    let head = &t[..t.len().min(11)];
    !head.is_ascii()
        || CREDIT_LABELS
            .iter()
            .any(|l| head.get(..l.len()).is_some_and(|h| h.eq_ignore_ascii_case(l.as_bytes())))
}

/// Two to four capitalised words followed by an age: "Dedi Kurniadi (34)".
pub(super) static AGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:\p{Lu}[\p{L}'’\-]+[ \t]+){1,4}\p{Lu}[\p{L}'’\-]+)[ \t]*\(\d{1,2}\)").unwrap()
});

/// A sentence opening with a name and an appositive or an age.
pub(super) static INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:\p{Lu}[\p{L}'’\-]+[ \t]+){0,3}\p{Lu}[\p{L}'’\-]+)(?:,[ \t]+\p{Ll}[^,]{0,80},|[ \t]*\(\d{1,2}\))").unwrap()
});

/// The name of [`INTRODUCED`]'s match in `sentence` (its first group), if
/// any. The regex is asked only where the match would hold a character
/// outside ASCII; on ASCII the match is read directly.
///
/// A match's name holds neither a comma nor a bracket, and is followed
/// by the comma or (after spaces or tabs) the bracket, so that is the
/// sentence's first comma or bracket, at `k`, and the name is the words
/// before it ([`name_end`]). On ASCII the regex's classes are bytes
/// (`\p{Lu}`, `\p{Ll}`, `\p{L}` and `\d` are `A-Z`, `a-z`, both and `0-9`).
pub(super) fn introduced_name(sentence: &str) -> Option<&str> {
    let b = sentence.as_bytes();
    let k = name_end(sentence)?;
    let end = introduction_end(b, k)?;
    if !b[..end].is_ascii() {
        return INTRODUCED.captures(sentence)?.get(1).map(|m| m.as_str());
    }
    let name = sentence[..k].trim_end_matches([' ', '\t']);
    // Each word is a capital and at least one more character.
    if name.split([' ', '\t']).any(|w| w.len() == 1) {
        return None;
    }
    // After a bracket, one or two digits and the closing bracket; the
    // comma's appositive was read whole by `introduction_end`.
    let closed = b[k] == b',' || {
        let digits = b[k + 1..end].iter().take_while(|c| c.is_ascii_digit()).count();
        (1..=2).contains(&digits) && b.get(k + 1 + digits) == Some(&b')')
    };
    closed.then_some(name)
}

/// Whether [`INTRODUCED`] may match `sentence` (as [`introduced_name`]
/// reads it before asking the regex).
#[cfg(test)]
pub(super) fn may_be_introduced(sentence: &str) -> bool {
    name_end(sentence).is_some_and(|k| introduction_end(sentence.as_bytes(), k).is_some())
}

/// The offset of the first comma or bracket of a sentence that opens with
/// one to four words before it, each a capital and then letters,
/// apostrophes or hyphens, separated by spaces or tabs. (`is_uppercase`
/// and `is_alphabetic` accept all of `\p{Lu}` and `\p{L}`.)
///
/// ASCII is read byte by byte up to that comma or bracket, stopping at the
/// first byte that rules a name out (the words are `[A-Z][A-Za-z'-]*`);
/// a sentence with a character outside ASCII before then is read by
/// [`name_end_by_chars`].
fn name_end(sentence: &str) -> Option<usize> {
    let b = sentence.as_bytes();
    let (mut words, mut in_word) = (0, false);
    for (i, &c) in b.iter().enumerate() {
        if !c.is_ascii() {
            return name_end_by_chars(sentence);
        }
        match c {
            b',' | b'(' => return (words > 0).then_some(i),
            b' ' | b'\t' if i > 0 => in_word = false,
            _ if in_word => {
                if !(c.is_ascii_alphabetic() || matches!(c, b'\'' | b'-')) {
                    return None;
                }
            }
            _ => {
                if !c.is_ascii_uppercase() || words == 4 {
                    return None;
                }
                words += 1;
                in_word = true;
            }
        }
    }
    None
}

/// [`name_end`] for any sentence, by characters.
fn name_end_by_chars(sentence: &str) -> Option<usize> {
    if !sentence.starts_with(char::is_uppercase) {
        return None;
    }
    // (Bytes: `,` and `(` are ASCII, never inside another character.)
    let k = memchr::memchr2(b',', b'(', sentence.as_bytes())?;
    few_capitalised_words(&sentence[..k]).then_some(k)
}

/// Given `k`, the first comma or bracket, where an [`INTRODUCED`] match
/// would end at the latest, or `None` when none can go on at `k`: a
/// bracket must be followed by a digit (`\d` is Unicode: any character
/// outside ASCII may be one), and the match then ends within 3 bytes; a
/// comma must follow the name's last letter directly and be followed by
/// spaces or tabs, a lower-case letter (any character outside ASCII may
/// be one) and, within 80 characters that are not commas, the next comma,
/// where the match ends.
fn introduction_end(b: &[u8], k: usize) -> Option<usize> {
    if b[k] == b'(' {
        let digit = b.get(k + 1).is_some_and(|&d| d.is_ascii_digit() || !d.is_ascii());
        return digit.then(|| b.len().min(k + 4));
    }
    if k == 0 || matches!(b[k - 1], b' ' | b'\t') {
        return None;
    }
    let gap = b[k + 1..].iter().take_while(|&&c| matches!(c, b' ' | b'\t')).count();
    let j = k + 1 + gap;
    let &first = b.get(j).filter(|_| gap > 0)?;
    if first.is_ascii() && !first.is_ascii_lowercase() {
        return None;
    }
    // The rest of the lower-case letter, then the characters before the
    // next comma (a comma is ASCII: never inside another character).
    let from = j + 1 + b[j + 1..].iter().take_while(|&&c| c & 0xC0 == 0x80).count();
    let c = memchr::memchr(b',', &b[from..])?;
    let chars = b[from..from + c].iter().filter(|&&c| c & 0xC0 != 0x80).count();
    (chars <= 80).then_some(from + c + 1)
}

/// Whether `text` is one to four words separated by spaces or tabs, each a
/// capital and then letters, apostrophes or hyphens.
fn few_capitalised_words(text: &str) -> bool {
    let is_word = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
    };
    let mut n = 0;
    for w in text.split([' ', '\t']).filter(|w| !w.is_empty()) {
        n += 1;
        if n > 4 || !is_word(w) {
            return false;
        }
    }
    n > 0
}

/// At most the first `n` bytes of `s`, cut at a character boundary.
pub(super) fn head(s: &str, n: usize) -> &str {
    let mut i = n.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

/// The text without bracketed parts ("Arman Sangia (44)" → "Arman Sangia").
pub(super) fn strip_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A word that may open a clause before its subject ("Sementara", "itu").
pub(super) fn is_opener(w: &str) -> bool {
    w.starts_with(char::is_uppercase) || lexicon::is_adverb(w)
}

/// Whether the text before a speech verb ends with someone named, rather
/// than with a pronoun or a lower-case noun ("BPJS Ketenagakerjaan
/// berharap", "Arman Sangia (44), mengaku").
pub(super) fn names_subject(prefix: &str) -> bool {
    let last =
        prefix.split_whitespace().rev().find(|w| !lexicon::is_adverb(clean(w))).unwrap_or("");
    last.ends_with([',', ')']) || clean(last).starts_with(char::is_uppercase)
}

pub(super) fn clean(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The last run of name-like words in a phrase, honorifics dropped; a
/// comma ends a run ("Kepala Desa Sukamaju, Dedi Mulyadi").
pub(super) fn name_run<'a>(tokens: &[&'a str]) -> Vec<&'a str> {
    let mut run: Vec<&str> = Vec::new();
    let mut best: Vec<&str> = Vec::new();
    for t in tokens {
        let c = clean(t);
        if lexicon::is_nameish(c) {
            run.push(c);
        } else if !lexicon::is_honorific(c) && !run.is_empty() {
            best = std::mem::take(&mut run);
        }
        if t.ends_with(',') && !run.is_empty() {
            best = std::mem::take(&mut run);
        }
    }
    if run.is_empty() { best } else { run }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines_are_spotted_by_their_label() {
        for line in [
            "Pewarta: A",
            " \teditor:B",
            "• C",
            "\u{212A}ontributor: D",
            "Topik: E",
            "FOTO : F",
            "Penuli\u{17F}: G",
            "\u{b7} H",
        ] {
            assert!(may_be_credit(line) && CREDIT.is_match(line), "{line}");
        }
        for line in ["Sumber: A", "", "  ", "Pemerintah: x", "Kepala Dinas", "Foto", "p", "x• A"]
        {
            assert!(may_be_credit(line) || !CREDIT.is_match(line), "{line}");
        }
        assert!(!may_be_credit("Sumber: A") && !may_be_credit("") && !may_be_credit("  "));
        assert!(!may_be_credit("Pemerintah: x"));
        assert!(CREDIT.as_str().contains(&CREDIT_LABELS.join("|")));
    }

    #[test]
    fn may_be_introduced_is_true_wherever_the_regex_matches() {
        for s in [
            "Hasnah, istri almarhum, menangis.",
            "Misnadi (47) melaut.",
            "Misnadi\t(47) melaut.",
            "La Ode Muh Ali, warga, hadir.",
            "Ni Made Sri Ayu Dewi, warga, hadir.",
            "O’Neil-Smith, warga, hadir.",
            "Ǆemal, nelayan tua, melaut.",
            "ǅemal, nelayan tua, melaut.",
            "Émile (40) hadir.",
            " Hasnah, istri almarhum, menangis.",
            "Hasnah menangis, lalu pergi.",
            "Hasnah\n, istri, pergi.",
            "Jakarta, ibu kota, ramai.",
            "Rp5 (10) naik.",
            "Misnadi (٣) melaut.",
            "Hasnah,\t\téé, pergi.",
            "Hasnah, ǆ, pergi.",
            "Hasnah, istri, pergi.",
            "",
        ] {
            assert!(may_be_introduced(s) || !INTRODUCED.is_match(s), "{s}");
        }
        assert!(!may_be_introduced("Hasnah menangis, lalu pergi."));
        // At most 80 characters between the lower-case letter and the comma.
        for (n, want) in [(80, true), (81, false)] {
            for fill in ["a", "é"] {
                let s = format!("Hasnah, i{}, pergi.", fill.repeat(n));
                assert_eq!(INTRODUCED.is_match(&s), want, "{n}");
                assert_eq!(may_be_introduced(&s), want, "{n}");
            }
        }
        for s in [
            "Hasnah , istri, pergi.",
            "Hasnah,istri, pergi.",
            "Hasnah, Istri, pergi.",
            "Hasnah, istri pergi.",
            "Misnadi (x) melaut.",
            "Misnadi (",
        ] {
            assert!(!may_be_introduced(s), "{s}");
        }
    }

    /// [`may_be_introduced`] as first written: the comma or bracket by a
    /// character search, the capital tested last (the words' test is shared).
    fn may_be_introduced_by_chars(sentence: &str) -> bool {
        let Some(k) = sentence.find([',', '(']) else { return false };
        few_capitalised_words(&sentence[..k]) && sentence.starts_with(char::is_uppercase)
    }

    proptest::proptest! {
        #[test]
        fn may_be_introduced_is_the_character_search(
            sentence in r"(?:[A-Z][a-z]{0,5}|[a-z]{1,4}|É|é|’|'|-|\n|[ \t,(]|\(4\d\)){0,10}",
        ) {
            proptest::prop_assert_eq!(
                name_end(&sentence).is_some(),
                may_be_introduced_by_chars(&sentence)
            );
            proptest::prop_assert_eq!(name_end(&sentence), name_end_by_chars(&sentence));
        }

        #[test]
        fn introduced_name_is_the_regex_group(
            sentence in r"(?:[A-Z][a-z]{0,5}|[a-z]{1,4}|É|é|ǅ|’|'|-|[ \t,(]|, |\(4\d\)|\(\d{1,3}\)|\(٣\)|[a-z ]{60,90}){0,10}",
        ) {
            let by_regex = INTRODUCED.captures(&sentence).and_then(|c| c.get(1)).map(|m| m.as_str());
            proptest::prop_assert_eq!(introduced_name(&sentence), by_regex);
        }

        #[test]
        fn may_be_introduced_holds_wherever_the_regex_matches(
            sentence in r"(?:[A-Z][a-z]{1,5}|[a-z]{1,4}|É|é|ǅ|’|-|[ \t,(]|, |\(4\d\)|\(٣\)|[a-z ]{60,90}){0,10}",
        ) {
            proptest::prop_assert!(
                may_be_introduced(&sentence) || !INTRODUCED.is_match(&sentence)
            );
        }
    }
}
