//! Changing placements after they were made (editing, removing, bringing back) and exports
//! that land where a teacher looks. All names are fictional.

#[path = "common/cli.rs"]
mod cli_common;
use cli_common::run;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use stagegesprek::domain::{MeetingRecord, Moment, Placement, RecordStatus, Role};
use stagegesprek::export::{Format, Variant, export_file_name, export_record};
use stagegesprek::i18n::{Lang, LangExt as _, NL};
use stagegesprek::store::config::Settings;
use stagegesprek::store::guides::Guides;
use stagegesprek::store::lock::Claim;
use stagegesprek::store::{Refusal, Store, StoreError};

fn store() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    (tmp, store)
}

fn anna(store: &Store) -> Placement {
    store
        .create_placement(Placement {
            student: "Anna de Vries".into(),
            company: "Bakkerij Het Zonnige Deeg".into(),
            trainer: "Piet Proefbakker".into(),
            start: NaiveDate::from_ymd_opt(2026, 9, 1),
            end: NaiveDate::from_ymd_opt(2027, 1, 31),
            ..Placement::default()
        })
        .unwrap()
}

fn placement_file(store: &Store, id: &str) -> PathBuf {
    store.placement_dir(id).join("placement.yaml")
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn when() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 4)
        .unwrap()
        .and_hms_opt(10, 15, 0)
        .unwrap()
}

/// A held start meeting of `p`, with a private note, stored as a final record.
fn held_start(store: &Store, p: &Placement) -> MeetingRecord {
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let mut record = MeetingRecord::new(p, Moment::Start, guide, when(), None);
    record.private_notes = "Alleen voor mij: thuis speelt iets.".into();
    record.finish(&[Role::Student, Role::Trainer], when());
    store.save_final(&p.id, Moment::Start, &record).unwrap();
    record
}

#[test]
fn editing_a_placement_keeps_fields_a_newer_version_wrote() {
    let (_tmp, store) = store();
    let p = anna(&store);
    let path = placement_file(&store, &p.id);
    let text = fs::read_to_string(&path).unwrap();
    let with_newer = text.replace(
        "end_of_file: true",
        "mentor_room: B2.14\nlocations:\n- Utrecht\n- Zeist\nend_of_file: true",
    );
    fs::write(&path, with_newer).unwrap();

    let edited = Placement {
        trainer: "Fatima El Amrani".into(),
        level: "2".into(),
        ..p.clone()
    };
    let stored = store.update_placement(&edited).unwrap();
    assert_eq!(stored, edited);
    assert_eq!(store.placement(&p.id).unwrap(), edited);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("mentor_room: B2.14"), "{text}");
    assert!(text.contains("Zeist"), "{text}");
    assert!(text.contains("Fatima El Amrani"), "{text}");
    assert!(text.trim_end().ends_with("end_of_file: true"), "{text}");
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn an_edit_that_would_lose_something_changes_nothing() {
    let (_tmp, store) = store();
    let p = anna(&store);

    // Not there (any more).
    let ghost = Placement {
        id: "niemand-hier".into(),
        ..p.clone()
    };
    let error = store.update_placement(&ghost).unwrap_err();
    assert!(error.is_missing(), "{error:?}");
    assert!(!store.placement_dir("niemand-hier").exists());

    // A field a newer version wrote that a save would change (a YAML tag).
    let path = placement_file(&store, &p.id);
    let tagged = fs::read_to_string(&path)
        .unwrap()
        .replace("end_of_file: true", "mood: !calm rustig\nend_of_file: true");
    fs::write(&path, &tagged).unwrap();
    let error = store.update_placement(&p).unwrap_err();
    assert!(
        matches!(&error, StoreError::UnknownFields { fields, .. } if fields == &["mood"]),
        "{error:?}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), tagged);

    // A placement without a student is not stored.
    fs::write(&path, tagged.replace("mood: !calm rustig\n", "")).unwrap();
    let nameless = Placement {
        student: " ".into(),
        ..p.clone()
    };
    assert!(matches!(
        store.update_placement(&nameless),
        Err(StoreError::Invalid { .. })
    ));
    assert_eq!(store.placement(&p.id).unwrap().student, "Anna de Vries");
}

#[test]
fn a_removed_placement_waits_in_set_aside_and_comes_back_whole() {
    let (_tmp, store) = store();
    let p = anna(&store);
    let record = held_start(&store, &p);

    let moved = store.remove_placement(&p.id).unwrap();
    assert!(
        moved.starts_with(store.removed_dir()),
        "{}",
        moved.display()
    );
    assert!(!store.placement_dir(&p.id).exists());
    assert!(store.placements().0.is_empty());
    assert_eq!(mode(&store.removed_dir()), 0o700);

    let removed = store.removed_placements();
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].id, p.id);
    assert_eq!(removed[0].student.as_deref(), Some("Anna de Vries"));
    assert_eq!(removed[0].path, moved);

    let back = store.restore_placement(&removed[0].name).unwrap();
    assert_eq!(back, p);
    assert_eq!(
        store.final_record(&p.id, Moment::Start).unwrap(),
        Some(record)
    );
    assert!(store.removed_placements().is_empty());
}

