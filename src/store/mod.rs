//! Files on disk: one folder per placement, one YAML file per meeting. The store knows nothing
//! of the terminal; it hands back domain values and plain errors.
//!
//! ```text
//! <data dir>/placements/<placement-id>/placement.yaml
//! <data dir>/placements/<placement-id>/<moment>.yaml          the meeting record
//! <data dir>/placements/<placement-id>/<moment>.draft.yaml    while a meeting is in progress
//! <data dir>/placements/<placement-id>/<moment>.lock          held while a meeting is open
//! <data dir>/placements/<placement-id>/<moment>.<trainer|student>.prep.yaml   a preparation
//! <data dir>/placements/<placement-id>/set-aside/             damaged and discarded files
//! <data dir>/forms/                              forms kept while they are filled in
//! <data dir>/set-aside/removed/<placement-id>-<stamp>/          removed placements
//! ```
//!
//! The store never writes over a file it cannot read: such a file is moved to `set-aside/`
//! first, byte for byte as it was.

pub mod config;
pub mod disk;
pub mod durable;
mod error;
mod export_file;
pub mod file_kind;
pub mod files;
pub mod forms;
pub mod guides;
pub mod index;
pub mod leftovers;
pub mod lock;
mod lossless;
mod named;
mod placement_file;
mod placements;
pub mod preparation;
mod privacy;
mod private_file;
mod put_back;
pub mod read;
pub mod rescue;
pub mod saver;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use chrono::Local;
use serde::Serialize;

use disk::{Disk, RealDisk};
pub use error::{Damage, Refusal, StoreError};
use lock::{Claim, MeetingLock};
use placement_file::{placement_yaml, read_placement};
pub use placements::{RemovedPlacement, today};
pub use read::read_checked;
use read::{MAX_FILE_BYTES, exists, read_record, read_record_for_editing};

use crate::domain::placement::safe_id;
use crate::domain::summary::PlacementSummary;
use crate::domain::{MeetingRecord, Moment, Placement};

const PLACEMENT_FILE: &str = "placement.yaml";
const SET_ASIDE_DIR: &str = "set-aside";

#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    disk: Arc<dyn Disk>,
    /// Where text goes when the data folder will not take it and the program must end.
    rescue_dirs: Vec<PathBuf>,
    /// The data folder did not exist before this store was opened.
    created: bool,
}

/// Both files of one meeting as found on disk, each read on its own so that a damaged one
/// does not hide the other.
#[derive(Debug)]
pub struct MeetingFiles {
    pub record: Result<Option<MeetingRecord>, StoreError>,
    pub draft: Result<Option<MeetingRecord>, StoreError>,
    /// The draft was written after the final record, as when a held record is edited again.
    pub draft_is_newer: bool,
}

