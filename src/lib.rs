//! stagegesprek: a terminal companion for the three contact moments of an mbo placement.

pub mod cli;
pub mod clipboard;
pub mod demo;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod store;
pub mod team;
pub mod tui;
