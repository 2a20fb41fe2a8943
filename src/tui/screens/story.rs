//! A placement's story at a glance: the three moments (when, where, who prepared), how the
//! trainer guided at each (a small bar per way of guiding), per key what was said at each
//! moment, and what became of every agreement. Side by side where the window is wide, one
//! under the other where it is not; readable without colour.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::story::Story;
use crate::domain::text::{capitalised, printable};
use crate::domain::{
    AgreementStatus, KeyId, MeetingRecord, Moment, Placement, RecordStatus, Strategy,
};
use crate::export::export_story;
use crate::i18n::{Texts, fill};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::page::ViewCx;
use crate::tui::page::{Next, Page, Services};
use crate::tui::screens::company::CompanyState;
use crate::tui::scroll::{scrolled, within};
use crate::tui::theme::Theme;

/// Wide enough for three columns of readable notes.
const COLUMNS_FROM: u16 = 120;

pub struct StoryState {
    pub placement: Placement,
    pub story: Story,
    /// The keys' titles in the guide of the interface's language.
    pub key_titles: [String; 4],
    pub scroll: u16,
    /// Where the story was last written as a page to print.
    pub printed: Option<PathBuf>,
    /// A record of the placement that could not be read, in the user's words.
    pub problem: Option<String>,
    /// The day the story was read, for what is overdue.
    pub today: chrono::NaiveDate,
}

impl StoryState {
    /// The story of placement `id`, read from its files. A record that cannot be read is
    /// named under the story; the others are shown.
    pub fn open(id: &str, services: &Services) -> Result<Self, String> {
        let placement = services
            .store
            .placement(id)
            .map_err(|e| e.describe(services.t))?;
        let (story, errors) = services.store.story(id);
        let key_titles = KeyId::ALL.map(|key| {
            services
                .guides
                .for_language(services.lang)
                .map_or_else(|| key.code().to_string(), |g| g.key_title(key).to_string())
        });
        Ok(Self {
            placement,
            story,
            key_titles,
            scroll: 0,
            printed: None,
            problem: errors.first().map(|e| e.describe(services.t)),
            today: services.today(),
        })
    }

    /// Writes the story as a page to print, in the interface's language, and shows where.
    fn print(&mut self, services: &Services) -> Next {
        let t = services.t;
        let Some(guide) = services.guides.for_language(services.lang) else {
            return Next::Say(t.err_no_guide.into(), true);
        };
        let written = export_story(
            services.store,
            services.export_dir,
            &self.placement,
            &self.story,
            guide,
            self.today,
        );
        match written {
            Ok(path) => {
                self.printed = Some(std::path::absolute(&path).unwrap_or(path));
                self.problem = None;
                Next::Stay
            }
            Err(e) => Next::Say(e.describe(t), true),
        }
    }

    fn scroll_by(&mut self, action: Action, services: &Services) {
        let Some(to) = scrolled(self.scroll, action, services.body) else {
            return;
        };
        self.scroll = to;
        if let Some(body) = services.body {
            let (t, theme) = (services.t, services.theme);
            let rows = if body.width >= COLUMNS_FROM {
                self.band_heights(body.width, t, theme)
                    .iter()
                    .map(|h| usize::from(*h))
                    .sum()
            } else {
                Paragraph::new(self.stacked_lines(t, theme))
                    .wrap(Wrap { trim: false })
                    .line_count(body.width)
            };
            self.scroll = within(self.scroll, rows, body);
        }
    }
}

impl Page for StoryState {
    fn context(&self) -> KeyContext {
        KeyContext::Story
    }

    fn update(&mut self, action: Action, services: &Services) -> Next {
        match action {
            Action::Back => Next::Back,
            Action::Company => Next::push_or_say(CompanyState::open(&self.placement.id, services)),
            Action::Export => self.print(services),
            Action::CopyPath => Next::Effect(crate::tui::effect::Effect::CopyPath),
            _ => {
                self.scroll_by(action, services);
                Next::Stay
            }
        }
    }

