//! `stagegesprek team …` and `history`: the data folder shared with colleagues through git,
//! every step said in a plain sentence and every commit in words.

use std::path::Path;

use chrono::Local;
use serde::Serialize;

use super::output::{say, say_json};
use super::{Failure, Outcome, open_store};
use crate::domain::Moment;
use crate::i18n::{LangExt as _, Texts, fill};
use crate::store::Store;
use crate::store::config::Settings;
use crate::team::words::{commit_message, describe_file, git_words, history_lines};
use crate::team::{Change, Team, TeamError, Who};

pub use super::args::TeamCommand;

pub fn team(settings: &Settings, command: &TeamCommand) -> Outcome {
    let t = settings.lang.texts();
    match command {
        TeamCommand::Init { remote } => init(settings, remote.as_deref()),
        TeamCommand::Join { url, dir } => {
            let dir = dir.clone().unwrap_or_else(|| settings.data_dir.clone());
            Team::join(url, &dir).map_err(|e| failure(&e, &dir, t))?;
            let store = Store::open(&dir).map_err(|e| Failure(e.describe(t)))?;
            store.repair_permissions();
            say(
                &format!(
                    "{}\n",
                    fill(t.cli.team_join_done, &[&dir.display().to_string()])
                ),
                t,
            )
        }
        TeamCommand::Sync => sync(settings).map(|said| {
            for line in said {
                println!("{line}");
            }
        }),
        TeamCommand::Status { json } => status(settings, *json),
        TeamCommand::Keep { what, theirs, .. } => keep(settings, what, *theirs),
        TeamCommand::Take { placement } => take(settings, placement),
    }
}

/// Who commits: the name in the config, else git's own, else the login name.
pub fn who(settings: &Settings) -> Who {
    let name = settings
        .teacher_name
        .clone()
        .or_else(|| git_config("user.name"))
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "stagegesprek".to_string());
    let email = git_config("user.email").unwrap_or_else(|| {
        let local: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '.' })
            .collect();
        format!("{local}@stagegesprek.invalid")
    });
    Who { name, email }
}

fn git_config(key: &str) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["config", "--global", key])
        .output()
        .ok()?;
    let value = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !value.is_empty()).then_some(value)
}

fn init(settings: &Settings, remote: Option<&str>) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let team = Team::at(store.root());
    let who = who(settings);
    let message = fill(t.cli.msg_init, &[&who.name]);
    team.init(remote, &who, &message)
        .map_err(|e| failure(&e, store.root(), t))?;
    let mut text = t.cli.team_init_done.to_string();
    if let Some(url) = remote {
        text = format!("{text} {}", fill(t.cli.team_init_shared, &[url]));
    }
    say(&format!("{text}\n"), t)
}

/// One sync, said line by line: what went, what came, what waits for a choice.
pub fn sync(settings: &Settings) -> Result<Vec<String>, Failure> {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let team = Team::at(store.root());
    if !team.is_archive() {
        return Err(failure(&TeamError::NotAnArchive, store.root(), t));
    }
    // Nothing private goes out, whatever wrote the record.
    let changes = team.changes().map_err(|e| failure(&e, store.root(), t))?;
    for e in store.keep_private_apart(changes.iter().map(|c| c.path.as_str())) {
        eprintln!("stagegesprek: {}", e.describe(t));
    }
    let message =
        |changes: &[Change]| commit_message(&store, changes, t, &team.new_teacher(changes));
    let synced = team
        .sync(&who(settings), &message, t.cli.msg_merged)
        .map_err(|e| failure(&e, store.root(), t))?;
    let now = Local::now().format("%H:%M").to_string();
    let mut said = Vec::new();
    match (&synced.not_shared, team.remote()) {
        (None, Some(_)) => said.push(fill(
            t.cli.team_synced,
            &[
                &now,
                &synced.mine.len().to_string(),
                &synced.theirs.len().to_string(),
            ],
        )),
        (None, None) => said.push(fill(
            t.cli.team_local,
            &[&now, &synced.mine.len().to_string()],
        )),
        (Some(_), _) => {}
    }
    for path in &synced.conflicts {
        let name = record_name(path);
        said.push(fill(
            t.cli.team_conflict,
            &[&describe_file(&store, path, t), &name],
        ));
    }
    for path in &synced.kept_over_removal {
        said.push(fill(
            t.cli.team_kept_over_removal,
            &[&describe_file(&store, path, t)],
        ));
    }
    // Not shared is a failure for whoever runs this from a script; what was done here is
    // said first, and kept for the next sync.
    if let Some(e) = &synced.not_shared {
        for line in &said {
            println!("{line}");
        }
        return Err(Failure(fill(t.cli.team_not_shared, &[&git_words(e, t)])));
    }
    Ok(said)
}

#[derive(Serialize)]
struct StatusJson {
    remote: Option<String>,
    last_sync: Option<String>,
    not_shared: usize,
    conflicts: Vec<String>,
}

