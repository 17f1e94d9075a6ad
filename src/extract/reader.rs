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
//! that is not UTF-8 is decoded (UTF-16 by its byte-order mark; UTF-8 with
//! a few stray bytes as UTF-8, the stray bytes alone as Windows-1252; else
//! Windows-1252, a superset of Latin-1) with a warning; binary files are
//! refused; work and memory are bounded by [`MAX_FILE_BYTES`] per file and
//! [`MAX_ARTICLE_BYTES`] per article, and whatever is cut is reported.

use std::io::Read;
use std::path::Path;

use crate::extract::article::RawArticle;
use crate::input::InputError;

mod json;
use json::{parse_json, parse_json_lines};

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
    /// A saved web page: its markup would be read as the article's words.
    #[error(
        "an HTML page is not read (its markup would become the article); save its text as .txt or its fields as .json"
    )]
    Html,
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

/// Whether `path` names a saved web page (`.html`, `.htm`, `.xhtml`).
fn is_html(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    ["html", "htm", "xhtml"].iter().any(|h| ext.eq_ignore_ascii_case(h))
}

/// Whether `path` names an article file: `.txt`, `.json` or `.jsonl`.
pub fn is_article_file(path: &Path) -> bool {
    FileKind::from_path(path).is_some()
}

/// Reads one file (at most [`MAX_FILE_BYTES`] of it). Files with another
/// extension are read as text, but for HTML pages, which are refused.
pub fn read_file(path: &Path) -> Result<ReadOutcome, ReadError> {
    if is_html(path) {
        return Err(ReadError::Html);
    }
    let bytes = read_bytes(path)?;
    parse_bytes(FileKind::from_path(path).unwrap_or(FileKind::Text), &bytes)
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes of a file ([`parse_bytes`]
/// cuts and reports the excess). A `.json` file over the limit is refused:
/// it cannot be cut. Anything but a regular file is refused by its type
/// before it is opened.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let kind = FileKind::from_path(path).unwrap_or(FileKind::Text);
    let (file, meta) = crate::input::open_regular(path).map_err(|e| match e {
        InputError::WrongType { kind, .. } => ReadError::NotAFile(kind),
        InputError::Io(e) => ReadError::Io(e),
        other => ReadError::Io(std::io::Error::other(other.to_string())),
    })?;
    let size = meta.len();
    if kind == FileKind::Json && size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size, limit: MAX_FILE_BYTES });
    }
    let capacity = usize::try_from(size.min(MAX_FILE_BYTES + 1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
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
/// by its byte-order mark; UTF-8 but for a few stray bytes as UTF-8, those
/// bytes as Windows-1252 ([`mostly_utf8`]); anything else as Windows-1252,
/// which gives every byte a character. Returns a warning when the text was
/// not UTF-8.
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
            Err(e) => match mostly_utf8(bytes) {
                Some((text, invalid)) => {
                    let note = format!(
                        "not all UTF-8 ({invalid} invalid byte{} from offset {}): read as \
                         Windows-1252, the rest as UTF-8",
                        if invalid == 1 { "" } else { "s" },
                        e.valid_up_to()
                    );
                    (Cow::Owned(text), Some(note))
                }
                None => {
                    let (text, _, _) = WINDOWS_1252.decode(bytes);
                    let note = format!(
                        "not UTF-8 (invalid byte at offset {}): decoded as Windows-1252",
                        e.valid_up_to()
                    );
                    (Cow::Owned(text.into_owned()), Some(note))
                }
            },
        },
    };
    if looks_binary(&text) {
        return Err(ReadError::Binary);
    }
    Ok((text, warning))
}

/// A text that is UTF-8 but for a few stray bytes (a Latin-1 `é` pasted
/// into a UTF-8 page, a cut-off character): more characters beyond ASCII
/// written as valid UTF-8 than invalid bytes. Each invalid byte is read as
/// Windows-1252, everything else as UTF-8; returns the text and the number of
/// invalid bytes. `None` when the text reads better as Windows-1252 whole: a
/// Windows-1252 text rarely holds a valid UTF-8 sequence by chance.
fn mostly_utf8(bytes: &[u8]) -> Option<(String, usize)> {
    use encoding_rs::WINDOWS_1252;
    let (mut wide, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if wide <= invalid {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() + invalid);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.push_str(&WINDOWS_1252.decode_without_bom_handling(chunk.invalid()).0);
    }
    Some((text, invalid))
}

