//! A question the program must ask before a meeting opens: recover a draft, view a meeting
//! that is open elsewhere, set a damaged file aside. Each answer has a digit, the same in
//! every language; Enter takes the first, which is always the safe one.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::Moment;
use crate::store::lock::MeetingLock;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::theme::Theme;

/// What an answer does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Go on editing the draft that was found.
    ContinueDraft,
    /// Look at the draft without editing.
    ViewDraft,
    /// Ask once more before the draft is put aside.
    AskDiscard,
    /// Put the draft in `set-aside/` and start from the record (or afresh).
    Discard,
    /// Put the draft in `set-aside/` and go back to the moments.
    DiscardDraft,
    /// Look at the meeting that another window has open.
    ViewReadOnly,
    /// Move the damaged file into `set-aside/`, then open the meeting again.
    SetAside(PathBuf),
    /// Back to choosing a moment.
    Back,
    /// Move the placement out of the list, to where it can be restored from.
    RemovePlacement,
    /// Look at the meeting in a rescue file.
    ViewRescued(PathBuf),
    /// Append a rescue file's text to the meeting it came from.
    TakeRescued(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Answer {
    pub label: &'static str,
    pub intent: Intent,
}

pub struct ChoiceState {
    pub title: String,
    pub lines: Vec<String>,
    pub answers: Vec<Answer>,
    pub placement: String,
    pub moment: Moment,
    /// The meeting's lock, held while the question is open so nobody else starts editing.
    pub lock: Option<MeetingLock>,
}

impl ChoiceState {
    pub fn offers(&self, action: Action) -> bool {
        match action {
            Action::Choose(n) => n <= self.answers.len(),
            _ => true,
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        let intent = match action {
            Action::Choose(n) => self.answer(n),
            Action::Back => Some(Intent::Back),
            _ => None,
        };
        intent.map_or(Effect::None, Effect::Answer)
    }

    /// The answer numbered `digit` (1 is the first).
    pub fn answer(&self, digit: usize) -> Option<Intent> {
        let index = digit.checked_sub(1)?;
        self.answers.get(index).map(|a| a.intent.clone())
    }
}

/// A question with numbered answers: the program's own and the preparation menu's.
pub struct ChoiceScreen<'a> {
    pub title: &'a str,
    pub lines: &'a [String],
    pub labels: Vec<&'a str>,
    pub theme: &'a Theme,
}

impl<'a> ChoiceScreen<'a> {
    pub fn of(state: &'a ChoiceState, theme: &'a Theme) -> Self {
        Self {
            title: &state.title,
            lines: &state.lines,
            labels: state.answers.iter().map(|a| a.label).collect(),
            theme,
        }
    }
}

impl Widget for ChoiceScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = self.theme.screen_block(self.title);
        let mut lines: Vec<Line> = self.lines.iter().map(|l| Line::from(l.as_str())).collect();
        lines.push(Line::default());
        for (i, label) in self.labels.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::styled(format!("  [{}] ", i + 1), self.theme.key_hint),
                Span::raw(*label),
            ]));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(area, buf);
    }
}
