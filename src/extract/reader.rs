//! Reading article files from disk into [`RawArticle`]s.
//!
//! Researchers hand warta folders of scraped articles: one page per `.txt`
//! file, or scraper output as `.json` (one object, or an array of objects) and
//! `.jsonl` (one object per line, as news-please and similar tools write).
//! This module decides what a file holds and maps the scrapers' field names
//! onto [`StructuredArticle`]. A bad entry inside a good file is reported in
//! [`ReadOutcome::problems`] and skipped; only a file with nothing usable is
//! an error. Extraction proper happens later, in [`crate::extract::page`].
//!
//! Scraped folders are dirty, so reading is forgiving but never silent: text
//! that is not UTF-8 is decoded (UTF-16 by its byte-order mark, else
//! Windows-1252, a superset of Latin-1) with a warning; binary files are
//! refused; work and memory are bounded by [`MAX_FILE_BYTES`] per file and
//! [`MAX_ARTICLE_BYTES`] per article, and whatever is cut is reported.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value};

use crate::extract::article::{FIRST_YEAR, LAST_YEAR, RawArticle, StructuredArticle};
use crate::extract::date;

/// Most of a file that is read (64 MiB). A longer `.txt` or `.jsonl` file is
/// read up to the last whole line within the limit, and the cut is reported;
/// a longer `.json` file cannot be cut and is refused (split it into JSON
/// Lines).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Longest article text kept (2 MiB, some 300 times a long news story). A
/// longer page or body is cut at the last line end within the limit, and the
/// cut is reported.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Share of control characters above which text is taken for binary data.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// JSON keys for each field, in priority order (first non-empty string wins).
const TITLE_KEYS: &[&str] = &["title", "headline"];
const BODY_KEYS: &[&str] = &["text", "maintext", "body", "content", "article"];
const DATE_KEYS: &[&str] =
    &["date", "date_publish", "published", "published_at", "pubdate", "date_published"];
const SOURCE_KEYS: &[&str] = &["source", "source_domain", "publisher", "site_name"];
const URL_KEYS: &[&str] = &["url", "link"];
/// Keys under which a wrapper object holds its list of articles.
const LIST_KEYS: &[&str] = &["articles", "items", "data", "results", "entries"];

/// What a file held: its articles (with their place in the file) and notes on
/// entries that were skipped.
#[derive(Debug, Default, PartialEq)]
pub struct ReadOutcome {
    /// `None` for a `.txt` or single-object `.json`; the 1-based line number
    /// in a `.jsonl`; the 1-based element index in a `.json` array.
    pub articles: Vec<(Option<usize>, RawArticle)>,
    /// Human-readable notes on what was skipped: entries (`line 3: invalid
    /// JSON: …`) or the part of a file or article past a limit.
    pub problems: Vec<String>,
    /// Notes on what was indexed with care, e.g. `not UTF-8: decoded as
    /// Windows-1252`.
    pub warnings: Vec<String>,
}

