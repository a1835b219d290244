//! The manager's audit trail page: a page of entries and whether the trail was verified.

use crate::domain::audit::AuditEntryView;
use crate::domain::audit_check::TrailState;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailPage {
    /// Newest first.
    pub entries: Vec<AuditEntryView>,
    /// What the servers' verifiers last found.
    pub state: TrailState,
}
