//! The placement form: a new placement, or the details of one to change. It keeps what is
//! typed through a closed window, checks it before storing, says once when the placement
//! looks like one that exists, and asks before writing over a version stored meanwhile.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::domain::placement::{PlacementProblem, could_be_email, similar};
use crate::domain::placement_change::{Detail, differences, merged};
use crate::domain::text::printable;
use crate::domain::{Lang, Placement, PlacementDraft};
use crate::i18n::{Texts, fill};
use crate::store::forms::KeptForm;
use crate::tui::action::Action;
use crate::tui::dates::{parse_date, show_date};
use crate::tui::form::{Field, FieldName, Form, render_form};
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};
use crate::tui::screens::pick::PickState;
use crate::tui::screens::question::Question;
use crate::tui::theme::Theme;

pub struct PlacementFormState {
    pub form: Form,
    /// The placement being changed; none for a new one.
    pub editing: Option<Placement>,
    /// The teacher was told the placement looks like one that exists, and saves anyway.
    pub similar_seen: bool,
    /// Where what is typed in the form is kept until it is stored, held for this window.
    pub kept: Option<KeptForm>,
    /// Said as the form opens: brought back as it was left, or why it keeps nothing.
    opening: Option<(String, bool)>,
}

/// The answers to "changed in another window", in the order they are shown.
const SHOW_BOTH: usize = 1;
const KEEP_MINE: usize = 2;
const TAKE_THEIRS: usize = 3;

impl PlacementFormState {
    /// An empty form for a new placement.
    pub fn for_new(s: &Services) -> Self {
        let mut form = Self::new(&PlacementDraft::default(), None, s.t, s.theme);
        match s.store.new_placement_form() {
            Ok(kept) => form.kept = Some(kept),
            // The form still opens; the saver reports the failure once there is text to keep.
            Err(e) => form.opening = Some((e.describe(s.t), true)),
        }
        form
    }

    /// A new-placement form that a window now gone left unfinished, as it was.
    pub fn unfinished(s: &Services) -> Result<Option<Self>, String> {
        match s.store.unfinished_placement_form() {
            Ok(Some((kept, draft))) => {
                let mut form = Self::new(&draft, None, s.t, s.theme);
                form.form.mark_edited();
                form.kept = Some(kept);
                form.opening = Some((s.t.form_restored.into(), false));
                Ok(Some(form))
            }
            Ok(None) => Ok(None),
            Err(e) => Err(e.describe(s.t)),
        }
    }

    /// The details of placement `id`, to change. What an earlier window typed here and never
    /// stored comes back, so a closed window loses nothing; a second window on the same form
    /// keeps nothing of its own, and a save from either is checked against the file.
    pub fn edit(id: &str, s: &Services) -> Result<Self, String> {
        let t = s.t;
        let placement = s.store.placement(id).map_err(|e| e.describe(t))?;
        let show = |d: Option<chrono::NaiveDate>| d.map(|d| show_date(t, d)).unwrap_or_default();
        let draft = PlacementDraft {
            student: placement.student.clone(),
            programme: placement.programme.clone(),
            level: placement.level.clone(),
            company: placement.company.clone(),
            trainer: placement.trainer.clone(),
            teacher: placement.teacher.clone(),
            start: show(placement.start),
            end: show(placement.end),
            trainer_email: placement.trainer_email.clone(),
            trainer_language: placement.trainer_language,
            end_of_file: true,
        };
        let (kept, earlier, opening) = match s.store.open_edit_form(id) {
            Ok(Some((kept, earlier))) => {
                let restored = earlier
                    .is_some()
                    .then(|| (t.form_restored.to_string(), false));
                (Some(kept), earlier, restored)
            }
            Ok(None) => (None, None, Some((t.edit_form_open_elsewhere.into(), true))),
            Err(e) => (None, None, Some((e.describe(t), true))),
        };
        let mut form = Self::new(
            earlier.as_ref().unwrap_or(&draft),
            Some(placement),
            t,
            s.theme,
        );
        if earlier.is_some() {
            form.form.mark_edited();
        }
        form.kept = kept;
        form.opening = opening;
        Ok(form)
    }

