//! A real terminal for end-to-end tests: the binary in tmux on a private socket, driven by
//! keys, with its screen read back and its exit status kept by a small wrapper shell.
// Each test file uses a different part of this helper.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A temp folder holding fictional demo data for two placements in `data/`.
pub fn demo_data() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(["demo-data", data.to_str().unwrap(), "--placements", "2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    (tmp, data)
}

static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// One tmux server of our own, removed again when the test ends.
pub struct Tmux {
    socket: String,
    /// Where the wrapper shell writes the program's exit status; tmux's own record of it is
    /// not reliable across versions.
    status_file: PathBuf,
}

impl Tmux {
    /// Starts the binary with `args` in an 80×24 pane that stays visible after it exits.
    pub fn start(data: &Path, args: &[&str]) -> Self {
        Self::start_with(data, args, &[])
    }

    /// Like `start`, with extra `NAME=value` environment entries.
    pub fn start_with(data: &Path, args: &[&str], env: &[&str]) -> Self {
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
        // The wrapper ignores SIGHUP so that it outlives a closed pane and can still record
        // the status; the program installs its own handler, which replaces the inherited
        // "ignore".
        let script = format!(
            "trap '' HUP; \"$0\" \"$@\"; echo $? > '{}'",
            tmux.status_file.display()
        );
        command.extend(["-e", &data_env, "-e", &config_env]);
        for entry in env {
            command.extend(["-e", entry]);
        }
        command.extend(["sh", "-c", &script, bin]);
        command.extend(args);
        tmux.run(&command);
        tmux.run(&["set-option", "-t", "m", "remain-on-exit", "on"]);
        tmux
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed to run the end-to-end tests (.ci/run installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "m"])
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "m", key]);
        }
    }

    /// Types text literally, the way a person would.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "m", "-l", text]);
    }

    /// Esc on its own: a short pause keeps the terminal from reading Esc+next key as Alt.
    pub fn escape(&self) {
        self.keys(&["Escape"]);
        sleep(Duration::from_millis(150));
    }

    #[track_caller]
    pub fn wait_for(&self, needle: &str) {
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

    pub fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "m", format])
            .trim()
            .to_string()
    }

    pub fn wait_for_exit(&self) -> String {
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

    /// Presses Esc until the program has quit (each screen goes back one step), and returns
    /// its exit status.
    pub fn quit(&self) -> String {
        for _ in 0..6 {
            self.keys(&["Escape"]);
            sleep(Duration::from_millis(250));
            if self.status_file.exists() {
                break;
            }
        }
        self.wait_for_exit()
    }

    /// Waits for the exit status and says how long it took to arrive.
    pub fn wait_for_exit_timed(&self) -> (String, Duration) {
        let start = Instant::now();
        let status = self.wait_for_exit();
        (status, start.elapsed())
    }

    /// Whether the pane shows the alternate screen, i.e. the program did not restore it.
    pub fn alternate_screen_on(&self) -> bool {
        self.pane("#{alternate_on}") == "1"
    }

    /// Closes the terminal window, as a teacher clicking its close button does.
    pub fn close_terminal(&self) {
        self.run(&["kill-pane", "-t", "m"]);
    }

    /// The program's own process id (the pane runs a small shell around it).
    pub fn program_pid(&self) -> String {
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
