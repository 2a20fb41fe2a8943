//! Placements from the interface: a new one, changing one, moving one out of the list, and
//! the screens that show one.

use super::{App, Screen};
use crate::domain::placement::{PlacementProblem, could_be_email, similar};
use crate::domain::placement_change::{Detail, differences, merged};
use crate::domain::summary::PlacementSummary;
use crate::domain::text::printable;
use crate::domain::{Lang, Moment, Placement, PlacementDraft};
use crate::i18n::{Texts, fill};
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
                // What an earlier window typed here and never stored comes back, so a closed
                // window loses nothing; a second window on the same form keeps nothing of its
                // own, and a save from either is checked against the file.
                let (kept, earlier) = match self.store.open_edit_form(id) {
                    Ok(Some((kept, earlier))) => (Some(kept), earlier),
                    Ok(None) => {
                        self.message = Some((self.texts.edit_form_open_elsewhere.into(), true));
                        (None, None)
                    }
                    Err(e) => {
                        self.message = Some((e.describe(self.texts), true));
                        (None, None)
                    }
                };
                let restored = earlier.is_some();
                let mut form = PlacementFormState::new(
                    earlier.as_ref().unwrap_or(&draft),
                    Some(placement),
                    self.texts,
                    &self.theme,
                );
                form.kept = kept;
                if restored {
                    form.form.mark_edited();
                    self.message = Some((self.texts.form_restored.into(), false));
                }
                self.push(Screen::PlacementForm(Box::new(form)));
            }
            Err(e) => self.message = Some((e.describe(self.texts), true)),
        }
    }

    /// Stores the placement form: checked first, and when it looks like a placement that
    /// exists, said once before a second folder is made for it. When the placement was
    /// changed elsewhere since the form opened, asks first instead of writing over it.
    pub(super) fn save_placement(&mut self) {
        self.store_placement_form(false);
    }

    /// My changes over the other window's version, which keeps every detail I did not
    /// change and is copied to `set-aside/` whole.
    pub(super) fn keep_my_details(&mut self) {
        self.back();
        self.store_placement_form(true);
    }

    /// The other window's version stays; what was typed here is kept in `set-aside/`.
    pub(super) fn take_their_details(&mut self) {
        let t = self.texts;
        self.back();
        let Some(mine) = self.typed_placement() else {
            return;
        };
        match self.store.keep_placement_version(&mine) {
            Ok(path) => {
                self.stale_placement = Some(mine.id.clone());
                self.back();
                let shown = path.display().to_string();
                self.message = Some((fill(t.elsewhere_took_theirs, &[&shown]), false));
            }
            Err(e) => self.form_error(e.describe(t)),
        }
    }

    /// Back in the form, with what the other window stored next to what is typed here.
    pub(super) fn show_both_details(&mut self) {
        let t = self.texts;
        self.back();
        let Some((mine, theirs)) = self.typed_and_stored() else {
            return;
        };
        let shown: Vec<String> = differences(&mine, &theirs)
            .into_iter()
            .map(|d| format!("{} „{}”", detail_label(t, d), detail_value(t, &theirs, d)))
            .collect();
        self.form_error(fill(t.elsewhere_shown, &[&shown.join("; ")]));
    }

    fn store_placement_form(&mut self, keep_mine: bool) {
        let t = self.texts;
        let existing = if matches!(self.screen(), Screen::PlacementForm(p) if !p.similar_seen) {
            self.store.placements().0
        } else {
            Vec::new()
        };
        let Some(mut placement) = self.typed_placement() else {
            return;
        };
        let Screen::PlacementForm(state) = self.screen_mut() else {
            return;
        };
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
        let base = state.editing.clone();
        let mut kept_theirs = None;
        if let Some(base) = &base
            && let Ok(theirs) = self.store.placement(&base.id)
            && theirs != *base
        {
            if !keep_mine {
                self.ask_changed_elsewhere(&placement, &theirs);
                return;
            }
            match self.store.keep_placement_copy(&base.id) {
                Ok(path) => kept_theirs = Some(path),
                Err(e) => return self.form_error(e.describe(t)),
            }
            placement = merged(base, &placement, &theirs);
        }
        let editing = base.is_some();
        let saved = if editing {
            self.store.update_placement(&placement)
        } else {
            self.store.create_placement(placement)
        };
        match saved {
            Ok(saved) => {
                // The form's own unfinished copy goes; a question about it may sit above it.
                let kept = self.screens.iter_mut().rev().find_map(|s| match s {
                    Screen::PlacementForm(state) => Some(state.kept.take()),
                    _ => None,
                });
                if let Some(kept) = kept.flatten() {
                    self.saver.discard_form(kept);
                }
                self.stale_placement = Some(saved.id.clone());
                if editing {
                    self.back();
                    let said = kept_theirs.map_or_else(
                        || t.placement_saved.to_string(),
                        |path| fill(t.elsewhere_kept_mine, &[&path.display().to_string()]),
                    );
                    self.message = Some((said, false));
                } else {
                    let pick = self.pick_screen(&saved.id);
                    self.replace(pick);
                }
            }
            Err(e) => self.form_error(e.describe(t)),
        }
    }

    /// The placement as typed in the form on top, checked; `None` with the problem shown in
    /// the form and the field it is about focused.
    fn typed_placement(&mut self) -> Option<Placement> {
        let (t, theme) = (self.texts, self.theme);
        let today = crate::tui::dates::today();
        let Screen::PlacementForm(state) = self.screen_mut() else {
            return None;
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
                    return None;
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
            return None;
        }
        let email = placement.trainer_email.trim();
        if !email.is_empty() && !could_be_email(email) {
            state.form.error = Some(fill(t.form_bad_email, &[&printable(email)]));
            state.form.focus_field(FieldName::TrainerEmail, &theme);
            return None;
        }
        Some(placement)
    }

    /// What is typed in the form and what is stored now, for a placement being changed.
    fn typed_and_stored(&mut self) -> Option<(Placement, Placement)> {
        let mine = self.typed_placement()?;
        match self.store.placement(&mine.id) {
            Ok(theirs) => Some((mine, theirs)),
            Err(e) => {
                self.form_error(e.describe(self.texts));
                None
            }
        }
    }

    fn form_error(&mut self, text: String) {
        if let Screen::PlacementForm(state) = self.screen_mut() {
            state.form.error = Some(text);
        }
    }

    /// Asks what to do with a placement changed elsewhere since the form opened, showing
    /// each detail as typed here and as stored there. Nothing is written until answered.
    fn ask_changed_elsewhere(&mut self, mine: &Placement, theirs: &Placement) {
        let t = self.texts;
        let mut lines = vec![fill(t.elsewhere_body, &[&printable(&theirs.student)])];
        for detail in differences(mine, theirs) {
            lines.push(fill(
                t.elsewhere_line,
                &[
                    detail_label(t, detail),
                    &detail_value(t, mine, detail),
                    &detail_value(t, theirs, detail),
                ],
            ));
        }
        let answer = |label, intent| Answer { label, intent };
        self.push(Screen::Choice(Box::new(ChoiceState {
            title: t.elsewhere_title.to_string(),
            lines,
            answers: vec![
                answer(t.elsewhere_show_both, Intent::ShowBothDetails),
                answer(t.elsewhere_keep_mine, Intent::KeepMyDetails),
                answer(t.elsewhere_take_theirs, Intent::TakeTheirDetails),
            ],
            placement: mine.id.clone(),
            moment: Moment::Start,
            lock: None,
        })));
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

fn detail_label(t: &Texts, detail: Detail) -> &'static str {
    match detail {
        Detail::Student => t.form_student,
        Detail::Programme => t.form_programme,
        Detail::Level => t.form_level,
        Detail::Company => t.form_company,
        Detail::Trainer => t.form_trainer,
        Detail::Teacher => t.form_teacher,
        Detail::Start => t.form_start,
        Detail::End => t.form_end,
        Detail::TrainerEmail => t.form_trainer_email,
        Detail::TrainerLanguage => t.form_trainer_language,
    }
}

/// A detail as the form shows it, harmless to print; "(leeg)" when there is none.
fn detail_value(t: &Texts, placement: &Placement, detail: Detail) -> String {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| show_date(t, d)).unwrap_or_default();
    let text = match detail {
        Detail::Student => placement.student.clone(),
        Detail::Programme => placement.programme.clone(),
        Detail::Level => placement.level.clone(),
        Detail::Company => placement.company.clone(),
        Detail::Trainer => placement.trainer.clone(),
        Detail::Teacher => placement.teacher.clone(),
        Detail::Start => date(placement.start),
        Detail::End => date(placement.end),
        Detail::TrainerEmail => placement.trainer_email.clone(),
        Detail::TrainerLanguage => match placement.trainer_language {
            None => t.form_language_same.to_string(),
            Some(Lang::Nl) => "Nederlands".to_string(),
            Some(Lang::En) => "English".to_string(),
        },
    };
    if text.is_empty() {
        t.elsewhere_empty.to_string()
    } else {
        printable(&text).into_owned()
    }
}
