//! The example and agreement pop-ups: building their forms and reading them back.

use chrono::NaiveDate;

use crate::domain::{
    Agreement, AgreementStatus, CaptureKind, Example, Guide, KeyId, Moment, Recognition, Role,
    Strategy,
};
use crate::i18n::Texts;
use crate::tui::form::{Field, Form};
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
fn role_choice(label: &str, selected: Role, t: &Texts) -> Field {
    let options = Role::ALL.iter().map(|r| t.role(*r).to_string()).collect();
    let index = Role::ALL.iter().position(|r| *r == selected).unwrap_or(0);
    Field::choice(label, options, index)
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
    let given_by = example.map_or(Role::Student, |e| e.given_by);
    let mut fields = vec![
        Field::text(
            t.example_text,
            example.map_or("", |e| e.text.as_str()),
            "",
            3,
        ),
        role_choice(t.example_given_by, given_by, t),
    ];
    if capture.captures(CaptureKind::Strategy) {
        fields.push(Field::choice(
            t.example_strategy,
            with_none(Strategy::ALL.iter().map(|s| t.strategy(*s))),
            position(&Strategy::ALL, example.and_then(|e| e.strategy)),
        ));
    }
    if capture.captures(CaptureKind::Recognition) {
        fields.push(Field::choice(
            t.example_recognised,
            with_none(Recognition::ALL.iter().map(|r| t.recognition(*r))),
            position(&Recognition::ALL, example.and_then(|e| e.recognised)),
        ));
    }
    let title = format!("{}: {}", t.example_title, guide.key_title(key));
    Form::new(&title, fields, theme)
}

pub fn read_example(
    form: &Form,
    guide: &Guide,
    moment: Moment,
    key: KeyId,
    t: &Texts,
) -> Result<Example, String> {
    let example = example_as_typed(form, guide, moment, key);
    if example.text.is_empty() {
        return Err(t.example_empty_text.into());
    }
    Ok(example)
}

/// The example form's fields as they stand, complete or not.
pub fn example_as_typed(form: &Form, guide: &Guide, moment: Moment, key: KeyId) -> Example {
    let text = form.text(0);
    let capture = guide.key(moment, key);
    let mut next = 2;
    let mut choice_after_none = |asked: bool| {
        if !asked {
            return None;
        }
        let i = form.choice(next);
        next += 1;
        i.checked_sub(1)
    };
    let strategy =
        choice_after_none(capture.captures(CaptureKind::Strategy)).map(|i| Strategy::ALL[i]);
    let recognised =
        choice_after_none(capture.captures(CaptureKind::Recognition)).map(|i| Recognition::ALL[i]);
    Example {
        text,
        given_by: Role::ALL[form.choice(1)],
        strategy,
        recognised,
    }
}

pub fn agreement_form(agreement: Option<&Agreement>, t: &Texts, theme: &Theme) -> Form {
    let who = agreement.map_or(Role::Student, |a| a.who);
    let status = agreement.map_or(AgreementStatus::Open, |a| a.status);
    let due = agreement
        .and_then(|a| a.due)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let what = agreement.map_or("", |a| a.what.as_str());
    agreement_form_as_typed(what, who, &due, status, t, theme)
}

/// The agreement form with its fields as they were typed, a date included.
pub fn agreement_form_as_typed(
    what: &str,
    who: Role,
    due: &str,
    status: AgreementStatus,
    t: &Texts,
    theme: &Theme,
) -> Form {
    let fields = vec![
        Field::text(t.agreement_what, what, "", 2),
        role_choice(t.agreement_who, who, t),
        Field::text(t.agreement_due, due, t.form_date_hint, 1),
        Field::choice(
            t.agreement_status,
            vec![t.agreement_open.into(), t.agreement_done.into()],
            usize::from(status == AgreementStatus::Done),
        ),
    ];
    Form::new(t.agreement_title, fields, theme)
}

/// The agreement form's fields as they stand: what, who, the date as typed, status.
pub fn agreement_as_typed(form: &Form) -> (String, Role, String, AgreementStatus) {
    let status = if form.choice(3) == 1 {
        AgreementStatus::Done
    } else {
        AgreementStatus::Open
    };
    (
        form.text(0),
        Role::ALL[form.choice(1)],
        form.text(2),
        status,
    )
}

pub fn read_agreement(form: &Form, t: &Texts) -> Result<Agreement, String> {
    let what = form.text(0);
    if what.is_empty() {
        return Err(t.agreement_empty_text.into());
    }
    let due = parse_date(&form.text(2)).map_err(|_| t.form_bad_date.to_string())?;
    let status = if form.choice(3) == 1 {
        AgreementStatus::Done
    } else {
        AgreementStatus::Open
    };
    Ok(Agreement {
        what,
        who: Role::ALL[form.choice(1)],
        due,
        status,
        carried_from: None,
        note: String::new(),
    })
}

/// An optional date as typed: empty is none, anything else must be `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, chrono::ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map(Some)
}
