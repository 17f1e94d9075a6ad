//! A small domain thesaurus, applied at query time: expressions that mean
//! the same thing without being one name (`ojek online`, `ojol`, `pengemudi
//! transportasi online`; `pekerja informal`, `bukan penerima upah`; `korban
//! PHK`, `terkena PHK`). Aliases (`aliases.tsv`) are names of one thing and
//! weigh the same; a related expression weighs [`WEIGHT`] of the words
//! typed, so the articles that say what was typed rank first. The groups are
//! `thesaurus.tsv` beside this file (with a note on where each comes from);
//! `--no-expand` turns them off and `--explain` lists what a query used.

use std::sync::{Arc, LazyLock};

use crate::analysis::{AnalysisConfig, View};
use crate::search::aliases::{self, Aliases};

/// How much a related expression weighs against the words typed.
pub const WEIGHT: f32 = 0.5;

const BUILT_IN: &str = include_str!("thesaurus.tsv");

/// The groups, keyed by their exact-view terms like aliases.
static SHARED: LazyLock<Arc<Aliases>> = LazyLock::new(|| {
    let mut exact = AnalysisConfig::default().analyzer(View::Exact);
    Arc::new(Aliases::from_groups(aliases::parse(BUILT_IN), &mut exact))
});

/// The built-in thesaurus, built once per process.
pub fn built_in() -> Arc<Aliases> {
    SHARED.clone()
}

/// An expression of the thesaurus found in a text, with its relatives.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Expansion {
    /// The expression as the text spells it (its exact-view terms).
    pub found: String,
    /// The related expressions searched with it, at [`WEIGHT`].
    pub related: Vec<String>,
    /// Their weight against the words typed.
    pub weight: f32,
}

/// The thesaurus expressions a query text (or any text) contains, longest
/// first at each word, as the query compiler expands them.
pub fn expansions(text: &str) -> Vec<Expansion> {
    let mut exact = AnalysisConfig::default().analyzer(View::Exact);
    let terms = crate::analysis::terms(&mut exact, text);
    let thesaurus = built_in();
    let mut out = Vec::new();
    let mut i = 0;
    while i < terms.len() {
        let Some((n, group)) = thesaurus.longest_prefix(&terms[i..]) else {
            i += 1;
            continue;
        };
        let found = terms[i..i + n].join(" ");
        let related = group
            .iter()
            .filter(|name| crate::analysis::terms(&mut exact, name) != terms[i..i + n])
            .cloned()
            .collect();
        out.push(Expansion { found, related, weight: WEIGHT });
        i += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis;

    fn terms(s: &str) -> Vec<String> {
        let mut exact = AnalysisConfig::default().analyzer(View::Exact);
        analysis::terms(&mut exact, s)
    }

    #[test]
    fn every_row_is_its_own_group() {
        let rows = aliases::parse(BUILT_IN);
        let t = built_in();
        assert_eq!(t.len(), rows.len(), "two rows share an expression and were merged");
        let names: usize = rows.iter().map(Vec::len).sum();
        let kept: usize =
            rows.iter().filter_map(|r| t.group_of(&terms(&r[0]))).map(<[_]>::len).sum();
        assert_eq!(names, kept, "an expression was dropped (empty, too long or repeated)");
    }

    #[test]
    fn related_expressions_find_each_other_both_ways() {
        let t = built_in();
        let group = t.group_of(&terms("ojol")).unwrap();
        assert!(group.iter().any(|n| n == "ojek online"));
        assert!(t.group_of(&terms("ojek daring")).unwrap().iter().any(|n| n == "ojol"));
        let (n, group) = t.longest_prefix(&terms("korban PHK di Riau")).unwrap();
        assert_eq!(n, 2);
        assert!(group.iter().any(|n| n == "terkena PHK"));
        // Words that are not in the thesaurus, and a name that is only an alias, expand nothing.
        assert!(t.group_of(&terms("nelayan")).is_none());
        assert!(t.group_of(&terms("BPJAMSOSTEK")).is_none());
    }

    #[test]
    fn a_text_lists_the_expressions_it_contains() {
        let found = expansions("Pemda menanggung iuran pekerja rentan dan ojol");
        let words: Vec<&str> = found.iter().map(|e| e.found.as_str()).collect();
        assert_eq!(words, ["pemda", "pekerja rentan", "ojol"]);
        assert!(found[2].related.iter().any(|r| r == "ojek online"));
        assert!(!found[2].related.iter().any(|r| r == "ojol"), "not related to itself");
        assert!(found.iter().all(|e| e.weight == WEIGHT));
        assert!(expansions("nelayan di Ambon").is_empty());
    }

    #[test]
    fn every_row_says_where_it_comes_from() {
        for line in BUILT_IN.lines().filter(|l| !l.starts_with('#') && !l.starts_with("name\t")) {
            let note = line.split('\t').nth(2).unwrap_or("");
            assert!(!note.trim().is_empty(), "no note: {line}");
        }
    }
}
