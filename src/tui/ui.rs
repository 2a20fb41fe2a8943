//! Drawing the whole application: the current screen, a status line when there is something
//! to say, the key hints, and help on top. Reads the state, never changes it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::action::Action;
use super::app::{App, Screen, ViewCx};
use super::keys::{BINDINGS, Hint, KeyContext, hints};
use super::meeting::{Focus, choice_letters};
use crate::domain::text::is_hidden_control;
use crate::i18n::fill;

pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.texts;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            Paragraph::new(t.too_small)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let status = self.status_line();
        let footer_lines = self.footer_lines(area.width, &|a| self.offers(a));
        let [body, status_area, footer] = self.split(area, footer_lines.len());
        self.render_screen(body, buf);
        if let Some(line) = status {
            Paragraph::new(line)
                .wrap(Wrap { trim: true })
                .render(status_area, buf);
        }
        Paragraph::new(footer_lines).render(footer, buf);
        hide_controls(area, buf);
    }
}

/// Whatever a screen drew, a bidirectional or zero-width control never reaches the terminal
/// (ratatui already drops the C0 and C1 controls): it could turn the rest of a line around.
/// Screens show names with `printable`; this is the net under all of them.
fn hide_controls(area: Rect, buf: &mut Buffer) {
    for pos in area.positions() {
        let cell = &mut buf[pos];
        if cell.symbol().chars().any(is_hidden_control) {
            let kept: String = cell
                .symbol()
                .chars()
                .filter(|c| !is_hidden_control(*c))
                .collect();
            cell.set_symbol(if kept.is_empty() { "\u{fffd}" } else { &kept });
        }
    }
}

