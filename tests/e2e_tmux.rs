//! End-to-end: the real binary in a real terminal (tmux on a private socket), driven by keys,
//! with the files it writes read back from disk.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// One tmux server of our own, removed again when the test ends.
struct Tmux {
    socket: String,
    /// Where the wrapper shell writes the program's exit status; tmux's own record of it is
    /// not reliable across versions.
    status_file: PathBuf,
}

impl Tmux {
    /// Starts the binary with `args` in an 80×24 pane that stays visible after it exits.
    fn start(data: &Path, args: &[&str]) -> Self {
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("stagegesprek-test-{}-{n}", std::process::id());
        let status_file = data.with_file_name(format!("exit-status-{n}"));
        let tmux = Self {
            socket,
            status_file,
        };
        let bin = env!("CARGO_BIN_EXE_stagegesprek");
        let mut command = vec![
            "new-session",
            "-d",
            "-s",
            "m",
            "-x",
            "80",
            "-y",
            "24",
            "-e",
            "LANG=C.UTF-8",
            "-e",
            "NO_COLOR=1",
        ];
        let data_env = format!("STAGEGESPREK_DATA_DIR={}", data.display());
        let config_env = format!("STAGEGESPREK_CONFIG_DIR={}", data.join("config").display());
        let script = format!("\"$0\" \"$@\"; echo $? > '{}'", tmux.status_file.display());
        command.extend(["-e", &data_env, "-e", &config_env, "sh", "-c", &script, bin]);
        command.extend(args);
        tmux.run(&command);
        tmux.run(&["set-option", "-t", "m", "remain-on-exit", "on"]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed to run the end-to-end tests (.ci/run installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "m"])
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "m", key]);
        }
    }

    /// Types text literally, the way a person would.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "m", "-l", text]);
    }

    /// Esc on its own: a short pause keeps the terminal from reading Esc+next key as Alt.
    fn escape(&self) {
        self.keys(&["Escape"]);
        sleep(Duration::from_millis(150));
    }

    #[track_caller]
    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {needle:?}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "m", format])
            .trim()
            .to_string()
    }

    fn wait_for_exit(&self) -> String {
        let start = Instant::now();
        loop {
            if let Ok(status) = std::fs::read_to_string(&self.status_file)
                && !status.trim().is_empty()
            {
                return status.trim().to_string();
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "program did not exit:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// The program's own process id (the pane runs a small shell around it).
    fn program_pid(&self) -> String {
        let shell = self.pane("#{pane_pid}");
        let out = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

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
    let tmux = Tmux::start(&data, &[]);
    tmux.wait_for("Nog geen stageplaatsen");

    tmux.keys(&["n"]);
    tmux.wait_for("Nieuwe stageplaats");
    tmux.type_text("Robin Eindtest");
    tmux.keys(&["Tab", "Tab", "Tab"]);
    tmux.type_text("Fietsenwinkel De Testrit");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Welk gesprek?");
    tmux.keys(&["Enter"]);
    tmux.wait_for("1. Leerprocessen");

    let notes = [
        "Wil leren repareren.",
        "Veel klanten, veel meekijken.",
        "Eerste indruk: rustig.",
        "Voordoen bij wielen richten.",
    ];
    for (i, note) in notes.iter().enumerate() {
        if i > 0 {
            tmux.keys(&["Tab"]);
        }
        tmux.type_text(note);
    }
    tmux.wait_for("● 4 Begeleidingskeuzes");
    tmux.escape();
    tmux.keys(&["e"]);
    tmux.wait_for("Voorbeeld: Begeleidingskeuzes");
    tmux.type_text("Liet een band plakken onder toezicht");
    tmux.keys(&["Tab", "Right", "Tab", "Right", "Right", "Right", "Enter"]);
    tmux.wait_for("Voorbeelden (1)");
    tmux.keys(&["a"]);
    tmux.wait_for("Afspraak");
    tmux.type_text("Werkschoenen regelen");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Afspraken (1 open)");
    tmux.keys(&["f"]);
    tmux.wait_for("Afronden: voorlezen en akkoord");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Verslag definitief opgeslagen");
    tmux.keys(&["x"]);
    tmux.wait_for("Gedeelde versie geschreven");
    tmux.escape();
    tmux.escape();
    tmux.keys(&["q"]);
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
    ]) {
        assert!(
            record.contains(expected),
            "{expected:?} not in record:\n{record}"
        );
    }
    let shared = std::fs::read_to_string(dir.join("start.shared.md")).unwrap();
    assert!(
        shared.contains("## 4. Begeleidingskeuzes")
            && shared.contains("Voordoen bij wielen richten."),
        "{shared}"
    );
}

#[test]
fn a_killed_process_loses_at_most_the_last_moments_of_typing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(["demo-data", data.to_str().unwrap(), "--placements", "2"])
        .output()
        .unwrap();
    assert!(out.status.success());
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

    // Reopening continues the draft.
    let again = Tmux::start(&data, &["meet", id, "--moment", "start"]);
    again.wait_for("Getypt ruim voor de klap.");
}
