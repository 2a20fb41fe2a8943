//! A session begun on a preparation form: `stagegesprek prepare`, or a form an earlier
//! window left unfinished, offered back at the start.

use super::App;
use crate::domain::Moment;
use crate::domain::preparation::Preparer;
use crate::tui::screens::prepare::PrepareState;

impl App {
    /// Opens the preparation form of `by`. Where it cannot be opened (another window has it),
    /// a session begun for this form alone ends, saying why.
    pub fn prepare(&mut self, id: &str, moment: Moment, by: Preparer) {
        let opened = PrepareState::open(id, moment, by, &self.services(None));
        match opened {
            Ok(page) => self.open_page(Box::new(page), false),
            Err(said) => {
                if self.only_preparation {
                    self.exit_notes.push(said.clone());
                    self.quit = true;
                }
                self.message = Some((said, true));
            }
        }
    }

    /// A preparation form that a window now gone left unfinished opens again as it was.
    pub(super) fn offer_unfinished_preparation(&mut self) {
        let Some((id, moment, by)) = self
            .store
            .unfinished_preparation_forms()
            .into_iter()
            .find(|(id, _, _)| self.store.placement_exists(id))
        else {
            return;
        };
        self.prepare(&id, moment, by);
    }
}
