//! Two versions of a placement's details, changed here and by a colleague: the list marks it,
//! Enter shows both side by side, and a digit keeps one while the other is kept aside.

mod common;

use std::fs;

use common::{
    DAAN, app_in, assert_not_shows, assert_shows, demo_data, press_digit_shown, press_shown, read,
    screen,
};
use stagegesprek::i18n::Lang;
use stagegesprek::store::Store;

#[test]
fn two_versions_are_marked_shown_side_by_side_and_one_is_kept_without_losing_the_other() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let dir = tmp.path().join("placements").join(DAAN);
    let mine = read(&dir.join("placement.yaml"));
    let company = Store::open(tmp.path())
        .unwrap()
        .placement(DAAN)
        .unwrap()
        .company;
    let theirs = mine.replace(&company, "Garage Van De Collega");
    fs::write(dir.join("placement.conflict.yaml"), &theirs).unwrap();

    let mut app = app_in(tmp.path(), Lang::Nl);
    let list = screen(&app, 80, 24);
    let row = list.lines().find(|l| l.contains("Daan el Amrani")).unwrap();
    assert!(row.contains('⇄'), "{list}");
    // Daan is first on the list.
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Twee versies");
    assert_shows(&app, &company);
    assert_shows(&app, "Garage Van De Collega");

    press_digit_shown(&mut app, '2');
    assert_shows(&app, "Gekozen");
    let now = Store::open(tmp.path()).unwrap().placement(DAAN).unwrap();
    assert_eq!(now.company, "Garage Van De Collega");
    assert!(!dir.join("placement.conflict.yaml").exists());
    let kept: Vec<String> = fs::read_dir(dir.join("set-aside"))
        .unwrap()
        .flatten()
        .map(|e| read(&e.path()))
        .collect();
    assert!(kept.iter().any(|k| k.contains(&company)), "{kept:?}");
    // Back on the list, the mark is gone.
    assert_shows(&app, "Stageplaatsen");
    let list = screen(&app, 80, 24);
    let row = list.lines().find(|l| l.contains("Daan el Amrani")).unwrap();
    assert!(!row.contains('⇄'), "{list}");
    assert_not_shows(&app, "Twee versies");
}

#[test]
fn in_a_team_the_list_shows_only_my_placements_and_search_looks_in_mine() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    let daan = store.placement(DAAN).unwrap();
    let (all, _) = store.placements();
    let others: Vec<_> = all.iter().filter(|p| p.teacher != daan.teacher).collect();
    assert!(!others.is_empty(), "the demo has more than one teacher");
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.share_as(
        stagegesprek::team::Who {
            name: daan.teacher.clone(),
            email: "docent@example.invalid".into(),
        },
        false,
    );
    assert_shows(&app, &others[0].student);
    // By name, then what needs attention, then mine.
    press_shown(&mut app, "Ctrl+T");
    press_shown(&mut app, "Ctrl+T");
    assert_shows(&app, "alleen mijn stageplaatsen");
    assert_shows(&app, "Daan el Amrani");
    assert_not_shows(&app, &others[0].student);
    // A search from here looks in my placements.
    press_shown(&mut app, "Ctrl+F");
    app.handle_paste("");
    assert_shows(&app, &daan.teacher);
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Ctrl+T");
    assert_not_shows(&app, "alleen mijn");
    assert_shows(&app, &others[0].student);
}
