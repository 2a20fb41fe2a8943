//! `agenda`: the due and planned meetings as an iCalendar file, to import into Outlook,
//! Google or Apple Calendar. Without `-o` it goes into the export folder under one fixed
//! name, and the full path is printed.

use std::path::Path;

use super::export::{Target, check_target, write_failure};
use super::output::say;
use super::{Failure, Outcome, open_store};
use crate::domain::agenda::due_meetings;
use crate::export::{agenda_file_name, to_icalendar};
use crate::i18n::LangExt as _;
use crate::store::config::Settings;
use crate::store::{durable, today};

pub fn agenda(settings: &Settings, output: Option<&Path>) -> Outcome {
    let t = settings.lang.texts();
    let store = open_store(settings)?;
    let target = output
        .map(|path| check_target(path, store.root(), t))
        .transpose()?;
    let (summaries, errors) = super::overview(&store, t);
    for error in &errors {
        eprintln!("stagegesprek: {}", error.describe(t));
    }
    let text = to_icalendar(&due_meetings(&summaries, today()), t, chrono::Utc::now());
    match target {
        Some(Target::Stdout) => say(&text, t),
        Some(Target::File(path)) => {
            durable::write_file(&path, text.as_bytes()).map_err(|e| write_failure(&path, &e, t))
        }
        None => {
            let path = store
                .write_export(&settings.export_dir(), &agenda_file_name(t), &text)
                .map_err(|e| Failure(e.describe(t)))?;
            let path = std::path::absolute(&path).unwrap_or(path);
            say(&format!("{}\n", path.display()), t)
        }
    }
}
