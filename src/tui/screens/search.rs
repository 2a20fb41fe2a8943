//! Search: records found by words a teacher remembers from them, answered at each keystroke
//! from the index, narrowed by filters. Enter opens what was found at the place it stands.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui_textarea::TextArea;

use crate::domain::Moment;
use crate::domain::dates::parse_date;
use crate::domain::search::{Flag, SearchQuery};
use crate::domain::text::printable;
use crate::i18n::{Texts, fill};
use crate::store::index::{Hit, Index, MARK_END, MARK_START, MOST};
use crate::tui::action::Action;
use crate::tui::editing::{TextKind, apply};
use crate::tui::effect::Effect;
use crate::tui::form::{set_focus, text_area, text_of};
use crate::tui::keys::KeyContext;
use crate::tui::page::ViewCx;
use crate::tui::page::{Next, Page, Services};
use crate::tui::theme::Theme;

/// The fields at the top, in the order Tab walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Words,
    Moment,
    Company,
    Teacher,
    Since,
    Until,
    Flag,
}

const FIELDS: [Field; 7] = [
    Field::Words,
    Field::Moment,
    Field::Company,
    Field::Teacher,
    Field::Since,
    Field::Until,
    Field::Flag,
];

const MOMENTS: [Option<Moment>; 4] = [
    None,
    Some(Moment::Start),
    Some(Moment::Midway),
    Some(Moment::Final),
];
const FLAGS: [Option<Flag>; 4] = [
    None,
    Some(Flag::Late),
    Some(Flag::Concern),
    Some(Flag::NoVisitYet),
];

pub struct SearchState {
    index: Index,
    words: TextArea<'static>,
    company: TextArea<'static>,
    teacher: TextArea<'static>,
    since: TextArea<'static>,
    until: TextArea<'static>,
    moment: usize,
    flag: usize,
    focus: usize,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// Why the last search could not be done, in the user's words.
    failed: Option<String>,
    /// A date filter that could not be read, so it is not applied.
    bad_date: bool,
    /// The fields changed since the last search: searched again once all waiting keys are
    /// in, so a paste or fast typing costs one search, not one per key.
    stale: bool,
}

impl SearchState {
    /// Search over `index`, with `words` already typed (the letter that opened it).
    pub fn new(index: Index, words: &str, t: &Texts, theme: &Theme, today: NaiveDate) -> Self {
        let mut state = Self {
            index,
            words: text_area(words, t.search_placeholder),
            company: text_area("", ""),
            teacher: text_area("", ""),
            since: text_area("", t.search_date_placeholder),
            until: text_area("", t.search_date_placeholder),
            moment: 0,
            flag: 0,
            focus: 0,
            hits: Vec::new(),
            selected: 0,
            failed: None,
            bad_date: false,
            stale: false,
        };
        state.show_focus(theme);
        state.run(t, today);
        state
    }

    /// The same search narrowed to one teacher's placements (mine, from the list's view of
    /// my placements); searched again once the keys have settled.
    #[must_use]
    pub fn for_teacher(mut self, name: &str) -> Self {
        self.teacher = text_area(name, "");
        self.stale = true;
        self
    }

    /// Search with `typed` in it; the index is brought up to date first, so what changed in
    /// another window or by hand is found too.
    pub fn open(typed: &str, services: &Services) -> Result<Self, String> {
        let (t, today) = (services.t, services.today());
        let (index, _) = services
            .store
            .fresh_index(today, &mut |_, _| {})
            .map_err(|e| fill(t.search_failed, &[&e.to_string()]))?;
        Ok(Self::new(index, typed, t, services.theme, today))
    }
}

impl Page for SearchState {
    fn context(&self) -> KeyContext {
        match FIELDS[self.focus] {
            Field::Moment | Field::Flag => KeyContext::SearchChoice,
            _ => KeyContext::SearchText,
        }
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_search
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        self.draw(area, buf, cx);
    }

