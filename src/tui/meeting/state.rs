use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDateTime;
use ratatui_textarea::{CursorMove, TextArea};

use super::focus::{DetailRow, Focus, Part};
use super::forms;
use super::session::Session;
use crate::domain::at_key::KeyPreparation;
use crate::domain::{
    Example, Guide, KeyId, MeetingRecord, Moment, OpenForm, RecordStatus, Resume, Role,
};
use crate::i18n::Texts;
use crate::tui::editing::{self, TextKind};
use crate::tui::form::{Form, set_focus, text_area, text_of};
use crate::tui::theme::Theme;

pub enum Popup {
    Example {
        key: KeyId,
        index: Option<usize>,
        form: Form,
    },
    Agreement {
        index: Option<usize>,
        form: Form,
    },
    ConfirmDelete,
    /// Choosing a part of the meeting by its number.
    GoTo {
        selected: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Conversation,
    Finishing {
        agreed: Vec<Role>,
        scroll: u16,
    },
    Saving,
    Finished {
        path: PathBuf,
        exported: Option<PathBuf>,
        scroll: u16,
    },
}

/// The one-line text fields of the meeting details.
pub struct DetailFields {
    pub others: TextArea<'static>,
    pub date: TextArea<'static>,
    pub time: TextArea<'static>,
    pub duration: TextArea<'static>,
}

pub struct MeetingState {
    /// The placement folder the meeting was opened from: every save goes there, whatever
    /// the record itself says.
    pub folder: String,
    pub record: MeetingRecord,
    pub guide: Guide,
    /// Records of the earlier moments of this placement, oldest first.
    pub earlier: Vec<MeetingRecord>,
    /// Whether a key shows what was said last time instead of the guide's questions.
    pub show_earlier: bool,
    pub focus: Focus,
    pub notes: [TextArea<'static>; 4],
    pub private: TextArea<'static>,
    pub details: DetailFields,
    /// The selected example per key, the selected prepared example per key, and the
    /// selected agreement.
    pub example_row: [usize; 4],
    pub prepared_row: [usize; 4],
    pub agreement_row: usize,
    pub popup: Option<Popup>,
    pub phase: Phase,
    /// How far the questions (or last time's notes) above the notes are scrolled.
    pub panel_scroll: u16,
    /// A detail typed in a form the program cannot read, said under the field.
    pub field_error: Option<String>,
    /// What the date, time or duration field showed when the cursor arrived in it: leaving
    /// it unchanged changes nothing (a glance must not stop the clock or round the time).
    pub detail_on_arrival: Option<String>,
    pub session: Session,
    /// The key whose notes typing on a list or a choice goes to, when that list or choice
    /// belongs to no key: the last one the teacher was at.
    pub(super) last_key: KeyId,
    /// A choice just made by typing its first letter, undone if a sentence follows.
    pub(super) letter_choice: Option<super::aside::LetterChoice>,
    opened: Instant,
    base_seconds: u64,
    /// The teacher typed the duration: the clock no longer adds to it.
    duration_by_hand: bool,
    dirty: bool,
    /// Enter was pressed once in a read-back where nobody agreed; a second one saves.
    nobody_confirmed: bool,
}

/// What pressing Enter in the read-back leads to.
pub enum Finish<'a> {
    /// Not in the read-back.
    Nothing,
    /// Nobody is marked as agreeing: the teacher is asked to press Enter again.
    Confirm,
    /// The record, marked final, to be written.
    Save(&'a MeetingRecord),
}

impl MeetingState {
    pub fn new(
        folder: &str,
        mut record: MeetingRecord,
        guide: Guide,
        earlier: Vec<MeetingRecord>,
        texts: &Texts,
        theme: &Theme,
    ) -> Self {
        record.reopen();
        let notes =
            KeyId::ALL.map(|k| text_area(&record.keys.get(k).notes, texts.notes_placeholder));
        let private = text_area(&record.private_notes, texts.private_placeholder);
        let details = DetailFields {
            others: text_area(&record.present.others, texts.others_placeholder),
            date: text_area(&crate::tui::dates::show_date(texts, record.date), ""),
            time: text_area(&record.time.format("%H:%M").to_string(), ""),
            duration: text_area(&record.time_spent_seconds.div_ceil(60).to_string(), ""),
        };
        let base_seconds = record.time_spent_seconds;
        let open_form = record.open_form.take();
        let resume = record.resume.take();
        let show_earlier = earlier
            .iter()
            .any(|r| KeyId::ALL.iter().any(|k| !r.keys.get(*k).is_empty()));
        let mut state = Self {
            folder: folder.to_string(),
            record,
            guide,
            earlier,
            show_earlier,
            focus: Focus::Notes(KeyId::LearningProcesses),
            notes,
            private,
            details,
            example_row: [0; 4],
            prepared_row: [0; 4],
            agreement_row: 0,
            popup: None,
            phase: Phase::Conversation,
            panel_scroll: 0,
            field_error: None,
            detail_on_arrival: None,
            session: Session::default(),
            last_key: KeyId::LearningProcesses,
            letter_choice: None,
            opened: Instant::now(),
            base_seconds,
            duration_by_hand: false,
            dirty: false,
            nobody_confirmed: false,
        };
        if let Some(resume) = resume {
            state.resume_at(&resume);
        }
        if let Some(open) = open_form {
            state.reopen_form(&open, texts, theme);
            if let Some(form) = state.popup_form() {
                form.mark_edited();
            }
        }
        state.refresh_focus(theme);
        state
    }

