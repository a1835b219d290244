//! One file per page.

pub mod account;
pub mod accounts;
pub mod audit_trail;
pub mod caseload;
pub mod family;
pub mod home;
pub mod invitation;
pub mod join;
pub mod own_page;
pub mod sign_in;
