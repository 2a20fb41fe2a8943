//! The command line in the interface language: `--help` speaks Dutch or English as the
//! program does (`--lang`, then the config, then `LANG`), every text from the one table.

use std::ffi::OsString;

use clap::{Arg, ArgAction, CommandFactory as _, FromArgMatches as _};

use super::args::Args;
use crate::domain::Moment;
use crate::i18n::{Lang, Texts};

/// The language asked for with `--lang`, read before the arguments are parsed, so that the
/// help and the usage errors can speak it. An unknown one is left to the parser to refuse.
pub fn lang_asked(argv: &[OsString]) -> Option<Lang> {
    let mut words = argv.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| Lang::from_code(v.trim())) {
            return Some(lang);
        }
    }
    None
}

/// Parses `argv` with the help in the language of `t`; exits as clap does (0 for help and
/// version, 2 for a usage error).
pub fn parse(argv: Vec<OsString>, t: &'static Texts) -> Args {
    let matches = command(t).get_matches_from(argv);
    Args::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// A command's name, what it does, and its arguments' names with what they are.
type CommandTexts = (
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

/// What each command and argument says in the help, by clap's names for them.
fn texts_of(t: &'static Texts) -> Vec<CommandTexts> {
    let place = ("placement", t.cli.placement);
    let moment = ("moment", t.cli.moment);
    vec![
        ("meet", t.cli.meet, vec![place, moment]),
        (
            "demo-data",
            t.cli.demo_data,
            vec![("dir", t.cli.demo_dir), ("placements", t.cli.demo_count)],
        ),
        (
            "list",
            t.cli.list,
            vec![("json", t.cli.json), ("mine", t.cli.list_mine)],
        ),
        (
            "company",
            t.cli.company,
            vec![("name", t.cli.company_name), ("json", t.cli.json)],
        ),
        (
            "search",
            t.cli.search,
            vec![
                ("words", t.cli.search_words),
                moment,
                ("company", t.cli.search_company),
                ("teacher", t.cli.search_teacher),
                ("since", t.cli.search_since),
                ("until", t.cli.search_until),
                ("late", t.cli.search_late),
                ("concern", t.cli.search_concern),
                ("no_visit", t.cli.search_no_visit),
                ("json", t.cli.json),
            ],
        ),
        (
            "show",
            t.cli.show,
            vec![("record", t.cli.record), ("format", t.cli.format)],
        ),
        (
            "export",
            t.cli.export,
            vec![
                ("record", t.cli.record),
                ("shared", t.cli.shared),
                ("format", t.cli.export_format),
                ("story", t.cli.export_story),
                ("output", t.cli.output),
            ],
        ),
        ("agenda", t.cli.agenda, vec![("output", t.cli.output)]),
        ("removed", t.cli.removed, vec![]),
        ("restore", t.cli.restore, vec![("name", t.cli.restore_name)]),
        (
            "prepare",
            t.cli.prepare,
            vec![place, moment, ("role", t.cli.role)],
        ),
        (
            "prepare-form",
            t.cli.prepare_form,
            vec![
                place,
                moment,
                ("role", t.cli.form_role),
                ("output", t.cli.output),
            ],
        ),
        (
            "import",
            t.cli.import,
            vec![
                ("file", t.cli.import_file),
                ("replace", t.cli.replace),
                ("moment", t.cli.import_moment),
            ],
        ),
        ("team", t.cli.team, vec![]),
        ("init", t.cli.team_init, vec![("remote", t.cli.team_remote)]),
        (
            "join",
            t.cli.team_join,
            vec![("url", t.cli.team_url), ("dir", t.cli.team_dir)],
        ),
        ("sync", t.cli.team_sync, vec![]),
        ("take", t.cli.team_take, vec![place]),
        ("status", t.cli.team_status, vec![("json", t.cli.json)]),
        (
            "keep",
            t.cli.team_keep,
            vec![
                ("what", t.cli.team_keep_what),
                ("mine", t.cli.team_mine),
                ("theirs", t.cli.team_theirs),
            ],
        ),
        ("history", t.cli.history, vec![place, ("json", t.cli.json)]),
        ("guide", t.cli.guide, vec![]),
        (
            "check",
            t.cli.guide_check,
            vec![("files", t.cli.guide_files)],
        ),
    ]
}

/// The whole command line, with every help text in the language of `t`.
pub fn command(t: &'static Texts) -> clap::Command {
    let root = Args::command()
        .about(t.cli.about)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t.cli.version),
        )
        .mut_arg("data_dir", |a| a.help(t.cli.data_dir))
        .mut_arg("lang", |a| a.help(t.cli.lang))
        .mut_arg("demo", |a| a.help(t.cli.demo));
    let mut root = localize(root, t, &texts_of(t));
    // The `help` command exists only once the command line is built.
    root.build();
    root.mut_subcommand("help", |c| c.about(t.cli.help_command))
}

/// Sets the texts of `cmd` and of everything under it.
fn localize(mut cmd: clap::Command, t: &'static Texts, texts: &[CommandTexts]) -> clap::Command {
    if let Some((_, about, args)) = texts.iter().find(|(name, ..)| *name == cmd.get_name()) {
        cmd = cmd.about(*about).long_about(None);
        for (id, help) in args {
            cmd = cmd.mut_arg(*id, |a| a.help(*help).long_help(None));
        }
    }
    if cmd.get_arguments().any(|a| a.get_id() == "moment") {
        cmd = cmd.mut_arg("moment", |a| {
            a.value_parser(move |word: &str| Moment::from_name(word).ok_or(t.cli.moment_unknown))
        });
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let heading = if positional {
            t.cli.arguments
        } else {
            t.cli.options
        };
        cmd = cmd.mut_arg(id, |a| a.help_heading(heading));
    }
    cmd = cmd
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t.cli.help)
                .help_heading(t.cli.options),
        )
        .subcommand_help_heading(t.cli.commands)
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            t.cli.usage
        ));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |c| localize(c, t, texts));
    }
    cmd
}
