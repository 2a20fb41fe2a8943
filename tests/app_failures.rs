//! Failures seen from the teacher's chair, driven through the `App`: a disk that refuses to
//! write, a really full file system, a draft left by a session that never ended, and the
//! choices offered about it.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{
    DAAN, NOOR, app_on_disk, assert_not_shows, assert_shows, demo_data, keys, press, press_ctrl,
    read, screen, type_text, wait_until,
};
use ratatui::crossterm::event::KeyCode;
use stagegesprek::domain::Moment;
use stagegesprek::i18n::Lang;
use stagegesprek::store::Store;
use stagegesprek::store::disk::{Disk, FailingDisk};
use stagegesprek::tui::App;

fn app_on(dir: &Path, disk: Arc<dyn Disk>) -> App {
    app_on_disk(dir, disk)
}

#[test]
fn a_disk_that_refuses_writes_is_shown_until_a_save_succeeds() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let disk = Arc::new(FailingDisk::default());
    let mut app = app_on(tmp.path(), disk.clone());
    app.open_meeting(DAAN, Moment::Start);
    disk.fail_writes(true);
    type_text(&mut app, "Wat niet verloren mag gaan.");
    app.flush_saves();
    assert_shows(&app, "NIET BEWAARD");
    // The long path must not push the reassurance off the screen.
    assert_shows(&app, "geheugen");
    assert_not_shows(&app, "bewaard om");
    let draft = tmp
        .path()
        .join("placements")
        .join(DAAN)
        .join("start.draft.yaml");
    assert!(!read(&draft).contains("Wat niet verloren"));

    // The warning stays through other keys and through the saver's next try, and the text
    // stays on screen.
    press(&mut app, KeyCode::Char(' '));
    let refused = disk.refused_writes();
    wait_until(&mut app, "the saver to try again", |_| {
        disk.refused_writes() > refused
    });
    app.flush_saves();
    assert_shows(&app, "NIET BEWAARD");
    assert_shows(&app, "Wat niet verloren mag gaan.");

    // With the disk writable again, the next try succeeds without the teacher doing anything.
    disk.fail_writes(false);
    wait_until(&mut app, "the draft to be saved", |_| {
        read(&draft).contains("Wat niet verloren mag gaan. ")
    });
    app.flush_saves();
    assert_not_shows(&app, "NIET BEWAARD");
    assert_shows(&app, "bewaard om");
    assert!(read(&draft).contains("Wat niet verloren mag gaan. "));
}

#[test]
fn finishing_on_a_full_disk_never_claims_the_record_was_saved() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let disk = Arc::new(FailingDisk::default());
    let mut app = app_on(tmp.path(), disk.clone());
    app.open_meeting(DAAN, Moment::Start);
    type_text(&mut app, "Afronden lukt niet.");
    press_ctrl(&mut app, 'f');
    disk.fail_writes(true);
    press(&mut app, KeyCode::Enter);
    app.flush_saves();
    // The draft cannot be written either; that warning outranks every other message.
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("NIET BEWAARD"), "{shown}");
    assert!(!shown.contains("definitief opgeslagen"), "{shown}");
    let record = tmp.path().join("placements").join(DAAN).join("start.yaml");
    assert!(!record.exists());

    // With room again, Enter on the same read-back stores it.
    disk.fail_writes(false);
    press(&mut app, KeyCode::Enter);
    app.flush_saves();
    assert!(read(&record).contains("Afronden lukt niet."));
}

