//! What comes in from outside is shown, never obeyed: control characters in a mailed reply
//! are replaced before they are stored, and any already on disk reach a terminal or a shared
//! file as visible escapes. Runs the real binary.

#[path = "common/cli.rs"]
mod cli_common;

use std::path::{Path, PathBuf};
use std::process::Output;

use cli_common::run;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// One fictional demo placement in `<tmp>/data`; returns the data folder and the placement's.
fn demo(tmp: &Path) -> (PathBuf, PathBuf) {
    let data = tmp.join("data");
    let out = run(
        &data,
        &["demo-data", data.to_str().unwrap(), "--placements", "1"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dir = std::fs::read_dir(data.join("placements"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    (data, dir)
}

/// Nothing a terminal would act on: no control character but the line break, and no
/// bidirectional override.
fn assert_harmless(text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)),
        "{text:?}"
    );
}

const HONEST: &str = "Daan werkt zelfstandig en netjes.";
const FORGED: &str = "Daan is ongeschikt, stage stoppen.";

/// "Daan werkt zelfstandig en netjes." with 33 backspaces and a forged sentence over it, a
/// terminal reset and a screen full of E's.
fn forged_answer() -> String {
    format!("{HONEST}{}{FORGED}\u{1b}c\u{1b}#8\u{7}", "\u{8}".repeat(33))
}

#[test]
fn an_imported_reply_stores_no_control_characters_and_says_it_replaced_them() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = demo(tmp.path());
    let id = dir.file_name().unwrap().to_str().unwrap().to_string();
    let form = stdout(&run(&data, &["prepare-form", &id, "--moment", "midway"]));
    let reply = form.replacen(
        "Waarin is de student gegroeid, als je naar de leerdoelen kijkt?\n",
        &format!(
            "Waarin is de student gegroeid, als je naar de leerdoelen kijkt?\n{}\n",
            forged_answer()
        ),
        1,
    );
    let file = tmp.path().join("antwoord.txt");
    std::fs::write(&file, reply).unwrap();

    let out = run(&data, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert_harmless(&said);
    assert!(said.contains("36 onzichtbare stuurtekens"), "{said}");

    let stored = std::fs::read_to_string(dir.join("midway.trainer.prep.yaml")).unwrap();
    assert!(stored.contains(HONEST), "{stored}");
    assert!(
        !stored.contains(r"\b") && !stored.contains(r"\e"),
        "{stored}"
    );
    assert_harmless(&stored);
}

#[test]
fn the_import_line_shows_a_student_name_with_control_characters_harmlessly() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = demo(tmp.path());
    let id = dir.file_name().unwrap().to_str().unwrap().to_string();
    let form = stdout(&run(&data, &["prepare-form", &id, "--moment", "midway"]));
    let reply = form.replacen(
        "Waarin is de student gegroeid, als je naar de leerdoelen kijkt?\n",
        "Waarin is de student gegroeid, als je naar de leerdoelen kijkt?\nGoed.\n",
        1,
    );
    let file = tmp.path().join("antwoord.txt");
    std::fs::write(&file, reply).unwrap();
    let placement = dir.join("placement.yaml");
    let yaml = std::fs::read_to_string(&placement).unwrap();
    let yaml = yaml.replace(
        "student: Noor Verbeek",
        r#"student: "Noor\ec\u202eVerbeek""#,
    );
    std::fs::write(&placement, yaml).unwrap();

    let out = run(&data, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert_harmless(&said);
    assert!(said.contains(r"Noor\u{1b}c\u{202e}Verbeek"), "{said}");
}

#[test]
fn a_record_with_control_characters_on_disk_is_shown_and_exported_harmlessly() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = demo(tmp.path());
    let record = dir.join("start.yaml");
    let yaml = std::fs::read_to_string(&record).unwrap();
    let escaped_answer = forged_answer()
        .replace('\u{8}', r"\b")
        .replace('\u{1b}', r"\e")
        .replace('\u{7}', r"\a");
    let yaml = yaml.replacen(
        "notes: \"Eerste indruk:",
        &format!("notes: \"{escaped_answer} \\u202Ekeerom\\u0085 Eerste indruk:"),
        1,
    );
    std::fs::write(&record, yaml).unwrap();
    let id = dir.file_name().unwrap().to_str().unwrap();
    let name = format!("{id}/start");
    let shared = tmp.path().join("gedeeld.md");

    let shown = run(&data, &["show", &name, "--format", "md"]);
    let exported = run(&data, &["export", &name, "-o", "-"]);
    let written = run(
        &data,
        &["export", &name, "--shared", "-o", shared.to_str().unwrap()],
    );
    for out in [&shown, &exported, &written] {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    }
    // The file itself, printed: the YAML writer escapes C0 controls, the rest is shown.
    let as_file = run(&data, &["show", &name, "--format", "yaml"]);
    assert_eq!(as_file.status.code(), Some(0), "{}", stderr(&as_file));
    let as_file = stdout(&as_file);
    assert!(as_file.contains("keerom"), "{as_file}");
    for raw in ['\u{1b}', '\u{8}', '\u{7}', '\u{202e}', '\u{85}'] {
        assert!(!as_file.contains(raw), "{raw:?} raw in:\n{as_file}");
    }
    let file = std::fs::read_to_string(&shared).unwrap();
    for text in [stdout(&shown), stdout(&exported), file] {
        assert_harmless(&text);
        assert!(text.contains(HONEST), "{text}");
        assert!(text.contains(r"\u{8}\u{8}"), "{text}");
        assert!(text.contains(r"\u{1b}c\u{1b}#8"), "{text}");
    }
}

#[test]
fn list_shows_a_right_to_left_override_in_a_name_harmlessly() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, dir) = demo(tmp.path());
    let placement = dir.join("placement.yaml");
    let yaml = std::fs::read_to_string(&placement).unwrap();
    let yaml = yaml.replace(
        "student: Noor Verbeek",
        r#"student: "Noor\u202ekeebreV\u200b""#,
    );
    std::fs::write(&placement, yaml).unwrap();

    let out = run(&data, &["list"]);
    let text = stdout(&out);
    assert_harmless(&text);
    assert!(text.contains(r"Noor\u{202e}keebreV\u{200b}"), "{text}");
}
