//! Words for the domain's values, dates and problems, in the table's language: how a role, a
//! moment, a date or a refused file reads to a person.

use chrono::{Datelike as _, NaiveDate};

use super::{Lang, Texts, fill};
use crate::domain::Moment;
use crate::domain::guide::Addressee;
use crate::domain::guide_check::GuideProblem;
use crate::domain::placement::PlacementProblem;
use crate::domain::preparation::{Preparer, ReplyProblem};
use crate::domain::record::{
    AgreementStatus, ConcernKind, Place, Recognition, RecordStatus, Role, Strategy,
};
use crate::domain::summary::MomentState;

impl Texts {
    /// What the operating system said, in this language where it is one of the common
    /// problems, followed by its own words in brackets for whoever helps.
    pub fn io_problem(&self, error: &std::io::Error) -> String {
        use std::io::ErrorKind;
        let plain = match error.kind() {
            ErrorKind::NotFound => self.io_not_found,
            ErrorKind::PermissionDenied => self.io_no_permission,
            ErrorKind::IsADirectory => self.io_is_folder,
            ErrorKind::NotADirectory => self.io_not_folder,
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => self.io_disk_full,
            ErrorKind::ReadOnlyFilesystem => self.io_read_only,
            ErrorKind::FileTooLarge => self.io_too_large,
            _ => return error.to_string(),
        };
        format!("{plain} ({error})")
    }

    /// A date as people of this language write it: `4-12-2026`, `4 Dec 2026`.
    pub fn date(&self, day: NaiveDate) -> String {
        day.format(self.date_format).to_string()
    }

    /// A date with a short weekday before it: `vr 4-12-2026`, `Fri 4 Dec 2026`.
    pub fn weekday_date(&self, day: NaiveDate) -> String {
        let index = day.weekday().num_days_from_monday() as usize;
        let weekday = self
            .weekdays
            .split_whitespace()
            .nth(index)
            .unwrap_or_default();
        format!("{weekday} {}", self.date(day))
    }

