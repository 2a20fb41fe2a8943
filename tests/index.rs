//! The index is a cache over the files, never the truth: whatever happens to the files (by
//! this program, another window, a hand edit, a deleted folder, a damaged or foreign index
//! file), the overview it gives is the one the files give, and search finds what they say.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use chrono::NaiveDate;
use common::{example, new_placement, new_record};
use stagegesprek::domain::search::{Flag, Part, SearchQuery};
use stagegesprek::domain::{KeyId, Moment, RecordStatus, Role};
use stagegesprek::store::Store;
use stagegesprek::store::index::{INDEX_DIR, INDEX_FILE};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

fn demo(dir: &Path, placements: &str) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args([
            "demo-data",
            dir.to_str().unwrap(),
            "--placements",
            placements,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

/// The overview through the index equals the overview read from the files, errors included.
fn assert_index_tells_the_files(store: &Store, when: &str) {
    let through_index = store.overview(today(), &mut |_, _| {});
    // Without a placements folder the files are read, so that it is named.
    let placements = store.root().join("placements");
    assert_eq!(
        through_index.index_failed.is_none(),
        placements.exists(),
        "{when}"
    );
    let (from_files, errors) = store.summaries_on(today());
    assert_eq!(through_index.summaries, from_files, "{when}");
    let named = |e: &[stagegesprek::store::StoreError]| {
        let mut paths: Vec<_> = e.iter().map(|e| e.path().to_path_buf()).collect();
        paths.sort();
        paths
    };
    assert_eq!(named(&through_index.errors), named(&errors), "{when}");
}

fn search(store: &Store, query: &SearchQuery) -> Vec<stagegesprek::store::index::Hit> {
    let (index, _) = store.fresh_index(today(), &mut |_, _| {}).unwrap();
    index.search(query, today()).unwrap()
}

#[test]
fn every_change_to_the_files_shows_in_the_overview() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo(&data, "12");
    let store = Store::open(&data).unwrap();
    assert_index_tells_the_files(&store, "first build");
    assert_index_tells_the_files(&store, "nothing changed");
    let (placements, _) = store.placements();
    let placements_dir = data.join("placements");

    // A record edited by hand, in place, to the same length: only the change time moves.
    let held = placements
        .iter()
        .find_map(|p| {
            let path = store.record_path(&p.id, Moment::Start);
            path.exists().then_some(path)
        })
        .expect("a held start");
    let text = fs::read_to_string(&held).unwrap();
    let edited = text.replacen("status: final", "status: draft", 1);
    assert_eq!(edited.len(), text.len());
    fs::write(&held, edited).unwrap();
    assert_index_tells_the_files(&store, "a record edited in place");

    // A record that can no longer be read, then one that can again.
    fs::write(&held, "keys: [unclosed\n").unwrap();
    assert_index_tells_the_files(&store, "a damaged record");
    fs::write(&held, text).unwrap();
    assert_index_tells_the_files(&store, "the record repaired");

    // A placement folder removed by hand, and one copied in from elsewhere.
    let gone = &placements[1].id;
    fs::rename(placements_dir.join(gone), tmp.path().join("elsewhere")).unwrap();
    assert_index_tells_the_files(&store, "a folder removed");
    fs::rename(tmp.path().join("elsewhere"), placements_dir.join(gone)).unwrap();
    assert_index_tells_the_files(&store, "the folder back");

    // A new placement and a meeting held in another window.
    let (other, fenna) = new_placement(&data, "Fenna Voorbeeld", "Drukkerij Het Vel");
    let mut record = new_record(&fenna, Moment::Start, (2026, 11, 30));
    record.status = RecordStatus::Final;
    other.save_final(&fenna.id, Moment::Start, &record).unwrap();
    assert_index_tells_the_files(&store, "a meeting held elsewhere");

    // A placement file changed by hand: the student's new name sorts elsewhere.
    let file = placements_dir.join(&fenna.id).join("placement.yaml");
    let yaml = fs::read_to_string(&file).unwrap();
    fs::write(&file, yaml.replace("Fenna Voorbeeld", "Aafke Voorbeeld")).unwrap();
    assert_index_tells_the_files(&store, "a placement renamed by hand");
    let overview = store.overview(today(), &mut |_, _| {});
    assert_eq!(overview.summaries[0].placement.student, "Aafke Voorbeeld");

    // The whole placements folder gone: nothing is left in the overview.
    fs::rename(&placements_dir, tmp.path().join("all")).unwrap();
    assert_index_tells_the_files(&store, "no placements folder");
    assert!(store.overview(today(), &mut |_, _| {}).summaries.is_empty());
}

#[test]
fn deleting_the_index_loses_nothing_and_a_foreign_one_is_set_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo(&data, "6");
    let store = Store::open(&data).unwrap();
    let before = store.overview(today(), &mut |_, _| {}).summaries;
    assert_eq!(before.len(), 6);
    let index = data.join(INDEX_DIR).join(INDEX_FILE);
    assert_eq!(
        fs::metadata(&index).unwrap().permissions().mode() & 0o777,
        0o600
    );

    fs::remove_dir_all(data.join(INDEX_DIR)).unwrap();
    assert_eq!(store.overview(today(), &mut |_, _| {}).summaries, before);

    for (what, bytes) in [
        (
            "not a database",
            b"this is not SQLite at all, just some words\n".to_vec(),
        ),
        ("an empty file", Vec::new()),
        (
            "a truncated index",
            fs::read(&index).unwrap()[..4096].to_vec(),
        ),
    ] {
        fs::write(&index, &bytes).unwrap();
        let overview = store.overview(today(), &mut |_, _| {});
        assert_eq!(overview.summaries, before, "{what}");
        if !bytes.is_empty() {
            let aside = overview.index_set_aside.expect(what);
            assert_eq!(fs::read(&aside).unwrap(), bytes, "{what}: kept as it was");
        }
    }

    // Another program's SQLite file in its place is never trusted.
    fs::remove_file(&index).unwrap();
    let foreign = rusqlite::Connection::open(&index).unwrap();
    foreign
        .execute_batch("CREATE TABLE placement (id TEXT); INSERT INTO placement VALUES ('x');")
        .unwrap();
    drop(foreign);
    let overview = store.overview(today(), &mut |_, _| {});
    assert_eq!(overview.summaries, before);
    assert!(overview.index_set_aside.is_some());
}

