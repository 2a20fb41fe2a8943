//! Where the store's bytes come from and go to. The program uses `RealDisk`; tests and
//! drills use `FailingDisk` to prove that a full disk or an unreadable file is shown to the
//! user and never reported as saved.

use std::fmt::Debug;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::durable;

pub trait Disk: Send + Sync + Debug {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// Atomic and durable: afterwards the file holds either the old bytes or the new ones.
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
}

#[derive(Debug, Default)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        durable::write_file(path, bytes)
    }
}

/// A real disk that can be told to fail: every write as if the disk were full, or reads of
/// chosen files as if their permissions forbade it.
#[derive(Debug, Default)]
pub struct FailingDisk {
    writes_fail: AtomicBool,
    unreadable: Mutex<Vec<PathBuf>>,
}

impl FailingDisk {
    pub fn fail_writes(&self, fail: bool) {
        self.writes_fail.store(fail, Ordering::SeqCst);
    }

    pub fn make_unreadable(&self, path: impl Into<PathBuf>) {
        if let Ok(mut paths) = self.unreadable.lock() {
            paths.push(path.into());
        }
    }
}

impl Disk for FailingDisk {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let denied = self
            .unreadable
            .lock()
            .is_ok_and(|paths| paths.iter().any(|p| p == path));
        if denied {
            return Err(io::Error::from(io::ErrorKind::PermissionDenied));
        }
        RealDisk.read(path)
    }

    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        if self.writes_fail.load(Ordering::SeqCst) {
            // ENOSPC, so the message the user sees is the one a full disk gives.
            return Err(io::Error::from_raw_os_error(28));
        }
        RealDisk.write(path, bytes)
    }
}
