//! OpenSearch / Elasticsearch export: an index template and bulk NDJSON
//! files, so that a lab's cluster can serve the same searches.
//!
//! warta's analysis (Indonesian stemming, its tokenizer) does not exist in
//! OpenSearch, so the text is exported already analysed: `*_stems` hold the
//! stemmed view's terms and `*_exact` the exact view's, separated by spaces
//! and indexed with a whitespace analyzer; a client passes its query words
//! through the same analysis (`warta analyze --json`). The exact fields'
//! search analyzer expands warta's alias groups (built-in, provinces, and
//! the user's `--aliases` file) as synonyms. Every facet is a keyword field
//! holding the values the `--province`, `--city`, … filters take.
//!
//! The directory is filled under `DIR.partial` and renamed into place by
//! [`OpenSearchExport::finish`]: a failed export leaves nothing under the
//! name asked for.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis::terms;
use crate::error::{Error, Result, UserError};
use crate::extract::Article;
use crate::search::Hit;
use crate::search::facet_spec::{FACETS, FacetSpec, Shown};

/// Articles per bulk file (two lines each): a few MB, well under the
/// default 100 MB limit of an HTTP bulk request.
pub const DOCS_PER_FILE: usize = 5000;

/// The index names the template applies to.
pub const INDEX_PATTERN: &str = "warta*";

/// The template file's name in the export directory.
pub const TEMPLATE_FILE: &str = "template.json";

/// The alias groups as synonym rules (Solr format, `a, b c, d`): each name
/// as its exact-view terms, the way the `*_exact` fields hold them. Names
/// that analyse to nothing are left out, and a group with fewer than two
/// distinct names is no rule.
pub fn synonyms(groups: &[Vec<String>], exact: &mut TextAnalyzer) -> Vec<String> {
    let mut rules = Vec::new();
    for group in groups {
        let mut names: Vec<String> = Vec::new();
        for name in group {
            let t = terms(exact, name).join(" ");
            // A comma or `=>` would change the rule's meaning.
            if !t.is_empty() && !t.contains([',', '=', '>']) && !names.contains(&t) {
                names.push(t);
            }
        }
        if names.len() >= 2 {
            rules.push(names.join(", "));
        }
    }
    rules
}

fn keyword() -> Value {
    json!({"type": "keyword"})
}

/// A field holding warta's terms separated by spaces; exact fields expand
/// the aliases at search time.
fn analysed(with_aliases: bool) -> Value {
    if with_aliases {
        json!({"type": "text", "analyzer": "warta_terms", "search_analyzer": "warta_exact_query"})
    } else {
        json!({"type": "text", "analyzer": "warta_terms"})
    }
}

/// The index template (OpenSearch `_index_template`; Elasticsearch reads
/// the same body) for the documents of [`document`].
pub fn template(synonyms: &[String]) -> Value {
    template_of(synonyms, FACETS)
}

