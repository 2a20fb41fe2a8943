//! What changes outside the program while it is open shows up on screen without a restart:
//! a record edited by hand, a meeting held in another window, a placement folder that
//! arrives or is removed. And over a large archive the list is read off the screen's thread,
//! showing how far it has come.

mod common;

use common::{
    DAAN, NOOR, app_in, assert_shows, demo_data, hold_noor_midway_elsewhere, press_shown, screen,
    wait_until,
};
use stagegesprek::domain::Moment;
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;
use stagegesprek::store::guides::Guides;
use stagegesprek::tui::App;
use stagegesprek::tui::live::read_in_background;
use stagegesprek::tui::theme::Theme;

fn shows(app: &App, text: &str) -> bool {
    screen(app, 100, 30).contains(text)
}

#[test]
fn a_name_edited_by_hand_shows_on_the_open_list() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    assert_shows(&app, "Daan el Amrani");
    let file = tmp
        .path()
        .join("placements")
        .join(DAAN)
        .join("placement.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, yaml.replace("Daan el Amrani", "Daan Bijgewerkt")).unwrap();
    wait_until(&mut app, "the new name on the list", |app| {
        shows(app, "Daan Bijgewerkt")
    });
    assert!(!shows(&app, "Daan el Amrani"));
}

#[test]
fn a_placement_removed_and_one_arriving_outside_change_the_open_list() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    // Noor is selected; Daan's folder goes, and a copy of it arrives under another name.
    press_shown(&mut app, "End");
    let placements = tmp.path().join("placements");
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(placements.join(DAAN), elsewhere.path().join(DAAN)).unwrap();
    wait_until(&mut app, "Daan gone from the list", |app| {
        !shows(app, "Daan el Amrani")
    });
    assert!(shows(&app, "Noor Verbeek"));
    std::fs::rename(elsewhere.path().join(DAAN), placements.join(DAAN)).unwrap();
    wait_until(&mut app, "Daan back on the list", |app| {
        shows(app, "Daan el Amrani")
    });
    // The teacher's place in the list is kept: still Noor.
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Noor Verbeek");
}

#[test]
fn a_meeting_held_in_another_window_shows_on_the_open_moments_and_on_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "End");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "2. Tussentijds gesprek");
    assert!(!shows(&app, "Tussentijds gesprek  gehouden"));
    hold_noor_midway_elsewhere(tmp.path());
    wait_until(&mut app, "the midway held on the moments", |app| {
        shows(app, "2. Tussentijds gesprek  gehouden")
    });
    press_shown(&mut app, "Esc");
    wait_until(&mut app, "the list saying two of three held", |app| {
        screen(app, 100, 30)
            .lines()
            .any(|l| l.contains("Noor Verbeek") && l.contains("2/3"))
    });
}

#[test]
fn over_a_large_archive_the_list_shows_its_progress_and_fills_in_while_keys_work() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    // The reading is held back until the screen has shown it is under way.
    let (tx, rx) = std::sync::mpsc::channel();
    let app_reading = {
        let store = store.clone();
        let (hold_tx, hold_rx) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            let _ = hold_rx.recv();
            for reading in read_in_background(store).iter() {
                let _ = tx.send(reading);
            }
        });
        hold_tx
    };
    let mut app = App::reading(
        store,
        Guides::load(None, Lang::Nl.texts()),
        Lang::Nl,
        Theme::new(true),
        rx,
        Vec::new(),
    );
    assert_shows(&app, "De lijst wordt bijgewerkt");
    // Keys work meanwhile: help opens and closes.
    press_shown(&mut app, "F1");
    press_shown(&mut app, "Esc");
    app_reading.send(()).unwrap();
    wait_until(&mut app, "the list filled in", |app| {
        shows(app, "Noor Verbeek") && !app.reading_list()
    });
    assert_shows(&app, "Daan el Amrani");
}

