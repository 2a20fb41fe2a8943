//! The non-interactive commands. They never open the UI and never prompt; they print to
//! stdout, report failures as one plain line, and leave the exit status to `main`.

mod agenda;
mod args;
mod company;
mod export;
mod help;
mod output;
mod prepare;
mod removed;
mod search;
pub mod team;
mod wrong_file;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, ErrorKind, IsTerminal as _};
use std::path::{Path, PathBuf};

pub use agenda::agenda;
pub use args::{Args, Command, ExportFormat, Format, GuideCommand, RoleArg, TeamCommand};
use chrono::{Local, NaiveDate};
pub use company::company;
pub use export::{export, export_placement_story};
pub use help::{lang_asked, parse};
pub use prepare::{import, prepare_form};
pub use removed::{removed, restore};
pub use search::{SearchArgs, search};
use serde::Serialize;

use crate::demo::write_demo;
use crate::domain::summary::{MomentState, PlacementSummary};
use crate::domain::text::{printable, printable_text};
use crate::domain::{MeetingRecord, Moment, Place, Role};
use crate::export::{Variant, to_markdown};
use crate::i18n::{LangExt as _, Texts, fill};
use crate::store::config::Settings;
use crate::store::file_kind::FileKind;
use crate::store::guides::{Guides, check_file};
use crate::store::rescue::rescue_dirs;
use crate::store::{Store, StoreError, to_yaml, today};
use output::{say, say_json};
use wrong_file::{Wanted, wrong_kind};

/// A failure to report: one line, already in the user's language.
#[derive(Debug)]
pub struct Failure(pub String);

type Outcome = Result<(), Failure>;

/// Tells on stderr which of the school's guides were left out and why.
pub fn report_broken_guides(guides: &Guides, t: &Texts) {
    for broken in &guides.broken {
        for line in broken.lines() {
            eprintln!(
                "stagegesprek: {}",
                fill(t.err_guide_broken_skipped, &[&line])
            );
        }
    }
}

/// What in `config.yaml` could not be used, named in one line: a file that cannot be read
/// from some line on, settings this version does not know, and known settings with a value
/// it cannot use. None when everything was taken in.
pub fn config_note(settings: &Settings) -> Option<String> {
    let t = settings.lang.texts();
    let file = settings
        .config_dir
        .as_deref()
        .map_or_else(|| PathBuf::from("config.yaml"), |d| d.join("config.yaml"));
    let file = file.display().to_string();
    let names = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("'{}'", printable(n)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut said = Vec::new();
    if let Some(line) = settings.config_broken_at {
        said.push(fill(t.config_broken, &[&file, &line.to_string()]));
    }
    if !settings.unknown_settings.is_empty() {
        said.push(fill(
            t.config_unknown_settings,
            &[&file, &names(&settings.unknown_settings)],
        ));
    }
    if !settings.unusable_settings.is_empty() {
        said.push(fill(
            t.config_unusable_settings,
            &[&file, &names(&settings.unusable_settings)],
        ));
    }
    (!said.is_empty()).then(|| said.join(" "))
}

/// The UI draws on stdout and reads keys from stdin; when either is a pipe or a file, the
/// user is told where the UI does work and what gives a list instead.
pub fn need_terminal(t: &Texts) -> Outcome {
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(Failure(t.cli.err_no_terminal.into()))
    }
}

/// Opens the data folder for a command that only reads; a folder that is not there is
/// named, not created. Permissions that were widened are narrowed, saying so on stderr.
pub fn open_store(settings: &Settings) -> Result<Store, Failure> {
    let t = settings.lang.texts();
    let store = Store::open_existing(&settings.data_dir).map_err(|e| match &e {
        StoreError::Read { path, source } if source.kind() == ErrorKind::NotFound => {
            Failure(fill(t.cli.err_no_data_dir, &[&path.display().to_string()]))
        }
        _ => Failure(e.describe(t)),
    })?;
    if let Some((text, _)) = repair_permissions(&store, t) {
        eprintln!("stagegesprek: {text}");
    }
    for (text, _) in move_private_out(&store, t) {
        eprintln!("stagegesprek: {text}");
    }
    Ok(store)
}

