//! Filter values as researchers type them (`--province Jatim`,
//! `--official Zainudin`, `--program "jaminan hari tua"`) resolved to the
//! facet paths stored in the index.
//!
//! Within one facet the values are ORed, across facets ANDed. A value that
//! warta's tables know (the gazetteer, the programmes, the organisations,
//! the publishers, the index's registry of officials) but no article of the
//! index names matches nothing, with a note ([`absent_notes`]). A value
//! nothing knows is an error with suggestions, not a silent empty result: a
//! typo should not look like "no coverage".

use tantivy::Term;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};

use crate::error::{Result, UserError};
use crate::extract::PartialDate;
use crate::index::WartaIndex;
pub use crate::index::facet_spec::FacetKind;
pub use crate::index::facet_spec::name_matches;
use crate::index::facet_spec::{FACET_COUNT, Known, Level, Resolve};
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
        Ok(self.resolved(index)?.0)
    }

    /// Each value resolved once: one clause per facet that has values (each
    /// an OR of its values), and the notes on values warta knows that no
    /// article of the index names (`no article in this index names the
    /// source "detik.com"; nothing can match this filter`). A value nothing
    /// knows is an error, as in [`resolve`].
    pub fn resolved(&self, index: &WartaIndex) -> Result<Resolved> {
        let (mut clauses, mut notes) = (Vec::new(), Vec::new());
        for (kind, values) in self.named() {
            if values.is_empty() {
                continue;
            }
            let mut facets = Vec::new();
            for v in values {
                let found = resolve(index, kind, v)?;
                if found.is_empty() {
                    notes.push(format!(
                        "no article in this index names the {} {}; nothing can match this filter",
                        kind.name(),
                        quoted(v.trim())
                    ));
                }
                facets.extend(found);
            }
            clauses.push(facet_query(field_of(index, kind), &facets));
        }
        notes.dedup();
        Ok((clauses, notes))
    }
}

/// The filters' clauses, one per facet with values, and the notes on the
/// values no article names ([`Filters::resolved`]).
pub type Resolved = (Vec<Box<dyn Query>>, Vec<String>);

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
/// strategy its row of the facet table names. A value warta's tables know
/// ([`Resolve::known`]) that no article of the index names gives no paths
/// (it matches nothing: [`absent_notes`] says so); a value nothing knows is
/// an error naming the filter, with the closest values.
pub fn resolve(index: &WartaIndex, kind: FacetKind, value: &str) -> Result<Vec<Facet>> {
    let value = value.trim();
    let found = indexed(index, kind, value)?;
    if found.is_empty() && kind.spec().resolve.known(index.officials(), value).is_none() {
        return Err(unknown(index, kind, value)?);
    }
    Ok(found)
}

/// The notes on filter values warta knows that no article of the index
/// names ([`Filters::resolved`]), for a command that does not search.
pub fn absent_notes(index: &WartaIndex, filters: &Filters) -> Result<Vec<String>> {
    Ok(filters.resolved(index)?.1)
}

/// A value between quote marks it does not contain.
fn quoted(value: &str) -> String {
    match value.contains('"') {
        false => format!("\"{value}\""),
        true => format!("'{value}'"),
    }
}

/// The level of a facet path a row counts, as an index into the path.
fn depth(kind: FacetKind) -> usize {
    match kind.spec().level {
        Level::Top => 0,
        Level::Leaf => 1,
    }
}

/// The facet paths of `kind` indexed at its level whose value there the
/// typed one stands for, by its row's strategy.
fn indexed(index: &WartaIndex, kind: FacetKind, value: &str) -> Result<Vec<Facet>> {
    let depth = depth(kind);
    let all = index.facet_values(field_of(index, kind))?;
    let select = |wanted: &dyn Fn(&str) -> bool| -> Vec<Facet> {
        let at_depth = all.iter().filter(|f| f.to_path().len() == depth + 1);
        at_depth.filter(|f| wanted(f.to_path()[depth])).cloned().collect()
    };
    Ok(match kind.spec().resolve {
        Resolve::Listed { find, .. } => match find(value) {
            Some(stored) => select(&|v| same(v, &stored)),
            None => Vec::new(),
        },
        Resolve::Spelled { canonical, .. } => {
            let wanted = canonical(value).map(|k| k.name);
            select(&|v| same(v, value) || wanted.as_deref().is_some_and(|w| same(v, w)))
        }
        Resolve::Name { whole_first, registry } => {
            if whole_first {
                let whole = select(&|name| same(name, value));
                if !whole.is_empty() {
                    return Ok(whole);
                }
            }
            // A press spelling of a known official finds the registry's spelling.
            let officials = index.officials();
            let known =
                if registry { officials.lookup(value).map(|k| k.name.as_str()) } else { None };
            select(&|name| name_matches(name, value) || known.is_some_and(|k| same(name, k)))
        }
        Resolve::Keyed { key, display } => {
            let whole = select(&|s| same(s, value));
            if !whole.is_empty() {
                return Ok(whole);
            }
            let wanted = key(value);
            let display = display(value).map(|d| key(&d));
            select(&|s| {
                let id = key(s);
                (!wanted.is_empty() && id == wanted) || display.as_ref().is_some_and(|d| *d == id)
            })
        }
    })
}

