//! The meeting record: what was said and agreed at one contact moment. It is stored as YAML
//! and read by people, so field names are plain words and empty parts are still written.

use std::collections::BTreeMap;

use chrono::Timelike as _;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::guide::{Guide, KeyId, Moment};
use super::placement::Placement;
pub use super::resume::{OpenForm, Resume};

/// Raised whenever the record's shape changes, so an older program can tell it is reading
/// something newer than itself. Version 2 added the closing `end_of_file` line; version 3
/// added the check-off of agreements (partly, not done, dropped, with a note); version 4
/// holds preparations as answers per question, which differ per moment.
pub const SCHEMA_VERSION: u32 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Student,
    Trainer,
    Teacher,
}

impl Role {
    pub const ALL: [Self; 3] = [Self::Student, Self::Trainer, Self::Teacher];
}

/// The three guidance strategies of key 4; they can be combined, one per example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    Showing,
    Participating,
    Entrusting,
}

impl Strategy {
    pub const ALL: [Self; 3] = [Self::Showing, Self::Participating, Self::Entrusting];
}

/// Whether the student recognises an example as guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Recognition {
    Yes,
    Partly,
    No,
}

impl Recognition {
    pub const ALL: [Self; 3] = [Self::Yes, Self::Partly, Self::No];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    #[default]
    OnSite,
    Online,
    AtSchool,
}

impl Place {
    pub const ALL: [Self; 3] = [Self::OnSite, Self::Online, Self::AtSchool];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordStatus {
    #[default]
    Draft,
    Final,
}

/// Where an agreement stands. A new one is open; at the next meeting it is checked off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    #[default]
    Open,
    Done,
    Partly,
    NotDone,
    /// No longer relevant: nobody works on it any more, and it is not carried forward.
    Dropped,
}

impl AgreementStatus {
    pub const ALL: [Self; 5] = [
        Self::Open,
        Self::Done,
        Self::Partly,
        Self::NotDone,
        Self::Dropped,
    ];

    /// Done or dropped: nothing more is expected of anyone.
    pub const fn is_settled(self) -> bool {
        matches!(self, Self::Done | Self::Dropped)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub text: String,
    pub given_by: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<Strategy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognised: Option<Recognition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct KeyCapture {
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub examples: Vec<Example>,
}

impl KeyCapture {
    pub fn is_empty(&self) -> bool {
        self.notes.trim().is_empty() && self.examples.is_empty()
    }
}

/// The four keys by name, so the YAML reads `learning_processes:` rather than a list index.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Keys {
    #[serde(default)]
    pub learning_processes: KeyCapture,
    #[serde(default)]
    pub learning_potential: KeyCapture,
    #[serde(default)]
    pub trainer_judgement: KeyCapture,
    #[serde(default)]
    pub guidance_choices: KeyCapture,
}

impl Keys {
    pub fn get(&self, key: KeyId) -> &KeyCapture {
        match key {
            KeyId::LearningProcesses => &self.learning_processes,
            KeyId::LearningPotential => &self.learning_potential,
            KeyId::TrainerJudgement => &self.trainer_judgement,
            KeyId::GuidanceChoices => &self.guidance_choices,
        }
    }