/// Why a file gave no articles.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be read.
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    /// A FIFO, socket, device or folder: refused before it is opened
    /// (opening a FIFO would wait for a writer, a device never ends).
    #[error("it is {0}, not a regular file")]
    NotAFile(&'static str),
    /// Nothing but whitespace.
    #[error("empty file")]
    Empty,
    /// NUL bytes or many control characters: not a text file.
    #[error("binary file (not text)")]
    Binary,
    /// A `.json` file larger than [`MAX_FILE_BYTES`].
    #[error("file too large ({size} bytes; limit {limit}); split it into a .jsonl file")]
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

/// Reads one file (at most [`MAX_FILE_BYTES`] of it). Files with another
/// extension are read as text.
pub fn read_file(path: &Path) -> Result<ReadOutcome, ReadError> {
    let bytes = read_bytes(path)?;
    parse_bytes(FileKind::from_path(path).unwrap_or(FileKind::Text), &bytes)
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes of a file ([`parse_bytes`]
/// cuts and reports the excess). A `.json` file over the limit is refused:
/// it cannot be cut. Anything but a regular file is refused by its type
/// before it is opened.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let kind = FileKind::from_path(path).unwrap_or(FileKind::Text);
    let meta = std::fs::metadata(path)?;
    if let Some(kind) = crate::input::special_kind(&meta.file_type()) {
        return Err(ReadError::NotAFile(kind));
    }
    if meta.is_dir() {
        return Err(ReadError::NotAFile("a folder"));
    }
    let size = meta.len();
    if kind == FileKind::Json && size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size, limit: MAX_FILE_BYTES });
    }
    let capacity = usize::try_from(size.min(MAX_FILE_BYTES + 1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    File::open(path)?.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads a file's content, already in memory (at most [`MAX_FILE_BYTES`] of it).
pub fn parse_bytes(kind: FileKind, bytes: &[u8]) -> Result<ReadOutcome, ReadError> {
    let mut cut_note = None;
    let mut bytes = bytes;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        if kind == FileKind::Json {
            return Err(ReadError::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
        }
        bytes = cut_at_line_end(bytes, MAX_FILE_BYTES as usize);
        cut_note = Some(format!(
            "larger than the {} MiB read per file: only its first {} bytes were indexed",
            MAX_FILE_BYTES >> 20,
            bytes.len()
        ));
    }
    let (text, warning) = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let mut out = match kind {
        FileKind::Text => ReadOutcome {
            articles: vec![(None, RawArticle::Plain(text.into_owned()))],
            ..ReadOutcome::default()
        },
        FileKind::Json => parse_json(&text)?,
        FileKind::JsonLines => parse_json_lines(&text)?,
    };
    out.warnings.splice(0..0, cut_note.into_iter().chain(warning));
    for (ordinal, raw) in &mut out.articles {
        if let Some(len) = cap_article(raw) {
            let entry = match (kind, *ordinal) {
                (FileKind::JsonLines, Some(n)) => format!("line {n}: "),
                (_, Some(n)) => format!("element {n}: "),
                (_, None) => String::new(),
            };
            out.warnings.push(format!(
                "{entry}article text of {len} bytes cut to the first {} MiB (the rest is not indexed)",
                MAX_ARTICLE_BYTES >> 20
            ));
        }
    }
    Ok(out)
}

/// The text of a file: UTF-8 as it is (without a byte-order mark); UTF-16
/// by its byte-order mark; anything else as Windows-1252, which gives every
/// byte a character. Returns a warning when the text was not UTF-8.
fn decode(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, Option<String>), ReadError> {
    use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
    use std::borrow::Cow;

    let (text, warning) = match Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc == UTF_8 => {
            (String::from_utf8_lossy(&bytes[bom..]), None::<String>)
        }
        Some((enc, _)) => {
            let (text, _, _) = enc.decode(bytes);
            (Cow::Owned(text.into_owned()), Some(format!("decoded as {}", enc.name())))
        }
        None => match std::str::from_utf8(bytes) {
            Ok(text) => (Cow::Borrowed(text), None),
            // NUL bytes and no byte-order mark: binary, whatever else it holds.
            Err(_) if bytes.contains(&0) => return Err(ReadError::Binary),
            Err(e) => {
                let (text, _, _) = WINDOWS_1252.decode(bytes);
                let note = format!(
                    "not UTF-8 (invalid byte at offset {}): decoded as Windows-1252",
                    e.valid_up_to()
                );
                (Cow::Owned(text.into_owned()), Some(note))
            }
        },
    };
    if looks_binary(&text) {
        return Err(ReadError::Binary);
    }
    Ok((text, warning))
}

/// NUL characters, or more than [`MAX_CONTROL_SHARE`] control characters
/// (other than tab, line feed, carriage return and form feed) in the first
/// 64 KiB.
fn looks_binary(text: &str) -> bool {
    let (mut chars, mut control) = (0usize, 0usize);
    for c in text.chars().take(65_536) {
        chars += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            control += 1;
        }
    }
    control as f64 > chars as f64 * MAX_CONTROL_SHARE
}

/// `bytes` cut to at most `limit`, at the last line end within it when there
/// is one.
fn cut_at_line_end(bytes: &[u8], limit: usize) -> &[u8] {
    let head = &bytes[..limit.min(bytes.len())];
    match head.iter().rposition(|&b| b == b'\n') {
        Some(i) if i > 0 => &head[..=i],
        _ => head,
    }
}

