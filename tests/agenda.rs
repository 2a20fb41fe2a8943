//! The due meetings in the calendar: `agenda` and Ctrl+P on the overview write an iCalendar
//! file that a calendar program reads, one all-day event per meeting still to hold, with
//! identities that stay the same so a second import updates rather than doubles.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use common::{app_in, press_shown, screen};
use icalendar::{Calendar, CalendarComponent, Component as _, DatePerhapsTime};
use stagegesprek::demo::write_demo;
use stagegesprek::domain::Moment;
use stagegesprek::domain::due::due_date;
use stagegesprek::domain::summary::MomentState;
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::guides::Guides;
use stagegesprek::store::{Store, today};

/// The six demo placements, written for today.
fn demo(dir: &Path) -> Store {
    let store = Store::open(dir).unwrap();
    let guides = Guides::load(None, Lang::Nl.texts());
    write_demo(&store, guides.for_language(Lang::Nl).unwrap(), 6, today()).unwrap();
    store
}

/// `stagegesprek ARGS` on `data`, with a config that sends exports to `exports`.
fn run(data: &Path, exports: &Path, args: &[&str]) -> Output {
    let config = data.parent().unwrap().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let setting = format!("export_dir: {}\n", exports.display());
    std::fs::write(config.join("config.yaml"), setting).unwrap();
    Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(args)
        .env("STAGEGESPREK_DATA_DIR", data)
        .env("STAGEGESPREK_CONFIG_DIR", &config)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

/// The events of a calendar file by identity: (summary, description, the all-day date).
fn events(text: &str) -> BTreeMap<String, (String, String, chrono::NaiveDate)> {
    let calendar: Calendar = text.parse().unwrap_or_else(|e| panic!("{e}\n{text}"));
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .map(|e| {
            let Some(DatePerhapsTime::Date(day)) = e.get_start() else {
                panic!("not an all-day event: {e:?}");
            };
            (
                e.get_uid().expect("an identity").to_string(),
                (
                    e.get_summary().unwrap_or_default().to_string(),
                    e.get_description().unwrap_or_default().to_string(),
                    day,
                ),
            )
        })
        .collect()
}

#[test]
fn agenda_writes_one_event_per_due_meeting_and_the_same_identities_the_next_time() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let exports = tmp.path().join("exports");
    let store = demo(&data);

    let out = run(&data, &exports, &["agenda"]);
    assert!(out.status.success(), "{out:?}");
    let printed = String::from_utf8(out.stdout).unwrap();
    let path = Path::new(printed.trim_end());
    assert!(
        path.is_absolute() && path.starts_with(&exports),
        "{printed}"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let first = events(&text);

    // One event per meeting not yet held that has a day it is due by, on that day.
    let (summaries, _) = store.summaries();
    let mut due = 0;
    for s in &summaries {
        for moment in Moment::ALL {
            let held = s.moments[moment.index()] == MomentState::Held;
            let uid = format!("{}-{}@stagegesprek", s.placement.id, moment.code());
            match (held, due_date(&s.placement, moment)) {
                (false, Some(day)) => {
                    due += 1;
                    let (summary, description, on) = &first[&uid];
                    assert_eq!(*on, day, "{uid}");
                    assert!(summary.contains(&s.placement.student), "{summary}");
                    assert!(description.contains(&s.placement.company), "{description}");
                }
                _ => assert!(!first.contains_key(&uid), "{uid} is held or not due"),
            }
        }
    }
    assert_eq!(first.len(), due, "{text}");
    assert!(due >= 10, "the demo has many meetings to come: {due}");

    // Daan's start meeting is past its day: the calendar says so, in Dutch.
    let daan = &first["daan-el-amrani-autoservice-kwartelweg-start@stagegesprek"];
    assert!(
        daan.0.starts_with("Te laat – Startgesprek: Daan el Amrani"),
        "{daan:?}"
    );
    // Milan's midway meeting was planned.
    let milan = &first["milan-van-dijkhuis-tuincentrum-de-groene-duim-midway@stagegesprek"];
    assert!(milan.1.contains("Gepland op"), "{milan:?}");
    // Nothing private: not the concern about Liv, not a private note.
    assert!(!text.contains("schoonmaakwerk") && !text.to_lowercase().contains("zorg"));

    // A second export, to a file of the teacher's choosing and in English: the same events.
    let again = tmp.path().join("again.ics");
    let out = run(
        &data,
        &exports,
        &["--lang", "en", "agenda", "-o", again.to_str().unwrap()],
    );
    assert!(out.status.success(), "{out:?}");
    let second = events(&std::fs::read_to_string(&again).unwrap());
    assert_eq!(
        second.keys().collect::<Vec<_>>(),
        first.keys().collect::<Vec<_>>()
    );
    let daan = &second["daan-el-amrani-autoservice-kwartelweg-start@stagegesprek"];
    assert!(daan.0.starts_with("Late – First meeting"), "{daan:?}");
}

#[test]
fn ctrl_p_on_the_overview_writes_the_agenda_and_ctrl_k_copies_its_path() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo(&data);
    let mut app = app_in(&data, Lang::Nl);
    app.export_dir = tmp.path().join("exports");
    press_shown(&mut app, "Ctrl+P");
    let path = tmp.path().join("exports/stagegesprekken-agenda.ics");
    let written = events(&std::fs::read_to_string(&path).unwrap());
    assert!(written.len() >= 10, "{written:?}");
    // The path is on screen, whole, to read or copy.
    let shown: String = screen(&app, 80, 24).lines().map(str::trim).collect();
    let expected = format!("Agenda met {} gesprekken geschreven:", written.len());
    assert!(shown.contains(&expected), "{shown}");
    assert!(shown.contains(path.to_str().unwrap()), "{shown}");
    press_shown(&mut app, "Ctrl+K");
    let (message, _) = app.message.clone().expect("a message");
    assert!(message.contains(path.to_str().unwrap()), "{message}");
}

#[test]
fn names_with_control_characters_reach_neither_the_terminal_nor_the_calendar_raw() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = demo(&data);
    let (mut placement, _) = store.placements();
    let daan = placement
        .iter_mut()
        .find(|p| p.student.starts_with("Daan"))
        .unwrap();
    daan.student = "Ev\u{1b}[2J\u{1b}]0;TITEL\u{7}\u{8}il \u{202e}Kcah".into();
    daan.company = "Co\u{1b}[31mROOD\u{9b}1m".into();
    store.update_placement(daan).unwrap();
    let exports = tmp.path().join("exports");
    let out = run(&data, &exports, &["agenda", "-o", "-"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    for raw in ['\u{1b}', '\u{7}', '\u{8}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(raw), "{raw:?} written raw:\n{text}");
    }
    // Still a calendar, and the names are there, shown rather than obeyed.
    let events = events(&text);
    assert!(
        events
            .values()
            .any(|(summary, _, _)| summary.contains("Ev") && summary.contains("TITEL")),
        "{text}"
    );
}
