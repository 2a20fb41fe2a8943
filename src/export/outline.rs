//! A record as a format-neutral list of blocks: what is shown and in which order, already in
//! words. The Markdown export and the screen both render this one outline, so they cannot
//! drift apart. Every label is in the record's own language (the language of the guide it
//! was held with), never the interface's, so one record reads in one language throughout.

use crate::domain::preparation::Preparer;
use crate::domain::{AgreementStatus, Example, Guide, KeyId, MeetingRecord, RecordStatus, Role};
use crate::domain::{Preparation, Shows};
use crate::i18n::{LangExt as _, Texts, fill};

/// Which readers a rendering is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Everything, including the teacher's private notes.
    Full,
    /// For the student and the trainer: private notes are never included.
    Shared,
}

/// The blocks of one record and the texts of its language, for the few words a renderer adds
/// itself (such as "overdue").
#[derive(Debug, Clone)]
pub struct Outline {
    pub texts: &'static Texts,
    pub blocks: Vec<Block>,
}

/// Which line of the facts table a fact is, so a compact renderer can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    Student,
    Programme,
    Company,
    Trainer,
    Teacher,
    Period,
    When,
    Place,
    Present,
    TimeSpent,
    Guide,
    Status,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub kind: FactKind,
    pub label: &'static str,
    /// Never empty: facts without a value are left out.
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The record is not finished yet.
    Draft,
    /// This version leaves the private notes out.
    Shared,
}

