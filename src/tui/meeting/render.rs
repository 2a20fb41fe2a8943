use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};

use super::focus::{Focus, Part};
use super::session::SaveStatus;
use super::state::{MeetingState, Phase};

use crate::domain::text::printable;
use crate::domain::{Addressee, KeyId};
use crate::export::page_beside;
use crate::i18n::{Texts, fill};
use crate::tui::theme::Theme;

/// Draws a meeting in progress.
pub struct MeetingScreen<'a> {
    pub state: &'a MeetingState,
    pub texts: &'a Texts,
    pub theme: &'a Theme,
}

pub(super) const SIDEBAR_WIDTH: u16 = 26;

impl Widget for MeetingScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [header, body] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        self.render_header(header, buf);
        match &self.state.phase {
            Phase::Conversation => {
                let show_sidebar = body.width >= 64;
                let sidebar_width = if show_sidebar { SIDEBAR_WIDTH } else { 0 };
                let [sidebar, main] = body.layout(&Layout::horizontal([
                    Constraint::Length(sidebar_width),
                    Constraint::Fill(1),
                ]));
                if show_sidebar {
                    self.render_sidebar(sidebar, buf);
                }
                self.render_section(main, buf);
                self.render_popup(main, buf);
            }
            Phase::Finishing { agreed, scroll } => {
                self.render_finishing(body, buf, agreed, *scroll)
            }
            Phase::Saving => self.render_read_back(body, buf, 0, Vec::new()),
            Phase::Finished {
                path,
                exported,
                scroll,
            } => {
                let mut notes = vec![Line::styled(
                    fill(self.texts.finish_saved, &[&path.display().to_string()]),
                    self.theme.ok,
                )];
                if let Some(exported) = exported {
                    let text = fill(
                        self.texts.finish_exported,
                        &[
                            &exported.display().to_string(),
                            &page_beside(exported).display().to_string(),
                        ],
                    );
                    notes.extend(
                        text.lines()
                            .map(|l| Line::styled(l.to_string(), self.theme.ok)),
                    );
                }
                self.render_read_back(body, buf, *scroll, notes);
            }
        }
    }
}