#[test]
fn a_large_archive_shows_its_first_rows_as_last_seen_while_the_list_is_compared() {
    use stagegesprek::store::index::glance::first_rows;
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    let today = stagegesprek::store::today();
    // No index yet: nothing to glance at, and glancing makes none.
    assert!(first_rows(&store, today, 10).is_empty());
    assert!(!tmp.path().join("cache").join("index.sqlite3").exists());
    store.overview(today, &mut |_, _| {});
    let first = first_rows(&store, today, 1);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].placement.student, "Daan el Amrani");

    let (tx, rx) = std::sync::mpsc::channel();
    let mut app = App::reading(
        store.clone(),
        Guides::load(None, Lang::Nl.texts()),
        Lang::Nl,
        Theme::new(true),
        rx,
        first,
    );
    assert_shows(&app, "Daan el Amrani");
    assert_shows(&app, "de lijst wordt bijgewerkt");
    assert!(!shows(&app, "Noor Verbeek"));
    for reading in read_in_background(store).iter() {
        tx.send(reading).unwrap();
    }
    wait_until(&mut app, "the whole list", |app| shows(app, "Noor Verbeek"));
    assert!(!shows(&app, "de lijst wordt bijgewerkt"));
}

#[test]
fn an_open_story_shows_a_record_edited_outside() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.viewport = Some((80, 24));
    press_shown(&mut app, "End");
    press_shown(&mut app, "Ctrl+L");
    assert_shows(&app, "Verloop · Noor Verbeek");
    let store = Store::open(tmp.path()).unwrap();
    let mut start = store.final_record(NOOR, Moment::Start).unwrap().unwrap();
    start.keys.learning_processes.notes = "Nagekomen: bakt nu ook taarten.".into();
    store.save_final(NOOR, Moment::Start, &start).unwrap();
    wait_until(&mut app, "the edited note in the open story", |app| {
        shows(app, "Nagekomen: bakt nu ook taarten.")
    });
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_placements_folder_removed_and_restored_from_a_copy_comes_back_on_the_open_list() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    let placements = tmp.path().join("placements");
    let backup = tempfile::tempdir().unwrap();
    copy_tree(&placements, backup.path());
    // Give the watch time to be set up, as a teacher's program has had.
    wait_until(&mut app, "the watch set up and the list read", |app| {
        !app.reading_list()
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    std::fs::remove_dir_all(&placements).unwrap();
    wait_until(&mut app, "the list emptied", |app| {
        !shows(app, "Daan el Amrani")
    });
    copy_tree(backup.path(), &placements);
    wait_until(&mut app, "the list back from the copy", |app| {
        shows(app, "Daan el Amrani") && shows(app, "Noor Verbeek")
    });
}

#[test]
fn the_meetings_of_a_placement_keep_the_chosen_one_when_another_is_held_elsewhere() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "End");
    press_shown(&mut app, "Enter");
    // The teacher looks at the start meeting.
    for _ in 0..3 {
        press_shown(&mut app, "↑");
    }
    assert_shows(&app, "▶ 1. Startgesprek");
    hold_noor_midway_elsewhere(tmp.path());
    wait_until(&mut app, "the midway held", |app| {
        shows(app, "2. Tussentijds gesprek  gehouden")
    });
    assert_shows(&app, "▶ 1. Startgesprek");
}

#[test]
fn a_file_damaged_and_repaired_outside_is_said_and_then_no_longer() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    let start = tmp.path().join("placements").join(NOOR).join("start.yaml");
    let text = std::fs::read(&start).unwrap();
    std::fs::write(&start, &text[..text.len() / 2]).unwrap();
    wait_until(&mut app, "the damaged file named", |app| {
        app.message
            .as_ref()
            .is_some_and(|(said, warning)| *warning && said.contains("start.yaml"))
    });
    std::fs::write(&start, &text).unwrap();
    wait_until(&mut app, "the warning gone once repaired", |app| {
        app.message.is_none()
    });
}
