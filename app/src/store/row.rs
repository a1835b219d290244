//! How Hearth's values are stored over `sqlx::Any`, and the store's error. Ids and coded enums
//! teach sqlx themselves (`domain::ids`, `domain::coded`); days and flags need a wrapper here
//! because `NaiveDate` and `bool` are not Hearth's types.

use crate::error::AppError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A stored value that no longer parses: a bug or a hand-edited database.
    #[error("corrupt {column}: {value:?}")]
    Corrupt { column: &'static str, value: String },
    /// Asked where a record belongs whose id no page makes: a bug.
    #[error("{0:?} records are not added with an id from the page")]
    NotClaimable(crate::domain::record::RecordKind),
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

/// A small count or score kept in a BIGINT column, read back into the width the domain uses.
pub fn narrow<T: TryFrom<i64>>(column: &'static str, value: i64) -> Result<T, StoreError> {
    T::try_from(value).map_err(|_| StoreError::Corrupt {
        column,
        value: value.to_string(),
    })
}

/// A calendar day, stored as ISO `YYYY-MM-DD` text so that it sorts and compares the same way on
/// both backends (`Any` has no date type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub chrono::NaiveDate);

const DAY_FORMAT: &str = "%Y-%m-%d";

impl From<Day> for chrono::NaiveDate {
    fn from(day: Day) -> Self {
        day.0
    }
}

impl sqlx::Type<sqlx::Any> for Day {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <String as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<'q> sqlx::Encode<'q, sqlx::Any> for Day {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <String as sqlx::Encode<'q, sqlx::Any>>::encode(self.0.format(DAY_FORMAT).to_string(), buf)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Day {
    fn decode(
        value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
    ) -> Result<Self, sqlx::error::BoxDynError> {
        let text = <String as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
        chrono::NaiveDate::parse_from_str(&text, DAY_FORMAT)
            .map(Day)
            .map_err(|_| format!("not a day: {text:?}").into())
    }
}

/// A yes/no, stored as 0 or 1 in a BIGINT column with a CHECK: `Any` reads no SQLite booleans
/// (app/migrations/*/0001_foundation.sql).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(flag: Flag) -> Self {
        flag.0
    }
}

impl sqlx::Type<sqlx::Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <i64 as sqlx::Type<sqlx::Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <i64 as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<'q> sqlx::Encode<'q, sqlx::Any> for Flag {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <i64 as sqlx::Encode<'q, sqlx::Any>>::encode(i64::from(self.0), buf)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Flag {
    fn decode(
        value: <sqlx::Any as sqlx::Database>::ValueRef<'r>,
    ) -> Result<Self, sqlx::error::BoxDynError> {
        match <i64 as sqlx::Decode<'r, sqlx::Any>>::decode(value)? {
            0 => Ok(Flag(false)),
            1 => Ok(Flag(true)),
            other => Err(format!("not a flag (0 or 1): {other}").into()),
        }
    }
}

/// The id of a row nothing refers to by type (a meeting, a plan change, a break-glass opening):
/// a fresh UUID, stored as text like every other id.
#[derive(Clone, Copy, Debug)]
pub struct RowId(uuid::Uuid);

impl RowId {
    pub fn new() -> Self {
        RowId(uuid::Uuid::new_v4())
    }
}

impl sqlx::Type<sqlx::Any> for RowId {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
}

impl<'q> sqlx::Encode<'q, sqlx::Any> for RowId {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <String as sqlx::Encode<'q, sqlx::Any>>::encode(self.0.to_string(), buf)
    }
}