/// Case- and space-insensitive equality.
fn same(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

/// The error for a value no table of warta knows and no article names.
/// When another facet's table knows it, the error says which filter to use
/// (`Jakarta is a province (Daerah Khusus Ibukota Jakarta): use --province
/// Jakarta`);
/// otherwise it suggests the closest values (a fixed list's, or the
/// indexed ones: a city with its province) and says how to list them all.
fn unknown(index: &WartaIndex, kind: FacetKind, value: &str) -> Result<crate::error::Error> {
    let spec = kind.spec();
    let elsewhere = FacetKind::ALL.into_iter().filter(|k| *k != kind && k.spec().shared);
    for other in elsewhere {
        if let Some(known) = other.spec().resolve.known(index.officials(), value) {
            return Ok(unknown_error(
                kind,
                value,
                Vec::new(),
                Some(use_instead(other, value, &known)),
            ));
        }
    }
    if let Resolve::Listed { all, .. } = spec.resolve {
        let hint = spec.hint.map(|hint| hint());
        return Ok(unknown_error(kind, value, closest(value, all().into_iter()), hint));
    }
    let depth = depth(kind);
    let parent = matches!(spec.resolve, Resolve::Spelled { parent: true, .. });
    let all = index.facet_values(field_of(index, kind))?;
    let at_depth: Vec<&Facet> = all.iter().filter(|f| f.to_path().len() == depth + 1).collect();
    // A city is suggested with its province: "Kupang (in Nusa Tenggara
    // Timur)" for a district elsewhere tells the reader it is another place.
    let names = at_depth.iter().map(|f| {
        let path = f.to_path();
        match path.as_slice() {
            [province, value] if parent => format!("{value} (in {province})"),
            _ => path[depth].to_string(),
        }
    });
    let hint = match at_depth.len() {
        0 => format!("no article in this index names any {}", kind.name()),
        n => format!(
            "`warta facets --by {name} --top {n}` lists every {name} value in the index",
            name = kind.name()
        ),
    };
    Ok(unknown_error(kind, value, closest(value, names), Some(spec.hint.map_or(hint, |h| h()))))
}

/// "DKI is a province (Daerah Khusus Ibukota Jakarta): use --province DKI",
/// "Surabaya is a city in Jawa Timur: use --city Surabaya".
fn use_instead(other: FacetKind, value: &str, known: &Known) -> String {
    let name = other.name();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    let mut what = format!("{value} is {article} {name}");
    if !same(&known.name, value) {
        what.push_str(&format!(" ({})", known.name));
    }
    if let Some(parent) = &known.parent {
        what.push_str(&format!(" in {parent}"));
    }
    let typed = if value.contains(char::is_whitespace) { quoted(value) } else { value.to_string() };
    format!("{what}: use --{} {typed}", other.spec().filter)
}

/// The "unknown value" error.
fn unknown_error(
    kind: FacetKind,
    value: &str,
    suggestions: Vec<String>,
    hint: Option<String>,
) -> crate::error::Error {
    UserError::UnknownFacetValue { facet: kind.name(), value: value.to_string(), suggestions, hint }
        .into()
}

/// Up to three candidates close to `value`.
fn closest(value: &str, candidates: impl Iterator<Item = String>) -> Vec<String> {
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
    scored.into_iter().take(3).map(|(_, c)| c).collect()
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
        let codes = ["JHT", "JKK", "JP"].into_iter().map(String::from);
        assert_eq!(closest("JHTT", codes), ["JHT"]);
    }
}

