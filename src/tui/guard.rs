//! Keeping the text when a session ends in a way nobody chose: the terminal window is closed
//! (SIGHUP), the system shuts down (SIGTERM), someone sends SIGINT or SIGQUIT, the terminal
//! disappears without any signal, or the program panics.
//!
//! A signal is first offered to the run loop, which saves, restores the screen and returns;
//! if the loop does not answer in time (it may be stuck on a dead terminal), the signal
//! thread saves through the saver handle and ends the process itself. Either way the exit
//! status is the conventional 128 + signal number and the whole thing takes under a second.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::store::saver::SaverHandle;

/// How long the run loop gets to end the session itself (it looks every `TICK`).
const GRACE: Duration = Duration::from_millis(450);
/// How long an emergency save may take. A draft's disk sync takes ~10 ms on a laptop, but a
/// second or more on a USB stick or a network share: a save in progress is let finish rather
/// than cut off, within reason.
const SAVE_LIMIT: Duration = Duration::from_secs(5);
/// How often the watchdog looks at the terminal.
const WATCH_EVERY: Duration = Duration::from_millis(250);
/// Not a signal: the terminal went away without one. Reported like a hang-up.
const TERMINAL_GONE: i32 = -1;

/// Test seam: with this set, SIGHUP is ignored, so a test can close the terminal and see the
/// watchdog (not the signal) end the session.
pub const IGNORE_HANGUP_ENV: &str = "STAGEGESPREK_TEST_IGNORE_HANGUP";

/// How a session ended, and so how the program exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked the program to stop.
    Signal(i32),
    /// The terminal vanished (closed without a hang-up signal, or unreadable).
    TerminalGone,
}

impl Ending {
    /// The conventional exit status: 128 + the signal number; a vanished terminal counts as a
    /// hang-up.
    pub fn exit_status(self) -> u8 {
        match self {
            Self::Quit => 0,
            Self::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
            Self::TerminalGone => u8::try_from(128 + SIGHUP).unwrap_or(1),
        }
    }

    /// Whether the screen can and should be put back. After a hang-up there is nobody to
    /// put it back for, and writing to a dead terminal can block or fail.
    pub fn may_restore(self) -> bool {
        match self {
            Self::Quit => true,
            Self::Signal(n) => n != SIGHUP && terminal_alive(),
            Self::TerminalGone => false,
        }
    }
}

/// Whether the terminal on stdout still answers. A hung-up terminal fails this with EIO.
pub fn terminal_alive() -> bool {
    rustix::termios::tcgetwinsize(io::stdout()).is_ok()
}

/// Shared between the run loop and the guard threads.
#[derive(Clone)]
pub struct Guard {
    requested: Arc<AtomicI32>,
    handled: Arc<AtomicBool>,
}

impl Guard {
    /// Starts the signal thread and, when there is a terminal, the watchdog.
    pub fn install(saver: SaverHandle) -> io::Result<Self> {
        let guard = Self {
            requested: Arc::new(AtomicI32::new(0)),
            handled: Arc::new(AtomicBool::new(false)),
        };
        let ignore_hangup = std::env::var_os(IGNORE_HANGUP_ENV).is_some();
        let mut wanted = vec![SIGTERM, SIGINT, SIGQUIT];
        if ignore_hangup {
            // Registering a flag nobody reads replaces the default action (exit) with nothing.
            signal_hook::flag::register(SIGHUP, Arc::new(AtomicBool::new(false)))?;
        } else {
            wanted.push(SIGHUP);
        }
        let mut signals = Signals::new(wanted)?;
        let (g, s) = (guard.clone(), saver.clone());
        thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    g.end_session(signal, &s);
                }
            })?;
        if terminal_alive() {
            let g = guard.clone();
            thread::Builder::new()
                .name("terminal-watchdog".into())
                .spawn(move || {
                    while terminal_alive() {
                        thread::sleep(WATCH_EVERY);
                    }
                    g.end_session(TERMINAL_GONE, &saver);
                })?;
        }
        Ok(guard)
    }

    /// What the run loop should do now, if anything.
    pub fn requested(&self) -> Option<Ending> {
        match self.requested.load(Ordering::SeqCst) {
            0 => None,
            TERMINAL_GONE => Some(Ending::TerminalGone),
            n => Some(Ending::Signal(n)),
        }
    }

    /// Called by the run loop once the text is on disk and the screen is dealt with.
    pub fn mark_handled(&self) {
        self.handled.store(true, Ordering::SeqCst);
    }

    fn end_session(&self, reason: i32, saver: &SaverHandle) {
        if self
            .requested
            .compare_exchange(0, reason, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            return; // Already ending; a second signal changes nothing.
        }
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline {
            if self.handled.load(Ordering::SeqCst) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        // The run loop is stuck; save from here (or rescue what the disk refuses) and end
        // without its help.
        saver.rescue(SAVE_LIMIT);
        let ending = self.requested().unwrap_or(Ending::TerminalGone);
        if ending.may_restore() {
            let _ = ratatui::try_restore();
        }
        std::process::exit(i32::from(ending.exit_status()));
    }
}
