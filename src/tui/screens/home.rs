use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget, Wrap};

use crate::domain::summary::PlacementSummary;
use crate::i18n::{Texts, fill};
use crate::tui::action::Action;
use crate::tui::app::Screen;
use crate::tui::effect::Effect;
use crate::tui::screens::about::AboutState;
use crate::tui::theme::Theme;

pub struct HomeState {
    pub summaries: Vec<PlacementSummary>,
    pub selected: usize,
    /// The data folder, named when it holds nothing yet so a wrong folder stands out.
    pub folder: PathBuf,
    /// Whether the program made the folder just now.
    pub created: bool,
    /// Shown on fictional demo data.
    pub demo: bool,
}

impl HomeState {
    pub const fn new(summaries: Vec<PlacementSummary>, folder: PathBuf, created: bool) -> Self {
        Self {
            summaries,
            selected: 0,
            folder,
            created,
            demo: false,
        }
    }

    fn selected_id(&self) -> Option<String> {
        self.summaries
            .get(self.selected)
            .map(|s| s.placement.id.clone())
    }

    pub fn offers(&self, action: Action) -> bool {
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Open
            | Action::EditPlacement
            | Action::RemovePlacement => !self.summaries.is_empty(),
            _ => true,
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-10),
            Action::PageDown => self.move_selection(10),
            Action::Open => {
                if let Some(id) = self.selected_id() {
                    return Effect::OpenPick(id);
                }
            }
            Action::NewPlacement => return Effect::NewPlacement,
            Action::EditPlacement => {
                if let Some(id) = self.selected_id() {
                    return Effect::EditPlacement(id);
                }
            }
            Action::RemovePlacement => {
                if let Some(id) = self.selected_id() {
                    return Effect::AskRemovePlacement(id);
                }
            }
            Action::About => return Effect::Push(Box::new(Screen::About(AboutState::default()))),
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    /// Takes in what changed about one placement: a new summary, or none when it is gone.
    pub fn refresh_one(&mut self, id: &str, summary: Option<PlacementSummary>) {
        let at = self.summaries.iter().position(|s| s.placement.id == id);
        match (at, summary) {
            (Some(i), Some(summary)) => self.summaries[i] = summary,
            (Some(i), None) => {
                self.summaries.remove(i);
            }
            (None, Some(summary)) => {
                // Keep the list in the store's order: by student, then id.
                let key = |s: &PlacementSummary| {
                    (s.placement.student.to_lowercase(), s.placement.id.clone())
                };
                let i = self.summaries.partition_point(|s| key(s) < key(&summary));
                self.summaries.insert(i, summary);
            }
            (None, None) => {}
        }
        self.select_id(id);
        self.move_selection(0);
    }

    pub fn move_selection(&mut self, delta: isize) {
        let last = self.summaries.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn select_id(&mut self, id: &str) {
        if let Some(i) = self.summaries.iter().position(|s| s.placement.id == id) {
            self.selected = i;
        }
    }
}

pub struct HomeScreen<'a> {
    pub state: &'a HomeState,
    pub texts: &'a Texts,
    pub theme: &'a Theme,
}

impl Widget for HomeScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.texts;
        let mut block = self.theme.screen_block(t.home_title);
        if self.state.demo {
            let banner = t.home_demo_banner;
            block = block.title_bottom(Line::styled(format!(" {banner} "), self.theme.dim));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        if self.state.summaries.is_empty() {
            let shown = &self.state.folder;
            let folder = std::path::absolute(shown).unwrap_or_else(|_| shown.clone());
            let template = if self.state.created {
                t.cli_home_new
            } else {
                t.cli_home_empty
            };
            Paragraph::new(fill(template, &[&folder.display().to_string()]))
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let visible = usize::from(inner.height.saturating_sub(1).max(1));
        let first = self.state.selected.saturating_sub(visible - 1);
        let rows: Vec<Row> = self
            .state
            .summaries
            .iter()
            .enumerate()
            .skip(first)
            .take(visible)
            .map(|(i, s)| {
                let style = if i == self.state.selected {
                    self.theme.selected
                } else {
                    Style::new()
                };
                Row::new(vec![
                    Cell::from(s.placement.student.clone()),
                    Cell::from(s.placement.company.clone()),
                    Cell::from(format!("{}/3 {}", s.moments_held(), s.marks())),
                    Cell::from(s.open_agreements.to_string()),
                ])
                .style(style)
            })
            .collect();
        let header = Row::new(vec![
            t.home_col_student,
            t.home_col_company,
            t.home_col_moments,
            t.home_col_open,
        ])
        .style(self.theme.dim);
        Table::new(
            rows,
            [
                Constraint::Fill(3),
                Constraint::Fill(4),
                Constraint::Length(10),
                Constraint::Length(15),
            ],
        )
        .header(header)
        .render(inner, buf);
    }
}