#[test]
fn a_placement_with_a_meeting_open_elsewhere_is_not_removed() {
    let (_tmp, store) = store();
    let p = anna(&store);
    let Claim::Mine { lock, .. } = store.claim_meeting(&p.id, Moment::Midway).unwrap() else {
        panic!("the meeting is free");
    };
    let error = store.remove_placement(&p.id).unwrap_err();
    assert!(
        matches!(
            &error,
            StoreError::Refused {
                reason: Refusal::MeetingOpen {
                    moment: Moment::Midway,
                    ..
                },
                ..
            }
        ),
        "{error:?}"
    );
    let said = error.describe(Lang::Nl.texts());
    assert!(said.contains("het tussentijdse gesprek"), "{said}");
    assert!(store.placement_exists(&p.id));

    // Dropped without release: as if that window's process died. Its lock is no reason.
    drop(lock);
    store.remove_placement(&p.id).unwrap();
    assert!(!store.placement_exists(&p.id));
}

#[test]
fn a_removed_placement_does_not_replace_one_made_again_under_its_id() {
    let (_tmp, store) = store();
    let p = anna(&store);
    store.remove_placement(&p.id).unwrap();
    let again = anna(&store);
    assert_eq!(again.id, p.id);

    let error = store.restore_placement(&p.id).unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::Refused {
                reason: Refusal::IdTaken,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(store.removed_placements().len(), 1);
    assert!(
        store
            .restore_placement("iemand-anders")
            .unwrap_err()
            .is_missing()
    );
}

#[test]
fn one_summary_is_the_line_the_whole_list_shows() {
    let (_tmp, store) = store();
    let p = anna(&store);
    held_start(&store, &p);
    store
        .create_placement(Placement {
            student: "Sem Yılmaz".into(),
            ..Placement::default()
        })
        .unwrap();
    let (all, errors) = store.summaries();
    assert!(errors.is_empty());
    let one = store.summary(&p.id).unwrap();
    assert_eq!(all.iter().find(|s| s.placement.id == p.id), Some(&one));
    assert_eq!(NL.moment_marks(&one.moments), "S··");
    assert!(store.summary("niemand-hier").unwrap_err().is_missing());
}

fn settings(data: &Path, export_dir: Option<PathBuf>) -> Settings {
    Settings {
        data_dir: data.to_path_buf(),
        config_dir: None,
        lang: Lang::Nl,
        configured_export_dir: export_dir,
        teacher_name: None,
        sync_after_meeting: false,
        unknown_settings: Vec::new(),
        unusable_settings: Vec::new(),
        config_broken_at: None,
    }
}

#[test]
fn an_export_lands_in_the_configured_folder_under_a_findable_name() {
    let (tmp, store) = store();
    let p = anna(&store);
    let record = held_start(&store, &p);
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let wanted = tmp.path().join("Documenten/stage");
    let dir = settings(store.root(), Some(wanted.clone())).export_dir();
    assert_eq!(dir, wanted);

    let full = export_record(
        &store,
        &dir,
        &record,
        guide,
        Variant::Full,
        Format::Markdown,
    )
    .unwrap();
    assert_eq!(
        full,
        wanted.join("anna-de-vries-bakkerij-het-zonnige-deeg-startgesprek-2026-12-04.md")
    );
    assert_eq!(mode(&full), 0o600);
    assert_eq!(mode(&wanted), 0o700);
    assert!(
        fs::read_to_string(&full)
            .unwrap()
            .contains("thuis speelt iets")
    );

    let shared = export_record(
        &store,
        &dir,
        &record,
        guide,
        Variant::Shared,
        Format::Markdown,
    )
    .unwrap();
    assert_eq!(
        shared.file_name().unwrap(),
        "anna-de-vries-bakkerij-het-zonnige-deeg-startgesprek-2026-12-04-gedeeld.md"
    );
    assert!(
        !fs::read_to_string(&shared)
            .unwrap()
            .contains("thuis speelt iets")
    );

    // Exporting again replaces the earlier export in one step.
    fs::write(&full, "oud").unwrap();
    export_record(
        &store,
        &dir,
        &record,
        guide,
        Variant::Full,
        Format::Markdown,
    )
    .unwrap();
    assert!(
        fs::read_to_string(&full)
            .unwrap()
            .contains("thuis speelt iets")
    );
}

#[test]
fn export_names_are_plain_in_both_languages_and_mark_drafts() {
    let guides = Guides::load(None, Lang::En.texts());
    let guide = guides.for_language(Lang::En).unwrap();
    let p = Placement {
        id: "zoe-celik-con".into(),
        student: "Zoë Çelik / CON".into(),
        ..Placement::default()
    };
    let mut record = MeetingRecord::new(&p, Moment::Midway, guide, when(), None);
    assert_eq!(record.status, RecordStatus::Draft);
    assert_eq!(
        export_file_name(&record, Lang::En.texts(), Variant::Shared, Format::Markdown),
        "zoe-celik-con-mid-placement-review-2026-12-04-draft-shared.md"
    );
    record.finish(&[], when());
    assert_eq!(
        export_file_name(&record, Lang::Nl.texts(), Variant::Full, Format::Markdown),
        "zoe-celik-con-tussentijds-gesprek-2026-12-04.md"
    );
}

#[test]
fn two_students_of_the_same_name_meeting_on_the_same_day_keep_their_own_exports() {
    let (tmp, store) = store();
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let dir = tmp.path().join("export");
    // Two companies, and twice the same company: each placement gets an export of its own.
    let livs: Vec<Placement> = [
        "Bakkerij Het Zonnige Deeg",
        "Garage Testblok",
        "Garage Testblok",
    ]
    .into_iter()
    .map(|company| {
        store
            .create_placement(Placement {
                student: "Liv de Klerk".into(),
                company: company.into(),
                ..Placement::default()
            })
            .unwrap()
    })
    .collect();
    let mut written = Vec::new();
    for (n, p) in livs.iter().enumerate() {
        let mut record = held_start(&store, p);
        record.keys.learning_processes.notes = format!("Alleen over stage nummer {n}.");
        for variant in [Variant::Shared, Variant::Full] {
            let path =
                export_record(&store, &dir, &record, guide, variant, Format::Markdown).unwrap();
            written.push((path, n, &p.id));
        }
    }
    for (path, n, _) in &written {
        let text = fs::read_to_string(path).unwrap();
        assert!(
            text.contains(&format!("stage nummer {n}.")),
            "{} was replaced by another placement's export",
            path.display()
        );
    }
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 6);
    // The name tells them apart the way `list` does: by the placement's id.
    for (path, _, id) in &written {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            name.starts_with(&format!("{id}-startgesprek-2026-12-04")),
            "{name}"
        );
    }
}

