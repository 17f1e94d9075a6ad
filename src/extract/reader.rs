//! Reading article files from disk into [`RawArticle`]s.
//!
//! Researchers hand warta folders of scraped articles: one page per `.txt`
//! file, or scraper output as `.json` (one object, or an array of objects) and
//! `.jsonl` (one object per line, as news-please and similar tools write).
//! This module decides what a file holds and maps the scrapers' field names
//! onto [`StructuredArticle`]. A bad entry inside a good file is reported in
//! [`ReadOutcome::problems`] and skipped; only a file with nothing usable is
//! an error. Extraction proper happens later, in [`crate::extract::page`].

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value};

use crate::extract::article::{RawArticle, StructuredArticle};

/// Largest file read (64 MiB); bigger files are refused, not truncated.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// JSON keys for each field, in priority order (first non-empty string wins).
const TITLE_KEYS: &[&str] = &["title", "headline"];
const BODY_KEYS: &[&str] = &["text", "maintext", "body", "content", "article"];
const DATE_KEYS: &[&str] =
    &["date", "date_publish", "published", "published_at", "pubdate", "date_published"];
const SOURCE_KEYS: &[&str] = &["source", "source_domain", "publisher", "site_name"];
const URL_KEYS: &[&str] = &["url", "link"];
/// Keys under which a wrapper object holds its list of articles.
const LIST_KEYS: &[&str] = &["articles", "items", "data", "results", "entries"];

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a file held: its articles (with their place in the file) and notes on
/// entries that were skipped.
#[derive(Debug, Default, PartialEq)]
pub struct ReadOutcome {
    /// `None` for a `.txt` or single-object `.json`; the 1-based line number
    /// in a `.jsonl`; the 1-based element index in a `.json` array.
    pub articles: Vec<(Option<usize>, RawArticle)>,
    /// Human-readable notes on skipped entries, e.g. `line 3: invalid JSON: …`.
    pub problems: Vec<String>,
}

/// Why a file gave no articles.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be read.
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    /// Nothing but whitespace.
    #[error("empty file")]
    Empty,
    /// NUL bytes: not a text file.
    #[error("binary file (NUL bytes)")]
    Binary,
    /// Text that is not UTF-8.
    #[error("not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid byte in the file.
        offset: usize,
    },
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("file too large ({size} bytes; limit {limit})")]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A `.json` file that is not valid JSON.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// A `.json`/`.jsonl` file in which no entry is a usable article.
    #[error("no usable article in file{}", first_problem.as_ref().map(|p| format!(" ({p})")).unwrap_or_default())]
    NoArticles {
        /// The first skipped entry's problem, if any entry was present.
        first_problem: Option<String>,
    },
}

/// How a file's content is laid out, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `.txt`: one scraped page.
    Text,
    /// `.json`: one article object, an array of them, or a wrapper object.
    Json,
    /// `.jsonl`: one article object per line.
    JsonLines,
}

impl FileKind {
    /// The kind for a path's extension (ASCII case-insensitive), if it is an article file.
    pub fn from_path(path: &Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?;
        [("txt", FileKind::Text), ("json", FileKind::Json), ("jsonl", FileKind::JsonLines)]
            .into_iter()
            .find(|(e, _)| ext.eq_ignore_ascii_case(e))
            .map(|(_, kind)| kind)
    }
}

/// Whether `path` names an article file: `.txt`, `.json` or `.jsonl`.
pub fn is_article_file(path: &Path) -> bool {
    FileKind::from_path(path).is_some()
}

/// Reads one file. Files with another extension are read as text.
pub fn read_file(path: &Path) -> Result<ReadOutcome, ReadError> {
    let bytes = read_bytes(path)?;
    parse_bytes(FileKind::from_path(path).unwrap_or(FileKind::Text), &bytes)
}

/// Reads a file's bytes, refusing files larger than [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size, limit: MAX_FILE_BYTES });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    File::open(path)?.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size: read, limit: MAX_FILE_BYTES });
    }
    Ok(bytes)
}

/// Reads a file's content, already in memory.
pub fn parse_bytes(kind: FileKind, bytes: &[u8]) -> Result<ReadOutcome, ReadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    let (bom, content) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM.len(), rest),
        None => (0, bytes),
    };
    if content.contains(&0) {
        return Err(ReadError::Binary);
    }
    let text = std::str::from_utf8(content)
        .map_err(|e| ReadError::NotUtf8 { offset: bom + e.valid_up_to() })?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    match kind {
        FileKind::Text => Ok(ReadOutcome {
            articles: vec![(None, RawArticle::Plain(text.to_string()))],
            problems: Vec::new(),
        }),
        FileKind::Json => parse_json(text),
        FileKind::JsonLines => parse_json_lines(text),
    }
}

