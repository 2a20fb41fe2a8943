use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Text;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::RecordStatus;
use crate::domain::{Guide, MeetingRecord, Moment};
use crate::export::{export_shared_pair, page_beside};
use crate::i18n::{Texts, fill};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};
use crate::tui::record_text::record_lines;
use crate::tui::theme::Theme;

/// A held record, read-only, as the teacher sees it (private notes included).
pub struct ViewState {
    pub record: MeetingRecord,
    pub scroll: u16,
    pub exported: Option<PathBuf>,
    /// Shown from another window's meeting or a draft under question: no editing from here.
    pub read_only: bool,
}

impl ViewState {
    pub const fn new(record: MeetingRecord, scroll: u16, read_only: bool) -> Self {
        Self {
            record,
            scroll,
            exported: None,
            read_only,
        }
    }

    /// Writes the shared version where the teacher can find it, in the record's own
    /// language; only a record everyone agreed to (a draft seen from another window must
    /// never overwrite the shared file of the agreed one).
    fn export(&mut self, services: &Services) -> Next {
        let t = services.t;
        if self.record.status != RecordStatus::Final {
            return Next::Say(t.export_draft_refused.into(), true);
        }
        let Some(guide) = services
            .guides
            .for_record(&self.record.guide.id, services.lang)
        else {
            return Next::Say(t.err_no_guide.into(), true);
        };
        match export_shared_pair(services.store, services.export_dir, &self.record, guide) {
            Ok(path) => {
                // Shown whole under the record, not in the status line where it would be cut.
                self.exported = Some(path);
                Next::Stay
            }
            Err(e) => Next::Say(e.describe(t), true),
        }
    }
}

impl Page for ViewState {
    fn context(&self) -> KeyContext {
        KeyContext::View
    }

    fn offers(&self, action: Action) -> bool {
        match action {
            Action::EditAgain => !self.read_only,
            Action::CopyPath => self.exported.is_some(),
            _ => true,
        }
    }

    fn update(&mut self, action: Action, services: &Services) -> Next {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::Back => return Next::Back,
            Action::Export => return self.export(services),
            Action::CopyPath => return Next::Effect(Effect::CopyPath),
            Action::EditAgain if !self.read_only => {
                return Next::Effect(Effect::EditAgain {
                    id: self.record.placement.id.clone(),
                    moment: self.record.moment,
                });
            }
            _ => {}
        }
        Next::Stay
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        if let Some(guide) = cx.guides.for_record(&self.record.guide.id, cx.lang) {
            ViewScreen {
                state: self,
                guide,
                texts: cx.texts,
                theme: cx.theme,
            }
            .render(area, buf);
        }
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_view
    }

    fn placement_id(&self) -> Option<&str> {
        Some(&self.record.placement.id)
    }

    fn moment(&self) -> Option<Moment> {
        Some(self.record.moment)
    }

    fn written(&self) -> Option<&std::path::Path> {
        self.exported.as_deref()
    }
}

pub struct ViewScreen<'a> {
    pub state: &'a ViewState,
    pub guide: &'a Guide,
    pub texts: &'a Texts,
    pub theme: &'a Theme,
}

impl Widget for ViewScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let exported = self.state.exported.as_ref().map(|path| {
            let text = fill(
                self.texts.finish_exported,
                &[
                    &path.display().to_string(),
                    &page_beside(path).display().to_string(),
                ],
            );
            Paragraph::new(Text::styled(text, self.theme.ok)).wrap(Wrap { trim: true })
        });
        // The path is shown whole, on as many rows as it needs.
        let note_h = exported
            .as_ref()
            .map_or(0, |p| p.line_count(area.width.max(1)));
        let [body, note] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(u16::try_from(note_h).unwrap_or(u16::MAX)),
        ]));
        // Whose record and which meeting, also when it was opened from a search.
        let record = &self.state.record;
        let about = format!(
            "{} · {} · {}",
            self.texts.view_title,
            crate::domain::text::printable(&record.placement.student),
            self.guide.moment(record.moment).title
        );
        let title = if self.state.read_only {
            format!("{about} ({})", self.texts.view_read_only)
        } else {
            about
        };
        let block = self.theme.screen_block(&title);
        let lines = record_lines(&self.state.record, self.guide, self.texts, self.theme, true);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.state.scroll, 0))
            .block(block)
            .render(body, buf);
        if let Some(exported) = exported {
            exported.render(note, buf);
        }
    }
}
