//! Filter values as researchers type them (`--province Jatim`,
//! `--official Zainudin`, `--program "jaminan hari tua"`) resolved to the
//! facet paths stored in the index.
//!
//! Within one facet the values are ORed, across facets ANDed. A value that
//! matches nothing the index (or the gazetteer) knows is an error with
//! suggestions, not a silent empty result: a typo should not look like
//! "no coverage".

use tantivy::Term;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};

use crate::error::{Result, UserError};
use crate::extract::PartialDate;
use crate::index::WartaIndex;
pub use crate::index::facet_spec::FacetKind;
use crate::index::facet_spec::{FACET_COUNT, Level, Resolve};
use crate::search::compile::Match;

/// The facet filters of a search.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Filters {
    /// The values typed per facet, one list per row of the facet table (at
    /// [`FacetKind::index`]): province names, abbreviations or codes; person
    /// names whole or in part ("Zainudin", "Asep Rahmat"); organisations by
    /// name or alias ("BPJAMSOSTEK"); programme codes or names ("jaminan
    /// hari tua"); publishers ("liputan6") … Read and fill them with
    /// [`Filters::values`] and [`Filters::values_mut`].
    pub facets: [Vec<String>; FACET_COUNT],
    /// Earliest date (start of the year/month/day given).
    pub from: Option<PartialDate>,
    /// Latest date (end of the year/month/day given).
    pub to: Option<PartialDate>,
    /// Which articles the query's words select (`--match`): not a facet,
    /// but part of the selection every command counts.
    #[serde(default)]
    pub matching: Match,
    /// Whether to leave out the thesaurus's related expressions
    /// (`--no-expand`; aliases always apply).
    #[serde(default)]
    pub no_expand: bool,
    /// With a date filter, keep the articles that have no date too.
    pub include_undated: bool,
}

impl Filters {
    /// A date bound as a user types it (`2024`, `2024-06`, `2024-06-30`);
    /// an error names `param` (`from`, `to`).
    pub fn parse_date(param: &'static str, value: &str) -> Result<PartialDate> {
        value.parse().map_err(|source| UserError::BadDate { flag: param, source }.into())
    }

    /// Checks that the dates leave a period: `from` before the end of `to`
    /// (the periods are compared, not the strings: `from 2024-06, to 2024`
    /// is fine).
    pub fn check_dates(&self) -> Result<()> {
        use crate::index::document::{date_time, date_time_after};
        if let (Some(from), Some(to)) = (self.from, self.to)
            && date_time(from) >= date_time_after(to)
        {
            return Err(UserError::DateRange { from: from.to_string(), to: to.to_string() }.into());
        }
        Ok(())
    }

    /// Whether any filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The filters selecting by one facet: `only(FacetKind::City, ["Medan"])`.
    pub fn only(kind: FacetKind, values: impl IntoIterator<Item = String>) -> Filters {
        let mut filters = Filters::default();
        filters.values_mut(kind).extend(values);
        filters
    }

    /// The values of one facet's filter.
    pub fn values(&self, kind: FacetKind) -> &Vec<String> {
        &self.facets[kind.index()]
    }

    /// The values of one facet's filter, to fill.
    pub fn values_mut(&mut self, kind: FacetKind) -> &mut Vec<String> {
        &mut self.facets[kind.index()]
    }

    /// The value lists with their facet, in the facet table's order.
    pub fn named(&self) -> impl Iterator<Item = (FacetKind, &Vec<String>)> {
        FacetKind::ALL.into_iter().zip(&self.facets)
    }

    /// One clause per facet that has values (each an OR of its values).
    pub fn clauses(&self, index: &WartaIndex) -> Result<Vec<Box<dyn Query>>> {
        let mut clauses = Vec::new();
        for (kind, values) in self.named() {
            if values.is_empty() {
                continue;
            }
            let mut facets = Vec::new();
            for v in values {
                facets.extend(resolve(index, kind, v)?);
            }
            clauses.push(facet_query(field_of(index, kind), &facets));
        }
        Ok(clauses)
    }
}

/// The index field a facet kind lives in.
pub fn field_of(index: &WartaIndex, kind: FacetKind) -> Field {
    index.fields().facet(kind)
}

/// A non-scoring query matching documents with any of `facets`.
pub fn facet_query(field: Field, facets: &[Facet]) -> Box<dyn Query> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = facets
        .iter()
        .map(|f| {
            let q: Box<dyn Query> =
                Box::new(TermQuery::new(Term::from_facet(field, f), IndexRecordOption::Basic));
            (Occur::Should, q)
        })
        .collect();
    Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(clauses)), 0.0))
}

