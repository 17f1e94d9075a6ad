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

/// Whether [`INTRODUCED`] may match `sentence`: it must open with one to
/// four words, each a capital and then letters, apostrophes or hyphens,
/// separated by spaces or tabs, up to its first comma or bracket. (A match's
/// name holds neither, so the comma or bracket after it is the first one;
/// `is_uppercase` and `is_alphabetic` accept all of `\p{Lu}` and `\p{L}`.)
pub(super) fn may_be_introduced(sentence: &str) -> bool {
    if !sentence.starts_with(char::is_uppercase) {
        return false;
    }
    // (Bytes: `,` and `(` are ASCII, never inside another character.)
    let Some(k) = memchr::memchr2(b',', b'(', sentence.as_bytes()) else { return false };
    few_capitalised_words(&sentence[..k])
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
        for line in ["Sumber: A", "", "  ", "Pemerintah: x", "Kepala Dinas", "Foto", "p"] {
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
            "",
        ] {
            assert!(may_be_introduced(s) || !INTRODUCED.is_match(s), "{s}");
        }
        assert!(!may_be_introduced("Hasnah menangis, lalu pergi."));
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
            sentence in r"(?:[A-Z][a-z]{0,5}|[a-z]{1,4}|É|é|’|-|[ \t,(]|\(4\d\)){0,10}",
        ) {
            proptest::prop_assert_eq!(
                may_be_introduced(&sentence),
                may_be_introduced_by_chars(&sentence)
            );
        }
    }
}
