//! One key of the meeting: its heading, the box of prompts (or what was said last time),
//! the preparation, the notes and the examples, fitted into the rows there are.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::focus::{Focus, Part};
use super::render::{MeetingScreen, SIDEBAR_WIDTH, heading_text, wrapped_height};
use crate::domain::{Addressee, Example, KeyId, Quality};
use crate::i18n::fill;
use crate::tui::dates::show_date;

/// Rows of the parts of a key, top to bottom; the notes take what is left.
struct KeyLayout {
    heading: u16,
    panel_title: u16,
    panel: u16,
    panel_needed: u16,
    prep: u16,
    examples: u16,
}

impl MeetingScreen<'_> {
    /// The lines above the notes: the guide's questions, or what was said last time.
    fn panel_lines(&self, key: KeyId) -> (String, Vec<Line<'static>>) {
        let s = self.state;
        let t = self.texts;
        if !s.show_earlier || !s.has_earlier() {
            let all = &s.guide.key(s.moment(), key).prompts;
            let prompts: Vec<&crate::domain::Prompt> = all
                .iter()
                .filter(|p| p.to != Some(Addressee::StudentAlone))
                .collect();
            let mut lines: Vec<Line<'static>> = prompts
                .iter()
                .map(|p| {
                    let mark = if p.core { '★' } else { '•' };
                    Line::raw(match p.to {
                        Some(to) => format!("{mark} [{}] {}", t.addressee(to), p.text),
                        None => format!("{mark} {}", p.text),
                    })
                })
                .collect();
            if prompts.len() < all.len() {
                lines.push(Line::styled(
                    fill(t.label_alone_prompts_elsewhere, &[t.section_private]),
                    self.theme.private,
                ));
            }
            if prompts.iter().any(|p| p.core) {
                lines.push(Line::styled(
                    t.label_core_prompts.to_string(),
                    self.theme.dim,
                ));
            }
            return (t.label_prompts.to_string(), lines);
        }
        let mut lines = Vec::new();
        for record in &s.earlier {
            let capture = record.keys.get(key);
            lines.push(Line::styled(
                format!(
                    "{} ({})",
                    s.guide.moment(record.moment).title,
                    show_date(t, record.date)
                ),
                self.theme.title,
            ));
            if capture.is_empty() {
                lines.push(Line::styled(t.md_nothing.to_string(), self.theme.dim));
            }
            lines.extend(
                capture
                    .notes
                    .trim_end()
                    .lines()
                    .map(|l| Line::raw(l.to_string())),
            );
            for e in &capture.examples {
                lines.push(Line::from(vec![
                    Span::raw(format!("▸ {} ", e.text)),
                    Span::styled(format!("({})", self.example_about(e)), self.theme.dim),
                ]));
            }
        }
        (t.label_earlier.to_string(), lines)
    }

    /// The heading of a key: its number, title and purpose.
    fn key_heading(&self, key: KeyId) -> Line<'static> {
        let s = self.state;
        let guide = s.guide.key(s.moment(), key);
        Line::from(vec![
            Span::styled(
                format!("{}. {}", key.index() + 1, s.guide.key_title(key)),
                self.theme.title,
            ),
            Span::styled(format!(" — {}", guide.purpose), self.theme.dim),
        ])
    }

    /// How a key divides `area` between its heading, the questions (or last time), the
    /// preparation, the notes and the examples.
    fn key_layout(&self, key: KeyId, area: Rect) -> KeyLayout {
        let s = self.state;
        let width = area.width.max(1);
        let heading = self.key_heading(key);
        // The key's purpose is shown whole where there is room: it says what the key is for.
        let mut heading_h = wrapped_height(&heading_text(&heading), width);
        let (_, panel) = self.panel_lines(key);
        let panel_needed: u16 = panel
            .iter()
            .map(|l| wrapped_height(&heading_text(l), width))
            .fold(0, u16::saturating_add);
        let examples = &s.record.keys.get(key).examples;
        let example_rows: u16 = examples
            .iter()
            .take(6)
            .map(|e| wrapped_height(&self.example_text(e), width.saturating_sub(2)))
            .fold(0, u16::saturating_add);
        let examples_h = if examples.is_empty() {
            1
        } else {
            example_rows.clamp(1, 5)
        } + 2;
        let prep_wanted = s
            .prepared(key)
            .as_ref()
            .map_or(0, |p| self.prepared_height(p, width.saturating_sub(2)));
        // With a preparation, the meeting goes straight to it: it gets the room first, and
        // the questions keep one line in view (PgDn scrolls them).
        let min_notes = if prep_wanted > 0 { 4 } else { 5 };
        let fit_prep = |heading_h: u16| {
            let before_prep = area
                .height
                .saturating_sub(heading_h + examples_h + min_notes + 1);
            prep_wanted.min(
                before_prep
                    .saturating_sub(1)
                    .max(3 * u16::from(prep_wanted > 0)),
            )
        };
        let mut prep_h = fit_prep(heading_h);
        // What the trainer prepared matters more than the key's purpose under its title.
        if prep_h < prep_wanted && heading_h > 1 {
            heading_h = 1;
            prep_h = fit_prep(heading_h);
        }
        // The panel's title row plus its lines, in the room the notes leave.
        let room = area
            .height
            .saturating_sub(heading_h + examples_h + prep_h + min_notes + 1);
        let panel_h = panel_needed.min(room);
        // In a small window the field with the keyboard stays in view: the heading keeps one
        // line, and the boxes without the focus go before the notes would.
        let (heading_h, panel_title_h, prep_h, examples_h) =
            self.fit_short(key, area.height, heading_h, prep_h, examples_h);
        KeyLayout {
            heading: heading_h,
            panel_title: panel_title_h,
            panel: panel_h,
            panel_needed,
            prep: prep_h,
            examples: examples_h,
        }
    }

    /// The area a part of the meeting is drawn in, within the screen's `body`.
    fn section_area(body: Rect) -> Rect {
        let [_, below] = body.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        let sidebar = if below.width >= 64 { SIDEBAR_WIDTH } else { 0 };
        let [_, main] = below.layout(&Layout::horizontal([
            Constraint::Length(sidebar),
            Constraint::Fill(1),
        ]));
        main.inner(ratatui::layout::Margin::new(1, 0))
    }

    /// At a key, the lines of the box above the notes in view and in all, when the screen's
    /// body is `body`.
    pub fn panel_rows(&self, body: Rect) -> Option<(u16, u16)> {
        let Part::Key(key) = self.state.part() else {
            return None;
        };
        let layout = self.key_layout(key, Self::section_area(body));
        Some((layout.panel, layout.panel_needed))
    }

    pub(super) fn render_key(&self, key: KeyId, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.texts;
        let heading = self.key_heading(key);
        let (panel_title, panel) = self.panel_lines(key);
        let examples = &s.record.keys.get(key).examples;
        let prepared = s.prepared(key);
        let KeyLayout {
            heading: heading_h,
            panel_title: panel_title_h,
            panel: panel_h,
            panel_needed,
            prep: prep_h,
            examples: examples_h,
        } = self.key_layout(key, area);
        let [
            heading_area,
            panel_area,
            prep_area,
            notes_area,
            examples_area,
        ] = area.layout(&Layout::vertical([
            Constraint::Length(heading_h),
            Constraint::Length((panel_h + 1).min(panel_title_h + panel_h)),
            Constraint::Length(prep_h),
            Constraint::Fill(1),
            Constraint::Length(examples_h),
        ]));
        Paragraph::new(heading)
            .wrap(Wrap { trim: true })
            .render(heading_area, buf);
        let hidden = panel_needed.saturating_sub(panel_h);
        let scroll = s.panel_scroll.min(hidden);
        // Short enough for 80 columns: which part is shown, which way there is more, and
        // the key that switches between questions and last time.
        let mut title = format!("─ {panel_title} ");
        if hidden > 0 && panel_h > 0 {
            let from = (scroll + 1).to_string();
            let to = (scroll + panel_h).to_string();
            title.push_str(&fill(
                t.label_panel_lines,
                &[&from, &to, &panel_needed.to_string()],
            ));
            let more = match (scroll > 0, scroll < hidden) {
                (true, true) => " PgUp/PgDn",
                (false, true) => " PgDn",
                (true, false) => " PgUp",
                (false, false) => "",
            };
            title.push_str(more);
            title.push(' ');
        }
        if s.has_earlier() {
            let other = if s.show_earlier {
                t.label_prompts
            } else {
                t.label_earlier
            };
            title.push_str(&fill(t.label_panel_toggle, &[other]));
        }
        Paragraph::new(panel)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(
                Block::new()
                    .borders(Borders::TOP)
                    .border_style(self.theme.border)
                    .title(Span::styled(title, self.theme.dim)),
            )
            .render(panel_area, buf);
        if let Some(prepared) = &prepared {
            self.render_prepared(key, prepared, prep_area, buf);
        }
        self.render_text_block(
            &s.notes[key.index()],
            t.label_notes,
            self.has_focus(Focus::Notes(key)),
            notes_area,
            buf,
        );
        self.render_examples(key, examples, examples_area, buf);
    }

    /// Heights of the heading, the questions' title row, the preparation and the examples
    /// that leave the notes (or the focused box) at least one line of text at `height`.
    fn fit_short(
        &self,
        key: KeyId,
        height: u16,
        heading: u16,
        prep: u16,
        examples: u16,
    ) -> (u16, u16, u16, u16) {
        let notes = 3;
        let fits = |h: u16, t: u16, p: u16, e: u16| h + t + p + e + notes <= height;
        let (mut h, mut t, mut p, mut e) = (heading, 1, prep, examples);
        if !fits(h, t, p, e) {
            h = h.min(1);
        }
        if !fits(h, t, p, e) && self.state.focus != Focus::Examples(key) {
            e = 0;
        }
        if !fits(h, t, p, e) && self.state.focus != Focus::Prepared(key) {
            p = 0;
        }
        if !fits(h, t, p, e) {
            t = 0;
        }
        (h, t, p, e)
    }

    fn render_examples(&self, key: KeyId, examples: &[Example], area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.texts;
        let focused = self.has_focus(Focus::Examples(key));
        let title = format!(" {} ({}) ", t.label_examples, examples.len());
        let block = self.field_block(&title, focused);
        let inner = block.inner(area);
        block.render(area, buf);
        if examples.is_empty() {
            Paragraph::new(Span::styled(t.label_no_examples, self.theme.dim))
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let selected = focused.then(|| s.example_row[key.index()]);
        // Keep the selected example in view: start a few before it when the list is long.
        let first = selected.map_or(0, |sel| sel.saturating_sub(usize::from(inner.height / 2)));
        let lines: Vec<Line> = examples
            .iter()
            .enumerate()
            .skip(first)
            .map(|(i, e)| {
                let style = if selected == Some(i) {
                    self.theme.selected
                } else {
                    Style::new()
                };
                Line::from(vec![
                    Span::styled(format!("{}. {}", i + 1, e.text), style),
                    Span::styled(format!(" ({})", self.example_about(e)), self.theme.dim),
                ])
            })
            .collect();
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }

    pub(super) fn example_about(&self, e: &Example) -> String {
        let t = self.texts;
        e.qualities()
            .into_iter()
            .map(|q| match q {
                Quality::GivenBy(r) => t.role(r),
                Quality::Strategy(x) => t.strategy(x),
                Quality::Recognised(x) => t.recognition(x),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub(super) fn example_text(&self, e: &Example) -> String {
        format!("00. {} ({})", e.text, self.example_about(e))
    }
}
