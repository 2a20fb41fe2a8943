//! What kind of file a person handed a command, so that a placement file given to `show`, or
//! a record given to `import`, is named for what it is instead of failing on a missing field.
//! Only the file's name and its top-level YAML keys are looked at; nothing is parsed fully.

use std::collections::BTreeSet;
use std::path::Path;

use super::files::read_plain;
use super::read::MAX_FILE_BYTES;
use crate::domain::Moment;

/// The kinds of file the program writes or reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// A meeting record (`start.yaml`).
    Record,
    /// A meeting that is not finished (`start.draft.yaml`).
    Draft,
    /// A placement's details (`placement.yaml`).
    Placement { id: String },
    /// A stored preparation (`start.trainer.prep.yaml`).
    Preparation { id: String, moment: Option<Moment> },
    /// A preparation form, filled in or not, as mailed.
    Form,
    /// A conversation guide.
    Guide,
}

impl FileKind {
    /// Reads `path` (a plain file, not too large) and tells its kind; `None` when it is none
    /// of the program's files or cannot be read.
    pub fn of_path(path: &Path) -> Option<Self> {
        let bytes = read_plain(path, MAX_FILE_BYTES).ok()?;
        Self::of_text(path, &String::from_utf8_lossy(&bytes))
    }

    /// The kind of a file named `path` holding `text`.
    pub fn of_text(path: &Path, text: &str) -> Option<Self> {
        let keys = top_level_keys(text);
        let has = |k: &str| keys.contains(k);
        let value = |k: &str| top_level_value(text, k);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // A reply to a form is free text, where an answer may well start with `student:`.
        if is_form(text) && !has("schema_version") {
            return Some(Self::Form);
        }
        if has("schema_version") && has("by") && has("placement") && has("moment") {
            return Some(Self::Preparation {
                id: value("placement").unwrap_or_default(),
                moment: value("moment").and_then(|m| Moment::from_name(&m)),
            });
        }
        if has("schema_version") && has("status") && has("moment") {
            let draft =
                name.ends_with(".draft.yaml") || value("status").as_deref() == Some("draft");
            return Some(if draft { Self::Draft } else { Self::Record });
        }
        if has("student") && (has("id") || has("company")) && !has("moment") {
            return Some(Self::Placement {
                id: value("id").unwrap_or_default(),
            });
        }
        if has("moments") && has("language") {
            return Some(Self::Guide);
        }
        None
    }
}

/// Keys at the start of a line, as YAML writes a mapping's top level.
fn top_level_keys(text: &str) -> BTreeSet<&str> {
    text.lines()
        .filter_map(|line| line.split_once(':').map(|(key, _)| key))
        .filter(|key| {
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .collect()
}

/// A plain value on the line of top-level `key`, quotes taken off.
fn top_level_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?.trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// A form names its placement on a line `Formulier: …` (`Form: …`), perhaps quoted by a
/// mail program.
fn is_form(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        line.starts_with("Formulier:") || line.starts_with("Form:")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_told_by_its_keys() {
        let kind = |name: &str, text: &str| FileKind::of_text(Path::new(name), text);
        assert_eq!(
            kind(
                "placement.yaml",
                "schema_version: 2\nid: liv-x\nstudent: Liv\n"
            ),
            Some(FileKind::Placement { id: "liv-x".into() })
        );
        assert_eq!(
            kind(
                "start.yaml",
                "schema_version: 3\nstatus: final\nplacement:\n  id: x\nmoment: start\n"
            ),
            Some(FileKind::Record)
        );
        assert_eq!(
            kind(
                "a.yaml",
                "schema_version: 3\nstatus: draft\nmoment: start\n"
            ),
            Some(FileKind::Draft)
        );
        assert_eq!(
            kind(
                "b.yaml",
                "schema_version: 1\nplacement: liv-x\nmoment: midway\nby: trainer\n"
            ),
            Some(FileKind::Preparation {
                id: "liv-x".into(),
                moment: Some(Moment::Midway)
            })
        );
        assert_eq!(
            kind("g.yaml", "id: eigen\nlanguage: nl\nmoments:\n"),
            Some(FileKind::Guide)
        );
        assert_eq!(
            kind(
                "mail.txt",
                "Hoi,\n> Formulier: liv-x / start / trainer\nstudent: doet het goed\n"
            ),
            Some(FileKind::Form)
        );
        assert_eq!(kind("x.txt", "boodschappen: melk\n"), None);
    }
}