    fn offers(&self, action: Action) -> bool {
        match action {
            Action::Open | Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                !self.hits.is_empty()
            }
            _ => true,
        }
    }

    fn update(&mut self, action: Action, cx: &Services) -> Next {
        match action {
            Action::Back => return Next::Back,
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-5),
            Action::PageDown => self.move_selection(5),
            Action::NextField => {
                self.focus = (self.focus + 1) % FIELDS.len();
                self.show_focus(cx.theme);
            }
            Action::PrevField => {
                self.focus = (self.focus + FIELDS.len() - 1) % FIELDS.len();
                self.show_focus(cx.theme);
            }
            Action::ChoiceNext | Action::ChoicePrev => {
                let step = if action == Action::ChoiceNext { 1 } else { 3 };
                match FIELDS[self.focus] {
                    Field::Moment => self.moment = (self.moment + step) % MOMENTS.len(),
                    Field::Flag => self.flag = (self.flag + step) % FLAGS.len(),
                    _ => return Next::Stay,
                }
                self.stale = true;
            }
            Action::Type(key) => {
                if let Some(area) = self.text_mut(FIELDS[self.focus])
                    && apply(area, TextKind::OneLine, key)
                {
                    self.stale = true;
                }
            }
            // A letter typed on a choice goes to the words, where it was meant.
            Action::TypeAside(key) => {
                self.focus = 0;
                self.show_focus(cx.theme);
                if apply(&mut self.words, TextKind::OneLine, key) {
                    self.stale = true;
                }
            }
            Action::Open => {
                if let Some(hit) = self.hits.get(self.selected) {
                    return Next::Effect(Effect::OpenFound(Box::new(hit.clone())));
                }
            }
            _ => {}
        }
        Next::Stay
    }

    /// Pasted text goes into the field with the cursor, on one line.
    fn paste(&mut self, text: &str) {
        let focus = FIELDS[self.focus];
        if let Some(area) = self.text_mut(focus) {
            area.insert_str(text.replace(['\n', '\r'], " "));
            self.stale = true;
        }
    }

    /// Searches again when the fields changed since the last search.
    fn settle(&mut self, services: &Services) {
        if std::mem::take(&mut self.stale) {
            self.run(services.t, services.today());
        }
    }
}

