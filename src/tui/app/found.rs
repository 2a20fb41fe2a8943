//! Opening what search found where it stands: a held record at the part that matched, a
//! meeting in progress, or the placement's moments.

use ratatui::widgets::{Paragraph, Wrap};

use super::App;
use crate::domain::search::Part;
use crate::export::outline::{Section, Variant, outline};
use crate::store::index::Hit;
use crate::tui::app::Screen;
use crate::tui::record_text::outline_lines_with_sections;
use crate::tui::screens::view::ViewState;

impl App {
    /// A held record opens read-only at the part that matched; a meeting still in progress
    /// opens to go on with; a name, or a preparation of a meeting not held yet, opens the
    /// placement's moments.
    pub(super) fn open_found(&mut self, hit: &Hit) {
        let Some(moment) = hit.moment else {
            return self.open_pick(&hit.placement);
        };
        let files = self.store.meeting_files_of(&hit.placement, moment);
        if files.draft.as_ref().is_ok_and(Option::is_some) {
            return self.open_meeting(&hit.placement, moment);
        }
        match files.record {
            Ok(Some(record)) => {
                let scroll = self.rows_before(&record, hit.part);
                self.push(Screen::Page(Box::new(ViewState::new(
                    record, scroll, false,
                ))));
            }
            Ok(None) => self.open_pick(&hit.placement),
            Err(e) => self.message = Some((e.describe(self.texts), true)),
        }
    }

    /// How far the record's view is scrolled for `part` to stand at the top, at the width
    /// the screen had when last drawn.
    fn rows_before(&self, record: &crate::domain::MeetingRecord, part: Part) -> u16 {
        let section = match part {
            Part::Key(key) => Section::Key(key),
            Part::Agreements => Section::Agreements,
            Part::Private => Section::Private,
            Part::Preparation(_) => Section::Preparation,
            Part::Placement => return 0,
        };
        let Some(guide) = self.guides.for_record(&record.guide.id, self.lang) else {
            return 0;
        };
        let (lines, starts) =
            outline_lines_with_sections(&outline(record, guide, Variant::Full), &self.theme);
        let Some(&(_, at)) = starts.iter().find(|(s, _)| *s == section) else {
            return 0;
        };
        let width = self.viewport.map_or(80, |(w, _)| w);
        let rows = Paragraph::new(lines[..at].to_vec())
            .wrap(Wrap { trim: false })
            .line_count(width);
        u16::try_from(rows).unwrap_or(u16::MAX)
    }
}
