//! Forms behave like forms: Enter goes on to the next field and saves only in the last one;
//! Ctrl+S saves at once.

mod common;

use common::*;
use stagegesprek::i18n::Lang;
use stagegesprek::store::Store;

#[test]
fn enter_after_the_students_name_goes_on_to_the_next_field_and_saves_in_the_last() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "Ctrl+N");
    type_text(&mut app, "Sanne Testdata");
    press_shown(&mut app, "Enter");
    // Still the form, now in the programme; nothing was stored.
    assert_shows(&app, "Nieuwe stageplaats");
    assert!(
        screen(&app, 80, 24).contains("▸ Opleiding"),
        "{}",
        screen(&app, 80, 24)
    );
    assert!(Store::open(tmp.path()).unwrap().placements().0.is_empty());
    type_text(&mut app, "Verzorgende IG");
    // Enter through every field; the footer says what Enter does on each.
    let mut enters = 1;
    while !footer(&app).contains("Enter/Ctrl+S") {
        assert!(footer(&app).contains("Enter volgende"), "{}", footer(&app));
        press_shown(&mut app, "Enter");
        enters += 1;
        assert!(enters < 20, "Enter never reached the last field");
    }
    assert_eq!(enters, 9, "the last of the ten fields saves");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Welk gesprek?");
    let placements = Store::open(tmp.path()).unwrap().placements().0;
    assert_eq!(placements.len(), 1);
    assert_eq!(placements[0].programme, "Verzorgende IG");
}

#[test]
fn ctrl_s_saves_a_form_from_any_field() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::En);
    press_shown(&mut app, "Ctrl+N");
    type_text(&mut app, "Sanne Testdata");
    for _ in 0..3 {
        press_shown(&mut app, "Enter");
    }
    type_text(&mut app, "Garage Het Testblok");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "Which meeting?");
    let placements = Store::open(tmp.path()).unwrap().placements().0;
    assert_eq!(placements[0].company, "Garage Het Testblok");
}

#[test]
fn in_the_example_form_enter_after_the_text_goes_on_to_who_gave_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "Ctrl+N");
    type_text(&mut app, "Sanne Testdata");
    press_shown(&mut app, "Ctrl+S");
    press_shown(&mut app, "Enter");
    press_shown(&mut app, "Ctrl+E");
    type_text(&mut app, "Hielp een klant bij de kassa");
    press_shown(&mut app, "Enter");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Voorbeeld: Leerprocessen"), "{shown}");
    assert!(shown.contains("▸ Gegeven door"), "{shown}");
}
