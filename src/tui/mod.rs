//! The terminal program: the run loop, the `App` state, actions, screens and widgets.

pub mod action;
pub mod app;
mod dates;
pub mod editing;
pub mod effect;
pub mod form;
pub mod guard;
pub mod key_words;
pub mod keys;
pub mod live;
pub mod meeting;
pub mod page;
mod pasted;
mod record_text;
pub mod screens;
mod scroll;
pub mod team_sync;
pub mod theme;
mod ui;

use std::io;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEventKind,
};
use ratatui::crossterm::execute;

pub use app::App;
use guard::{Ending, Guard, terminal_alive};

use crate::store::saver::SaverHandle;

/// Redraw often enough for the clock and saver messages, rarely enough to stay idle. It also
/// bounds how long a signal waits for the loop to notice it.
const TICK: Duration = Duration::from_millis(250);

/// Test seam: with this set, F12 panics, so a test can check what a crash leaves behind.
pub const PANIC_KEY_ENV: &str = "STAGEGESPREK_TEST_PANIC_KEY";

/// Runs the UI until the user quits or the session is ended from outside. Every change is on
/// disk before this returns, and the terminal is restored whenever there still is one.
pub fn run(mut app: App) -> io::Result<Ending> {
    let guard = Guard::install(app.saver_handle())?;
    let mut terminal = ratatui::try_init()?;
    // A paste then arrives as one event, not as thousands of keys that queue up behind it.
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    save_on_panic(app.saver_handle());
    let result = run_loop(&mut app, &mut terminal, &guard);
    let ending = match &result {
        Ok(ending) => *ending,
        Err(_) if !terminal_alive() => Ending::TerminalGone,
        Err(_) => Ending::Quit,
    };
    // Only a session the user ended is marked clean; any other end offers recovery later.
    if matches!(result, Ok(Ending::Quit)) {
        app.end_session();
    } else if !app.flush_saves() {
        app.rescue_unsaved();
    }
    if ending.may_restore() {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        let _ = ratatui::try_restore();
        for note in &app.exit_notes {
            eprintln!("stagegesprek: {note}");
        }
    }
    guard.mark_handled();
    result
}

fn run_loop(app: &mut App, terminal: &mut DefaultTerminal, guard: &Guard) -> io::Result<Ending> {
    let panic_key = std::env::var_os(PANIC_KEY_ENV).is_some();
    // Asking the terminal its size opens /dev/tty: done once here and again only when the
    // terminal says it was resized.
    let size = terminal.size()?;
    app.viewport = Some((size.width, size.height));
    let mut drawn = None;
    let mut happened = true;
    loop {
        if let Some(ending) = guard.requested() {
            return Ok(ending);
        }
        if app.quit {
            return Ok(Ending::Quit);
        }
        let face = app.face();
        if happened || drawn != Some(face) {
            let frame = terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
            app.viewport = Some((frame.area.width, frame.area.height));
            drawn = Some(face);
            happened = false;
        }
        // Everything already waiting is handled before the next draw, so fast typing or a
        // paste without bracketed-paste support never falls behind the screen.
        let mut wait = TICK;
        while event::poll(wait)? {
            wait = Duration::ZERO;
            happened = true;
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    assert!(
                        !(panic_key && key.code == KeyCode::F(12)),
                        "test-only panic trigger ({PANIC_KEY_ENV})"
                    );
                    app.apply_key(key);
                }
                Event::Paste(text) => app.handle_paste(&text),
                Event::Resize(width, height) => app.viewport = Some((width, height)),
                _ => {}
            }
            if app.quit || guard.requested().is_some() {
                break;
            }
        }
        app.hand_over_changes();
        happened |= app.tick();
    }
}

/// Saves the draft (or rescues it) before ratatui's own hook restores the screen and prints
/// the panic.
fn save_on_panic(saver: SaverHandle) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        saver.rescue(app::RESCUE_LIMIT);
        if terminal_alive() {
            previous(info);
        }
    }));
}
