//! Pieces of page shared by several pages.

pub mod choice;
pub mod family_tags;
pub mod form;
pub mod layout;
pub mod plain_advice;
pub mod problem;
pub mod progress_chart;
pub mod refresh;
