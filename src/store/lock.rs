//! One editor per meeting. Opening a meeting takes an advisory lock on `<moment>.lock`; the
//! operating system drops it when the process ends in any way, so a crash never leaves a
//! stale lock. The file's content tells whether the last session ended cleanly: it holds the
//! session while one is open and is emptied when the session ends normally.

use std::fs::{File, TryLockError};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDateTime};

use super::disk::Disk;
use super::durable::FILE_MODE;
use super::error::{Damage, StoreError};
use super::files::{NotPlain, open_plain};

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
        /// Writing who holds the lock failed (a full disk): the lock holds all the same.
        note_failed: Option<std::io::Error>,
    },
    /// Another process has the meeting open.
    Taken(Session),
}

impl MeetingLock {
    /// Takes the lock; the note saying who holds it is written through `disk`.
    pub fn claim(path: &Path, disk: &dyn Disk) -> Result<Claim, StoreError> {
        let failed = |source| StoreError::Write {
            path: path.to_path_buf(),
            source,
        };
        // A planted link or FIFO in its place is reported like any damaged file: following
        // the link would truncate its target, and a FIFO would never answer.
        let mut file = open_plain(path, true, Some(FILE_MODE)).map_err(|e| match e {
            NotPlain::Link => StoreError::Damaged {
                path: path.to_path_buf(),
                damage: Damage::Symlink,
            },
            NotPlain::Special => StoreError::Damaged {
                path: path.to_path_buf(),
                damage: Damage::NotAFile,
            },
            other => failed(other.into_io()),
        })?;
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
        // The flock is the lock; the note only tells the next session who held it. On a full
        // disk the note cannot be written, but the lock must still be kept, or a second window
        // could edit the same meeting.
        let note_failed = disk.write_note(&mut file, mine.as_bytes()).err();
        Ok(Claim::Mine {
            lock: Self {
                file,
                path: path.to_path_buf(),
            },
            unclean,
            note_failed,
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

/// A look at a meeting's lock without claiming the meeting: the lock file is neither created
/// nor written, so the mark an unclean session left stays for the next real claim.
#[derive(Debug)]
pub enum Probe {
    /// Nobody has the meeting open. While this value lives, this process holds the lock, so
    /// nobody can open the meeting either.
    Free(Option<File>),
    /// Another window (or this process, through another claim) has the meeting open.
    Held(Session),
}

impl MeetingLock {
    /// Whether the meeting whose lock file is `path` is open right now. A missing lock file,
    /// a link or a special file in its place cannot be held by anyone, so they count as free.
    /// A lock left by a process that died is free: the operating system dropped it.
    pub fn probe(path: &Path) -> Result<Probe, StoreError> {
        let mut file = match open_plain(path, false, None) {
            Ok(file) => file,
            Err(NotPlain::Link | NotPlain::Special) => return Ok(Probe::Free(None)),
            Err(NotPlain::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Probe::Free(None));
            }
            Err(other) => {
                return Err(StoreError::Read {
                    path: path.to_path_buf(),
                    source: other.into_io(),
                });
            }
        };
        match file.try_lock() {
            Ok(()) => Ok(Probe::Free(Some(file))),
            Err(TryLockError::WouldBlock) => {
                let mut note = String::new();
                let _ = file.read_to_string(&mut note);
                Ok(Probe::Held(Session::parse(&note)))
            }
            Err(TryLockError::Error(source)) => Err(StoreError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
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
    use crate::store::disk::RealDisk;

    #[test]
    fn a_second_claim_is_refused_until_the_first_ends_and_unclean_ends_are_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("start.lock");
        let Claim::Mine { lock, unclean, .. } = MeetingLock::claim(&path, &RealDisk).unwrap()
        else {
            panic!("first claim must succeed");
        };
        assert_eq!(unclean, None);
        match MeetingLock::claim(&path, &RealDisk).unwrap() {
            Claim::Taken(s) => assert_eq!(s.pid, Some(std::process::id())),
            Claim::Mine { .. } => panic!("a meeting must not be open twice"),
        }
        // Dropped without release: as if the process died.
        drop(lock);
        let Claim::Mine { lock, unclean, .. } = MeetingLock::claim(&path, &RealDisk).unwrap()
        else {
            panic!("the lock must be free after the holder is gone");
        };
        assert!(
            unclean.is_some(),
            "a session that never ended must be noticed"
        );
        lock.release();
        let Claim::Mine { unclean, .. } = MeetingLock::claim(&path, &RealDisk).unwrap() else {
            panic!("free after release");
        };
        assert_eq!(unclean, None);
    }

    #[test]
    fn a_probe_sees_a_live_claim_but_not_a_dead_one_and_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("start.lock");
        assert!(matches!(
            MeetingLock::probe(&path).unwrap(),
            Probe::Free(None)
        ));
        assert!(!path.exists(), "a probe creates no lock file");
        let Claim::Mine { lock, .. } = MeetingLock::claim(&path, &RealDisk).unwrap() else {
            panic!("first claim must succeed");
        };
        match MeetingLock::probe(&path).unwrap() {
            Probe::Held(session) => assert_eq!(session.pid, Some(std::process::id())),
            Probe::Free(_) => panic!("an open meeting must be seen"),
        }
        drop(lock);
        let note = std::fs::read_to_string(&path).unwrap();
        assert!(matches!(
            MeetingLock::probe(&path).unwrap(),
            Probe::Free(Some(_))
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), note);
    }

    #[test]
    fn a_planted_link_is_never_followed_and_its_target_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious.txt");
        std::fs::write(&target, "keep me").unwrap();
        let path = dir.path().join("start.lock");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        match MeetingLock::claim(&path, &RealDisk) {
            Err(StoreError::Damaged {
                damage: Damage::Symlink,
                ..
            }) => {}
            other => panic!("a link must be refused: {other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    }
}
