use std::io;
use std::path::{Path, PathBuf};

use super::read::MAX_FILE_BYTES;
use chrono::NaiveDate;

use crate::domain::Moment;
use crate::domain::placement::PlacementProblem;
use crate::domain::preparation::Preparer;
use crate::i18n::{Texts, fill};

/// Why a file that exists cannot be used, apart from plain read errors and YAML errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// A symbolic link: following it could read or replace a file outside the data folder.
    Symlink,
    /// A folder or device where a file belongs.
    NotAFile,
    /// Far larger than any record could be; not read at all.
    TooLarge { bytes: u64 },
    /// Not UTF-8 text, for example binary data from a sync conflict.
    NotText { line: u64, column: u64 },
    /// The closing `end_of_file` line is missing: the file was cut off.
    Incomplete,
    /// The file says it belongs to another placement or moment (`found`), as when a file is
    /// copied between folders. Saving it would write into that other place.
    Misplaced { found: String },
}

/// Why a change was refused before anything was touched, for a reason outside the file itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A meeting of the placement is open in another window (process `pid`).
    MeetingOpen { moment: Moment, pid: Option<u32> },
    /// A placement with this id exists again, so the removed one cannot take its place.
    IdTaken,
    /// An export would land inside the data folder (`data_dir`), where it could replace a
    /// record.
    InDataDir { data_dir: PathBuf },
    /// An export's place holds a link, a folder or a device instead of a plain file.
    NotAPlainFile,
    /// A preparation names a placement that is not in the data folder.
    UnknownPlacement { id: String },
    /// `by` already prepared for this meeting (on that day, where known); replacing it has to
    /// be asked for.
    AlreadyPrepared {
        by: Preparer,
        moment: Moment,
        on: Option<NaiveDate>,
    },
    /// A draft set aside cannot go back: its meeting has a draft or a record again.
    MeetingGoesOn,
}

/// A failure to read or write the data on disk. No note text is ever part of it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Parse {
        path: PathBuf,
        line: u64,
        column: u64,
        message: String,
    },
    #[error("{path}: damaged ({damage:?})")]
    Damaged { path: PathBuf, damage: Damage },
    #[error("{path}: written by a newer version (schema {version})")]
    Newer { path: PathBuf, version: u32 },
    #[error("{path}: fields unknown to this version: {fields:?}")]
    UnknownFields { path: PathBuf, fields: Vec<String> },
    /// Refused before writing: the file would be larger than the program reads back.
    #[error("{path}: {bytes} bytes, too large to save")]
    TooLargeToSave { path: PathBuf, bytes: u64 },
    /// Refused before writing: the placement is not complete or not consistent.
    #[error("{path}: placement refused ({problem:?})")]
    Invalid {
        path: PathBuf,
        problem: PlacementProblem,
    },
    /// Refused before anything was changed; see `Refusal`.
    #[error("{path}: refused ({reason:?})")]
    Refused { path: PathBuf, reason: Refusal },
}

impl StoreError {
    /// The error as one plain sentence in the user's language.
    pub fn describe(&self, t: &Texts) -> String {
        let shown = self.path().display().to_string();
        match self {
            Self::Read { source, .. } => fill(t.err_read, &[&shown, &t.io_problem(source)]),
            Self::Write { source, .. } => fill(t.err_write, &[&shown, &t.io_problem(source)]),
            Self::Parse {
                line,
                column,
                message,
                ..
            } => fill(
                t.err_parse,
                &[&shown, &line.to_string(), &column.to_string(), message],
            ),
            Self::Damaged { damage, .. } => match damage {
                Damage::Symlink => fill(t.err_symlink, &[&shown]),
                Damage::NotAFile => fill(t.err_not_a_file, &[&shown]),
                Damage::TooLarge { bytes } => {
                    fill(t.err_too_large, &[&shown, &(bytes / 1_048_576).to_string()])
                }
                Damage::NotText { line, column } => fill(
                    t.err_parse,
                    &[
                        &shown,
                        &line.to_string(),
                        &column.to_string(),
                        t.err_not_text,
                    ],
                ),
                Damage::Incomplete => fill(t.err_incomplete, &[&shown]),
                Damage::Misplaced { found } => fill(t.err_misplaced, &[&shown, found]),
            },
            Self::Newer { version, .. } => fill(t.err_newer, &[&shown, &version.to_string()]),
            Self::UnknownFields { fields, .. } => {
                fill(t.err_unknown_fields, &[&shown, &field_list(fields, t)])
            }
            Self::TooLargeToSave { bytes, .. } => fill(
                t.err_too_large_to_save,
                &[
                    &bytes.div_ceil(1_048_576).to_string(),
                    &(MAX_FILE_BYTES / 1_048_576).to_string(),
                ],
            ),
            Self::Invalid { problem, .. } => t.placement_problem(*problem).to_string(),
            Self::Refused { reason, .. } => match reason {
                Refusal::MeetingOpen { moment, pid } => {
                    let pid = pid.map_or_else(|| t.unknown.to_string(), |p| p.to_string());
                    fill(
                        t.err_meeting_open,
                        &[&shown, t.moment_after_the(*moment), &pid],
                    )
                }
                Refusal::IdTaken => fill(t.err_placement_id_taken, &[&shown]),
                Refusal::MeetingGoesOn => fill(t.err_draft_not_put_back, &[&shown]),
                Refusal::InDataDir { data_dir } => fill(
                    t.cli.export_in_data_dir,
                    &[&shown, &data_dir.display().to_string()],
                ),
                Refusal::NotAPlainFile => fill(t.cli.export_not_a_file, &[&shown]),
                Refusal::UnknownPlacement { id } => fill(t.prep_err_unknown_placement, &[id]),
                Refusal::AlreadyPrepared { by, moment, on } => {
                    let on = on.map_or_else(|| t.unknown.to_string(), |day| t.date(day));
                    fill(
                        t.prep_err_already,
                        &[t.preparer(*by), t.moment_after_the(*moment), &on],
                    )
                }
            },
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            Self::Read { path, .. }
            | Self::Write { path, .. }
            | Self::Parse { path, .. }
            | Self::Damaged { path, .. }
            | Self::Newer { path, .. }
            | Self::UnknownFields { path, .. }
            | Self::TooLargeToSave { path, .. }
            | Self::Invalid { path, .. }
            | Self::Refused { path, .. } => path,
        }
    }

