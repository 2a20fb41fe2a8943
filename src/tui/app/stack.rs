//! The screens the user can be on, and what each one offers. Every screen module owns its
//! context, its key handling and its widget; this only routes to them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::domain::Moment;
use crate::i18n::Texts;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keys::KeyContext;
use crate::tui::meeting::{Cx, MeetingState};
use crate::tui::meeting::{MeetingScreen, Phase};
use crate::tui::page::{Page, ViewCx};
use crate::tui::screens::choice::ChoiceScreen;
use crate::tui::screens::choice::ChoiceState;
use crate::tui::screens::home::HomeScreen;
use crate::tui::screens::home::HomeState;

pub enum Screen {
    Home(HomeState),
    Meeting(Box<MeetingState>),
    Choice(Box<ChoiceState>),
    /// A screen that owns all of its behaviour (see `tui::page`).
    Page(Box<dyn Page>),
}

impl Screen {
    pub fn context(&self) -> KeyContext {
        match self {
            Self::Home(_) => KeyContext::Home,
            Self::Meeting(m) => m.context(),
            Self::Choice(_) => KeyContext::Question,
            Self::Page(p) => p.context(),
        }
    }

    pub fn offers(&self, action: Action) -> bool {
        match self {
            Self::Home(h) => h.offers(action),
            Self::Meeting(m) => m.offers(action),
            Self::Choice(c) => c.offers(action),
            Self::Page(p) => p.offers(action),
        }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match self {
            Self::Home(h) => h.update(action),
            Self::Meeting(m) => m.update(action, cx),
            Self::Choice(c) => c.update(action),
            // Pages are updated with the services, by the application.
            Self::Page(_) => Effect::None,
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let (texts, theme) = (cx.texts, cx.theme);
        match self {
            Self::Home(state) => HomeScreen {
                state,
                texts,
                theme,
            }
            .render(area, buf),
            Self::Choice(state) => ChoiceScreen::of(state, theme).render(area, buf),
            Self::Meeting(state) => MeetingScreen {
                state,
                texts,
                theme,
            }
            .render(area, buf),
            Self::Page(page) => page.render(area, buf, cx),
        }
    }

    /// What the screen is for, in a few sentences; the help lists its keys below this.
    pub fn help(&self, t: &'static Texts) -> &'static str {
        match self {
            Self::Home(_) => t.help_home,
            Self::Choice(_) => t.help_choice,
            Self::Meeting(m) if m.phase != Phase::Conversation => t.help_finish,
            Self::Meeting(_) => t.help_meeting,
            Self::Page(p) => p.help(t),
        }
    }

    /// The placement this screen is about, if any.
    pub fn placement_id(&self) -> Option<&str> {
        match self {
            Self::Meeting(m) => Some(&m.folder),
            Self::Choice(c) => Some(&c.placement),
            Self::Page(p) => p.placement_id(),
            Self::Home(_) => None,
        }
    }

    /// The moment this screen is about, if any.
    pub fn moment(&self) -> Option<Moment> {
        match self {
            Self::Meeting(m) => Some(m.moment()),
            Self::Page(p) => p.moment(),
            Self::Choice(c) => Some(c.moment),
            _ => None,
        }
    }

    /// Lets go of a meeting lock the screen holds, as a cleanly closed session.
    pub fn release_lock(&mut self) {
        match self {
            Self::Meeting(m) => m.session.release(),
            Self::Choice(c) => {
                if let Some(lock) = c.lock.take() {
                    lock.release();
                }
            }
            _ => {}
        }
    }
}
