//! Records turned into text for people: one outline of a record, rendered as Markdown for
//! printing and pasting into the school's system (in a full version for the teacher and a
//! shared one without private notes) and, in the terminal UI, as styled lines.

mod agenda;
mod company;
pub mod file;
mod markdown;
pub mod outline;
mod prep_form;
mod prep_reply;

pub use agenda::{agenda_file_name, to_icalendar};
pub use company::company_lines;
pub use file::{export_file_name, export_record};
pub use markdown::{escape as escape_markdown, render as render_markdown, to_markdown};
pub use outline::{Outline, Variant, outline};
pub use prep_form::{mail_subject, mailto_url, preparation_form};
pub use prep_reply::{parse_reply, parse_reply_for};
