//! The meeting and the held-record view: what their actions do.

use super::{App, SaveStatus, Screen, now};
use crate::domain::{MeetingRecord, RecordStatus};
use crate::export::{Variant, to_markdown};
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::meeting::{Finish, MeetingState, Phase};

impl App {
    // ---- the meeting --------------------------------------------------------------------

    /// Opens `record` for editing; it is saved into the folder of placement `id`.
    pub(super) fn start_meeting(&mut self, id: &str, record: MeetingRecord) {
        let Some(guide) = self.guides.for_record(&record.guide.id, self.lang).cloned() else {
            self.message = Some((self.texts.err_no_guide.into(), true));
            return;
        };
        if !record.agreed.is_empty() {
            // Editing changes what people agreed to: they are asked again at the read-back.
            self.message = Some((self.texts.consent_cleared.into(), false));
        }
        self.touched = false;
        self.save_status = SaveStatus::Idle;
        self.screen = Screen::Meeting(Box::new(MeetingState::new(
            id,
            record,
            guide,
            self.texts,
            &self.theme,
        )));
    }

    pub(super) fn leave_meeting(&mut self) {
        self.save_open_meeting();
        if let Screen::Meeting(m) = &self.screen {
            let (id, moment) = (m.record.placement.id.clone(), m.moment());
            // The pick screen reads the files; what was just handed over must be on them.
            self.saver.flush();
            self.tick();
            self.release_lock();
            self.refresh_pick(&id, moment);
        }
    }

    pub(super) fn update_meeting(&mut self, action: Action) {
        let (t, theme) = (self.texts, self.theme);
        let context = self.context();
        let Screen::Meeting(m) = &mut self.screen else {
            return;
        };
        match context {
            Context::Confirm => match action {
                Action::Yes => m.delete_selected(),
                _ => m.close_popup(&theme),
            },
            Context::Form { .. } => {
                let Some(form) = m.popup_form() else { return };
                match action {
                    Action::Back if form.may_discard(t.form_unsaved) => m.close_popup(&theme),
                    Action::NextField => form.focus_next(&theme),
                    Action::PrevField => form.focus_prev(&theme),
                    Action::ChoiceNext => form.shift_choice(1),
                    Action::ChoicePrev => form.shift_choice(-1),
                    Action::Type(key) => {
                        form.type_key(key);
                    }
                    Action::Confirm => m.save_popup(t, &theme),
                    _ => {}
                }
            }
            Context::Typing => match action {
                Action::StopTyping => m.stop_typing(&theme),
                Action::NextField => m.next_section(&theme),
                Action::PrevField => m.prev_section(&theme),
                Action::SaveNow => self.save_now(),
                Action::Type(key) => m.type_key(key),
                _ => {}
            },
            Context::Browse => match action {
                Action::Back => self.leave_meeting(),
                Action::NextField => m.next_section(&theme),
                Action::PrevField => m.prev_section(&theme),
                Action::GoToSection(i) => m.go_to(i, &theme),
                Action::Up => m.move_selection(false),
                Action::Down => m.move_selection(true),
                Action::StartTyping => m.open_selected(t, &theme),
                Action::AddExample => m.add_example(t, &theme),
                Action::AddAgreement => m.add_agreement(t, &theme),
                Action::DeleteSelected => m.ask_delete(),
                Action::ToggleSelected => m.toggle_selected(),
                Action::Finish => m.start_finishing(),
                Action::SaveNow => self.save_now(),
                _ => {}
            },
            Context::Finishing => match action {
                Action::Back if m.phase != Phase::Saving => m.phase = Phase::Conversation,
                Action::Up => m.scroll(-1),
                Action::Down => m.scroll(1),
                Action::PageUp => m.scroll(-10),
                Action::PageDown => m.scroll(10),
                Action::ToggleAgreed(role) => {
                    let marked = m.toggle_agreed(role);
                    let absent = fill(t.consent_absent, &[t.role(role)]);
                    self.message = (!marked).then_some((absent, true));
                }
                Action::Confirm => {
                    let (id, moment) = (m.folder.clone(), m.moment());
                    match m.finish(now()) {
                        Finish::Save(record) => self.saver.save_final(&id, moment, record),
                        Finish::Confirm => {
                            self.message = Some((t.finish_nobody_agreed.into(), true));
                        }
                        Finish::Nothing => {}
                    }
                }
                _ => {}
            },
            Context::Finished => match action {
                Action::Back => self.leave_meeting(),
                Action::Up => m.scroll(-1),
                Action::Down => m.scroll(1),
                Action::PageUp => m.scroll(-10),
                Action::PageDown => m.scroll(10),
                Action::ExportShared => {
                    let record = m.record.clone();
                    self.export_shared(&record);
                }
                _ => {}
            },
            _ => {}
        }
    }

    pub(super) fn save_now(&mut self) {
        if let Screen::Meeting(m) = &mut self.screen {
            self.touched = true;
            self.save_status = SaveStatus::Pending;
            self.saver
                .save_draft(&m.folder.clone(), m.moment(), m.snapshot());
            self.saver.flush();
            self.tick();
        }
    }

    pub(super) fn export_shared(&self, record: &MeetingRecord) {
        let Some(guide) = self.guides.for_record(&record.guide.id, self.lang) else {
            return;
        };
        let text = to_markdown(record, guide, Variant::Shared) + "\n";
        let dir = self.store.placement_dir(&record.placement.id);
        let path = dir.join(format!("{}.shared.md", record.moment.code()));
        self.saver.write_file(path, text);
    }

    // ---- viewing a held record ------------------------------------------------------------

    pub(super) fn update_view(&mut self, action: Action) {
        let Screen::View(view) = &mut self.screen else {
            return;
        };
        match action {
            Action::Up => view.scroll = view.scroll.saturating_sub(1),
            Action::Down => view.scroll = view.scroll.saturating_add(1),
            Action::PageUp => view.scroll = view.scroll.saturating_sub(10),
            Action::PageDown => view.scroll = view.scroll.saturating_add(10),
            Action::Back => {
                let (id, moment) = (view.record.placement.id.clone(), view.record.moment);
                self.refresh_pick(&id, moment);
            }
            Action::EditAgain if view.read_only => {}
            Action::ExportShared if view.record.status != RecordStatus::Final => {
                // Only a record everyone agreed to is shared; a draft seen from another window
                // must never overwrite the shared file of the agreed one.
                self.message = Some((self.texts.export_draft_refused.into(), true));
            }
            Action::ExportShared => {
                let record = view.record.clone();
                self.export_shared(&record);
            }
            Action::EditAgain => {
                let (id, moment) = (view.record.placement.id.clone(), view.record.moment);
                self.edit_again(&id, moment);
            }
            _ => {}
        }
    }
}
