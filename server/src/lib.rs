//! The Hearth web server: configuration, the router and what wraps every response.

mod api_status;
pub mod audit_cli;
pub mod audit_key;
pub mod backup;
pub mod backup_seal;
pub mod config;
mod cross_site;
mod exports;
pub mod import_cli;
mod import_upload;
mod island_scripts;
pub mod keys;
pub mod limits;
pub mod logging;
mod probes;
mod refusals;
pub mod router;
pub mod scale;
mod security_headers;
mod static_files;
pub mod telemetry;

pub use router::router;