    /// Whether the file is there but its content cannot be trusted, so it must be set aside
    /// rather than written over. A newer file is not damaged: it must simply be left alone.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            Self::Read { .. } | Self::Parse { .. } | Self::Damaged { .. }
        )
    }

    /// Written by a newer version: readable perhaps, but never to be written over.
    pub fn is_newer(&self) -> bool {
        matches!(self, Self::Newer { .. } | Self::UnknownFields { .. })
    }

    /// The file or folder is not there at all, as when a placement was removed meanwhile.
    pub fn is_missing(&self) -> bool {
        matches!(self, Self::Read { source, .. } if source.kind() == io::ErrorKind::NotFound)
    }

    pub fn parse(path: PathBuf, error: &serde_saphyr::Error) -> Self {
        let issue = crate::domain::guide_check::yaml_issue(error);
        let plain = crate::domain::guide_check::plain_yaml_message(error);
        // The parser names the duplicated key unquoted, and in a hand-edited record that key
        // can be a line of a note; the line and column are enough to find it.
        let message = if is_duplicate_key(error) {
            DUPLICATE_KEY.to_string()
        } else {
            redact_values(&plain)
        };
        Self::Parse {
            path,
            line: issue.line,
            column: issue.column,
            message,
        }
    }
}

const DUPLICATE_KEY: &str = "duplicate mapping key";

fn is_duplicate_key(mut error: &serde_saphyr::Error) -> bool {
    use serde_saphyr::Error;
    loop {
        match error {
            Error::WithSnippet { error: inner, .. } | Error::AliasError { error: inner, .. } => {
                error = inner;
            }
            Error::DuplicateMappingKey { .. } => return true,
            other => return other.to_string().contains(DUPLICATE_KEY),
        }
    }
}

/// Field names as a program writes them are safe to show. Anything else may be a line of a
/// note that a hand edit turned into a key, so it is only counted.
fn field_list(fields: &[String], t: &Texts) -> String {
    let plain = |f: &&String| {
        f.len() <= 60
            && f.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '[' | ']')
            })
    };
    let mut shown: Vec<&str> = fields.iter().filter(plain).map(String::as_str).collect();
    let hidden = fields.len() - shown.len();
    let more = fill(t.err_unknown_fields_more, &[&hidden.to_string()]);
    if hidden > 0 {
        shown.push(&more);
    }
    shown.join(", ")
}

/// Parser messages quote the value they choked on, which in a record is note text. Messages
/// end up on screens and in terminals' scrollback, so the quoted part is left out.
pub fn redact_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut inside = None;
    for c in message.chars() {
        match inside {
            None if c == '"' || c == '`' => {
                inside = Some(c);
                out.push(c);
                out.push('…');
            }
            None => out.push(c),
            Some(open) if c == open => {
                inside = None;
                out.push(c);
            }
            Some(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::{StoreError, field_list, redact_values};

    #[test]
    fn a_duplicated_key_is_placed_but_not_named() {
        let yaml = "a: 1\ngeheime zin van de student: 1\ngeheime zin van de student: 2\n";
        let error = serde_saphyr::from_str::<BTreeMap<String, u32>>(yaml).unwrap_err();
        let error = StoreError::parse("start.yaml".into(), &error);
        let t = crate::i18n::texts(crate::i18n::Lang::Nl);
        let said = error.describe(t);
        assert!(said.starts_with("start.yaml:3:1: "), "{said}");
        assert!(said.contains("(duplicate mapping key)"), "{said}");
        assert!(said.contains("niet te lezen"), "{said}");
        assert!(!said.contains("geheime"), "{said}");
    }

    #[test]
    fn unknown_fields_that_could_be_note_text_are_only_counted() {
        let fields = vec![
            "placement.mentor_room".to_string(),
            "keys.learning.Kiki zei: ik stop".to_string(),
        ];
        let t = crate::i18n::texts(crate::i18n::Lang::En);
        let shown = field_list(&fields, t);
        assert_eq!(shown, "placement.mentor_room, and 1 more");
    }

    #[test]
    fn quoted_values_are_left_out_of_messages() {
        assert_eq!(
            redact_values("invalid type: string \"Sem was late\", expected u32"),
            "invalid type: string \"…\", expected u32"
        );
        assert_eq!(redact_values("unexpected end"), "unexpected end");
    }
}