impl SearchState {
    fn text_mut(&mut self, field: Field) -> Option<&mut TextArea<'static>> {
        match field {
            Field::Words => Some(&mut self.words),
            Field::Company => Some(&mut self.company),
            Field::Teacher => Some(&mut self.teacher),
            Field::Since => Some(&mut self.since),
            Field::Until => Some(&mut self.until),
            Field::Moment | Field::Flag => None,
        }
    }

    fn text(&self, field: Field) -> Option<&TextArea<'static>> {
        match field {
            Field::Words => Some(&self.words),
            Field::Company => Some(&self.company),
            Field::Teacher => Some(&self.teacher),
            Field::Since => Some(&self.since),
            Field::Until => Some(&self.until),
            Field::Moment | Field::Flag => None,
        }
    }

    fn show_focus(&mut self, theme: &Theme) {
        let focus = FIELDS[self.focus];
        for field in FIELDS {
            if let Some(area) = self.text_mut(field) {
                set_focus(area, field == focus, theme);
            }
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let last = self.hits.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// The search the fields ask for now.
    fn query(&self, today: NaiveDate) -> (SearchQuery, bool) {
        let named = |area: &TextArea| {
            let text = text_of(area).trim().to_string();
            (!text.is_empty()).then_some(text)
        };
        let mut bad_date = false;
        let mut date = |area: &TextArea| {
            let text = text_of(area);
            if text.trim().is_empty() {
                return None;
            }
            let day = parse_date(&text, today).ok().flatten();
            bad_date |= day.is_none();
            day
        };
        let query = SearchQuery {
            words: text_of(&self.words),
            moment: MOMENTS[self.moment],
            company: named(&self.company),
            teacher: named(&self.teacher),
            since: date(&self.since),
            until: date(&self.until),
            flags: FLAGS[self.flag].into_iter().collect(),
        };
        (query, bad_date)
    }

    fn run(&mut self, t: &Texts, today: NaiveDate) {
        let (query, bad_date) = self.query(today);
        self.bad_date = bad_date;
        match self.index.search(&query, today) {
            Ok(hits) => {
                self.hits = hits;
                self.failed = None;
            }
            Err(e) => {
                self.hits.clear();
                self.failed = Some(fill(t.search_failed, &[&e.to_string()]));
            }
        }
        self.selected = 0;
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let (t, theme) = (cx.texts, cx.theme);
        let block = theme.screen_block(t.search_title);
        let inner = block.inner(area);
        block.render(area, buf);
        let [top, filters, dates, status, list] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        self.field_row(top, buf, &[(Field::Words, t.search_words_label, 0)], cx);
        self.field_row(
            filters,
            buf,
            &[
                (Field::Moment, t.search_moment_label, 22),
                (Field::Company, t.search_company_label, 14),
                (Field::Teacher, t.search_teacher_label, 0),
            ],
            cx,
        );
        self.field_row(
            dates,
            buf,
            &[
                (Field::Since, t.search_since_label, 12),
                (Field::Until, t.search_until_label, 12),
                (Field::Flag, t.search_flag_label, 0),
            ],
            cx,
        );
        let said = if let Some(failed) = &self.failed {
            Line::styled(failed.clone(), theme.warning)
        } else if self.bad_date {
            Line::styled(t.search_bad_date_shown, theme.warning)
        } else if self.hits.is_empty() {
            Line::styled(t.search_nothing, theme.dim)
        } else {
            // At the most a person reads, the rest is not looked up: said so.
            let count = if self.hits.len() >= MOST {
                t.search_count_most
            } else {
                t.search_count
            };
            Line::styled(fill(count, &[&self.hits.len().to_string()]), theme.dim)
        };
        Paragraph::new(said).render(status, buf);
        self.render_hits(list, buf, cx);
    }

    /// Labels with their fields side by side; a width of 0 takes the rest of the row.
    fn field_row(&self, area: Rect, buf: &mut Buffer, fields: &[(Field, &str, u16)], cx: &ViewCx) {
        let theme = cx.theme;
        let mut x = area.x;
        let right = area.x + area.width;
        for (field, label, width) in fields {
            if x >= right {
                break;
            }
            let focused = FIELDS[self.focus] == *field;
            let label_style = if focused { theme.title } else { theme.dim };
            let label = format!("{label} ");
            let label_w = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
            buf.set_stringn(x, area.y, &label, usize::from(right - x), label_style);
            x = x.saturating_add(label_w).min(right);
            let w = if *width == 0 {
                right - x
            } else {
                (*width).min(right - x)
            };
            let at = Rect::new(x, area.y, w, 1);
            match self.text(*field) {
                Some(text) => text.render(at, buf),
                None => {
                    let shown = match field {
                        Field::Moment => MOMENTS[self.moment]
                            .map_or(cx.texts.search_all, |m| cx.texts.moment_word(m)),
                        _ => flag_name(FLAGS[self.flag], cx.texts),
                    };
                    let style = if focused {
                        theme.selected
                    } else {
                        Style::new()
                    };
                    buf.set_stringn(at.x, at.y, format!("‹{shown}›"), usize::from(w), style);
                }
            }
            x = x.saturating_add(w + 1).min(right);
        }
    }

    fn render_hits(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        let (t, theme) = (cx.texts, cx.theme);
        let guide = cx.guides.for_language(cx.lang);
        // Two rows per result; the selected one stays in view.
        let fits = usize::from(area.height / 2).max(1);
        let first = self.selected.saturating_sub(fits - 1);
        let mut lines = Vec::new();
        for (n, hit) in self.hits.iter().enumerate().skip(first).take(fits) {
            let chosen = n == self.selected;
            let head = match hit.moment {
                Some(moment) => format!(
                    "{} {} · {} · {}",
                    hit.date.map_or_else(|| "—".into(), |d| t.date(d)),
                    printable(&hit.student),
                    t.moment_word(moment),
                    printable(&hit.company),
                ),
                None => format!("{} · {}", printable(&hit.student), printable(&hit.company)),
            };
            let marker = if chosen { "▸ " } else { "  " };
            let style = if chosen { theme.selected } else { theme.title };
            lines.push(Line::from(vec![
                Span::raw(marker),
                Span::styled(head, style),
            ]));
            lines.push(snippet_line(
                &t.part_name(hit.part, guide),
                &hit.snippet,
                theme,
            ));
        }
        // One row each, cut at the edge: two rows per result keep the selection in view.
        Paragraph::new(lines).render(area, buf);
    }
}

/// Where the match is and the words around it on one row, each match underlined and bold,
/// so it stands out without colour too.
fn snippet_line(part: &str, snippet: &str, theme: &Theme) -> Line<'static> {
    let marked = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut spans = vec![
        Span::raw("    "),
        Span::styled(format!("{part}: "), theme.dim),
    ];
    let mut inside = false;
    for piece in snippet.split([MARK_START, MARK_END]) {
        if !piece.is_empty() {
            let style = if inside { marked } else { Style::new() };
            let piece = printable(&piece.replace('\n', " ")).into_owned();
            spans.push(Span::styled(piece, style));
        }
        inside = !inside;
    }
    Line::from(spans)
}

fn flag_name(flag: Option<Flag>, t: &Texts) -> &'static str {
    match flag {
        None => t.search_all,
        Some(Flag::Late) => t.search_flag_late,
        Some(Flag::Concern) => t.search_flag_concern,
        Some(Flag::NoVisitYet) => t.search_flag_no_visit,
    }
}
