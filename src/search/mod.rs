//! Answering queries: parse, compile, filter, rank, cut snippets, count
//! facets, and return plain serde data ([`SearchResponse`]). Nothing here
//! prints; the CLI renders.
//!
//! ```no_run
//! use warta::index::WartaIndex;
//! use warta::search::{FacetKind, SearchRequest, search};
//!
//! let index = WartaIndex::open("index".as_ref())?;
//! let mut request = SearchRequest::new("perlindungan pekerja");
//! request.filters.values_mut(FacetKind::Province).push("Jatim".into());
//! let response = search(&index, &request)?;
//! for hit in &response.hits {
//!     println!("{} {:?}", hit.score, hit.meta.title);
//! }
//! # Ok::<(), warta::error::Error>(())
//! ```

pub mod aliases;
pub mod analytics;
pub mod choice;
pub mod compile;
pub use crate::index::facet_spec;
pub mod facets;
pub mod filters;
pub mod json;
pub mod notes;
pub mod prefix;
pub mod query;
pub mod response;
pub mod scoring;
pub mod snippet;
pub mod thesaurus;
pub mod undated;

use std::collections::HashSet;
use std::sync::LazyLock;

use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, RangeQuery};
use tantivy::{DocAddress, DocSet, Executor, Order, Searcher, TantivyDocument, Term};

use crate::analysis::View;
use crate::error::Result;
use crate::index::copies::Copies;
use crate::index::document::speaker_key;
use crate::index::document::{date_time, date_time_after};
use crate::index::{StoredArticle, WartaIndex, names};
use crate::search::facets::FacetCollector;

pub use aliases::Aliases;
pub use compile::Match;
pub use facets::FacetSet;
pub use filters::{FacetKind, Filters};
pub use response::{
    ArticleMeta, ArticleView, Explanation, FacetCount, FacetValues, Facets, Hit, SearchResponse,
};
pub use snippet::{Analyzers, Snippet};

/// Hit order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best BM25 score first.
    #[default]
    Relevance,
    /// Newest first; undated articles last.
    Date,
}

/// Everything a search needs.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchRequest {
    /// The query string (see [`query`] for the syntax; `*` matches all).
    pub query: String,
    /// Facet and date filters.
    pub filters: Filters,
    /// Page size.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Order of hits.
    pub sort: Sort,
    /// Snippets per hit (0 to 3 is sensible).
    pub snippets: usize,
    /// Values per facet in [`Facets`] (0 skips facet counting).
    pub facet_top: usize,
    /// The facets to count (default: all); the others stay empty.
    pub facets: FacetSet,
    /// A user alias file (TSV) added to the built-in aliases.
    pub aliases: Option<std::path::PathBuf>,
    /// Whether to return how the query was parsed and expanded.
    pub explain: bool,
    /// Search only what these people said (names, whole or in part).
    pub quoted_by: Vec<String>,
    /// Count and list stories, not copies: one hit per group of syndicated copies.
    pub dedup: bool,
}

impl SearchRequest {
    /// A request with the defaults: 10 hits, relevance order, 3 snippets, top-10 facets.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            filters: Filters::default(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            snippets: 3,
            facet_top: 10,
            facets: FacetSet::ALL,
            aliases: None,
            explain: false,
            quoted_by: Vec::new(),
            dedup: false,
        }
    }
}

/// A query with its filters, compiled: what every command that selects
/// articles (search, export, facets, timeline, terms) runs, so that their
/// counts agree.
pub struct Selection {
    /// The text query ANDed with every filter: the articles counted.
    pub query: Box<dyn Query>,
    /// With `--match all` or `most`, the filtered articles that have any of
    /// the words (every counted article among them): those not counted are
    /// ranked after the counted ones.
    pub loose: Option<Box<dyn Query>>,
    /// What to highlight in snippets.
    pub highlights: Vec<compile::Pattern>,
    /// Full names of the `--quoted-by` speakers.
    pub speakers: Vec<String>,
    /// The parsed query.
    ast: query::Node,
    /// For `--explain`.
    notes: Vec<String>,
    /// Scoring floors of the query's alias terms.
    pub floors: scoring::Floors,
    /// Notes on filter values warta knows that no article names.
    pub absent: Vec<String>,
}

