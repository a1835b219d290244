//! Pieces of page shared by several pages.

pub mod choice;
pub mod conversation_panel;
pub mod family_tags;
pub mod follow_ups;
pub mod form;
pub mod layout;
pub mod plain_advice;
pub mod problem;
pub mod progress_chart;
pub mod prompt_panel;
pub mod refresh;
pub mod talk_chart;
