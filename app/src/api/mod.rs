//! Server functions: thin. Each parses its arguments, calls a service and shapes the response.
//! All are POST (leptos' default encoding) and sit under `/api/`.

pub mod account;
pub mod accounts;
pub mod allocation;
pub mod audit_trail;
pub mod case_record;
pub mod caseload;
pub mod change_work;
pub mod disclosure;
pub mod disposals;
pub mod family;
pub mod imports;
pub mod information_requests;
pub mod invitations;
pub mod openings;
pub mod own_change;
pub mod own_page;
pub mod own_plan;
pub mod plan;
pub mod prompts;
#[cfg(feature = "ssr")]
pub mod respond;
pub mod session;
pub mod set_up;
pub mod staff_accounts;
pub mod teams;
pub mod workbook;
