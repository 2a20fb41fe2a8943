//! Drawing the whole application: the current screen, a status line when there is something
//! to say, the key hints, and help on top. Reads the state, never changes it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::app::{App, SaveStatus, Screen};
use super::form::FormWidget;
use super::keymap::Context;
use super::meeting::{MeetingScreen, Section};
use super::screens::choice::ChoiceScreen;
use super::screens::home::HomeScreen;
use super::screens::pick::PickScreen;
use super::screens::view::ViewScreen;
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
        // A warning names a file and says what happens to the text; both must be readable, so
        // it wraps onto up to four lines rather than being cut off. A quarter is added for
        // what word wrapping leaves empty at line ends.
        let status_height = status.as_ref().map_or(0, |line| {
            let width = usize::from(area.width.max(1));
            let needed = (line.width() + line.width() / 4).div_ceil(width);
            u16::try_from(needed.clamp(1, 4)).unwrap_or(4)
        });
        let [body, status_area, footer] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(status_height),
            Constraint::Length(1),
        ]));
        self.render_screen(body, buf);
        if let Some(line) = status {
            Paragraph::new(line)
                .wrap(Wrap { trim: true })
                .render(status_area, buf);
        }
        Paragraph::new(Span::styled(self.hints(), self.theme.key_hint)).render(footer, buf);
        if self.help {
            self.render_help(body, buf);
        }
        if let Some(reason) = &self.quit_question {
            self.render_quit_question(reason, body, buf);
        }
    }
}

impl App {
    fn render_screen(&self, area: Rect, buf: &mut Buffer) {
        let (t, theme) = (self.texts, &self.theme);
        let default_guide = self.guides.for_language(self.lang);
        match &self.screen {
            Screen::Home(state) => HomeScreen {
                state,
                texts: t,
                theme,
                banner: self.demo.then_some(t.home_demo_banner),
                folder: self.store.root(),
                created: self.store.created(),
            }
            .render(area, buf),
            Screen::NewPlacement(form) => {
                let block = Block::bordered()
                    .border_style(theme.focused_border)
                    .title(Span::styled(format!(" {} ", form.title), theme.title));
                let inner = block.inner(area);
                block.render(area, buf);
                FormWidget { form, theme }.render(inner, buf);
            }
            Screen::Pick(state) => {
                if let Some(guide) = default_guide {
                    PickScreen {
                        state,
                        guide,
                        texts: t,
                        theme,
                    }
                    .render(area, buf);
                }
            }
            Screen::View(state) => {
                if let Some(guide) = self.guides.for_record(&state.record.guide.id, self.lang) {
                    ViewScreen {
                        state,
                        guide,
                        texts: t,
                        theme,
                    }
                    .render(area, buf);
                }
            }
            Screen::Choice(state) => ChoiceScreen { state, theme }.render(area, buf),
            Screen::Meeting(state) => MeetingScreen {
                state,
                texts: t,
                theme,
                save_status: self.save_span(),
            }
            .render(area, buf),
        }
    }

    fn save_span(&self) -> Span<'static> {
        let t = self.texts;
        match &self.save_status {
            SaveStatus::Idle => Span::raw(""),
            SaveStatus::Pending => Span::styled(format!("{} ", t.save_pending), self.theme.dim),
            SaveStatus::Saved(at) => Span::styled(
                format!(
                    "{} ",
                    fill(t.save_done, &[&at.format("%H:%M:%S").to_string()])
                ),
                self.theme.ok,
            ),
            SaveStatus::Failed(_) => Span::styled(" ! ", self.theme.warning),
        }
    }

    /// A failed save outranks any other message: it stays until a save succeeds.
    fn status_line(&self) -> Option<Line<'static>> {
        if let SaveStatus::Failed(reason) = &self.save_status {
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

    fn hints(&self) -> &'static str {
        let t = self.texts;
        match self.context() {
            Context::Help => t.help_close,
            Context::Home => t.home_hints,
            Context::Form { .. } if matches!(self.screen, Screen::NewPlacement(_)) => t.form_hints,
            Context::Form { .. } => t.form_popup_hints,
            Context::Pick => t.pick_hints,
            Context::Typing => t.meeting_hints_edit,
            Context::Confirm => t.confirm_delete,
            Context::Browse => match &self.screen {
                Screen::Meeting(m) => match m.section {
                    Section::Key(_) => t.meeting_hints_browse_key,
                    Section::Agreements => t.meeting_hints_browse_agreements,
                    Section::Details => t.meeting_hints_browse_details,
                    Section::Private => t.meeting_hints_browse,
                },
                _ => t.meeting_hints_browse,
            },
            Context::Finishing => t.finish_hints,
            Context::Finished => t.finish_done_hints,
            Context::View => match &self.screen {
                Screen::View(v) if v.read_only => t.view_hints_read_only,
                _ => t.view_hints,
            },
            Context::Choice => t.choice_hints,
            Context::QuitQuestion => t.quit_unsaved_hints,
        }
    }

    fn help_text(&self) -> &'static str {
        let t = self.texts;
        match &self.screen {
            Screen::Home(_) => t.help_home,
            Screen::NewPlacement(_) => t.help_form,
            Screen::Pick(_) => t.help_pick,
            Screen::View(_) => t.help_view,
            Screen::Choice(_) => t.help_choice,
            Screen::Meeting(m) if m.phase != super::meeting::Phase::Conversation => t.help_finish,
            Screen::Meeting(_) => t.help_meeting,
        }
    }

    /// Asked when quitting finds text the disk would not take.
    fn render_quit_question(&self, reason: &str, area: Rect, buf: &mut Buffer) {
        let t = self.texts;
        let popup = area.centered(
            Constraint::Length(area.width.saturating_sub(4).min(70)),
            Constraint::Length(area.height.saturating_sub(2).min(12)),
        );
        Clear.render(popup, buf);
        let lines = vec![
            Line::styled(fill(t.quit_unsaved_body, &[reason]), self.theme.warning),
            Line::default(),
            Line::from(vec![
                Span::styled("[1] ", self.theme.key_hint),
                Span::raw(t.quit_unsaved_stay),
            ]),
            Line::from(vec![
                Span::styled("[2] ", self.theme.key_hint),
                Span::raw(t.quit_unsaved_rescue),
            ]),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(self.theme.popup_block(t.quit_unsaved_title))
            .render(popup, buf);
    }

    fn render_help(&self, area: Rect, buf: &mut Buffer) {
        let popup = area.centered(
            Constraint::Length(area.width.saturating_sub(4).min(84)),
            Constraint::Length(area.height.saturating_sub(2).max(3)),
        );
        Clear.render(popup, buf);
        let block = self
            .theme
            .popup_block(self.texts.help_title)
            .title_bottom(Line::styled(
                format!(" {} ", self.texts.help_close),
                self.theme.dim,
            ));
        Paragraph::new(self.help_text())
            .wrap(Wrap { trim: false })
            .block(block)
            .render(popup, buf);
    }
}
