//! The people of a household: added, corrected (from the version the form was made from) and
//! recorded as having left.

use super::db::WriteTx;
use super::families::StoredMember;
use super::row::{Day, StoreError};
use crate::domain::ids::{AuthorityId, FamilyId, MemberId};

/// Adds `member` at the end of its household; `false` when its id was taken after all.
pub async fn insert_member(
    write: &mut WriteTx,
    authority: AuthorityId,
    member: &StoredMember,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO members (id, family_id, position, kind, given_name, family_name, relationship, date_of_birth, expected_on, person_ref, authority_id, version)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM members WHERE family_id = $2), $3, $4, $5, $6, $7, $8, $9, $10, 1)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(member.id)
    .bind(member.family_id)
    .bind(member.kind)
    .bind(&member.given_name)
    .bind(&member.family_name)
    .bind(&member.relationship)
    .bind(member.date_of_birth.map(Day))
    .bind(member.expected_on.map(Day))
    .bind(member.person_ref.as_deref())
    .bind(authority)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves a correction over `member.version`, within its family.
pub async fn update_member(write: &mut WriteTx, member: &StoredMember) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE members SET kind = $1, given_name = $2, family_name = $3, relationship = $4, date_of_birth = $5, expected_on = $6, person_ref = $7, left_on = $8, version = version + 1
         WHERE id = $9 AND family_id = $10 AND version = $11",
    )
    .bind(member.kind)
    .bind(&member.given_name)
    .bind(&member.family_name)
    .bind(&member.relationship)
    .bind(member.date_of_birth.map(Day))
    .bind(member.expected_on.map(Day))
    .bind(member.person_ref.as_deref())
    .bind(member.left_on.map(Day))
    .bind(member.id)
    .bind(member.family_id)
    .bind(member.version)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Who in the council already has `person_ref`, read under the write lock.
pub async fn person_ref_holder(
    write: &mut WriteTx,
    authority: AuthorityId,
    person_ref: &str,
) -> Result<Option<(MemberId, FamilyId)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, family_id FROM members WHERE authority_id = $1 AND person_ref = $2",
    )
    .bind(authority)
    .bind(person_ref)
    .fetch_optional(&mut *write.tx)
    .await?)
}

/// Full names of `members`, in their order, read under the write lock.
pub async fn names_in(
    write: &mut WriteTx,
    members: &[MemberId],
) -> Result<Vec<String>, StoreError> {
    let mut names = Vec::with_capacity(members.len());
    for member in members {
        let name: Option<(String, String)> =
            sqlx::query_as("SELECT given_name, family_name FROM members WHERE id = $1")
                .bind(member)
                .fetch_optional(&mut *write.tx)
                .await?;
        names.push(name.map_or_else(String::new, |(given, family)| format!("{given} {family}")));
    }
    Ok(names)
}
