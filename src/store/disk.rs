//! Where the store's bytes come from and go to. The program uses `RealDisk`; tests and
//! drills use `FailingDisk` to prove that a full disk or an unreadable file is shown to the
//! user and never reported as saved.

use std::fmt::Debug;
use std::fs::File;
use std::io::{self, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::read::MAX_FILE_BYTES;
use super::{durable, files};

pub trait Disk: Send + Sync + Debug {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// Atomic and durable: afterwards the file holds either the old bytes or the new ones.
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Replaces the content of an open file in place, without fsync: the note in a lock file.
    fn write_note(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.set_len(0)?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(bytes)
    }
}

#[derive(Debug, Default)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        files::read_plain(path, MAX_FILE_BYTES).map_err(files::NotPlain::into_io)
    }

    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        durable::write_file(path, bytes)
    }
}

/// A real disk that can be told to fail: every write as if the disk were full (or only the
/// writes below one folder), or reads of chosen files as if their permissions forbade it.
#[derive(Debug, Default)]
pub struct FailingDisk {
    writes_fail: AtomicBool,
    only_under: Mutex<Option<PathBuf>>,
    unreadable: Mutex<Vec<PathBuf>>,
    /// How many writes were refused so far, so a test can wait for a retry to happen
    /// rather than sleep and hope it did.
    refused: AtomicUsize,
}

impl FailingDisk {
    pub fn fail_writes(&self, fail: bool) {
        self.writes_fail.store(fail, Ordering::SeqCst);
    }

    /// Limits failing writes to paths below `dir`, as when only the data disk is full.
    pub fn fail_only_under(&self, dir: impl Into<PathBuf>) {
        if let Ok(mut only) = self.only_under.lock() {
            *only = Some(dir.into());
        }
    }

    fn write_fails(&self, path: &Path) -> io::Result<()> {
        let under = self.only_under.lock().map_or(true, |only| {
            only.as_ref().is_none_or(|d| path.starts_with(d))
        });
        if self.writes_fail.load(Ordering::SeqCst) && under {
            self.refused.fetch_add(1, Ordering::SeqCst);
            // ENOSPC, so the message the user sees is the one a full disk gives.
            return Err(io::Error::from_raw_os_error(28));
        }
        Ok(())
    }

    /// How many writes were refused so far.
    pub fn refused_writes(&self) -> usize {
        self.refused.load(Ordering::SeqCst)
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
        self.write_fails(path)?;
        RealDisk.write(path, bytes)
    }

    fn write_note(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        // A lock file lives in the data folder; with every write failing, so does its note.
        if self.writes_fail.load(Ordering::SeqCst) {
            return Err(io::Error::from_raw_os_error(28));
        }
        RealDisk.write_note(file, bytes)
    }
}
