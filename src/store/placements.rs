//! Changing placements after they were made: editing one, removing one by moving its whole
//! folder aside (never erasing it), bringing a removed one back, and reading the overview
//! line of a placement (with which preparations came in for its next meeting).
//!
//! ```text
//! <data dir>/set-aside/removed/<placement-id>-<YYYYMMDD>-<HHMMSS>/   a removed placement
//! ```

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate, NaiveDateTime};

use super::error::{Refusal, StoreError};
use super::lock::{MeetingLock, Probe};
use super::placement_file::{placement_yaml, read_placement, replacement_yaml};
use super::preparation::preparation_file_name;
use super::read::exists;
use super::{PLACEMENT_FILE, SET_ASIDE_DIR, Store, durable, moment_of};
use crate::domain::placement::safe_id;
use crate::domain::preparation::Preparer;
use crate::domain::summary::{MomentState, PlacementSummary};
use crate::domain::{MeetingRecord, Moment, Placement, Preparation};

const REMOVED_DIR: &str = "removed";

/// What one placement folder holds, as looking back needs it.
#[derive(Debug, Default)]
pub(crate) struct Contents {
    /// None when the placement file itself could not be read.
    pub summary: Option<PlacementSummary>,
    pub records: Vec<MeetingRecord>,
    /// Preparations as their own files, before a meeting took them in.
    pub preparations: Vec<(Moment, Preparer, Preparation)>,
    pub errors: Vec<StoreError>,
}
const STAMP: &str = "%Y%m%d-%H%M%S";

/// A placement that was removed and can be brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedPlacement {
    /// The folder's name in `set-aside/removed/`; `restore_placement` takes it.
    pub name: String,
    /// The id it had, and gets back.
    pub id: String,
    /// The student's name, or `None` when its `placement.yaml` cannot be read.
    pub student: Option<String>,
    pub removed_at: NaiveDateTime,
    pub path: PathBuf,
}

impl Store {
    /// Where removed placements are kept.
    pub fn removed_dir(&self) -> PathBuf {
        self.root.join(SET_ASIDE_DIR).join(REMOVED_DIR)
    }

    /// Rewrites `placement.yaml` of the placement with `placement.id`, keeping the fields a
    /// newer version wrote there. Refused, with the file untouched, when the placement is
    /// incomplete (`Invalid`), not there (`is_missing`), damaged, from a newer version, or
    /// holding fields that would not come back unchanged (`UnknownFields`). Returns the
    /// placement as stored.
    pub fn update_placement(&self, placement: &Placement) -> Result<Placement, StoreError> {
        let dir = self.folder(&placement.id)?;
        let path = dir.join(PLACEMENT_FILE);
        placement.check().map_err(|problem| StoreError::Invalid {
            path: path.clone(),
            problem,
        })?;
        let text = replacement_yaml(&*self.disk, &path, &safe_id(&placement.id), placement)?;
        self.write_text(&path, &text)?;
        read_placement(&*self.disk, &path, &safe_id(&placement.id))
    }

    /// Keeps a byte-for-byte copy of placement `id`'s details in its `set-aside` folder, before
    /// they are written over with changes made in another window; returns where it went.
    pub fn keep_placement_copy(&self, id: &str) -> Result<PathBuf, StoreError> {
        self.keep_copy(&self.folder(id)?.join(PLACEMENT_FILE))
    }

    /// Keeps a version of a placement's details that is not stored, as a teacher's changes
    /// when the other window's version was taken, in its `set-aside` folder; returns where.
    pub fn keep_placement_version(&self, placement: &Placement) -> Result<PathBuf, StoreError> {
        let path = self.folder(&placement.id)?.join(PLACEMENT_FILE);
        let failed = |source| StoreError::Write {
            path: path.clone(),
            source,
        };
        let (_, target) = self.aside_place(&path).map_err(failed)?;
        self.write_text(&target, &placement_yaml(placement))?;
        Ok(target)
    }

    /// Moves the whole folder of placement `id` to `set-aside/removed/<id>-<stamp>/`, records
    /// and drafts included; returns where it went. Refused while one of its meetings is open
    /// in a window (`Refusal::MeetingOpen`); a lock left by a process that died is no reason.
    pub fn remove_placement(&self, id: &str) -> Result<PathBuf, StoreError> {
        let dir = self.folder(id)?;
        fs::symlink_metadata(&dir).map_err(|source| StoreError::Read {
            path: dir.clone(),
            source,
        })?;
        // The probed locks stay held until the move is done, so no window can open a
        // meeting of this placement in between.
        let mut held = Vec::new();
        for moment in Moment::ALL {
            match MeetingLock::probe(&self.lock_path(id, moment))? {
                Probe::Free(file) => held.push(file),
                Probe::Held(session) => {
                    return Err(StoreError::Refused {
                        path: dir,
                        reason: Refusal::MeetingOpen {
                            moment,
                            pid: session.pid,
                        },
                    });
                }
            }
        }
        let removed = self.removed_dir();
        let failed = |source| StoreError::Write {
            path: dir.clone(),
            source,
        };
        durable::create_dir(&removed).map_err(failed)?;
        let stamp = Local::now().format(STAMP).to_string();
        let name = safe_id(id);
        let mut target = removed.join(format!("{name}-{stamp}"));
        let mut n = 2;
        while exists(&target) {
            target = removed.join(format!("{name}-{stamp}-{n}"));
            n += 1;
        }
        move_folder(&dir, &target).map_err(failed)?;
        durable::sync_dir(&removed).map_err(failed)?;
        durable::sync_dir(&self.placements_dir()).map_err(failed)?;
        drop(held);
        Ok(target)
    }

