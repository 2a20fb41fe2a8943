//! The overview on a data folder with nothing in it names that folder, so a teacher who
//! started the program on the wrong one sees it at once.

mod common;

use common::{app_in, screen, words};
use stagegesprek::i18n::Lang;

#[test]
fn a_folder_the_program_just_made_is_named_as_new() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("nieuw");
    let app = app_in(&folder, Lang::Nl);
    let expected = format!(
        "Nog geen stageplaatsen: de map {} is zojuist nieuw aangemaakt. Druk op Ctrl+N om er een toe te voegen.",
        folder.display()
    );
    assert!(words(&app).contains(&expected), "{}", screen(&app, 80, 24));
}

#[test]
fn an_existing_folder_without_placements_is_named_as_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let app = app_in(tmp.path(), Lang::En);
    let expected = format!(
        "No placements yet in {}. Press Ctrl+N to add one.",
        tmp.path().display()
    );
    assert!(words(&app).contains(&expected), "{}", screen(&app, 80, 24));
}

#[test]
fn the_about_screen_names_where_the_files_are_and_esc_goes_back() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    let exports = tmp.path().join("Documenten");
    app.export_dir = exports.clone();
    common::press_shown(&mut app, "Ctrl+O");
    let shown = words(&app);
    assert!(shown.contains("Over stagegesprek"), "{shown}");
    assert!(shown.contains(&exports.display().to_string()), "{shown}");
    assert!(shown.contains(&tmp.path().display().to_string()), "{shown}");
    common::press_shown(&mut app, "Esc");
    assert!(words(&app).contains("Stageplaatsen"));
}
