//! The meeting and the held-record view: starting one, saving it, exporting it.

use super::{App, Screen};
use crate::clipboard::copy_to_clipboard;
use crate::domain::preparation::Preparer;
use crate::domain::{Lang, MeetingRecord, Moment, RecordStatus};
use crate::export::export_shared_pair;
use crate::i18n::fill;
use crate::store::lock::MeetingLock;
use crate::tui::meeting::{MeetingState, Phase, SaveStatus, Session};

impl App {
    /// Opens `record` for editing, holding `lock`; it is saved into the folder of placement
    /// `id`. It takes the place of a question about it, or comes on top.
    pub(super) fn start_meeting(
        &mut self,
        id: &str,
        mut record: MeetingRecord,
        lock: Option<MeetingLock>,
    ) {
        // Nothing typed yet: nothing holds it to the language it was first opened in.
        let fresh = record.status == RecordStatus::Draft && record.nothing_typed();
        let guide = if fresh {
            self.guides.for_language(self.lang)
        } else {
            None
        };
        let Some(guide) = guide
            .or_else(|| self.guides.for_record(&record.guide.id, self.lang))
            .cloned()
        else {
            if let Some(lock) = lock {
                lock.release();
            }
            self.message = Some((self.texts.err_no_guide.into(), true));
            return;
        };
        if !record.agreed.is_empty() {
            // Editing changes what people agreed to: they are asked again at the read-back.
            self.message = Some((self.texts.consent_cleared.into(), false));
        }
        // What the trainer and the student prepared comes into the record, so the meeting,
        // the read-back and the exports all have it.
        // Looked at before reading, so a preparation arriving in between is still noticed.
        let seen = self.store.preparation_stamps(id, record.moment);
        let (trainer, student) = self.store.preparations(id, record.moment);
        // Not a change of its own: the preparation files stay, and the draft takes them in
        // once something is typed, so opening a meeting leaves nothing behind.
        record.take_in_preparation(Preparer::Trainer, trainer);
        record.take_in_preparation(Preparer::Student, student);
        let moment = record.moment;
        let (mut earlier, _) = self.store.records(id);
        // Last time is what was held: a draft of an earlier meeting was never said at the table.
        earlier.retain(|r| r.moment < record.moment && r.status == RecordStatus::Final);
        earlier.sort_by_key(|r| r.moment);
        let mut state = MeetingState::new(id, record, guide, earlier, self.texts, &self.theme);
        state.session = Session::new(lock);
        state.session.preparations_seen = seen;
        self.show(Screen::Meeting(Box::new(state)));
        if let Some(said) = self.damaged_preparations(id, moment) {
            self.message = Some((said, true));
        }
    }

    /// Names each preparation of meeting `id`/`moment` that is there but cannot be read, and
    /// what to do: it is kept as it is, never shown as if nothing came in.
    fn damaged_preparations(&self, id: &str, moment: Moment) -> Option<String> {
        let t = self.texts;
        let said: Vec<String> = Preparer::ALL
            .into_iter()
            .filter_map(|by| {
                let e = self.store.preparation(id, moment, by).err()?;
                let who = t.role(by.role());
                Some(fill(t.prep_damaged, &[who, &e.describe(t), who]))
            })
            .collect();
        (!said.is_empty()).then(|| said.join(" "))
    }

    /// The open draft's questions in the other language; its notes stay as typed.
    pub(super) fn switch_guide_language(&mut self) {
        let Some(Screen::Meeting(m)) = self.screens.last_mut() else {
            return;
        };
        if m.record.status != RecordStatus::Draft {
            return;
        }
        let other = match m.guide.language {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        };
        let Some(guide) = self.guides.for_language(other).cloned() else {
            self.message = Some((self.texts.err_no_guide.into(), true));
            return;
        };
        m.switch_guide(guide);
        let name = self.texts.language_name(other);
        self.message = Some((fill(self.texts.guide_language_switched, &[name]), false));
    }

    /// Puts `screen` on top, in place of the question that led to it.
    pub(super) fn show(&mut self, screen: Screen) {
        if let Some(Screen::Choice(choice)) = self.screens.last_mut() {
            // The lock the question held now belongs to what replaces it.
            choice.lock.take();
            self.screens.pop();
        }
        self.push(screen);
    }

