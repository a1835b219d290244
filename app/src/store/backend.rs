//! Which database Hearth runs on: the embedded SQLite file, or PostgreSQL for several app
//! servers on one database (docs/decisions/0001-two-backends-one-code-path.md).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend a `DATABASE_URL` names; anything not PostgreSQL is a SQLite file.
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}
