//! Group commit for entries that change nothing else (page views, refusals): each caller hands
//! its entry to one sealing task per server and waits until it is committed; the task seals
//! whatever has queued meanwhile into the chain in one write transaction. A page view then waits
//! for one commit shared with every other view that arrived with it, instead of queueing behind
//! each of them for the write lock in turn (docs/decisions/0019-audit-group-commit.md).

use super::{append, NewEntry};
use crate::store::db::Db;
use crate::store::row::StoreError;
use tokio::sync::{mpsc, oneshot};

/// More than this many entries wait for the next transaction, so one commit stays short.
const MOST_PER_COMMIT: usize = 256;
/// Callers beyond this many wait to queue: back-pressure rather than unbounded memory.
const QUEUE: usize = 4096;

struct Waiting {
    entry: NewEntry,
    committed: oneshot::Sender<Result<(), StoreError>>,
}

/// The way into a server's sealing task.
#[derive(Clone, Debug)]
pub struct Group {
    queue: mpsc::Sender<Waiting>,
}

impl Group {
    /// Starts the sealing task on the current runtime. `db` must be a handle without a group,
    /// so the task appends directly.
    pub(crate) fn start(db: Db) -> Self {
        let (queue, waiting) = mpsc::channel(QUEUE);
        tokio::spawn(seal(db, waiting));
        Group { queue }
    }

    /// Queues `entry` and waits until it is committed. `Err(entry)` gives the entry back when
    /// the task is gone (its runtime ended), so the caller can append it itself.
    pub(super) async fn commit(&self, entry: NewEntry) -> Result<Result<(), StoreError>, NewEntry> {
        let (committed, outcome) = oneshot::channel();
        if let Err(refused) = self.queue.send(Waiting { entry, committed }).await {
            return Err(refused.0.entry);
        }
        match outcome.await {
            Ok(result) => Ok(result),
            // The task ended with the entry unsent: its runtime is shutting down.
            Err(_) => Ok(Err(StoreError::Database(sqlx::Error::PoolClosed))),
        }
    }
}

async fn seal(db: Db, mut waiting: mpsc::Receiver<Waiting>) {
    let mut batch = Vec::with_capacity(MOST_PER_COMMIT);
    while waiting.recv_many(&mut batch, MOST_PER_COMMIT).await > 0 {
        metrics::histogram!("hearth_audit_group_size").record(batch.len() as f64);
        match commit_all(&db, &batch).await {
            Ok(()) => {
                for one in batch.drain(..) {
                    let _ = one.committed.send(Ok(()));
                }
            }
            // One bad entry must not cost the others theirs: each is tried on its own.
            Err(_) => {
                for one in batch.drain(..) {
                    let result = commit_one(&db, &one.entry).await;
                    let _ = one.committed.send(result);
                }
            }
        }
    }
}

async fn commit_all(db: &Db, batch: &[Waiting]) -> Result<(), StoreError> {
    let mut write = db.write().await?;
    for one in batch {
        append(&mut write, &one.entry).await?;
    }
    write.commit().await
}

async fn commit_one(db: &Db, entry: &NewEntry) -> Result<(), StoreError> {
    let mut write = db.write().await?;
    append(&mut write, entry).await?;
    write.commit().await
}
