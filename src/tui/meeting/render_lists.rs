//! The agreements and the meeting details parts of the meeting screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::focus::{DetailRow, Focus};
use super::render::MeetingScreen;
use crate::domain::{AgreementStatus, ConcernKind, RecordStatus, Role};
use crate::i18n::fill;
use crate::tui::dates::show_date;

/// The box in front of an agreement: empty while open, a mark once checked off.
const fn check(status: AgreementStatus) -> &'static str {
    match status {
        AgreementStatus::Open => "[ ]",
        AgreementStatus::Done => "[x]",
        AgreementStatus::Partly => "[~]",
        AgreementStatus::NotDone => "[-]",
        AgreementStatus::Dropped => "[/]",
    }
}

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
        let focused = self.has_focus(Focus::Agreements);
        let visible = usize::from(list.height.max(1)) / 2;
        let first = s.agreement_row.saturating_sub(visible.saturating_sub(1));
        let mut lines: Vec<Line> = Vec::new();
        for (i, a) in s.record.agreements.iter().enumerate().skip(first) {
            let due = a
                .due
                .map_or_else(|| t.agreement_none_due.to_string(), |d| show_date(t, d));
            let mut about = format!(" — {}, {due}", t.role(a.who));
            if a.status != AgreementStatus::Open {
                about.push_str(&format!(", {}", t.agreement_status(a.status)));
            }
            if let Some(from) = a.carried_from {
                let moment = s.guide.moment(from).title.to_lowercase();
                about.push_str(&format!(", {}", fill(t.label_carried_from, &[&moment])));
            }
            let style = if focused && i == s.agreement_row {
                self.theme.selected
            } else {
                Style::new()
            };
            let mut spans = vec![
                Span::styled(format!("{} {}", check(a.status), a.what), style),
                Span::styled(about, self.theme.dim),
            ];
            if a.is_overdue(s.record.date) {
                spans.push(Span::styled(
                    format!(", {}", t.label_overdue),
                    self.theme.warning,
                ));
            }
            lines.push(Line::from(spans));
            if !a.note.trim().is_empty() {
                lines.push(Line::styled(
                    format!("    {}", a.note.trim()),
                    self.theme.dim,
                ));
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(list, buf);
    }

    /// Rows of the concern block: a title, a row per kind, and the guide's checklist once
    /// something is ticked.
    pub(super) fn concern_height(&self, width: u16) -> u16 {
        let checklist: u16 = if self.state.record.concern.is_some() {
            self.state
                .guide
                .concern_checklist()
                .iter()
                .map(|item| super::render::wrapped_height(&format!("  → {item}"), width))
                .fold(0, u16::saturating_add)
        } else {
            0
        };
        u16::try_from(3 + ConcernKind::ALL.len())
            .unwrap_or(7)
            .saturating_add(checklist)
    }

    /// The private concern flag: whatever is ticked here is never shared, and the guide says
    /// whom to involve.
    pub(super) fn render_concern(&self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.texts;
        let ticked = s
            .record
            .concern
            .as_ref()
            .map_or(&[][..], |c| c.kinds.as_slice());
        let mut lines = vec![Line::styled(t.label_concern, self.theme.private)];
        for kind in ConcernKind::ALL {
            let focused = self.has_focus(Focus::Concern(kind));
            let mark = if ticked.contains(&kind) { "[x]" } else { "[ ]" };
            let style = if focused {
                self.theme.selected
            } else {
                Style::new()
            };
            let marker = if focused { "▸ " } else { "  " };
            lines.push(Line::from(vec![
                Span::raw(marker),
                Span::styled(format!("{mark} {}", t.concern_kind(kind)), style),
            ]));
        }
        if s.record.concern.is_some() {
            for item in s.guide.concern_checklist() {
                lines.push(Line::styled(format!("  → {item}"), self.theme.dim));
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(area.inner(ratatui::layout::Margin::new(0, 1)), buf);
    }

    pub(super) fn render_details(&self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.texts;
        let r = &s.record;
        let [title, rows] = area.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        Paragraph::new(Span::styled(
            format!("6. {}", t.section_details),
            self.theme.title,
        ))
        .render(title, buf);
        // The values start after the longest label, whichever language it is in.
        let label_width = [
            t.label_place,
            t.label_present,
            t.label_others,
            t.label_date,
            t.label_time,
            t.label_duration,
            t.label_guide_language,
        ]
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
            + 2;
        let mut lines = Vec::new();
        for row in DetailRow::ALL {
            let focused = self.has_focus(Focus::Detail(row));
            let style = if focused {
                self.theme.selected
            } else {
                Style::new()
            };
            let marker = if focused { "▸ " } else { "  " };
            let (label, value) = match row {
                DetailRow::Place => (t.label_place, format!("‹ {} ›", t.place(r.place))),
                DetailRow::Present(role) => {
                    let mark = if r.present.is_present(role) {
                        "[x]"
                    } else {
                        "[ ]"
                    };
                    let label = if role == Role::Student {
                        t.label_present
                    } else {
                        ""
                    };
                    (label, format!("{mark} {}", t.role(role)))
                }
                DetailRow::Others => (t.label_others, String::new()),
                DetailRow::Date => (t.label_date, String::new()),
                DetailRow::Time => (t.label_time, String::new()),
                DetailRow::Duration => (t.label_duration, String::new()),
                DetailRow::GuideLanguage => {
                    let name = t.language_name(s.guide.language);
                    if r.status == RecordStatus::Draft {
                        (t.label_guide_language, format!("‹ {name} ›"))
                    } else {
                        (t.label_guide_language, name.to_string())
                    }
                }
            };
            lines.push((
                row,
                Line::from(vec![
                    Span::styled(
                        format!("{marker}{label:<w$}", w = label_width),
                        self.theme.dim,
                    ),
                    Span::styled(value, style),
                ]),
            ));
        }
        // In a small window the list starts late enough for the focused row to show.
        let focused = DetailRow::ALL
            .iter()
            .position(|r| self.has_focus(Focus::Detail(*r)))
            .unwrap_or(0);
        let first = focused.saturating_sub(usize::from(rows.height.max(1)) - 1);
        let mut y = rows.y;
        for (row, line) in lines.into_iter().skip(first) {
            if y >= rows.bottom() {
                break;
            }
            let line_area = Rect {
                y,
                height: 1,
                ..rows
            };
            Paragraph::new(line).render(line_area, buf);
            if let Some(text) = s.detail_area(row) {
                let offset = u16::try_from(label_width + 2).unwrap_or(18);
                let field = Rect {
                    x: line_area.x + offset,
                    width: line_area.width.saturating_sub(offset),
                    ..line_area
                };
                text.render(field, buf);
            }
            y += 1;
        }
        if y + 1 < rows.bottom() {
            let hint = Rect {
                y: y + 1,
                height: rows.bottom() - y - 1,
                ..rows
            };
            Paragraph::new(Span::styled(t.details_hint, self.theme.dim))
                .wrap(Wrap { trim: true })
                .render(hint, buf);
        }
    }
}
