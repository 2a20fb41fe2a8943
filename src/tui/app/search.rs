//! Search from the home screen, and opening what it found where it stands: a held record at
//! the part that matched, a meeting in progress, or the placement's moments.

use crate::export::export_story;
use ratatui::widgets::{Paragraph, Wrap};

use super::App;
use crate::domain::KeyId;
use crate::domain::company::CompanyView;
use crate::domain::search::Part;
use crate::domain::story::Story;
use crate::export::outline::{Section, Variant, outline};
use crate::i18n::fill;
use crate::store::index::Hit;
use crate::tui::app::Screen;
use crate::tui::record_text::outline_lines_with_sections;
use crate::tui::screens::company::CompanyState;
use crate::tui::screens::search::SearchState;
use crate::tui::screens::story::StoryState;
use crate::tui::screens::view::ViewState;

impl App {
    /// Opens search with `typed` in it; the index is brought up to date first, so what
    /// changed in another window or by hand is found too.
    pub(super) fn open_search(&mut self, typed: &str) {
        let today = crate::store::today();
        match self.store.fresh_index(today, &mut |_, _| {}) {
            Ok((index, _)) => {
                let state = SearchState::new(index, typed, self.texts, &self.theme, today);
                self.push(Screen::Search(Box::new(state)));
            }
            Err(e) => {
                self.message = Some((fill(self.texts.search_failed, &[&e.to_string()]), true));
            }
        }
    }

    /// A placement's story, from its files as they are now.
    pub(super) fn open_story(&mut self, id: &str) {
        let placement = match self.store.placement(id) {
            Ok(p) => p,
            Err(e) => return self.message = Some((e.describe(self.texts), true)),
        };
        let (records, errors) = self.store.records(id);
        if let Some(first) = errors.first() {
            self.message = Some((first.describe(self.texts), true));
        }
        let key_titles = KeyId::ALL.map(|key| {
            self.guides
                .for_language(self.lang)
                .map_or_else(|| key.code().to_string(), |g| g.key_title(key).to_string())
        });
        self.push(Screen::Story(Box::new(StoryState {
            placement,
            story: Story::new(records),
            key_titles,
            scroll: 0,
            printed: None,
        })));
    }

    /// Writes the story on screen as a page to print, in the interface's language, and shows
    /// where it went.
    pub(super) fn print_story(&mut self) {
        let t = self.texts;
        let Screen::Story(story) = self.screen() else {
            return;
        };
        let Some(guide) = self.guides.for_language(self.lang) else {
            return self.message = Some((t.err_no_guide.into(), true));
        };
        match export_story(
            &self.store,
            &self.export_dir,
            &story.placement,
            &story.story,
            guide,
        ) {
            Ok(path) => {
                let path = std::path::absolute(&path).unwrap_or(path);
                self.message = None;
                if let Screen::Story(story) = self.screen_mut() {
                    story.printed = Some(path);
                }
            }
            Err(e) => self.message = Some((e.describe(t), true)),
        }
    }

    /// The view of placement `id`'s company: every placement there, read from its files.
    pub(super) fn open_company(&mut self, id: &str) {
        let t = self.texts;
        let found = self
            .store
            .placement(id)
            .map_err(|e| e.describe(t))
            .and_then(|p| {
                self.store
                    .fresh_index(crate::store::today(), &mut |_, _| {})
                    .and_then(|(index, _)| index.companies(&p.company))
                    .map_err(|e| fill(t.search_failed, &[&e.to_string()]))
            });
        let ids = match found {
            Ok(mut companies) if companies.len() == 1 => companies.remove(0).1,
            Ok(_) => return self.message = Some((t.company_unnamed.into(), true)),
            Err(said) => return self.message = Some((said, true)),
        };
        let placements = ids
            .iter()
            .filter_map(|id| Some((self.store.placement(id).ok()?, self.store.records(id).0)))
            .collect();
        self.push(Screen::Company(Box::new(CompanyState {
            view: CompanyView::new(placements),
            scroll: 0,
        })));
    }

    /// A held record opens read-only at the part that matched; a meeting still in progress
    /// opens to go on with; a name, or a preparation of a meeting not held yet, opens the
    /// placement's moments.
    pub(super) fn open_found(&mut self, hit: &Hit) {
        let Some(moment) = hit.moment else {
            return self.open_pick(&hit.placement);
        };
        let files = self.store.meeting_files_of(&hit.placement, moment);
        if files.draft.as_ref().is_ok_and(Option::is_some) {
            return self.open_meeting(&hit.placement, moment);
        }
        match files.record {
            Ok(Some(record)) => {
                let scroll = self.rows_before(&record, hit.part);
                self.push(Screen::View(Box::new(ViewState {
                    record,
                    scroll,
                    exported: None,
                    read_only: false,
                })));
            }
            Ok(None) => self.open_pick(&hit.placement),
            Err(e) => self.message = Some((e.describe(self.texts), true)),
        }
    }

    /// How far the record's view is scrolled for `part` to stand at the top, at the width
    /// the screen had when last drawn.
    fn rows_before(&self, record: &crate::domain::MeetingRecord, part: Part) -> u16 {
        let section = match part {
            Part::Key(key) => Section::Key(key),
            Part::Agreements => Section::Agreements,
            Part::Private => Section::Private,
            Part::Preparation(_) => Section::Preparation,
            Part::Placement => return 0,
        };
        let Some(guide) = self.guides.for_record(&record.guide.id, self.lang) else {
            return 0;
        };
        let (lines, starts) =
            outline_lines_with_sections(&outline(record, guide, Variant::Full), &self.theme);
        let Some(&(_, at)) = starts.iter().find(|(s, _)| *s == section) else {
            return 0;
        };
        let width = self.viewport.map_or(80, |(w, _)| w);
        let rows = Paragraph::new(lines[..at].to_vec())
            .wrap(Wrap { trim: false })
            .line_count(width);
        u16::try_from(rows).unwrap_or(u16::MAX)
    }
}
