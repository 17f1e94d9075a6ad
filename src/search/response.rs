//! The serde types `search` returns: the `--json` contract of the README.
//! The CLI renders them; nothing here prints.

use serde::{Deserialize, Serialize};

use crate::extract::{Official, PartialDate, ProvinceRef};
use crate::search::compile::Match;
use crate::search::facet_spec::{FACET_COUNT, FACETS, FacetSpec, Shown};
use crate::search::filters::FacetKind;
use crate::search::snippet::Snippet;

/// The answer to one search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    /// The query as given.
    pub query: String,
    /// Which articles the words select (`--match`: all, most or any of
    /// them): `total`, `facets` and exports count this set.
    #[serde(rename = "match", default)]
    pub matching: Match,
    /// Number of matching articles (all of them, not just this page): the
    /// set `facets`, timelines and exports count.
    pub total: usize,
    /// When the page reaches the last counted article (or past it): how many
    /// further articles have only some of the words. Their hits follow the counted
    /// ones, marked `"counted": false`; they are in no count.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub partial: Option<usize>,
    /// The requested page of hits, best first (or newest first).
    pub hits: Vec<Hit>,
    /// Counts per facet value over all matching articles.
    pub facets: Facets,
    /// How the query was read (only with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub explain: Option<Explanation>,
    /// Notes on filter values warta knows that no article of the index
    /// names, each matching nothing ([`crate::search::filters::absent_notes`]);
    /// the JSON envelope lists them with the query's notes.
    #[serde(skip)]
    pub filter_notes: Vec<String>,
}

/// How a query was parsed, analysed and expanded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The parsed query, fully parenthesised.
    pub parsed: String,
    /// For each word or phrase: its terms in each view, and alias expansions.
    pub terms: Vec<String>,
    /// The filters applied.
    pub filters: Vec<String>,
}

/// What a hit, `warta show` and `warta extract` say of an article beyond
/// its id and text: one struct, flattened into [`Hit`] and [`ArticleView`]
/// (`#[serde(flatten)]`), so their field names and meanings cannot drift.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Publication date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<PartialDate>,
    /// Where the date came from: `header`, `field`, `dateline`, `body` (an
    /// event date in the text, used when the page gives no publication date),
    /// `copyright`.
    pub date_source: Option<crate::extract::page::DateSource>,
    /// What the date stands for: `published`, `dateline`, `event`, `copyright`.
    pub date_basis: Option<crate::extract::page::DateBasis>,
    /// How much of the date is known: `day`, `month`, `year`.
    pub date_precision: Option<crate::extract::DatePrecision>,
    /// Provinces with their two-digit codes.
    pub provinces: Vec<ProvinceRef>,
    /// Regencies, cities and towns.
    pub cities: Vec<String>,
    /// Officials with role and organisation.
    pub officials: Vec<Official>,
    /// Programme codes.
    pub programs: Vec<String>,
    /// Money, counts and percentages of the article, normalised.
    pub figures: Vec<crate::extract::figures::Figure>,
    /// What people said in the article, with the speaker.
    pub quotes: Vec<crate::extract::quote::Quote>,
    /// Dateline city, when the page has one.
    pub dateline: Option<String>,
    /// Page address, when the input gives one.
    pub url: Option<String>,
    /// The values of the facets the table shows from their rows
    /// ([`Shown::Values`]): one key per such facet, after the keys above.
    #[serde(flatten)]
    pub facet_values: FacetValues,
}

/// An article's values of each facet shown as [`Shown::Values`], by facet
/// name, in the table's order: in JSON, one key per such facet holding a
/// list of strings (none while every row is [`Shown::Own`]). Flattened into
/// [`ArticleMeta`]; reading JSON takes the keys that name such a row (a
/// missing one is an empty list) and passes over any other.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FacetValues(Vec<(&'static str, Vec<String>)>);

impl FacetValues {
    /// An article's values of every row of `rows` shown as [`Shown::Values`].
    pub fn of(rows: &[FacetSpec], article: &crate::extract::Article) -> FacetValues {
        FacetValues(
            rows.iter()
                .filter(|s| s.shown == Shown::Values)
                .map(|s| (s.name, s.values(article)))
                .collect(),
        )
    }

    /// The values of the facet named `name`, if it is shown from its row.
    pub fn get(&self, name: &str) -> Option<&[String]> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_slice())
    }

    /// Each facet's name and values, in the table's order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &[String])> {
        self.0.iter().map(|(n, v)| (*n, v.as_slice()))
    }
}

impl FromIterator<(&'static str, Vec<String>)> for FacetValues {
    fn from_iter<I: IntoIterator<Item = (&'static str, Vec<String>)>>(pairs: I) -> FacetValues {
        FacetValues(pairs.into_iter().collect())
    }
}