/// Resolves one typed value to the facet paths it stands for, by the
/// strategy its row of the facet table names.
pub fn resolve(index: &WartaIndex, kind: FacetKind, value: &str) -> Result<Vec<Facet>> {
    let value = value.trim();
    let spec = kind.spec();
    let depth = match spec.level {
        Level::Top => 0,
        Level::Leaf => 1,
    };
    match spec.resolve {
        Resolve::Listed { find, all } => match find(value) {
            Some(stored) => Ok(vec![Facet::from_path([stored])]),
            None => Err(unknown(kind, value, all().into_iter())),
        },
        // A real value that no article names simply matches nothing.
        Resolve::Spelled { canonical, parent } => {
            let wanted = canonical(value);
            let suggest = Suggest { depth, parent };
            indexed(index, kind, value, suggest, wanted.is_some(), |v| {
                same(v, value) || wanted.as_deref().is_some_and(|w| same(v, w))
            })
        }
        Resolve::Name { whole_first, registry } => {
            let suggest = Suggest { depth, parent: false };
            if whole_first {
                let whole = indexed(index, kind, value, suggest, true, |name| same(name, value))?;
                if !whole.is_empty() {
                    return Ok(whole);
                }
            }
            // A press spelling of a known official finds the registry's spelling.
            let officials = index.officials();
            let known =
                if registry { officials.lookup(value).map(|k| k.name.as_str()) } else { None };
            indexed(index, kind, value, suggest, false, |name| {
                name_matches(name, value) || known.is_some_and(|k| same(name, k))
            })
        }
        Resolve::Keyed { key, display } => {
            let suggest = Suggest { depth, parent: false };
            let whole = indexed(index, kind, value, suggest, true, |s| same(s, value))?;
            if !whole.is_empty() {
                return Ok(whole);
            }
            let wanted = key(value);
            let display = display(value).map(|d| key(&d));
            indexed(index, kind, value, suggest, false, |s| {
                let id = key(s);
                (!wanted.is_empty() && id == wanted) || display.as_ref().is_some_and(|d| *d == id)
            })
        }
    }
}

/// Which indexed values an "unknown value" error suggests: those at `depth`
/// (0 = top level), with their parent when `parent` is set.
#[derive(Clone, Copy)]
struct Suggest {
    depth: usize,
    parent: bool,
}

