//! Preparing a meeting in the program, addressed to the trainer or the student in their own
//! language: the same questions as the plain-text form for that moment, answered here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::domain::prep_question::means_nothing;
use crate::domain::preparation::{PrepSource, PreparationDraft, Prepared, Preparer};
use crate::domain::{Answer, Moment, PrepQuestion, Preparation};
use crate::i18n::{Texts, fill};
use crate::store::forms::KeptForm;
use crate::tui::action::Action;
use crate::tui::form::{Field, FieldName, Form, render_form};
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};
use crate::tui::theme::Theme;

pub struct PrepareState {
    pub placement: String,
    pub moment: Moment,
    pub by: Preparer,
    /// The language the questions are in: the trainer's, where the placement names one.
    pub texts: &'static Texts,
    /// A sentence or two on what this is for, addressed to whoever prepares.
    pub intro: String,
    pub form: Form,
    /// Where what is typed is kept until it is stored, held for this window alone.
    pub kept: Option<KeptForm>,
    /// Said as the screen opens: the form came back as an earlier window left it.
    restored: bool,
}

impl PrepareState {
    /// The form for `by`, claimed for this window: with what an earlier window left
    /// unfinished, else with what was prepared before, if anything. Refused, in a sentence,
    /// while another window has the same form open, so neither writes over the other.
    pub fn open(id: &str, moment: Moment, by: Preparer, s: &Services) -> Result<Self, String> {
        let t = s.t;
        let placement = s.store.placement(id).map_err(|e| e.describe(t))?;
        let (kept, unfinished) = match s.store.open_preparation_form(id, moment, by) {
            Ok(Some(form)) => form,
            Ok(None) => return Err(t.prep_form_open_elsewhere.into()),
            Err(e) => return Err(e.describe(t)),
        };
        let earlier = s.store.preparation(id, moment, by).ok().flatten();
        let restored = unfinished.as_ref().and_then(|d| d.prepared());
        let lang = by.addressed_in(&placement, s.lang);
        let mut state = Self::new(
            id,
            &placement.student,
            &placement.company,
            moment,
            by,
            crate::tui::key_words::texts_with_keys(lang),
            restored.as_ref().or(earlier.as_ref()),
            s.theme,
        );
        state.kept = Some(kept);
        state.restored = restored.is_some();
        if state.restored {
            state.form.mark_edited();
        }
        Ok(state)
    }

