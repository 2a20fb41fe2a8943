//! A placement's story, as a teacher before the next visit reads it: the three meetings at a
//! glance, per key what was said, and what became of each agreement.

mod common;

use common::{NOOR, app_in, assert_shows, demo_data, press_shown, screen};
use stagegesprek::domain::{AgreementStatus, Moment, RecordStatus};
use stagegesprek::i18n::Lang;
use stagegesprek::store::Store;

#[test]
fn the_story_shows_each_meeting_and_what_became_of_each_agreement() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    // Noor's midway is held too, and checks off the start's first agreement as done.
    let store = Store::open(tmp.path()).unwrap();
    let start = store.final_record(NOOR, Moment::Start).unwrap().unwrap();
    let mut midway = start.clone();
    midway.moment = Moment::Midway;
    midway.status = RecordStatus::Final;
    midway.date = start.date + chrono::Days::new(42);
    midway.keys.learning_processes.notes = "Bakt nu zelf het brood voor de ochtend.".into();
    midway.agreements = start
        .agreements
        .iter()
        .map(|a| {
            let mut carried = a.clone();
            carried.carried_from = Some(Moment::Start);
            carried.status = AgreementStatus::Done;
            carried
        })
        .collect();
    store.save_final(NOOR, Moment::Midway, &midway).unwrap();
    let first_agreement = start.agreements[0].what.clone();

    let mut app = app_in(tmp.path(), Lang::Nl);
    // As the terminal is drawn at 80×24, so the story knows where it ends.
    app.viewport = Some((80, 24));
    press_shown(&mut app, "End");
    press_shown(&mut app, "Ctrl+L");
    assert_shows(&app, "Verloop · Noor Verbeek");
    assert_shows(&app, "● Startgesprek gehouden");
    assert_shows(&app, "● Tussentijds gesprek gehouden");
    assert_shows(&app, "○ Eindgesprek nog niet gehouden");
    // Per key, a line per meeting: what was said at the start and at midway.
    assert_shows(&app, "T Bakt nu zelf het brood voor de ochtend.");

    // Further down: the agreement made at the start, done at midway, marked without colour.
    // Paging on past the end keeps the last lines in view.
    for _ in 0..20 {
        press_shown(&mut app, "PgDn");
    }
    let shown = screen(&app, 80, 24);
    let trail = shown
        .lines()
        .find(|l| l.contains(&first_agreement[..20]))
        .unwrap_or_else(|| panic!("the agreement is on the story:\n{shown}"));
    assert!(trail.starts_with("✓ S "), "{trail}");
    let said = common::words(&app);
    assert!(
        said.contains(&format!("{first_agreement} (student) · Uiterlijk"))
            && said.contains("→ T afgerond"),
        "{said}"
    );

    // From a placement's meetings too, and back where it came from.
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Enter");
    press_shown(&mut app, "Ctrl+L");
    assert_shows(&app, "Verloop · Noor Verbeek");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Startgesprek");
}

#[test]
fn on_a_wide_screen_the_meetings_stand_side_by_side() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "End");
    press_shown(&mut app, "Ctrl+L");
    let wide = screen(&app, 150, 40);
    let row = wide
        .lines()
        .find(|l| l.contains("Startgesprek"))
        .unwrap_or_default();
    assert!(
        row.contains("Tussentijds gesprek") && row.contains("Eindgesprek"),
        "the three meetings share a row:\n{wide}"
    );
    assert!(
        wide.lines()
            .any(|l| l.matches("1. Leerprocessen").count() == 3),
        "each key lines up across the meetings:\n{wide}"
    );
}

#[test]
fn from_the_story_the_company_shows_its_placements_and_what_was_noted() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.viewport = Some((80, 24));
    press_shown(&mut app, "End");
    press_shown(&mut app, "Ctrl+L");
    press_shown(&mut app, "Ctrl+B");
    assert_shows(&app, "Leerbedrijf · Bakkerij Het Zonnige Deeg");
    assert_shows(&app, "●○○  Noor Verbeek");
    assert_shows(&app, "Leerpotentieel: wat docenten noteerden");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Verloop · Noor Verbeek");
}

#[test]
fn the_story_prints_as_a_page_in_the_export_folder_and_says_where() {
    let tmp = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.export_dir = exports.path().to_path_buf();
    press_shown(&mut app, "End");
    press_shown(&mut app, "Ctrl+L");
    press_shown(&mut app, "Ctrl+P");
    let page = exports.path().join(format!("{NOOR}-verloop.html"));
    let html = std::fs::read_to_string(&page).expect("the story was written as a page");
    assert!(html.contains("<h1>Verloop: Noor Verbeek"), "{html}");
    assert!(html.contains("1. Leerprocessen"), "{html}");
    assert!(
        screen(&app, 200, 24).contains(&page.display().to_string()),
        "the page's path is shown:\n{}",
        screen(&app, 200, 24)
    );
    // Its private notes stay in the teacher's program.
    let store = Store::open(tmp.path()).unwrap();
    let start = store.final_record(NOOR, Moment::Start).unwrap().unwrap();
    assert!(!start.private_notes.is_empty());
    assert!(!html.contains(start.private_notes.trim()), "{html}");
}

#[test]
fn a_meeting_whose_file_cannot_be_read_is_never_shown_or_printed_as_not_held() {
    let tmp = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let start = tmp.path().join("placements").join(NOOR).join("start.yaml");
    let text = std::fs::read(&start).unwrap();
    std::fs::write(&start, &text[..text.len() / 2]).unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.export_dir = exports.path().to_path_buf();
    press_shown(&mut app, "End");
    press_shown(&mut app, "Ctrl+L");
    assert_shows(&app, "✗ Startgesprek bestand niet te lezen");
    press_shown(&mut app, "Ctrl+P");
    let html =
        std::fs::read_to_string(exports.path().join(format!("{NOOR}-verloop.html"))).unwrap();
    assert!(html.contains("✗</span> bestand niet te lezen"), "{html}");
    // Only the final meeting, which has no file, is not held.
    assert_eq!(html.matches("nog niet gehouden").count(), 1, "{html}");
}

#[test]
fn the_story_says_by_when_each_agreement_was_due_and_which_are_late() {
    let tmp = tempfile::tempdir().unwrap();
    let exports = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    let mut start = store.final_record(NOOR, Moment::Start).unwrap().unwrap();
    start.agreements.truncate(1);
    start.agreements[0].what = "Hygiënecode lezen".into();
    start.agreements[0].due = chrono::NaiveDate::from_ymd_opt(2020, 1, 6);
    start.agreements[0].status = AgreementStatus::Open;
    store.save_final(NOOR, Moment::Start, &start).unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.export_dir = exports.path().to_path_buf();
    app.viewport = Some((80, 24));
    press_shown(&mut app, "End");
    press_shown(&mut app, "Ctrl+L");
    press_shown(&mut app, "End");
    let said = common::words(&app);
    assert!(
        said.contains("Hygiënecode lezen (student) · Uiterlijk 6-1-2020 te laat"),
        "{said}"
    );
    press_shown(&mut app, "Ctrl+P");
    let html =
        std::fs::read_to_string(exports.path().join(format!("{NOOR}-verloop.html"))).unwrap();
    assert!(html.contains("Uiterlijk 6-1-2020"), "{html}");
    assert!(
        html.contains("<span class=\"overdue\">te laat</span>"),
        "{html}"
    );
}
