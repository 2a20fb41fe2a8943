//! Forms kept while they are filled in, so a closed window loses nothing:
//!
//! ```text
//! <data dir>/forms/new-placement.<stamp>-<pid>.draft.yaml       one per window
//! <data dir>/forms/prep.<placement-id>.<moment>.<role>.draft.yaml one per form
//! <data dir>/forms/edit.<placement-id>.draft.yaml                 changing a placement
//! ```
//!
//! Each has a `.lock` beside it, held by the window that has the form open, so two windows
//! never write over or throw away each other's text. A preparation form belongs to its
//! placement, moment and preparer and is offered back wherever that form opens again; a
//! new-placement form belongs to the window that started it and is offered back at the next
//! start once that window is gone. The single files an earlier version kept beside the
//! placements folder are taken into this folder, never lost.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Local;
use serde::Serialize;

use super::lock::{Claim, MeetingLock, Probe};
use super::read::{exists, read_checked};
use super::{Damage, Store, StoreError, durable};
use crate::domain::placement::safe_id;
use crate::domain::preparation::{PreparationDraft, Preparer};
use crate::domain::{Moment, PlacementDraft};

const FORMS_DIR: &str = "forms";
const DRAFT_END: &str = ".draft.yaml";
const NEW_PLACEMENT: &str = "new-placement.";
const PREPARATION: &str = "prep.";
const EDIT_PLACEMENT: &str = "edit.";
/// Where an earlier version kept its one form of each kind.
const OLD_PLACEMENT_FORM: &str = "new-placement.draft.yaml";
const OLD_PREPARATION_FORM: &str = "preparation.draft.yaml";

/// A form this window has open: where its text is kept, and the lock that keeps other
/// windows off it until the form is stored, thrown away or the window ends.
#[derive(Debug)]
pub struct KeptForm {
    pub path: PathBuf,
    lock: Option<MeetingLock>,
    /// A per-window form's lock goes with it: nobody else will ever ask for that name.
    own_name: bool,
}

impl KeptForm {
    /// The form's text is gone on purpose; the lock is let go only after it is removed, so
    /// no other window can take up the text in between.
    fn discard(self) -> std::io::Result<()> {
        let result = durable::remove_file(&self.path);
        if self.own_name {
            let _ = fs::remove_file(lock_path(&self.path));
        }
        // Let go as a cleanly closed window would, so the lock left in `forms/` is empty.
        if let Some(lock) = self.lock {
            lock.release();
        }
        result
    }
}

fn lock_path(draft: &Path) -> PathBuf {
    let mut name = draft.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    draft.with_file_name(name)
}

impl Store {
    fn forms_dir(&self) -> PathBuf {
        self.root().join(FORMS_DIR)
    }

    /// Where the unfinished preparation of `by` for meeting `id`/`moment` is kept.
    pub fn preparation_form_path(&self, id: &str, moment: Moment, by: Preparer) -> PathBuf {
        self.forms_dir().join(format!(
            "{PREPARATION}{}.{}.{}{DRAFT_END}",
            safe_id(id),
            moment.code(),
            by.code()
        ))
    }

    /// Takes the form kept at `path` for this window; `None` when another window has it open.
    fn claim_form(&self, path: PathBuf, own_name: bool) -> Result<Option<KeptForm>, StoreError> {
        let dir = self.forms_dir();
        durable::create_dir(&dir).map_err(|source| StoreError::Write { path: dir, source })?;
        match MeetingLock::claim(&lock_path(&path), &*self.disk)? {
            Claim::Mine { lock, .. } => Ok(Some(KeptForm {
                path,
                lock: Some(lock),
                own_name,
            })),
            Claim::Taken(_) => Ok(None),
        }
    }

    /// The preparation form of `by` for meeting `id`/`moment`, for this window, with what an
    /// earlier window left in it. `Ok(None)` when another window has that form open.
    pub fn open_preparation_form(
        &self,
        id: &str,
        moment: Moment,
        by: Preparer,
    ) -> Result<Option<(KeptForm, Option<PreparationDraft>)>, StoreError> {
        self.take_in_old_preparation_form();
        let path = self.preparation_form_path(id, moment, by);
        let Some(kept) = self.claim_form(path, false)? else {
            return Ok(None);
        };
        let draft = self.form_draft(&kept.path, |d: &PreparationDraft| {
            d.end_of_file && d.moment == Some(moment) && d.by == Some(by)
        });
        let draft = match draft {
            Err(e) if e.is_damage() => {
                // Kept as it was for a person to look at; the form starts from what is stored.
                self.set_aside(&kept.path)?;
                return Err(e);
            }
            other => other?,
        };
        Ok(Some((kept, draft)))
    }

    /// The placement, moment and preparer of every preparation form left unfinished that no
    /// window has open now.
    pub fn unfinished_preparation_forms(&self) -> Vec<(String, Moment, Preparer)> {
        self.take_in_old_preparation_form();
        self.free_forms(PREPARATION)
            .into_iter()
            .filter_map(|path| {
                let draft: PreparationDraft = read_checked(&*self.disk, &path).ok()?;
                Some((draft.placement, draft.moment?, draft.by?))
            })
            .collect()
    }

