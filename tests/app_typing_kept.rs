//! A teacher looks at the student, not at the screen: whatever the keyboard is on after a
//! pop-up, on a list, a choice or a checklist, a typed sentence is kept (in the field the
//! teacher most likely meant, which the screen names) and never changes a choice.

mod common;

use chrono::NaiveDate;
use common::*;
use ratatui::crossterm::event::KeyCode;
use stagegesprek::domain::{KeyId, MeetingRecord, Moment, Place, PrepQuestion, Preparation, Role};
use stagegesprek::i18n::Lang;
use stagegesprek::store::Store;
use stagegesprek::tui::App;
use stagegesprek::tui::app::Screen;

/// A placement whose midway draft holds both preparations; returns its id.
fn prepared_midway(dir: &std::path::Path) -> String {
    let (store, placement) = new_placement(dir, "Mila Typproef", "Fietsenmakerij De Spaak");
    let mut record = new_record(&placement, Moment::Midway, (2026, 11, 20));
    record.trainer_preparation = Some(Preparation {
        prepared_on: NaiveDate::from_ymd_opt(2026, 11, 18),
        ..Preparation::answering([
            (PrepQuestion::Grown, "Werkt netjes."),
            (PrepQuestion::GrownExample, "Spaakte een wiel opnieuw"),
        ])
    });
    record.student_preparation = Some(Preparation {
        prepared_on: NaiveDate::from_ymd_opt(2026, 11, 19),
        ..Preparation::answering([
            (PrepQuestion::Learned, "Ik plak nu zelf banden."),
            (PrepQuestion::Example, "Hielp een klant met een lekke band"),
        ])
    });
    store
        .save_draft(&placement.id, Moment::Midway, &record)
        .unwrap();
    placement.id
}

fn record(app: &App) -> &MeetingRecord {
    match app.screen() {
        Screen::Meeting(m) => &m.record,
        _ => panic!("not in the meeting"),
    }
}

/// Types `text` where the keyboard is, and checks that the status line names a field
/// when the typing went somewhere else than a text field.
#[track_caller]
fn type_said(app: &mut App, text: &str, said: &str) {
    type_text(app, text);
    let shown = screen(app, 80, 24);
    assert!(
        shown.contains(said),
        "expected {said:?} on screen:\n{shown}"
    );
}

#[test]
fn a_sentence_typed_after_a_pop_up_or_on_a_list_choice_or_checklist_is_kept_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let id = prepared_midway(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(&id, Moment::Midway);
    let key1 = KeyId::LearningProcesses;
    let notes = |app: &App, key: KeyId| record(app).keys.get(key).notes.clone();

    // After the example pop-up, the cursor is back in the notes.
    type_text(&mut app, "Begin.");
    press_shown(&mut app, "Ctrl+E");
    type_text(&mut app, "Remde zelf af");
    press_shown(&mut app, "Ctrl+S");
    type_text(&mut app, " Nog meer notities");
    assert_eq!(notes(&app, key1), "Begin. Nog meer notities");

    // After the agreement pop-up too.
    press_shown(&mut app, "Ctrl+N");
    type_text(&mut app, "Kettingen oefenen");
    press_shown(&mut app, "Ctrl+S");
    type_text(&mut app, " na afspraak");
    assert_eq!(notes(&app, key1), "Begin. Nog meer notities na afspraak");

    // On the prepared examples and on the examples list, typing goes to the key's notes.
    press_shown(&mut app, "Tab");
    type_said(
        &mut app,
        " uit voorbereiding",
        "Je typt nu in de notities bij 1",
    );
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Tab");
    type_said(&mut app, " uit de lijst", "Je typt nu in de notities bij 1");
    assert_eq!(
        notes(&app, key1),
        "Begin. Nog meer notities na afspraak uit voorbereiding uit de lijst"
    );

    // On the agreements list: the notes of the key the teacher was last at.
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '5');
    type_said(&mut app, " bij afspraken", "notities bij 1");

    // On the place and on who was present: a sentence chooses nothing.
    let place = record(&app).place;
    let present = record(&app).present.clone();
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '6');
    type_said(&mut app, "ok dan", "notities bij 1");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '6');
    press_shown(&mut app, "Tab");
    type_said(&mut app, "nee hoor", "notities bij 1");
    assert_eq!(record(&app).place, place);
    assert_eq!(record(&app).present, present);
    assert_eq!(
        notes(&app, key1),
        "Begin. Nog meer notities na afspraak uit voorbereiding uit de lijst bij afspraken\
         ok dannee hoor"
    );

    // On the concern checklist a space ticks nothing; the words go to the private notes.
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '7');
    type_text(&mut app, "Eigen.");
    press_shown(&mut app, "Tab");
    type_said(
        &mut app,
        " ok dan te weinig",
        "Je typt nu in je eigen notities",
    );
    assert!(
        record(&app).concern.is_none(),
        "a typed space ticked a concern"
    );
    assert_eq!(record(&app).private_notes, "Eigen. ok dan te weinig");

    // On a choice in a pop-up, the words go to its text.
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '2');
    press_shown(&mut app, "Ctrl+E");
    type_text(&mut app, "Zocht");
    press_shown(&mut app, "Tab");
    type_said(&mut app, " zelf onderdelen", "Je typt nu in het veld");
    press_shown(&mut app, "Ctrl+S");
    let examples = &record(&app).keys.get(KeyId::LearningPotential).examples;
    assert_eq!(examples[0].text, "Zocht zelf onderdelen");
    assert_eq!(examples[0].given_by, Role::Student);

    // In the read-back, typing brings the teacher back to the conversation.
    type_text(&mut app, "Twee.");
    press_shown(&mut app, "Ctrl+F");
    type_said(&mut app, " Nog iets", "Terug in het gesprek");
    assert_eq!(notes(&app, KeyId::LearningPotential), "Twee. Nog iets");

    // All of it is in the draft on disk.
    app.flush_saves();
    let store = Store::open(tmp.path()).unwrap();
    // Long lines are folded in the file: compare word by word.
    let draft = read(&store.draft_path(&id, Moment::Midway))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for kept in [
        "uit de lijst bij afspraken",
        "ok dannee hoor",
        "ok dan te weinig",
        "Zocht zelf onderdelen",
        "Twee. Nog iets",
    ] {
        assert!(
            draft.contains(kept),
            "{kept:?} is not in the draft:\n{draft}"
        );
    }
}

#[test]
fn on_the_place_and_presence_rows_the_first_letter_chooses_and_the_footer_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let id = prepared_midway(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(&id, Moment::Midway);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '6');
    assert_eq!(record(&app).place, Place::OnSite);
    assert!(
        footer(&app).contains("L/O/S locatie/online/school"),
        "{}",
        footer(&app)
    );
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(record(&app).place, Place::AtSchool);
    // A space never changes a choice; Enter does.
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Shift+Tab");
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(record(&app).place, Place::AtSchool);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '6');
    press_shown(&mut app, "Enter");
    assert_eq!(record(&app).place, Place::OnSite);
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(record(&app).place, Place::Online);
    press_shown(&mut app, "Tab");
    assert!(footer(&app).contains("J/N ja/nee"), "{}", footer(&app));
    assert!(record(&app).present.is_present(Role::Student));
    press(&mut app, KeyCode::Char('n'));
    assert!(!record(&app).present.is_present(Role::Student));
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Shift+Tab");
    press(&mut app, KeyCode::Char('j'));
    assert!(record(&app).present.is_present(Role::Student));
}
