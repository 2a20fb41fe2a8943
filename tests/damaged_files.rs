//! Damaged meeting files, the way a sync tool, a full disk or a hand edit leaves them: cut
//! off, random bytes, wrong types, empty, NUL-filled, huge, a symlink, a folder, unreadable.
//! Each time the user must still see every other placement, be told which file (and where in
//! it) is wrong, never see note text in that message, and find the file untouched afterwards.

#[path = "damaged_files/cli.rs"]
mod cli;
mod common;
#[path = "damaged_files/fixture.rs"]
mod fixture;
#[path = "damaged_files/newer.rs"]
mod newer;
#[path = "damaged_files/ui.rs"]
mod ui;

use std::fs;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::Arc;

use fixture::{Fixture, Rng, assert_no_note_text, snapshot};
use stagegesprek::domain::Moment;
use stagegesprek::domain::summary::MomentState;
use stagegesprek::i18n::{Lang, LangExt as _};
use stagegesprek::store::disk::FailingDisk;
use stagegesprek::store::read::MAX_FILE_BYTES;
use stagegesprek::store::{Damage, Store, StoreError};

/// Everything the store shows about one damaged file of `id`/`moment`, checked the way a
/// user would notice it.
#[track_caller]
fn assert_store_reports(store: &Store, fx: &Fixture, id: &str, moment: Moment, path: &Path) {
    let before = snapshot(path);
    let (summaries, errors) = store.summaries();
    let listed: Vec<&str> = summaries.iter().map(|s| s.placement.id.as_str()).collect();
    for other in &fx.ids {
        assert!(
            listed.contains(&other.as_str()),
            "{other} missing: {listed:?}"
        );
    }
    let summary = summaries.iter().find(|s| s.placement.id == id).unwrap();
    assert_eq!(summary.moments[moment.index()], MomentState::Damaged);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(error.path(), path);
    assert!(error.is_damage(), "{error:?}");
    assert_describes(error, path);
    assert_eq!(snapshot(path), before, "reading changed {}", path.display());
}

/// The message names the file, gives `line:column` where it applies, and holds no note text.
#[track_caller]
fn assert_describes(error: &StoreError, path: &Path) {
    for lang in [Lang::Nl, Lang::En] {
        let text = error.describe(lang.texts());
        assert!(text.contains(&path.display().to_string()), "{text}");
        let position = match error {
            StoreError::Parse { line, column, .. } => Some((*line, *column)),
            StoreError::Damaged {
                damage: Damage::NotText { line, column },
                ..
            } => Some((*line, *column)),
            _ => None,
        };
        if let Some((line, column)) = position {
            assert!(line >= 1 && column >= 1, "no position in {text}");
            let at = format!("{}:{line}:{column}:", path.display());
            assert!(text.contains(&at), "{at} not in {text}");
        }
        assert_no_note_text(&text);
    }
    assert_no_note_text(&error.to_string());
}

/// The full check for one kind of damage: store, summaries and the `list` command; returns
/// the error so the caller can check its kind.
#[track_caller]
fn assert_damage_shown(fx: &Fixture, id: &str, moment: Moment, path: &Path) -> StoreError {
    let store = fx.store();
    assert_store_reports(&store, fx, id, moment, path);
    cli::assert_list_reports(fx, path);
    store.read_record_file(path).unwrap_err()
}

#[test]
fn a_held_record_cut_off_at_any_offset_is_damaged_never_shorter() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    let original = fs::read(&path).unwrap();
    assert_eq!(original.last(), Some(&b'\n'));
    let store = fx.store();
    let whole = original.len() - 1;
    for cut in 0..whole {
        fs::write(&path, &original[..cut]).unwrap();
        match store.read_record_file(&path) {
            Err(e) if e.is_damage() => assert_describes(&e, &path),
            other => panic!("cut at {cut} of {whole} read as {other:?}"),
        }
        if cut % 97 == 0 {
            assert_store_reports(&store, &fx, &id, Moment::Start, &path);
        }
        if cut % 499 == 250 {
            cli::assert_list_reports(&fx, &path);
        }
    }
    for full in [whole, original.len()] {
        fs::write(&path, &original[..full]).unwrap();
        assert!(store.read_record_file(&path).is_ok(), "whole file refused");
    }
}

#[test]
fn a_draft_cut_off_every_few_bytes_is_damaged() {
    let fx = Fixture::new();
    let (id, moment, path) = fx.draft();
    let original = fs::read(&path).unwrap();
    let store = fx.store();
    for cut in (0..original.len() - 1).step_by(3) {
        fs::write(&path, &original[..cut]).unwrap();
        let error = store.read_record_file(&path).unwrap_err();
        assert!(error.is_damage(), "cut at {cut}: {error:?}");
        assert_describes(&error, &path);
    }
    fs::write(&path, &original[..original.len() / 2]).unwrap();
    assert_damage_shown(&fx, &id, moment, &path);
}

#[test]
fn random_bytes_in_place_of_a_record_are_damaged() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    for seed in 1..=6u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let len = 1 + (rng.next() % 4096) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        fs::write(&path, &bytes).unwrap();
        assert_damage_shown(&fx, &id, Moment::Start, &path);
    }
}