/// What a heading starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Preparation,
    Key(KeyId),
    Agreements,
    Consent,
    Private,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleItem {
    /// As typed.
    pub text: String,
    /// Who gave it, the strategy and the recognition, each already in words.
    pub about: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementItem {
    /// As typed.
    pub what: String,
    pub who: &'static str,
    /// The date in the record's language; none when no date was set.
    pub due: Option<String>,
    pub status: AgreementStatus,
    pub status_text: &'static str,
    /// "from the start meeting", when carried over from an earlier moment.
    pub carried_from: Option<String>,
    /// Past its date on the day of the meeting and not settled.
    pub overdue: bool,
    /// How it went, as typed; may be empty.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentItem {
    pub who: &'static str,
    /// Date and time in the record's language.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The moment's title from the guide, with the student and the company as typed.
    Title {
        moment: String,
        student: String,
        company: String,
    },
    Notice {
        kind: Notice,
        text: &'static str,
    },
    Facts(Vec<Fact>),
    Heading {
        section: Section,
        /// Key headings are numbered: `1. Leerprocessen`.
        text: String,
    },
    /// A line about the section, such as when the preparation was made.
    Remark(String),
    /// Notes as typed, line breaks kept; never empty.
    Notes {
        label: &'static str,
        text: String,
    },
    Examples {
        label: &'static str,
        items: Vec<ExampleItem>,
    },
    /// Nothing under this heading.
    Nothing(&'static str),
    Agreements {
        /// Column labels: what, who, due, status, note.
        columns: [&'static str; 5],
        items: Vec<AgreementItem>,
    },
    Consent(Vec<ConsentItem>),
}

/// Builds the outline of `record`, held with `guide`, in the guide's language.
pub fn outline(record: &MeetingRecord, guide: &Guide, variant: Variant) -> Outline {
    let shared;
    let record = match variant {
        Variant::Full => record,
        Variant::Shared => {
            shared = record.shared();
            &shared
        }
    };
    let t = guide.language.texts();
    let mut blocks = Vec::new();
    let p = &record.placement;
    blocks.push(Block::Title {
        moment: guide.moment(record.moment).title.clone(),
        student: p.student.clone(),
        company: p.company.clone(),
    });
    if record.status == RecordStatus::Draft {
        blocks.push(Block::Notice {
            kind: Notice::Draft,
            text: t.md_draft_notice,
        });
    }
    if variant == Variant::Shared {
        blocks.push(Block::Notice {
            kind: Notice::Shared,
            text: t.md_shared_notice,
        });
    }
    blocks.push(Block::Facts(facts(record, guide, variant, t)));
    for (by, prep) in record.preparations().filter(|(_, p)| !p.is_empty()) {
        let title = match by {
            Preparer::Trainer => t.md_preparation,
            Preparer::Student => t.md_student_preparation,
        };
        preparation(&mut blocks, by, prep, title, t);
    }
    for (n, key) in KeyId::ALL.into_iter().enumerate() {
        blocks.push(Block::Heading {
            section: Section::Key(key),
            text: format!("{}. {}", n + 1, guide.key_title(key)),
        });
        let capture = record.keys.get(key);
        if capture.is_empty() {
            blocks.push(Block::Nothing(t.md_nothing));
            continue;
        }
        notes(&mut blocks, &capture.notes, t);
        examples(&mut blocks, &capture.examples, t);
    }
    agreements(&mut blocks, record, guide, t);
    blocks.push(Block::Heading {
        section: Section::Consent,
        text: t.md_agreed.to_string(),
    });
    if record.agreed.is_empty() {
        blocks.push(Block::Nothing(t.md_not_agreed));
    } else {
        let items = record
            .agreed
            .iter()
            .map(|c| ConsentItem {
                who: t.role(c.who),
                at: format!("{} {}", t.date(c.at.date()), c.at.format("%H:%M")),
            })
            .collect();
        blocks.push(Block::Consent(items));
    }
    // The shared version has none of these: `MeetingRecord::shared` left them out.
    let concern = record.concern.as_ref().filter(|c| !c.is_empty());
    if !record.private_notes.trim().is_empty() || concern.is_some() {
        blocks.push(Block::Heading {
            section: Section::Private,
            text: t.md_private.to_string(),
        });
        if let Some(concern) = concern {
            if !concern.kinds.is_empty() {
                let kinds: Vec<&str> = concern.kinds.iter().map(|k| t.concern_kind(*k)).collect();
                blocks.push(Block::Remark(fill(t.md_concern, &[&kinds.join(", ")])));
            }
            let note = concern.note.trim();
            if !note.is_empty() {
                blocks.push(Block::Notes {
                    label: t.md_concern_note,
                    text: note.to_string(),
                });
            }
        }
        notes(&mut blocks, &record.private_notes, t);
    }
    Outline { texts: t, blocks }
}

fn facts(record: &MeetingRecord, guide: &Guide, variant: Variant, t: &'static Texts) -> Vec<Fact> {
    let p = &record.placement;
    let programme = match (p.programme.trim(), p.level.trim()) {
        ("", "") => String::new(),
        (prog, "") => prog.to_string(),
        ("", level) => format!("{} {level}", t.md_level),
        (prog, level) => format!("{prog}, {} {level}", t.md_level.to_lowercase()),
    };
    let period = match (p.start, p.end) {
        (Some(s), Some(e)) => format!("{} – {}", t.date(s), t.date(e)),
        (Some(s), None) => format!("{} –", t.date(s)),
        (None, Some(e)) => format!("– {}", t.date(e)),
        (None, None) => String::new(),
    };
    let mut present: Vec<&str> = Role::ALL
        .into_iter()
        .filter(|r| record.present.is_present(*r))
        .map(|r| t.role(r))
        .collect();
    let others = record.present.others.trim();
    if !others.is_empty() {
        present.push(others);
    }
    let rows = [
        (FactKind::Student, t.md_student, p.student.clone()),
        (FactKind::Programme, t.md_programme, programme),
        (FactKind::Company, t.md_company, p.company.clone()),
        (FactKind::Trainer, t.md_trainer, p.trainer.clone()),
        (FactKind::Teacher, t.md_teacher, p.teacher.clone()),
        (FactKind::Period, t.md_period, period),
        (
            FactKind::When,
            t.md_date,
            format!("{} {}", t.date(record.date), record.time.format("%H:%M")),
        ),
        (
            FactKind::Place,
            t.md_place,
            t.place(record.place).to_string(),
        ),
        (FactKind::Present, t.md_present, present.join(", ")),
        (
            FactKind::TimeSpent,
            t.md_time_spent,
            t.minutes(record.time_spent_seconds),
        ),
        (
            FactKind::Guide,
            t.md_guide,
            // The internal id means nothing to a trainer or student; the teacher's own copy
            // keeps it, to tell a school's guide from the built-in one.
            match variant {
                Variant::Shared => fill(
                    t.md_guide_version,
                    &[&guide.title, &record.guide.version.to_string()],
                ),
                Variant::Full => format!(
                    "{} ({} {})",
                    guide.title, record.guide.id, record.guide.version
                ),
            },
        ),
        (
            FactKind::Status,
            t.md_status,
            t.record_status(record.status).to_string(),
        ),
    ];
    rows.into_iter()
        .filter(|(_, _, value)| !value.trim().is_empty())
        .map(|(kind, label, value)| Fact { kind, label, value })
        .collect()
}

/// One person's preparation: each answer under its short label, the examples together.
fn preparation(
    blocks: &mut Vec<Block>,
    by: Preparer,
    prep: &Preparation,
    title: &'static str,
    t: &'static Texts,
) {
    let shown: Vec<_> = prep
        .answers
        .iter()
        .filter(|a| !a.text.trim().is_empty())
        .collect();
    if shown.is_empty() {
        return;
    }
    blocks.push(Block::Heading {
        section: Section::Preparation,
        text: title.to_string(),
    });
    if let Some(day) = prep.prepared_on {
        blocks.push(Block::Remark(fill(t.md_prepared_on, &[&t.date(day)])));
    }
    let mut examples = Vec::new();
    for answer in shown {
        match answer.question.shows(by) {
            Shows::Example(_, strategy) => examples.push(Example {
                text: answer.text.trim().to_string(),
                given_by: by.role(),
                strategy,
                recognised: None,
            }),
            Shows::Words(_) | Shows::Alone => blocks.push(Block::Notes {
                label: t.prep_text(answer.question, by).short,
                text: answer.text.trim().to_string(),
            }),
        }
    }
    labelled_examples(blocks, &examples, t.md_examples, t);
}

fn notes(blocks: &mut Vec<Block>, text: &str, t: &'static Texts) {
    let text = text.trim();
    if !text.is_empty() {
        blocks.push(Block::Notes {
            label: t.md_notes,
            text: text.to_string(),
        });
    }
}

fn examples(blocks: &mut Vec<Block>, examples: &[Example], t: &'static Texts) {
    labelled_examples(blocks, examples, t.md_examples, t);
}

fn labelled_examples(
    blocks: &mut Vec<Block>,
    examples: &[Example],
    label: &'static str,
    t: &'static Texts,
) {
    if examples.is_empty() {
        return;
    }
    let items = examples
        .iter()
        .map(|example| {
            let mut about = vec![format!("{} {}", t.md_given_by, t.role(example.given_by))];
            if let Some(s) = example.strategy {
                about.push(format!("{}: {}", t.md_strategy, t.strategy(s)));
            }
            if let Some(r) = example.recognised {
                about.push(format!("{} {}", t.md_recognised, t.recognition(r)));
            }
            ExampleItem {
                text: example.text.clone(),
                about,
            }
        })
        .collect();
    blocks.push(Block::Examples { label, items });
}

fn agreements(blocks: &mut Vec<Block>, record: &MeetingRecord, guide: &Guide, t: &'static Texts) {
    blocks.push(Block::Heading {
        section: Section::Agreements,
        text: t.md_agreements.to_string(),
    });
    if record.agreements.is_empty() {
        blocks.push(Block::Nothing(t.md_nothing));
        return;
    }
    let items = record
        .agreements
        .iter()
        .map(|a| AgreementItem {
            what: a.what.clone(),
            who: t.role(a.who),
            due: a.due.map(|d| t.date(d)),
            status: a.status,
            status_text: t.agreement_status(a.status),
            carried_from: a.carried_from.map(|from| {
                fill(
                    t.label_carried_from,
                    &[&guide.moment(from).title.to_lowercase()],
                )
            }),
            overdue: a.is_overdue(record.date),
            note: a.note.trim().to_string(),
        })
        .collect();
    blocks.push(Block::Agreements {
        columns: [
            t.agreement_what,
            t.md_who,
            t.md_due,
            t.md_status,
            t.agreement_note,
        ],
        items,
    });
}
