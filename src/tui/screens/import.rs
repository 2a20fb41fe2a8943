//! Pasting a trainer's or student's reply: what will be stored is shown before it is.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use crate::domain::Moment;
use crate::domain::preparation::{Reply, ReplyProblem};
use crate::export::parse_reply;
use crate::i18n::{Texts, fill};
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::editing::{self, TextKind};
use crate::tui::form::text_area;
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};

pub struct ImportState {
    pub area: TextArea<'static>,
    /// The reply as read from what is pasted; none while nothing is.
    pub reply: Option<Result<Reply, ReplyProblem>>,
    /// A preparation is already there; a second Ctrl+S replaces it.
    pub replace_armed: bool,
    /// The placement and meeting the screen was opened for: a form for another one is
    /// said, and stored only on a second Ctrl+S.
    pub expected: Option<(String, Moment)>,
    other_confirmed: bool,
}

impl ImportState {
    pub fn new(placeholder: &str, expected: Option<(String, Moment)>) -> Self {
        Self {
            area: text_area("", placeholder),
            reply: None,
            replace_armed: false,
            expected,
            other_confirmed: false,
        }
    }

    /// Whether the pasted form is for another placement or meeting than the one the screen
    /// was opened for.
    fn is_for_another(&self) -> bool {
        match (&self.reply, &self.expected) {
            (Some(Ok(reply)), Some((id, moment))) => {
                reply.placement != *id || reply.moment != *moment
            }
            _ => false,
        }
    }

    /// Stores the pasted reply. One that would replace an earlier preparation asks first:
    /// the second Ctrl+S replaces it, and the earlier one is kept in `set-aside/`.
    fn store_reply(&mut self, services: &Services) -> Next {
        let t = services.t;
        let reply = match &self.reply {
            Some(Ok(reply)) => reply,
            Some(Err(problem)) => return Next::Say(t.reply_problem(*problem), true),
            None => return Next::Stay,
        };
        match services.store.import_reply(reply, self.replace_armed) {
            Ok(path) => {
                let who = t.role(reply.by.role());
                let mut done = fill(t.import_done, &[who, &path.display().to_string()]);
                if reply.replaced > 0 {
                    let replaced = fill(t.prep_replaced_controls, &[&reply.replaced.to_string()]);
                    done = format!("{done}. {replaced}");
                }
                Next::BackSaying(done, false)
            }
            Err(e @ StoreError::Refused { .. })
                if !self.replace_armed && services.store.placement_exists(&reply.placement) =>
            {
                self.replace_armed = true;
                Next::Say(format!("{} {}", e.describe(t), t.import_replace_hint), true)
            }
            Err(e) => Next::Say(e.describe(t), true),
        }
    }

    /// Reads what is pasted as a reply, afresh after every change.
    fn read(&mut self) {
        let text = self.area.lines().join("\n");
        self.replace_armed = false;
        self.other_confirmed = false;
        self.reply = (!text.trim().is_empty()).then(|| parse_reply(&text));
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let (t, theme) = (cx.texts, cx.theme);
        let block = theme.screen_block(t.import_title);
        let inner = block.inner(area);
        block.render(area, buf);
        let [intro, text, preview] = inner.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(8),
        ]));
        Paragraph::new(Span::styled(t.import_intro, theme.dim))
            .wrap(Wrap { trim: true })
            .render(intro, buf);
        self.area.render(text, buf);
        let lines: Vec<Line> = match &self.reply {
            None => vec![Line::styled(t.import_waiting, theme.dim)],
            Some(Err(problem)) => vec![Line::styled(t.reply_problem(*problem), theme.warning)],
            Some(Ok(reply)) => {
                let mut lines = preview_lines(reply, cx);
                if self.is_for_another() {
                    lines.insert(1, Line::styled(t.import_other_warning, theme.warning));
                }
                lines
            }
        };
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(
                Block::new()
                    .borders(Borders::TOP)
                    .border_style(theme.border)
                    .title(Span::styled(format!(" {} ", t.import_preview), theme.title)),
            )
            .render(preview, buf);
    }
}

impl Page for ImportState {
    fn context(&self) -> KeyContext {
        KeyContext::ImportText
    }

    fn update(&mut self, action: Action, services: &Services) -> Next {
        match action {
            Action::Back => Next::Back,
            Action::Type(key) => {
                if editing::apply(&mut self.area, TextKind::Lines, key) {
                    self.read();
                }
                Next::Stay
            }
            Action::SaveForm if self.is_for_another() && !self.other_confirmed => {
                self.other_confirmed = true;
                Next::Say(services.t.import_other_confirm.into(), true)
            }
            Action::SaveForm => self.store_reply(services),
            _ => Next::Stay,
        }
    }

    fn paste(&mut self, text: &str) {
        self.area.insert_str(text);
        self.read();
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        self.draw(area, buf, cx);
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.import_intro
    }

    fn placement_id(&self) -> Option<&str> {
        self.expected.as_ref().map(|(id, _)| id.as_str())
    }
}

/// What will be stored, in the interface's words: for whom, which meeting, and the answers.
fn preview_lines(reply: &Reply, cx: &ViewCx) -> Vec<Line<'static>> {
    let t = cx.texts;
    let mut lines = vec![Line::styled(
        fill(
            t.import_found,
            &[
                t.role(reply.by.role()),
                t.moment_after_the(reply.moment),
                &reply.placement,
            ],
        ),
        cx.theme.ok,
    )];
    // Each answer under its short label, so the teacher sees which question it answers.
    for answer in &reply.prepared.preparation().answers {
        if answer.text.trim().is_empty() {
            continue;
        }
        let label = t.prep_text(answer.question, reply.by).short;
        lines.push(Line::styled(format!("{label}:"), cx.theme.dim));
        for (i, line) in answer.text.trim().lines().enumerate() {
            let mark = if i == 0 { "▸ " } else { "  " };
            lines.push(Line::raw(format!("{mark}{line}")));
        }
    }
    lines
}
