//! Converting stored text back into domain types, and the store's error.

use crate::error::AppError;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A stored value that no longer parses: a bug or a hand-edited database.
    #[error("corrupt {column}: {value:?}")]
    Corrupt { column: &'static str, value: String },
    /// The prompt library file shipped with this build does not read: a build bug.
    #[error("prompt library: {0}")]
    Library(String),
}

impl StoreError {
    /// True when the database refused a row because of a unique constraint.
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Database(sqlx::Error::Database(e)) if e.kind() == sqlx::error::ErrorKind::UniqueViolation)
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        tracing::error!(%error, "storage failed");
        AppError::Internal
    }
}

pub fn uuid(column: &'static str, value: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(value).map_err(|_| StoreError::Corrupt {
        column,
        value: value.to_string(),
    })
}

pub fn coded<T>(
    column: &'static str,
    value: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<T, StoreError> {
    parse(value).ok_or_else(|| StoreError::Corrupt {
        column,
        value: value.to_string(),
    })
}

pub fn date(column: &'static str, value: &str) -> Result<chrono::NaiveDate, StoreError> {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| StoreError::Corrupt {
        column,
        value: value.to_string(),
    })
}

/// A text column.
pub fn text(row: &sqlx::any::AnyRow, column: &str) -> Result<String, StoreError> {
    use sqlx::Row;
    Ok(row.try_get::<String, _>(column)?)
}

/// How dates are stored: ISO text, which sorts.
pub fn day(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}
