//! `list` on a placement whose held meeting was written by a newer version of the program.

#[path = "common/cli.rs"]
mod cli_common;

use cli_common::run;

#[test]
fn a_final_record_from_a_newer_version_counts_as_held_not_as_late() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = run(
        &data,
        &["demo-data", data.to_str().unwrap(), "--placements", "1"],
    );
    assert!(out.status.success(), "{out:?}");
    let dir = std::fs::read_dir(data.join("placements"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    // The demo's placement held its start meeting long enough ago for it to be late otherwise.
    let record = dir.join("start.yaml");
    let yaml = std::fs::read_to_string(&record).unwrap();
    let newer: String = yaml
        .lines()
        .map(|l| {
            if l.starts_with("schema_version:") {
                "schema_version: 99".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&record, newer + "\n").unwrap();

    let out = run(&data, &["list"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1/3 ^t·"), "{text}");
    assert!(text.contains("volgende: tussentijds gesprek"), "{text}");
    assert!(!text.contains("startgesprek"), "{text}");
    assert!(!text.contains("te laat"), "{text}");
}