/// Opens (and if needed creates) the data folder; a permission repair comes back as a
/// message for the status line.
pub fn open_store_for_ui(settings: &Settings) -> Result<(Store, Option<(String, bool)>), Failure> {
    let t = settings.lang.texts();
    let store = Store::open(&settings.data_dir)
        .map_err(|e| Failure(e.describe(t)))?
        .with_rescue_dirs(rescue_dirs(settings.config_dir.as_deref()));
    let moved = move_private_out(&store, t);
    let notice = repair_permissions(&store, t).or_else(|| moved.into_iter().last());
    Ok((store, notice))
}

/// Records written before private parts were kept apart get theirs moved out, once; what
/// that did is said.
fn move_private_out(store: &Store, t: &Texts) -> Vec<(String, bool)> {
    let done = store.move_private_out();
    let mut said = Vec::new();
    if done.moved > 0 {
        said.push((fill(t.private_moved, &[&done.moved.to_string()]), false));
    }
    if let Some(first) = done.left.first() {
        let example = first.describe(t);
        said.push((
            fill(t.private_left, &[&done.left.len().to_string(), &example]),
            true,
        ));
    }
    said
}

/// Every placement's overview line, through the index: what changed is read again (with
/// progress on a terminal when that is much), and what it says is told on stderr.
pub fn overview(store: &Store, t: &Texts) -> (Vec<PlacementSummary>, Vec<StoreError>) {
    let overview = store.overview(today(), &mut progress(t));
    report_refresh(&overview.repaired, overview.index_set_aside.as_deref(), t);
    (overview.summaries, overview.errors)
}

/// Progress of a large index build, on stderr when that is a terminal: also before the home
/// screen opens, so a first build over a large archive is not a blank wait.
pub fn progress(t: &Texts) -> impl FnMut(usize, usize) {
    let on_terminal = io::stderr().is_terminal();
    move |done: usize, total: usize| {
        if on_terminal {
            let line = fill(t.index_building, &[&done.to_string(), &total.to_string()]);
            eprint!("\r{line}\x1b[K");
            if done == total {
                eprint!("\r\x1b[K");
            }
        }
    }
}

/// Says on stderr what bringing the index up to date changed outside it.
fn report_refresh(repaired: &[PathBuf], set_aside: Option<&Path>, t: &Texts) {
    if !repaired.is_empty() {
        let text = fill(t.permissions_repaired, &[&repaired.len().to_string()]);
        eprintln!("stagegesprek: {text}");
    }
    if let Some(aside) = set_aside {
        eprintln!(
            "stagegesprek: {}",
            fill(t.index_set_aside, &[&aside.display().to_string()])
        );
    }
}

fn repair_permissions(store: &Store, t: &Texts) -> Option<(String, bool)> {
    let repaired = store.repair_permissions();
    (!repaired.is_empty()).then(|| {
        let text = fill(t.permissions_repaired, &[&repaired.len().to_string()]);
        (text, true)
    })
}

