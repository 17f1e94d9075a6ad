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

#[cfg(test)]
mod tests {
    use crate::search::facet_spec::{FACETS, Shown};
    use crate::search::{ArticleView, Hit};

    /// Where `name` is already a key or column with a format of its own: a
    /// hit's JSON key (also `warta show`'s), a CSV column, a Parquet column,
    /// an OpenSearch field.
    fn taken(name: &str) -> Vec<&'static str> {
        let hit = Hit {
            id: String::new(),
            path: String::new(),
            score: 0.0,
            meta: Default::default(),
            snippets: Vec::new(),
            duplicate_of: None,
            copies: 0,
            counted: true,
        };
        let view = ArticleView::new(None, String::new(), Default::default());
        let mut keys = serde_json::to_value(&hit).unwrap().as_object().unwrap().clone();
        keys.extend(serde_json::to_value(&view).unwrap().as_object().unwrap().clone());
        let parquet = super::parquet::schema(super::parquet::ParquetOptions { with_body: true });
        let opensearch = super::opensearch::template(&[]);
        let properties = &opensearch["template"]["mappings"]["properties"];
        let own = |key: &str| keys.get(key).is_some_and(|_| !shown(key));
        let mut places = Vec::new();
        if own(name) {
            places.push("JSON");
        }
        if super::HIT_COLUMNS.contains(&name) {
            places.push("CSV");
        }
        if parquet.fields().iter().any(|f| f.name() == name) && !shown(name) {
            places.push("Parquet");
        }
        if properties.get(name).is_some() && !shown(name) {
            places.push("OpenSearch");
        }
        places
    }

    fn shown(name: &str) -> bool {
        FACETS.iter().any(|s| s.shown == Shown::Values && s.name == name)
    }

    /// A facet shown from its row takes its name as a key and a column: no
    /// key or column with a format of its own may have it already.
    #[test]
    fn facets_shown_from_their_rows_have_names_nothing_else_has() {
        for spec in FACETS.iter().filter(|s| s.shown == Shown::Values) {
            assert_eq!(taken(spec.name), Vec::<&str>::new(), "facet `{}`", spec.name);
        }
        assert_eq!(taken("dateline"), ["JSON", "Parquet", "OpenSearch"]);
        assert_eq!(taken("programs"), ["JSON", "CSV", "Parquet"]);
        assert_eq!(taken("province"), ["OpenSearch"]);
        assert_eq!(taken("body"), ["JSON", "Parquet", "OpenSearch"]);
        assert!(taken("credited").is_empty());
    }
}
