//! A meeting's private notes and concern live in a file of their own beside the record, so the
//! record can be shared with colleagues and the private part never is. The teacher's own
//! views see the meeting whole; records from before are moved apart once, and a stop half-way
//! loses nothing.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Command;

use common::{new_placement, new_record, read};
use stagegesprek::domain::record::{Concern, ConcernKind, RecordStatus};
use stagegesprek::domain::{MeetingRecord, Moment};
use stagegesprek::store::{Store, to_yaml};

const NOTE: &str = "Privé-merkteken-zeventien";
const CONCERN: &str = "Zorg-merkteken-achttien";

fn whole(store: &Store, id: &str) -> MeetingRecord {
    let placement = store.placement(id).unwrap();
    let mut record = new_record(&placement, Moment::Midway, (2026, 10, 1));
    record.status = RecordStatus::Final;
    record.private_notes = format!("{NOTE}: thuis gaat het even niet goed.");
    record.concern = Some(Concern {
        kinds: vec![ConcernKind::InsufficientGuidance],
        note: CONCERN.into(),
    });
    record
}

/// The real program, as a teacher starts a command, on the data folder `dir`.
fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(args)
        .env("STAGEGESPREK_DATA_DIR", dir)
        .env("STAGEGESPREK_CONFIG_DIR", dir.join("config"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn a_finished_record_holds_no_private_text_and_the_teacher_still_sees_it_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, placement) = new_placement(tmp.path(), "Fenna Voorbeeld", "Bakkerij Proef");
    let record = whole(&store, &placement.id);
    store
        .save_final(&placement.id, Moment::Midway, &record)
        .unwrap();

    let shared = read(&store.record_path(&placement.id, Moment::Midway));
    let private = store.private_path(&placement.id, Moment::Midway);
    assert!(shared.contains("Bakkerij Proef"), "{shared}");
    assert!(
        !shared.contains(NOTE) && !shared.contains(CONCERN),
        "{shared}"
    );
    assert!(read(&private).contains(NOTE) && read(&private).contains(CONCERN));
    let mode = fs::metadata(&private).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "only the teacher may read it");

    // The teacher's own views: the record, the list's concern flag, search, `show`.
    let back = store
        .final_record(&placement.id, Moment::Midway)
        .unwrap()
        .unwrap();
    assert_eq!(back, record);
    let (summary, _) = store.summaries();
    assert!(summary[0].concern, "the list still flags the concern");
    let found = run(tmp.path(), &["search", "merkteken"]);
    assert!(found.contains("Fenna Voorbeeld"), "{found}");
    let shown = run(tmp.path(), &["show", &format!("{}/tussen", placement.id)]);
    assert!(shown.contains(NOTE) && shown.contains(CONCERN), "{shown}");
    // Anything shared still leaves it out.
    let exported = run(
        tmp.path(),
        &[
            "export",
            &format!("{}/tussen", placement.id),
            "--shared",
            "-o",
            "-",
        ],
    );
    assert!(
        !exported.contains(NOTE) && !exported.contains(CONCERN),
        "{exported}"
    );

    // Cleared in the meeting and finished again: the private file goes, and the version it
    // held is kept in `set-aside/`, never erased.
    let mut cleared = record.clone();
    cleared.private_notes.clear();
    cleared.concern = None;
    store
        .save_final(&placement.id, Moment::Midway, &cleared)
        .unwrap();
    assert!(!private.exists());
    let aside = store.placement_dir(&placement.id).join("set-aside");
    let kept: Vec<String> = fs::read_dir(&aside)
        .unwrap()
        .flatten()
        .map(|e| read(&e.path()))
        .collect();
    assert!(kept.iter().any(|k| k.contains(NOTE)), "{kept:?}");
    let back = store
        .final_record(&placement.id, Moment::Midway)
        .unwrap()
        .unwrap();
    assert!(back.private_notes.is_empty() && back.concern.is_none());
}

#[test]
fn records_from_before_are_moved_apart_once_and_a_stop_half_way_loses_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, placement) = new_placement(tmp.path(), "Fenna Voorbeeld", "Bakkerij Proef");
    let id = placement.id.clone();
    let record = whole(&store, &id);
    let path = store.record_path(&id, Moment::Midway);
    let private = store.private_path(&id, Moment::Midway);
    // As the previous version wrote it: everything in the record itself.
    fs::write(&path, to_yaml(&record)).unwrap();
    assert!(read(&path).contains(NOTE));

    // Read as it is before anything moved.
    assert_eq!(
        store.final_record(&id, Moment::Midway).unwrap().unwrap(),
        record
    );

    // Stopped half-way: the private file written, the record not yet rewritten. This is the
    // only state in between, as each file is replaced whole.
    let (_, part) = record.clone().split_private();
    fs::write(
        &private,
        format!(
            "schema_version: 1\nplacement: {id}\nmoment: midway\nprivate_notes: '{}'\nend_of_file: true\n",
            part.notes
        ),
    )
    .unwrap();
    assert_eq!(
        store
            .final_record(&id, Moment::Midway)
            .unwrap()
            .unwrap()
            .private_notes,
        record.private_notes
    );

    // The next start finishes the job and says so.
    let said = run(tmp.path(), &["list"]);
    assert!(said.contains("eigen bestand"), "{said}");
    assert!(!read(&path).contains(NOTE) && !read(&path).contains(CONCERN));
    assert!(read(&private).contains(NOTE) && read(&private).contains(CONCERN));
    assert_eq!(
        store.final_record(&id, Moment::Midway).unwrap().unwrap(),
        record
    );

    // Once: the start after that looks at nothing and says nothing.
    let said = run(tmp.path(), &["list"]);
    assert!(!said.contains("eigen bestand"), "{said}");

    // A record from before arriving later (a copy from an older laptop) is still read whole,
    // and split when it is next stored.
    fs::remove_file(&private).unwrap();
    fs::write(&path, to_yaml(&record)).unwrap();
    let read_back = store.final_record(&id, Moment::Midway).unwrap().unwrap();
    assert_eq!(read_back, record);
    store.save_final(&id, Moment::Midway, &read_back).unwrap();
    assert!(!read(&path).contains(NOTE));
    assert!(read(&private).contains(NOTE));
}

#[test]
fn a_damaged_private_file_is_named_and_set_aside_never_written_over() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, placement) = new_placement(tmp.path(), "Fenna Voorbeeld", "Bakkerij Proef");
    let id = placement.id.clone();
    let record = whole(&store, &id);
    store.save_final(&id, Moment::Midway, &record).unwrap();
    let private = store.private_path(&id, Moment::Midway);
    // Cut off, as by a full disk in another program.
    let text = read(&private);
    fs::write(&private, &text[..text.len() / 2]).unwrap();
    let err = store.final_record(&id, Moment::Midway).unwrap_err();
    assert_eq!(err.path(), private.as_path());

    // Finishing again moves the damaged file aside, unchanged, and writes a whole one.
    store.save_final(&id, Moment::Midway, &record).unwrap();
    assert_eq!(
        store.final_record(&id, Moment::Midway).unwrap().unwrap(),
        record
    );
    let aside = store.placement_dir(&id).join("set-aside");
    let kept: Vec<String> = fs::read_dir(&aside)
        .unwrap()
        .flatten()
        .map(|e| read(&e.path()))
        .collect();
    assert!(
        kept.contains(&text[..text.len() / 2].to_string()),
        "{kept:?}"
    );
}
