//! The open meeting's hold on its files: the one-editor lock, whether anything changed, and
//! what the saver last said. It belongs to the meeting, and ends with it.

use crate::store::lock::MeetingLock;
use crate::store::preparation::PrepStamp;

/// What the draft saver last reported, shown in the meeting header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveStatus {
    #[default]
    Idle,
    Pending,
    Saved(chrono::NaiveTime),
    Failed(String),
}

#[derive(Default)]
pub struct Session {
    /// The one-editor lock; none when the meeting was opened without one (a test, or after
    /// it was released).
    pub lock: Option<MeetingLock>,
    /// Whether the meeting changed since it was opened, so leaving it needs a save.
    pub touched: bool,
    pub save_status: SaveStatus,
    /// The preparation files as they were when last taken into the record (trainer's,
    /// student's), so one imported while the meeting is open is noticed.
    pub preparations_seen: [Option<PrepStamp>; 2],
}

impl Session {
    pub fn new(lock: Option<MeetingLock>) -> Self {
        Self {
            lock,
            ..Self::default()
        }
    }

    /// Lets go of the lock as a cleanly closed session, so the next one is not offered a
    /// recovery.
    pub fn release(&mut self) {
        if let Some(lock) = self.lock.take() {
            lock.release();
        }
    }
}
