//! Where the keyboard is in a meeting. There are no modes: the focus is a field (notes, a
//! list, a detail), Tab walks the fields in reading order, and what a key does follows from
//! the kind of field.

use crate::domain::{ConcernKind, KeyId, Role};

/// The parts of a meeting, as the sidebar lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Key(KeyId),
    Agreements,
    Details,
    Private,
}

impl Part {
    pub const ALL: [Self; 7] = [
        Self::Key(KeyId::LearningProcesses),
        Self::Key(KeyId::LearningPotential),
        Self::Key(KeyId::TrainerJudgement),
        Self::Key(KeyId::GuidanceChoices),
        Self::Agreements,
        Self::Details,
        Self::Private,
    ];

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The field a part opens at.
    pub const fn first_field(self) -> Focus {
        match self {
            Self::Key(k) => Focus::Notes(k),
            Self::Agreements => Focus::Agreements,
            Self::Details => Focus::Detail(DetailRow::Place),
            Self::Private => Focus::Private,
        }
    }
}

/// The rows of the meeting details, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailRow {
    Place,
    Present(Role),
    Others,
    Date,
    Time,
    Duration,
    /// The language of the guide's questions, while the meeting is a draft.
    GuideLanguage,
}

impl DetailRow {
    pub const ALL: [Self; 9] = [
        Self::Place,
        Self::Present(Role::Student),
        Self::Present(Role::Trainer),
        Self::Present(Role::Teacher),
        Self::Others,
        Self::Date,
        Self::Time,
        Self::Duration,
        Self::GuideLanguage,
    ];

    /// A row typed into, rather than chosen.
    pub const fn is_text(self) -> bool {
        matches!(
            self,
            Self::Others | Self::Date | Self::Time | Self::Duration
        )
    }

    /// A stable name, kept in a draft to reopen at this row.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Place => "place",
            Self::Present(Role::Student) => "present_student",
            Self::Present(Role::Trainer) => "present_trainer",
            Self::Present(Role::Teacher) => "present_teacher",
            Self::Others => "others",
            Self::Date => "date",
            Self::Time => "time",
            Self::Duration => "duration",
            Self::GuideLanguage => "guide_language",
        }
    }
}

/// The field that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Notes(KeyId),
    /// What the trainer or the student prepared for a key, to take examples over from.
    Prepared(KeyId),
    Examples(KeyId),
    Agreements,
    Detail(DetailRow),
    Private,
    /// A kind of concern, ticked or not; under the private notes.
    Concern(ConcernKind),
}

impl Focus {
    pub const fn part(self) -> Part {
        match self {
            Self::Notes(k) | Self::Prepared(k) | Self::Examples(k) => Part::Key(k),
            Self::Agreements => Part::Agreements,
            Self::Detail(_) => Part::Details,
            Self::Private | Self::Concern(_) => Part::Private,
        }
    }

    /// Every field in Tab order; `has_prepared` says which keys have a preparation to take
    /// examples from.
    pub fn order(has_prepared: impl Fn(KeyId) -> bool) -> Vec<Self> {
        let mut order = Vec::with_capacity(24);
        for key in KeyId::ALL {
            order.push(Self::Notes(key));
            if has_prepared(key) {
                order.push(Self::Prepared(key));
            }
            order.push(Self::Examples(key));
        }
        order.push(Self::Agreements);
        order.extend(DetailRow::ALL.map(Self::Detail));
        order.push(Self::Private);
        order.extend(ConcernKind::ALL.map(Self::Concern));
        order
    }

    /// A stable name, kept in a draft so that it reopens where the teacher left off.
    pub fn code(self) -> String {
        match self {
            Self::Notes(k) => format!("notes:{}", k.code()),
            Self::Examples(k) => format!("examples:{}", k.code()),
            Self::Prepared(k) => format!("prepared:{}", k.code()),
            Self::Agreements => "agreements".into(),
            Self::Detail(row) => format!("details:{}", row.code()),
            // A draft reopens a concern row at the private notes above it.
            Self::Private | Self::Concern(_) => "private".into(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let key = |name: &str| KeyId::ALL.into_iter().find(|k| k.code() == name);
        match code.split_once(':') {
            Some(("notes", k)) => key(k).map(Self::Notes),
            Some(("examples", k)) => key(k).map(Self::Examples),
            Some(("prepared", k)) => key(k).map(Self::Prepared),
            Some(("details", r)) => DetailRow::ALL
                .into_iter()
                .find(|row| row.code() == r)
                .map(Self::Detail),
            None if code == "agreements" => Some(Self::Agreements),
            None if code == "private" => Some(Self::Private),
            _ => None,
        }
    }
}
