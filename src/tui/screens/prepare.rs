//! Preparing a meeting in the program, addressed to the trainer or the student in their own
//! language: the same questions as the plain-text form for that moment, answered here.

use crate::domain::prep_question::means_nothing;
use crate::domain::preparation::{PreparationDraft, Prepared, Preparer};
use crate::domain::{Answer, Moment, PrepQuestion, Preparation};
use crate::i18n::{Texts, fill};
use crate::store::forms::KeptForm;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::form::{Field, FieldName, Form};
use crate::tui::keys::KeyContext;
use crate::tui::meeting::Cx;
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
}

impl PrepareState {
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
        }
    }

    pub const fn context(&self) -> KeyContext {
        KeyContext::LongForm
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::Back if self.form.may_discard(cx.t.form_unsaved) => Effect::Back,
            Action::NextField => {
                self.form.focus_next(cx.theme);
                Effect::None
            }
            Action::PrevField => {
                self.form.focus_prev(cx.theme);
                Effect::None
            }
            Action::Type(key) => {
                self.form.type_key(key);
                Effect::None
            }
            Action::SaveForm => Effect::SavePreparation,
            _ => Effect::None,
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
