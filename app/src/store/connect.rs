//! Starting the store: open the pool, apply pending migrations, and bring the prompt library in
//! line with the file shipped in this build. Every server and every test starts here.

use super::audit::AuditKey;
use super::db::Db;
use super::row::StoreError;

impl Db {
    /// Connects, creating the SQLite file if needed, applies pending migrations and loads the
    /// prompt library. `audit_key` seals every audit entry written through this `Db`.
    pub async fn connect(url: &str, audit_key: AuditKey) -> Result<Self, StoreError> {
        let db = Db::open(url, audit_key).await?;
        super::migrations::migrator(db.backend())
            .await?
            .run(db.pool())
            .await?;
        super::prompts::load_library(&db).await?;
        Ok(db)
    }
}
