//! The one table of interface text. Guide text (questions, purposes, key titles) lives in the
//! guide files; everything else a person reads comes from here. A struct rather than a map so
//! that a missing translation is a compile error, not a blank on screen.

use crate::domain::preparation::Preparer;
use crate::domain::{Moment, PrepQuestion};

pub use crate::domain::Lang;

/// The interface text of a language.
pub const fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// `lang.texts()`, for code that holds a `Lang`.
pub trait LangExt {
    fn texts(self) -> &'static Texts;
}

impl LangExt for Lang {
    fn texts(self) -> &'static Texts {
        texts(self)
    }
}

/// A question of a preparation form in one language: as the form asks it, as a short label in
/// the meeting, and as a form of an earlier version worded it (read back from old replies).
#[derive(Debug)]
pub struct PrepText {
    pub question: PrepQuestion,
    /// Whose form words it this way; `None` when it reads the same on both.
    pub by: Option<Preparer>,
    pub ask: &'static str,
    pub short: &'static str,
    pub earlier: &'static str,
}

impl Texts {
    /// The words of `question` on `by`'s form. Every question has them in every language (a
    /// test walks them all); a missing one shows as its code rather than failing.
    pub fn prep_text(&self, question: PrepQuestion, by: Preparer) -> &PrepText {
        self.prep_questions
            .iter()
            .find(|p| p.question == question && p.by.is_none_or(|b| b == by))
            .unwrap_or(&MISSING_PREP_TEXT)
    }

    /// The sentence under a form's title that says what it is for; `{}` is the student's name
    /// on the trainer's form and the company on the student's.
    pub const fn prep_intro(&self, moment: Moment, by: Preparer) -> &'static str {
        match (by, moment) {
            (Preparer::Trainer, Moment::Start) => self.prep_intro_trainer_start,
            (Preparer::Trainer, Moment::Midway) => self.prep_intro_trainer_midway,
            (Preparer::Trainer, Moment::Final) => self.prep_intro_trainer_final,
            (Preparer::Student, Moment::Start) => self.prep_intro_student_start,
            (Preparer::Student, _) => self.prep_intro_student_later,
        }
    }

    /// The question of `question` on `by`'s form, as the form asks it.
    pub fn prep_ask(&self, question: PrepQuestion, by: Preparer) -> &'static str {
        self.prep_text(question, by).ask
    }
}

static MISSING_PREP_TEXT: PrepText = PrepText {
    question: PrepQuestion::Ask,
    by: None,
    ask: "?",
    short: "?",
    earlier: "",
};

/// Fills `{}` placeholders in order; templates with named placeholders use `str::replace`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    let mut args = args.iter();
    while let Some(pos) = rest.find("{}") {
        out.push_str(&rest[..pos]);
        out.push_str(args.next().copied().unwrap_or_default());
        rest = &rest[pos + 2..];
    }
    out.push_str(rest);
    out
}

