//! Handing what the user typed to the saver, taking in what it reports, and making sure
//! everything is on disk (or rescued) before the program ends.

use super::{App, RESCUE_LIMIT, Screen};
use crate::i18n::fill;
use crate::store::saver::{Rescued, SaveEvent, SaverHandle};
use crate::tui::meeting::{Phase, SaveStatus};

impl App {
    /// Waits until every change handed over is written or has failed, then takes in the
    /// results; true when everything is on disk.
    pub fn flush_saves(&mut self) -> bool {
        self.save_open_meeting();
        let saved = self.saver.flush();
        self.tick();
        saved
    }

    /// For an end nobody chose (a signal, a vanished terminal): what the data folder did not
    /// take goes to a rescue file, and the exit notes say where.
    pub fn rescue_unsaved(&mut self) {
        self.save_open_meeting();
        let rescued = self.saver.handle().rescue(RESCUE_LIMIT);
        self.note_rescue(rescued);
        self.tick();
    }

    pub(super) fn note_rescue(&mut self, rescued: Option<Rescued>) {
        match rescued {
            Some(Rescued::To(paths)) => {
                for path in paths {
                    let shown = path.display().to_string();
                    self.exit_notes.push(fill(self.texts.rescued_to, &[&shown]));
                }
            }
            Some(Rescued::Failed(e)) => {
                self.exit_notes
                    .push(fill(self.texts.rescue_failed, &[&e.describe(self.texts)]));
            }
            Some(Rescued::Saved) | None => {}
        }
    }

    /// Ends the session the way the user chose to: everything saved, then every lock
    /// released as cleanly closed, so the next session is not offered a recovery.
    pub fn end_session(&mut self) {
        self.flush_saves();
        for screen in &mut self.screens {
            screen.release_lock();
        }
    }

    /// For the threads that must save without the UI: signals, watchdog, panic hook.
    pub fn saver_handle(&self) -> SaverHandle {
        self.saver.handle()
    }

    /// Gives the saver whatever changed since the last call.
    pub fn hand_over_changes(&mut self) {
        self.on_page(None, |page, services| page.settle(services));
        let Some(screen) = self.screens.last_mut() else {
            return;
        };
        if let Screen::Meeting(m) = screen
            && m.take_dirty()
        {
            let (folder, moment, touched) = (m.folder.clone(), m.moment(), m.session.touched);
            // A meeting opened by mistake leaves nothing behind: no draft is begun until
            // something is typed (one already on disk is kept up to date, emptied or not).
            if !touched
                && m.snapshot().nothing_typed()
                && !self.store.draft_path(&folder, moment).exists()
            {
                return;
            }
            m.session.touched = true;
            m.session.save_status = SaveStatus::Pending;
            self.saver.save_draft(&folder, moment, m.snapshot());
        }
    }

    /// Hands over the open meeting as it stands, in any phase before its final record is on
    /// its way: the read-back is still a draft.
    pub(super) fn save_open_meeting(&mut self) {
        self.hand_over_changes();
        if let Some(Screen::Meeting(m)) = self.screens.last_mut()
            && m.session.touched
            && matches!(m.phase, Phase::Conversation | Phase::Finishing { .. })
        {
            let folder = m.folder.clone();
            self.saver.save_draft(&folder, m.moment(), m.snapshot());
        }
    }

    pub(super) fn apply_save_event(&mut self, event: SaveEvent) {
        let t = self.texts;
        let meeting = self.screens.iter_mut().rev().find_map(|s| match s {
            Screen::Meeting(m) => Some(m),
            _ => None,
        });
        match event {
            SaveEvent::DraftSaved { at } => {
                self.save_failure = None;
                if let Some(m) = meeting {
                    m.session.save_status = SaveStatus::Saved(at);
                }
            }
            SaveEvent::DraftFailed(e) => {
                let reason = e.describe(t);
                self.save_failure = Some(reason.clone());
                if let Some(m) = meeting {
                    m.session.save_status = SaveStatus::Failed(reason);
                }
            }
            SaveEvent::FinalSaved(path) => {
                self.save_failure = None;
                if let Some(m) = meeting {
                    m.session.save_status = SaveStatus::Idle;
                    m.session.touched = false;
                    self.stale_placement = Some(m.folder.clone());
                    m.phase = Phase::Finished {
                        path,
                        exported: None,
                        scroll: 0,
                    };
                }
                // Held and stored: shared with the team now, if the teacher wants that.
                if self.sync_after_meeting {
                    self.share();
                } else {
                    self.team.look_again();
                }
            }
            SaveEvent::FinalFailed(e) => {
                if let Some(m) = meeting {
                    m.finish_failed();
                }
                self.message = Some((fill(t.finish_failed, &[&e.describe(t)]), true));
            }
        }
    }
}
