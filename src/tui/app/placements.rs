//! Placements from the interface: a new one, changing one, moving one out of the list, and
//! the screens that show one.

use super::{App, Screen};
use crate::domain::Moment;
use crate::domain::summary::PlacementSummary;
use crate::i18n::fill;
use crate::tui::screens::choice::{Answer, ChoiceState, Intent};
use crate::tui::screens::pick::PickState;
use crate::tui::screens::placement_form::PlacementFormState;

impl App {
    /// A new-placement form a window that is gone left unfinished opens again as it was.
    pub(super) fn offer_unfinished_placement(&mut self) {
        match PlacementFormState::unfinished(&self.services(None)) {
            Ok(Some(form)) => self.open_page(Box::new(form), false),
            Ok(None) => {}
            Err(said) => self.message = Some((said, true)),
        }
    }

    /// Asks before a placement leaves the list, naming the student; the safe answer first.
    pub(super) fn ask_remove_placement(&mut self, id: &str) {
        let t = self.texts;
        let Ok(placement) = self.store.placement(id) else {
            return;
        };
        let who = format!("{} ({})", placement.student, placement.company);
        let answers = vec![
            Answer {
                label: t.answer_back,
                intent: Intent::Back,
            },
            Answer {
                label: t.remove_yes,
                intent: Intent::RemovePlacement,
            },
        ];
        self.push(Screen::Choice(Box::new(ChoiceState {
            title: fill(t.remove_title, &[&placement.student]),
            lines: vec![fill(t.remove_body, &[&who])],
            answers,
            placement: id.to_string(),
            moment: Moment::Start,
            lock: None,
        })));
    }

    pub(super) fn remove_placement(&mut self, id: &str) {
        let t = self.texts;
        match self.store.remove_placement(id) {
            Ok(path) => {
                self.screens.truncate(1);
                if let Some(Screen::Home(home)) = self.screens.first_mut() {
                    home.refresh_one(id, None);
                }
                let shown = path.display().to_string();
                self.message = Some((fill(t.remove_done, &[&shown]), false));
            }
            Err(e) => {
                self.back();
                self.message = Some((e.describe(t), true));
            }
        }
    }

    /// The moments of placement `id`, with the next one to hold selected.
    pub(super) fn pick_screen(&mut self, id: &str) -> Screen {
        Screen::Page(Box::new(PickState::open(id, &self.store)))
    }

    pub(super) fn open_pick(&mut self, id: &str) {
        let pick = self.pick_screen(id);
        self.push(pick);
    }

    /// One placement's line on the home list, read afresh; none when it is gone.
    pub(super) fn summary_of(&self, id: &str) -> Option<PlacementSummary> {
        self.store.summary(id).ok()
    }
}