    fn refresh(&mut self, services: &Services, _came_back_from: Option<Moment>) {
        if let Ok(fresh) = Self::open(&self.placement.id, services) {
            let (scroll, printed) = (self.scroll, self.printed.take());
            *self = Self {
                scroll,
                printed,
                ..fresh
            };
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        self.draw(area, buf, cx);
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_story
    }

    fn placement_id(&self) -> Option<&str> {
        Some(&self.placement.id)
    }

    fn written(&self) -> Option<&std::path::Path> {
        self.printed.as_deref()
    }
}

impl StoryState {
    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let (t, theme) = (cx.texts, cx.theme);
        let title = format!(
            "{} · {} · {}",
            t.story_title,
            printable(&self.placement.student),
            printable(&self.placement.company)
        );
        let block = theme.screen_block(&title);
        let mut inner = block.inner(area);
        block.render(area, buf);
        let note = match (&self.printed, &self.problem) {
            (Some(path), _) => Some(Span::styled(
                fill(t.story_printed, &[&path.display().to_string()]),
                theme.ok,
            )),
            (None, Some(problem)) => Some(Span::styled(problem.clone(), theme.warning)),
            (None, None) => None,
        };
        if let Some(note) = note {
            // The whole sentence, on as many rows as it needs, under the story.
            let note = Paragraph::new(note).wrap(Wrap { trim: true });
            let rows = u16::try_from(note.line_count(inner.width))
                .unwrap_or(u16::MAX)
                .min(inner.height / 2);
            let [rest, at] = inner.layout(&Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(rows),
            ]));
            note.render(at, buf);
            inner = rest;
        }
        if inner.width >= COLUMNS_FROM {
            self.render_columns(inner, buf, t, theme);
        } else {
            Paragraph::new(self.stacked_lines(t, theme))
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0))
                .render(inner, buf);
        }
    }

    /// One under the other: per part, a line per moment.
    fn stacked_lines(&self, t: &Texts, theme: &Theme) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        for moment in Moment::ALL {
            lines.push(self.moment_line(moment, t, theme));
        }
        lines.push(Line::default());
        lines.push(Line::styled(t.story_guidance, theme.title));
        for moment in Moment::ALL {
            lines.push(self.strategy_line(moment, t, theme));
        }
        for key in KeyId::ALL {
            lines.push(Line::default());
            let title = &self.key_titles[key.index()];
            lines.push(Line::styled(
                format!("{}. {title}", key.index() + 1),
                theme.title,
            ));
            for moment in Moment::ALL {
                let said = self.said(moment, key, t, theme);
                let mut first = vec![Span::styled(
                    format!("{} ", t.moment_letter(moment)),
                    theme.dim,
                )];
                let mut said = said.into_iter();
                if let Some(line) = said.next() {
                    first.extend(line.spans);
                }
                lines.push(Line::from(first));
                lines.extend(said.map(|l| {
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(l.spans);
                    Line::from(spans)
                }));
            }
        }
        lines.push(Line::default());
        lines.extend(self.agreement_lines(t, theme));
        lines
    }

    /// Three columns, a moment each, in bands that line up: the moments, then each key, so
    /// what was said under one key stands side by side. The agreements follow across the
    /// whole width.
    fn render_columns(&self, area: Rect, buf: &mut Buffer, t: &Texts, theme: &Theme) {
        let cells = columns(area);
        let width = cells[0].width.max(1);
        let bands = self.bands(t, theme);
        let mut agreements = vec![Line::default()];
        agreements.extend(self.agreement_lines(t, theme));
        // Rows scrolled past are skipped, band by band.
        let mut skip = self.scroll;
        let mut y = area.y;
        let bottom = area.y + area.height;
        for band in bands {
            let paragraphs = band.map(|lines| Paragraph::new(lines).wrap(Wrap { trim: false }));
            let height = band_height(&paragraphs, width);
            if skip >= height {
                skip -= height;
                continue;
            }
            let shown = (height - skip).min(bottom.saturating_sub(y));
            for (paragraph, cell) in paragraphs.into_iter().zip(cells) {
                let at = Rect::new(cell.x, y, cell.width, shown);
                paragraph.scroll((skip, 0)).render(at, buf);
            }
            skip = 0;
            y += shown;
            if y >= bottom {
                return;
            }
        }
        let rest = Rect::new(area.x, y, area.width, bottom - y);
        Paragraph::new(agreements)
            .wrap(Wrap { trim: false })
            .scroll((skip, 0))
            .render(rest, buf);
    }

    /// The bands of the columns: the moments, then each key, a column per moment.
    fn bands(&self, t: &Texts, theme: &Theme) -> Vec<[Vec<Line<'static>>; 3]> {
        let mut bands: Vec<[Vec<Line<'static>>; 3]> = vec![Moment::ALL.map(|m| {
            vec![
                self.moment_line(m, t, theme),
                self.strategy_line(m, t, theme),
            ]
        })];
        for key in KeyId::ALL {
            let title = &self.key_titles[key.index()];
            let heading = Line::styled(format!("{}. {title}", key.index() + 1), theme.title);
            bands.push(Moment::ALL.map(|m| {
                let mut lines = vec![Line::default(), heading.clone()];
                lines.extend(self.said(m, key, t, theme));
                lines
            }));
        }
        bands
    }

    /// How many rows each band and the agreements take at `width`, in columns.
    fn band_heights(&self, width: u16, t: &Texts, theme: &Theme) -> Vec<u16> {
        let cell = columns(Rect::new(0, 0, width, 1))[0].width.max(1);
        let mut heights: Vec<u16> = self
            .bands(t, theme)
            .into_iter()
            .map(|band| {
                band_height(
                    &band.map(|l| Paragraph::new(l).wrap(Wrap { trim: false })),
                    cell,
                )
            })
            .collect();
        let mut agreements = vec![Line::default()];
        agreements.extend(self.agreement_lines(t, theme));
        heights.push(
            u16::try_from(
                Paragraph::new(agreements)
                    .wrap(Wrap { trim: false })
                    .line_count(width),
            )
            .unwrap_or(u16::MAX),
        );
        heights
    }

    /// When and where a moment was held, and who prepared it.
    fn moment_line(&self, moment: Moment, t: &Texts, theme: &Theme) -> Line<'static> {
        let name = capitalised(t.moment_word(moment));
        if self.story.is_unreadable(moment) {
            return Line::from(vec![
                Span::styled(format!("✗ {name}"), theme.warning),
                Span::styled(format!(" {}", t.story_unreadable), theme.warning),
            ]);
        }
        let Some(record) = self.story.record(moment) else {
            return Line::from(vec![
                Span::styled(format!("○ {name}"), theme.dim),
                Span::styled(format!(" {}", t.story_not_held), theme.dim),
            ]);
        };
        let (mark, state) = match record.status {
            RecordStatus::Final => ("●", t.story_held),
            RecordStatus::Draft => ("◐", t.story_draft),
        };
        let mut spans = vec![
            Span::styled(format!("{mark} {name}"), theme.title),
            Span::raw(format!(
                " {state} {} · {}",
                t.date(record.date),
                t.place(record.place)
            )),
        ];
        let prepared = record.prepared_by();
        if !prepared.is_empty() {
            spans.push(Span::styled(
                format!(" · {} {}", t.story_prepared_by, t.roles(&prepared)),
                theme.dim,
            ));
        }
        Line::from(spans)
    }

    /// A small bar per way of guiding: how many examples of it were noted at `moment`.
    fn strategy_line(&self, moment: Moment, t: &Texts, theme: &Theme) -> Line<'static> {
        let counts = self.story.strategies(moment);
        let mut spans = vec![Span::styled(
            format!("{} ", t.moment_letter(moment)),
            theme.dim,
        )];
        for (strategy, count) in Strategy::ALL.into_iter().zip(counts) {
            let bar = "█".repeat(count.min(8));
            spans.push(Span::raw(format!("{} ", t.strategy(strategy))));
            spans.push(Span::styled(bar, theme.captured));
            spans.push(Span::raw(format!(" {count}  ")));
        }
        Line::from(spans)
    }

    /// What was said at `moment` under `key`: the notes' first lines and the examples, with
    /// who gave them and the way of guiding.
    fn said(&self, moment: Moment, key: KeyId, t: &Texts, theme: &Theme) -> Vec<Line<'static>> {
        let Some(record) = self.story.record(moment) else {
            return vec![Line::styled("—", theme.dim)];
        };
        let capture = record.keys.get(key);
        let mut lines: Vec<Line<'static>> = capture
            .notes
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(3)
            .map(|l| Line::raw(printable(l).into_owned()))
            .collect();
        for example in &capture.examples {
            let mut about = vec![t.role(example.given_by)];
            if let Some(strategy) = example.strategy {
                about.push(t.strategy(strategy));
            }
            lines.push(Line::from(vec![
                Span::raw(format!("▸ {} ", printable(&example.text))),
                Span::styled(format!("({})", about.join(", ")), theme.dim),
            ]));
        }
        if key == KeyId::TrainerJudgement {
            lines.extend(judgement_lines(record, t, theme));
        }
        if lines.is_empty() {
            lines.push(Line::styled(t.story_nothing, theme.dim));
        }
        lines
    }

    /// Every agreement, where it was made and what became of it since.
    fn agreement_lines(&self, t: &Texts, theme: &Theme) -> Vec<Line<'static>> {
        let trails = self.story.trails();
        let mut lines = vec![Line::styled(t.section_agreements, theme.title)];
        if trails.is_empty() {
            lines.push(Line::styled(t.story_nothing, theme.dim));
        }
        for trail in trails {
            let (mark, style) = match trail.now() {
                AgreementStatus::Done => ("✓", theme.ok),
                AgreementStatus::Partly => ("◐", Style::new()),
                AgreementStatus::NotDone => ("✗", theme.warning),
                AgreementStatus::Dropped => ("–", theme.dim),
                AgreementStatus::Open => ("○", Style::new()),
            };
            let mut spans = vec![
                Span::styled(format!("{mark} "), style.add_modifier(Modifier::BOLD)),
                Span::styled(format!("{} ", t.moment_letter(trail.made_at)), theme.dim),
                Span::raw(printable(&trail.what).into_owned()),
                Span::styled(format!(" ({})", t.role(trail.who)), theme.dim),
            ];
            if let Some(due) = trail.due {
                spans.push(Span::styled(
                    format!(" · {} {}", t.md_due, t.date(due)),
                    theme.dim,
                ));
            }
            if trail.is_overdue(self.today) {
                spans.push(Span::styled(
                    format!(" {}", t.agreement_overdue),
                    theme.warning,
                ));
            }
            for (moment, status, note) in &trail.later {
                spans.push(Span::styled(
                    format!(
                        " → {} {}",
                        t.moment_letter(*moment),
                        t.agreement_status(*status)
                    ),
                    style,
                ));
                if !note.trim().is_empty() {
                    spans.push(Span::raw(format!(": {}", printable(note))));
                }
            }
            lines.push(Line::from(spans));
        }
        lines
    }
}

/// Three columns with room between them.
fn columns(area: Rect) -> [Rect; 3] {
    area.layout::<3>(&Layout::horizontal([Constraint::Ratio(1, 3); 3]).spacing(2))
}

/// The rows of a band: its longest column.
fn band_height(paragraphs: &[Paragraph<'_>; 3], width: u16) -> u16 {
    paragraphs
        .iter()
        .map(|p| u16::try_from(p.line_count(width)).unwrap_or(u16::MAX))
        .max()
        .unwrap_or(0)
}

/// The trainer's judgement as prepared for the moment, under key 3.
fn judgement_lines(record: &MeetingRecord, t: &Texts, theme: &Theme) -> Vec<Line<'static>> {
    record
        .prepared_judgement(KeyId::TrainerJudgement)
        .into_iter()
        .map(|(question, answer)| {
            let short = t
                .prep_text(question, crate::domain::preparation::Preparer::Trainer)
                .short;
            Line::from(vec![
                Span::styled(format!("{short}: "), theme.dim),
                Span::raw(printable(&answer).replace('\n', " ")),
            ])
        })
        .collect()
}
