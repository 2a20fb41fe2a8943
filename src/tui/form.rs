//! A small form: labelled text fields and choices with a focus ring. The placement form and the
//! example and agreement pop-ups are all one of these, so they behave alike.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

use super::action::Action;
use super::editing::{self, TextKind};
use super::theme::Theme;

/// Every field of every form, by name: a form is read by what a field means, never by where
/// it happens to sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldName {
    Student,
    Programme,
    Level,
    Company,
    Trainer,
    TrainerEmail,
    TrainerLanguage,
    Teacher,
    Start,
    End,
    ExampleText,
    GivenBy,
    Strategy,
    Recognised,
    What,
    Who,
    Due,
    Status,
    Note,
    /// An answer on a preparation form.
    Answer(crate::domain::PrepQuestion),
}

pub enum FieldValue {
    Text(Box<TextArea<'static>>),
    Choice { options: Vec<String>, index: usize },
}

pub struct Field {
    pub name: FieldName,
    pub label: String,
    pub value: FieldValue,
    /// Rows the field takes on screen.
    pub rows: u16,
}

impl Field {
    pub fn text(name: FieldName, label: &str, value: &str, placeholder: &str, rows: u16) -> Self {
        Self {
            name,
            label: label.into(),
            value: FieldValue::Text(Box::new(text_area(value, placeholder))),
            rows,
        }
    }

    pub fn choice(name: FieldName, label: &str, options: Vec<String>, index: usize) -> Self {
        let index = index.min(options.len().saturating_sub(1));
        Self {
            name,
            label: label.into(),
            value: FieldValue::Choice { options, index },
            rows: 1,
        }
    }
}

/// A text area set up the way every text field in the program behaves.
pub fn text_area(value: &str, placeholder: &str) -> TextArea<'static> {
    let mut area = TextArea::new(value.split('\n').map(str::to_string).collect());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_placeholder_text(placeholder.to_string());
    area.set_cursor_line_style(Style::new());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// Shows or hides the text cursor, so only the focused field looks editable.
pub fn set_focus(area: &mut TextArea<'static>, focused: bool, theme: &Theme) {
    let cursor = if focused {
        theme.selected
    } else {
        Style::new()
    };
    area.set_cursor_style(cursor);
}

pub fn text_of(area: &TextArea<'_>) -> String {
    area.lines().join("\n")
}

pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    /// Set by a first Esc on a form with text in it; a second Esc then throws it away.
    discard_armed: bool,
    /// Something was typed or chosen since the last `take_changed`.
    changed: bool,
    /// Something was typed or chosen since the form opened: only then does leaving it ask.
    edited: bool,
}

impl Form {
    pub fn new(title: &str, fields: Vec<Field>, theme: &Theme) -> Self {
        let mut form = Self {
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            discard_armed: false,
            changed: false,
            edited: false,
        };
        form.refresh_focus(theme);
        form
    }

    fn refresh_focus(&mut self, theme: &Theme) {
        for (i, field) in self.fields.iter_mut().enumerate() {
            if let FieldValue::Text(area) = &mut field.value {
                set_focus(area, i == self.focus, theme);
            }
        }
    }

