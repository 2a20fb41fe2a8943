//! The screens around a meeting: the list of placements, the placement form, choosing a
//! moment, questions, and viewing a held record.

pub mod choice;
pub mod home;
pub mod pick;
pub mod placement_form;
pub mod view;
