//! A record written by a newer version (schema 3, a field this version does not know) is not
//! damaged: it is reported as newer and left byte for byte alone by every reader and writer.

use std::fs;
use std::path::Path;

use ratatui::crossterm::event::KeyCode::Char;
use stagegesprek::domain::Moment;
use stagegesprek::domain::record::SCHEMA_VERSION;
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::StoreError;

use super::common::{app_in, assert_not_shows, assert_shows, press, screen};
use super::fixture::{Fixture, assert_no_note_text, replace_line, snapshot};
use super::{cli, ui};

const NEWER: u32 = SCHEMA_VERSION + 1;

/// Turns the held start record into one from schema `NEWER` with an unknown field; with
/// `reshaped`, a known field also has a type this version cannot read.
fn make_newer(path: &Path, reshaped: bool) {
    let text = fs::read_to_string(path).unwrap();
    let (text, _) = replace_line(
        &text,
        "schema_version:",
        &format!("schema_version: {NEWER}"),
    );
    let (mut text, _) = replace_line(
        &text,
        "end_of_file:",
        "mood_board:\n  colour: teal\n  pinned: [1, 2]\nend_of_file: true",
    );
    if reshaped {
        text = replace_line(
            &text,
            "time_spent_seconds:",
            "time_spent_seconds: {min: 45}",
        )
        .0;
    }
    fs::write(path, text).unwrap();
}

#[track_caller]
fn assert_newer(error: &StoreError, path: &Path) {
    match error {
        StoreError::Newer { path: p, version } => {
            assert_eq!(p, path);
            assert_eq!(*version, NEWER);
        }
        other => panic!("expected newer, got {other:?}"),
    }
    assert!(!error.is_damage());
    for lang in [Lang::Nl, Lang::En] {
        let text = error.describe(lang.texts());
        assert!(text.contains(&path.display().to_string()), "{text}");
        assert!(text.contains(&NEWER.to_string()), "{text}");
        assert_no_note_text(&text);
    }
}

#[test]
fn a_newer_record_is_reported_as_newer_and_left_alone() {
    for reshaped in [false, true] {
        let fx = Fixture::new();
        let (id, path) = fx.held_record();
        make_newer(&path, reshaped);
        let before = snapshot(&path);
        let store = fx.store();

        assert_newer(&store.read_record_file(&path).unwrap_err(), &path);
        let (summaries, errors) = store.summaries();
        assert_eq!(summaries.len(), fx.ids.len());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_newer(&errors[0], &path);
        let files = store.meeting_files_of(&id, Moment::Start);
        assert_newer(&files.record.unwrap_err(), &path);

        cli::assert_list_reports(&fx, &path);
        assert_eq!(snapshot(&path), before);
    }
}

#[test]
fn saving_over_a_newer_record_is_refused() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    let store = fx.store();
    let mut record = store.read_record_file(&path).unwrap();
    make_newer(&path, false);
    let before = snapshot(&path);
    record.private_notes.push_str(" Extra regel.");
    assert_newer(
        &store.save_final(&id, Moment::Start, &record).unwrap_err(),
        &path,
    );
    assert_eq!(snapshot(&path), before);
    assert!(!path.parent().unwrap().join("set-aside").exists());
}

#[test]
fn the_ui_offers_only_back_for_a_newer_record() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    make_newer(&path, true);
    let before = snapshot(&path);
    let mut app = app_in(&fx.data(), Lang::Nl);
    ui::open_with_keys(&mut app, &id, Moment::Start);
    assert_shows(&app, "Nieuwere versie");
    assert_shows(&app, "[1] terug");
    assert_not_shows(&app, "[2]");
    assert_not_shows(&app, "apart zetten");
    // Digits without an answer do nothing; `1` goes back.
    press(&mut app, Char('2'));
    assert_shows(&app, "Nieuwere versie");
    press(&mut app, Char('1'));
    assert!(
        app.context() == stagegesprek::tui::keys::KeyContext::Pick,
        "{}",
        screen(&app, 80, 24)
    );
    assert_eq!(snapshot(&path), before);
    assert!(!path.parent().unwrap().join("set-aside").exists());
    app.end_session();
}

/// A newer record is fine, only not readable here: the list must not call it damaged.
#[test]
fn a_newer_moment_is_not_listed_as_damaged() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    make_newer(&path, false);
    let out = cli::run(&fx, &["list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entry = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id.as_str())
        .unwrap();
    assert_ne!(
        entry["moments"]["start"], "damaged",
        "a record from a newer version is shown as damaged: {entry}"
    );
}
