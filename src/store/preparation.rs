//! Preparations for a meeting, one file per placement, moment and preparer:
//!
//! ```text
//! <data dir>/placements/<placement-id>/<moment>.trainer.prep.yaml
//! <data dir>/placements/<placement-id>/<moment>.student.prep.yaml
//! ```
//!
//! Like records they carry a version and end with `end_of_file: true`, name the placement
//! and moment they belong to (a copy from another folder is reported, never obeyed), and are
//! never written over while unreadable: a damaged one is set aside first and a replaced one
//! is kept in `set-aside/`, byte for byte.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate, NaiveDateTime, Timelike as _};
use serde::{Deserialize, Serialize};

use super::read::{exists, read_text};
use super::{Damage, Refusal, Store, StoreError};
use crate::domain::placement::safe_id;
use crate::domain::preparation::{PrepSource, Prepared, Preparer, Reply};
use crate::domain::{Lang, Moment, Preparation};

/// Raised whenever the file's shape changes, so an older program can tell it is reading
/// something newer than itself.
pub const PREP_SCHEMA: u32 = 2;

/// The file as it is stored. Field order is the order in the file: what it is first, the
/// content, where it came from, and the end marker last.
#[derive(Debug, Serialize, Deserialize)]
struct PrepFile {
    schema_version: u32,
    placement: String,
    moment: Moment,
    by: Preparer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<Lang>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    trainer: Option<Preparation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    student: Option<Preparation>,
    source: PrepSource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    imported_at: Option<NaiveDateTime>,
    #[serde(default)]
    end_of_file: bool,
}

impl PrepFile {
    fn prepared(self) -> Option<Prepared> {
        match (self.by, self.trainer, self.student) {
            (Preparer::Trainer, Some(p), None) => Some(Prepared::Trainer(p)),
            (Preparer::Student, None, Some(p)) => Some(Prepared::Student(p)),
            _ => None,
        }
    }
}

/// A preparation file's size, time and identity: compared, never shown. Every write is a
/// new file renamed into place, so a new one differs even within the same second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrepStamp {
    modified: Option<std::time::SystemTime>,
    len: u64,
    inode: u64,
}

/// The file name of a preparation: `<moment>.<trainer|student>.prep.yaml`.
pub fn preparation_file_name(moment: Moment, by: Preparer) -> String {
    format!("{}.{}.prep.yaml", moment.code(), by.code())
}

/// Whether a file name is one of a preparation, so code that looks at a placement's files
/// can tell them from records and drafts.
pub fn is_preparation_file(name: &str) -> bool {
    name.ends_with(".prep.yaml")
}

impl Store {
    pub fn preparation_path(&self, id: &str, moment: Moment, by: Preparer) -> PathBuf {
        self.placement_dir(id)
            .join(preparation_file_name(moment, by))
    }

    /// Stores what the trainer or student prepared for meeting `id`/`moment`; returns where.
    /// A preparation already there is replaced, and kept in `set-aside/` first; an unreadable
    /// one is set aside; one written by a newer version is refused and left alone.
    pub fn save_preparation(
        &self,
        id: &str,
        moment: Moment,
        prepared: &Prepared,
        source: PrepSource,
    ) -> Result<PathBuf, StoreError> {
        let placement = self.placement(id).map_err(|e| {
            if e.is_missing() {
                unknown_placement(self, id)
            } else {
                e
            }
        })?;
        let language = match prepared.by() {
            Preparer::Trainer => placement.trainer_language,
            Preparer::Student => None,
        };
        let _held = self.hold_preparation(id)?;
        self.write_preparation(id, moment, prepared, source, language)
    }

    /// What `by` prepared for meeting `id`/`moment`, if anything.
    pub fn preparation(
        &self,
        id: &str,
        moment: Moment,
        by: Preparer,
    ) -> Result<Option<Prepared>, StoreError> {
        self.folder(id)?;
        let path = self.preparation_path(id, moment, by);
        if !exists(&path) {
            return Ok(None);
        }
        self.read_preparation(&path, id, moment, by)
            .map(|file| file.prepared())
    }

