//! Unfinished forms belong to their window and their subject: a preparation form opened again
//! brings back what was typed, and two windows never write over or throw away each other's.

mod common;

use common::*;
use stagegesprek::domain::Moment;
use stagegesprek::domain::preparation::Preparer;
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;
use stagegesprek::store::guides::Guides;
use stagegesprek::tui::App;
use stagegesprek::tui::theme::Theme;

/// `stagegesprek prepare ID --moment M --role R` in a window of its own.
fn preparing(dir: &std::path::Path, id: &str, moment: Moment, by: Preparer) -> App {
    App::preparing(
        Store::open(dir).unwrap(),
        Guides::load(None, Lang::Nl.texts()),
        Lang::Nl,
        Theme::new(true),
        id,
        moment,
        by,
    )
}

fn forms_holding(dir: &std::path::Path, text: &str) -> usize {
    std::fs::read_dir(dir.join("forms"))
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| read(&e.path()).contains(text))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn a_preparation_form_opened_again_brings_back_what_was_typed_and_the_next_key_adds_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = preparing(tmp.path(), NOOR, Moment::Final, Preparer::Trainer);
    type_text(&mut app, "Werkt nu zelfstandig");
    // The window is closed: whatever was handed over reaches the disk.
    app.flush_saves();
    drop(app);

    let mut app = preparing(tmp.path(), NOOR, Moment::Final, Preparer::Trainer);
    assert_shows(&app, "Werkt nu zelfstandig");
    assert_shows(&app, "nog niet af");
    type_text(&mut app, " aan de oven");
    app.flush_saves();
    drop(app);
    assert_eq!(
        forms_holding(tmp.path(), "Werkt nu zelfstandig aan de oven"),
        1
    );

    // The same form reached from the program, not the command, offers it back as well.
    let mut app = app_in(tmp.path(), Lang::Nl);
    assert_shows(&app, "Werkt nu zelfstandig aan de oven");
    app.end_session();
    drop(app);
    // Another moment's and the student's form start empty.
    let app = preparing(tmp.path(), NOOR, Moment::Midway, Preparer::Trainer);
    assert_not_shows(&app, "Werkt nu zelfstandig");
    drop(app);
    let app = preparing(tmp.path(), NOOR, Moment::Final, Preparer::Student);
    assert_not_shows(&app, "Werkt nu zelfstandig");
}

#[test]
fn two_windows_with_a_new_placement_form_keep_each_their_own() {
    let tmp = tempfile::tempdir().unwrap();
    let mut first = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut first, "Ctrl+N");
    type_text(&mut first, "Anna Eerstevenster");
    first.flush_saves();

    let mut second = app_in(tmp.path(), Lang::Nl);
    // The first window's form is its own while that window is open.
    assert_not_shows(&second, "Anna Eerstevenster");
    press_shown(&mut second, "Ctrl+N");
    type_text(&mut second, "Bram Tweedevenster");
    second.flush_saves();
    // Thrown away in the second window: Esc, Esc.
    press_shown(&mut second, "Esc");
    press_shown(&mut second, "Esc");
    second.flush_saves();
    second.end_session();
    drop(second);
    assert_eq!(forms_holding(tmp.path(), "Anna Eerstevenster"), 1);

    // The first window is closed with its form open: the next start offers it back.
    drop(first);
    let app = app_in(tmp.path(), Lang::Nl);
    assert_shows(&app, "Anna Eerstevenster");
    assert_shows(&app, "nog niet af");
    assert_not_shows(&app, "Bram Tweedevenster");
}