#[test]
fn a_draft_from_a_session_that_never_ended_is_offered_back_not_assumed() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut crashed = common::app_in(tmp.path(), Lang::Nl);
    crashed.open_meeting(DAAN, Moment::Start);
    type_text(&mut crashed, "Van voor de stroomstoring.");
    crashed.flush_saves();
    // Dropped without ending the session: as after a kill or a power cut.
    drop(crashed);

    let mut app = common::app_in(tmp.path(), Lang::Nl);
    app.open_meeting(DAAN, Moment::Start);
    assert_shows(&app, "Concept gevonden");
    assert_shows(&app, "niet netjes afgesloten");
    assert_shows(&app, "[1] verder met het concept");
    // View first: read-only, and no way to edit from there.
    press(&mut app, KeyCode::Char('2'));
    assert_shows(&app, "alleen lezen");
    assert_shows(&app, "Van voor de stroomstoring.");
    press_ctrl(&mut app, 'e');
    assert_shows(&app, "alleen lezen");
}

#[test]
fn discarding_a_newer_draft_asks_twice_and_keeps_it_aside() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = common::app_in(tmp.path(), Lang::Nl);
    // Edit Noor's held start record again and leave it as a draft.
    app.open_meeting(NOOR, Moment::Start);
    press_ctrl(&mut app, 'e');
    type_text(&mut app, " Later toegevoegd.");
    press(&mut app, KeyCode::Esc);
    let dir = tmp.path().join("placements").join(NOOR);
    let draft_bytes = std::fs::read(dir.join("start.draft.yaml")).unwrap();

    app.open_meeting(NOOR, Moment::Start);
    assert_shows(&app, "nieuwer is dan het definitieve verslag");
    press(&mut app, KeyCode::Char('3'));
    assert_shows(&app, "Concept weggooien?");
    // Enter is the safe answer: back, nothing moved.
    press(&mut app, KeyCode::Enter);
    assert!(dir.join("start.draft.yaml").exists());

    app.open_meeting(NOOR, Moment::Start);
    keys(&mut app, &[KeyCode::Char('3'), KeyCode::Char('2')]);
    assert!(!dir.join("start.draft.yaml").exists());
    let aside: Vec<PathBuf> = std::fs::read_dir(dir.join("set-aside"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), draft_bytes);
    assert_shows(&app, "Apart gezet");
    // What is left is the held record, shown as before.
    assert_shows(&app, "Verslag");
}

#[test]
fn fields_from_a_newer_version_are_never_dropped_by_editing() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let path = tmp.path().join("placements").join(NOOR).join("start.yaml");
    let original = read(&path);

    // A new field at the top is carried along by this version: editing is allowed.
    std::fs::write(
        &path,
        original.replace("status: final", "status: final\nmood: calm"),
    )
    .unwrap();
    let mut app = common::app_in(tmp.path(), Lang::Nl);
    app.open_meeting(NOOR, Moment::Start);
    assert_shows(&app, "Verslag");
    assert_not_shows(&app, "Nieuwere versie");

    // One nested inside would be lost on writing back: view only.
    let nested = original.replace("placement:\n", "placement:\n  mentor_room: B12\n");
    assert_ne!(nested, original, "the record has a placement block");
    std::fs::write(&path, &nested).unwrap();
    app.open_meeting(NOOR, Moment::Start);
    assert_shows(&app, "Nieuwere versie");
    assert_shows(&app, "placement.mentor_room");
    press(&mut app, KeyCode::Char('1'));
    assert_shows(&app, "alleen lezen");
    assert_eq!(read(&path), nested, "the file is left exactly as it was");

    // And the store refuses to write a final record over it.
    let store = Store::open(tmp.path()).unwrap();
    let record = store.read_record_file(&path).unwrap();
    assert!(store.save_final(NOOR, Moment::Start, &record).is_err());
    assert_eq!(read(&path), nested);
}

#[test]
fn a_full_disk_is_said_in_the_interfaces_language() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let disk = Arc::new(FailingDisk::default());
    let mut app = app_on(tmp.path(), disk.clone());
    app.open_meeting(DAAN, Moment::Start);
    type_text(&mut app, "Afronden lukt niet.");
    press_ctrl(&mut app, 'f');
    disk.fail_writes(true);
    press(&mut app, KeyCode::Enter);
    app.flush_saves();
    let shown = screen(&app, 240, 24);
    assert!(shown.contains("de schijf is vol"), "{shown}");
}
