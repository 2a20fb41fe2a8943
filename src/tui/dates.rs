//! Dates and times as people type and read them in the interface.
// TODO(merge): delegate to crate::domain::dates once it lands.

use chrono::{NaiveDate, NaiveTime};

use crate::i18n::Texts;

/// An optional date as typed; empty is none.
pub fn parse_date(text: &str, _today: NaiveDate) -> Result<Option<NaiveDate>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

pub fn parse_time(text: &str) -> Result<NaiveTime, ()> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| ())
}

pub fn parse_minutes(text: &str) -> Result<u32, ()> {
    text.trim().parse().map_err(|_| ())
}

pub fn show_date(_t: &Texts, date: NaiveDate) -> String {
    date.to_string()
}
