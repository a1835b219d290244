//! A small family of a test's own: one parent and one child, in the team of the workers it is
//! allocated to. A test that counts or checks for absence uses one, so what the demo data holds
//! cannot change its answer.

use super::TestApp;
use app::domain::family::MemberKind;
use app::domain::ids::{AccountId, FamilyId, MemberId, TeamId};
use app::domain::role::StaffRole;
use app::store::families::StoredMember;
use app::store::{self, now_ms};
use chrono::NaiveDate;
use sqlx::Row;

pub struct SmallFamily {
    pub id: String,
    /// The parent, a member with no account of their own.
    pub parent: String,
    pub child: String,
}

impl TestApp {
    /// A new family named `name`, allocated to `workers` (staff logins) in their own roles, in
    /// the first worker's team.
    pub async fn small_family(&self, name: &str, workers: &[&str]) -> SmallFamily {
        let mut allocations = Vec::new();
        let mut team = None;
        for login in workers {
            let row = sqlx::query("SELECT id, staff_role, team_id FROM accounts WHERE login = $1")
                .bind(*login)
                .fetch_one(self.db.pool())
                .await
                .unwrap_or_else(|e| panic!("{login} is a demo account: {e}"));
            let id: AccountId = text(&row, "id").parse().expect("account id");
            let role = StaffRole::from_code(&text(&row, "staff_role")).expect("a staff role");
            team.get_or_insert_with(|| text(&row, "team_id").parse::<TeamId>().expect("team id"));
            allocations.push((role, id));
        }
        let team = team.expect("at least one worker");
        let family = FamilyId::new();
        let now = now_ms();
        let mut write = self.db.write().await.expect("write lock");
        store::families::insert_family(&mut write, family, team, name, now)
            .await
            .expect("family added");
        let member = |kind, given: &str, born: (i32, u32, u32)| StoredMember {
            id: MemberId::new(),
            family_id: family,
            kind,
            given_name: given.into(),
            family_name: name.into(),
            relationship: match kind {
                MemberKind::Adult => "Mother".into(),
                MemberKind::Child => "Daughter".into(),
            },
            date_of_birth: NaiveDate::from_ymd_opt(born.0, born.1, born.2),
            expected_on: None,
            person_ref: None,
            left_on: None,
            version: 1,
            statuses: Vec::new(),
            has_account: false,
        };
        let parent = member(MemberKind::Adult, "Alex", (1990, 3, 14));
        let child = member(MemberKind::Child, "Jo", (2019, 9, 2));
        let authority: String = sqlx::query_scalar("SELECT authority_id FROM teams WHERE id = $1")
            .bind(team.to_string())
            .fetch_one(&mut *write.tx)
            .await
            .expect("the team's council");
        let authority = authority.parse().expect("authority id");
        for m in [&parent, &child] {
            store::household::insert_member(&mut write, authority, m)
                .await
                .expect("member added");
        }
        for (role, worker) in allocations {
            store::families::allocate(&mut write, family, role, worker, now)
                .await
                .expect("worker allocated");
        }
        write.commit().await.expect("family committed");
        SmallFamily {
            id: family.to_string(),
            parent: parent.id.to_string(),
            child: child.id.to_string(),
        }
    }
}

fn text(row: &sqlx::any::AnyRow, column: &str) -> String {
    row.try_get::<String, _>(column)
        .unwrap_or_else(|e| panic!("{column}: {e}"))
}
