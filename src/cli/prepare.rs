//! `prepare-form` and `import`: the preparation of a trainer or student without an account,
//! as a plain-text form that goes out by e-mail and comes back filled in.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::export::{Target, check_target, write_failure};
use super::output::say;
use super::wrong_file::{Wanted, wrong_kind};
use super::{Failure, Outcome, open_store};
use crate::domain::Moment;
use crate::domain::preparation::{Preparer, ReplyProblem};
use crate::domain::text::{capitalised, printable};
use crate::export::{parse_reply_for, preparation_form};
use crate::i18n::{LangExt as _, Texts, fill};
use crate::store::config::Settings;
use crate::store::file_kind::FileKind;
use crate::store::guides::Guides;
use crate::store::read::MAX_FILE_BYTES;
use crate::store::{Refusal, StoreError, durable};

/// Writes the form for `by` before meeting `moment` of placement `id`: to standard output,
/// or to `output` under the same rules as `export -o`. The trainer's form is in the
/// trainer's language where the placement sets one; otherwise in the interface's.
pub fn prepare_form(
    settings: &Settings,
    guides: &Guides,
    id: &str,
    moment: Moment,
    by: Preparer,
    output: Option<&Path>,
) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let target = output
        .map(|path| check_target(path, store.root(), t))
        .transpose()?;
    if !store.placement_exists(id) {
        return Err(Failure(fill(t.err_no_placement, &[id])));
    }
    let placement = store.placement(id).map_err(|e| Failure(e.describe(t)))?;
    let lang = match by {
        Preparer::Trainer => placement.trainer_language.unwrap_or(settings.lang),
        Preparer::Student => settings.lang,
    };
    let title = guides.for_language(lang).map_or_else(
        || capitalised(lang.texts().moment_word(moment)),
        |guide| guide.moment(moment).title.clone(),
    );
    let text = preparation_form(&placement, moment, by, lang, &title);
    match target {
        None | Some(Target::Stdout) => say(&text, t),
        Some(Target::File(path)) => {
            durable::write_file(&path, text.as_bytes()).map_err(|e| write_failure(&path, &e, t))?;
            let written = fill(
                t.prep_form_written,
                &[
                    t.preparer(by),
                    t.moment_word(moment),
                    &path.display().to_string(),
                ],
            );
            say(&format!("{written}\n"), t)
        }
    }
}

/// Reads a filled form from `file` (`-` for standard input) and stores it with its
/// placement and moment. Every refusal is one plain line, and leaves the data folder as it was.
pub fn import(settings: &Settings, file: &Path, replace: bool, moment: Option<Moment>) -> Outcome {
    let t = settings.lang.texts();
    let from_stdin = file == Path::new("-");
    let shown = if from_stdin {
        t.prep_stdin.to_string()
    } else {
        file.display().to_string()
    };
    let refused =
        |reason: String| Failure(format!("{shown}: {reason}; {}", t.prep_nothing_changed));
    let bytes = read_input(file, from_stdin)
        .map_err(|e| Failure(fill(t.err_read, &[&shown, &t.io_problem(&e)])))?
        .ok_or_else(|| refused(t.prep_err_too_large.to_string()))?;
    let text =
        String::from_utf8(bytes).map_err(|_| refused(t.reply_problem(ReplyProblem::NotText)))?;
    if !from_stdin
        && let Some(refusal) = wrong_kind(file, FileKind::of_text(file, &text), Wanted::Form, t)
    {
        return Err(Failure(format!(
            "{}; {}",
            refusal.0, t.prep_nothing_changed
        )));
    }
    let reply = parse_reply_for(&text, moment).map_err(|p| refused(t.reply_problem(p)))?;
    let store = open_store(settings)?;
    let path = store
        .import_reply(&reply, replace)
        .map_err(|e| import_failure(&e, t))?;
    let student = store
        .placement(&reply.placement)
        .map_or_else(|_| reply.placement.clone(), |p| p.student);
    let mut stored = fill(
        t.prep_imported,
        &[
            t.preparer(reply.by),
            t.moment_after_the(reply.moment),
            &printable(&student),
            &printable(&path.display().to_string()),
        ],
    );
    if reply.replaced > 0 {
        let replaced = fill(t.prep_replaced_controls, &[&reply.replaced.to_string()]);
        stored = format!("{stored}\n{replaced}");
    }
    say(&format!("{stored}\n"), t)
}

fn import_failure(error: &StoreError, t: &Texts) -> Failure {
    let mut line = format!("{}; {}", error.describe(t), t.prep_nothing_changed);
    // An earlier preparation, readable or not, is only replaced when asked.
    let earlier = matches!(
        error,
        StoreError::Refused {
            reason: Refusal::AlreadyPrepared { .. },
            ..
        }
    ) || (error.is_damage()
        && error.path().to_string_lossy().ends_with(".prep.yaml"));
    if earlier {
        line = format!("{line}. {}", t.prep_replace_hint);
    }
    Failure(line)
}

/// The input, at most as large as any data file: a device or a runaway pipe is cut off and
/// refused (`None`) rather than read without end. A file named by the user is theirs to name, so a
/// link or a pipe (`<(…)`) is fine to read from; a folder is not.
fn read_input(file: &Path, from_stdin: bool) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    let limit = MAX_FILE_BYTES + 1;
    if from_stdin {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
    } else {
        let handle = File::open(file)?;
        if handle.metadata()?.is_dir() {
            return Err(io::ErrorKind::IsADirectory.into());
        }
        handle.take(limit).read_to_end(&mut bytes)?;
    }
    Ok((bytes.len() as u64 <= MAX_FILE_BYTES).then_some(bytes))
}