#[test]
fn a_binary_byte_is_reported_at_its_line_and_column() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    let original = fs::read(&path).unwrap();
    let store = fx.store();
    let mut rng = Rng(42);
    for _ in 0..12 {
        let mut at = (rng.next() as usize) % original.len();
        while std::str::from_utf8(&original[..at]).is_err() {
            at -= 1;
        }
        let mut bytes = original.clone();
        bytes.insert(at, 0xFF);
        fs::write(&path, &bytes).unwrap();
        let before = std::str::from_utf8(&original[..at]).unwrap();
        let line = before.matches('\n').count() as u64 + 1;
        let column = before.rsplit('\n').next().unwrap().chars().count() as u64 + 1;
        match store.read_record_file(&path) {
            Err(StoreError::Damaged {
                damage: Damage::NotText { line: l, column: c },
                ..
            }) => assert_eq!((l, c), (line, column), "byte at {at}"),
            other => panic!("byte at {at}: {other:?}"),
        }
    }
    assert_damage_shown(&fx, &id, Moment::Start, &path);
}

#[test]
fn wrong_types_are_parse_errors_at_the_edited_line() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    let original = fs::read_to_string(&path).unwrap();
    let note = fixture::NOTE;
    let edits = [
        ("date:", "date: 12".to_string()),
        ("schema_version:", "schema_version: \"x\"".to_string()),
        ("time_spent_seconds:", "time_spent_seconds: -5".to_string()),
        ("time_spent_seconds:", format!("time_spent_seconds: {note}")),
        ("moment:", format!("moment: {note}")),
        ("status:", "status: [final]".to_string()),
        ("end_of_file:", "end_of_file: perhaps".to_string()),
    ];
    for (prefix, replacement) in edits {
        let (text, edited_line) = fixture::replace_line(&original, prefix, &replacement);
        fs::write(&path, &text).unwrap();
        let error = assert_damage_shown(&fx, &id, Moment::Start, &path);
        match error {
            StoreError::Parse { line, .. } => {
                assert_eq!(line, edited_line, "{replacement}: {error:?}");
            }
            other => panic!("{replacement}: expected a parse error, got {other:?}"),
        }
    }
}

#[test]
fn an_empty_file_is_damaged() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    fs::write(&path, b"").unwrap();
    assert_damage_shown(&fx, &id, Moment::Start, &path);
}

#[test]
fn a_nul_filled_file_is_damaged() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    fs::write(&path, vec![0u8; 4096]).unwrap();
    assert_damage_shown(&fx, &id, Moment::Start, &path);
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    let file = fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    let error = assert_damage_shown(&fx, &id, Moment::Start, &path);
    assert!(
        matches!(
            error,
            StoreError::Damaged { damage: Damage::TooLarge { bytes }, .. } if bytes == MAX_FILE_BYTES + 1
        ),
        "{error:?}"
    );
    assert_eq!(fs::metadata(&path).unwrap().len(), MAX_FILE_BYTES + 1);
}

#[test]
fn a_symlink_to_a_valid_record_is_not_followed() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    let elsewhere = fx.tmp.path().join("elsewhere.yaml");
    fs::rename(&path, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
    let error = assert_damage_shown(&fx, &id, Moment::Start, &path);
    assert!(
        matches!(
            error,
            StoreError::Damaged {
                damage: Damage::Symlink,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(fs::symlink_metadata(&path).unwrap().is_symlink());
    assert_eq!(fs::read_link(&path).unwrap(), elsewhere);
}

#[test]
fn a_folder_in_place_of_a_record_is_damaged() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    let error = assert_damage_shown(&fx, &id, Moment::Start, &path);
    assert!(
        matches!(
            error,
            StoreError::Damaged {
                damage: Damage::NotAFile,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn an_unreadable_record_is_named_and_the_rest_still_listed() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    let disk = Arc::new(FailingDisk::default());
    disk.make_unreadable(&path);
    let store = Store::open_with(fx.data(), disk).unwrap();
    assert_store_reports(&store, &fx, &id, Moment::Start, &path);
    match store.read_record_file(&path) {
        Err(StoreError::Read { source, .. }) => {
            assert_eq!(source.kind(), ErrorKind::PermissionDenied);
        }
        other => panic!("{other:?}"),
    }
    let files = store.meeting_files_of(&id, Moment::Start);
    assert!(files.record.is_err());
}

#[test]
fn saving_over_a_damaged_record_first_sets_the_old_bytes_aside() {
    let fx = Fixture::new();
    let (id, path) = fx.held_record();
    let store = fx.store();
    let record = store.read_record_file(&path).unwrap();
    let original = fs::read(&path).unwrap();
    let damaged = &original[..original.len() / 2];
    fs::write(&path, damaged).unwrap();
    store.save_final(&id, Moment::Start, &record).unwrap();
    assert_eq!(
        store.final_record(&id, Moment::Start).unwrap(),
        Some(record)
    );
    let aside: Vec<_> = fs::read_dir(path.parent().unwrap().join("set-aside"))
        .unwrap()
        .map(|e| fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(aside, vec![damaged.to_vec()]);
}