macro_rules! texts {
    ($($field:ident),* $(,)?) => {
        #[derive(Debug)]
        pub struct Texts {
            $(pub $field: &'static str,)*
            /// The questions of the preparation forms, each once per language.
            pub prep_questions: &'static [PrepText],
            /// What the command line says.
            pub cli: &'static CliTexts,
        }

        impl Texts {
            /// Every entry, for tests that check the table is complete and consistent.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }

            /// The same table with every entry passed through `f`: how the interface puts
            /// the names of its keys into the sentences that mention them.
            pub fn with_each(&self, f: impl Fn(&'static str) -> &'static str) -> Self {
                Self {
                    $($field: f(self.$field),)*
                    prep_questions: self.prep_questions,
                    cli: self.cli,
                }
            }
        }
    };
}

/// What the command line says: its help and its answers, in a table of their own.
macro_rules! cli_texts {
    ($($field:ident),* $(,)?) => {
        #[derive(Debug)]
        pub struct CliTexts {
            $(pub $field: &'static str,)*
        }

        impl CliTexts {
            /// Every entry, for tests that check the table is complete and consistent.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }
    };
}

cli_texts! {
    search,
    search_words,
    search_company,
    search_teacher,
    search_since,
    search_until,
    search_late,
    search_concern,
    search_no_visit,
    company,
    company_name,
    err_output,
    export_in_data_dir,
    export_not_a_file,
    err_no_data_dir,
    err_no_terminal,
    wrong_file,
    exported,
    about,
    usage,
    commands,
    arguments,
    options,
    help,
    help_command,
    version,
    data_dir,
    lang,
    demo,
    meet,
    placement,
    moment,
    moment_unknown,
    demo_data,
    demo_dir,
    demo_count,
    list,
    json,
    show,
    record,
    format,
    export,
    export_format,
    export_story,
    story_only_html,
    shared,
    output,
    removed,
    restore,
    restore_name,
    prepare,
    role,
    prepare_form,
    form_role,
    import,
    import_file,
    replace,
    import_moment,
    guide,
    guide_check,
    guide_files,
    agenda,
    team,
    team_init,
    team_remote,
    team_join,
    team_url,
    team_dir,
    team_sync,
    team_status,
    team_keep,
    team_keep_what,
    team_mine,
    team_theirs,
    history,
    team_init_done,
    team_init_shared,
    team_join_done,
    team_synced,
    team_local,
    team_not_shared,
    team_conflict,
    team_kept_over_removal,
    team_status_shared,
    team_status_never,
    team_status_pending,
    team_status_all,
    team_status_remote,
    team_status_local,
    team_status_conflicts,
    team_kept,
    team_no_conflict,
    team_not_archive,
    team_already,
    team_not_empty,
    team_busy,
    git_missing,
    git_refused,
    git_timeout,
    history_none,
    msg_placement_added,
    msg_placement_changed,
    msg_placement_removed,
    msg_record_added,
    msg_record_changed,
    msg_record_removed,
    msg_prep,
    msg_choice,
    msg_other,
    msg_more,
    msg_init,
    msg_takeover,
    msg_merged,
    list_none_mine,
    git_unreachable,
    list_mine,
    team_take,
    team_taken,
}

texts! {
role_student, role_trainer, role_teacher,
strategy_showing, strategy_participating, strategy_entrusting,
recognition_yes, recognition_partly, recognition_no,
place_on_site, place_online, place_at_school,
status_draft, status_final, agreement_open, agreement_done,
moment_not_held, home_title, home_col_student, home_col_company, home_col_moments,
home_demo_banner,
form_new_placement, form_student, form_programme, form_level, form_company, form_trainer,
form_teacher, form_start, form_end, form_student_required, form_date_hint,
pick_title, pick_held_on, pick_draft_from,
section_agreements, section_details, section_private,
label_notes, label_examples, label_no_examples, label_nothing_yet,
label_captured, label_carried_from, label_place, label_present,
label_others, label_date, notes_placeholder, private_placeholder, others_placeholder,
agreements_empty, save_pending, save_done, save_failed, confirm_delete,
example_title, example_text, example_given_by, example_strategy, example_recognised,
example_empty_text, agreement_title, agreement_what, agreement_who, agreement_due, agreement_status,
agreement_empty_text, agreement_none_due, agreement_partly, agreement_not_done,
agreement_dropped, agreement_note,
finish_title, finish_intro, finish_who_agreed, finish_saved, finish_failed,
finish_exported, finish_empty_keys, view_title, help_title, help_home, help_form, help_pick, help_meeting, help_finish, help_view,
too_small,
md_student, md_programme, md_level, md_company, md_trainer,
md_teacher, md_period, md_date, md_place, md_present, md_guide, md_time_spent,
md_notes, md_examples, md_given_by, md_strategy, md_recognised, md_agreements, md_who,
md_due, md_status, md_private, md_agreed, md_not_agreed, md_draft_notice,
md_preparation, md_nothing, md_minute, md_minutes, md_shared_notice, form_unsaved,
err_no_placement, err_no_record, err_read, err_write, err_parse, err_dir_not_empty,
err_guide_broken_skipped, err_no_guide, guide_ok, guide_empty_field, guide_missing_key, guide_missing_key_in_moment,
guide_missing_moment, guide_unknown_name, guide_prompt_count, guide_unknown_capture,
guide_capture_needs_examples, guide_bad_id, guide_bad_language, guide_bad_version,
guide_duplicate_id,
list_empty, demo_written,
err_misplaced, err_too_large_to_save, placement_end_before_start,
finish_nobody_agreed,
quit_unsaved_rescue,
quit_unsaved_stay,
quit_unsaved_body,
quit_unsaved_title,
export_draft_refused,
lock_note_failed,
consent_absent,
consent_cleared,
form_restored,
interrupt_again,
rescue_failed,
rescued_to,
rescued_found,
rescued_found_more,
moment_damaged, err_symlink, err_not_a_file, err_too_large, err_not_text, err_incomplete, err_newer, err_damaged_count, index_building, home_updating, index_set_aside, company_none, company_several, company_trainers, company_trainer, company_placements, company_guidance, company_potential, company_concern, company_title, company_unnamed, key_company, help_company, story_title, story_guidance, story_not_held, story_unreadable, story_held, story_draft, story_prepared_by, story_nothing, key_story, help_story, search_title, search_placeholder, search_date_placeholder, search_words_label, search_moment_label, search_company_label, search_teacher_label, search_since_label, search_until_label, search_flag_label, search_all, search_flag_late, search_flag_concern, search_flag_no_visit, search_bad_date_shown, search_count, search_count_most, help_search, key_search, key_search_filters, search_bad_date, search_failed, search_nothing, search_part_preparation, search_part_placement, home_none_mine, history_title, help_history, key_history, home_only_mine, two_versions_title, two_versions_intro, two_versions_mine, two_versions_theirs, two_versions_kept, help_two_versions, key_keep_mine, key_keep_theirs, team_word_syncing, team_word_offline, team_word_choose, team_word_pending, team_word_shared, team_two_versions_came, key_share, overview_two_versions_mark, list_two_versions, permissions_repaired, private_moved, private_left, recover_title, recover_unclean, recover_newer, recover_saved_at, recover_record_at, recover_continue, recover_view, recover_discard, discard_title, discard_body, discard_yes, answer_back, set_aside_done, busy_title, busy_body, busy_view, busy_nothing_yet, damaged_title, damaged_body, damaged_set_aside, newer_title, view_read_only, unknown, help_choice, err_unknown_fields, moment_newer, err_unknown_fields_more, lock_failed,
home_empty_list, home_new_folder,
key_space, key_choose, key_open, key_page, key_new_placement, key_edit_placement, key_remove_placement, key_next_field, key_prev_field, key_change, key_save_form, key_cancel, key_delete, key_go_to, key_add_example, key_add_agreement, key_earlier, key_prompts, key_finish, key_save_now, key_leave_meeting, key_go_to_part, key_keep, key_answer, key_first_answer, key_back, key_scroll, key_agreed_student, key_agreed_trainer, key_agreed_teacher, key_finish_final, key_back_to_meeting, key_edit_again, key_export, key_print, story_printed, key_copy, key_quit, key_help, key_close_help, form_bad_date_typed, form_bad_time, form_bad_duration, agreements_many, label_line_of, label_prompts, label_earlier, label_panel_toggle, label_overdue, label_time, label_duration, details_hint, go_to_title, help_typing, form_edit_placement, placement_similar, placement_saved, remove_title, remove_body, remove_yes, remove_done, copy_nothing, copy_done, copy_failed,
// placements and exports
moment_name_start, moment_name_midway, moment_name_final, moment_name_midway_after_the,
err_meeting_open, err_placement_id_taken, err_not_removed,
removed_none, removed_unreadable, restore_done,
export_name_shared, export_name_draft, export_name_story,
// records and dates
date_format, weekdays, md_prepared_on, agreement_overdue,
key_about, about_title, about_purpose, about_data, about_exports, about_rescue,
label_panel_lines,
concern_social_safety, concern_discrimination, concern_unfit_work, concern_insufficient_guidance, md_concern, md_student_preparation, md_student_question,
key_take_over, prepared_taken, prepared_already_taken, label_prepared_by,
label_concern,
form_trainer_email, form_trainer_email_hint, form_trainer_language, form_language_same,
key_prepare, prep_menu_title, prep_menu_body, prep_menu_has, prep_menu_trainer_here, prep_menu_student_here, prep_menu_copy_trainer, prep_menu_copy_student, prep_menu_paste, prep_menu_mail, prep_nothing_yet, prep_saved, prep_form_copied, prep_mail_opened, prep_mail_failed, prep_mail_failed_copied, import_title, import_intro, import_placeholder, import_waiting, import_preview, import_found, import_done, import_replace_hint, help_prepare,
// preparation forms
prep_form_begin, prep_form_end, prep_form_label, prep_form_title_trainer, prep_form_title_student, prep_form_how_trainer, prep_form_how_student, prep_form_strategies, prep_form_showing, prep_form_participating, prep_form_entrusting, prep_form_strategy_no, prep_err_not_a_form, prep_err_not_text, prep_err_bad_identification, prep_err_nothing_answered, prep_err_other_moment, prep_err_unknown_placement, prep_err_already, prep_nothing_changed, prep_replace_hint, prep_imported, prep_form_written, prep_stdin, prep_err_too_large,
// overview
overview_short_start, overview_short_midway, overview_short_final,
overview_col_next, overview_col_prepared, overview_col_concern,
overview_all_held, overview_overdue_mark, overview_visit_done, overview_visit_missing,
overview_prepared_trainer, overview_prepared_student, overview_concern_mark,
overview_sorted_attention, overview_legend, key_sort,
list_next, list_next_undated, list_all_held, list_overdue, list_concern, list_no_visit,
// guides
guide_missing_text, guide_unknown_addressee, guide_core_not_bool, guide_too_many_core,
guide_checklist_count, addressee_student, addressee_trainer, addressee_both, addressee_student_alone,
label_core_prompts,
md_guidance,
import_other_warning, import_other_confirm,
pick_prepared_by,
// issue 13, h6: the agenda, the overview's marks, settings
agenda_file_name, agenda_calendar_name, agenda_summary, agenda_summary_late, agenda_description,
agenda_due_by, agenda_planned_on, agenda_late, agenda_written, key_agenda,
overview_mark_start, overview_mark_midway, overview_mark_final, overview_mark_not_held,
overview_mark_damaged, overview_mark_newer,
config_unknown_settings,
placement_gone,
// issue 13, h2: screens, forms and words
meeting_due_first, key_discard_draft,
// issue 13, h4: what comes in from outside, two windows, rescued text
prep_replaced_controls,
elsewhere_title, elsewhere_body, elsewhere_line, elsewhere_empty, elsewhere_show_both,
elsewhere_keep_mine, elsewhere_take_theirs, elsewhere_shown, elsewhere_kept_mine,
elsewhere_took_theirs,
rescued_offer_title, rescued_offer_body, rescued_offer_how, rescued_view, rescued_take,
rescued_later, rescued_mark, rescued_taken,
form_bad_email, prep_mail_subject,
// issue 13, h5: the command line says things plainly and writes where people look
md_concern_note,
file_kind_record, file_kind_draft, file_kind_placement, file_kind_preparation,
file_kind_form, file_kind_guide, file_wanted_record, file_wanted_form, file_wanted_guide,
io_not_found, io_no_permission, io_is_folder, io_not_folder, io_disk_full, io_read_only,
io_too_large,
md_guide_version,
// issue 13, h1: typing on lists and choices, the footer, last time
typed_aside, typed_aside_back, aside_notes_of, aside_private, aside_this_field, aside_field,
choice_yes, choice_no, place_letters, key_choose_place, key_choose_presence,
key_questions,
label_guide_language, guide_language_nl, guide_language_en, guide_language_switched,
// issue 13, h3: unfinished preparation forms and trainer replies are never lost
prep_form_open_elsewhere,
prep_arrived,
prep_damaged,
// issue 13: the placement's details kept while changed
edit_form_open_elsewhere,
config_broken, config_unusable_settings,
// issue 13: a draft put aside comes back
err_draft_not_put_back, draft_put_back, set_aside_draft_done,
// issue 14: each moment asks its own questions
prep_intro_trainer_start, prep_intro_trainer_midway, prep_intro_trainer_final,
prep_intro_student_start, prep_intro_student_later,
label_interim_judgement, label_final_judgement, label_judgement_missing_midway,
label_judgement_missing_final, label_alone, label_alone_asked, label_alone_prompts_elsewhere,
}

mod en;
mod en_cli;
mod en_questions;
mod nl;
mod nl_cli;
mod nl_questions;
mod words;

pub use en::EN;
pub use nl::NL;
