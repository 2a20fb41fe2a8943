//! A conversation guide: the titles, purposes and prompts for each moment and key. Guides are
//! data (YAML files) so that a school can adapt them; this module holds the checked form.

use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// The three contact moments of a placement, in the order they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Moment {
    Start,
    Midway,
    Final,
}

impl Moment {
    pub const ALL: [Self; 3] = [Self::Start, Self::Midway, Self::Final];

    /// The name used on the command line and in file names.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Midway => "midway",
            Self::Final => "final",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    /// The other names people type for a moment, Dutch first: `tussentijds` for midway.
    /// Every word the program itself shows for a moment is one (the overview's `tussen`, the
    /// guides' titles), so a teacher can type back what they read.
    pub const fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Start => &[
                "startgesprek",
                "first meeting",
                "start meeting",
                "starting conversation",
            ],
            Self::Midway => &[
                "tussentijds",
                "tussen",
                "tussentijds gesprek",
                "midden",
                "tussengesprek",
                "mid placement review",
                "midway meeting",
                "midway conversation",
            ],
            Self::Final => &[
                "eind",
                "eindgesprek",
                "final review",
                "final meeting",
                "final conversation",
            ],
        }
    }

    /// A moment as typed on the command line or in a record id: its code or one of its
    /// aliases, in any case, words joined by spaces, `-` or `_`.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name
            .to_lowercase()
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Self::ALL
            .into_iter()
            .find(|m| m.code() == name || m.aliases().contains(&name.as_str()))
    }

    pub const fn index(self) -> usize {
        self as usize
    }

    pub fn previous(self) -> Option<Self> {
        self.index().checked_sub(1).map(|i| Self::ALL[i])
    }
}

/// The four keys that structure every conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyId {
    LearningProcesses,
    LearningPotential,
    TrainerJudgement,
    GuidanceChoices,
}

impl KeyId {
    pub const ALL: [Self; 4] = [
        Self::LearningProcesses,
        Self::LearningPotential,
        Self::TrainerJudgement,
        Self::GuidanceChoices,
    ];

    pub const fn index(self) -> usize {
        self as usize
    }

    pub const fn code(self) -> &'static str {
        match self {
            Self::LearningProcesses => "learning_processes",
            Self::LearningPotential => "learning_potential",
            Self::TrainerJudgement => "trainer_judgement",
            Self::GuidanceChoices => "guidance_choices",
        }
    }

    /// Who usually gives an example under this key: the student tells of their learning
    /// and of what the workplace offers; the trainer of their judgement and their guidance.
    pub const fn usual_giver(self) -> super::Role {
        match self {
            Self::LearningProcesses | Self::LearningPotential => super::Role::Student,
            Self::TrainerJudgement | Self::GuidanceChoices => super::Role::Trainer,
        }
    }
}

/// What the meeting screen asks for under a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaptureKind {
    Notes,
    Examples,
    Strategy,
    Recognition,
}

/// Whom a prompt is put to, so the teacher never has to work out who "you" is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Addressee {
    Student,
    Trainer,
    Both,
    /// The student, in the few minutes alone with the teacher at the end of the meeting:
    /// how safe they feel, what the company may know. Shown apart, after the four keys.
    StudentAlone,
}

impl Addressee {
    pub const ALL: [Self; 4] = [Self::Student, Self::Trainer, Self::Both, Self::StudentAlone];

    /// The name written after `to:` in a guide file.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Student => "student",
            Self::Trainer => "trainer",
            Self::Both => "both",
            Self::StudentAlone => "student_alone",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// One question of a guide. A prompt written as a plain string has no addressee and is not
/// core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub text: String,
    pub to: Option<Addressee>,
    /// One of the one or two questions to keep when the meeting is short.
    pub core: bool,
}

impl Prompt {
    /// A prompt as the old format wrote it: text only.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            to: None,
            core: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyGuide {
    pub purpose: String,
    pub prompts: Vec<Prompt>,
    pub capture: Vec<CaptureKind>,
}

impl KeyGuide {
    pub fn captures(&self, kind: CaptureKind) -> bool {
        self.capture.contains(&kind)
    }

    /// The prompts marked core, in guide order.
    pub fn core_prompts(&self) -> impl Iterator<Item = &Prompt> {
        self.prompts.iter().filter(|p| p.core)
    }
}

/// What the guide says to do when a placement gives cause for concern (social safety,
/// discrimination, unfit work, too little guidance): a title and a short checklist of whom
/// to involve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConcernGuide {
    pub title: String,
    pub checklist: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MomentGuide {
    pub title: String,
    pub purpose: String,
    /// Indexed by `KeyId::index`.
    pub keys: [KeyGuide; 4],
}

/// A guide that passed every check in `guide_check`; the only kind the program holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub id: String,
    pub language: Lang,
    pub version: u32,
    pub title: String,
    /// Indexed by `KeyId::index`.
    pub key_titles: [String; 4],
    /// Indexed by `Moment::index`.
    pub moments: [MomentGuide; 3],
    /// Absent in guides written before the concern checklist existed.
    pub concern: Option<ConcernGuide>,
}

impl Guide {
    pub fn moment(&self, moment: Moment) -> &MomentGuide {
        &self.moments[moment.index()]
    }

    pub fn key(&self, moment: Moment, key: KeyId) -> &KeyGuide {
        &self.moment(moment).keys[key.index()]
    }

    pub fn key_title(&self, key: KeyId) -> &str {
        &self.key_titles[key.index()]
    }

    /// Whom to involve when a placement gives cause for concern; empty when the guide has
    /// no `concern:` section.
    pub fn concern_checklist(&self) -> &[String] {
        self.concern
            .as_ref()
            .map_or(&[], |c| c.checklist.as_slice())
    }

    /// The title of the concern checklist, when the guide has one.
    pub fn concern_title(&self) -> Option<&str> {
        self.concern.as_ref().map(|c| c.title.as_str())
    }
}