    /// The screen, filled with what was prepared before (to change it) or empty. Answers to
    /// questions this moment's form does not ask (from an earlier version's form) come before
    /// the form's own, so they are seen and saving never drops them.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        placement: &str,
        student: &str,
        company: &str,
        moment: Moment,
        by: Preparer,
        texts: &'static Texts,
        earlier: Option<&Prepared>,
        theme: &Theme,
    ) -> Self {
        let t = texts;
        let earlier = earlier.map(Prepared::preparation);
        let form = PrepQuestion::form(moment, by);
        let kept_over = earlier
            .map(|p| {
                p.answers
                    .iter()
                    .map(|a| a.question)
                    .filter(|q| !form.contains(q))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        // Kept-over answers first: whoever typed them sees them where they left off.
        let fields = kept_over
            .iter()
            .chain(form)
            .map(|&question| {
                let value = earlier.and_then(|p| p.answer(question)).unwrap_or_default();
                let rows = if question.is_judgement() || question == PrepQuestion::Expectations {
                    3
                } else {
                    2
                };
                // The same rule as on the plain-text form: a way of guiding not used is
                // left empty; said where it applies.
                let hint = if question.strategy().is_some() {
                    t.prep_form_strategy_no
                } else {
                    ""
                };
                Field::text(
                    FieldName::Answer(question),
                    t.prep_ask(question, by),
                    value,
                    hint,
                    rows,
                )
            })
            .collect();
        let title = match by {
            Preparer::Trainer => fill(t.prep_form_title_trainer, &[student]),
            Preparer::Student => fill(t.prep_form_title_student, &[student]),
        };
        let about = match by {
            Preparer::Trainer => student,
            Preparer::Student => company,
        };
        let intro = fill(t.prep_intro(moment, by), &[about]);
        Self {
            placement: placement.to_string(),
            moment,
            by,
            texts,
            intro,
            form: Form::new(&title, fields, theme),
            kept: None,
            restored: false,
        }
    }

    /// Stores what is answered, as prepared today; the form's kept copy goes with it.
    fn save(&mut self, s: &Services) -> Next {
        let t = s.t;
        let Some(mut prepared) = self.prepared() else {
            return Next::Say(t.prep_nothing_yet.into(), true);
        };
        prepared.set_prepared_on(s.today());
        match s
            .store
            .save_preparation(&self.placement, self.moment, &prepared, PrepSource::Program)
        {
            Ok(_) => {
                if let Some(kept) = self.kept.take() {
                    s.saver.discard_form(kept);
                }
                Next::BackSaying(fill(t.prep_saved, &[t.role(self.by.role())]), false)
            }
            Err(e) => Next::Say(e.describe(t), true),
        }
    }

    /// What is typed, as it stands, for the draft that keeps it through a closed window.
    pub fn draft(&self) -> PreparationDraft {
        let answered = self.answered();
        let (trainer, student) = match answered {
            Prepared::Trainer(p) => (Some(p), None),
            Prepared::Student(p) => (None, Some(p)),
        };
        PreparationDraft {
            placement: self.placement.clone(),
            moment: Some(self.moment),
            by: Some(self.by),
            trainer,
            student,
            end_of_file: true,
        }
    }

    /// What was answered, as a preparation; none when nothing was.
    pub fn prepared(&self) -> Option<Prepared> {
        let prepared = self.answered();
        (!prepared.is_empty()).then_some(prepared)
    }

    fn answered(&self) -> Prepared {
        let answers = self
            .form
            .fields
            .iter()
            .filter_map(|field| match field.name {
                FieldName::Answer(question) => Some((question, self.form.text(field.name))),
                _ => None,
            })
            .filter(|(question, text)| !text.trim().is_empty() && !means_nothing(*question, text))
            .map(|(question, text)| Answer { question, text })
            .collect();
        Prepared::new(
            self.by,
            Preparation {
                prepared_on: None,
                answers,
            },
        )
    }
}

impl Page for PrepareState {
    fn context(&self) -> KeyContext {
        KeyContext::LongForm
    }

    fn update(&mut self, action: Action, s: &Services) -> Next {
        match action {
            Action::Back if self.form.may_discard(s.t.form_unsaved) => {
                // Thrown away on purpose (a second Esc): it must not come back, yet what it
                // kept is set aside, never erased.
                if let Some(kept) = self.kept.take() {
                    s.saver.set_aside_form(kept);
                }
                Next::Back
            }
            Action::NextField => {
                self.form.focus_next(s.theme);
                Next::Stay
            }
            Action::PrevField => {
                self.form.focus_prev(s.theme);
                Next::Stay
            }
            Action::Type(key) => {
                self.form.type_key(key);
                Next::Stay
            }
            Action::SaveForm => self.save(s),
            _ => Next::Stay,
        }
    }

    /// What changed goes to the form's kept copy, so a closed window loses nothing.
    fn settle(&mut self, s: &Services) {
        if self.form.take_changed()
            && let Some(kept) = &self.kept
        {
            s.saver.save_preparation_form(kept, &self.draft());
        }
    }

    fn paste(&mut self, text: &str) {
        self.form.paste(text);
    }

    fn opening_words(&mut self, t: &'static Texts) -> Option<(String, bool)> {
        std::mem::take(&mut self.restored).then(|| (t.form_restored.to_string(), false))
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        render_form(&self.form, Some(&self.intro), area, buf, cx.theme);
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_prepare
    }

    fn placement_id(&self) -> Option<&str> {
        Some(&self.placement)
    }

    fn moment(&self) -> Option<Moment> {
        Some(self.moment)
    }
}
