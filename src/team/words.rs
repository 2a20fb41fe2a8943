//! Changes to the archive in words, for commit messages and a placement's history:
//! "Startgesprek Noor Verbeek gehouden", in the interface's language.

use chrono::{DateTime, Local};

use super::{CONFLICT_END, Change, Entry, GitError};
use crate::domain::preparation::Preparer;
use std::collections::HashSet;

use crate::domain::Moment;
use crate::i18n::{Texts, fill};
use crate::store::Store;

/// My changes in words: the first, and how many more; each on a line of its own below.
pub fn commit_message(
    store: &Store,
    changes: &[Change],
    t: &Texts,
    new_teacher: &HashSet<String>,
) -> String {
    let lines: Vec<String> = changes
        .iter()
        .map(|c| takeover(store, c, t, new_teacher).unwrap_or_else(|| describe_change(store, c, t)))
        .collect();
    let first = match lines.len() {
        0 => return t.cli.team_sync.to_string(),
        1 => lines[0].clone(),
        n => fill(t.cli.msg_more, &[&lines[0], &(n - 1).to_string()]),
    };
    if lines.len() == 1 {
        first
    } else {
        format!("{first}\n\n{}", lines.join("\n"))
    }
}

/// A placement whose teacher changed is taken over: "Anna Docent neemt Noor Verbeek over".
/// `new_teacher` holds the placement files whose teacher changed (see `Team::new_teacher`).
fn takeover(
    store: &Store,
    change: &Change,
    t: &Texts,
    new_teacher: &HashSet<String>,
) -> Option<String> {
    if !new_teacher.contains(&change.path) {
        return None;
    }
    let id = change.path.split('/').nth(1)?;
    let now = store.placement(id).ok()?;
    let teacher = now.teacher.trim();
    (!teacher.is_empty()).then(|| fill(t.cli.msg_takeover, &[teacher, &now.student]))
}

/// One change to one file, in words: "Startgesprek Noor Verbeek gehouden".
pub fn describe_change(store: &Store, change: &Change, t: &Texts) -> String {
    let parts: Vec<&str> = change.path.split('/').collect();
    let [_, id, name] = parts[..] else {
        return fill(t.cli.msg_other, &[&change.path]);
    };
    let student = student_of(store, id);
    if name == "placement.yaml" {
        let text = match change.kind {
            'A' => t.cli.msg_placement_added,
            'D' => t.cli.msg_placement_removed,
            _ => t.cli.msg_placement_changed,
        };
        return fill(text, &[&student]);
    }
    if let Some(stem) = name.strip_suffix(CONFLICT_END) {
        let what = Moment::from_code(stem).map_or_else(
            || student.clone(),
            |m| format!("{} {student}", t.moment_word(m)),
        );
        return fill(t.cli.msg_choice, &[&what]);
    }
    if let Some(stem) = name.strip_suffix(".prep.yaml")
        && let Some((moment, role)) = stem.split_once('.')
        && let (Some(moment), Some(by)) = (Moment::from_code(moment), Preparer::from_name(role))
    {
        return fill(
            t.cli.msg_prep,
            &[t.moment_word(moment), &student, t.role(by.role())],
        );
    }
    if let Some(moment) = name.strip_suffix(".yaml").and_then(Moment::from_code) {
        let text = match change.kind {
            'A' => t.cli.msg_record_added,
            'D' => t.cli.msg_record_removed,
            _ => t.cli.msg_record_changed,
        };
        return capitalised(&fill(text, &[t.moment_word(moment), &student]));
    }
    fill(t.cli.msg_other, &[&change.path])
}

/// The student's name of placement `id`, or the id when it cannot be read.
pub fn student_of(store: &Store, id: &str) -> String {
    store
        .placement(id)
        .map_or_else(|_| id.to_string(), |p| p.student)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// What git's refusal means for the teacher, in a sentence.
pub fn git_words(e: &GitError, t: &Texts) -> String {
    match e {
        GitError::Missing => t.cli.git_missing.to_string(),
        GitError::TimedOut => t.cli.git_timeout.to_string(),
        GitError::Unreachable(said) => fill(t.cli.git_unreachable, &[said]),
        GitError::Refused(said) => fill(t.cli.git_refused, &[said]),
        GitError::Io(e) => t.io_problem(e),
    }
}

/// A file that waits for a choice, named for a person: "tussentijds gesprek Noor Verbeek".
pub fn describe_file(store: &Store, path: &str, t: &Texts) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let [_, id, name] = parts[..] else {
        return path.to_string();
    };
    let student = student_of(store, id);
    match name.strip_suffix(".yaml").and_then(Moment::from_code) {
        Some(moment) => format!("{} {student}", t.moment_word(moment)),
        None => student,
    }
}

/// One line of a placement's history: when, who, and what, in words.
pub struct Happened {
    pub when: DateTime<Local>,
    pub who: String,
    pub what: String,
}

/// A placement's history in words: for each commit, the lines of its message that name the
/// student (a commit may be about several placements), else its files described.
pub fn history_lines(store: &Store, id: &str, entries: &[Entry], t: &Texts) -> Vec<Happened> {
    let student = student_of(store, id);
    entries
        .iter()
        .flat_map(|e| {
            let about: std::collections::BTreeSet<String> = e
                .said
                .iter()
                .filter(|l| l.contains(&student))
                .cloned()
                .collect();
            let said: Vec<String> = if about.is_empty() {
                e.changes
                    .iter()
                    .map(|c| describe_change(store, c, t))
                    .collect()
            } else {
                about.into_iter().collect()
            };
            said.into_iter().map(|what| Happened {
                when: e.when,
                who: e.who.clone(),
                what,
            })
        })
        .collect()
}
