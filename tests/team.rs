//! Two teachers share one archive through a bare repository made here, each driving the real
//! program on a data folder of their own. In every scenario, no private note and no concern
//! reaches any object of the shared repository.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{new_record, read};
use stagegesprek::domain::record::{Concern, ConcernKind, RecordStatus};
use stagegesprek::domain::{Moment, Placement};
use stagegesprek::store::Store;

const PRIVATE: &str = "Geheim-privé-merkteken";
const CONCERN: &str = "Geheim-zorg-merkteken";

struct Teacher {
    dir: PathBuf,
    config: PathBuf,
}

impl Teacher {
    fn new(root: &Path, name: &str) -> Self {
        let config = root.join(format!("{name}-config"));
        fs::create_dir_all(&config).unwrap();
        fs::write(config.join("config.yaml"), format!("name: {name}\n")).unwrap();
        Self {
            dir: root.join(name),
            config,
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
            .args(args)
            .env("STAGEGESPREK_DATA_DIR", &self.dir)
            .env("STAGEGESPREK_CONFIG_DIR", &self.config)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap()
    }

    /// Runs a command that must work, and gives what it said.
    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let said = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {said}");
        said
    }

    fn store(&self) -> Store {
        Store::open(&self.dir).unwrap()
    }

    /// Holds meeting `moment` of placement `id` with a private note and a concern.
    fn hold(&self, id: &str, moment: Moment, said: &str) {
        let store = self.store();
        let placement = store.placement(id).unwrap();
        let mut record = new_record(&placement, moment, (2026, 11, 2));
        record.status = RecordStatus::Final;
        record.keys.learning_processes.notes = said.into();
        record.private_notes = format!("{PRIVATE} {said}");
        record.concern = Some(Concern {
            kinds: vec![ConcernKind::SocialSafety],
            note: CONCERN.into(),
        });
        store.save_final(id, moment, &record).unwrap();
    }

    fn new_placement(&self, student: &str) -> String {
        self.store()
            .create_placement(Placement {
                student: student.into(),
                company: "Drukkerij Proefdruk".into(),
                ..Placement::default()
            })
            .unwrap()
            .id
    }

    fn set_company(&self, id: &str, company: &str) {
        let store = self.store();
        let mut placement = store.placement(id).unwrap();
        placement.company = company.into();
        store.update_placement(&placement).unwrap();
    }
}

/// A bare repository and Anna's archive shared into it, and Bram joined.
fn team(root: &Path) -> (PathBuf, Teacher, Teacher) {
    let bare = root.join("gedeeld.git");
    let made = Command::new("git")
        .args(["init", "-q", "--bare"])
        .arg(&bare)
        .output()
        .unwrap();
    assert!(made.status.success());
    let anna = Teacher::new(root, "Anna Docent");
    let bram = Teacher::new(root, "Bram Docent");
    fs::create_dir_all(&anna.dir).unwrap();
    anna.ok(&["demo-data", anna.dir.to_str().unwrap(), "--placements", "2"]);
    let said = anna.ok(&["team", "init", "--remote", bare.to_str().unwrap()]);
    assert!(said.contains("teamarchief"), "{said}");
    bram.ok(&[
        "team",
        "join",
        bare.to_str().unwrap(),
        bram.dir.to_str().unwrap(),
    ]);
    (bare, anna, bram)
}

