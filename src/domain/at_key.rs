//! What was prepared for a meeting, and which of it shows under which key: a rule of the
//! record, so the meeting, its read-back, the story and the exports all show the same. The
//! record's two preparations are walked here and nowhere else.

use chrono::NaiveDate;

use super::preparation::Preparer;
use super::{Example, KeyId, MeetingRecord, Moment, PrepQuestion, Preparation, Role};

/// A key's share of the preparations: each side's own words, and examples to take over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPreparation {
    pub sides: Vec<Side>,
    pub examples: Vec<Example>,
    /// Key 3 of the midway or final meeting: the trainer's judgement, or that none came in.
    pub judgement: Option<Judgement>,
}

/// What the trainer sent for key 3 of the midway or final meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    /// Prepared, on this day where known.
    Prepared(Option<NaiveDate>),
    /// Nothing came in: the meeting says what to do instead.
    Missing,
}

/// One preparer's answers at a key, each with its question, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub by: Preparer,
    pub answers: Vec<(PrepQuestion, String)>,
}

impl Side {
    pub const fn role(&self) -> Role {
        self.by.role()
    }
}

impl MeetingRecord {
    /// The preparations made for this meeting, the trainer's first.
    pub fn preparations(&self) -> impl Iterator<Item = (Preparer, &Preparation)> {
        Preparer::ALL
            .into_iter()
            .filter_map(|by| self.preparation(by).map(|p| (by, p)))
    }

    pub const fn preparation(&self, by: Preparer) -> Option<&Preparation> {
        match by {
            Preparer::Trainer => self.trainer_preparation.as_ref(),
            Preparer::Student => self.student_preparation.as_ref(),
        }
    }

    /// Takes in a preparation read from its file; true when the record changed. Nothing
    /// read leaves what the record holds.
    pub fn take_in_preparation(&mut self, by: Preparer, read: Option<Preparation>) -> bool {
        let slot = match by {
            Preparer::Trainer => &mut self.trainer_preparation,
            Preparer::Student => &mut self.student_preparation,
        };
        if read.is_some() && *slot != read {
            *slot = read;
            return true;
        }
        false
    }

    /// Who prepared this meeting.
    pub fn prepared_by(&self) -> Vec<Role> {
        self.preparations().map(|(by, _)| by.role()).collect()
    }

    /// What was prepared for `key`, if anything. Each answer shows at the key its question
    /// belongs to; key 3 of the midway and final meeting opens with the trainer's judgement,
    /// the student's own view of what they learned beside it so differences show, and says
    /// so when no judgement came in.
    pub fn prepared_at(&self, key: KeyId) -> Option<KeyPreparation> {
        let present = |by| self.preparation(by).filter(|p| !p.is_empty());
        let side = |by: Preparer, at: KeyId| {
            let answers: Vec<(PrepQuestion, String)> = present(by)
                .map(|p| {
                    p.words_at(at, by)
                        .into_iter()
                        .map(|a| (a.question, a.text.trim().to_string()))
                        .collect()
                })
                .unwrap_or_default();
            (!answers.is_empty()).then_some(Side { by, answers })
        };
        let mut sides: Vec<Side> = Vec::new();
        let judging = key == KeyId::TrainerJudgement && self.moment != Moment::Start;
        if judging {
            sides.extend(side(Preparer::Trainer, key));
            sides.extend(
                side(Preparer::Student, KeyId::LearningProcesses).map(|mut s| {
                    s.answers.retain(|(q, _)| *q == PrepQuestion::Learned);
                    s
                }),
            );
            sides.retain(|s| !s.answers.is_empty());
        } else {
            sides.extend(side(Preparer::Student, key));
            sides.extend(side(Preparer::Trainer, key));
        }
        let examples = Preparer::ALL
            .into_iter()
            .flat_map(|by| {
                present(by)
                    .map(|p| p.examples_at(key, by))
                    .unwrap_or_default()
            })
            .collect();
        let judgement = judging.then(|| match present(Preparer::Trainer) {
            Some(p) if p.has_judgement() => Judgement::Prepared(p.prepared_on),
            _ => Judgement::Missing,
        });
        let prepared = KeyPreparation {
            sides,
            examples,
            judgement,
        };
        (!prepared.sides.is_empty() || !prepared.examples.is_empty() || judging).then_some(prepared)
    }

    /// The trainer's prepared judgement as key 3 shows it, each answer with its question;
    /// nothing at the other keys.
    pub fn prepared_judgement(&self, key: KeyId) -> Vec<(PrepQuestion, String)> {
        if key != KeyId::TrainerJudgement {
            return Vec::new();
        }
        self.prepared_at(key)
            .into_iter()
            .flat_map(|p| p.sides)
            .filter(|side| side.by == Preparer::Trainer)
            .flat_map(|side| side.answers)
            .collect()
    }

    /// What the student asked to talk about alone with the teacher.
    pub fn alone_topics(&self) -> Vec<String> {
        self.preparation(Preparer::Student)
            .map(|p| {
                p.alone(Preparer::Student)
                    .into_iter()
                    .map(|a| a.text.trim().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }
}
