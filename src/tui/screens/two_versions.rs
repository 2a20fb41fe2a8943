//! Two versions of one file, changed here and by a colleague since the last sync, side by side:
//! the teacher keeps one. The other stays in the placement's `set-aside/` folder and in the
//! team's history, so choosing never loses anything.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget as _, Wrap};

use crate::domain::text::printable;
use crate::i18n::{Texts, fill};
use crate::team::words::describe_file;
use crate::team::{CONFLICT_END, Team};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};

pub struct TwoVersions {
    id: String,
    /// The files of the placement that wait for a choice, relative to the data folder.
    waiting: Vec<String>,
    /// What the one shown is, in words.
    about: String,
    mine: String,
    theirs: String,
    /// Who made the version in place, and who the one beside it.
    makers: (String, String),
    scroll: u16,
}

impl TwoVersions {
    /// The first file of placement `id` that waits for a choice; refused, in a sentence, when
    /// none does.
    pub fn open(id: &str, s: &Services) -> Result<Self, String> {
        let mut page = Self {
            id: id.to_string(),
            waiting: Vec::new(),
            about: String::new(),
            mine: String::new(),
            theirs: String::new(),
            makers: (String::new(), String::new()),
            scroll: 0,
        };
        page.read(s);
        if page.waiting.is_empty() {
            return Err(fill(s.t.cli.team_no_conflict, &[id]));
        }
        Ok(page)
    }

    fn read(&mut self, s: &Services) {
        let dir = s.store.placement_dir(&self.id);
        let mut waiting: Vec<String> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter_map(|n| {
                n.strip_suffix(CONFLICT_END)
                    .map(|stem| format!("{stem}.yaml"))
            })
            .map(|name| format!("placements/{}/{name}", self.id))
            .collect();
        waiting.sort();
        self.waiting = waiting;
        self.scroll = 0;
        if let Some(path) = self.waiting.first() {
            let root = s.store.root();
            self.about = describe_file(s.store, path, s.t);
            self.mine = std::fs::read_to_string(root.join(path)).unwrap_or_default();
            let other = crate::team::conflict_name(path);
            let text = std::fs::read_to_string(root.join(other)).unwrap_or_default();
            self.theirs = crate::team::without_names(&text);
            self.makers = Team::at(root).makers(path);
        }
    }

    fn keep(&mut self, theirs: bool, s: &Services) -> Next {
        let Some(path) = self.waiting.first().cloned() else {
            return Next::Back;
        };
        match Team::at(s.store.root()).keep(&path, theirs) {
            Ok(aside) => {
                let said = fill(s.t.two_versions_kept, &[&aside.display().to_string()]);
                self.read(s);
                if self.waiting.is_empty() {
                    Next::BackSaying(said, false)
                } else {
                    Next::Say(said, false)
                }
            }
            Err(e) => Next::Say(e.to_string(), true),
        }
    }
}

impl Page for TwoVersions {
    fn context(&self) -> KeyContext {
        KeyContext::TwoVersions
    }

    fn update(&mut self, action: Action, s: &Services) -> Next {
        match action {
            Action::Choose(1) => self.keep(false, s),
            Action::Choose(2) => self.keep(true, s),
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Next::Stay
            }
            Action::Down => {
                self.scroll = self.scroll.saturating_add(1);
                Next::Stay
            }
            Action::PageUp => {
                self.scroll = self.scroll.saturating_sub(10);
                Next::Stay
            }
            Action::PageDown => {
                self.scroll = self.scroll.saturating_add(10);
                Next::Stay
            }
            Action::Back => Next::Back,
            _ => Next::Stay,
        }
    }

    fn refresh(&mut self, s: &Services, _came_back_from: Option<crate::domain::Moment>) {
        self.read(s);
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let t = cx.texts;
        let block = cx
            .theme
            .screen_block(&fill(t.two_versions_title, &[&printable(&self.about)]));
        let inner = block.inner(area);
        block.render(area, buf);
        let said = Paragraph::new(t.two_versions_intro)
            .style(cx.theme.dim)
            .wrap(Wrap { trim: true });
        // The whole sentence where there is room: it says which key keeps which.
        let needed = u16::try_from(said.line_count(inner.width)).unwrap_or(u16::MAX);
        let [intro, columns] = inner.layout(&Layout::vertical([
            Constraint::Length(needed.min(inner.height / 3)),
            Constraint::Fill(1),
        ]));
        said.render(intro, buf);
        // Side by side where there is room for both; one under the other when narrow.
        let halves = if columns.width >= 60 {
            columns.layout(&Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Fill(1),
            ]))
        } else {
            columns.layout(&Layout::vertical([
                Constraint::Fill(1),
                Constraint::Fill(1),
            ]))
        };
        let [left, right] = halves;
        // Named by who made them: on each laptop, "mine" is whatever its teacher made.
        let named = |fallback: &str, maker: &str| {
            if maker.is_empty() {
                fallback.to_string()
            } else {
                format!("{fallback} · {}", printable(maker))
            }
        };
        let left_title = named(t.two_versions_mine, &self.makers.0);
        let right_title = named(t.two_versions_theirs, &self.makers.1);
        for (area, title, text, other) in [
            (left, left_title.as_str(), &self.mine, &self.theirs),
            (right, right_title.as_str(), &self.theirs, &self.mine),
        ] {
            // What the other version does not have stands out, so the difference is seen
            // without reading both whole.
            let lines: Vec<Line> = text
                .lines()
                .map(|l| {
                    let shown = printable(l).into_owned();
                    if other.lines().any(|o| o == l) {
                        Line::raw(shown)
                    } else {
                        Line::styled(format!("▌{shown}"), cx.theme.warning)
                    }
                })
                .collect();
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0))
                .block(cx.theme.screen_block(title))
                .render(area, buf);
        }
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_two_versions
    }

    fn placement_id(&self) -> Option<&str> {
        Some(&self.id)
    }
}
