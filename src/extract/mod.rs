//! Extraction: from a file on disk to an [`Article`] with its title,
//! publisher, dateline, date, byline, clean body, places, officials and
//! programmes. This module knows nothing of tantivy; `index` turns its
//! output into documents.
//!
//! ```text
//! reader::read_file ──> RawArticle ──page::parse──> Page (title, source, dateline, date, byline, body)
//!                                                    │
//!             region::find_places, official::find_officials, program::find_programs
//!                                                    ▼
//!                                                 Article
//! ```
//!
//! Every gazetteer and pattern table is embedded in the binary and parsed
//! once, on first use.

pub mod article;
pub mod boilerplate;
pub mod byline;
mod capped;
mod ci_gate;
pub mod date;
pub mod dateline;
pub mod figures;
pub mod official;
pub mod page;
pub mod program;
pub mod publisher;
pub mod quote;
pub mod reader;
pub mod region;
mod title;
pub(crate) mod words;

use std::borrow::Cow;

pub use article::*;
use official::registry::Registry;
pub use reader::{ReadError, ReadOutcome, read_file};

/// The headline and body as one text (the headline, a blank line, the
/// body), borrowed when there is no headline: what the officials and
/// programmes extractors read.
pub(crate) fn headline_and_body<'a>(title: Option<&str>, body: &'a str) -> Cow<'a, str> {
    match title {
        Some(t) => Cow::Owned(format!("{t}\n\n{body}")),
        None => Cow::Borrowed(body),
    }
}

/// Extracts everything warta knows how to find from one article, filing
/// known officials under the shipped registry's spellings.
pub fn extract(raw: &RawArticle) -> Article {
    extract_with(raw, Registry::builtin())
}

/// Extracts everything from one article, filing known officials under
/// `officials`' spellings (an index's registry: the shipped rows with the
/// user's).
pub fn extract_with(raw: &RawArticle, officials: &Registry) -> Article {
    let page = page::parse(raw);
    let title = page.title.as_deref();
    let places = region::find_places_and_offices(
        title,
        &page.body,
        page.dateline.as_deref(),
        page.source.as_deref(),
    );
    let found = official::find_officials_with(title, &page.body, officials);
    Article {
        quotes: find_quotes(title, &page.body, &found),
        officials: found,
        programs: program::find_programs(title, &page.body),
        figures: figures::find_figures(&page.body),
        provinces: places.provinces,
        cities: places.cities,
        offices: places.offices,
        title: page.title,
        source: page.source,
        url: page.url,
        dateline: page.dateline,
        // Dates outside the range the index stores are never kept (the
        // extractors' own patterns stay well inside it).
        date: page.date.filter(PartialDate::in_range),
        date_source: page.date_source.filter(|_| page.date.is_some_and(|d| d.in_range())),
        byline: page.byline,
        body: page.body,
    }
}

/// Quotes, attributed by the names the article prints, then filed under the
/// registry's spelling of each official.
fn find_quotes(title: Option<&str>, body: &str, officials: &[Official]) -> Vec<quote::Quote> {
    if officials.iter().all(|o| o.as_printed.is_none()) {
        return quote::find_quotes(title, body, officials);
    }
    let printed: Vec<Official> = officials
        .iter()
        .map(|o| Official {
            name: o.as_printed.clone().unwrap_or_else(|| o.name.clone()),
            ..o.clone()
        })
        .collect();
    let mut quotes = quote::find_quotes(title, body, &printed);
    for q in &mut quotes {
        if let Some(o) =
            officials.iter().find(|o| o.as_printed.as_deref() == Some(q.speaker.as_str()))
        {
            q.speaker.clone_from(&o.name);
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One process, two registries: each extraction files the official under
    /// its own registry's spelling (nothing is set process-wide).
    #[test]
    fn each_extraction_uses_the_registry_it_is_given() {
        let raw = RawArticle::Plain(
            "Iuran Pekerja Desa\n\nKepala Dinas Tenaga Kerja Kabupaten Sleman, Budi Hartana, \
             mengatakan seluruh perangkat desa sudah terdaftar sebagai peserta."
                .to_string(),
        );
        let mine = Registry::with_user_rows(
            "Budi Hartono\tBudi Hartana\tDinas Tenaga Kerja Kabupaten Sleman\tKepala Dinas\n",
        )
        .unwrap();
        let names = |a: Article| a.officials.into_iter().map(|o| o.name).collect::<Vec<_>>();
        assert_eq!(names(extract(&raw)), ["Budi Hartana"]);
        assert_eq!(names(extract_with(&raw, &mine)), ["Budi Hartono"]);
        assert_eq!(names(extract(&raw)), ["Budi Hartana"], "the shipped registry is unchanged");
    }
}