/// A `.json` file: one object, an array, or a wrapper object holding an array.
/// A file of several objects one per line is read as JSON lines.
fn parse_json(text: &str) -> Result<ReadOutcome, ReadError> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) if looks_like_json_lines(text, &e) => return parse_json_lines(text),
        Err(e) => return Err(ReadError::Json(e.to_string())),
    };
    let mut out = ReadOutcome::default();
    match value {
        Value::Array(items) => collect_array(items, &mut out),
        Value::Object(mut obj) => match take_wrapped_list(&mut obj) {
            Some(items) => collect_array(items, &mut out),
            None => match article_from(&obj) {
                Ok(article) => out.articles.push((None, RawArticle::Structured(article))),
                Err(problem) => out.problems.push(problem.to_string()),
            },
        },
        _ => return Err(ReadError::Json("top-level value is not an object or an array".into())),
    }
    finish(out)
}

fn collect_array(items: Vec<Value>, out: &mut ReadOutcome) {
    for (i, item) in items.into_iter().enumerate() {
        let n = i + 1;
        match item {
            Value::Object(obj) => match article_from(&obj) {
                Ok(a) => out.articles.push((Some(n), RawArticle::Structured(a))),
                Err(problem) => out.problems.push(format!("element {n}: {problem}")),
            },
            _ => out.problems.push(format!("element {n}: not a JSON object")),
        }
    }
}

/// A wrapper's list of articles (`{"articles": [...]}`), taken out of an
/// object that has no body of its own.
fn take_wrapped_list(obj: &mut Map<String, Value>) -> Option<Vec<Value>> {
    if body_of(obj).is_some() {
        return None;
    }
    let key = LIST_KEYS.iter().find(|k| obj.get(**k).is_some_and(Value::is_array))?;
    match obj.remove(*key)? {
        Value::Array(items) => Some(items),
        _ => None,
    }
}

/// Trailing data after a first complete object: several objects, one per line.
fn looks_like_json_lines(text: &str, err: &serde_json::Error) -> bool {
    err.is_syntax()
        && err.to_string().starts_with("trailing characters")
        && text
            .lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|first| serde_json::from_str::<Value>(first).is_ok_and(|v| v.is_object()))
}

/// A `.jsonl` file; each bad line becomes a problem.
fn parse_json_lines(text: &str) -> Result<ReadOutcome, ReadError> {
    let mut out = ReadOutcome::default();
    for (i, line) in text.split('\n').enumerate() {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => match article_from(&obj) {
                Ok(a) => out.articles.push((Some(n), RawArticle::Structured(a))),
                Err(problem) => out.problems.push(format!("line {n}: {problem}")),
            },
            Ok(_) => out.problems.push(format!("line {n}: not a JSON object")),
            Err(e) => out.problems.push(format!("line {n}: invalid JSON: {}", json_message(&e))),
        }
    }
    finish(out)
}

/// serde_json's message without its "at line 1" (the line is ours to give).
fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = msg.rfind(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
    format!("{msg} at column {}", e.column())
}

fn finish(out: ReadOutcome) -> Result<ReadOutcome, ReadError> {
    if out.articles.is_empty() {
        return Err(ReadError::NoArticles { first_problem: out.problems.into_iter().next() });
    }
    Ok(out)
}

/// Why an object is not an article.
#[derive(Debug, PartialEq, Eq)]
enum EntryProblem {
    NoBody,
}

impl std::fmt::Display for EntryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntryProblem::NoBody => write!(f, "no text field ({})", BODY_KEYS.join("/")),
        }
    }
}

/// A non-empty string value, trimmed.
fn non_empty(value: &Value) -> Option<String> {
    value.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// The first key holding a non-empty string.
fn first_string(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| non_empty(obj.get(*k)?))
}

