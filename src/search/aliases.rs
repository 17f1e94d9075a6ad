//! Aliases and acronyms, expanded at query time so that either side finds
//! the other: `BPJAMSOSTEK` also searches "BPJS Ketenagakerjaan", `JHT`
//! also "jaminan hari tua", `Jatim` also "Jawa Timur", and the other way
//! round. Multi-word names are searched as phrases.
//!
//! The groups come from `aliases.tsv` beside this file, from the province
//! gazetteer (every province's name, abbreviations and aliases), and from
//! the user's `--aliases FILE` in the same format. Expanding at query time
//! keeps the index free of synonyms, so a new alias file works without
//! re-indexing.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use tantivy::tokenizer::TextAnalyzer;

use crate::analysis;
use crate::error::{Result, UserError};
use crate::extract::region;

const BUILT_IN: &str = include_str!("aliases.tsv");

/// Longest alias, in terms.
const MAX_TERMS: usize = 8;

/// Groups of equivalent names, indexed by their exact-view terms.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    /// Each group: its names as written.
    groups: Vec<Vec<String>>,
    /// Exact terms of a name → (group, name index).
    by_terms: HashMap<Vec<String>, usize>,
}

/// The parsed built-in table (without province groups).
static BUILT_IN_GROUPS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| parse(BUILT_IN));

/// Parses the TSV format: `name<TAB>aliases|…[<TAB>note]`, `#` comments, an
/// optional header line starting with `name`.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("name\t"))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let name = cols.next()?.trim();
            let aliases = cols.next().unwrap_or("");
            let group: Vec<String> = std::iter::once(name)
                .chain(aliases.split('|').map(str::trim))
                .filter(|n| !n.is_empty())
                .map(str::to_string)
                .collect();
            (group.len() >= 2).then_some(group)
        })
        .collect()
}

/// The built-in and province groups, built once per process (the exact view
/// they are keyed by has no per-index settings).
static SHARED: std::sync::LazyLock<std::sync::Arc<Aliases>> = std::sync::LazyLock::new(|| {
    let mut exact =
        crate::analysis::AnalysisConfig::default().analyzer(crate::analysis::View::Exact);
    // Without a user file, loading cannot fail.
    std::sync::Arc::new(
        Aliases::load(None, &mut exact)
            .unwrap_or_else(|_| Aliases::from_groups(Vec::new(), &mut exact)),
    )
});

impl Aliases {
    /// The built-in groups and the user's file if given; without a file, the
    /// shared built-in table.
    pub fn shared(
        user_file: Option<&Path>,
        exact: &mut TextAnalyzer,
    ) -> Result<std::sync::Arc<Aliases>> {
        match user_file {
            None => Ok(SHARED.clone()),
            Some(_) => Ok(std::sync::Arc::new(Self::load(user_file, exact)?)),
        }
    }

    /// The built-in groups, province groups, and the user's file if given.
    pub fn load(user_file: Option<&Path>, exact: &mut TextAnalyzer) -> Result<Aliases> {
        let mut groups: Vec<Vec<String>> = BUILT_IN_GROUPS.clone();
        groups.extend(
            region::province_name_groups()
                .into_iter()
                .map(|g| g.into_iter().map(str::to_string).collect()),
        );
        if let Some(path) = user_file {
            let text =
                crate::input::read_text(path, crate::input::TABLE_LIMIT).map_err(|source| {
                    UserError::InputFile {
                        what: "--aliases file",
                        path: path.to_path_buf(),
                        source,
                    }
                })?;
            let user = parse(&text);
            if user.is_empty() {
                return Err(UserError::AliasFile {
                    path: path.to_path_buf(),
                    reason: "no alias group found (expected `name<TAB>alias|alias…` lines)".into(),
                }
                .into());
            }
            groups.extend(user);
        }
        Ok(Self::from_groups(groups, exact))
    }

    /// Builds the lookup. When a name appears in two groups, the groups merge.
    pub fn from_groups(groups: Vec<Vec<String>>, exact: &mut TextAnalyzer) -> Aliases {
        let mut merged: Vec<Vec<String>> = Vec::new();
        let mut by_terms: HashMap<Vec<String>, usize> = HashMap::new();
        for group in groups {
            let keys: Vec<Vec<String>> = group.iter().map(|n| analysis::terms(exact, n)).collect();
            let existing = keys.iter().find_map(|k| by_terms.get(k).copied());
            let target = existing.unwrap_or_else(|| {
                merged.push(Vec::new());
                merged.len() - 1
            });
            for (name, key) in group.into_iter().zip(keys) {
                if key.is_empty() || key.len() > MAX_TERMS || by_terms.contains_key(&key) {
                    continue;
                }
                by_terms.insert(key, target);
                merged[target].push(name);
            }
        }
        Aliases { groups: merged, by_terms }
    }