    pub fn focus_next(&mut self, theme: &Theme) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
        self.arrive(theme);
    }

    pub fn focus_prev(&mut self, theme: &Theme) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
        self.arrive(theme);
    }

    /// Arriving in a date field selects what is in it, so typing replaces it, as in any
    /// form people know.
    fn arrive(&mut self, theme: &Theme) {
        if let Some(Field {
            name: FieldName::Start | FieldName::End | FieldName::Due,
            value: FieldValue::Text(area),
            ..
        }) = self.fields.get_mut(self.focus)
            && !area.is_empty()
        {
            area.select_all();
        }
        self.refresh_focus(theme);
    }

    pub fn focus_field(&mut self, name: FieldName, theme: &Theme) {
        if let Some(i) = self.fields.iter().position(|f| f.name == name) {
            self.focus = i;
        }
        self.refresh_focus(theme);
    }

    /// Whether the form offers `action` now: Enter moves on until the last field, and
    /// saves there.
    pub fn offers(&self, action: Action) -> bool {
        let last = self.focus + 1 >= self.fields.len();
        match action {
            Action::MoveOn => !last,
            Action::SaveFromLastField => last,
            _ => true,
        }
    }

    pub fn is_text_focused(&self) -> bool {
        matches!(
            self.fields.get(self.focus).map(|f| &f.value),
            Some(FieldValue::Text(_))
        )
    }

    /// Moves the focused choice by `step` (wrapping around).
    pub fn shift_choice(&mut self, step: isize) {
        if let Some(Field {
            value: FieldValue::Choice { options, index },
            ..
        }) = self.fields.get_mut(self.focus)
        {
            let n = options.len().max(1).cast_signed();
            *index = (index.cast_signed() + step).rem_euclid(n).cast_unsigned();
            self.changed = true;
            self.edited = true;
        }
    }

    /// Counts the form as holding unsaved text, as one brought back from a draft does.
    pub fn mark_edited(&mut self) {
        self.edited = true;
    }

    /// True once after the form's content changed, so the caller can hand it to the saver.
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// Whether leaving may throw the form away now. With typed text the first call only
    /// arms it, so one stray Esc never loses what was typed; `warning` is shown meanwhile.
    pub fn may_discard(&mut self, warning: &str) -> bool {
        let blank = self.fields.iter().all(|f| match &f.value {
            FieldValue::Text(area) => area.is_empty(),
            FieldValue::Choice { .. } => true,
        });
        if blank || !self.edited || self.discard_armed {
            return true;
        }
        self.discard_armed = true;
        self.error = Some(warning.to_string());
        false
    }

    /// Passes a key to the focused text field; true when the text changed.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        self.discard_armed = false;
        let changed = match self.fields.get_mut(self.focus).map(|f| &mut f.value) {
            Some(FieldValue::Text(area)) => editing::apply(area, TextKind::OneLine, key),
            _ => false,
        };
        self.changed |= changed;
        self.edited |= changed;
        changed
    }

    /// A printable key typed on a choice: it goes to the nearest text field above (or else
    /// the first one), which takes the keyboard; the choice stays as it was. The label of
    /// that field, to say where the typing went.
    pub fn type_aside(&mut self, key: KeyEvent, theme: &Theme) -> Option<String> {
        let is_text = |f: &Field| matches!(f.value, FieldValue::Text(_));
        let above = self.fields[..self.focus.min(self.fields.len())]
            .iter()
            .rposition(is_text);
        let to = above.or_else(|| self.fields.iter().position(is_text))?;
        self.focus = to;
        self.refresh_focus(theme);
        if let Some(FieldValue::Text(area)) = self.fields.get_mut(to).map(|f| &mut f.value) {
            area.cancel_selection();
            area.move_cursor(ratatui_textarea::CursorMove::Bottom);
            area.move_cursor(ratatui_textarea::CursorMove::End);
        }
        self.type_key(key);
        Some(self.fields[to].label.clone())
    }

    /// Inserts pasted text into the focused text field as one edit; a one-line field gets it
    /// on one line. True when the text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        self.discard_armed = false;
        let changed = match self.fields.get_mut(self.focus) {
            Some(Field {
                value: FieldValue::Text(area),
                rows,
                ..
            }) => {
                if *rows == 1 {
                    area.insert_str(text.replace('\n', " "))
                } else {
                    area.insert_str(text)
                }
            }
            _ => false,
        };
        self.changed |= changed;
        self.edited |= changed;
        changed
    }

    fn field(&self, name: FieldName) -> Option<&FieldValue> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| &f.value)
    }

    /// Whether the form asks field `name` (some forms ask more once there is something to
    /// change).
    pub fn has(&self, name: FieldName) -> bool {
        self.field(name).is_some()
    }

    /// The text of field `name`, trimmed. Asking a form for a text field it does not have is
    /// a mistake in the program, never an empty answer: the tests, which read every form,
    /// stop on it.
    pub fn text(&self, name: FieldName) -> String {
        match self.field(name) {
            Some(FieldValue::Text(area)) => text_of(area).trim().to_string(),
            other => {
                debug_assert!(
                    other.is_some(),
                    "form '{}' has no text field {name:?}",
                    self.title
                );
                String::new()
            }
        }
    }

    /// The chosen option of field `name`; none when the form does not ask it.
    pub fn choice(&self, name: FieldName) -> Option<usize> {
        match self.field(name) {
            Some(FieldValue::Choice { index, .. }) => Some(*index),
            _ => None,
        }
    }

    /// Rows the form needs without its border.
    pub fn height(&self) -> u16 {
        self.fields.iter().map(|f| f.rows + 1).sum::<u16>() + u16::from(self.error.is_some()) * 2
    }
}

