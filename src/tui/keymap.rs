//! Keys as data: for each situation, which key means which action. While a text field has
//! focus it gets every key except the few listed for `Typing`, so letters always reach the
//! text.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::domain::Role;

/// Where the keyboard is, as far as key meaning goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Help,
    Home,
    /// A form of several fields; `text` when the focused field is a text field.
    Form {
        text: bool,
    },
    Pick,
    Browse,
    Typing,
    Confirm,
    /// A question with numbered answers.
    Choice,
    /// Quitting while text could not be saved: stay, or put it in a rescue file.
    QuitQuestion,
    Finishing,
    Finished,
    View,
}

/// Keys that mean the same on every screen that is not a text field: leave, help, move.
fn navigation(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => Some(Action::Back),
        KeyCode::Char('?') | KeyCode::F(1) => Some(Action::ToggleHelp),
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        _ => None,
    }
}

pub fn action_for(context: Context, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Interrupt);
    }
    let specific = match context {
        Context::Help => match key.code {
            KeyCode::Esc | KeyCode::Char('q' | '?') | KeyCode::F(1) | KeyCode::Enter => {
                Some(Action::ToggleHelp)
            }
            _ => None,
        },
        Context::Home => match key.code {
            KeyCode::Char('q') | KeyCode::Esc => Some(Action::Quit),
            KeyCode::Enter => Some(Action::Confirm),
            KeyCode::Char('n') => Some(Action::NewPlacement),
            _ => None,
        },
        Context::Form { text } => {
            return match key.code {
                KeyCode::Esc => Some(Action::Back),
                KeyCode::F(1) => Some(Action::ToggleHelp),
                KeyCode::Enter => Some(Action::Confirm),
                KeyCode::Char('s') if ctrl => Some(Action::Confirm),
                KeyCode::Tab | KeyCode::Down => Some(Action::NextField),
                KeyCode::BackTab | KeyCode::Up => Some(Action::PrevField),
                KeyCode::Right | KeyCode::Char(' ') if !text => Some(Action::ChoiceNext),
                KeyCode::Left if !text => Some(Action::ChoicePrev),
                _ if text => Some(Action::Type(key)),
                _ => None,
            };
        }
        Context::Pick => match key.code {
            KeyCode::Enter => Some(Action::Confirm),
            _ => None,
        },
        Context::Typing => {
            return match key.code {
                KeyCode::Esc => Some(Action::StopTyping),
                KeyCode::Tab => Some(Action::NextField),
                KeyCode::BackTab => Some(Action::PrevField),
                KeyCode::F(1) => Some(Action::ToggleHelp),
                KeyCode::Char('s') if ctrl => Some(Action::SaveNow),
                _ => Some(Action::Type(key)),
            };
        }
        Context::Browse => match key.code {
            KeyCode::Tab | KeyCode::Right => Some(Action::NextField),
            KeyCode::BackTab | KeyCode::Left => Some(Action::PrevField),
            KeyCode::Enter | KeyCode::Char('i') => Some(Action::StartTyping),
            KeyCode::Char(c @ '1'..='7') => Some(Action::GoToSection(c as usize - '1' as usize)),
            KeyCode::Char('e') => Some(Action::AddExample),
            KeyCode::Char('a') => Some(Action::AddAgreement),
            KeyCode::Char('d') | KeyCode::Delete => Some(Action::DeleteSelected),
            KeyCode::Char(' ') => Some(Action::ToggleSelected),
            KeyCode::Char('f') => Some(Action::Finish),
            KeyCode::Char('s') if ctrl => Some(Action::SaveNow),
            _ => None,
        },
        Context::Confirm => {
            return match key.code {
                KeyCode::Char('y' | 'j' | 'Y' | 'J') => Some(Action::Yes),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::No),
                _ => None,
            };
        }
        Context::QuitQuestion => {
            return match key.code {
                KeyCode::Char('2') => Some(Action::Choose(2)),
                KeyCode::Char('1') | KeyCode::Enter | KeyCode::Esc => Some(Action::Choose(1)),
                _ => None,
            };
        }
        Context::Choice => match key.code {
            KeyCode::Char(c @ '1'..='9') => Some(Action::Choose(c as usize - '0' as usize)),
            KeyCode::Enter => Some(Action::Choose(1)),
            _ => None,
        },
        Context::Finishing => match key.code {
            KeyCode::Char('1') => Some(Action::ToggleAgreed(Role::Student)),
            KeyCode::Char('2') => Some(Action::ToggleAgreed(Role::Trainer)),
            KeyCode::Char('3') => Some(Action::ToggleAgreed(Role::Teacher)),
            KeyCode::Enter => Some(Action::Confirm),
            _ => None,
        },
        Context::Finished => match key.code {
            KeyCode::Char('x') => Some(Action::ExportShared),
            _ => None,
        },
        Context::View => match key.code {
            KeyCode::Char('x') => Some(Action::ExportShared),
            KeyCode::Char('e') => Some(Action::EditAgain),
            _ => None,
        },
    };
    specific.or_else(|| navigation(key))
}
