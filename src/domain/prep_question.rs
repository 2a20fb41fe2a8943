//! What a preparation asks, per moment and per preparer, and where each answer goes in the
//! meeting. The trainer is asked for expectations at the start, an interim judgement midway and
//! the final judgement at the end; the student for goals at the start and for what they
//! learned later. A preparation is a list of answers, each naming its question, so a form can
//! change without making older answers unreadable.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::preparation::Preparer;
use super::record::{Example, GuidanceExample, Strategy};
use super::{KeyId, Moment};

/// One question of a preparation form. The code is stored with the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrepQuestion {
    // The trainer before the start.
    Expectations,
    FirstWork,
    DailyGuide,
    PlanShowing,
    PlanInvolving,
    PlanEntrusting,
    // The trainer before the midway meeting: the interim judgement.
    Grown,
    GrownExample,
    NotYet,
    NotYetExample,
    OnCourse,
    GuidedShowing,
    GuidedInvolving,
    GuidedEntrusting,
    GuidanceChange,
    // The trainer before the final meeting: the final judgement.
    CanAlone,
    CanAloneExample,
    NeedsWork,
    NeedsWorkExample,
    HelpedMost,
    // The student.
    WantToLearn,
    Learned,
    GuidedMoment,
    LookForNext,
    AloneTopic,
    Ask,
    // Only in forms of earlier versions, which asked the same at every moment.
    Judgement,
    Example,
    AnotherExample,
}

/// Where an answer shows in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shows {
    /// In the preparer's own words, in the box above the key's notes.
    Words(KeyId),
    /// As an example the teacher can take over under the key, with its strategy at key 4.
    Example(KeyId, Option<Strategy>),
    /// Only in the few minutes alone with the student, after the four keys; never shared.
    Alone,
}

impl PrepQuestion {
    /// The questions of the form `by` fills in before `moment`, in order.
    pub const fn form(moment: Moment, by: Preparer) -> &'static [Self] {
        use PrepQuestion as Q;
        match (moment, by) {
            (Moment::Start, Preparer::Trainer) => &[
                Q::Expectations,
                Q::FirstWork,
                Q::DailyGuide,
                Q::PlanShowing,
                Q::PlanInvolving,
                Q::PlanEntrusting,
            ],
            (Moment::Midway, Preparer::Trainer) => &[
                Q::Grown,
                Q::GrownExample,
                Q::NotYet,
                Q::NotYetExample,
                Q::OnCourse,
                Q::GuidedShowing,
                Q::GuidedInvolving,
                Q::GuidedEntrusting,
                Q::GuidanceChange,
            ],
            (Moment::Final, Preparer::Trainer) => &[
                Q::CanAlone,
                Q::CanAloneExample,
                Q::NeedsWork,
                Q::NeedsWorkExample,
                Q::HelpedMost,
            ],
            (Moment::Start, Preparer::Student) => &[Q::WantToLearn, Q::Ask],
            (Moment::Midway, Preparer::Student) => {
                &[Q::Learned, Q::GuidedMoment, Q::Ask, Q::AloneTopic]
            }
            (Moment::Final, Preparer::Student) => &[
                Q::Learned,
                Q::GuidedMoment,
                Q::LookForNext,
                Q::Ask,
                Q::AloneTopic,
            ],
        }
    }

    /// The questions of the form every moment had before forms differed per moment: still
    /// read from replies to a form sent out by an earlier version.
    pub const fn earlier_form(by: Preparer) -> &'static [Self] {
        use PrepQuestion as Q;
        match by {
            Preparer::Trainer => &[
                Q::Judgement,
                Q::Example,
                Q::AnotherExample,
                Q::GuidedShowing,
                Q::GuidedInvolving,
                Q::GuidedEntrusting,
            ],
            Preparer::Student => &[Q::Learned, Q::Example, Q::Ask],
        }
    }

    /// Where the answer shows in the meeting, when `by` gave it.
    pub const fn shows(self, by: Preparer) -> Shows {
        use KeyId::{GuidanceChoices, LearningPotential, LearningProcesses, TrainerJudgement};
        use PrepQuestion as Q;
        match self {
            Q::WantToLearn | Q::Learned | Q::LookForNext | Q::Ask => {
                Shows::Words(LearningProcesses)
            }
            Q::FirstWork => Shows::Words(LearningPotential),
            Q::Expectations
            | Q::Grown
            | Q::NotYet
            | Q::OnCourse
            | Q::CanAlone
            | Q::NeedsWork
            | Q::Judgement => Shows::Words(TrainerJudgement),
            Q::GrownExample
            | Q::NotYetExample
            | Q::CanAloneExample
            | Q::NeedsWorkExample
            | Q::AnotherExample => Shows::Example(TrainerJudgement, None),
            Q::Example => match by {
                Preparer::Trainer => Shows::Example(TrainerJudgement, None),
                Preparer::Student => Shows::Example(LearningProcesses, None),
            },
            Q::DailyGuide
            | Q::PlanShowing
            | Q::PlanInvolving
            | Q::PlanEntrusting
            | Q::GuidanceChange
            | Q::HelpedMost => Shows::Words(GuidanceChoices),
            Q::GuidedShowing | Q::GuidedInvolving | Q::GuidedEntrusting => {
                Shows::Example(GuidanceChoices, self.strategy())
            }
            Q::GuidedMoment => Shows::Example(GuidanceChoices, None),
            Q::AloneTopic => Shows::Alone,
        }
    }

    /// The guidance strategy a question asks about, if any.
    pub const fn strategy(self) -> Option<Strategy> {
        match self {
            Self::PlanShowing | Self::GuidedShowing => Some(Strategy::Showing),
            Self::PlanInvolving | Self::GuidedInvolving => Some(Strategy::Participating),
            Self::PlanEntrusting | Self::GuidedEntrusting => Some(Strategy::Entrusting),
            _ => None,
        }
    }

    /// Whether the answer is part of the trainer's judgement of the student: what key 3 of
    /// the midway and final meeting opens with.
    pub fn is_judgement(self) -> bool {
        matches!(
            self.shows(Preparer::Trainer),
            Shows::Words(KeyId::TrainerJudgement) | Shows::Example(KeyId::TrainerJudgement, _)
        ) && self != Self::Expectations
    }
}

