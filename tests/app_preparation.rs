//! What the trainer and the student prepared, in the meeting: beside the notes where it
//! belongs, examples taken over with one key, and said in the read-back.

mod common;

use chrono::NaiveDate;
use common::*;
use stagegesprek::domain::{KeyId, Moment, Placement, PrepQuestion, Preparation, Role, Strategy};
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::Store;

/// A placement whose midway draft holds both preparations; returns its id.
fn prepared_midway(dir: &std::path::Path) -> String {
    let (store, placement) = new_placement(dir, "Fenna Voorbeeld", "Garage De Proefrit");
    let mut record = new_record(&placement, Moment::Midway, (2026, 11, 20));
    record.trainer_preparation = Some(Preparation {
        prepared_on: NaiveDate::from_ymd_opt(2026, 11, 18),
        ..Preparation::answering([
            (
                PrepQuestion::Grown,
                "Werkt zorgvuldig, vraagt nog weinig uit zichzelf.",
            ),
            (
                PrepQuestion::GrownExample,
                "Stelde zelf de remmen af op bus 7",
            ),
            (PrepQuestion::GuidedInvolving, "Deed mee bij de APK-keuring"),
        ])
    });
    record.student_preparation = Some(Preparation {
        prepared_on: NaiveDate::from_ymd_opt(2026, 11, 19),
        ..Preparation::answering([
            (
                PrepQuestion::Learned,
                "Ik durf nu zelf klanten te woord te staan.",
            ),
            (
                PrepQuestion::GuidedMoment,
                "Mocht een klant zelf de factuur uitleggen",
            ),
            (PrepQuestion::Ask, "Mag ik ook mee naar de inkoop?"),
        ])
    });
    store
        .save_draft(&placement.id, Moment::Midway, &record)
        .unwrap();
    placement.id
}

#[test]
fn the_trainers_judgement_shows_under_key_3_beside_the_students_view_and_an_example_is_taken_over()
{
    let tmp = tempfile::tempdir().unwrap();
    let id = prepared_midway(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.open_meeting(&id, Moment::Midway);

    // Key 1 leads with the student's own words and question, each under its label.
    assert_shows(&app, "Geleerd: Ik durf nu zelf");
    assert_shows(&app, "Vraag: Mag ik ook mee naar de");

    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '3');
    let shown = screen(&app, 80, 24);
    // Key 3 of the midway meeting opens with the interim judgement, dated.
    assert!(
        shown.contains("Tussentijdse inschatting (18-11-2026)"),
        "{shown}"
    );
    assert!(shown.contains("praktijkopleider:"), "{shown}");
    assert!(shown.contains("Gegroeid: Werkt"), "{shown}");
    assert!(
        shown.contains("student:"),
        "both views, side by side:\n{shown}"
    );
    assert!(shown.contains("▸ Stelde zelf de remmen af"), "{shown}");

    // One key takes the prepared example into the record, as the trainer's.
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Overgenomen");
    assert_shows(&app, "✓ Stelde zelf de remmen af");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "staat al bij de voorbeelden");

    // The guidance examples belong to key 4, with their strategy.
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '4');
    assert_shows(&app, "Deed mee bij de APK-keuring");
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Enter");

    // The read-back says what was prepared.
    press_shown(&mut app, "Ctrl+F");
    assert_shows(&app, "Voorbereiding door de praktijkopleider");
    app.flush_saves();
    let store = Store::open(tmp.path()).unwrap();
    let draft = store.meeting(&id, Moment::Midway).unwrap().unwrap();
    let judgement = &draft.keys.get(KeyId::TrainerJudgement).examples;
    assert_eq!(judgement.len(), 1);
    assert_eq!(judgement[0].given_by, Role::Trainer);
    let guidance = &draft.keys.get(KeyId::GuidanceChoices).examples;
    assert_eq!(guidance[0].strategy, Some(Strategy::Participating));
}

#[test]
fn a_concern_is_private_and_never_in_the_shared_version() {
    let tmp = tempfile::tempdir().unwrap();
    let id = prepared_midway(tmp.path());
    let exports = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.export_dir = exports.path().to_path_buf();
    app.open_meeting(&id, Moment::Midway);
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '7');
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Tab");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "[x] discriminatie");
    press_shown(&mut app, "Ctrl+F");
    press_digit_shown(&mut app, '1');
    press_shown(&mut app, "Enter");
    app.flush_saves();
    press_shown(&mut app, "Ctrl+P");
    let file = std::fs::read_dir(exports.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let shared = std::fs::read_to_string(file).unwrap();
    assert!(!shared.contains("iscriminatie"), "{shared}");
    assert!(!shared.contains("Zorgsignaal"), "{shared}");
    let store = Store::open(tmp.path()).unwrap();
    let record = store.final_record(&id, Moment::Midway).unwrap().unwrap();
    assert!(record.concern.is_some(), "kept in the teacher's record");
}

