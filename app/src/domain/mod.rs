//! Hearth's vocabulary and rules (DOMAIN.md): plain Rust with no I/O, compiled into both the
//! server and the browser so that both apply the same rules.

#[macro_use]
mod coded;
#[macro_use]
mod form;

pub mod access;
pub mod age;
pub mod audit;
pub mod audit_check;
pub mod chart;
pub mod closure;
pub mod cohort;
pub mod credentials;
pub mod due;
pub mod family;
pub mod family_view;
pub mod fields;
pub mod findings;
pub mod glossary;
pub mod goal;
pub mod history;
pub mod household;
pub mod ids;
pub mod information_rights;
pub mod kept_apart;
pub mod legal_status;
pub mod mi;
pub mod new_password;
pub mod paging;
pub mod plain_check;
pub mod plain_words;
pub mod plan;
pub mod plan_input;
pub mod rating;
pub mod record;
pub mod role;
pub mod second_factor;
pub mod staff;
pub mod viewer;
pub mod workbook;
pub mod workbook_input;
pub mod working_days;
