//! Motivational Interviewing (DOMAIN.md §4): the prompt library and the rule that offers
//! prompts in the flow of work, stages of change, rulers and their follow-ups, the change talk
//! heard in sessions, and the family's own change plan and decisional balance.

pub mod balance;
pub mod change_plan;
pub mod change_talk;
pub mod choice;
pub mod library_check;
pub mod prompt;
pub mod prompt_input;
pub mod ruler;
pub mod stage;
pub mod talk_chart;
pub mod technique;
