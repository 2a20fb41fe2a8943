//! What the trials found: text in an open form, consent nobody gave, a save that gave up, a
//! lock lost on a full disk, a copied draft writing elsewhere, a file too large to read back,
//! keys pressed behind the "too small" screen. Each class is driven through the `App` as a
//! teacher would meet it, with the files on disk checked afterwards.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::{
    DAAN, NOOR, app_with_store, assert_not_shows, assert_shows, demo_data, keys, press, press_ctrl,
    read, screen, type_text, wait_until, words,
};
use ratatui::crossterm::event::KeyCode::{self, Char, Enter, Esc};
use stagegesprek::domain::Moment;
use stagegesprek::store::disk::{Disk, FailingDisk, RealDisk};
use stagegesprek::store::lock::Claim;
use stagegesprek::store::{Store, StoreError};
use stagegesprek::tui::App;

/// An app on `dir` whose emergency copies go to `rescue`.
fn app_on(dir: &Path, disk: Arc<dyn Disk>, rescue: &Path) -> App {
    app_with_store(
        Store::open_with(dir, disk)
            .unwrap()
            .with_rescue_dirs(vec![rescue.to_path_buf()]),
    )
}

fn fresh(dir: &Path) -> App {
    app_on(dir, Arc::new(RealDisk), &dir.join("rescue"))
}

fn draft_of(dir: &Path, id: &str) -> PathBuf {
    dir.join("placements").join(id).join("start.draft.yaml")
}

#[test]
fn an_example_being_typed_survives_a_crash_and_comes_back_in_its_form() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    press_ctrl(&mut app, 'e');
    type_text(&mut app, "Zette zelf de uitlaat vast");
    app.flush_saves();
    assert!(read(&draft_of(tmp.path(), DAAN)).contains("Zette zelf de uitlaat vast"));
    // A kill or power cut: dropped without ending the session.
    drop(app);

    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    assert_shows(&app, "niet netjes afgesloten");
    press(&mut app, Char('1'));
    assert_shows(&app, "Voorbeeld");
    assert_shows(&app, "Zette zelf de uitlaat vast");
    // It is still a form: finishing it puts the example in the record.
    type_text(&mut app, " en controleerde het.");
    press_ctrl(&mut app, 's');
    assert_shows(&app, "Zette zelf de uitlaat vast en controleerde het.");
    app.flush_saves();
    let draft = read(&draft_of(tmp.path(), DAAN));
    assert!(!draft.contains("open_form"), "{draft}");
}

#[test]
fn an_agreement_form_with_a_half_typed_date_comes_back_as_typed() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    press_ctrl(&mut app, 'n');
    type_text(&mut app, "Leerdoelen mailen");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut app, "2026-12");
    app.flush_saves();
    drop(app);

    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    press(&mut app, Char('1'));
    assert_shows(&app, "Leerdoelen mailen");
    assert_shows(&app, "2026-12");
}

#[test]
fn a_new_placement_form_survives_a_crash_and_is_gone_once_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = fresh(tmp.path());
    press_ctrl(&mut app, 'n');
    type_text(&mut app, "Wessel Proefpersoon");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Kok");
    app.flush_saves();
    drop(app);

    let mut app = fresh(tmp.path());
    assert_shows(&app, "was nog niet af");
    assert_shows(&app, "Wessel Proefpersoon");
    assert_shows(&app, "Kok");
    press_ctrl(&mut app, 's');
    app.flush_saves();
    let forms = std::fs::read_dir(tmp.path().join("forms")).unwrap();
    assert!(
        !forms
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".draft.yaml")),
        "the form's draft goes once the placement is stored"
    );
    drop(app);
    let app = fresh(tmp.path());
    assert_not_shows(&app, "was nog niet af");
}

#[test]
fn ctrl_c_once_only_explains_and_twice_quits_with_the_open_form_saved() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    press_ctrl(&mut app, 'e');
    type_text(&mut app, "Kopieer mij");
    press_ctrl(&mut app, 'c');
    assert!(!app.quit);
    assert_shows(&app, "nog een keer");
    assert_shows(&app, "Kopieer mij");
    press_ctrl(&mut app, 'c');
    assert!(app.quit);
    assert!(read(&draft_of(tmp.path(), DAAN)).contains("Kopieer mij"));
}

