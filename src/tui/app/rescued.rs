//! Text an earlier session could only put in a rescue file, given back: the next start
//! offers to view the newest one and to take its text into the meeting it came from.

use std::path::Path;

use super::{App, Screen};
use crate::domain::text::printable;
use crate::i18n::fill;
use crate::tui::screens::choice::{Answer, ChoiceState, Intent};
use crate::tui::screens::view::ViewState;

impl App {
    /// Asks about the newest rescue file that holds a meeting; files that hold something
    /// else (a form) stay named at start, to be opened in an editor.
    pub(super) fn offer_rescued(&mut self) {
        let t = self.texts;
        let Some((path, record)) = self
            .store
            .rescued_files()
            .into_iter()
            .rev()
            .find_map(|path| self.store.rescued_meeting(&path).ok().map(|r| (path, r)))
        else {
            return;
        };
        let lines = vec![
            fill(
                t.rescued_offer_body,
                &[
                    t.moment_after_the(record.moment),
                    &printable(&record.placement.student),
                    &path.display().to_string(),
                ],
            ),
            t.rescued_offer_how.to_string(),
        ];
        let answer = |label, intent| Answer { label, intent };
        self.push(Screen::Choice(Box::new(ChoiceState {
            title: t.rescued_offer_title.to_string(),
            lines,
            answers: vec![
                answer(t.rescued_view, Intent::ViewRescued(path.clone())),
                answer(t.rescued_take, Intent::TakeRescued(path)),
                answer(t.rescued_later, Intent::Back),
            ],
            placement: record.placement.id.clone(),
            moment: record.moment,
            lock: None,
        })));
    }

    /// The rescued meeting, read-only, on top of the question, which Esc comes back to.
    pub(super) fn view_rescued(&mut self, path: &Path) {
        match self.store.rescued_meeting(path) {
            Ok(record) => self.push(Screen::Page(Box::new(ViewState::new(record, 0, true)))),
            Err(e) => self.message = Some((e.describe(self.texts), true)),
        }
    }

    /// The rescued text appended to its meeting's draft, marked; the file is kept in
    /// `taken/`. The next rescue file, if any, is offered in turn.
    pub(super) fn take_rescued(&mut self, path: &Path) {
        let t = self.texts;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mark = fill(t.rescued_mark, &[&name]);
        match self.store.take_rescued(path, &mark) {
            Ok((id, moment)) => {
                self.back();
                self.stale_placement = Some(id);
                self.message = Some((fill(t.rescued_taken, &[t.moment_after_the(moment)]), false));
                self.offer_rescued();
            }
            Err(e) => self.message = Some((e.describe(t), true)),
        }
    }
}