/// Draws a form into an area that already has its border.
pub struct FormWidget<'a> {
    pub form: &'a Form,
    pub theme: &'a Theme,
}

impl Widget for FormWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Each field is its label on one row and its value below: long labels (a question)
        // stay readable in a narrow terminal.
        // A form taller than the window starts at a later field, so the focused one and the
        // message under the form are always in view.
        let error_rows = u16::from(self.form.error.is_some()) * 2;
        let mut first = 0;
        let height = |from: usize| -> u16 {
            self.form.fields[from..=self.form.focus.max(from)]
                .iter()
                .map(|f| f.rows + 1)
                .sum::<u16>()
                + error_rows
        };
        while first < self.form.focus && height(first) > area.height {
            first += 1;
        }
        let mut used = error_rows;
        let mut constraints: Vec<Constraint> = self
            .form
            .fields
            .iter()
            .skip(first)
            .take_while(|f| {
                used += f.rows + 1;
                used <= area.height
            })
            .map(|f| Constraint::Length(f.rows + 1))
            .collect();
        constraints.push(Constraint::Fill(1));
        let rows = Layout::vertical(constraints).split(area);
        for (i, (field, row)) in self
            .form
            .fields
            .iter()
            .enumerate()
            .skip(first)
            .zip(rows.iter())
            .map(|((i, f), r)| (i, (f, r)))
        {
            let [label_area, value_area] = row.layout(&Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
            ]));
            let value_area = value_area.inner(ratatui::layout::Margin::new(2, 0));
            let focused = i == self.form.focus;
            let label_style = if focused {
                self.theme.title
            } else {
                self.theme.dim
            };
            let marker = if focused { "▸ " } else { "  " };
            Paragraph::new(Span::styled(
                format!("{marker}{}", field.label),
                label_style,
            ))
            .render(label_area, buf);
            match &field.value {
                FieldValue::Text(text) => text.as_ref().render(value_area, buf),
                FieldValue::Choice { options, index } => {
                    let style = if focused {
                        self.theme.selected
                    } else {
                        Style::new()
                    };
                    let option = options.get(*index).map_or("", String::as_str);
                    let mut spans = vec![Span::styled(format!("‹ {option} ›"), style)];
                    if focused {
                        spans.push(Span::styled(
                            format!("  {}/{}", index + 1, options.len()),
                            self.theme.dim,
                        ));
                    }
                    Paragraph::new(Line::from(spans)).render(value_area, buf);
                }
            }
        }
        if let (Some(error), Some(last)) = (&self.form.error, rows.last()) {
            Paragraph::new(Span::styled(error.as_str(), self.theme.warning))
                .wrap(Wrap { trim: true })
                .render(*last, buf);
        }
    }
}

/// A form filling the screen, with a line or two on what it is for above its fields.
pub fn render_form(form: &Form, intro: Option<&str>, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let block = Block::bordered()
        .border_style(theme.focused_border)
        .title(Span::styled(format!(" {} ", form.title), theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let intro =
        intro.map(|intro| Paragraph::new(Span::styled(intro, theme.dim)).wrap(Wrap { trim: true }));
    // The whole intro where there is room: it says what the form is for.
    let intro_h = intro.as_ref().map_or(0, |p| {
        u16::try_from(p.line_count(inner.width))
            .unwrap_or(u16::MAX)
            .min(4)
            .min(inner.height / 3)
    });
    let [intro_area, fields] = inner.layout(&Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Fill(1),
    ]));
    if let Some(intro) = intro {
        intro.render(intro_area, buf);
    }
    FormWidget { form, theme }.render(fields, buf);
}
