//! What the meeting screen does with an action: the keys' meaning for each field, pop-up and
//! phase, and what it asks of the application.

use chrono::{NaiveDate, NaiveDateTime};

use super::focus::{DetailRow, Focus, Part};
use super::forms;
use super::state::{Finish, MeetingState, Phase, Popup};
use crate::domain::{KeyId, Place};
use crate::i18n::{Texts, fill};
use crate::tui::action::Action;
use crate::tui::dates;
use crate::tui::effect::Effect;
use crate::tui::keys::KeyContext;
use crate::tui::theme::Theme;

/// New agreements beyond this many get a gentle word: a short list is kept, a long one is
/// not.
const AGREEMENTS_KEPT: usize = 3;

/// What the meeting needs from outside to handle a key.
pub struct Cx<'a> {
    pub t: &'static Texts,
    pub theme: &'a Theme,
    pub now: NaiveDateTime,
    /// Where the screen was drawn last, for what depends on the room (a page of lines).
    pub body: Option<ratatui::layout::Rect>,
}

impl Cx<'_> {
    fn today(&self) -> NaiveDate {
        self.now.date()
    }
}

impl MeetingState {
    pub fn context(&self) -> KeyContext {
        match (&self.phase, &self.popup) {
            (Phase::Conversation, Some(Popup::GoTo { .. })) => KeyContext::GoTo,
            (Phase::Conversation, Some(Popup::ConfirmDelete)) => KeyContext::ConfirmDelete,
            (
                Phase::Conversation,
                Some(Popup::Example { form, .. } | Popup::Agreement { form, .. }),
            ) if form.is_text_focused() => KeyContext::FormText,
            (Phase::Conversation, Some(_)) => KeyContext::FormChoice,
            (Phase::Conversation, None) => match self.focus {
                Focus::Notes(_) | Focus::Private => KeyContext::MeetingNotes,
                Focus::Detail(row) if row.is_text() => KeyContext::MeetingLine,
                Focus::Detail(_) => KeyContext::MeetingChoice,
                Focus::Examples(_) | Focus::Agreements => KeyContext::MeetingList,
                Focus::Prepared(_) => KeyContext::PreparedList,
                Focus::Concern(_) => KeyContext::MeetingChoice,
            },
            (Phase::Finishing { .. } | Phase::Saving, _) => KeyContext::ReadBack,
            (Phase::Finished { .. }, _) => KeyContext::Finished,
        }
    }

    /// Whether `action` does something here now; the footer shows only those.
    pub fn offers(&self, action: Action) -> bool {
        let context = self.context();
        if let (
            Phase::Conversation,
            Some(Popup::Example { form, .. } | Popup::Agreement { form, .. }),
        ) = (&self.phase, &self.popup)
        {
            return form.offers(action);
        }
        match action {
            Action::ShowEarlier(show) => self.has_earlier() && self.show_earlier != show,
            Action::AddExample => matches!(self.part(), Part::Key(_)),
            Action::PageUp | Action::PageDown if context == KeyContext::MeetingNotes => {
                matches!(self.focus, Focus::Notes(_))
            }
            Action::Up
            | Action::Down
            | Action::Open
            | Action::DeleteSelected
            | Action::TakeOver
                if matches!(context, KeyContext::MeetingList | KeyContext::PreparedList) =>
            {
                self.list_len() > 0
            }
            Action::Back if context == KeyContext::ReadBack => self.phase != Phase::Saving,
            Action::ChoiceNext | Action::ChoicePrev
                if self.focus == Focus::Detail(DetailRow::GuideLanguage) =>
            {
                self.record.status == crate::domain::RecordStatus::Draft
            }
            Action::Export | Action::CopyPath => true,
            _ => true,
        }
    }

    /// Whether an earlier meeting of this placement said anything under a key.
    pub fn has_earlier(&self) -> bool {
        self.earlier
            .iter()
            .any(|r| KeyId::ALL.iter().any(|k| !r.keys.get(*k).is_empty()))
    }

