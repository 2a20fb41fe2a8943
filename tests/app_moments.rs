//! Choosing a meeting: one opened out of turn says which comes first and leaves nothing
//! behind unless something was typed; a draft can be discarded from the moments, into
//! `set-aside/` where it can be taken back from.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;

fn draft(dir: &std::path::Path, id: &str, moment: &str) -> std::path::PathBuf {
    dir.join("placements")
        .join(id)
        .join(format!("{moment}.draft.yaml"))
}

#[test]
fn the_final_opened_before_the_start_says_the_start_comes_first_and_leaves_no_draft() {
    for (lang, due) in [
        (Lang::Nl, "Eerst aan de beurt: Startgesprek"),
        (Lang::En, "Due first: First meeting"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        demo_data(tmp.path());
        let mut app = app_in(tmp.path(), lang);
        // Daan has held nothing yet.
        press_shown(&mut app, "Enter");
        press_shown(&mut app, "↓");
        press_shown(&mut app, "↓");
        press_shown(&mut app, "Enter");
        assert!(
            words(&app).contains(due),
            "{lang:?}:\n{}",
            screen(&app, 80, 24)
        );
        press_shown(&mut app, "Esc");
        app.end_session();
        assert!(!draft(tmp.path(), DAAN, "final").exists(), "{lang:?}");
        let shown = screen(&app, 80, 24);
        let final_row = shown.lines().find(|l| l.contains("3. ")).unwrap();
        assert!(
            final_row.contains(lang.texts().moment_not_held),
            "{lang:?}: {shown}"
        );
    }
}

#[test]
fn a_meeting_with_a_preparation_opened_and_left_leaves_no_draft() {
    use stagegesprek::domain::preparation::{PrepSource, Prepared};
    use stagegesprek::domain::{Moment, PrepQuestion, Preparation};
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    let prepared = Prepared::Trainer(Preparation::answering([(
        PrepQuestion::Expectations,
        "Pakt het werk rustig en netjes op.",
    )]));
    store
        .save_preparation(DAAN, Moment::Start, &prepared, PrepSource::Program)
        .unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(DAAN, Moment::Start);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '3');
    assert_shows(&app, "Pakt het werk rustig");
    // Looking around is not typing: a pop-up opened and closed, fields walked through.
    press_shown(&mut app, "Ctrl+E");
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Ctrl+N");
    press_shown(&mut app, "Esc");
    for _ in 0..4 {
        press_shown(&mut app, "Tab");
    }
    press_shown(&mut app, "Shift+Tab");
    app.flush_saves();
    assert!(
        !draft(tmp.path(), DAAN, "start").exists(),
        "nothing was typed, yet a draft was begun"
    );
    press_shown(&mut app, "Esc");
    app.end_session();
    assert!(
        !draft(tmp.path(), DAAN, "start").exists(),
        "nothing was typed, yet a draft was kept"
    );
}

#[test]
fn a_draft_is_discarded_from_the_moments_into_set_aside_and_the_place_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    // A long folder, as a teacher's real one can be, so the path must wrap to be whole.
    let data = tmp
        .path()
        .join("een-heel-lange-map-met-de-gegevens-van-deze-docent");
    demo_data(&data);
    let mut app = app_in(&data, Lang::Nl);
    press_shown(&mut app, "Enter");
    press_shown(&mut app, "↓");
    press_shown(&mut app, "Enter");
    type_text(&mut app, "Per ongeluk geopend");
    press_shown(&mut app, "Esc");
    app.flush_saves();
    assert!(draft(&data, DAAN, "midway").exists());
    assert_shows(&app, "concept van");
    // Only on a draft does the footer offer it.
    press(&mut app, KeyCode::Up);
    assert!(!footer(&app).contains("Del"), "{}", footer(&app));
    press(&mut app, KeyCode::Down);
    press_shown(&mut app, "Del");
    assert_shows(&app, "Concept weggooien?");
    // Enter is the safe answer: nothing happens.
    press_shown(&mut app, "Enter");
    assert!(draft(&data, DAAN, "midway").exists());
    press_shown(&mut app, "Del");
    press(&mut app, KeyCode::Char('2'));
    assert!(!draft(&data, DAAN, "midway").exists());
    let aside = data.join("placements").join(DAAN).join("set-aside");
    let kept: Vec<_> = std::fs::read_dir(&aside)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(
        std::fs::read_to_string(&kept[0])
            .unwrap()
            .contains("Per ongeluk geopend")
    );
    let shown = words(&app);
    assert!(shown.contains("Apart gezet"), "{shown}");
    assert!(shown.contains("set-aside"), "the place is named:\n{shown}");
    // Whole, at 80 columns: the path wraps, it is never cut.
    let at_80: String = screen(&app, 80, 24).lines().map(str::trim).collect();
    let path = kept[0].display().to_string();
    assert!(
        at_80.contains(&path),
        "{path} is cut:\n{}",
        screen(&app, 80, 24)
    );
    let midway = screen(&app, 80, 24);
    let row = midway.lines().find(|l| l.contains("2. ")).unwrap();
    assert!(row.contains("nog niet"), "{midway}");
    // The way back is said with it, and works.
    assert!(
        at_80.contains("stagegesprek restore") && at_80.matches(&path).count() == 2,
        "{}",
        screen(&app, 80, 24)
    );
    app.end_session();
    drop(app);
    let restore = |path: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
            .args(["--data-dir", data.to_str().unwrap(), "restore", path])
            .output()
            .unwrap()
    };
    let out = restore(&path);
    assert!(out.status.success(), "{out:?}");
    assert!(
        read(&draft(&data, DAAN, "midway")).contains("Per ongeluk geopend"),
        "{out:?}"
    );
    assert!(!kept[0].exists());
    // A draft set aside never writes over a meeting that went on meanwhile.
    let again = aside.join("20261203-101010-midway.draft.yaml");
    std::fs::copy(draft(&data, DAAN, "midway"), &again).unwrap();
    let out = restore(again.to_str().unwrap());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("kan niet terug"));
    assert!(again.exists());
}

#[test]
fn last_time_shows_only_meetings_that_were_held_never_a_draft() {
    use stagegesprek::domain::Moment;
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    // Noor's start was held; her midway is only a draft.
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(NOOR, Moment::Final);
    let shown = screen(&app, 100, 40);
    assert!(shown.contains("Startgesprek ("), "{shown}");
    assert!(!shown.contains("│ Tussentijds gesprek ("), "{shown}");
}
