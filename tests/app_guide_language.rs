//! A meeting's guide language is not fixed by the window it was first opened in: a draft
//! switches its questions to the other language with its notes as typed, and a meeting
//! nothing was typed in follows the interface language.

mod common;

use chrono::NaiveDate;
use common::*;
use ratatui::crossterm::event::KeyCode;
use stagegesprek::domain::{KeyId, MeetingRecord, Moment};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;
use stagegesprek::store::guides::Guides;

#[test]
fn a_draft_opened_in_english_switches_to_dutch_questions_and_keeps_its_notes() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::En);
    app.open_meeting(DAAN, Moment::Start);
    assert_shows(&app, "First meeting");
    type_text(&mut app, "Wil leren banden wisselen.");
    press_shown(&mut app, "Esc");
    app.end_session();
    drop(app);

    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(DAAN, Moment::Start);
    // The draft keeps the guide it was typed with, until the teacher switches it.
    assert_shows(&app, "First meeting");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '6');
    for _ in 0..12 {
        if screen(&app, 80, 24).contains("▸ Taal leidraad") {
            break;
        }
        press_shown(&mut app, "Tab");
    }
    assert_shows(&app, "‹ English ›");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "‹ Nederlands ›");
    assert_shows(&app, "Startgesprek · Daan el Amrani");
    assert_not_shows(&app, "First meeting");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '1');
    assert_shows(&app, "1. Leerprocessen");
    assert_shows(&app, "Wil leren banden wisselen.");
    press_shown(&mut app, "Esc");
    app.end_session();

    let store = Store::open(tmp.path()).unwrap();
    let draft = store.meeting(DAAN, Moment::Start).unwrap().unwrap();
    let dutch = Guides::load(None, Lang::Nl.texts());
    assert_eq!(draft.guide.id, dutch.for_language(Lang::Nl).unwrap().id);
    assert_eq!(
        draft.keys.get(KeyId::LearningProcesses).notes,
        "Wil leren banden wisselen."
    );
}

#[test]
fn a_draft_nothing_was_typed_in_follows_the_interface_language() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    let placement = store.placement(DAAN).unwrap();
    let english = Guides::load(None, Lang::En.texts());
    let now = NaiveDate::from_ymd_opt(2026, 11, 20)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let record = MeetingRecord::new(
        &placement,
        Moment::Start,
        english.for_language(Lang::En).unwrap(),
        now,
        None,
    );
    store.save_draft(DAAN, Moment::Start, &record).unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(DAAN, Moment::Start);
    if screen(&app, 80, 24).contains("Concept") {
        press(&mut app, KeyCode::Char('1'));
    }
    assert_shows(&app, "Startgesprek · Daan el Amrani");
    assert_shows(&app, "1. Leerprocessen");
}
