//! The archive as it changes outside the program: a record edited by hand, a preparation
//! imported from the command line, files arriving from a colleague, a folder removed. The
//! operating system says when something under `placements/` changed (no polling, so an idle
//! screen stays idle), and the list of placements is then read again through the index on a
//! thread of its own, so reading never holds up typing or the screen.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::store::Store;
use crate::store::index::Overview;

/// What a reading of the list reports.
pub enum Reading {
    /// So many placements of so many read, while a large index is built.
    Progress(usize, usize),
    Done(Overview),
}

pub struct Live {
    changes: Receiver<()>,
    /// Dropped with this, which ends the watching thread. Where the system will not watch,
    /// the list is read again when the teacher comes back to it, as before.
    _stop: Sender<()>,
    reading: Option<Receiver<Reading>>,
    /// A change came in while a reading was under way: read once more after it.
    again: bool,
}

impl Live {
    /// Watches the placements of `store`. Setting up the watch visits every placement's
    /// folder, so it is done on a thread of its own, never before the first screen.
    pub fn watch(store: &Store) -> Self {
        let (tx, changes) = channel();
        let (stop, stopped) = channel::<()>();
        let root = store.root().to_path_buf();
        let placements = root.join("placements");
        std::thread::spawn(move || {
            in_the_background();
            let ready = tx.clone();
            let watcher =
                notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                    if event.is_ok_and(|e| matters(&e, &placements)) {
                        let _ = tx.send(());
                    }
                })
                // The whole data folder, so a placements folder removed and put back (or
                // restored from a copy) is seen too; only what happens under it counts.
                .and_then(|mut w| w.watch(&root, RecursiveMode::Recursive).map(|()| w));
            // What changed while the watch was being set up is looked for once.
            if watcher.is_ok() {
                let _ = ready.send(());
            }
            // Kept until the program no longer wants to hear of changes.
            let _watcher = watcher;
            let _ = stopped.recv();
        });
        Self {
            changes,
            _stop: stop,
            reading: None,
            again: false,
        }
    }

    /// Follows a reading already started elsewhere (at start, with progress).
    pub fn follow(&mut self, reading: Receiver<Reading>) {
        self.reading = Some(reading);
    }

    /// Whether anything changed since the last call.
    pub fn changed(&mut self) -> bool {
        let mut any = false;
        while self.changes.try_recv().is_ok() {
            any = true;
        }
        any
    }

    /// Reads the list again off this thread, unless a reading is under way (then once more
    /// after it).
    pub fn read_again(&mut self, store: &Store) {
        if self.reading.is_some() {
            self.again = true;
        } else {
            self.reading = Some(read_in_background(store.clone()));
        }
    }

    /// What the reading reported since the last call; when it is done, the next one starts
    /// if a change came in meanwhile.
    pub fn readings(&mut self, store: &Store) -> Vec<Reading> {
        let mut out = Vec::new();
        let Some(reading) = &self.reading else {
            return out;
        };
        loop {
            match reading.try_recv() {
                Ok(r) => {
                    let done = matches!(r, Reading::Done(_));
                    out.push(r);
                    if done {
                        self.reading = None;
                        break;
                    }
                }
                Err(TryRecvError::Empty) => break,
                // The reader died: nothing more will come from it.
                Err(TryRecvError::Disconnected) => {
                    self.reading = None;
                    break;
                }
            }
        }
        if self.reading.is_none() && std::mem::take(&mut self.again) {
            self.read_again(store);
        }
        out
    }

    pub const fn is_reading(&self) -> bool {
        self.reading.is_some()
    }
}

/// Reads every placement's overview line through the index on a thread of its own.
pub fn read_in_background(store: Store) -> Receiver<Reading> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        in_the_background();
        let progress_tx = tx.clone();
        let overview = store.overview(crate::store::today(), &mut |done, total| {
            let _ = progress_tx.send(Reading::Progress(done, total));
        });
        let _ = tx.send(Reading::Done(overview));
    });
    rx
}

/// This thread (and the threads it starts) gives way to the screen's: with two cores, reading
/// the list and setting up the watch must never make a keystroke or a frame wait.
fn in_the_background() {
    let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 10);
}

/// Changes to the records and placements themselves; not merely reading them, not the lock
/// files that only say a meeting is open, and nothing outside `placements`.
fn matters(event: &notify::Event, placements: &Path) -> bool {
    let kind = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    );
    kind && event
        .paths
        .iter()
        .any(|p| p == placements || (p.starts_with(placements) && is_data(p)))
}

fn is_data(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => ext == "yaml",
        // A placement's folder, arriving or going.
        None => true,
    }
}