/// Characters of a text [`looks_binary`] reads.
const BINARY_SNIFF_CHARS: usize = 65_536;

/// NUL characters, or more than [`MAX_CONTROL_SHARE`] control characters
/// (other than tab, line feed, carriage return and form feed) in the first
/// [`BINARY_SNIFF_CHARS`] characters.
///
/// Counted on the UTF-8 bytes: a character starts at every byte that is not
/// a continuation byte, and the control characters (`char::is_control`,
/// U+0000–U+001F and U+007F–U+009F) are the bytes below 0x20, 0x7F, and
/// 0xC2 followed by 0x80–0x9F.
fn looks_binary(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A text of at most that many bytes has at most that many characters.
    let end = if bytes.len() > BINARY_SNIFF_CHARS {
        text.char_indices().nth(BINARY_SNIFF_CHARS).map_or(bytes.len(), |(end, _)| end)
    } else {
        bytes.len()
    };
    let head = &bytes[..end];
    if head.contains(&0) {
        return true;
    }
    let (mut chars, mut control) = (0usize, 0usize);
    // Counted branch-free into byte-wide counters, a chunk at a time (the
    // compiler vectorises the inner loop).
    for chunk in head.chunks(usize::from(u8::MAX)) {
        let (mut starts, mut controls) = (0u8, 0u8);
        for &b in chunk {
            starts += u8::from((b as i8) >= -0x40);
            let ascii_control =
                (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) | (b == 0x7F);
            controls += u8::from(ascii_control);
        }
        chars += usize::from(starts);
        control += usize::from(controls);
    }
    // U+0080–U+009F: 0xC2 (never a continuation byte) and 0x80–0x9F.
    control += memchr::memchr_iter(0xC2, head)
        .filter(|&i| head.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
        .count();
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

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
    fn html_pages_are_refused_by_name_before_they_are_opened() {
        for name in ["a.html", "b.HTM", "c.xhtml"] {
            let err = read_file(Path::new(name)).unwrap_err();
            assert!(matches!(err, ReadError::Html), "{name}: {err}");
        }
        assert!(!is_html(Path::new("html.txt")));
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
        // UTF-8 with one stray Latin-1 byte: the rest stays UTF-8.
        let mixed = ["“Klaim naik,” kata Dewi di kafe caf".as_bytes(), b"\xE9"].concat();
        let out = parse_bytes(FileKind::Text, &mixed).unwrap();
        assert_eq!(plain(&out), "“Klaim naik,” kata Dewi di kafe café");
        assert_eq!(
            out.warnings,
            [
                "not all UTF-8 (1 invalid byte from offset 39): read as Windows-1252, the rest as UTF-8"
            ]
        );
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

    /// The character-by-character count `looks_binary` replaced.
    fn looks_binary_by_char(text: &str) -> bool {
        let (mut chars, mut control) = (0usize, 0usize);
        for c in text.chars().take(BINARY_SNIFF_CHARS) {
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

    proptest::proptest! {
        #[test]
        fn looks_binary_matches_the_char_by_char_count(
            text in "([a-z .\\n]{0,40}|[\\x00-\\x1F\\x7F\\u{80}-\\u{9F}\\u{A0}-\\u{FF}é€]|\\PC){0,300}"
        ) {
            proptest::prop_assert_eq!(looks_binary(&text), looks_binary_by_char(&text));
        }
    }

    #[test]
    fn looks_binary_reads_only_the_first_characters() {
        for head in ["é", "a", "\u{85}", "\u{10000}"] {
            let long = head.repeat(BINARY_SNIFF_CHARS - 10);
            for tail in ["\u{1}", "\u{85}", "\0", "abc"] {
                let text = format!("{long}{}", tail.repeat(2000));
                assert_eq!(looks_binary(&text), looks_binary_by_char(&text), "{head:?} {tail:?}");
            }
        }
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
