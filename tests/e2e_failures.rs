//! End-to-end: the ways a session can end that nobody chose, on the real binary in a real
//! terminal. In each, text typed a moment before must be on disk afterwards, and the terminal
//! must be left usable when there still is one.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

mod tmux;
use tmux::{Tmux, demo_data};

const ID: &str = "daan-el-amrani-autoservice-kwartelweg";
/// Under the saver's 400 ms pause: only the final save on the way out can have written it.
const JUST_BEFORE: Duration = Duration::from_millis(100);
/// "Promptly" with room for a slow, loaded test machine; the measured time is far less.
const PROMPTLY: Duration = Duration::from_secs(2);

fn draft(data: &Path) -> String {
    draft_of(data, "start")
}

fn draft_of(data: &Path, moment: &str) -> String {
    let name = format!("{moment}.draft.yaml");
    std::fs::read_to_string(data.join("placements").join(ID).join(name)).unwrap_or_default()
}

/// Opens the start meeting and types `text`, then waits just a little.
fn type_in_meeting(data: &Path, env: &[&str], text: &str) -> Tmux {
    type_in(data, "start", env, text)
}

fn type_in(data: &Path, moment: &str, env: &[&str], text: &str) -> Tmux {
    let tmux = Tmux::start_with(data, &["meet", ID, "--moment", moment], env);
    tmux.wait_for("1. Leerprocessen");
    tmux.type_text(text);
    tmux.wait_for(text);
    sleep(JUST_BEFORE);
    tmux
}

fn signal(tmux: &Tmux, name: &str) {
    let pid = tmux.program_pid();
    assert!(!pid.is_empty(), "program not running:\n{}", tmux.screen());
    let sent = Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status();
    assert!(sent.unwrap().success());
}

#[test]
fn closing_the_terminal_saves_the_text_and_offers_it_back() {
    let (_tmp, data) = demo_data();
    let tmux = type_in_meeting(&data, &[], "Gezegd vlak voor het sluiten.");
    tmux.close_terminal();
    let (status, took) = tmux.wait_for_exit_timed();
    assert_eq!(status, "129", "SIGHUP is 128 + 1");
    eprintln!("terminal closed: exit seen after {took:?}");
    assert!(took < PROMPTLY, "took {took:?}");
    assert!(draft(&data).contains("Gezegd vlak voor het sluiten."));

    let again = Tmux::start(&data, &["meet", ID, "--moment", "start"]);
    again.wait_for("niet netjes afgesloten");
    again.keys(&["Enter"]);
    again.wait_for("Gezegd vlak voor het sluiten.");
}

#[test]
fn term_int_and_quit_save_restore_the_screen_and_exit_conventionally() {
    let (_tmp, data) = demo_data();
    let runs = [
        ("TERM", "143", "start"),
        ("INT", "130", "midway"),
        ("QUIT", "131", "final"),
    ];
    for (name, status, moment) in runs {
        let text = format!("Notitie voor SIG{name}.");
        let tmux = type_in(&data, moment, &[], &text);
        signal(&tmux, name);
        let (got, took) = tmux.wait_for_exit_timed();
        assert_eq!(got, status, "SIG{name}");
        eprintln!("SIG{name}: exit seen after {took:?}");
        assert!(took < PROMPTLY, "SIG{name} took {took:?}");
        let saved = draft_of(&data, moment);
        assert!(saved.contains(&text), "SIG{name}: {saved}");
        assert!(
            !tmux.alternate_screen_on(),
            "SIG{name} left the screen unrestored"
        );
        drop(tmux);
        let next = Tmux::start(&data, &["meet", ID, "--moment", moment]);
        next.wait_for("niet netjes afgesloten");
        next.keys(&["1"]);
        next.wait_for(&text);
    }
}

#[test]
fn a_terminal_gone_without_a_signal_is_noticed_and_the_text_saved() {
    let (_tmp, data) = demo_data();
    // The hang-up signal is ignored, so only the watchdog can notice the dead terminal.
    let env = ["STAGEGESPREK_TEST_IGNORE_HANGUP=1"];
    let tmux = type_in_meeting(&data, &env, "Verbinding weg zonder signaal.");
    tmux.close_terminal();
    let (status, took) = tmux.wait_for_exit_timed();
    assert_eq!(status, "129", "a vanished terminal ends like a hang-up");
    eprintln!("terminal gone without a signal: exit seen after {took:?}");
    assert!(took < PROMPTLY, "took {took:?}");
    assert!(draft(&data).contains("Verbinding weg zonder signaal."));
}

