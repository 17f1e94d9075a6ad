//! Prefix removal: runs the prefix rules of `prefix_rules.rs` the way ECS does.
//!
//! Why a separate driver: ECS removes up to three prefixes (`memper-`, `diper-`, `keber-`…),
//! one per round, and a rule with several alternatives picks its candidate in a particular way
//! that decides many words (`menurut` → turut, not urut). The semantics reproduced here:
//!
//! * A round tries the rules in order; the first rule that records a removal ends the round.
//!   At most three rounds; a round that removes nothing ends the whole step.
//! * Within a rule, alternatives are tried in order; the first candidate that is a root wins.
//!   If none is, the rule yields the candidate of its **last** alternative, which may be "no
//!   match" even when an earlier alternative matched (rule 30 on `pengawas…` records nothing),
//!   and which may be an unconfirmed recoding (rule 15 on `menari…` yields `tari…`).
//! * After every rule the current word is checked against the dictionary; a root stops the
//!   step. A word that is already a root on entry is therefore only touched by the plain-prefix
//!   rule (this only happens inside the loop-pengembalian-akhiran, which does not re-check the
//!   dictionary before calling this step, exactly like Sastrawi).

use super::dictionary::Dictionary;
use super::prefix_rules::{Head, RULES, Recode, Rule};
use super::word::Word;

/// Maximum prefix removals per call (ECS: three rounds).
const ROUNDS: usize = 3;

/// What [`remove_prefixes`] did to a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Stripped {
    /// Whether the word ends on a root.
    pub(super) on_root: bool,
    /// How many prefixes (rounds) were removed, 0 to 3.
    pub(super) prefixes: usize,
}

/// Removes up to three prefixes from `word`; says whether it ends on a root and how many
/// prefixes it took.
pub(super) fn remove_prefixes(word: &mut Word, dict: &Dictionary) -> Stripped {
    let mut stripped = Stripped { on_root: dict.contains_bytes(word.as_bytes()), prefixes: 0 };
    for _ in 0..ROUNDS {
        let mut removed = false;
        for rule in RULES {
            if let Some(next) = apply(rule, word.as_bytes(), dict) {
                *word = next;
                removed = true;
                stripped.prefixes += 1;
                stripped.on_root = dict.contains_bytes(word.as_bytes());
            }
            if stripped.on_root || removed {
                break;
            }
        }
        if stripped.on_root || !removed {
            break;
        }
    }
    stripped
}

/// The candidate `rule` records for `word`, if any (see the module doc for the selection).
fn apply(rule: &Rule, word: &[u8], dict: &Dictionary) -> Option<Word> {
    if rule.first.is_some_and(|first| word.first() != Some(&first)) {
        return None;
    }
    let mut result = None;
    for alternative in rule.alternatives {
        result = alternative(word).and_then(|recode| build(word, recode));
        if result.as_ref().is_some_and(|candidate| dict.contains_bytes(candidate.as_bytes())) {
            break;
        }
    }
    result
}

fn build(word: &[u8], recode: Recode) -> Option<Word> {
    let tail = word.get(recode.skip..)?;
    match recode.head {
        Head::Empty => Word::new(tail),
        Head::Lit(head) => Word::concat(head, tail),
        Head::FirstLetter => Word::concat(word.get(..1)?, tail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(word: &str, dict: &Dictionary) -> (String, bool) {
        let mut w = Word::new(word.as_bytes()).unwrap();
        let found = remove_prefixes(&mut w, dict).on_root;
        (String::from_utf8(w.as_bytes().to_vec()).unwrap(), found)
    }

    #[test]
    fn counts_the_prefixes_removed() {
        let dict = Dictionary::from_roots(["juang", "temu", "tuk"]);
        let count = |word: &str| {
            let mut w = Word::new(word.as_bytes()).unwrap();
            remove_prefixes(&mut w, &dict)
        };
        assert_eq!(count("juang"), Stripped { on_root: true, prefixes: 0 });
        assert_eq!(count("diperjuang"), Stripped { on_root: true, prefixes: 2 });
        assert_eq!(count("penemu"), Stripped { on_root: true, prefixes: 1 });
        // pen- (t recoded) + the -em- infix: two removals.
        assert_eq!(count("penemuk"), Stripped { on_root: true, prefixes: 2 });
        assert_eq!(count("xyz"), Stripped { on_root: false, prefixes: 0 });
    }

    #[test]
    fn recoding_prefers_a_root_candidate() {
        let dict = Dictionary::from_roots(["turut", "kenal", "terima", "perintah"]);
        assert_eq!(strip("menurut", &dict), ("turut".into(), true));
        assert_eq!(strip("mengenal", &dict), ("kenal".into(), true));
        assert_eq!(strip("penerima", &dict), ("terima".into(), true));
        assert_eq!(strip("pemerintah", &dict), ("perintah".into(), true));
    }

    #[test]
    fn last_alternative_is_kept_when_nothing_is_a_root() {
        let dict = Dictionary::from_roots(["xyz"]);
        // Rule 15: n-/t- recoding, neither a root: the last (t) is kept and stripping goes on.
        assert_eq!(strip("menari", &dict), ("tari".into(), false));
        // Rule 30 on peng+V (not e): the last alternative (30c) does not match, so rule 30
        // records nothing and rule 34 (pe + C) gets its turn: pe-ngawas.
        assert_eq!(strip("pengawas", &dict), ("ngawas".into(), false));
    }

    #[test]
    fn up_to_three_prefixes() {
        let dict = Dictionary::from_roots(["juang"]);
        // diper- + juang: di-, then per- (rule 23)
        assert_eq!(strip("diperjuang", &dict), ("juang".into(), true));
        let dict = Dictionary::from_roots(["lanjut"]);
        // ke- + ber- + lanjut
        assert_eq!(strip("keberlanjut", &dict), ("lanjut".into(), true));
    }

    #[test]
    fn a_root_on_entry_is_kept_unless_a_plain_prefix_applies() {
        let dict = Dictionary::from_roots(["masuk", "dapat", "apat"]);
        assert_eq!(strip("masuk", &dict), ("masuk".into(), true));
        // A root that does not start with di-/ke-/se- is returned as is.
        assert_eq!(strip("dapat", &dict), ("dapat".into(), true));
    }

    #[test]
    fn bounded_on_pathological_input() {
        let dict = Dictionary::from_roots(["a"]);
        let word = "dikesedikesedikesedikesedikesedikesedike";
        assert_eq!(word.len(), 40);
        let (rest, found) = strip(word, &dict);
        assert!(!found);
        assert_eq!(rest.len(), 34);
    }
}
