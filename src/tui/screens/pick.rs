use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::domain::Placement;
use crate::domain::summary::{MomentState, PlacementSummary};
use crate::domain::text::printable;
use crate::domain::{Guide, Moment, Role};
use crate::i18n::{Texts, fill};
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::dates::show_date;
use crate::tui::effect::{Effect, open};
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};
use crate::tui::screens::history::HistoryState;
use crate::tui::screens::placement_form::PlacementFormState;
use crate::tui::screens::prep_menu::PrepMenu;
use crate::tui::screens::story::StoryState;
use crate::tui::theme::Theme;

pub struct PickState {
    pub summary: PlacementSummary,
    pub selected: usize,
    /// Who prepared each moment.
    pub prepared: [Vec<Role>; 3],
    /// The data folder is a team archive, so the placement has a shared history.
    pub shared: bool,
}

impl PickState {
    /// The meetings of placement `id` as its files hold them, the next one to hold selected.
    pub fn open(id: &str, store: &Store) -> Self {
        let summary = store.summary(id).unwrap_or_else(|_| {
            PlacementSummary::new(
                Placement {
                    id: id.to_string(),
                    ..Placement::default()
                },
                &[],
            )
        });
        let selected = summary.next_moment().map_or(0, Moment::index);
        let prepared = Moment::ALL.map(|m| {
            let (trainer, student) = store.preparations(id, m);
            let mut who = Vec::new();
            who.extend(trainer.map(|_| Role::Trainer));
            who.extend(student.map(|_| Role::Student));
            who
        });
        Self {
            summary,
            selected,
            prepared,
            shared: crate::team::Team::at(store.root()).is_archive(),
        }
    }

    pub fn moment(&self) -> Moment {
        Moment::ALL[self.selected.min(2)]
    }

    /// After a meeting: stay on it while it is still in progress; once it was held, the next
    /// one is proposed.
    pub fn stay_on(&mut self, moment: Moment) {
        if self.summary.moments[moment.index()] != MomentState::Held {
            self.selected = moment.index();
        }
    }
}

impl Page for PickState {
    fn context(&self) -> KeyContext {
        KeyContext::Pick
    }

    /// Whether `action` does something here now: only a draft can be discarded.
    fn offers(&self, action: Action) -> bool {
        match action {
            Action::DeleteSelected => {
                self.summary.moments[self.moment().index()] == MomentState::Draft
            }
            Action::History => self.shared,
            _ => true,
        }
    }

    fn update(&mut self, action: Action, _services: &Services) -> Next {
        let id = self.summary.placement.id.clone();
        let effect = match action {
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                return Next::Stay;
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(2);
                return Next::Stay;
            }
            Action::Back => return Next::Back,
            Action::Open => Effect::OpenMeeting {
                id,
                moment: self.moment(),
            },
            Action::EditPlacement => {
                open(move |s| Next::push_or_say(PlacementFormState::edit(&id, s)))
            }
            Action::Prepare => {
                let moment = self.moment();
                open(move |s| Next::push_or_say(PrepMenu::open(&id, moment, s)))
            }
            Action::Story => open(move |s| Next::push_or_say(StoryState::open(&id, s))),
            Action::History => open(move |s| Next::push_or_say(HistoryState::open(&id, s))),
            Action::DeleteSelected => Effect::AskDiscardDraft(id, self.moment()),
            _ => return Next::Stay,
        };
        Next::Effect(effect)
    }

    fn refresh(&mut self, services: &Services, came_back_from: Option<Moment>) {
        // A placement removed meanwhile keeps what was shown; opening a meeting then says
        // it is gone.
        if !services.store.placement_exists(&self.summary.placement.id) {
            return;
        }
        let selected = self.selected;
        *self = Self::open(&self.summary.placement.id, services.store);
        match came_back_from {
            Some(moment) => self.stay_on(moment),
            // Changed outside: the teacher's place stays where it was.
            None => self.selected = selected,
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        if let Some(guide) = cx.guides.for_language(cx.lang) {
            PickScreen {
                state: self,
                guide,
                texts: cx.texts,
                theme: cx.theme,
            }
            .render(area, buf);
        }
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_pick
    }

    fn placement_id(&self) -> Option<&str> {
        Some(&self.summary.placement.id)
    }
}

pub struct PickScreen<'a> {
    pub state: &'a PickState,
    pub guide: &'a Guide,
    pub texts: &'a Texts,
    pub theme: &'a Theme,
}

impl Widget for PickScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.texts;
        let p = &self.state.summary.placement;
        let block = self.theme.screen_block(&format!(
            "{} · {} · {}",
            printable(&p.student),
            printable(&p.company),
            t.pick_title
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let mut lines = Vec::new();
        for moment in Moment::ALL {
            let i = moment.index();
            let state = self.state.summary.moments[i];
            let marker = if i == self.state.selected {
                "▶ "
            } else {
                "  "
            };
            let style = if i == self.state.selected {
                self.theme.selected
            } else {
                Style::new()
            };
            let when = self.state.summary.dates[i]
                .map(|d| show_date(t, d))
                .unwrap_or_default();
            let status = match state {
                MomentState::Held => fill(t.pick_held_on, &[&when]),
                MomentState::Draft => fill(t.pick_draft_from, &[&when]),
                MomentState::NotHeld => t.moment_not_held.to_string(),
                MomentState::Damaged => t.moment_damaged.to_string(),
                MomentState::Newer => t.moment_newer.to_string(),
            };
            let status_style = match state {
                MomentState::Held => self.theme.ok,
                MomentState::Draft => self.theme.empty,
                MomentState::NotHeld => self.theme.dim,
                MomentState::Damaged | MomentState::Newer => self.theme.warning,
            };
            let mut spans = vec![
                Span::raw(marker),
                Span::styled(
                    format!("{}. {}", i + 1, self.guide.moment(moment).title),
                    style,
                ),
                Span::styled(format!("  {status}"), status_style),
            ];
            let prepared = &self.state.prepared[i];
            if !prepared.is_empty() {
                let who: Vec<&str> = prepared.iter().map(|r| t.role(*r)).collect();
                spans.push(Span::styled(
                    format!("  · {}", fill(t.pick_prepared_by, &[&who.join(", ")])),
                    self.theme.ok,
                ));
            }
            lines.push(Line::from(spans));
            lines.push(Line::styled(
                format!("     {}", self.guide.moment(moment).purpose),
                self.theme.dim,
            ));
            lines.push(Line::default());
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}
