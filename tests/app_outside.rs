//! What comes in from outside the program, on screen: names with controls that would turn a
//! line around are shown, not obeyed.

mod common;

use common::*;
use stagegesprek::i18n::Lang;

/// No character on screen that a terminal would act on or that reorders the line.
fn assert_harmless(shown: &str) {
    assert!(
        !shown
            .chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)),
        "{shown:?}"
    );
}

#[test]
fn a_right_to_left_override_in_a_name_is_shown_not_obeyed_in_the_list_and_the_title() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let file = tmp
        .path()
        .join("placements")
        .join(DAAN)
        .join("placement.yaml");
    let yaml = read(&file).replace(
        "student: Daan el Amrani",
        r#"student: "Daan\u202eel Amrani""#,
    );
    std::fs::write(&file, yaml).unwrap();
    let mut app = app_in(tmp.path(), Lang::Nl);

    let home = screen(&app, 80, 24);
    assert_harmless(&home);
    assert!(home.contains(r"Daan\u{202e}el"), "{home}");

    press_shown(&mut app, "Enter");
    let pick = screen(&app, 80, 24);
    assert_harmless(&pick);
    assert!(pick.contains(r"Daan\u{202e}el"), "{pick}");

    press_shown(&mut app, "Enter");
    let meeting = screen(&app, 80, 24);
    assert_harmless(&meeting);
    assert!(meeting.contains(r"Daan\u{202e}el"), "{meeting}");
}

/// An app on `dir` with the details form of Daan's placement open.
fn details_form(dir: &std::path::Path) -> stagegesprek::tui::App {
    let mut app = app_in(dir, Lang::Nl);
    press_shown(&mut app, "Enter");
    press_shown(&mut app, "Ctrl+E");
    assert_shows(&app, "Stageplaats wijzigen");
    app
}

/// Moves the cursor to the `n`th field of the details form (0 is the student).
fn to_field(app: &mut stagegesprek::tui::App, n: usize) {
    for _ in 0..n {
        press_shown(app, "Tab");
    }
}

const EMAIL: usize = 8;
const TEACHER: usize = 5;

fn placement_file(dir: &std::path::Path) -> String {
    read(&dir.join("placements").join(DAAN).join("placement.yaml"))
}

fn set_aside_files(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir.join("placements").join(DAAN).join("set-aside"))
        .map(|entries| {
            entries
                .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
                .collect()
        })
        .unwrap_or_default()
}

/// Two windows change the same placement's details: one the trainer's e-mail, then the
/// other the teacher. The second is asked, and keeping its changes keeps the e-mail too.
#[test]
fn two_windows_changing_one_placement_never_lose_either_change() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut stored_email = String::new();
    for round in 0..3 {
        // Each round replaces the e-mail and adds to the teacher the rounds before stored.
        let email = format!("r{round}@kwartelweg.example");
        let teacher = format!(" vervanger{round}");
        let mut one = details_form(tmp.path());
        let mut two = details_form(tmp.path());
        to_field(&mut one, EMAIL);
        for _ in stored_email.chars() {
            press(&mut one, ratatui::crossterm::event::KeyCode::Backspace);
        }
        type_text(&mut one, &email);
        stored_email.clone_from(&email);
        press_ctrl(&mut one, 's');
        assert_shows(&one, "opgeslagen");

        to_field(&mut two, TEACHER);
        type_text(&mut two, &teacher);
        press_ctrl(&mut two, 's');
        assert_shows(&two, "Intussen elders gewijzigd");
        let asked = screen(&two, 80, 24).replace('\n', "");
        assert!(asked.contains(&email), "both versions are shown: {asked}");
        assert!(
            placement_file(tmp.path()).contains(&email),
            "nothing is written before the teacher answers"
        );
        press_digit_shown(&mut two, '2');
        assert_shows(&two, "opgeslagen");

        let stored = placement_file(tmp.path());
        assert!(stored.contains(&email), "round {round}: {stored}");
        assert!(stored.contains(&teacher), "round {round}: {stored}");
        assert!(
            set_aside_files(tmp.path())
                .iter()
                .any(|kept| kept.contains(&email) && !kept.contains(&teacher)),
            "the other window's whole version is kept apart"
        );
    }
}

#[test]
fn taking_the_other_windows_details_keeps_what_was_typed_apart() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut one = details_form(tmp.path());
    let mut two = details_form(tmp.path());
    to_field(&mut one, EMAIL);
    type_text(&mut one, "r.pellegrom@kwartelweg.example");
    press_ctrl(&mut one, 's');
    to_field(&mut two, TEACHER);
    type_text(&mut two, " junior");
    press_ctrl(&mut two, 's');
    assert_shows(&two, "Intussen elders gewijzigd");

    // Showing both goes back to the form with the other version named; nothing is written.
    press_digit_shown(&mut two, '1');
    assert_shows(&two, "Stageplaats wijzigen");
    assert_shows(&two, "Elders opgeslagen");
    assert!(!placement_file(tmp.path()).contains("junior"));

    press_ctrl(&mut two, 's');
    press_digit_shown(&mut two, '3');
    let stored = placement_file(tmp.path());
    assert!(
        stored.contains("r.pellegrom@kwartelweg.example"),
        "{stored}"
    );
    assert!(!stored.contains("junior"), "{stored}");
    assert!(
        set_aside_files(tmp.path())
            .iter()
            .any(|kept| kept.contains("Marco Dijkgraaf junior")),
        "what was typed is kept apart"
    );
}

#[test]
fn a_trainer_email_that_cannot_be_one_is_said_and_not_stored() {
    let tmp = tempfile::tempdir().unwrap();
    demo_data(tmp.path());
    let mut form = details_form(tmp.path());
    to_field(&mut form, EMAIL);
    type_text(&mut form, "r.pellegrom@kwartelweg");
    press_ctrl(&mut form, 's');
    assert_shows(&form, "kan geen e-mailadres zijn");
    assert_shows(&form, "Stageplaats wijzigen");
    assert!(!placement_file(tmp.path()).contains("r.pellegrom"));

    type_text(&mut form, ".example");
    press_ctrl(&mut form, 's');
    assert_shows(&form, "opgeslagen");
    assert!(placement_file(tmp.path()).contains("r.pellegrom@kwartelweg.example"));
}
