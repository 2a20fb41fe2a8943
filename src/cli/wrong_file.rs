//! A file of the wrong kind handed to a command: said in one sentence, with what to type
//! instead, rather than the parser's complaint about a field the file was never meant to have.

use std::path::Path;

use super::Failure;
use crate::i18n::{Texts, fill};
use crate::store::file_kind::FileKind;

/// What a command expected to be handed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wanted {
    Record,
    Form,
    Guide,
}

impl Wanted {
    fn accepts(self, kind: &FileKind) -> bool {
        matches!(
            (self, kind),
            (Self::Record, FileKind::Record | FileKind::Draft)
                | (Self::Form, FileKind::Form)
                | (Self::Guide, FileKind::Guide)
        )
    }
}

/// The refusal for `path` when it is one of the program's files but not what `wanted` is;
/// `None` when it is the right kind, or not recognisably any kind.
pub(super) fn wrong_kind(
    path: &Path,
    kind: Option<FileKind>,
    wanted: Wanted,
    t: &Texts,
) -> Option<Failure> {
    let kind = kind.filter(|k| !wanted.accepts(k))?;
    let shown = path.display().to_string();
    let quoted = if shown.contains(char::is_whitespace) {
        format!("'{shown}'")
    } else {
        shown.clone()
    };
    let (what, instead) = match &kind {
        FileKind::Record => (t.file_kind_record, format!("stagegesprek show {quoted}")),
        FileKind::Draft => (t.file_kind_draft, format!("stagegesprek show {quoted}")),
        FileKind::Placement { id } if !id.is_empty() => (
            t.file_kind_placement,
            format!("stagegesprek show {id}/start"),
        ),
        FileKind::Placement { .. } => (t.file_kind_placement, "stagegesprek list".into()),
        FileKind::Preparation {
            id,
            moment: Some(moment),
        } if !id.is_empty() => (
            t.file_kind_preparation,
            format!("stagegesprek meet {id} --moment {}", moment.code()),
        ),
        FileKind::Preparation { .. } => (t.file_kind_preparation, "stagegesprek list".into()),
        FileKind::Form => (t.file_kind_form, format!("stagegesprek import {quoted}")),
        FileKind::Guide => (
            t.file_kind_guide,
            format!("stagegesprek guide check {quoted}"),
        ),
    };
    let wanted = match wanted {
        Wanted::Record => t.file_wanted_record,
        Wanted::Form => t.file_wanted_form,
        Wanted::Guide => t.file_wanted_guide,
    };
    Some(Failure(fill(
        t.cli.wrong_file,
        &[&shown, what, wanted, &instead],
    )))
}
