//! A screen that owns all of its behaviour: its keys, its update, its drawing, and the work it
//! asks of the shared services, which it is handed rather than asking the application for.
//! A new page is its own file plus the line where it is entered; the application routes to
//! it without knowing what it is. Pages answer a key with where to go next.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::{Lang, Texts};
use crate::store::Store;
use crate::store::guides::Guides;
use crate::store::saver::DraftSaver;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keys::KeyContext;
use crate::tui::theme::Theme;

/// What a page may use besides its own state.
pub struct Services<'a> {
    pub store: &'a Store,
    /// Keeps what is typed on disk as it is typed, off the screen's thread.
    pub saver: &'a DraftSaver,
    pub guides: &'a Guides,
    /// The interface's language and its words.
    pub lang: Lang,
    pub t: &'static Texts,
    pub theme: &'a Theme,
    /// Where files for people go (see `Settings::export_dir`).
    pub export_dir: &'a Path,
    pub now: NaiveDateTime,
    /// Where the page was drawn last, for what depends on the room (a page of lines).
    pub body: Option<Rect>,
}

impl Services<'_> {
    pub fn today(&self) -> chrono::NaiveDate {
        self.now.date()
    }
}

/// What drawing a screen may read besides its own state.
pub struct ViewCx<'a> {
    pub texts: &'static Texts,
    pub theme: &'a Theme,
    pub guides: &'a Guides,
    pub lang: Lang,
    /// Where the program keeps and puts things, for the screens that name them.
    pub data_dir: &'a Path,
    pub export_dir: &'a Path,
    pub rescue_dir: PathBuf,
}

/// Where a page sends the user after a key.
pub enum Next {
    Stay,
    /// A line in the status bar, and whether it is a warning.
    Say(String, bool),
    /// Back to the screen the user came from.
    Back,
    /// Back, with a line in the status bar about what was done (and whether it is a warning).
    BackSaying(String, bool),
    /// A layer (help, a question) taken off what it covered, which is left as it was.
    Close,
    /// Another page on top of this one.
    Push(Box<dyn Page>),
    /// Another page in place of this one (a menu's choice carried out).
    Replace(Box<dyn Page>),
    /// A question answered (numbered from 1): it closes, and the page that asked takes the
    /// answer up (`Page::answered`).
    Answer(usize),
    /// Something only the application can do: open a meeting, a form, a question.
    Effect(Effect),
}

impl Next {
    /// A page, or the plain sentence saying why it could not be shown.
    pub fn push_or_say<P: Page + 'static>(page: Result<P, String>) -> Self {
        match page {
            Ok(page) => Self::Push(Box::new(page)),
            Err(said) => Self::Say(said, true),
        }
    }

    /// As `push_or_say`, in place of this page.
    pub fn replace_or_say<P: Page + 'static>(page: Result<P, String>) -> Self {
        match page {
            Ok(page) => Self::Replace(Box::new(page)),
            Err(said) => Self::Say(said, true),
        }
    }
}

pub trait Page {
    /// Which keys mean what here.
    fn context(&self) -> KeyContext;

    /// Drawn over the screen below it rather than instead of it (help, a question).
    fn is_layer(&self) -> bool {
        false
    }

    /// Whether `action` does something now; the footer shows only those.
    fn offers(&self, _action: Action) -> bool {
        true
    }

    fn update(&mut self, action: Action, services: &Services) -> Next;

    /// The answer to a question this page asked (see `Next::Answer`).
    fn answered(&mut self, _answer: usize, _services: &Services) -> Next {
        Next::Stay
    }

    /// Work left after a burst of keys, done once all waiting input is in (a search run
    /// once for a paste rather than once per letter).
    fn settle(&mut self, _services: &Services) {}

    /// A line for the status bar as the page opens (a form brought back as it was left);
    /// asked once.
    fn opening_words(&mut self, _t: &'static Texts) -> Option<(String, bool)> {
        None
    }

    /// Pasted text, as one edit; pages without text ignore it.
    fn paste(&mut self, _text: &str) {}

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx);

    /// The files may have changed (on coming back to this page, or outside the program):
    /// what it shows is read again. `came_back_from` is the meeting the user was in above it.
    fn refresh(&mut self, _services: &Services, _came_back_from: Option<crate::domain::Moment>) {}

    /// What the page is for, in a few sentences; the help lists its keys below this.
    fn help(&self, t: &'static Texts) -> &'static str;

    /// The placement this page is about, if any.
    fn placement_id(&self) -> Option<&str> {
        None
    }

    /// The meeting this page is about, if any: where the list of meetings stays on going back.
    fn moment(&self) -> Option<crate::domain::Moment> {
        None
    }

    /// The file this page last wrote for the user, to copy its path.
    fn written(&self) -> Option<&Path> {
        None
    }
}
