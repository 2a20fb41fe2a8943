//! Pop-up forms, the read-back and finishing, drawn over or instead of the conversation.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::focus::Part;
use super::render::MeetingScreen;
use super::state::Popup;
use crate::domain::Role;
use crate::i18n::fill;
use crate::tui::form::FormWidget;
use crate::tui::record_text::record_lines;

impl MeetingScreen<'_> {
    pub(super) fn render_popup(&self, area: Rect, buf: &mut Buffer) {
        let Some(popup) = &self.state.popup else {
            return;
        };
        let (title, height, form) = match popup {
            Popup::Example { form, .. } | Popup::Agreement { form, .. } => {
                (form.title.as_str(), form.height() + 2, Some(form))
            }
            Popup::ConfirmDelete => (self.texts.confirm_delete, 3, None),
            Popup::GoTo { selected } => return self.render_go_to(*selected, area, buf),
        };
        let width = area.width.saturating_sub(2).min(70);
        let popup_area = area.centered(
            Constraint::Length(width),
            Constraint::Length(height.min(area.height)),
        );
        Clear.render(popup_area, buf);
        let block = self.theme.popup_block(title);
        let inner = block.inner(popup_area);
        block.render(popup_area, buf);
        match form {
            Some(form) => FormWidget {
                form,
                theme: self.theme,
            }
            .render(inner, buf),
            None => Paragraph::new(Span::styled(self.texts.confirm_delete, self.theme.warning))
                .render(inner, buf),
        }
    }

    fn render_go_to(&self, selected: usize, area: Rect, buf: &mut Buffer) {
        let height = u16::try_from(Part::ALL.len()).unwrap_or(7) + 2;
        let width = area.width.saturating_sub(2).min(44);
        let popup_area = area.centered(
            Constraint::Length(width),
            Constraint::Length(height.min(area.height)),
        );
        Clear.render(popup_area, buf);
        let block = self.theme.popup_block(self.texts.go_to_title);
        let lines: Vec<Line> = Part::ALL
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let style = if i == selected {
                    self.theme.selected
                } else {
                    ratatui::style::Style::new()
                };
                Line::styled(format!(" {} {}", i + 1, self.part_label(*part)), style)
            })
            .collect();
        Paragraph::new(lines).block(block).render(popup_area, buf);
    }

    pub(super) fn render_finishing(
        &self,
        area: Rect,
        buf: &mut Buffer,
        agreed: &[Role],
        scroll: u16,
    ) {
        let t = self.texts;
        let empty: Vec<&str> = self
            .state
            .record
            .empty_keys()
            .into_iter()
            .map(|k| self.state.guide.key_title(k))
            .collect();
        let mut notes = vec![Line::styled(t.finish_intro.to_string(), self.theme.dim)];
        if !empty.is_empty() {
            notes.push(Line::styled(
                fill(t.finish_empty_keys, &[&empty.join(", ")]),
                self.theme.empty,
            ));
        }
        let mut spans = vec![Span::styled(
            format!("{}: ", t.finish_who_agreed),
            self.theme.title,
        )];
        for (i, role) in Role::ALL.into_iter().enumerate() {
            let check = if agreed.contains(&role) { "[x]" } else { "[ ]" };
            spans.push(Span::raw(format!("{} {check} {}   ", i + 1, t.role(role))));
        }
        notes.push(Line::from(spans));
        self.render_read_back(area, buf, scroll, notes);
    }

    /// The record as the people at the table will hear it (no private notes), with `notes`
    /// pinned below it.
    pub(super) fn render_read_back(
        &self,
        area: Rect,
        buf: &mut Buffer,
        scroll: u16,
        notes: Vec<Line>,
    ) {
        let s = self.state;
        let width = area.width.saturating_sub(2);
        // As ratatui wraps them: a path is shown whole, however its words fall.
        let notes_h = Paragraph::new(notes.clone())
            .wrap(Wrap { trim: true })
            .line_count(width.max(1));
        let notes_h = u16::try_from(notes_h).unwrap_or(u16::MAX).saturating_add(1);
        let [summary, bottom] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(notes_h + 1),
        ]));
        let block = Block::bordered()
            .border_style(self.theme.border)
            .title(Span::styled(
                format!(" {} ", self.texts.finish_title),
                self.theme.title,
            ));
        let lines = record_lines(&s.record, &s.guide, self.texts, self.theme, false);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(block)
            .render(summary, buf);
        Paragraph::new(notes)
            .wrap(Wrap { trim: true })
            .render(bottom.inner(ratatui::layout::Margin::new(1, 0)), buf);
    }
}
