//! A company's view on screen: the same lines `stagegesprek company` prints, headings marked,
//! to scroll through before choosing where to place the next student.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::company::CompanyView;
use crate::export::company_lines;
use crate::i18n::{Texts, fill};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::page::ViewCx;
use crate::tui::page::{Next, Page, Services};
use crate::tui::scroll::{scrolled, within};

pub struct CompanyState {
    pub view: CompanyView,
    pub scroll: u16,
}

impl CompanyState {
    /// The company of placement `id`: every placement there, found through the index (brought
    /// up to date first) and read from its files.
    pub fn open(id: &str, services: &Services) -> Result<Self, String> {
        let (t, store) = (services.t, services.store);
        let placement = store.placement(id).map_err(|e| e.describe(t))?;
        let mut companies = store
            .fresh_index(services.today(), &mut |_, _| {})
            .and_then(|(index, _)| index.companies(&placement.company))
            .map_err(|e| fill(t.search_failed, &[&e.to_string()]))?;
        if companies.len() != 1 {
            return Err(t.company_unnamed.into());
        }
        let placements = companies
            .remove(0)
            .1
            .iter()
            .filter_map(|id| Some((store.placement(id).ok()?, store.records(id).0)))
            .collect();
        Ok(Self {
            view: CompanyView::new(placements),
            scroll: 0,
        })
    }
}

impl Page for CompanyState {
    fn context(&self) -> KeyContext {
        KeyContext::Company
    }

    fn update(&mut self, action: Action, services: &Services) -> Next {
        if action == Action::Back {
            return Next::Back;
        }
        let Some(to) = scrolled(self.scroll, action, services.body) else {
            return Next::Stay;
        };
        self.scroll = to;
        if let Some(body) = services.body {
            let rows = Paragraph::new(self.lines(services.t, services.theme))
                .wrap(Wrap { trim: false })
                .line_count(body.width);
            self.scroll = within(self.scroll, rows, body);
        }
        Next::Stay
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
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

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_company
    }
}

impl CompanyState {
    fn lines(&self, t: &Texts, theme: &crate::tui::theme::Theme) -> Vec<Line<'static>> {
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
}
