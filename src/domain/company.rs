//! A company's view: every placement at one company over the years, what teachers noted about
//! what it offers to learn, how its trainers guided, and what is still a concern. What a team
//! lead needs when choosing where to place the next student.

use chrono::NaiveDate;

use super::guide::{KeyId, Moment};
use super::placement::Placement;
use super::record::{MeetingRecord, RecordStatus, Strategy};
use super::story::Story;

/// One placement at the company.
#[derive(Debug, Clone)]
pub struct CompanyPlacement {
    pub placement: Placement,
    /// Which moments were held.
    pub held: [bool; 3],
    /// A concern was noted at the latest meeting that has one.
    pub concern: bool,
}

/// What a teacher noted about the learning potential at one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PotentialNote {
    pub student: String,
    pub moment: Moment,
    pub date: NaiveDate,
    pub teacher: String,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct CompanyView {
    /// The company's name as the most recent placement spells it.
    pub name: String,
    /// Newest placement first.
    pub placements: Vec<CompanyPlacement>,
    /// Every trainer named, once, in the order first met (newest placement first).
    pub trainers: Vec<String>,
    /// Notes on learning potential from held meetings, newest first.
    pub potential: Vec<PotentialNote>,
    /// Examples per way of guiding over all meetings, in the order of `Strategy::ALL`.
    pub strategies: [usize; 3],
}

impl CompanyView {
    /// `placements` are the company's placements, each with its records and drafts.
    pub fn new(mut placements: Vec<(Placement, Vec<MeetingRecord>)>) -> Self {
        placements.sort_by(|a, b| {
            b.0.start
                .cmp(&a.0.start)
                .then(a.0.student.cmp(&b.0.student))
        });
        let mut view = Self {
            name: placements
                .first()
                .map(|(p, _)| p.company.clone())
                .unwrap_or_default(),
            ..Self::default()
        };
        for (placement, records) in placements {
            let trainer = placement.trainer.trim();
            if !trainer.is_empty() && !view.trainers.iter().any(|t| t == trainer) {
                view.trainers.push(trainer.to_string());
            }
            let story = Story::new(records);
            let mut held = [false; 3];
            let mut concern = false;
            for moment in Moment::ALL {
                let Some(record) = story.record(moment) else {
                    continue;
                };
                held[moment.index()] = record.status == RecordStatus::Final;
                // The latest word on a concern counts: one noted and later cleared is none.
                concern = record.concern.as_ref().is_some_and(|c| !c.is_empty());
                let notes = record.keys.get(KeyId::LearningPotential).notes.trim();
                if record.status == RecordStatus::Final && !notes.is_empty() {
                    view.potential.push(PotentialNote {
                        student: placement.student.clone(),
                        moment,
                        date: record.date,
                        teacher: placement.teacher.clone(),
                        text: notes.to_string(),
                    });
                }
                for (n, count) in story.strategies(moment).into_iter().enumerate() {
                    view.strategies[n] += count;
                }
            }
            view.placements.push(CompanyPlacement {
                placement,
                held,
                concern,
            });
        }
        view.potential.sort_by_key(|n| std::cmp::Reverse(n.date));
        view
    }

    /// The placements whose latest meeting noted a concern.
    pub fn concerns(&self) -> impl Iterator<Item = &CompanyPlacement> {
        self.placements.iter().filter(|p| p.concern)
    }

    pub fn strategy_count(&self, strategy: Strategy) -> usize {
        Strategy::ALL
            .iter()
            .position(|s| *s == strategy)
            .map_or(0, |i| self.strategies[i])
    }
}
