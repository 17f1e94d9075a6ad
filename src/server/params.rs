//! HTTP query parameters → the library's requests: the one place that maps
//! the API's names (`province`, `quoted_by`, `match` …) to `SearchRequest`,
//! `FacetRequest`, `TimelineRequest` and `TermsRequest`. A repeated filter
//! parameter ORs its values, as a repeated CLI flag does. Every bad value is
//! a 400 naming its parameter and the fix.

use warta::export::Table;
use warta::extract::PartialDate;
use warta::search::analytics::facet_counts::{FacetBy, FacetRequest};
use warta::search::analytics::period::Period;
use warta::search::analytics::terms::{TermsBy, TermsRequest};
use warta::search::analytics::timeline::TimelineRequest;
use warta::search::facet_spec::FACETS as FACET_TABLE;
use warta::search::{FacetKind, FacetSet, Filters, Match, SearchRequest, Sort};

use std::sync::LazyLock;

use super::error::ApiError;

/// Longest value of any parameter, in characters.
pub const MAX_VALUE_CHARS: usize = 2_000;
/// Most values of one repeated parameter (filters, `q` of a timeline).
pub const MAX_VALUES: usize = 50;
/// Most hits in one page (`limit`).
pub const MAX_LIMIT: usize = 1_000;
/// Deepest page start (`offset`); every match is in `/api/export`.
pub const MAX_OFFSET: usize = 100_000;
/// Most series in one timeline.
pub const MAX_SERIES: usize = 10;

/// The filters every selecting endpoint takes: one per row of the facet
/// table that every command takes (`province`, …, `source`), then these.
pub static FILTERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let facets = FACET_TABLE.iter().filter(|s| s.shared).map(|s| s.param);
    facets.chain(OTHER_FILTERS.iter().copied()).collect()
});

/// The filters that are not facets.
const OTHER_FILTERS: &[&str] = &["from", "to", "match", "include_undated", "no_expand", "dedup"];

/// Parameters of `/api/search` beyond the filters.
pub const SEARCH: &[&str] =
    &["q", "sort", "limit", "offset", "quoted_by", "facets", "snippets", "explain"];
/// Parameters of `/api/export` beyond the filters.
pub const EXPORT: &[&str] = &["q", "sort", "quoted_by", "format", "table", "raw_csv", "bom"];
/// Parameters of `/api/facets` beyond the filters.
pub const FACETS: &[&str] = &["q", "by", "top"];
/// Parameters of `/api/timeline` beyond the filters.
pub const TIMELINE: &[&str] = &["q", "by"];
/// Parameters of `/api/terms` beyond the filters.
pub const TERMS: &[&str] = &["q", "by", "top", "sample"];

