use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDateTime;
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::forms;
use crate::domain::{
    AgreementStatus, Example, Guide, KeyId, MeetingRecord, Moment, OpenForm, Place, RecordStatus,
    Role,
};
use crate::i18n::Texts;
use crate::tui::form::{Form, set_focus, text_area, text_of};
use crate::tui::theme::Theme;

/// The parts of a meeting, in the order Tab walks through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Key(KeyId),
    Agreements,
    Details,
    Private,
}

impl Section {
    pub const ALL: [Self; 7] = [
        Self::Key(KeyId::LearningProcesses),
        Self::Key(KeyId::LearningPotential),
        Self::Key(KeyId::TrainerJudgement),
        Self::Key(KeyId::GuidanceChoices),
        Self::Agreements,
        Self::Details,
        Self::Private,
    ];

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// Rows of the details section, in order.
pub const DETAIL_ROWS: usize = 5;
const DETAIL_OTHERS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Typing,
}

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

pub struct MeetingState {
    /// The placement folder the meeting was opened from: every save goes there, whatever
    /// the record itself says.
    pub folder: String,
    pub record: MeetingRecord,
    pub guide: Guide,
    pub section: Section,
    pub mode: Mode,
    pub notes: [TextArea<'static>; 4],
    pub private: TextArea<'static>,
    pub others: TextArea<'static>,
    /// The selected row per section, indexed like `Section::ALL`.
    pub selection: [usize; 7],
    pub popup: Option<Popup>,
    pub phase: Phase,
    opened: Instant,
    base_seconds: u64,
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
        texts: &Texts,
        theme: &Theme,
    ) -> Self {
        // Reopening a final record to edit it makes it a draft again until it is finished,
        // and what people agreed to was the old text: they agree again at the read-back.
        if record.status == RecordStatus::Final {
            record.status = RecordStatus::Draft;
            record.agreed.clear();
            record.finished_at = None;
        }
        let notes =
            KeyId::ALL.map(|k| text_area(&record.keys.get(k).notes, texts.notes_placeholder));
        let private = text_area(&record.private_notes, texts.private_placeholder);
        let others = text_area(&record.present.others, texts.others_placeholder);
        let base_seconds = record.time_spent_seconds;
        let open_form = record.open_form.take();
        let mut state = Self {
            folder: folder.to_string(),
            record,
            guide,
            section: Section::ALL[0],
            mode: Mode::Typing,
            notes,
            private,
            others,
            selection: [0; 7],
            popup: None,
            phase: Phase::Conversation,
            opened: Instant::now(),
            base_seconds,
            dirty: false,
            nobody_confirmed: false,
        };
        if let Some(open) = open_form {
            state.reopen_form(&open, texts, theme);
        }
        state.refresh_focus(theme);
        state
    }