    /// A guide problem in words, without its place (the caller gives `FILE:LINE:COLUMN`).
    pub fn guide_problem(&self, problem: &GuideProblem) -> String {
        match problem {
            GuideProblem::EmptyField(field) => fill(self.guide_empty_field, &[field]),
            GuideProblem::MissingKey(key) => fill(self.guide_missing_key, &[key.code()]),
            GuideProblem::MissingKeyInMoment { key, moment } => self
                .guide_missing_key_in_moment
                .replace("{key}", key.code())
                .replace("{moment}", moment.code()),
            GuideProblem::MissingMoment(moment) => {
                fill(self.guide_missing_moment, &[moment.code()])
            }
            GuideProblem::UnknownName(name) => fill(self.guide_unknown_name, &[name]),
            GuideProblem::PromptCount { count, min, max } => self
                .guide_prompt_count
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string())
                .replace("{count}", &count.to_string()),
            GuideProblem::UnknownCapture(name) => fill(self.guide_unknown_capture, &[name]),
            GuideProblem::CaptureNeedsExamples => self.guide_capture_needs_examples.to_string(),
            GuideProblem::BadId(id) => fill(self.guide_bad_id, &[id]),
            GuideProblem::BadLanguage(code) => fill(self.guide_bad_language, &[code]),
            GuideProblem::BadVersion => self.guide_bad_version.to_string(),
            GuideProblem::Yaml(message) | GuideProblem::Unreadable(message) => message.clone(),
            GuideProblem::MissingText => self.guide_missing_text.to_string(),
            GuideProblem::UnknownAddressee(name) => fill(self.guide_unknown_addressee, &[name]),
            GuideProblem::CoreNotBool(value) => fill(self.guide_core_not_bool, &[value]),
            GuideProblem::TooManyCore { count, max } => self
                .guide_too_many_core
                .replace("{count}", &count.to_string())
                .replace("{max}", &max.to_string()),
            GuideProblem::ChecklistCount { count, min, max } => self
                .guide_checklist_count
                .replace("{min}", &min.to_string())
                .replace("{max}", &max.to_string())
                .replace("{count}", &count.to_string()),
        }
    }

    /// The short label shown before a prompt to say whom it is put to.
    pub const fn addressee(&self, to: Addressee) -> &'static str {
        match to {
            Addressee::Student => self.addressee_student,
            Addressee::Trainer => self.addressee_trainer,
            Addressee::Both => self.addressee_both,
            Addressee::StudentAlone => self.addressee_student_alone,
        }
    }

    /// "1 minute" or "N minutes" for a number of seconds, rounded up.
    pub fn minutes(&self, seconds: u64) -> String {
        match seconds.div_ceil(60) {
            1 => self.md_minute.to_string(),
            n => fill(self.md_minutes, &[&n.to_string()]),
        }
    }

    /// Several roles in a row: "praktijkopleider, student".
    pub fn roles(&self, roles: &[Role]) -> String {
        roles
            .iter()
            .map(|r| self.role(*r))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub const fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Student => self.role_student,
            Role::Trainer => self.role_trainer,
            Role::Teacher => self.role_teacher,
        }
    }

    pub const fn strategy(&self, strategy: Strategy) -> &'static str {
        match strategy {
            Strategy::Showing => self.strategy_showing,
            Strategy::Participating => self.strategy_participating,
            Strategy::Entrusting => self.strategy_entrusting,
        }
    }

    pub const fn recognition(&self, recognition: Recognition) -> &'static str {
        match recognition {
            Recognition::Yes => self.recognition_yes,
            Recognition::Partly => self.recognition_partly,
            Recognition::No => self.recognition_no,
        }
    }

    pub const fn place(&self, place: Place) -> &'static str {
        match place {
            Place::OnSite => self.place_on_site,
            Place::Online => self.place_online,
            Place::AtSchool => self.place_at_school,
        }
    }

    pub const fn record_status(&self, status: RecordStatus) -> &'static str {
        match status {
            RecordStatus::Draft => self.status_draft,
            RecordStatus::Final => self.status_final,
        }
    }

    pub const fn concern_kind(&self, kind: ConcernKind) -> &'static str {
        match kind {
            ConcernKind::SocialSafety => self.concern_social_safety,
            ConcernKind::Discrimination => self.concern_discrimination,
            ConcernKind::UnfitWork => self.concern_unfit_work,
            ConcernKind::InsufficientGuidance => self.concern_insufficient_guidance,
        }
    }

    pub const fn agreement_status(&self, status: AgreementStatus) -> &'static str {
        match status {
            AgreementStatus::Open => self.agreement_open,
            AgreementStatus::Done => self.agreement_done,
            AgreementStatus::Partly => self.agreement_partly,
            AgreementStatus::NotDone => self.agreement_not_done,
            AgreementStatus::Dropped => self.agreement_dropped,
        }
    }

    pub const fn placement_problem(&self, problem: PlacementProblem) -> &'static str {
        match problem {
            PlacementProblem::NoStudent => self.form_student_required,
            PlacementProblem::EndBeforeStart => self.placement_end_before_start,
        }
    }

    /// A moment's name in running text and in export file names ("startgesprek").
    pub const fn moment_word(&self, moment: Moment) -> &'static str {
        match moment {
            Moment::Start => self.moment_name_start,
            Moment::Midway => self.moment_name_midway,
            Moment::Final => self.moment_name_final,
        }
    }

    /// A moment's name after "het" / "the": Dutch inflects the adjective there ("het
    /// tussentijdse gesprek", but "een tussentijds gesprek").
    /// A moment's letter as the overview marks it, upper case (S, T, E in Dutch).
    pub fn moment_letter(&self, moment: Moment) -> String {
        match moment {
            Moment::Start => self.overview_mark_start,
            Moment::Midway => self.overview_mark_midway,
            Moment::Final => self.overview_mark_final,
        }
        .to_uppercase()
    }

    pub const fn moment_after_the(&self, moment: Moment) -> &'static str {
        match moment {
            Moment::Midway => self.moment_name_midway_after_the,
            other => self.moment_word(other),
        }
    }

    /// A part of a record as the teacher reads it in the meeting; a key by the guide's
    /// title for it.
    pub fn part_name(
        &self,
        part: crate::domain::search::Part,
        guide: Option<&crate::domain::Guide>,
    ) -> String {
        use crate::domain::search::Part;
        match part {
            Part::Placement => self.search_part_placement.into(),
            Part::Key(key) => {
                guide.map_or_else(|| key.code().to_string(), |g| g.key_title(key).into())
            }
            Part::Agreements => self.section_agreements.into(),
            Part::Private => self.section_private.into(),
            Part::Preparation(by) => fill(self.search_part_preparation, &[self.preparer(by)]),
        }
    }

    /// Who prepared, as a word in running text ("praktijkopleider").
    pub const fn preparer(&self, by: Preparer) -> &'static str {
        self.role(by.role())
    }

    /// Why a reply was not taken in, as one plain sentence (without the file's name).
    pub fn reply_problem(&self, problem: ReplyProblem) -> String {
        match problem {
            ReplyProblem::NotAForm => self.prep_err_not_a_form.to_string(),
            ReplyProblem::NotText => self.prep_err_not_text.to_string(),
            ReplyProblem::BadIdentification => self.prep_err_bad_identification.to_string(),
            ReplyProblem::NothingAnswered => self.prep_err_nothing_answered.to_string(),
            ReplyProblem::OtherMoment { asked, found } => fill(
                self.prep_err_other_moment,
                &[self.moment_after_the(found), self.moment_after_the(asked)],
            ),
        }
    }

    /// One mark per moment, in the order they happen: the moment's letter as a capital when
    /// held, small for a draft, `·` not yet, and marks of their own for a damaged file and one
    /// from a newer version. None of them means anything else on the overview.
    pub fn moment_marks(&self, states: &[MomentState; 3]) -> String {
        Moment::ALL
            .into_iter()
            .map(|m| {
                let letter = match m {
                    Moment::Start => self.overview_mark_start,
                    Moment::Midway => self.overview_mark_midway,
                    Moment::Final => self.overview_mark_final,
                };
                match states[m.index()] {
                    MomentState::Held => letter.to_uppercase(),
                    MomentState::Draft => letter.to_lowercase(),
                    MomentState::NotHeld => self.overview_mark_not_held.to_string(),
                    MomentState::Damaged => self.overview_mark_damaged.to_string(),
                    MomentState::Newer => self.overview_mark_newer.to_string(),
                }
            })
            .collect()
    }

    /// A language by its own name ("Nederlands", "English").
    pub const fn language_name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.guide_language_nl,
            Lang::En => self.guide_language_en,
        }
    }

    /// A moment's name where room is short, as in the overview's columns ("tussen").
    pub const fn moment_short(&self, moment: Moment) -> &'static str {
        match moment {
            Moment::Start => self.overview_short_start,
            Moment::Midway => self.overview_short_midway,
            Moment::Final => self.overview_short_final,
        }
    }
}