pub fn demo_data(dir: &Path, count: usize, settings: &Settings, guides: &Guides) -> Outcome {
    let t = settings.lang.texts();
    let occupied = fs::read_dir(dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    if occupied {
        return Err(Failure(fill(
            t.err_dir_not_empty,
            &[&dir.display().to_string()],
        )));
    }
    let store = Store::open(dir).map_err(|e| Failure(e.describe(t)))?;
    let guide = guides
        .for_language(settings.lang)
        .ok_or_else(|| Failure(t.err_no_guide.into()))?;
    write_demo(&store, guide, count, Local::now().date_naive())
        .map_err(|e| Failure(e.describe(t)))?;
    let written = fill(
        t.demo_written,
        &[&count.to_string(), &dir.display().to_string()],
    );
    say(&format!("{written}\n"), t)
}

/// Each moment's state by name, in the order they happen.
#[derive(Serialize)]
struct MomentStates {
    start: &'static str,
    midway: &'static str,
    #[serde(rename = "final")]
    end: &'static str,
}

/// Where each held meeting took place, by moment; null when not held.
#[derive(Serialize)]
struct MomentPlaces {
    start: Option<Place>,
    midway: Option<Place>,
    #[serde(rename = "final")]
    end: Option<Place>,
}

#[derive(Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    student: &'a str,
    company: &'a str,
    programme: &'a str,
    moments_held: usize,
    moments: MomentStates,
    open_agreements: usize,
    places: MomentPlaces,
    on_site_held: bool,
    next_moment: Option<&'static str>,
    next_due: Option<NaiveDate>,
    overdue: bool,
    prepared: &'a [Role],
    preparation_damaged: &'a [Role],
    concern: bool,
    two_versions: bool,
}

impl<'a> ListEntry<'a> {
    fn new(s: &'a PlacementSummary) -> Self {
        let place = |m: Moment| s.places[m.index()];
        Self {
            id: &s.placement.id,
            student: &s.placement.student,
            company: &s.placement.company,
            programme: &s.placement.programme,
            moments_held: s.moments_held(),
            moments: MomentStates {
                start: state_code(s.moments[Moment::Start.index()]),
                midway: state_code(s.moments[Moment::Midway.index()]),
                end: state_code(s.moments[Moment::Final.index()]),
            },
            open_agreements: s.open_agreements,
            places: MomentPlaces {
                start: place(Moment::Start),
                midway: place(Moment::Midway),
                end: place(Moment::Final),
            },
            on_site_held: s.on_site_held,
            next_moment: s.next_moment().map(Moment::code),
            next_due: s.next_due,
            overdue: s.overdue,
            prepared: &s.prepared,
            preparation_damaged: &s.preparation_damaged,
            concern: s.concern,
            two_versions: s.two_versions,
        }
    }
}

pub fn list(settings: &Settings, json: bool, mine: bool) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let (mut summaries, errors) = overview(&store, t);
    if mine {
        let me = team::who(settings).name;
        let all = summaries.len();
        summaries.retain(|s| s.placement.is_taught_by(&me));
        // None of mine is not an empty archive: said, so nobody thinks the rest is gone.
        if summaries.is_empty() && all > 0 && !json {
            eprintln!("{}", fill(t.cli.list_none_mine, &[&me, &all.to_string()]));
            return Ok(());
        }
    }
    for error in &errors {
        eprintln!("stagegesprek: {}", error.describe(t));
    }
    if json {
        let entries: Vec<ListEntry> = summaries.iter().map(ListEntry::new).collect();
        return say_json(&entries, t);
    }
    if summaries.is_empty() {
        eprintln!("{}", t.list_empty);
    }
    let names: Vec<[Cow<str>; 3]> = summaries
        .iter()
        .map(|s| {
            let p = &s.placement;
            [
                printable(&p.id),
                printable(&p.student),
                printable(&p.company),
            ]
        })
        .collect();
    let width = |i: usize| {
        names
            .iter()
            .map(|n| n[i].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (wi, ws, wc) = (width(0), width(1), width(2));
    let mut text = String::new();
    for (s, [id, student, company]) in summaries.iter().zip(&names) {
        let _ = writeln!(
            text,
            "{id:<wi$}  {student:<ws$}  {company:<wc$}  {}/3 {}  {} {}  {}",
            s.moments_held(),
            t.moment_marks(&s.moments),
            s.open_agreements,
            t.agreement_open,
            attention(s, t),
        );
    }
    say(&text, t)
}

/// What `list` says after the counts: the next meeting and by when, whether it is late, and
/// the marks for a concern and for no visit on site yet.
fn attention(s: &PlacementSummary, t: &Texts) -> String {
    let mut parts = vec![match (s.next_moment(), s.next_due) {
        (Some(m), Some(due)) => fill(t.list_next, &[t.moment_word(m), &t.date(due)]),
        (Some(m), None) => fill(t.list_next_undated, &[t.moment_word(m)]),
        (None, _) => t.list_all_held.to_string(),
    }];
    if s.overdue {
        parts.push(t.list_overdue.to_string());
    }
    if s.on_site_at_risk() {
        parts.push(t.list_no_visit.to_string());
    }
    if s.concern {
        parts.push(t.list_concern.to_string());
    }
    if s.two_versions {
        parts.push(t.list_two_versions.to_string());
    }
    parts.join("  ")
}

const fn state_code(state: MomentState) -> &'static str {
    match state {
        MomentState::NotHeld => "not_held",
        MomentState::Draft => "draft",
        MomentState::Held => "held",
        MomentState::Damaged => "damaged",
        MomentState::Newer => "newer",
    }
}

