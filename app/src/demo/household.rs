//! A demo family's people, each child's legal status history and the trio's findings, made
//! through the versioned-record kernel as a social worker would make them.

use super::{date, DemoFamily, NewAccount, Person};
use crate::domain::family::{LegalStatusKind, MemberKind, ProtectionCategory};
use crate::domain::findings::Finding;
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, FindingId, LegalStatusId, MemberId};
use crate::domain::legal_status::StatusPeriod;
use crate::error::AppError;
use crate::services::case_record::findings::FindingSave;
use crate::services::case_record::household::{member_words, MemberSave};
use crate::services::case_record::legal_status::{status_words, StatusSave};
use crate::services::versioned::{save_in, Save, Saved};
use crate::store::families::StoredMember;
use crate::store::{self, WriteTx};
use chrono::NaiveDate;

/// A demo record is new, so the kernel adds it; anything else is a bug in the demo.
fn added(saved: Saved) -> Result<(), AppError> {
    match saved {
        Saved::Added(_) => Ok(()),
        _ => Err(AppError::Internal),
    }
}

/// A child's demo history: plans start with the initial conference (140 days ago, as the demo
/// workbook has it); a child in pre-proceedings is also on the plan that led there.
fn demo_statuses(
    member: MemberId,
    kind: LegalStatusKind,
    category: Option<ProtectionCategory>,
    today: NaiveDate,
) -> Vec<StatusPeriod> {
    let period = |kind, category, ago| StatusPeriod {
        id: LegalStatusId::new(),
        member_id: member,
        kind,
        initial_category: category,
        latest_category: category,
        started_on: today - chrono::Duration::days(ago),
        ended_on: None,
        version: 0,
    };
    match kind {
        LegalStatusKind::PreProceedings => vec![
            period(LegalStatusKind::ChildProtectionPlan, category, 140),
            period(LegalStatusKind::PreProceedings, None, 30),
        ],
        LegalStatusKind::ChildProtectionPlan => vec![period(kind, category, 140)],
        _ => vec![period(kind, None, 150)],
    }
}

/// Adds one person to a family's household, as its social worker would.
pub(super) async fn add_member(
    write: &mut WriteTx,
    authority: AuthorityId,
    member: &StoredMember,
    social_worker: AccountId,
    now: i64,
) -> Result<(), AppError> {
    let save = Save {
        family: member.family_id,
        after: member_words(member),
        current: None,
        reason: "",
        record: MemberSave {
            authority,
            member: member.clone(),
            typed: Default::default(),
        },
    };
    added(save_in(write, &save, social_worker, now).await?)
}

/// Adds `family`'s people (with their accounts), statuses and findings, recorded by its
/// social worker; the people, for the plans and workbook that follow.
#[allow(clippy::too_many_arguments)]
pub(super) async fn seed(
    write: &mut WriteTx,
    authority: AuthorityId,
    family_id: FamilyId,
    family: &DemoFamily,
    social_worker: AccountId,
    hash: &str,
    today: NaiveDate,
    now: i64,
) -> Result<Vec<Person>, AppError> {
    let mut people = Vec::new();
    for m in family.members {
        let member = StoredMember {
            id: MemberId::new(),
            family_id,
            kind: if m.status.is_some() {
                MemberKind::Child
            } else {
                MemberKind::Adult
            },
            given_name: m.given.into(),
            family_name: m.family.into(),
            relationship: m.relationship.into(),
            date_of_birth: Some(date(m.born)?),
            expected_on: None,
            person_ref: None,
            left_on: None,
            version: 0,
            statuses: Vec::new(),
            has_account: false,
        };
        add_member(write, authority, &member, social_worker, now).await?;
        if let Some((kind, category)) = m.status {
            for period in demo_statuses(member.id, kind, category, today) {
                let save = Save {
                    family: family_id,
                    after: status_words(&period),
                    current: None,
                    reason: "",
                    record: StatusSave {
                        family: family_id,
                        period,
                        child_name: m.given,
                        typed: Default::default(),
                    },
                };
                added(save_in(write, &save, social_worker, now).await?)?;
            }
        }
        let mut account_id = None;
        if let Some(login) = m.login {
            let name = format!("{} {}", m.given, m.family);
            let id = AccountId::new();
            account_id = Some(id);
            let account = NewAccount {
                id,
                authority_id: authority,
                login,
                display_name: &name,
                password_hash: hash,
                staff_role: None,
                team_id: None,
                member_id: Some(member.id),
                now,
            };
            store::accounts::insert(write, &account).await?;
        }
        people.push(Person {
            id: member.id,
            kind: member.kind,
            name: format!("{} {}", m.given, m.family),
            account: account_id,
        });
    }
    let first_adult = people
        .iter()
        .find(|p| p.kind == MemberKind::Adult)
        .ok_or(AppError::Internal)?
        .id;
    for (concern, identified_by, on) in family.trio {
        let finding = Finding {
            id: FindingId::new(),
            member_id: first_adult,
            concern: *concern,
            identified_by: *identified_by,
            identified_on: date(*on)?,
            ended_on: None,
            version: 0,
        };
        let save = Save {
            family: family_id,
            after: Vec::new(),
            current: None,
            reason: "",
            record: FindingSave {
                family: family_id,
                finding,
            },
        };
        added(save_in(write, &save, social_worker, now).await?)?;
    }
    Ok(people)
}
