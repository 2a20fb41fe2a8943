//! `export`: a record as Markdown or as a page to print, or a placement's story as a page,
//! into the export folder (as the interface does), to stdout or to a file. An export is a copy for people, so it may replace a file the user names, but
//! never anything of the data folder and never something that is not a plain file.

use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};

use super::output::say;
use super::{ExportFormat, Failure, Outcome, load_record, open_store};
use crate::export::{Format, Variant, export_record, export_story, render_record, story_html};
use crate::i18n::{LangExt as _, Texts, fill};
use crate::store::config::Settings;
use crate::store::durable;
use crate::store::guides::Guides;

/// Where the Markdown goes once the target has been checked.
pub(super) enum Target {
    Stdout,
    File(PathBuf),
}

pub fn export(
    settings: &Settings,
    guides: &Guides,
    name: &str,
    shared: bool,
    format: ExportFormat,
    output: Option<&Path>,
) -> Outcome {
    let format = match format {
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Html => Format::Html,
    };
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let target = output
        .map(|output| check_target(output, store.root(), t))
        .transpose()?;
    let record = load_record(&store, name, t)?;
    let guide = guides
        .for_record(&record.guide.id, settings.lang)
        .ok_or_else(|| Failure(t.err_no_guide.into()))?;
    let variant = if shared {
        Variant::Shared
    } else {
        Variant::Full
    };
    let Some(target) = target else {
        // Where the interface puts it, under the same name, so the teacher finds it there.
        let path = export_record(
            &store,
            &settings.export_dir(),
            &record,
            guide,
            variant,
            format,
        )
        .map_err(|e| Failure(e.describe(t)))?;
        return say_written(t.cli.exported, &path, t);
    };
    write_to(&target, &render_record(&record, guide, variant, format), t)
}

/// `export PLACEMENT --story`: the placement's story as a page to print. A record's name
/// (`placement/start`) is taken to mean its placement.
pub fn export_placement_story(
    settings: &Settings,
    guides: &Guides,
    name: &str,
    format: Option<ExportFormat>,
    output: Option<&Path>,
) -> Outcome {
    let t = settings.lang.texts();
    if format == Some(ExportFormat::Md) {
        return Err(Failure(t.cli.story_only_html.into()));
    }
    let store = open_store(settings)?;
    let target = output
        .map(|output| check_target(output, store.root(), t))
        .transpose()?;
    let id = name.split('/').next().unwrap_or(name);
    let placement = store
        .placement(id)
        .map_err(|_| Failure(fill(t.err_no_placement, &[id])))?;
    let (story, errors) = store.story(id);
    for error in &errors {
        eprintln!("stagegesprek: {}", error.describe(t));
    }
    let guide = guides
        .for_language(settings.lang)
        .ok_or_else(|| Failure(t.err_no_guide.into()))?;
    match target {
        None => {
            let today = crate::store::today();
            let path = export_story(
                &store,
                &settings.export_dir(),
                &placement,
                &story,
                guide,
                today,
            )
            .map_err(|e| Failure(e.describe(t)))?;
            say_written(t.story_printed, &path, t)
        }
        Some(target) => write_to(
            &target,
            &story_html(&placement, &story, guide, crate::store::today()),
            t,
        ),
    }
}

/// Says where a file went, in `sentence` (`{}` is the path).
fn say_written(sentence: &str, path: &Path, t: &Texts) -> Outcome {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    say(
        &format!("{}\n", fill(sentence, &[&path.display().to_string()])),
        t,
    )
}

fn write_to(target: &Target, text: &str, t: &Texts) -> Outcome {
    match target {
        Target::Stdout => say(text, t),
        Target::File(path) => {
            durable::write_file(path, text.as_bytes()).map_err(|e| write_failure(path, &e, t))
        }
    }
}

/// Refuses what an export must not replace. The target is only looked at, never opened:
/// opening a FIFO would block, and following a link could write anywhere.
pub(super) fn check_target(output: &Path, data_dir: &Path, t: &Texts) -> Result<Target, Failure> {
    if output == Path::new("-") {
        return Ok(Target::Stdout);
    }
    let shown = output.display().to_string();
    match fs::symlink_metadata(output) {
        Ok(meta) if !meta.file_type().is_file() => {
            return Err(Failure(fill(t.cli.export_not_a_file, &[&shown])));
        }
        Err(e) if e.kind() != ErrorKind::NotFound => {
            return Err(write_failure(output, &e, t));
        }
        _ => {}
    }
    // The file may not exist yet, so its folder is what gets resolved; links and `..` in
    // either path must not hide that the two are the same place.
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = output
        .file_name()
        .ok_or_else(|| Failure(fill(t.cli.export_not_a_file, &[&shown])))?;
    let resolve = |p: &Path| fs::canonicalize(p).map_err(|e| write_failure(p, &e, t));
    let full = resolve(parent)?.join(file_name);
    let data = resolve(data_dir)?;
    if full.starts_with(&data) {
        return Err(Failure(fill(
            t.cli.export_in_data_dir,
            &[&shown, &data.display().to_string()],
        )));
    }
    Ok(Target::File(output.to_path_buf()))
}

pub(super) fn write_failure(path: &Path, reason: &io::Error, t: &Texts) -> Failure {
    Failure(fill(
        t.err_write,
        &[&path.display().to_string(), &t.io_problem(reason)],
    ))
}
