//! The screens the user can be on, and what each one offers. Every screen module owns its
//! context, its key handling and its widget; this only routes to them.

use crate::domain::Moment;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keys::KeyContext;
use crate::tui::meeting::{Cx, MeetingState};
use crate::tui::screens::about::AboutState;
use crate::tui::screens::choice::ChoiceState;
use crate::tui::screens::home::HomeState;
use crate::tui::screens::pick::PickState;
use crate::tui::screens::placement_form::PlacementFormState;
use crate::tui::screens::view::ViewState;

pub enum Screen {
    Home(HomeState),
    PlacementForm(Box<PlacementFormState>),
    Pick(PickState),
    Meeting(Box<MeetingState>),
    View(Box<ViewState>),
    Choice(Box<ChoiceState>),
    About(Box<AboutState>),
}

impl Screen {
    pub fn context(&self) -> KeyContext {
        match self {
            Self::Home(_) => KeyContext::Home,
            Self::PlacementForm(p) => p.context(),
            Self::Pick(_) => KeyContext::Pick,
            Self::Meeting(m) => m.context(),
            Self::View(_) => KeyContext::View,
            Self::Choice(_) => KeyContext::Question,
            Self::About(_) => KeyContext::About,
        }
    }

    pub fn offers(&self, action: Action) -> bool {
        match self {
            Self::Home(h) => h.offers(action),
            Self::Meeting(m) => m.offers(action),
            Self::View(v) => v.offers(action),
            Self::Choice(c) => c.offers(action),
            Self::PlacementForm(_) | Self::Pick(_) | Self::About(_) => true,
        }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match self {
            Self::Home(h) => h.update(action),
            Self::PlacementForm(p) => p.update(action, cx),
            Self::Pick(p) => p.update(action),
            Self::Meeting(m) => m.update(action, cx),
            Self::View(v) => v.update(action, cx.t),
            Self::Choice(c) => c.update(action),
            Self::About(a) => a.update(action),
        }
    }

    /// The placement this screen is about, if any.
    pub fn placement_id(&self) -> Option<&str> {
        match self {
            Self::Pick(p) => Some(&p.summary.placement.id),
            Self::Meeting(m) => Some(&m.folder),
            Self::View(v) => Some(&v.record.placement.id),
            Self::Choice(c) => Some(&c.placement),
            Self::PlacementForm(p) => p.editing.as_ref().map(|e| e.id.as_str()),
            Self::Home(_) | Self::About(_) => None,
        }
    }

    /// The moment this screen is about, if any.
    pub fn moment(&self) -> Option<Moment> {
        match self {
            Self::Meeting(m) => Some(m.moment()),
            Self::View(v) => Some(v.record.moment),
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
