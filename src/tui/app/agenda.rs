//! The agenda from the overview: the due meetings as a calendar file in the export folder.

use super::{App, Screen};
use crate::domain::agenda::due_meetings;
use crate::export::{agenda_file_name, to_icalendar};
use crate::store::today;

impl App {
    /// Writes the meetings the overview shows as due into the export folder, and shows
    /// where on the overview, whole and ready to copy.
    pub(super) fn export_agenda(&mut self) {
        let t = self.texts;
        let Screen::Home(home) = self.screen() else {
            return;
        };
        let meetings = due_meetings(&home.summaries, today());
        let text = to_icalendar(&meetings, t, chrono::Utc::now());
        match self
            .store
            .write_export(&self.export_dir, &agenda_file_name(t), &text)
        {
            Ok(path) => {
                let path = std::path::absolute(&path).unwrap_or(path);
                self.message = None;
                if let Screen::Home(home) = self.screen_mut() {
                    home.agenda = Some((path, meetings.len()));
                }
            }
            Err(e) => self.message = Some((e.describe(t), true)),
        }
    }
}
