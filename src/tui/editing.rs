//! Typing in a text field the way a word processor does: letters and digits type, arrows
//! move, Ctrl+Z undoes. Nothing else: the editor's own Emacs-style shortcuts (Ctrl+K deletes
//! a line, Alt+D a word) would surprise people who have never met them, so they are not
//! passed on.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

/// The two kinds of text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Free text over several lines: Enter starts a new line.
    Lines,
    /// A single line: Enter belongs to the form.
    OneLine,
}

impl TextKind {
    /// Whether `key` puts text in the field. In a text field these keys must never be
    /// commands.
    pub fn types(self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            // Alt+letter is what a terminal makes of Esc pressed just before a letter, and on
            // some keyboards of a letter with an accent: either way the letter was meant.
            KeyCode::Char(_) => !ctrl,
            KeyCode::Enter => self == Self::Lines,
            _ => false,
        }
    }

    /// Whether `key` moves the cursor or removes text.
    pub fn edits(self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Backspace
            | KeyCode::Delete
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Home
            | KeyCode::End => true,
            KeyCode::Char('z' | 'y' | 'Z' | 'Y') => ctrl,
            _ => false,
        }
    }
}

/// Applies a typing or editing key to `area`; true when the text changed.
pub fn apply(area: &mut TextArea<'static>, kind: TextKind, key: KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let mut step = |to: CursorMove| {
        if shift {
            if !area.is_selecting() {
                area.start_selection();
            }
        } else {
            area.cancel_selection();
        }
        area.move_cursor(to);
        false
    };
    match key.code {
        KeyCode::Char('z' | 'Z') if ctrl => area.undo(),
        KeyCode::Char('y' | 'Y') if ctrl => area.redo(),
        KeyCode::Char(_) if ctrl => false,
        KeyCode::Char(c) => {
            area.insert_char(c);
            true
        }
        KeyCode::Enter if kind == TextKind::Lines => {
            area.insert_newline();
            true
        }
        KeyCode::Backspace if ctrl => area.delete_word(),
        KeyCode::Backspace => area.delete_char(),
        KeyCode::Delete if ctrl => area.delete_next_word(),
        KeyCode::Delete => area.delete_next_char(),
        KeyCode::Left if ctrl => step(CursorMove::WordBack),
        KeyCode::Right if ctrl => step(CursorMove::WordForward),
        KeyCode::Left => step(CursorMove::Back),
        KeyCode::Right => step(CursorMove::Forward),
        KeyCode::Up => step(CursorMove::Up),
        KeyCode::Down => step(CursorMove::Down),
        KeyCode::Home if ctrl => step(CursorMove::Top),
        KeyCode::End if ctrl => step(CursorMove::Bottom),
        KeyCode::Home => step(CursorMove::Head),
        KeyCode::End => step(CursorMove::End),
        _ => false,
    }
}
