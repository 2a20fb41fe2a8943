//! Due meetings as an iCalendar file (RFC 5545) that Outlook, Google and Apple Calendar read:
//! one all-day event per meeting on the day it is due, in the interface language. Each event
//! keeps the identity of its placement and moment, so importing a newer file updates the
//! events instead of doubling them.

use chrono::Days;
use icalendar::{Calendar, Component as _, Event, EventLike as _};

use crate::domain::agenda::DueMeeting;
use crate::domain::placement::slug;
use crate::domain::text::capitalised;
use crate::i18n::{Texts, fill};

/// The file name of the agenda in the export folder: always the same, so a new export
/// replaces the last one rather than piling up beside it.
pub fn agenda_file_name(t: &Texts) -> String {
    format!("{}.ics", slug(t.agenda_file_name))
}

/// The calendar holding `meetings`, as text.
pub fn to_icalendar(meetings: &[DueMeeting], t: &Texts) -> String {
    let mut calendar = Calendar::new();
    calendar.name(t.agenda_calendar_name);
    for meeting in meetings {
        calendar.push(event(meeting, t));
    }
    calendar.done().to_string()
}

fn event(meeting: &DueMeeting, t: &Texts) -> Event {
    let moment = capitalised(t.moment_word(meeting.moment));
    let title = fill(
        t.agenda_summary,
        &[&moment, &meeting.student, &meeting.company],
    );
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
            &meeting.student,
            &meeting.company,
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
        .summary(&title)
        .description(&description)
        .starts(meeting.due)
        .ends(next_day)
        // A reminder of a deadline, not an appointment: the day stays free to plan.
        .add_property("TRANSP", "TRANSPARENT")
        .done()
}
