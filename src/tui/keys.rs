//! The one key table. Every binding is an entry here (where it works, which key, what it
//! does, what the footer calls it), and the keymap, the footer and the help screen are all
//! read from it, so a key cannot work without being shown, or be shown without working.
//!
//! No modes: wherever a text cursor is, every key that types text types it. Commands sit on
//! keys that never type (Ctrl, function keys, Tab, Esc, arrows on lists); the test in
//! `tests/keys.rs` walks every context to hold that.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::editing::TextKind;
use crate::domain::Role;
use crate::i18n::Texts;

/// Where the keyboard is, as far as the meaning of keys goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyContext {
    Help,
    Home,
    About,
    Pick,
    /// A text field in a form (the placement form, the example and agreement pop-ups).
    FormText,
    /// A choice in a form.
    FormChoice,
    /// A text field of a long form someone fills in at their own pace (the preparation):
    /// Enter goes on to the next question, only Ctrl+S stores.
    LongForm,
    /// The notes of a key, or the private notes: several lines of free text.
    MeetingNotes,
    /// A one-line field in the meeting details (others present, date, time, duration).
    MeetingLine,
    /// The examples of a key or the agreements: a list to choose from.
    MeetingList,
    /// What the trainer or the student prepared for a key: examples to take over.
    PreparedList,
    /// A choice in the meeting details (the place, who was present).
    MeetingChoice,
    /// Choosing which part of the meeting to go to.
    GoTo,
    /// Asked before an example or agreement is deleted.
    ConfirmDelete,
    /// A question with numbered answers.
    Question,
    /// Pasting a filled preparation form that came back by e-mail.
    ImportText,
    /// Quitting while text could not be saved: stay, or put it in a rescue file.
    QuitQuestion,
    ReadBack,
    Finished,
    View,
    /// A text field of the search: the words, a name or a date.
    SearchText,
    /// A choice of the search: which meeting, which flag.
    SearchChoice,
    /// A placement's story.
    Story,
    /// A company's view.
    Company,
    /// Two versions of a file, changed here and by a colleague: keep one.
    TwoVersions,
    /// A placement's history in a team archive.
    History,
}

impl KeyContext {
    pub const ALL: [Self; 26] = [
        Self::Help,
        Self::Home,
        Self::About,
        Self::Pick,
        Self::FormText,
        Self::FormChoice,
        Self::LongForm,
        Self::MeetingNotes,
        Self::MeetingLine,
        Self::MeetingList,
        Self::PreparedList,
        Self::MeetingChoice,
        Self::GoTo,
        Self::ConfirmDelete,
        Self::Question,
        Self::ImportText,
        Self::QuitQuestion,
        Self::ReadBack,
        Self::Finished,
        Self::View,
        Self::SearchText,
        Self::SearchChoice,
        Self::Story,
        Self::Company,
        Self::TwoVersions,
        Self::History,
    ];

    /// The kind of text the cursor is in, if any: there, keys that type text must type.
    /// Where the keyboard is on a list, a choice or a checklist: a printable key there is
    /// not thrown away but goes to the text field the person most likely meant.
    pub const fn sends_typing_aside(self) -> bool {
        matches!(
            self,
            Self::MeetingList
                | Self::PreparedList
                | Self::MeetingChoice
                | Self::FormChoice
                | Self::ReadBack
                | Self::SearchChoice
                | Self::Home
        )
    }

    pub const fn text(self) -> Option<TextKind> {
        match self {
            Self::MeetingNotes | Self::ImportText => Some(TextKind::Lines),
            Self::FormText | Self::MeetingLine | Self::LongForm | Self::SearchText => {
                Some(TextKind::OneLine)
            }
            _ => None,
        }
    }
}

