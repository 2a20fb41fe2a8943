//! Exports as files a teacher can find again: a plain name made of the placement, the moment
//! and the date, safe on Windows, macOS and Linux, in the export folder.

use std::path::{Path, PathBuf};

use super::{Variant, story_html, to_html, to_markdown};
use crate::domain::placement::{safe_id, slug};
use crate::domain::story::Story;
use crate::domain::{Guide, MeetingRecord, Placement, RecordStatus};
use crate::i18n::{LangExt as _, Texts};
use crate::store::{Store, StoreError};

/// What an export is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For pasting into the school's system.
    Markdown,
    /// One page to open in a browser and print.
    Html,
}

impl Format {
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
        }
    }
}

/// A record as text in `format`, in the language of `guide`, ending in a newline.
pub fn render_record(
    record: &MeetingRecord,
    guide: &Guide,
    variant: Variant,
    format: Format,
) -> String {
    match format {
        Format::Markdown => to_markdown(record, guide, variant) + "\n",
        Format::Html => to_html(record, guide, variant),
    }
}

/// The file name of an export: `<placement-id>-<moment>-<date>.md` (or `.html`), as in
/// `anna-de-vries-bakkerij-het-zonnige-deeg-startgesprek-2026-12-04.md`, with `-gedeeld`
/// (`-shared`) for the shared variant and `-concept` (`-draft`) for a draft, so neither ever
/// replaces the teacher's full export of the agreed record. The placement's id (student and
/// company, numbered when taken) rather than the student's name: two students called the same
/// can meet on the same day, and one's export must never replace the other's. Exporting the
/// same meeting again does replace its own earlier export. `t` is the table of the record's
/// language (its guide's). Only lowercase ASCII letters, digits, `-` and `.md`: nothing any
/// file system refuses.
pub fn export_file_name(
    record: &MeetingRecord,
    t: &Texts,
    variant: Variant,
    format: Format,
) -> String {
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
    format!("{}.{}", parts.join("-"), format.extension())
}

/// The file name of a placement's printed story: `<placement-id>-verloop.html`. One per
/// placement: printing it again replaces the older page, which only knew less.
pub fn story_file_name(placement: &Placement, t: &Texts) -> String {
    format!(
        "{}-{}.html",
        safe_id(&placement.id),
        slug(t.export_name_story)
    )
}

/// Renders `record` in its own language and writes it into `dir` under `export_file_name`;
/// returns the full path. See `Store::write_export` for what is refused.
pub fn export_record(
    store: &Store,
    dir: &Path,
    record: &MeetingRecord,
    guide: &Guide,
    variant: Variant,
    format: Format,
) -> Result<PathBuf, StoreError> {
    let text = render_record(record, guide, variant, format);
    let name = export_file_name(record, guide.language.texts(), variant, format);
    store.write_export(dir, &name, &text)
}

/// The shared version of a record as the program hands it out: the Markdown for the school's
/// system and, beside it under the same name, the page to print. Returns the Markdown's path.
pub fn export_shared_pair(
    store: &Store,
    dir: &Path,
    record: &MeetingRecord,
    guide: &Guide,
) -> Result<PathBuf, StoreError> {
    export_record(store, dir, record, guide, Variant::Shared, Format::Html)?;
    export_record(store, dir, record, guide, Variant::Shared, Format::Markdown)
}

/// Where the page to print of an exported record is: beside its Markdown, under the same name.
pub fn page_beside(markdown: &Path) -> PathBuf {
    markdown.with_extension(Format::Html.extension())
}

/// Writes a placement's story as a page into `dir` under `story_file_name`; returns the path.
pub fn export_story(
    store: &Store,
    dir: &Path,
    placement: &Placement,
    story: &Story,
    guide: &Guide,
    today: chrono::NaiveDate,
) -> Result<PathBuf, StoreError> {
    let text = story_html(placement, story, guide, today);
    let name = story_file_name(placement, guide.language.texts());
    store.write_export(dir, &name, &text)
}