#[test]
fn a_panic_leaves_a_saved_draft_and_a_usable_terminal() {
    let (_tmp, data) = demo_data();
    let env = ["STAGEGESPREK_TEST_PANIC_KEY=1"];
    let tmux = type_in_meeting(&data, &env, "Vlak voor de crash getypt.");
    tmux.keys(&["F12"]);
    let (status, _) = tmux.wait_for_exit_timed();
    assert_eq!(status, "101", "Rust's status for a panic");
    assert!(draft(&data).contains("Vlak voor de crash getypt."));
    assert!(
        !tmux.alternate_screen_on(),
        "panic left the screen unrestored"
    );
    tmux.wait_for("test-only panic trigger");

    let again = Tmux::start(&data, &["meet", ID, "--moment", "start"]);
    again.wait_for("niet netjes afgesloten");
}

#[test]
fn a_second_window_on_the_same_meeting_may_only_look() {
    let (_tmp, data) = demo_data();
    let first = type_in_meeting(&data, &[], "Eerste venster schrijft.");
    first.keys(&["C-s"]);
    sleep(Duration::from_millis(300));

    let second = Tmux::start(&data, &["meet", ID, "--moment", "start"]);
    second.wait_for("al geopend in een ander venster");
    second.keys(&["1"]);
    second.wait_for("alleen lezen");
    second.wait_for("Eerste venster schrijft.");
    // Nothing the second window does can edit: Ctrl+E is not offered in a read-only view.
    second.keys(&["C-e"]);
    sleep(Duration::from_millis(200));
    second.wait_for("alleen lezen");
    assert_eq!(second.quit(), "0");

    // The first window is unaffected and ends cleanly; afterwards the meeting is free.
    first.type_text(" En gaat door.");
    first.escape();
    assert_eq!(first.quit(), "0");
    assert!(draft(&data).contains("Eerste venster schrijft. En gaat door."));
    let third = Tmux::start(&data, &["meet", ID, "--moment", "start"]);
    third.wait_for("Eerste venster schrijft. En gaat door.");
}

#[test]
fn an_open_example_form_survives_sigterm_and_comes_back_in_its_form() {
    let (_tmp, data) = demo_data();
    let tmux = Tmux::start(&data, &["meet", ID, "--moment", "start"]);
    tmux.wait_for("1. Leerprocessen");
    tmux.keys(&["C-e"]);
    tmux.wait_for("Voorbeeld");
    tmux.type_text("Zette de uitlaat zelf vast.");
    tmux.wait_for("Zette de uitlaat zelf vast.");
    sleep(JUST_BEFORE);
    signal(&tmux, "TERM");
    assert_eq!(tmux.wait_for_exit(), "143");
    assert!(draft(&data).contains("Zette de uitlaat zelf vast."));

    let again = Tmux::start(&data, &["meet", ID, "--moment", "start"]);
    again.wait_for("[1]");
    again.keys(&["1"]);
    again.wait_for("Voorbeeld");
    again.wait_for("Zette de uitlaat zelf vast.");
    signal(&again, "TERM");
    assert_eq!(again.wait_for_exit(), "143");
}

#[test]
fn a_long_bracketed_paste_arrives_at_once_and_keys_after_it_still_work() {
    let (tmp, data) = demo_data();
    let tmux = Tmux::start(&data, &["meet", ID, "--moment", "start"]);
    tmux.wait_for("1. Leerprocessen");
    let text: String = (0..500).map(|i| format!("zin{i:04} ")).collect();
    let file = tmp.path().join("paste.txt");
    std::fs::write(&file, format!("{text}einde-van-de-plak")).unwrap();
    tmux.run(&["load-buffer", file.to_str().unwrap()]);
    tmux.run(&["paste-buffer", "-p", "-t", "m"]);
    // A command right after the paste is a command, not more text.
    tmux.keys(&["C-s"]);
    tmux.wait_for("einde-van-de-plak");
    sleep(Duration::from_millis(500));
    let screen = tmux.screen();
    assert!(
        screen.contains("Startgesprek") && screen.contains("bewaard om"),
        "still in the meeting, saved:\n{screen}"
    );
    assert!(draft(&data).contains("zin0000 zin0001"));
    assert!(draft(&data).contains("einde-van-de-plak"));
    tmux.quit();
}

#[test]
fn a_window_closed_during_a_slow_disk_sync_waits_for_the_save_to_finish() {
    let (_tmp, data) = demo_data();
    // Every save pauses 2 s before it is committed, as on a slow USB stick or share: longer
    // than the signal fallback's grace, so an exit that does not wait cuts the save in half.
    let tmux = type_in_meeting(
        &data,
        &["STAGEGESPREK_TEST_SLOW_WRITE_MS=2000"],
        "Geschreven op een trage stick.",
    );
    // The saver starts its write after 400 ms; close the window while it is under way.
    sleep(Duration::from_millis(500));
    tmux.close_terminal();
    let status = tmux.wait_for_exit();
    assert_eq!(status, "129");
    assert!(draft(&data).contains("Geschreven op een trage stick."));
    let dir = data.join("placements").join(ID);
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "no temp file may be left: {left:?}");
}
