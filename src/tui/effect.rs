//! What a screen asks of the application after handling an action: the work that needs the
//! shared services (the store, the saver, the terminal) or another screen.

use super::page::{Next, Services};
use super::screens::choice::Intent;
use crate::domain::Moment;

/// How to open a page, given the services: a screen that cannot reach them itself names the
/// page it wants, and the application builds it.
pub type Opener = Box<dyn FnOnce(&Services) -> Next>;

/// An `Opener` from a closure.
pub fn open(page: impl FnOnce(&Services) -> Next + 'static) -> Effect {
    Effect::Open(Box::new(page))
}

pub enum Effect {
    None,
    /// A line in the status bar, and whether it is a warning.
    Say(String, bool),
    /// Back to the screen the user came from.
    Back,
    Quit,
    /// Put what could not be saved in a rescue file, then quit.
    RescueAndQuit,
    /// Save the open meeting's draft now and wait for it.
    SaveNow,
    /// Write the open meeting's record as final.
    SaveFinal,
    /// Write the shared version of the record on screen where the teacher can find it.
    Export,
    /// Write the due meetings of the overview as a calendar file in the export folder.
    ExportAgenda,
    /// Put the path of the last export on the clipboard.
    CopyPath,
    /// Share with the team, off the screen's thread.
    Share,
    /// The moments of a placement, to choose one.
    OpenPick(String),
    OpenMeeting {
        id: String,
        moment: Moment,
    },
    EditAgain {
        id: String,
        moment: Moment,
    },
    AskRemovePlacement(String),
    /// The open meeting's questions in the other language's guide.
    SwitchGuideLanguage,
    /// Ask before the draft of meeting `moment` of a placement is put aside.
    AskDiscardDraft(String, Moment),
    /// The answer to a question, carried out.
    Answer(Intent),
    /// What a search found, opened where it stands.
    OpenFound(Box<crate::store::index::Hit>),
    /// A page on top of this one (see `open`).
    Open(Opener),
}