    /// What changes whenever a preparation of meeting `id`/`moment` is written, replaced or
    /// removed, trainer's first: for an open meeting to notice one that just came in.
    pub fn preparation_stamps(&self, id: &str, moment: Moment) -> [Option<PrepStamp>; 2] {
        [Preparer::Trainer, Preparer::Student].map(|by| {
            let meta = std::fs::metadata(self.preparation_path(id, moment, by)).ok()?;
            Some(PrepStamp {
                modified: meta.modified().ok(),
                len: meta.len(),
                inode: std::os::unix::fs::MetadataExt::ino(&meta),
            })
        })
    }

    /// Both preparations of a meeting, for showing beside the notes. A file that cannot be
    /// read counts as absent here; `preparation` and `preparation_errors` say what is wrong.
    pub fn preparations(
        &self,
        id: &str,
        moment: Moment,
    ) -> (Option<Preparation>, Option<Preparation>) {
        let get = |by| self.preparation(id, moment, by).ok().flatten();
        let trainer = match get(Preparer::Trainer) {
            Some(Prepared::Trainer(p)) => Some(p),
            _ => None,
        };
        let student = match get(Preparer::Student) {
            Some(Prepared::Student(p)) => Some(p),
            _ => None,
        };
        (trainer, student)
    }

    /// Every preparation file of placement `id` that exists but cannot be used, like the
    /// errors `records` reports for meetings.
    pub fn preparation_errors(&self, id: &str) -> Vec<StoreError> {
        if let Err(e) = self.folder(id) {
            return vec![e];
        }
        Moment::ALL
            .into_iter()
            .flat_map(|m| Preparer::ALL.map(|by| (m, by)))
            .filter_map(|(moment, by)| self.preparation(id, moment, by).err())
            .collect()
    }

    /// Attaches a form read back from a reply to its placement and moment; returns where it
    /// was stored. Refused, with nothing in the data folder changed, when the placement does
    /// not exist, or when that person already prepared for that meeting and `replace` is not
    /// given. With `replace`, the earlier preparation is kept in `set-aside/` first.
    pub fn import_reply(&self, reply: &Reply, replace: bool) -> Result<PathBuf, StoreError> {
        let id = reply.placement.as_str();
        if safe_id(id) != id || !self.placement_exists(id) {
            return Err(unknown_placement(self, id));
        }
        // Checked and written under the lock: of two imports at once, the second sees the
        // first.
        let _held = self.hold_preparation(id)?;
        let path = self.preparation_path(id, reply.moment, reply.by);
        if exists(&path) && !replace {
            // An earlier preparation that cannot be read is reported as it is.
            let file = self.read_preparation(&path, id, reply.moment, reply.by)?;
            let on = file
                .prepared()
                .and_then(|p| p.prepared_on())
                .or_else(|| modified_day(&path));
            return Err(StoreError::Refused {
                path,
                reason: Refusal::AlreadyPrepared {
                    by: reply.by,
                    moment: reply.moment,
                    on,
                },
            });
        }
        let mut prepared = reply.prepared.clone();
        if prepared.prepared_on().is_none() {
            prepared.set_prepared_on(Local::now().date_naive());
        }
        self.write_preparation(
            id,
            reply.moment,
            &prepared,
            PrepSource::Form,
            Some(reply.language),
        )
    }

    /// Held while a preparation is checked and written, so that imports at the same time (a
    /// mail rule taking in a batch, two teachers with the same reply) go one after the other.
    /// The lock is on the placement's folder itself, so a refusal leaves no file behind; the
    /// operating system lets go of it when the holder ends in any way.
    fn hold_preparation(&self, id: &str) -> Result<std::fs::File, StoreError> {
        let dir = self.folder(id)?;
        let failed = |source| StoreError::Write {
            path: dir.clone(),
            source,
        };
        let folder = std::fs::File::open(&dir).map_err(failed)?;
        folder.lock().map_err(failed)?;
        Ok(folder)
    }

