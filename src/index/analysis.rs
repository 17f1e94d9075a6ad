//! The analysis configuration of an index: which words the stemmer must
//! leave alone (from the extraction gazetteers) and which extra roots the
//! user gave. The same configuration must analyse documents and queries, so
//! the extra roots are kept inside the index directory (`roots.txt`).

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use crate::analysis::AnalysisConfig;
use crate::error::{Error, Result, UserError};
use crate::extract::official::registry::Registry;
use crate::extract::{official, region};

/// File in the index directory holding the user's extra roots.
pub const ROOTS_FILE: &str = "roots.txt";

/// File in the index directory holding the user's registry of officials
/// (`warta index --officials FILE`), used by every later run on the index.
pub const OFFICIALS_FILE: &str = "officials.tsv";

/// Words of place names and single-word organisation names, lowercase, built once.
static PLACES_AND_ORGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut words = region::place_name_words();
    words.extend(official::single_word_organization_names());
    words
});

/// [`PLACES_AND_ORGS`] and the words of the built-in registry's names
/// (`official/registry.tsv`), built once.
static PROTECTED: LazyLock<Arc<HashSet<String>>> = LazyLock::new(|| protected(Registry::builtin()));

fn protected(officials: &Registry) -> Arc<HashSet<String>> {
    Arc::new(PLACES_AND_ORGS.iter().cloned().chain(officials.name_words()).collect())
}

/// The configuration for an index with these extra roots and this registry
/// of officials (whose names the stemmer leaves whole).
pub fn config(extra_roots: Vec<String>, officials: &Registry) -> AnalysisConfig {
    let protected =
        if officials.user_text().is_empty() { PROTECTED.clone() } else { protected(officials) };
    AnalysisConfig::new(protected, extra_roots)
}

/// The built-in registry, shared by every index without a registry of its own.
static BUILTIN_OFFICIALS: LazyLock<Arc<Registry>> =
    LazyLock::new(|| Arc::new(Registry::builtin().clone()));

/// Reads a user's registry of officials (`--officials FILE`): the built-in
/// rows with the file's; a bad row is an error naming the file and line.
pub fn read_officials(path: &Path) -> Result<Registry> {
    let text = crate::input::read_text(path, crate::input::TABLE_LIMIT).map_err(|source| {
        UserError::InputFile { what: "--officials file", path: path.to_path_buf(), source }
    })?;
    Registry::with_user_rows(&text).map_err(|e| {
        UserError::OfficialsFile { path: path.to_path_buf(), reason: e.to_string() }.into()
    })
}

/// The registry of officials an index was built with: the user's file kept
/// in its folder ([`OFFICIALS_FILE`]), else the built-in one.
pub fn stored_officials(index_dir: &Path) -> Result<Arc<Registry>> {
    let path = index_dir.join(OFFICIALS_FILE);
    if path.is_file() { read_officials(&path).map(Arc::new) } else { Ok(BUILTIN_OFFICIALS.clone()) }
}

/// Keeps a user's registry of officials (its text) in an index directory;
/// without user rows, the file is removed.
pub fn store_officials(index_dir: &Path, user_text: &str) -> Result<()> {
    let path = index_dir.join(OFFICIALS_FILE);
    let done = if user_text.is_empty() {
        match fs::remove_file(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    } else {
        fs::write(&path, user_text)
    };
    done.map_err(|e| Error::io(format!("writing {}", path.display()), e))
}

/// Reads a roots file: one word per line, `#` comments, lowercased.
pub fn read_roots(path: &Path) -> Result<Vec<String>> {
    let text = crate::input::read_text(path, crate::input::TABLE_LIMIT).map_err(|source| {
        UserError::InputFile { what: "--roots file", path: path.to_path_buf(), source }
    })?;
    Ok(parse_roots(&text))
}

fn parse_roots(text: &str) -> Vec<String> {
    let mut roots: Vec<String> = text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_lowercase())
        .filter(|l| !l.is_empty() && !l.contains(char::is_whitespace))
        .collect();
    roots.sort();
    roots.dedup();
    roots
}

/// The extra roots stored in an index directory (none when absent).
pub fn stored_roots(index_dir: &Path) -> Result<Vec<String>> {
    let path = index_dir.join(ROOTS_FILE);
    if path.is_file() { read_roots(&path) } else { Ok(Vec::new()) }
}

/// Stores the extra roots in an index directory (removes the file when empty).
pub fn store_roots(index_dir: &Path, roots: &[String]) -> Result<()> {
    let path = index_dir.join(ROOTS_FILE);
    if roots.is_empty() {
        return match fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(Error::io(format!("removing {}", path.display()), e))
            }
            _ => Ok(()),
        };
    }
    fs::write(&path, roots.join("\n") + "\n").map_err(|e| Error::write(&path, "writing", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_and_agency_names_are_protected() {
        let c = config(Vec::new(), Registry::builtin());
        for name in [
            "bekasi",
            "medan",
            "surabaya",
            "jatim",
            "kemnaker",
            "bpjamsostek",
            "kutai",
            "toli",
            "rokan",
        ] {
            assert!(c.protected.contains(name), "{name}");
        }
        for word in ["bekas", "selatan", "kepulauan", "utara"] {
            assert!(!c.protected.contains(word), "{word}");
        }
    }

    #[test]
    fn roots_files_allow_comments_and_blank_lines() {
        assert_eq!(
            parse_roots("# mine\nTenagaKerja\n\nsawit # palm oil\nsawit\n"),
            ["sawit", "tenagakerja"]
        );
    }
}
