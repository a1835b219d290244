//! Pieces of page shared by several pages.

pub mod balance_boxes;
pub mod change_timeline;
pub mod checked_form;
pub mod choice;
pub mod conversation_panel;
pub mod error_marks;
pub mod extract_upload;
pub mod family_nav;
pub mod family_tags;
pub mod family_words;
pub mod follow_ups;
pub mod form;
pub mod form_check;
pub mod layout;
pub mod mark_action;
pub mod member_choices;
pub mod move_buttons;
pub mod pagination;
pub mod plain_advice;
pub mod problem;
pub mod progress_chart;
pub mod prompt_panel;
pub mod ruler_answer;
pub mod sign_in_notice;
pub mod status_tag;
pub mod talk_chart;
