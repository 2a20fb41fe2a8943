//! The ways to prepare a meeting: the trainer or the student fills it in here, their
//! plain-text form goes onto the clipboard or into an e-mail, or a filled form that came back
//! is pasted in. Each answer has a digit, as on every question.

use std::process::{Command, Stdio};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget as _;

use crate::clipboard::copy_to_clipboard;
use crate::domain::preparation::Preparer;
use crate::domain::{Moment, Placement};
use crate::export::{mail_subject, mailto_url, preparation_form};
use crate::i18n::{Texts, fill};
use crate::tui::action::Action;
use crate::tui::keys::KeyContext;
use crate::tui::page::{Next, Page, Services, ViewCx};
use crate::tui::screens::choice::ChoiceScreen;
use crate::tui::screens::import::ImportState;
use crate::tui::screens::prepare::PrepareState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    /// The trainer or the student prepares here, in the program.
    Here(Preparer),
    /// Their plain-text form onto the clipboard.
    Copy(Preparer),
    /// The trainer's form as an e-mail draft to their address.
    Mail,
    /// A filled form that came back, pasted in.
    Paste,
}

pub struct PrepMenu {
    placement: Placement,
    moment: Moment,
    title: String,
    lines: Vec<String>,
    ways: Vec<(&'static str, Way)>,
}

impl PrepMenu {
    pub fn open(id: &str, moment: Moment, s: &Services) -> Result<Self, String> {
        let t = s.t;
        let placement = s.store.placement(id).map_err(|e| e.describe(t))?;
        let mut ways = vec![
            (t.prep_menu_trainer_here, Way::Here(Preparer::Trainer)),
            (t.prep_menu_student_here, Way::Here(Preparer::Student)),
            (t.prep_menu_copy_trainer, Way::Copy(Preparer::Trainer)),
            (t.prep_menu_copy_student, Way::Copy(Preparer::Student)),
            (t.prep_menu_paste, Way::Paste),
        ];
        if !placement.trainer_email.trim().is_empty() {
            ways.push((t.prep_menu_mail, Way::Mail));
        }
        let (trainer, student) = s.store.preparations(id, moment);
        let mut lines = vec![fill(t.prep_menu_body, &[t.moment_after_the(moment)])];
        for (who, day) in [
            (Preparer::Trainer, trainer.map(|p| p.prepared_on)),
            (Preparer::Student, student.map(|p| p.prepared_on)),
        ] {
            if let Some(day) = day {
                let day = day.map_or_else(|| t.unknown.to_string(), |d| t.date(d));
                lines.push(fill(t.prep_menu_has, &[t.role(who.role()), &day]));
            }
        }
        Ok(Self {
            title: fill(t.prep_menu_title, &[&placement.student]),
            placement,
            moment,
            lines,
            ways,
        })
    }

    fn take(&self, way: Way, s: &Services) -> Next {
        let id = &self.placement.id;
        match way {
            Way::Here(by) => Next::replace_or_say(PrepareState::open(id, self.moment, by, s)),
            Way::Copy(by) => self.copy_form(by, s),
            Way::Mail => self.mail_form(s),
            Way::Paste => {
                let expected = Some((id.clone(), self.moment));
                Next::Replace(Box::new(ImportState::new(s.t.import_placeholder, expected)))
            }
        }
    }

    /// The plain-text form for `by`, in the language they are addressed in.
    fn form_text(&self, by: Preparer, s: &Services) -> String {
        let lang = by.addressed_in(&self.placement, s.lang);
        let title = s.guides.for_language(lang).map_or_else(
            || self.moment.code().to_string(),
            |g| g.moment(self.moment).title.clone(),
        );
        preparation_form(&self.placement, self.moment, by, lang, &title)
    }

    /// The form onto the clipboard, to paste into an e-mail.
    fn copy_form(&self, by: Preparer, s: &Services) -> Next {
        let t = s.t;
        match copy_to_clipboard(&self.form_text(by, s)) {
            Ok(()) => Next::Say(fill(t.prep_form_copied, &[t.role(by.role())]), false),
            Err(e) => Next::Say(fill(t.copy_failed, &[&e.to_string()]), true),
        }
    }

    /// The trainer's form as an e-mail draft in the mail program; where none opens (over
    /// ssh, no desktop), the form goes onto the clipboard instead.
    fn mail_form(&self, s: &Services) -> Next {
        let t = s.t;
        let form = self.form_text(Preparer::Trainer, s);
        let lang = Preparer::Trainer.addressed_in(&self.placement, s.lang);
        let subject = mail_subject(&self.placement, self.moment, lang);
        let address = self.placement.trainer_email.trim();
        let url = mailto_url(address, &subject, &form);
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let opened = Command::new(opener)
            .arg(&url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if opened {
            Next::Say(fill(t.prep_mail_opened, &[address]), false)
        } else if copy_to_clipboard(&form).is_ok() {
            Next::Say(t.prep_mail_failed_copied.into(), true)
        } else {
            Next::Say(t.prep_mail_failed.into(), true)
        }
    }
}

impl Page for PrepMenu {
    fn context(&self) -> KeyContext {
        KeyContext::Question
    }

    fn offers(&self, action: Action) -> bool {
        match action {
            Action::Choose(n) => n <= self.ways.len(),
            _ => true,
        }
    }

    fn update(&mut self, action: Action, s: &Services) -> Next {
        match action {
            Action::Choose(n) => match n.checked_sub(1).and_then(|i| self.ways.get(i)) {
                Some(&(_, way)) => self.take(way, s),
                None => Next::Stay,
            },
            Action::Back => Next::Back,
            _ => Next::Stay,
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &ViewCx) {
        ChoiceScreen {
            title: &self.title,
            lines: &self.lines,
            labels: self.ways.iter().map(|(label, _)| *label).collect(),
            theme: cx.theme,
        }
        .render(area, buf);
    }

    fn help(&self, t: &'static Texts) -> &'static str {
        t.help_choice
    }

    fn placement_id(&self) -> Option<&str> {
        Some(&self.placement.id)
    }

    fn moment(&self) -> Option<Moment> {
        Some(self.moment)
    }
}
