//! No panic escapes an index: code reading or writing one runs under
//! [`catching`], which turns a panic (tantivy's readers trust the bytes of
//! a segment, so a flipped bit can make them index out of bounds) into an
//! error naming the index and the command that rebuilds it.
//!
//! While a guarded call runs, the panic hook records the message instead
//! of printing it; panics elsewhere are printed as usual.

use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Mutex;
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{Error, InternalError};

/// Guarded calls running now.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);
/// The first panic seen while a guarded call ran: message and place.
static SEEN: Mutex<Option<(String, String)>> = Mutex::new(None);
static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if ACTIVE.load(Ordering::SeqCst) == 0 {
                previous(info);
                return;
            }
            let message = payload_text(info.payload());
            let place =
                info.location().map_or_else(String::new, |l| format!("{}:{}", l.file(), l.line()));
            if let Ok(mut seen) = SEEN.lock() {
                seen.get_or_insert((message, place));
            }
        }));
    });
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Runs `f`; a panic inside it (or on the threads it waits for) becomes an
/// error. A panic inside tantivy means the index in `dir` is damaged; any
/// other is a bug in warta, reported as such (exit 2, never a crash).
pub fn catching<T>(dir: &Path, f: impl FnOnce() -> T) -> Result<T, Error> {
    install_hook();
    ACTIVE.fetch_add(1, Ordering::SeqCst);
    let outcome = panic::catch_unwind(AssertUnwindSafe(f));
    ACTIVE.fetch_sub(1, Ordering::SeqCst);
    let payload = match outcome {
        Ok(value) => return Ok(value),
        Err(payload) => payload,
    };
    let (message, place) = SEEN
        .lock()
        .ok()
        .and_then(|mut s| s.take())
        .unwrap_or_else(|| (payload_text(payload.as_ref()), String::new()));
    Err(panic_error(dir, &message, &place))
}

/// An error met while reading the index in `dir`, with tantivy's reports
/// of corrupted data (and warta's own) named as damage with their repair.
pub fn name_damage(dir: &Path, e: Error) -> Error {
    match e {
        Error::Internal(InternalError::Tantivy(e)) if is_damage(&e) => {
            InternalError::Damaged { path: dir.to_path_buf(), detail: e.to_string() }.into()
        }
        Error::Internal(InternalError::Corrupt { path, message }) => {
            InternalError::Damaged { path, detail: message }.into()
        }
        other => other,
    }
}

/// The panic seen on another thread (tantivy's indexing threads) while a
/// guarded call ran, if any: message and place. Taken once.
pub fn take_panic() -> Option<String> {
    let (message, place) = SEEN.lock().ok()?.take()?;
    Some(if place.is_empty() { message } else { format!("{message} at {place}") })
}

/// Whether tantivy says the bytes it read make no sense: corrupt data, a
/// value that does not deserialise, an I/O error that is not the OS's
/// (tantivy reports undecodable blocks, FSTs and columns that way).
fn is_damage(e: &tantivy::TantivyError) -> bool {
    use tantivy::TantivyError as T;
    match e {
        T::DataCorruption(_) | T::DeserializeError(_) => true,
        T::IoError(io) => io.raw_os_error().is_none(),
        _ => false,
    }
}

/// The error for a panic with `message` at `place` (`file:line`).
fn panic_error(dir: &Path, message: &str, place: &str) -> Error {
    // tantivy's own crates (`tantivy-*`, `ownedbytes`: the byte slices its
    // readers cut by offsets read from the files) and its decoders.
    let in_tantivy = ["tantivy", "/fst", "zstd", "/ownedbytes-"].iter().any(|c| place.contains(c));
    if in_tantivy || place.is_empty() {
        InternalError::Damaged {
            path: dir.to_path_buf(),
            detail: format!("reading it failed inside tantivy: {message}"),
        }
        .into()
    } else {
        InternalError::Bug { message: format!("{message} at {place}") }.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_values_pass_through() {
        let dir = Path::new("/tmp/idx");
        assert_eq!(catching(dir, || 7).unwrap(), 7);
        let e = catching(dir, || -> u8 { panic!("boom") }).unwrap_err();
        // A panic in warta's own code is a bug, not a damaged index.
        assert!(e.to_string().contains("boom"), "{e}");
        assert!(e.to_string().contains("guard.rs"), "{e}");
    }

    #[test]
    fn undecodable_data_is_damage_and_os_errors_are_not() {
        let invalid = std::io::Error::new(std::io::ErrorKind::InvalidData, "Invalid data");
        let e = Error::from(tantivy::TantivyError::from(invalid));
        assert!(name_damage(Path::new("idx"), e).to_string().starts_with("index damaged"));
        let os = std::io::Error::from_raw_os_error(5);
        let e = Error::from(tantivy::TantivyError::from(os));
        assert!(!name_damage(Path::new("idx"), e).to_string().starts_with("index damaged"));
    }

    #[test]
    fn panics_inside_tantivy_name_the_damaged_index() {
        let e =
            panic_error(Path::new("/x/idx"), "index out of bounds", "/r/tantivy-0.27.0/src/a.rs:9");
        let text = e.to_string();
        assert!(
            text.starts_with("index damaged: run `warta index CORPUS --index /x/idx --rebuild`"),
            "{text}"
        );
        // A slice cut by a damaged offset in tantivy's byte container.
        let e = panic_error(
            Path::new("/x/idx"),
            "range start index 2069576226 out of range for slice of length 17067",
            "/r/ownedbytes-0.9.0/src/lib.rs:41",
        );
        assert!(e.to_string().starts_with("index damaged"), "{e}");
    }
}
