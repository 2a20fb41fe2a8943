//! A company's view on screen: the same lines `stagegesprek company` prints, headings marked,
//! to scroll through before choosing where to place the next student.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::company::CompanyView;
use crate::export::company_lines;
use crate::tui::action::Action;
use crate::tui::app::ViewCx;
use crate::tui::effect::Effect;
use crate::tui::meeting::Cx;
use crate::tui::scroll::{scrolled, within};

pub struct CompanyState {
    pub view: CompanyView,
    pub scroll: u16,
}

impl CompanyState {
    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        if action == Action::Back {
            return Effect::Back;
        }
        let Some(to) = scrolled(self.scroll, action, cx.body) else {
            return Effect::None;
        };
        self.scroll = to;
        if let Some(body) = cx.body {
            let rows = Paragraph::new(self.lines(cx.t, cx.theme))
                .wrap(Wrap { trim: false })
                .line_count(body.width);
            self.scroll = within(self.scroll, rows, body);
        }
        Effect::None
    }

    fn lines(
        &self,
        t: &crate::i18n::Texts,
        theme: &crate::tui::theme::Theme,
    ) -> Vec<Line<'static>> {
        company_lines(&self.view, t)
            .into_iter()
            .skip(1)
            .map(|line| {
                if line.starts_with(' ') || line.is_empty() {
                    Line::raw(line)
                } else {
                    Line::styled(line, theme.title)
                }
            })
            .collect()
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let title = format!(
            "{} · {}",
            cx.texts.company_title,
            crate::domain::text::printable(&self.view.name)
        );
        Paragraph::new(self.lines(cx.texts, cx.theme))
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .block(cx.theme.screen_block(&title))
            .render(area, buf);
    }
}