/// Compiles a query string with its filters.
pub fn select(
    index: &WartaIndex,
    text: &str,
    filters: &Filters,
    aliases: Option<&std::path::Path>,
    quoted_by: &[String],
) -> Result<Selection> {
    let ast = query::parse(text)?;
    notes::check(&ast)?;
    let aliases = Aliases::shared(aliases, &mut index.analyzer(View::Exact))?;
    // --quoted-by: the speakers' facets filter the articles, their keys scope the words.
    let mut speakers: Vec<tantivy::schema::Facet> = Vec::new();
    for name in quoted_by {
        speakers.extend(filters::resolve(index, filters::FacetKind::Speaker, name)?);
    }
    let speaker_names: Vec<String> =
        speakers.iter().filter_map(|f| f.to_path().first().map(|s| s.to_string())).collect();
    let mut scopes: Vec<compile::SpeakerSlot> = Vec::new();
    for name in &speaker_names {
        let key = speaker_key(name);
        for slot in index.speaker_slots(&key)? {
            scopes.push(compile::SpeakerSlot { key: key.clone(), slot });
        }
    }
    let scopes = (!quoted_by.is_empty()).then_some(scopes.as_slice());
    let related = (!filters.no_expand).then(thesaurus::built_in);
    let related = related.as_deref();
    let compiled =
        compile::compile(index, &aliases, &ast, text, scopes, filters.matching, related)?;
    // The articles with only some of the words, ranked after the counted ones.
    let loose = if compiled.optional_words && filters.matching != Match::Any {
        Some(compile::compile(index, &aliases, &ast, text, scopes, Match::Any, related)?.query)
    } else {
        None
    };
    let only_speakers = |q: Box<dyn Query>| -> Box<dyn Query> {
        if quoted_by.is_empty() {
            return q;
        }
        let only = filters::facet_query(index.fields().facet(FacetKind::Speaker), &speakers);
        Box::new(BooleanQuery::new(vec![(Occur::Must, q), (Occur::Must, only)]))
    };
    // Each filter value resolved once, for both queries.
    let (clauses, absent) = filters.resolved(index)?;
    let full = only_speakers(with_filters(index, compiled.query, filters, &clauses));
    let loose = loose.map(|loose| only_speakers(with_filters(index, loose, filters, &clauses)));
    let mut notes = compiled.notes;
    if filters.no_expand {
        for e in thesaurus::expansions(text) {
            notes.push(format!(
                "{:?}: thesaurus off (--no-expand); not searched: {}",
                e.found,
                e.related.join(" | ")
            ));
        }
    }
    Ok(Selection {
        query: full,
        loose,
        highlights: compiled.highlights,
        speakers: speaker_names,
        ast,
        notes,
        floors: compiled.floors,
        absent,
    })
}

/// Most threads a search uses: segments are searched in parallel.
const SEARCH_THREADS: usize = 4;

/// The threads segments are searched on (one per core, up to [`SEARCH_THREADS`]),
/// shared by every search of the process.
pub(crate) static EXECUTOR: LazyLock<Executor> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    match cores.min(SEARCH_THREADS) {
        0 | 1 => Executor::single_thread(),
        n => Executor::multi_thread(n, "warta-search-").unwrap_or(Executor::single_thread()),
    }
});

