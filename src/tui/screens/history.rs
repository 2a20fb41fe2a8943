//! A placement's history in a team archive: who changed what, and when, newest first, in the
//! words the commits were made with.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget as _, Wrap};

use crate::domain::text::printable;
use crate::i18n::{Texts, fill};
use crate::team::Team;
use crate::team::words::{Happened, history_lines, student_of};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};

pub struct HistoryState {
    id: String,
    student: String,
    lines: Vec<Happened>,
    scroll: u16,
}

impl HistoryState {
    /// Refused, in a sentence, outside a team archive.
    pub fn open(id: &str, s: &Services) -> Result<Self, String> {
        let team = Team::at(s.store.root());
        if !team.is_archive() {
            let shown = s.store.root().display().to_string();
            return Err(fill(s.t.cli.team_not_archive, &[&shown]));
        }
        let entries = team.history(id).map_err(|e| e.to_string())?;
        Ok(Self {
            id: id.to_string(),
            student: student_of(s.store, id),
            lines: history_lines(s.store, id, &entries, s.t),
            scroll: 0,
        })
    }
}

impl Page for HistoryState {
    fn context(&self) -> KeyContext {
        KeyContext::History
    }

    fn update(&mut self, action: Action, _s: &Services) -> Next {
        let step: i32 = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -10,
            Action::PageDown => 10,
            Action::Back => return Next::Back,
            _ => return Next::Stay,
        };
        self.scroll = u16::try_from((i32::from(self.scroll) + step).max(0)).unwrap_or(0);
        Next::Stay
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let t = cx.texts;
        let title = fill(t.history_title, &[&printable(&self.student)]);
        let lines: Vec<Line> = if self.lines.is_empty() {
            vec![Line::raw(fill(t.cli.history_none, &[&self.student]))]
        } else {
            self.lines
                .iter()
                .map(|h| {
                    let when =
                        format!("{} {}", t.date(h.when.date_naive()), h.when.format("%H:%M"));
                    Line::from(vec![
                        Span::styled(format!("{when}  "), cx.theme.dim),
                        Span::styled(format!("{}  ", printable(&h.who)), cx.theme.title),
                        Span::raw(printable(&h.what).into_owned()),
                    ])
                })
                .collect()
        };
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .block(cx.theme.screen_block(&title))
            .render(area, buf);
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_history
    }

    fn placement_id(&self) -> Option<&str> {
        Some(&self.id)
    }
}
