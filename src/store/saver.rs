//! The draft saver: a thread that receives snapshots of the meeting while the teacher types and
//! writes them durably, so fsync never runs on the UI thread. It writes after a short pause in
//! typing, and at least every `MAX_DELAY` while typing goes on, which bounds what a kill or a
//! power cut can take.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use chrono::{Local, NaiveTime};

use super::{Store, StoreError};
use crate::domain::MeetingRecord;

/// Quiet time after the last change before the draft is written.
pub const IDLE_DELAY: Duration = Duration::from_millis(400);
/// The longest a change waits while typing continues without a pause.
pub const MAX_DELAY: Duration = Duration::from_millis(1000);

enum Command {
    Draft(Box<MeetingRecord>),
    Final(Box<MeetingRecord>),
    Flush(Sender<()>),
    WriteFile(PathBuf, String),
    /// Write what is pending and end. Sent on drop: handles held by the emergency threads
    /// keep the channel open, so its closing cannot be the signal.
    Stop,
}

/// What the saver reports back to the screen.
#[derive(Debug)]
pub enum SaveEvent {
    DraftSaved { at: NaiveTime },
    DraftFailed(StoreError),
    FinalSaved(PathBuf),
    FinalFailed(StoreError),
    FileWritten(PathBuf),
    FileFailed(StoreError),
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
                    pending: None,
                }
                .run(&inbox)
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

    /// Hands over the newest state of the meeting; it is written after the debounce.
    pub fn save_draft(&self, record: &MeetingRecord) {
        self.send(Command::Draft(Box::new(record.clone())));
    }

    /// Writes the final record (and removes its draft) on the saver thread.
    pub fn save_final(&self, record: &MeetingRecord) {
        self.send(Command::Final(Box::new(record.clone())));
    }

    /// Writes an export file durably, off the UI thread.
    pub fn write_file(&self, path: PathBuf, text: String) {
        self.send(Command::WriteFile(path, text));
    }

    /// Blocks until everything handed over so far is on disk (or has failed). Used on exit.
    pub fn flush(&self) {
        let (ack, done) = mpsc::channel();
        self.send(Command::Flush(ack));
        let _ = done.recv_timeout(Duration::from_secs(10));
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
    /// Writes what is pending and waits at most `limit` for it; returns whether it finished.
    pub fn flush(&self, limit: Duration) -> bool {
        let Some(tx) = &self.commands else {
            return false;
        };
        let (ack, done) = mpsc::channel();
        tx.send(Command::Flush(ack)).is_ok() && done.recv_timeout(limit).is_ok()
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
    record: Box<MeetingRecord>,
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
    pending: Option<Pending>,
}

impl Worker {
    fn run(mut self, inbox: &Receiver<Command>) {
        loop {
            let command = match &self.pending {
                Some(p) => inbox.recv_timeout(p.due().saturating_duration_since(Instant::now())),
                None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match command {
                Ok(Command::Draft(record)) => {
                    let now = Instant::now();
                    let first_change = self.pending.as_ref().map_or(now, |p| p.first_change);
                    self.pending = Some(Pending {
                        record,
                        first_change,
                        last_change: now,
                    });
                }
                Ok(Command::Final(record)) => {
                    self.pending = None;
                    let event = match self.store.save_final(&record) {
                        Ok(path) => SaveEvent::FinalSaved(path),
                        Err(e) => SaveEvent::FinalFailed(e),
                    };
                    let _ = self.outbox.send(event);
                }
                Ok(Command::WriteFile(path, text)) => {
                    let event = match super::durable::write_file(&path, text.as_bytes()) {
                        Ok(()) => SaveEvent::FileWritten(path),
                        Err(source) => SaveEvent::FileFailed(StoreError::Write { path, source }),
                    };
                    let _ = self.outbox.send(event);
                }
                Ok(Command::Flush(ack)) => {
                    self.write_pending();
                    let _ = ack.send(());
                }
                Err(RecvTimeoutError::Timeout) => self.write_pending(),
                Ok(Command::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    self.write_pending();
                    return;
                }
            }
        }
    }

    fn write_pending(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        match self.store.save_draft(&pending.record) {
            Ok(_) => {
                let at = Local::now().time();
                let _ = self.outbox.send(SaveEvent::DraftSaved { at });
            }
            Err(e) => {
                let _ = self.outbox.send(SaveEvent::DraftFailed(e));
                // Keep the text and try again after another full delay: a full disk may clear.
                let now = Instant::now();
                self.pending = Some(Pending {
                    first_change: now,
                    last_change: now,
                    ..pending
                });
            }
        }
    }
}
