//! The draft saver: a thread that receives snapshots of whatever the user is typing (a meeting,
//! the new-placement form) and writes them durably, so fsync never runs on the UI thread. It
//! writes after a short pause in typing, and at least every `MAX_DELAY` while typing goes on,
//! which bounds what a kill or a power cut can take. A write that fails is kept and tried
//! again until it succeeds, whatever the screen is doing meanwhile.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use chrono::{Local, NaiveTime};

use super::forms::KeptForm;
use super::{Store, StoreError, to_yaml};
use crate::domain::preparation::PreparationDraft;
use crate::domain::{MeetingRecord, Moment, PlacementDraft, RecordStatus};

/// Quiet time after the last change before the draft is written; also the pause between
/// attempts while saving fails.
pub const IDLE_DELAY: Duration = Duration::from_millis(400);
/// The longest a change waits while typing continues without a pause.
pub const MAX_DELAY: Duration = Duration::from_millis(1000);

/// Where a snapshot is written. It comes from where the user opened it, never from what the
/// snapshot itself says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Meeting {
        id: String,
        moment: Moment,
    },
    /// A form kept in `forms/` while it is filled in; the path is the window's own.
    Form(PathBuf),
}

#[derive(Debug, Clone)]
pub enum Snapshot {
    Meeting(Box<MeetingRecord>),
    NewPlacement(Box<PlacementDraft>),
    PreparationForm(Box<PreparationDraft>),
}

enum Command {
    Save(Target, Snapshot),
    Final(Target, Box<MeetingRecord>),
    /// The form was stored: its kept text goes too.
    DiscardForm(KeptForm),
    /// The form was thrown away: its kept text goes to `set-aside/`, never erased.
    SetAsideForm(KeptForm),
    /// Write what is pending; answers whether everything is on disk now.
    Flush(Sender<bool>),
    /// Write what is pending, and put what still fails into a rescue file.
    Rescue(Sender<Rescued>),
    /// Write what is pending and end. Sent on drop: handles held by the emergency threads
    /// keep the channel open, so its closing cannot be the signal.
    Stop,
}

/// How an emergency save ended.
#[derive(Debug)]
pub enum Rescued {
    /// Everything is in its normal place.
    Saved,
    /// The data folder refused; the text is in these rescue files instead.
    To(Vec<PathBuf>),
    /// Nowhere would take the text.
    Failed(StoreError),
}

/// What the saver reports back to the screen.
#[derive(Debug)]
pub enum SaveEvent {
    DraftSaved { at: NaiveTime },
    DraftFailed(StoreError),
    FinalSaved(PathBuf),
    FinalFailed(StoreError),
}

pub struct DraftSaver {
    commands: Option<Sender<Command>>,
    events: Receiver<SaveEvent>,
    worker: Option<JoinHandle<()>>,
}

impl DraftSaver {
    pub fn start(store: Store) -> Self {
        let (commands, inbox) = mpsc::channel();
        let (outbox, events) = mpsc::channel();
        let worker = thread::Builder::new()
            .name("draft-saver".into())
            .spawn(move || {
                Worker {
                    store,
                    outbox,
                    pending: Vec::new(),
                }
                .run(&inbox);
            })
            .ok();
        Self {
            commands: Some(commands),
            events,
            worker,
        }
    }

    fn send(&self, command: Command) {
        if let Some(tx) = &self.commands {
            // A send only fails when the worker is gone; `flush` and `Drop` notice that.
            let _ = tx.send(command);
        }
    }

    /// Hands over the newest state of a meeting; it is written after the debounce.
    pub fn save_draft(&self, id: &str, moment: Moment, record: &MeetingRecord) {
        let target = Target::Meeting {
            id: id.to_string(),
            moment,
        };
        self.send(Command::Save(
            target,
            Snapshot::Meeting(Box::new(record.clone())),
        ));
    }

    /// Hands over what is typed in the new-placement form kept at `form`.
    pub fn save_new_placement(&self, form: &KeptForm, draft: &PlacementDraft) {
        self.send(Command::Save(
            Target::Form(form.path.clone()),
            Snapshot::NewPlacement(Box::new(PlacementDraft {
                end_of_file: true,
                ..draft.clone()
            })),
        ));
    }

