//! Records turned into text for people: Markdown for printing and pasting into the school's
//! system, in a full version for the teacher and a shared one without private notes.

pub mod file;
mod markdown;

pub use file::{export_file_name, export_record};
pub use markdown::{Variant, to_markdown};
