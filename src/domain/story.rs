//! A placement's story: its three moments side by side, what became of each agreement at the
//! next moment, and how the trainer guided (examples per strategy) at each moment. Pure: the
//! records come in, the story comes out.

use super::guide::Moment;
use super::record::{AgreementStatus, MeetingRecord, RecordStatus, Role, Strategy};

/// What happened to one agreement, from the moment it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trail {
    pub what: String,
    pub who: Role,
    pub made_at: Moment,
    /// By when, as last agreed.
    pub due: Option<chrono::NaiveDate>,
    /// How it stood when it was checked off at a later moment, in order; empty while no later
    /// meeting was held.
    pub later: Vec<(Moment, AgreementStatus, String)>,
}

impl Trail {
    /// How it stands now: the last check-off, or open.
    pub fn now(&self) -> AgreementStatus {
        self.later
            .last()
            .map_or(AgreementStatus::Open, |(_, status, _)| *status)
    }

    /// Past its day on `today` and not settled.
    pub fn is_overdue(&self, today: chrono::NaiveDate) -> bool {
        !self.now().is_settled() && self.due.is_some_and(|due| due < today)
    }
}

/// A placement's meetings, one per moment where there is one (the held record, or the draft
/// where none was held yet).
#[derive(Debug, Clone, Default)]
pub struct Story {
    pub moments: [Option<MeetingRecord>; 3],
    /// Moments whose file is there but cannot be read: never shown as "not held".
    pub unreadable: [bool; 3],
}

impl Story {
    /// `records` are whatever records and drafts exist, in any order.
    pub fn new(records: Vec<MeetingRecord>) -> Self {
        let mut moments: [Option<MeetingRecord>; 3] = Default::default();
        for record in records {
            let slot = &mut moments[record.moment.index()];
            // A held record is what was said; a draft stands in only where none was held.
            let held = |r: &MeetingRecord| r.status == RecordStatus::Final;
            if slot
                .as_ref()
                .is_none_or(|kept| !held(kept) && held(&record))
            {
                *slot = Some(record);
            }
        }
        Self {
            moments,
            unreadable: [false; 3],
        }
    }

    /// The same story, knowing that a file of each of `moments` could not be read.
    #[must_use]
    pub fn with_unreadable(mut self, moments: impl IntoIterator<Item = Moment>) -> Self {
        for moment in moments {
            self.unreadable[moment.index()] = true;
        }
        self
    }

    /// Whether a file of `moment` is there but could not be read, and nothing else of that
    /// moment could.
    pub fn is_unreadable(&self, moment: Moment) -> bool {
        self.unreadable[moment.index()] && self.record(moment).is_none()
    }

    pub fn record(&self, moment: Moment) -> Option<&MeetingRecord> {
        self.moments[moment.index()].as_ref()
    }

    /// Every agreement made, each with what became of it at the moments after.
    pub fn trails(&self) -> Vec<Trail> {
        let mut trails: Vec<Trail> = Vec::new();
        for record in self.moments.iter().flatten() {
            for agreement in &record.agreements {
                match agreement.carried_from {
                    None => trails.push(Trail {
                        what: agreement.what.clone(),
                        who: agreement.who,
                        made_at: record.moment,
                        due: agreement.due,
                        later: Vec::new(),
                    }),
                    Some(from) => {
                        let made = trails
                            .iter_mut()
                            .find(|t| t.made_at == from && t.what == agreement.what);
                        let checked = (record.moment, agreement.status, agreement.note.clone());
                        match made {
                            Some(trail) => {
                                trail.later.push(checked);
                                trail.due = agreement.due.or(trail.due);
                            }
                            // Made in a meeting whose record is gone: still shown.
                            None => trails.push(Trail {
                                what: agreement.what.clone(),
                                who: agreement.who,
                                made_at: from,
                                due: agreement.due,
                                later: vec![checked],
                            }),
                        }
                    }
                }
            }
        }
        trails
    }

    /// How many examples of each way of guiding were noted at `moment`, in the order of
    /// `Strategy::ALL`.
    pub fn strategies(&self, moment: Moment) -> [usize; 3] {
        let mut counts = [0; 3];
        if let Some(record) = self.record(moment) {
            for key in crate::domain::KeyId::ALL {
                for example in &record.keys.get(key).examples {
                    if let Some(strategy) = example.strategy {
                        let at = Strategy::ALL.iter().position(|s| *s == strategy);
                        if let Some(at) = at {
                            counts[at] += 1;
                        }
                    }
                }
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Agreement;

    fn record(moment: Moment, status: RecordStatus, agreements: Vec<Agreement>) -> MeetingRecord {
        let mut r: MeetingRecord = serde_json::from_value(serde_json::json!({
            "schema_version": 4,
            "status": status,
            "placement": { "id": "x", "student": "Fenna Voorbeeld" },
            "moment": moment,
            "date": "2026-09-10",
            "time": "10:00:00",
            "guide": { "id": "test", "version": 1 },
            "end_of_file": true,
        }))
        .unwrap();
        r.agreements = agreements;
        r
    }

    fn agreement(what: &str, from: Option<Moment>, status: AgreementStatus) -> Agreement {
        Agreement {
            what: what.into(),
            who: Role::Student,
            due: None,
            status,
            carried_from: from,
            note: String::new(),
        }
    }

    #[test]
    fn an_agreement_is_followed_to_the_moments_after_it() {
        let story = Story::new(vec![
            record(
                Moment::Midway,
                RecordStatus::Final,
                vec![
                    agreement("Leerdoelen", Some(Moment::Start), AgreementStatus::Partly),
                    agreement("Rooster", None, AgreementStatus::Open),
                ],
            ),
            record(
                Moment::Start,
                RecordStatus::Final,
                vec![agreement("Leerdoelen", None, AgreementStatus::Open)],
            ),
            record(
                Moment::Final,
                RecordStatus::Final,
                vec![
                    agreement("Leerdoelen", Some(Moment::Start), AgreementStatus::Done),
                    agreement("Rooster", Some(Moment::Midway), AgreementStatus::Dropped),
                ],
            ),
        ]);
        let trails = story.trails();
        assert_eq!(trails.len(), 2, "{trails:?}");
        assert_eq!(trails[0].what, "Leerdoelen");
        assert_eq!(
            trails[0]
                .later
                .iter()
                .map(|(m, s, _)| (*m, *s))
                .collect::<Vec<_>>(),
            [
                (Moment::Midway, AgreementStatus::Partly),
                (Moment::Final, AgreementStatus::Done)
            ]
        );
        assert_eq!(trails[0].now(), AgreementStatus::Done);
        assert_eq!(trails[1].made_at, Moment::Midway);
        assert_eq!(trails[1].now(), AgreementStatus::Dropped);
    }

    #[test]
    fn a_held_record_outranks_a_draft_of_the_same_moment() {
        let story = Story::new(vec![
            record(Moment::Start, RecordStatus::Final, Vec::new()),
            record(Moment::Start, RecordStatus::Draft, Vec::new()),
        ]);
        assert_eq!(
            story.record(Moment::Start).map(|r| r.status),
            Some(RecordStatus::Final)
        );
        let drafted = Story::new(vec![record(
            Moment::Midway,
            RecordStatus::Draft,
            Vec::new(),
        )]);
        assert!(drafted.record(Moment::Midway).is_some());
    }
}
