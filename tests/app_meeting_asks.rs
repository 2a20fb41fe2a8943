//! The meeting asks only what fits: a new agreement is open, an example at the trainer's
//! keys is the trainer's, and Ctrl+L is offered as what it switches to.

mod common;

use common::*;
use stagegesprek::domain::{KeyId, Moment, Role};
use stagegesprek::i18n::Lang;
use stagegesprek::tui::App;
use stagegesprek::tui::app::Screen;

/// A placement with a held start that said something under key 1; its midway is opened.
fn midway(dir: &std::path::Path) -> App {
    let (store, placement) = new_placement(dir, "Isa Vraagteken", "Lijstenmakerij Het Kader");
    let mut start = new_record(&placement, Moment::Start, (2026, 9, 1));
    start.keys.get_mut(KeyId::LearningProcesses).notes = "Wil leren vergulden.".into();
    let at = start.date.and_time(start.time);
    start.finish(&[Role::Student], at);
    store
        .save_final(&placement.id, Moment::Start, &start)
        .unwrap();
    let mut app = app_in(dir, Lang::Nl);
    app.open_meeting(&placement.id, Moment::Midway);
    app
}

fn examples(app: &App, key: KeyId) -> Vec<Role> {
    match app.screen() {
        Screen::Meeting(m) => m
            .record
            .keys
            .get(key)
            .examples
            .iter()
            .map(|e| e.given_by)
            .collect(),
        _ => panic!("not in the meeting"),
    }
}

#[test]
fn a_new_agreement_asks_no_status_and_an_existing_one_does() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = midway(tmp.path());
    press_shown(&mut app, "Ctrl+N");
    assert_not_shows(&app, "Hoe ging het");
    assert_not_shows(&app, "Status");
    type_text(&mut app, "Verstekzaag leren");
    press_shown(&mut app, "Ctrl+S");
    press_shown(&mut app, "Ctrl+G");
    press_digit_shown(&mut app, '5');
    press_shown(&mut app, "Enter");
    assert_shows(&app, "Status");
    assert_shows(&app, "Hoe ging het");
}

#[test]
fn an_example_at_the_trainers_keys_is_given_by_the_trainer() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = midway(tmp.path());
    for (digit, key, giver) in [
        ('1', KeyId::LearningProcesses, Role::Student),
        ('2', KeyId::LearningPotential, Role::Student),
        ('3', KeyId::TrainerJudgement, Role::Trainer),
        ('4', KeyId::GuidanceChoices, Role::Trainer),
    ] {
        press_shown(&mut app, "Ctrl+G");
        press_digit_shown(&mut app, digit);
        press_shown(&mut app, "Ctrl+E");
        type_text(&mut app, "Zaagde een lijst op maat");
        press_shown(&mut app, "Ctrl+S");
        assert_eq!(examples(&app, key), vec![giver], "key {digit}");
    }
}

#[test]
fn ctrl_l_is_offered_as_what_is_not_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = midway(tmp.path());
    assert_shows(&app, "Wil leren vergulden.");
    assert!(footer(&app).contains("Ctrl+L vragen"), "{}", footer(&app));
    assert!(
        !footer(&app).contains("Ctrl+L vorige keer"),
        "{}",
        footer(&app)
    );
    press_shown(&mut app, "Ctrl+L");
    assert_not_shows(&app, "Wil leren vergulden.");
    assert!(
        footer(&app).contains("Ctrl+L vorige keer"),
        "{}",
        footer(&app)
    );
    press_shown(&mut app, "Ctrl+L");
    assert_shows(&app, "Wil leren vergulden.");
}
