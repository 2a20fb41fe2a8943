//! The application: the shared services, the stack of screens the user walked through, and
//! the routing of keys to the screen on top. Each screen decides what a key means there; the
//! `App` carries out what needs the services (`Effect`).

use std::time::{Duration, Instant};

use chrono::Timelike as _;
use chrono::{Local, NaiveDateTime};
use ratatui::crossterm::event::KeyEvent;

mod agenda;
mod found;
mod meeting;
mod navigate;
mod open;
mod outside;
mod placements;
mod preparation;
mod rescued;
mod saving;
mod stack;

pub use super::page::ViewCx;
pub use stack::Screen;

use super::action::Action;
use super::effect::Effect;
use super::keys::{KeyContext, action_for};
use super::meeting::{Cx, Phase};
use super::page::{Next, Page, Services};
use super::screens::help::HelpLayer;
use super::screens::home::HomeScreen;
use super::screens::quit_question::QuitQuestion;
use super::theme::Theme;
use crate::domain::Moment;
use crate::i18n::{Lang, Texts, fill};
use crate::store::Store;
use crate::store::guides::Guides;
use crate::store::index::Overview;
use crate::store::saver::{DraftSaver, Rescued};

pub struct App {
    pub lang: Lang,
    pub texts: &'static Texts,
    pub theme: Theme,
    pub store: Store,
    pub guides: Guides,
    saver: DraftSaver,
    /// The screens the user came through; the last one has the keyboard. Never empty.
    pub screens: Vec<Screen>,
    /// A one-line message for the user, and whether it is a warning.
    pub message: Option<(String, bool)>,
    /// The saver's last failure, shown until a save succeeds.
    pub save_failure: Option<String>,
    pub demo: bool,
    pub quit: bool,
    /// When Ctrl+C was pressed once: a second press soon after quits.
    interrupted_at: Option<Instant>,
    /// The terminal's size at the last draw; keys do nothing while it is too small to show
    /// what they would do.
    pub viewport: Option<(u16, u16)>,
    /// Lines to print after the screen is restored, such as where rescued text went.
    pub exit_notes: Vec<String>,
    /// The placement whose summary on the home list may be out of date.
    stale_placement: Option<String>,
    /// Where exports go: a folder the teacher can find (see `Settings::export_dir`).
    pub export_dir: std::path::PathBuf,
    /// Changes made outside the program, and the list of placements read again after them.
    live: super::live::Live,
    /// Something changed outside while the list was not on screen: read it again there.
    outside_changed: bool,
    /// What the last reading of the list said was wrong, while it is still said.
    overview_said: Option<String>,
    /// Started for one preparation (`stagegesprek prepare`), perhaps by the trainer or the
    /// student at the teacher's computer: leaving it ends the program rather than showing
    /// the teacher's other students.
    only_preparation: bool,
    /// Sharing with the team, when the data folder is a team archive.
    team: super::team_sync::TeamSync,
    /// Share after each finished meeting (`sync_after_meeting: true` in the config).
    sync_after_meeting: bool,
    /// Who I am in a team archive: the list can show only my placements.
    me: Option<String>,
}

/// How long after a first Ctrl+C a second one quits.
const INTERRUPT_WINDOW: Duration = Duration::from_secs(3);

impl App {
    /// The program as it starts: the list of placements.
    pub fn new(store: Store, guides: Guides, lang: Lang, theme: Theme) -> Self {
        let overview = store.overview(crate::store::today(), &mut |_, _| {});
        Self::showing(store, guides, lang, theme, overview)
    }

    /// `new`, with the list of placements already read (with progress shown while the index
    /// was first built), so it is not read twice.
    pub fn showing(
        store: Store,
        guides: Guides,
        lang: Lang,
        theme: Theme,
        overview: Overview,
    ) -> Self {
        let mut app = Self::bare(store, guides, lang, theme);
        app.screens = vec![app.home_from(overview)];
        app.offer_what_was_left();
        app
    }

    /// The program as it starts over a large archive, while `reading` compares the list with
    /// the files (or first builds the index): the `first` rows as the index last saw them are
    /// shown meanwhile, or how far the building has come, and the list fills in when done.
    pub fn reading(
        store: Store,
        guides: Guides,
        lang: Lang,
        theme: Theme,
        reading: std::sync::mpsc::Receiver<super::live::Reading>,
        first: Vec<crate::domain::summary::PlacementSummary>,
    ) -> Self {
        let mut app = Self::bare(store, guides, lang, theme);
        app.screens = vec![app.home_of(first, true)];
        app.live.follow(reading);
        app.offer_what_was_left();
        app
    }