#[test]
fn a_preparation_form_open_in_one_window_is_not_opened_or_thrown_away_in_another() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut first = preparing(tmp.path(), NOOR, Moment::Final, Preparer::Trainer);
    type_text(&mut first, "Eerste venster typt dit");
    first.flush_saves();

    let mut second = preparing(tmp.path(), NOOR, Moment::Final, Preparer::Trainer);
    assert!(second.quit, "the second window does not open the same form");
    assert!(
        second
            .exit_notes
            .iter()
            .any(|n| n.contains("ander venster")),
        "{:?}",
        second.exit_notes
    );
    second.end_session();
    drop(second);
    // The student's form of the same meeting is a form of its own.
    let mut student = preparing(tmp.path(), NOOR, Moment::Final, Preparer::Student);
    type_text(&mut student, "Ik bak nu alleen");
    student.flush_saves();
    press_shown(&mut student, "Esc");
    press_shown(&mut student, "Esc");
    student.flush_saves();
    drop(student);

    type_text(&mut first, " en meer");
    first.flush_saves();
    drop(first);
    assert_eq!(
        forms_holding(tmp.path(), "Eerste venster typt dit en meer"),
        1
    );
    let app = preparing(tmp.path(), NOOR, Moment::Final, Preparer::Trainer);
    assert_shows(&app, "Eerste venster typt dit en meer");
}

#[test]
fn forms_kept_by_the_previous_version_are_still_offered_back() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    // As the previous version wrote it: one form for every moment, its judgement a field.
    let old = format!(
        "placement: {NOOR}\nmoment: final\nby: trainer\ntrainer:\n  judgement: Uit de vorige versie\n  examples: []\nend_of_file: true\n"
    );
    std::fs::write(
        tmp.path().join("new-placement.draft.yaml"),
        "student: Oud Formulier\nend_of_file: true\n",
    )
    .unwrap();
    let app = app_in(tmp.path(), Lang::Nl);
    assert_shows(&app, "Oud Formulier");
    drop(app);

    std::fs::write(tmp.path().join("preparation.draft.yaml"), old).unwrap();
    let app = preparing(tmp.path(), NOOR, Moment::Final, Preparer::Trainer);
    assert_shows(&app, "Uit de vorige versie");
}

/// The trainer's final form of Noor, filled in with `judgement`, as it comes back by mail.
fn trainer_reply(store: &Store, judgement: &str) -> stagegesprek::domain::preparation::Reply {
    let placement = store.placement(NOOR).unwrap();
    let blank = stagegesprek::export::preparation_form(
        &placement,
        Moment::Final,
        Preparer::Trainer,
        Lang::Nl,
        "Eindgesprek",
    );
    let mut filled = String::new();
    for line in blank.lines() {
        filled.push_str(line);
        filled.push('\n');
        if line.starts_with("1. ") {
            filled.push_str(judgement);
            filled.push('\n');
        }
    }
    stagegesprek::export::parse_reply(&filled).unwrap()
}

#[test]
fn a_preparation_imported_while_the_meeting_is_open_shows_up_in_it_and_in_its_draft() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(NOOR, Moment::Final);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '3');
    assert_not_shows(&app, "Kneedt nu zelf");

    // `stagegesprek import` in another window, or a mail rule.
    store
        .import_reply(&trainer_reply(&store, "Kneedt nu zelf het deeg"), false)
        .unwrap();
    app.tick();
    assert_shows(&app, "net binnengekomen");
    assert_shows(&app, "Kneedt nu zelf het deeg");
    // The file it came in stays; the draft, begun once something is typed, holds it too.
    type_text(&mut app, "Besproken.");
    app.flush_saves();
    assert!(read(&store.draft_path(NOOR, Moment::Final)).contains("Kneedt nu zelf het deeg"));

    // A replacement takes the place of what the meeting showed.
    store
        .import_reply(&trainer_reply(&store, "Bakt nu de hele ochtend"), true)
        .unwrap();
    app.tick();
    assert_shows(&app, "Bakt nu de hele ochtend");
    assert_not_shows(&app, "Kneedt nu zelf het deeg");
}

#[test]
fn a_preparation_arriving_during_the_read_back_is_in_the_finished_record() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(NOOR, Moment::Final);
    type_text(&mut app, "Het gesprek loopt.");
    press_shown(&mut app, "Ctrl+F");
    store
        .import_reply(&trainer_reply(&store, "Net op tijd ingeleverd"), false)
        .unwrap();
    press_digit_shown(&mut app, '1');
    press_shown(&mut app, "Enter");
    app.flush_saves();
    let record = store.final_record(NOOR, Moment::Final).unwrap().unwrap();
    assert_eq!(
        record
            .trainer_preparation
            .unwrap()
            .answer(stagegesprek::domain::PrepQuestion::CanAlone),
        Some("Net op tijd ingeleverd")
    );
    assert!(!store.draft_path(NOOR, Moment::Final).exists());
}

