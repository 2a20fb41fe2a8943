//! Placements from the interface: a new one, changing one, moving one out of the list, and
//! the screens that show one.

use super::{App, Screen};
use crate::domain::placement::{PlacementProblem, similar};
use crate::domain::summary::PlacementSummary;
use crate::domain::{Moment, Placement, PlacementDraft};
use crate::i18n::fill;
use crate::tui::dates::{parse_date, show_date};
use crate::tui::form::FieldName;
use crate::tui::screens::choice::{Answer, ChoiceState, Intent};
use crate::tui::screens::pick::PickState;
use crate::tui::screens::placement_form::PlacementFormState;

impl App {
    pub(super) fn new_placement(&mut self) {
        let mut form =
            PlacementFormState::new(&PlacementDraft::default(), None, self.texts, &self.theme);
        match self.store.new_placement_form() {
            Ok(kept) => form.kept = Some(kept),
            // The form still opens; the saver reports the failure once there is text to keep.
            Err(e) => self.message = Some((e.describe(self.texts), true)),
        }
        self.push(Screen::PlacementForm(Box::new(form)));
    }

    /// A new-placement form a window that is gone left unfinished opens again as it was.
    pub(super) fn offer_unfinished_placement(&mut self) {
        match self.store.unfinished_placement_form() {
            Ok(Some((kept, draft))) => {
                let mut form = PlacementFormState::new(&draft, None, self.texts, &self.theme);
                form.form.mark_edited();
                form.kept = Some(kept);
                self.push(Screen::PlacementForm(Box::new(form)));
                self.message = Some((self.texts.form_restored.into(), false));
            }
            Ok(None) => {}
            Err(e) => self.message = Some((e.describe(self.texts), true)),
        }
    }

    pub(super) fn edit_placement(&mut self, id: &str) {
        match self.store.placement(id) {
            Ok(placement) => {
                let show = |d: Option<chrono::NaiveDate>| {
                    d.map(|d| show_date(self.texts, d)).unwrap_or_default()
                };
                let draft = PlacementDraft {
                    student: placement.student.clone(),
                    programme: placement.programme.clone(),
                    level: placement.level.clone(),
                    company: placement.company.clone(),
                    trainer: placement.trainer.clone(),
                    teacher: placement.teacher.clone(),
                    start: show(placement.start),
                    end: show(placement.end),
                    trainer_email: placement.trainer_email.clone(),
                    trainer_language: placement.trainer_language,
                    end_of_file: true,
                };
                let form =
                    PlacementFormState::new(&draft, Some(placement), self.texts, &self.theme);
                self.push(Screen::PlacementForm(Box::new(form)));
            }
            Err(e) => self.message = Some((e.describe(self.texts), true)),
        }
    }

    /// Stores the placement form: checked first, and when it looks like a placement that
    /// exists, said once before a second folder is made for it.
    pub(super) fn save_placement(&mut self) {
        let (t, theme) = (self.texts, self.theme);
        let today = crate::tui::dates::today();
        let existing = if matches!(self.screen(), Screen::PlacementForm(p) if !p.similar_seen) {
            self.store.placements().0
        } else {
            Vec::new()
        };
        let Screen::PlacementForm(state) = self.screen_mut() else {
            return;
        };
        let typed = state.draft();
        let mut dates = [None, None];
        for (slot, (field, text)) in dates.iter_mut().zip([
            (FieldName::Start, &typed.start),
            (FieldName::End, &typed.end),
        ]) {
            match parse_date(text, today) {
                Ok(date) => *slot = date,
                Err(()) => {
                    state.form.error = Some(fill(t.form_bad_date_typed, &[text]));
                    state.form.focus_field(field, &theme);
                    return;
                }
            }
        }
        let base = state.editing.clone().unwrap_or_default();
        let placement = Placement {
            student: typed.student,
            programme: typed.programme,
            level: typed.level,
            company: typed.company,
            trainer: typed.trainer,
            teacher: typed.teacher,
            start: dates[0],
            end: dates[1],
            trainer_email: typed.trainer_email,
            trainer_language: typed.trainer_language,
            ..base
        };
        if let Err(problem) = placement.check() {
            state.form.error = Some(t.placement_problem(problem).into());
            let field = match problem {
                PlacementProblem::NoStudent => FieldName::Student,
                PlacementProblem::EndBeforeStart => FieldName::End,
            };
            state.form.focus_field(field, &theme);
            return;
        }
        if let Some(like) = similar(&placement, &existing).first() {
            let period = match (like.start, like.end) {
                (Some(s), Some(e)) => format!(", {} – {}", show_date(t, s), show_date(t, e)),
                _ => String::new(),
            };
            let about = format!("{} ({}{period})", like.student, like.company);
            state.form.error = Some(fill(t.placement_similar, &[&about]));
            state.similar_seen = true;
            return;
        }
        let editing = state.editing.is_some();
        let saved = if editing {
            self.store.update_placement(&placement)
        } else {
            self.store.create_placement(placement)
        };
        match saved {
            Ok(saved) => {
                let kept = match self.screen_mut() {
                    Screen::PlacementForm(state) => state.kept.take(),
                    _ => None,
                };
                if let Some(kept) = kept {
                    self.saver.discard_form(kept);
                }
                self.stale_placement = Some(saved.id.clone());
                if editing {
                    self.back();
                    self.message = Some((t.placement_saved.into(), false));
                } else {
                    let pick = self.pick_screen(&saved.id);
                    self.replace(pick);
                }
            }
            Err(e) => {
                if let Screen::PlacementForm(state) = self.screen_mut() {
                    state.form.error = Some(e.describe(t));
                }
            }
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
        let summary = self.summary_of(id).unwrap_or_else(|| {
            PlacementSummary::new(
                Placement {
                    id: id.to_string(),
                    ..Placement::default()
                },
                &[],
            )
        });
        let selected = summary.next_moment().map_or(0, Moment::index);
        let prepared = Moment::ALL.map(|m| {
            let (trainer, student) = self.store.preparations(id, m);
            let mut who = Vec::new();
            who.extend(trainer.map(|_| crate::domain::Role::Trainer));
            who.extend(student.map(|_| crate::domain::Role::Student));
            who
        });
        Screen::Pick(PickState {
            summary,
            selected,
            prepared,
        })
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