    /// The removed placements that can be brought back, most recently removed first.
    pub fn removed_placements(&self) -> Vec<RemovedPlacement> {
        let Ok(entries) = fs::read_dir(self.removed_dir()) else {
            return Vec::new();
        };
        let mut removed: Vec<RemovedPlacement> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|entry| {
                let name = entry.file_name().to_str()?.to_string();
                let (id, removed_at) = parse_removed_name(&name)?;
                let path = entry.path();
                let student = read_placement(&*self.disk, &path.join(PLACEMENT_FILE), &id)
                    .ok()
                    .map(|p| p.student);
                Some(RemovedPlacement {
                    name,
                    id,
                    student,
                    removed_at,
                    path,
                })
            })
            .collect();
        removed.sort_by(|a, b| b.removed_at.cmp(&a.removed_at).then(b.name.cmp(&a.name)));
        removed
    }

    /// Moves a removed placement back. `name` is a folder name from `removed_placements`, or
    /// a placement id (then the most recently removed one with that id). Not found is
    /// `is_missing`; refused when a placement with that id exists again
    /// (`Refusal::IdTaken`). The folder comes back as it was; an error after the move can
    /// only be its `placement.yaml` that could not be read, as before it was removed.
    pub fn restore_placement(&self, name: &str) -> Result<Placement, StoreError> {
        let removed = self.removed_placements();
        let found = removed
            .iter()
            .find(|r| r.name == name)
            .or_else(|| removed.iter().find(|r| r.id == name))
            .ok_or_else(|| StoreError::Read {
                path: self.removed_dir().join(safe_id(name)),
                source: io::ErrorKind::NotFound.into(),
            })?;
        let target = self.placement_dir(&found.id);
        if exists(&target) {
            return Err(StoreError::Refused {
                path: target,
                reason: Refusal::IdTaken,
            });
        }
        let failed = |source: io::Error| {
            if source.kind() == io::ErrorKind::AlreadyExists {
                StoreError::Refused {
                    path: target.clone(),
                    reason: Refusal::IdTaken,
                }
            } else {
                StoreError::Write {
                    path: found.path.clone(),
                    source,
                }
            }
        };
        move_folder(&found.path, &target).map_err(failed)?;
        durable::sync_dir(&self.placements_dir()).map_err(failed)?;
        durable::sync_dir(&self.removed_dir()).map_err(failed)?;
        self.placement(&found.id)
    }

    /// The overview line of one placement, reading only its own files, so a list can refresh
    /// the placement that changed. Records that cannot be read are marked in the summary
    /// (`MomentState::Damaged` or `Newer`), as in `summaries`. Overdue is as of today.
    pub fn summary(&self, id: &str) -> Result<PlacementSummary, StoreError> {
        self.summary_on(id, today())
    }

    /// `summary`, with overdue meetings as seen on `today`.
    pub fn summary_on(&self, id: &str, today: NaiveDate) -> Result<PlacementSummary, StoreError> {
        self.placement(id).map(|p| self.summary_of(p, today).0)
    }

    /// Everything in folder `id` that looking back uses, read from the files; none when the
    /// folder holds no placement (not one of ours). A placement file that cannot be read
    /// gives no summary and names the file in `errors`.
    pub(crate) fn contents(&self, id: &str, today: NaiveDate) -> Option<Contents> {
        if safe_id(id) != id {
            return None;
        }
        let dir = match self.folder(id) {
            Ok(dir) => dir,
            Err(e) => {
                return Some(Contents {
                    errors: vec![e],
                    ..Contents::default()
                });
            }
        };
        let path = dir.join(PLACEMENT_FILE);
        if !exists(&path) {
            return None;
        }
        let placement = match read_placement(&*self.disk, &path, id) {
            Ok(p) => p,
            Err(e) => {
                return Some(Contents {
                    errors: vec![e],
                    ..Contents::default()
                });
            }
        };
        let (records, errors) = self.records(id);
        let (summary, errors) = self.summary_from(placement, &records, errors, today);
        let mut preparations = Vec::new();
        for moment in Moment::ALL {
            for by in prepared_roles(&dir, moment) {
                if let Ok(Some(prepared)) = self.preparation(id, moment, by) {
                    preparations.push((moment, by, prepared.preparation().clone()));
                }
            }
        }
        Some(Contents {
            summary: Some(summary),
            records,
            preparations,
            errors,
        })
    }

    /// The overview line of `placement` as seen on `today`, plus the record files that could
    /// not be read.
    pub(super) fn summary_of(
        &self,
        placement: Placement,
        today: NaiveDate,
    ) -> (PlacementSummary, Vec<StoreError>) {
        let (records, errors) = self.records(&placement.id);
        self.summary_from(placement, &records, errors, today)
    }

    /// `summary_of`, with the records (and the errors reading them) already at hand.
    fn summary_from(
        &self,
        placement: Placement,
        records: &[MeetingRecord],
        errors: Vec<StoreError>,
        today: NaiveDate,
    ) -> (PlacementSummary, Vec<StoreError>) {
        let mut summary = PlacementSummary::on(placement, records, today);
        for error in &errors {
            if let Some(moment) = moment_of(error.path()) {
                let state = if error.is_newer() {
                    MomentState::Newer
                } else {
                    MomentState::Damaged
                };
                summary.mark(moment, state);
            }
        }
        summary.set_today(today);
        summary.two_versions = has_two_versions(&self.placement_dir(&summary.placement.id));
        let mut errors = errors;
        if let Some(next) = summary.next_moment() {
            let dir = self.placement_dir(&summary.placement.id);
            for by in prepared_roles(&dir, next) {
                // Only a preparation that is there is read, so the overview stays quick.
                match self.preparation(&summary.placement.id, next, by) {
                    Err(e) => {
                        // Marked as unusable, never as newer: a newer record counts as held,
                        // and a preparation that cannot be read holds no meeting.
                        summary.mark(next, MomentState::Damaged);
                        summary.preparation_damaged.push(by.role());
                        errors.push(e);
                    }
                    Ok(_) => summary.prepared.push(by.role()),
                }
            }
        }
        (summary, errors)
    }
}

