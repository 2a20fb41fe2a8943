//! The meeting screen: the four keys with their prompts, notes and examples, the agreements,
//! the meeting details and private notes, and finishing with a read-back.

mod forms;
mod render;
mod render_finish;
mod render_lists;
mod state;

pub use forms::parse_date;
pub use render::MeetingScreen;
pub use state::{Finish, MeetingState, Mode, Phase, Popup, Section};
