//! Server-only storage: one code path over `sqlx::Any` for SQLite and PostgreSQL
//! (docs/decisions/0001-two-backends.md). Each file holds the queries of one kind of record.

pub mod accounts;
pub mod allocations;
pub mod audit;
mod audit_key;
mod backend;
pub mod break_glass;
pub mod case_closures;
pub mod change_plans;
mod connect;
mod db;
pub mod directory;
pub mod disclosures;
pub mod due_facts;
pub mod extract;
pub mod extract_reports;
pub mod families;
pub mod family_voice;
pub mod findings;
pub mod form_refusals;
pub mod goals;
pub mod health;
pub mod held_answers;
pub mod household;
pub mod information_requests;
pub mod invitations;
pub mod kept_apart;
pub mod legal_statuses;
pub mod locked;
pub mod login_failures;
mod migrations;
pub mod motivation;
pub mod pending_sign_ins;
pub mod plan_history;
pub mod prompts;
mod row;
pub mod second_factors;
pub mod sessions;
pub mod set_up_codes;
pub mod staff;
pub mod subject_data;
pub mod teams;
pub mod workbook;

pub use backend::Backend;
pub use db::{now_ms, Db, WriteTx};
pub use row::StoreError;