    /// Hands over what is typed on the preparation screen kept at `form`.
    pub fn save_preparation_form(&self, form: &KeptForm, draft: &PreparationDraft) {
        self.send(Command::Save(
            Target::Form(form.path.clone()),
            Snapshot::PreparationForm(Box::new(PreparationDraft {
                end_of_file: true,
                ..draft.clone()
            })),
        ));
    }

    /// The form was stored: its kept text is removed, and only then is the form let go for
    /// other windows.
    pub fn discard_form(&self, form: KeptForm) {
        self.send(Command::DiscardForm(form));
    }

    /// The form was thrown away: what it kept (perhaps another person's text, offered back
    /// at start) is set aside as it last stood, never erased; then the form is let go.
    pub fn set_aside_form(&self, form: KeptForm) {
        self.send(Command::SetAsideForm(form));
    }

    /// Writes the final record (and removes its draft) on the saver thread.
    pub fn save_final(&self, id: &str, moment: Moment, record: &MeetingRecord) {
        let target = Target::Meeting {
            id: id.to_string(),
            moment,
        };
        self.send(Command::Final(target, Box::new(record.clone())));
    }

    /// Blocks until everything handed over so far is written or has failed; returns whether
    /// everything is on disk.
    pub fn flush(&self) -> bool {
        self.handle().flush(Duration::from_secs(10))
    }

    /// A handle that can push everything to disk from another thread: the signal handler,
    /// the terminal watchdog and the panic hook use it.
    pub fn handle(&self) -> SaverHandle {
        SaverHandle {
            commands: self.commands.clone(),
        }
    }

    /// Results that arrived since the last call, oldest first.
    pub fn events(&self) -> Vec<SaveEvent> {
        self.events.try_iter().collect()
    }
}

/// Shares the saver with the threads that end a session in an emergency. The saver always
/// holds the newest text, because every change is handed over as it is made.
#[derive(Clone)]
pub struct SaverHandle {
    commands: Option<Sender<Command>>,
}

impl SaverHandle {
    /// Writes what is pending and waits at most `limit`; returns whether all of it is on disk.
    pub fn flush(&self, limit: Duration) -> bool {
        let Some(tx) = &self.commands else {
            return false;
        };
        let (ack, done) = mpsc::channel();
        tx.send(Command::Flush(ack)).is_ok() && done.recv_timeout(limit).unwrap_or(false)
    }

    /// Writes what is pending where it belongs and, where that fails, into a rescue file.
    /// Waits at most `limit`: a save in progress on a slow disk is let finish, never cut.
    pub fn rescue(&self, limit: Duration) -> Option<Rescued> {
        let tx = self.commands.as_ref()?;
        let (ack, done) = mpsc::channel();
        tx.send(Command::Rescue(ack)).ok()?;
        done.recv_timeout(limit).ok()
    }
}

