//! `removed` and `restore`: removed placements wait in `set-aside/removed/` until they are
//! brought back; nothing is ever erased.

use std::fmt::Write as _;

use super::output::say;
use super::{Failure, Outcome, open_store};
use crate::domain::text::printable;
use crate::i18n::{LangExt as _, fill};
use crate::store::config::Settings;

/// One line per removed placement: the folder name `restore` takes, the student, and when.
pub fn removed(settings: &Settings) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let removed = store.removed_placements();
    if removed.is_empty() {
        eprintln!("{}", t.removed_none);
        return Ok(());
    }
    let width = removed.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut text = String::new();
    for r in &removed {
        let student = r
            .student
            .as_deref()
            .map_or_else(|| t.removed_unreadable.into(), printable);
        let _ = writeln!(
            text,
            "{:<width$}  {} {}  {student}",
            printable(&r.name),
            t.date(r.removed_at.date()),
            r.removed_at.format("%H:%M"),
        );
    }
    say(&text, t)
}

/// Moves a removed placement back, named by its id or its folder name.
pub fn restore(settings: &Settings, name: &str) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    // A meeting draft thrown away from the meetings list, named by the path shown then.
    if store.set_aside_draft(std::path::Path::new(name)).is_some() {
        let (id, moment) = store
            .put_back_draft(std::path::Path::new(name))
            .map_err(|e| Failure(e.describe(t)))?;
        let done = fill(
            t.draft_put_back,
            &[t.moment_after_the(moment), &printable(&id)],
        );
        return say(&format!("{done}\n"), t);
    }
    let placement = store.restore_placement(name).map_err(|e| {
        if e.is_missing() && e.path().starts_with(store.removed_dir()) {
            Failure(fill(t.err_not_removed, &[&printable(name)]))
        } else {
            Failure(e.describe(t))
        }
    })?;
    let done = fill(
        t.restore_done,
        &[&printable(&placement.id), &printable(&placement.student)],
    );
    say(&format!("{done}\n"), t)
}