#[test]
fn a_word_is_found_whatever_its_case_accents_or_ending() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, zoe) = new_placement(tmp.path(), "Zoë Proef", "Grand Café De Zon");
    let mut record = new_record(&zoe, Moment::Midway, (2026, 10, 14));
    record.status = RecordStatus::Final;
    record.keys.learning_potential.notes = "De planning van de keuken hangt aan de muur.".into();
    record.keys.guidance_choices.examples.push(example(
        "Mocht zelf de Crème brûlée opmaken voor de gasten.",
        Role::Trainer,
    ));
    record.private_notes = "Thuis speelt een verhuizing.".into();
    store.save_final(&zoe.id, Moment::Midway, &record).unwrap();
    let (_, other) = new_placement(tmp.path(), "Bram Test", "Garage Oost");
    let mut other_record = new_record(&other, Moment::Start, (2026, 9, 1));
    other_record.keys.learning_potential.notes = "Geen planning nodig.".into();
    store
        .save_draft(&other.id, Moment::Start, &other_record)
        .unwrap();

    // A name finds the placement itself.
    let hits = search(&store, &SearchQuery::words("CAFE zon"));
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!((hits[0].part, hits[0].moment), (Part::Placement, None));
    let hits = search(&store, &SearchQuery::words("creme brulee"));
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].part, Part::Key(KeyId::GuidanceChoices));
    assert_eq!(hits[0].date, NaiveDate::from_ymd_opt(2026, 10, 14));
    assert!(
        hits[0].snippet.contains("\u{2}Crème\u{3}"),
        "{:?}",
        hits[0].snippet
    );

    let hits = search(&store, &SearchQuery::words("plan"));
    assert_eq!(hits.len(), 2, "'plan' finds 'planning' in both: {hits:?}");
    assert!(
        hits.iter()
            .all(|h| h.part == Part::Key(KeyId::LearningPotential))
    );
    let only_zon = SearchQuery {
        company: Some("cafe de".into()),
        ..SearchQuery::words("plan")
    };
    let hits = search(&store, &only_zon);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].student, "Zoë Proef");
    let before = SearchQuery {
        until: NaiveDate::from_ymd_opt(2026, 9, 30),
        ..SearchQuery::words("plan")
    };
    assert_eq!(search(&store, &before)[0].student, "Bram Test");
    let at_start = SearchQuery {
        moment: Some(Moment::Start),
        ..SearchQuery::words("planning")
    };
    let hits = search(&store, &at_start);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].student, "Bram Test");

    // Words from different parts of one meeting, or a name with a word, find the meeting, at
    // the first part that holds one of the words.
    let hits = search(&store, &SearchQuery::words("brulee verhuizing"));
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        (hits[0].moment, hits[0].part),
        (Some(Moment::Midway), Part::Key(KeyId::GuidanceChoices))
    );
    assert!(
        hits[0].snippet.contains("\u{2}brûlée\u{3}"),
        "{:?}",
        hits[0].snippet
    );
    let hits = search(&store, &SearchQuery::words("zoe keuken"));
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].part, Part::Key(KeyId::LearningPotential));
    // The words around it come from that part, not from the names.
    assert!(
        hits[0].snippet.contains("\u{2}keuken\u{3}"),
        "{:?}",
        hits[0].snippet
    );
    assert!(search(&store, &SearchQuery::words("bram keuken")).is_empty());
    // Only signs: nothing to look for.
    assert!(search(&store, &SearchQuery::words(" \"*- ")).is_empty());

    // The teacher's own notes are searchable in the teacher's own program.
    let hits = search(&store, &SearchQuery::words("verhuizing"));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].part, Part::Private);

    // A word changed by hand in the file is found, the old one no longer: the private notes
    // live in the file beside the record.
    let path = store.private_path(&zoe.id, Moment::Midway);
    assert!(
        !fs::read_to_string(store.record_path(&zoe.id, Moment::Midway))
            .unwrap()
            .contains("verhuizing")
    );
    let yaml = fs::read_to_string(&path).unwrap();
    fs::write(&path, yaml.replace("verhuizing", "verbouwing")).unwrap();
    assert!(search(&store, &SearchQuery::words("verhuizing")).is_empty());
    assert_eq!(search(&store, &SearchQuery::words("verbouwing")).len(), 1);

    // Nothing typed can break the search: quotes, operators, a lone star.
    for typed in ["\"", "plan*", "NOT", "a OR", "(", "-", "^", "kolom:waarde"] {
        let q = SearchQuery::words(typed);
        let (index, _) = store.fresh_index(today(), &mut |_, _| {}).unwrap();
        assert!(index.search(&q, today()).is_ok(), "{typed}");
    }

    // Flags narrow to placements that need attention.
    let concerned = SearchQuery {
        flags: vec![Flag::Concern],
        ..SearchQuery::words("plan")
    };
    assert!(search(&store, &concerned).is_empty());
}

