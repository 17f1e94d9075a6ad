//! warta: a search engine for Indonesian news coverage.
//!
//! The library behind the `warta` command (whose command line, in the binary,
//! is the only user of clap, indicatif and ctrlc). Modules depend one way only:
//! [`search`] → [`index`] → {[`analysis`], [`extract`], [`dedup`]}; [`export`]
//! turns search hits into CSV and JSON Lines rows, Parquet files and OpenSearch bulk
//! files for any front end.
//!
//! ```no_run
//! use warta::index::{BuildOptions, WartaIndex, build};
//! use warta::search::{FacetKind, SearchRequest, search};
//!
//! // Index a folder of scraped articles (.txt pages, .json, .jsonl)…
//! let report = build(&BuildOptions::new("corpus", "index"), &mut |_| {})?;
//! println!("{} articles, {} skipped", report.articles, report.skipped.len());
//!
//! // …and search it: words are ANDed, `melindungi` also finds `perlindungan`,
//! // `Jatim` is Jawa Timur, and every hit carries its places, officials and programmes.
//! let index = WartaIndex::open("index".as_ref())?;
//! let mut request = SearchRequest::new("perlindungan pekerja");
//! request.filters.values_mut(FacetKind::Province).push("Jatim".into());
//! for hit in search(&index, &request)?.hits {
//!     println!("{:.2} {}", hit.score, hit.meta.title.unwrap_or_default());
//! }
//! # Ok::<(), warta::error::Error>(())
//! ```

pub mod analysis;
pub mod dedup;
pub mod error;
pub mod evaluate;
pub mod export;
pub mod extract;
pub(crate) mod fxhash;
pub mod index;
pub mod input;
pub mod search;
pub mod synth;
#[cfg(test)]
pub(crate) mod test_support;
