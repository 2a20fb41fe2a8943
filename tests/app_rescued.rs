//! Text that could only be put in a rescue file, or a save cut off by a crash, is given back:
//! never left where nobody finds it, never erased.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{
    DAAN, app_with_store, assert_shows, demo_data, press, press_ctrl, press_digit_shown,
    press_shown, read, type_text,
};
use ratatui::crossterm::event::KeyCode::Char;
use stagegesprek::domain::Moment;
use stagegesprek::store::Store;
use stagegesprek::store::disk::{Disk, FailingDisk, RealDisk};
use stagegesprek::tui::App;

/// An app on `dir` whose emergency copies go to `rescue`.
fn app_on(dir: &Path, disk: Arc<dyn Disk>, rescue: &Path) -> App {
    app_with_store(
        Store::open_with(dir, disk)
            .unwrap()
            .with_rescue_dirs(vec![rescue.to_path_buf()]),
    )
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_rescued_meeting_can_be_viewed_and_taken_back_into_its_meeting() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let rescue = tmp.path().join("elders");
    let disk = Arc::new(FailingDisk::default());
    disk.fail_only_under(tmp.path().join("placements"));
    let mut app = app_on(tmp.path(), disk.clone(), &rescue);
    app.open_meeting(DAAN, Moment::Start);
    type_text(&mut app, "Al bewaard.");
    app.flush_saves();
    disk.fail_writes(true);
    type_text(&mut app, " Alleen in het noodbestand.");
    press_ctrl(&mut app, 'c');
    press_ctrl(&mut app, 'c');
    press(&mut app, Char('2'));
    assert!(app.quit);
    drop(app);
    assert_eq!(files_in(&rescue).len(), 1);

    let mut app = app_on(tmp.path(), Arc::new(RealDisk), &rescue);
    assert_shows(&app, "Tekst uit een noodbestand");
    press_digit_shown(&mut app, '1');
    assert_shows(&app, "Alleen in het noodbestand.");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Tekst uit een noodbestand");
    press_digit_shown(&mut app, '2');
    assert_shows(&app, "staat weer in het startgesprek");

    let draft = read(
        &tmp.path()
            .join("placements")
            .join(DAAN)
            .join("start.draft.yaml"),
    );
    assert!(draft.contains("Al bewaard."), "{draft}");
    assert!(draft.contains("Teruggehaald uit noodbestand"), "{draft}");
    assert!(draft.contains("Alleen in het noodbestand."), "{draft}");
    // The rescue file is kept, out of the way, and not offered again.
    assert!(files_in(&rescue).is_empty());
    assert_eq!(files_in(&rescue.join("taken")).len(), 1);
    drop(app);
    let app = app_on(tmp.path(), Arc::new(RealDisk), &rescue);
    common::assert_not_shows(&app, "Tekst uit een noodbestand");
}

/// A save cut off by a crash after a clock stepped back: its temp file holds the newest text
/// but looks older than the draft. It is set aside and named, never erased.
#[test]
fn a_leftover_temp_file_with_other_text_is_set_aside_even_when_it_looks_older() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let rescue = tmp.path().join("rescue");
    let mut app = app_on(tmp.path(), Arc::new(RealDisk), &rescue);
    app.open_meeting(DAAN, Moment::Start);
    type_text(&mut app, "Oude tekst.");
    app.end_session();
    drop(app);
    let dir = tmp.path().join("placements").join(DAAN);
    let draft = read(&dir.join("start.draft.yaml"));
    let newer = draft.replace("Oude tekst.", "Oude tekst. Nieuwste zin.");
    let temp = dir.join(".start.draft.yaml.Kl0k7T");
    std::fs::write(&temp, &newer).unwrap();
    let file = std::fs::File::options().write(true).open(&temp).unwrap();
    file.set_modified(std::time::SystemTime::UNIX_EPOCH)
        .unwrap();
    drop(file);

    let mut app = app_on(tmp.path(), Arc::new(RealDisk), &rescue);
    app.open_meeting(DAAN, Moment::Start);
    assert_shows(&app, "set-aside");
    let kept: Vec<String> = files_in(&dir.join("set-aside"))
        .iter()
        .map(|p| read(p))
        .collect();
    assert!(
        kept.iter().any(|text| text.contains("Nieuwste zin.")),
        "the newer text is kept: {kept:?}"
    );
}
