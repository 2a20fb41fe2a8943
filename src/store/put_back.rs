//! A meeting draft thrown away from the meetings list waits in its placement's `set-aside/`
//! folder; `restore` with that file's path puts it back as the meeting's draft, as long as
//! the meeting has no draft or record of its own by then. Nothing is ever written over.

use std::fs;
use std::path::{Path, PathBuf};

use super::error::Refusal;
use super::read::{exists, read_record};
use super::{SET_ASIDE_DIR, Store, StoreError, belongs_here, durable};
use crate::domain::Moment;

impl Store {
    /// Whether `path` is a draft set aside in a placement's folder; its placement and moment.
    pub fn set_aside_draft(&self, path: &Path) -> Option<(String, Moment)> {
        let canonical = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let aside = canonical(path.parent()?);
        let folder = aside.parent()?;
        if aside.file_name()? != SET_ASIDE_DIR
            || folder.parent()? != canonical(&self.placements_dir())
        {
            return None;
        }
        let name = path.file_name()?.to_str()?.strip_suffix(".draft.yaml")?;
        // Set aside as `<date>-<time>[-n]-<moment>.draft.yaml`.
        let moment = Moment::from_code(name.rsplit('-').next()?)?;
        Some((folder.file_name()?.to_str()?.to_string(), moment))
    }

    /// Puts the draft set aside at `path` back as its meeting's draft; refused when that
    /// meeting has a draft or record now, or the file is another meeting's.
    pub fn put_back_draft(&self, path: &Path) -> Result<(String, Moment), StoreError> {
        let (id, moment) = self.set_aside_draft(path).ok_or_else(|| StoreError::Read {
            path: path.to_path_buf(),
            source: std::io::ErrorKind::NotFound.into(),
        })?;
        let record = read_record(&*self.disk, path)?;
        belongs_here(record, &id, moment, path)?;
        let target = self.draft_path(&id, moment);
        for taken in [&target, &self.record_path(&id, moment)] {
            if exists(taken) {
                return Err(StoreError::Refused {
                    path: taken.clone(),
                    reason: Refusal::MeetingGoesOn,
                });
            }
        }
        let failed = |source| StoreError::Write {
            path: target.clone(),
            source,
        };
        fs::rename(path, &target).map_err(failed)?;
        let dirs: [Option<PathBuf>; 2] = [
            target.parent().map(Path::to_path_buf),
            path.parent().map(Path::to_path_buf),
        ];
        for dir in dirs.into_iter().flatten() {
            durable::sync_dir(&dir).map_err(failed)?;
        }
        Ok((id, moment))
    }
}