impl App {
    /// The screen's body, the status line and the footer, for a footer of `footer_lines`.
    fn split(&self, area: Rect, footer_lines: usize) -> [Rect; 3] {
        // A warning names a file and says what happens to the text; both must be readable, so
        // it wraps onto as many lines as ratatui's own wrapping needs (up to six) rather
        // than being cut off.
        let status_height = self.status_line().map_or(0, |line| {
            let needed = Paragraph::new(line)
                .wrap(Wrap { trim: true })
                .line_count(area.width.max(1));
            u16::try_from(needed.clamp(1, 6)).unwrap_or(6)
        });
        let footer_height = u16::try_from(footer_lines).unwrap_or(1);
        area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(status_height),
            Constraint::Length(footer_height),
        ]))
    }

    /// Where the screen itself was drawn at the last draw. `offers` says which keys the
    /// footer counts (the footer's height depends on them).
    pub(super) fn body_area(&self, offers: &dyn Fn(Action) -> bool) -> Option<Rect> {
        let (width, height) = self.viewport?;
        let area = Rect::new(0, 0, width, height);
        let footer = self.footer_lines(width, offers).len();
        Some(self.split(area, footer)[0])
    }

    fn render_screen(&self, area: Rect, buf: &mut Buffer) {
        let cx = ViewCx {
            texts: self.texts,
            theme: &self.theme,
            guides: &self.guides,
            lang: self.lang,
            data_dir: self.store.root(),
            export_dir: &self.export_dir,
            rescue_dir: self.store.rescue_dir_shown(),
        };
        // A layer (help) is drawn over the screen it covers.
        let base = self
            .screens
            .iter()
            .rposition(|s| !matches!(s, Screen::Page(p) if p.is_layer()))
            .unwrap_or(0);
        for screen in &self.screens[base..] {
            screen.render(area, buf, &cx);
        }
    }

    /// A failed save outranks any other message: it stays until a save succeeds.
    fn status_line(&self) -> Option<Line<'static>> {
        if let Some(reason) = &self.save_failure {
            return Some(Line::styled(
                fill(self.texts.save_failed, &[reason]),
                self.theme.warning,
            ));
        }
        let (text, warning) = self.message.as_ref()?;
        let style = if *warning {
            self.theme.warning
        } else {
            self.theme.ok
        };
        Some(Line::styled(text.clone(), style))
    }

    /// The footer: every key that works here, nano-style, over as many lines as it takes
    /// (at most three; the help lists them all). Where they do not all fit, the last ones
    /// give way, but never Esc and F1: the keys a lost user needs.
    fn footer_lines(&self, width: u16, offers: &dyn Fn(Action) -> bool) -> Vec<Line<'static>> {
        let width = usize::from(width.max(1));
        let mut shown = hints(self.context(), self.texts, offers);
        if let Some(letters) = self.letter_hint() {
            shown.insert(0, letters);
        }
        let kept = |h: &Hint| h.keys.split('/').any(|k| k == "Esc" || k == "F1");
        while footer_rows(&shown, width) > 3 {
            let Some(last) = shown.iter().rposition(|h| !kept(h)) else {
                break;
            };
            shown.remove(last);
        }
        let mut lines: Vec<Line> = Vec::new();
        let mut line: Vec<Span> = Vec::new();
        let mut used = 0;
        for hint in shown {
            let w = hint_width(&hint);
            if used > 0 && used + 2 + w > width {
                lines.push(Line::from(std::mem::take(&mut line)));
                used = 0;
            }
            if used > 0 {
                line.push(Span::raw("  "));
                used += 2;
            }
            line.push(Span::styled(hint.keys, self.theme.key_hint));
            line.push(Span::raw(format!(" {}", hint.label)));
            used += w;
        }
        if !line.is_empty() {
            lines.push(Line::from(line));
        }
        lines.truncate(3);
        if lines.is_empty() {
            lines.push(Line::default());
        }
        lines
    }

    /// On a choice in the meeting details, the letters that choose.
    fn letter_hint(&self) -> Option<Hint> {
        let (Screen::Meeting(m), KeyContext::MeetingChoice) = (self.screen(), self.context())
        else {
            return None;
        };
        let Focus::Detail(row) = m.focus else {
            return None;
        };
        let (letters, label) = choice_letters(row, self.texts)?;
        let keys = letters
            .iter()
            .map(char::to_string)
            .collect::<Vec<_>>()
            .join("/");
        Some(Hint { keys, label })
    }

    /// The help: what the screen is for, then every key of the screen's context, from the
    /// same table as the footer, and how typing works where there is text.
    pub fn help_lines(&self) -> Vec<Line<'static>> {
        let t = self.texts;
        let context = self.screen().context();
        let mut lines: Vec<Line> = self
            .screen()
            .help(t)
            .lines()
            .map(|l| Line::raw(l.to_string()))
            .collect();
        lines.push(Line::default());
        let mut contexts = vec![context];
        // In the meeting every kind of field is listed, so the help is the same wherever
        // the cursor is.
        if matches!(
            context,
            KeyContext::MeetingNotes
                | KeyContext::MeetingLine
                | KeyContext::MeetingList
                | KeyContext::PreparedList
                | KeyContext::MeetingChoice
        ) {
            contexts = vec![
                KeyContext::MeetingNotes,
                KeyContext::MeetingList,
                KeyContext::PreparedList,
                KeyContext::MeetingChoice,
                KeyContext::MeetingLine,
            ];
        }
        let mut seen: Vec<String> = Vec::new();
        for c in contexts.iter().copied() {
            for hint in hints(c, t, |_| true) {
                let entry = format!("{:<16} {}", hint.keys, hint.label);
                if !seen.contains(&entry) {
                    lines.push(Line::from(vec![
                        Span::styled(format!("{:<16} ", hint.keys), self.theme.key_hint),
                        Span::raw(hint.label),
                    ]));
                    seen.push(entry);
                }
            }
        }
        if contexts.iter().any(|c| c.text().is_some()) {
            lines.push(Line::default());
            lines.extend(t.help_typing.lines().map(|l| Line::raw(l.to_string())));
        }
        debug_assert!(!BINDINGS.is_empty());
        lines
    }
}

fn hint_width(hint: &Hint) -> usize {
    hint.keys.chars().count() + 1 + hint.label.chars().count()
}

/// Lines the footer takes at `width` with `shown`, entries wrapped whole.
fn footer_rows(shown: &[Hint], width: usize) -> usize {
    let mut rows = usize::from(!shown.is_empty());
    let mut used = 0;
    for hint in shown {
        let w = hint_width(hint);
        if used > 0 && used + 2 + w > width {
            rows += 1;
            used = 0;
        }
        used += w + if used > 0 { 2 } else { 0 };
    }
    rows
}
