//! The box above a key's notes that shows what the trainer and the student prepared for it:
//! each side's words (side by side where there is room), the examples to take over, and at
//! key 3 of a later meeting what to do when no judgement came in.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::focus::Focus;
use super::render::{MeetingScreen, heading_text, wrapped_height};
use crate::domain::at_key::{Judgement, KeyPreparation as Prepared};
use crate::domain::{Example, KeyId, Moment};

impl MeetingScreen<'_> {
    /// Rows the preparation box wants: each side's words and the examples, within limits so
    /// the notes keep their room.
    pub(super) fn prepared_height(&self, prepared: &Prepared, width: u16) -> u16 {
        let sides = self.side_texts(prepared);
        let side_width = if sides.len() > 1 && width >= 48 {
            width / 2
        } else {
            width
        };
        let sides: u16 = sides
            .iter()
            .map(|(_, text)| wrapped_height(text, side_width.saturating_sub(1)) + 1)
            .fold(0, |a: u16, h| {
                if side_width < width {
                    a.max(h)
                } else {
                    a.saturating_add(h)
                }
            });
        let examples: u16 = prepared
            .examples
            .iter()
            .take(4)
            .map(|e| wrapped_height(&self.example_text(e), width))
            .fold(0, u16::saturating_add);
        let missing = self
            .judgement_missing_text(prepared)
            .map_or(0, |text| wrapped_height(text, width));
        // The final judgement is what the meeting is about: it gets more room than a side note.
        let most = if prepared.judgement.is_some() { 8 } else { 5 };
        (sides.min(most) + examples.min(4) + missing.min(5)).max(1) + 2
    }

    /// Each side's answers as the box shows them: its role and its lines.
    pub(super) fn side_texts(&self, prepared: &Prepared) -> Vec<(crate::domain::Role, String)> {
        prepared
            .sides
            .iter()
            .map(|side| {
                // The answers as lines under short labels: `Kan nu zelfstandig: …`.
                let lines: Vec<String> = side
                    .answers
                    .iter()
                    .map(|(q, text)| format!("{}: {text}", self.texts.prep_text(*q, side.by).short))
                    .collect();
                (side.role(), lines.join("\n"))
            })
            .collect()
    }

    /// At key 3 of the midway or final meeting without the trainer's judgement: what to do.
    pub(super) fn judgement_missing_text(&self, prepared: &Prepared) -> Option<&'static str> {
        (prepared.judgement == Some(Judgement::Missing)).then(|| match self.state.moment() {
            Moment::Final => self.texts.label_judgement_missing_final,
            _ => self.texts.label_judgement_missing_midway,
        })
    }

    /// The box's title: the trainer's judgement where key 3 opens with it, else "prepared".
    pub(super) fn prepared_title(&self, prepared: &Prepared) -> String {
        let t = self.texts;
        let Some(judgement) = prepared.judgement else {
            return format!(" {} ", t.label_prepared_by);
        };
        let name = match self.state.moment() {
            Moment::Final => t.label_final_judgement,
            _ => t.label_interim_judgement,
        };
        match judgement {
            Judgement::Prepared(Some(day)) => format!(" {name} ({}) ", t.date(day)),
            Judgement::Prepared(None) | Judgement::Missing => format!(" {name} "),
        }
    }

    /// The trainer's and the student's preparation for this key: their own words side by
    /// side where both prepared, then the examples, each of which Enter takes over.
    pub(super) fn render_prepared(
        &self,
        key: KeyId,
        prepared: &Prepared,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let s = self.state;
        let t = self.texts;
        let focused = self.has_focus(Focus::Prepared(key));
        let block = self.field_block(&self.prepared_title(prepared), focused);
        let inner = block.inner(area);
        block.render(area, buf);
        let sides = self.side_texts(prepared);
        let inner = match self.judgement_missing_text(prepared) {
            Some(text) => {
                let rows = wrapped_height(text, inner.width).min(inner.height);
                let [said, rest] = inner.layout(&Layout::vertical([
                    Constraint::Length(rows),
                    Constraint::Fill(1),
                ]));
                Paragraph::new(text)
                    .style(self.theme.warning)
                    .wrap(Wrap { trim: true })
                    .render(said, buf);
                rest
            }
            None => inner,
        };
        let side_lines = |role: crate::domain::Role, text: &str| -> Vec<Line<'static>> {
            let mut lines = vec![Line::styled(format!("{}:", t.role(role)), self.theme.dim)];
            lines.extend(text.lines().map(|l| Line::raw(l.to_string())));
            lines
        };
        let taken = &s.record.keys.get(key).examples;
        let selected = focused.then(|| s.prepared_row[key.index()]);
        let example_line = |i: usize, e: &Example| -> Line<'static> {
            let mark = if taken.iter().any(|x| x.text == e.text) {
                "✓"
            } else {
                "▸"
            };
            let style = if selected == Some(i) {
                self.theme.selected
            } else {
                Style::new()
            };
            Line::from(vec![
                Span::styled(format!("{mark} {}", e.text), style),
                Span::styled(format!(" ({})", self.example_about(e)), self.theme.dim),
            ])
        };
        let example_rows = |i: usize, e: &Example| -> u16 {
            wrapped_height(&heading_text(&example_line(i, e)), inner.width)
        };
        // While an example is chosen, the whole of it is in view before the words above it.
        let examples_need = match selected.and_then(|i| prepared.examples.get(i).map(|e| (i, e))) {
            Some((i, e)) => example_rows(i, e),
            None => u16::from(!prepared.examples.is_empty()),
        };
        let sides_h = if sides.is_empty() {
            0
        } else {
            let avail = inner.height.saturating_sub(examples_need);
            let two = sides.len() > 1 && inner.width >= 48;
            let side_width = if two { inner.width / 2 } else { inner.width };
            let heights = sides
                .iter()
                .map(|(_, text)| wrapped_height(text, side_width) + 1);
            let needed = if two {
                heights.max().unwrap_or(1)
            } else {
                heights.fold(0, u16::saturating_add)
            };
            avail.min(needed)
        };
        let [sides_area, examples_area] = inner.layout(&Layout::vertical([
            Constraint::Length(sides_h),
            Constraint::Fill(1),
        ]));
        match sides.as_slice() {
            [(a, a_text), (b, b_text)] if inner.width >= 48 => {
                let [left, right] = sides_area.layout(&Layout::horizontal([
                    Constraint::Fill(1),
                    Constraint::Fill(1),
                ]));
                Paragraph::new(side_lines(*a, a_text))
                    .wrap(Wrap { trim: true })
                    .render(left.inner(ratatui::layout::Margin::new(0, 0)), buf);
                Paragraph::new(side_lines(*b, b_text))
                    .wrap(Wrap { trim: true })
                    .render(right, buf);
            }
            sides => {
                let lines: Vec<Line> = sides
                    .iter()
                    .flat_map(|(role, text)| side_lines(*role, text))
                    .collect();
                Paragraph::new(lines)
                    .wrap(Wrap { trim: true })
                    .render(sides_area, buf);
            }
        }
        // Start late enough that the chosen example is wholly on screen: an example is only
        // taken over after it was seen.
        let mut first = 0;
        if let Some(sel) = selected {
            let rows_from = |from: usize| -> u16 {
                prepared.examples[from..=sel.min(prepared.examples.len().saturating_sub(1))]
                    .iter()
                    .enumerate()
                    .map(|(j, e)| example_rows(from + j, e))
                    .fold(0, u16::saturating_add)
            };
            while first < sel && rows_from(first) > examples_area.height {
                first += 1;
            }
        }
        let lines: Vec<Line> = prepared
            .examples
            .iter()
            .enumerate()
            .skip(first)
            .map(|(i, e)| example_line(i, e))
            .collect();
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(examples_area, buf);
    }
}