/// A key with its modifiers, as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Chord {
    pub const fn key(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    pub fn matches(self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match (self.code, key.code) {
            // Terminals differ in whether Shift+Tab also carries the Shift modifier.
            (KeyCode::BackTab, KeyCode::BackTab) => !ctrl,
            (KeyCode::Char(a), KeyCode::Char(b)) if self.ctrl => ctrl && a.eq_ignore_ascii_case(&b),
            (a, b) => a == b && ctrl == self.ctrl && !key.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// The key as the footer writes it: `Ctrl+E`, `Tab`, `↑`.
    pub fn name(self, t: &Texts) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => t.key_space.to_string(),
            KeyCode::Char(c) => c.to_uppercase().to_string(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift+Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl+{base}")
        } else {
            base
        }
    }
}

/// One entry of the table.
pub struct Binding {
    pub contexts: &'static [KeyContext],
    pub chord: Chord,
    pub action: Action,
    /// What the footer and the help call it, in the interface's language.
    pub label: fn(&Texts) -> &'static str,
}

use KeyContext as C;

const MEETING: &[KeyContext] = &[
    C::MeetingNotes,
    C::MeetingLine,
    C::MeetingList,
    C::PreparedList,
    C::MeetingChoice,
];
const FORM: &[KeyContext] = &[C::FormText, C::FormChoice];
/// Everywhere help can be opened from.
const HELPED: &[KeyContext] = &[
    C::Home,
    C::About,
    C::Pick,
    C::FormText,
    C::FormChoice,
    C::LongForm,
    C::MeetingNotes,
    C::MeetingLine,
    C::MeetingList,
    C::PreparedList,
    C::MeetingChoice,
    C::GoTo,
    C::Question,
    C::ImportText,
    C::ReadBack,
    C::Finished,
    C::View,
    C::SearchText,
    C::SearchChoice,
    C::Story,
    C::Company,
    C::TwoVersions,
    C::History,
];
const SEARCH: &[KeyContext] = &[C::SearchText, C::SearchChoice];
const SCROLLED: &[KeyContext] = &[
    C::TwoVersions,
    C::History,
    C::Help,
    C::About,
    C::ReadBack,
    C::Finished,
    C::View,
    C::Story,
    C::Company,
];

const fn bind(
    contexts: &'static [KeyContext],
    chord: Chord,
    action: Action,
    label: fn(&Texts) -> &'static str,
) -> Binding {
    Binding {
        contexts,
        chord,
        action,
        label,
    }
}

const fn key(code: KeyCode) -> Chord {
    Chord::key(code)
}

const fn ctrl(c: char) -> Chord {
    Chord::ctrl(c)
}

/// Actions one key has in one place of which a screen offers only one at a time: Enter
/// moves on in a form and saves in its last field.
pub const EITHER_OR: &[(Action, Action)] = &[(Action::MoveOn, Action::SaveFromLastField)];

/// Stops the program from anywhere, even a screen too small to show anything; the footer
/// never names it, since a terminal user knows it and a teacher should not need it.
pub const INTERRUPT: Chord = ctrl('c');

/// The table, in the order the footer shows it.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Lists and questions.
    bind(&[C::Home, C::Pick, C::MeetingList, C::PreparedList, C::GoTo], key(KeyCode::Up), Action::Up, |t| t.key_choose),
    bind(&[C::Home, C::Pick, C::MeetingList, C::PreparedList, C::GoTo], key(KeyCode::Down), Action::Down, |t| t.key_choose),
    bind(&[C::PreparedList], key(KeyCode::Enter), Action::TakeOver, |t| t.key_take_over),
    bind(&[C::Home, C::Pick, C::MeetingList, C::GoTo], key(KeyCode::Enter), Action::Open, |t| t.key_open),
    bind(&[C::Home], key(KeyCode::PageUp), Action::PageUp, |t| t.key_page),
    bind(&[C::Home], key(KeyCode::PageDown), Action::PageDown, |t| t.key_page),
    bind(&[C::Home], key(KeyCode::Home), Action::First, |t| t.key_page),
    bind(&[C::Home], key(KeyCode::End), Action::Last, |t| t.key_page),
    bind(&[C::Home], ctrl('f'), Action::Search, |t| t.key_search),
    // F5, the key that brings a window up to date elsewhere: short enough to fit the footer.
    bind(&[C::Home], key(KeyCode::F(5)), Action::Share, |t| t.key_share),
    bind(&[C::Home, C::Pick], ctrl('l'), Action::Story, |t| t.key_story),
    bind(&[C::Home], ctrl('n'), Action::NewPlacement, |t| t.key_new_placement),
    bind(&[C::Home, C::Pick], ctrl('e'), Action::EditPlacement, |t| t.key_edit_placement),
    bind(&[C::Pick], ctrl('r'), Action::Prepare, |t| t.key_prepare),
    bind(&[C::Pick], ctrl('g'), Action::History, |t| t.key_history),
    bind(&[C::Pick], key(KeyCode::Delete), Action::DeleteSelected, |t| t.key_discard_draft),
    bind(&[C::Home], key(KeyCode::Delete), Action::RemovePlacement, |t| t.key_remove_placement),
    bind(&[C::Home], ctrl('t'), Action::ToggleSort, |t| t.key_sort),
    bind(&[C::Home], ctrl('p'), Action::Export, |t| t.key_agenda),
    bind(&[C::Home], ctrl('k'), Action::CopyPath, |t| t.key_copy),
    bind(&[C::Home], ctrl('o'), Action::About, |t| t.key_about),
    // Forms.
    bind(FORM, key(KeyCode::Tab), Action::NextField, |t| t.key_next_field),
    bind(FORM, key(KeyCode::Down), Action::NextField, |t| t.key_next_field),
    bind(FORM, key(KeyCode::Enter), Action::MoveOn, |t| t.key_next_field),
    bind(FORM, key(KeyCode::BackTab), Action::PrevField, |t| t.key_prev_field),
    bind(FORM, key(KeyCode::Up), Action::PrevField, |t| t.key_prev_field),
    bind(&[C::FormChoice], key(KeyCode::Right), Action::ChoiceNext, |t| t.key_change),
    bind(&[C::FormChoice], key(KeyCode::Left), Action::ChoicePrev, |t| t.key_change),
    bind(FORM, key(KeyCode::Enter), Action::SaveFromLastField, |t| t.key_save_form),
    bind(FORM, ctrl('s'), Action::SaveForm, |t| t.key_save_form),
    bind(FORM, key(KeyCode::Esc), Action::Back, |t| t.key_cancel),
    // A long form: Enter moves on.
    bind(&[C::LongForm], key(KeyCode::Tab), Action::NextField, |t| t.key_next_field),
    bind(&[C::LongForm], key(KeyCode::Down), Action::NextField, |t| t.key_next_field),
    bind(&[C::LongForm], key(KeyCode::Enter), Action::NextField, |t| t.key_next_field),
    bind(&[C::LongForm], key(KeyCode::BackTab), Action::PrevField, |t| t.key_prev_field),
    bind(&[C::LongForm], key(KeyCode::Up), Action::PrevField, |t| t.key_prev_field),
    bind(&[C::LongForm], ctrl('s'), Action::SaveForm, |t| t.key_save_form),
    bind(&[C::LongForm], key(KeyCode::Esc), Action::Back, |t| t.key_cancel),
    // The meeting.
    bind(MEETING, key(KeyCode::Tab), Action::NextField, |t| t.key_next_field),
    bind(&[C::MeetingLine], key(KeyCode::Enter), Action::NextField, |t| t.key_next_field),
    bind(&[C::MeetingChoice, C::MeetingLine], key(KeyCode::Down), Action::NextField, |t| t.key_next_field),
    bind(MEETING, key(KeyCode::BackTab), Action::PrevField, |t| t.key_prev_field),
    bind(&[C::MeetingChoice, C::MeetingLine], key(KeyCode::Up), Action::PrevField, |t| t.key_prev_field),
    bind(&[C::MeetingList], key(KeyCode::Delete), Action::DeleteSelected, |t| t.key_delete),
    bind(&[C::MeetingChoice], key(KeyCode::Enter), Action::ChoiceNext, |t| t.key_change),
    bind(&[C::MeetingChoice], key(KeyCode::Right), Action::ChoiceNext, |t| t.key_change),
    bind(&[C::MeetingChoice], key(KeyCode::Left), Action::ChoicePrev, |t| t.key_change),
    bind(MEETING, ctrl('g'), Action::GoToPart, |t| t.key_go_to),
    bind(MEETING, ctrl('e'), Action::AddExample, |t| t.key_add_example),
    bind(MEETING, ctrl('n'), Action::AddAgreement, |t| t.key_add_agreement),
    // One key switches to whichever of the two is not shown; the footer names that one.
    bind(MEETING, ctrl('l'), Action::ShowEarlier(true), |t| t.key_earlier),
    bind(MEETING, ctrl('l'), Action::ShowEarlier(false), |t| t.key_questions),
    bind(&[C::MeetingNotes], key(KeyCode::PageUp), Action::PageUp, |t| t.key_prompts),
    bind(&[C::MeetingNotes], key(KeyCode::PageDown), Action::PageDown, |t| t.key_prompts),
    bind(MEETING, ctrl('f'), Action::Finish, |t| t.key_finish),
    bind(MEETING, ctrl('s'), Action::SaveNow, |t| t.key_save_now),
    bind(MEETING, key(KeyCode::Esc), Action::Back, |t| t.key_leave_meeting),
    // Going to a part of the meeting.
    bind(&[C::GoTo], key(KeyCode::Char('1')), Action::Choose(1), |t| t.key_go_to_part),
    bind(&[C::GoTo], key(KeyCode::Char('2')), Action::Choose(2), |t| t.key_go_to_part),
    bind(&[C::GoTo], key(KeyCode::Char('3')), Action::Choose(3), |t| t.key_go_to_part),
    bind(&[C::GoTo], key(KeyCode::Char('4')), Action::Choose(4), |t| t.key_go_to_part),
    bind(&[C::GoTo], key(KeyCode::Char('5')), Action::Choose(5), |t| t.key_go_to_part),
    bind(&[C::GoTo], key(KeyCode::Char('6')), Action::Choose(6), |t| t.key_go_to_part),
    bind(&[C::GoTo], key(KeyCode::Char('7')), Action::Choose(7), |t| t.key_go_to_part),
    bind(&[C::GoTo], key(KeyCode::Esc), Action::Back, |t| t.key_cancel),
    // Confirmations.
    bind(&[C::ConfirmDelete], key(KeyCode::Enter), Action::Yes, |t| t.key_delete),
    bind(&[C::ConfirmDelete], key(KeyCode::Esc), Action::No, |t| t.key_keep),
    // Questions with numbered answers.
    bind(&[C::Question], key(KeyCode::Char('1')), Action::Choose(1), |t| t.key_answer),
    bind(&[C::Question], key(KeyCode::Char('2')), Action::Choose(2), |t| t.key_answer),
    bind(&[C::Question], key(KeyCode::Char('3')), Action::Choose(3), |t| t.key_answer),
    bind(&[C::Question], key(KeyCode::Char('4')), Action::Choose(4), |t| t.key_answer),
    bind(&[C::Question], key(KeyCode::Char('5')), Action::Choose(5), |t| t.key_answer),
    bind(&[C::Question], key(KeyCode::Char('6')), Action::Choose(6), |t| t.key_answer),
    bind(&[C::Question], key(KeyCode::Enter), Action::Choose(1), |t| t.key_first_answer),
    bind(&[C::Question], key(KeyCode::Esc), Action::Back, |t| t.key_back),
    bind(&[C::TwoVersions], key(KeyCode::Char('1')), Action::Choose(1), |t| t.key_keep_mine),
    bind(&[C::TwoVersions], key(KeyCode::Char('2')), Action::Choose(2), |t| t.key_keep_theirs),
    bind(&[C::TwoVersions, C::History], key(KeyCode::Esc), Action::Back, |t| t.key_back),
    bind(&[C::QuitQuestion], key(KeyCode::Char('1')), Action::Choose(1), |t| t.quit_unsaved_stay),
    bind(&[C::QuitQuestion], key(KeyCode::Enter), Action::Choose(1), |t| t.quit_unsaved_stay),
    bind(&[C::QuitQuestion], key(KeyCode::Esc), Action::Choose(1), |t| t.quit_unsaved_stay),
    bind(&[C::QuitQuestion], key(KeyCode::Char('2')), Action::Choose(2), |t| t.quit_unsaved_rescue),
    // The read-back, a finished meeting, a held record.
    bind(SCROLLED, key(KeyCode::Up), Action::Up, |t| t.key_scroll),
    bind(SCROLLED, key(KeyCode::Down), Action::Down, |t| t.key_scroll),
    bind(SCROLLED, key(KeyCode::PageUp), Action::PageUp, |t| t.key_scroll),
    bind(SCROLLED, key(KeyCode::PageDown), Action::PageDown, |t| t.key_scroll),
    bind(&[C::Story, C::Company], key(KeyCode::Home), Action::First, |t| t.key_scroll),
    bind(&[C::Story, C::Company], key(KeyCode::End), Action::Last, |t| t.key_scroll),
    bind(&[C::Home, C::Story], ctrl('b'), Action::Company, |t| t.key_company),
    bind(&[C::Story], ctrl('p'), Action::Export, |t| t.key_print),
    bind(&[C::Story], ctrl('k'), Action::CopyPath, |t| t.key_copy),
    bind(&[C::ReadBack], key(KeyCode::Char('1')), Action::ToggleAgreed(Role::Student), |t| t.key_agreed_student),
    bind(&[C::ReadBack], key(KeyCode::Char('2')), Action::ToggleAgreed(Role::Trainer), |t| t.key_agreed_trainer),
    bind(&[C::ReadBack], key(KeyCode::Char('3')), Action::ToggleAgreed(Role::Teacher), |t| t.key_agreed_teacher),
    bind(&[C::ReadBack], key(KeyCode::Enter), Action::Open, |t| t.key_finish_final),
    bind(&[C::ReadBack], key(KeyCode::Esc), Action::Back, |t| t.key_back_to_meeting),
    bind(&[C::View], ctrl('e'), Action::EditAgain, |t| t.key_edit_again),
    bind(&[C::Finished, C::View], ctrl('p'), Action::Export, |t| t.key_export),
    bind(&[C::Finished, C::View], ctrl('k'), Action::CopyPath, |t| t.key_copy),
    bind(&[C::Finished, C::View, C::Pick, C::About, C::Story, C::Company], key(KeyCode::Esc), Action::Back, |t| t.key_back),
    bind(&[C::Home], key(KeyCode::Esc), Action::Quit, |t| t.key_quit),
    bind(&[C::ImportText], ctrl('s'), Action::SaveForm, |t| t.key_save_form),
    // Search: the results move under the fields, whichever field has the cursor.
    bind(SEARCH, key(KeyCode::Up), Action::Up, |t| t.key_choose),
    bind(SEARCH, key(KeyCode::Down), Action::Down, |t| t.key_choose),
    bind(SEARCH, key(KeyCode::Enter), Action::Open, |t| t.key_open),
    bind(SEARCH, key(KeyCode::Tab), Action::NextField, |t| t.key_search_filters),
    bind(SEARCH, key(KeyCode::BackTab), Action::PrevField, |t| t.key_search_filters),
    bind(&[C::SearchChoice], key(KeyCode::Right), Action::ChoiceNext, |t| t.key_change),
    bind(&[C::SearchChoice], key(KeyCode::Left), Action::ChoicePrev, |t| t.key_change),
    bind(SEARCH, key(KeyCode::PageUp), Action::PageUp, |t| t.key_page),
    bind(SEARCH, key(KeyCode::PageDown), Action::PageDown, |t| t.key_page),
    bind(SEARCH, key(KeyCode::Esc), Action::Back, |t| t.key_back),
    bind(&[C::ImportText], key(KeyCode::Esc), Action::Back, |t| t.key_back),
    // Help, last so that it ends every footer.
    bind(HELPED, key(KeyCode::F(1)), Action::ToggleHelp, |t| t.key_help),
    bind(&[C::Help], key(KeyCode::Esc), Action::ToggleHelp, |t| t.key_close_help),
    bind(&[C::Help], key(KeyCode::F(1)), Action::ToggleHelp, |t| t.key_close_help),
    bind(&[C::Help], key(KeyCode::Enter), Action::ToggleHelp, |t| t.key_close_help),
];

