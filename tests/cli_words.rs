//! The command line speaks the interface language and takes back the words the program
//! shows: `--help` in Dutch or English as `--lang`, the config or `LANG` say, and every name
//! the program prints for a moment (`tussen`, `eind`, `midway`, the guides' titles) works as
//! `--moment`.

#[path = "common/cli.rs"]
mod cli_common;
mod common;

use std::path::Path;
use std::process::{Command, Output};

use cli_common::run;
use stagegesprek::domain::Moment;
use stagegesprek::i18n::{EN, Lang, LangExt as _, NL};
use stagegesprek::store::guides::Guides;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn with_lang(data: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stagegesprek"))
        .args(args)
        .env("STAGEGESPREK_DATA_DIR", data)
        .env("STAGEGESPREK_CONFIG_DIR", data.join("no-config"))
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

#[test]
fn help_speaks_the_interface_language() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str, _); 4] = [
        (&["--help"], "", &NL),
        (&["--lang", "en", "--help"], "", &EN),
        (&["meet", "--help"], "en_GB.UTF-8", &EN),
        (&["--lang=nl", "meet", "--help"], "en_GB.UTF-8", &NL),
    ];
    for (args, lang, t) in cases {
        let out = with_lang(tmp.path(), lang, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = stdout(&out);
        let usage = format!("{}: stagegesprek", t.cli.usage);
        assert!(help.contains(&usage), "{args:?} LANG={lang}:\n{help}");
        assert!(help.contains(t.cli.help), "{args:?} LANG={lang}:\n{help}");
        assert!(
            help.contains(t.cli.data_dir),
            "{args:?} LANG={lang}:\n{help}"
        );
    }
}

#[test]
fn meets_help_says_a_draft_opens_where_it_was_left() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["meet", "--help"]);
    let help = stdout(&out);
    assert!(help.contains("een concept waar je gebleven was"), "{help}");
    assert!(!help.contains("Open straight into a meeting, cursor in the first notes area"));
}

#[test]
fn every_word_the_program_shows_for_a_moment_is_taken_as_moment() {
    let tmp = tempfile::tempdir().unwrap();
    common::demo_data(tmp.path());
    for lang in [Lang::Nl, Lang::En] {
        let t = lang.texts();
        let guides = Guides::load(None, t);
        let guide = guides.for_language(lang).unwrap();
        for moment in Moment::ALL {
            for word in [
                t.moment_short(moment).to_string(),
                t.moment_word(moment).to_string(),
                guide.moment(moment).title.clone(),
            ] {
                let out = run(
                    tmp.path(),
                    &["prepare-form", common::DAAN, "--moment", &word],
                );
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "--moment {word:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let shown = run(tmp.path(), &["show", &format!("{}/{word}", common::NOOR)]);
                if moment == Moment::Start {
                    assert_eq!(shown.status.code(), Some(0), "show …/{word}");
                }
            }
        }
    }
    let out = run(
        tmp.path(),
        &["prepare-form", common::DAAN, "--moment", "later"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(NL.cli.moment_unknown));
}

#[test]
fn every_command_is_described_in_the_interface_language() {
    let tmp = tempfile::tempdir().unwrap();
    let dutch = stdout(&with_lang(tmp.path(), "", &["--help"]));
    let english = stdout(&with_lang(tmp.path(), "", &["--lang", "en", "--help"]));
    // A command line reads `  name  description`; the same description in both languages
    // means one of them was never translated.
    let described = |help: &str| -> Vec<(String, String)> {
        help.lines()
            .filter(|l| l.starts_with("  ") && !l.trim_start().starts_with('-'))
            .filter_map(|l| l.trim().split_once("  "))
            .map(|(name, about)| (name.to_string(), about.trim().to_string()))
            .collect()
    };
    let (nl, en) = (described(&dutch), described(&english));
    assert!(nl.len() >= 12, "{dutch}");
    for (name, about) in &nl {
        let other = en.iter().find(|(n, _)| n == name).map(|(_, a)| a);
        assert_ne!(Some(about), other, "{name} is not translated:\n{dutch}");
    }
}
