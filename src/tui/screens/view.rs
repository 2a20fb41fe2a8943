use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::{Guide, MeetingRecord};
use crate::i18n::{Texts, fill};
use crate::tui::record_text::record_lines;
use crate::tui::theme::Theme;

/// A held record, read-only, as the teacher sees it (private notes included).
pub struct ViewState {
    pub record: MeetingRecord,
    pub scroll: u16,
    pub exported: Option<PathBuf>,
    /// Shown from another window's meeting or a draft under question: no editing from here.
    pub read_only: bool,
}

pub struct ViewScreen<'a> {
    pub state: &'a ViewState,
    pub guide: &'a Guide,
    pub texts: &'a Texts,
    pub theme: &'a Theme,
}

impl Widget for ViewScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [body, note] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(2 * u16::from(self.state.exported.is_some())),
        ]));
        let title = if self.state.read_only {
            format!("{} ({})", self.texts.view_title, self.texts.view_read_only)
        } else {
            self.texts.view_title.to_string()
        };
        let block = self.theme.screen_block(&title);
        let lines = record_lines(&self.state.record, self.guide, self.texts, self.theme, true);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.state.scroll, 0))
            .block(block)
            .render(body, buf);
        if let Some(path) = &self.state.exported {
            let text = fill(self.texts.finish_exported, &[&path.display().to_string()]);
            Paragraph::new(Span::styled(text, self.theme.ok))
                .wrap(Wrap { trim: true })
                .render(note, buf);
        }
    }
}