    /// Puts the focus and the cursor back where a draft was left.
    fn resume_at(&mut self, resume: &Resume) {
        let Some(focus) = Focus::from_code(&resume.at) else {
            return;
        };
        self.focus = focus;
        if !self.focus_order().contains(&focus) {
            self.focus = focus.part().first_field();
        }
        if let Some(area) = self.text_area_mut() {
            let row = u16::try_from(resume.line).unwrap_or(u16::MAX);
            let col = u16::try_from(resume.column).unwrap_or(u16::MAX);
            area.move_cursor(CursorMove::Jump(row, col));
        }
    }

    /// Opens the pop-up that was open when the draft was saved, with what was typed in it.
    fn reopen_form(&mut self, open: &OpenForm, texts: &Texts, theme: &Theme) {
        self.popup = Some(match open {
            OpenForm::Example {
                key,
                index,
                text,
                given_by,
                strategy,
                recognised,
            } => {
                let example = Example {
                    text: text.clone(),
                    given_by: *given_by,
                    strategy: *strategy,
                    recognised: *recognised,
                };
                if self.focus.part() != Part::Key(*key) {
                    self.focus = Focus::Notes(*key);
                }
                let form = forms::example_form(
                    &self.guide,
                    self.moment(),
                    *key,
                    Some(&example),
                    texts,
                    theme,
                );
                Popup::Example {
                    key: *key,
                    index: *index,
                    form,
                }
            }
            OpenForm::Agreement {
                index,
                what,
                who,
                due,
                status,
                note,
            } => {
                let typed = forms::TypedAgreement {
                    what: what.clone(),
                    who: *who,
                    due: due.clone(),
                    status: *status,
                    note: note.clone(),
                };
                Popup::Agreement {
                    index: *index,
                    form: forms::agreement_form_as_typed(&typed, index.is_some(), texts, theme),
                }
            }
        });
    }

    /// The open pop-up as it stands, for the draft.
    fn open_form(&self) -> Option<OpenForm> {
        match &self.popup {
            Some(Popup::Example { key, index, form }) => {
                let e = forms::example_as_typed(form);
                Some(OpenForm::Example {
                    key: *key,
                    index: *index,
                    text: e.text,
                    given_by: e.given_by,
                    strategy: e.strategy,
                    recognised: e.recognised,
                })
            }
            Some(Popup::Agreement { index, form }) => {
                let typed = forms::agreement_as_typed(form);
                Some(OpenForm::Agreement {
                    index: *index,
                    what: typed.what,
                    who: typed.who,
                    due: typed.due,
                    status: typed.status,
                    note: typed.note,
                })
            }
            Some(Popup::ConfirmDelete | Popup::GoTo { .. }) | None => None,
        }
    }

    pub fn moment(&self) -> Moment {
        self.record.moment
    }

    pub fn part(&self) -> Part {
        self.focus.part()
    }

    pub fn seconds_spent(&self) -> u64 {
        if self.duration_by_hand {
            self.base_seconds
        } else {
            self.base_seconds + self.opened.elapsed().as_secs()
        }
    }

    /// The teacher set how long the meeting took: that is what the record says from now on.
    pub(super) fn set_duration(&mut self, minutes: u32) {
        self.base_seconds = u64::from(minutes) * 60;
        self.duration_by_hand = true;
    }

    /// True once after the record (or an open pop-up) changed; the caller then hands it to
    /// the draft saver.
    pub fn take_dirty(&mut self) -> bool {
        let form_changed = self.popup_form().is_some_and(Form::take_changed);
        std::mem::take(&mut self.dirty) | form_changed
    }

