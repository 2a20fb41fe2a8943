//! Asked when quitting finds text the disk would not take: stay (and try again later), or
//! put the text in a rescue file and quit. A layer over the screen that holds the text.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use crate::i18n::{Texts, fill};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};

pub struct QuitQuestion {
    /// Why the text could not be saved, in the user's words.
    pub reason: String,
}

impl Page for QuitQuestion {
    fn context(&self) -> KeyContext {
        KeyContext::QuitQuestion
    }

    fn is_layer(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, _services: &Services) -> Next {
        match action {
            Action::Choose(1) => Next::Close,
            Action::Choose(2) => Next::Effect(Effect::RescueAndQuit),
            _ => Next::Stay,
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let (t, theme) = (cx.texts, cx.theme);
        let popup = area.centered(
            Constraint::Length(area.width.saturating_sub(4).min(70)),
            Constraint::Length(area.height.saturating_sub(2).min(12)),
        );
        Clear.render(popup, buf);
        let lines = vec![
            Line::styled(fill(t.quit_unsaved_body, &[&self.reason]), theme.warning),
            Line::default(),
            Line::from(vec![
                Span::styled("[1] ", theme.key_hint),
                Span::raw(t.quit_unsaved_stay),
            ]),
            Line::from(vec![
                Span::styled("[2] ", theme.key_hint),
                Span::raw(t.quit_unsaved_rescue),
            ]),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(theme.popup_block(t.quit_unsaved_title))
            .render(popup, buf);
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.quit_unsaved_title
    }
}