    /// What an earlier session left unfinished or rescued, asked about at the start.
    fn offer_what_was_left(&mut self) {
        self.offer_unfinished_placement();
        self.offer_unfinished_preparation();
        self.offer_rescued();
    }

    /// Straight into a meeting (`stagegesprek meet`): the list of placements is only read
    /// if the teacher goes back to it.
    pub fn opening(
        store: Store,
        guides: Guides,
        lang: Lang,
        theme: Theme,
        id: &str,
        moment: Moment,
    ) -> Self {
        let mut app = Self::bare(store, guides, lang, theme);
        app.open_meeting(id, moment);
        app.with_parent_of(id)
    }

    /// Straight into preparing a meeting (`stagegesprek prepare`), addressed to `by`.
    pub fn preparing(
        store: Store,
        guides: Guides,
        lang: Lang,
        theme: Theme,
        id: &str,
        moment: Moment,
        by: crate::domain::preparation::Preparer,
    ) -> Self {
        let mut app = Self::bare(store, guides, lang, theme);
        app.only_preparation = true;
        app.prepare(id, moment, by);
        app.with_parent_of(id)
    }

    /// When opening directly failed (a question refused, nothing to show), the placement's
    /// list of meetings is what remains on screen.
    fn with_parent_of(mut self, id: &str) -> Self {
        if self.screens.is_empty() {
            let pick = self.pick_screen(id);
            self.screens.push(pick);
        }
        self
    }

    fn bare(store: Store, guides: Guides, lang: Lang, theme: Theme) -> Self {
        let saver = DraftSaver::start(store.clone());
        let store_for_watch = store.clone();
        let mut app = Self {
            lang,
            texts: super::key_words::texts_with_keys(lang),
            theme,
            store,
            guides,
            saver,
            screens: Vec::new(),
            message: None,
            save_failure: None,
            demo: false,
            quit: false,
            interrupted_at: None,
            viewport: None,
            exit_notes: Vec::new(),
            stale_placement: None,
            export_dir: crate::store::config::Settings::default_export_dir(),
            live: super::live::Live::watch(&store_for_watch),
            outside_changed: false,
            overview_said: None,
            only_preparation: false,
            team: super::team_sync::TeamSync::off(&store_for_watch),
            sync_after_meeting: false,
            me: None,
        };
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
        app
    }

    /// Who shares from here, and whether after each finished meeting (from the config).
    pub fn share_as(&mut self, who: crate::team::Who, after_meeting: bool) {
        self.me = Some(who.name.clone());
        self.team = super::team_sync::TeamSync::new(&self.store, who);
        self.sync_after_meeting = after_meeting;
        self.show_team_word();
    }

    /// Starts sharing with the team, off this thread; says so at once.
    pub(super) fn share(&mut self) {
        if self.team.is_team() {
            self.team.start(&self.store, self.texts);
            self.show_team_word();
        }
    }

    /// The word for sharing, on the list wherever it is in the stack.
    fn show_team_word(&mut self) {
        let word = self.team.word(self.texts);
        for screen in &mut self.screens {
            if let Screen::Home(home) = screen {
                home.team.clone_from(&word);
                home.me.clone_from(&self.me);
            }
        }
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

    pub fn screen(&self) -> &Screen {
        self.screens
            .last()
            .expect("the screen stack is never empty")
    }

    fn screen_mut(&mut self) -> &mut Screen {
        self.screens
            .last_mut()
            .expect("the screen stack is never empty")
    }

    pub fn context(&self) -> KeyContext {
        self.screen().context()
    }

    /// Whether `action` does something now; the footer shows only those.
    pub fn offers(&self, action: Action) -> bool {
        if let (Action::PageUp | Action::PageDown, Screen::Meeting(m)) = (action, self.screen())
            && self.context() == KeyContext::MeetingNotes
        {
            // Scrolling is offered only when the box above the notes hides something. The
            // footer's height is reckoned with these keys in it.
            let body = self.body_area(&|a| {
                matches!(a, Action::PageUp | Action::PageDown) || self.screen().offers(a)
            });
            return match body.and_then(|b| m.panel_rows(b, self.texts, &self.theme)) {
                Some((shown, needed)) => needed > shown,
                None => self.screen().offers(action),
            };
        }
        if let (Action::PageUp | Action::PageDown, Screen::Home(h)) = (action, self.screen()) {
            let body = self.body_area(&|a| {
                matches!(a, Action::PageUp | Action::PageDown) || self.screen().offers(a)
            });
            let home = HomeScreen {
                state: h,
                texts: self.texts,
                theme: &self.theme,
            };
            if let Some(body) = body {
                return h.offers(action) && home.hides_rows(body);
            }
        }
        self.screen().offers(action)
    }

    /// Whether a layer (help) covers the screen: what is typed then goes nowhere.
    fn covered(&self) -> bool {
        matches!(self.screen(), Screen::Page(p) if p.is_layer())
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
            if action_for(KeyContext::Help, key, |_| true) == Some(Action::Interrupt) {
                self.update(Action::Interrupt);
            }
            return;
        }
        if let Some(action) = action_for(self.context(), key, |a| self.offers(a)) {
            self.update(action);
        }
    }