/// Runs a search.
pub fn search(index: &WartaIndex, req: &SearchRequest) -> Result<SearchResponse> {
    let selection =
        select(index, &req.query, &req.filters, req.aliases.as_deref(), &req.quoted_by)?;
    let copies = index.copies()?;
    let full = &selection.query;
    let speaker_names = &selection.speakers;
    let searcher = index.searcher();

    // One pass counts every match, keeps the requested page and counts facets
    // (one collector of four parts, called without dynamic dispatch per match).
    let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    let limit = req.limit.min(docs.saturating_sub(req.offset));
    let end = req.offset + limit;
    // Partial hits may follow: the first pass then keeps the hits before the
    // page too, so that every counted article is known when they are few.
    let fills = selection.loose.is_some() && req.sort == Sort::Relevance && !req.dedup;
    let top = (limit > 0).then(|| match fills {
        true => TopDocs::with_limit(end),
        false => TopDocs::with_limit(limit).and_offset(req.offset),
    });
    let (by_score, by_date) = match (top, req.sort) {
        (None, _) => (None, None),
        (Some(top), Sort::Relevance) => (Some(top.order_by_score()), None),
        (Some(top), Sort::Date) => {
            (None, Some(top.order_by_fast_field::<tantivy::DateTime>(names::DATE, Order::Desc)))
        }
    };
    let counting = req.facet_top > 0 && !req.facets.is_empty();
    // With --dedup, stories are counted below instead.
    let plan = (counting && !req.dedup)
        .then(|| FacetCollector::new(req.facets, index.state::<facets::FacetTables>()));
    let collector = (Count, by_score, by_date, plan.clone());
    let stats = scoring::ArticleStats::with_floors(&searcher, &selection.floors);
    let scoring = if collector.requires_scoring() {
        stats.enable()
    } else {
        EnableScoring::disabled_from_searcher(&searcher)
    };
    let (mut total, scored, dated, counts) =
        searcher.search_with_executor(&**full, &collector, &EXECUTOR, scoring)?;
    let mut page: Vec<(f32, DocAddress)> = match (scored, dated) {
        (Some(h), _) => h,
        (None, Some(h)) => {
            let addrs: Vec<DocAddress> = h.into_iter().map(|(_, a)| a).collect();
            scores_of(&searcher, &**full, &selection.floors, &addrs)?
                .into_iter()
                .zip(addrs)
                .collect()
        }
        (None, None) => Vec::new(),
    };
    let before_page: Vec<(f32, DocAddress)> = match fills {
        true => page.drain(..req.offset.min(page.len())).collect(),
        false => Vec::new(),
    };
    // The page goes on past the counted articles: those with only some of the
    // words. A page ending with the last counted article counts them too, so
    // that it can say more follow.
    let counted_on_page = page.len();
    let mut partial = None;
    if let (Some(loose), true) = (&selection.loose, fills)
        && total <= end
    {
        partial = Some(rest_of_page(
            &searcher,
            &**loose,
            &stats,
            total,
            before_page.iter().chain(&page).map(|(_, a)| *a).collect(),
            (req.offset, end),
            &mut page,
        )?);
    }
    let mut facets = match (&plan, counts) {
        (Some(plan), Some(counts)) => plan.facets(&counts, req.facet_top),
        _ => Facets::default(),
    };
    if req.dedup {
        let stories = analytics::stories::page(index, &selection, &copies, req)?;
        total = stories.total;
        page = stories.page;
        if counting {
            facets = analytics::facet_counts::all_facets(
                index,
                &selection,
                &copies,
                req.facet_top,
                req.facets,
            )?;
        }
    }

    let pool = index.state::<snippet::AnalyzerPool>();
    let mut analyzers = pool.take(index.analysis());
    let mut hits = Vec::with_capacity(page.len());
    for (i, (score, addr)) in page.into_iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let stored = index.stored(&doc)?;
        let hit = to_hit(
            stored,
            score,
            &mut analyzers,
            &selection.highlights,
            req.snippets,
            speaker_names,
            &copies,
        );
        hits.push(Hit { counted: i < counted_on_page, ..hit });
    }
    pool.put_back(analyzers, index.analysis());
    let explain = req.explain.then(|| {
        let mut filters = filter_notes(&req.filters);
        if !speaker_names.is_empty() {
            filters.push(format!("words said by: {}", speaker_names.join(" OR ")));
        }
        Explanation { parsed: selection.ast.to_string(), terms: selection.notes.clone(), filters }
    });
    Ok(SearchResponse {
        query: req.query.clone(),
        matching: req.filters.matching,
        total,
        partial,
        hits,
        facets,
        explain,
        filter_notes: selection.absent.clone(),
    })
}

