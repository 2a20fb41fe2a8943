//! The application state and how actions change it. One `App` owns everything; the run loop
//! feeds it keys and ticks, and draws it.

use std::time::{Duration, Instant};

use chrono::Timelike as _;
use chrono::{Local, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod meeting;
mod open;

use super::action::Action;
use super::form::{Field, Form};
use super::keymap::{Context, action_for};
use super::meeting::{MeetingState, Mode, Phase, Popup};
use super::screens::choice::ChoiceState;
use super::screens::home::HomeState;
use super::screens::pick::PickState;
use super::screens::view::ViewState;
use super::theme::Theme;
use crate::domain::placement::PlacementProblem;
use crate::domain::summary::{MomentState, PlacementSummary};
use crate::domain::{Moment, Placement, PlacementDraft};
use crate::i18n::{Lang, LangExt as _, Texts, fill};
use crate::store::Store;
use crate::store::guides::Guides;
use crate::store::lock::MeetingLock;
use crate::store::saver::{DraftSaver, Rescued, SaveEvent, SaverHandle};

pub enum Screen {
    Home(HomeState),
    NewPlacement(Form),
    Pick(PickState),
    Meeting(Box<MeetingState>),
    View(Box<ViewState>),
    Choice(Box<ChoiceState>),
}

/// What the draft saver last reported, shown in the meeting header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Idle,
    Pending,
    Saved(chrono::NaiveTime),
    Failed(String),
}

pub struct App {
    pub lang: Lang,
    pub texts: &'static Texts,
    pub theme: Theme,
    pub store: Store,
    pub guides: Guides,
    saver: DraftSaver,
    pub screen: Screen,
    pub help: bool,
    /// A one-line message for the user, and whether it is a warning.
    pub message: Option<(String, bool)>,
    pub save_status: SaveStatus,
    pub demo: bool,
    pub quit: bool,
    /// Whether the open meeting changed since it was opened, so leaving it needs a save.
    touched: bool,
    /// The one-editor lock of the meeting being edited (or being asked about).
    lock: Option<MeetingLock>,
    /// When Ctrl+C was pressed once: a second press soon after quits.
    interrupted_at: Option<Instant>,
    /// Set while asking what to do with text that could not be saved before quitting.
    pub quit_question: Option<String>,
    /// The terminal's size at the last draw; keys do nothing while it is too small to show
    /// what they would do.
    pub viewport: Option<(u16, u16)>,
    /// Lines to print after the screen is restored, such as where rescued text went.
    pub exit_notes: Vec<String>,
}

/// How long after a first Ctrl+C a second one quits.
const INTERRUPT_WINDOW: Duration = Duration::from_secs(3);

impl App {
    pub fn new(store: Store, guides: Guides, lang: Lang, theme: Theme) -> Self {
        let saver = DraftSaver::start(store.clone());
        let mut app = Self {
            lang,
            texts: lang.texts(),
            theme,
            store,
            guides,
            saver,
            screen: Screen::Home(HomeState {
                summaries: Vec::new(),
                selected: 0,
            }),
            help: false,
            message: None,
            save_status: SaveStatus::Idle,
            demo: false,
            quit: false,
            touched: false,
            lock: None,
            interrupted_at: None,
            quit_question: None,
            viewport: None,
            exit_notes: Vec::new(),
        };
        app.show_home(None);
        for broken in &app.guides.broken {
            let first = broken.lines().into_iter().next().unwrap_or_default();
            app.message = Some((
                fill(
                    app.texts.err_guide_broken_skipped,
                    &[&broken.path.display().to_string(), &first],
                ),
                true,
            ));
        }
        app.name_rescued_files();
        app.offer_unfinished_placement();
        app
    }

    /// Text that an earlier session could only save in a rescue file is named at start.
    fn name_rescued_files(&mut self) {
        let files = self.store.rescued_files();
        if let Some(newest) = files.last() {
            let shown = newest.display().to_string();
            let text = match files.len() {
                1 => fill(self.texts.rescued_found, &[&shown]),
                n => fill(
                    self.texts.rescued_found_more,
                    &[&shown, &(n - 1).to_string()],
                ),
            };
            self.message = Some((text, true));
        }
    }