/// The facet paths of `kind` indexed at `suggest.depth` (0 = top level)
/// whose last segment satisfies `wanted`. No match is an "unknown value" error listing
/// the closest indexed values, unless `known_elsewhere` says the value is a
/// real one that merely occurs in no article.
fn indexed(
    index: &WartaIndex,
    kind: FacetKind,
    value: &str,
    suggest: Suggest,
    known_elsewhere: bool,
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<Facet>> {
    let depth = suggest.depth;
    let all = index.facet_values(field_of(index, kind))?;
    let at_depth = || all.iter().filter(|f| f.to_path().len() == depth + 1);
    let found: Vec<Facet> = at_depth().filter(|f| wanted(f.to_path()[depth])).cloned().collect();
    if found.is_empty() && !known_elsewhere {
        // A city is suggested with its province: "Kupang (in Nusa Tenggara
        // Timur)" for a district elsewhere tells the reader it is another place.
        let names = at_depth().map(|f| {
            let path = f.to_path();
            match path.as_slice() {
                [parent, value] if suggest.parent => format!("{value} (in {parent})"),
                _ => path[depth].to_string(),
            }
        });
        return Err(unknown(kind, value, names));
    }
    Ok(found)
}

/// Case- and space-insensitive equality.
fn same(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

/// Whether the typed words occur, in order and whole, in a stored name:
/// "Zainudin", "Asep", "Rahmat Suwanda" all match "Asep Rahmat Suwanda".
pub fn name_matches(stored: &str, typed: &str) -> bool {
    let stored: Vec<String> = stored.split_whitespace().map(|w| w.to_lowercase()).collect();
    let typed: Vec<String> = typed.split_whitespace().map(|w| w.to_lowercase()).collect();
    !typed.is_empty() && stored.windows(typed.len()).any(|w| w == typed.as_slice())
}

/// The "unknown value" error with up to three close suggestions.
fn unknown(
    kind: FacetKind,
    value: &str,
    candidates: impl Iterator<Item = String>,
) -> crate::error::Error {
    let needle = value.to_lowercase();
    let mut scored: Vec<(usize, String)> = candidates
        .map(|c| {
            let lc = c.to_lowercase();
            let whole = if lc.contains(&needle) || needle.contains(&lc) {
                0
            } else {
                edit_distance(&lc, &needle)
            };
            // "Bambangg" should find "Bambang Wiratmo": compare word by word too.
            let d =
                lc.split_whitespace().map(|w| edit_distance(w, &needle)).fold(whole, usize::min);
            (d, c)
        })
        .filter(|(d, _)| *d <= 2.max(needle.chars().count() / 3))
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    UserError::UnknownFacetValue {
        facet: kind.name(),
        value: value.to_string(),
        suggestions: scored.into_iter().take(3).map(|(_, c)| c).collect(),
        hint: kind.spec().hint.map(|hint| hint()),
    }
    .into()
}

/// Levenshtein distance over chars, capped work for long inputs.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_names_match_whole_words_in_order() {
        assert!(name_matches("Asep Rahmat Suwanda", "asep"));
        assert!(name_matches("Asep Rahmat Suwanda", "Rahmat  Suwanda"));
        assert!(!name_matches("Asep Rahmat Suwanda", "Suwanda Asep"));
        assert!(!name_matches("Asep Rahmat Suwanda", "Ase"));
        assert!(!name_matches("Zainudin", ""));
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("jatim", "jatimm"), 1);
        assert_eq!(edit_distance("zainudin", "zainuddin"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn every_facet_is_found_by_its_name() {
        for kind in FacetKind::ALL {
            assert_eq!(FacetKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(FacetKind::from_name("provinces"), None);
        assert_eq!(FacetKind::from_field("speaker"), None);
    }

    #[test]
    fn unknown_values_suggest_close_candidates() {
        let e =
            unknown(FacetKind::Program, "JHTT", ["JHT", "JKK", "JP"].into_iter().map(String::from));
        assert!(e.to_string().contains("did you mean JHT"), "{e}");
    }
}

#[cfg(test)]
mod per_index_tests {
    use crate::index::WartaIndex;
    use crate::index::analysis::OFFICIALS_FILE;
    use crate::search::{SearchRequest, search};

    use super::*;

    /// Two indexes of the same (fictional) article open in one process, the
    /// second with a registry of officials of its own: each resolves
    /// `--official` with its own registry, whatever was opened before.
    #[test]
    fn two_indexes_in_one_process_each_use_their_own_registry() {
        let line = serde_json::json!({
            "title": "Pekerja rentan Sleman didaftarkan",
            "text": "Sleman - Bupati Sleman Ratna Dewi Kusumawati meminta pekerja rentan \
                     didaftarkan dalam program JKK dan JKM. \"Kami tanggung iurannya,\" kata Ratna."
        });
        let (_a_dir, a) = crate::test_support::index_of_jsonl(&format!("{line}\n"));
        let (_b_dir, b) = crate::test_support::index_of_jsonl(&format!("{line}\n"));
        std::fs::write(
            b.dir().join(OFFICIALS_FILE),
            "Ratna Dewi Kusumawati\tBu Ratna|Ibu Bupati Ratna\tPemkab Sleman\tBupati\n",
        )
        .unwrap();
        let b = WartaIndex::open(b.dir()).unwrap();
        let name = |index: &WartaIndex, value: &str| -> Vec<String> {
            resolve(index, FacetKind::Official, value)
                .unwrap_or_default()
                .iter()
                .map(|f| f.to_path().last().map(|s| s.to_string()).unwrap_or_default())
                .collect()
        };
        // Both know the name as printed.
        assert_eq!(name(&a, "Ratna Dewi Kusumawati"), ["Ratna Dewi Kusumawati"]);
        assert_eq!(name(&b, "Ratna Dewi Kusumawati"), ["Ratna Dewi Kusumawati"]);
        // Only the second index's registry knows the alias; asking the first
        // again after the second changes nothing.
        assert_eq!(name(&b, "Bu Ratna"), ["Ratna Dewi Kusumawati"]);
        assert!(name(&a, "Bu Ratna").is_empty());
        assert_eq!(
            b.officials().lookup("Ibu Bupati Ratna").map(|k| k.name.as_str()),
            Some("Ratna Dewi Kusumawati")
        );
        assert!(a.officials().lookup("Ibu Bupati Ratna").is_none());
        // The search itself: the alias finds the article in the second index only.
        let mut req = SearchRequest::new("*");
        req.filters.values_mut(FacetKind::Official).push("Bu Ratna".into());
        assert_eq!(search(&b, &req).unwrap().total, 1);
        assert!(search(&a, &req).map_or(true, |r| r.total == 0));
        // The stemmer leaves the names of each index's registry whole.
        assert!(b.analysis().protected.contains("kusumawati"));
        assert!(!a.analysis().protected.contains("kusumawati"));
    }
}
