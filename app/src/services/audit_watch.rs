//! The server's own watch on the audit trail: the whole chain at start, then every hour only the
//! entries written since. The last entry it verified is kept here, in memory: a checkpoint read
//! back from the database could be moved forward by whoever can write to it.

use crate::domain::audit_check::AuditCheck;
use crate::store::audit::{self, checks, Checkpoint, Verdict};
use crate::store::{now_ms, Db, StoreError};
use std::time::Duration;

pub const EVERY: Duration = Duration::from_secs(60 * 60);

#[derive(Debug, Default)]
pub struct Watcher {
    verified: Option<Checkpoint>,
}

impl Watcher {
    /// Verifies what this watcher has not verified yet (everything, the first time), logs and
    /// records the outcome. A break keeps the checkpoint before it, so every later check reports
    /// it again. An edit of an entry verified earlier is only seen by [`Watcher::check_whole`].
    pub async fn check(&mut self, db: &Db) -> Result<AuditCheck, StoreError> {
        let whole = self.verified.is_none();
        let walked = audit::walk(db, self.verified.as_ref()).await?;
        let (intact, problem) = match walked.verdict {
            Verdict::Intact { .. } => (true, String::new()),
            Verdict::Broken { problem, .. } => (false, problem),
        };
        let check = AuditCheck {
            at: now_ms(),
            whole,
            through_seq: walked.through.seq,
            intact,
            problem,
        };
        if intact {
            tracing::info!(
                through = check.through_seq,
                whole,
                "audit trail verified: intact"
            );
        } else {
            tracing::error!(problem = %check.problem, through = check.through_seq, whole, "audit trail verification: BROKEN");
        }
        self.verified = Some(walked.through);
        checks::record(db, &check).await?;
        Ok(check)
    }

    /// Forgets the checkpoint and walks the whole chain again.
    pub async fn check_whole(&mut self, db: &Db) -> Result<AuditCheck, StoreError> {
        self.verified = None;
        self.check(db).await
    }
}
