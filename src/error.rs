//! Errors of the warta library, split as milli splits them: a [`UserError`] is
//! something the person at the keyboard can fix (a query typo, an unknown
//! province, an index that was never built), an [`InternalError`] is
//! something that went wrong inside (I/O, a corrupt index). `warta serve`
//! answers the first with a 4xx status and the second with 500; the CLI
//! prints both and exits with status 2.
//!
//! Not a leaf: two errors carry a lower module's error as their source
//! ([`crate::extract::BadDate`], [`crate::input::InputError`]), so this
//! module depends on `extract` and `input`, and is used by `index`,
//! `search` and `export` above them; `analysis`, `extract`, `dedup` and
//! `input` do not use it.

use std::path::PathBuf;

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Any error the library returns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request cannot be served as asked; the message says how to fix it.
    #[error(transparent)]
    User(#[from] UserError),
    /// Something failed inside warta or underneath it.
    #[error(transparent)]
    Internal(#[from] InternalError),
}

/// Errors the user can fix by changing the command.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    /// The query string does not parse. `position` is a character offset.
    #[error("query syntax error at character {position}: {message}\n  {query}\n  {caret}",
        caret = caret_line(*.position))]
    QuerySyntax {
        /// The whole query as given.
        query: String,
        /// Character offset (0-based) of the problem.
        position: usize,
        /// What is wrong there.
        message: String,
    },
    /// A filter or `field:value` names a value warta does not know.
    #[error("unknown {facet} `{value}`{hint}", hint = suggestion_hint(facet, suggestions, hint))]
    UnknownFacetValue {
        /// The facet (its name in the facet table: province, city …).
        facet: &'static str,
        /// The value as typed.
        value: String,
        /// Close values that do exist.
        suggestions: Vec<String>,
        /// What is valid, when there are no suggestions (the facet table's
        /// hint); `None`: `warta facets --by` counts the values.
        hint: Option<String>,
    },
    /// A date filter is not YYYY, YYYY-MM or YYYY-MM-DD.
    #[error("--{flag}: {source}")]
    BadDate {
        /// `from` or `to`.
        flag: &'static str,
        /// The parse error.
        source: crate::extract::BadDate,
    },
    /// Command-line flags that do not go together (`--all` without an
    /// export format, a format a command cannot write).
    #[error("{0}")]
    Usage(String),
    /// `--from` is later than `--to`.
    #[error("--from {from} is later than --to {to}; swap them")]
    DateRange {
        /// The `--from` value.
        from: String,
        /// The `--to` value.
        to: String,
    },
    /// There is no index where one was expected.
    #[error("no warta index in {}; build it with `warta index CORPUS --index {}`",
        .path.display(), .path.display())]
    IndexMissing {
        /// The index directory.
        path: PathBuf,
    },
    /// The index directory holds files that are not a warta index.
    #[error("{} is not a warta index (it holds other files); choose an empty or new directory with --index",
        .path.display())]
    NotAnIndex {
        /// The directory.
        path: PathBuf,
    },
    /// The index directory holds entries warta did not create.
    #[error("{} is not a warta index: it holds {} that warta did not create ({}); nothing was changed. Move them away or choose an empty or new directory with --index",
        .path.display(), plural(.entries.len(), "entry", "entries"), list_names(.entries))]
    ForeignFiles {
        /// The directory.
        path: PathBuf,
        /// The entries that are not warta's, sorted.
        entries: Vec<String>,
    },
    /// The first build of this index is running in another process.
    #[error("the index in {} is being built (a first build is in progress in another `warta index`); wait for it to finish",
        .path.display())]
    IndexBuilding {
        /// The index directory.
        path: PathBuf,
    },
    /// A build of this index was interrupted before its first commit.
    #[error("the index in {} was never finished (its build was interrupted); run `warta index CORPUS --index {}` again",
        .path.display(), .path.display())]
    IndexIncomplete {
        /// The index directory.
        path: PathBuf,
    },
    /// The index was written by an incompatible version of warta.
    #[error("the index in {} was built by another version of warta (format {found}, this warta reads {expected}); rebuild it with `warta index CORPUS --index {}`",
        .path.display(), .path.display())]
    IndexVersion {
        /// The index directory.
        path: PathBuf,
        /// Format version found on disk.
        found: u32,
        /// Format version this build reads.
        expected: u32,
    },
    /// The index's fields are not the ones this warta writes, under the
    /// same format number (a field was added or changed without raising
    /// it).
    #[error("the index in {} has other fields than this warta writes (it was built before a field was added or changed); rebuild it with `warta index CORPUS --index {} --rebuild`",
        .path.display(), .path.display())]
    IndexFields {
        /// The index directory.
        path: PathBuf,
    },
    /// Another process is writing this index.
    #[error("the index in {} is locked by another `warta index` or `warta merge` (lock file {}); wait for it to finish",
        .path.display(), .path.join(".tantivy-writer.lock").display())]
    IndexLocked {
        /// The index directory.
        path: PathBuf,
    },
    /// The corpus folder cannot be read.
    #[error("cannot read corpus {}: {reason}", .path.display())]
    CorpusUnreadable {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A file a flag names (`--roots`, `--officials`, …) cannot be used: its
    /// type, its size or its bytes.
    #[error("cannot use {what} {}: {source}", .path.display())]
    InputFile {
        /// The flag or argument, e.g. `--roots file`.
        what: &'static str,
        /// The file.
        path: PathBuf,
        /// Why.
        source: crate::input::InputError,
    },
    /// A registry of officials (`--officials FILE`, or the one kept in an
    /// index) has a bad row.
    #[error("registry of officials {}: {reason}", .path.display())]
    OfficialsFile {
        /// The file.
        path: PathBuf,
        /// Why (with the line).
        reason: String,
    },
    /// An `--aliases` or `--roots` file cannot be used.
    #[error("cannot use alias file {}: {reason}", .path.display())]
    AliasFile {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A timeline would have too many periods.
    #[error(
        "the matches span {periods} {by}s, more than {max}; use a longer --by or narrow --from/--to"
    )]
    TooManyPeriods {
        /// Periods between the first and last match.
        periods: i64,
        /// The period length.
        by: &'static str,
        /// The limit.
        max: i64,
    },
    /// `warta show` was given an id that is not in the index.
    #[error("no article with id `{id}` in the index; ids are the paths printed by `warta search`")]
    UnknownId {
        /// The id asked for.
        id: String,
    },
    /// `warta merge` cannot merge these shards into that folder.
    #[error("cannot merge: {message}")]
    Merge {
        /// What is wrong, naming the shard or folder.
        message: String,
    },
}

