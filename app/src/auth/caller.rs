//! Who is calling a server function or asking for a page, and from where.

use super::{cookie, tokens};
use crate::domain::audit::{actor_label, AuditAction, Outcome};
use crate::domain::ids::{FamilyId, TeamId};
use crate::domain::record::{RecordKind, RecordRef};
use crate::domain::viewer::Viewer;
use crate::error::AppError;
use crate::state::{app_state, AppState};
use crate::store::{self, audit::NewEntry, now_ms};
use axum::extract::ConnectInfo;
use axum::http::header::{COOKIE, USER_AGENT};
use axum::http::request::Parts;
use std::net::{IpAddr, SocketAddr};

/// Breaking glass, exporting a chronology and being shown a code ask for the password again
/// when it was last given longer ago than this.
pub const CONFIRMED_FOR_MS: i64 = 15 * 60 * 1000;

pub struct Caller {
    pub state: AppState,
    pub viewer: Option<Viewer>,
    /// The client's address, for the audit trail.
    pub origin: String,
    pub user_agent: String,
    /// The hash of the session token the request carried, if it is live.
    pub session: Option<String>,
    /// That session: when it began, when its password was last given.
    pub live: Option<store::sessions::Live>,
    /// The hash of a sign-in's token waiting for its second factor, if the request carried one.
    pub pending: Option<String>,
}

/// Who a request's session belongs to, looked up once per request: a page's several server
/// functions each ask for their caller, and within one request the answer cannot change.
/// `server::router` provides a fresh one for every request.
#[derive(Clone, Default)]
pub struct Resolved(std::sync::Arc<tokio::sync::OnceCell<Identity>>);

#[derive(Clone)]
pub struct Identity {
    viewer: Option<Viewer>,
    session: Option<String>,
    live: Option<store::sessions::Live>,
}

/// The live session under `token_hash` and its account, if both are current.
async fn identify(state: &AppState, token_hash: Option<String>) -> Result<Identity, AppError> {
    let now = now_ms();
    if let Some(hash) = token_hash {
        if let Some(found) = store::sessions::resolve(&state.db, &hash, now).await? {
            let viewer = store::accounts::viewer(&state.db, found.account_id, now).await?;
            if viewer.is_some() {
                return Ok(Identity {
                    viewer,
                    session: Some(hash),
                    live: Some(found),
                });
            }
        }
    }
    Ok(Identity {
        viewer: None,
        session: None,
        live: None,
    })
}

impl Caller {
    pub async fn current() -> Result<Caller, AppError> {
        let state = app_state()?;
        let parts = leptos::prelude::use_context::<Parts>().ok_or_else(|| {
            tracing::error!("request parts were not provided");
            AppError::Internal
        })?;
        let origin = client_address(
            header(&parts, "x-forwarded-for").as_deref(),
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip()),
            state.settings.trusted_proxies,
        );
        let user_agent = header(&parts, USER_AGENT.as_str())
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect();
        let cookie = |name: &str| {
            parts
                .headers
                .get_all(COOKIE)
                .iter()
                .filter_map(|h| h.to_str().ok())
                .find_map(|h| cookie::read(h, name))
                .map(tokens::digest)
        };
        let token_hash = cookie(cookie::name(&state.settings));
        let pending = cookie(cookie::pending_name(&state.settings));
        let Identity {
            viewer,
            session,
            live,
        } = match leptos::prelude::use_context::<Resolved>() {
            Some(resolved) => resolved
                .0
                .get_or_try_init(|| identify(&state, token_hash))
                .await?
                .clone(),
            None => identify(&state, token_hash).await?,
        };
        Ok(Caller {
            state,
            viewer,
            origin,
            user_agent,
            session,
            live,
            pending,
        })
    }

    pub fn viewer(&self) -> Result<&Viewer, AppError> {
        self.viewer.as_ref().ok_or(AppError::SignInRequired)
    }

    /// Whether the password was given in this session within the last [`CONFIRMED_FOR_MS`].
    pub fn recently_confirmed(&self) -> bool {
        self.live
            .as_ref()
            .is_some_and(|live| now_ms() - live.confirmed_at < CONFIRMED_FOR_MS)
    }

    /// For sensitive actions: the password must have been given again lately.
    pub fn require_recent_confirmation(&self) -> Result<(), AppError> {
        self.viewer()?;
        if self.recently_confirmed() {
            Ok(())
        } else {
            Err(AppError::ConfirmIdentity)
        }
    }

    /// An audit entry about this caller; the caller fills in the record.
    pub fn entry(&self, action: AuditAction, record_kind: RecordKind) -> NewEntry {
        NewEntry {
            actor_id: self.viewer.as_ref().map(|v| v.account_id),
            actor_name: self
                .viewer
                .as_ref()
                .map(|v| actor_label(&v.kind).to_string())
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

/// The client's address: the connection's own, or behind `trusted` proxies of our own, the
/// address the outermost of them saw, which is `trusted` places from the right of
/// `X-Forwarded-For` (each proxy adds the address it saw on the right). What the client wrote
/// further left is ignored; a header too short to have passed every proxy is not believed.
fn client_address(forwarded: Option<&str>, peer: Option<IpAddr>, trusted: usize) -> String {
    let peer = || peer.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    if trusted == 0 {
        return peer();
    }
    let hops: Vec<&str> = forwarded
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|hop| !hop.is_empty())
        .collect();
    match hops.len().checked_sub(trusted).and_then(|i| hops.get(i)) {
        Some(hop) => hop
            .parse::<IpAddr>()
            .map_or_else(|_| peer(), |ip| ip.to_string()),
        None => peer(),
    }
}

#[cfg(test)]
mod tests {
    use super::client_address;
    use std::net::IpAddr;

    #[test]
    fn the_client_is_the_address_the_outermost_trusted_proxy_saw() {
        let peer: Option<IpAddr> = "10.0.0.5".parse().ok();
        let header = Some("6.6.6.6, 203.0.113.7, 10.0.0.9");
        // No proxy trusted: the header is the client's own writing.
        assert_eq!(client_address(header, peer, 0), "10.0.0.5");
        // One proxy: the right-most entry is the one it added.
        assert_eq!(client_address(header, peer, 1), "10.0.0.9");
        // Two: the outer proxy saw 203.0.113.7; "6.6.6.6" was written by the client.
        assert_eq!(client_address(header, peer, 2), "203.0.113.7");
        // A header shorter than the proxies in front was not written by them.
        assert_eq!(client_address(Some("6.6.6.6"), peer, 2), "10.0.0.5");
        assert_eq!(client_address(Some("not an address"), peer, 1), "10.0.0.5");
        assert_eq!(client_address(None, None, 0), "unknown");
    }
}