/// Every object of the bare repository, as text.
fn everything_shared(bare: &Path) -> String {
    let out = Command::new("git")
        .args(["cat-file", "--batch-all-objects", "--batch"])
        .current_dir(bare)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[track_caller]
fn assert_nothing_private(bare: &Path) {
    let shared = everything_shared(bare);
    assert!(!shared.is_empty());
    assert!(!shared.contains(PRIVATE), "a private note was shared");
    assert!(!shared.contains(CONCERN), "a concern was shared");
}

fn ids(teacher: &Teacher) -> Vec<String> {
    teacher
        .store()
        .placements()
        .0
        .into_iter()
        .map(|p| p.id)
        .collect()
}

#[test]
fn a_meeting_held_by_one_teacher_reaches_the_other_in_one_sync_without_its_private_part() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, bram) = team(tmp.path());
    let id = ids(&anna)[0].clone();
    // Even with the ignore rules emptied by hand, nothing private is ever committed.
    fs::write(anna.dir.join(".gitignore"), "").unwrap();
    anna.hold(&id, Moment::Midway, "Werkt nu zelfstandig aan de pers.");
    let said = anna.ok(&["team", "sync"]);
    assert!(
        said.contains("2 eigen wijziging"),
        "the record and the rules: {said}"
    );
    let said = bram.ok(&["team", "sync"]);
    assert!(said.contains("2 van collega's"), "{said}");

    let shown = bram.ok(&["show", &format!("{id}/tussen")]);
    assert!(
        shown.contains("Werkt nu zelfstandig aan de pers."),
        "{shown}"
    );
    assert!(
        !shown.contains(PRIVATE) && !shown.contains(CONCERN),
        "{shown}"
    );
    // Anna still has hers whole.
    let own = anna.ok(&["show", &format!("{id}/tussen")]);
    assert!(own.contains(PRIVATE) && own.contains(CONCERN), "{own}");
    assert_nothing_private(&bare);

    // Who did what, in words, on both laptops.
    let history = bram.ok(&["history", &id]);
    assert!(
        history.contains("Anna Docent") && history.contains("Tussentijds gesprek"),
        "{history}"
    );
    assert!(history.contains("gehouden"), "{history}");
    let status = anna.ok(&["team", "status"]);
    assert!(status.contains("alles is gedeeld"), "{status}");
}

#[test]
fn two_teachers_changing_different_placements_both_see_both() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, bram) = team(tmp.path());
    let [first, second] = [ids(&anna)[0].clone(), ids(&anna)[1].clone()];
    anna.hold(&first, Moment::Midway, "Anna was hier.");
    bram.hold(&second, Moment::Midway, "Bram was hier.");
    let new = bram.new_placement("Fenna Nieuw");
    anna.ok(&["team", "sync"]);
    bram.ok(&["team", "sync"]);
    anna.ok(&["team", "sync"]);
    for teacher in [&anna, &bram] {
        let store = teacher.store();
        let a = store.final_record(&first, Moment::Midway).unwrap().unwrap();
        let b = store
            .final_record(&second, Moment::Midway)
            .unwrap()
            .unwrap();
        assert_eq!(a.keys.learning_processes.notes, "Anna was hier.");
        assert_eq!(b.keys.learning_processes.notes, "Bram was hier.");
        assert!(store.placement(&new).is_ok());
    }
    assert!(anna.ok(&["team", "status"]).contains("alles is gedeeld"));
    assert_nothing_private(&bare);
}

#[test]
fn one_file_changed_on_both_sides_keeps_both_until_a_teacher_chooses() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, bram) = team(tmp.path());
    let id = ids(&anna)[0].clone();
    anna.set_company(&id, "Bakkerij Van Anna");
    bram.set_company(&id, "Bakkerij Van Bram");
    anna.ok(&["team", "sync"]);
    let said = bram.ok(&["team", "sync"]);
    assert!(said.contains("Beide versies zijn bewaard"), "{said}");
    // Nothing merged silently: Bram's own stays, Anna's is beside it.
    assert_eq!(
        bram.store().placement(&id).unwrap().company,
        "Bakkerij Van Bram"
    );
    let beside = bram
        .dir
        .join("placements")
        .join(&id)
        .join("placement.conflict.yaml");
    assert!(read(&beside).contains("Bakkerij Van Anna"));
    // Both laptops see that it waits for a choice.
    anna.ok(&["team", "sync"]);
    for teacher in [&anna, &bram] {
        let status = teacher.ok(&["team", "status"]);
        assert!(status.contains("wacht op een keuze"), "{status}");
        // The overview marks the placement as needing attention.
        let list = teacher.ok(&["list"]);
        let line = list.lines().find(|l| l.starts_with(id.as_str())).unwrap();
        assert!(line.contains("twee versies"), "{list}");
    }

    let kept = bram.ok(&["team", "keep", &id, "--theirs"]);
    assert!(kept.contains("Gekozen"), "{kept}");
    assert_eq!(
        bram.store().placement(&id).unwrap().company,
        "Bakkerij Van Anna"
    );
    // The other version stays retrievable.
    let aside: Vec<String> = fs::read_dir(bram.dir.join("placements").join(&id).join("set-aside"))
        .unwrap()
        .flatten()
        .map(|e| read(&e.path()))
        .collect();
    assert!(
        aside.iter().any(|a| a.contains("Bakkerij Van Bram")),
        "{aside:?}"
    );
    bram.ok(&["team", "sync"]);
    anna.ok(&["team", "sync"]);
    for teacher in [&anna, &bram] {
        assert_eq!(
            teacher.store().placement(&id).unwrap().company,
            "Bakkerij Van Anna"
        );
        assert!(
            !teacher
                .ok(&["team", "status"])
                .contains("wacht op een keuze")
        );
    }
    assert_nothing_private(&bare);
}

