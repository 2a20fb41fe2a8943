//! When each contact moment is due, so the overview can tell a teacher which visit comes next
//! and which one is late.
//!
//! The rule, for a placement that runs from `start` to `end` (length `L` days):
//!
//! - a date the school planned itself (`Placement::planned`) always wins;
//! - **start**: within the first weeks, due by `start` + 3 weeks, but no later than a quarter of
//!   the way in (`start` + `L`/4), so a short placement starts with its start meeting;
//! - **midway**: around the middle, due by the midpoint + 2 weeks, but no later than three
//!   quarters of the way in (midpoint + `L`/4); it is never due before the midpoint;
//! - **final**: near the end, due by the `end` date.
//!
//! With only a start date, only the start meeting has a due date (`start` + 3 weeks); with only
//! an end date, only the final meeting has one (`end`). Without a period and without a plan,
//! nothing is due. A period that ends before it starts is not used. Dates are whole days, so
//! leap years need nothing special.

use chrono::{Duration, NaiveDate};

use super::guide::Moment;
use super::placement::Placement;

/// How long after the start the start meeting may wait, at most.
const START_WITHIN: Duration = Duration::weeks(3);
/// How long after the midpoint the midway meeting may wait, at most.
const MIDWAY_WITHIN: Duration = Duration::weeks(2);

/// The day by which `moment` of `placement` should be held, if one follows from its plan or
/// its period (see the module documentation for the rule).
pub fn due_date(placement: &Placement, moment: Moment) -> Option<NaiveDate> {
    if let Some(planned) = placement.planned.get(moment) {
        return Some(planned);
    }
    let period = match (placement.start, placement.end) {
        (Some(start), Some(end)) if end < start => return None,
        (start, end) => (start, end),
    };
    match (moment, period) {
        (Moment::Start, (Some(start), None)) => start.checked_add_signed(START_WITHIN),
        (Moment::Start, (Some(start), Some(end))) => {
            let quarter = (end - start) / 4;
            start.checked_add_signed(START_WITHIN.min(quarter))
        }
        (Moment::Midway, (Some(start), Some(end))) => {
            let length = end - start;
            let midpoint = start.checked_add_signed(length / 2)?;
            midpoint.checked_add_signed(MIDWAY_WITHIN.min(length / 4))
        }
        (Moment::Final, (_, Some(end))) => Some(end),
        _ => None,
    }
}

/// The due dates of all three moments, indexed by `Moment::index`.
pub fn due_dates(placement: &Placement) -> [Option<NaiveDate>; 3] {
    Moment::ALL.map(|m| due_date(placement, m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Planned;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn placement(start: Option<NaiveDate>, end: Option<NaiveDate>, planned: Planned) -> Placement {
        Placement {
            student: "Fenna Voorbeeld".into(),
            start,
            end,
            planned,
            ..Placement::default()
        }
    }

    #[test]
    fn due_dates_follow_the_period_unless_planned() {
        let none = Planned::default();
        // (what the placement says, expected start, midway, final)
        let cases = [
            // 40 weeks from 31-8-2026: start within 3 weeks, midway 2 weeks after the middle.
            (
                placement(Some(day(2026, 8, 31)), Some(day(2027, 6, 7)), none),
                [
                    Some(day(2026, 9, 21)),
                    Some(day(2027, 2, 1)),
                    Some(day(2027, 6, 7)),
                ],
            ),
            // 4 weeks: a quarter of the way in is sooner than 3 weeks; midway a week after
            // the middle.
            (
                placement(Some(day(2026, 9, 7)), Some(day(2026, 10, 5)), none),
                [
                    Some(day(2026, 9, 14)),
                    Some(day(2026, 9, 28)),
                    Some(day(2026, 10, 5)),
                ],
            ),
            // Only a start: only the start meeting is due.
            (
                placement(Some(day(2026, 9, 7)), None, none),
                [Some(day(2026, 9, 28)), None, None],
            ),
            // Only an end: only the final meeting is due.
            (
                placement(None, Some(day(2027, 1, 29)), none),
                [None, None, Some(day(2027, 1, 29))],
            ),
            // No period, no plan: nothing is due.
            (placement(None, None, none), [None, None, None]),
            // A planned date wins; the others still follow from the period.
            (
                placement(
                    Some(day(2026, 8, 31)),
                    Some(day(2027, 6, 7)),
                    Planned {
                        midway: Some(day(2027, 1, 12)),
                        ..Planned::default()
                    },
                ),
                [
                    Some(day(2026, 9, 21)),
                    Some(day(2027, 1, 12)),
                    Some(day(2027, 6, 7)),
                ],
            ),
            // Planned dates without any period.
            (
                placement(
                    None,
                    None,
                    Planned {
                        start: Some(day(2026, 9, 10)),
                        midway: None,
                        final_: Some(day(2026, 12, 18)),
                    },
                ),
                [Some(day(2026, 9, 10)), None, Some(day(2026, 12, 18))],
            ),
            // Leap year: three weeks from 8-2-2028 is 29-2-2028.
            (
                placement(Some(day(2028, 2, 8)), None, none),
                [Some(day(2028, 2, 29)), None, None],
            ),
            // Leap year, 20 weeks over February: the middle counts the 29th.
            (
                placement(Some(day(2028, 1, 3)), Some(day(2028, 5, 22)), none),
                [
                    Some(day(2028, 1, 24)),
                    Some(day(2028, 3, 27)),
                    Some(day(2028, 5, 22)),
                ],
            ),
            // A one-day placement: everything on that day.
            (
                placement(Some(day(2026, 9, 7)), Some(day(2026, 9, 7)), none),
                [
                    Some(day(2026, 9, 7)),
                    Some(day(2026, 9, 7)),
                    Some(day(2026, 9, 7)),
                ],
            ),
            // A period that ends before it starts is not used.
            (
                placement(Some(day(2026, 9, 7)), Some(day(2026, 9, 1)), none),
                [None, None, None],
            ),
        ];
        for (p, expected) in cases {
            assert_eq!(due_dates(&p), expected, "{:?} – {:?}", p.start, p.end);
        }
    }

    #[test]
    fn the_midway_meeting_is_never_due_before_the_middle_nor_after_the_end() {
        let start = day(2026, 8, 31);
        for weeks in 1..=52 {
            let end = start + Duration::weeks(weeks);
            let p = placement(Some(start), Some(end), Planned::default());
            let [first, midway, last] = due_dates(&p).map(Option::unwrap);
            let midpoint = start + (end - start) / 2;
            assert!(first <= midpoint, "{weeks} weeks");
            assert!(midpoint <= midway && midway <= last, "{weeks} weeks");
            assert_eq!(last, end);
        }
    }
}
