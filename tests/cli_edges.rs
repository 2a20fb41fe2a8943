//! The command line at its edges: pipes that close early, no terminal, odd names, missing
//! folders and export targets that must not be written over. Runs the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn command(data: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stagegesprek"));
    command
        .args(args)
        .env("STAGEGESPREK_DATA_DIR", data)
        .env("STAGEGESPREK_CONFIG_DIR", data.with_file_name("no-config"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

fn run(data: &Path, args: &[&str]) -> Output {
    command(data, args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Fictional demo data with `n` placements in `<tmp>/data`; returns that folder.
fn demo(tmp: &Path, n: usize) -> PathBuf {
    let data = tmp.join("data");
    let out = run(
        &data,
        &[
            "demo-data",
            data.to_str().unwrap(),
            "--placements",
            &n.to_string(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    data
}

/// The folder of the only placement in `data`.
fn placement_dir(data: &Path) -> PathBuf {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(data.join("placements"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    dirs.remove(0)
}

#[test]
fn list_shows_control_characters_in_names_as_escapes() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let file = placement_dir(&data).join("placement.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let yaml = yaml
        .replace(
            "student: Noor Verbeek",
            r#"student: "Noor\e[2J\aVerbeek\r""#,
        )
        .replace(
            "company: Bakkerij Het Zonnige Deeg",
            r#"company: "Bakkerij\e]0;titel\aDeeg""#,
        );
    std::fs::write(&file, yaml).unwrap();

    let out = run(&data, &["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(text.contains(r"Noor\u{1b}[2J\u{7}Verbeek\u{d}"), "{text}");
    assert!(text.contains(r"Bakkerij\u{1b}]0;titel\u{7}Deeg"), "{text}");
}

#[test]
fn list_marks_each_moment_and_a_damaged_one_with_a_mark_of_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let before = stdout(&run(&data, &["list"]));
    // The demo's first placement held its start meeting and has a draft of the midway one.
    assert!(before.contains("  1/3 St·  "), "{before}");

    std::fs::write(placement_dir(&data).join("start.yaml"), "status: [kapot\n").unwrap();
    let out = run(&data, &["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("  0/3 ✗t·  "), "{}", stdout(&out));
}

/// Runs with stdout on a pipe whose reading end is already closed, as after `| head -1`.
fn run_into_closed_pipe(data: &Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    command(data, args)
        .stdout(writer)
        .output()
        .expect("binary runs")
}

#[test]
fn a_reader_that_goes_away_ends_every_command_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let id = placement_dir(&data)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let record = format!("{id}/start");
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("guides/nl.yaml");
    let fresh = tmp.path().join("fresh");
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", &record],
        &["show", &record, "--format", "md"],
        &["guide", "check", guide.to_str().unwrap()],
        &["demo-data", fresh.to_str().unwrap(), "--placements", "1"],
        &["--help"],
    ] {
        let out = run_into_closed_pipe(&data, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
    // demo-data did its work before it had something to say.
    assert!(fresh.join("placements").is_dir());
}

#[test]
fn output_that_cannot_be_written_is_a_failure_not_silence() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = command(&data, &["list"]).stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).lines().collect::<Vec<_>>(),
        [
            "stagegesprek: kan de uitvoer niet wegschrijven: de schijf is vol (No space left on device (os error 28))"
        ]
    );
}

/// The `placement/start` id of the only placement in `data`.
fn start_record(data: &Path) -> String {
    let dir = placement_dir(data);
    format!("{}/start", dir.file_name().unwrap().to_string_lossy())
}

#[track_caller]
fn assert_refused(out: &Output, says: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(says), "{err}");
}

#[test]
fn export_never_writes_into_the_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let record = start_record(&data);
    let dir = placement_dir(&data);
    let start = dir.join("start.yaml");
    let before = std::fs::read(&start).unwrap();
    // Through a link from outside, the same file by another name.
    let link = tmp.path().join("link-to-placement");
    std::os::unix::fs::symlink(&dir, &link).unwrap();
    let new_inside = data.join("export.md");
    for target in [start.clone(), link.join("start.yaml"), new_inside.clone()] {
        let out = run(&data, &["export", &record, "-o", target.to_str().unwrap()]);
        assert_refused(&out, "ligt in de gegevensmap");
    }
    assert_eq!(std::fs::read(&start).unwrap(), before);
    assert!(!new_inside.exists());
}

#[test]
fn export_refuses_links_folders_fifos_and_devices() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let record = start_record(&data);
    let real = tmp.path().join("echt.md");
    std::fs::write(&real, "van de docent\n").unwrap();
    let link = tmp.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let folder = tmp.path().join("map");
    std::fs::create_dir(&folder).unwrap();
    let fifo = tmp.path().join("pijp");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for target in [&link, &folder, &fifo, Path::new("/dev/null")] {
        let out = run(&data, &["export", &record, "-o", target.to_str().unwrap()]);
        assert_refused(&out, "geen gewoon bestand");
    }
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "van de docent\n");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(folder.is_dir());
    use std::os::unix::fs::FileTypeExt as _;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn export_to_dash_prints_and_replaces_a_plain_file_outside() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let record = start_record(&data);
    let out = command(&data, &["export", &record, "--shared", "-o", "-"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    assert!(printed.starts_with("# Startgesprek: "), "{printed}");
    assert!(!tmp.path().join("-").exists());

    let file = tmp.path().join("gedeeld.md");
    std::fs::write(&file, "oud\n").unwrap();
    let out = run(
        &data,
        &["export", &record, "--shared", "-o", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), printed);
}

#[test]
fn reading_commands_name_a_missing_data_folder_and_do_not_create_it() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nergens");
    let elsewhere = tmp.path().join("uit.md");
    let shown = missing.display().to_string();
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", "sem-de-vries-bakkerij/start"],
        &[
            "export",
            "sem-de-vries-bakkerij/start",
            "-o",
            elsewhere.to_str().unwrap(),
        ],
    ] {
        let out = run(&missing, args);
        assert_refused(&out, &format!("de gegevensmap {shown} bestaat niet"));
        assert!(!missing.exists(), "{args:?} created {shown}");
    }
    // The flag is held to the same rule as the environment variable.
    let out = run(
        &tmp.path().join("ook-niet"),
        &["--data-dir", &shown, "list"],
    );
    assert_refused(&out, &shown);
    assert!(!missing.exists());
    assert!(!elsewhere.exists());
}

/// Every file and folder under `dir` with its bytes, to see that nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(next) = todo.pop() {
        for entry in std::fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path.clone());
                found.push((path, Vec::new()));
            } else {
                let bytes = std::fs::read(&path).unwrap();
                found.push((path, bytes));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn the_ui_without_a_terminal_says_so_and_touches_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let id = placement_dir(&data)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let before = snapshot(&data);
    let private_tmp = tmp.path().join("tmp");
    std::fs::create_dir(&private_tmp).unwrap();
    for args in [&["meet", &id, "--moment", "start"][..], &["--demo"]] {
        let out = command(&data, args)
            .env("TMPDIR", &private_tmp)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_refused(&out, "werkt alleen in een terminalvenster");
        assert!(
            stderr(&out).contains("'stagegesprek list'"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(snapshot(&data), before, "a file in the data folder changed");
    assert!(!placement_dir(&data).join("start.lock").exists());
    assert_eq!(snapshot(&private_tmp), [], "--demo left a folder behind");

    // A folder that is not there yet stays that way, and English is there too.
    let missing = tmp.path().join("nog-niet");
    let out = run(&missing, &["--lang", "en"]);
    assert_refused(&out, "only works in a terminal window");
    assert!(!missing.exists());
}

#[test]
fn meet_in_a_terminal_still_names_a_placement_that_is_not_there() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let bin = env!("CARGO_BIN_EXE_stagegesprek");
    // `script` gives the program a terminal of its own, and passes its exit status on.
    let line = format!("'{bin}' meet niemand --moment start");
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("STAGEGESPREK_DATA_DIR", &data)
        .env("STAGEGESPREK_CONFIG_DIR", tmp.path().join("no-config"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("geen stageplaats met id 'niemand'"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_duplicated_key_is_reported_by_line_without_its_text() {
    let tmp = tempfile::tempdir().unwrap();
    let data = demo(tmp.path(), 1);
    let file = placement_dir(&data).join("start.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let secret = "geheime zin van de student";
    std::fs::write(&file, format!("{secret}: 1\n{secret}: 1\n{yaml}")).unwrap();
    let shown = format!("{}:2:1: ", file.display());
    for (args, status) in [(&["show", &start_record(&data)][..], 1), (&["list"], 0)] {
        let out = run(&data, args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(status), "{args:?}: {err}");
        assert!(err.contains(&shown), "{args:?}: {err}");
        assert!(!err.contains("geheime"), "{args:?}: {err}");
    }
}
