//! Taking in what changed outside the program while it is open: the list of placements is
//! read again (off this thread) when it is on screen, the meetings of a placement at once.

use super::{App, Screen};
use crate::store::index::Overview;
use crate::tui::live::Reading;
use crate::tui::screens::home::HomeState;

impl App {
    /// True when something on screen changed.
    pub(super) fn take_in_outside_changes(&mut self) -> bool {
        let mut any = false;
        if self.live.changed() {
            self.outside_changed = true;
            // A page shows one placement or one company: cheap enough to read again at once,
            // where the teacher is.
            any |= self
                .on_page(None, |page, services| page.refresh(services, None))
                .is_some();
        }
        if self.outside_changed && matches!(self.screens.last(), Some(Screen::Home(_))) {
            self.outside_changed = false;
            self.live.read_again(&self.store);
        }
        for reading in self.live.readings(&self.store) {
            any = true;
            match reading {
                Reading::Progress(done, total) => {
                    if let Some(home) = self.home_mut() {
                        home.building = Some((done, total));
                    }
                }
                Reading::Done(overview) => self.take_in_overview(overview),
            }
        }
        any
    }

    /// Whether the list is being read again in the background.
    pub fn reading_list(&self) -> bool {
        self.live.is_reading()
    }

    fn take_in_overview(&mut self, overview: Overview) {
        self.update_overview_problems(&overview);
        if let Some(home) = self.home_mut() {
            home.take_in(overview.summaries);
        }
    }

    fn home_mut(&mut self) -> Option<&mut HomeState> {
        self.screens.iter_mut().find_map(|s| match s {
            Screen::Home(home) => Some(home),
            _ => None,
        })
    }
}
