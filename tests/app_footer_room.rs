//! The footer shows the keys that do something where the teacher is, and never loses the two
//! a lost user needs; the box above the notes scrolls through every line; a small window
//! still shows what the trainer prepared.

mod common;

use chrono::NaiveDate;
use common::*;
use stagegesprek::domain::{
    KeyId, MeetingRecord, Moment, Placement, PrepQuestion, Preparation, Role,
};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;
use stagegesprek::store::guides::Guides;
use stagegesprek::tui::App;

const LINES: usize = 12;

/// A placement with a held start whose key 3 says twelve lines, and a midway draft with the
/// trainer's prepared judgement; returns its id.
fn placement(dir: &std::path::Path) -> String {
    let store = Store::open(dir).unwrap();
    let placement = store
        .create_placement(Placement {
            student: "Joris Schuifregel".into(),
            company: "Houtwerkplaats De Krul".into(),
            ..Placement::default()
        })
        .unwrap();
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let at = |day| {
        NaiveDate::from_ymd_opt(2026, 9, day)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    };
    let mut start = MeetingRecord::new(&placement, Moment::Start, guide, at(1), None);
    start.keys.get_mut(KeyId::TrainerJudgement).notes = (1..=LINES)
        .map(|n| format!("Regel {n} van toen"))
        .collect::<Vec<_>>()
        .join("\n");
    start.finish(&[Role::Student], at(1));
    store
        .save_final(&placement.id, Moment::Start, &start)
        .unwrap();
    let mut midway = MeetingRecord::new(&placement, Moment::Midway, guide, at(20), None);
    midway.trainer_preparation = Some(Preparation {
        prepared_on: NaiveDate::from_ymd_opt(2026, 9, 18),
        ..Preparation::answering([
            (PrepQuestion::Grown, "Schaaft heel precies."),
            (PrepQuestion::GrownExample, "Maakte zelf een zwaluwstaart"),
        ])
    });
    midway.student_preparation = Some(Preparation {
        prepared_on: NaiveDate::from_ymd_opt(2026, 9, 19),
        ..Preparation::answering([(PrepQuestion::Learned, "Ik meet nu twee keer.")])
    });
    store
        .save_draft(&placement.id, Moment::Midway, &midway)
        .unwrap();
    placement.id
}

fn at_key_3(dir: &std::path::Path, size: (u16, u16)) -> App {
    let id = placement(dir);
    let mut app = app_in(dir, Lang::Nl);
    app.viewport = Some(size);
    app.open_meeting(&id, Moment::Midway);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '3');
    app
}

/// The title of the box above the notes, as shown at `width`×`height`.
fn panel_title(app: &App, width: u16, height: u16) -> String {
    screen(app, width, height)
        .lines()
        .find(|l| l.contains("Vorige keer (") || l.contains("Vragen ("))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn page_down_over_last_time_shows_every_line() {
    for (width, height) in [(80, 24), (60, 20)] {
        let tmp = tempfile::tempdir().unwrap();
        let mut app = at_key_3(tmp.path(), (width, height));
        let first = panel_title(&app, width, height);
        assert!(first.contains("Vorige keer (1–"), "{first}");
        let mut seen = vec![];
        for _ in 0..20 {
            let shown = screen(&app, width, height);
            for n in 1..=LINES {
                let line = format!("Regel {n} van toen");
                if shown.contains(&line) && !seen.contains(&line) {
                    seen.push(line);
                }
            }
            if !footer_at(&app, width, height).contains("PgDn") {
                break;
            }
            press_shown_at(&mut app, width, height);
        }
        assert_eq!(
            seen.len(),
            LINES,
            "at {width}×{height} lines never shown: {seen:?}"
        );
    }
}

/// PgDn, once the footer at this size shows it.
fn press_shown_at(app: &mut App, width: u16, height: u16) {
    assert!(footer_at(app, width, height).contains("PgDn"));
    press(app, ratatui::crossterm::event::KeyCode::PageDown);
}

#[test]
fn page_keys_are_offered_only_when_the_box_hides_something() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = at_key_3(tmp.path(), (120, 60));
    assert!(!panel_title(&app, 120, 60).contains("van"), "all in view");
    let shown = screen(&app, 120, 60);
    let footer: Vec<&str> = shown.lines().rev().take(3).collect();
    assert!(
        !footer.iter().any(|l| l.contains("PgDn")),
        "PgDn offered with nothing hidden: {footer:?}"
    );
    // Switching to what is not shown is offered, under its own name.
    assert!(footer.iter().any(|l| l.contains("Ctrl+L")), "{footer:?}");
    app.viewport = Some((80, 24));
    assert!(footer_at(&app, 80, 24).contains("PgDn"));
}

fn footer_at(app: &App, width: u16, height: u16) -> String {
    let shown = screen(app, width, height);
    let lines: Vec<&str> = shown.lines().collect();
    lines[lines.len() - 3..].join("\n")
}

#[test]
fn in_a_60_by_20_window_esc_and_f1_stay_and_the_trainers_judgement_shows() {
    let tmp = tempfile::tempdir().unwrap();
    let app = at_key_3(tmp.path(), (60, 20));
    let shown = screen(&app, 60, 20);
    assert!(shown.contains("Schaaft heel"), "{shown}");
    let footer = footer_at(&app, 60, 20);
    assert!(footer.contains("Esc "), "{footer}");
    assert!(footer.contains("F1 "), "{footer}");
}

/// Placements numbered `numbers`, for a list of a given length.
fn numbered_placements(dir: &std::path::Path, numbers: std::ops::Range<usize>) {
    for n in numbers {
        new_placement(dir, &format!("Student Nummer {n}"), "Testbedrijf De Lijst");
    }
}

#[test]
fn the_overview_offers_paging_only_when_the_list_is_longer_than_the_screen() {
    let tmp = tempfile::tempdir().unwrap();
    numbered_placements(tmp.path(), 0..6);
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.viewport = Some((80, 24));
    assert!(
        !footer_at(&app, 80, 24).contains("PgDn"),
        "six placements fit: {}",
        screen(&app, 80, 24)
    );
    numbered_placements(tmp.path(), 6..26);
    app.show_home(None);
    assert!(
        footer_at(&app, 80, 24).contains("PgDn"),
        "{}",
        screen(&app, 80, 24)
    );
}