    /// The form that changes placement `id`'s details, for this window, with what an earlier
    /// window typed in it and never stored. `Ok(None)` when another window has it open.
    pub fn open_edit_form(
        &self,
        id: &str,
    ) -> Result<Option<(KeptForm, Option<PlacementDraft>)>, StoreError> {
        let path = self
            .forms_dir()
            .join(format!("{EDIT_PLACEMENT}{}{DRAFT_END}", safe_id(id)));
        let Some(kept) = self.claim_form(path, false)? else {
            return Ok(None);
        };
        match self.form_draft(&kept.path, |d: &PlacementDraft| d.end_of_file) {
            Ok(draft) => Ok(Some((kept, draft))),
            Err(e) => {
                if e.is_damage() {
                    // Kept as it was for a person to look at; the form starts from the file.
                    self.set_aside(&kept.path)?;
                }
                Err(e)
            }
        }
    }

    /// A fresh new-placement form for this window.
    pub fn new_placement_form(&self) -> Result<KeptForm, StoreError> {
        let stamp = Local::now().format("%Y%m%d-%H%M%S%.f");
        let name = format!("{NEW_PLACEMENT}{stamp}-{}{DRAFT_END}", std::process::id());
        let path = self.forms_dir().join(name);
        self.claim_form(path.clone(), true)?
            .ok_or_else(|| StoreError::Write {
                path,
                source: std::io::ErrorKind::AlreadyExists.into(),
            })
    }

    /// A new-placement form a window that is gone left unfinished, taken for this window.
    pub fn unfinished_placement_form(
        &self,
    ) -> Result<Option<(KeptForm, PlacementDraft)>, StoreError> {
        self.take_in_old_form(OLD_PLACEMENT_FORM, |_| {
            let stamp = Local::now().format("%Y%m%d-%H%M%S");
            Some(format!("{NEW_PLACEMENT}{stamp}-earlier{DRAFT_END}"))
        });
        for path in self.free_forms(NEW_PLACEMENT) {
            let Some(kept) = self.claim_form(path, true)? else {
                continue;
            };
            match self.form_draft(&kept.path, |d: &PlacementDraft| d.end_of_file) {
                Ok(Some(draft)) => return Ok(Some((kept, draft))),
                Ok(None) => {}
                Err(e) => {
                    if e.is_damage() {
                        self.set_aside(&kept.path)?;
                    }
                    return Err(e);
                }
            }
        }
        Ok(None)
    }

    /// Keeps what is typed in a form this window has open.
    pub fn save_form<T: Serialize>(&self, path: &Path, draft: &T) -> Result<(), StoreError> {
        self.write_yaml(path, draft)
    }

    /// The form was stored or thrown away on purpose: its kept text goes.
    pub fn remove_form(&self, kept: KeptForm) -> Result<(), StoreError> {
        let path = kept.path.clone();
        kept.discard()
            .map_err(|source| StoreError::Write { path, source })
    }

    /// The form was thrown away: its kept text, if any, moves to `forms/set-aside/`; then
    /// the form is let go.
    pub fn set_aside_form(&self, kept: KeptForm) -> Result<(), StoreError> {
        if exists(&kept.path) {
            self.set_aside(&kept.path)?;
        }
        self.remove_form(kept)
    }

    /// Forms of one kind that no window has open, oldest name first.
    fn free_forms(&self, prefix: &str) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.forms_dir()) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                name.starts_with(prefix) && name.ends_with(DRAFT_END)
            })
            .filter(|p| matches!(MeetingLock::probe(&lock_path(p)), Ok(Probe::Free(_))))
            .collect();
        found.sort();
        found
    }

    fn take_in_old_preparation_form(&self) {
        self.take_in_old_form(OLD_PREPARATION_FORM, |text| {
            let draft: PreparationDraft = serde_saphyr::from_str(text).ok()?;
            let path = self.preparation_form_path(&draft.placement, draft.moment?, draft.by?);
            Some(path.file_name()?.to_string_lossy().into_owned())
        });
    }

    /// Moves a form an earlier version kept beside the placements folder into `forms/`,
    /// under the name `name` gives it. A form already there under that name is never
    /// replaced: the old file then stays where it was.
    fn take_in_old_form(&self, old: &str, name: impl Fn(&str) -> Option<String>) {
        let old = self.root().join(old);
        if !exists(&old) {
            return;
        }
        let Ok(text) = fs::read_to_string(&old) else {
            return;
        };
        let Some(name) = name(&text) else {
            return;
        };
        let dir = self.forms_dir();
        let new = dir.join(name);
        // A hard link never replaces a file, so two windows starting at once cannot both
        // take it in, and the text is in one place or the other at every moment.
        if durable::create_dir(&dir).is_ok() && fs::hard_link(&old, &new).is_ok() {
            let _ = durable::remove_file(&old);
        }
    }

    /// A form kept while it was filled in; one cut off (no end marker) is damaged.
    fn form_draft<T: serde::de::DeserializeOwned>(
        &self,
        path: &Path,
        complete: impl Fn(&T) -> bool,
    ) -> Result<Option<T>, StoreError> {
        if !exists(path) {
            return Ok(None);
        }
        let draft: T = read_checked(&*self.disk, path)?;
        if complete(&draft) {
            Ok(Some(draft))
        } else {
            Err(StoreError::Damaged {
                path: path.to_path_buf(),
                damage: Damage::Incomplete,
            })
        }
    }
}
