use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::Moment;
use crate::domain::preparation::Preparer;
use crate::i18n::Lang;

/// A terminal companion for the three contact moments of an mbo placement.
#[derive(Debug, Parser)]
#[command(name = "stagegesprek", version, about)]
pub struct Args {
    /// Folder with the placements and records
    #[arg(long, global = true, env = "STAGEGESPREK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of the program: nl (default) or en
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Open on a throw-away copy of fictional demo data
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open straight into a meeting: a new one with the cursor in the first notes area, a
    /// draft where it was left off (the help shown is the translated one, see `help.rs`)
    Meet {
        /// The placement's id (see `list`)
        placement: String,
        /// start, midway or final (also tussen, tussentijds, eind, startgesprek, …)
        #[arg(long, value_parser = moment_named)]
        moment: Moment,
    },
    /// Write fictional demo data into a new or empty folder
    DemoData {
        dir: PathBuf,
        #[arg(long, default_value_t = 6, value_name = "N")]
        placements: usize,
    },
    /// One line per placement: id, student, company, meetings held, open agreements
    List {
        #[arg(long)]
        json: bool,
        /// Only the placements where I am the teacher
        #[arg(long)]
        mine: bool,
    },
    /// All placements at one company over the years
    Company {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Find records by words remembered from them
    Search {
        words: Vec<String>,
        #[arg(long, value_parser = moment_named)]
        moment: Option<Moment>,
        #[arg(long)]
        company: Option<String>,
        #[arg(long)]
        teacher: Option<String>,
        #[arg(long)]
        since: Option<String>,
        #[arg(long)]
        until: Option<String>,
        #[arg(long)]
        late: bool,
        #[arg(long)]
        concern: bool,
        #[arg(long = "no-visit")]
        no_visit: bool,
        #[arg(long)]
        json: bool,
    },
    /// Print a meeting record, readable (an id such as `placement-id/start` or
    /// `placement-id/tussentijds`, or a path); --format yaml prints the file itself
    Show {
        record: String,
        #[arg(long, value_enum, default_value_t = Format::Md)]
        format: Format,
    },
    /// Write a record as Markdown, or with --format html as a page to print; with --shared
    /// without the private notes. With --story, a placement's story (its three moments) as a
    /// page to print. Without -o it goes into the export folder and its full path is
    /// printed; `-o -` prints it
    Export {
        record: String,
        #[arg(long)]
        shared: bool,
        /// md when not given
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        #[arg(long)]
        story: bool,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The meetings that are due or planned as a calendar file (.ics) for Outlook, Google or
    /// Apple Calendar; importing a newer one updates the events. Without -o: into the export
    /// folder, and the full path is printed
    Agenda {
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Share the data folder with colleagues through git
    Team {
        #[command(subcommand)]
        command: TeamCommand,
    },
    /// Who changed what and when in a placement, in the team archive
    History {
        /// The placement's id (see `list`)
        placement: String,
        #[arg(long)]
        json: bool,
    },
    /// List removed placements that can be brought back with `restore`
    Removed,
    /// Bring a removed placement back (its id, or its folder name from `removed`)
    Restore {
        #[arg(value_name = "ID-OR-FOLDER")]
        name: String,
    },
    /// Prepare a meeting in the program: the trainer (in their own language) or the student
    /// answers the preparation questions on screen
    Prepare {
        /// The placement's id (see `list`)
        placement: String,
        /// start, midway or final (also tussen, tussentijds, eind, startgesprek, …)
        #[arg(long, value_parser = moment_named)]
        moment: Moment,
        /// Who prepares: the trainer (in their language) or the student
        #[arg(long, value_enum, ignore_case = true, default_value_t = RoleArg::Trainer)]
        role: RoleArg,
    },
    /// Write the plain-text preparation form for the trainer or the student, to paste into
    /// an e-mail or open in any editor (to standard output without -o)
    PrepareForm {
        /// The placement's id (see `list`)
        placement: String,
        /// start, midway or final (also tussen, tussentijds, eind, startgesprek, …)
        #[arg(long, value_parser = moment_named)]
        moment: Moment,
        /// Who fills it in
        #[arg(long, value_enum, ignore_case = true, default_value_t = RoleArg::Trainer)]
        role: RoleArg,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Read a filled preparation form back (a file with the reply, or - for standard input)
    /// and store it with its placement and moment
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace a preparation already there (the earlier one is kept in set-aside)
        #[arg(long)]
        replace: bool,
        /// Refuse a form for another moment than this one
        #[arg(long, value_parser = moment_named)]
        moment: Option<Moment>,
    },
    /// Work with conversation guides
    Guide {
        #[command(subcommand)]
        command: GuideCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Turn the data folder into a team archive
    Init {
        #[arg(long, value_name = "URL")]
        remote: Option<String>,
    },
    /// Start from a colleague's team archive
    Join { url: String, dir: Option<PathBuf> },
    /// Share what changed here and take in what colleagues changed
    Sync,
    /// What is not yet shared, and when it was last shared
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Take over a placement: you become its teacher
    Take {
        /// The placement's id (see `list`)
        placement: String,
    },
    /// Choose between two versions changed here and by a colleague
    Keep {
        #[arg(value_name = "RECORD")]
        what: String,
        #[arg(long, conflicts_with = "theirs", required_unless_present = "theirs")]
        mine: bool,
        #[arg(long)]
        theirs: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum GuideCommand {
    /// Check guide files; exit 0 when all are valid
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(value: LangArg) -> Self {
        match value {
            LangArg::Nl => Self::Nl,
            LangArg::En => Self::En,
        }
    }
}

/// A moment by any name the program shows for it, in either language (`tussen`, `eind`,
/// `midway`).
pub fn moment_named(word: &str) -> Result<Moment, String> {
    Moment::from_name(word)
        .ok_or_else(|| "start, midway, final (startgesprek, tussen, eind)".into())
}

/// Who fills in a preparation form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    #[value(alias = "praktijkopleider")]
    Trainer,
    Student,
}

impl From<RoleArg> for Preparer {
    fn from(value: RoleArg) -> Self {
        match value {
            RoleArg::Trainer => Self::Trainer,
            RoleArg::Student => Self::Student,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Yaml,
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
}