/// Whether a file of the placement in `dir` waits for a choice between two versions: the
/// other one lies beside it as `<name>.conflict.yaml` (see `team`).
fn has_two_versions(dir: &Path) -> bool {
    fs::read_dir(dir).into_iter().flatten().flatten().any(|e| {
        e.file_name()
            .to_str()
            .is_some_and(|n| n.ends_with(crate::team::CONFLICT_END))
    })
}

/// Today's date from the clock: the one place the overview asks for it.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Who sent in a preparation for `moment`, trainer first: the files
/// `<moment>.trainer.prep.yaml` and `<moment>.student.prep.yaml` in the placement's folder.
/// Only whether they are there is looked at; what they say is read when the meeting opens.
fn prepared_roles(dir: &Path, moment: Moment) -> Vec<Preparer> {
    Preparer::ALL
        .into_iter()
        .filter(|by| {
            let path = dir.join(preparation_file_name(moment, *by));
            fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
        })
        .collect()
}

/// The id and the time of removal in a folder name `<id>-<YYYYMMDD>-<HHMMSS>[-<n>]`.
fn parse_removed_name(name: &str) -> Option<(String, NaiveDateTime)> {
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts: Vec<&str> = name.split('-').collect();
    if parts.len() >= 4
        && parts
            .last()
            .is_some_and(|n| digits(n, n.len()) && n.len() < 6)
        && digits(parts[parts.len() - 2], 6)
    {
        parts.pop();
    }
    let time = parts.pop()?;
    let date = parts.pop()?;
    if !digits(date, 8) || !digits(time, 6) {
        return None;
    }
    let removed_at = NaiveDateTime::parse_from_str(&format!("{date}-{time}"), STAMP).ok()?;
    let id = parts.join("-");
    (!id.is_empty() && safe_id(&id) == id).then_some((id, removed_at))
}

/// Renames folder `from` to `to`, which must not exist: a folder that appeared there in the
/// meantime is never replaced.
fn move_folder(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            // Some file systems (network shares) cannot promise this; check, then rename.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    if exists(to) {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    fs::rename(from, to)
}

#[cfg(test)]
mod tests {
    use super::parse_removed_name;

    #[test]
    fn removed_folder_names_give_back_id_and_time() {
        let (id, at) = parse_removed_name("anna-jansen-bakkerij-20261204-093015").unwrap();
        assert_eq!(id, "anna-jansen-bakkerij");
        assert_eq!(at.to_string(), "2026-12-04 09:30:15");
        let (id, _) = parse_removed_name("sam-2-20261204-093015-3").unwrap();
        assert_eq!(id, "sam-2");
        assert_eq!(parse_removed_name("20261204-093015"), None);
        assert_eq!(parse_removed_name("notes"), None);
        assert_eq!(parse_removed_name("Anna-20261204-093015"), None);
    }
}