fn load_record(store: &Store, name: &str, t: &Texts) -> Result<MeetingRecord, Failure> {
    let path = store
        .resolve_record(name)
        .ok_or_else(|| Failure(fill(t.err_no_record, &[name])))?;
    if let Some(refusal) = wrong_kind(&path, FileKind::of_path(&path), Wanted::Record, t) {
        return Err(refusal);
    }
    store
        .read_record_file(&path)
        .map_err(|e| Failure(e.describe(t)))
}

pub fn show(settings: &Settings, guides: &Guides, name: &str, format: Format) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let record = load_record(&store, name, t)?;
    let text = match format {
        // The YAML writer escapes only C0 controls; a right-to-left override or a C1 control
        // in a name would still reach the reader's terminal, so those are shown, not obeyed.
        Format::Yaml => printable_text(&to_yaml(&record)).into_owned(),
        Format::Md => {
            let guide = guides
                .for_record(&record.guide.id, settings.lang)
                .ok_or_else(|| Failure(t.err_no_guide.into()))?;
            to_markdown(&record, guide, Variant::Full)
        }
    };
    let mut text = text;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    say(&text, t)
}

/// Checks every file and prints each problem as `FILE:LINE:COLUMN: message`.
pub fn guide_check(settings: &Settings, files: &[PathBuf]) -> Outcome {
    let t = settings.lang.texts();
    let mut failed = false;
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for path in files {
        match check_file(path, t) {
            Ok(guide) => {
                if let Some(first) = seen.get(&guide.id) {
                    failed = true;
                    let message = fill(
                        t.guide_duplicate_id,
                        &[&guide.id, &first.display().to_string()],
                    );
                    eprintln!("{}:{}:{}: {message}", path.display(), id_line(path), 1);
                    continue;
                }
                seen.insert(guide.id.clone(), path.clone());
                let version = guide.version.to_string();
                let ok = fill(
                    t.guide_ok,
                    &[
                        &path.display().to_string(),
                        &guide.id,
                        guide.language.code(),
                        &version,
                    ],
                );
                say(&format!("{ok}\n"), t)?;
            }
            Err(_)
                if let Some(refusal) =
                    wrong_kind(path, FileKind::of_path(path), Wanted::Guide, t) =>
            {
                failed = true;
                eprintln!("stagegesprek: {}", refusal.0);
            }
            Err(broken) => {
                failed = true;
                for line in broken.lines() {
                    eprintln!("{line}");
                }
            }
        }
    }
    if failed {
        Err(Failure(String::new()))
    } else {
        Ok(())
    }
}

/// The line of the `id:` field, so a duplicate id is reported where it can be fixed.
fn id_line(path: &Path) -> usize {
    fs::read_to_string(path)
        .ok()
        .and_then(|text| text.lines().position(|l| l.starts_with("id:")))
        .map_or(1, |i| i + 1)
}
