//! Preparing a meeting in the program, addressed to the trainer or the student in their own
//! language: the same questions as the plain-text form, answered here.

use crate::domain::preparation::{PreparationDraft, Prepared, Preparer};
use crate::domain::{
    Example, GuidanceExample, Moment, Role, Strategy, StudentPreparation, TrainerPreparation,
};
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

/// The questions per strategy, in the order of the form.
const STRATEGIES: [(Strategy, FieldName); 3] = [
    (Strategy::Showing, FieldName::Showing),
    (Strategy::Participating, FieldName::Participating),
    (Strategy::Entrusting, FieldName::Entrusting),
];

impl PrepareState {
    /// The screen, filled with what was prepared before (to change it) or empty.
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
        let text = |name, label: &str, value: &str, rows| Field::text(name, label, value, "", rows);
        let fields = match (by, earlier) {
            (Preparer::Trainer, earlier) => {
                let p = match earlier {
                    Some(Prepared::Trainer(p)) => p.clone(),
                    _ => TrainerPreparation::default(),
                };
                let example = |i: usize| p.examples.get(i).map_or("", |e| e.text.as_str());
                let guided = |s: Strategy| {
                    p.guidance
                        .iter()
                        .find(|g| g.strategy == s)
                        .map_or("", |g| g.example.as_str())
                };
                let mut fields = vec![
                    text(FieldName::Judgement, t.prep_q_judgement, &p.judgement, 3),
                    text(FieldName::Example1, t.prep_q_example, example(0), 2),
                    text(FieldName::Example2, t.prep_q_another_example, example(1), 2),
                ];
                let questions = [
                    t.prep_q_showing,
                    t.prep_q_participating,
                    t.prep_q_entrusting,
                ];
                for ((strategy, name), question) in STRATEGIES.into_iter().zip(questions) {
                    fields.push(text(name, question, guided(strategy), 2));
                }
                fields
            }
            (Preparer::Student, earlier) => {
                let p = match earlier {
                    Some(Prepared::Student(p)) => p.clone(),
                    _ => StudentPreparation::default(),
                };
                let example = p.examples.first().map_or("", |e| e.text.as_str());
                vec![
                    text(FieldName::Learned, t.prep_q_learned, &p.learned, 3),
                    text(FieldName::Example1, t.prep_q_student_example, example, 2),
                    text(FieldName::Question, t.prep_q_question, &p.question, 2),
                ]
            }
        };
        let title = match by {
            Preparer::Trainer => fill(t.prep_form_title_trainer, &[student]),
            Preparer::Student => fill(t.prep_form_title_student, &[student]),
        };
        let intro = match by {
            Preparer::Trainer => fill(t.prep_form_intro_trainer, &[student]),
            Preparer::Student => fill(t.prep_form_intro_student, &[company]),
        };
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
        let f = &self.form;
        let example = |name, by| {
            let text = f.text(name);
            (!text.is_empty()).then_some(Example {
                text,
                given_by: by,
                strategy: None,
                recognised: None,
            })
        };
        match self.by {
            Preparer::Trainer => Prepared::Trainer(TrainerPreparation {
                prepared_on: None,
                judgement: f.text(FieldName::Judgement),
                examples: [FieldName::Example1, FieldName::Example2]
                    .into_iter()
                    .filter_map(|n| example(n, Role::Trainer))
                    .collect(),
                guidance: STRATEGIES
                    .into_iter()
                    .filter_map(|(strategy, name)| {
                        let text = f.text(name);
                        (!text.is_empty()).then_some(GuidanceExample {
                            strategy,
                            example: text,
                        })
                    })
                    .collect(),
            }),
            Preparer::Student => Prepared::Student(StudentPreparation {
                prepared_on: None,
                learned: f.text(FieldName::Learned),
                examples: example(FieldName::Example1, Role::Student)
                    .into_iter()
                    .collect(),
                question: f.text(FieldName::Question),
            }),
        }
    }
}