/// `text` cut to at most `limit` bytes, at the last line end within it when
/// there is one, else at a character boundary.
fn cut_text(text: &mut String, limit: usize) {
    if text.len() <= limit {
        return;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind('\n').filter(|&i| i > 0).map_or(end, |i| i + 1);
    text.truncate(end);
}

/// Cuts an article's text to [`MAX_ARTICLE_BYTES`]; the original length when cut.
fn cap_article(raw: &mut RawArticle) -> Option<usize> {
    let text = match raw {
        RawArticle::Plain(text) => text,
        RawArticle::Structured(a) => &mut a.body,
    };
    let len = text.len();
    cut_text(text, MAX_ARTICLE_BYTES);
    (text.len() < len).then_some(len)
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
                Ok((article, notes)) => {
                    out.warnings.extend(notes);
                    out.articles.push((None, RawArticle::Structured(article)));
                }
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
                Ok((a, notes)) => {
                    out.warnings.extend(notes.into_iter().map(|w| format!("element {n}: {w}")));
                    out.articles.push((Some(n), RawArticle::Structured(a)));
                }
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
                Ok((a, notes)) => {
                    out.warnings.extend(notes.into_iter().map(|w| format!("line {n}: {w}")));
                    out.articles.push((Some(n), RawArticle::Structured(a)));
                }
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

/// An article and notes on fields it could not use (a number where text
/// belongs, a date outside the range warta handles).
fn article_from(
    obj: &Map<String, Value>,
) -> Result<(StructuredArticle, Vec<String>), EntryProblem> {
    let article = StructuredArticle {
        title: first_string(obj, TITLE_KEYS),
        body: body_of(obj).ok_or(EntryProblem::NoBody)?,
        date: first_string(obj, DATE_KEYS),
        source: source_of(obj),
        url: first_string(obj, URL_KEYS),
    };
    let mut notes = Vec::new();
    for key in TITLE_KEYS.iter().chain(DATE_KEYS).chain(SOURCE_KEYS).chain(URL_KEYS) {
        let Some(value) = obj.get(*key) else { continue };
        let kind = match value {
            Value::Null | Value::String(_) => continue,
            Value::Object(inner) if SOURCE_KEYS.contains(key) && inner.contains_key("name") => {
                continue;
            }
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        };
        notes.push(format!("field `{key}` is {kind}, not text: ignored"));
    }
    if let Some(date) = &article.date
        && date::parse_date_field(date).is_none()
    {
        notes.push(format!(
            "field `date` `{}` is not a date warta reads (a calendar date from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31): the article is dated from its text, if at all",
            date.chars().take(40).collect::<String>()
        ));
    }
    Ok((article, notes))
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
        assert_eq!(ReadError::Binary.to_string(), "binary file (not text)");
        let big = ReadError::TooLarge { size: 70, limit: 64 };
        assert_eq!(
            big.to_string(),
            "file too large (70 bytes; limit 64); split it into a .jsonl file"
        );
    }

    fn plain(outcome: &ReadOutcome) -> &str {
        match &outcome.articles[0].1 {
            RawArticle::Plain(t) => t,
            other => panic!("not plain: {other:?}"),
        }
    }

    #[test]
    fn windows_1252_and_utf16_are_decoded_with_a_warning() {
        let out = parse_bytes(FileKind::Text, b"Caf\xE9 \x93kata\x94 Jawa Timur").unwrap();
        assert_eq!(plain(&out), "Café “kata” Jawa Timur");
        assert_eq!(out.warnings, ["not UTF-8 (invalid byte at offset 3): decoded as Windows-1252"]);
        assert!(out.problems.is_empty());
        // UTF-16 little endian with its byte-order mark (it holds NUL bytes).
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Berita Medan".encode_utf16().flat_map(u16::to_le_bytes));
        let out = parse_bytes(FileKind::Text, &utf16).unwrap();
        assert_eq!(
            (plain(&out), out.warnings[0].as_str()),
            ("Berita Medan", "decoded as UTF-16LE")
        );
        // UTF-8 with a BOM: no warning.
        let out = parse_bytes(FileKind::Text, "\u{FEFF}Jatim".as_bytes()).unwrap();
        assert_eq!((plain(&out), out.warnings.len()), ("Jatim", 0));
        // A JSON Lines file in Windows-1252: its good lines are read.
        let out = parse_bytes(FileKind::JsonLines, b"{\"text\": \"Caf\xE9\"}\n{bad\n").unwrap();
        assert_eq!((out.articles.len(), out.problems.len(), out.warnings.len()), (1, 1, 1));
    }

    #[test]
    fn control_characters_make_a_file_binary() {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend((0u8..=255).cycle().take(4000).filter(|b| *b != 0));
        assert!(matches!(parse_bytes(FileKind::Text, &bytes), Err(ReadError::Binary)));
        // A stray control character in a long text is not enough.
        let text = format!("{}\x1A", "kata pekerja. ".repeat(20));
        assert!(parse_bytes(FileKind::Text, text.as_bytes()).is_ok());
    }

    #[test]
    fn long_articles_are_cut_at_a_line_end_and_reported() {
        let line = "Pekerja di Surabaya menerima manfaat JHT. ".repeat(10) + "\n";
        let page = line.repeat(MAX_ARTICLE_BYTES / line.len() + 10);
        let out = parse_bytes(FileKind::Text, page.as_bytes()).unwrap();
        let text = plain(&out);
        assert!(text.len() <= MAX_ARTICLE_BYTES && text.ends_with('\n'));
        assert!(out.warnings[0].starts_with("article text of "), "{:?}", out.warnings);
        assert!(out.problems.is_empty());
        let json = format!("{{\"text\": \"{}\"}}\n", "kata ".repeat(MAX_ARTICLE_BYTES / 4));
        let out = parse_bytes(FileKind::JsonLines, json.as_bytes()).unwrap();
        assert!(out.warnings[0].starts_with("line 1: article text of "), "{:?}", out.warnings);
    }

    #[test]
    fn cutting_respects_lines_and_characters() {
        assert_eq!(cut_at_line_end(b"ab\ncd\nef", 7), b"ab\ncd\n");
        assert_eq!(cut_at_line_end(b"abcdef", 4), b"abcd");
        let mut s = "aé\nbé".to_string();
        cut_text(&mut s, 5);
        assert_eq!(s, "aé\n");
        let mut s = "ééé".to_string();
        cut_text(&mut s, 3);
        assert_eq!(s, "é");
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
    fn fields_that_are_not_text_are_named_in_a_warning() {
        let json = br#"{"text": "isi", "title": 12345, "date": ["2024"], "source": {"name": "Kompas"}, "url": null}"#;
        let out = parse_bytes(FileKind::Json, json).unwrap();
        assert_eq!(structured(&out, 0).title, None);
        assert_eq!(structured(&out, 0).source.as_deref(), Some("Kompas"));
        assert_eq!(
            out.warnings,
            [
                "field `title` is a number, not text: ignored",
                "field `date` is a list, not text: ignored"
            ]
        );
        let out =
            parse_bytes(FileKind::JsonLines, b"{\"text\": \"a\", \"source\": true}\n").unwrap();
        assert_eq!(out.warnings, ["line 1: field `source` is true or false, not text: ignored"]);
    }

    #[test]
    fn dates_outside_the_handled_range_are_dropped_with_a_warning() {
        for (date, kept) in [
            ("9999-12-31", false),
            ("0001-01-01", false),
            ("2024-02-30", false),
            ("1850-06-01", true),
            ("2024-06-04", true),
        ] {
            let json = format!(r#"{{"text": "isi", "date": "{date}"}}"#);
            let out = parse_bytes(FileKind::Json, json.as_bytes()).unwrap();
            assert_eq!(out.warnings.is_empty(), kept, "{date}: {:?}", out.warnings);
            if !kept {
                assert!(out.warnings[0].contains("1800-01-01 to 2200-12-31"), "{:?}", out.warnings);
            }
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
