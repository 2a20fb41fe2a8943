//! Records turned into text for people: one outline of a record, rendered as Markdown for
//! printing and pasting into the school's system (in a full version for the teacher and a
//! shared one without private notes) and, in the terminal UI, as styled lines.

pub mod file;
mod markdown;
pub mod outline;

pub use file::{export_file_name, export_record};
pub use markdown::{escape as escape_markdown, render as render_markdown, to_markdown};
pub use outline::{Outline, Variant, outline};
