//! Opening a damaged moment in the terminal UI: the user is asked first, and setting the file
//! aside keeps it byte for byte before the meeting opens.

use std::fs;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode::{Char, Down, Enter, Up};
use stagegesprek::domain::Moment;
use stagegesprek::domain::summary::MomentState;
use stagegesprek::i18n::Lang;
use stagegesprek::tui::App;
use stagegesprek::tui::app::Screen;
use stagegesprek::tui::keys::KeyContext;

use super::common::{app_in, assert_not_shows, assert_shows, press, screen};
use super::fixture::{Fixture, Rng, assert_no_note_text, snapshot};

/// From the home screen, through the pick screen, into `moment` of placement `id`, with keys.
pub fn open_with_keys(app: &mut App, id: &str, moment: Moment) {
    let Screen::Home(home) = app.screen() else {
        panic!("not on the home screen:\n{}", screen(app, 80, 24));
    };
    let index = home
        .summaries
        .iter()
        .position(|s| s.placement.id == id)
        .expect("placement listed");
    for _ in home.selected..index {
        press(app, Down);
    }
    press(app, Enter);
    assert_eq!(
        app.context(),
        KeyContext::Pick,
        "not on the pick screen:\n{}",
        screen(app, 80, 24)
    );
    // To the first meeting (Up stops there), then down to the one wanted.
    for _ in 0..3 {
        press(app, Up);
    }
    for _ in 0..moment.index() {
        press(app, Down);
    }
    let marked = format!("▶ {}.", moment.index() + 1);
    assert!(
        screen(app, 80, 24).contains(&marked),
        "{}",
        screen(app, 80, 24)
    );
    press(app, Enter);
}

/// The files in the placement's `set-aside` folder.
fn set_aside_files(path: &Path) -> Vec<PathBuf> {
    let dir = path.parent().unwrap().join("set-aside");
    fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

/// Damaged home marker, the question, `1`, then: moved unchanged and a meeting open.
fn set_aside_from_the_ui(fx: &Fixture, id: &str, moment: Moment, path: &Path) {
    let before = snapshot(path);
    let mut app = app_in(&fx.data(), Lang::Nl);
    let Screen::Home(home) = app.screen() else {
        panic!("home first")
    };
    let summary = home.summaries.iter().find(|s| s.placement.id == id);
    assert_eq!(
        summary.unwrap().moments[moment.index()],
        MomentState::Damaged
    );
    assert_shows(&app, "!");

    open_with_keys(&mut app, id, moment);
    assert_shows(&app, "Beschadigd bestand");
    assert_shows(&app, "[1] apart zetten");
    assert_shows(&app, "[2] terug");
    assert_no_note_text(&screen(&app, 200, 40));
    assert_eq!(snapshot(path), before, "asking changed the file");

    press(&mut app, Char('1'));
    assert!(
        matches!(app.screen(), Screen::Meeting(_)),
        "no meeting after setting aside:\n{}",
        screen(&app, 80, 24)
    );
    let moved = set_aside_files(path);
    assert_eq!(moved.len(), 1, "{moved:?}");
    let name = moved[0].file_name().unwrap().to_string_lossy().into_owned();
    let original = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.ends_with(&format!("-{original}")), "{name}");
    assert_eq!(
        fs::read(&moved[0]).unwrap(),
        before,
        "set aside with other bytes"
    );
    let now = fs::read(path).unwrap_or_default();
    assert_ne!(now, before, "the damaged file is still in place");
    app.end_session();
}

#[test]
fn a_cut_off_record_is_set_aside_unchanged_and_the_meeting_opens() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() * 2 / 3]).unwrap();
    set_aside_from_the_ui(&fx, &id, Moment::Start, &path);
}

#[test]
fn a_draft_of_random_bytes_is_set_aside_unchanged_and_the_meeting_opens() {
    let fx = Fixture::new();
    let (id, moment, path) = fx.draft();
    let mut rng = Rng(7);
    let bytes: Vec<u8> = (0..777).map(|_| rng.next() as u8).collect();
    fs::write(&path, &bytes).unwrap();
    set_aside_from_the_ui(&fx, &id, moment, &path);
}

#[test]
fn going_back_from_the_question_moves_nothing() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    fs::write(&path, "schema_version: 2\nstatus: final\n").unwrap();
    let before = snapshot(&path);
    let mut app = app_in(&fx.data(), Lang::Nl);
    open_with_keys(&mut app, &id, Moment::Start);
    assert_shows(&app, "Beschadigd bestand");
    press(&mut app, Char('2'));
    assert_eq!(app.context(), KeyContext::Pick);
    assert_not_shows(&app, "Beschadigd bestand");
    assert_eq!(snapshot(&path), before);
    assert!(set_aside_files(&path).is_empty());
    app.end_session();
}