#[cfg(test)]
mod known_value_tests {
    use crate::index::WartaIndex;
    use crate::search::{SearchRequest, search};

    use super::*;

    /// One fictional article from Sleman (DIY) by ANTARA, naming a regent.
    fn sleman() -> (tempfile::TempDir, WartaIndex) {
        let line = serde_json::json!({
            "title": "Pekerja rentan Sleman didaftarkan",
            "source": "ANTARA",
            "text": "Sleman - Bupati Sleman Ratna Dewi Kusumawati meminta pekerja rentan \
                     didaftarkan dalam program JKK dan JKM. \"Kami tanggung iurannya,\" kata Ratna."
        });
        crate::test_support::index_of_jsonl(&format!("{line}\n"))
    }

    fn message(index: &WartaIndex, kind: FacetKind, value: &str) -> String {
        resolve(index, kind, value).map_or_else(|e| e.to_string(), |f| format!("resolved: {f:?}"))
    }

    /// What warta's tables know but no article names matches nothing, for
    /// every facet with a table, and the notes say so by filter and value.
    #[test]
    fn known_values_no_article_names_match_nothing_with_a_note() {
        let (_dir, index) = sleman();
        let absent = [
            (FacetKind::Province, "Papua Barat Daya"),
            (FacetKind::City, "Surabaya"),
            (FacetKind::Official, "Anggoro"),
            (FacetKind::Org, "Kemenkes"),
            (FacetKind::Program, "JHT"),
            (FacetKind::Source, "detik.com"),
            (FacetKind::Source, "detikNews"),
        ];
        let mut filters = Filters::default();
        for (kind, value) in absent {
            assert_eq!(resolve(&index, kind, value).unwrap(), [], "{kind:?} {value}");
            filters.values_mut(kind).push(value.into());
        }
        let notes = absent_notes(&index, &filters).unwrap();
        assert_eq!(notes.len(), absent.len(), "{notes:?}");
        assert_eq!(
            notes[5],
            "no article in this index names the source \"detik.com\"; nothing can match this filter"
        );
        for (kind, value) in [(FacetKind::Province, "DIY"), (FacetKind::Program, "jkk")] {
            assert_eq!(resolve(&index, kind, value).unwrap().len(), 1, "{kind:?} {value}");
        }
        assert!(
            absent_notes(&index, &Filters::only(FacetKind::Source, ["antara".into()]))
                .unwrap()
                .is_empty()
        );
        // A search answers with no hit and the notes.
        let mut req = SearchRequest::new("*");
        req.filters = Filters::only(FacetKind::Source, ["detik.com".into()]);
        let response = search(&index, &req).unwrap();
        assert_eq!((response.total, response.filter_notes.len()), (0, 1));
    }

    /// A value of another facet names the filter to use; a value nothing
    /// knows suggests close values or the command that lists them all.
    #[test]
    fn unknown_values_name_the_filter_that_knows_them() {
        let (_dir, index) = sleman();
        let city = message(&index, FacetKind::City, "Jakarta");
        assert!(
            city.contains(
                "Jakarta is a province (Daerah Khusus Ibukota Jakarta): use --province Jakarta"
            ),
            "{city}"
        );
        let dki = message(&index, FacetKind::City, "DKI");
        assert!(dki.contains("use --province DKI") && !dki.contains("did you mean"), "{dki}");
        let province = message(&index, FacetKind::Province, "Surabaya");
        assert!(
            province.ends_with("Surabaya is a city in Jawa Timur: use --city Surabaya"),
            "{province}"
        );
        let spaced = message(&index, FacetKind::Program, "Jawa Timur");
        assert!(spaced.ends_with("use --province \"Jawa Timur\""), "{spaced}");
        let source = message(&index, FacetKind::Source, "nosuch.example");
        assert!(
            source.ends_with(
                "`warta facets --by source --top 1` lists every source value in the index"
            ),
            "{source}"
        );
        let typo = message(&index, FacetKind::City, "Slemann");
        assert!(typo.contains("did you mean Sleman (in Daerah Istimewa Yogyakarta)?"), "{typo}");
        let nobody = message(&index, FacetKind::Speaker, "Zzyzx");
        assert!(nobody.starts_with("unknown speaker `Zzyzx`"), "{nobody}");
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
