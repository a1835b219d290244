//! Hearth's shared core: the domain and its rules, the server functions and the pages. The
//! same crate compiles into the server (`ssr`) and into the browser (`hydrate`); modules that
//! only make sense on the server are gated here, once.

pub mod api;
pub mod domain;
pub mod error;
pub mod page_data;
pub mod paths;
pub mod refusal;

#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

pub mod app;
pub mod components;
pub mod pages;
mod response;
