//! The last resort for text the data folder would not take (a full or failing disk) when the
//! program has to end anyway: a signal, a closed window, or the user choosing to quit. The
//! text goes to the first of a few other folders that accepts it, and the next start names
//! the file, so the teacher can get it back.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Local;

use super::durable;
use super::error::Refusal;
use super::lock::Claim;
use super::read::read_record_for_editing;
use super::{Store, StoreError};
use crate::domain::{MeetingRecord, Moment};

/// Where rescued text may go, most lasting first: the config folder (kept across reboots,
/// often on another disk than a data folder on a stick or share), the session's runtime
/// folder, and the system's temp folder.
pub fn rescue_dirs(config_dir: Option<&Path>) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(config) = config_dir {
        dirs.push(config.join("rescue"));
    }
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR") {
        dirs.push(PathBuf::from(runtime).join("stagegesprek-rescue"));
    }
    let user = rustix::process::getuid().as_raw();
    dirs.push(std::env::temp_dir().join(format!("stagegesprek-rescue-{user}")));
    dirs
}

impl Store {
    /// The first place rescued text goes, to tell people where to look.
    pub fn rescue_dir_shown(&self) -> PathBuf {
        self.rescue_dirs.first().cloned().unwrap_or_default()
    }

    /// Writes `text` into the first rescue folder that takes it; returns where it went, or the
    /// last failure when none did.
    pub fn rescue(&self, name: &str, text: &str) -> Result<PathBuf, StoreError> {
        let stamp = Local::now().format("%Y%m%d-%H%M%S");
        let file_name = format!("{name}-{stamp}.yaml");
        let mut last = None;
        for dir in &self.rescue_dirs {
            let path = dir.join(&file_name);
            // The rescue folders are shared places such as /tmp: a link there is refused.
            let attempt = refuse_link(dir)
                .and_then(|()| durable::create_dir(dir))
                .and_then(|()| refuse_link(dir))
                .and_then(|()| self.disk.write(&path, text.as_bytes()));
            match attempt {
                Ok(()) => return Ok(path),
                Err(source) => last = Some(StoreError::Write { path, source }),
            }
        }
        Err(last.unwrap_or_else(|| StoreError::Write {
            path: PathBuf::from(file_name),
            source: std::io::Error::other("no rescue folder"),
        }))
    }

    /// Rescued files still waiting for the teacher, oldest first.
    pub fn rescued_files(&self) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = self
            .rescue_dirs
            .iter()
            .filter(|dir| refuse_link(dir).is_ok())
            .filter_map(|dir| fs::read_dir(dir).ok())
            .flat_map(|entries| entries.flatten().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "yaml")
                    && fs::symlink_metadata(p).is_ok_and(|m| m.is_file())
            })
            .collect();
        found.sort_by_key(|p| Self::modified(p));
        found
    }

    /// The meeting a rescue file holds, as it was when it could not be saved.
    pub fn rescued_meeting(&self, path: &Path) -> Result<MeetingRecord, StoreError> {
        read_record_for_editing(&*self.disk, path)
    }

    /// Takes a rescued meeting's text back into that meeting's draft, appended under `mark`
    /// (a finished record is reopened for it, and kept as it was until finished again). The
    /// rescue file is then moved to `taken/` beside it, never erased. Refused while the
    /// meeting is open in a window. Returns the meeting's id and moment.
    pub fn take_rescued(&self, path: &Path, mark: &str) -> Result<(String, Moment), StoreError> {
        let rescued = self.rescued_meeting(path)?;
        let (id, moment) = (rescued.placement.id.clone(), rescued.moment);
        self.folder(&id)?;
        let _lock = match self.claim_meeting(&id, moment)? {
            Claim::Mine { lock, .. } => lock,
            Claim::Taken(session) => {
                return Err(StoreError::Refused {
                    path: self.draft_path(&id, moment),
                    reason: Refusal::MeetingOpen {
                        moment,
                        pid: session.pid,
                    },
                });
            }
        };
        let meeting = match self.meeting(&id, moment)? {
            Some(mut meeting) => {
                meeting.reopen();
                meeting.take_rescued(&rescued, mark);
                meeting
            }
            None => rescued,
        };
        self.save_draft(&id, moment, &meeting)?;
        let failed = |source| StoreError::Write {
            path: path.to_path_buf(),
            source,
        };
        let taken = path
            .parent()
            .map_or_else(|| PathBuf::from(TAKEN_DIR), |dir| dir.join(TAKEN_DIR));
        durable::create_dir(&taken).map_err(failed)?;
        let name = path.file_name().unwrap_or_default();
        fs::rename(path, taken.join(name)).map_err(failed)?;
        durable::sync_dir(&taken).map_err(failed)?;
        Ok((id, moment))
    }
}

/// Where rescue files go once their text is back in its meeting.
const TAKEN_DIR: &str = "taken";

/// A rescue folder must be a real folder of this user (or not exist yet): in a shared place
/// such as /tmp, someone else's folder or link must never receive a student's notes.
fn refuse_link(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => {
            Err(std::io::Error::other("a symbolic link, not followed"))
        }
        Ok(meta) if meta.uid() != rustix::process::getuid().as_raw() => {
            Err(std::io::Error::other("a folder of another user"))
        }
        _ => Ok(()),
    }
}