/// A request's query string as name–value pairs.
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Decodes a query string; a name outside `own` and [`FILTERS`] (when
    /// `filters`) is an error listing the names the endpoint takes.
    pub fn parse(raw: Option<&str>, own: &[&str], filters: bool) -> Result<Params, ApiError> {
        utf8(raw.unwrap_or(""))?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|e| ApiError::user(None, format!("the query string cannot be read: {e}")))?;
        let known = |k: &str| own.contains(&k) || (filters && FILTERS.contains(&k));
        for (k, v) in &pairs {
            if !known(k) {
                let mut names: Vec<&str> = own.to_vec();
                if filters {
                    names.extend_from_slice(&FILTERS);
                }
                return Err(ApiError::user(
                    Some(k),
                    format!("unknown parameter; this endpoint takes {}", names.join(", ")),
                ));
            }
            if v.chars().count() > MAX_VALUE_CHARS {
                return Err(ApiError::user(
                    Some(k),
                    format!("value too long (at most {MAX_VALUE_CHARS} characters)"),
                ));
            }
        }
        Ok(Params(pairs))
    }

    /// Whether the request gives `key` a non-empty value.
    pub fn given(&self, key: &str) -> bool {
        self.0.iter().any(|(k, v)| k == key && !v.trim().is_empty())
    }

    /// Every non-empty value of `key`, in order (a repeated parameter).
    pub fn all(&self, key: &str) -> Result<Vec<String>, ApiError> {
        let values: Vec<String> = self
            .0
            .iter()
            .filter(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
            .collect();
        if values.len() > MAX_VALUES {
            return Err(ApiError::user(Some(key), format!("at most {MAX_VALUES} values")));
        }
        Ok(values)
    }

    /// The value of a parameter given at most once; empty counts as absent.
    pub fn one(&self, key: &str) -> Result<Option<&str>, ApiError> {
        let mut values = self.0.iter().filter(|(k, v)| k == key && !v.is_empty());
        let first = values.next().map(|(_, v)| v.as_str());
        if values.next().is_some() {
            return Err(ApiError::user(Some(key), "given twice; give it once".to_string()));
        }
        Ok(first)
    }

    /// A whole number from 0 to `max`.
    pub fn number(&self, key: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.one(key)? else { return Ok(default) };
        match v.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(ApiError::user(
                Some(key),
                format!("`{v}` is not a whole number from 0 to {max}"),
            )),
        }
    }

    /// `true`/`false` (also `1`/`0`, `yes`/`no`, `on`); absent is false.
    pub fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.one(key)? {
            None => Ok(false),
            Some("true" | "1" | "yes" | "on") => Ok(true),
            Some("false" | "0" | "no" | "off") => Ok(false),
            Some(v) => Err(ApiError::user(Some(key), format!("`{v}` is not true or false"))),
        }
    }

    /// One of named values.
    pub fn choice<T: Copy>(
        &self,
        key: &str,
        options: &[(&str, T)],
        default: T,
    ) -> Result<T, ApiError> {
        let Some(v) = self.one(key)? else { return Ok(default) };
        options.iter().find(|(name, _)| *name == v).map(|(_, t)| *t).ok_or_else(|| {
            let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
            ApiError::user(Some(key), format!("`{v}` is not one of {}", names.join(", ")))
        })
    }

    /// A date filter: YYYY, YYYY-MM or YYYY-MM-DD.
    fn date(&self, key: &'static str) -> Result<Option<PartialDate>, ApiError> {
        let Some(v) = self.one(key)? else { return Ok(None) };
        Ok(Some(Filters::parse_date(key, v)?))
    }
}

/// Refuses a name or value whose percent-escapes are not UTF-8 (`%ff`),
/// which would otherwise be read with replacement characters.
fn utf8(raw: &str) -> Result<(), ApiError> {
    for pair in raw.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = unescape(name);
        if std::str::from_utf8(&name).is_err() || std::str::from_utf8(&unescape(value)).is_err() {
            return Err(ApiError::user(
                Some(String::from_utf8_lossy(&name).as_ref()),
                "not UTF-8 text; percent-encode the UTF-8 bytes of each character".into(),
            ));
        }
    }
    Ok(())
}

/// The bytes `%XX` escapes stand for (anything else as it is).
fn unescape(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |at: usize| b.get(at).and_then(|c| (*c as char).to_digit(16));
        match (b[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The filters shared by every selecting endpoint.
pub fn filters(p: &Params) -> Result<Filters, ApiError> {
    let mut facets: [Vec<String>; warta::search::facet_spec::FACET_COUNT] = Default::default();
    for spec in FACET_TABLE.iter().filter(|s| s.shared) {
        facets[spec.kind.index()] = p.all(spec.param)?;
    }
    let filters = Filters {
        facets,
        from: p.date("from")?,
        to: p.date("to")?,
        matching: p.choice(
            "match",
            &[("all", Match::All), ("most", Match::Most), ("any", Match::Any)],
            Match::default(),
        )?,
        no_expand: p.flag("no_expand")?,
        include_undated: p.flag("include_undated")?,
    };
    filters.check_dates()?;
    Ok(filters)
}

/// The query of a selecting endpoint (`q`; none or empty: every article).
fn query(p: &Params) -> Result<String, ApiError> {
    Ok(p.one("q")?.map_or_else(String::new, str::to_string))
}

fn sort(p: &Params) -> Result<Sort, ApiError> {
    p.choice("sort", &[("relevance", Sort::Relevance), ("date", Sort::Date)], Sort::Relevance)
}

/// `/api/search`: the request `warta search --json` makes of the same flags.
pub fn search(p: &Params) -> Result<SearchRequest, ApiError> {
    let mut req = SearchRequest::new(warta::search::analytics::or_all(&query(p)?));
    req.filters = filters(p)?;
    req.limit = p.number("limit", 10, MAX_LIMIT)?;
    req.offset = p.number("offset", 0, MAX_OFFSET)?;
    req.sort = sort(p)?;
    req.snippets = p.number("snippets", 3, 10)?;
    req.quoted_by = p.all("quoted_by")?;
    req.dedup = p.flag("dedup")?;
    req.explain = p.flag("explain")?;
    if let Some(list) = p.one("facets")? {
        req.facets = facet_set(list)?;
    }
    Ok(req)
}

/// `facets=province,official` (or `none`).
fn facet_set(list: &str) -> Result<FacetSet, ApiError> {
    if list == "none" {
        return Ok(FacetSet::NONE);
    }
    let mut kinds = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let kind = FacetKind::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = FacetKind::ALL.iter().map(|k| k.name()).collect();
            ApiError::user(
                Some("facets"),
                format!("`{name}` is not a facet; give some of {} (or none)", names.join(", ")),
            )
        })?;
        kinds.push(kind);
    }
    Ok(FacetSet::of(kinds))
}