impl Drop for DraftSaver {
    fn drop(&mut self) {
        self.send(Command::Stop);
        self.commands = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

struct Pending {
    target: Target,
    snapshot: Snapshot,
    first_change: Instant,
    last_change: Instant,
}

impl Pending {
    fn due(&self) -> Instant {
        (self.last_change + IDLE_DELAY).min(self.first_change + MAX_DELAY)
    }
}

struct Worker {
    store: Store,
    outbox: Sender<SaveEvent>,
    /// At most one snapshot per target, the newest.
    pending: Vec<Pending>,
}

impl Worker {
    fn run(mut self, inbox: &Receiver<Command>) {
        loop {
            let due = self.pending.iter().map(Pending::due).min();
            let command = match due {
                Some(due) => inbox.recv_timeout(due.saturating_duration_since(Instant::now())),
                None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match command {
                Ok(Command::Save(target, snapshot)) => self.keep(target, snapshot),
                Ok(Command::Final(target, record)) => self.save_final(target, *record),
                Ok(Command::SetAsideForm(form)) => {
                    // The newest text is what goes aside.
                    self.write_all();
                    if let Err(e) = self.store.set_aside_form(form) {
                        let _ = self.outbox.send(SaveEvent::DraftFailed(e));
                    }
                }
                Ok(Command::DiscardForm(form)) => {
                    let target = Target::Form(form.path.clone());
                    self.pending.retain(|p| p.target != target);
                    if let Err(e) = self.store.remove_form(form) {
                        let _ = self.outbox.send(SaveEvent::DraftFailed(e));
                    }
                }
                Ok(Command::Flush(ack)) => {
                    self.write_all();
                    let _ = ack.send(self.pending.is_empty());
                }
                Ok(Command::Rescue(ack)) => {
                    self.write_all();
                    let _ = ack.send(self.rescue_pending());
                }
                Err(RecvTimeoutError::Timeout) => self.write_due(),
                Ok(Command::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    self.write_all();
                    return;
                }
            }
        }
    }

    fn keep(&mut self, target: Target, snapshot: Snapshot) {
        let now = Instant::now();
        let first_change = self
            .pending
            .iter()
            .find(|p| p.target == target)
            .map_or(now, |p| p.first_change);
        self.pending.retain(|p| p.target != target);
        self.pending.push(Pending {
            target,
            snapshot,
            first_change,
            last_change: now,
        });
    }

    fn save_final(&mut self, target: Target, mut record: MeetingRecord) {
        let Target::Meeting { id, moment } = &target else {
            return;
        };
        // The final record holds everything the draft did.
        self.pending.retain(|p| p.target != target);
        match self.store.save_final(id, *moment, &record) {
            Ok(path) => {
                let _ = self.outbox.send(SaveEvent::FinalSaved(path));
            }
            Err(e) => {
                let _ = self.outbox.send(SaveEvent::FinalFailed(e));
                // The text must still reach the disk: as the draft it was, without the consent
                // of a read-back that never got saved.
                record.status = RecordStatus::Draft;
                record.finished_at = None;
                record.agreed.clear();
                self.keep(target, Snapshot::Meeting(Box::new(record)));
            }
        }
    }

    fn write_due(&mut self) {
        let now = Instant::now();
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.pending)
            .into_iter()
            .partition(|p| p.due() <= now);
        self.pending = later;
        for pending in due {
            self.write(pending);
        }
    }

    fn write_all(&mut self) {
        for pending in std::mem::take(&mut self.pending) {
            self.write(pending);
        }
    }

    fn write(&mut self, pending: Pending) {
        let result = match (&pending.target, &pending.snapshot) {
            (Target::Meeting { id, moment }, Snapshot::Meeting(record)) => {
                self.store.save_draft(id, *moment, record).map(|_| ())
            }
            (Target::Form(path), Snapshot::NewPlacement(draft)) => {
                self.store.save_form(path, draft)
            }
            (Target::Form(path), Snapshot::PreparationForm(draft)) => {
                self.store.save_form(path, draft)
            }
            // A snapshot is always sent with its own kind of target.
            _ => Ok(()),
        };
        match result {
            Ok(()) => {
                let at = Local::now().time();
                let _ = self.outbox.send(SaveEvent::DraftSaved { at });
            }
            Err(e) => {
                let _ = self.outbox.send(SaveEvent::DraftFailed(e));
                // Keep the text and try again after a pause: a full disk may clear.
                let now = Instant::now();
                self.pending.push(Pending {
                    first_change: now,
                    last_change: now,
                    ..pending
                });
            }
        }
    }

    /// What could not be written where it belongs goes to a rescue file instead.
    fn rescue_pending(&mut self) -> Rescued {
        if self.pending.is_empty() {
            return Rescued::Saved;
        }
        let mut rescued = Vec::new();
        let mut failure = None;
        for pending in std::mem::take(&mut self.pending) {
            let (name, text) = match (&pending.target, &pending.snapshot) {
                (Target::Meeting { id, moment }, Snapshot::Meeting(record)) => {
                    (format!("{id}-{}", moment.code()), to_yaml(record))
                }
                (_, Snapshot::NewPlacement(draft)) => ("new-placement".to_string(), to_yaml(draft)),
                (_, Snapshot::PreparationForm(draft)) => {
                    ("preparation".to_string(), to_yaml(draft))
                }
                (_, Snapshot::Meeting(record)) => ("meeting".to_string(), to_yaml(record)),
            };
            match self.store.rescue(&name, &text) {
                Ok(path) => rescued.push(path),
                Err(e) => {
                    failure = Some(e);
                    self.pending.push(pending);
                }
            }
        }
        match failure {
            Some(e) => Rescued::Failed(e),
            None => Rescued::To(rescued),
        }
    }
}