    pub(super) fn save_now(&mut self) {
        if let Some(Screen::Meeting(m)) = self.screens.last_mut() {
            m.session.touched = true;
            m.session.save_status = SaveStatus::Pending;
            let folder = m.folder.clone();
            self.saver.save_draft(&folder, m.moment(), m.snapshot());
            self.saver.flush();
            self.tick();
        }
    }

    /// A preparation stored while the meeting is open (an import, another window) comes
    /// into the record at once, with a word that it just came in. Up to the final save, so
    /// finishing never leaves one out. True when the files changed, so the screen is drawn.
    pub(super) fn take_in_new_preparations(&mut self) -> bool {
        let t = self.texts;
        let Some(Screen::Meeting(m)) = self.screens.last_mut() else {
            return false;
        };
        if matches!(m.phase, Phase::Finished { .. }) {
            return false;
        }
        let stamps = self.store.preparation_stamps(&m.folder, m.moment());
        if stamps == m.session.preparations_seen {
            return false;
        }
        m.session.preparations_seen = stamps;
        let (trainer, student) = self.store.preparations(&m.folder, m.moment());
        let mut arrived = Vec::new();
        for (by, read) in [(Preparer::Trainer, trainer), (Preparer::Student, student)] {
            if m.record.take_in_preparation(by, read) {
                arrived.push(fill(t.prep_arrived, &[t.role(by.role())]));
            }
        }
        if !arrived.is_empty() && m.phase != Phase::Saving {
            // In the draft too; once saving, the final record holds it instead.
            m.changed();
        }
        let (id, moment) = (m.folder.clone(), m.moment());
        let damaged = self.damaged_preparations(&id, moment);
        let warning = damaged.is_some();
        arrived.extend(damaged);
        if !arrived.is_empty() {
            self.message = Some((arrived.join(" "), warning));
        }
        true
    }

    pub(super) fn save_final(&mut self) {
        let _ = self.take_in_new_preparations();
        if let Some(Screen::Meeting(m)) = self.screens.last_mut()
            && m.phase == Phase::Saving
        {
            let folder = m.folder.clone();
            self.saver.save_final(&folder, m.moment(), &m.record);
        }
    }

    /// Writes the shared version (no private notes) of the finished meeting where the teacher
    /// can find it, in the record's own language, and says where.
    pub(super) fn export_shared(&mut self) {
        let t = self.texts;
        let Screen::Meeting(m) = self.screen() else {
            return;
        };
        let record = m.record.clone();
        if record.status != RecordStatus::Final {
            self.message = Some((t.export_draft_refused.into(), true));
            return;
        }
        let Some(guide) = self.guides.for_record(&record.guide.id, self.lang).cloned() else {
            self.message = Some((t.err_no_guide.into(), true));
            return;
        };
        let written = export_shared_pair(&self.store, &self.export_dir, &record, &guide);
        match written {
            Ok(path) => {
                // The screen shows the path whole, under the record; not again in the
                // status line, where a long one would be cut.
                self.message = None;
                if let Screen::Meeting(m) = self.screen_mut()
                    && let Phase::Finished { exported, .. } = &mut m.phase
                {
                    *exported = Some(path);
                }
            }
            Err(e) => self.message = Some((e.describe(t), true)),
        }
    }

    /// Puts the path of the last export on the clipboard, through the terminal (OSC 52),
    /// which also works over ssh.
    pub(super) fn copy_export_path(&mut self) {
        let t = self.texts;
        let exported = match self.screen() {
            Screen::Meeting(m) => match &m.phase {
                Phase::Finished { exported, .. } => exported.clone(),
                _ => None,
            },
            Screen::Page(p) => p.written().map(std::path::Path::to_path_buf),
            Screen::Home(h) => h.agenda.as_ref().map(|(path, _)| path.clone()),
            _ => None,
        };
        let Some(path) = exported else {
            self.message = Some((t.copy_nothing.into(), true));
            return;
        };
        let shown = path.display().to_string();
        self.message = Some(match copy_to_clipboard(&shown) {
            Ok(()) => (fill(t.copy_done, &[&shown]), false),
            Err(e) => (fill(t.copy_failed, &[&e.to_string()]), true),
        });
    }
}