impl Serialize for FacetValues {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, values) in &self.0 {
            map.serialize_entry(name, values)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for FacetValues {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FacetValues, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = FacetValues;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("facet values by facet name")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<FacetValues, A::Error> {
                let mut values = FacetValues::of(FACETS, &crate::extract::Article::default());
                while let Some(key) = map.next_key::<String>()? {
                    match values.0.iter_mut().find(|(name, _)| *name == key) {
                        Some((_, list)) => *list = map.next_value()?,
                        None => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(values)
            }
        }
        d.deserialize_map(Visitor)
    }
}

impl ArticleMeta {
    /// The people quoted (the `speaker` facet's values), each once, in the
    /// order they are first quoted.
    pub fn speakers(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for q in &self.quotes {
            if !q.speaker.is_empty() && !seen.contains(&q.speaker.as_str()) {
                seen.push(&q.speaker);
            }
        }
        seen
    }

    /// The metadata of an extracted article, moved out of it (its body,
    /// byline and offices stay).
    pub fn take(a: &mut crate::extract::Article) -> ArticleMeta {
        use std::mem::take;
        let facet_values = FacetValues::of(FACETS, a);
        ArticleMeta {
            title: take(&mut a.title),
            source: take(&mut a.source),
            date: a.date,
            date_source: a.date_source,
            date_basis: a.date_source.map(|s| s.basis()),
            date_precision: a.date.map(|d| d.precision()),
            provinces: take(&mut a.provinces),
            cities: take(&mut a.cities).into_iter().map(|c| c.name).collect(),
            officials: take(&mut a.officials),
            programs: take(&mut a.programs),
            figures: take(&mut a.figures),
            quotes: take(&mut a.quotes),
            dateline: take(&mut a.dateline),
            url: take(&mut a.url),
            facet_values,
        }
    }
}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Stable id: the path relative to the corpus root (`#N` for the N-th
    /// article of a JSON Lines file or JSON array).
    pub id: String,
    /// The file, relative to the corpus root.
    pub path: String,
    /// BM25 relevance (title boosted).
    pub score: f32,
    /// The article's metadata (title, source, date, places, officials …).
    #[serde(flatten)]
    pub meta: ArticleMeta,
    /// Best fragments of the body with highlight ranges.
    pub snippets: Vec<Snippet>,
    /// The id of the article this one is a syndicated copy of (the earliest
    /// copy of the story); `null` for that article itself and for stories
    /// with a single copy.
    #[serde(default)]
    pub duplicate_of: Option<String>,
    /// How many other articles carry the same story (0 when none).
    #[serde(default)]
    pub copies: usize,
    /// Whether the article is counted in `total` (false for an article with
    /// only some of the words, listed after the counted ones).
    #[serde(default = "counted_default")]
    pub counted: bool,
}

fn counted_default() -> bool {
    true
}

/// Facet counts over the matching articles: for each facet, values by
/// descending count. Every `value` can be passed back as the filter of the
/// same name (`--province`, `--city`, …).
///
/// One list per row of the facet table ([`FACETS`]); JSON: an object with
/// one key per facet, in the table's order (`{"province": [...], "city":
/// [...], …, "speaker": [...]}`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facets {
    lists: [Vec<FacetCount>; FACET_COUNT],
    /// Per facet, in the table's order: values with a count that the top-N
    /// cut left out (not serialised here; the CLI reports it).
    pub more: [u64; FACET_COUNT],
}

impl Facets {
    /// The counts of one facet.
    pub fn of(&self, kind: FacetKind) -> &Vec<FacetCount> {
        &self.lists[kind.index()]
    }

    /// The counts of one facet, to fill.
    pub fn of_mut(&mut self, kind: FacetKind) -> &mut Vec<FacetCount> {
        &mut self.lists[kind.index()]
    }

    /// Each facet's counts with its name, in the table's order.
    pub fn named(&self) -> impl Iterator<Item = (&'static str, &Vec<FacetCount>)> {
        FACETS.iter().zip(&self.lists).map(|(spec, list)| (spec.name, list))
    }
}

impl Serialize for Facets {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(FACET_COUNT))?;
        for (name, list) in self.named() {
            map.serialize_entry(name, list)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Facets {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Facets, D::Error> {
        use serde::de::Error;
        let mut by_name = std::collections::HashMap::<String, Vec<FacetCount>>::deserialize(d)?;
        let mut facets = Facets::default();
        for spec in FACETS {
            let list =
                by_name.remove(spec.name).ok_or_else(|| D::Error::missing_field(spec.name))?;
            *facets.of_mut(spec.kind) = list;
        }
        Ok(facets)
    }
}

/// How many matching articles carry one facet value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value, usable as a filter.
    pub value: String,
    /// Matching articles with it.
    pub count: u64,
}

/// One article with all its metadata and its body: what `warta show --json`
/// and `warta extract --json` print. Same field names as a [`Hit`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    /// Stable id (absent for `extract`, which reads a file outside any index).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The file (relative to the corpus root for indexed articles).
    pub path: String,
    /// The article's metadata, as in a hit.
    #[serde(flatten)]
    pub meta: ArticleMeta,
    /// Reporter/editor credits.
    pub byline: Vec<crate::extract::Credit>,
    /// BPJS Ketenagakerjaan regional offices named (the `org` facet).
    pub offices: Vec<String>,
    /// Clean body.
    pub body: String,
}

