use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use super::state::{MeetingState, Mode, Phase, Section};
use crate::domain::KeyId;
use crate::i18n::{Texts, fill};
use crate::tui::theme::Theme;

/// Draws a meeting in progress. `save_status` is the saver's last word, shown in the header.
pub struct MeetingScreen<'a> {
    pub state: &'a MeetingState,
    pub texts: &'a Texts,
    pub theme: &'a Theme,
    pub save_status: Span<'a>,
}

const SIDEBAR_WIDTH: u16 = 26;

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
                    notes.push(Line::styled(
                        fill(
                            self.texts.finish_exported,
                            &[&exported.display().to_string()],
                        ),
                        self.theme.ok,
                    ));
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
        let right_width =
            u16::try_from(clock.chars().count() + self.save_status.width()).unwrap_or(u16::MAX);
        let [left, right] = area.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(right_width),
        ]));
        let title = format!(
            " {} · {} · {}",
            s.guide.moment(s.moment()).title,
            s.record.placement.student,
            s.record.placement.company
        );
        Paragraph::new(Span::styled(title, self.theme.title)).render(left, buf);
        Paragraph::new(Line::from(vec![
            Span::styled(clock, self.theme.title),
            self.save_status.clone(),
        ]))
        .render(right, buf);
    }

    pub(super) fn section_label(&self, section: Section) -> String {
        let t = self.texts;
        let s = self.state;
        match section {
            Section::Key(k) => s.guide.key_title(k).to_string(),
            Section::Agreements => {
                format!(
                    "{} ({} {})",
                    t.section_agreements,
                    s.record.open_agreements(),
                    t.agreement_open
                )
            }
            Section::Details => t.section_details.to_string(),
            Section::Private => t.section_private.to_string(),
        }
    }

    fn render_sidebar(&self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let lines: Vec<Line> = Section::ALL
            .iter()
            .enumerate()
            .map(|(i, section)| {
                let marker = match section {
                    Section::Key(k) if s.record.keys.get(*k).is_empty() => {
                        Span::styled("○ ", self.theme.empty)
                    }
                    Section::Key(_) => Span::styled("● ", self.theme.captured),
                    _ => Span::raw("  "),
                };
                // Marker, number and a margin take five columns; a longer title gets an ellipsis.
                let room = usize::from(area.width).saturating_sub(5);
                let label = format!(
                    "{} {}",
                    i + 1,
                    ellipsis(&self.section_label(*section), room.saturating_sub(2))
                );
                let style = if *section == s.section {
                    self.theme.selected
                } else {
                    Style::new()
                };
                Line::from(vec![marker, Span::styled(label, style)])
            })
            .collect();
        let block = Block::new()
            .borders(Borders::RIGHT)
            .border_style(self.theme.border);
        let inner = block.inner(area);
        block.render(area, buf);
        let [list, legend] = inner.layout(&Layout::vertical([
            Constraint::Length(8),
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
        match self.state.section {
            Section::Key(key) => self.render_key(key, area, buf),
            Section::Agreements => self.render_agreements(area, buf),
            Section::Details => self.render_details(area, buf),
            Section::Private => {
                let [title, notes] = area.layout(&Layout::vertical([
                    Constraint::Length(2),
                    Constraint::Fill(1),
                ]));
                Paragraph::new(Span::styled(
                    format!("7. {}", self.texts.section_private),
                    self.theme.private,
                ))
                .render(title, buf);
                self.render_text_block(
                    &self.state.private,
                    self.texts.label_notes,
                    self.is_typing(),
                    notes,
                    buf,
                );
            }
        }
    }

    pub(super) fn is_typing(&self) -> bool {
        self.state.mode == Mode::Typing && self.state.popup.is_none()
    }

    pub(super) fn render_text_block(
        &self,
        area_text: &ratatui_textarea::TextArea,
        title: &str,
        focused: bool,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let border = if focused {
            self.theme.focused_border
        } else {
            self.theme.border
        };
        let block = Block::bordered()
            .border_type(if focused {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .border_style(border)
            .title(Span::styled(
                format!(" {title} "),
                if focused {
                    self.theme.title
                } else {
                    self.theme.dim
                },
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        area_text.render(inner, buf);
    }

    fn render_key(&self, key: KeyId, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let guide = s.guide.key(s.moment(), key);
        let width = area.width.max(1);
        let heading = Line::from(vec![
            Span::styled(
                format!("{}. {}", key.index() + 1, s.guide.key_title(key)),
                self.theme.title,
            ),
            Span::styled(format!(" — {}", guide.purpose), self.theme.dim),
        ]);
        let heading_h = wrapped_height(&heading_text(&heading), width).min(4);
        let prompts: Vec<Line> = guide
            .prompts
            .iter()
            .map(|p| Line::raw(format!("• {p}")))
            .collect();
        let prompts_needed: u16 = guide
            .prompts
            .iter()
            .map(|p| wrapped_height(&format!("• {p}"), width))
            .sum();
        let examples = &s.record.keys.get(key).examples;
        let example_rows: u16 = examples
            .iter()
            .map(|e| wrapped_height(&self.example_text(e), width.saturating_sub(2)))
            .sum();
        let empty_rows = wrapped_height(self.texts.label_no_examples, width.saturating_sub(2));
        let examples_h = if examples.is_empty() {
            empty_rows.min(2)
        } else {
            example_rows.clamp(1, 6)
        } + 2;
        let preparation = (key == KeyId::TrainerJudgement)
            .then_some(s.record.trainer_preparation.as_ref())
            .flatten()
            .filter(|p| !p.judgement.trim().is_empty() || !p.examples.is_empty());
        // The trainer's judgement with the examples that back it, as prepared.
        let prep_text = preparation.map(|p| {
            let examples = p.examples.iter().map(|e| format!("\n▸ {}", e.text));
            p.judgement.trim().to_string() + &examples.collect::<String>()
        });
        let prep_h = prep_text.as_ref().map_or(0, |text| {
            wrapped_height(text, width.saturating_sub(2)).min(5) + 2
        });
        let min_notes = 5;
        let room_for_prompts = area
            .height
            .saturating_sub(heading_h + examples_h + prep_h + min_notes);
        let prompts_h = prompts_needed.min(room_for_prompts);
        let [
            heading_area,
            prompts_area,
            prep_area,
            notes_area,
            examples_area,
        ] = area.layout(&Layout::vertical([
            Constraint::Length(heading_h),
            Constraint::Length(prompts_h),
            Constraint::Length(prep_h),
            Constraint::Fill(1),
            Constraint::Length(examples_h),
        ]));
        Paragraph::new(heading)
            .wrap(Wrap { trim: true })
            .render(heading_area, buf);
        Paragraph::new(prompts)
            .wrap(Wrap { trim: false })
            .render(prompts_area, buf);
        if prompts_h < prompts_needed && prompts_area.height > 0 {
            // Say that questions are cut off, rather than letting them vanish unseen.
            let last = Rect {
                y: prompts_area.bottom() - 1,
                height: 1,
                ..prompts_area
            };
            Clear.render(last, buf);
            Paragraph::new(Span::styled(self.texts.label_more_prompts, self.theme.dim))
                .render(last, buf);
        }
        if let Some(prep) = prep_text {
            let block = Block::bordered()
                .border_style(self.theme.border)
                .title(Span::styled(
                    format!(" {} ", self.texts.label_preparation),
                    self.theme.dim,
                ));
            Paragraph::new(prep)
                .wrap(Wrap { trim: true })
                .block(block)
                .render(prep_area, buf);
        }
        let notes_focused = self.is_typing() || (s.mode == Mode::Browse && s.selected() == 0);
        self.render_text_block(
            &s.notes[key.index()],
            self.texts.label_notes,
            notes_focused && self.is_typing(),
            notes_area,
            buf,
        );
        self.render_examples(examples, examples_area, buf);
    }

    fn render_examples(&self, examples: &[crate::domain::Example], area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let t = self.texts;
        let block = Block::bordered()
            .border_style(self.theme.border)
            .title(Span::styled(
                format!(" {} ({}) ", t.label_examples, examples.len()),
                self.theme.dim,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        if examples.is_empty() {
            Paragraph::new(Span::styled(t.label_no_examples, self.theme.dim))
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let selected = (s.mode == Mode::Browse)
            .then(|| s.selected())
            .filter(|r| *r > 0)
            .map(|r| r - 1);
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

    pub(super) fn example_about(&self, e: &crate::domain::Example) -> String {
        let t = self.texts;
        let mut about = vec![t.role(e.given_by)];
        about.extend(e.strategy.map(|x| t.strategy(x)));
        about.extend(e.recognised.map(|x| t.recognition(x)));
        about.join(", ")
    }

    pub(super) fn example_text(&self, e: &crate::domain::Example) -> String {
        format!("00. {} ({})", e.text, self.example_about(e))
    }
}

pub(super) fn ellipsis(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
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