/// Format of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated values with a header.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// What `/api/export` writes.
#[derive(Debug)]
pub struct Export {
    /// Every match of this request.
    pub request: SearchRequest,
    /// CSV or JSON Lines.
    pub format: ExportFormat,
    /// One row per hit, quote, figure or official.
    pub table: Table,
    /// CSV cells as extracted (no formula neutralising).
    pub raw_csv: bool,
    /// A UTF-8 byte order mark before the CSV, for Excel (`bom=true`).
    pub bom: bool,
}

/// `/api/export`: every match, as `warta search --format F --all` writes it.
pub fn export(p: &Params) -> Result<Export, ApiError> {
    let mut request = SearchRequest::new(warta::search::analytics::or_all(&query(p)?));
    request.filters = filters(p)?;
    request.sort = sort(p)?;
    request.quoted_by = p.all("quoted_by")?;
    request.dedup = p.flag("dedup")?;
    request.snippets = 1;
    request.facet_top = 0;
    request.limit = usize::MAX;
    let format = match p.one("format")? {
        None => {
            return Err(ApiError::user(
                Some("format"),
                "missing: give format=csv or format=jsonl".into(),
            ));
        }
        Some(_) => p.choice(
            "format",
            &[("csv", ExportFormat::Csv), ("jsonl", ExportFormat::Jsonl)],
            ExportFormat::Csv,
        )?,
    };
    let tables: Vec<(&str, Table)> = Table::ALL.iter().map(|t| (t.name(), *t)).collect();
    let table = p.choice("table", &tables, Table::Hits)?;
    let bom = p.flag("bom")?;
    if bom && format != ExportFormat::Csv {
        return Err(ApiError::user(Some("bom"), "a byte order mark is for format=csv only".into()));
    }
    Ok(Export { request, format, table, raw_csv: p.flag("raw_csv")?, bom })
}

/// Values per level when `top` is not given (years and months: all), as the CLI.
const DEFAULT_TOP: usize = 20;

/// `/api/facets?by=…`
pub fn facets(p: &Params) -> Result<FacetRequest, ApiError> {
    let choices: Vec<(&str, FacetBy)> = FacetBy::ALL.iter().map(|b| (b.name(), *b)).collect();
    let by = match p.one("by")? {
        None => {
            let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
            let message = format!("missing: give by={} (or {})", names[0], names[1..].join(", "));
            return Err(ApiError::user(Some("by"), message));
        }
        Some(_) => p.choice("by", &choices, FacetBy::Province)?,
    };
    let default_top = if by.is_date() { usize::MAX } else { DEFAULT_TOP };
    let top = match p.one("top")? {
        None => default_top,
        Some(_) => p.number("top", DEFAULT_TOP, 10_000)?,
    };
    Ok(FacetRequest {
        query: query(p)?,
        filters: filters(p)?,
        by,
        top,
        dedup: p.flag("dedup")?,
        aliases: None,
    })
}

/// `/api/timeline?q=…&q=…&by=month`
pub fn timeline(p: &Params) -> Result<TimelineRequest, ApiError> {
    let queries = p.all("q")?;
    if queries.len() > MAX_SERIES {
        return Err(ApiError::user(
            Some("q"),
            format!("at most {MAX_SERIES} queries side by side"),
        ));
    }
    let by = p.choice(
        "by",
        &[
            ("day", Period::Day),
            ("week", Period::Week),
            ("month", Period::Month),
            ("year", Period::Year),
        ],
        Period::Month,
    )?;
    Ok(TimelineRequest {
        queries,
        filters: filters(p)?,
        by,
        dedup: p.flag("dedup")?,
        aliases: None,
    })
}

