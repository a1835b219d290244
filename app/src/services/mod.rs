//! Server-only operations behind the server functions: each asks the access policy, does its
//! work through the store and records it in the audit trail.

pub mod account_security;
pub mod accounts;
pub mod allocation;
pub mod audit_trail;
pub mod audit_watch;
mod balance;
pub mod case_record;
pub mod caseload;
pub mod change_work;
mod code_attempts;
mod council_scope;
pub mod council_setup;
pub mod disclosure;
pub mod disposals;
pub mod failed_attempts;
pub mod family;
mod guard;
pub mod held;
pub mod import;
pub mod information_requests;
pub mod invitations;
mod new_id;
pub mod openings;
pub mod own_change;
pub mod own_page;
pub mod own_plan;
pub mod plan;
mod plan_scope;
pub mod prompts;
pub mod second_factor;
pub mod set_up_account;
pub mod sign_in;
pub mod staff_accounts;
pub mod teams;
pub(crate) mod versioned;
pub mod workbook;

pub use guard::authorize;

/// Today's date for ages and the cohort check.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}
