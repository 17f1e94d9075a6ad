//! The tantivy index: its schema, how articles become documents, how a
//! corpus folder is built into an index, and how an index is opened again.
//!
//! ```text
//! corpus/ --walk--> files --extract::read_file--> RawArticle
//!         --extract::extract--> Article --document::to_document--> tantivy
//! ```

pub mod analysis;
pub mod build;
pub mod check;
pub mod copies;
pub mod copies_table;
pub mod document;
pub mod facet_spec;
pub mod guard;
pub mod id;
pub mod layout;
pub mod manifest;
pub mod merge;
mod pipeline;
mod prepare;
mod queue;
mod readonly;
pub mod schema;
mod session;
mod store;
pub mod threads;
pub mod walk;

pub use build::{BuildOptions, BuildReport, Progress, Skipped, build, corpus_fingerprint};
pub use check::{CheckReport, check};
pub use document::{StoredArticle, from_document};
pub use schema::{Fields, names};
pub use store::{Fingerprint, IndexInfo, WartaIndex};