fn status(settings: &Settings, json: bool) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let status = Team::at(store.root())
        .status()
        .map_err(|e| failure(&e, store.root(), t))?;
    if json {
        return say_json(
            &StatusJson {
                remote: status.remote,
                last_sync: status.last_sync.map(|s| s.to_rfc3339()),
                not_shared: status.not_shared,
                conflicts: status.conflicts.iter().map(|p| record_name(p)).collect(),
            },
            t,
        );
    }
    let mut lines = vec![match &status.remote {
        Some(url) => fill(t.cli.team_status_remote, &[url]),
        None => t.cli.team_status_local.to_string(),
    }];
    lines.push(status.last_sync.map_or_else(
        || t.cli.team_status_never.to_string(),
        |at| {
            let when = format!("{} {}", t.date(at.date_naive()), at.format("%H:%M"));
            fill(t.cli.team_status_shared, &[&when])
        },
    ));
    lines.push(if status.not_shared == 0 {
        t.cli.team_status_all.to_string()
    } else {
        fill(t.cli.team_status_pending, &[&status.not_shared.to_string()])
    });
    if !status.conflicts.is_empty() {
        let names: Vec<String> = status.conflicts.iter().map(|p| record_name(p)).collect();
        lines.push(fill(t.cli.team_status_conflicts, &[&names.join(", ")]));
    }
    say(&(lines.join("\n") + "\n"), t)
}

/// Makes me the teacher of placement `id`; the next sync says so in its history.
fn take(settings: &Settings, id: &str) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let mut placement = store.placement(id).map_err(|e| Failure(e.describe(t)))?;
    let me = who(settings).name;
    placement.teacher.clone_from(&me);
    store
        .update_placement(&placement)
        .map_err(|e| Failure(e.describe(t)))?;
    say(
        &format!("{}\n", fill(t.cli.team_taken, &[&placement.student, &me])),
        t,
    )
}

fn keep(settings: &Settings, what: &str, theirs: bool) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let team = Team::at(store.root());
    let conflicts = team.conflicts().map_err(|e| failure(&e, store.root(), t))?;
    let path = relative_path(what);
    if !conflicts.contains(&path) {
        return Err(Failure(fill(t.cli.team_no_conflict, &[what])));
    }
    let aside = team
        .keep_made_by(&path, &who(settings).name, !theirs)
        .map_err(|e| failure(&e, store.root(), t))?;
    say(
        &format!(
            "{}\n",
            fill(t.cli.team_kept, &[&aside.display().to_string()])
        ),
        t,
    )
}

#[derive(Serialize)]
struct HistoryJson {
    who: String,
    when: String,
    #[serde(skip)]
    shown_when: String,
    what: String,
}

pub fn history(settings: &Settings, id: &str, json: bool) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let entries = Team::at(store.root())
        .history(id)
        .map_err(|e| failure(&e, store.root(), t))?;
    let lines: Vec<HistoryJson> = history_lines(&store, id, &entries, t)
        .into_iter()
        .map(|h| HistoryJson {
            who: h.who,
            when: h.when.to_rfc3339(),
            shown_when: format!("{} {}", t.date(h.when.date_naive()), h.when.format("%H:%M")),
            what: h.what,
        })
        .collect();
    if json {
        return say_json(&lines, t);
    }
    if lines.is_empty() {
        return say(&format!("{}\n", fill(t.cli.history_none, &[id])), t);
    }
    let text: String = lines
        .iter()
        .map(|l| format!("{}  {}  {}\n", l.shown_when, l.who, l.what))
        .collect();
    say(&text, t)
}

/// `placements/x/midway.yaml` → `x/midway`, as the commands take it; `x` for the placement.
fn record_name(path: &str) -> String {
    let rest = path
        .trim_start_matches("placements/")
        .trim_end_matches(".yaml");
    rest.trim_end_matches("/placement").to_string()
}

/// `x/tussen` or `x/midway` or `x` → the file's path in the archive.
fn relative_path(what: &str) -> String {
    match what.trim_end_matches('/').rsplit_once('/') {
        Some((id, moment)) => {
            let moment = moment.trim_end_matches(".yaml");
            let code = Moment::from_name(moment)
                .map_or_else(|| moment.to_string(), |m| m.code().to_string());
            format!("placements/{id}/{code}.yaml")
        }
        None => format!("placements/{what}/placement.yaml"),
    }
}

fn failure(e: &TeamError, dir: &Path, t: &Texts) -> Failure {
    let shown = dir.display().to_string();
    Failure(match e {
        TeamError::NotAnArchive => fill(t.cli.team_not_archive, &[&shown]),
        TeamError::AlreadyAnArchive => fill(t.cli.team_already, &[&shown]),
        TeamError::NotEmpty(dir) => fill(t.cli.team_not_empty, &[&dir.display().to_string()]),
        TeamError::Busy => t.cli.team_busy.to_string(),
        TeamError::Git(e) => git_words(e, t),
        TeamError::Io(e) => t.io_problem(e),
    })
}
