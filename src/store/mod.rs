//! Files on disk: one folder per placement, one YAML file per meeting. The store knows nothing
//! of the terminal; it hands back domain values and plain errors.
//!
//! ```text
//! <data dir>/placements/<placement-id>/placement.yaml
//! <data dir>/placements/<placement-id>/<moment>.yaml          the meeting record
//! <data dir>/placements/<placement-id>/<moment>.draft.yaml    while a meeting is in progress
//! ```

pub mod config;
pub mod durable;
mod error;
pub mod guides;
pub mod saver;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use error::StoreError;

use crate::domain::placement::safe_id;
use crate::domain::summary::PlacementSummary;
use crate::domain::{MeetingRecord, Moment, Placement};

const PLACEMENT_FILE: &str = "placement.yaml";

#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Opens (and if needed creates) the data folder at `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let store = Self { root: root.into() };
        durable::create_dir(&store.placements_dir()).map_err(|source| StoreError::Write {
            path: store.placements_dir(),
            source,
        })?;
        Ok(store)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn placements_dir(&self) -> PathBuf {
        self.root.join("placements")
    }

    /// The folder of a placement. Ids are cleaned again so that a hand-typed id on the
    /// command line can never point outside the data folder.
    pub fn placement_dir(&self, id: &str) -> PathBuf {
        self.placements_dir().join(safe_id(id))
    }

    pub fn record_path(&self, id: &str, moment: Moment) -> PathBuf {
        self.placement_dir(id)
            .join(format!("{}.yaml", moment.code()))
    }

    pub fn draft_path(&self, id: &str, moment: Moment) -> PathBuf {
        self.placement_dir(id)
            .join(format!("{}.draft.yaml", moment.code()))
    }

    pub fn placement_exists(&self, id: &str) -> bool {
        self.placement_dir(id).join(PLACEMENT_FILE).is_file()
    }

    /// Every placement, sorted by student name, plus the files that could not be read.
    pub fn placements(&self) -> (Vec<Placement>, Vec<StoreError>) {
        let mut placements = Vec::new();
        let mut errors = Vec::new();
        let entries = match fs::read_dir(self.placements_dir()) {
            Ok(entries) => entries,
            Err(source) => {
                errors.push(StoreError::Read {
                    path: self.placements_dir(),
                    source,
                });
                return (placements, errors);
            }
        };
        for entry in entries.flatten() {
            let path = entry.path().join(PLACEMENT_FILE);
            if !path.is_file() {
                continue;
            }
            match read_yaml::<Placement>(&path) {
                Ok(p) => placements.push(p),
                Err(e) => errors.push(e),
            }
        }
        placements.sort_by(|a, b| {
            a.student
                .to_lowercase()
                .cmp(&b.student.to_lowercase())
                .then(a.id.cmp(&b.id))
        });
        (placements, errors)
    }

    pub fn placement(&self, id: &str) -> Result<Placement, StoreError> {
        read_yaml(&self.placement_dir(id).join(PLACEMENT_FILE))
    }

    /// Stores a new placement under a fresh id derived from its names; returns it with its id.
    pub fn create_placement(&self, mut placement: Placement) -> Result<Placement, StoreError> {
        placement.id = Placement::new_id(&placement.student, &placement.company, |id| {
            self.placement_dir(id).exists()
        });
        let dir = self.placement_dir(&placement.id);
        durable::create_dir(&dir).map_err(|source| StoreError::Write {
            path: dir.clone(),
            source,
        })?;
        write_yaml(&dir.join(PLACEMENT_FILE), &placement)?;
        Ok(placement)
    }

    /// The record and draft files of a placement that exist, final records first.
    pub fn meeting_files(&self, id: &str) -> Vec<PathBuf> {
        Moment::ALL
            .into_iter()
            .flat_map(|m| [self.record_path(id, m), self.draft_path(id, m)])
            .filter(|p| p.is_file())
            .collect()
    }

    /// All records and drafts of a placement, plus the files that could not be read.
    pub fn records(&self, id: &str) -> (Vec<MeetingRecord>, Vec<StoreError>) {
        let mut records = Vec::new();
        let mut errors = Vec::new();
        for path in self.meeting_files(id) {
            match read_yaml(&path) {
                Ok(r) => records.push(r),
                Err(e) => errors.push(e),
            }
        }
        (records, errors)
    }

    /// The final record of a moment, if it was held.
    pub fn final_record(
        &self,
        id: &str,
        moment: Moment,
    ) -> Result<Option<MeetingRecord>, StoreError> {
        read_optional(&self.record_path(id, moment))
    }

    /// What to continue with when a meeting is opened: the draft when there is one, else the
    /// final record, else nothing.
    pub fn meeting(&self, id: &str, moment: Moment) -> Result<Option<MeetingRecord>, StoreError> {
        match read_optional(&self.draft_path(id, moment))? {
            Some(draft) => Ok(Some(draft)),
            None => self.final_record(id, moment),
        }
    }

    /// The most recent final record before `moment`; its open agreements carry forward.
    pub fn previous_record(&self, id: &str, moment: Moment) -> Option<MeetingRecord> {
        let mut earlier = moment.previous();
        while let Some(m) = earlier {
            if let Ok(Some(record)) = self.final_record(id, m) {
                return Some(record);
            }
            earlier = m.previous();
        }
        None
    }

    pub fn save_draft(&self, record: &MeetingRecord) -> Result<PathBuf, StoreError> {
        let path = self.draft_path(&record.placement.id, record.moment);
        write_yaml(&path, record)?;
        Ok(path)
    }

    /// Writes the final record and only then removes the draft it replaces.
    pub fn save_final(&self, record: &MeetingRecord) -> Result<PathBuf, StoreError> {
        let id = &record.placement.id;
        let path = self.record_path(id, record.moment);
        write_yaml(&path, record)?;
        let draft = self.draft_path(id, record.moment);
        durable::remove_file(&draft).map_err(|source| StoreError::Write {
            path: draft,
            source,
        })?;
        Ok(path)
    }

    /// An overview line per placement, plus every file that could not be read.
    pub fn summaries(&self) -> (Vec<PlacementSummary>, Vec<StoreError>) {
        let (placements, mut errors) = self.placements();
        let summaries = placements
            .into_iter()
            .map(|p| {
                let (records, record_errors) = self.records(&p.id);
                errors.extend(record_errors);
                PlacementSummary::new(p, &records)
            })
            .collect();
        (summaries, errors)
    }

    /// Resolves a record named on the command line: a path to a file, or `placement/moment`.
    pub fn resolve_record(&self, name: &str) -> Option<PathBuf> {
        let as_path = Path::new(name);
        if as_path.is_file() {
            return Some(as_path.to_path_buf());
        }
        let (id, moment) = name.rsplit_once('/')?;
        let moment = Moment::from_code(moment.trim_end_matches(".yaml"))?;
        [self.record_path(id, moment), self.draft_path(id, moment)]
            .into_iter()
            .find(|p| p.is_file())
    }
}

pub fn read_yaml<T: DeserializeOwned>(path: &Path) -> Result<T, StoreError> {
    let text = fs::read_to_string(path).map_err(|source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_saphyr::from_str(&text).map_err(|e| StoreError::parse(path.to_path_buf(), &e))
}

fn read_optional<T: DeserializeOwned>(path: &Path) -> Result<Option<T>, StoreError> {
    match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        _ => read_yaml(path).map(Some),
    }
}

pub fn to_yaml<T: Serialize>(value: &T) -> String {
    // Serialising our own plain structs cannot fail; an error here is a programming mistake
    // that must not be hidden as an empty file.
    serde_saphyr::to_string(value).expect("record types always serialise")
}

fn write_yaml<T: Serialize>(path: &Path, value: &T) -> Result<(), StoreError> {
    if let Some(dir) = path.parent() {
        durable::create_dir(dir).map_err(|source| StoreError::Write {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    durable::write_file(path, to_yaml(value).as_bytes()).map_err(|source| StoreError::Write {
        path: path.to_path_buf(),
        source,
    })
}
