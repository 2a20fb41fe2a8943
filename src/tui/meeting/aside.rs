//! Typing where the keyboard is on a list, a choice or a checklist. A teacher looks at the
//! student, not at the screen: a sentence typed there is never thrown away and never changes
//! a choice. It goes to the text field the teacher most likely meant, and the status line
//! says which. On the place and the presence rows a single first letter chooses; a second
//! typed key shows it was a sentence after all, and the choice is put back.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::focus::{DetailRow, Focus};
use super::state::{MeetingState, Phase};
use super::update::Cx;
use crate::domain::{Place, Role};
use crate::i18n::{Texts, fill};
use crate::tui::effect::Effect;

/// A choice made by typing its first letter, kept until the next key says whether it was
/// meant as a choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterChoice {
    focus: Focus,
    typed: String,
    undo: Undo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Undo {
    Place(Place),
    Present(Role, bool),
}

/// The letters that choose on a choice row, in the order of its options, and what the
/// footer calls them. The place options share their first word ("op locatie", "op school"),
/// so the translation names a letter from each.
pub fn choice_letters(row: DetailRow, t: &Texts) -> Option<(Vec<char>, &'static str)> {
    let first = |word: &str| word.chars().next().map(|c| c.to_ascii_uppercase());
    match row {
        DetailRow::Place => Some((
            t.place_letters
                .chars()
                .map(|c| c.to_ascii_uppercase())
                .collect(),
            t.key_choose_place,
        )),
        DetailRow::Present(_) => Some((
            [t.choice_yes, t.choice_no]
                .iter()
                .filter_map(|w| first(w))
                .collect(),
            t.key_choose_presence,
        )),
        _ => None,
    }
}

impl MeetingState {
    /// A printable key where no text is. In the read-back it brings the teacher back to the
    /// conversation first.
    pub(super) fn type_aside(&mut self, key: KeyEvent, cx: &Cx) -> Effect {
        let back = matches!(self.phase, Phase::Finishing { .. });
        if back {
            self.phase = Phase::Conversation;
        } else if self.phase != Phase::Conversation {
            return Effect::None;
        }
        let KeyCode::Char(c) = key.code else {
            return Effect::None;
        };
        let pending = self.letter_choice.take();
        if !back && let Focus::Detail(row) = self.focus {
            let again = pending
                .as_ref()
                .is_some_and(|p| p.focus == self.focus && p.typed.chars().all(|x| x == c));
            if pending.is_none() || again {
                if let Some(choice) = self.choose_by_letter(row, c, pending, cx.t) {
                    self.letter_choice = Some(choice);
                    self.changed();
                    return Effect::None;
                }
                return self.send_aside(key, "", back, cx);
            }
        }
        // The second key of a sentence: the letter before it was typing too.
        let mut before = String::new();
        if let Some(p) = pending.filter(|p| p.focus == self.focus) {
            self.undo(p.undo);
            before = p.typed;
        }
        self.send_aside(key, &before, back, cx)
    }

    /// Chooses the next option on `row` whose first letter is `c`; what to put back if the
    /// teacher turns out to be typing a sentence.
    fn choose_by_letter(
        &mut self,
        row: DetailRow,
        c: char,
        pending: Option<LetterChoice>,
        t: &Texts,
    ) -> Option<LetterChoice> {
        let starts_with = |word: &str| {
            word.chars()
                .next()
                .is_some_and(|f| f.to_lowercase().eq(c.to_lowercase()))
        };
        let undo = match row {
            DetailRow::Place => {
                let now = self.record.place;
                let at = t
                    .place_letters
                    .chars()
                    .position(|l| starts_with(&l.to_string()))?;
                self.record.place = *Place::ALL.get(at)?;
                Undo::Place(now)
            }
            DetailRow::Present(role) => {
                let now = self.record.present.is_present(role);
                let wanted = if starts_with(t.choice_yes) {
                    true
                } else if starts_with(t.choice_no) {
                    false
                } else {
                    return None;
                };
                if wanted != now {
                    self.record.present.toggle(role);
                }
                Undo::Present(role, now)
            }
            _ => return None,
        };
        let (undo, mut typed) = match pending {
            Some(p) => (p.undo, p.typed),
            None => (undo, String::new()),
        };
        typed.push(c);
        Some(LetterChoice {
            focus: self.focus,
            typed,
            undo,
        })
    }

    fn undo(&mut self, undo: Undo) {
        match undo {
            Undo::Place(place) => self.record.place = place,
            Undo::Present(role, was) => {
                if self.record.present.is_present(role) != was {
                    self.record.present.toggle(role);
                }
            }
        }
        self.changed();
    }

    /// The text field meant: a list's or a preparation's own key's notes, the private notes
    /// under the concern checklist, otherwise the notes of the key the teacher was last at.
    fn aside_field(&self) -> Focus {
        match self.focus {
            Focus::Examples(k) | Focus::Prepared(k) | Focus::Notes(k) => Focus::Notes(k),
            Focus::Concern(_) | Focus::Private => Focus::Private,
            Focus::Detail(row) if row.is_text() => self.focus,
            Focus::Agreements | Focus::Detail(_) => Focus::Notes(self.last_key),
        }
    }

    /// Moves the keyboard to the field meant, types `before` and `key` there at the end of
    /// its text, and says where the typing went.
    fn send_aside(&mut self, key: KeyEvent, before: &str, back: bool, cx: &Cx) -> Effect {
        let t = cx.t;
        let to = self.aside_field();
        if to != self.focus {
            self.focus = to;
            self.panel_scroll = 0;
            if let Some(area) = self.text_area_mut() {
                area.cancel_selection();
                area.move_cursor(ratatui_textarea::CursorMove::Bottom);
                area.move_cursor(ratatui_textarea::CursorMove::End);
            }
        }
        self.refresh_focus(cx.theme);
        for c in before.chars() {
            self.type_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        self.type_key(key);
        let field = match to {
            Focus::Notes(k) => fill(
                t.aside_notes_of,
                &[&format!("{} {}", k.index() + 1, self.guide.key_title(k))],
            ),
            Focus::Private => t.aside_private.to_string(),
            _ => t.aside_this_field.to_string(),
        };
        let text = if back {
            t.typed_aside_back
        } else {
            t.typed_aside
        };
        Effect::Say(fill(text, &[&field]), false)
    }
}
