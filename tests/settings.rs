//! Settings from a newer version: `config.yaml` with a field this version does not know keeps
//! its other settings in force, is left as it is, and the unknown one is named once.

use std::path::Path;
use std::process::{Command, Output};

fn run(data: &Path, config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(args)
        .env("STAGEGESPREK_DATA_DIR", data)
        .env("STAGEGESPREK_CONFIG_DIR", config)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

#[test]
fn a_setting_from_a_newer_version_is_named_once_and_the_rest_still_applies() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, config) = (tmp.path().join("data"), tmp.path().join("config"));
    std::fs::create_dir(&config).unwrap();
    let file = config.join("config.yaml");
    let text = "language: en\ntheme: dark\nsync:\n  every: 5m\n";
    std::fs::write(&file, text).unwrap();
    let out = run(&data, &config, &["demo-data", data.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");

    let out = run(&data, &config, &["list"]);
    assert!(out.status.success(), "{out:?}");
    // The language it knows is still used…
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains("all meetings held"), "{listed}");
    // …the ones it does not know are named, once, in one line…
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("'sync', 'theme'") && said.contains("config.yaml"),
        "{said}"
    );
    assert_eq!(said.matches("theme").count(), 1, "{said}");
    // …and the file stays as it was.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}