    /// Pasted text arrives as one edit, wherever text can go.
    pub fn handle_paste(&mut self, text: &str) {
        if self.too_small() || self.covered() {
            return;
        }
        let text = super::pasted::line_breaks(text);
        let theme = self.theme;
        match self.screen_mut() {
            Screen::Meeting(m) if m.phase == Phase::Conversation => {
                if let Some(form) = m.popup_form() {
                    form.paste(&text);
                } else if m.popup.is_none() {
                    m.paste(&text, &theme);
                }
            }
            Screen::Page(p) => p.paste(&text),
            _ => {}
        }
        self.hand_over_changes();
    }

    /// Drains what the saver reported. Called on every turn of the run loop; true when
    /// there was something, so the screen must be drawn again.
    pub fn tick(&mut self) -> bool {
        let mut any = false;
        for event in self.saver.events() {
            self.apply_save_event(event);
            any = true;
        }
        any |= self.take_in_new_preparations();
        any |= self.take_in_outside_changes();
        if let Some(said) = self.team.take_in(&self.store, self.texts) {
            self.message = Some(said);
            any = true;
        }
        let word = self.team.word(self.texts);
        if self
            .screens
            .iter()
            .any(|s| matches!(s, Screen::Home(h) if h.team != word))
        {
            self.show_team_word();
            any = true;
        }
        any
    }

