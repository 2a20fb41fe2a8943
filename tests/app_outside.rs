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
