//! Temp files left by a write that never finished. Every write goes to `.<name>.XXXXXX` first
//! and is renamed into place after fsync; a process ended during a slow fsync (a USB stick, a
//! network share) leaves that temp file behind, and it may hold the newest text. Found when
//! the meeting is opened, with its lock held, so no other window can be writing them.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::read::{plain_file, read_record};
use super::{Store, StoreError, belongs_here, durable};
use crate::domain::Moment;

/// What opening a meeting did with the temp files it found.
#[derive(Debug, Default)]
pub struct Leftovers {
    /// A complete temp file newer than the draft became the draft; the user is asked about it.
    pub recovered: Option<SystemTime>,
    /// Temp files holding exactly what is already in place: removed, nothing is lost.
    pub removed: usize,
    /// Temp files that could not be trusted (cut off mid-write, or older than what is in
    /// place but holding other text), kept for a person to look at.
    pub set_aside: Vec<PathBuf>,
}

/// The temp files a write of `target` leaves: `.<name>.` and six letters or digits.
fn temp_files_of(target: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return Vec::new();
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let file_name = e.file_name().to_string_lossy().into_owned();
            let suffix = file_name.strip_prefix(&prefix)?;
            (suffix.len() == 6 && suffix.chars().all(|c| c.is_ascii_alphanumeric()))
                .then(|| e.path())
        })
        .collect()
}

impl Store {
    /// Whether `temp` holds byte for byte what one of `real` holds.
    fn already_in_place(&self, temp: &Path, real: &[&PathBuf]) -> bool {
        let Ok(text) = self.disk.read(temp) else {
            return false;
        };
        real.iter()
            .any(|path| self.disk.read(path).is_ok_and(|held| held == text))
    }

    /// Deals with the temp files of meeting `id`/`moment`: copies of what is in place are
    /// removed, damaged ones and older ones holding other text set aside, and the newest complete one that is newer than the draft becomes the
    /// draft (the draft it replaces is set aside, never erased). Call with the lock held.
    pub fn take_in_leftovers(&self, id: &str, moment: Moment) -> Result<Leftovers, StoreError> {
        let draft = self.draft_path(id, moment);
        let record = self.record_path(id, moment);
        let newest_real = [&draft, &record]
            .into_iter()
            .filter_map(|p| Self::modified(p))
            .max();
        let mut outcome = Leftovers::default();
        let mut candidates = Vec::new();
        for temp in temp_files_of(&draft)
            .into_iter()
            .chain(temp_files_of(&record))
        {
            let Some(modified) = Self::modified(&temp) else {
                continue;
            };
            if plain_file(&temp).is_err() {
                // A link or a special file with a temp file's name: not ours, left alone.
                continue;
            }
            if newest_real.is_some_and(|real| real >= modified) {
                // Only a copy of what is already in place is removed: a clock that stepped
                // back makes newer text look older, so anything else is set aside.
                if self.already_in_place(&temp, &[&draft, &record]) {
                    durable::remove_file(&temp).map_err(|source| StoreError::Write {
                        path: temp.clone(),
                        source,
                    })?;
                    outcome.removed += 1;
                } else {
                    outcome.set_aside.push(self.set_aside(&temp)?);
                }
                continue;
            }
            match read_record(&*self.disk, &temp).and_then(|r| belongs_here(r, id, moment, &temp)) {
                Ok(_) => candidates.push((modified, temp)),
                Err(_) => outcome.set_aside.push(self.set_aside(&temp)?),
            }
        }
        candidates.sort();
        if let Some((modified, newest)) = candidates.pop() {
            for (_, older) in candidates {
                outcome.set_aside.push(self.set_aside(&older)?);
            }
            if super::read::exists(&draft) {
                outcome.set_aside.push(self.set_aside(&draft)?);
            }
            let failed = |source| StoreError::Write {
                path: newest.clone(),
                source,
            };
            fs::rename(&newest, &draft).map_err(failed)?;
            if let Some(dir) = draft.parent() {
                durable::sync_dir(dir).map_err(failed)?;
            }
            outcome.recovered = Some(modified);
        }
        Ok(outcome)
    }
}
