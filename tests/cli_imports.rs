//! Replies imported at the same time (a mail rule taking in a batch, two teachers with the
//! same double reply): whatever the timing, one is stored and the other refused as a second
//! import, or with `--replace` kept aside; no command says "stored" for text not on disk.

#[path = "common/cli.rs"]
mod cli_common;
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use cli_common::run;
use common::*;

const ROUNDS: usize = 40;

/// The trainer's final form of Noor, filled in with `judgement`, written to `dir`.
fn reply(data: &Path, dir: &Path, judgement: &str) -> PathBuf {
    reply_for(data, dir, "final", judgement)
}

fn reply_for(data: &Path, dir: &Path, moment: &str, judgement: &str) -> PathBuf {
    let blank = run(
        data,
        &[
            "prepare-form",
            NOOR,
            "--moment",
            moment,
            "--role",
            "trainer",
        ],
    );
    assert!(blank.status.success(), "{blank:?}");
    let blank = String::from_utf8(blank.stdout).unwrap();
    let mut filled = String::new();
    for line in blank.lines() {
        filled.push_str(line);
        filled.push('\n');
        if line.starts_with("1. ") {
            filled.push_str(judgement);
            filled.push('\n');
        }
    }
    let path = dir.join(format!("{}.txt", judgement.replace(' ', "-")));
    std::fs::write(&path, filled).unwrap();
    path
}

fn import(data: &Path, file: &Path, replace: bool) -> std::process::Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stagegesprek"));
    command.arg("import").arg(file);
    if replace {
        command.arg("--replace");
    }
    command
        .env("STAGEGESPREK_DATA_DIR", data)
        .env("STAGEGESPREK_CONFIG_DIR", data.join("no-config"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Both imports started together, and what each said.
fn both_at_once(data: &Path, files: [&Path; 2], replace: bool) -> [Output; 2] {
    let first = import(data, files[0], replace);
    let second = import(data, files[1], replace);
    [
        first.wait_with_output().unwrap(),
        second.wait_with_output().unwrap(),
    ]
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn of_two_imports_at_once_one_is_stored_and_the_other_refused_as_a_second() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo_data(&data);
    let replies = [
        reply(&data, tmp.path(), "Antwoord van de ene mail"),
        reply(&data, tmp.path(), "Antwoord van de andere mail"),
    ];
    let folder = data.join("placements").join(NOOR);
    let stored = folder.join("final.trainer.prep.yaml");
    for round in 0..ROUNDS {
        let _ = std::fs::remove_file(&stored);
        let outputs = both_at_once(&data, [&replies[0], &replies[1]], false);
        let ok: Vec<usize> = (0..2).filter(|&i| outputs[i].status.success()).collect();
        assert_eq!(
            ok.len(),
            1,
            "round {round}: {} / {}",
            said(&outputs[0]),
            said(&outputs[1])
        );
        let (winner, loser) = (ok[0], 1 - ok[0]);
        assert!(said(&outputs[winner]).contains("bewaard"));
        assert_eq!(outputs[loser].status.code(), Some(1));
        let refusal = said(&outputs[loser]);
        assert!(
            refusal.contains("al een voorbereiding") && refusal.contains("niets veranderd"),
            "round {round}: {refusal}"
        );
        let judgement = ["Antwoord van de ene mail", "Antwoord van de andere mail"][winner];
        assert!(
            read(&stored).contains(judgement),
            "round {round}: the stored file is the reply that said stored"
        );
    }
}

#[test]
fn of_two_replacing_imports_at_once_both_are_stored_in_turn_and_the_first_kept_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo_data(&data);
    let replies = [
        reply(&data, tmp.path(), "Vervangen door de ene"),
        reply(&data, tmp.path(), "Vervangen door de andere"),
    ];
    let folder = data.join("placements").join(NOOR);
    let stored = folder.join("final.trainer.prep.yaml");
    let aside = folder.join("set-aside");
    for round in 0..ROUNDS {
        let _ = std::fs::remove_file(&stored);
        let _ = std::fs::remove_dir_all(&aside);
        let outputs = both_at_once(&data, [&replies[0], &replies[1]], true);
        for output in &outputs {
            assert!(output.status.success(), "round {round}: {}", said(output));
        }
        let kept: Vec<String> = std::fs::read_dir(&aside)
            .map(|e| e.flatten().map(|e| read(&e.path())).collect())
            .unwrap_or_default();
        assert_eq!(kept.len(), 1, "round {round}: one reply is kept aside");
        let now = read(&stored);
        let (ene, andere) = ("Vervangen door de ene", "Vervangen door de andere");
        let (last, first) = if now.contains(ene) {
            (ene, andere)
        } else {
            (andere, ene)
        };
        assert!(now.contains(last), "round {round}: {now}");
        assert!(
            kept[0].contains(first),
            "round {round}: the replaced reply is in set-aside"
        );
    }
}

#[test]
fn a_cut_off_preparation_is_marked_damaged_in_the_list_and_left_as_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo_data(&data);
    // Noor's next meeting is the midway one.
    let file = reply_for(&data, tmp.path(), "midway", "Werkt netjes door");
    assert!(
        run(&data, &["import", file.to_str().unwrap()])
            .status
            .success()
    );
    let json = |data: &Path| -> serde_json::Value {
        let out = run(data, &["list", "--json"]);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let noor = |list: &serde_json::Value| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == NOOR)
            .unwrap()
            .clone()
    };
    assert_eq!(
        noor(&json(&data))["prepared"],
        serde_json::json!(["trainer"])
    );

    let stored = data
        .join("placements")
        .join(NOOR)
        .join("midway.trainer.prep.yaml");
    let whole = std::fs::read(&stored).unwrap();
    std::fs::write(&stored, &whole[..whole.len() / 2]).unwrap();
    let cut = std::fs::read(&stored).unwrap();

    let entry = noor(&json(&data));
    assert_eq!(entry["prepared"], serde_json::json!([]), "{entry}");
    assert_eq!(entry["preparation_damaged"], serde_json::json!(["trainer"]));
    assert_eq!(entry["moments"]["midway"], "damaged");
    let plain = run(&data, &["list"]);
    let shown = String::from_utf8_lossy(&plain.stdout);
    let line = shown.lines().find(|l| l.contains("Noor")).unwrap();
    assert!(line.contains('✗') && !line.contains('!'), "{shown}");
    assert!(
        String::from_utf8_lossy(&plain.stderr).contains("midway.trainer.prep.yaml"),
        "the damaged file is named: {plain:?}"
    );
    assert_eq!(std::fs::read(&stored).unwrap(), cut, "kept as it is");
}

