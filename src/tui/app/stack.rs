//! The screens the user can be on, and what each one offers. Every screen module owns its
//! context, its key handling and its widget; this only routes to them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::domain::Moment;
use crate::i18n::Texts;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::form::{Form, FormWidget};
use crate::tui::keys::KeyContext;
use crate::tui::meeting::{Cx, MeetingState};
use crate::tui::meeting::{MeetingScreen, Phase};
use crate::tui::page::{Page, ViewCx};
use crate::tui::screens::choice::ChoiceScreen;
use crate::tui::screens::choice::ChoiceState;
use crate::tui::screens::home::HomeScreen;
use crate::tui::screens::home::HomeState;
use crate::tui::screens::placement_form::PlacementFormState;
use crate::tui::screens::prepare::PrepareState;
use crate::tui::theme::Theme;

pub enum Screen {
    Home(HomeState),
    PlacementForm(Box<PlacementFormState>),
    Meeting(Box<MeetingState>),
    Choice(Box<ChoiceState>),
    Prepare(Box<PrepareState>),
    /// A screen that owns all of its behaviour (see `tui::page`).
    Page(Box<dyn Page>),
}

impl Screen {
    pub fn context(&self) -> KeyContext {
        match self {
            Self::Home(_) => KeyContext::Home,
            Self::PlacementForm(p) => p.context(),
            Self::Meeting(m) => m.context(),
            Self::Choice(_) => KeyContext::Question,
            Self::Prepare(p) => p.context(),
            Self::Page(p) => p.context(),
        }
    }

    pub fn offers(&self, action: Action) -> bool {
        match self {
            Self::Home(h) => h.offers(action),
            Self::Meeting(m) => m.offers(action),
            Self::Choice(c) => c.offers(action),
            Self::PlacementForm(p) => p.form.offers(action),
            Self::Page(p) => p.offers(action),
            Self::Prepare(_) => true,
        }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match self {
            Self::Home(h) => h.update(action),
            Self::PlacementForm(p) => p.update(action, cx),
            Self::Meeting(m) => m.update(action, cx),
            Self::Choice(c) => c.update(action),
            Self::Prepare(p) => p.update(action, cx),
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
            Self::PlacementForm(state) => render_form(&state.form, None, area, buf, theme),
            Self::Choice(state) => ChoiceScreen { state, theme }.render(area, buf),
            Self::Meeting(state) => MeetingScreen {
                state,
                texts,
                theme,
            }
            .render(area, buf),
            Self::Prepare(state) => {
                render_form(&state.form, Some(&state.intro), area, buf, theme);
            }
            Self::Page(page) => page.render(area, buf, cx),
        }
    }

    /// What the screen is for, in a few sentences; the help lists its keys below this.
    pub fn help(&self, t: &'static Texts) -> &'static str {
        match self {
            Self::Home(_) => t.help_home,
            Self::PlacementForm(_) => t.help_form,
            Self::Choice(_) => t.help_choice,
            Self::Meeting(m) if m.phase != Phase::Conversation => t.help_finish,
            Self::Meeting(_) => t.help_meeting,
            Self::Prepare(_) => t.help_prepare,
            Self::Page(p) => p.help(t),
        }
    }

    /// The placement this screen is about, if any.
    pub fn placement_id(&self) -> Option<&str> {
        match self {
            Self::Meeting(m) => Some(&m.folder),
            Self::Choice(c) => Some(&c.placement),
            Self::PlacementForm(p) => p.editing.as_ref().map(|e| e.id.as_str()),
            Self::Prepare(p) => Some(&p.placement),
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
            Self::Prepare(p) => Some(p.moment),
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

/// A form filling the screen, with a line or two on what it is for above its fields.
fn render_form(form: &Form, intro: Option<&str>, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let block = Block::bordered()
        .border_style(theme.focused_border)
        .title(Span::styled(format!(" {} ", form.title), theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let intro =
        intro.map(|intro| Paragraph::new(Span::styled(intro, theme.dim)).wrap(Wrap { trim: true }));
    // The whole intro where there is room: it says what the form is for.
    let intro_h = intro.as_ref().map_or(0, |p| {
        u16::try_from(p.line_count(inner.width))
            .unwrap_or(u16::MAX)
            .min(4)
            .min(inner.height / 3)
    });
    let [intro_area, fields] = inner.layout(&Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Fill(1),
    ]));
    if let Some(intro) = intro {
        intro.render(intro_area, buf);
    }
    FormWidget { form, theme }.render(fields, buf);
}
