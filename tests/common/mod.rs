//! Helpers for driving the `App` the way a person does: keys in, screen out.
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;
use stagegesprek::store::guides::Guides;
use stagegesprek::tui::App;
use stagegesprek::tui::theme::Theme;

pub fn app_in(dir: &std::path::Path, lang: Lang) -> App {
    let store = Store::open(dir).expect("store");
    let guides = Guides::load(None, lang.texts());
    App::new(store, guides, lang, Theme::new(true))
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn press_ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn keys(app: &mut App, codes: &[KeyCode]) {
    for code in codes {
        press(app, *code);
    }
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        press(app, code);
    }
}

/// What a person would see in a terminal of `width`×`height`, one string per row.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen's words on one line, so a sentence can be found wherever it wraps.
pub fn words(app: &App) -> String {
    screen(app, 80, 24)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[track_caller]
pub fn assert_shows(app: &App, needle: &str) {
    let shown = screen(app, 80, 24);
    assert!(
        shown.contains(needle),
        "expected {needle:?} on screen:\n{shown}"
    );
}

#[track_caller]
pub fn assert_not_shows(app: &App, needle: &str) {
    let shown = screen(app, 80, 24);
    assert!(
        !shown.contains(needle),
        "did not expect {needle:?} on screen:\n{shown}"
    );
}

/// The footer as shown at 80×24: the lines below the screen's own area.
pub fn footer(app: &App) -> String {
    let shown = screen(app, 80, 24);
    let lines: Vec<&str> = shown.lines().collect();
    lines[lines.len().saturating_sub(3)..].join("\n")
}

/// Presses a command the way a first-time user finds it: only after checking the footer
/// names it. `name` is as the footer writes it: `Ctrl+E`, `Tab`, `Esc`, `Enter`, `1…7`.
#[track_caller]
pub fn press_shown(app: &mut App, name: &str) {
    let shown = footer(app);
    let listed = shown
        .lines()
        .flat_map(|line| line.split("  "))
        .flat_map(|entry| entry.split(' ').next())
        .flat_map(|keys| keys.split('/'))
        .any(|k| k.trim() == name);
    assert!(listed, "the footer does not show {name}:\n{shown}");
    let key = match name {
        "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
        "Shift+Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
        "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        "Del" => KeyEvent::new(KeyCode::Delete, KeyModifiers::NONE),
        "↑" => KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
        "↓" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
        "→" => KeyEvent::new(KeyCode::Right, KeyModifiers::NONE),
        "PgDn" => KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
        "Home" => KeyEvent::new(KeyCode::Home, KeyModifiers::NONE),
        "End" => KeyEvent::new(KeyCode::End, KeyModifiers::NONE),
        "Spatie" | "Space" => KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE),
        "F1" => KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE),
        other => match other.strip_prefix("Ctrl+") {
            Some(c) => KeyEvent::new(
                KeyCode::Char(c.to_lowercase().chars().next().expect("a letter")),
                KeyModifiers::CONTROL,
            ),
            None => panic!("no key named {other}"),
        },
    };
    app.handle_key(key);
}

/// A digit from a run the footer shows as `1…7`.
#[track_caller]
pub fn press_digit_shown(app: &mut App, digit: char) {
    let shown = footer(app);
    assert!(
        shown.contains('…') || shown.contains(digit),
        "the footer shows no digits:\n{shown}"
    );
    press(app, KeyCode::Char(digit));
}

/// Two fictional demo placements: Daan with nothing held yet, Noor with a held start.
pub const DAAN: &str = "daan-el-amrani-autoservice-kwartelweg";
pub const NOOR: &str = "noor-verbeek-bakkerij-het-zonnige-deeg";

/// Holds Noor's midway meeting as another window would: her start's record, as the midway's.
pub fn hold_noor_midway_elsewhere(dir: &std::path::Path) {
    let store = Store::open(dir).unwrap();
    let mut midway = store
        .final_record(NOOR, stagegesprek::domain::Moment::Start)
        .unwrap()
        .unwrap();
    midway.moment = stagegesprek::domain::Moment::Midway;
    midway.status = stagegesprek::domain::RecordStatus::Final;
    store
        .save_final(NOOR, stagegesprek::domain::Moment::Midway, &midway)
        .unwrap();
}

/// Writes the two demo placements into `dir` with the real binary.
pub fn demo_data(dir: &std::path::Path) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(["demo-data", dir.to_str().unwrap(), "--placements", "2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

/// An app on `dir` whose files go through `disk` (a disk that can be made to fail).
pub fn app_on_disk(
    dir: &std::path::Path,
    disk: std::sync::Arc<dyn stagegesprek::store::disk::Disk>,
) -> App {
    app_with_store(Store::open_with(dir, disk).unwrap())
}

pub fn app_with_store(store: Store) -> App {
    App::new(
        store,
        Guides::load(None, Lang::Nl.texts()),
        Lang::Nl,
        Theme::new(true),
    )
}

/// A file's text; empty when it is not there.
pub fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// An example as a person gave it, with nothing else said about it.
pub fn example(text: &str, by: stagegesprek::domain::Role) -> stagegesprek::domain::Example {
    stagegesprek::domain::Example {
        text: text.into(),
        given_by: by,
        strategy: None,
        recognised: None,
    }
}

/// A new placement of fictional `student` at `company` in the store on `dir`.
pub fn new_placement(
    dir: &std::path::Path,
    student: &str,
    company: &str,
) -> (Store, stagegesprek::domain::Placement) {
    let store = Store::open(dir).unwrap();
    let placement = store
        .create_placement(stagegesprek::domain::Placement {
            student: student.into(),
            company: company.into(),
            ..stagegesprek::domain::Placement::default()
        })
        .unwrap();
    (store, placement)
}

/// A new record of `moment` for `placement` on the built-in Dutch guide, begun at 10:00 on
/// `date` (year, month, day).
pub fn new_record(
    placement: &stagegesprek::domain::Placement,
    moment: stagegesprek::domain::Moment,
    (year, month, day): (i32, u32, u32),
) -> stagegesprek::domain::MeetingRecord {
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let at = chrono::NaiveDate::from_ymd_opt(year, month, day)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    stagegesprek::domain::MeetingRecord::new(placement, moment, guide, at, None)
}

/// Lets the app take in what its saver reports until `done` holds, instead of sleeping for a
/// time that is only hoped to be long enough; fails after ten seconds, saying what it awaited.
#[track_caller]
pub fn wait_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        app.tick();
        if done(app) {
            return;
        }
        assert!(
            std::time::Instant::now() < until,
            "waited in vain for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Window sizes from the smallest a terminal can have to a large one.
pub const SIZES: [(u16, u16); 8] = [
    (1, 1),
    (10, 3),
    (39, 9),
    (40, 10),
    (45, 12),
    (63, 20),
    (80, 24),
    (200, 60),
];