#[test]
fn a_paste_arrives_whole_as_one_edit_and_later_keys_still_work() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    let long: String = (0..500).map(|i| format!("regel{i:04} ")).collect();
    assert!(long.len() >= 5000);
    app.handle_paste(&format!("{long}\r\nslot"));
    app.flush_saves();
    let draft = read(&draft_of(tmp.path(), DAAN));
    assert!(draft.contains("regel0499"), "the whole paste is saved");
    assert!(draft.contains("slot"));
    // Commands after the paste still work; pasting into a one-line field keeps it on one
    // line.
    press_ctrl(&mut app, 'n');
    keys(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    app.handle_paste("1-12-\n2026");
    assert_shows(&app, "1-12- 2026");
}

#[test]
fn a_failed_final_save_keeps_retrying_the_text_while_the_read_back_is_open() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let disk = Arc::new(FailingDisk::default());
    let mut app = app_on(tmp.path(), disk.clone(), &tmp.path().join("rescue"));
    app.open_meeting(DAAN, Moment::Start);
    disk.fail_writes(true);
    type_text(&mut app, "Mag niet zoekraken.");
    press_ctrl(&mut app, 'f');
    keys(&mut app, &[Char('1'), Enter]);
    app.flush_saves();
    assert_shows(&app, "NIET BEWAARD");
    assert_shows(&app, "Afronden");
    // Space comes back; nobody presses anything.
    disk.fail_writes(false);
    let path = draft_of(tmp.path(), DAAN);
    wait_until(&mut app, "the saver's next try", |_| {
        read(&path).contains("Mag niet zoekraken.")
    });
    app.tick();
    let draft = read(&path);
    assert!(draft.contains("Mag niet zoekraken."), "{draft}");
    // The draft holds no consent from a read-back that was never saved.
    assert!(draft.contains("agreed: []"), "{draft}");
    // The saver says so just after the file is written: waited for, not assumed.
    wait_until(&mut app, "the warning to go", |app| {
        !words(app).contains("NIET BEWAARD")
    });
    assert_not_shows(&app, "NIET BEWAARD");
}

#[test]
fn quitting_with_unsaved_text_asks_and_can_put_it_in_a_rescue_file_named_next_time() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let rescue = tmp.path().join("elsewhere");
    let disk = Arc::new(FailingDisk::default());
    disk.fail_only_under(tmp.path().join("placements"));
    let mut app = app_on(tmp.path(), disk.clone(), &rescue);
    app.open_meeting(DAAN, Moment::Start);
    disk.fail_writes(true);
    type_text(&mut app, "Alleen in het geheugen.");
    // Leaving the meeting is fine (it stays in memory and keeps trying); quitting asks.
    press(&mut app, Esc);
    press(&mut app, Esc);
    assert!(!app.quit);
    assert_shows(&app, "Niet alles is bewaard");
    press(&mut app, Enter);
    assert!(!app.quit, "Enter is the safe answer: stay");
    press_ctrl(&mut app, 'c');
    press_ctrl(&mut app, 'c');
    assert_shows(&app, "Niet alles is bewaard");
    press(&mut app, Char('2'));
    assert!(app.quit);
    let files: Vec<PathBuf> = std::fs::read_dir(&rescue)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(read(&files[0]).contains("Alleen in het geheugen."));
    assert!(app.exit_notes.iter().any(|n| n.contains("elsewhere")));
    drop(app);

    let app = app_on(tmp.path(), Arc::new(RealDisk), &rescue);
    assert_shows(&app, "elsewhere");
}

#[test]
fn an_unchosen_end_with_a_refusing_disk_writes_a_rescue_file() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let rescue = tmp.path().join("rescue");
    let disk = Arc::new(FailingDisk::default());
    disk.fail_only_under(tmp.path().join("placements"));
    let mut app = app_on(tmp.path(), disk.clone(), &rescue);
    app.open_meeting(DAAN, Moment::Start);
    disk.fail_writes(true);
    press_ctrl(&mut app, 'n');
    type_text(&mut app, "Nog een afspraak");
    // What the run loop does after a signal or a vanished terminal.
    app.rescue_unsaved();
    let file = std::fs::read_dir(&rescue).unwrap().next().unwrap().unwrap();
    assert!(read(&file.path()).contains("Nog een afspraak"));
}