    fn list_len(&self) -> usize {
        match self.focus {
            Focus::Examples(k) => self.record.keys.get(k).examples.len(),
            Focus::Prepared(k) => self.prepared(k).map_or(0, |p| p.examples.len()),
            Focus::Agreements => self.record.agreements.len(),
            _ => 0,
        }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        if !matches!(action, Action::TypeAside(_)) {
            self.letter_choice = None;
        }
        let effect = match (&self.phase, &self.popup) {
            (Phase::Conversation, Some(Popup::GoTo { .. })) => self.update_go_to(action, cx),
            (Phase::Conversation, Some(Popup::ConfirmDelete)) => {
                if action == Action::Yes {
                    self.delete_selected();
                }
                self.popup = None;
                Effect::None
            }
            (Phase::Conversation, Some(_)) => self.update_form(action, cx),
            (Phase::Conversation, None) => self.update_conversation(action, cx),
            (Phase::Finishing { .. } | Phase::Saving, _) => self.update_read_back(action, cx),
            (Phase::Finished { .. }, _) => match action {
                Action::Back => Effect::Back,
                Action::Export => Effect::Export,
                Action::CopyPath => Effect::CopyPath,
                _ => {
                    self.scroll_by(action);
                    Effect::None
                }
            },
        };
        self.refresh_focus(cx.theme);
        effect
    }

    fn update_go_to(&mut self, action: Action, cx: &Cx) -> Effect {
        let Some(Popup::GoTo { selected }) = &mut self.popup else {
            return Effect::None;
        };
        let target = match action {
            Action::Up => {
                *selected = selected.saturating_sub(1);
                None
            }
            Action::Down => {
                *selected = (*selected + 1).min(Part::ALL.len() - 1);
                None
            }
            Action::Open => Some(*selected),
            Action::Choose(n) => n.checked_sub(1),
            _ => {
                self.popup = None;
                None
            }
        };
        if let Some(part) = target.and_then(|i| Part::ALL.get(i)) {
            self.popup = None;
            if self.leave_field(cx) {
                self.focus = part.first_field();
                self.panel_scroll = 0;
            }
        }
        Effect::None
    }

    fn update_form(&mut self, action: Action, cx: &Cx) -> Effect {
        let (t, theme) = (cx.t, cx.theme);
        let Some(form) = self.popup_form() else {
            return Effect::None;
        };
        match action {
            Action::Back if form.may_discard(t.form_unsaved) => self.close_popup(),
            Action::NextField | Action::MoveOn => form.focus_next(theme),
            Action::PrevField => form.focus_prev(theme),
            Action::ChoiceNext => form.shift_choice(1),
            Action::ChoicePrev => form.shift_choice(-1),
            Action::Type(key) => {
                form.type_key(key);
            }
            Action::TypeAside(key) => {
                if let Some(label) = form.type_aside(key, theme) {
                    let field = fill(t.aside_field, &[label.trim_end_matches(':')]);
                    return Effect::Say(fill(t.typed_aside, &[&field]), false);
                }
            }
            Action::SaveForm | Action::SaveFromLastField => return self.save_popup(cx),
            _ => {}
        }
        Effect::None
    }

