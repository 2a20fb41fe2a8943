//! The meetings a teacher wants in the calendar: every contact moment not held yet that has a
//! day it is due by (planned, or following from the period; see `domain::due`), and whether
//! that day has passed. Only what a calendar may show: who, where, which meeting, when. No
//! note, no concern.

use chrono::NaiveDate;

use super::due::due_date;
use super::guide::Moment;
use super::summary::{MomentState, PlacementSummary};

/// One meeting in the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueMeeting {
    pub placement_id: String,
    pub student: String,
    pub company: String,
    pub moment: Moment,
    /// The day it is due by: the planned day, or the last day the period allows.
    pub due: NaiveDate,
    /// The school planned this day itself (rather than it following from the period).
    pub planned: bool,
    /// The day has passed without the meeting being held.
    pub late: bool,
}

impl DueMeeting {
    /// The same for every export, so a calendar that reads the file again updates the event
    /// instead of adding a second one. Placement ids are unique and never change.
    pub fn identity(&self) -> String {
        format!("{}-{}@stagegesprek", self.placement_id, self.moment.code())
    }
}

/// The meetings of `summaries` that are due or planned, as seen on `today`, in the order of
/// the summaries and then of the moments. A moment held, or whose file cannot be read (so
/// whether it was held is not known), is left out.
pub fn due_meetings(summaries: &[PlacementSummary], today: NaiveDate) -> Vec<DueMeeting> {
    summaries
        .iter()
        .flat_map(|s| {
            Moment::ALL.into_iter().filter_map(move |moment| {
                let open = matches!(
                    s.moments[moment.index()],
                    MomentState::NotHeld | MomentState::Draft
                );
                let due = due_date(&s.placement, moment).filter(|_| open)?;
                Some(DueMeeting {
                    placement_id: s.placement.id.clone(),
                    student: s.placement.student.clone(),
                    company: s.placement.company.clone(),
                    moment,
                    due,
                    planned: s.placement.planned.get(moment).is_some(),
                    late: due < today,
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Placement;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn held_moments_leave_the_calendar_and_passed_days_are_late() {
        let placement = Placement {
            id: "fenna-voorbeeld".into(),
            student: "Fenna Voorbeeld".into(),
            start: Some(day(9, 7)),
            end: Some(day(12, 28)),
            ..Placement::default()
        };
        let mut summary = PlacementSummary::new(placement, &[]);
        summary.moments[Moment::Start.index()] = MomentState::Held;
        let meetings = due_meetings(&[summary], day(11, 20));
        let moments: Vec<_> = meetings.iter().map(|m| (m.moment, m.late)).collect();
        assert_eq!(moments, [(Moment::Midway, true), (Moment::Final, false)]);
        assert_eq!(meetings[1].due, day(12, 28));
        assert_eq!(meetings[1].identity(), "fenna-voorbeeld-final@stagegesprek");
    }
}
