//! Help, as a layer over the screen it is about: what that screen is for and every key it
//! has (gathered when help opens, from the same table as the footer). Closing it returns to
//! the screen exactly as it was.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use crate::i18n::Texts;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};

pub struct HelpLayer {
    lines: Vec<Line<'static>>,
    scroll: u16,
}

impl HelpLayer {
    pub const fn new(lines: Vec<Line<'static>>) -> Self {
        Self { lines, scroll: 0 }
    }
}

impl Page for HelpLayer {
    fn context(&self) -> KeyContext {
        KeyContext::Help
    }

    fn is_layer(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, _services: &Services) -> Next {
        let step: i32 = match action {
            Action::ToggleHelp | Action::Back => return Next::Close,
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -10,
            Action::PageDown => 10,
            _ => return Next::Stay,
        };
        let to = (i32::from(self.scroll) + step).max(0);
        self.scroll = u16::try_from(to).unwrap_or(0);
        Next::Stay
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let popup = area.centered(
            Constraint::Length(area.width.saturating_sub(4).min(84)),
            Constraint::Length(area.height.saturating_sub(2).max(3)),
        );
        Clear.render(popup, buf);
        Paragraph::new(self.lines.clone())
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .block(cx.theme.popup_block(cx.texts.help_title))
            .render(popup, buf);
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_title
    }
}
