//! Opening a meeting without ever losing or clobbering text: one editor per meeting, a found
//! draft offered back rather than assumed, a damaged file moved aside rather than written
//! over, and a file from a newer version left alone.

use std::path::Path;

use chrono::{DateTime, Local};

use super::{App, Screen, now};
use crate::domain::{MeetingRecord, Moment, Placement};
use crate::i18n::fill;
use crate::store::lock::{Claim, Session};
use crate::store::{MeetingFiles, Store, StoreError};
use crate::tui::action::Action;
use crate::tui::screens::choice::{Answer, ChoiceState, Intent};
use crate::tui::screens::view::ViewState;

impl App {
    /// Opens a moment of a placement: a held record as a view, a draft to continue, or a new
    /// meeting; with a question first when something needs the user's decision.
    pub fn open_meeting(&mut self, id: &str, moment: Moment) {
        let t = self.texts;
        let placement = match self.store.placement(id) {
            Ok(p) => p,
            Err(e) => {
                self.message = Some((e.describe(t), true));
                return;
            }
        };
        self.release_lock();
        match self.store.claim_meeting(id, moment) {
            Ok(Claim::Taken(session)) => self.ask_busy(id, moment, &session),
            Ok(Claim::Mine {
                lock,
                unclean,
                note_failed,
            }) => {
                self.lock = Some(lock);
                let unclean = match self.take_in_leftovers(id, moment) {
                    Ok(Some(recovered)) => Some(unclean.unwrap_or(recovered)),
                    Ok(None) => unclean,
                    Err(e) => {
                        self.release_lock();
                        return self.ask_about_unreadable(id, moment, &e);
                    }
                };
                self.open_claimed(&placement, moment, unclean.as_ref());
                if let Some(e) = note_failed {
                    let shown = self.store.lock_path(id, moment).display().to_string();
                    let text = fill(t.lock_note_failed, &[&shown, &e.to_string()]);
                    self.message = Some((text, true));
                }
            }
            Err(e) => self.refuse_without_lock(id, moment, &e),
        }
    }

    /// Without the lock nobody can promise one editor, so the meeting is not opened for
    /// editing: a link or special file in the lock's place may be set aside; otherwise (a
    /// read-only disk) what exists can be looked at.
    fn refuse_without_lock(&mut self, id: &str, moment: Moment, error: &StoreError) {
        if error.is_damage() {
            return self.ask_about_unreadable(id, moment, error);
        }
        let t = self.texts;
        match self.store.meeting(id, moment) {
            Ok(Some(record)) => self.show_view(record, true),
            _ => self.refresh_pick(id, moment),
        }
        self.message = Some((fill(t.lock_failed, &[&error.describe(t)]), true));
    }

    /// Temp files of an interrupted save: the newest text among them becomes the draft and
    /// is offered back like the draft of a session that never ended.
    fn take_in_leftovers(
        &mut self,
        id: &str,
        moment: Moment,
    ) -> Result<Option<Session>, StoreError> {
        let found = self.store.take_in_leftovers(id, moment)?;
        if let Some(first) = found.set_aside.first() {
            let shown = first.display().to_string();
            self.message = Some((fill(self.texts.set_aside_done, &[&shown]), true));
        }
        Ok(found.recovered.map(|at| Session {
            pid: None,
            started: Some(DateTime::<Local>::from(at).naive_local()),
        }))
    }

