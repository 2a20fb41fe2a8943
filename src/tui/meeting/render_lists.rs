//! The agreements and the meeting details parts of the meeting screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::render::MeetingScreen;
use super::state::{DETAIL_ROWS, Mode};
use crate::domain::{AgreementStatus, Role};
use crate::i18n::fill;

impl MeetingScreen<'_> {
    pub(super) fn render_agreements(&self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.texts;
        let [title, list] = area.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        Paragraph::new(Span::styled(
            format!("5. {}", t.section_agreements),
            self.theme.title,
        ))
        .render(title, buf);
        if s.record.agreements.is_empty() {
            Paragraph::new(Span::styled(t.agreements_empty, self.theme.dim))
                .wrap(Wrap { trim: true })
                .render(list, buf);
            return;
        }
        let visible = usize::from(list.height.max(1));
        let first = s.selected().saturating_sub(visible - 1);
        let lines: Vec<Line> = s
            .record
            .agreements
            .iter()
            .enumerate()
            .skip(first)
            .take(visible)
            .map(|(i, a)| {
                let check = if a.status == AgreementStatus::Done {
                    "[x] "
                } else {
                    "[ ] "
                };
                let due = a
                    .due
                    .map_or_else(|| t.agreement_none_due.to_string(), |d| d.to_string());
                let mut about = format!(" — {}, {due}", t.role(a.who));
                if let Some(from) = a.carried_from {
                    about.push_str(&format!(
                        ", {}",
                        fill(
                            t.label_carried_from,
                            &[&s.guide.moment(from).title.to_lowercase()]
                        )
                    ));
                }
                let style = if i == s.selected() {
                    self.theme.selected
                } else {
                    Style::new()
                };
                Line::from(vec![
                    Span::styled(format!("{check}{}", a.what), style),
                    Span::styled(about, self.theme.dim),
                ])
            })
            .collect();
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(list, buf);
    }

    pub(super) fn render_details(&self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.texts;
        let r = &s.record;
        let [title, rows, others, date] = area.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(u16::try_from(DETAIL_ROWS - 1).unwrap_or(4) + 1),
            Constraint::Length(4),
            Constraint::Fill(1),
        ]));
        Paragraph::new(Span::styled(
            format!("6. {}", t.section_details),
            self.theme.title,
        ))
        .render(title, buf);
        let style_for = |row: usize| {
            if s.mode == Mode::Browse && s.selected() == row {
                self.theme.selected
            } else {
                Style::new()
            }
        };
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{:<14}", t.label_place), self.theme.dim),
            Span::styled(format!("‹ {} ›", t.place(r.place)), style_for(0)),
        ])];
        lines.push(Line::styled(t.label_present.to_string(), self.theme.dim));
        for (i, role) in Role::ALL.into_iter().enumerate() {
            let check = if r.present.is_present(role) {
                "[x]"
            } else {
                "[ ]"
            };
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{check} {}", t.role(role)), style_for(i + 1)),
            ]));
        }
        Paragraph::new(lines).render(rows, buf);
        let typing_others = self.is_typing() && s.selected() == DETAIL_ROWS - 1;
        let title_style = style_for(DETAIL_ROWS - 1);
        let block = Block::bordered()
            .border_style(if typing_others {
                self.theme.focused_border
            } else {
                self.theme.border
            })
            .title(Span::styled(format!(" {} ", t.label_others), title_style));
        let inner = block.inner(others);
        block.render(others, buf);
        s.others.render(inner, buf);
        let when = format!("{:<14}{} {}", t.label_date, r.date, r.time.format("%H:%M"));
        Paragraph::new(Span::styled(when, self.theme.dim)).render(date, buf);
    }
}
