//! What a page may say about its HTTP response while it renders. On the server it sets the
//! status and the content security policy; in the browser there is no response, so it does nothing.

#[cfg(feature = "ssr")]
mod server;
#[cfg(feature = "ssr")]
pub use server::{content_security_policy, set_status};

#[cfg(not(feature = "ssr"))]
mod browser;
#[cfg(not(feature = "ssr"))]
pub use browser::{content_security_policy, set_status};
