//! Due meetings as an iCalendar file (RFC 5545) that Outlook, Google and Apple Calendar read:
//! one all-day event per meeting on the day it is due, in the interface language. Each event
//! keeps the identity of its placement and moment, so importing a newer file updates the
//! events instead of doubling them.

use chrono::{DateTime, Days, TimeZone as _, Utc};
use icalendar::{Calendar, Component as _, Event, EventLike as _, Property};

use crate::domain::agenda::DueMeeting;
use crate::domain::placement::slug;
use crate::domain::text::{capitalised, printable};
use crate::i18n::{Texts, fill};

/// The file name of the agenda in the export folder: always the same, so a new export
/// replaces the last one rather than piling up beside it.
pub fn agenda_file_name(t: &Texts) -> String {
    format!("{}.ics", slug(t.agenda_file_name))
}

/// The calendar holding `meetings`, as text, as written at `written`.
pub fn to_icalendar(meetings: &[DueMeeting], t: &Texts, written: DateTime<Utc>) -> String {
    // Who made the file, as RFC 5545 asks, rather than the library's name.
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//stagegesprek//stagegesprek//NL"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .name(t.agenda_calendar_name);
    for meeting in meetings {
        calendar.push(event(meeting, t, written));
    }
    calendar.done().to_string()
}

/// A revision number that grows with every later export: calendars (Outlook most of all)
/// take an event with a known identity as an update only when its sequence is higher.
fn sequence(written: DateTime<Utc>) -> u32 {
    let epoch = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single();
    let seconds = epoch.map_or(0, |epoch| (written - epoch).num_seconds());
    u32::try_from(seconds.max(0)).unwrap_or(u32::MAX)
}

fn event(meeting: &DueMeeting, t: &Texts, written: DateTime<Utc>) -> Event {
    let moment = capitalised(t.moment_word(meeting.moment));
    // Names typed or edited by hand may hold control characters: a calendar (or a terminal
    // the file is printed to) shows them, never obeys them.
    let (student, company) = (printable(&meeting.student), printable(&meeting.company));
    let title = fill(t.agenda_summary, &[&moment, &student, &company]);
    let title = if meeting.late {
        fill(t.agenda_summary_late, &[&title])
    } else {
        title
    };
    let when = if meeting.planned {
        t.agenda_planned_on
    } else {
        t.agenda_due_by
    };
    let mut description = fill(
        t.agenda_description,
        &[
            &student,
            &company,
            t.moment_word(meeting.moment),
            &fill(when, &[&t.date(meeting.due)]),
        ],
    );
    if meeting.late {
        description.push('\n');
        description.push_str(t.agenda_late);
    }
    // An all-day event ends (exclusively) the next day; without an end some calendars
    // show nothing at all.
    let next_day = meeting
        .due
        .checked_add_days(Days::new(1))
        .unwrap_or(meeting.due);
    Event::new()
        .uid(&meeting.identity())
        .sequence(sequence(written))
        .timestamp(written)
        .last_modified(written)
        .summary(&title)
        .description(&description)
        .starts(meeting.due)
        .ends(next_day)
        // A reminder of a deadline, not an appointment: the day stays free to plan.
        .add_property("TRANSP", "TRANSPARENT")
        .done()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_export_has_a_higher_sequence() {
        let first = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let later = first + chrono::Duration::seconds(1);
        assert!(sequence(later) > sequence(first));
        assert!(sequence(Utc.with_ymd_and_hms(2100, 1, 1, 0, 0, 0).unwrap()) > sequence(later));
    }
}
