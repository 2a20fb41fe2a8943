//! The screens around a meeting: the list of placements, the placement form, choosing a
//! moment, questions, viewing a held record, and about the program.

pub mod about;
pub mod choice;
pub mod company;
pub mod help;
pub mod history;
pub mod home;
pub mod import;
pub mod pick;
pub mod placement_form;
pub mod prep_menu;
pub mod prepare;
pub mod question;
pub mod quit_question;
pub mod search;
pub mod story;
pub mod two_versions;
pub mod view;
