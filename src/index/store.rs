//! Opening an index directory, and the small `warta.json` file beside
//! tantivy's own files that says which corpus it was built from and in which
//! format.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::analysis::{AnalysisConfig, View};
use crate::error::{Error, InternalError, Result, UserError};
use crate::index::analysis;
use crate::index::document::{StoredArticle, from_document, slot_of};
use crate::index::schema::{FORMAT_VERSION, Fields, fields_of};

/// Name of warta's own metadata file inside the index directory.
pub const INFO_FILE: &str = "warta.json";

/// What `warta.json` records about an index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexInfo {
    /// On-disk format version ([`FORMAT_VERSION`] when written).
    pub format: u32,
    /// Absolute path of the corpus the index was built from.
    pub corpus: PathBuf,
    /// Number of articles indexed.
    pub articles: u64,
    /// Build time, seconds since the Unix epoch.
    pub built_at: u64,
    /// False while a build is running (or after one was killed before its
    /// first commit): such an index is rebuilt, never searched.
    #[serde(default = "yes")]
    pub complete: bool,
    /// True when the last `warta index` did not finish (interrupted or
    /// killed after a commit): the index is searchable but misses files or
    /// holds stale ones until the next run completes it.
    #[serde(default)]
    pub pending: bool,
    /// What the corpus looked like when it was indexed.
    #[serde(default)]
    pub fingerprint: Fingerprint,
}

fn yes() -> bool {
    true
}

/// A cheap summary of a corpus folder, to notice that it changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Article files.
    pub files: u64,
    /// Their total size in bytes.
    pub bytes: u64,
    /// The newest modification time among them, seconds since the epoch.
    pub newest: u64,
}

impl IndexInfo {
    /// Reads `warta.json` from an index directory.
    pub fn read(dir: &Path) -> Result<Option<IndexInfo>> {
        let path = dir.join(INFO_FILE);
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(format!("reading {}", path.display()), e)),
        };
        serde_json::from_str(&text).map(Some).map_err(|e| {
            InternalError::Corrupt { path: dir.to_path_buf(), message: format!("{INFO_FILE}: {e}") }
                .into()
        })
    }

    /// Writes `warta.json` atomically (temp file + rename).
    pub fn write(&self, dir: &Path) -> Result<()> {
        let tmp = dir.join(format!("{INFO_FILE}.tmp"));
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        fs::write(&tmp, json).map_err(|e| Error::write(&tmp, "writing", e))?;
        fs::rename(&tmp, dir.join(INFO_FILE))
            .map_err(|e| Error::write(&dir.join(INFO_FILE), "writing", e))
    }
}

/// An open, searchable warta index.
pub struct WartaIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    info: IndexInfo,
    analysis: AnalysisConfig,
    /// The registry of officials the index was built with (its
    /// `officials.tsv`, else the built-in one): filters resolve with it.
    officials: std::sync::Arc<crate::extract::official::registry::Registry>,
    /// Facet values per field, read once (the reader never reloads).
    facet_cache: std::sync::Mutex<std::collections::HashMap<u32, std::sync::Arc<Vec<Facet>>>>,
    /// Syndicated copies (`copies.json`), read on first use.
    copies: std::sync::OnceLock<std::sync::Arc<crate::index::copies::Copies>>,
    /// What the layers above keep for this index between searches (facet
    /// tables, snippet analyzers), one value per type ([`WartaIndex::state`]).
    state: std::sync::Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
}

impl WartaIndex {
    /// This index's value of type `T`, made with `T::default()` on first use
    /// and kept as long as the index is open: the caches of the layers
    /// above (`search` keeps its facet tables and snippet analyzers here),
    /// so two indexes open in one process never share them and closing an
    /// index frees them.
    pub fn state<T: Any + Default + Send + Sync>(&self) -> Arc<T> {
        let mut map = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let slot = map.entry(TypeId::of::<T>()).or_insert_with(|| Arc::new(T::default()));
        match slot.clone().downcast::<T>() {
            Ok(value) => value,
            // The map is keyed by the value's type.
            Err(_) => unreachable!("a state value under another type's key"),
        }
    }

    /// The registry of officials this index was built with.
    pub fn officials(&self) -> &crate::extract::official::registry::Registry {
        &self.officials
    }

    /// The syndicated copies of this index, read once from `copies.json`.
    pub fn copies(&self) -> Result<std::sync::Arc<crate::index::copies::Copies>> {
        if let Some(c) = self.copies.get() {
            return Ok(c.clone());
        }
        let loaded = std::sync::Arc::new(crate::index::copies::Copies::load(&self.dir)?);
        Ok(self.copies.get_or_init(|| loaded).clone())
    }