#[test]
fn a_teacher_offline_for_a_while_shares_everything_once_the_connection_is_back() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, bram) = team(tmp.path());
    let id = ids(&anna)[0].clone();
    let away = tmp.path().join("onbereikbaar.git");
    fs::rename(&bare, &away).unwrap();
    anna.hold(&id, Moment::Midway, "Gehouden zonder verbinding.");
    let out = anna.run(&["team", "sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "not shared is a failure: {said}");
    assert!(
        said.contains("Nog niet gedeeld") && said.contains("niet te bereiken"),
        "{said}"
    );
    assert!(!said.contains(".."), "{said}");
    let status = anna.ok(&["team", "status"]);
    assert!(status.contains("nog niet gedeeld"), "{status}");
    // Still working offline: a second meeting, a second sync that cannot reach anyone.
    anna.hold(&id, Moment::Final, "Ook zonder verbinding.");
    assert!(!anna.run(&["team", "sync"]).status.success());

    fs::rename(&away, &bare).unwrap();
    let said = anna.ok(&["team", "sync"]);
    assert!(said.contains("Gedeeld om"), "{said}");
    bram.ok(&["team", "sync"]);
    let store = bram.store();
    assert!(store.final_record(&id, Moment::Midway).unwrap().is_some());
    assert!(store.final_record(&id, Moment::Final).unwrap().is_some());
    assert_nothing_private(&bare);
}

#[test]
fn a_placement_removed_on_one_side_and_changed_on_the_other_keeps_the_change() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, bram) = team(tmp.path());
    let id = ids(&anna)
        .into_iter()
        .find(|id| {
            anna.store()
                .final_record(id, Moment::Start)
                .unwrap()
                .is_some()
        })
        .expect("a placement with a held start");
    anna.store().remove_placement(&id).unwrap();
    anna.ok(&["team", "sync"]);
    bram.hold(&id, Moment::Start, "Toch nog veranderd.");
    let said = bram.ok(&["team", "sync"]);
    assert!(said.contains("de veranderde versie is bewaard"), "{said}");
    anna.ok(&["team", "sync"]);
    for teacher in [&anna, &bram] {
        let store = teacher.store();
        assert!(store.placement(&id).is_ok(), "the placement is whole again");
        let record = store.final_record(&id, Moment::Start).unwrap().unwrap();
        assert_eq!(record.keys.learning_processes.notes, "Toch nog veranderd.");
    }
    assert_nothing_private(&bare);
}

#[test]
fn a_sync_killed_at_any_point_leaves_an_archive_the_next_sync_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, bram) = team(tmp.path());
    let all = ids(&anna);
    // Killed after a growing time each round, so the kill lands at different steps.
    for (round, wait_ms) in [1_u64, 5, 15, 30, 60].into_iter().enumerate() {
        let id = &all[round % all.len()];
        let said = format!("Ronde {round}");
        anna.hold(id, Moment::Midway, &said);
        bram.set_company(
            &all[(round + 1) % all.len()],
            &format!("Bedrijf ronde {round}"),
        );
        bram.ok(&["team", "sync"]);
        let mut child = Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
            .args(["team", "sync"])
            .env("STAGEGESPREK_DATA_DIR", &anna.dir)
            .env("STAGEGESPREK_CONFIG_DIR", &anna.config)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        let _ = child.kill();
        let _ = child.wait();
        // The next sync completes the job, and nothing of either side is lost.
        let done = anna.ok(&["team", "sync"]);
        assert!(done.contains("Gedeeld om"), "round {round}: {done}");
        bram.ok(&["team", "sync"]);
        for teacher in [&anna, &bram] {
            let store = teacher.store();
            let record = store.final_record(id, Moment::Midway).unwrap().unwrap();
            assert_eq!(record.keys.learning_processes.notes, said, "round {round}");
            let company = store
                .placement(&all[(round + 1) % all.len()])
                .unwrap()
                .company;
            assert_eq!(company, format!("Bedrijf ronde {round}"), "round {round}");
        }
    }
    // Left as a crash leaves them: git's own lock, and a merge half done.
    fs::write(anna.dir.join(".git").join("index.lock"), "").unwrap();
    let done = anna.ok(&["team", "sync"]);
    assert!(done.contains("Gedeeld om"), "{done}");
    assert!(anna.ok(&["team", "status"]).contains("alles is gedeeld"));
    assert_nothing_private(&bare);
}

