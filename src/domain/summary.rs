//! What a reviewer wants to know about a placement at a glance: which moments were held and
//! where, whether one was on site (the Stagepact asks for at least one), which meeting is
//! next and when it is due, whether preparations came in, and what is still open.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::due::due_date;
use super::guide::Moment;
use super::placement::Placement;
use super::record::{MeetingRecord, Place, RecordStatus, Role};

/// The state of one contact moment of a placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MomentState {
    NotHeld,
    Draft,
    Held,
    /// A file of this moment cannot be read; it needs attention before anything else.
    Damaged,
    /// A file of this moment was written by a newer version; it is left alone.
    Newer,
}

impl MomentState {
    /// Held here, or by a newer version of the program.
    pub fn counts_as_held(self) -> bool {
        matches!(self, Self::Held | Self::Newer)
    }
}

/// Serialised only into the index, a cache over the files (`store::index`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacementSummary {
    /// Boxed, so that a screen holding a summary stays small.
    pub placement: Box<Placement>,
    /// Indexed by `Moment::index`.
    pub moments: [MomentState; 3],
    pub open_agreements: usize,
    /// Where each held meeting took place, indexed by `Moment::index`; none when not held.
    pub places: [Option<Place>; 3],
    /// At least one held meeting took place on site, as the Stagepact requires.
    pub on_site_held: bool,
    /// When the next meeting (`next_moment`) is due; none when all are held or nothing
    /// follows from the placement's plan or period (see `domain::due`).
    pub next_due: Option<NaiveDate>,
    /// The next meeting is past its due date on the day the summary was made.
    pub overdue: bool,
    /// Who sent in a preparation for the next meeting, trainer first; the store fills it in.
    pub prepared: Vec<Role>,
    /// Whose preparation for the next meeting is there but cannot be read (cut off, from
    /// elsewhere); left out of `prepared`, and the moment is marked damaged.
    pub preparation_damaged: Vec<Role>,
    /// A record or draft of the placement carries a private concern.
    pub concern: bool,
    /// The date of each moment's record or draft, where there is one.
    pub dates: [Option<NaiveDate>; 3],
    /// A file of the placement was changed here and by a colleague: both versions wait for
    /// a teacher's choice (see `team`).
    #[serde(default)]
    pub two_versions: bool,
}

impl PlacementSummary {
    /// `records` are whatever records and drafts exist for the placement, in any order. No
    /// day is known, so nothing counts as overdue; see `on`.
    pub fn new(placement: impl Into<Box<Placement>>, records: &[MeetingRecord]) -> Self {
        let mut moments = [MomentState::NotHeld; 3];
        let mut places = [None; 3];
        let mut dates = [None; 3];
        for record in records {
            dates[record.moment.index()] = Some(record.date);
            let state = match record.status {
                RecordStatus::Final => MomentState::Held,
                RecordStatus::Draft => MomentState::Draft,
            };
            let slot = &mut moments[record.moment.index()];
            if *slot == MomentState::NotHeld || *slot == MomentState::Draft {
                *slot = state;
            }
            if record.status == RecordStatus::Final {
                places[record.moment.index()] = Some(record.place);
            }
        }
        let open_agreements = latest_held(records).map_or(0, MeetingRecord::open_agreements);
        let concern = records
            .iter()
            .any(|r| r.concern.as_ref().is_some_and(|c| !c.is_empty()));
        let mut summary = Self {
            placement: placement.into(),
            moments,
            open_agreements,
            places,
            on_site_held: places.contains(&Some(Place::OnSite)),
            next_due: None,
            overdue: false,
            prepared: Vec::new(),
            preparation_damaged: Vec::new(),
            concern,
            dates,
            two_versions: false,
        };
        summary.next_due = summary
            .next_moment()
            .and_then(|m| due_date(&summary.placement, m));
        summary
    }

    /// As `new`, with the next meeting overdue when its due date is before `today`.
    pub fn on(
        placement: impl Into<Box<Placement>>,
        records: &[MeetingRecord],
        today: NaiveDate,
    ) -> Self {
        let mut summary = Self::new(placement, records);
        summary.set_today(today);
        summary
    }

    /// Works out again which meeting is next, by when, and whether it is overdue as seen on
    /// `today`: after `mark`, the next meeting may be another one.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.next_due = self
            .next_moment()
            .and_then(|m| due_date(&self.placement, m));
        self.overdue = self.next_due.is_some_and(|due| due < today);
    }

    /// Marks a moment whose files could not be used; damage outranks everything else.
    pub fn mark(&mut self, moment: Moment, state: MomentState) {
        let slot = &mut self.moments[moment.index()];
        if *slot != MomentState::Damaged {
            *slot = state;
        }
    }

    /// No meeting was held on site and at most the final one is left: the last chance to
    /// visit the workplace, or it was missed.
    pub fn on_site_at_risk(&self) -> bool {
        !self.on_site_held && matches!(self.next_moment(), Some(Moment::Final) | None)
    }

    pub fn moments_held(&self) -> usize {
        self.moments.iter().filter(|m| m.counts_as_held()).count()
    }

    /// The first moment that has not been held, the natural one to pick next. A record a
    /// newer version wrote counts as held: this version cannot read it, but it is there.
    pub fn next_moment(&self) -> Option<Moment> {
        Moment::ALL
            .into_iter()
            .find(|m| !self.moments[m.index()].counts_as_held())
    }
}