/// A form as a trainer sends it back: an answer under each question, in a mail reply.
fn filled(form: &str, answers: &[&str]) -> String {
    let mut answers = answers.iter();
    let mut out = String::from("Hoi,\r\n\r\nHierbij het formulier.\r\n\r\n");
    for line in form.lines() {
        out.push_str(line);
        out.push_str("\r\n");
        if line.trim_end().ends_with('?')
            && let Some(answer) = answers.next()
        {
            out.push_str(answer);
            out.push_str("\r\n");
        }
    }
    out.push_str("\r\n-- \r\nPiet Testman\r\nGarage De Proefrit\r\n");
    out
}

#[test]
fn a_reply_pasted_into_the_program_is_shown_before_it_is_stored() {
    use stagegesprek::domain::preparation::Preparer;
    use stagegesprek::export::preparation_form;
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "Ctrl+N");
    type_text(&mut app, "Fenna Voorbeeld");
    press_shown(&mut app, "Ctrl+S");
    let store = Store::open(tmp.path()).unwrap();
    let placement = store.placements().0.remove(0);
    let form = preparation_form(
        &placement,
        Moment::Start,
        Preparer::Trainer,
        Lang::Nl,
        "Startgesprek",
    );
    let reply = filled(
        &form,
        &[
            "Pakt het werk vlot op.",
            "Zette zelf een wiel om.",
            "",
            "nee",
            "Samen de APK gedaan.",
            "nee",
        ],
    );

    press_shown(&mut app, "Ctrl+R");
    assert_shows(&app, "een ingevuld formulier plakken");
    press(&mut app, ratatui::crossterm::event::KeyCode::Char('5'));
    assert_shows(&app, "Nog niets geplakt");
    app.handle_paste(&reply);
    assert_shows(
        &app,
        "Voorbereiding van de praktijkopleider voor het startgesprek",
    );
    assert_shows(&app, "▸ Pakt het werk vlot op.");
    assert!(
        store.preparations(&placement.id, Moment::Start).0.is_none(),
        "nothing stored before Ctrl+S"
    );
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "bewaard in");
    let (trainer, _) = store.preparations(&placement.id, Moment::Start);
    let trainer = trainer.expect("stored");
    // The start form: expectations, first work, and plans per way of guiding; "nee" is none.
    assert_eq!(
        trainer.answer(PrepQuestion::Expectations),
        Some("Pakt het werk vlot op.")
    );
    assert_eq!(
        trainer.answer(PrepQuestion::PlanInvolving),
        Some("Samen de APK gedaan.")
    );
    assert_eq!(trainer.answer(PrepQuestion::PlanShowing), None);
    assert_eq!(trainer.answers.len(), 3);

    // The meeting now opens with it under key 3.
    press_shown(&mut app, "Enter");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '3');
    assert_shows(&app, "Pakt het werk vlot op.");
}

#[test]
fn a_preparation_half_typed_on_screen_survives_a_crash_and_is_gone_once_stored() {
    use stagegesprek::domain::preparation::Preparer;
    let tmp = tempfile::tempdir().unwrap();
    let id = prepared_midway(tmp.path());
    let mut app = app_in(tmp.path(), Lang::Nl);
    app.prepare(&id, Moment::Final, Preparer::Trainer);
    assert_shows(&app, "voorbereiding door de praktijkopleider");
    type_text(&mut app, "Is zelfstandig geworden");
    app.flush_saves();
    // A kill or power cut: dropped without ending the session.
    drop(app);

    let mut app = app_in(tmp.path(), Lang::Nl);
    assert_shows(&app, "Is zelfstandig geworden");
    assert_shows(&app, "nog niet af");
    type_text(&mut app, ", ook bij klanten.");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "bewaard");
    app.flush_saves();
    let store = Store::open(tmp.path()).unwrap();
    let (trainer, _) = store.preparations(&id, Moment::Final);
    assert_eq!(
        trainer.unwrap().answer(PrepQuestion::CanAlone),
        Some("Is zelfstandig geworden, ook bij klanten.")
    );
    assert!(
        !store
            .preparation_form_path(&id, Moment::Final, Preparer::Trainer)
            .exists(),
        "the draft is gone"
    );
    app.end_session();
    drop(app);
    let app = app_in(tmp.path(), Lang::Nl);
    assert_not_shows(&app, "Is zelfstandig geworden");
}

