//! One file per page.

pub mod account;
pub mod accounts;
pub mod assessment;
pub mod audit_trail;
pub mod caseload;
pub mod chronology;
pub mod entry;
pub mod entry_form;
pub mod family;
pub mod family_plan;
pub mod goal;
pub mod goal_form;
pub mod goal_history;
pub mod home;
pub mod houses_form;
pub mod invitation;
pub mod join;
pub mod own_page;
pub mod safety_form;
pub mod sign_in;
pub mod step_form;
pub mod supervision;
pub mod team;
pub mod week;
pub mod workbook;
