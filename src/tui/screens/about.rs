//! About the program: its version, and where it keeps and puts things, so a teacher (or the
//! school's help desk) can find the files.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::i18n::Texts;
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::page::ViewCx;
use crate::tui::page::{Next, Page, Services};

#[derive(Default)]
pub struct AboutState {
    pub scroll: u16,
}

impl Page for AboutState {
    fn context(&self) -> KeyContext {
        KeyContext::About
    }

    fn update(&mut self, action: Action, _services: &Services) -> Next {
        match action {
            Action::Back => return Next::Back,
            Action::Up | Action::PageUp => self.scroll = self.scroll.saturating_sub(1),
            Action::Down | Action::PageDown => self.scroll = self.scroll.saturating_add(1),
            _ => {}
        }
        Next::Stay
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.about_purpose
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let (t, theme) = (cx.texts, cx.theme);
        let mut lines = vec![
            Line::styled(
                format!("stagegesprek {}", env!("CARGO_PKG_VERSION")),
                theme.title,
            ),
            Line::raw(t.about_purpose),
            Line::default(),
        ];
        let places = [
            (t.about_data, cx.data_dir.to_path_buf()),
            (t.about_exports, cx.export_dir.to_path_buf()),
            (t.about_rescue, cx.rescue_dir.clone()),
        ];
        for (label, path) in places {
            let path = std::path::absolute(&path).unwrap_or(path);
            lines.push(Line::styled(label, theme.dim));
            // Shown whole, never shortened, so it can be found and copied.
            lines.push(Line::raw(format!("  {}", path.display())));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .block(theme.screen_block(t.about_title))
            .render(area, buf);
    }
}
