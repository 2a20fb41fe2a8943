//! Records turned into text for people: one outline of a record, rendered as Markdown for
//! pasting into the school's system, as an HTML page for printing (each in a full version for
//! the teacher and a shared one without private notes) and, in the terminal UI, as styled
//! lines. A placement's story prints as a page too.

mod agenda;
mod company;
pub mod file;
mod html;
mod markdown;
pub mod outline;
mod prep_form;
mod prep_reply;
mod story;

pub use agenda::{agenda_file_name, to_icalendar};
pub use company::company_lines;
pub use file::{
    Format, export_file_name, export_record, export_shared_pair, export_story, page_beside,
    render_record, story_file_name,
};
pub use html::to_html;
pub use markdown::{escape as escape_markdown, render as render_markdown, to_markdown};
pub use outline::{Outline, Variant, outline};
pub use prep_form::{mail_subject, mailto_url, preparation_form};
pub use prep_reply::{parse_reply, parse_reply_for};
pub use story::story_html;
