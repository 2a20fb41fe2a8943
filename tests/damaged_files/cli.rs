//! `stagegesprek list` on a data folder with a damaged file: the other placements on stdout,
//! the damaged file named on stderr, exit status 0, and the file left as it was.

use std::path::Path;
use std::process::{Command, Output};

use super::fixture::{Fixture, assert_no_note_text, snapshot};

pub fn run(fx: &Fixture, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(args)
        .env("STAGEGESPREK_DATA_DIR", fx.data())
        .env("STAGEGESPREK_CONFIG_DIR", fx.tmp.path().join("no-config"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("binary runs")
}

#[track_caller]
pub fn assert_list_reports(fx: &Fixture, path: &Path) {
    let before = snapshot(path);
    let out = run(fx, &["list"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stdout.lines().count(), fx.ids.len(), "{stdout}");
    for id in &fx.ids {
        assert!(stdout.contains(id.as_str()), "{id} not listed:\n{stdout}");
    }
    let shown = path.display().to_string();
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("stagegesprek: ") && l.contains(&shown)),
        "{shown} not named on stderr:\n{stderr}"
    );
    assert_no_note_text(&stdout);
    assert_no_note_text(&stderr);
    assert_eq!(snapshot(path), before, "list changed {shown}");
}
