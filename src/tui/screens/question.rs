//! A question a page asks, with numbered answers: the answer goes back to the page that
//! asked (`Page::answered`), which alone knows what it means. Esc leaves the question
//! unanswered, with nothing done.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget as _;

use crate::i18n::Texts;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};
use crate::tui::screens::choice::ChoiceScreen;

pub struct Question {
    pub title: String,
    pub lines: Vec<String>,
    /// The answers, numbered from 1 in this order.
    pub labels: Vec<&'static str>,
}

impl Page for Question {
    fn context(&self) -> KeyContext {
        KeyContext::Question
    }

    fn offers(&self, action: Action) -> bool {
        match action {
            Action::Choose(n) => n <= self.labels.len(),
            _ => true,
        }
    }

    fn update(&mut self, action: Action, _s: &Services) -> Next {
        match action {
            Action::Choose(n) if (1..=self.labels.len()).contains(&n) => Next::Answer(n),
            Action::Back => Next::Back,
            _ => Next::Stay,
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        ChoiceScreen {
            title: &self.title,
            lines: &self.lines,
            labels: self.labels.clone(),
            theme: cx.theme,
        }
        .render(area, buf);
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_choice
    }
}
