//! What a key means, independent of which key it was. Screens turn keys into these through
//! the keymap, and `App::update` carries them out.

use ratatui::crossterm::event::KeyEvent;

use crate::domain::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl+C: many people press it to copy, so it only quits when pressed twice.
    Interrupt,
    Back,
    ToggleHelp,
    Up,
    Down,
    PageUp,
    PageDown,
    Confirm,
    NewPlacement,
    NextField,
    PrevField,
    ChoiceNext,
    ChoicePrev,
    GoToSection(usize),
    StartTyping,
    StopTyping,
    SaveNow,
    AddExample,
    AddAgreement,
    DeleteSelected,
    ToggleSelected,
    Finish,
    ToggleAgreed(Role),
    ExportShared,
    EditAgain,
    Yes,
    No,
    /// An answer to a question, by its number.
    Choose(usize),
    /// A key for the text field that has focus.
    Type(KeyEvent),
}
