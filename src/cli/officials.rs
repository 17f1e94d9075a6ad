//! The user's registry of known officials (`--officials FILE`): added to the
//! built-in registry before anything is extracted, and kept in the index
//! folder so later runs (and the searches' filters) use the same spellings.

use std::fs;
use std::path::{Path, PathBuf};

use warta::error::UserError;
use warta::extract::official::registry;
use warta::index::analysis::OFFICIALS_FILE;
use warta::input;

use super::CliError;

/// Adds the registry rows of `given`, else those kept in `index_dir`.
/// Returns the text used, to be kept with the index.
pub fn load(given: Option<&Path>, index_dir: Option<&Path>) -> Result<Option<String>, CliError> {
    let stored = index_dir.map(|d| d.join(OFFICIALS_FILE)).filter(|p| p.is_file());
    let Some(path) = given.map(Path::to_path_buf).or(stored) else { return Ok(None) };
    let file_error = |reason: String| CliError::File { path: path.clone(), reason };
    let text = input::read_text(&path, input::TABLE_LIMIT)
        .map_err(|source| UserError::InputFile {
            what: "--officials file",
            path: path.clone(),
            source,
        })
        .map_err(warta::error::Error::from)?;
    registry::add_user_rows(&text).map_err(|e| file_error(e.to_string()))?;
    Ok(Some(text))
}

/// Keeps the user's registry in the index folder (written after a build,
/// which may have cleared the folder).
pub fn store(text: &str, index_dir: &Path) -> Result<(), CliError> {
    let target: PathBuf = index_dir.join(OFFICIALS_FILE);
    fs::write(&target, text).map_err(|e| CliError::File { path: target, reason: e.to_string() })
}