#[test]
fn no_git_a_wrong_address_and_no_archive_each_get_one_sentence_and_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let anna = Teacher::new(tmp.path(), "Anna Docent");
    fs::create_dir_all(&anna.dir).unwrap();
    anna.ok(&["demo-data", anna.dir.to_str().unwrap(), "--placements", "2"]);

    let out = anna.run(&["team", "sync"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && said.contains("nog geen teamarchief"),
        "{said}"
    );

    let wrong = tmp.path().join("bestaat-niet.git");
    let out = anna.run(&["team", "init", "--remote", wrong.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("niet te bereiken"), "{said}");
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert!(!anna.dir.join(".git").exists(), "nothing was changed");
    assert!(!anna.dir.join(".gitignore").exists(), "nothing was changed");

    // Without a git program at all.
    let out = Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(["team", "init"])
        .env("STAGEGESPREK_DATA_DIR", &anna.dir)
        .env("STAGEGESPREK_CONFIG_DIR", &anna.config)
        .env("PATH", tmp.path().join("leeg"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && said.contains("git is niet geïnstalleerd"),
        "{said}"
    );
    assert!(!anna.dir.join(".git").exists());
    assert!(!anna.dir.join(".gitignore").exists());
}

#[test]
fn taking_over_a_placement_makes_me_its_teacher_and_its_history_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, bram) = team(tmp.path());
    let id = ids(&anna)[0].clone();
    let student = anna.store().placement(&id).unwrap().student;
    let said = bram.ok(&["team", "take", &id]);
    assert!(said.contains("Bram Docent"), "{said}");
    bram.ok(&["team", "sync"]);
    anna.ok(&["team", "sync"]);
    assert_eq!(anna.store().placement(&id).unwrap().teacher, "Bram Docent");
    let history = anna.ok(&["history", &id]);
    let line = format!("Bram Docent neemt {student} over");
    assert!(history.contains(&line), "{history}");
    // Mine and the team's: Bram's list of his own holds it, Anna's own does not.
    assert!(bram.ok(&["list", "--mine"]).contains(&id));
    let none = anna.ok(&["list", "--mine"]);
    assert!(!none.contains(&id));
    assert!(
        none.contains("Geen stageplaatsen met Anna Docent als docent"),
        "{none}"
    );
    assert!(anna.ok(&["list"]).contains(&id));
    assert_nothing_private(&bare);
}

#[test]
fn a_placements_history_is_shown_on_screen_from_its_meetings() {
    use common::{app_in, assert_shows, press_shown};
    use stagegesprek::i18n::Lang;
    use stagegesprek::tui::app::Screen;
    use stagegesprek::tui::screens::pick::PickState;

    let tmp = tempfile::tempdir().unwrap();
    let (_bare, anna, bram) = team(tmp.path());
    let id = ids(&anna)[0].clone();
    anna.hold(&id, Moment::Midway, "Op het scherm te zien.");
    anna.ok(&["team", "sync"]);
    bram.ok(&["team", "sync"]);

    let mut app = app_in(&bram.dir, Lang::Nl);
    let pick = PickState::open(&id, &app.store);
    app.screens.push(Screen::Page(Box::new(pick)));
    press_shown(&mut app, "Ctrl+G");
    assert_shows(&app, "Geschiedenis");
    assert_shows(&app, "Anna Docent");
    assert_shows(&app, "Tussentijds gesprek");
    press_shown(&mut app, "Esc");
    assert_shows(&app, "Welk gesprek?");
}

