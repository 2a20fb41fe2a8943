//! The screens around a meeting: the list of placements, the new-placement form, choosing a
//! moment, and viewing a held record.

pub mod choice;
pub mod home;
pub mod pick;
pub mod view;
