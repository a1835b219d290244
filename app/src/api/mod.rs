//! Server functions: thin. Each parses its arguments, calls a service and shapes the response.
//! All are POST (leptos' default encoding) and sit under `/api/`.

pub mod accounts;
pub mod audit_trail;
pub mod caseload;
pub mod family;
pub mod invitations;
pub mod own_page;
pub mod own_plan;
pub mod plan;
#[cfg(feature = "ssr")]
pub mod respond;
pub mod session;
pub mod workbook;