    fn open_claimed(&mut self, placement: &Placement, moment: Moment, unclean: Option<&Session>) {
        let id = placement.id.as_str();
        let MeetingFiles {
            record,
            draft,
            draft_is_newer,
        } = self.store.meeting_files_of(id, moment);
        let (record, draft) = match (record, draft) {
            (Ok(record), Ok(draft)) => (record, draft),
            (Err(e), _) | (_, Err(e)) => return self.ask_about_unreadable(id, moment, &e),
        };
        match (record, draft) {
            (record, Some(_)) if unclean.is_some() || record.is_some() => {
                self.ask_recovery(id, moment, unclean, record.as_ref(), draft_is_newer);
            }
            (_, Some(draft)) => self.start_meeting(id, draft),
            (Some(record), None) => {
                self.release_lock();
                self.show_view(record, false);
            }
            (None, None) => {
                let Some(guide) = self.guides.for_language(self.lang) else {
                    self.release_lock();
                    self.message = Some((self.texts.err_no_guide.into(), true));
                    return;
                };
                let previous = self.store.previous_record(id, moment);
                let record = MeetingRecord::new(placement, moment, guide, now(), previous.as_ref());
                self.start_meeting(id, record);
            }
        }
    }

    /// From the view of a held record: edit it again, if no other window has it open.
    pub(super) fn edit_again(&mut self, id: &str, moment: Moment) {
        self.release_lock();
        match self.store.claim_meeting(id, moment) {
            Ok(Claim::Taken(session)) => return self.ask_busy(id, moment, &session),
            Ok(Claim::Mine {
                lock, note_failed, ..
            }) => {
                self.lock = Some(lock);
                if let Some(e) = note_failed {
                    let shown = self.store.lock_path(id, moment).display().to_string();
                    let text = fill(self.texts.lock_note_failed, &[&shown, &e.to_string()]);
                    self.message = Some((text, true));
                }
            }
            Err(e) => return self.refuse_without_lock(id, moment, &e),
        }
        // Read as strictly as on opening: the file may have changed since it was shown.
        let files = self.store.meeting_files_of(id, moment);
        match (files.record, files.draft) {
            (Err(e), _) | (_, Err(e)) => self.ask_about_unreadable(id, moment, &e),
            (_, Ok(Some(record))) | (Ok(Some(record)), Ok(None)) => {
                self.start_meeting(id, record);
                if let Screen::Meeting(m) = &mut self.screen {
                    m.stop_typing(&self.theme);
                }
            }
            (Ok(None), Ok(None)) => {
                self.release_lock();
                self.refresh_pick(id, moment);
            }
        }
    }

    fn show_view(&mut self, record: MeetingRecord, read_only: bool) {
        self.screen = Screen::View(Box::new(ViewState {
            record,
            scroll: 0,
            exported: None,
            read_only,
        }));
    }

    fn ask(
        &mut self,
        id: &str,
        moment: Moment,
        title: &str,
        lines: Vec<String>,
        answers: Vec<Answer>,
    ) {
        self.screen = Screen::Choice(Box::new(ChoiceState {
            title: title.to_string(),
            lines,
            answers,
            placement: id.to_string(),
            moment,
        }));
    }

    fn ask_recovery(
        &mut self,
        id: &str,
        moment: Moment,
        unclean: Option<&Session>,
        record: Option<&MeetingRecord>,
        draft_is_newer: bool,
    ) {
        let t = self.texts;
        let mut lines = Vec::new();
        if let Some(session) = unclean {
            let started = session.started.map_or_else(
                || t.unknown.to_string(),
                |s| s.format("%Y-%m-%d %H:%M").to_string(),
            );
            lines.push(fill(t.recover_unclean, &[&started]));
        }
        if record.is_some() && draft_is_newer {
            lines.push(t.recover_newer.to_string());
        }
        lines.push(fill(
            t.recover_saved_at,
            &[&modified_text(&self.store.draft_path(id, moment))
                .unwrap_or_else(|| t.unknown.into())],
        ));
        if let Some(record) = record {
            lines.push(fill(t.recover_record_at, &[&record.date.to_string()]));
        }
        let answers = vec![
            answer(t.recover_continue, Intent::ContinueDraft),
            answer(t.recover_view, Intent::ViewDraft),
            answer(t.recover_discard, Intent::AskDiscard),
        ];
        self.ask(id, moment, t.recover_title, lines, answers);
    }

