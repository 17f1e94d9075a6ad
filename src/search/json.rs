//! The JSON envelopes around the library's answers that `--json` prints and
//! the HTTP API returns: one type per answer, shared, so the two never drift.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::AnalyzedToken;
use crate::search::SearchResponse;

/// `warta search --json` and `GET /api/search`: the response, plus what its
/// counts count and how many undated articles the date filters left out.
#[derive(Serialize)]
pub struct SearchJson<'a> {
    /// The library's answer (its fields first, unchanged).
    #[serde(flatten)]
    pub response: &'a SearchResponse,
    /// `articles`, or `stories` with `--dedup`.
    pub counting: &'static str,
    /// Per facet, the values with a count that the top 10 left out.
    pub facets_more: BTreeMap<&'static str, u64>,
    /// Matching articles without a date that `--from`/`--to` left out.
    pub undated_left_out: u64,
    /// Notes on the query (lower-case `or` between words …), then on the
    /// filter values no article names.
    pub notes: Vec<String>,
}

impl<'a> SearchJson<'a> {
    /// The envelope of `response`; `dedup` says whether stories were
    /// counted, `notes` are those on the query.
    pub fn new(
        response: &'a SearchResponse,
        dedup: bool,
        undated_left_out: u64,
        notes: &'a [String],
    ) -> Self {
        let named = response.facets.named();
        let facets_more = named.zip(response.facets.more).map(|((n, _), m)| (n, m));
        SearchJson {
            response,
            counting: if dedup { "stories" } else { "articles" },
            facets_more: facets_more.collect(),
            undated_left_out,
            notes: notes.iter().chain(&response.filter_notes).cloned().collect(),
        }
    }
}

/// An analytics answer (`facets`, `timeline`) plus how many undated
/// articles the date filters left out.
#[derive(Serialize)]
pub struct WithUndated<'a, T: Serialize> {
    /// The library's answer (its fields first, unchanged).
    #[serde(flatten)]
    pub inner: &'a T,
    /// Matching articles without a date that `--from`/`--to` left out.
    pub undated_left_out: u64,
    /// Notes on the queries (lower-case `or` between words …).
    pub notes: &'a [String],
}

/// The tokens of each view of a text (`warta analyze`, `GET /api/analyze`).
#[derive(Serialize)]
pub struct Views {
    /// Exact view.
    pub exact: Vec<AnalyzedToken>,
    /// Stemmed view.
    pub stemmed: Vec<AnalyzedToken>,
    /// With `--explain`: what a search for the text also finds (the thesaurus).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thesaurus: Option<Thesaurus>,
}

/// The thesaurus expansions of a text, for `warta analyze --explain`.
#[derive(Serialize)]
pub struct Thesaurus {
    /// Whether a search applies them (false with `--no-expand`).
    pub applied: bool,
    /// The expressions found and their relatives.
    pub expansions: Vec<crate::search::thesaurus::Expansion>,
}
