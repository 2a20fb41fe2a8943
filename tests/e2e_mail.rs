//! The e-mail to the trainer, as the mail program receives it from the real binary: a
//! stand-in `xdg-open` on the PATH records the `mailto:` address it is given.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

#[path = "tmux/mod.rs"]
mod tmux_common;

#[test]
fn the_mail_to_the_trainer_has_a_subject_a_trainer_recognises() {
    let (tmp, data) = tmux_common::demo_data();
    let placement = data
        .join("placements")
        .join("noor-verbeek-bakkerij-het-zonnige-deeg")
        .join("placement.yaml");
    let yaml = std::fs::read_to_string(&placement).unwrap();
    let yaml = yaml.replace(
        "end_of_file: true",
        "trainer_email: m.zwaneveld@zonnigedeeg.example\nend_of_file: true",
    );
    std::fs::write(&placement, yaml).unwrap();
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let url_file = tmp.path().join("mailto.txt");
    let opener = bin.join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", url_file.display()),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "PATH={}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // tmux sets PATH for its panes itself, so the stand-in goes in through `env`.
    let socket = format!("stagegesprek-mail-{}", std::process::id());
    let _server = KillServer(socket.clone());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .arg("-L")
            .arg(&socket)
            .args(args)
            .output()
            .expect("tmux runs")
    };
    let data_env = format!("STAGEGESPREK_DATA_DIR={}", data.display());
    let config_env = format!("STAGEGESPREK_CONFIG_DIR={}", data.join("config").display());
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "m",
        "-x",
        "80",
        "-y",
        "24",
        "env",
        &path,
        &data_env,
        &config_env,
        "LANG=C.UTF-8",
        env!("CARGO_BIN_EXE_stagegesprek"),
    ]);
    let screen =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "m"]).stdout).into_owned();
    let wait_for = |needle: &str| {
        let start = Instant::now();
        while !screen().contains(needle) {
            assert!(start.elapsed() < Duration::from_secs(10), "{}", screen());
            sleep(Duration::from_millis(50));
        }
    };
    wait_for("Noor Verbeek");
    tmux(&["send-keys", "-t", "m", "Down", "Enter"]);
    wait_for("Tussentijds");
    tmux(&["send-keys", "-t", "m", "C-r"]);
    wait_for("e-mail aan de praktijkopleider");
    tmux(&["send-keys", "-t", "m", "6"]);
    wait_for("klaar");
    let start = Instant::now();
    while !url_file.exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "{}", screen());
        sleep(Duration::from_millis(50));
    }
    let url = std::fs::read_to_string(&url_file).unwrap();
    assert!(
        url.starts_with("mailto:m.zwaneveld@zonnigedeeg.example?"),
        "{url}"
    );
    // "Voorbereiding tussentijds gesprek – Noor Verbeek", percent-encoded.
    assert!(
        url.contains("subject=Voorbereiding%20tussentijds%20gesprek%20%E2%80%93%20Noor%20Verbeek&"),
        "{url}"
    );
}

/// Our tmux server ends with the test, also when it fails.
struct KillServer(String);

impl Drop for KillServer {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.0, "kill-server"])
            .output();
    }
}
