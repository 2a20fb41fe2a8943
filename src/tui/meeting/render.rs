use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};

use super::focus::{Focus, Part};
use super::session::SaveStatus;
use super::state::{MeetingState, Phase};
use crate::domain::at_key::{Judgement, KeyPreparation as Prepared};
use crate::domain::text::printable;
use crate::domain::{Addressee, Example, KeyId, Moment, Quality};
use crate::export::page_beside;
use crate::i18n::{Texts, fill};
use crate::tui::dates::show_date;
use crate::tui::theme::Theme;

/// Draws a meeting in progress.
pub struct MeetingScreen<'a> {
    pub state: &'a MeetingState,
    pub texts: &'a Texts,
    pub theme: &'a Theme,
}

const SIDEBAR_WIDTH: u16 = 26;

/// Rows of the parts of a key, top to bottom; the notes take what is left.
struct KeyLayout {
    heading: u16,
    panel_title: u16,
    panel: u16,
    panel_needed: u16,
    prep: u16,
    examples: u16,
}

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
    fn field_block<'b>(&self, title: &str, focused: bool) -> Block<'b> {
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

    fn render_key(&self, key: KeyId, area: Rect, buf: &mut Buffer) {
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

    /// Rows the preparation box wants: each side's words and the examples, within limits so
    /// the notes keep their room.
    fn prepared_height(&self, prepared: &Prepared, width: u16) -> u16 {
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
    fn side_texts(&self, prepared: &Prepared) -> Vec<(crate::domain::Role, String)> {
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
    fn judgement_missing_text(&self, prepared: &Prepared) -> Option<&'static str> {
        (prepared.judgement == Some(Judgement::Missing)).then(|| match self.state.moment() {
            Moment::Final => self.texts.label_judgement_missing_final,
            _ => self.texts.label_judgement_missing_midway,
        })
    }

    /// The box's title: the trainer's judgement where key 3 opens with it, else "prepared".
    fn prepared_title(&self, prepared: &Prepared) -> String {
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
    fn render_prepared(&self, key: KeyId, prepared: &Prepared, area: Rect, buf: &mut Buffer) {
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