    fn update_conversation(&mut self, action: Action, cx: &Cx) -> Effect {
        let t = cx.t;
        match action {
            Action::Type(key) => self.type_key(key),
            Action::TypeAside(key) => return self.type_aside(key, cx),
            Action::NextField | Action::PrevField if self.leave_field(cx) => {
                self.step_focus(action == Action::NextField);
            }
            Action::GoToPart => {
                self.popup = Some(Popup::GoTo {
                    selected: self.part().index(),
                });
            }
            Action::Up | Action::Down => self.move_row(action == Action::Down),
            Action::Open => self.open_selected(cx),
            Action::TakeOver => return self.take_over(cx),
            Action::DeleteSelected if self.list_len() > 0 => {
                self.popup = Some(Popup::ConfirmDelete)
            }
            Action::ChoiceNext | Action::ChoicePrev
                if self.focus == Focus::Detail(DetailRow::GuideLanguage) =>
            {
                return Effect::SwitchGuideLanguage;
            }
            Action::ChoiceNext | Action::ChoicePrev => {
                self.change_detail(action == Action::ChoiceNext)
            }
            Action::AddExample => {
                if let Part::Key(key) = self.part() {
                    self.open_example(key, None, cx);
                }
            }
            Action::AddAgreement if self.leave_field(cx) => {
                let form = forms::agreement_form(None, t, cx.theme, |d| dates::show_date(t, d));
                self.popup = Some(Popup::Agreement { index: None, form });
            }
            Action::ShowEarlier(show) => {
                self.show_earlier = show;
                self.panel_scroll = 0;
            }
            Action::PageUp | Action::PageDown => self.page_panel(action == Action::PageDown, cx),
            Action::Finish if self.leave_field(cx) => self.start_finishing(),
            Action::SaveNow => return Effect::SaveNow,
            Action::Back => {
                // Leaving never loses text: what cannot be read stays as the field was.
                self.leave_field(cx);
                return Effect::Back;
            }
            _ => {}
        }
        match self.field_error.take() {
            Some(error) => Effect::Say(error, true),
            None => Effect::None,
        }
    }

    fn update_read_back(&mut self, action: Action, cx: &Cx) -> Effect {
        let t = cx.t;
        match action {
            Action::Back if self.phase != Phase::Saving => {
                self.phase = Phase::Conversation;
                Effect::None
            }
            Action::ToggleAgreed(role) => {
                if self.toggle_agreed(role) {
                    Effect::None
                } else {
                    Effect::Say(fill(t.consent_absent, &[t.role(role)]), true)
                }
            }
            Action::TypeAside(key) => self.type_aside(key, cx),
            Action::Open => match self.finish(cx.now) {
                Finish::Save(_) => Effect::SaveFinal,
                Finish::Confirm => Effect::Say(t.finish_nobody_agreed.into(), true),
                Finish::Nothing => Effect::None,
            },
            _ => {
                self.scroll_by(action);
                Effect::None
            }
        }
    }

    /// Scrolls the box above the notes by what it shows at once, so that every line comes
    /// into view, and no further than its last line.
    fn page_panel(&mut self, down: bool, cx: &Cx) {
        let (shown, needed) = cx
            .body
            .and_then(|body| self.panel_rows(body, cx.t, cx.theme))
            .unwrap_or((4, u16::MAX));
        let page = shown.max(1);
        let last = needed.saturating_sub(shown);
        self.panel_scroll = if down {
            self.panel_scroll.saturating_add(page).min(last)
        } else {
            self.panel_scroll.min(last).saturating_sub(page)
        };
    }

    fn scroll_by(&mut self, action: Action) {
        match action {
            Action::Up => self.scroll(-1),
            Action::Down => self.scroll(1),
            Action::PageUp => self.scroll(-10),
            Action::PageDown => self.scroll(10),
            _ => {}
        }
    }

    /// Moves to the next or previous field in Tab order, wrapping around.
    fn step_focus(&mut self, forward: bool) {
        let order = self.focus_order();
        let n = order.len();
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        if order[next].part() != self.part() {
            self.panel_scroll = 0;
        }
        self.focus = order[next];
        // The duration shows the clock as it is now, not as it was when the meeting opened.
        if self.focus == Focus::Detail(DetailRow::Duration) {
            let minutes = self.seconds_spent().div_ceil(60).to_string();
            self.details.duration = crate::tui::form::text_area(&minutes, "");
        }
        // Arriving in the date, time or duration selects it, so typing replaces it.
        self.detail_on_arrival = None;
        if let Focus::Detail(DetailRow::Date | DetailRow::Time | DetailRow::Duration) = self.focus
            && let Some(area) = self.text_area_mut()
        {
            area.select_all();
            self.detail_on_arrival = Some(area.lines().join(" "));
        }
    }

