//! The terminal program: the run loop, the `App` state, actions, screens and widgets.

pub mod action;
pub mod app;
pub mod form;
pub mod keymap;
pub mod meeting;
mod record_text;
pub mod screens;
pub mod theme;
mod ui;

use std::io;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyEventKind};

pub use app::App;

/// Redraw often enough for the clock and saver messages, rarely enough to stay idle.
const TICK: Duration = Duration::from_millis(250);

/// Runs the UI until the user quits. The terminal is restored on every way out, including a
/// panic (ratatui's hook), and every change is on disk before this returns.
pub fn run(mut app: App) -> io::Result<()> {
    let result = ratatui::run(|terminal| run_loop(&mut app, terminal));
    app.flush_saves();
    result
}

fn run_loop(app: &mut App, terminal: &mut DefaultTerminal) -> io::Result<()> {
    while !app.quit {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if event::poll(TICK)? {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => app.handle_key(key),
                _ => {}
            }
        }
        app.tick();
    }
    Ok(())
}