    /// The record as it should be saved now: the time spent brought up to date, any open
    /// pop-up with what is typed in it, and where the cursor is.
    pub fn snapshot(&mut self) -> &MeetingRecord {
        self.record.time_spent_seconds = self.seconds_spent();
        self.record.open_form = self.open_form();
        self.record.resume = Some(self.resume());
        &self.record
    }

    fn resume(&self) -> Resume {
        let (line, column) = self
            .text_area()
            .map_or((0, 0), |a| (a.cursor().0, a.cursor().1));
        Resume {
            at: self.focus.code(),
            line,
            column,
        }
    }

    /// Marks the record as changed, so the caller hands it to the saver.
    pub fn changed(&mut self) {
        self.dirty = true;
    }

    /// Asks the questions from `guide` from now on; what was typed stays as it is.
    pub fn switch_guide(&mut self, guide: Guide) {
        self.record.guide = crate::domain::GuideRef {
            id: guide.id.clone(),
            version: guide.version,
        };
        self.guide = guide;
        self.panel_scroll = 0;
        self.changed();
    }

    /// The fields in Tab order as the record stands now.
    pub fn focus_order(&self) -> Vec<Focus> {
        // Every key's examples are a stop, empty or not, so Tab does the same on every key; a
        // preparation is a stop where it has examples to take over.
        Focus::order(|k| self.prepared(k).is_some_and(|p| !p.examples.is_empty()))
    }

    /// What was prepared for `key`, if anything (see `MeetingRecord::prepared_at`).
    pub fn prepared(&self, key: KeyId) -> Option<KeyPreparation> {
        self.record.prepared_at(key)
    }

    /// What the student asked to talk about alone with the teacher.
    pub fn alone_topics(&self) -> Vec<String> {
        self.record.alone_topics()
    }

    /// At a key, the lines of the box above the notes in view and in all, for a screen body
    /// of `body`.
    pub fn panel_rows(
        &self,
        body: ratatui::layout::Rect,
        texts: &Texts,
        theme: &Theme,
    ) -> Option<(u16, u16)> {
        super::MeetingScreen {
            state: self,
            texts,
            theme,
        }
        .panel_rows(body)
    }

    /// The text area that has the cursor, if the focus is on one.
    pub fn text_area(&self) -> Option<&TextArea<'static>> {
        match self.focus {
            Focus::Notes(k) => Some(&self.notes[k.index()]),
            Focus::Private => Some(&self.private),
            Focus::Detail(row) => self.detail_area(row),
            Focus::Examples(_) | Focus::Prepared(_) | Focus::Agreements | Focus::Concern(_) => None,
        }
    }

    pub(super) fn text_area_mut(&mut self) -> Option<&mut TextArea<'static>> {
        match self.focus {
            Focus::Notes(k) => Some(&mut self.notes[k.index()]),
            Focus::Private => Some(&mut self.private),
            Focus::Detail(DetailRow::Others) => Some(&mut self.details.others),
            Focus::Detail(DetailRow::Date) => Some(&mut self.details.date),
            Focus::Detail(DetailRow::Time) => Some(&mut self.details.time),
            Focus::Detail(DetailRow::Duration) => Some(&mut self.details.duration),
            _ => None,
        }
    }