#[test]
fn a_replacing_import_that_fails_on_a_full_disk_leaves_nothing_behind() {
    use stagegesprek::store::Store;
    use stagegesprek::store::disk::FailingDisk;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    demo_data(&data);
    let first = reply(&data, tmp.path(), "Eerste antwoord");
    assert!(
        run(&data, &["import", first.to_str().unwrap()])
            .status
            .success()
    );
    let folder = data.join("placements").join(NOOR);
    let stored = folder.join("final.trainer.prep.yaml");
    let before = std::fs::read(&stored).unwrap();

    let disk = std::sync::Arc::new(FailingDisk::default());
    let store = Store::open_with(&data, disk.clone()).unwrap();
    let second = read(&reply(&data, tmp.path(), "Tweede antwoord"));
    let reply = stagegesprek::export::parse_reply(&second).unwrap();
    disk.fail_writes(true);
    assert!(store.import_reply(&reply, true).is_err());
    assert_eq!(std::fs::read(&stored).unwrap(), before);
    assert!(
        !folder.join("set-aside").exists(),
        "nothing changed, so no set-aside folder either"
    );

    // A cut-off earlier one is back where it was, too.
    std::fs::write(&stored, &before[..before.len() / 2]).unwrap();
    assert!(store.import_reply(&reply, true).is_err());
    assert_eq!(std::fs::read(&stored).unwrap(), &before[..before.len() / 2]);
    assert!(!folder.join("set-aside").exists());
}
