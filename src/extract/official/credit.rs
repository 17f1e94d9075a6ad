//! Page credits ("Pewarta: Juraidi", "Editor : Riza Mulyadi", "Foto: …"):
//! the names after a credit label, which are never officials.

use std::cell::{OnceCell, RefCell};
use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use super::is_part_of;
use crate::extract::ci_gate::{CiGate, NON_ASCII_VARIANTS};

/// The credit labels, lower-case, in the regex's order of preference
/// (`fotografer` before `foto`).
const LABELS: [&str; 8] =
    ["pewarta", "editor", "reporter", "penulis", "fotografer", "foto", "redaktur", "kontributor"];

/// Names after a credit label.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let labels = LABELS.join("|");
    Regex::new(&format!(r"(?i)\b(?:{labels})\b[ \t]*:?[ \t]*([^\n]{{1,80}})")).unwrap()
});

/// Every match of [`CREDIT`] holds one of its labels: most cleaned bodies
/// name none, and then the regex does not run.
static GATE: LazyLock<CiGate> = LazyLock::new(|| CiGate::new(&LABELS));

/// The names credited on the page (reporter, editor, photographer …).
pub(super) fn credited_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !GATE.may_match(text) {
        return out;
    }
    for caps in CREDIT.captures_iter(text) {
        for part in caps[1].split([',', '/', '&', ';', '|']).flat_map(|p| p.split(" dan ")) {
            let name: String = part
                .split_whitespace()
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect::<Vec<_>>()
                .join(" ");
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// The page's credits, read only when a name might be among them.
pub(super) struct Credits<'a> {
    text: &'a str,
    names: OnceCell<Vec<String>>,
    /// First words already searched for, and whether they may be credited.
    checked: RefCell<Vec<(String, bool)>>,
}

impl<'a> Credits<'a> {
    pub(super) fn new(text: &'a str) -> Credits<'a> {
        Credits { text, names: OnceCell::new(), checked: RefCell::default() }
    }

    /// Whether every word of `name` is a word of one credited name.
    pub(super) fn credit(&self, name: &str) -> bool {
        self.may_be_credited(name)
            && self
                .names
                .get_or_init(|| credited_names(self.text))
                .iter()
                .any(|c| is_part_of(name, c))
    }

    /// [`may_be_credited`], asked once for each first word.
    fn may_be_credited(&self, name: &str) -> bool {
        let first = name.split(' ').next().unwrap_or_default();
        let mut checked = self.checked.borrow_mut();
        if let Some(&(_, known)) = checked.iter().find(|(w, _)| w == first) {
            return known;
        }
        let may = may_be_credited(self.text, first);
        checked.push((first.to_string(), may));
        may
    }
}

/// The regex's longest capture, in characters.
const CAPTURE_CHARS: usize = 80;
/// The longest label in bytes, its `k` written as the Kelvin sign (three bytes).
const LABEL_BYTES: usize = 13;

/// A necessary condition for a credited name to hold the word `first` (a
/// name's first word): the word is written inside a capture, so within
/// [`CAPTURE_CHARS`] characters of its line after a label and the spaces,
/// tabs and colon after that. Most names are ruled out without reading the
/// credits.
fn may_be_credited(text: &str, first: &str) -> bool {
    if first.is_empty() {
        return true;
    }
    let bytes = text.as_bytes();
    let finder = memmem::Finder::new(first.as_bytes());
    let mut from = 0;
    while let Some(i) = finder.find(&bytes[from..]) {
        let at = from + i;
        if label_may_end_before(bytes, at) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Whether a label may end where a capture holding the byte `at` could
/// begin, after the label's spaces, tabs and colon: read backwards from
/// `at`, a label (in any case, at the start of a word) or a character
/// outside ASCII that folds to a label's letter (the Kelvin sign, the long
/// s: then the regex decides).
fn label_may_end_before(bytes: &[u8], at: usize) -> bool {
    // The capture begins at most CAPTURE_CHARS - 1 characters before `at`,
    // on its line; a label ending inside that room starts there or up to a
    // label's length before it.
    let (mut i, mut chars) = (at, 0);
    while i > 0 && chars < CAPTURE_CHARS && bytes[i - 1] != b'\n' {
        i -= 1;
        chars += usize::from(!is_utf8_continuation(bytes[i]));
        if label_at(bytes, i, at) {
            return true;
        }
    }
    // A label ending before that room is followed by spaces, tabs and a
    // colon up to it.
    while i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b':') {
        i -= 1;
    }
    (i.saturating_sub(LABEL_BYTES)..i).any(|j| label_at(bytes, j, at))
}

fn is_utf8_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Whether a label, in ASCII case and after a word's start, is written at
/// `i` and ends by `end`, or a character outside ASCII that folds to a
/// label's letter is.
#[inline]
fn label_at(bytes: &[u8], i: usize, end: usize) -> bool {
    let b = bytes[i];
    if b >= 0x80 {
        return NON_ASCII_VARIANTS.iter().any(|c| bytes[i..end].starts_with(c.as_bytes()));
    }
    if !matches!(b | 0x20, b'p' | b'e' | b'r' | b'f' | b'k') {
        return false;
    }
    // `\b` before the label: no ASCII word character before it.
    let glued = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
    !glued
        && LABELS.iter().any(|l| {
            bytes[i..end].get(..l.len()).is_some_and(|s| s.eq_ignore_ascii_case(l.as_bytes()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_regex_is_the_labels_alternation() {
        assert_eq!(
            CREDIT.as_str(),
            r"(?i)\b(?:pewarta|editor|reporter|penulis|fotografer|foto|redaktur|kontributor)\b[ \t]*:?[ \t]*([^\n]{1,80})"
        );
    }

    #[test]
    fn names_after_labels_are_read() {
        assert_eq!(credited_names("Pewarta: Budi Santoso\nEditor : Ani"), ["Budi Santoso", "Ani"]);
        assert_eq!(credited_names("Foto: Dedi/Rina dan Sari"), ["Dedi", "Rina", "Sari"]);
        assert!(credited_names("Kepala Dinas Budi mengatakan, “iuran naik”.").is_empty());
    }

    #[test]
    fn the_gate_passes_every_text_the_regex_matches() {
        for text in [
            "Pewarta: Budi",
            "EDITOR : Ani",
            "é editor x",
            "(Foto: Dok)",
            "fotografer Adi",
            "Kontributor\tA",
            "\u{212A}ontributor: A",
            "Penuli\u{17F}: B",
            "redaKtur x",
        ] {
            assert!(CREDIT.is_match(text) && GATE.may_match(text), "{text}");
        }
        assert!(GATE.may_match("Kata “FOTO” berulang"), "a label: the regex decides");
        assert!(!GATE.may_match("Kepala Dinas Budi mengatakan, “iuran naik”."));
    }

    /// Texts made of the labels, their case variants and their neighbours.
    fn credit_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let words = proptest::sample::select(vec![
            "pewarta",
            "Editor",
            "REPORTER",
            "penulis",
            "Penuli\u{17F}",
            "fotografer",
            "foTo",
            "redaktur",
            "\u{212A}ontributor",
            "kontributor",
            "redakt",
            "edi",
            "é",
            "x",
            "1",
            " ",
            ":",
            "\t",
            "\n",
            "“",
            "\u{a0}",
            "nya",
        ]);
        proptest::collection::vec(words, 0..10).prop_map(|v| v.concat())
    }

    #[test]
    fn a_name_is_credited_as_the_credits_list_it() {
        let text = "Direktur Budi Santoso hadir.\n\nPewarta: Budi Santoso\nEditor : Ani";
        let credits = Credits::new(text);
        assert!(credits.credit("Budi Santoso") && credits.credit("Budi") && credits.credit("Ani"));
        assert!(!credits.credit("Budi Raharjo") && !credits.credit("Direktur"));
        let far = format!("Pewarta:{} Budi", " ".repeat(200));
        assert!(Credits::new(&far).credit("Budi"), "spaces after a label run on");
        let far = format!("Pewarta: {} Budi", "x".repeat(90));
        assert!(!Credits::new(&far).credit("Budi"), "past the capture");
        assert!(!Credits::new("Kreditor Budi").credit("Budi"));
        assert!(Credits::new("\u{212A}ontributor: Budi").credit("Budi"));
    }

    /// Texts of labels, names, separators, spacing and filler.
    fn credited_pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let words = proptest::sample::select(vec![
            "Pewarta",
            "editor",
            "FOTO",
            "fotografer",
            "Penuli\u{17F}",
            "\u{212A}ontributor",
            "kreditor",
            "Budi",
            "Santoso",
            "Ani",
            "Budi Santoso",
            " ",
            "  ",
            "\t",
            ":",
            "\n",
            ", ",
            "/",
            " dan ",
            "&",
            "é",
            "x",
            "ÁÁÁÁÁÁÁÁÁÁ",
            "lorem ipsum dolor sit amet",
            "0123456789012345678901234567890123456789",
        ]);
        proptest::collection::vec(words, 0..24).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn credit_agrees_with_the_credited_names(
            text in credited_pieces(),
            name in proptest::sample::select(vec!["Budi", "Santoso", "Ani", "Budi Santoso", "Santoso Budi"]),
        ) {
            let old = credited_names(&text).iter().any(|c| is_part_of(name, c));
            proptest::prop_assert_eq!(Credits::new(&text).credit(name), old);
        }
    }

    proptest::proptest! {
        #[test]
        fn no_text_is_gated_that_the_credit_regex_matches(text in credit_pieces()) {
            proptest::prop_assert!(!CREDIT.is_match(&text) || GATE.may_match(&text));
        }
    }
}
