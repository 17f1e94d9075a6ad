//! Exports for other tools: the hits a search streams (see
//! [`crate::search::analytics::export`]) written as files that analysis
//! tools load directly. Used by the CLI and by any other front end; nothing
//! here prints.
//!
//! - [`parquet`]: one row per article with typed and nested columns, for
//!   DuckDB, pandas, polars, R (arrow) and Spark.
//! - [`opensearch`]: an index template and bulk NDJSON files for an
//!   OpenSearch or Elasticsearch cluster.

pub mod opensearch;
pub mod parquet;
