//! Articles without a date and date filters: a date range cannot place an
//! undated article, so `--from`/`--to` leave it out. [`left_out`] says how
//! many matching articles that was, so the command line can report it;
//! `Filters::include_undated` keeps them (see `with_filters`).

use std::path::Path;

use tantivy::collector::Count;
use tantivy::query::{AllQuery, BooleanQuery, ExistsQuery, Occur, Query};

use crate::error::Result;
use crate::index::WartaIndex;
use crate::index::schema::names;
use crate::search::{Filters, select};

/// Every article without a date.
pub fn undated() -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
        (Occur::MustNot, Box::new(ExistsQuery::new(names::DATE.to_string(), false))),
    ]))
}

/// How many undated articles match the query and the other filters but
/// were left out by the date filters (0 without a date filter, or when
/// undated articles are kept).
pub fn left_out(
    index: &WartaIndex,
    query: &str,
    filters: &Filters,
    aliases: Option<&Path>,
    quoted_by: &[String],
) -> Result<u64> {
    if (filters.from.is_none() && filters.to.is_none()) || filters.include_undated {
        return Ok(0);
    }
    let undated_only = Filters { from: None, to: None, include_undated: false, ..filters.clone() };
    let query = if query.trim().is_empty() { "*" } else { query };
    let selection = select(index, query, &undated_only, aliases, quoted_by)?;
    let both = BooleanQuery::new(vec![(Occur::Must, selection.query), (Occur::Must, undated())]);
    Ok(index.searcher().search(&both, &Count)? as u64)
}
