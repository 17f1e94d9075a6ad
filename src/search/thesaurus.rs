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
    fn every_row_says_where_it_comes_from() {
        for line in BUILT_IN.lines().filter(|l| !l.starts_with('#') && !l.starts_with("name\t")) {
            let note = line.split('\t').nth(2).unwrap_or("");
            assert!(!note.trim().is_empty(), "no note: {line}");
        }
    }
}
