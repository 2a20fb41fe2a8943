//! Sharing with the team from the screen. Every git step runs on a thread of its own, with
//! git's own time limits, so typing never waits for the network; what came of it comes back
//! as a sentence for the status line and a word for the list's title ("gedeeld om 10:02",
//! "3 wijzigingen nog niet gedeeld", "geen verbinding").

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use chrono::Local;

use crate::i18n::{Texts, fill};
use crate::store::Store;
use crate::team::words::{commit_message, describe_file, git_words};
use crate::team::{Status, Synced, Team, TeamError, Who};

enum Came {
    Status(Result<Status, TeamError>),
    Synced(Result<Synced, TeamError>, Result<Status, TeamError>),
}

pub struct TeamSync {
    dir: PathBuf,
    is_team: bool,
    who: Who,
    waiting: Option<Receiver<Came>>,
    syncing: bool,
    /// The last sync could not reach the others.
    offline: bool,
    status: Option<Status>,
}

impl TeamSync {
    /// No sharing: until `App::share_as` says who shares, nothing is looked at or started.
    pub fn off(store: &Store) -> Self {
        Self {
            dir: store.root().to_path_buf(),
            is_team: false,
            who: Who {
                name: String::new(),
                email: String::new(),
            },
            waiting: None,
            syncing: false,
            offline: false,
            status: None,
        }
    }

    pub fn new(store: &Store, who: Who) -> Self {
        let dir = store.root().to_path_buf();
        let is_team = Team::at(&dir).is_archive();
        let mut sync = Self {
            dir,
            is_team,
            who,
            waiting: None,
            syncing: false,
            offline: false,
            status: None,
        };
        sync.look_again();
        sync
    }

    pub const fn is_team(&self) -> bool {
        self.is_team
    }

    /// Counts again what is not yet shared, off this thread.
    pub fn look_again(&mut self) {
        if !self.is_team || self.waiting.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let dir = self.dir.clone();
        std::thread::spawn(move || {
            let _ = tx.send(Came::Status(Team::at(&dir).status()));
        });
        self.waiting = Some(rx);
    }

    /// Shares what changed and takes in what colleagues changed, off this thread. Nothing
    /// happens while a sync is already on its way.
    pub fn start(&mut self, store: &Store, t: &'static Texts) {
        if !self.is_team || self.syncing {
            return;
        }
        let (tx, rx) = channel();
        let (store, who) = (store.clone(), self.who.clone());
        std::thread::spawn(move || {
            let team = Team::at(store.root());
            if let Ok(changes) = team.changes() {
                store.keep_private_apart(changes.iter().map(|c| c.path.as_str()));
            }
            let message = |changes: &[crate::team::Change]| {
                commit_message(&store, changes, t, &team.new_teacher(changes))
            };
            let synced = team.sync(&who, &message, t.cli.msg_merged);
            let _ = tx.send(Came::Synced(synced, team.status()));
        });
        self.waiting = Some(rx);
        self.syncing = true;
    }

    /// What came back since the last look: a sentence for the status line after a sync
    /// (and whether it is a warning); the word in the title follows on its own.
    pub fn take_in(&mut self, store: &Store, t: &Texts) -> Option<(String, bool)> {
        let came = self.waiting.as_ref()?.try_recv().ok()?;
        self.waiting = None;
        match came {
            Came::Status(status) => {
                self.status = status.ok();
                None
            }
            Came::Synced(synced, status) => {
                self.syncing = false;
                self.status = status.ok();
                Some(self.said(synced, store, t))
            }
        }
    }

    fn said(
        &mut self,
        synced: Result<Synced, TeamError>,
        store: &Store,
        t: &Texts,
    ) -> (String, bool) {
        let synced = match synced {
            Ok(synced) => synced,
            Err(e) => {
                self.offline = true;
                return (team_error_words(&e, t), true);
            }
        };
        self.offline = synced.not_shared.is_some();
        if let Some(e) = &synced.not_shared {
            return (fill(t.cli.team_not_shared, &[&git_words(e, t)]), true);
        }
        if let Some(path) = synced
            .conflicts
            .first()
            .or(synced.kept_over_removal.first())
        {
            let text = if synced.conflicts.is_empty() {
                t.cli.team_kept_over_removal
            } else {
                t.team_two_versions_came
            };
            return (fill(text, &[&describe_file(store, path, t)]), true);
        }
        let now = Local::now().format("%H:%M").to_string();
        let text = fill(
            t.cli.team_synced,
            &[
                &now,
                &synced.mine.len().to_string(),
                &synced.theirs.len().to_string(),
            ],
        );
        (text, false)
    }

    /// The word for the list's title, and whether it asks for attention.
    pub fn word(&self, t: &Texts) -> Option<(String, bool)> {
        if !self.is_team {
            return None;
        }
        if self.syncing {
            return Some((t.team_word_syncing.to_string(), false));
        }
        if self.offline {
            return Some((t.team_word_offline.to_string(), true));
        }
        let status = self.status.as_ref()?;
        if !status.conflicts.is_empty() {
            return Some((t.team_word_choose.to_string(), true));
        }
        if status.not_shared > 0 {
            let n = status.not_shared.to_string();
            return Some((fill(t.team_word_pending, &[&n]), false));
        }
        status.last_sync.map(|at| {
            let when = at.format("%H:%M").to_string();
            (fill(t.team_word_shared, &[&when]), false)
        })
    }
}

fn team_error_words(e: &TeamError, t: &Texts) -> String {
    match e {
        TeamError::Busy => t.cli.team_busy.to_string(),
        TeamError::Git(e) => git_words(e, t),
        TeamError::Io(e) => t.io_problem(e),
        other => other.to_string(),
    }
}