impl ArticleView {
    /// The view of an extracted article.
    pub fn new(id: Option<String>, path: String, mut a: crate::extract::Article) -> Self {
        let meta = ArticleMeta::take(&mut a);
        ArticleView { id, path, meta, byline: a.byline, offices: a.offices, body: a.body }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON keys of a hit and an article view: the metadata flattened in,
    /// under the same names in both.
    #[test]
    fn hits_and_articles_share_their_metadata_keys_and_round_trip() {
        let article = crate::extract::extract(&crate::extract::RawArticle::Plain(
            "Klaim JHT naik\n\nMedan (ANTARA) - Kepala Dinas Tenaga Kerja Kota Medan, \
             Budi Hartono, mengatakan klaim JHT naik."
                .into(),
        ));
        let view = ArticleView::new(Some("a.txt".into()), "a.txt".into(), article);
        let hit = Hit {
            id: "a.txt".into(),
            path: "a.txt".into(),
            score: 1.5,
            meta: view.meta.clone(),
            snippets: Vec::new(),
            duplicate_of: None,
            copies: 0,
            counted: true,
        };
        let keys = |v: serde_json::Value| -> Vec<String> {
            let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            k.sort();
            k
        };
        let meta = [
            "cities",
            "date",
            "date_basis",
            "date_precision",
            "date_source",
            "dateline",
            "figures",
            "officials",
            "programs",
            "provinces",
            "quotes",
            "source",
            "title",
            "url",
        ];
        // Then one key per facet shown from its row.
        let shown = FACETS.iter().filter(|s| s.shown == Shown::Values).map(|s| s.name);
        let meta: Vec<&str> = meta.into_iter().chain(shown).collect();
        let mut want_hit: Vec<String> =
            ["copies", "counted", "duplicate_of", "id", "path", "score", "snippets"]
                .iter()
                .chain(&meta)
                .map(|s| s.to_string())
                .collect();
        want_hit.sort();
        assert_eq!(keys(serde_json::to_value(&hit).unwrap()), want_hit);
        let mut want_view: Vec<String> = ["body", "byline", "id", "offices", "path"]
            .iter()
            .chain(&meta)
            .map(|s| s.to_string())
            .collect();
        want_view.sort();
        assert_eq!(keys(serde_json::to_value(&view).unwrap()), want_view);
        assert_eq!(view.meta.cities, ["Medan"]);
        let back: Hit = serde_json::from_str(&serde_json::to_string(&hit).unwrap()).unwrap();
        assert_eq!(back, hit);
        let back: ArticleView =
            serde_json::from_str(&serde_json::to_string(&view).unwrap()).unwrap();
        assert_eq!(back, view);
    }

    /// A facet shown from its row is one more key of a hit, after the
    /// metadata; reading a hit passes over keys no row of the table shows
    /// (such as one an older or newer warta wrote) and gives the facets
    /// shown from their rows empty when their keys are missing.
    #[test]
    fn facets_shown_from_their_rows_are_keys_of_a_hit() {
        let rows = [crate::test_support::credited_row()];
        let mut meta = ArticleMeta {
            facet_values: FacetValues::of(&rows, &crate::test_support::credited_article()),
            ..ArticleMeta::default()
        };
        let hit = Hit {
            id: "a.txt".into(),
            path: "a.txt".into(),
            score: 1.0,
            meta: meta.clone(),
            snippets: Vec::new(),
            duplicate_of: None,
            copies: 0,
            counted: true,
        };
        let json = serde_json::to_string(&hit).unwrap();
        assert!(
            json.contains(r#""url":null,"credited":["Rina Wulandari","Dedi Prasetyo"],"snippets""#),
            "{json}"
        );
        let back: Hit = serde_json::from_str(&json).unwrap();
        meta.facet_values = FacetValues::of(FACETS, &crate::extract::Article::default());
        assert_eq!(back.meta, meta, "the table has no row `credited`");
        let other = json.replace(r#""credited":"#, r#""later":{"x":1},"credited":"#);
        assert_eq!(serde_json::from_str::<Hit>(&other).unwrap().meta, meta);
    }

    /// The JSON of the facet counts: one key per row of the table, in its order.
    #[test]
    fn facets_serialise_in_the_table_order_and_round_trip() {
        let mut facets = Facets::default();
        facets.of_mut(FacetKind::City).push(FacetCount { value: "Medan".into(), count: 2 });
        let json = serde_json::to_string(&facets).unwrap();
        assert_eq!(
            json,
            r#"{"province":[],"city":[{"value":"Medan","count":2}],"official":[],"org":[],"program":[],"source":[],"speaker":[]}"#
        );
        assert_eq!(serde_json::from_str::<Facets>(&json).unwrap(), facets);
        assert!(serde_json::from_str::<Facets>(r#"{"province":[]}"#).is_err());
    }
}
