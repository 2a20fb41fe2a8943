//! Placements from the interface: changing one, one that looks like an existing one, and
//! taking one out of the list so that it can be brought back.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use stagegesprek::i18n::Lang;
use stagegesprek::store::Store;
use stagegesprek::tui::App;

fn add(app: &mut App, student: &str, company: &str, start: &str) {
    press_shown(app, "Ctrl+N");
    type_text(app, student);
    for _ in 0..3 {
        press_shown(app, "Tab");
    }
    type_text(app, company);
    for _ in 0..3 {
        press_shown(app, "Tab");
    }
    type_text(app, start);
    press_shown(app, "Ctrl+S");
}

#[test]
fn a_placement_is_changed_with_dutch_dates_and_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    add(
        &mut app,
        "Fenna Voorbeeld",
        "Garage De Proefrit",
        "1-9-2026",
    );
    assert_shows(&app, "Welk gesprek?");
    // From the moments, the details can be changed; the end date typed as people do.
    press_shown(&mut app, "Ctrl+E");
    assert_shows(&app, "Stageplaats wijzigen");
    assert_shows(&app, "1-9-2026");
    press_shown(&mut app, "Tab");
    type_text(&mut app, "Motorvoertuigentechniek");
    for _ in 0..6 {
        press_shown(&mut app, "Tab");
    }
    type_text(&mut app, "31 jan 2027");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "Gegevens van de stageplaats opgeslagen");
    let store = Store::open(tmp.path()).unwrap();
    let placement = store
        .placement("fenna-voorbeeld-garage-de-proefrit")
        .unwrap();
    assert_eq!(placement.programme, "Motorvoertuigentechniek");
    assert_eq!(placement.end.unwrap().to_string(), "2027-01-31");
    assert_eq!(placement.start.unwrap().to_string(), "2026-09-01");
}

#[test]
fn a_placement_that_looks_like_one_that_exists_is_said_once() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    add(&mut app, "Fenna Voorbeeld", "Garage De Proefrit", "");
    press_shown(&mut app, "Esc");
    add(&mut app, "voorbeeld, fenna", "Garage de Proefrit", "");
    assert_shows(&app, "lijkt op een bestaande");
    assert_shows(&app, "Fenna Voorbeeld (Garage De Proefrit)");
    let store = Store::open(tmp.path()).unwrap();
    assert_eq!(store.placements().0.len(), 1, "nothing stored yet");
    // A second Ctrl+S stores it anyway: sometimes a student does come back.
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "Welk gesprek?");
    assert_eq!(store.placements().0.len(), 2);
}

#[test]
fn removing_names_the_student_asks_first_and_keeps_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    add(&mut app, "Fenna Voorbeeld", "Garage De Proefrit", "");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Fenna Voorbeeld");
    press_shown(&mut app, "Del");
    assert_shows(&app, "Fenna Voorbeeld verwijderen?");
    // Enter is the safe answer.
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Fenna Voorbeeld");
    let store = Store::open(tmp.path()).unwrap();
    assert_eq!(store.placements().0.len(), 1);
    press_shown(&mut app, "Del");
    press(&mut app, KeyCode::Char('2'));
    assert_shows(&app, "stagegesprek restore");
    assert_not_shows(&app, "Garage De Proefrit");
    assert!(store.placements().0.is_empty());
    let removed = store.removed_placements();
    assert_eq!(removed.len(), 1);
    assert!(removed[0].path.join("placement.yaml").exists());
}

#[test]
fn a_new_placement_form_thrown_away_does_not_come_back() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "Ctrl+N");
    type_text(&mut app, "Weg Ermee");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Nog niet opgeslagen");
    press_shown(&mut app, "Esc");
    app.end_session();
    drop(app);
    let app = app_in(tmp.path(), Lang::Nl);
    assert_not_shows(&app, "Weg Ermee");
    assert_shows(&app, "Nog geen stageplaatsen");
}

#[test]
fn editing_a_record_of_a_placement_removed_in_another_window_creates_nothing_and_restore_works() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    // This window shows Noor's held start meeting…
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(NOOR, stagegesprek::domain::Moment::Start);
    assert_shows(&app, "Ctrl+E");
    // …while another one takes the placement out of the list.
    store.remove_placement(NOOR).unwrap();
    let folder = store.placement_dir(NOOR);
    assert!(!folder.exists());

    press_shown(&mut app, "Ctrl+E");
    assert!(!folder.exists(), "the removed placement's folder came back");
    let (message, warning) = app.message.clone().expect("a message");
    assert!(
        warning && message.contains("uit de lijst gehaald"),
        "{message}"
    );
    assert!(
        message.contains(&format!("stagegesprek restore {NOOR}")),
        "{message}"
    );
    // It can be brought back, records and all.
    let restored = store.restore_placement(NOOR).unwrap();
    assert_eq!(restored.id, NOOR);
    assert!(
        store
            .meeting(NOOR, stagegesprek::domain::Moment::Start)
            .unwrap()
            .is_some()
    );
}
