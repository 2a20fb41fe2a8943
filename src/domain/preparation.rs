//! A preparation for a meeting, written before it by the trainer or the student: through a
//! screen in the program or a plain-text form sent by e-mail and read back in.

use serde::{Deserialize, Serialize};

use super::prep_question::Preparation;

/// Who prepared: the workplace trainer or the student.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preparer {
    Trainer,
    Student,
}

impl Preparer {
    pub const ALL: [Self; 2] = [Self::Trainer, Self::Student];

    /// The language this preparer is addressed in: the trainer's own, where the placement
    /// names one; otherwise `otherwise` (the interface's).
    pub fn addressed_in(self, placement: &super::Placement, otherwise: super::Lang) -> super::Lang {
        match (self, placement.trainer_language) {
            (Self::Trainer, Some(lang)) => lang,
            _ => otherwise,
        }
    }

    /// The name used in file names, in forms and on the command line; the same in every
    /// language.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Trainer => "trainer",
            Self::Student => "student",
        }
    }

    /// A code, or the Dutch word a person might type instead (`praktijkopleider`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_lowercase().as_str() {
            "trainer" | "workplace trainer" | "praktijkopleider" => Some(Self::Trainer),
            "student" => Some(Self::Student),
            _ => None,
        }
    }

    pub const fn role(self) -> super::Role {
        match self {
            Self::Trainer => super::Role::Trainer,
            Self::Student => super::Role::Student,
        }
    }
}

/// What one person prepared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prepared {
    Trainer(Preparation),
    Student(Preparation),
}

impl Prepared {
    pub const fn by(&self) -> Preparer {
        match self {
            Self::Trainer(_) => Preparer::Trainer,
            Self::Student(_) => Preparer::Student,
        }
    }

    /// A preparation by `by`.
    pub const fn new(by: Preparer, preparation: Preparation) -> Self {
        match by {
            Preparer::Trainer => Self::Trainer(preparation),
            Preparer::Student => Self::Student(preparation),
        }
    }

    pub const fn preparation(&self) -> &Preparation {
        match self {
            Self::Trainer(p) | Self::Student(p) => p,
        }
    }

    pub fn into_preparation(self) -> Preparation {
        match self {
            Self::Trainer(p) | Self::Student(p) => p,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.preparation().is_empty()
    }

    pub const fn prepared_on(&self) -> Option<chrono::NaiveDate> {
        self.preparation().prepared_on
    }

    pub const fn set_prepared_on(&mut self, day: chrono::NaiveDate) {
        match self {
            Self::Trainer(p) | Self::Student(p) => p.prepared_on = Some(day),
        }
    }
}

/// How a preparation reached the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PrepSource {
    /// A plain-text form filled in elsewhere and imported.
    Form,
    /// Typed into the program's own preparation screen.
    Program,
}

/// A filled form as read back from a reply (see `export::parse_reply`): which placement and
/// moment it is for, who filled it in and in what language, and the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub placement: String,
    pub moment: super::Moment,
    pub by: Preparer,
    pub prepared: Prepared,
    /// The language of the questions the answers stood under.
    pub language: super::Lang,
    /// How many control characters in the answers were replaced by `text::REPLACEMENT`.
    pub replaced: usize,
}

/// Why a reply cannot be read as a filled form. Nothing is stored for any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyProblem {
    /// No line identifying a form of this program.
    NotAForm,
    /// Not text at all: binary data, a word-processor file.
    NotText,
    /// The identification line is there but does not name a placement, moment and preparer.
    BadIdentification,
    /// The form is there, but no question has an answer.
    NothingAnswered,
    /// The form is for another moment than the one asked for.
    OtherMoment {
        asked: super::Moment,
        found: super::Moment,
    },
}

/// The preparation screen while it is being filled in: kept as typed, so a closed window
/// loses nothing, and opened again at the next start.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PreparationDraft {
    pub placement: String,
    pub moment: Option<super::Moment>,
    pub by: Option<Preparer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainer: Option<Preparation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student: Option<Preparation>,
    /// Always written last, so a cut-off file is noticed.
    #[serde(default)]
    pub end_of_file: bool,
}

impl PreparationDraft {
    pub fn prepared(&self) -> Option<Prepared> {
        match (self.by?, &self.trainer, &self.student) {
            (Preparer::Trainer, Some(p), _) => Some(Prepared::Trainer(p.clone())),
            (Preparer::Student, _, Some(p)) => Some(Prepared::Student(p.clone())),
            _ => None,
        }
    }
}
