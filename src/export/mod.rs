//! Exports for other tools: the hits a search streams (see
//! [`crate::search::analytics::export`]) written as rows or files that
//! analysis tools load directly. Used by the CLI and by any other front end;
//! nothing here prints.
//!
//! - [`table`] (re-exported here): CSV and JSON Lines rows, one per hit or
//!   one per quote, figure or official.
//! - [`parquet`]: one row per article with typed and nested columns, for
//!   DuckDB, pandas, polars, R (arrow) and Spark.
//! - [`opensearch`]: an index template and bulk NDJSON files for an
//!   OpenSearch or Elasticsearch cluster.

pub mod opensearch;
pub mod parquet;
pub mod table;

pub use table::*;
