//! Looking back by search, as a teacher does it: start typing on the list, see results
//! while typing, narrow them, open one where it stands, and come back.

mod common;

use std::fs;

use common::{
    NOOR, app_in, assert_not_shows, assert_shows, demo_data, press_shown, screen, type_text,
};
use ratatui::crossterm::event::KeyCode;
use stagegesprek::i18n::Lang;
use stagegesprek::tui::app::Screen;

#[test]
fn typing_on_the_list_searches_and_enter_opens_the_record_where_the_word_stands() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    assert_shows(&app, "Ctrl+F zoeken");

    // A teacher who remembers one word of Noor's start types it on the list.
    type_text(&mut app, "kas");
    assert_shows(&app, "Zoek: kas");
    assert_shows(&app, "1 gevonden");
    assert_shows(&app, "Noor Verbeek · startgesprek");
    type_text(&mut app, "sa-afsluiting");
    assert_shows(&app, "1 gevonden");
    type_text(&mut app, " croissant");
    assert_shows(&app, "Niets gevonden.");
    for _ in 0.." croissant".len() {
        common::press(&mut app, KeyCode::Backspace);
    }
    assert_shows(&app, "1 gevonden");

    // Enter opens the held record at the key where the word stands.
    press_shown(&mut app, "Enter");
    let shown = screen(&app, 80, 24);
    let first_body_line = shown.lines().nth(1).unwrap_or_default();
    assert!(
        first_body_line.starts_with("4. Begeleidingskeuzes"),
        "the record opens at the key that matched:\n{shown}"
    );
    assert_shows(&app, "kassa-afsluiting");

    // Back to the results, then back to the list.
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Zoek: kassa-afsluiting");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Stageplaatsen");
    assert_not_shows(&app, "Zoek:");
}

#[test]
fn a_name_finds_the_placement_and_filters_narrow_the_results() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "Ctrl+F");
    type_text(&mut app, "daan");
    assert_shows(&app, "Daan el Amrani · Autoservice Kwartelweg");
    press_shown(&mut app, "Enter");
    // Daan's moments, to choose one.
    assert_shows(&app, "Startgesprek");
    press_shown(&mut app, "Esc");

    // Only final meetings: the held start of Noor no longer shows.
    for _ in 0.."daan".len() {
        common::press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "kassa");
    assert_shows(&app, "1 gevonden");
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "→");
    assert_shows(&app, "‹startgesprek›");
    assert_shows(&app, "1 gevonden");
    press_shown(&mut app, "→");
    press_shown(&mut app, "→");
    assert_shows(&app, "‹eindgesprek›");
    assert_shows(&app, "Niets gevonden.");
    // A letter typed on a choice goes to the words.
    type_text(&mut app, "x");
    assert_shows(&app, "Zoek: kassax");
}

#[test]
fn a_record_changed_by_hand_is_found_by_its_new_words_without_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    let record = tmp.path().join("placements").join(NOOR).join("start.yaml");
    let yaml = fs::read_to_string(&record).unwrap();
    fs::write(&record, yaml.replace("kassa-afsluiting", "bestelronde")).unwrap();
    type_text(&mut app, "bestelronde");
    assert_shows(&app, "1 gevonden");
    press_shown(&mut app, "Esc");
    type_text(&mut app, "kassa");
    assert_shows(&app, "Niets gevonden.");
}

#[test]
fn home_and_end_jump_to_the_first_and_last_placement() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    let selected = |app: &stagegesprek::tui::App| match app.screens.last() {
        Some(Screen::Home(home)) => home.summaries[home.selected].placement.student.clone(),
        _ => panic!("not on the list"),
    };
    assert!(selected(&app).contains("Daan"), "{}", screen(&app, 80, 24));
    press_shown(&mut app, "End");
    assert!(selected(&app).contains("Noor"), "{}", screen(&app, 80, 24));
    press_shown(&mut app, "Home");
    assert!(selected(&app).contains("Daan"), "{}", screen(&app, 80, 24));
}

#[test]
fn five_thousand_characters_typed_or_pasted_into_search_cost_one_search() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    let text: String = "kassa ".repeat(834).chars().take(5000).collect();
    let started = std::time::Instant::now();
    // Typed without looking, as a terminal delivers a paste without bracketed paste: every key
    // is taken in before the screen is drawn again, as the run loop does.
    for c in text.chars() {
        app.apply_key(ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        ));
    }
    app.hand_over_changes();
    assert_shows(&app, "1 gevonden");
    // And pasted into a new search.
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Ctrl+F");
    app.handle_paste(&text);
    assert_shows(&app, "1 gevonden");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
}
