//! stagegesprek: a terminal companion for the three contact moments of an mbo placement.

pub mod domain;
pub mod i18n;
pub mod store;
pub mod export;
pub mod demo;
pub mod cli;
pub mod tui;
