//! The overview: one line per placement with the Stagepact at a glance (which meetings were
//! held, the next one and when it is due, whether the workplace was visited, which
//! preparations came in, a concern), by name or with what needs attention first.

use std::cmp::Ordering;
use std::path::PathBuf;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget, Wrap};

use crate::domain::Role;
use crate::domain::summary::PlacementSummary;
use crate::domain::text::printable;
use crate::i18n::{Texts, fill};
use crate::tui::action::Action;
use crate::tui::effect::{Effect, open};
use crate::tui::page::Next;
use crate::tui::screens::about::AboutState;
use crate::tui::screens::company::CompanyState;
use crate::tui::screens::placement_form::PlacementFormState;
use crate::tui::screens::search::SearchState;
use crate::tui::screens::story::StoryState;
use crate::tui::screens::two_versions::TwoVersions;
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
    pub sort: HomeSort,
    /// The agenda written from here (its full path) and how many meetings it holds.
    pub agenda: Option<(PathBuf, usize)>,
    /// While the list is first read over a large archive: how many placements of how many.
    pub building: Option<(usize, usize)>,
    /// In a team archive: how sharing stands, in a word, and whether it asks for attention.
    pub team: Option<(String, bool)>,
    /// The teacher's own name, in a team archive: what "mine" means.
    pub me: Option<String>,
    /// Only my placements are shown; the team's others wait in `others`.
    pub only_mine: bool,
    others: Vec<PlacementSummary>,
}

/// The order of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HomeSort {
    /// By student, then id: the store's order.
    #[default]
    ByName,
    /// Overdue first, then a concern, then the next meeting due soonest, then by name.
    Attention,
}

impl HomeSort {
    /// How `a` and `b` are ordered in this sort.
    pub fn compare(self, a: &PlacementSummary, b: &PlacementSummary) -> Ordering {
        let name =
            |s: &PlacementSummary| (s.placement.student.to_lowercase(), s.placement.id.clone());
        match self {
            Self::ByName => name(a).cmp(&name(b)),
            Self::Attention => {
                // Late first, then a concern (it needs a call, whatever the date), then
                // what is due soonest.
                let urgency = |s: &PlacementSummary| {
                    (!s.overdue, !s.concern, s.next_due.unwrap_or(NaiveDate::MAX))
                };
                urgency(a)
                    .cmp(&urgency(b))
                    .then_with(|| name(a).cmp(&name(b)))
            }
        }
    }
}

impl HomeState {
    pub const fn new(summaries: Vec<PlacementSummary>, folder: PathBuf, created: bool) -> Self {
        Self {
            summaries,
            selected: 0,
            folder,
            created,
            demo: false,
            sort: HomeSort::ByName,
            agenda: None,
            building: None,
            team: None,
            me: None,
            only_mine: false,
            others: Vec::new(),
        }
    }

    /// The list as read again, in the same order, the same placement still selected.
    pub fn take_in(&mut self, summaries: Vec<PlacementSummary>) {
        let selected = self.selected_id();
        self.summaries = summaries;
        self.building = None;
        self.apply_sort();
        if let Some(id) = selected {
            self.select_id(&id);
        }
        self.move_selection(0);
    }

    /// Puts the list in the order of `self.sort`, only mine where that is asked, keeping the
    /// same placement selected.
    fn apply_sort(&mut self) {
        let selected = self.selected_id();
        self.summaries.append(&mut self.others);
        if let (true, Some(me)) = (self.only_mine, &self.me) {
            let (mine, others) = std::mem::take(&mut self.summaries)
                .into_iter()
                .partition(|s| s.placement.is_taught_by(me));
            self.summaries = mine;
            self.others = others;
        }
        let sort = self.sort;
        self.summaries.sort_by(|a, b| sort.compare(a, b));
        if let Some(id) = selected {
            self.select_id(&id);
        }
    }

