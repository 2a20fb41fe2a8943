//! The meeting screen: the four keys with their prompts, notes and examples, the agreements,
//! the meeting details and private notes, and finishing with a read-back.

mod aside;
mod focus;
mod forms;
mod render;
mod render_finish;
mod render_key;
mod render_lists;
mod render_prepared;
mod session;
mod state;
mod update;

pub use aside::choice_letters;
pub use focus::{DetailRow, Focus, Part};
pub use render::MeetingScreen;
pub use session::{SaveStatus, Session};
pub use state::{Finish, MeetingState, Phase, Popup};
pub use update::Cx;