#[test]
fn on_the_preparation_screen_enter_moves_on_and_only_ctrl_s_stores() {
    use stagegesprek::domain::preparation::Preparer;
    use stagegesprek::store::guides::Guides;
    use stagegesprek::tui::App;
    use stagegesprek::tui::theme::Theme;
    let tmp = tempfile::tempdir().unwrap();
    let id = prepared_midway(tmp.path());
    // As `stagegesprek prepare`, perhaps at the teacher's computer: only this screen.
    let store = Store::open(tmp.path()).unwrap();
    let mut app = App::preparing(
        store,
        Guides::load(None, Lang::Nl.texts()),
        Lang::Nl,
        Theme::new(true),
        &id,
        Moment::Final,
        Preparer::Student,
    );
    assert_shows(&app, "over je stage bij Garage De Proefrit");
    type_text(&mut app, "Zelf plannen.");
    press_shown(&mut app, "Enter");
    type_text(&mut app, "Maakte mijn eigen weekplanning");
    let store = Store::open(tmp.path()).unwrap();
    assert!(
        store.preparations(&id, Moment::Final).1.is_none(),
        "Enter stores nothing"
    );
    press_shown(&mut app, "Ctrl+S");
    let (_, student) = store.preparations(&id, Moment::Final);
    let student = student.expect("stored");
    assert_eq!(student.answer(PrepQuestion::Learned), Some("Zelf plannen."));
    assert_eq!(
        student.answer(PrepQuestion::GuidedMoment),
        Some("Maakte mijn eigen weekplanning")
    );
    // Stored, and the program ends: the teacher's other students are never shown.
    assert!(app.quit);
    assert!(app.exit_notes.iter().any(|n| n.contains("bewaard")));
}

#[test]
fn a_pasted_form_for_another_placement_is_said_before_it_is_stored() {
    use stagegesprek::domain::preparation::Preparer;
    use stagegesprek::export::preparation_form;
    let tmp = tempfile::tempdir().unwrap();
    prepared_midway(tmp.path());
    let store = Store::open(tmp.path()).unwrap();
    let other = store
        .create_placement(Placement {
            student: "Ander Persoon".into(),
            ..Placement::default()
        })
        .unwrap();
    let form = preparation_form(
        &other,
        Moment::Final,
        Preparer::Trainer,
        Lang::Nl,
        "Eindgesprek",
    );
    let reply = filled(&form, &["Goed bezig.", "", "", "", "", ""]);
    let mut app = app_in(tmp.path(), Lang::Nl);
    // Fenna's meetings, below Ander in the list.
    press_shown(&mut app, "↓");
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Fenna Voorbeeld · Garage De Proefrit · Welk gesprek?");
    press_shown(&mut app, "Ctrl+R");
    press(&mut app, ratatui::crossterm::event::KeyCode::Char('5'));
    app.handle_paste(&reply);
    assert_shows(&app, "Let op: dit formulier is voor een andere stageplaats");
    press_shown(&mut app, "Ctrl+S");
    assert_shows(&app, "Klopt dat?");
    assert!(store.preparations(&other.id, Moment::Final).0.is_none());
    press_shown(&mut app, "Ctrl+S");
    assert!(store.preparations(&other.id, Moment::Final).0.is_some());
}

/// A terminal passes a paste on with its line feeds made carriage returns: a CRLF reply from
/// a mail program arrives with every break doubled.
#[test]
fn a_crlf_reply_pasted_through_the_terminal_keeps_its_line_breaks() {
    use stagegesprek::domain::preparation::Preparer;
    use stagegesprek::export::preparation_form;
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);
    press_shown(&mut app, "Ctrl+N");
    type_text(&mut app, "Fenna Voorbeeld");
    press_shown(&mut app, "Ctrl+S");
    let store = Store::open(tmp.path()).unwrap();
    let placement = store.placements().0.remove(0);
    let form = preparation_form(
        &placement,
        Moment::Start,
        Preparer::Trainer,
        Lang::Nl,
        "Startgesprek",
    );
    let answers = [
        "Houdt goed het overzicht\r\nkwijt raakt hij niets.\r\n\r\nWel nog wat stil.",
        "Zette zelf een wiel om.",
        "",
        "nee",
        "Samen de APK gedaan.",
        "nee",
    ];
    let reply = filled(&form, &answers);
    press_shown(&mut app, "Ctrl+R");
    press(&mut app, ratatui::crossterm::event::KeyCode::Char('5'));
    app.handle_paste(&reply.replace('\n', "\r"));
    assert_shows(&app, "▸ Houdt goed het overzicht kwijt raakt hij niets.");
    press_shown(&mut app, "Ctrl+S");
    let (trainer, _) = store.preparations(&placement.id, Moment::Start);
    let trainer = trainer.expect("stored");
    assert_eq!(
        trainer.answer(PrepQuestion::Expectations),
        Some("Houdt goed het overzicht kwijt raakt hij niets.\n\nWel nog wat stil.")
    );
    assert_eq!(
        trainer.answer(PrepQuestion::FirstWork),
        Some("Zette zelf een wiel om.")
    );
}
