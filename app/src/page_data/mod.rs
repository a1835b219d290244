//! What each page receives from its server function: the records it shows, already filtered
//! for the viewer, and what the viewer may do there (`can_edit` and the like). Wire types only,
//! compiled into the server and the browser; the rules they are computed by live in `domain`.

pub mod account;
pub mod accounts;
pub mod administration;
pub mod allocation;
pub mod audit_trail;
pub mod case_record;
pub mod caseload;
pub mod change_work;
pub mod disclosure;
pub mod disposals;
pub mod family;
pub mod import;
pub mod information_requests;
pub mod openings;
pub mod own_page;
pub mod plan;
pub mod prompt_library;
pub mod workbook;