    /// Opens the pop-up that was open when the draft was saved, with what was typed in it.
    fn reopen_form(&mut self, open: &OpenForm, texts: &Texts, theme: &Theme) {
        self.mode = Mode::Browse;
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
                self.section = Section::Key(*key);
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
            } => {
                self.section = Section::Agreements;
                let form = forms::agreement_form_as_typed(what, *who, due, *status, texts, theme);
                Popup::Agreement {
                    index: *index,
                    form,
                }
            }
        });
    }

    /// The open pop-up as it stands, for the draft.
    fn open_form(&self) -> Option<OpenForm> {
        match &self.popup {
            Some(Popup::Example { key, index, form }) => {
                let e = forms::example_as_typed(form, &self.guide, self.moment(), *key);
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
                let (what, who, due, status) = forms::agreement_as_typed(form);
                Some(OpenForm::Agreement {
                    index: *index,
                    what,
                    who,
                    due,
                    status,
                })
            }
            Some(Popup::ConfirmDelete) | None => None,
        }
    }

    pub fn moment(&self) -> Moment {
        self.record.moment
    }

    pub fn seconds_spent(&self) -> u64 {
        self.base_seconds + self.opened.elapsed().as_secs()
    }

    /// True once after the record (or an open pop-up) changed; the caller then hands it to
    /// the draft saver.
    pub fn take_dirty(&mut self) -> bool {
        let form_changed = self.popup_form().is_some_and(Form::take_changed);
        std::mem::take(&mut self.dirty) | form_changed
    }

    /// The record as it should be saved now: the time spent brought up to date, and any open
    /// pop-up with what is typed in it.
    pub fn snapshot(&mut self) -> &MeetingRecord {
        self.record.time_spent_seconds = self.seconds_spent();
        self.record.open_form = self.open_form();
        &self.record
    }

    /// Marks the record as changed, so the caller hands it to the saver.
    pub fn changed(&mut self) {
        self.dirty = true;
    }

    pub fn selected(&self) -> usize {
        self.selection[self.section.index()]
    }

    /// How many rows the current section has to select from.
    pub fn row_count(&self) -> usize {
        match self.section {
            Section::Key(k) => 1 + self.record.keys.get(k).examples.len(),
            Section::Agreements => self.record.agreements.len(),
            Section::Details => DETAIL_ROWS,
            Section::Private => 1,
        }
    }

    fn typing_area(&mut self) -> Option<&mut TextArea<'static>> {
        match (self.section, self.selected()) {
            (Section::Key(k), _) => Some(&mut self.notes[k.index()]),
            (Section::Private, _) => Some(&mut self.private),
            (Section::Details, DETAIL_OTHERS) => Some(&mut self.others),
            _ => None,
        }
    }

    fn refresh_focus(&mut self, theme: &Theme) {
        let typing = self.mode == Mode::Typing && self.popup.is_none();
        let (section, row) = (self.section, self.selected());
        for key in KeyId::ALL {
            set_focus(
                &mut self.notes[key.index()],
                typing && section == Section::Key(key),
                theme,
            );
        }
        set_focus(
            &mut self.private,
            typing && section == Section::Private,
            theme,
        );
        set_focus(
            &mut self.others,
            typing && section == Section::Details && row == DETAIL_OTHERS,
            theme,
        );
    }

    pub fn go_to(&mut self, index: usize, theme: &Theme) {
        let Some(section) = Section::ALL.get(index) else {
            return;
        };
        self.section = *section;
        if self.mode == Mode::Typing {
            if let Section::Key(_) | Section::Private = self.section {
                self.selection[index] = 0;
            } else {
                self.mode = Mode::Browse;
            }
        }
        self.refresh_focus(theme);
    }

    pub fn next_section(&mut self, theme: &Theme) {
        self.go_to((self.section.index() + 1) % Section::ALL.len(), theme);
    }

    pub fn prev_section(&mut self, theme: &Theme) {
        let n = Section::ALL.len();
        self.go_to((self.section.index() + n - 1) % n, theme);
    }

    pub fn move_selection(&mut self, down: bool) {
        let rows = self.row_count();
        let slot = &mut self.selection[self.section.index()];
        *slot = if down {
            (*slot + 1).min(rows.saturating_sub(1))
        } else {
            slot.saturating_sub(1)
        };
    }

    /// Enter in browse mode: type in the notes, or open what is selected.
    pub fn open_selected(&mut self, texts: &Texts, theme: &Theme) {
        let row = self.selected();
        match self.section {
            Section::Key(key) if row > 0 => {
                let example = self.record.keys.get(key).examples.get(row - 1).cloned();
                let form = forms::example_form(
                    &self.guide,
                    self.moment(),
                    key,
                    example.as_ref(),
                    texts,
                    theme,
                );
                self.popup = Some(Popup::Example {
                    key,
                    index: Some(row - 1),
                    form,
                });
            }
            Section::Agreements if self.record.agreements.is_empty() => {
                self.add_agreement(texts, theme)
            }
            Section::Agreements => {
                let form = forms::agreement_form(self.record.agreements.get(row), texts, theme);
                self.popup = Some(Popup::Agreement {
                    index: Some(row),
                    form,
                });
            }
            Section::Details if row != DETAIL_OTHERS => self.toggle_selected(),
            _ => self.mode = Mode::Typing,
        }
        self.refresh_focus(theme);
    }

    pub fn stop_typing(&mut self, theme: &Theme) {
        self.mode = Mode::Browse;
        self.refresh_focus(theme);
    }

    /// A key for the focused notes area; the record follows the text at once.
    pub fn type_key(&mut self, key: KeyEvent) {
        self.edit_text(|area| area.input(key));
    }

    /// Applies `edit` to the focused text area and brings the record up to date with it.
    fn edit_text(&mut self, edit: impl FnOnce(&mut TextArea<'static>) -> bool) {
        let (section, row) = (self.section, self.selected());
        let Some(area) = self.typing_area() else {
            return;
        };
        if !edit(area) {
            return;
        }
        let text = text_of(area);
        match (section, row) {
            (Section::Key(k), _) => self.record.keys.get_mut(k).notes = text,
            (Section::Private, _) => self.record.private_notes = text,
            (Section::Details, DETAIL_OTHERS) => self.record.present.others = text,
            _ => return,
        }
        self.changed();
    }

    /// Inserts pasted text at the cursor as one edit. From the list of a section with notes,
    /// it goes into those notes.
    pub fn paste(&mut self, text: &str, theme: &Theme) {
        if self.mode == Mode::Browse {
            match self.section {
                Section::Key(_) | Section::Private => {
                    self.selection[self.section.index()] = 0;
                }
                Section::Details => self.selection[self.section.index()] = DETAIL_OTHERS,
                Section::Agreements => return,
            }
            self.mode = Mode::Typing;
            self.refresh_focus(theme);
        }
        self.edit_text(|area| area.insert_str(text));
    }

    pub fn add_example(&mut self, texts: &Texts, theme: &Theme) {
        let key = match self.section {
            Section::Key(key) => key,
            _ => KeyId::LearningProcesses,
        };
        let form = forms::example_form(&self.guide, self.moment(), key, None, texts, theme);
        self.popup = Some(Popup::Example {
            key,
            index: None,
            form,
        });
        self.refresh_focus(theme);
    }

    pub fn add_agreement(&mut self, texts: &Texts, theme: &Theme) {
        let form = forms::agreement_form(None, texts, theme);
        self.popup = Some(Popup::Agreement { index: None, form });
        self.refresh_focus(theme);
    }

    /// Saves the open pop-up into the record; leaves it open with a message when it is not
    /// complete.
    pub fn save_popup(&mut self, texts: &Texts, theme: &Theme) {
        match self.popup.take() {
            Some(Popup::Example {
                key,
                index,
                mut form,
            }) => match forms::read_example(&form, &self.guide, self.moment(), key, texts) {
                Ok(example) => {
                    let examples = &mut self.record.keys.get_mut(key).examples;
                    let at = match index {
                        Some(i) if i < examples.len() => {
                            examples[i] = example;
                            i
                        }
                        _ => {
                            examples.push(example);
                            examples.len() - 1
                        }
                    };
                    self.section = Section::Key(key);
                    self.selection[self.section.index()] = at + 1;
                    self.mode = Mode::Browse;
                    self.changed();
                }
                Err(message) => {
                    form.error = Some(message);
                    self.popup = Some(Popup::Example { key, index, form });
                }
            },
            Some(Popup::Agreement { index, mut form }) => match forms::read_agreement(&form, texts)
            {
                Ok(mut agreement) => {
                    let list = &mut self.record.agreements;
                    let at = match index {
                        Some(i) if i < list.len() => {
                            agreement.carried_from = list[i].carried_from;
                            list[i] = agreement;
                            i
                        }
                        _ => {
                            list.push(agreement);
                            list.len() - 1
                        }
                    };
                    self.section = Section::Agreements;
                    self.selection[self.section.index()] = at;
                    self.mode = Mode::Browse;
                    self.changed();
                }
                Err(message) => {
                    form.error = Some(message);
                    self.popup = Some(Popup::Agreement { index, form });
                }
            },
            other => self.popup = other,
        }
        self.refresh_focus(theme);
    }

    pub fn close_popup(&mut self, theme: &Theme) {
        if matches!(
            self.popup,
            Some(Popup::Example { .. } | Popup::Agreement { .. })
        ) {
            // The draft held the form's text; now it must not.
            self.changed();
        }
        self.popup = None;
        self.refresh_focus(theme);
    }

    pub fn popup_form(&mut self) -> Option<&mut Form> {
        match &mut self.popup {
            Some(Popup::Example { form, .. } | Popup::Agreement { form, .. }) => Some(form),
            _ => None,
        }
    }

    /// Asks before deleting the selected example or agreement.
    pub fn ask_delete(&mut self) {
        let deletable = match self.section {
            Section::Key(_) => self.selected() > 0,
            Section::Agreements => !self.record.agreements.is_empty(),
            _ => false,
        };
        if deletable {
            self.popup = Some(Popup::ConfirmDelete);
        }
    }

    pub fn delete_selected(&mut self) {
        self.popup = None;
        let row = self.selected();
        match self.section {
            Section::Key(k) if row > 0 => {
                let examples = &mut self.record.keys.get_mut(k).examples;
                if row - 1 < examples.len() {
                    examples.remove(row - 1);
                }
            }
            Section::Agreements if row < self.record.agreements.len() => {
                self.record.agreements.remove(row);
            }
            _ => return,
        }
        let rows = self.row_count();
        self.selection[self.section.index()] = row.min(rows.saturating_sub(1));
        self.changed();
    }

    /// Space in browse mode: an agreement's status, a presence or the place.
    pub fn toggle_selected(&mut self) {
        let row = self.selected();
        match self.section {
            Section::Agreements => {
                if let Some(a) = self.record.agreements.get_mut(row) {
                    a.status = match a.status {
                        AgreementStatus::Open => AgreementStatus::Done,
                        _ => AgreementStatus::Open,
                    };
                }
            }
            Section::Details => match row {
                0 => {
                    let i = Place::ALL
                        .iter()
                        .position(|p| *p == self.record.place)
                        .unwrap_or(0);
                    self.record.place = Place::ALL[(i + 1) % Place::ALL.len()];
                }
                1..=3 => self.record.present.toggle(Role::ALL[row - 1]),
                _ => return,
            },
            _ => return,
        }
        self.changed();
    }

    /// The read-back. Nobody has agreed yet: the teacher marks each person who does.
    pub fn start_finishing(&mut self) {
        self.mode = Mode::Browse;
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
        self.record.finish(&agreed, now);
        self.phase = Phase::Saving;
        Finish::Save(&self.record)
    }

    /// Saving the final record failed: back to finishing, still a draft in memory.
    pub fn finish_failed(&mut self) {
        self.record.status = RecordStatus::Draft;
        self.record.finished_at = None;
        let agreed = self.record.agreed.drain(..).map(|c| c.who).collect();
        self.phase = Phase::Finishing { agreed, scroll: 0 };
    }

    pub fn scroll(&mut self, delta: i32) {
        if let Phase::Finishing { scroll, .. } | Phase::Finished { scroll, .. } = &mut self.phase {
            *scroll = u16::try_from((i32::from(*scroll) + delta).max(0)).unwrap_or(u16::MAX);
        }
    }
}
