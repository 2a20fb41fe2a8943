//! One editor per meeting. Opening a meeting takes an advisory lock on `<moment>.lock`; the
//! operating system drops it when the process ends in any way, so a crash never leaves a
//! stale lock. The file's content tells whether the last session ended cleanly: it holds the
//! session while one is open and is emptied when the session ends normally.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDateTime};

use super::durable::FILE_MODE;
use super::error::StoreError;

/// The open session of this process on one meeting.
#[derive(Debug)]
pub struct MeetingLock {
    file: File,
    path: PathBuf,
}

/// What another or an earlier session left in the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub pid: Option<u32>,
    pub started: Option<NaiveDateTime>,
}

#[derive(Debug)]
pub enum Claim {
    /// This process may edit. `unclean` describes an earlier session that never ended
    /// normally (killed, crashed, power loss), whose draft deserves a look first.
    Mine {
        lock: MeetingLock,
        unclean: Option<Session>,
    },
    /// Another process has the meeting open.
    Taken(Session),
}

impl MeetingLock {
    pub fn claim(path: &Path) -> Result<Claim, StoreError> {
        let failed = |source| StoreError::Write {
            path: path.to_path_buf(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(FILE_MODE)
            .open(path)
            .map_err(failed)?;
        let mut previous = String::new();
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let _ = file.read_to_string(&mut previous);
                return Ok(Claim::Taken(Session::parse(&previous)));
            }
            Err(TryLockError::Error(source)) => return Err(failed(source)),
        }
        let _ = file.read_to_string(&mut previous);
        let unclean = (!previous.trim().is_empty()).then(|| Session::parse(&previous));
        let now = Local::now().naive_local().format("%Y-%m-%dT%H:%M:%S");
        let mine = format!("pid: {}\nstarted: {now}\n", std::process::id());
        file.set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| file.write_all(mine.as_bytes()))
            .map_err(failed)?;
        Ok(Claim::Mine {
            lock: Self {
                file,
                path: path.to_path_buf(),
            },
            unclean,
        })
    }

    /// Ends the session normally: the next one will not be offered a recovery. Dropping the
    /// lock without this (a crash, a signal) leaves that mark behind on purpose.
    pub fn release(self) {
        // Runs on the UI thread, so no fsync: if emptying fails or is lost in a power cut,
        // the next session merely asks once too often, which is safe.
        let _ = self.file.set_len(0);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Session {
    fn parse(text: &str) -> Self {
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .map(str::trim)
        };
        Self {
            pid: field("pid:").and_then(|v| v.parse().ok()),
            started: field("started:")
                .and_then(|v| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S").ok()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_is_refused_until_the_first_ends_and_unclean_ends_are_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("start.lock");
        let Claim::Mine { lock, unclean } = MeetingLock::claim(&path).unwrap() else {
            panic!("first claim must succeed");
        };
        assert_eq!(unclean, None);
        match MeetingLock::claim(&path).unwrap() {
            Claim::Taken(s) => assert_eq!(s.pid, Some(std::process::id())),
            Claim::Mine { .. } => panic!("a meeting must not be open twice"),
        }
        // Dropped without release: as if the process died.
        drop(lock);
        let Claim::Mine { lock, unclean } = MeetingLock::claim(&path).unwrap() else {
            panic!("the lock must be free after the holder is gone");
        };
        assert!(
            unclean.is_some(),
            "a session that never ended must be noticed"
        );
        lock.release();
        let Claim::Mine { unclean, .. } = MeetingLock::claim(&path).unwrap() else {
            panic!("free after release");
        };
        assert_eq!(unclean, None);
    }
}
