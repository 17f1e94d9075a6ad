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
use crate::extract::{PartialDate, official, program, publisher, region};
use crate::index::{WartaIndex, names};
use crate::search::compile::Match;
use crate::search::facet_spec::FACET_COUNT;

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

/// Which facet a filter value belongs to (its names, field and level:
/// [`crate::search::facet_spec::FACETS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetKind {
    /// `--province`
    Province,
    /// `--city`
    City,
    /// `--official`
    Official,
    /// `--org`
    Org,
    /// `--program`
    Program,
    /// `--source`
    Source,
    /// `--quoted-by`
    Speaker,
}

impl FacetKind {
    /// Every facet, in the order of the JSON contract's `facets` object.
    pub const ALL: [FacetKind; 7] = [
        FacetKind::Province,
        FacetKind::City,
        FacetKind::Official,
        FacetKind::Org,
        FacetKind::Program,
        FacetKind::Source,
        FacetKind::Speaker,
    ];

    /// The facet of a name as the JSON `facets` object and `warta facets --by` spell it
    /// (`province`, …, `speaker`).
    pub fn from_name(name: &str) -> Option<FacetKind> {
        FacetKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The facet of a `field:` prefix, if it names one.
    pub fn from_field(name: &str) -> Option<FacetKind> {
        let spec = crate::search::facet_spec::FACETS.iter().find(|s| s.name == name)?;
        spec.query_prefix.then_some(spec.kind)
    }

    /// Singular name used in messages.
    pub fn name(self) -> &'static str {
        self.spec().name
    }
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
    let f = index.fields();
    match kind.spec().field {
        names::REGION => f.region,
        names::OFFICIAL => f.official,
        names::PROGRAM => f.program,
        names::SOURCE => f.source,
        names::SPEAKER => f.speaker,
        // The facet table names only these fields (its unit test checks it).
        other => unreachable!("facet field {other} has no index field"),
    }
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

/// Resolves one typed value to the facet paths it stands for.
pub fn resolve(index: &WartaIndex, kind: FacetKind, value: &str) -> Result<Vec<Facet>> {
    let value = value.trim();
    match kind {
        FacetKind::Province => match region::resolve_province(value) {
            Some(p) => Ok(vec![Facet::from_path([p.name])]),
            None => Err(unknown(kind, value, region::all_provinces().into_iter().map(|p| p.name))),
        },
        FacetKind::Program => match program::resolve_program(value) {
            Some(code) => Ok(vec![Facet::from_path([code])]),
            None => {
                Err(unknown(kind, value, program::program_codes().into_iter().map(String::from)))
            }
        },
        FacetKind::City => {
            // A real place that no article names simply matches nothing.
            let wanted = region::resolve_city(value).map(|c| c.name);
            indexed(index, kind, value, 1, wanted.is_some(), |city| {
                same(city, value) || wanted.as_deref().is_some_and(|w| same(city, w))
            })
        }
        // A press spelling of a known official finds the registry's spelling.
        FacetKind::Official => {
            let known = index.officials().lookup(value).map(|k| k.name.as_str());
            indexed(index, kind, value, 1, false, |name| {
                name_matches(name, value) || known.is_some_and(|k| same(name, k))
            })
        }
        FacetKind::Org => {
            let canonical = official::resolve_organization(value);
            indexed(index, kind, value, 0, canonical.is_some(), |org| {
                same(org, value) || canonical.as_deref().is_some_and(|c| same(org, c))
            })
        }
        // As for officials: a full name first, else whole words of a name.
        FacetKind::Speaker => {
            let whole = indexed(index, kind, value, 0, true, |name| same(name, value))?;
            if !whole.is_empty() {
                return Ok(whole);
            }
            indexed(index, kind, value, 0, false, |name| name_matches(name, value))
        }
        // A publisher as stored wins; otherwise "liputan6" finds "Liputan6.com",
        // and any spelling in the outlets table ("Lampost", "POS-KUPANG.COM")
        // finds its display name.
        FacetKind::Source => {
            let whole = indexed(index, kind, value, 0, true, |s| same(s, value))?;
            if !whole.is_empty() {
                return Ok(whole);
            }
            let key = publisher::publisher_identity(value);
            let display = publisher::publisher(value).map(publisher::publisher_identity);
            indexed(index, kind, value, 0, false, |s| {
                let id = publisher::publisher_identity(s);
                (!key.is_empty() && id == key) || display.as_ref().is_some_and(|d| *d == id)
            })
        }
    }
}

/// The facet paths of `kind` indexed at `depth` (0 = top level) whose last
/// segment satisfies `wanted`. No match is an "unknown value" error listing
/// the closest indexed values, unless `known_elsewhere` says the value is a
/// real one that merely occurs in no article.
fn indexed(
    index: &WartaIndex,
    kind: FacetKind,
    value: &str,
    depth: usize,
    known_elsewhere: bool,
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<Facet>> {
    let all = index.facet_values(field_of(index, kind))?;
    let at_depth = || all.iter().filter(|f| f.to_path().len() == depth + 1);
    let found: Vec<Facet> = at_depth().filter(|f| wanted(f.to_path()[depth])).cloned().collect();
    if found.is_empty() && !known_elsewhere {
        // A city is suggested with its province: "Kupang (in Nusa Tenggara
        // Timur)" for a district elsewhere tells the reader it is another place.
        let names = at_depth().map(|f| {
            let path = f.to_path();
            match (kind, path.as_slice()) {
                (FacetKind::City, [province, city]) => format!("{city} (in {province})"),
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