#[test]
fn a_leftover_temp_file_newer_than_the_draft_is_offered_back_an_older_one_removed() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    type_text(&mut app, "Oude tekst.");
    app.end_session();
    drop(app);
    let dir = tmp.path().join("placements").join(DAAN);
    let draft = read(&dir.join("start.draft.yaml"));
    // A save that was cut off during its disk sync: complete, newer, and under a temp name.
    let newer = draft.replace("Oude tekst.", "Oude tekst. Nieuwste zin.");
    let temp = dir.join(".start.draft.yaml.Ab3x9Q");
    std::fs::write(&temp, &newer).unwrap();
    let saved = std::fs::metadata(dir.join("start.draft.yaml"))
        .unwrap()
        .modified()
        .unwrap();
    std::fs::File::open(&temp)
        .unwrap()
        .set_modified(saved + Duration::from_secs(2))
        .unwrap();

    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    assert_shows(&app, "Concept gevonden");
    press(&mut app, Char('1'));
    assert_shows(&app, "Nieuwste zin.");
    assert!(!dir.join(".start.draft.yaml.Ab3x9Q").exists());
    let aside = std::fs::read_dir(dir.join("set-aside")).unwrap().count();
    assert_eq!(aside, 1, "the draft it replaced is kept aside");
    app.end_session();
    drop(app);

    // A temp file older than the draft holds nothing new: it is removed without a question.
    let stale = dir.join(".start.draft.yaml.Zz9y8X");
    std::fs::write(&stale, draft).unwrap();
    let old = std::fs::File::open(&stale).unwrap();
    old.set_modified(std::time::SystemTime::UNIX_EPOCH).unwrap();
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    assert!(!stale.exists());
    assert_not_shows(&app, "Concept gevonden");
}

#[test]
fn the_lock_holds_when_its_note_cannot_be_written() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let disk = Arc::new(FailingDisk::default());
    disk.fail_writes(true);
    let store = Store::open_with(tmp.path(), disk).unwrap();
    let Ok(Claim::Mine {
        lock: _held,
        note_failed: Some(_),
        ..
    }) = store.claim_meeting(DAAN, Moment::Start)
    else {
        panic!("the lock must be taken, with the note reported as failed");
    };
    let second = Store::open(tmp.path()).unwrap();
    assert!(matches!(
        second.claim_meeting(DAAN, Moment::Start),
        Ok(Claim::Taken(_))
    ));
    // Through the UI as well: a second window only gets to look.
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    assert_shows(&app, "al geopend");
}

#[test]
fn a_draft_copied_from_another_placement_is_reported_and_writes_nowhere() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    type_text(&mut app, "Van Daan.");
    app.end_session();
    drop(app);
    let daan = tmp.path().join("placements").join(DAAN);
    let noor = tmp.path().join("placements").join(NOOR);
    let daan_before = read(&daan.join("start.draft.yaml"));
    std::fs::copy(
        daan.join("start.draft.yaml"),
        noor.join("midway.draft.yaml"),
    )
    .unwrap();

    let mut app = fresh(tmp.path());
    app.open_meeting(NOOR, Moment::Midway);
    assert_shows(&app, "andere stageplaats");
    assert_eq!(read(&daan.join("start.draft.yaml")), daan_before);
    // The overview marks it instead of counting it as Daan's or Noor's.
    let store = Store::open(tmp.path()).unwrap();
    let (_, errors) = store.summaries();
    assert!(
        errors
            .iter()
            .any(|e| e.path().ends_with("midway.draft.yaml")),
        "{errors:?}"
    );
}

