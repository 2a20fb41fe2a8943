use std::io;
use std::path::PathBuf;

use crate::i18n::{Texts, fill};

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
}

impl StoreError {
    /// The error as one plain sentence in the user's language.
    pub fn describe(&self, t: &Texts) -> String {
        match self {
            Self::Read { path, source } => fill(
                t.err_read,
                &[&path.display().to_string(), &source.to_string()],
            ),
            Self::Write { path, source } => fill(
                t.err_write,
                &[&path.display().to_string(), &source.to_string()],
            ),
            Self::Parse {
                path,
                line,
                column,
                message,
            } => fill(
                t.err_parse,
                &[
                    &path.display().to_string(),
                    &line.to_string(),
                    &column.to_string(),
                    message,
                ],
            ),
        }
    }

    pub fn parse(path: PathBuf, error: &serde_saphyr::Error) -> Self {
        let issue = crate::domain::guide_check::yaml_issue(error);
        Self::Parse {
            path,
            line: issue.line,
            column: issue.column,
            message: issue.message,
        }
    }
}
