//! Colours and emphasis in one place. With `NO_COLOR` set, only bold, dim, reversed and
//! underline remain, so the screen still reads well.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub selected: Style,
    pub focused_border: Style,
    pub border: Style,
    pub key_hint: Style,
    pub captured: Style,
    pub empty: Style,
    pub warning: Style,
    pub ok: Style,
    pub private: Style,
}

impl Theme {
    pub fn new(no_color: bool) -> Self {
        let plain = Style::new();
        if no_color {
            return Self {
                title: plain.add_modifier(Modifier::BOLD),
                dim: plain.add_modifier(Modifier::DIM),
                selected: plain.add_modifier(Modifier::REVERSED),
                focused_border: plain.add_modifier(Modifier::BOLD),
                border: plain.add_modifier(Modifier::DIM),
                key_hint: plain,
                captured: plain.add_modifier(Modifier::BOLD),
                empty: plain.add_modifier(Modifier::DIM),
                warning: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
                ok: plain,
                private: plain.add_modifier(Modifier::ITALIC),
            };
        }
        Self {
            title: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            dim: plain.fg(Color::Gray).add_modifier(Modifier::DIM),
            selected: plain.fg(Color::Black).bg(Color::Cyan),
            focused_border: plain.fg(Color::Cyan),
            border: plain.fg(Color::DarkGray),
            key_hint: plain.fg(Color::Gray),
            captured: plain.fg(Color::Green).add_modifier(Modifier::BOLD),
            empty: plain.fg(Color::Yellow),
            warning: plain
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            ok: plain.fg(Color::Green),
            private: plain.fg(Color::Magenta),
        }
    }

    /// Honours the `NO_COLOR` convention: set and not empty means no colour.
    pub fn from_env() -> Self {
        Self::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
    }

    /// The frame of a full screen: a rule along the top with the screen's title in it.
    pub fn screen_block<'a>(&self, title: &str) -> Block<'a> {
        Block::new()
            .borders(Borders::TOP)
            .border_style(self.border)
            .title(Span::styled(format!(" {title} "), self.title))
    }

    /// The frame of a pop-up over a screen: a double border that stands out.
    pub fn popup_block<'a>(&self, title: &str) -> Block<'a> {
        Block::bordered()
            .border_type(BorderType::Double)
            .border_style(self.focused_border)
            .title(Span::styled(format!(" {title} "), self.title))
    }
}
