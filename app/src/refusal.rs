//! A form the server refuses (every form posts as a plain form) comes back to its page with
//! why, and with what was typed. leptos would carry both in the page's address (`__err`), where
//! they stay in the browser's history and in proxies' logs; Hearth keeps them on the server
//! instead and the address names only a random id (`?__refusal=…`, see
//! `server/src/refusals.rs`). The server finds the refusal while it draws the page, with its
//! errors and what was typed; a form shows it only while the address still names it.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// The query parameter that names a kept refusal.
pub const QUERY: &str = "__refusal";

/// A refusal found for the page being shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormRefusal {
    pub id: String,
    /// The path of the server function that refused, which says which form it answers.
    pub server_fn: String,
    pub error: AppError,
}

#[derive(Clone)]
struct Found(Option<FormRefusal>);

/// At the root of the app: the refusal the server found for this request.
pub fn provide() {
    let found = leptos::server::SharedValue::new(found_by_server).into_inner();
    provide_context(Found(found));
}

#[cfg(feature = "ssr")]
fn found_by_server() -> Option<FormRefusal> {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<FormRefusal>().cloned())
}

#[cfg(not(feature = "ssr"))]
fn found_by_server() -> Option<FormRefusal> {
    None
}

/// The refusal of the server function at `path`, while the page's address still names it.
pub fn for_server_fn(path: &'static str) -> Signal<Option<AppError>> {
    let found = use_context::<Found>().and_then(|Found(found)| found);
    let query = use_query_map();
    Signal::derive(move || {
        let refusal = found.as_ref().filter(|r| r.server_fn == path)?;
        query
            .with(|q| q.get_str(QUERY) == Some(refusal.id.as_str()))
            .then(|| refusal.error.clone())
    })
}
