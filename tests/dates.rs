//! Dates, times and durations as teachers type them.

use chrono::{NaiveDate, NaiveTime};
use stagegesprek::domain::dates::{DateProblem, parse_date, parse_duration_minutes, parse_time};
use stagegesprek::i18n::{EN, NL};

/// A fixed "today": Wednesday 16 September 2026.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 16).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    Some(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn check(cases: &[(&str, Option<NaiveDate>)]) {
    for (typed, expected) in cases {
        assert_eq!(parse_date(typed, today()), Ok(*expected), "typed {typed:?}");
    }
}

#[test]
fn dutch_numeric_forms() {
    check(&[
        ("4-12-2026", day(2026, 12, 4)),
        ("04-12-2026", day(2026, 12, 4)),
        ("4/12/2026", day(2026, 12, 4)),
        ("4.12.2026", day(2026, 12, 4)),
        ("31-1-2027", day(2027, 1, 31)),
        ("2026-12-04", day(2026, 12, 4)),
        ("4-12", day(2026, 12, 4)),
        ("1/3", day(2026, 3, 1)),
    ]);
}

#[test]
fn two_digit_years_are_this_century() {
    check(&[
        ("4-12-26", day(2026, 12, 4)),
        ("1-2-27", day(2027, 2, 1)),
        ("4 dec 26", day(2026, 12, 4)),
    ]);
}

#[test]
fn dutch_month_names_and_abbreviations() {
    check(&[
        ("4 dec", day(2026, 12, 4)),
        ("4 dec 2026", day(2026, 12, 4)),
        ("4 december 2026", day(2026, 12, 4)),
        ("4 dec. 2026", day(2026, 12, 4)),
        ("1 jan 2027", day(2027, 1, 1)),
        ("2 feb", day(2026, 2, 2)),
        ("3 mrt 2027", day(2027, 3, 3)),
        ("3 maart 2027", day(2027, 3, 3)),
        ("9 apr", day(2026, 4, 9)),
        ("5 mei", day(2026, 5, 5)),
        ("6 jun", day(2026, 6, 6)),
        ("7 juli", day(2026, 7, 7)),
        ("8 aug", day(2026, 8, 8)),
        ("9 sep", day(2026, 9, 9)),
        ("9 sept.", day(2026, 9, 9)),
        ("10 okt", day(2026, 10, 10)),
        ("11 nov", day(2026, 11, 11)),
    ]);
}

#[test]
fn english_month_names() {
    check(&[
        ("3 mar 2027", day(2027, 3, 3)),
        ("5 may", day(2026, 5, 5)),
        ("10 oct 2026", day(2026, 10, 10)),
        ("10 October 2026", day(2026, 10, 10)),
        ("1 June", day(2026, 6, 1)),
    ]);
}

#[test]
fn words_count_from_today() {
    check(&[
        ("vandaag", day(2026, 9, 16)),
        ("morgen", day(2026, 9, 17)),
        ("overmorgen", day(2026, 9, 18)),
        ("gisteren", day(2026, 9, 15)),
        ("today", day(2026, 9, 16)),
        ("tomorrow", day(2026, 9, 17)),
        ("yesterday", day(2026, 9, 15)),
        ("Morgen", day(2026, 9, 17)),
    ]);
}

#[test]
fn case_and_spaces_do_not_matter() {
    check(&[
        ("  4-12-2026  ", day(2026, 12, 4)),
        ("4 - 12 - 2026", day(2026, 12, 4)),
        ("4   DEC   2026", day(2026, 12, 4)),
        ("\t4 December\n", day(2026, 12, 4)),
        ("", None),
        ("   ", None),
    ]);
}

#[test]
fn days_that_do_not_exist_are_refused() {
    for typed in [
        "31-2-2026",
        "29-2-2025",
        "30 feb",
        "31-4-2026",
        "0-1-2026",
        "1-13-2026",
    ] {
        assert_eq!(
            parse_date(typed, today()),
            Err(DateProblem::NoSuchDay),
            "{typed}"
        );
    }
}

#[test]
fn leap_days_exist_in_leap_years_only() {
    check(&[
        ("29-2-2028", day(2028, 2, 29)),
        ("29 feb 2028", day(2028, 2, 29)),
    ]);
    assert_eq!(
        parse_date("29-2-2027", today()),
        Err(DateProblem::NoSuchDay)
    );
    // 29-2 without a year is this year's, and 2026 has none.
    assert_eq!(parse_date("29-2", today()), Err(DateProblem::NoSuchDay));
}

#[test]
fn text_that_is_no_date_is_refused() {
    for typed in [
        "volgende week",
        "4 decembre 2026",
        "4-12-202",
        "12/4/2026/1",
        "2026",
        "dec 4",
        "4-dec-",
    ] {
        assert_eq!(
            parse_date(typed, today()),
            Err(DateProblem::NotADate),
            "{typed}"
        );
    }
}

#[test]
fn times_as_people_write_them() {
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    for (typed, expected) in [
        ("9:30", at(9, 30)),
        ("09.30", at(9, 30)),
        ("9u30", at(9, 30)),
        ("9 uur", at(9, 0)),
        ("14", at(14, 0)),
        (" 14:05 ", at(14, 5)),
    ] {
        assert_eq!(parse_time(typed), Ok(expected), "{typed}");
    }
    assert_eq!(parse_time("25:00"), Err(DateProblem::NoSuchTime));
    assert_eq!(parse_time("9:75"), Err(DateProblem::NoSuchTime));
    assert_eq!(parse_time("half tien"), Err(DateProblem::NotATime));
    assert_eq!(parse_time(""), Err(DateProblem::NotATime));
}

#[test]
fn durations_in_minutes() {
    for (typed, expected) in [
        ("45", 45),
        ("45 min", 45),
        ("45 minuten", 45),
        ("1:15", 75),
        ("1u15", 75),
        ("1 uur", 60),
        ("1,5 uur", 90),
        ("1.5 uur", 90),
        ("2 uur", 120),
    ] {
        assert_eq!(parse_duration_minutes(typed), Ok(expected), "{typed}");
    }
    for typed in ["", "lang", "1:75", "-5"] {
        assert_eq!(
            parse_duration_minutes(typed),
            Err(DateProblem::NotADuration),
            "{typed}"
        );
    }
}

#[test]
fn dates_are_shown_as_each_language_writes_them() {
    let d = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    assert_eq!(NL.date(d), "4-12-2026");
    assert_eq!(EN.date(d), "4 Dec 2026");
    assert_eq!(NL.weekday_date(d), "vr 4-12-2026");
    assert_eq!(EN.weekday_date(d), "Fri 4 Dec 2026");
    // What is shown reads back as the same day.
    assert_eq!(parse_date(&NL.date(d), today()), Ok(Some(d)));
    assert_eq!(parse_date(&EN.date(d), today()), Ok(Some(d)));
}