    /// Whether `dir` holds an index at all (tantivy's `meta.json`).
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens the index in `dir` for searching.
    pub fn open(dir: &Path) -> Result<WartaIndex> {
        if !Self::exists(dir) {
            // A first build writes warta.json before tantivy's files.
            if crate::index::layout::writer_running(dir) && dir.join(INFO_FILE).is_file() {
                return Err(UserError::IndexBuilding { path: dir.to_path_buf() }.into());
            }
            return Err(UserError::IndexMissing { path: dir.to_path_buf() }.into());
        }
        let info = match IndexInfo::read(dir)? {
            Some(info) => info,
            None => return Err(UserError::NotAnIndex { path: dir.to_path_buf() }.into()),
        };
        if !info.complete {
            if crate::index::layout::writer_running(dir) {
                return Err(UserError::IndexBuilding { path: dir.to_path_buf() }.into());
            }
            return Err(UserError::IndexIncomplete { path: dir.to_path_buf() }.into());
        }
        if info.format != FORMAT_VERSION {
            return Err(UserError::IndexVersion {
                path: dir.to_path_buf(),
                found: info.format,
                expected: FORMAT_VERSION,
            }
            .into());
        }
        let corrupt = |message: String| -> Error {
            InternalError::Corrupt { path: dir.to_path_buf(), message }.into()
        };
        let directory =
            crate::index::readonly::Searchable::open(dir).map_err(|e| corrupt(e.to_string()))?;
        let index = Index::open(directory).map_err(|e| corrupt(e.to_string()))?;
        // The format number matched above, so other fields mean a field was
        // added or changed without raising it.
        let fields = fields_of(&index.schema())
            .ok_or_else(|| Error::from(UserError::IndexFields { path: dir.to_path_buf() }))?;
        let officials = analysis::stored_officials(dir)?;
        let analysis = analysis::config(analysis::stored_roots(dir)?, &officials);
        analysis.register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: tantivy::TantivyError| corrupt(e.to_string()))?;
        Ok(WartaIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            info,
            analysis,
            officials,
            facet_cache: Default::default(),
            copies: std::sync::OnceLock::new(),
            state: Default::default(),
        })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// A searcher over the last commit.
    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// Field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The analysis configuration documents were indexed with.
    pub fn analysis(&self) -> &AnalysisConfig {
        &self.analysis
    }

    /// The analyzer of a view, as registered in the index.
    pub fn analyzer(&self, view: View) -> tantivy::tokenizer::TextAnalyzer {
        self.index
            .tokenizers()
            .get(view.analyzer_name())
            .unwrap_or_else(|| self.analysis.analyzer(view))
    }

    /// What `warta.json` says.
    pub fn info(&self) -> &IndexInfo {
        &self.info
    }

    /// Decodes a stored document, turning failures into a "corrupt index" error.
    pub fn stored(&self, doc: &TantivyDocument) -> Result<StoredArticle> {
        from_document(&self.fields, doc)
            .map_err(|message| InternalError::Corrupt { path: self.dir.clone(), message }.into())
    }

    /// Every facet path indexed in `field` (ancestors included, the root
    /// not), sorted and deduplicated across segments. Read once per field.
    pub fn facet_values(
        &self,
        field: tantivy::schema::Field,
    ) -> Result<std::sync::Arc<Vec<Facet>>> {
        if let Some(values) =
            self.facet_cache.lock().ok().and_then(|c| c.get(&field.field_id()).cloned())
        {
            return Ok(values);
        }
        let searcher = self.searcher();
        let mut all = std::collections::BTreeSet::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(|e| Error::io(format!("reading {}", self.dir.display()), e))?;
            while stream.advance() {
                if let Ok(facet) = Facet::from_encoded(stream.key().to_vec())
                    && !facet.is_root()
                {
                    all.insert(facet);
                }
            }
        }
        let values = std::sync::Arc::new(all.into_iter().collect::<Vec<_>>());
        if let Ok(mut cache) = self.facet_cache.lock() {
            cache.insert(field.field_id(), values.clone());
        }
        Ok(values)
    }

    /// The slots the speaker with `key` (`document::speaker_key`) has in
    /// any article, sorted: the scopes of that speaker's words in the
    /// `said` fields (see `document::said_term`).
    pub fn speaker_slots(&self, key: &str) -> Result<Vec<usize>> {
        let prefix = format!("{key}#");
        // Every term of this speaker lies in [`key#`, `key$`): `$` follows `#`.
        let end = format!("{key}$");
        let mut slots = std::collections::BTreeSet::new();
        for segment in self.searcher().segment_readers() {
            let inverted = segment.inverted_index(self.fields.speaker_slot)?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .lt(end.as_bytes())
                .into_stream()
                .map_err(|e| Error::io(format!("reading {}", self.dir.display()), e))?;
            while stream.advance() {
                if let Some(slot) =
                    std::str::from_utf8(stream.key()).ok().and_then(|t| slot_of(key, t))
                {
                    slots.insert(slot);
                }
            }
        }
        Ok(slots.into_iter().collect())
    }

    /// Fetches one article by id.
    pub fn get(&self, id: &str) -> Result<StoredArticle> {
        let searcher = self.searcher();
        let query =
            TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, addr)) = top.first() else {
            return Err(UserError::UnknownId { id: id.to_string() }.into());
        };
        let doc: TantivyDocument = searcher.doc(*addr)?;
        self.stored(&doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An index of this format number whose fields are not this warta's
    /// (a field added without raising the number) is refused by name, with
    /// the rebuild that mends it, not as another version of warta.
    #[test]
    fn an_index_with_other_fields_names_the_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        let mut builder = tantivy::schema::Schema::builder();
        builder.add_text_field("id", tantivy::schema::STRING | tantivy::schema::STORED);
        Index::create_in_dir(dir.path(), builder.build()).unwrap();
        IndexInfo {
            format: FORMAT_VERSION,
            corpus: PathBuf::from("/corpus"),
            articles: 0,
            built_at: 0,
            complete: true,
            pending: false,
            fingerprint: Fingerprint::default(),
        }
        .write(dir.path())
        .unwrap();
        let message = WartaIndex::open(dir.path()).err().expect("refused").to_string();
        assert!(message.contains("has other fields than this warta writes"), "{message}");
        assert!(message.contains("--rebuild"), "{message}");
    }
}