    pub fn get_mut(&mut self, key: KeyId) -> &mut KeyCapture {
        match key {
            KeyId::LearningProcesses => &mut self.learning_processes,
            KeyId::LearningPotential => &mut self.learning_potential,
            KeyId::TrainerJudgement => &mut self.trainer_judgement,
            KeyId::GuidanceChoices => &mut self.guidance_choices,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub what: String,
    pub who: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: AgreementStatus,
    /// Set when the agreement was made at an earlier moment and carried into this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<Moment>,
    /// A short word on how it went, written when it is checked off.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Agreement {
    /// Past its date on `day` and not settled.
    pub fn is_overdue(&self, day: NaiveDate) -> bool {
        !self.status.is_settled() && self.due.is_some_and(|due| due < day)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Present {
    pub student: bool,
    pub trainer: bool,
    pub teacher: bool,
    /// Anyone else at the table, as typed.
    #[serde(default)]
    pub others: String,
}

impl Default for Present {
    fn default() -> Self {
        Self {
            student: true,
            trainer: true,
            teacher: true,
            others: String::new(),
        }
    }
}

impl Present {
    pub fn is_present(&self, role: Role) -> bool {
        match role {
            Role::Student => self.student,
            Role::Trainer => self.trainer,
            Role::Teacher => self.teacher,
        }
    }

    pub fn toggle(&mut self, role: Role) {
        let flag = match role {
            Role::Student => &mut self.student,
            Role::Trainer => &mut self.trainer,
            Role::Teacher => &mut self.teacher,
        };
        *flag = !*flag;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideRef {
    pub id: String,
    pub version: u32,
}

/// What the trainer did to guide, with a strategy (showing, participating, entrusting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidanceExample {
    pub strategy: Strategy,
    pub example: String,
}

impl GuidanceExample {
    /// As an example of key 4, given by the trainer.
    pub fn as_example(&self) -> Example {
        Example {
            text: self.example.clone(),
            given_by: Role::Trainer,
            strategy: Some(self.strategy),
            recognised: None,
        }
    }
}

/// Something that needs more than the meeting: a private flag for the teacher, never shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcernKind {
    SocialSafety,
    Discrimination,
    /// The student is used as cheap labour, or for chores only.
    UnfitWork,
    InsufficientGuidance,
}

impl ConcernKind {
    pub const ALL: [Self; 4] = [
        Self::SocialSafety,
        Self::Discrimination,
        Self::UnfitWork,
        Self::InsufficientGuidance,
    ];

    pub const fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Concern {
    #[serde(default)]
    pub kinds: Vec<ConcernKind>,
    #[serde(default)]
    pub note: String,
}

impl Concern {
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.note.trim().is_empty()
    }
}

/// One thing said about an example, for the interface to put into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quality {
    GivenBy(Role),
    Strategy(Strategy),
    Recognised(Recognition),
}

impl Example {
    /// What is known about the example besides its text, in the order it is told.
    pub fn qualities(&self) -> Vec<Quality> {
        let mut about = vec![Quality::GivenBy(self.given_by)];
        about.extend(self.strategy.map(Quality::Strategy));
        about.extend(self.recognised.map(Quality::Recognised));
        about
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub who: Role,
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRecord {
    pub schema_version: u32,
    pub status: RecordStatus,
    pub placement: Placement,
    pub moment: Moment,
    pub date: NaiveDate,
    pub time: NaiveTime,
    #[serde(default)]
    pub place: Place,
    #[serde(default)]
    pub present: Present,
    pub guide: GuideRef,
    /// Seconds the meeting screen was open, summed over sessions.
    #[serde(default)]
    pub time_spent_seconds: u64,
    #[serde(default)]
    pub keys: Keys,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainer_preparation: Option<super::Preparation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student_preparation: Option<super::Preparation>,
    /// A private flag; never part of a shared export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concern: Option<Concern>,
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    /// Never part of a shared export.
    #[serde(default)]
    pub private_notes: String,
    #[serde(default)]
    pub agreed: Vec<Consent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<NaiveDateTime>,
    /// A pop-up that was open, with what was typed in it; only ever in a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_form: Option<OpenForm>,
    /// Where the teacher was typing, so a draft reopens there; only ever in a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<Resume>,
    /// Fields written by a newer version of the program, kept so that saving does not lose
    /// them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Always `true` and always written last: a file cut off anywhere lacks it, so a
    /// truncated record is reported as damaged instead of read as a shorter one.
    #[serde(default)]
    pub end_of_file: bool,
}

impl MeetingRecord {
    /// Whether nothing was typed or chosen in it yet: no notes, examples, new agreements,
    /// private notes, concern or names of others present. Such a record is not yet anyone's
    /// words, so nothing about it (its guide's language) is settled.
    pub fn nothing_typed(&self) -> bool {
        self.keys.learning_processes.is_empty()
            && self.keys.learning_potential.is_empty()
            && self.keys.trainer_judgement.is_empty()
            && self.keys.guidance_choices.is_empty()
            && self.private_notes.trim().is_empty()
            && self.present.others.trim().is_empty()
            && self.concern.as_ref().is_none_or(Concern::is_empty)
            && self.open_form.as_ref().is_none_or(|f| !f.holds_typing())
            && self
                .agreements
                .iter()
                .all(|a| a.carried_from.is_some() && a.note.trim().is_empty())
    }

    /// A fresh draft for `moment`, with the unsettled agreements of the previous record
    /// carried over so they can be checked off, with how they stood last time (partly done,
    /// and the note on it) until the teacher changes that.
    pub fn new(
        placement: &Placement,
        moment: Moment,
        guide: &Guide,
        now: NaiveDateTime,
        previous: Option<&Self>,
    ) -> Self {
        let agreements = previous
            .map(|prev| {
                prev.agreements
                    .iter()
                    .filter(|a| !a.status.is_settled())
                    .map(|a| Agreement {
                        carried_from: a.carried_from.or(Some(prev.moment)),
                        ..a.clone()
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self {
            schema_version: SCHEMA_VERSION,
            status: RecordStatus::Draft,
            placement: placement.clone(),
            moment,
            date: now.date(),
            time: now.time().with_nanosecond(0).unwrap_or(now.time()),
            place: Place::default(),
            present: Present::default(),
            guide: GuideRef {
                id: guide.id.clone(),
                version: guide.version,
            },
            time_spent_seconds: 0,
            keys: Keys::default(),
            trainer_preparation: None,
            student_preparation: None,
            concern: None,
            agreements,
            private_notes: String::new(),
            agreed: Vec::new(),
            finished_at: None,
            open_form: None,
            resume: None,
            extra: BTreeMap::new(),
            end_of_file: true,
        }
    }

    pub fn open_agreements(&self) -> usize {
        self.agreements
            .iter()
            .filter(|a| !a.status.is_settled())
            .count()
    }

    /// The keys under which nothing has been captured yet.
    pub fn empty_keys(&self) -> Vec<KeyId> {
        KeyId::ALL
            .into_iter()
            .filter(|k| self.keys.get(*k).is_empty())
            .collect()
    }

    /// A copy fit to share with the student and trainer. The one home of the privacy rule:
    /// the teacher's private notes, any concern and what the student asked to discuss alone
    /// are left out. Everything that leaves the teacher's own program goes through this.
    pub fn shared(&self) -> Self {
        use super::preparation::Preparer;
        let private_answers_left_out = |prep: &Option<super::Preparation>, by: Preparer| {
            prep.as_ref().map(|p| super::Preparation {
                prepared_on: p.prepared_on,
                answers: p
                    .answers
                    .iter()
                    .filter(|a| a.question.shows(by) != super::Shows::Alone)
                    .cloned()
                    .collect(),
            })
        };
        Self {
            private_notes: String::new(),
            concern: None,
            trainer_preparation: private_answers_left_out(
                &self.trainer_preparation,
                Preparer::Trainer,
            ),
            student_preparation: private_answers_left_out(
                &self.student_preparation,
                Preparer::Student,
            ),
            ..self.clone()
        }
    }

    /// Opens a final record for editing: it is a draft again until it is finished, and
    /// what people agreed to was the old text, so they agree again. True when consent lapsed.
    pub fn reopen(&mut self) -> bool {
        let had_consent = !self.agreed.is_empty();
        if self.status == RecordStatus::Final {
            self.status = RecordStatus::Draft;
            self.agreed.clear();
            self.finished_at = None;
        }
        had_consent
    }

    /// Undoes `finish` after the final record could not be written: a draft again, and
    /// who had agreed, so they can be marked again.
    pub fn unfinish(&mut self) -> Vec<Role> {
        self.status = RecordStatus::Draft;
        self.finished_at = None;
        self.agreed.drain(..).map(|c| c.who).collect()
    }

    /// The people at the table, in the usual order.
    pub fn present_roles(&self) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|r| self.present.is_present(*r))
            .collect()
    }

    /// Replaces example `index` of `key`, or adds it when there is none; returns where it is.
    pub fn upsert_example(&mut self, key: KeyId, index: Option<usize>, example: Example) -> usize {
        let examples = &mut self.keys.get_mut(key).examples;
        match index {
            Some(i) if i < examples.len() => {
                examples[i] = example;
                i
            }
            _ => {
                examples.push(example);
                examples.len() - 1
            }
        }
    }

    /// Replaces agreement `index`, keeping where it was carried from, or adds it; returns
    /// where it is.
    pub fn upsert_agreement(&mut self, index: Option<usize>, mut agreement: Agreement) -> usize {
        let list = &mut self.agreements;
        match index {
            Some(i) if i < list.len() => {
                agreement.carried_from = list[i].carried_from;
                list[i] = agreement;
                i
            }
            _ => {
                list.push(agreement);
                list.len() - 1
            }
        }
    }

    pub fn remove_example(&mut self, key: KeyId, index: usize) -> bool {
        let examples = &mut self.keys.get_mut(key).examples;
        (index < examples.len())
            .then(|| examples.remove(index))
            .is_some()
    }

    pub fn remove_agreement(&mut self, index: usize) -> bool {
        (index < self.agreements.len())
            .then(|| self.agreements.remove(index))
            .is_some()
    }

    /// Agreements made in this meeting, not carried over from an earlier one.
    pub fn new_agreements(&self) -> usize {
        self.agreements
            .iter()
            .filter(|a| a.carried_from.is_none())
            .count()
    }

    /// Marks the record final, with the consent of those listed.
    pub fn finish(&mut self, agreed_by: &[Role], now: NaiveDateTime) {
        self.resume = None;
        self.status = RecordStatus::Final;
        self.finished_at = Some(now);
        self.agreed = agreed_by
            .iter()
            .map(|who| Consent { who: *who, at: now })
            .collect();
    }
}