    fn ask_busy(&mut self, id: &str, moment: Moment, session: &Session) {
        let t = self.texts;
        let pid = session
            .pid
            .map_or_else(|| t.unknown.to_string(), |p| p.to_string());
        let since = session
            .started
            .map_or_else(|| t.unknown.to_string(), |s| s.format("%H:%M").to_string());
        let lines = vec![fill(t.busy_body, &[&pid, &since])];
        let answers = vec![
            answer(t.busy_view, Intent::ViewReadOnly),
            answer(t.answer_back, Intent::Back),
        ];
        self.ask(id, moment, t.busy_title, lines, answers);
    }

    fn ask_about_unreadable(&mut self, id: &str, moment: Moment, error: &StoreError) {
        let t = self.texts;
        if error.is_newer() {
            let lines = vec![error.describe(t)];
            let mut answers = vec![answer(t.answer_back, Intent::Back)];
            // Known schema, unknown fields: today's program can still show what it knows.
            if matches!(error, StoreError::UnknownFields { .. }) {
                answers.insert(0, answer(t.busy_view, Intent::ViewReadOnly));
            }
            return self.ask(id, moment, t.newer_title, lines, answers);
        }
        let lines = vec![t.damaged_body.to_string(), error.describe(t)];
        let answers = vec![
            answer(
                t.damaged_set_aside,
                Intent::SetAside(error.path().to_path_buf()),
            ),
            answer(t.answer_back, Intent::Back),
        ];
        self.ask(id, moment, t.damaged_title, lines, answers);
    }

    pub(super) fn update_choice(&mut self, action: Action) {
        let t = self.texts;
        let Screen::Choice(choice) = &self.screen else {
            return;
        };
        let (id, moment) = (choice.placement.clone(), choice.moment);
        let intent = match action {
            Action::Choose(n) => choice.answer(n),
            Action::Back => Some(Intent::Back),
            _ => None,
        };
        match intent {
            None => {}
            Some(Intent::ContinueDraft) => match self.store.meeting(&id, moment) {
                Ok(Some(draft)) => self.start_meeting(&id, draft),
                Ok(None) => self.open_meeting(&id, moment),
                Err(e) => self.message = Some((e.describe(t), true)),
            },
            Some(Intent::ViewDraft | Intent::ViewReadOnly) => {
                // Viewing needs no lock; letting go now keeps the meeting free for others.
                self.release_lock();
                match self.store.meeting(&id, moment) {
                    Ok(Some(record)) => self.show_view(record, true),
                    Ok(None) => self.message = Some((t.busy_nothing_yet.into(), true)),
                    Err(e) => self.message = Some((e.describe(t), true)),
                }
            }
            Some(Intent::AskDiscard) => {
                let answers = vec![
                    answer(t.answer_back, Intent::Back),
                    answer(t.discard_yes, Intent::Discard),
                ];
                let lines = vec![t.discard_body.to_string()];
                self.ask(&id, moment, t.discard_title, lines, answers);
            }
            Some(Intent::Discard) => {
                let draft = self.store.draft_path(&id, moment);
                self.set_aside_and_reopen(&id, moment, &draft);
            }
            Some(Intent::SetAside(path)) => self.set_aside_and_reopen(&id, moment, &path),
            Some(Intent::Back) => {
                self.release_lock();
                self.refresh_pick(&id, moment);
            }
        }
    }

    fn set_aside_and_reopen(&mut self, id: &str, moment: Moment, path: &Path) {
        match self.store.set_aside(path) {
            Ok(target) => {
                self.release_lock();
                self.open_meeting(id, moment);
                if self.message.is_none() {
                    let shown = target.display().to_string();
                    self.message = Some((fill(self.texts.set_aside_done, &[&shown]), false));
                }
            }
            Err(e) => self.message = Some((e.describe(self.texts), true)),
        }
    }
}

fn answer(label: &'static str, intent: Intent) -> Answer {
    Answer { label, intent }
}

fn modified_text(path: &Path) -> Option<String> {
    let time: DateTime<Local> = Store::modified(path)?.into();
    Some(time.format("%Y-%m-%d %H:%M:%S").to_string())
}
