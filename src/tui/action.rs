//! What a key means, independent of which key it was. The key table turns keys into these,
//! the screen that has the keyboard carries them out.

use ratatui::crossterm::event::KeyEvent;

use crate::domain::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl+C: many people press it to copy, so it only quits when pressed twice.
    Interrupt,
    Back,
    ToggleHelp,
    About,
    Up,
    Down,
    PageUp,
    PageDown,
    /// The first and the last row of a list.
    First,
    Last,
    /// Find records by words remembered from them.
    Search,
    /// A placement's story: its three moments at a glance.
    Story,
    /// The company's view: all its placements over the years.
    Company,
    /// Share with the team and take in what colleagues changed.
    Share,
    /// A placement's history in the team archive.
    History,
    /// Enter on a list or a question: open what is selected, or take the default answer.
    Open,
    NewPlacement,
    EditPlacement,
    RemovePlacement,
    /// The ways to prepare the selected meeting.
    Prepare,
    /// Order the overview by name, or by what needs attention first, and back.
    ToggleSort,
    NextField,
    PrevField,
    ChoiceNext,
    ChoicePrev,
    /// Save the form that is open (Ctrl+S anywhere in it).
    SaveForm,
    /// Enter in a form before its last field: on to the next one, as forms do.
    MoveOn,
    /// Enter in a form's last field: save it.
    SaveFromLastField,
    GoToPart,
    AddExample,
    AddAgreement,
    DeleteSelected,
    /// Take a prepared example into the meeting's record.
    TakeOver,
    /// Show what was said last time above the notes (true), or the guide's questions.
    ShowEarlier(bool),
    Finish,
    SaveNow,
    ToggleAgreed(Role),
    Export,
    CopyPath,
    EditAgain,
    Yes,
    No,
    /// An answer to a question or a numbered choice, by its number.
    Choose(usize),
    /// A key for the text field that has focus.
    Type(KeyEvent),
    /// A printable key where the keyboard is on a list, a choice or a checklist: it goes to
    /// the text field meant, and the screen says which.
    TypeAside(KeyEvent),
}
