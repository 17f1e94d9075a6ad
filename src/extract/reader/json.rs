//! JSON and JSON Lines from scrapers: which objects are articles and which
//! of their fields (under the scrapers' many names) are the title, body,
//! date, source and address. A bad entry is a problem of its line or
//! element; a field warta cannot use (a number where text belongs, a date
//! outside the range it handles) is a warning naming the field.

use serde_json::{Map, Value};

use super::{ReadError, ReadOutcome};
use crate::extract::article::{FIRST_YEAR, LAST_YEAR, RawArticle, StructuredArticle};
use crate::extract::date;

/// JSON keys for each field, in priority order (first non-empty string wins).
const TITLE_KEYS: &[&str] = &["title", "headline"];
const BODY_KEYS: &[&str] = &["text", "maintext", "body", "content", "article"];
const DATE_KEYS: &[&str] =
    &["date", "date_publish", "published", "published_at", "pubdate", "date_published"];
const SOURCE_KEYS: &[&str] = &["source", "source_domain", "publisher", "site_name"];
const URL_KEYS: &[&str] = &["url", "link"];
/// Keys under which a wrapper object holds its list of articles.
const LIST_KEYS: &[&str] = &["articles", "items", "data", "results", "entries"];

/// A `.json` file: one object, an array, or a wrapper object holding an array.
/// A file of several objects one per line is read as JSON lines.
pub(super) fn parse_json(text: &str) -> Result<ReadOutcome, ReadError> {
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
pub(super) fn parse_json_lines(text: &str) -> Result<ReadOutcome, ReadError> {
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
        let key = DATE_KEYS.iter().find(|k| obj.get(**k).and_then(non_empty).is_some());
        notes.push(format!(
            "field `{}` `{}` is not a date warta reads (a calendar date from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31): the article is dated from its text, if at all",
            key.unwrap_or(&"date"),
            date.chars().take(40).collect::<String>()
        ));
    }
    Ok((article, notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::reader::{FileKind, parse_bytes};

    fn structured(outcome: &ReadOutcome, i: usize) -> &StructuredArticle {
        match &outcome.articles[i].1 {
            RawArticle::Structured(a) => a,
            other => panic!("not structured: {other:?}"),
        }
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
    fn a_date_warta_cannot_read_is_named_by_its_own_field() {
        let json = r#"{"text": "isi", "published_at": "kemarin sore"}"#;
        let out = parse_bytes(FileKind::Json, json.as_bytes()).unwrap();
        assert!(
            out.warnings[0].starts_with("field `published_at` `kemarin sore` is not"),
            "{out:?}"
        );
        let json = r#"{"text": "isi", "published_at": "April 12, 2023"}"#;
        assert!(parse_bytes(FileKind::Json, json.as_bytes()).unwrap().warnings.is_empty());
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
}