#[test]
fn one_meeting_record_finished_on_both_sides_keeps_both_and_shares_no_private_part() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, bram) = team(tmp.path());
    let id = ids(&anna)[0].clone();
    anna.hold(&id, Moment::Final, "Anna's verslag van het eindgesprek.");
    bram.hold(&id, Moment::Final, "Bram's verslag van het eindgesprek.");
    anna.ok(&["team", "sync"]);
    let said = bram.ok(&["team", "sync"]);
    assert!(said.contains("Beide versies zijn bewaard"), "{said}");
    let mine = bram
        .store()
        .final_record(&id, Moment::Final)
        .unwrap()
        .unwrap();
    assert_eq!(
        mine.keys.learning_processes.notes,
        "Bram's verslag van het eindgesprek."
    );
    assert!(
        mine.private_notes.contains(PRIVATE),
        "Bram's own private part stays his"
    );
    let beside = bram
        .dir
        .join("placements")
        .join(&id)
        .join("final.conflict.yaml");
    assert!(read(&beside).contains("Anna's verslag"));
    assert!(!read(&beside).contains(PRIVATE));
    bram.ok(&["team", "keep", &format!("{id}/eind"), "--mine"]);
    bram.ok(&["team", "sync"]);
    anna.ok(&["team", "sync"]);
    let theirs = anna
        .store()
        .final_record(&id, Moment::Final)
        .unwrap()
        .unwrap();
    assert_eq!(
        theirs.keys.learning_processes.notes,
        "Bram's verslag van het eindgesprek."
    );
    assert_nothing_private(&bare);
}

#[test]
fn mine_is_the_version_i_made_on_either_laptop_whoever_shared_first() {
    let tmp = tempfile::tempdir().unwrap();
    let (_bare, anna, bram) = team(tmp.path());
    let id = ids(&anna)[0].clone();
    anna.set_company(&id, "Bakkerij Van Anna");
    bram.set_company(&id, "Bakkerij Van Bram");
    anna.ok(&["team", "sync"]);
    bram.ok(&["team", "sync"]);
    // Anna takes in Bram's merge: on her laptop his version is in place, hers beside it.
    anna.ok(&["team", "sync"]);
    assert_eq!(
        anna.store().placement(&id).unwrap().company,
        "Bakkerij Van Bram"
    );
    anna.ok(&["team", "keep", &id, "--mine"]);
    assert_eq!(
        anna.store().placement(&id).unwrap().company,
        "Bakkerij Van Anna"
    );
    let file = read(&anna.dir.join("placements").join(&id).join("placement.yaml"));
    assert!(
        !file.contains("version-by"),
        "the names do not stay in the file: {file}"
    );
}

#[test]
fn a_teacher_with_data_of_her_own_joins_by_sharing_it_into_the_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, _bram) = team(tmp.path());
    let carla = Teacher::new(tmp.path(), "Carla Docent");
    fs::create_dir_all(&carla.dir).unwrap();
    carla.ok(&[
        "demo-data",
        carla.dir.to_str().unwrap(),
        "--placements",
        "2",
    ]);
    let own = carla.new_placement("Eigen Leerling");
    carla.ok(&["team", "init", "--remote", bare.to_str().unwrap()]);
    assert!(
        carla.store().placement(&ids(&anna)[0]).is_ok(),
        "the team's came in"
    );
    anna.ok(&["team", "sync"]);
    assert!(anna.store().placement(&own).is_ok(), "hers went out");
    assert!(carla.ok(&["team", "status"]).contains("alles is gedeeld"));
}

#[test]
fn two_teachers_choosing_differently_between_the_same_two_versions_are_asked_again() {
    let tmp = tempfile::tempdir().unwrap();
    let (bare, anna, bram) = team(tmp.path());
    let id = ids(&anna)[0].clone();
    anna.set_company(&id, "Bakkerij Van Anna");
    bram.set_company(&id, "Bakkerij Van Bram");
    anna.ok(&["team", "sync"]);
    bram.ok(&["team", "sync"]);
    anna.ok(&["team", "sync"]);
    // Both see two versions, and each keeps their own.
    anna.ok(&["team", "keep", &id, "--mine"]);
    bram.ok(&["team", "keep", &id, "--mine"]);
    anna.ok(&["team", "sync"]);
    let said = bram.ok(&["team", "sync"]);
    // Nobody's choice wins without a word: Bram's stays in place, Anna's is beside it again.
    assert!(said.contains("Beide versies zijn bewaard"), "{said}");
    assert_eq!(
        bram.store().placement(&id).unwrap().company,
        "Bakkerij Van Bram"
    );
    anna.ok(&["team", "sync"]);
    for teacher in [&anna, &bram] {
        let status = teacher.ok(&["team", "status"]);
        assert!(status.contains("wacht op een keuze"), "{status}");
    }
    assert_nothing_private(&bare);
}