impl Store {
    /// Opens (and if needed creates) the data folder at `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
        Self::open_with(root, Arc::new(RealDisk))
    }

    /// Opens a data folder that must already be there, for the commands that only read: a
    /// mistyped `--data-dir` is then reported instead of quietly created.
    pub fn open_existing(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let root = root.into();
        match fs::metadata(&root) {
            Ok(meta) if meta.is_dir() => Self::open(root),
            Ok(_) => Err(StoreError::Read {
                path: root,
                source: io::ErrorKind::NotADirectory.into(),
            }),
            Err(source) => Err(StoreError::Read { path: root, source }),
        }
    }

    /// Opens the data folder with another disk underneath, for tests and drills.
    pub fn open_with(root: impl Into<PathBuf>, disk: Arc<dyn Disk>) -> Result<Self, StoreError> {
        let root = root.into();
        let store = Self {
            created: !root.exists(),
            root,
            disk,
            rescue_dirs: rescue::rescue_dirs(None),
        };
        durable::create_dir(&store.placements_dir()).map_err(|source| StoreError::Write {
            path: store.placements_dir(),
            source,
        })?;
        Ok(store)
    }

    /// Uses `dirs` (see `rescue::rescue_dirs`) for emergency copies of unsaved text.
    #[must_use]
    pub fn with_rescue_dirs(mut self, dirs: Vec<PathBuf>) -> Self {
        self.rescue_dirs = dirs;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether opening made the data folder, so the user can be told where their data will
    /// be kept: a mistyped folder otherwise looks just like an empty one.
    pub const fn created(&self) -> bool {
        self.created
    }

    pub(crate) fn placements_dir(&self) -> PathBuf {
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

    pub fn lock_path(&self, id: &str, moment: Moment) -> PathBuf {
        self.placement_dir(id)
            .join(format!("{}.lock", moment.code()))
    }

    /// Narrows the permissions of everything the program keeps that others could read: the
    /// data folder and all in it, and the rescue folders. Returns what was changed so the
    /// user can be told.
    ///
    /// The placements' own folders are left to `overview`, which narrows each one when it
    /// reads it again (a change of permissions is a change the index sees).
    pub fn repair_permissions(&self) -> Vec<PathBuf> {
        let placements = self.placements_dir();
        let mut repaired =
            privacy::repair_permissions_but_inside(&self.root, Some(placements.as_path()));
        // A rescue folder in a shared place such as /tmp is only ours if it is a real
        // folder: a link there could point anywhere.
        for dir in &self.rescue_dirs {
            if fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
                repaired.extend(privacy::repair_permissions(dir));
            }
        }
        repaired
    }

    pub fn placement_exists(&self, id: &str) -> bool {
        self.folder(id)
            .and_then(|dir| read::plain_file(&dir.join(PLACEMENT_FILE)))
            .is_ok()
    }

    /// The folder of a placement, provided it is a real folder: a link in its place is never
    /// followed, since everything written there would land wherever the link points. A folder
    /// that does not exist yet is fine.
    pub fn folder(&self, id: &str) -> Result<PathBuf, StoreError> {
        let dir = self.placement_dir(id);
        let damaged = |damage| StoreError::Damaged {
            path: dir.clone(),
            damage,
        };
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.file_type().is_symlink() => Err(damaged(Damage::Symlink)),
            Ok(meta) if !meta.is_dir() => Err(damaged(Damage::NotAFile)),
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::Read {
                path: dir.clone(),
                source: e,
            }),
            _ => Ok(dir),
        }
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
            let Some(id) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            // Only folder names this program could have made; anything else is not ours.
            if safe_id(&id) != id {
                continue;
            }
            let dir = match self.folder(&id) {
                Ok(dir) => dir,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let path = dir.join(PLACEMENT_FILE);
            if !exists(&path) {
                continue;
            }
            match read_placement(&*self.disk, &path, &id) {
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
        let dir = self.folder(id)?;
        read_placement(&*self.disk, &dir.join(PLACEMENT_FILE), &safe_id(id))
    }

    /// Stores a new placement under a fresh id derived from its names; returns it with its id.
    pub fn create_placement(&self, mut placement: Placement) -> Result<Placement, StoreError> {
        placement.check().map_err(|problem| StoreError::Invalid {
            path: self.placements_dir(),
            problem,
        })?;
        placement.id = Placement::new_id(&placement.student, &placement.company, |id| {
            exists(&self.placement_dir(id))
        });
        let dir = self.placement_dir(&placement.id);
        durable::create_dir(&dir).map_err(|source| StoreError::Write {
            path: dir.clone(),
            source,
        })?;
        self.write_text(&dir.join(PLACEMENT_FILE), &placement_yaml(&placement))?;
        Ok(placement)
    }

    /// The record and draft files of a placement that exist, final records first.
    pub fn meeting_files(&self, id: &str) -> Vec<PathBuf> {
        Moment::ALL
            .into_iter()
            .flat_map(|m| [self.record_path(id, m), self.draft_path(id, m)])
            .filter(|p| exists(p))
            .collect()
    }

    /// All records and drafts of a placement, plus the files that could not be read.
    pub fn records(&self, id: &str) -> (Vec<MeetingRecord>, Vec<StoreError>) {
        let mut records = Vec::new();
        let mut errors = Vec::new();
        for path in self.meeting_files(id) {
            let Some(moment) = moment_of(&path) else {
                continue;
            };
            let read = read_record(&*self.disk, &path)
                .and_then(|r| belongs_here(r, id, moment, &path))
                .and_then(|r| self.private_back(r, id, moment, &path));
            match read {
                Ok(r) => records.push(r),
                Err(e) => errors.push(e),
            }
        }
        (records, errors)
    }

    /// A placement's story from its files, knowing which moments' files could not be read;
    /// what could not be read is also returned, to say why.
    pub fn story(&self, id: &str) -> (crate::domain::story::Story, Vec<StoreError>) {
        let (records, errors) = self.records(id);
        let unreadable: Vec<Moment> = errors.iter().filter_map(|e| moment_of(e.path())).collect();
        let story = crate::domain::story::Story::new(records).with_unreadable(unreadable);
        (story, errors)
    }

    /// The final record of a moment, if it was held.
    pub fn final_record(
        &self,
        id: &str,
        moment: Moment,
    ) -> Result<Option<MeetingRecord>, StoreError> {
        self.read_optional(&self.record_path(id, moment), id, moment)
    }

    /// What to continue with when a meeting is opened: the draft when there is one, else the
    /// final record, else nothing.
    pub fn meeting(&self, id: &str, moment: Moment) -> Result<Option<MeetingRecord>, StoreError> {
        match self.read_optional(&self.draft_path(id, moment), id, moment)? {
            Some(draft) => Ok(Some(draft)),
            None => self.final_record(id, moment),
        }
    }

    /// The record and the draft of a meeting, each with its own result.
    pub fn meeting_files_of(&self, id: &str, moment: Moment) -> MeetingFiles {
        let (record_path, draft_path) = (self.record_path(id, moment), self.draft_path(id, moment));
        let draft_is_newer = match (Self::modified(&record_path), Self::modified(&draft_path)) {
            (Some(record), Some(draft)) => draft >= record,
            _ => false,
        };
        MeetingFiles {
            record: self.read_optional_with(&record_path, id, moment, read_record_for_editing),
            draft: self.read_optional_with(&draft_path, id, moment, read_record_for_editing),
            draft_is_newer,
        }
    }

    /// Takes the one-editor lock of a meeting. Refused (`Refusal::UnknownPlacement`) when
    /// the placement is not there, as when another window removed it meanwhile: a lock file
    /// would bring its folder back and make `restore` refuse. The folder is never created
    /// here, so a removal between the check and the claim fails the claim instead.
    pub fn claim_meeting(&self, id: &str, moment: Moment) -> Result<Claim, StoreError> {
        if !self.placement_exists(id) {
            return Err(StoreError::Refused {
                path: self.placement_dir(id),
                reason: Refusal::UnknownPlacement { id: id.to_string() },
            });
        }
        self.folder(id)?;
        MeetingLock::claim(&self.lock_path(id, moment), &*self.disk)
    }

    /// Moves a file out of the way, unchanged, into the placement's `set-aside` folder;
    /// returns where it went. Used for damaged files and for drafts the user discards.
    pub fn set_aside(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let failed = |source| StoreError::Write {
            path: path.to_path_buf(),
            source,
        };
        let (dir, target) = self.aside_place(path).map_err(failed)?;
        fs::rename(path, &target).map_err(failed)?;
        durable::sync_dir(&dir).map_err(failed)?;
        if let Some(parent) = path.parent() {
            durable::sync_dir(parent).map_err(failed)?;
        }
        Ok(target)
    }

    /// Takes back a copy kept for a replacement that then failed, and the `set-aside` folder
    /// with it when nothing else is in it: a refusal that says nothing changed leaves
    /// nothing behind.
    fn forget_copy(copy: &Path) {
        let _ = fs::remove_file(copy);
        if let Some(dir) = copy.parent() {
            // Fails, as it should, while the folder holds anything else.
            let _ = fs::remove_dir(dir);
        }
    }

    /// A free name in the `set-aside` folder beside `path`, the folder created if needed.
    fn aside_place(&self, path: &Path) -> std::io::Result<(PathBuf, PathBuf)> {
        let dir = path
            .parent()
            .map_or_else(|| self.root.join(SET_ASIDE_DIR), |p| p.join(SET_ASIDE_DIR));
        durable::create_dir(&dir)?;
        let name = path
            .file_name()
            .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
        let stamp = Local::now().format("%Y%m%d-%H%M%S");
        let mut target = dir.join(format!("{stamp}-{name}"));
        let mut n = 2;
        while exists(&target) {
            target = dir.join(format!("{stamp}-{n}-{name}"));
            n += 1;
        }
        Ok((dir, target))
    }

    /// Keeps a byte-for-byte copy of a file that is about to be replaced in `set-aside/`.
    fn keep_copy(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let failed = |source| StoreError::Write {
            path: path.to_path_buf(),
            source,
        };
        let bytes = self.disk.read(path).map_err(failed)?;
        let (_, target) = self.aside_place(path).map_err(failed)?;
        if let Err(source) = self.disk.write(&target, &bytes) {
            Self::forget_copy(&target);
            return Err(failed(source));
        }
        Ok(target)
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

    /// Writes the draft of the meeting opened from folder `id`. The place comes from where the
    /// meeting was opened, never from what the record says, so a copied file cannot write
    /// into another placement past its lock.
    pub fn save_draft(
        &self,
        id: &str,
        moment: Moment,
        record: &MeetingRecord,
    ) -> Result<PathBuf, StoreError> {
        self.folder(id)?;
        let path = self.draft_path(id, moment);
        self.write_yaml(&path, record)?;
        Ok(path)
    }

    /// Writes the final record and only then removes the draft it replaces. A record already
    /// there that cannot be read is set aside first; one from a newer version is refused.
    pub fn save_final(
        &self,
        id: &str,
        moment: Moment,
        record: &MeetingRecord,
    ) -> Result<PathBuf, StoreError> {
        self.folder(id)?;
        let path = self.record_path(id, moment);
        let (shared, private) = record.clone().split_private();
        match self.read_optional_with(&path, id, moment, read_record_for_editing) {
            Err(e) if e.is_newer() => return Err(e),
            // The record, or its private part: whichever cannot be read is moved aside.
            Err(e) if e.is_damage() => {
                self.set_aside(e.path())?;
            }
            // A record finished again replaces the earlier version, with its consent: that
            // version is kept, so who agreed to what, and when, is never lost.
            Ok(Some(earlier)) if earlier.clone().split_private().0 != shared => {
                self.keep_copy(&path)?;
            }
            _ => {}
        }
        // The private part first: a crash in between leaves it beside the older record,
        // never a record whose private text exists nowhere.
        self.write_private_part(id, moment, &private)?;
        self.write_yaml(&path, &shared)?;
        let draft = self.draft_path(id, moment);
        durable::remove_file(&draft).map_err(|source| StoreError::Write {
            path: draft,
            source,
        })?;
        Ok(path)
    }

    /// An overview line per placement, plus every file that could not be read. Overdue is
    /// as of today.
    pub fn summaries(&self) -> (Vec<PlacementSummary>, Vec<StoreError>) {
        self.summaries_on(placements::today())
    }

    /// `summaries`, with overdue meetings as seen on `today`.
    pub fn summaries_on(
        &self,
        today: chrono::NaiveDate,
    ) -> (Vec<PlacementSummary>, Vec<StoreError>) {
        let (placements, mut errors) = self.placements();
        let summaries = placements
            .into_iter()
            .map(|p| {
                let (summary, record_errors) = self.summary_of(p, today);
                errors.extend(record_errors);
                summary
            })
            .collect();
        (summaries, errors)
    }

    fn read_optional(
        &self,
        path: &Path,
        id: &str,
        moment: Moment,
    ) -> Result<Option<MeetingRecord>, StoreError> {
        self.read_optional_with(path, id, moment, read_record)
    }

    /// Reads a record of meeting `id`/`moment` that may not exist with `read`, the plain or
    /// the strict reader.
    fn read_optional_with(
        &self,
        path: &Path,
        id: &str,
        moment: Moment,
        read: fn(&dyn Disk, &Path) -> Result<MeetingRecord, StoreError>,
    ) -> Result<Option<MeetingRecord>, StoreError> {
        if exists(path) {
            read(&*self.disk, path)
                .and_then(|r| belongs_here(r, id, moment, path))
                .and_then(|r| self.private_back(r, id, moment, path))
                .map(Some)
        } else {
            Ok(None)
        }
    }

    /// Writes through the store's disk; every data file goes through here or `set_aside`.
    pub fn write_yaml<T: Serialize>(&self, path: &Path, value: &T) -> Result<(), StoreError> {
        self.write_text(path, &to_yaml(value))
    }

    /// Writes `text` durably, unless it is larger than the program would read back: a file
    /// that cannot be opened again is worse than a save that says it failed.
    fn write_text(&self, path: &Path, text: &str) -> Result<(), StoreError> {
        let bytes = text.len() as u64;
        if bytes > MAX_FILE_BYTES {
            return Err(StoreError::TooLargeToSave {
                path: path.to_path_buf(),
                bytes,
            });
        }
        if let Some(dir) = path.parent() {
            durable::create_dir(dir).map_err(|source| StoreError::Write {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        self.disk
            .write(path, text.as_bytes())
            .map_err(|source| StoreError::Write {
                path: path.to_path_buf(),
                source,
            })
    }

    /// When a file was last changed, for telling the user how old a draft is.
    pub fn modified(path: &Path) -> Option<SystemTime> {
        fs::metadata(path).and_then(|m| m.modified()).ok()
    }
}

/// A record read from the files of meeting `id`/`moment` must say it is that meeting. One
/// copied in from elsewhere is reported, not obeyed.
impl Store {
    /// A record read from its record file gets its private part back; a draft holds its own.
    fn private_back(
        &self,
        record: MeetingRecord,
        id: &str,
        moment: Moment,
        path: &Path,
    ) -> Result<MeetingRecord, StoreError> {
        if Self::is_record_file(path) {
            self.with_private_part(record, id, moment)
        } else {
            Ok(record)
        }
    }
}

pub(crate) fn belongs_here(
    record: MeetingRecord,
    id: &str,
    moment: Moment,
    path: &Path,
) -> Result<MeetingRecord, StoreError> {
    if record.placement.id == safe_id(id) && record.moment == moment {
        Ok(record)
    } else {
        Err(StoreError::Damaged {
            path: path.to_path_buf(),
            damage: Damage::Misplaced {
                found: format!("{}/{}", safe_id(&record.placement.id), record.moment.code()),
            },
        })
    }
}

/// The moment a record or draft file belongs to, from its name.
pub(crate) fn moment_of(path: &Path) -> Option<Moment> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".yaml")?;
    Moment::from_code(stem.strip_suffix(".draft").unwrap_or(stem))
}

pub fn to_yaml<T: Serialize>(value: &T) -> String {
    // Serialising our own plain structs cannot fail; an error here is a programming mistake
    // that must not be hidden as an empty file.
    serde_saphyr::to_string(value).expect("record types always serialise")
}
