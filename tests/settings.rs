//! Settings that cannot all be used: a field from a newer version, a value this version
//! cannot use, a file that is not readable YAML. The rest stays in force, the file is left as
//! it is, and what could not be used is named once.

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

#[test]
fn a_config_that_cannot_be_read_or_a_value_that_cannot_be_used_is_said_not_ignored() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, config) = (tmp.path().join("data"), tmp.path().join("config"));
    std::fs::create_dir(&config).unwrap();
    let file = config.join("config.yaml");
    let out = run(&data, &config, &["demo-data", data.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");

    // Broken YAML: the usual settings apply, and the file and its line are named.
    std::fs::write(&file, "language: en\nexport_dir: [\n").unwrap();
    let out = run(&data, &config, &["list"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("config.yaml is vanaf regel") && said.contains("niet te lezen"),
        "{said}"
    );

    // A known setting with a value this version cannot use is named; the rest applies.
    let text = "language: klingon\nexport_dir: ~/Stage\n";
    std::fs::write(&file, text).unwrap();
    let out = run(&data, &config, &["list"]);
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("de waarde van 'language' is niet te gebruiken"),
        "{said}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}
