//! Every kind of screen the program has, reached the way a person reaches it, survives every
//! window size from 1×1 to 200×60. The list is checked against the screens that exist: a new
//! kind of screen in the application's own list does not compile here until it is added; a
//! page (a screen that owns its behaviour) is known by its keys' context.

mod common;

use common::{
    DAAN, SIZES, app_in, demo_data, press, press_digit_shown, press_shown, screen, type_text,
};
use ratatui::crossterm::event::KeyCode;
use stagegesprek::i18n::Lang;
use stagegesprek::tui::App;
use stagegesprek::tui::app::Screen;

/// The kind of the screen on top; exhaustive, so a new kind must be named here.
fn kind(app: &App) -> String {
    match app.screens.last().expect("a screen") {
        Screen::Home(_) => "home".into(),
        Screen::Meeting(_) => "meeting".into(),
        Screen::Choice(_) => "choice".into(),
        Screen::Page(page) => format!("{:?}", page.context()).to_lowercase(),
    }
}

const ALL: [&str; 16] = [
    "home",
    "formtext",
    "pick",
    "meeting",
    "view",
    "choice",
    "about",
    "question",
    "longform",
    "importtext",
    "searchtext",
    "help",
    "story",
    "company",
    "twoversions",
    "history",
];

#[test]
fn every_kind_of_screen_survives_every_size() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    let mut seen: Vec<String> = Vec::new();
    let mut visit = |app: &App| {
        for (w, h) in SIZES {
            let _ = screen(app, w, h);
        }
        seen.push(kind(app));
    };
    visit(&app);
    // Help over the list, drawn at every size with the list beneath it.
    press_shown(&mut app, "F1");
    visit(&app);
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Ctrl+O");
    visit(&app);
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Ctrl+N");
    visit(&app);
    press_shown(&mut app, "Esc");
    // Daan first on the list: his meetings, his story, the preparation menu and its screens.
    press_shown(&mut app, "Enter");
    visit(&app);
    press_shown(&mut app, "Ctrl+L");
    visit(&app);
    press_shown(&mut app, "Ctrl+B");
    visit(&app);
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Ctrl+R");
    visit(&app);
    press_digit_shown(&mut app, '1');
    visit(&app);
    press(&mut app, KeyCode::Esc);
    press_shown(&mut app, "Ctrl+R");
    press_digit_shown(&mut app, '5');
    visit(&app);
    press(&mut app, KeyCode::Esc);
    // The question before a placement leaves the list.
    while app.screens.len() > 1 {
        press(&mut app, KeyCode::Esc);
    }
    press_shown(&mut app, "Del");
    visit(&app);
    press(&mut app, KeyCode::Esc);
    // The meeting itself.
    app.open_meeting(DAAN, stagegesprek::domain::Moment::Start);
    visit(&app);
    press(&mut app, KeyCode::Esc);
    // Search from the list, and a held record opened from it.
    while app.screens.len() > 1 {
        press(&mut app, KeyCode::Esc);
    }
    type_text(&mut app, "kassa");
    visit(&app);
    press_shown(&mut app, "Enter");
    visit(&app);
    // Two versions of Daan's details, changed here and by a colleague.
    while app.screens.len() > 1 {
        press(&mut app, KeyCode::Esc);
    }
    let dir = tmp.path().join("placements").join(DAAN);
    let details = std::fs::read_to_string(dir.join("placement.yaml")).unwrap();
    std::fs::write(
        dir.join("placement.conflict.yaml"),
        details.replace("Daan", "Daan J."),
    )
    .unwrap();
    app.show_home(None);
    press_shown(&mut app, "Enter");
    visit(&app);
    // A placement's history, once the data folder is a team archive.
    press(&mut app, KeyCode::Esc);
    let made = std::process::Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(["team", "init"])
        .env("STAGEGESPREK_DATA_DIR", tmp.path())
        .env("STAGEGESPREK_CONFIG_DIR", tmp.path().join("config"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let pick = stagegesprek::tui::screens::pick::PickState::open(DAAN, &app.store);
    app.screens
        .push(stagegesprek::tui::app::Screen::Page(Box::new(pick)));
    press_shown(&mut app, "Ctrl+G");
    visit(&app);
    for kind in ALL {
        assert!(
            seen.iter().any(|s| s == kind),
            "{kind} was not visited: {seen:?}"
        );
    }
}
