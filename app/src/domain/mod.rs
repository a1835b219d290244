//! Hearth's vocabulary and rules (DOMAIN.md): plain Rust with no I/O, compiled into both the
//! server and the browser so that both apply the same rules.

#[macro_use]
mod coded;

pub mod access;
pub mod accounts;
pub mod age;
pub mod audit;
pub mod cohort;
pub mod credentials;
pub mod family;
pub mod ids;
pub mod own_page;
pub mod plain_words;
pub mod role;
pub mod viewer;
