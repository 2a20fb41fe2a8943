//! Opening a meeting without ever losing or clobbering text: one editor per meeting, a found
//! draft offered back rather than assumed, a damaged file moved aside rather than written
//! over, and a file from a newer version left alone.

use std::path::Path;

use chrono::{DateTime, Local};

use super::{App, Screen, now};
use crate::domain::summary::MomentState;
use crate::domain::{MeetingRecord, Moment, Placement};
use crate::i18n::fill;
use crate::store::lock::{Claim, MeetingLock, Session};
use crate::store::{MeetingFiles, Refusal, Store, StoreError};
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
        match self.store.claim_meeting(id, moment) {
            Ok(Claim::Taken(session)) => self.ask_busy(id, moment, &session),
            Ok(Claim::Mine {
                lock,
                unclean,
                note_failed,
            }) => {
                let unclean = match self.take_in_leftovers(id, moment) {
                    Ok(Some(recovered)) => Some(unclean.unwrap_or(recovered)),
                    Ok(None) => unclean,
                    Err(e) => {
                        lock.release();
                        return self.ask_about_unreadable(id, moment, &e);
                    }
                };
                self.open_claimed(&placement, moment, unclean.as_ref(), lock);
                if let Some(e) = note_failed {
                    let shown = self.store.lock_path(id, moment).display().to_string();
                    let text = fill(t.lock_note_failed, &[&shown, &t.io_problem(&e)]);
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
        if let StoreError::Refused {
            reason: Refusal::UnknownPlacement { .. },
            ..
        } = error
        {
            self.message = Some((fill(t.placement_gone, &[id]), true));
            return;
        }
        if let Ok(Some(record)) = self.store.meeting(id, moment) {
            self.show_view(record, true);
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

    fn open_claimed(
        &mut self,
        placement: &Placement,
        moment: Moment,
        unclean: Option<&Session>,
        lock: MeetingLock,
    ) {
        let id = placement.id.as_str();
        let MeetingFiles {
            record,
            draft,
            draft_is_newer,
        } = self.store.meeting_files_of(id, moment);
        let (record, draft) = match (record, draft) {
            (Ok(record), Ok(draft)) => (record, draft),
            (Err(e), _) | (_, Err(e)) => {
                lock.release();
                return self.ask_about_unreadable(id, moment, &e);
            }
        };
        match (record, draft) {
            (record, Some(_)) if unclean.is_some() || record.is_some() => {
                self.ask_recovery(id, moment, unclean, record.as_ref(), draft_is_newer);
                if let Some(Screen::Choice(choice)) = self.screens.last_mut() {
                    choice.lock = Some(lock);
                }
            }
            (_, Some(draft)) => self.start_meeting(id, draft, Some(lock)),
            (Some(record), None) => {
                lock.release();
                self.show_view(record, false);
            }
            (None, None) => {
                let Some(guide) = self.guides.for_language(self.lang) else {
                    lock.release();
                    self.message = Some((self.texts.err_no_guide.into(), true));
                    return;
                };
                let previous = self.store.previous_record(id, moment);
                let record = MeetingRecord::new(placement, moment, guide, now(), previous.as_ref());
                let due_first = self.summary_of(id).and_then(|s| {
                    Moment::ALL[..moment.index()]
                        .iter()
                        .find(|m| s.moments[m.index()] != MomentState::Held)
                        .map(|m| guide.moment(*m).title.clone())
                });
                self.start_meeting(id, record, Some(lock));
                if let Some(title) = due_first {
                    self.message = Some((fill(self.texts.meeting_due_first, &[&title]), true));
                }
            }
        }
    }

    /// From the view of a held record: edit it again, if no other window has it open.
    pub(super) fn edit_again(&mut self, id: &str, moment: Moment) {
        let lock = match self.store.claim_meeting(id, moment) {
            Ok(Claim::Taken(session)) => return self.ask_busy(id, moment, &session),
            Ok(Claim::Mine {
                lock, note_failed, ..
            }) => {
                if let Some(e) = note_failed {
                    let shown = self.store.lock_path(id, moment).display().to_string();
                    let text = fill(
                        self.texts.lock_note_failed,
                        &[&shown, &self.texts.io_problem(&e)],
                    );
                    self.message = Some((text, true));
                }
                lock
            }
            Err(e) => return self.refuse_without_lock(id, moment, &e),
        };
        // Read as strictly as on opening: the file may have changed since it was shown.
        let files = self.store.meeting_files_of(id, moment);
        match (files.record, files.draft) {
            (Err(e), _) | (_, Err(e)) => {
                lock.release();
                self.ask_about_unreadable(id, moment, &e);
            }
            (_, Ok(Some(record))) | (Ok(Some(record)), Ok(None)) => {
                // The view gives way to the meeting: Esc then goes back to the moments.
                if self.screen().context() == crate::tui::keys::KeyContext::View {
                    self.screens.pop();
                }
                self.start_meeting(id, record, Some(lock));
            }
            (Ok(None), Ok(None)) => lock.release(),
        }
    }

    pub(super) fn show_view(&mut self, record: MeetingRecord, read_only: bool) {
        self.show(Screen::Page(Box::new(ViewState::new(record, 0, read_only))));
    }

    fn ask(
        &mut self,
        id: &str,
        moment: Moment,
        title: &str,
        lines: Vec<String>,
        answers: Vec<Answer>,
    ) {
        self.show(Screen::Choice(Box::new(ChoiceState {
            title: title.to_string(),
            lines,
            answers,
            placement: id.to_string(),
            moment,
            lock: None,
        })));
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
                |s| format!("{} {}", t.date(s.date()), s.format("%H:%M")),
            );
            lines.push(fill(t.recover_unclean, &[&started]));
        }
        if record.is_some() && draft_is_newer {
            lines.push(t.recover_newer.to_string());
        }
        lines.push(fill(
            t.recover_saved_at,
            &[&modified_text(t, &self.store.draft_path(id, moment))
                .unwrap_or_else(|| t.unknown.into())],
        ));
        if let Some(record) = record {
            lines.push(fill(t.recover_record_at, &[&t.date(record.date)]));
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

    /// Carries out the answer to the question on screen.
    pub(super) fn answer(&mut self, intent: Intent) {
        let t = self.texts;
        let Screen::Choice(choice) = self.screen_mut() else {
            return;
        };
        let (id, moment) = (choice.placement.clone(), choice.moment);
        match intent {
            Intent::ContinueDraft => match self.store.meeting(&id, moment) {
                Ok(Some(draft)) => {
                    let lock = match self.screen_mut() {
                        Screen::Choice(c) => c.lock.take(),
                        _ => None,
                    };
                    self.start_meeting(&id, draft, lock);
                }
                Ok(None) => {
                    self.back();
                    self.open_meeting(&id, moment);
                }
                Err(e) => self.message = Some((e.describe(t), true)),
            },
            Intent::ViewDraft | Intent::ViewReadOnly => {
                // Viewing needs no lock; letting go now keeps the meeting free for others.
                self.screen_mut().release_lock();
                match self.store.meeting(&id, moment) {
                    Ok(Some(record)) => self.show_view(record, true),
                    Ok(None) => self.message = Some((t.busy_nothing_yet.into(), true)),
                    Err(e) => self.message = Some((e.describe(t), true)),
                }
            }
            Intent::AskDiscard => {
                let answers = vec![
                    answer(t.answer_back, Intent::Back),
                    answer(t.discard_yes, Intent::Discard),
                ];
                let lines = vec![t.discard_body.to_string()];
                let lock = match self.screen_mut() {
                    Screen::Choice(c) => c.lock.take(),
                    _ => None,
                };
                self.ask(&id, moment, t.discard_title, lines, answers);
                if let Screen::Choice(c) = self.screen_mut() {
                    c.lock = lock;
                }
            }
            Intent::Discard => {
                let draft = self.store.draft_path(&id, moment);
                self.set_aside_and_reopen(&id, moment, &draft);
            }
            Intent::DiscardDraft => self.discard_draft(&id, moment),
            Intent::SetAside(path) => self.set_aside_and_reopen(&id, moment, &path),
            Intent::Back => self.back(),
            Intent::RemovePlacement => self.remove_placement(&id),
            Intent::ViewRescued(path) => self.view_rescued(&path),
            Intent::TakeRescued(path) => self.take_rescued(&path),
        }
    }

    /// From the moments: asks before a draft is put aside.
    pub(super) fn ask_discard_draft(&mut self, id: &str, moment: Moment) {
        let t = self.texts;
        let answers = vec![
            answer(t.answer_back, Intent::Back),
            answer(t.discard_yes, Intent::DiscardDraft),
        ];
        self.ask(
            id,
            moment,
            t.discard_title,
            vec![t.discard_body.into()],
            answers,
        );
    }

    /// Moves the draft into `set-aside/` (where it can be taken back from) and says where; not
    /// while another window has the meeting open.
    fn discard_draft(&mut self, id: &str, moment: Moment) {
        let lock = match self.store.claim_meeting(id, moment) {
            Ok(Claim::Taken(session)) => {
                self.back();
                return self.ask_busy(id, moment, &session);
            }
            Ok(Claim::Mine { lock, .. }) => lock,
            Err(e) => {
                self.back();
                self.message = Some((e.describe(self.texts), true));
                return;
            }
        };
        let moved = self.store.set_aside(&self.store.draft_path(id, moment));
        lock.release();
        self.back();
        self.message = Some(match moved {
            Ok(target) => {
                // How to bring it back is said with it: thrown away is never gone.
                let shown = target.display().to_string();
                (
                    fill(self.texts.set_aside_draft_done, &[&shown, &shown]),
                    false,
                )
            }
            Err(e) => (e.describe(self.texts), true),
        });
    }

    fn set_aside_and_reopen(&mut self, id: &str, moment: Moment, path: &Path) {
        match self.store.set_aside(path) {
            Ok(target) => {
                // The question goes; opening again asks anew if it must.
                self.back();
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

fn modified_text(t: &crate::i18n::Texts, path: &Path) -> Option<String> {
    let time: DateTime<Local> = Store::modified(path)?.into();
    Some(format!(
        "{} {}",
        t.date(time.date_naive()),
        time.format("%H:%M:%S")
    ))
}
