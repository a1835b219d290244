//! Information rights: a family member's subject access request and the council's retention
//! schedule (issue 16). The rules here are the shared core's; storing, gathering and destroying
//! records is the server's.

pub mod disclosure;
pub mod disposal;
pub mod passage;
pub mod redaction;
pub mod request;
pub mod request_due;
pub mod retention;
#[cfg(feature = "ssr")]
pub mod retention_file;
pub mod withholding;
