//! Three families whose cases closed long ago, brought over from the council's old case
//! system: every period of the example retention schedule has passed, so the disposal review
//! lists them (and the end-to-end tests destroy one each).

use super::date;
use super::household::add_member;
use crate::domain::closure::{Closed, ClosureReason};
use crate::domain::family::MemberKind;
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, MemberId, TeamId};
use crate::error::AppError;
use crate::store::families::StoredMember;
use crate::store::{self, WriteTx};

type Born = (i32, u32, u32);
/// A person's given name, relationship and date of birth.
type Person = (&'static str, &'static str, Born);

/// A family's name, its team (north or not), the day it closed, and its adult and child.
const ARCHIVE: [(&str, bool, Born, Person, Person); 3] = [
    (
        "Holloway",
        true,
        (1989, 6, 30),
        ("Janet", "Mother", (1962, 2, 11)),
        ("Dean", "Son", (1984, 9, 3)),
    ),
    (
        "Irving",
        false,
        (1990, 2, 14),
        ("Paula", "Mother", (1965, 7, 19)),
        ("Shane", "Son", (1986, 1, 27)),
    ),
    (
        "Jessop",
        true,
        (1988, 11, 4),
        ("Mark", "Father", (1960, 12, 1)),
        ("Leanne", "Daughter", (1983, 5, 16)),
    ),
];

/// Adds the closed families to the north or south team, recorded by `recorded_by`.
pub(super) async fn seed(
    write: &mut WriteTx,
    authority: AuthorityId,
    (north, south): (TeamId, TeamId),
    recorded_by: AccountId,
    now: i64,
) -> Result<(), AppError> {
    for (name, in_north, closed_on, adult, child) in ARCHIVE {
        let family = FamilyId::new();
        let team = if in_north { north } else { south };
        store::families::insert_family(write, family, team, name, now).await?;
        for (kind, (given, relationship, born)) in
            [(MemberKind::Adult, adult), (MemberKind::Child, child)]
        {
            let member = StoredMember {
                id: MemberId::new(),
                family_id: family,
                kind,
                given_name: given.into(),
                family_name: name.into(),
                relationship: relationship.into(),
                date_of_birth: Some(date(born)?),
                expected_on: None,
                person_ref: None,
                left_on: None,
                version: 0,
                statuses: Vec::new(),
                has_account: false,
            };
            add_member(write, authority, &member, recorded_by, now).await?;
        }
        let closed = Closed {
            on: date(closed_on)?,
            reason: ClosureReason::ServicesCeased,
        };
        store::case_closures::close(write, family, &closed, recorded_by, now).await?;
    }
    Ok(())
}
