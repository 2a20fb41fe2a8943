//! Preparing a meeting from the interface: in the program, by a form on the clipboard or in
//! an e-mail, and reading a filled form back in.

use std::process::{Command, Stdio};

use super::{App, Screen};
use crate::clipboard::copy_to_clipboard;
use crate::domain::preparation::{PrepSource, Preparer};
use crate::domain::{Lang, Moment, Placement};
use crate::export::{mail_subject, mailto_url, preparation_form};
use crate::i18n::{Texts, fill};
use crate::tui::screens::choice::{Answer, ChoiceState, Intent};
use crate::tui::screens::import::ImportState;
use crate::tui::screens::prepare::PrepareState;

impl App {
    /// The ways to prepare a meeting, as a question with numbered answers.
    pub(super) fn prep_menu(&mut self, id: &str, moment: Moment) {
        let t = self.texts;
        let Ok(placement) = self.store.placement(id) else {
            return;
        };
        let answer = |label, intent| Answer { label, intent };
        let mut answers = vec![
            answer(t.prep_menu_trainer_here, Intent::Prepare(Preparer::Trainer)),
            answer(t.prep_menu_student_here, Intent::Prepare(Preparer::Student)),
            answer(
                t.prep_menu_copy_trainer,
                Intent::CopyForm(Preparer::Trainer),
            ),
            answer(
                t.prep_menu_copy_student,
                Intent::CopyForm(Preparer::Student),
            ),
            answer(t.prep_menu_paste, Intent::PasteReply),
        ];
        if !placement.trainer_email.trim().is_empty() {
            answers.push(answer(t.prep_menu_mail, Intent::MailForm));
        }
        let (trainer, student) = self.store.preparations(id, moment);
        let mut lines = vec![fill(t.prep_menu_body, &[t.moment_after_the(moment)])];
        for (who, day) in [
            (Preparer::Trainer, trainer.map(|p| p.prepared_on)),
            (Preparer::Student, student.map(|p| p.prepared_on)),
        ] {
            if let Some(day) = day {
                let day = day.map_or_else(|| t.unknown.to_string(), |d| t.date(d));
                lines.push(fill(t.prep_menu_has, &[t.role(who.role()), &day]));
            }
        }
        self.push(Screen::Choice(Box::new(ChoiceState {
            title: fill(t.prep_menu_title, &[&placement.student]),
            lines,
            answers,
            placement: id.to_string(),
            moment,
            lock: None,
        })));
    }