    /// Reads a typed date, time or duration into the record as the teacher moves on. False
    /// (with the reason in `field_error`) when it cannot be read: the cursor stays.
    fn leave_field(&mut self, cx: &Cx) -> bool {
        let t = cx.t;
        let Focus::Detail(row) = self.focus else {
            return true;
        };
        let Some(area) = self.detail_area(row) else {
            return true;
        };
        let typed = area.lines().join(" ");
        if self.detail_on_arrival.as_deref() == Some(typed.as_str()) {
            return true;
        }
        match row {
            DetailRow::Date => match dates::parse_date(&typed, cx.today()) {
                Ok(Some(date)) => {
                    if date != self.record.date {
                        self.record.date = date;
                        self.changed();
                    }
                    self.details.date = crate::tui::form::text_area(&dates::show_date(t, date), "");
                }
                _ => {
                    self.field_error = Some(fill(t.form_bad_date_typed, &[typed.trim()]));
                    return false;
                }
            },
            DetailRow::Time => match dates::parse_time(&typed) {
                Ok(time) => {
                    if time != self.record.time {
                        self.record.time = time;
                        self.changed();
                    }
                    let shown = time.format("%H:%M").to_string();
                    self.details.time = crate::tui::form::text_area(&shown, "");
                }
                Err(()) => {
                    self.field_error = Some(fill(t.form_bad_time, &[typed.trim()]));
                    return false;
                }
            },
            DetailRow::Duration => match dates::parse_minutes(&typed) {
                Ok(minutes) => {
                    if u64::from(minutes) * 60 != self.seconds_spent() {
                        self.set_duration(minutes);
                        self.changed();
                    }
                }
                Err(()) => {
                    self.field_error = Some(fill(t.form_bad_duration, &[typed.trim()]));
                    return false;
                }
            },
            _ => {}
        }
        true
    }

    fn move_row(&mut self, down: bool) {
        let len = self.list_len();
        let row = match self.focus {
            Focus::Examples(k) => &mut self.example_row[k.index()],
            Focus::Prepared(k) => &mut self.prepared_row[k.index()],
            Focus::Agreements => &mut self.agreement_row,
            _ => return,
        };
        *row = if down {
            (*row + 1).min(len.saturating_sub(1))
        } else {
            row.saturating_sub(1)
        };
    }

    /// Enter on a list: open the selected example or agreement.
    fn open_selected(&mut self, cx: &Cx) {
        let t = cx.t;
        match self.focus {
            Focus::Examples(key) => {
                let row = self.example_row[key.index()];
                self.open_example(key, Some(row), cx);
            }
            Focus::Agreements => {
                let row = self.agreement_row;
                let form =
                    forms::agreement_form(self.record.agreements.get(row), t, cx.theme, |d| {
                        dates::show_date(t, d)
                    });
                self.popup = Some(Popup::Agreement {
                    index: Some(row),
                    form,
                });
            }
            _ => {}
        }
    }

    /// Takes the selected prepared example into the key's examples, as whoever gave it.
    fn take_over(&mut self, cx: &Cx) -> Effect {
        let Focus::Prepared(key) = self.focus else {
            return Effect::None;
        };
        let row = self.prepared_row[key.index()];
        let Some(example) = self
            .prepared(key)
            .and_then(|p| p.examples.get(row).cloned())
        else {
            return Effect::None;
        };
        let examples = &self.record.keys.get(key).examples;
        if examples.iter().any(|e| e.text == example.text) {
            return Effect::Say(cx.t.prepared_already_taken.into(), false);
        }
        let at = self.record.upsert_example(key, None, example);
        self.example_row[key.index()] = at;
        self.changed();
        Effect::Say(cx.t.prepared_taken.into(), false)
    }

