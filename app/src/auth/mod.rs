//! Server-only: passwords, session tokens and cookies, and who is calling.

pub mod caller;
pub mod cookie;
pub mod passwords;
pub mod second_factor;
pub mod secret_box;
pub mod strength;
pub mod tokens;