    /// The language a preparer is addressed in: the trainer's own, where the placement says.
    fn preparer_texts(&self, placement: &Placement, by: Preparer) -> &'static Texts {
        match (by, placement.trainer_language) {
            (Preparer::Trainer, Some(lang)) => crate::tui::key_words::texts_with_keys(lang),
            _ => self.texts,
        }
    }

    fn preparer_lang(&self, placement: &Placement, by: Preparer) -> Lang {
        match (by, placement.trainer_language) {
            (Preparer::Trainer, Some(lang)) => lang,
            _ => self.lang,
        }
    }

    /// Opens the preparation screen for `by`: with what an earlier window left unfinished,
    /// else with what was prepared before, if anything. Refused while another window has
    /// the same form open, so neither writes over the other.
    pub fn prepare(&mut self, id: &str, moment: Moment, by: Preparer) {
        let t = self.texts;
        let placement = match self.store.placement(id) {
            Ok(p) => p,
            Err(e) => {
                self.message = Some((e.describe(t), true));
                return;
            }
        };
        let (kept, unfinished) = match self.store.open_preparation_form(id, moment, by) {
            Ok(Some(form)) => form,
            Ok(None) => {
                self.message = Some((t.prep_form_open_elsewhere.into(), true));
                if self.only_preparation {
                    self.exit_notes.push(t.prep_form_open_elsewhere.into());
                    self.quit = true;
                }
                return;
            }
            Err(e) => {
                self.message = Some((e.describe(t), true));
                return;
            }
        };
        let earlier = self.store.preparation(id, moment, by).ok().flatten();
        let restored = unfinished.as_ref().and_then(|d| d.prepared());
        let mut state = PrepareState::new(
            id,
            &placement.student,
            &placement.company,
            moment,
            by,
            self.preparer_texts(&placement, by),
            restored.as_ref().or(earlier.as_ref()),
            &self.theme,
        );
        state.kept = Some(kept);
        if restored.is_some() {
            state.form.mark_edited();
        }
        self.show(Screen::Prepare(Box::new(state)));
        if restored.is_some() {
            self.message = Some((t.form_restored.into(), false));
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

    pub(super) fn save_preparation(&mut self) {
        let t = self.texts;
        let Screen::Prepare(state) = self.screen() else {
            return;
        };
        let Some(mut prepared) = state.prepared() else {
            self.message = Some((t.prep_nothing_yet.into(), true));
            return;
        };
        let (id, moment, by) = (state.placement.clone(), state.moment, state.by);
        prepared.set_prepared_on(crate::tui::dates::today());
        match self
            .store
            .save_preparation(&id, moment, &prepared, PrepSource::Program)
        {
            Ok(_) => {
                let said = fill(t.prep_saved, &[t.role(by.role())]);
                if self.only_preparation {
                    self.exit_notes.push(said.clone());
                }
                // Stored: the draft that kept it goes with the screen.
                if let Screen::Prepare(state) = self.screen_mut()
                    && let Some(kept) = state.kept.take()
                {
                    self.saver.discard_form(kept);
                }
                self.back();
                self.message = Some((said, false));
            }
            Err(e) => self.message = Some((e.describe(t), true)),
        }
    }

    /// The plain-text form for `by` onto the clipboard, to paste into an e-mail.
    pub(super) fn copy_form(&mut self, id: &str, moment: Moment, by: Preparer) {
        let t = self.texts;
        let Some(form) = self.form_text(id, moment, by) else {
            return;
        };
        self.message = Some(match copy_to_clipboard(&form) {
            Ok(()) => (fill(t.prep_form_copied, &[t.role(by.role())]), false),
            Err(e) => (fill(t.copy_failed, &[&e.to_string()]), true),
        });
    }

    fn form_text(&mut self, id: &str, moment: Moment, by: Preparer) -> Option<String> {
        let placement = match self.store.placement(id) {
            Ok(p) => p,
            Err(e) => {
                self.message = Some((e.describe(self.texts), true));
                return None;
            }
        };
        let lang = self.preparer_lang(&placement, by);
        let title = self.guides.for_language(lang).map_or_else(
            || moment.code().to_string(),
            |g| g.moment(moment).title.clone(),
        );
        Some(preparation_form(&placement, moment, by, lang, &title))
    }

    /// The trainer's form as an e-mail draft in the mail program; where none opens (over
    /// ssh, no desktop), the form goes onto the clipboard instead.
    pub(super) fn mail_form(&mut self, id: &str, moment: Moment) {
        let t = self.texts;
        let Ok(placement) = self.store.placement(id) else {
            return;
        };
        let Some(form) = self.form_text(id, moment, Preparer::Trainer) else {
            return;
        };
        let lang = self.preparer_lang(&placement, Preparer::Trainer);
        let subject = mail_subject(&placement, moment, lang);
        let url = mailto_url(placement.trainer_email.trim(), &subject, &form);
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let opened = Command::new(opener)
            .arg(&url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if opened {
            self.message = Some((
                fill(t.prep_mail_opened, &[placement.trainer_email.trim()]),
                false,
            ));
        } else {
            let copied = copy_to_clipboard(&form).is_ok();
            let text = if copied {
                t.prep_mail_failed_copied
            } else {
                t.prep_mail_failed
            };
            self.message = Some((text.into(), true));
        }
    }

    pub(super) fn paste_reply(&mut self, id: &str, moment: Moment) {
        let expected = Some((id.to_string(), moment));
        let state = ImportState::new(self.texts.import_placeholder, expected);
        self.show(Screen::Page(Box::new(state)));
    }
}