#[test]
fn an_export_is_never_written_into_the_data_folder_or_through_a_link() {
    let (tmp, store) = store();
    let p = anna(&store);
    let record = held_start(&store, &p);
    let guides = Guides::load(None, Lang::Nl.texts());
    let guide = guides.for_language(Lang::Nl).unwrap();
    let t = Lang::Nl.texts();

    let inside = store.root().join("exports");
    let error = export_record(
        &store,
        &inside,
        &record,
        guide,
        Variant::Full,
        Format::Markdown,
    )
    .unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::Refused {
                reason: Refusal::InDataDir { .. },
                ..
            }
        ),
        "{error:?}"
    );
    assert!(!inside.exists(), "a refused export leaves no folder behind");
    // Also when spelled through a link to the data folder, or with `..`.
    let link = tmp.path().join("snelkoppeling");
    std::os::unix::fs::symlink(store.root(), &link).unwrap();
    for dir in [
        link.join("placements"),
        store.root().join("placements/../x"),
    ] {
        assert!(
            export_record(
                &store,
                &dir,
                &record,
                guide,
                Variant::Full,
                Format::Markdown
            )
            .is_err()
        );
    }

    // A link with the export's name is refused, and its target is left alone.
    let dir = tmp.path().join("export");
    fs::create_dir(&dir).unwrap();
    let target = tmp.path().join("kostbaar.txt");
    fs::write(&target, "blijf af").unwrap();
    let name = export_file_name(&record, t, Variant::Full, Format::Markdown);
    std::os::unix::fs::symlink(&target, dir.join(&name)).unwrap();
    let error = export_record(
        &store,
        &dir,
        &record,
        guide,
        Variant::Full,
        Format::Markdown,
    )
    .unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::Refused {
                reason: Refusal::NotAPlainFile,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "blijf af");
}

#[test]
fn removed_lists_and_restore_brings_back_from_the_command_line() {
    let (_tmp, store) = store();
    let p = anna(&store);
    let data = store.root();

    let out = run(data, &["removed"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("geen weggezette"));

    let moved = store.remove_placement(&p.id).unwrap();
    let out = run(data, &["removed"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let folder = moved.file_name().unwrap().to_str().unwrap();
    assert!(text.starts_with(folder), "{text}");
    assert!(text.contains("Anna de Vries"), "{text}");
    // When, the way the rest of the program writes a date.
    let today = chrono::Local::now().date_naive();
    assert!(
        text.contains(&today.format("%-d-%-m-%Y ").to_string()),
        "{text}"
    );

    let out = run(data, &["restore", "iemand-anders"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("geen weggezette stageplaats 'iemand-anders'"),
        "{said}"
    );

    let out = run(data, &["--lang", "en", "restore", folder]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("Restored: {} (Anna de Vries)\n", p.id)
    );
    assert!(store.placement_exists(&p.id));
}