/// One answer on a preparation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: PrepQuestion,
    pub text: String,
}

/// What one person prepared: answers to the questions of their form, in the form's order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "PreparationOnDisk")]
pub struct Preparation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_on: Option<NaiveDate>,
    #[serde(default)]
    pub answers: Vec<Answer>,
}

impl Preparation {
    /// A preparation holding these answers, in this order.
    pub fn answering<'a>(answers: impl IntoIterator<Item = (PrepQuestion, &'a str)>) -> Self {
        Self {
            prepared_on: None,
            answers: answers
                .into_iter()
                .map(|(question, text)| Answer {
                    question,
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.answers.iter().all(|a| a.text.trim().is_empty())
    }

    /// The answer to `question`, when one was given.
    pub fn answer(&self, question: PrepQuestion) -> Option<&str> {
        self.answers
            .iter()
            .find(|a| a.question == question)
            .map(|a| a.text.trim())
            .filter(|text| !text.is_empty())
    }

    /// The answers that show in their own words at `key`.
    pub fn words_at(&self, key: KeyId, by: Preparer) -> Vec<&Answer> {
        self.answers
            .iter()
            .filter(|a| !a.text.trim().is_empty() && a.question.shows(by) == Shows::Words(key))
            .collect()
    }

    /// The answers that are examples to take over at `key`, as examples given by `by`.
    pub fn examples_at(&self, key: KeyId, by: Preparer) -> Vec<Example> {
        self.answers
            .iter()
            .filter(|a| !a.text.trim().is_empty())
            .filter_map(|a| match a.question.shows(by) {
                Shows::Example(at, strategy) if at == key => Some(Example {
                    text: a.text.trim().to_string(),
                    given_by: by.role(),
                    strategy,
                    recognised: None,
                }),
                _ => None,
            })
            .collect()
    }

    /// What the student wants to talk about alone with the teacher, if they said so.
    pub fn alone(&self, by: Preparer) -> Vec<&Answer> {
        self.answers
            .iter()
            .filter(|a| !a.text.trim().is_empty() && a.question.shows(by) == Shows::Alone)
            .collect()
    }

    /// Whether the trainer's judgement of the student is in it.
    pub fn has_judgement(&self) -> bool {
        self.answers
            .iter()
            .any(|a| a.question.is_judgement() && !a.text.trim().is_empty())
    }
}

/// A preparation as any version wrote it: answers per question now; earlier, the same few
/// fields at every moment (`judgement`, `examples`, `guidance` for the trainer, `learned`,
/// `examples`, `question` for the student). Those are read as answers to the questions of
/// that earlier form, so an old preparation shows where it did.
#[derive(Deserialize)]
struct PreparationOnDisk {
    #[serde(default)]
    prepared_on: Option<NaiveDate>,
    #[serde(default)]
    answers: Vec<Answer>,
    #[serde(default)]
    judgement: String,
    #[serde(default)]
    learned: String,
    #[serde(default)]
    examples: Vec<Example>,
    #[serde(default)]
    guidance: Vec<GuidanceExample>,
    #[serde(default)]
    question: String,
}

impl From<PreparationOnDisk> for Preparation {
    fn from(disk: PreparationOnDisk) -> Self {
        let mut answers = Vec::new();
        let mut add = |question, text: String| {
            if !text.trim().is_empty() && !answers.iter().any(|a: &Answer| a.question == question) {
                answers.push(Answer { question, text });
            }
        };
        add(PrepQuestion::Judgement, disk.judgement);
        add(PrepQuestion::Learned, disk.learned);
        let mut examples = disk.examples.into_iter();
        if let Some(first) = examples.next() {
            add(PrepQuestion::Example, first.text);
        }
        // A second and any further example were all "another example".
        let others: Vec<String> = examples.map(|e| e.text).collect();
        add(PrepQuestion::AnotherExample, others.join("\n\n"));
        for g in disk.guidance {
            let question = match g.strategy {
                Strategy::Showing => PrepQuestion::GuidedShowing,
                Strategy::Participating => PrepQuestion::GuidedInvolving,
                Strategy::Entrusting => PrepQuestion::GuidedEntrusting,
            };
            add(question, g.example);
        }
        add(PrepQuestion::Ask, disk.question);
        answers.extend(disk.answers);
        Self {
            prepared_on: disk.prepared_on,
            answers,
        }
    }
}

/// Answers that mean "nothing here": a strategy not used, no second example.
const NOTHING: &[&str] = &[
    "",
    "-",
    "--",
    "nee",
    "no",
    "neen",
    "niet",
    "not",
    "geen",
    "none",
    "nvt",
    "n.v.t",
    "n/a",
    "na",
    "x",
    "...",
    "…",
    "nee, niet",
    "no, not",
    "nope",
    "nop",
    "nog niet",
    "not yet",
];

/// Whether an answer says there is nothing to say ("nee", "n.v.t.", "-"): a strategy not used,
/// no second example. Such an answer is left out, on the form and on the screen alike. To the
/// one question that asks yes or no ("on course?"), "no" is the answer that matters most.
pub fn means_nothing(question: PrepQuestion, answer: &str) -> bool {
    if question == PrepQuestion::OnCourse {
        return answer.trim().is_empty();
    }
    let plain = answer
        .trim()
        .trim_end_matches(['.', '!'])
        .trim()
        .to_lowercase();
    NOTHING.contains(&plain.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_moment_asks_its_own_questions_and_no_form_repeats_one() {
        for by in Preparer::ALL {
            let forms: Vec<_> = Moment::ALL
                .into_iter()
                .map(|m| PrepQuestion::form(m, by))
                .collect();
            for form in &forms {
                for (i, q) in form.iter().enumerate() {
                    assert!(!form[i + 1..].contains(q), "{q:?} twice");
                }
            }
            assert_ne!(forms[0], forms[1]);
        }
        assert_ne!(
            PrepQuestion::form(Moment::Midway, Preparer::Trainer),
            PrepQuestion::form(Moment::Final, Preparer::Trainer)
        );
    }

    #[test]
    fn an_old_preparation_reads_as_answers_to_the_old_form() {
        let old = "prepared_on: 2026-11-21\njudgement: Groeit snel.\nexamples:\n- text: Deeg alleen.\n  given_by: trainer\n- text: Kassa.\n  given_by: trainer\nguidance:\n- strategy: entrusting\n  example: Oven.\n";
        let p: Preparation = serde_saphyr::from_str(old).unwrap();
        assert_eq!(p.answer(PrepQuestion::Judgement), Some("Groeit snel."));
        assert_eq!(p.answer(PrepQuestion::Example), Some("Deeg alleen."));
        assert_eq!(p.answer(PrepQuestion::AnotherExample), Some("Kassa."));
        assert_eq!(p.answer(PrepQuestion::GuidedEntrusting), Some("Oven."));
        assert!(p.has_judgement());
        let again: Preparation =
            serde_saphyr::from_str(&serde_saphyr::to_string(&p).unwrap()).unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn a_way_of_guiding_not_used_is_nothing_but_a_no_to_on_course_is_kept() {
        for said in ["nog niet", "Nee.", "n.v.t.", "Not yet", "-"] {
            assert!(means_nothing(PrepQuestion::GuidedShowing, said), "{said}");
        }
        assert!(!means_nothing(
            PrepQuestion::GuidedShowing,
            "Nog niet alles, wel de kassa."
        ));
        for said in ["Nee", "nog niet", "No."] {
            assert!(!means_nothing(PrepQuestion::OnCourse, said), "{said}");
        }
        assert!(means_nothing(PrepQuestion::OnCourse, "  "));
    }
}
