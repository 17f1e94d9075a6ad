//! Searching an index the process cannot write: on a read-only file system
//! (a mounted archive, a snapshot) or in a folder of another user.
//!
//! tantivy's reader takes `.tantivy-meta.lock` while it loads the list of
//! segments, so that a writer's clean-up cannot remove files under it; it
//! opens the lock file for writing, which fails where nothing can be
//! written. Where nothing can be written no writer can run either, so
//! [`Searchable`] lets that lock succeed without a file when the file
//! system refuses it, and passes everything else to tantivy's own
//! [`MmapDirectory`].

use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// tantivy's directory, with a meta lock that gives way on a file system
/// that cannot be written.
#[derive(Clone, Debug)]
pub struct Searchable(MmapDirectory);

impl Searchable {
    /// Opens `dir`.
    pub fn open(dir: &Path) -> tantivy::Result<Searchable> {
        Ok(Searchable(MmapDirectory::open(dir)?))
    }
}

/// Whether a lock failed because nothing can be written here.
fn cannot_write(e: &LockError) -> bool {
    matches!(e, LockError::IoError(io) if matches!(
        io.kind(),
        std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
    ))
}

impl Directory for Searchable {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.0.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.0.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.0.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.0.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.0.acquire_lock(lock) {
            Err(e) if cannot_write(&e) => Ok(DirectoryLock::from(Box::new(()))),
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_system_that_cannot_be_written_lets_the_lock_go() {
        let io = |kind| LockError::IoError(Arc::new(std::io::Error::from(kind)));
        assert!(cannot_write(&io(std::io::ErrorKind::ReadOnlyFilesystem)));
        assert!(cannot_write(&io(std::io::ErrorKind::PermissionDenied)));
        assert!(!cannot_write(&io(std::io::ErrorKind::NotFound)));
        assert!(!cannot_write(&LockError::LockBusy));
    }
}