/// The action `key` has in `context`, among those the screen offers now. A key that is no
/// command in a text field is typed into it.
pub fn action_for(
    context: KeyContext,
    key: KeyEvent,
    offered: impl Fn(Action) -> bool,
) -> Option<Action> {
    if INTERRUPT.matches(key) {
        return Some(Action::Interrupt);
    }
    let bound = BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context) && b.chord.matches(key))
        .map(|b| b.action)
        .find(|a| offered(*a));
    if bound.is_some() {
        return bound;
    }
    match context.text() {
        Some(kind) if kind.types(key) || kind.edits(key) => Some(Action::Type(key)),
        None if context.sends_typing_aside() && TextKind::OneLine.types(key) => {
            Some(Action::TypeAside(key))
        }
        _ => None,
    }
}

/// One footer entry: the keys (joined) and their shared label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub label: &'static str,
}

/// What the footer shows in `context`: every binding the screen offers now, those with the
/// same label joined (`↑/↓ kies`).
pub fn hints(context: KeyContext, t: &Texts, offered: impl Fn(Action) -> bool) -> Vec<Hint> {
    let mut hints: Vec<(Vec<Chord>, &'static str)> = Vec::new();
    for binding in BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context) && offered(b.action))
    {
        let label = (binding.label)(t);
        match hints.iter_mut().find(|(_, l)| *l == label) {
            Some((chords, _)) => chords.push(binding.chord),
            None => hints.push((vec![binding.chord], label)),
        }
    }
    hints
        .into_iter()
        .map(|(chords, label)| Hint {
            keys: join_keys(&chords, t),
            label,
        })
        .collect()
}

/// `1…7` for a run of digits, `Tab/↓` otherwise.
pub fn join_keys(chords: &[Chord], t: &Texts) -> String {
    let digits: Vec<char> = chords
        .iter()
        .filter_map(|c| match c.code {
            KeyCode::Char(d) if d.is_ascii_digit() && !c.ctrl => Some(d),
            _ => None,
        })
        .collect();
    if digits.len() > 2 && digits.len() == chords.len() {
        return format!("{}…{}", digits[0], digits[digits.len() - 1]);
    }
    chords
        .iter()
        .map(|c| c.name(t))
        .collect::<Vec<_>>()
        .join("/")
}
