//! Starting the store: open the pool, apply pending migrations, and bring the prompt library in
//! line with the file shipped in this build. Every server and every test starts here.

use super::db::Db;
use super::row::StoreError;

impl Db {
    /// Connects, creating the SQLite file if needed, applies pending migrations and loads the
    /// prompt library.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let db = Db::open(url).await?;
        super::migrations::migrator(db.backend())
            .await?
            .run(db.pool())
            .await?;
        super::prompts::load_library(&db).await?;
        Ok(db)
    }
}
