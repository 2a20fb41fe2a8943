//! End-to-end: the real binary in a real terminal (tmux on a private socket), driven by keys,
//! with the files it writes read back from disk.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

mod tmux;
use tmux::Tmux;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn placement_dir(data: &Path) -> PathBuf {
    std::fs::read_dir(data.join("placements"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path()
}

#[test]
fn hold_a_whole_meeting_in_a_real_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // The teacher chose where exports go; the screen must say where the file went.
    let exports = tmp.path().join("Documenten").join("stage");
    std::fs::create_dir_all(data.join("config")).unwrap();
    std::fs::write(
        data.join("config").join("config.yaml"),
        format!("export_dir: {}\n", exports.display()),
    )
    .unwrap();
    let tmux = Tmux::start(&data, &[]);
    tmux.wait_for("Nog geen stageplaatsen");

    tmux.wait_for("Ctrl+N nieuw");
    tmux.keys(&["C-n"]);
    tmux.wait_for("Nieuwe stageplaats");
    tmux.type_text("Robin Eindtest");
    tmux.keys(&["Tab", "Tab", "Tab"]);
    tmux.type_text("Fietsenwinkel De Testrit");
    tmux.keys(&["Tab", "Tab", "Tab"]);
    tmux.type_text("1-9-2026");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Welk gesprek?");
    tmux.keys(&["Enter"]);
    tmux.wait_for("1. Leerprocessen");

    // Digits and letters that are commands elsewhere all type.
    let notes = [
        "Wil leren repareren: 3 fietsen per dag (a, e, f, q).",
        "Veel klanten, 12 per uur, veel meekijken.",
        "Eerste indruk: rustig, 8 van 10.",
        "Voordoen bij wielen richten, stap 1 tot 7.",
    ];
    for (i, note) in notes.iter().enumerate() {
        if i > 0 {
            // Past the key's examples to the next key's notes.
            tmux.keys(&["Tab", "Tab"]);
        }
        tmux.type_text(note);
    }
    tmux.wait_for("● 4 Begeleidingskeuzes");
    tmux.wait_for("Ctrl+E voorbeeld");
    tmux.keys(&["C-e"]);
    tmux.wait_for("Voorbeeld: Begeleidingskeuzes");
    tmux.type_text("Liet een band plakken onder toezicht");
    // Given by the trainer already, as under key 4 usually; the strategy is chosen.
    tmux.keys(&["Tab", "Tab", "Right", "Right", "Right", "C-s"]);
    tmux.wait_for("Voorbeelden (1)");
    tmux.keys(&["C-n"]);
    tmux.wait_for("Afspraak");
    tmux.type_text("Werkschoenen regelen");
    tmux.keys(&["Tab", "Tab"]);
    tmux.type_text("1 dec 2026");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Afspraken (1 open)");
    // The cursor is back in the notes; the agreement is under 5.
    tmux.keys(&["C-g", "5"]);
    tmux.wait_for("1-12-2026");
    tmux.keys(&["C-f"]);
    tmux.wait_for("Afronden: voorlezen en akkoord");
    // Nobody has agreed until marked: student, trainer and teacher agree.
    tmux.wait_for("[ ] student");
    tmux.keys(&["1", "2", "3"]);
    tmux.wait_for("[x] docent");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Verslag definitief opgeslagen");
    tmux.wait_for("Ctrl+P exporteren");
    tmux.keys(&["C-p"]);
    tmux.wait_for("Gedeelde versie geschreven");
    // The path as the screen gives it, whole, lines joined where a long one wrapped.
    let shown: String = tmux.screen().split_whitespace().collect();
    let said = shown
        .split("geschreven:")
        .nth(1)
        .and_then(|rest| rest.split(".md").next())
        .map(|path| format!("{path}.md"))
        .expect("the screen names the file");
    let said = PathBuf::from(said);
    assert!(said.starts_with(&exports), "{said:?} is not in {exports:?}");
    let shared = std::fs::read_to_string(&said).unwrap();
    assert!(
        shared.contains("## 4. Begeleidingskeuzes")
            && shared.contains("Voordoen bij wielen richten, stap 1 tot 7."),
        "{shared}"
    );
    tmux.escape();
    tmux.escape();
    tmux.escape();
    assert_eq!(tmux.wait_for_exit(), "0");

    let dir = placement_dir(&data);
    assert_eq!(mode(&dir), 0o700);
    let record_path = dir.join("start.yaml");
    assert_eq!(mode(&record_path), 0o600);
    assert!(!dir.join("start.draft.yaml").exists());
    let record = std::fs::read_to_string(&record_path).unwrap();
    for expected in notes.iter().copied().chain([
        "status: final",
        "Liet een band plakken onder toezicht",
        "strategy: entrusting",
        "given_by: trainer",
        "Werkschoenen regelen",
        "due: \"2026-12-01\"",
    ]) {
        assert!(
            record.contains(expected),
            "{expected:?} not in record:\n{record}"
        );
    }
}

#[test]
fn a_killed_process_loses_at_most_the_last_moments_of_typing() {
    let (_tmp, data) = tmux::demo_data();
    let id = "daan-el-amrani-autoservice-kwartelweg";
    let tmux = Tmux::start(&data, &["meet", id, "--moment", "start"]);
    tmux.wait_for("1. Leerprocessen");
    tmux.type_text("Getypt ruim voor de klap.");
    sleep(Duration::from_millis(1500));
    let pid = tmux.program_pid();
    let killed = Command::new("kill").args(["-KILL", &pid]).status().unwrap();
    assert!(killed.success());
    // The shell reports death by SIGKILL as 128 + 9.
    assert_eq!(tmux.wait_for_exit(), "137");

    let draft =
        std::fs::read_to_string(data.join("placements").join(id).join("start.draft.yaml")).unwrap();
    assert!(draft.contains("Getypt ruim voor de klap."), "{draft}");

    // Reopening says the session did not end normally and offers the draft back.
    let again = Tmux::start(&data, &["meet", id, "--moment", "start"]);
    again.wait_for("niet netjes afgesloten");
    again.keys(&["1"]);
    again.wait_for("Getypt ruim voor de klap.");
}