impl MeetingScreen<'_> {
    fn render_header(&self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let secs = s.seconds_spent();
        let clock = format!(" ⏱ {:02}:{:02} ", secs / 60, secs % 60);
        let save_status = self.save_span();
        let right_width =
            u16::try_from(clock.chars().count() + save_status.width()).unwrap_or(u16::MAX);
        let [left, right] = area.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(right_width),
        ]));
        let title = format!(
            " {} · {} · {}",
            s.guide.moment(s.moment()).title,
            printable(&s.record.placement.student),
            printable(&s.record.placement.company)
        );
        Paragraph::new(Span::styled(title, self.theme.title)).render(left, buf);
        Paragraph::new(Line::from(vec![
            Span::styled(clock, self.theme.title),
            save_status,
        ]))
        .render(right, buf);
    }

    fn save_span(&self) -> Span<'static> {
        let t = self.texts;
        match &self.state.session.save_status {
            SaveStatus::Idle => Span::raw(""),
            SaveStatus::Pending => Span::styled(format!("{} ", t.save_pending), self.theme.dim),
            SaveStatus::Saved(at) => Span::styled(
                format!(
                    "{} ",
                    fill(t.save_done, &[&at.format("%H:%M:%S").to_string()])
                ),
                self.theme.ok,
            ),
            SaveStatus::Failed(_) => Span::styled(" ! ", self.theme.warning),
        }
    }

    pub(super) fn part_label(&self, part: Part) -> String {
        let t = self.texts;
        let s = self.state;
        match part {
            Part::Key(k) => s.guide.key_title(k).to_string(),
            Part::Agreements => {
                format!(
                    "{} ({} {})",
                    t.section_agreements,
                    s.record.open_agreements(),
                    t.agreement_open
                )
            }
            Part::Details => t.section_details.to_string(),
            Part::Private => t.section_private.to_string(),
        }
    }

    fn render_sidebar(&self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        // Marker and number take four columns, the margins two more; a longer title goes on
        // to a second line under its first word, so no title is ever cut.
        let room = usize::from(area.width).saturating_sub(7).max(1);
        let mut lines: Vec<Line> = Vec::new();
        for (i, part) in Part::ALL.iter().enumerate() {
            let marker = match part {
                Part::Key(k) if s.record.keys.get(*k).is_empty() => {
                    Span::styled("○ ", self.theme.empty)
                }
                Part::Key(_) => Span::styled("● ", self.theme.captured),
                _ => Span::raw("  "),
            };
            let style = if *part == s.part() {
                self.theme.selected
            } else {
                Style::new()
            };
            for (row, text) in wrap_words(&self.part_label(*part), room)
                .into_iter()
                .enumerate()
            {
                lines.push(if row == 0 {
                    Line::from(vec![
                        marker.clone(),
                        Span::styled(format!("{} {text}", i + 1), style),
                    ])
                } else {
                    Line::from(vec![Span::raw("    "), Span::styled(text, style)])
                });
            }
        }
        let list_rows = u16::try_from(lines.len() + 1).unwrap_or(u16::MAX);
        let block = Block::new()
            .borders(Borders::RIGHT)
            .border_style(self.theme.border);
        let inner = block.inner(area);
        block.render(area, buf);
        let [list, legend] = inner.layout(&Layout::vertical([
            Constraint::Length(list_rows),
            Constraint::Fill(1),
        ]));
        Paragraph::new(lines).render(list.inner(ratatui::layout::Margin::new(1, 0)), buf);
        let legend_lines = vec![
            Line::from(vec![
                Span::styled("● ", self.theme.captured),
                Span::styled(self.texts.label_captured, self.theme.dim),
            ]),
            Line::from(vec![
                Span::styled("○ ", self.theme.empty),
                Span::styled(self.texts.label_nothing_yet, self.theme.dim),
            ]),
        ];
        Paragraph::new(legend_lines).render(legend.inner(ratatui::layout::Margin::new(1, 0)), buf);
    }

    fn render_section(&self, area: Rect, buf: &mut Buffer) {
        let area = area.inner(ratatui::layout::Margin::new(1, 0));
        match self.state.part() {
            Part::Key(key) => self.render_key(key, area, buf),
            Part::Agreements => self.render_agreements(area, buf),
            Part::Details => self.render_details(area, buf),
            Part::Private => self.render_private(area, buf),
        }
    }

    /// Part 7: the questions for the student alone, what the student asked to discuss alone,
    /// the private notes and the concern checklist.
    fn render_private(&self, area: Rect, buf: &mut Buffer) {
        let alone = self.alone_lines();
        let concern_h = self
            .concern_height(area.width)
            .min(area.height.saturating_sub(7));
        // The private notes keep five rows, whatever the questions above them need.
        let alone_h = if alone.is_empty() {
            0
        } else {
            let wanted = alone
                .iter()
                .map(|line| wrapped_height(&heading_text(line), area.width))
                .fold(0, u16::saturating_add);
            wanted.min(area.height.saturating_sub(2 + concern_h + 5))
        };
        let [title, alone_area, notes, concern] = area.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(alone_h),
            Constraint::Fill(1),
            Constraint::Length(concern_h),
        ]));
        self.render_concern(concern, buf);
        Paragraph::new(Span::styled(
            format!("7. {}", self.texts.section_private),
            self.theme.private,
        ))
        .render(title, buf);
        Paragraph::new(alone)
            .wrap(Wrap { trim: true })
            .render(alone_area, buf);
        self.render_text_block(
            &self.state.private,
            self.texts.label_notes,
            self.has_focus(Focus::Private),
            notes,
            buf,
        );
    }

    /// The guide's questions for the student alone, from all four keys, and what the student
    /// wrote they want to discuss alone: asked at the end, without the trainer at the table.
    fn alone_lines(&self) -> Vec<Line<'static>> {
        let s = self.state;
        let t = self.texts;
        let prompts: Vec<&crate::domain::Prompt> = KeyId::ALL
            .into_iter()
            .flat_map(|key| &s.guide.key(s.moment(), key).prompts)
            .filter(|p| p.to == Some(Addressee::StudentAlone))
            .collect();
        let topics = s.alone_topics();
        if prompts.is_empty() && topics.is_empty() {
            return Vec::new();
        }
        let mut lines = vec![Line::styled(
            format!("{}:", t.label_alone),
            self.theme.private,
        )];
        for p in prompts {
            let mark = if p.core { '★' } else { '•' };
            lines.push(Line::raw(format!("{mark} {}", p.text)));
        }
        if !topics.is_empty() {
            lines.push(Line::styled(t.label_alone_asked, self.theme.dim));
            for topic in topics {
                lines.extend(topic.lines().map(|l| Line::raw(format!("  {l}"))));
            }
        }
        lines
    }

    /// Whether `focus` has the keyboard (no pop-up over it).
    pub(super) fn has_focus(&self, focus: Focus) -> bool {
        self.state.focus == focus && self.state.popup.is_none()
    }

    /// The border of a field: thick and lit while it has the keyboard.
    pub(super) fn field_block<'b>(&self, title: &str, focused: bool) -> Block<'b> {
        let (kind, border, label) = if focused {
            (
                BorderType::Thick,
                self.theme.focused_border,
                self.theme.title,
            )
        } else {
            (BorderType::Plain, self.theme.border, self.theme.dim)
        };
        Block::bordered()
            .border_type(kind)
            .border_style(border)
            .title(Span::styled(title.to_string(), label))
    }

    pub(super) fn render_text_block(
        &self,
        area_text: &ratatui_textarea::TextArea,
        title: &str,
        focused: bool,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let width = area.width.saturating_sub(2);
        let visible = area.height.saturating_sub(2);
        // Counted only as far as the box reaches: huge notes must not slow down each frame.
        let mut rows: u16 = 0;
        for line in area_text.lines() {
            rows = rows.saturating_add(wrapped_height(line, width));
            if rows > visible {
                break;
            }
        }
        // Long notes say where the cursor is, so text above or below the box is not
        // mistaken for lost.
        let title = if rows > visible {
            let line = (area_text.cursor().0 + 1).to_string();
            let total = area_text.lines().len().to_string();
            format!(
                " {title} · {} ",
                fill(self.texts.label_line_of, &[&line, &total])
            )
        } else {
            format!(" {title} ")
        };
        let block = self.field_block(&title, focused);
        let inner = block.inner(area);
        block.render(area, buf);
        area_text.render(inner, buf);
    }
}

/// `text` in lines of at most `width` characters, broken between words; a word longer than
/// a line is broken inside it.
pub(super) fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        let used = line.chars().count();
        if used > 0 && used + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        while word.len() > width {
            let rest = word.split_off(width);
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.iter().collect());
            word = rest;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.extend(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

pub(super) fn heading_text(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// Rows a text takes when word-wrapped at `width`; an estimate that errs on the high side.
pub(super) fn wrapped_height(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = text
        .lines()
        .map(|line| {
            let mut rows = 1;
            let mut used = 0;
            for word in line.split(' ') {
                let w = word.chars().count();
                if used > 0 && used + 1 + w > width {
                    rows += 1;
                    used = w;
                } else {
                    used += if used > 0 { 1 + w } else { w };
                }
                rows += used.saturating_sub(1) / width;
                used = if used > width { used % width } else { used };
            }
            rows
        })
        .sum();
    u16::try_from(rows.max(1)).unwrap_or(u16::MAX)
}
