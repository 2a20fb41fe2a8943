//! Dates, times and durations as people type and read them in the interface: read by the
//! domain's forgiving parser, shown the way the interface's language writes them. A value
//! that cannot be read is told with an example of what can (see the callers).

use chrono::{NaiveDate, NaiveTime};

use crate::domain::dates;
use crate::i18n::Texts;

/// An optional date as typed (`4-12-2026`, `4 dec`, `morgen`, ISO); empty is none.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, ()> {
    dates::parse_date(text, today).map_err(|_| ())
}

pub fn parse_time(text: &str) -> Result<NaiveTime, ()> {
    dates::parse_time(text).map_err(|_| ())
}

pub fn parse_minutes(text: &str) -> Result<u32, ()> {
    dates::parse_duration_minutes(text).map_err(|_| ())
}

pub fn show_date(t: &Texts, date: NaiveDate) -> String {
    t.date(date)
}
