//! The user's registry of known officials (`--officials FILE`): added to the
//! built-in registry before anything is extracted, and kept in the index
//! folder so later runs (and the searches' filters) use the same spellings.

use std::fs;
use std::path::{Path, PathBuf};

use warta::extract::official::registry;
use warta::index::analysis::{OFFICIALS_FILE, read_officials};

use super::CliError;

/// Sets the registry extraction uses: the built-in rows with those of
/// `given`, else of the file kept in `index_dir`. Returns the text used, to
/// be kept with the index.
pub fn load(given: Option<&Path>, index_dir: Option<&Path>) -> Result<Option<String>, CliError> {
    let stored = index_dir.map(|d| d.join(OFFICIALS_FILE)).filter(|p| p.is_file());
    let Some(path) = given.map(Path::to_path_buf).or(stored) else { return Ok(None) };
    let registry = read_officials(&path)?;
    let text = registry.user_text().to_string();
    registry::set_for_extraction(registry)
        .map_err(|e| CliError::File { path: path.clone(), reason: e.to_string() })?;
    Ok(Some(text))
}

/// Keeps the user's registry in the index folder (written after a build,
/// which may have cleared the folder).
pub fn store(text: &str, index_dir: &Path) -> Result<(), CliError> {
    let target: PathBuf = index_dir.join(OFFICIALS_FILE);
    fs::write(&target, text).map_err(|e| CliError::File { path: target, reason: e.to_string() })
}