#[test]
fn widened_permissions_in_a_placement_are_narrowed_when_the_overview_reads_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo(&data, "3");
    let store = Store::open(&data).unwrap();
    store.overview(today(), &mut |_, _| {});
    let (placements, _) = store.placements();
    let dir = data.join("placements").join(&placements[0].id);
    let file = dir.join("placement.yaml");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let overview = store.overview(today(), &mut |_, _| {});
    assert_eq!(overview.repaired, vec![file.clone()]);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(store.overview(today(), &mut |_, _| {}).repaired.is_empty());
}

#[test]
fn flags_narrow_a_search_to_placements_that_need_attention() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo(&data, "6");
    let store = Store::open(&data).unwrap();
    let today = stagegesprek::store::today();
    let overview = store.overview(today, &mut |_, _| {}).summaries;
    let (index, _) = store.fresh_index(today, &mut |_, _| {}).unwrap();
    for (flag, has) in [
        (
            Flag::Late,
            (|s| s.overdue) as fn(&stagegesprek::domain::summary::PlacementSummary) -> bool,
        ),
        (Flag::Concern, |s| s.concern),
        (Flag::NoVisitYet, |s| s.on_site_at_risk()),
    ] {
        let mut wanted: Vec<&str> = overview
            .iter()
            .filter(|s| has(s))
            .map(|s| s.placement.id.as_str())
            .collect();
        wanted.sort_unstable();
        assert!(
            !wanted.is_empty(),
            "the demo has a placement that is {flag:?}"
        );
        // Every placement is found by its name; the flag keeps only the ones it names.
        let mut found: Vec<String> = overview
            .iter()
            .flat_map(|s| {
                let q = SearchQuery {
                    flags: vec![flag],
                    ..SearchQuery::words(&s.placement.student)
                };
                index.search(&q, today).unwrap()
            })
            .filter(|h| h.part == Part::Placement)
            .map(|h| h.placement)
            .collect();
        found.sort_unstable();
        found.dedup();
        assert_eq!(found, wanted, "{flag:?}");
    }
}

#[test]
fn a_file_or_a_link_where_the_index_folder_belongs_is_moved_aside_and_never_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo(&data, "3");
    let store = Store::open(&data).unwrap();
    let cache = data.join(INDEX_DIR);
    fs::remove_dir_all(&cache).ok();
    fs::write(&cache, "not a folder").unwrap();
    let overview = store.overview(today(), &mut |_, _| {});
    assert_eq!(overview.index_failed, None);
    assert_eq!(overview.summaries.len(), 3);
    assert!(cache.is_dir());
    let aside: Vec<_> = fs::read_dir(data.join("set-aside"))
        .unwrap()
        .flatten()
        .collect();
    assert!(
        aside
            .iter()
            .any(|e| fs::read_to_string(e.path()).is_ok_and(|t| t == "not a folder")),
        "the file is kept, moved aside"
    );

    // A link to a folder elsewhere: nothing is written there.
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::remove_dir_all(&cache).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &cache).unwrap();
    let overview = store.overview(today(), &mut |_, _| {});
    assert_eq!(overview.index_failed, None);
    assert_eq!(
        fs::read_dir(&elsewhere).unwrap().count(),
        0,
        "the link was not followed"
    );
    assert!(fs::symlink_metadata(&cache).unwrap().is_dir());
}