    /// Goes round the views: by name, what needs attention first, and in a team archive
    /// only my placements (by name), then back to the whole list by name.
    pub fn toggle_sort(&mut self) {
        (self.sort, self.only_mine) = match (self.sort, self.only_mine) {
            (HomeSort::ByName, false) => (HomeSort::Attention, false),
            (HomeSort::Attention, _) if self.me.is_some() => (HomeSort::ByName, true),
            _ => (HomeSort::ByName, false),
        };
        self.apply_sort();
        self.move_selection(0);
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
            | Action::First
            | Action::Last
            | Action::Open
            | Action::EditPlacement
            | Action::Story
            | Action::Company
            | Action::RemovePlacement => !self.summaries.is_empty(),
            Action::ToggleSort => !self.summaries.is_empty() || self.only_mine,
            Action::CopyPath => self.agenda.is_some(),
            Action::Share => self.team.is_some(),
            _ => true,
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-10),
            Action::PageDown => self.move_selection(10),
            Action::First => self.selected = 0,
            Action::Last => self.selected = self.summaries.len().saturating_sub(1),
            Action::Search => {
                let teacher = self.me.clone().filter(|_| self.only_mine);
                return open_search(String::new(), teacher);
            }
            Action::Story => {
                if let Some(id) = self.selected_id() {
                    return open(move |s| Next::push_or_say(StoryState::open(&id, s)));
                }
            }
            Action::Company => {
                if let Some(id) = self.selected_id() {
                    return open(move |s| Next::push_or_say(CompanyState::open(&id, s)));
                }
            }
            // Typing on the list starts a search with what was typed: a name finds the
            // placement, a word the records that hold it.
            Action::TypeAside(key) => {
                if let ratatui::crossterm::event::KeyCode::Char(c) = key.code {
                    let teacher = self.me.clone().filter(|_| self.only_mine);
                    return open_search(c.to_string(), teacher);
                }
            }
            Action::Open => {
                // Two versions waiting for a choice come first: both are shown side by side.
                if let Some(s) = self.summaries.get(self.selected).filter(|s| s.two_versions) {
                    let id = s.placement.id.clone();
                    return open(move |s| Next::push_or_say(TwoVersions::open(&id, s)));
                }
                if let Some(id) = self.selected_id() {
                    return Effect::OpenPick(id);
                }
            }
            Action::ToggleSort => self.toggle_sort(),
            Action::Export => return Effect::ExportAgenda,
            Action::CopyPath => return Effect::CopyPath,
            Action::Share => return Effect::Share,
            Action::NewPlacement => {
                return open(|s| Next::Push(Box::new(PlacementFormState::for_new(s))));
            }
            Action::EditPlacement => {
                if let Some(id) = self.selected_id() {
                    return open(move |s| Next::push_or_say(PlacementFormState::edit(&id, s)));
                }
            }
            Action::RemovePlacement => {
                if let Some(id) = self.selected_id() {
                    return Effect::AskRemovePlacement(id);
                }
            }
            Action::About => return open(|_| Next::Push(Box::<AboutState>::default())),
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    /// Takes in what changed about one placement: a new summary, or none when it is gone. The
    /// list stays in its order, with that placement selected.
    pub fn refresh_one(&mut self, id: &str, summary: Option<PlacementSummary>) {
        let at = self.summaries.iter().position(|s| s.placement.id == id);
        match (at, summary) {
            (Some(i), Some(summary)) => self.summaries[i] = summary,
            (Some(i), None) => {
                self.summaries.remove(i);
            }
            (None, Some(summary)) => self.summaries.push(summary),
            (None, None) => {}
        }
        self.apply_sort();
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
        let mut title = match self.state.sort {
            HomeSort::ByName => t.home_title.to_string(),
            HomeSort::Attention => format!("{} · {}", t.home_title, t.overview_sorted_attention),
        };
        if self.state.only_mine {
            title = format!("{title} · {}", t.home_only_mine);
        }
        let mut block = self.theme.screen_block(&title);
        if let Some((word, attention)) = &self.state.team {
            let style = if *attention {
                self.theme.warning
            } else {
                self.theme.dim
            };
            block = block.title_top(Line::styled(format!(" {word} "), style).right_aligned());
        }
        if self.state.demo {
            let banner = t.home_demo_banner;
            block = block.title_bottom(Line::styled(format!(" {banner} "), self.theme.dim));
        }
        if self.state.building.is_some() && !self.state.summaries.is_empty() {
            let note = t.home_updating;
            block = block.title_bottom(Line::styled(format!(" {note} "), self.theme.dim));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        if let (Some((done, total)), true) = (self.state.building, self.state.summaries.is_empty())
        {
            // Before the first count there is nothing to count yet.
            let said = if total == 0 {
                crate::domain::text::capitalised(t.home_updating)
            } else {
                fill(t.index_building, &[&done.to_string(), &total.to_string()])
            };
            Paragraph::new(said)
                .style(self.theme.dim)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        if self.state.summaries.is_empty() && self.state.only_mine {
            let me = self.state.me.as_deref().unwrap_or_default();
            Paragraph::new(fill(t.home_none_mine, &[&printable(me)]))
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        if self.state.summaries.is_empty() {
            let shown = &self.state.folder;
            let folder = std::path::absolute(shown).unwrap_or_else(|_| shown.clone());
            let template = if self.state.created {
                t.home_new_folder
            } else {
                t.home_empty_list
            };
            Paragraph::new(fill(template, &[&folder.display().to_string()]))
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let (agenda, [list, written, legend]) = self.parts(inner);
        if let Some(text) = agenda {
            Paragraph::new(text)
                .style(self.theme.ok)
                .wrap(Wrap { trim: false })
                .render(written, buf);
        }
        Paragraph::new(t.overview_legend)
            .style(self.theme.dim)
            .wrap(Wrap { trim: true })
            .render(legend, buf);
        self.render_list(list, buf);
    }
}

impl HomeScreen<'_> {
    /// Where the agenda message went (if any) and the list, that message and the legend in
    /// `inner`: one reckoning for drawing and for knowing whether rows are hidden.
    fn parts(&self, inner: Rect) -> (Option<String>, [Rect; 3]) {
        let t = self.texts;
        // The legend under the list, when there is room for it beside a few lines.
        let legend_width = u16::try_from(t.overview_legend.chars().count()).unwrap_or(u16::MAX);
        let legend_lines = legend_width.div_ceil(inner.width.saturating_sub(10).max(1));
        let legend_lines = if inner.height >= legend_lines + 4 {
            legend_lines
        } else {
            0
        };
        // Where the agenda went, whole (wrapped), so it can be read and copied.
        let agenda = self.state.agenda.as_ref().map(|(path, count)| {
            fill(
                t.agenda_written,
                &[&count.to_string(), &path.display().to_string()],
            )
        });
        let agenda_lines = agenda.as_ref().map_or(0, |text| {
            let width = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
            width.div_ceil(inner.width.max(1))
        });
        let parts = inner.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(agenda_lines),
            Constraint::Length(legend_lines),
        ]));
        (agenda, parts)
    }

