use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Text;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::RecordStatus;
use crate::domain::{Guide, MeetingRecord};
use crate::export::page_beside;
use crate::i18n::{Texts, fill};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
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

impl ViewState {
    pub fn offers(&self, action: Action) -> bool {
        match action {
            Action::EditAgain => !self.read_only,
            Action::CopyPath => self.exported.is_some(),
            _ => true,
        }
    }

    pub fn update(&mut self, action: Action, t: &Texts) -> Effect {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::Back => return Effect::Back,
            // Only a record everyone agreed to is shared; a draft seen from another window
            // must never overwrite the shared file of the agreed one.
            Action::Export if self.record.status != RecordStatus::Final => {
                return Effect::Say(t.export_draft_refused.into(), true);
            }
            Action::Export => return Effect::Export,
            Action::CopyPath => return Effect::CopyPath,
            Action::EditAgain if !self.read_only => {
                return Effect::EditAgain {
                    id: self.record.placement.id.clone(),
                    moment: self.record.moment,
                };
            }
            _ => {}
        }
        Effect::None
    }
}

pub struct ViewScreen<'a> {
    pub state: &'a ViewState,
    pub guide: &'a Guide,
    pub texts: &'a Texts,
    pub theme: &'a Theme,
}

impl Widget for ViewScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let exported = self.state.exported.as_ref().map(|path| {
            let text = fill(
                self.texts.finish_exported,
                &[
                    &path.display().to_string(),
                    &page_beside(path).display().to_string(),
                ],
            );
            Paragraph::new(Text::styled(text, self.theme.ok)).wrap(Wrap { trim: true })
        });
        // The path is shown whole, on as many rows as it needs.
        let note_h = exported
            .as_ref()
            .map_or(0, |p| p.line_count(area.width.max(1)));
        let [body, note] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(u16::try_from(note_h).unwrap_or(u16::MAX)),
        ]));
        // Whose record and which meeting, also when it was opened from a search.
        let record = &self.state.record;
        let about = format!(
            "{} · {} · {}",
            self.texts.view_title,
            crate::domain::text::printable(&record.placement.student),
            self.guide.moment(record.moment).title
        );
        let title = if self.state.read_only {
            format!("{about} ({})", self.texts.view_read_only)
        } else {
            about
        };
        let block = self.theme.screen_block(&title);
        let lines = record_lines(&self.state.record, self.guide, self.texts, self.theme, true);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.state.scroll, 0))
            .block(block)
            .render(body, buf);
        if let Some(exported) = exported {
            exported.render(note, buf);
        }
    }
}
