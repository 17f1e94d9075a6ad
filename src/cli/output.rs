//! Standard output as every command writes it. Renderers wrap write errors
//! in their own types (CSV, JSON, the library's export errors), so the kind
//! of a failed write is recorded here, where it happens: a closed pipe
//! (`warta … | head -1`) then ends the command quietly with status 0
//! whatever the format, and any other failure (a full disk) is reported as
//! a failure to write the standard output, status 2.

use std::io::{self, Write};
use std::sync::Mutex;

/// The first failed write to standard output in this process.
static FAILURE: Mutex<Option<(io::ErrorKind, String)>> = Mutex::new(None);

/// A writer that records its first failure in [`FAILURE`].
pub struct Recording<W: Write> {
    inner: W,
}

impl<W: Write> Recording<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Recording { inner }
    }

    fn seen<T>(r: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &r
            && e.kind() != io::ErrorKind::Interrupted
        {
            let mut failure = FAILURE.lock().unwrap_or_else(|p| p.into_inner());
            if failure.is_none() {
                *failure = Some((e.kind(), e.to_string()));
            }
        }
        r
    }
}

impl<W: Write> Write for Recording<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Self::seen(self.inner.write(buf))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        Self::seen(self.inner.write_all(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        Self::seen(self.inner.flush())
    }
}

/// How writing the standard output went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every write succeeded.
    Written,
    /// The reader went away (a closed pipe): not an error.
    Closed,
    /// A write failed for another reason (the message of the OS error).
    Failed(String),
}

/// How writing the standard output went so far.
pub fn outcome() -> Outcome {
    match &*FAILURE.lock().unwrap_or_else(|p| p.into_inner()) {
        None => Outcome::Written,
        Some((io::ErrorKind::BrokenPipe, _)) => Outcome::Closed,
        Some((_, message)) => Outcome::Failed(message.clone()),
    }
}

pub use warta::export::json_line;

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer whose every write fails with `kind`.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(self.0))
        }
    }

    #[test]
    fn serde_json_keeps_the_kind_of_a_failed_write() {
        let mut w = Failing(io::ErrorKind::BrokenPipe);
        let err = json_line(&mut w, &[1, 2, 3]).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }

    // One test only touches the process-wide record, so tests running in
    // parallel do not see each other's failures.
    #[test]
    fn the_first_failure_is_recorded_and_a_closed_pipe_is_not_an_error() {
        assert_eq!(outcome(), Outcome::Written);
        let mut ok = Recording::new(Vec::new());
        ok.write_all(b"fine").unwrap();
        assert_eq!(outcome(), Outcome::Written);
        let mut w = Recording::new(Failing(io::ErrorKind::BrokenPipe));
        assert!(w.write_all(b"x").is_err());
        assert_eq!(outcome(), Outcome::Closed);
        let mut full = Recording::new(Failing(io::ErrorKind::StorageFull));
        assert!(full.flush().is_err());
        assert_eq!(outcome(), Outcome::Closed, "the first failure counts");
    }
}
