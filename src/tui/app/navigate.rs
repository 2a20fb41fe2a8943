//! Walking the stack of screens: on top, replaced, back (with what the screen below must
//! know of what happened above it), and the home list it all starts from.

use super::{App, Screen};
use crate::domain::Moment;
use crate::domain::summary::PlacementSummary;
use crate::i18n::fill;
use crate::store::index::Overview;
use crate::store::index::glance::{SCREENFUL, first_rows};
use crate::tui::keys::KeyContext;
use crate::tui::screens::home::HomeState;

impl App {
    pub(super) fn push(&mut self, screen: Screen) {
        self.screens.push(screen);
    }

    /// Puts `screen` in place of the one on top (a question answered, a form saved).
    pub(super) fn replace(&mut self, screen: Screen) {
        if let Some(mut top) = self.screens.pop() {
            top.release_lock();
        }
        self.screens.push(screen);
    }

    /// Back to where the user came from. A screen reached directly (`meet`) has its natural
    /// parent built only now.
    pub(super) fn back(&mut self) {
        if let Some(Screen::Meeting(_)) = self.screens.last() {
            // The screen below reads the files; what was just handed over must be on them.
            self.save_open_meeting();
            self.saver.flush();
            self.tick();
        }
        let Some(mut top) = self.screens.pop() else {
            return;
        };
        top.release_lock();
        // A session opened for one form ends with it.
        if self.only_preparation && self.screens.is_empty() {
            self.screens.push(top);
            return self.quit_app();
        }
        if let Some(id) = top.placement_id() {
            self.stale_placement = Some(id.to_string());
        }
        if self.screens.is_empty() {
            let parent = match top.placement_id() {
                Some(id) if top.context() != KeyContext::Pick => self.pick_screen(id),
                _ => self.home_while_reading(),
            };
            self.screens.push(parent);
        }
        self.refresh_top(top.moment());
        if matches!(self.screens.last(), Some(Screen::Home(_))) {
            self.team.look_again();
        }
    }

    /// Brings the screen that is on top again up to date with the files.
    pub(super) fn refresh_top(&mut self, moment: Option<Moment>) {
        let stale = self.stale_placement.take();
        let screen = match self.screens.last() {
            Some(Screen::Page(_)) => {
                self.on_page(None, |page, services| page.refresh(services, moment));
                None
            }
            Some(Screen::Home(_)) => {
                if let Some(id) = stale {
                    let summary = self.summary_of(&id);
                    if let Some(Screen::Home(home)) = self.screens.last_mut() {
                        home.refresh_one(&id, summary);
                    }
                }
                None
            }
            _ => None,
        };
        if let Some(screen) = screen {
            *self.screen_mut() = screen;
        }
    }

    /// The list for a session that began elsewhere (`stagegesprek meet`): the first rows as
    /// the index last saw them at once, the whole list compared off this thread.
    fn home_while_reading(&mut self) -> Screen {
        let first = first_rows(&self.store, crate::store::today(), SCREENFUL);
        self.live.read_again(&self.store);
        self.home_of(first, true)
    }

    /// The list of placements holding `rows`; `reading` while the whole list is still to come.
    pub(super) fn home_of(&self, rows: Vec<PlacementSummary>, reading: bool) -> Screen {
        let mut home = HomeState::new(rows, self.store.root().to_path_buf(), self.store.created());
        home.demo = self.demo;
        home.building = reading.then_some((0, 0));
        Screen::Home(home)
    }

    pub(super) fn home_screen(&mut self) -> Screen {
        // Through the index: only what changed since it was last seen is read again.
        let overview = self.store.overview(crate::store::today(), &mut |_, _| {});
        self.home_from(overview)
    }

    /// The list of placements as `overview` gives it; what it repaired or could not read is
    /// said in the status line.
    pub(super) fn home_from(&mut self, overview: Overview) -> Screen {
        self.say_overview_problems(&overview);
        let summaries = overview.summaries;
        self.home_of(summaries, false)
    }

    /// What reading the list repaired or could not read, in the status line.
    pub(super) fn say_overview_problems(&mut self, overview: &Overview) {
        let said = self.overview_problems(overview);
        if said.is_some() {
            self.message = said.clone().map(|text| (text, true));
        }
        self.overview_said = said;
    }

    /// The list read again in the background: what it found replaces what the last reading
    /// said (or clears it once all is well), never a message of something else.
    pub(super) fn update_overview_problems(&mut self, overview: &Overview) {
        let said = self.overview_problems(overview);
        let ours = self
            .message
            .as_ref()
            .is_none_or(|(text, _)| Some(text) == self.overview_said.as_ref());
        if ours {
            self.message = said.clone().map(|text| (text, true));
        }
        self.overview_said = said;
    }

    /// What reading the list repaired or could not read, in words; the files it could not
    /// read outrank the permissions it narrowed.
    fn overview_problems(&self, overview: &Overview) -> Option<String> {
        let errors = &overview.errors;
        if let Some(first) = errors.first() {
            return Some(if errors.len() == 1 {
                first.describe(self.texts)
            } else {
                fill(
                    self.texts.err_damaged_count,
                    &[&errors.len().to_string(), &first.describe(self.texts)],
                )
            });
        }
        (!overview.repaired.is_empty()).then(|| {
            fill(
                self.texts.permissions_repaired,
                &[&overview.repaired.len().to_string()],
            )
        })
    }

    /// Shows the list of placements, read afresh (after demo data was written).
    pub fn show_home(&mut self, select: Option<&str>) {
        for screen in &mut self.screens {
            screen.release_lock();
        }
        let mut home = self.home_screen();
        if let (Screen::Home(h), Some(id)) = (&mut home, select) {
            h.select_id(id);
        }
        self.screens = vec![home];
    }
}
