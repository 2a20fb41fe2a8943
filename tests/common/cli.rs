//! Running the real binary the way a person does on the command line.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `stagegesprek ARGS` on data folder `data`, with no config and no locale, so the
/// output is the default Dutch.
pub fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(args)
        .env("STAGEGESPREK_DATA_DIR", data)
        .env("STAGEGESPREK_CONFIG_DIR", data.join("no-config"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("binary runs")
}