#[test]
fn a_cut_off_preparation_is_named_in_the_meeting_with_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    let mut reply = trainer_reply(&store, "Wordt afgekapt");
    reply.moment = Moment::Midway;
    let path = store.import_reply(&reply, false).unwrap();
    let whole = std::fs::read(&path).unwrap();
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();

    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(NOOR, Moment::Midway);
    let shown = screen(&app, 400, 30);
    assert!(
        shown.contains("voorbereiding van de praktijkopleider kan niet gelezen worden"),
        "{shown}"
    );
    assert!(shown.contains("midway.trainer.prep.yaml"), "{shown}");
    assert!(shown.contains("import --replace"), "{shown}");
    assert_eq!(std::fs::read(&path).unwrap(), &whole[..whole.len() / 2]);
}

#[test]
fn the_details_of_a_placement_half_changed_come_back_after_the_window_closed() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "Ctrl+E");
    let form = screen(&app, 80, 24);
    for _ in 0..3 {
        press_shown(&mut app, "Tab");
    }
    type_text(&mut app, " Zuid");
    // The window is closed without saving: whatever was handed over reaches the disk.
    app.flush_saves();
    drop(app);
    assert_eq!(forms_holding(tmp.path(), " Zuid"), 1);

    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "Ctrl+E");
    assert_shows(&app, " Zuid");
    assert_shows(&app, "verder");
    // A second window on the same details keeps nothing of its own and says so.
    let mut other = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut other, "Ctrl+E");
    assert_shows(&other, "ander venster");
    drop(other);
    // Saving stores it and the kept text goes.
    press_shown(&mut app, "Ctrl+S");
    app.flush_saves();
    let stored = Store::open(tmp.path()).unwrap().placements().0;
    assert!(
        stored.iter().any(|p| p.company.ends_with(" Zuid")),
        "{stored:?}\nthe form was:\n{form}"
    );
    assert_eq!(forms_holding(tmp.path(), " Zuid"), 0);
}

#[test]
fn a_form_thrown_away_is_set_aside_never_erased() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    // The trainer typed at the teacher's computer, and the window closed.
    let mut app = preparing(tmp.path(), NOOR, Moment::Midway, Preparer::Trainer);
    type_text(&mut app, "Eerste zin van de opleider");
    app.flush_saves();
    drop(app);
    // The teacher's program offers it back; two Esc throw it away.
    let mut app = app_in(tmp.path(), Lang::Nl);
    assert_shows(&app, "Eerste zin van de opleider");
    press_shown(&mut app, "Esc");
    press_shown(&mut app, "Esc");
    app.flush_saves();
    app.end_session();
    drop(app);
    let aside = tmp.path().join("forms").join("set-aside");
    let kept: Vec<String> = std::fs::read_dir(&aside)
        .map(|entries| entries.flatten().map(|e| read(&e.path())).collect())
        .unwrap_or_default();
    assert!(
        kept.iter()
            .any(|text| text.contains("Eerste zin van de opleider")),
        "thrown away text was erased: {kept:?}"
    );
    // It does not come back by itself.
    let app = app_in(tmp.path(), Lang::Nl);
    assert_not_shows(&app, "Eerste zin van de opleider");
}

#[test]
fn a_stored_preparation_leaves_no_form_and_no_sign_of_a_window_still_open() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut app = preparing(tmp.path(), NOOR, Moment::Final, Preparer::Trainer);
    type_text(&mut app, "Zo goed als klaar");
    app.flush_saves();
    assert_eq!(forms_holding(tmp.path(), "Zo goed als klaar"), 1);
    press_shown(&mut app, "Ctrl+S");
    app.flush_saves();
    assert!(app.quit, "a session begun on one form ends with it");
    assert_eq!(forms_holding(tmp.path(), "Zo goed als klaar"), 0);
    // What is left in `forms/` is at most an empty lock: no window claims the form.
    for entry in std::fs::read_dir(tmp.path().join("forms"))
        .unwrap()
        .flatten()
    {
        assert_eq!(
            read(&entry.path()),
            "",
            "{} still says a window has it",
            entry.path().display()
        );
    }
}