/// Errors that come from inside: I/O, tantivy, corrupt files.
#[derive(Debug, thiserror::Error)]
pub enum InternalError {
    /// The search library failed.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// A file could not be read or written.
    #[error("{context}: {source}")]
    Io {
        /// What warta was doing.
        context: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The index is damaged (a checksum does not match, or reading it failed
    /// inside tantivy); a rebuild writes a new one.
    #[error("index damaged: run `warta index CORPUS --index {} --rebuild` ({detail})", .path.display())]
    Damaged {
        /// The index directory.
        path: PathBuf,
        /// What was found.
        detail: String,
    },
    /// The file system refused a write for a reason the user must fix.
    #[error("{problem}: {} ({context})", .path.display())]
    Storage {
        /// "read-only file system", "no space left on device", "permission denied".
        problem: &'static str,
        /// The path that could not be written.
        path: PathBuf,
        /// What warta was doing.
        context: String,
    },
    /// warta itself failed (a panic caught at a boundary); a bug to report.
    #[error("internal error (please report it): {message}")]
    Bug {
        /// The panic message and where it happened.
        message: String,
    },
    /// Stored data could not be decoded; the index is probably corrupt.
    #[error("corrupt index data in {}: {message}; rebuild it with `warta index CORPUS --index {}`",
        .path.display(), .path.display())]
    Corrupt {
        /// The index directory.
        path: PathBuf,
        /// What could not be decoded.
        message: String,
    },
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Internal(InternalError::Tantivy(e))
    }
}

impl Error {
    /// Whether the user can fix this by changing the command.
    pub fn is_user_error(&self) -> bool {
        matches!(self, Error::User(_))
    }

    /// Shorthand for an I/O error with context.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Internal(InternalError::Io { context: context.into(), source })
    }

    /// An I/O error writing `path`: a read-only file system, a full disk or a
    /// refused permission is named as such (with the path), anything else
    /// keeps the OS message.
    pub fn write(
        path: &std::path::Path,
        context: impl Into<String>,
        source: std::io::Error,
    ) -> Self {
        let context = context.into();
        match storage_problem(&source) {
            Some(problem) => Error::Internal(InternalError::Storage {
                problem,
                path: path.to_path_buf(),
                context,
            }),
            None => Error::io(format!("{context} {}", path.display()), source),
        }
    }
}

/// The name of a file-system condition the user must fix, if `e` is one.
pub fn storage_problem(e: &std::io::Error) -> Option<&'static str> {
    match e.kind() {
        std::io::ErrorKind::ReadOnlyFilesystem => Some("read-only file system"),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            Some("no space left on device")
        }
        std::io::ErrorKind::PermissionDenied => Some("permission denied"),
        _ => None,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The first few names, quoted, and how many more.
fn list_names(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("`{}`", n.escape_debug()))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    text
}

fn caret_line(position: usize) -> String {
    format!("{}^", " ".repeat(position.min(200)))
}

fn suggestion_hint(facet: &str, suggestions: &[String], hint: &Option<String>) -> String {
    if !suggestions.is_empty() {
        return format!("; did you mean {}?", suggestions.join(", "));
    }
    match hint {
        Some(hint) => format!("; {hint}"),
        None => format!("; `warta facets --by {facet}` counts the {facet} values in the index"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_point_at_the_position() {
        let e = UserError::QuerySyntax {
            query: "\"abc".into(),
            position: 0,
            message: "unclosed quote".into(),
        };
        let text = e.to_string();
        assert!(text.contains("character 0"), "{text}");
        assert!(text.ends_with("\n  ^"), "{text}");
    }

    #[test]
    fn unknown_values_suggest_close_ones() {
        let e = UserError::UnknownFacetValue {
            facet: "province",
            value: "Jatimm".into(),
            suggestions: vec!["Jawa Timur".into()],
            hint: Some("give a province name".into()),
        };
        assert_eq!(e.to_string(), "unknown province `Jatimm`; did you mean Jawa Timur?");
    }

    #[test]
    fn unknown_values_without_suggestions_say_what_is_valid() {
        let e = |facet, hint: Option<&str>| UserError::UnknownFacetValue {
            facet,
            value: "x".into(),
            suggestions: vec![],
            hint: hint.map(String::from),
        };
        let program = e("program", Some("programme codes are JKK, JKM"));
        assert_eq!(program.to_string(), "unknown program `x`; programme codes are JKK, JKM");
        assert!(e("official", None).to_string().contains("warta facets --by official"));
    }

    #[test]
    fn missing_index_names_the_command_that_builds_it() {
        let e = UserError::IndexMissing { path: PathBuf::from("/tmp/x") };
        assert!(e.to_string().contains("warta index CORPUS --index /tmp/x"));
    }
}