    /// Whether the list in `area` (the whole screen body) has more rows than it shows, so
    /// paging does something.
    pub fn hides_rows(&self, area: Rect) -> bool {
        let inner = self.theme.screen_block("").inner(area);
        let (_, [list, _, _]) = self.parts(inner);
        // One line is the column header.
        self.state.summaries.len() > usize::from(list.height.saturating_sub(1))
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let t = self.texts;
        let theme = self.theme;
        let visible = usize::from(area.height.saturating_sub(1).max(1));
        let first = self.state.selected.saturating_sub(visible - 1);
        // The student column takes what its names need (within reason), the company the
        // rest: company names are the long ones.
        let widest = |text: &str| u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
        let students = self
            .state
            .summaries
            .iter()
            .map(|s| widest(&printable(&s.placement.student)))
            .chain([widest(t.home_col_student)])
            .max()
            .unwrap_or(0)
            .min(area.width / 4);
        let moments_w = widest(t.home_col_moments).max(9);
        let prepared_w = widest(t.overview_col_prepared).max(6);
        // What the other columns and the five gaps between six columns leave.
        let companies = area
            .width
            .saturating_sub(students + moments_w + 18 + prepared_w + 1 + 5);
        let rows: Vec<Row> = self
            .state
            .summaries
            .iter()
            .enumerate()
            .skip(first)
            .take(visible)
            .map(|(i, s)| {
                let style = if i == self.state.selected {
                    theme.selected
                } else {
                    Style::new()
                };
                let next = match s.next_moment() {
                    None => Cell::from(t.overview_all_held).style(theme.dim),
                    Some(m) => {
                        let due = s.next_due.map(|d| t.date(d)).unwrap_or_default();
                        let text = format!("{} {due}", t.moment_short(m));
                        if s.overdue {
                            Cell::from(format!("{}{text}", t.overview_overdue_mark))
                                .style(theme.warning)
                        } else {
                            Cell::from(text)
                        }
                    }
                };
                // Whether the workplace was visited belongs with the meetings held, and
                // leaves the room of a column of its own to the company.
                let visit = if s.on_site_held {
                    Span::styled(t.overview_visit_done, theme.ok)
                } else if s.on_site_at_risk() {
                    Span::styled(t.overview_visit_missing, theme.warning)
                } else {
                    Span::raw("")
                };
                let meetings = Line::from(vec![
                    Span::raw(format!(
                        "{}/3 {} ",
                        s.moments_held(),
                        t.moment_marks(&s.moments)
                    )),
                    visit,
                ]);
                let prepared = s
                    .prepared
                    .iter()
                    .map(|r| match r {
                        Role::Student => t.overview_prepared_student,
                        Role::Trainer | Role::Teacher => t.overview_prepared_trainer,
                    })
                    .collect::<Vec<_>>()
                    .join("/");
                let concern = if s.two_versions {
                    Cell::from(t.overview_two_versions_mark).style(theme.warning)
                } else if s.concern {
                    Cell::from(t.overview_concern_mark).style(theme.warning)
                } else {
                    Cell::from("")
                };
                Row::new(vec![
                    Cell::from(cut(&printable(&s.placement.student), students)),
                    Cell::from(cut(&printable(&s.placement.company), companies)),
                    Cell::from(meetings),
                    next,
                    Cell::from(prepared),
                    concern,
                ])
                .style(style)
            })
            .collect();
        let header = Row::new(vec![
            t.home_col_student,
            t.home_col_company,
            t.home_col_moments,
            t.overview_col_next,
            t.overview_col_prepared,
            t.overview_col_concern,
        ])
        .style(theme.dim);
        Table::new(
            rows,
            [
                Constraint::Length(students),
                Constraint::Fill(1),
                Constraint::Length(moments_w),
                Constraint::Length(18),
                Constraint::Length(prepared_w),
                Constraint::Length(1),
            ],
        )
        .header(header)
        .render(area, buf);
    }
}

/// `text` in `width` columns, with "…" where it had to be cut, so a cut name reads as cut.
fn cut(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// Search, with what was typed to open it.
/// Search, from what was typed on the list; in the view of my placements, for mine only.
fn open_search(typed: String, teacher: Option<String>) -> Effect {
    open(move |s| {
        Next::push_or_say(SearchState::open(&typed, s).map(|search| match &teacher {
            Some(me) => search.for_teacher(me),
            None => search,
        }))
    })
}