/// The index template with a keyword field for each facet of `rows` shown
/// from its row ([`Shown::Values`]).
fn template_of(synonyms: &[String], rows: &[FacetSpec]) -> Value {
    let mut properties = json!({
        "id": keyword(),
        "path": keyword(),
        "url": keyword(),
        "title": {"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 512}}},
        "source": keyword(),
        "date": {"type": "date", "format": "yyyy-MM-dd"},
        "date_precision": keyword(),
        "date_basis": keyword(),
        "date_source": keyword(),
        "dateline": keyword(),
        "province": keyword(),
        "province_code": keyword(),
        "city": keyword(),
        "official": keyword(),
        "org": keyword(),
        "program": keyword(),
        "speaker": keyword(),
        "officials": {"type": "object", "properties": {
            "name": keyword(), "role": keyword(), "organization": keyword(), "as_printed": keyword()
        }},
        "quotes": {"type": "nested", "properties": {
            "speaker": keyword(), "text": {"type": "text"}, "direct": {"type": "boolean"}
        }},
        "figures": {"type": "nested", "properties": {
            "text": keyword(), "value": {"type": "double"}, "unit": keyword(),
            "sentence": {"type": "text"}
        }},
        "copies": {"type": "integer"},
        "duplicate_of": keyword(),
        "story": keyword(),
        "title_stems": analysed(false),
        "body_stems": analysed(false),
        "title_exact": analysed(true),
        "body_exact": analysed(true),
        "body": {"type": "text", "index": false},
    });
    for spec in rows.iter().filter(|s| s.shown == Shown::Values) {
        properties[spec.name] = keyword();
    }
    json!({
        "index_patterns": [INDEX_PATTERN],
        "template": {
            "settings": {
                "analysis": {
                    "filter": {
                        "warta_aliases": {"type": "synonym_graph", "synonyms": synonyms}
                    },
                    "analyzer": {
                        "warta_terms": {"type": "custom", "tokenizer": "whitespace"},
                        "warta_exact_query": {
                            "type": "custom",
                            "tokenizer": "whitespace",
                            "filter": ["lowercase", "asciifolding", "warta_aliases"]
                        }
                    }
                }
            },
            "mappings": {"dynamic": "strict", "properties": properties}
        },
        "_meta": {"created_by": format!("warta {}", env!("CARGO_PKG_VERSION"))}
    })
}

/// Sorted distinct values.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut v: Vec<&str> = values.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The analysers of the index the hits come from.
pub struct Views {
    /// The exact view.
    pub exact: TextAnalyzer,
    /// The stemmed view.
    pub stemmed: TextAnalyzer,
}

/// The document of one article: facets as keyword arrays (the values the
/// filters take; those shown from their rows after the others), nested
/// quotes and figures, the text in both views.
pub fn document(hit: &Hit, article: &Article, views: &mut Views) -> Value {
    let title = hit.meta.title.as_deref().unwrap_or("");
    let orgs = distinct(
        hit.meta
            .officials
            .iter()
            .filter_map(|o| o.organization.as_deref())
            .chain(article.offices.iter().map(String::as_str)),
    );
    let mut doc = json!({
        "id": hit.id,
        "path": hit.path,
        "url": hit.meta.url,
        "title": hit.meta.title,
        "source": hit.meta.source,
        "date": hit.meta.date.as_ref().map(|d| d.first_day_iso()),
        "date_precision": hit.meta.date_precision.map(|p| p.as_str()),
        "date_basis": hit.meta.date_basis.map(|b| b.as_str()),
        "date_source": hit.meta.date_source,
        "dateline": hit.meta.dateline,
        "province": hit.meta.provinces.iter().map(|p| &p.name).collect::<Vec<_>>(),
        "province_code": hit.meta.provinces.iter().map(|p| &p.code).collect::<Vec<_>>(),
        "city": hit.meta.cities,
        "official": distinct(hit.meta.officials.iter().map(|o| o.name.as_str())),
        "org": orgs,
        "program": hit.meta.programs,
        "speaker": distinct(hit.meta.quotes.iter().map(|q| q.speaker.as_str())),
        "officials": hit.meta.officials,
        "quotes": hit.meta.quotes,
        "figures": hit.meta.figures,
        "copies": hit.copies,
        "duplicate_of": hit.duplicate_of,
        "story": hit.duplicate_of.as_deref().unwrap_or(&hit.id),
        "title_stems": terms(&mut views.stemmed, title).join(" "),
        "body_stems": terms(&mut views.stemmed, &article.body).join(" "),
        "title_exact": terms(&mut views.exact, title).join(" "),
        "body_exact": terms(&mut views.exact, &article.body).join(" "),
        "body": article.body,
    });
    for (name, values) in hit.meta.facet_values.iter() {
        doc[name] = json!(values);
    }
    doc
}

/// An export directory being written: `template.json` and
/// `bulk-00000.ndjson`, `bulk-00001.ndjson`, … ([`DOCS_PER_FILE`] articles
/// each, in the order pushed).
pub struct OpenSearchExport {
    dir: PathBuf,
    partial: PathBuf,
    views: Views,
    file: Option<BufWriter<File>>,
    in_file: usize,
    files: usize,
    rows: u64,
    done: bool,
}

impl OpenSearchExport {
    /// Starts an export into `dir`, which must not exist or be empty; the
    /// template is written first.
    pub fn create(dir: &Path, template: &Value, views: Views) -> Result<Self> {
        if dir.exists() {
            let empty = dir.is_dir()
                && std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?.next().is_none();
            if !empty {
                return Err(UserError::Usage(format!(
                    "{} already exists; an OpenSearch export writes a new directory (give a new name with --output)",
                    dir.display()
                ))
                .into());
            }
        }
        let mut name = dir.file_name().unwrap_or_default().to_os_string();
        name.push(".partial");
        let partial = dir.with_file_name(name);
        if partial.exists() {
            std::fs::remove_dir_all(&partial).map_err(|e| io_error(&partial, e))?;
        }
        std::fs::create_dir(&partial).map_err(|e| io_error(dir, e))?;
        let export = OpenSearchExport {
            dir: dir.to_path_buf(),
            partial,
            views,
            file: None,
            in_file: 0,
            files: 0,
            rows: 0,
            done: false,
        };
        let text = serde_json::to_string_pretty(template).expect("a template is JSON") + "\n";
        let path = export.partial.join(TEMPLATE_FILE);
        std::fs::write(&path, text).map_err(|e| io_error(&export.dir, e))?;
        Ok(export)
    }

    /// Adds one article (its hit and its stored article, for the body).
    pub fn push(&mut self, hit: &Hit, article: &Article) -> Result<()> {
        if self.file.is_none() || self.in_file >= DOCS_PER_FILE {
            self.close_file()?;
            let path = self.partial.join(format!("bulk-{:05}.ndjson", self.files));
            let file = File::create(&path).map_err(|e| io_error(&self.dir, e))?;
            self.file = Some(BufWriter::new(file));
            self.files += 1;
            self.in_file = 0;
        }
        let action = json!({"index": {"_id": hit.id}});
        let doc = document(hit, article, &mut self.views);
        let file = self.file.as_mut().expect("opened above");
        let write = |f: &mut BufWriter<File>| -> std::io::Result<()> {
            serde_json::to_writer(&mut *f, &action)?;
            f.write_all(b"\n")?;
            serde_json::to_writer(&mut *f, &doc)?;
            f.write_all(b"\n")
        };
        write(file).map_err(|e| io_error(&self.dir, e))?;
        self.in_file += 1;
        self.rows += 1;
        Ok(())
    }

    fn close_file(&mut self) -> Result<()> {
        if let Some(mut f) = self.file.take() {
            f.flush().map_err(|e| io_error(&self.dir, e))?;
        }
        Ok(())
    }

    /// Closes the last bulk file and moves the directory into place.
    /// Returns the number of articles.
    pub fn finish(mut self) -> Result<u64> {
        self.close_file()?;
        if self.dir.exists() {
            std::fs::remove_dir(&self.dir).map_err(|e| io_error(&self.dir, e))?;
        }
        std::fs::rename(&self.partial, &self.dir).map_err(|e| io_error(&self.dir, e))?;
        self.done = true;
        Ok(self.rows)
    }
}

impl Drop for OpenSearchExport {
    /// An export that was not finished leaves no partial directory behind.
    fn drop(&mut self) {
        if !self.done {
            self.file = None;
            let _ = std::fs::remove_dir_all(&self.partial);
        }
    }
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::write(path, "writing the OpenSearch export", e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalysisConfig, View};
    use crate::extract::{Official, ProvinceRef};

    fn views() -> Views {
        let config = AnalysisConfig::default();
        Views { exact: config.analyzer(View::Exact), stemmed: config.analyzer(View::Stemmed) }
    }

    /// Made-up people; real places and programmes.
    fn hit() -> (Hit, Article) {
        let article = Article {
            body: "Peserta mencairkan Jaminan Hari Tua di Surabaya.".into(),
            offices: vec!["BPJS Ketenagakerjaan Kanwil Jawa Timur".into()],
            ..Article::default()
        };
        let hit = Hit {
            id: "a/1.txt".into(),
            path: "a/1.txt".into(),
            score: 2.0,
            meta: crate::search::ArticleMeta {
                title: Some("Pencairan JHT meningkat".into()),
                source: Some("Contoh News".into()),
                date: Some("2024".parse().unwrap()),
                date_source: Some(crate::extract::page::DateSource::Copyright),
                date_basis: Some(crate::extract::page::DateBasis::Copyright),
                date_precision: Some(crate::extract::DatePrecision::Year),
                provinces: vec![ProvinceRef { code: "35".into(), name: "Jawa Timur".into() }],
                cities: vec!["Surabaya".into()],
                officials: vec![Official {
                    name: "Ratna Dewi Kusuma".into(),
                    role: Some("Kepala Cabang".into()),
                    organization: Some("BPJS Ketenagakerjaan".into()),
                    as_printed: None,
                }],
                programs: vec!["JHT".into()],
                figures: Vec::new(),
                quotes: Vec::new(),
                dateline: None,
                url: None,
                facet_values: Default::default(),
            },
            snippets: Vec::new(),
            duplicate_of: Some("b/2.txt".into()),
            copies: 1,
            counted: true,
        };
        (hit, article)
    }

    #[test]
    fn a_document_has_facet_keywords_and_both_views() {
        let (hit, article) = hit();
        let doc = document(&hit, &article, &mut views());
        assert_eq!(doc["date"], "2024-01-01");
        assert_eq!(doc["date_precision"], "year");
        assert_eq!(doc["date_source"], "copyright");
        assert_eq!(doc["province"], json!(["Jawa Timur"]));
        assert_eq!(doc["province_code"], json!(["35"]));
        assert_eq!(
            doc["org"],
            json!(["BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan Kanwil Jawa Timur"])
        );
        assert_eq!(doc["story"], "b/2.txt");
        // The stemmed view drops affixes and stopwords; the exact view keeps every word.
        let stems = doc["body_stems"].as_str().unwrap();
        assert!(stems.split(' ').any(|t| t == "cair"), "{stems}");
        assert!(!stems.split(' ').any(|t| t == "di"), "{stems}");
        let exact = doc["body_exact"].as_str().unwrap();
        assert!(exact.starts_with("peserta mencairkan jaminan hari tua di surabaya"), "{exact}");
        // Every field of the document is in the strict mapping.
        let t = template(&[]);
        let props = t["template"]["mappings"]["properties"].as_object().unwrap();
        for key in doc.as_object().unwrap().keys() {
            assert!(props.contains_key(key), "{key} is not mapped");
        }
    }

    /// A facet shown from its row is a keyword field of the mapping and of
    /// each document.
    #[test]
    fn a_facet_shown_from_its_row_is_a_keyword_field() {
        let rows = [crate::test_support::credited_row()];
        let t = template_of(&[], &rows);
        let props = &t["template"]["mappings"]["properties"];
        assert_eq!(props["credited"], json!({"type": "keyword"}));
        assert_eq!(
            props.as_object().unwrap().len(),
            template_of(&[], &[])["template"]["mappings"]["properties"].as_object().unwrap().len()
                + 1
        );
        let (mut hit, article) = hit();
        hit.meta.facet_values =
            crate::search::FacetValues::of(&rows, &crate::test_support::credited_article());
        let doc = document(&hit, &article, &mut views());
        assert_eq!(doc["credited"], json!(["Rina Wulandari", "Dedi Prasetyo"]));
        for key in doc.as_object().unwrap().keys() {
            assert!(props.get(key).is_some(), "{key} is not mapped");
        }
    }

    #[test]
    fn alias_groups_become_rules_in_exact_terms() {
        let groups = vec![
            vec!["BPJS Ketenagakerjaan".to_string(), "BPJAMSOSTEK".into(), "BPJS TK".into()],
            vec!["Jatim".to_string(), "jatim".into()], // one distinct name: no rule
            vec!["Éka".to_string(), "Eka, Dwi".into(), "Dwi".into()],
        ];
        let rules = synonyms(&groups, &mut views().exact);
        assert_eq!(rules, ["bpjs ketenagakerjaan, bpjamsostek, bpjs tk", "eka, eka dwi, dwi"]);
    }

    #[test]
    fn files_are_split_and_the_directory_appears_only_when_finished() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("os");
        let mut export = OpenSearchExport::create(&out, &template(&[]), views()).unwrap();
        let (hit, article) = hit();
        for _ in 0..DOCS_PER_FILE + 1 {
            export.push(&hit, &article).unwrap();
        }
        assert!(!out.exists());
        assert_eq!(export.finish().unwrap(), DOCS_PER_FILE as u64 + 1);
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["bulk-00000.ndjson", "bulk-00001.ndjson", "template.json"]);
        let last = std::fs::read_to_string(out.join("bulk-00001.ndjson")).unwrap();
        assert_eq!(last.lines().count(), 2);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no partial left");
        // A second export into the same directory is refused, naming it.
        let err = OpenSearchExport::create(&out, &template(&[]), views()).err().unwrap();
        assert!(err.to_string().contains("already exists"), "{err}");
    }

    #[test]
    fn an_unfinished_export_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("os");
        let mut export = OpenSearchExport::create(&out, &template(&[]), views()).unwrap();
        let (hit, article) = hit();
        export.push(&hit, &article).unwrap();
        drop(export);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