    pub fn new(
        draft: &PlacementDraft,
        editing: Option<Placement>,
        t: &Texts,
        theme: &Theme,
    ) -> Self {
        let text = |name, label, value: &str, hint| Field::text(name, label, value, hint, 1);
        let fields = vec![
            text(FieldName::Student, t.form_student, &draft.student, ""),
            text(FieldName::Programme, t.form_programme, &draft.programme, ""),
            text(FieldName::Level, t.form_level, &draft.level, ""),
            text(FieldName::Company, t.form_company, &draft.company, ""),
            text(FieldName::Trainer, t.form_trainer, &draft.trainer, ""),
            text(FieldName::Teacher, t.form_teacher, &draft.teacher, ""),
            text(
                FieldName::Start,
                t.form_start,
                &draft.start,
                t.form_date_hint,
            ),
            text(FieldName::End, t.form_end, &draft.end, t.form_date_hint),
            text(
                FieldName::TrainerEmail,
                t.form_trainer_email,
                &draft.trainer_email,
                t.form_trainer_email_hint,
            ),
            Field::choice(
                FieldName::TrainerLanguage,
                t.form_trainer_language,
                vec![
                    t.form_language_same.into(),
                    "Nederlands".into(),
                    "English".into(),
                ],
                match draft.trainer_language {
                    None => 0,
                    Some(Lang::Nl) => 1,
                    Some(Lang::En) => 2,
                },
            ),
        ];
        let title = if editing.is_some() {
            t.form_edit_placement
        } else {
            t.form_new_placement
        };
        Self {
            form: Form::new(title, fields, theme),
            editing,
            similar_seen: false,
            kept: None,
            opening: None,
        }
    }

    /// What the form holds, as typed.
    pub fn draft(&self) -> PlacementDraft {
        let f = &self.form;
        PlacementDraft {
            student: f.text(FieldName::Student),
            programme: f.text(FieldName::Programme),
            level: f.text(FieldName::Level),
            company: f.text(FieldName::Company),
            trainer: f.text(FieldName::Trainer),
            teacher: f.text(FieldName::Teacher),
            start: f.text(FieldName::Start),
            end: f.text(FieldName::End),
            trainer_email: f.text(FieldName::TrainerEmail),
            trainer_language: match f.choice(FieldName::TrainerLanguage) {
                Some(1) => Some(Lang::Nl),
                Some(2) => Some(Lang::En),
                _ => None,
            },
            end_of_file: true,
        }
    }
}

impl PlacementFormState {
    /// Stores the form: checked first, and when it looks like a placement that exists, said
    /// once before a second folder is made for it. When the placement was changed elsewhere
    /// since the form opened, asks first (`keep_mine` is the answer to keep mine).
    fn store(&mut self, keep_mine: bool, s: &Services) -> Next {
        let t = s.t;
        let existing = if self.similar_seen {
            Vec::new()
        } else {
            s.store.placements().0
        };
        let Some(mut placement) = self.typed(s) else {
            return Next::Stay;
        };
        if let Some(like) = similar(&placement, &existing).first() {
            let period = match (like.start, like.end) {
                (Some(a), Some(b)) => format!(", {} – {}", show_date(t, a), show_date(t, b)),
                _ => String::new(),
            };
            let about = format!("{} ({}{period})", like.student, like.company);
            self.form.error = Some(fill(t.placement_similar, &[&about]));
            self.similar_seen = true;
            return Next::Stay;
        }
        let base = self.editing.clone();
        let mut kept_theirs = None;
        if let Some(base) = &base
            && let Ok(theirs) = s.store.placement(&base.id)
            && theirs != *base
        {
            if !keep_mine {
                return Next::Push(Box::new(changed_elsewhere(&placement, &theirs, t)));
            }
            match s.store.keep_placement_copy(&base.id) {
                Ok(path) => kept_theirs = Some(path),
                Err(e) => return self.problem(e.describe(t)),
            }
            placement = merged(base, &placement, &theirs);
        }
        let saved = if base.is_some() {
            s.store.update_placement(&placement)
        } else {
            s.store.create_placement(placement)
        };
        match saved {
            Ok(saved) => {
                // Stored: the form's own unfinished copy goes.
                if let Some(kept) = self.kept.take() {
                    s.saver.discard_form(kept);
                }
                if base.is_some() {
                    let said = kept_theirs.map_or_else(
                        || t.placement_saved.to_string(),
                        |path| fill(t.elsewhere_kept_mine, &[&path.display().to_string()]),
                    );
                    Next::BackSaying(said, false)
                } else {
                    Next::Replace(Box::new(PickState::open(&saved.id, s.store)))
                }
            }
            Err(e) => self.problem(e.describe(t)),
        }
    }