    pub fn detail_area(&self, row: DetailRow) -> Option<&TextArea<'static>> {
        match row {
            DetailRow::Others => Some(&self.details.others),
            DetailRow::Date => Some(&self.details.date),
            DetailRow::Time => Some(&self.details.time),
            DetailRow::Duration => Some(&self.details.duration),
            DetailRow::Place | DetailRow::Present(_) | DetailRow::GuideLanguage => None,
        }
    }

    /// Shows the cursor only in the field that has the keyboard.
    pub(super) fn refresh_focus(&mut self, theme: &Theme) {
        let typing = self.popup.is_none() && self.phase == Phase::Conversation;
        let focus = self.focus;
        if let Part::Key(key) = focus.part() {
            self.last_key = key;
        }
        for key in KeyId::ALL {
            set_focus(
                &mut self.notes[key.index()],
                typing && focus == Focus::Notes(key),
                theme,
            );
        }
        set_focus(&mut self.private, typing && focus == Focus::Private, theme);
        let d = &mut self.details;
        for (row, area) in [
            (DetailRow::Others, &mut d.others),
            (DetailRow::Date, &mut d.date),
            (DetailRow::Time, &mut d.time),
            (DetailRow::Duration, &mut d.duration),
        ] {
            set_focus(area, typing && focus == Focus::Detail(row), theme);
        }
    }

    /// A typing or editing key for the field with the cursor; the record follows at once.
    pub fn type_key(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        let kind = match self.focus {
            Focus::Detail(_) => TextKind::OneLine,
            _ => TextKind::Lines,
        };
        self.edit_text(|area| editing::apply(area, kind, key));
    }

    /// Inserts pasted text at the cursor as one edit. On a list, it goes into the notes of
    /// that part, since pasted text is always meant to be kept.
    pub fn paste(&mut self, text: &str, theme: &Theme) {
        match self.focus {
            Focus::Examples(k) | Focus::Prepared(k) => self.focus = Focus::Notes(k),
            Focus::Concern(_) => self.focus = Focus::Private,
            Focus::Agreements => return,
            Focus::Detail(row) if !row.is_text() => self.focus = Focus::Detail(DetailRow::Others),
            _ => {}
        }
        self.refresh_focus(theme);
        let one_line = matches!(self.focus, Focus::Detail(_));
        self.edit_text(|area| {
            if one_line {
                area.insert_str(text.replace('\n', " "))
            } else {
                area.insert_str(text)
            }
        });
    }

    /// Applies `edit` to the focused text area and brings the record up to date with it.
    fn edit_text(&mut self, edit: impl FnOnce(&mut TextArea<'static>) -> bool) {
        let focus = self.focus;
        let Some(area) = self.text_area_mut() else {
            return;
        };
        if !edit(area) {
            return;
        }
        let text = text_of(area);
        match focus {
            Focus::Notes(k) => self.record.keys.get_mut(k).notes = text,
            Focus::Private => self.record.private_notes = text,
            Focus::Detail(DetailRow::Others) => self.record.present.others = text,
            // Date, time and duration are read when the teacher moves on.
            Focus::Detail(_) => {
                self.field_error = None;
                return;
            }
            _ => return,
        }
        self.changed();
    }

    pub fn popup_form(&mut self) -> Option<&mut Form> {
        match &mut self.popup {
            Some(Popup::Example { form, .. } | Popup::Agreement { form, .. }) => Some(form),
            _ => None,
        }
    }

    /// The read-back. Nobody has agreed yet: the teacher marks each person who does.
    pub fn start_finishing(&mut self) {
        self.nobody_confirmed = false;
        self.phase = Phase::Finishing {
            agreed: Vec::new(),
            scroll: 0,
        };
    }

    /// Marks or unmarks `role` as agreeing; false when that person was not at the meeting,
    /// who cannot have agreed to what was read back.
    pub fn toggle_agreed(&mut self, role: Role) -> bool {
        self.nobody_confirmed = false;
        if !self.record.present.is_present(role) {
            return false;
        }
        if let Phase::Finishing { agreed, .. } = &mut self.phase {
            if let Some(i) = agreed.iter().position(|r| *r == role) {
                agreed.remove(i);
            } else {
                agreed.push(role);
                agreed.sort_by_key(|r| Role::ALL.iter().position(|x| x == r));
            }
        }
        true
    }

    /// Marks the record final with who agreed; the caller writes it. With nobody marked as
    /// agreeing, the first call only asks for confirmation (`Finish::Confirm`).
    pub fn finish(&mut self, now: NaiveDateTime) -> Finish<'_> {
        let Phase::Finishing { agreed, .. } = &self.phase else {
            return Finish::Nothing;
        };
        if agreed.is_empty() && !std::mem::replace(&mut self.nobody_confirmed, true) {
            return Finish::Confirm;
        }
        let agreed = agreed.clone();
        self.record.time_spent_seconds = self.seconds_spent();
        self.record.open_form = None;
        self.record.finish(&agreed, now);
        self.phase = Phase::Saving;
        Finish::Save(&self.record)
    }

    /// Saving the final record failed: back to finishing, still a draft in memory.
    pub fn finish_failed(&mut self) {
        let agreed = self.record.unfinish();
        self.phase = Phase::Finishing { agreed, scroll: 0 };
    }

    pub fn scroll(&mut self, delta: i32) {
        if let Phase::Finishing { scroll, .. } | Phase::Finished { scroll, .. } = &mut self.phase {
            *scroll = u16::try_from((i32::from(*scroll) + delta).max(0)).unwrap_or(u16::MAX);
        }
    }

    /// Whether the record is final on disk (nothing left to save).
    pub fn is_final(&self) -> bool {
        self.record.status == RecordStatus::Final && matches!(self.phase, Phase::Finished { .. })
    }
}