#[test]
fn text_too_large_to_read_back_is_not_written_and_stays_in_memory() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    type_text(&mut app, "Begin.");
    app.flush_saves();
    let before = read(&draft_of(tmp.path(), DAAN));
    // Under the read limit as typed, over it once every line is indented in the file.
    let line = "Een lange geplakte regel van veertig tek\n";
    let huge = line.repeat(15 * 1024 * 1024 / line.len());
    app.handle_paste(&huge);
    app.flush_saves();
    assert_shows(&app, "Te groot om te bewaren");
    assert_eq!(read(&draft_of(tmp.path(), DAAN)), before);
    let store = Store::open(tmp.path()).unwrap();
    match store.meeting_files_of(DAAN, Moment::Start).draft {
        Ok(Some(_)) => {}
        other => panic!("the draft on disk must still open: {other:?}"),
    }
}

#[test]
fn keys_do_nothing_behind_the_too_small_screen() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = fresh(tmp.path());
    app.open_meeting(NOOR, Moment::Start);
    assert_shows(&app, "Verslag");
    app.viewport = Some((30, 8));
    keys(&mut app, &[Char('e'), Esc, Char('f'), Enter, Esc, Esc]);
    press_ctrl(&mut app, 'e');
    assert!(!app.quit);
    app.viewport = Some((80, 24));
    assert_shows(&app, "Verslag");
    let shown = screen(&app, 30, 8);
    assert!(shown.contains("groter"), "{shown}");
}

#[test]
fn a_period_ending_before_it_starts_is_refused_in_the_form() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = fresh(tmp.path());
    press_ctrl(&mut app, 'n');
    type_text(&mut app, "Omgekeerde Periode");
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "2026-09-10");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2026-09-01");
    press_ctrl(&mut app, 's');
    assert_shows(&app, "einddatum ligt vóór de begindatum");
    let store = Store::open(tmp.path()).unwrap();
    assert!(store.placements().0.is_empty());
}

#[test]
fn a_placement_folder_that_is_a_link_is_reported_and_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let outside = tempfile::tempdir().unwrap();
    let placements = tmp.path().join("placements");
    let real = placements.join(DAAN);
    let moved = outside.path().join("daan");
    std::fs::rename(&real, &moved).unwrap();
    std::os::unix::fs::symlink(&moved, &real).unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let (placements, errors) = store.placements();
    assert!(placements.iter().all(|p| p.id != DAAN));
    assert!(
        errors
            .iter()
            .any(|e| matches!(e, StoreError::Damaged { .. })),
        "{errors:?}"
    );
    assert!(store.claim_meeting(DAAN, Moment::Start).is_err());
    assert!(
        !moved.join("start.lock").exists(),
        "nothing is written through the link"
    );
}

#[test]
fn finishing_again_keeps_the_earlier_agreed_version_and_nobody_agreeing_asks_first() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let dir = tmp.path().join("placements").join(NOOR);
    let before = read(&dir.join("start.yaml"));
    assert!(before.contains("who: student"), "{before}");
    let mut app = fresh(tmp.path());
    app.open_meeting(NOOR, Moment::Start);
    press_ctrl(&mut app, 'e');
    press_ctrl(&mut app, 'f');
    press(&mut app, Enter);
    assert_shows(&app, "Niemand is als akkoord aangevinkt");
    assert_eq!(
        read(&dir.join("start.yaml")),
        before,
        "one Enter saves nothing"
    );
    press(&mut app, Enter);
    app.flush_saves();
    assert!(read(&dir.join("start.yaml")).contains("agreed: []"));
    let kept: Vec<String> = std::fs::read_dir(dir.join("set-aside"))
        .unwrap()
        .map(|e| read(&e.unwrap().path()))
        .collect();
    assert_eq!(
        kept,
        vec![before],
        "the agreed version is kept byte for byte"
    );
}

#[test]
fn a_meeting_whose_lock_cannot_be_taken_is_never_opened_for_editing() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let victim = tmp.path().join("victim.txt");
    std::fs::write(&victim, "niet aankomen").unwrap();
    let lock = tmp.path().join("placements").join(DAAN).join("start.lock");
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    let mut app = fresh(tmp.path());
    app.open_meeting(DAAN, Moment::Start);
    assert_shows(&app, "[1]");
    type_text(&mut app, "x");
    assert_eq!(read(&victim), "niet aankomen");
    assert!(!draft_of(tmp.path(), DAAN).exists());
}
