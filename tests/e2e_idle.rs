//! A screen nobody touches does no work: the real binary in tmux, watched by strace, opens
//! the terminal device no more while it sits idle (it used to, eight times a second).

mod tmux;

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn tty_opens(log: &std::path::Path) -> usize {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains("\"/dev/tty\""))
        .count()
}

#[test]
fn an_idle_screen_does_not_keep_opening_the_terminal() {
    // Never passed silently: without the tools this test fails and says what to install
    // (.ci/run installs both).
    assert!(
        have("strace") && have("tmux"),
        "this test needs strace and tmux: apt-get install strace tmux"
    );
    let (tmp, data) = tmux::demo_data();
    let log = tmp.path().join("strace.log");
    let socket = format!("stagegesprek-idle-{}", std::process::id());
    let command = format!(
        "strace -f -e trace=open,openat -o '{}' '{}'",
        log.display(),
        env!("CARGO_BIN_EXE_stagegesprek")
    );
    let data_env = format!("STAGEGESPREK_DATA_DIR={}", data.display());
    let config_env = format!("STAGEGESPREK_CONFIG_DIR={}", data.join("config").display());
    let started = Command::new("tmux")
        .args(["-L", &socket, "new-session", "-d", "-x", "80", "-y", "24"])
        .args(["-e", "LANG=C.UTF-8", "-e", &data_env, "-e", &config_env])
        .arg(&command)
        .status()
        .unwrap();
    assert!(started.success());
    sleep(Duration::from_millis(2000));
    let before = tty_opens(&log);
    sleep(Duration::from_millis(3000));
    let after = tty_opens(&log);
    let _ = Command::new("tmux")
        .args(["-L", &socket, "kill-server"])
        .status();
    assert!(
        std::fs::read_to_string(&log).is_ok_and(|l| !l.is_empty()),
        "strace wrote nothing"
    );
    // A minute may turn while waiting: one draw for the clock is allowed.
    assert!(
        after - before <= 1,
        "opened /dev/tty {} times in 3 idle seconds",
        after - before
    );
}
