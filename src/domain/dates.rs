//! Dates, times and durations as people type them: the way Dutch people write them
//! (`4-12-2026`, `4 dec`, `morgen`) as well as ISO and English. Pure: the caller passes
//! today's date, and turns a problem into words through the translation table.

use chrono::{Datelike as _, NaiveDate, NaiveTime};

/// Why typed text is not a date, a time or a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateProblem {
    /// Not written in any shape that is read as a date.
    NotADate,
    /// Shaped like a date, but that day does not exist (31-2-2026, 29-2-2025, month 13).
    NoSuchDay,
    /// Not written in any shape that is read as a time of day.
    NotATime,
    /// Shaped like a time, but no such time exists (25:00, 9:75).
    NoSuchTime,
    /// Not written in any shape that is read as a length of time.
    NotADuration,
}

/// Reads a date as typed. Empty text is no date. Accepted, case and spaces not mattering:
/// `2026-12-04`; `4-12-2026`, `4/12/2026`, `4.12.2026`, `04-12-2026`; two-digit years
/// (`4-12-26` is 2026); day and month alone (`4-12`, `4 dec`: this year, the year of
/// `today`); `4 dec 2026`, `4 december 2026`, `4 dec. 2026` with Dutch or English month names;
/// and the words `vandaag`, `morgen`, `overmorgen`, `gisteren`, `eergisteren`, `today`,
/// `tomorrow`, `yesterday`.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, DateProblem> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(offset) = relative_day(&text) {
        return today
            .checked_add_signed(chrono::Duration::days(offset))
            .map(Some)
            .ok_or(DateProblem::NoSuchDay);
    }
    let (day, month, year) = numeric_date(&text)
        .or_else(|| written_date(&text))
        .ok_or(DateProblem::NotADate)?;
    let year = match year {
        None => today.year(),
        Some(y) => y,
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or(DateProblem::NoSuchDay)
}

/// Days from today for the words people use.
fn relative_day(text: &str) -> Option<i64> {
    match text {
        "vandaag" | "today" => Some(0),
        "morgen" | "tomorrow" => Some(1),
        "overmorgen" => Some(2),
        "gisteren" | "yesterday" => Some(-1),
        "eergisteren" => Some(-2),
        _ => None,
    }
}

/// A number of one or more ASCII digits, nothing else.
fn number(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A year as typed: two digits are this century, four are as written.
fn year(text: &str) -> Option<i32> {
    let value = i32::try_from(number(text)?).ok()?;
    match text.len() {
        2 => Some(2000 + value),
        4 => Some(value),
        _ => None,
    }
}

/// `2026-12-04`, or day-month[-year] with `-`, `/` or `.` between the parts.
fn numeric_date(text: &str) -> Option<(u32, u32, Option<i32>)> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let separator = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = text.split(separator).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && separator == '-' => {
            Some((day_number(d)?, day_number(m)?, Some(year(y)?)))
        }
        [d, m] => Some((day_number(d)?, day_number(m)?, None)),
        [d, m, y] => Some((day_number(d)?, day_number(m)?, Some(year(y)?))),
        _ => None,
    }
}

/// A day or month number: one or two digits.
fn day_number(text: &str) -> Option<u32> {
    (text.len() <= 2).then(|| number(text)).flatten()
}

/// `4 dec`, `4 dec 2026`, `4 december 2026`, `4 dec. 2026`.
fn written_date(text: &str) -> Option<(u32, u32, Option<i32>)> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (day, month, year_text) = match words.as_slice() {
        [d, m] => (d, m, None),
        [d, m, y] => (d, m, Some(y)),
        _ => return None,
    };
    let day = day_number(day)?;
    let month = month_number(month.trim_end_matches('.'))?;
    let year = match year_text {
        Some(y) => Some(year(y)?),
        None => None,
    };
    Some((day, month, year))
}

/// Dutch and English month names and their usual abbreviations.
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["jan", "januari", "january"],
        &["feb", "febr", "februari", "february"],
        &["mrt", "maa", "maart", "mar", "march"],
        &["apr", "april"],
        &["mei", "may"],
        &["jun", "juni", "june"],
        &["jul", "juli", "july"],
        &["aug", "augustus", "august"],
        &["sep", "sept", "september"],
        &["okt", "oktober", "oct", "october"],
        &["nov", "november"],
        &["dec", "december"],
    ];
    (1..)
        .zip(MONTHS)
        .find(|(_, names)| names.contains(&name))
        .map(|(n, _)| n)
}

/// Reads a time of day: `9:30`, `09.30`, `9u30`, `9 uur`, `9u`, `14`, `14:00 uur`.
pub fn parse_time(text: &str) -> Result<NaiveTime, DateProblem> {
    let text: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let text = text
        .strip_suffix("uur")
        .or_else(|| text.strip_suffix('u'))
        .or_else(|| text.strip_suffix('h'))
        .unwrap_or(&text);
    let (hour, minute) = match text.split_once([':', '.', 'u', 'h']) {
        Some((h, m)) => (h, m),
        None => (text, "0"),
    };
    let (Some(hour), Some(minute)) = (day_number(hour), day_number(minute)) else {
        return Err(DateProblem::NotATime);
    };
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or(DateProblem::NoSuchTime)
}

/// Reads a length of time in minutes: `45`, `45 min`, `45 minuten`, `1:15`, `1u15`,
/// `1 uur`, `1,5 uur`, `1.5 uur`, `1 uur 15`, `1h`.
pub fn parse_duration_minutes(text: &str) -> Result<u32, DateProblem> {
    let text: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    duration(&text).ok_or(DateProblem::NotADuration)
}

fn duration(text: &str) -> Option<u32> {
    let text = &text.replace("uur", "u");
    for unit in ["minuten", "minuut", "minutes", "minute", "mins", "min", "m"] {
        if let Some(minutes) = text.strip_suffix(unit) {
            return whole(minutes);
        }
    }
    for unit in ["uren", "uur", "hours", "hour", "u", "h"] {
        if let Some(hours) = text.strip_suffix(unit) {
            return hours_as_minutes(hours);
        }
    }
    if let Some((hours, minutes)) = text.split_once([':', 'u', 'h']) {
        let minutes = minutes
            .strip_suffix("min")
            .or_else(|| minutes.strip_suffix('m'))
            .unwrap_or(minutes);
        let minutes = day_number(minutes).filter(|m| *m < 60)?;
        return whole(hours)?.checked_mul(60)?.checked_add(minutes);
    }
    whole(text)
}

/// Whole minutes: digits only, at most four of them.
fn whole(text: &str) -> Option<u32> {
    number(text)
}

/// `1`, `1,5` or `1.5` hours in minutes, rounded to the nearest minute.
fn hours_as_minutes(text: &str) -> Option<u32> {
    match text.split_once([',', '.']) {
        None => whole(text)?.checked_mul(60),
        Some((hours, fraction)) => {
            let digits = u32::try_from(fraction.len())
                .ok()
                .filter(|n| (1..=2).contains(n))?;
            let fraction = number(fraction)?;
            let scale = 10u32.pow(digits);
            let minutes = (fraction * 60 + scale / 2) / scale;
            whole(hours)?.checked_mul(60)?.checked_add(minutes)
        }
    }
}