/// `/api/terms`
pub fn terms(p: &Params) -> Result<TermsRequest, ApiError> {
    Ok(TermsRequest {
        query: query(p)?,
        filters: filters(p)?,
        top: p.number("top", 25, 1_000)?,
        sample: p.number("sample", 1_000, 10_000)?,
        aliases: None,
        by: p.choice(
            "by",
            &[("significance", TermsBy::Significance), ("frequency", TermsBy::Frequency)],
            TermsBy::Significance,
        )?,
        dedup: p.flag("dedup")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(q: &str, own: &[&str]) -> Result<Params, ApiError> {
        Params::parse(Some(q), own, true)
    }

    fn parameter_of(r: Result<impl std::fmt::Debug, ApiError>) -> Option<String> {
        r.expect_err("should be refused").parameter
    }

    #[test]
    fn repeated_filters_are_ored_values() {
        let p = params("q=JHT&province=Jatim&province=Bali&province=", SEARCH).unwrap();
        let req = search(&p).unwrap();
        assert_eq!(req.query, "JHT");
        assert_eq!(req.filters.values(FacetKind::Province), &["Jatim", "Bali"]);
        assert_eq!(req.limit, 10);
    }

    #[test]
    fn no_query_selects_every_article() {
        assert_eq!(search(&params("", SEARCH).unwrap()).unwrap().query, "*");
    }

    #[test]
    fn every_bad_value_names_its_parameter() {
        let cases = [
            ("limit=1001", "limit"),
            ("limit=-1", "limit"),
            ("offset=abc", "offset"),
            ("sort=newest", "sort"),
            ("match=some", "match"),
            ("from=2024-13", "from"),
            ("to=yesterday", "to"),
            ("from=2025&to=2024", "from"),
            ("dedup=maybe", "dedup"),
            ("facets=province,colour", "facets"),
            ("q=a&q=b", "q"),
            ("bogus=1", "bogus"),
        ];
        for (query, name) in cases {
            let got = params(query, SEARCH).and_then(|p| search(&p));
            assert_eq!(parameter_of(got).as_deref(), Some(name), "{query}");
        }
    }

    #[test]
    fn values_that_are_not_utf8_are_refused() {
        for (query, name) in
            [("q=%ff", "q"), ("q=a&province=%C0%AF", "province"), ("q=%ED%A0%80", "q")]
        {
            assert_eq!(parameter_of(params(query, SEARCH)).as_deref(), Some(name), "{query}");
        }
        let p = params("q=%F0%9F%98%80%20%E2%80%AE&province=%", SEARCH).unwrap();
        assert_eq!(p.one("q").unwrap(), Some("\u{1F600} \u{202E}"));
        assert_eq!(unescape("%4g%%41%"), b"%4g%A%");
        assert!(p.given("q") && !p.given("city"));
    }

    #[test]
    fn long_values_are_refused() {
        let q = format!("q={}", "a".repeat(MAX_VALUE_CHARS + 1));
        assert_eq!(parameter_of(params(&q, SEARCH)).as_deref(), Some("q"));
    }

    #[test]
    fn facets_need_a_by_and_exports_a_format() {
        let p = params("q=JHT", FACETS).unwrap();
        assert_eq!(parameter_of(facets(&p)).as_deref(), Some("by"));
        let p = params("format=xlsx", EXPORT).unwrap();
        assert_eq!(parameter_of(export(&p)).as_deref(), Some("format"));
        let p = params("format=jsonl&q=JHT", EXPORT).unwrap();
        let e = export(&p).unwrap();
        assert_eq!((e.format, e.request.limit), (ExportFormat::Jsonl, usize::MAX));
    }

    #[test]
    fn terms_take_dedup() {
        assert!(!terms(&params("q=JHT", TERMS).unwrap()).unwrap().dedup);
        assert!(terms(&params("q=JHT&dedup=true", TERMS).unwrap()).unwrap().dedup);
        assert_eq!(
            parameter_of(terms(&params("dedup=2", TERMS).unwrap())).as_deref(),
            Some("dedup")
        );
    }

    #[test]
    fn timelines_take_several_queries() {
        let p = params("q=JHT&q=JKP&by=year", TIMELINE).unwrap();
        let t = timeline(&p).unwrap();
        assert_eq!(t.queries, ["JHT", "JKP"]);
        assert_eq!(t.by, Period::Year);
        let many = (0..=MAX_SERIES).map(|i| format!("q=w{i}")).collect::<Vec<_>>().join("&");
        assert_eq!(parameter_of(timeline(&params(&many, TIMELINE).unwrap())).as_deref(), Some("q"));
    }
}
