//! Exports as files a teacher can find again: a plain name made of the placement, the moment
//! and the date, safe on Windows, macOS and Linux, in the export folder.

use std::path::{Path, PathBuf};

use super::{Variant, to_markdown};
use crate::domain::placement::{safe_id, slug};
use crate::domain::{Guide, MeetingRecord, RecordStatus};
use crate::i18n::{LangExt as _, Texts};
use crate::store::{Store, StoreError};

/// The file name of an export: `<placement-id>-<moment>-<date>.md`, as in
/// `anna-de-vries-bakkerij-het-zonnige-deeg-startgesprek-2026-12-04.md`, with `-gedeeld`
/// (`-shared`) for the shared variant and `-concept` (`-draft`) for a draft, so neither ever
/// replaces the teacher's full export of the agreed record. The placement's id (student and
/// company, numbered when taken) rather than the student's name: two students called the same
/// can meet on the same day, and one's export must never replace the other's. Exporting the
/// same meeting again does replace its own earlier export. `t` is the table of the record's
/// language (its guide's). Only lowercase ASCII letters, digits, `-` and `.md`: nothing any
/// file system refuses.
pub fn export_file_name(record: &MeetingRecord, t: &Texts, variant: Variant) -> String {
    let mut parts = vec![
        safe_id(&record.placement.id),
        slug(t.moment_word(record.moment)),
        record.date.format("%Y-%m-%d").to_string(),
    ];
    if record.status == RecordStatus::Draft {
        parts.push(slug(t.export_name_draft));
    }
    if variant == Variant::Shared {
        parts.push(slug(t.export_name_shared));
    }
    format!("{}.md", parts.join("-"))
}

/// Renders `record` as Markdown in its own language and writes it into `dir` under
/// `export_file_name`; returns the full path. See
/// `Store::write_export` for what is refused.
pub fn export_record(
    store: &Store,
    dir: &Path,
    record: &MeetingRecord,
    guide: &Guide,
    variant: Variant,
) -> Result<PathBuf, StoreError> {
    let mut text = to_markdown(record, guide, variant);
    text.push('\n');
    let name = export_file_name(record, guide.language.texts(), variant);
    store.write_export(dir, &name, &text)
}
