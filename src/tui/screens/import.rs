//! Pasting a trainer's or student's reply: what will be stored is shown before it is.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use crate::domain::preparation::{Prepared, Reply, ReplyProblem};
use crate::export::parse_reply;
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::ViewCx;
use crate::tui::editing::{self, TextKind};
use crate::tui::effect::Effect;
use crate::tui::form::text_area;

pub struct ImportState {
    pub area: TextArea<'static>,
    /// The reply as read from what is pasted; none while nothing is.
    pub reply: Option<Result<Reply, ReplyProblem>>,
    /// A preparation is already there; a second Ctrl+S replaces it.
    pub replace_armed: bool,
}

impl ImportState {
    pub fn new(placeholder: &str) -> Self {
        Self {
            area: text_area("", placeholder),
            reply: None,
            replace_armed: false,
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Back => Effect::Back,
            Action::Type(key) => {
                if editing::apply(&mut self.area, TextKind::Lines, key) {
                    self.read();
                }
                Effect::None
            }
            Action::SaveForm => match &self.reply {
                Some(Ok(_)) => Effect::ImportReply,
                _ => Effect::None,
            },
            _ => Effect::None,
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(text);
        self.read();
    }

    /// Reads what is pasted as a reply, afresh after every change.
    fn read(&mut self) {
        let text = self.area.lines().join("\n");
        self.replace_armed = false;
        self.reply = (!text.trim().is_empty()).then(|| parse_reply(&text));
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let (t, theme) = (cx.texts, cx.theme);
        let block = theme.screen_block(t.import_title);
        let inner = block.inner(area);
        block.render(area, buf);
        let [intro, text, preview] = inner.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(7),
        ]));
        Paragraph::new(Span::styled(t.import_intro, theme.dim))
            .wrap(Wrap { trim: true })
            .render(intro, buf);
        self.area.render(text, buf);
        let lines: Vec<Line> = match &self.reply {
            None => vec![Line::styled(t.import_waiting, theme.dim)],
            Some(Err(problem)) => vec![Line::styled(t.reply_problem(*problem), theme.warning)],
            Some(Ok(reply)) => preview_lines(reply, cx),
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

/// What will be stored, in the interface's words: for whom, which meeting, and the answers.
fn preview_lines(reply: &Reply, cx: &ViewCx) -> Vec<Line<'static>> {
    let t = cx.texts;
    let moment = cx.guides.for_language(cx.lang).map_or_else(
        || reply.moment.code().to_string(),
        |g| g.moment(reply.moment).title.to_lowercase(),
    );
    let mut lines = vec![Line::styled(
        fill(
            t.import_found,
            &[t.role(reply.by.role()), &moment, &reply.placement],
        ),
        cx.theme.ok,
    )];
    let answers: Vec<String> = match &reply.prepared {
        Prepared::Trainer(p) => std::iter::once(p.judgement.clone())
            .chain(p.examples.iter().map(|e| e.text.clone()))
            .chain(p.guidance.iter().map(|g| g.example.clone()))
            .collect(),
        Prepared::Student(p) => std::iter::once(p.learned.clone())
            .chain(p.examples.iter().map(|e| e.text.clone()))
            .chain(std::iter::once(p.question.clone()))
            .collect(),
    };
    for answer in answers.iter().filter(|a| !a.trim().is_empty()) {
        lines.push(Line::raw(format!("▸ {}", answer.trim())));
    }
    lines
}