    /// The placement as typed, checked; `None` with the problem shown in the form and the
    /// field it is about focused.
    fn typed(&mut self, s: &Services) -> Option<Placement> {
        let (t, theme) = (s.t, s.theme);
        let typed = self.draft();
        let mut dates = [None, None];
        for (slot, (field, text)) in dates.iter_mut().zip([
            (FieldName::Start, &typed.start),
            (FieldName::End, &typed.end),
        ]) {
            match parse_date(text, s.today()) {
                Ok(date) => *slot = date,
                Err(()) => {
                    self.form.error = Some(fill(t.form_bad_date_typed, &[text]));
                    self.form.focus_field(field, theme);
                    return None;
                }
            }
        }
        let base = self.editing.clone().unwrap_or_default();
        let placement = Placement {
            student: typed.student,
            programme: typed.programme,
            level: typed.level,
            company: typed.company,
            trainer: typed.trainer,
            teacher: typed.teacher,
            start: dates[0],
            end: dates[1],
            trainer_email: typed.trainer_email,
            trainer_language: typed.trainer_language,
            ..base
        };
        if let Err(problem) = placement.check() {
            self.form.error = Some(t.placement_problem(problem).into());
            let field = match problem {
                PlacementProblem::NoStudent => FieldName::Student,
                PlacementProblem::EndBeforeStart => FieldName::End,
            };
            self.form.focus_field(field, theme);
            return None;
        }
        let email = placement.trainer_email.trim();
        if !email.is_empty() && !could_be_email(email) {
            self.form.error = Some(fill(t.form_bad_email, &[&printable(email)]));
            self.form.focus_field(FieldName::TrainerEmail, theme);
            return None;
        }
        Some(placement)
    }

    fn problem(&mut self, text: String) -> Next {
        self.form.error = Some(text);
        Next::Stay
    }

    /// Back in the form, with what the other window stored next to what is typed here.
    fn show_both(&mut self, s: &Services) -> Next {
        let t = s.t;
        let Some(mine) = self.typed(s) else {
            return Next::Stay;
        };
        match s.store.placement(&mine.id) {
            Ok(theirs) => {
                let shown: Vec<String> = differences(&mine, &theirs)
                    .into_iter()
                    .map(|d| format!("{} „{}”", detail_label(t, d), detail_value(t, &theirs, d)))
                    .collect();
                self.problem(fill(t.elsewhere_shown, &[&shown.join("; ")]))
            }
            Err(e) => self.problem(e.describe(t)),
        }
    }

    /// The other window's version stays; what was typed here is kept in `set-aside/`.
    fn take_theirs(&mut self, s: &Services) -> Next {
        let t = s.t;
        let Some(mine) = self.typed(s) else {
            return Next::Stay;
        };
        match s.store.keep_placement_version(&mine) {
            Ok(path) => {
                let shown = path.display().to_string();
                Next::BackSaying(fill(t.elsewhere_took_theirs, &[&shown]), false)
            }
            Err(e) => self.problem(e.describe(t)),
        }
    }
}

impl Page for PlacementFormState {
    fn context(&self) -> KeyContext {
        if self.form.is_text_focused() {
            KeyContext::FormText
        } else {
            KeyContext::FormChoice
        }
    }

    fn offers(&self, action: Action) -> bool {
        self.form.offers(action)
    }