    pub fn context(&self) -> Context {
        if self.quit_question.is_some() {
            return Context::QuitQuestion;
        }
        if self.help {
            return Context::Help;
        }
        match &self.screen {
            Screen::Home(_) => Context::Home,
            Screen::NewPlacement(form) => Context::Form {
                text: form.is_text_focused(),
            },
            Screen::Pick(_) => Context::Pick,
            Screen::View(_) => Context::View,
            Screen::Choice(_) => Context::Choice,
            Screen::Meeting(m) => match (&m.phase, &m.popup, m.mode) {
                (Phase::Conversation, Some(Popup::ConfirmDelete), _) => Context::Confirm,
                (
                    Phase::Conversation,
                    Some(Popup::Example { form, .. } | Popup::Agreement { form, .. }),
                    _,
                ) => Context::Form {
                    text: form.is_text_focused(),
                },
                (Phase::Conversation, None, Mode::Typing) => Context::Typing,
                (Phase::Conversation, None, Mode::Browse) => Context::Browse,
                (Phase::Finishing { .. } | Phase::Saving, ..) => Context::Finishing,
                (Phase::Finished { .. }, ..) => Context::Finished,
            },
        }
    }

    /// Whether the screen is too small to show anything but a request to enlarge it.
    pub fn too_small(&self) -> bool {
        self.viewport
            .is_some_and(|(w, h)| w < super::ui::MIN_WIDTH || h < super::ui::MIN_HEIGHT)
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.apply_key(key);
        self.hand_over_changes();
    }

