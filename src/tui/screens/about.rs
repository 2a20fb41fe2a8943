//! About the program: its version, and where it keeps and puts things, so a teacher (or the
//! school's help desk) can find the files.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::i18n::Texts;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::theme::Theme;

#[derive(Default)]
pub struct AboutState {
    pub scroll: u16,
}

impl AboutState {
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Back => return Effect::Back,
            Action::Up | Action::PageUp => self.scroll = self.scroll.saturating_sub(1),
            Action::Down | Action::PageDown => self.scroll = self.scroll.saturating_add(1),
            _ => {}
        }
        Effect::None
    }
}

/// The places shown, as (label, path) pairs.
pub struct AboutScreen<'a> {
    pub state: &'a AboutState,
    pub places: Vec<(&'static str, String)>,
    pub texts: &'a Texts,
    pub theme: &'a Theme,
}

impl Widget for AboutScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.texts;
        let mut lines = vec![
            Line::styled(
                format!("stagegesprek {}", env!("CARGO_PKG_VERSION")),
                self.theme.title,
            ),
            Line::raw(t.about_purpose),
            Line::default(),
        ];
        for (label, path) in self.places {
            lines.push(Line::styled(label, self.theme.dim));
            // A path is shown whole, never cut, so it can be copied.
            lines.push(Line::from(Span::raw(format!("  {path}"))));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.state.scroll, 0))
            .block(self.theme.screen_block(t.about_title))
            .render(area, buf);
    }
}