    /// The group whose name has exactly these exact-view terms.
    pub fn group_of(&self, terms: &[String]) -> Option<&[String]> {
        self.by_terms.get(terms).map(|&g| self.groups[g].as_slice())
    }

    /// The longest alias starting at `terms[0]`: its length in terms and its group.
    pub fn longest_prefix(&self, terms: &[String]) -> Option<(usize, &[String])> {
        (1..=terms.len().min(MAX_TERMS))
            .rev()
            .find_map(|n| self.group_of(&terms[..n]).map(|g| (n, g)))
    }

    /// Every group, each its names as written (merged where they share a name).
    pub fn groups(&self) -> &[Vec<String>] {
        &self.groups
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there are no groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalysisConfig, View};

    fn aliases() -> Aliases {
        let mut exact = AnalysisConfig::default().analyzer(View::Exact);
        Aliases::load(None, &mut exact).unwrap()
    }

    fn terms(s: &str) -> Vec<String> {
        let mut exact = AnalysisConfig::default().analyzer(View::Exact);
        analysis::terms(&mut exact, s)
    }

    #[test]
    fn agency_names_and_acronyms_share_a_group() {
        let a = aliases();
        let group = a.group_of(&terms("BPJAMSOSTEK")).unwrap();
        assert!(group.iter().any(|n| n == "BPJS Ketenagakerjaan"));
        assert_eq!(a.group_of(&terms("bpjs ketenagakerjaan")), Some(group));
        assert_eq!(a.group_of(&terms("BPJS TK")), Some(group));
    }

    #[test]
    fn bpjs_kesehatan_is_never_folded_in() {
        let a = aliases();
        let kes = a.group_of(&terms("BPJS Kesehatan")).unwrap();
        assert!(!kes.iter().any(|n| n.contains("Ketenagakerjaan") || n == "BPJAMSOSTEK"));
        assert!(a.group_of(&terms("BPJS")).is_none());
    }

    #[test]
    fn all_38_provinces_have_their_abbreviations() {
        let a = aliases();
        for (abbr, name) in [
            ("Jatim", "Jawa Timur"),
            ("Sumut", "Sumatera Utara"),
            ("NTB", "Nusa Tenggara Barat"),
            ("DIY", "Daerah Istimewa Yogyakarta"),
            ("Kalteng", "Kalimantan Tengah"),
        ] {
            let g = a.group_of(&terms(abbr)).unwrap_or_else(|| panic!("{abbr}"));
            assert!(g.iter().any(|n| n == name), "{abbr}: {g:?}");
        }
        assert!(a.len() >= 38 + 20);
    }

    #[test]
    fn programme_acronyms_and_names() {
        let a = aliases();
        for (code, name) in [
            ("JKK", "jaminan kecelakaan kerja"),
            ("JHT", "jaminan hari tua"),
            ("JKP", "jaminan kehilangan pekerjaan"),
        ] {
            assert_eq!(a.group_of(&terms(code)), a.group_of(&terms(name)), "{code}");
            assert!(a.group_of(&terms(code)).is_some());
        }
    }

    #[test]
    fn the_longest_alias_wins() {
        let a = aliases();
        let t = terms("bukan penerima upah sektor");
        let (n, group) = a.longest_prefix(&t).unwrap();
        assert_eq!(n, 3);
        assert!(group.iter().any(|g| g == "BPU"));
    }

    #[test]
    fn user_files_add_and_merge_groups() {
        let mut exact = AnalysisConfig::default().analyzer(View::Exact);
        let mut groups = parse(BUILT_IN);
        groups
            .extend(parse("# mine\nBPJAMSOSTEK\tBPJS-TK Jamsos\nojol\tojek online|ojek daring\n"));
        let a = Aliases::from_groups(groups, &mut exact);
        let g = a.group_of(&terms("ojek daring")).unwrap();
        assert_eq!(g, ["ojol", "ojek online", "ojek daring"]);
        let bpjs = a.group_of(&terms("BPJS-TK Jamsos")).unwrap();
        assert!(bpjs.iter().any(|n| n == "BPJS Ketenagakerjaan"), "merged into the built-in group");
    }

    #[test]
    fn rows_without_aliases_are_ignored() {
        assert!(parse("lonely\t\tnote\n").is_empty());
    }
}