    fn open_example(&mut self, key: KeyId, index: Option<usize>, cx: &Cx) {
        let example = index.and_then(|i| self.record.keys.get(key).examples.get(i).cloned());
        let form = forms::example_form(
            &self.guide,
            self.moment(),
            key,
            example.as_ref(),
            cx.t,
            cx.theme,
        );
        self.popup = Some(Popup::Example { key, index, form });
    }

    /// Saves the open pop-up into the record; leaves it open with a message when it is not
    /// complete.
    fn save_popup(&mut self, cx: &Cx) -> Effect {
        let (t, theme) = (cx.t, cx.theme);
        let today = cx.today();
        match self.popup.take() {
            Some(Popup::Example {
                key,
                index,
                mut form,
            }) => match forms::read_example(&form, t) {
                Ok(example) => {
                    // The keyboard goes back where the pop-up was opened from, so the
                    // teacher who goes on typing types on in the notes.
                    let at = self.record.upsert_example(key, index, example);
                    self.example_row[key.index()] = at;
                    self.changed();
                }
                Err(message) => {
                    form.error = Some(message);
                    self.popup = Some(Popup::Example { key, index, form });
                }
            },
            Some(Popup::Agreement { index, mut form }) => {
                let parse = |text: &str| match dates::parse_date(text, today) {
                    Ok(date) => date.map(Ok),
                    Err(()) => Some(Err(fill(t.form_bad_date_typed, &[text.trim()]))),
                };
                match forms::read_agreement(&form, t, parse) {
                    Ok(agreement) => {
                        let at = self.record.upsert_agreement(index, agreement);
                        self.agreement_row = at;
                        self.changed();
                        if index.is_none() && self.record.new_agreements() > AGREEMENTS_KEPT {
                            let count = self.record.new_agreements().to_string();
                            return Effect::Say(fill(t.agreements_many, &[&count]), false);
                        }
                    }
                    Err((field, message)) => {
                        form.error = Some(message);
                        form.focus_field(field, theme);
                        self.popup = Some(Popup::Agreement { index, form });
                    }
                }
            }
            other => self.popup = other,
        }
        Effect::None
    }

    fn close_popup(&mut self) {
        if matches!(
            self.popup,
            Some(Popup::Example { .. } | Popup::Agreement { .. })
        ) {
            // The draft held the form's text; now it must not.
            self.changed();
        }
        self.popup = None;
    }

    fn delete_selected(&mut self) {
        let removed = match self.focus {
            Focus::Examples(k) => {
                let row = self.example_row[k.index()];
                let removed = self.record.remove_example(k, row);
                let left = self.record.keys.get(k).examples.len();
                self.example_row[k.index()] = row.min(left.saturating_sub(1));
                if left == 0 {
                    self.focus = Focus::Notes(k);
                }
                removed
            }
            Focus::Agreements => {
                let removed = self.record.remove_agreement(self.agreement_row);
                let left = self.record.agreements.len();
                self.agreement_row = self.agreement_row.min(left.saturating_sub(1));
                removed
            }
            _ => false,
        };
        if removed {
            self.changed();
        }
    }

    /// Space or an arrow on a detail: the next place, or someone present or not.
    fn change_detail(&mut self, forward: bool) {
        match self.focus {
            Focus::Detail(DetailRow::Place) => {
                let n = Place::ALL.len();
                let i = Place::ALL
                    .iter()
                    .position(|p| *p == self.record.place)
                    .unwrap_or(0);
                let next = if forward {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.record.place = Place::ALL[next];
            }
            Focus::Detail(DetailRow::Present(role)) => self.record.present.toggle(role),
            Focus::Concern(kind) => {
                let concern = self.record.concern.get_or_insert_default();
                match concern.kinds.iter().position(|k| *k == kind) {
                    Some(i) => {
                        concern.kinds.remove(i);
                    }
                    None => {
                        concern.kinds.push(kind);
                        concern.kinds.sort_by_key(|k| k.index());
                    }
                }
                if concern.is_empty() {
                    self.record.concern = None;
                }
            }
            _ => return,
        }
        self.changed();
    }
}