/// The most recent final record: its agreements are the ones that are still open.
pub fn latest_held(records: &[MeetingRecord]) -> Option<&MeetingRecord> {
    records
        .iter()
        .filter(|r| r.status == RecordStatus::Final)
        .max_by_key(|r| r.moment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Planned;
    use crate::domain::record::{Concern, ConcernKind};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn placement() -> Placement {
        Placement {
            id: "fenna-voorbeeld".into(),
            student: "Fenna Voorbeeld".into(),
            start: Some(day(9, 7)),
            end: Some(day(12, 28)),
            ..Placement::default()
        }
    }

    /// A record as a file would hold it, with only the fields that matter here.
    fn record(moment: Moment, status: RecordStatus, place: Place) -> MeetingRecord {
        serde_json::from_value(serde_json::json!({
            "schema_version": 3,
            "status": status,
            "placement": placement(),
            "moment": moment,
            "date": "2026-09-10",
            "time": "10:00:00",
            "place": place,
            "guide": { "id": "test", "version": 1 },
            "end_of_file": true,
        }))
        .unwrap()
    }

    #[test]
    fn nothing_held_and_past_the_first_weeks_is_overdue() {
        // 16 weeks from 7-9: the start meeting is due three weeks in, on 28-9.
        let s = PlacementSummary::on(placement(), &[], day(9, 28));
        assert_eq!(s.next_moment(), Some(Moment::Start));
        assert_eq!(s.next_due, Some(day(9, 28)));
        assert!(!s.overdue, "due today is not late yet");
        let s = PlacementSummary::on(placement(), &[], day(9, 29));
        assert!(s.overdue);
        assert!(!s.on_site_held && !s.on_site_at_risk());
        assert!(!s.concern);
    }

    #[test]
    fn places_on_site_and_the_next_due_date_follow_the_held_meetings() {
        let records = [
            record(Moment::Start, RecordStatus::Final, Place::Online),
            record(Moment::Midway, RecordStatus::Final, Place::AtSchool),
        ];
        let s = PlacementSummary::on(placement(), &records, day(10, 1));
        assert_eq!(s.places, [Some(Place::Online), Some(Place::AtSchool), None]);
        assert!(!s.on_site_held);
        assert!(s.on_site_at_risk(), "only the final is left for a visit");
        assert_eq!(s.next_moment(), Some(Moment::Final));
        assert_eq!(s.next_due, Some(day(12, 28)));
        assert!(!s.overdue);

        // A draft does not count as held, nor as a visit.
        let records = [
            record(Moment::Start, RecordStatus::Final, Place::OnSite),
            record(Moment::Midway, RecordStatus::Draft, Place::OnSite),
        ];
        let s = PlacementSummary::on(placement(), &records, day(10, 1));
        assert!(s.on_site_held && !s.on_site_at_risk());
        assert_eq!(s.places[Moment::Midway.index()], None);
        assert_eq!(s.next_moment(), Some(Moment::Midway));
        // 16 weeks: the middle is 2-11, the midway meeting due two weeks later.
        assert_eq!(s.next_due, Some(day(11, 16)));
    }

    #[test]
    fn all_held_nothing_is_next_or_overdue() {
        let records = Moment::ALL.map(|m| record(m, RecordStatus::Final, Place::OnSite));
        let s = PlacementSummary::on(placement(), &records, day(12, 31));
        assert_eq!(s.next_moment(), None);
        assert_eq!(s.next_due, None);
        assert!(!s.overdue);
    }

    #[test]
    fn a_planned_date_sets_when_the_next_meeting_is_due() {
        let mut p = placement();
        p.planned = Planned {
            start: Some(day(10, 5)),
            ..Planned::default()
        };
        let s = PlacementSummary::on(p, &[], day(10, 1));
        assert_eq!(s.next_due, Some(day(10, 5)));
        assert!(!s.overdue);
    }

    #[test]
    fn a_concern_in_any_record_marks_the_placement_and_an_empty_one_does_not() {
        let mut draft = record(Moment::Midway, RecordStatus::Draft, Place::OnSite);
        draft.concern = Some(Concern::default());
        let s = PlacementSummary::new(placement(), std::slice::from_ref(&draft));
        assert!(!s.concern);
        draft.concern = Some(Concern {
            kinds: vec![ConcernKind::UnfitWork],
            note: String::new(),
        });
        let s = PlacementSummary::new(placement(), &[draft]);
        assert!(s.concern);
    }
}