    fn update(&mut self, action: Action, s: &Services) -> Next {
        let theme = s.theme;
        match action {
            Action::Back if self.form.may_discard(s.t.form_unsaved) => {
                // Thrown away on purpose (a second Esc): it must not come back, yet what it
                // kept is set aside, never erased.
                if let Some(kept) = self.kept.take() {
                    s.saver.set_aside_form(kept);
                }
                return Next::Back;
            }
            Action::NextField | Action::MoveOn => self.form.focus_next(theme),
            Action::PrevField => self.form.focus_prev(theme),
            Action::Type(key) if self.form.type_key(key) => self.similar_seen = false,
            Action::TypeAside(key) => {
                if let Some(label) = self.form.type_aside(key, theme) {
                    self.similar_seen = false;
                    let field = fill(s.t.aside_field, &[label.trim_end_matches(':')]);
                    return Next::Say(fill(s.t.typed_aside, &[&field]), false);
                }
            }
            Action::SaveForm | Action::SaveFromLastField => return self.store(false, s),
            _ => {}
        }
        Next::Stay
    }

    fn answered(&mut self, answer: usize, s: &Services) -> Next {
        match answer {
            SHOW_BOTH => self.show_both(s),
            KEEP_MINE => self.store(true, s),
            TAKE_THEIRS => self.take_theirs(s),
            _ => Next::Stay,
        }
    }

    /// What changed goes to the form's kept copy, so a closed window loses nothing.
    fn settle(&mut self, s: &Services) {
        if self.form.take_changed()
            && let Some(kept) = &self.kept
        {
            s.saver.save_new_placement(kept, &self.draft());
        }
    }

    fn paste(&mut self, text: &str) {
        self.form.paste(text);
    }

    fn opening_words(&mut self, _t: &'static Texts) -> Option<(String, bool)> {
        self.opening.take()
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        render_form(&self.form, None, area, buf, cx.theme);
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_form
    }

    fn placement_id(&self) -> Option<&str> {
        self.editing.as_ref().map(|e| e.id.as_str())
    }
}

/// Asks what to do with a placement changed elsewhere since the form opened, showing each
/// detail as typed here and as stored there. Nothing is written until answered.
fn changed_elsewhere(mine: &Placement, theirs: &Placement, t: &'static Texts) -> Question {
    let mut lines = vec![fill(t.elsewhere_body, &[&printable(&theirs.student)])];
    for detail in differences(mine, theirs) {
        lines.push(fill(
            t.elsewhere_line,
            &[
                detail_label(t, detail),
                &detail_value(t, mine, detail),
                &detail_value(t, theirs, detail),
            ],
        ));
    }
    let mut labels = vec![""; 3];
    labels[SHOW_BOTH - 1] = t.elsewhere_show_both;
    labels[KEEP_MINE - 1] = t.elsewhere_keep_mine;
    labels[TAKE_THEIRS - 1] = t.elsewhere_take_theirs;
    Question {
        title: t.elsewhere_title.to_string(),
        lines,
        labels,
    }
}

fn detail_label(t: &Texts, detail: Detail) -> &'static str {
    match detail {
        Detail::Student => t.form_student,
        Detail::Programme => t.form_programme,
        Detail::Level => t.form_level,
        Detail::Company => t.form_company,
        Detail::Trainer => t.form_trainer,
        Detail::Teacher => t.form_teacher,
        Detail::Start => t.form_start,
        Detail::End => t.form_end,
        Detail::TrainerEmail => t.form_trainer_email,
        Detail::TrainerLanguage => t.form_trainer_language,
    }
}

/// A detail as the form shows it, harmless to print; "(leeg)" when there is none.
fn detail_value(t: &Texts, placement: &Placement, detail: Detail) -> String {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| show_date(t, d)).unwrap_or_default();
    let text = match detail {
        Detail::Student => placement.student.clone(),
        Detail::Programme => placement.programme.clone(),
        Detail::Level => placement.level.clone(),
        Detail::Company => placement.company.clone(),
        Detail::Trainer => placement.trainer.clone(),
        Detail::Teacher => placement.teacher.clone(),
        Detail::Start => date(placement.start),
        Detail::End => date(placement.end),
        Detail::TrainerEmail => placement.trainer_email.clone(),
        Detail::TrainerLanguage => match placement.trainer_language {
            None => t.form_language_same.to_string(),
            Some(Lang::Nl) => "Nederlands".to_string(),
            Some(Lang::En) => "English".to_string(),
        },
    };
    if text.is_empty() {
        t.elsewhere_empty.to_string()
    } else {
        printable(&text).into_owned()
    }
}