    /// A key without handing the changes to the saver; the run loop hands them over once
    /// after all waiting input is handled.
    pub fn apply_key(&mut self, key: KeyEvent) {
        if self.too_small() {
            // Nothing on screen says what a key would do, so only quitting works.
            if action_for(Context::Help, key) == Some(Action::Interrupt) {
                self.update(Action::Interrupt);
            }
            return;
        }
        // A terminal sends Esc followed quickly by a letter as Alt+letter. While typing, that
        // is almost always someone pressing Esc and then a command, so treat it that way.
        if self.context() == Context::Typing
            && key.modifiers.contains(KeyModifiers::ALT)
            && matches!(key.code, KeyCode::Char(_))
        {
            self.update(Action::StopTyping);
            return self.apply_key(KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT));
        }
        if let Some(action) = action_for(self.context(), key) {
            self.update(action);
        }
    }

    /// Pasted text arrives as one edit, wherever text can go.
    pub fn handle_paste(&mut self, text: &str) {
        if self.too_small() || self.help || self.quit_question.is_some() {
            return;
        }
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let theme = self.theme;
        match &mut self.screen {
            Screen::Meeting(m) if m.phase == Phase::Conversation => {
                if let Some(form) = m.popup_form() {
                    form.paste(&text);
                } else if m.popup.is_none() {
                    m.paste(&text, &theme);
                }
            }
            Screen::NewPlacement(form) => {
                form.paste(&text);
            }
            _ => {}
        }
        self.hand_over_changes();
    }

    /// Drains what the saver reported. Called on every turn of the run loop.
    pub fn tick(&mut self) {
        for event in self.saver.events() {
            self.apply_save_event(event);
        }
    }

    /// Waits until every change handed over is written or has failed, then takes in the
    /// results; true when everything is on disk.
    pub fn flush_saves(&mut self) -> bool {
        self.save_open_meeting();
        let saved = self.saver.flush();
        self.tick();
        saved
    }

    /// For an end nobody chose (a signal, a vanished terminal): what the data folder did not
    /// take goes to a rescue file, and the exit notes say where.
    pub fn rescue_unsaved(&mut self) {
        self.save_open_meeting();
        match self.saver.handle().rescue(RESCUE_LIMIT) {
            Some(Rescued::To(paths)) => {
                for path in paths {
                    let shown = path.display().to_string();
                    self.exit_notes.push(fill(self.texts.rescued_to, &[&shown]));
                }
            }
            Some(Rescued::Failed(e)) => {
                self.exit_notes
                    .push(fill(self.texts.rescue_failed, &[&e.describe(self.texts)]));
            }
            Some(Rescued::Saved) | None => {}
        }
        self.tick();
    }

    /// Ends the session the way the user chose to: everything saved, then the meeting's lock
    /// released as cleanly closed, so the next session is not offered a recovery.
    pub fn end_session(&mut self) {
        self.flush_saves();
        self.release_lock();
    }

    /// For the threads that must save without the UI: signals, watchdog, panic hook.
    pub fn saver_handle(&self) -> SaverHandle {
        self.saver.handle()
    }

    fn release_lock(&mut self) {
        if let Some(lock) = self.lock.take() {
            lock.release();
        }
    }

    /// Gives the saver whatever changed since the last call.
    pub fn hand_over_changes(&mut self) {
        if let Screen::Meeting(m) = &mut self.screen
            && m.take_dirty()
        {
            self.touched = true;
            self.save_status = SaveStatus::Pending;
            self.saver
                .save_draft(&m.folder.clone(), m.moment(), m.snapshot());
        }
        if let Screen::NewPlacement(form) = &mut self.screen
            && form.take_changed()
        {
            self.save_status = SaveStatus::Pending;
            self.saver.save_new_placement(&placement_draft(form));
        }
    }

    /// Hands over the open meeting as it stands, in any phase before its final record is on
    /// its way: the read-back is still a draft.
    fn save_open_meeting(&mut self) {
        self.hand_over_changes();
        if let Screen::Meeting(m) = &mut self.screen
            && self.touched
            && matches!(m.phase, Phase::Conversation | Phase::Finishing { .. })
        {
            self.saver
                .save_draft(&m.folder.clone(), m.moment(), m.snapshot());
        }
    }

    fn apply_save_event(&mut self, event: SaveEvent) {
        let t = self.texts;
        match event {
            SaveEvent::DraftSaved { at } => self.save_status = SaveStatus::Saved(at),
            SaveEvent::DraftFailed(e) => self.save_status = SaveStatus::Failed(e.describe(t)),
            SaveEvent::FinalSaved(path) => {
                self.save_status = SaveStatus::Idle;
                self.touched = false;
                if let Screen::Meeting(m) = &mut self.screen {
                    m.phase = Phase::Finished {
                        path,
                        exported: None,
                        scroll: 0,
                    };
                }
            }
            SaveEvent::FinalFailed(e) => {
                if let Screen::Meeting(m) = &mut self.screen {
                    m.finish_failed();
                }
                self.message = Some((fill(t.finish_failed, &[&e.describe(t)]), true));
            }
            SaveEvent::FileWritten(path) => match &mut self.screen {
                Screen::Meeting(m) => {
                    if let Phase::Finished { exported, .. } = &mut m.phase {
                        *exported = Some(path);
                    }
                }
                Screen::View(v) => v.exported = Some(path),
                _ => {}
            },
            SaveEvent::FileFailed(e) => self.message = Some((e.describe(t), true)),
        }
    }

    pub fn update(&mut self, action: Action) {
        if self.quit_question.is_some() {
            return self.answer_quit_question(&action);
        }
        match action {
            Action::Quit => return self.quit_app(),
            Action::Interrupt => return self.interrupt(),
            Action::ToggleHelp => {
                self.help = !self.help;
                return;
            }
            _ if self.help => return,
            _ => {}
        }
        if !matches!(action, Action::Type(_)) {
            self.message = None;
        }
        match &self.screen {
            Screen::Home(_) => self.update_home(action),
            Screen::NewPlacement(_) => self.update_new_placement(action),
            Screen::Pick(_) => self.update_pick(action),
            Screen::Meeting(_) => self.update_meeting(action),
            Screen::View(_) => self.update_view(action),
            Screen::Choice(_) => self.update_choice(action),
        }
    }

    /// Quits once everything is on disk. When the disk will not take it, asks first rather
    /// than leaving with text that exists nowhere else.
    fn quit_app(&mut self) {
        if self.flush_saves() {
            self.quit = true;
            return;
        }
        let reason = match &self.save_status {
            SaveStatus::Failed(reason) => reason.clone(),
            _ => self.texts.unknown.to_string(),
        };
        self.quit_question = Some(reason);
    }

    fn answer_quit_question(&mut self, action: &Action) {
        match action {
            Action::Choose(2) => match self.saver.handle().rescue(RESCUE_LIMIT) {
                Some(Rescued::Saved) => {
                    self.quit_question = None;
                    self.quit = true;
                }
                Some(Rescued::To(paths)) => {
                    for path in paths {
                        let shown = path.display().to_string();
                        self.exit_notes.push(fill(self.texts.rescued_to, &[&shown]));
                    }
                    self.quit_question = None;
                    self.quit = true;
                }
                Some(Rescued::Failed(e)) => {
                    self.quit_question = Some(e.describe(self.texts));
                }
                None => {}
            },
            Action::Choose(1) => self.quit_question = None,
            _ => {}
        }
    }

    /// Ctrl+C once says how to quit; twice within a few seconds quits, saving first.
    fn interrupt(&mut self) {
        let now = Instant::now();
        match self.interrupted_at {
            Some(at) if now.duration_since(at) < INTERRUPT_WINDOW => {
                self.interrupted_at = None;
                self.quit_app();
            }
            _ => {
                self.interrupted_at = Some(now);
                self.message = Some((self.texts.interrupt_again.into(), false));
            }
        }
    }

    // ---- home -------------------------------------------------------------------------

    pub fn show_home(&mut self, select: Option<&str>) {
        let (summaries, errors) = self.store.summaries();
        if let Some(first) = errors.first() {
            let text = if errors.len() == 1 {
                first.describe(self.texts)
            } else {
                fill(
                    self.texts.err_damaged_count,
                    &[&errors.len().to_string(), &first.describe(self.texts)],
                )
            };
            self.message = Some((text, true));
        }
        let mut home = HomeState {
            summaries,
            selected: 0,
        };
        if let Some(id) = select {
            home.select_id(id);
        }
        self.screen = Screen::Home(home);
    }

    fn update_home(&mut self, action: Action) {
        let Screen::Home(home) = &mut self.screen else {
            return;
        };
        match action {
            Action::Up => home.move_selection(-1),
            Action::Down => home.move_selection(1),
            Action::PageUp => home.move_selection(-10),
            Action::PageDown => home.move_selection(10),
            Action::Confirm => {
                if let Some(summary) = home.summaries.get(home.selected).cloned() {
                    self.show_pick(summary);
                }
            }
            Action::NewPlacement => {
                self.screen = Screen::NewPlacement(self.placement_form(&PlacementDraft::default()));
            }
            _ => {}
        }
    }

    fn placement_form(&self, draft: &PlacementDraft) -> Form {
        let t = self.texts;
        let fields = vec![
            Field::text(t.form_student, &draft.student, "", 1),
            Field::text(t.form_programme, &draft.programme, "", 1),
            Field::text(t.form_level, &draft.level, "", 1),
            Field::text(t.form_company, &draft.company, "", 1),
            Field::text(t.form_trainer, &draft.trainer, "", 1),
            Field::text(t.form_teacher, &draft.teacher, "", 1),
            Field::text(t.form_start, &draft.start, t.form_date_hint, 1),
            Field::text(t.form_end, &draft.end, t.form_date_hint, 1),
        ];
        Form::new(t.form_new_placement, fields, &self.theme)
    }

    /// A new-placement form an earlier session left unfinished opens again as it was.
    fn offer_unfinished_placement(&mut self) {
        match self.store.placement_form() {
            Ok(Some(draft)) => {
                self.screen = Screen::NewPlacement(self.placement_form(&draft));
                self.message = Some((self.texts.form_restored.into(), false));
            }
            Ok(None) => {}
            Err(e) => self.message = Some((e.describe(self.texts), true)),
        }
    }

    fn update_new_placement(&mut self, action: Action) {
        let theme = self.theme;
        let Screen::NewPlacement(form) = &mut self.screen else {
            return;
        };
        match action {
            Action::Back if form.may_discard(self.texts.form_unsaved) => {
                self.saver.discard_new_placement();
                self.show_home(None);
            }
            Action::NextField => form.focus_next(&theme),
            Action::PrevField => form.focus_prev(&theme),
            Action::Type(key) => {
                form.type_key(key);
            }
            Action::Confirm => self.create_placement(),
            _ => {}
        }
    }

    fn create_placement(&mut self) {
        let t = self.texts;
        let theme = self.theme;
        let Screen::NewPlacement(form) = &mut self.screen else {
            return;
        };
        let mut dates = [None, None];
        for (slot, field) in dates.iter_mut().zip([6, 7]) {
            match super::meeting::parse_date(&form.text(field)) {
                Ok(date) => *slot = date,
                Err(_) => {
                    form.error = Some(t.form_bad_date.into());
                    form.focus_field(field, &theme);
                    return;
                }
            }
        }
        let typed = placement_draft(form);
        let placement = Placement {
            id: String::new(),
            student: typed.student,
            programme: typed.programme,
            level: typed.level,
            company: typed.company,
            trainer: typed.trainer,
            teacher: typed.teacher,
            start: dates[0],
            end: dates[1],
        };
        if let Err(problem) = placement.check() {
            form.error = Some(t.placement_problem(problem).into());
            let field = match problem {
                PlacementProblem::NoStudent => 0,
                PlacementProblem::EndBeforeStart => 7,
            };
            form.focus_field(field, &theme);
            return;
        }
        match self.store.create_placement(placement) {
            Ok(created) => {
                self.saver.discard_new_placement();
                let summary = PlacementSummary::new(created, &[]);
                self.show_pick(summary);
            }
            Err(e) => form.error = Some(e.describe(t)),
        }
    }

    // ---- choosing a moment --------------------------------------------------------------

    fn show_pick(&mut self, summary: PlacementSummary) {
        let (records, _) = self.store.records(&summary.placement.id);
        let mut dates = [None; 3];
        for r in &records {
            dates[r.moment.index()] = Some(r.date);
        }
        let selected = summary.next_moment().map_or(0, Moment::index);
        self.screen = Screen::Pick(PickState {
            summary,
            selected,
            dates,
        });
    }

    fn refresh_pick(&mut self, id: &str, moment: Moment) {
        let (records, _) = self.store.records(id);
        match self.store.placement(id) {
            Ok(p) => {
                self.show_pick(PlacementSummary::new(p, &records));
                // Stay on a moment still in progress; after one was held, propose the next.
                if let Screen::Pick(pick) = &mut self.screen
                    && pick.summary.moments[moment.index()] != MomentState::Held
                {
                    pick.selected = moment.index();
                }
            }
            Err(_) => self.show_home(None),
        }
    }

    fn update_pick(&mut self, action: Action) {
        let Screen::Pick(pick) = &mut self.screen else {
            return;
        };
        match action {
            Action::Up => pick.selected = pick.selected.saturating_sub(1),
            Action::Down => pick.selected = (pick.selected + 1).min(2),
            Action::Back => {
                let id = pick.summary.placement.id.clone();
                self.show_home(Some(&id));
            }
            Action::Confirm => {
                let id = pick.summary.placement.id.clone();
                let moment = pick.moment();
                self.open_meeting(&id, moment);
            }
            _ => {}
        }
    }
}

/// How long an emergency save may take: long enough for a save in progress on a slow disk
/// (a USB stick, a network share) to finish rather than be cut off.
pub const RESCUE_LIMIT: Duration = Duration::from_secs(5);

/// What the new-placement form holds, as typed.
fn placement_draft(form: &Form) -> PlacementDraft {
    PlacementDraft {
        student: form.text(0),
        programme: form.text(1),
        level: form.text(2),
        company: form.text(3),
        trainer: form.text(4),
        teacher: form.text(5),
        start: form.text(6),
        end: form.text(7),
        end_of_file: true,
    }
}

fn now() -> NaiveDateTime {
    Local::now()
        .naive_local()
        .with_nanosecond(0)
        .unwrap_or_else(|| Local::now().naive_local())
}
