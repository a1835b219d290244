//! Who is calling a server function or asking for a page, and from where.

use super::{cookie, tokens};
use crate::domain::audit::{AuditAction, Outcome};
use crate::domain::ids::{FamilyId, TeamId};
use crate::domain::record::{RecordKind, RecordRef};
use crate::domain::viewer::Viewer;
use crate::error::AppError;
use crate::state::{app_state, AppState};
use crate::store::{self, audit::NewEntry, now_ms};
use axum::extract::ConnectInfo;
use axum::http::header::{COOKIE, USER_AGENT};
use axum::http::request::Parts;
use std::net::SocketAddr;

pub struct Caller {
    pub state: AppState,
    pub viewer: Option<Viewer>,
    /// The client's address, for the audit trail.
    pub origin: String,
    pub user_agent: String,
    /// The hash of the session token the request carried, if it is live.
    pub session: Option<String>,
}

impl Caller {
    pub async fn current() -> Result<Caller, AppError> {
        let state = app_state()?;
        let parts = leptos::prelude::use_context::<Parts>().ok_or_else(|| {
            tracing::error!("request parts were not provided");
            AppError::Internal
        })?;
        let origin = client_address(&parts, state.settings.trust_proxy);
        let user_agent = header(&parts, USER_AGENT.as_str())
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect();
        let token_hash = parts
            .headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|h| h.to_str().ok())
            .find_map(|h| cookie::read(&state.settings, h))
            .map(tokens::digest);
        let now = now_ms();
        let mut viewer = None;
        let mut session = None;
        if let Some(hash) = token_hash {
            if let Some(account) = store::sessions::resolve(&state.db, &hash, now).await? {
                viewer = store::accounts::viewer(&state.db, account, now).await?;
                session = viewer.as_ref().map(|_| hash);
            }
        }
        Ok(Caller {
            state,
            viewer,
            origin,
            user_agent,
            session,
        })
    }

    pub fn viewer(&self) -> Result<&Viewer, AppError> {
        self.viewer.as_ref().ok_or(AppError::SignInRequired)
    }

    /// An audit entry about this caller; the caller fills in the record.
    pub fn entry(&self, action: AuditAction, record_kind: RecordKind) -> NewEntry {
        NewEntry {
            actor_id: self.viewer.as_ref().map(|v| v.account_id),
            actor_name: self
                .viewer
                .as_ref()
                .map(|v| v.display_name.clone())
                .unwrap_or_else(|| "Not signed in".into()),
            action,
            record_kind,
            record: None,
            family_id: None,
            team_id: self.viewer.as_ref().and_then(Viewer::team_id),
            outcome: Outcome::Allowed,
            detail: String::new(),
            origin: format!("{} ({})", self.origin, self.user_agent),
            flagged: false,
        }
    }
}

impl NewEntry {
    pub fn about_family(mut self, family: FamilyId, team: TeamId) -> Self {
        self.family_id = Some(family);
        self.team_id = Some(team);
        self.record(family)
    }

    /// The record the entry is about. Its kind is written with it, so an id is never read as
    /// another kind's.
    pub fn record(mut self, record: impl Into<RecordRef>) -> Self {
        let record = record.into();
        self.record_kind = record.kind();
        self.record = Some(record);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    pub fn refused(mut self) -> Self {
        self.outcome = Outcome::Denied;
        self.flagged = true;
        self
    }

    pub fn flagged(mut self) -> Self {
        self.flagged = true;
        self
    }
}

fn header(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

fn client_address(parts: &Parts, trust_proxy: bool) -> String {
    if trust_proxy {
        if let Some(forwarded) = header(parts, "x-forwarded-for") {
            if let Some(first) = forwarded.split(',').next() {
                return first.trim().to_string();
            }
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}
