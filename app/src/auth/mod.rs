//! Server-only: passwords, session tokens and cookies, and who is calling.

pub mod caller;
pub mod cookie;
pub mod passwords;
pub mod tokens;