    /// What on screen changes with time alone: the meeting's clock and the minute. The run
    /// loop draws again only when this changed or something happened, so a screen nobody
    /// touches does no work.
    pub fn face(&self) -> (Option<u64>, u64) {
        let clock = match self.screen() {
            Screen::Meeting(m) if m.phase == Phase::Conversation => Some(m.seconds_spent()),
            _ => None,
        };
        let minute = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 60);
        (clock, minute)
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => return self.quit_app(),
            Action::Interrupt => return self.interrupt(),
            Action::ToggleHelp if !self.covered() => {
                let help = HelpLayer::new(self.help_lines());
                return self.push(Screen::Page(Box::new(help)));
            }
            _ => {}
        }
        if !matches!(action, Action::Type(_)) {
            self.message = None;
        }
        let body = self.body_area(&|a| self.offers(a));
        if let Some(next) = self.on_page(body, |page, services| page.update(action, services)) {
            return self.follow(next);
        }
        let (t, theme) = (self.texts, self.theme);
        let cx = Cx {
            t,
            theme: &theme,
            now: now(),
            body,
        };
        let effect = self.screen_mut().update(action, &cx);
        self.carry_out(effect);
    }

    /// What a page may use: the shared services, as they are now.
    fn services(&self, body: Option<ratatui::layout::Rect>) -> Services<'_> {
        Services {
            store: &self.store,
            saver: &self.saver,
            guides: &self.guides,
            lang: self.lang,
            t: self.texts,
            theme: &self.theme,
            export_dir: &self.export_dir,
            now: now(),
            body,
        }
    }

    /// Runs `f` on the page on top, if it is one, with the services. The page is taken off
    /// the stack meanwhile, so it and the services can be borrowed at once.
    fn on_page<R>(
        &mut self,
        body: Option<ratatui::layout::Rect>,
        f: impl FnOnce(&mut dyn Page, &Services) -> R,
    ) -> Option<R> {
        if !matches!(self.screens.last(), Some(Screen::Page(_))) {
            return None;
        }
        let Some(Screen::Page(mut page)) = self.screens.pop() else {
            return None;
        };
        let result = f(page.as_mut(), &self.services(body));
        self.screens.push(Screen::Page(page));
        Some(result)
    }

    /// Goes where a page sent the user.
    fn follow(&mut self, next: Next) {
        match next {
            Next::Stay => {}
            Next::Say(text, warning) => self.message = Some((text, warning)),
            Next::Back => self.back(),
            Next::BackSaying(text, warning) => {
                // A session opened for one form tells the terminal what came of it.
                if self.only_preparation {
                    self.exit_notes.push(text.clone());
                }
                self.back();
                self.message = Some((text, warning));
            }
            Next::Close => {
                self.screens.pop();
            }
            Next::Push(page) => self.open_page(page, false),
            Next::Replace(page) => self.open_page(page, true),
            Next::Answer(answer) => {
                self.screens.pop();
                if let Some(next) =
                    self.on_page(None, |page, services| page.answered(answer, services))
                {
                    self.follow(next);
                }
            }
            Next::Effect(effect) => self.carry_out(effect),
        }
    }

    /// Shows `page` on top of the screen, or in its place, with what it says as it opens.
    pub(super) fn open_page(&mut self, mut page: Box<dyn Page>, in_place: bool) {
        if let Some(words) = page.opening_words(self.texts) {
            self.message = Some(words);
        }
        if in_place {
            self.replace(Screen::Page(page));
        } else {
            self.push(Screen::Page(page));
        }
    }

    /// Does what a screen asked for.
    fn carry_out(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Say(text, warning) => self.message = Some((text, warning)),
            Effect::Back => self.back(),
            Effect::Quit => self.quit_app(),
            Effect::RescueAndQuit => self.rescue_and_quit(),
            Effect::SaveNow => self.save_now(),
            Effect::SaveFinal => self.save_final(),
            Effect::Export => self.export_shared(),
            Effect::ExportAgenda => self.export_agenda(),
            Effect::CopyPath => self.copy_export_path(),
            Effect::Share => self.share(),
            Effect::OpenPick(id) => self.open_pick(&id),
            Effect::OpenFound(hit) => self.open_found(&hit),
            Effect::OpenMeeting { id, moment } => self.open_meeting(&id, moment),
            Effect::EditAgain { id, moment } => self.edit_again(&id, moment),
            Effect::AskRemovePlacement(id) => self.ask_remove_placement(&id),
            Effect::AskDiscardDraft(id, moment) => self.ask_discard_draft(&id, moment),
            Effect::SwitchGuideLanguage => self.switch_guide_language(),
            Effect::Answer(intent) => self.answer(intent),
            Effect::Open(opener) => {
                let next = opener(&self.services(None));
                self.follow(next);
            }
        }
    }

    /// Quits once everything is on disk. When the disk will not take it, asks first rather
    /// than leaving with text that exists nowhere else.
    fn quit_app(&mut self) {
        if self.flush_saves() {
            self.quit = true;
            return;
        }
        let reason = self
            .save_failure
            .clone()
            .unwrap_or_else(|| self.texts.unknown.to_string());
        self.ask_before_quitting(reason);
    }

    /// Asks what to do with text the disk would not take, over whatever screen holds it; a
    /// question already asked is asked again with the newer reason.
    fn ask_before_quitting(&mut self, reason: String) {
        if self.screen().context() == KeyContext::QuitQuestion {
            self.screens.pop();
        }
        self.push(Screen::Page(Box::new(QuitQuestion { reason })));
    }

    /// The text that could not be saved goes into a rescue file, and the program ends.
    fn rescue_and_quit(&mut self) {
        match self.saver.handle().rescue(RESCUE_LIMIT) {
            Some(Rescued::Failed(e)) => self.ask_before_quitting(e.describe(self.texts)),
            None => {}
            rescued => {
                self.note_rescue(rescued);
                self.screens.pop();
                self.quit = true;
            }
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

    // ---- the stack ------------------------------------------------------------------------
}

/// How long an emergency save may take: long enough for a save in progress on a slow disk
/// (a USB stick, a network share) to finish rather than be cut off.
pub const RESCUE_LIMIT: Duration = Duration::from_secs(5);

fn now() -> NaiveDateTime {
    Local::now()
        .naive_local()
        .with_nanosecond(0)
        .unwrap_or_else(|| Local::now().naive_local())
}
