//! Records named on the command line: by path, or as `placement/moment`, and read with every
//! check a stored one gets.

use std::fs;
use std::path::{Path, PathBuf};

use super::read::{exists, read_record};
use super::{Store, StoreError, belongs_here, moment_of};
use crate::domain::{MeetingRecord, Moment};

impl Store {
    /// Resolves a record named on the command line: a path to a file, or `placement/moment`
    /// where the moment may also be named in Dutch (`placement/tussentijds`).
    pub fn resolve_record(&self, name: &str) -> Option<PathBuf> {
        let as_path = Path::new(name);
        if exists(as_path) && !as_path.is_dir() {
            return Some(as_path.to_path_buf());
        }
        let (id, moment) = name.rsplit_once('/')?;
        let moment = Moment::from_name(moment.trim_end_matches(".yaml"))?;
        [self.record_path(id, moment), self.draft_path(id, moment)]
            .into_iter()
            .find(|p| exists(p))
    }

    /// Reads a record or draft named by path, with every check a stored one gets.
    /// In a placement's folder, the file must be the meeting its place names, as when the
    /// overview reads it: a record copied in from another placement is reported, never shown
    /// as this one's. A file elsewhere (one mailed, say) is what it says it is.
    pub fn read_record_file(&self, path: &Path) -> Result<MeetingRecord, StoreError> {
        let record = read_record(&*self.disk, path)?;
        let canonical = |p: &Path| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let folder = path.parent().map(canonical);
        let in_placements = folder
            .as_deref()
            .and_then(Path::parent)
            .is_some_and(|p| p == canonical(&self.placements_dir()));
        match (in_placements, folder, moment_of(path)) {
            (true, Some(folder), Some(moment)) => {
                let id = folder.file_name().and_then(|n| n.to_str()).unwrap_or("");
                belongs_here(record, id, moment, path)
                    .and_then(|r| self.private_back(r, id, moment, path))
            }
            _ => Ok(record),
        }
    }
}