    fn write_preparation(
        &self,
        id: &str,
        moment: Moment,
        prepared: &Prepared,
        source: PrepSource,
        language: Option<Lang>,
    ) -> Result<PathBuf, StoreError> {
        self.folder(id)?;
        let by = prepared.by();
        let path = self.preparation_path(id, moment, by);
        let mut moved = None;
        let mut copied = None;
        if exists(&path) {
            match self.read_preparation(&path, id, moment, by) {
                Err(e) if e.is_newer() => return Err(e),
                Err(e) if e.is_damage() => moved = Some(self.set_aside(&path)?),
                Err(e) => return Err(e),
                Ok(_) => copied = Some(self.keep_copy(&path)?),
            }
        }
        let (trainer, student) = match prepared.clone() {
            Prepared::Trainer(p) => (Some(p), None),
            Prepared::Student(p) => (None, Some(p)),
        };
        let file = PrepFile {
            schema_version: PREP_SCHEMA,
            placement: safe_id(id),
            moment,
            by,
            language,
            trainer,
            student,
            source,
            imported_at: (source == PrepSource::Form).then(|| {
                let now = Local::now().naive_local();
                now.with_nanosecond(0).unwrap_or(now)
            }),
            end_of_file: true,
        };
        if let Err(e) = self.write_yaml(&path, &file) {
            // Nothing changed, as the refusal will say: the earlier file is where it was.
            if let Some(aside) = moved
                && std::fs::rename(&aside, &path).is_ok()
                && let Some(dir) = aside.parent()
            {
                let _ = std::fs::remove_dir(dir);
            }
            if let Some(copy) = copied {
                Self::forget_copy(&copy);
            }
            return Err(e);
        }
        Ok(path)
    }

    /// Reads a preparation file with every check a record gets: plain file, text, version,
    /// end marker, and that it says it belongs where it was found.
    fn read_preparation(
        &self,
        path: &Path,
        id: &str,
        moment: Moment,
        by: Preparer,
    ) -> Result<PrepFile, StoreError> {
        let text = read_text(&*self.disk, path)?;
        let newer = |version| StoreError::Newer {
            path: path.to_path_buf(),
            version,
        };
        let damaged = |damage| StoreError::Damaged {
            path: path.to_path_buf(),
            damage,
        };
        if let Some(version) = super::read::declared_version(&text)
            && version > PREP_SCHEMA
        {
            return Err(newer(version));
        }
        let file: PrepFile =
            serde_saphyr::from_str(&text).map_err(|e| StoreError::parse(path.to_path_buf(), &e))?;
        if file.schema_version > PREP_SCHEMA {
            return Err(newer(file.schema_version));
        }
        if !file.end_of_file {
            return Err(damaged(Damage::Incomplete));
        }
        if file.placement != safe_id(id) || file.moment != moment || file.by != by {
            return Err(damaged(Damage::Misplaced {
                found: format!(
                    "{}/{}/{}",
                    safe_id(&file.placement),
                    file.moment.code(),
                    file.by.code()
                ),
            }));
        }
        let content_fits = match by {
            Preparer::Trainer => file.trainer.is_some() && file.student.is_none(),
            Preparer::Student => file.student.is_some() && file.trainer.is_none(),
        };
        if !content_fits {
            return Err(damaged(Damage::Incomplete));
        }
        Ok(file)
    }
}

fn unknown_placement(store: &Store, id: &str) -> StoreError {
    StoreError::Refused {
        path: store.placement_dir(id),
        reason: Refusal::UnknownPlacement { id: id.to_string() },
    }
}

fn modified_day(path: &Path) -> Option<NaiveDate> {
    let modified = Store::modified(path)?;
    Some(chrono::DateTime::<Local>::from(modified).date_naive())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn a_preparation_file_is_never_taken_for_a_record_or_draft() {
        for moment in Moment::ALL {
            for by in Preparer::ALL {
                let name = preparation_file_name(moment, by);
                assert!(is_preparation_file(&name));
                assert_eq!(super::super::moment_of(Path::new(&name)), None, "{name}");
            }
            assert!(!is_preparation_file(&format!(
                "{}.draft.yaml",
                moment.code()
            )));
        }
    }
}
