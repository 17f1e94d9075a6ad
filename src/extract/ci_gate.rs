//! A cheap necessary condition for a case-insensitive regex whose every
//! match holds one of a few ASCII pieces: the regex then needs to run only
//! on a text that holds a piece. The check is a few vectorised byte
//! searches, against the regex's own pass over every byte (whose literal
//! prefilter, on short case-folded prefixes, stops at many places in any
//! news text).
//!
//! Case-insensitive matching folds more than ASCII: the Kelvin sign
//! (U+212A) is a case variant of `k` and the long s (U+017F) of `s`, the
//! only characters outside ASCII that fold to an ASCII letter. A text that
//! holds either always passes, and the regex decides.

use memchr::memmem::Finder;

/// The characters outside ASCII that case-fold to an ASCII letter.
pub(crate) const NON_ASCII_VARIANTS: [&str; 2] = ["\u{212A}", "\u{17F}"];

/// Pieces of which every match of some case-insensitive regex holds one.
pub(crate) struct CiGate {
    pieces: Vec<Finder<'static>>,
    variants: [Finder<'static>; 2],
}

impl CiGate {
    /// A gate on `pieces`: lower-case ASCII (checked), each of them held,
    /// in some case, by every match of the regex it guards.
    pub(crate) fn new(pieces: &[&'static str]) -> CiGate {
        for piece in pieces {
            assert!(
                piece.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
                "a gate's piece is lower-case ASCII: {piece:?}"
            );
        }
        CiGate {
            pieces: pieces.iter().map(|p| Finder::new(p.as_bytes())).collect(),
            variants: NON_ASCII_VARIANTS.map(Finder::new),
        }
    }

    /// Whether the regex may match `text`: false only when no piece is in
    /// it in any case.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        if self.variants.iter().any(|f| f.find(bytes).is_some()) {
            return true;
        }
        let lower = bytes.to_ascii_lowercase();
        self.pieces.iter().any(|f| f.find(&lower).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_in_any_case_passes_and_nothing_else_does() {
        let gate = CiGate::new(&["editor", " pos"]);
        assert!(
            gate.may_match("EDITOR: A") && gate.may_match("Riau Pos") && gate.may_match("eDiToR")
        );
        assert!(!gate.may_match("Riaupos, redaksi") && !gate.may_match(""));
    }

    #[test]
    fn the_non_ascii_case_variants_always_pass() {
        let gate = CiGate::new(&["kontributor"]);
        assert!(gate.may_match("\u{212A}ontributor") && gate.may_match("x \u{17F} y"));
        assert!(!gate.may_match("Kontribusi é"));
    }

    #[test]
    fn the_listed_variants_are_all_that_fold_to_ascii_letters() {
        // A character outside ASCII that the regex crate's case folding
        // matches to an ASCII letter must be listed.
        let letter = regex::Regex::new("(?i)^[a-z]$").unwrap();
        let mut buf = [0; 4];
        let found: Vec<char> =
            ('\u{80}'..=char::MAX).filter(|c| letter.is_match(c.encode_utf8(&mut buf))).collect();
        let mut listed: Vec<char> = NON_ASCII_VARIANTS.iter().flat_map(|s| s.chars()).collect();
        listed.sort_unstable();
        assert_eq!(found, listed);
    }

    #[test]
    #[should_panic(expected = "lower-case ASCII")]
    fn an_upper_case_piece_is_refused() {
        CiGate::new(&["Editor"]);
    }
}
