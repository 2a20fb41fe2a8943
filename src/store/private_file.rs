//! A meeting's private part on disk: `<moment>.private.yaml` beside `<moment>.yaml`, owner-only
//! like every data file, and never shared (a team archive ignores it; see `team`). The record
//! file holds no private note and no concern once written by this version.
//!
//! ```text
//! placements/<id>/midway.yaml           the record: may be shared with colleagues
//! placements/<id>/midway.private.yaml   private notes and concern: the teacher's alone
//! ```
//!
//! The private part is written first and the record after it, so a crash between the two
//! leaves the newer private part beside the older record, never a record whose private text
//! exists nowhere. Records written before this version still hold their private part inside;
//! they are read as they are, and moved apart once (`move_private_out`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::{Damage, StoreError};
use super::index::INDEX_DIR;
use super::read::{exists, read_checked, read_record_for_editing};
use super::{Store, belongs_here, durable, safe_id};
use crate::domain::private::Private;
use crate::domain::record::Concern;
use crate::domain::{MeetingRecord, Moment};

const SCHEMA: u32 = 1;

/// Written once every record has been looked at, so the next start does not look again.
const MOVED_MARK: &str = "private-moved";

#[derive(Serialize, Deserialize)]
struct PrivateFile {
    schema_version: u32,
    placement: String,
    moment: Moment,
    #[serde(default)]
    private_notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    concern: Option<Concern>,
    /// Missing when the file was cut off.
    #[serde(default)]
    end_of_file: bool,
}

/// What moving the private parts out of the records did.
#[derive(Debug, Default)]
pub struct MovedOut {
    /// Records whose private part now lives in a file of its own.
    pub moved: usize,
    /// Records left as they were, each with why (damaged, from a newer version): they are
    /// still read whole, and moved apart when next stored.
    pub left: Vec<StoreError>,
}

impl Store {
    pub fn private_path(&self, id: &str, moment: Moment) -> PathBuf {
        self.placement_dir(id)
            .join(format!("{}.private.yaml", moment.code()))
    }

    /// The private part of meeting `id`/`moment`; nothing when there is no file.
    fn private_part(&self, id: &str, moment: Moment) -> Result<Private, StoreError> {
        let path = self.private_path(id, moment);
        if !exists(&path) {
            return Ok(Private::default());
        }
        let file: PrivateFile = read_checked(&*self.disk, &path)?;
        let damaged = |damage| StoreError::Damaged {
            path: path.clone(),
            damage,
        };
        if file.schema_version > SCHEMA {
            return Err(StoreError::Newer {
                path: path.clone(),
                version: file.schema_version,
            });
        }
        if !file.end_of_file {
            return Err(damaged(Damage::Incomplete));
        }
        if file.placement != safe_id(id) || file.moment != moment {
            let found = format!("{}/{}", safe_id(&file.placement), file.moment.code());
            return Err(damaged(Damage::Misplaced { found }));
        }
        Ok(Private {
            notes: file.private_notes,
            concern: file.concern,
        })
    }

    /// `record`, read from the record file of `id`/`moment`, with its private part back.
    pub(super) fn with_private_part(
        &self,
        record: MeetingRecord,
        id: &str,
        moment: Moment,
    ) -> Result<MeetingRecord, StoreError> {
        Ok(record.with_private(self.private_part(id, moment)?))
    }

    /// Whether `path` is the record file of a meeting (not a draft, not another file).
    pub(super) fn is_record_file(path: &Path) -> bool {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        Moment::ALL
            .iter()
            .any(|m| name == format!("{}.yaml", m.code()))
    }

    /// Writes the private part of meeting `id`/`moment` durably; with nothing private, the
    /// file goes. A private part that changed is first kept whole in `set-aside/`.
    pub(super) fn write_private_part(
        &self,
        id: &str,
        moment: Moment,
        private: &Private,
    ) -> Result<(), StoreError> {
        let path = self.private_path(id, moment);
        let there = exists(&path);
        match self.private_part(id, moment) {
            Ok(earlier) if earlier == *private && (there || private.is_empty()) => return Ok(()),
            Ok(earlier) if there && !earlier.is_empty() => {
                self.keep_copy(&path)?;
            }
            // One that cannot be read is moved aside unchanged, never written over.
            Err(_) if there => {
                self.set_aside(&path)?;
            }
            _ => {}
        }
        if private.is_empty() {
            if exists(&path) {
                durable::remove_file(&path).map_err(|source| StoreError::Write { path, source })?;
            }
            return Ok(());
        }
        let file = PrivateFile {
            schema_version: SCHEMA,
            placement: safe_id(id),
            moment,
            private_notes: private.notes.clone(),
            concern: private.concern.clone(),
            end_of_file: true,
        };
        self.write_yaml(&path, &file)
    }

    /// Moves the private part of every record that still holds one into its own file, once:
    /// the private file first, then the record without it, each durably. Stopped half-way
    /// (killed, power cut), it loses nothing, and the next start finishes the job. A record
    /// this version cannot write back whole (damaged, unknown fields) is left as it is.
    pub fn move_private_out(&self) -> MovedOut {
        let mark = self.root().join(INDEX_DIR).join(MOVED_MARK);
        let mut done = MovedOut::default();
        if exists(&mark) {
            return done;
        }
        let Ok(entries) = std::fs::read_dir(self.placements_dir()) else {
            return done;
        };
        let mut ids: Vec<String> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect();
        ids.sort();
        for id in ids {
            for moment in Moment::ALL {
                match self.move_out_of(&id, moment) {
                    Ok(true) => done.moved += 1,
                    Ok(false) => {}
                    Err(e) => done.left.push(e),
                }
            }
        }
        // Marked done even with records left: those are read whole and moved apart when
        // next stored, and looking at every record again at each start would cost the start.
        if let Some(dir) = mark.parent()
            && durable::create_dir(dir).is_ok()
        {
            let _ = self.disk.write(&mark, b"");
        }
        done
    }

    /// The record files among `paths` (relative to the data folder) that still hold a
    /// private part get it moved out, before they are shared; what could not be is returned.
    pub fn keep_private_apart<'a>(
        &self,
        paths: impl IntoIterator<Item = &'a str>,
    ) -> Vec<StoreError> {
        let mut failed = Vec::new();
        for path in paths {
            let parts: Vec<&str> = path.split('/').collect();
            let [first, id, name] = parts[..] else {
                continue;
            };
            let moment = name.strip_suffix(".yaml").and_then(Moment::from_code);
            if first != "placements" || moment.is_none() {
                continue;
            }
            if let Some(moment) = moment
                && let Err(e) = self.move_out_of(id, moment)
            {
                failed.push(e);
            }
        }
        failed
    }

    /// One record's private part into its own file; true when there was one to move.
    fn move_out_of(&self, id: &str, moment: Moment) -> Result<bool, StoreError> {
        let path = self.record_path(id, moment);
        if !exists(&path) {
            return Ok(false);
        }
        let record = belongs_here(
            read_record_for_editing(&*self.disk, &path)?,
            id,
            moment,
            &path,
        )?;
        if !record.holds_private() {
            return Ok(false);
        }
        let (shared, private) = self.with_private_part(record, id, moment)?.split_private();
        self.write_private_part(id, moment, &private)?;
        self.write_yaml(&path, &shared)?;
        Ok(true)
    }
}
