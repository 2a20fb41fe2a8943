//! The example and agreement pop-ups: building their forms and reading them back, by the
//! names of their fields.

use crate::domain::{
    Agreement, AgreementStatus, CaptureKind, Example, Guide, KeyId, Moment, Recognition, Role,
    Strategy,
};
use crate::i18n::Texts;
use crate::tui::form::{Field, FieldName, Form};
use crate::tui::theme::Theme;

const NONE: &str = "—";

fn with_none(options: impl Iterator<Item = &'static str>) -> Vec<String> {
    std::iter::once(NONE)
        .chain(options)
        .map(String::from)
        .collect()
}

fn position<T: PartialEq>(all: &[T], value: Option<T>) -> usize {
    value
        .and_then(|v| all.iter().position(|x| *x == v))
        .map_or(0, |i| i + 1)
}

/// A choice between student, trainer and teacher, starting at `selected`.
fn role_choice(name: FieldName, label: &str, selected: Role, t: &Texts) -> Field {
    let options = Role::ALL.iter().map(|r| t.role(*r).to_string()).collect();
    let index = Role::ALL.iter().position(|r| *r == selected).unwrap_or(0);
    Field::choice(name, label, options, index)
}

fn role_of(form: &Form, name: FieldName) -> Role {
    Role::ALL[form.choice(name).unwrap_or(0).min(Role::ALL.len() - 1)]
}

/// The option after "—" in a choice with a none first; none when not asked or "—".
fn after_none<T: Copy>(form: &Form, name: FieldName, all: &[T]) -> Option<T> {
    form.choice(name)
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| all.get(i).copied())
}

pub fn example_form(
    guide: &Guide,
    moment: Moment,
    key: KeyId,
    example: Option<&Example>,
    t: &Texts,
    theme: &Theme,
) -> Form {
    let capture = guide.key(moment, key);
    let given_by = example.map_or(key.usual_giver(), |e| e.given_by);
    let text = example.map_or("", |e| e.text.as_str());
    let mut fields = vec![
        Field::text(FieldName::ExampleText, t.example_text, text, "", 3),
        role_choice(FieldName::GivenBy, t.example_given_by, given_by, t),
    ];
    if capture.captures(CaptureKind::Strategy) {
        fields.push(Field::choice(
            FieldName::Strategy,
            t.example_strategy,
            with_none(Strategy::ALL.iter().map(|s| t.strategy(*s))),
            position(&Strategy::ALL, example.and_then(|e| e.strategy)),
        ));
    }
    if capture.captures(CaptureKind::Recognition) {
        fields.push(Field::choice(
            FieldName::Recognised,
            t.example_recognised,
            with_none(Recognition::ALL.iter().map(|r| t.recognition(*r))),
            position(&Recognition::ALL, example.and_then(|e| e.recognised)),
        ));
    }
    let title = format!("{}: {}", t.example_title, guide.key_title(key));
    Form::new(&title, fields, theme)
}

pub fn read_example(form: &Form, t: &Texts) -> Result<Example, String> {
    let example = example_as_typed(form);
    if example.text.is_empty() {
        return Err(t.example_empty_text.into());
    }
    Ok(example)
}

/// The example form's fields as they stand, complete or not.
pub fn example_as_typed(form: &Form) -> Example {
    Example {
        text: form.text(FieldName::ExampleText),
        given_by: role_of(form, FieldName::GivenBy),
        strategy: after_none(form, FieldName::Strategy, &Strategy::ALL),
        recognised: after_none(form, FieldName::Recognised, &Recognition::ALL),
    }
}

/// The agreement form as typed: the date may not be a date yet.
pub struct TypedAgreement {
    pub what: String,
    pub who: Role,
    pub due: String,
    pub status: AgreementStatus,
    pub note: String,
}

pub fn agreement_form(
    agreement: Option<&Agreement>,
    t: &Texts,
    theme: &Theme,
    show_date: impl Fn(chrono::NaiveDate) -> String,
) -> Form {
    let typed = TypedAgreement {
        what: agreement.map(|a| a.what.clone()).unwrap_or_default(),
        who: agreement.map_or(Role::Student, |a| a.who),
        due: agreement
            .and_then(|a| a.due)
            .map(show_date)
            .unwrap_or_default(),
        status: agreement.map_or(AgreementStatus::Open, |a| a.status),
        note: agreement.map(|a| a.note.clone()).unwrap_or_default(),
    };
    agreement_form_as_typed(&typed, agreement.is_some(), t, theme)
}

/// The agreement form with its fields as they were typed, a date included. A new agreement
/// is open by definition: its status and how it went are asked only of one that `exists`.
pub fn agreement_form_as_typed(
    typed: &TypedAgreement,
    exists: bool,
    t: &Texts,
    theme: &Theme,
) -> Form {
    let statuses = AgreementStatus::ALL
        .iter()
        .map(|s| t.agreement_status(*s).to_string())
        .collect();
    let status = AgreementStatus::ALL
        .iter()
        .position(|s| *s == typed.status)
        .unwrap_or(0);
    let mut fields = vec![
        Field::text(FieldName::What, t.agreement_what, &typed.what, "", 2),
        role_choice(FieldName::Who, t.agreement_who, typed.who, t),
        Field::text(
            FieldName::Due,
            t.agreement_due,
            &typed.due,
            t.form_date_hint,
            1,
        ),
    ];
    if exists {
        fields.push(Field::choice(
            FieldName::Status,
            t.agreement_status,
            statuses,
            status,
        ));
        fields.push(Field::text(
            FieldName::Note,
            t.agreement_note,
            &typed.note,
            "",
            1,
        ));
    }
    Form::new(t.agreement_title, fields, theme)
}

pub fn agreement_as_typed(form: &Form) -> TypedAgreement {
    TypedAgreement {
        what: form.text(FieldName::What),
        who: role_of(form, FieldName::Who),
        due: form.text(FieldName::Due),
        status: AgreementStatus::ALL[form
            .choice(FieldName::Status)
            .unwrap_or(0)
            .min(AgreementStatus::ALL.len() - 1)],
        // Only an agreement that exists is checked off, with a note on how it went.
        note: if form.has(FieldName::Note) {
            form.text(FieldName::Note)
        } else {
            String::new()
        },
    }
}

/// The agreement as saved; a message for the teacher when it cannot be.
pub fn read_agreement(
    form: &Form,
    t: &Texts,
    parse_date: impl Fn(&str) -> Option<Result<chrono::NaiveDate, String>>,
) -> Result<Agreement, (FieldName, String)> {
    let typed = agreement_as_typed(form);
    if typed.what.is_empty() {
        return Err((FieldName::What, t.agreement_empty_text.into()));
    }
    let due = parse_date(&typed.due)
        .transpose()
        .map_err(|e| (FieldName::Due, e))?;
    Ok(Agreement {
        what: typed.what,
        who: typed.who,
        due,
        status: typed.status,
        carried_from: None,
        note: typed.note,
    })
}