/// Adds the filter clauses to the text query.
fn with_filters(
    index: &WartaIndex,
    text: Box<dyn Query>,
    filters: &Filters,
    resolved: &[Box<dyn Query>],
) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
    for clause in resolved {
        clauses.push((Occur::Must, clause.box_clone()));
    }
    if filters.from.is_some() || filters.to.is_some() {
        use std::ops::Bound;
        let field = index.fields().date;
        let lower = filters.from.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_date_for_search(field, date_time(d)))
        });
        let upper = filters.to.map_or(Bound::Unbounded, |d| {
            Bound::Excluded(Term::from_field_date_for_search(field, date_time_after(d)))
        });
        let mut range: Box<dyn Query> = Box::new(RangeQuery::new(lower, upper));
        if filters.include_undated {
            range = Box::new(BooleanQuery::new(vec![
                (Occur::Should, range),
                (Occur::Should, undated::undated()),
            ]));
        }
        clauses.push((Occur::Must, Box::new(tantivy::query::ConstScoreQuery::new(range, 0.0))));
    }
    if clauses.len() == 1 {
        return clauses.remove(0).1;
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Fills the page (`offset..end`) past the `total` counted articles (all
/// in `counted`, since fewer than `end`) with the best-scored articles of
/// `loose` that are not counted; returns how many of those there are.
///
/// `loose` holds every counted article, so the uncounted ones are its count
/// less `total`, and the page needs at most `end` of its best: one scored
/// pass over `loose` counts it and keeps those, and no exclusion clause has
/// to be evaluated on every article that has one of the words.
fn rest_of_page(
    searcher: &Searcher,
    loose: &dyn Query,
    stats: &scoring::ArticleStats<'_>,
    total: usize,
    counted: HashSet<DocAddress>,
    (offset, end): (usize, usize),
    page: &mut Vec<(f32, DocAddress)>,
) -> Result<usize> {
    let want = end.saturating_sub(total.max(offset));
    if want == 0 {
        let unscored = EnableScoring::disabled_from_searcher(searcher);
        let all = searcher.search_with_executor(loose, &Count, &EXECUTOR, unscored)?;
        return Ok(all.saturating_sub(total));
    }
    let top = TopDocs::with_limit(end.max(1)).order_by_score();
    let (all, best) =
        searcher.search_with_executor(loose, &(Count, top), &EXECUTOR, stats.enable())?;
    let partial = all.saturating_sub(total);
    let skip = offset.saturating_sub(total);
    let rest = best.into_iter().filter(|(_, a)| !counted.contains(a));
    page.extend(rest.skip(skip).take(want));
    Ok(partial)
}

/// BM25 scores of given documents (used when hits are ordered by date).
fn scores_of(
    searcher: &Searcher,
    query: &dyn Query,
    floors: &scoring::Floors,
    addrs: &[DocAddress],
) -> Result<Vec<f32>> {
    let stats = scoring::ArticleStats::with_floors(searcher, floors);
    let weight = query.weight(stats.enable())?;
    let mut out = Vec::with_capacity(addrs.len());
    for addr in addrs {
        let reader = searcher.segment_reader(addr.segment_ord);
        let mut scorer = weight.scorer(reader, 1.0)?;
        let score = if scorer.seek(addr.doc_id) == addr.doc_id { scorer.score() } else { 0.0 };
        out.push(score);
    }
    Ok(out)
}

/// The filters in words, for `--explain`.
fn filter_notes(f: &Filters) -> Vec<String> {
    let mut out = Vec::new();
    for (kind, values) in f.named() {
        if !values.is_empty() {
            out.push(format!("{}: {} (any of them)", kind.name(), values.join(" OR ")));
        }
    }
    if let Some(d) = f.from {
        out.push(format!("from {d} (start of that period)"));
    }
    if let Some(d) = f.to {
        out.push(format!("to {d} (end of that period)"));
    }
    out
}

/// Builds a hit from a stored article.
pub(crate) fn to_hit(
    stored: StoredArticle,
    score: f32,
    analyzers: &mut Analyzers,
    highlights: &[compile::Pattern],
    n: usize,
    speakers: &[String],
    copies: &Copies,
) -> Hit {
    let mut a = stored.article;
    // With --quoted-by the snippets come from what those people said.
    let snippets = if speakers.is_empty() {
        snippet::snippets(&a.body, analyzers, highlights, n)
    } else {
        let said: Vec<&str> = a
            .quotes
            .iter()
            .filter(|q| speakers.contains(&q.speaker))
            .map(|q| q.text.as_str())
            .collect();
        snippet::snippets(&said.join("\n"), analyzers, highlights, n)
    };
    Hit {
        counted: true,
        duplicate_of: copies.duplicate_of(&stored.id).map(str::to_string),
        copies: copies.copies(&stored.id),
        id: stored.id,
        path: stored.path,
        score,
        meta: ArticleMeta::take(&mut a),
        snippets,
    }
}

/// One article by id, with its metadata.
pub fn show(index: &WartaIndex, id: &str) -> Result<StoredArticle> {
    index.get(id)
}
