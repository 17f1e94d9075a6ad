//! Page credits ("Pewarta: Juraidi", "Editor : Riza Mulyadi", "Foto: …"):
//! the names after a credit label, which are never officials.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::ci_gate::CiGate;

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

    proptest::proptest! {
        #[test]
        fn no_text_is_gated_that_the_credit_regex_matches(text in credit_pieces()) {
            proptest::prop_assert!(!CREDIT.is_match(&text) || GATE.may_match(&text));
        }
    }
}