/// The body: a string, or an array of paragraph strings.
fn body_of(obj: &Map<String, Value>) -> Option<String> {
    BODY_KEYS.iter().find_map(|k| match obj.get(*k)? {
        Value::Array(parts) => {
            let paragraphs: Vec<String> = parts.iter().filter_map(non_empty).collect();
            (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
        }
        other => non_empty(other),
    })
}

/// The source: a string, or an object with a `name` (`{"source": {"name": …}}`).
fn source_of(obj: &Map<String, Value>) -> Option<String> {
    SOURCE_KEYS.iter().find_map(|k| match obj.get(*k)? {
        Value::Object(inner) => inner.get("name").and_then(non_empty),
        other => non_empty(other),
    })
}

fn article_from(obj: &Map<String, Value>) -> Result<StructuredArticle, EntryProblem> {
    Ok(StructuredArticle {
        title: first_string(obj, TITLE_KEYS),
        body: body_of(obj).ok_or(EntryProblem::NoBody)?,
        date: first_string(obj, DATE_KEYS),
        source: source_of(obj),
        url: first_string(obj, URL_KEYS),
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn structured(outcome: &ReadOutcome, i: usize) -> &StructuredArticle {
        match &outcome.articles[i].1 {
            RawArticle::Structured(a) => a,
            other => panic!("not structured: {other:?}"),
        }
    }

    /// A unique path in the temp dir, removed on drop.
    struct TempFile(PathBuf);

    impl TempFile {
        fn new(name: &str, bytes: &[u8]) -> TempFile {
            let unique = format!("warta-reader-{}-{}-{name}", std::process::id(), name.len());
            let path = std::env::temp_dir().join(unique);
            std::fs::write(&path, bytes).unwrap();
            TempFile(path)
        }
    }

    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    #[test]
    fn article_extensions() {
        for p in ["a.txt", "a.TXT", "b.json", "c.JsonL", "dir/x.jsonl"] {
            assert!(is_article_file(Path::new(p)), "{p}");
        }
        for p in ["a.md", "a", "a.txt.gz", "json", ".txt"] {
            assert!(!is_article_file(Path::new(p)), "{p}");
        }
    }

    #[test]
    fn text_file_is_one_plain_article_without_bom() {
        let out = parse_bytes(FileKind::Text, b"\xEF\xBB\xBFJudul\n\nIsi berita.").unwrap();
        assert_eq!(out.articles, vec![(None, RawArticle::Plain("Judul\n\nIsi berita.".into()))]);
        assert!(out.problems.is_empty());
    }

    #[test]
    fn read_errors() {
        assert!(matches!(parse_bytes(FileKind::Text, b""), Err(ReadError::Empty)));
        assert!(matches!(parse_bytes(FileKind::Text, b" \n\t\r\n"), Err(ReadError::Empty)));
        assert!(matches!(parse_bytes(FileKind::Text, b"\xEF\xBB\xBF  "), Err(ReadError::Empty)));
        assert!(matches!(parse_bytes(FileKind::Text, b"ab\0cd"), Err(ReadError::Binary)));
        let err = parse_bytes(FileKind::Text, b"abc\xFFdef").unwrap_err();
        assert!(matches!(err, ReadError::NotUtf8 { offset: 3 }));
        assert_eq!(err.to_string(), "not UTF-8 text (invalid byte at offset 3)");
        let err = parse_bytes(FileKind::Text, b"\xEF\xBB\xBFa\xC3").unwrap_err();
        assert!(matches!(err, ReadError::NotUtf8 { offset: 4 }));
        let err = parse_bytes(FileKind::Json, b"{\"text\": ").unwrap_err();
        assert!(matches!(err, ReadError::Json(_)), "{err}");
        assert!(matches!(parse_bytes(FileKind::Json, b"42"), Err(ReadError::Json(_))));
        assert!(matches!(parse_bytes(FileKind::Json, b"[]"), Err(ReadError::NoArticles { .. })));
        let err = parse_bytes(FileKind::Json, br#"{"title": "Judul"}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no usable article in file (no text field (text/maintext/body/content/article))"
        );
        assert_eq!(ReadError::Empty.to_string(), "empty file");
        assert_eq!(ReadError::Binary.to_string(), "binary file (NUL bytes)");
        let big = ReadError::TooLarge { size: 70, limit: 64 };
        assert_eq!(big.to_string(), "file too large (70 bytes; limit 64)");
    }

    #[test]
    fn json_field_mapping() {
        let json =
            br#"{"headline": "Judul", "maintext": "Isi.", "date_publish": "2023-08-14 09:30:00",
                         "source_domain": "contoh.com", "link": "https://contoh.com/a"}"#;
        let out = parse_bytes(FileKind::Json, json).unwrap();
        assert_eq!(out.articles[0].0, None);
        let a = structured(&out, 0);
        assert_eq!(a.title.as_deref(), Some("Judul"));
        assert_eq!(a.body, "Isi.");
        assert_eq!(a.date.as_deref(), Some("2023-08-14 09:30:00"));
        assert_eq!(a.source.as_deref(), Some("contoh.com"));
        assert_eq!(a.url.as_deref(), Some("https://contoh.com/a"));
    }

    #[test]
    fn first_non_empty_string_wins() {
        let json =
            br#"{"title": " ", "headline": "Kedua", "text": "", "maintext": 5, "body": "Isi",
                        "date": null, "published_at": "2021-03-02", "source": {"name": "Warta"},
                        "url": "", "link": "l"}"#;
        let out = parse_bytes(FileKind::Json, json).unwrap();
        let a = structured(&out, 0);
        assert_eq!(a.title.as_deref(), Some("Kedua"));
        assert_eq!(a.body, "Isi");
        assert_eq!(a.date.as_deref(), Some("2021-03-02"));
        assert_eq!(a.source.as_deref(), Some("Warta"));
        assert_eq!(a.url.as_deref(), Some("l"));
    }

    #[test]
    fn every_field_alias_is_read() {
        let read = |json: String| {
            structured(&parse_bytes(FileKind::Json, json.as_bytes()).unwrap(), 0).clone()
        };
        for key in BODY_KEYS {
            assert_eq!(read(format!(r#"{{"{key}": "isi"}}"#)).body, "isi", "{key}");
        }
        for key in TITLE_KEYS {
            assert_eq!(
                read(format!(r#"{{"text": "x", "{key}": "v"}}"#)).title.as_deref(),
                Some("v")
            );
        }
        for key in DATE_KEYS {
            assert_eq!(
                read(format!(r#"{{"text": "x", "{key}": "v"}}"#)).date.as_deref(),
                Some("v")
            );
        }
        for key in SOURCE_KEYS {
            assert_eq!(
                read(format!(r#"{{"text": "x", "{key}": "v"}}"#)).source.as_deref(),
                Some("v")
            );
        }
        for key in URL_KEYS {
            assert_eq!(read(format!(r#"{{"text": "x", "{key}": "v"}}"#)).url.as_deref(), Some("v"));
        }
    }

    #[test]
    fn body_as_paragraph_array() {
        let out = parse_bytes(FileKind::Json, br#"{"text": ["Satu.", " ", "Dua."]}"#).unwrap();
        assert_eq!(structured(&out, 0).body, "Satu.\n\nDua.");
    }

    #[test]
    fn json_arrays_number_elements_and_report_problems() {
        let json = br#"[{"text": "a"}, {"title": "t"}, 7, {"body": "b"}]"#;
        let out = parse_bytes(FileKind::Json, json).unwrap();
        let ordinals: Vec<_> = out.articles.iter().map(|(n, _)| *n).collect();
        assert_eq!(ordinals, vec![Some(1), Some(4)]);
        assert_eq!(
            out.problems,
            vec![
                "element 2: no text field (text/maintext/body/content/article)".to_string(),
                "element 3: not a JSON object".to_string(),
            ]
        );
    }

    #[test]
    fn wrapper_objects_hold_lists() {
        let out = parse_bytes(FileKind::Json, br#"{"articles": [{"text": "a"}, {"text": "b"}]}"#)
            .unwrap();
        assert_eq!(out.articles.len(), 2);
        assert_eq!(out.articles[1].0, Some(2));
    }

    #[test]
    fn json_lines_number_lines_and_report_problems() {
        let text = b"{\"text\": \"a\"}\n\n?\n{\"title\": \"x\"}\n[1]\r\n{\"body\": \"b\"}\n";
        let out = parse_bytes(FileKind::JsonLines, text).unwrap();
        let ordinals: Vec<_> = out.articles.iter().map(|(n, _)| *n).collect();
        assert_eq!(ordinals, vec![Some(1), Some(6)]);
        assert_eq!(
            out.problems,
            vec![
                "line 3: invalid JSON: expected value at column 1".to_string(),
                "line 4: no text field (text/maintext/body/content/article)".to_string(),
                "line 5: not a JSON object".to_string(),
            ]
        );
        let err = parse_bytes(FileKind::JsonLines, b"oops\n").unwrap_err();
        assert!(matches!(err, ReadError::NoArticles { first_problem: Some(_) }));
    }

    #[test]
    fn json_file_holding_json_lines() {
        let out = parse_bytes(FileKind::Json, b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n").unwrap();
        assert_eq!(out.articles.len(), 2);
        assert_eq!(out.articles[1].0, Some(2));
    }

    #[test]
    fn files_on_disk() {
        let file = TempFile::new("artikel.jsonl", b"{\"text\": \"a\"}\n");
        assert_eq!(read_file(&file.0).unwrap().articles[0].0, Some(1));
        let file = TempFile::new("artikel.txt", b"Isi.");
        assert_eq!(read_file(&file.0).unwrap().articles[0].0, None);
        let missing = std::env::temp_dir().join("warta-reader-missing-file.txt");
        let err = read_file(&missing).unwrap_err();
        assert!(matches!(err, ReadError::Io(_)));
        assert!(err.to_string().starts_with("cannot read file: "));
    }
}
