//! The placement form: a new placement, or the details of one to change.

use crate::domain::{Lang, Placement, PlacementDraft};
use crate::i18n::{Texts, fill};
use crate::store::forms::KeptForm;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::form::{Field, FieldName, Form};
use crate::tui::keys::KeyContext;
use crate::tui::meeting::Cx;
use crate::tui::theme::Theme;

pub struct PlacementFormState {
    pub form: Form,
    /// The placement being changed; none for a new one.
    pub editing: Option<Placement>,
    /// The teacher was told the placement looks like one that exists, and saves anyway.
    pub similar_seen: bool,
    /// Where what is typed in the form is kept until it is stored, held for this window.
    pub kept: Option<KeptForm>,
}

impl PlacementFormState {
    pub fn new(
        draft: &PlacementDraft,
        editing: Option<Placement>,
        t: &Texts,
        theme: &Theme,
    ) -> Self {
        let text = |name, label, value: &str, hint| Field::text(name, label, value, hint, 1);
        let fields = vec![
            text(FieldName::Student, t.form_student, &draft.student, ""),
            text(FieldName::Programme, t.form_programme, &draft.programme, ""),
            text(FieldName::Level, t.form_level, &draft.level, ""),
            text(FieldName::Company, t.form_company, &draft.company, ""),
            text(FieldName::Trainer, t.form_trainer, &draft.trainer, ""),
            text(FieldName::Teacher, t.form_teacher, &draft.teacher, ""),
            text(
                FieldName::Start,
                t.form_start,
                &draft.start,
                t.form_date_hint,
            ),
            text(FieldName::End, t.form_end, &draft.end, t.form_date_hint),
            text(
                FieldName::TrainerEmail,
                t.form_trainer_email,
                &draft.trainer_email,
                t.form_trainer_email_hint,
            ),
            Field::choice(
                FieldName::TrainerLanguage,
                t.form_trainer_language,
                vec![
                    t.form_language_same.into(),
                    "Nederlands".into(),
                    "English".into(),
                ],
                match draft.trainer_language {
                    None => 0,
                    Some(Lang::Nl) => 1,
                    Some(Lang::En) => 2,
                },
            ),
        ];
        let title = if editing.is_some() {
            t.form_edit_placement
        } else {
            t.form_new_placement
        };
        Self {
            form: Form::new(title, fields, theme),
            editing,
            similar_seen: false,
            kept: None,
        }
    }

    pub fn context(&self) -> KeyContext {
        if self.form.is_text_focused() {
            KeyContext::FormText
        } else {
            KeyContext::FormChoice
        }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        let theme = cx.theme;
        match action {
            Action::Back if self.form.may_discard(cx.t.form_unsaved) => return Effect::Back,
            Action::NextField | Action::MoveOn => self.form.focus_next(theme),
            Action::PrevField => self.form.focus_prev(theme),
            Action::Type(key) if self.form.type_key(key) => self.similar_seen = false,
            Action::TypeAside(key) => {
                if let Some(label) = self.form.type_aside(key, theme) {
                    self.similar_seen = false;
                    let field = fill(cx.t.aside_field, &[label.trim_end_matches(':')]);
                    return Effect::Say(fill(cx.t.typed_aside, &[&field]), false);
                }
            }
            Action::SaveForm | Action::SaveFromLastField => return Effect::SavePlacement,
            _ => {}
        }
        Effect::None
    }

    /// What the form holds, as typed.
    pub fn draft(&self) -> PlacementDraft {
        let f = &self.form;
        PlacementDraft {
            student: f.text(FieldName::Student),
            programme: f.text(FieldName::Programme),
            level: f.text(FieldName::Level),
            company: f.text(FieldName::Company),
            trainer: f.text(FieldName::Trainer),
            teacher: f.text(FieldName::Teacher),
            start: f.text(FieldName::Start),
            end: f.text(FieldName::End),
            trainer_email: f.text(FieldName::TrainerEmail),
            trainer_language: match f.choice(FieldName::TrainerLanguage) {
                Some(1) => Some(Lang::Nl),
                Some(2) => Some(Lang::En),
                _ => None,
            },
            end_of_file: true,
        }
    }
}
