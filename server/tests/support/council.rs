//! A second council beside the demo's, with a social worker and an administrator of its own:
//! its people must never reach the demo council's families, teams or accounts.

use super::{new_id, TestApp, PASSWORD};

pub const OTHER_WORKER: &str = "ellis.grant@harwick.example";
pub const OTHER_ADMIN: &str = "kit.morris@harwick.example";

/// Adds Harwick Council, one team, one social worker and an administrator; returns the team's id.
pub async fn add_another(app: &TestApp) -> String {
    let authority = new_id();
    let team = new_id();
    let pool = app.db.pool();
    sqlx::query("INSERT INTO local_authorities (id, name) VALUES ($1, 'Harwick Council')")
        .bind(&authority)
        .execute(pool)
        .await
        .expect("authority");
    sqlx::query(
        "INSERT INTO teams (id, authority_id, name) VALUES ($1, $2, 'Harwick Family Safeguarding')",
    )
    .bind(&team)
    .bind(&authority)
    .execute(pool)
    .await
    .expect("team");
    let hash = app::auth::passwords::hash(PASSWORD.to_string())
        .await
        .expect("hash");
    sqlx::query(
        "INSERT INTO accounts (id, authority_id, login, display_name, password_hash, staff_role, team_id, created_at)
         VALUES ($1, $2, $3, 'Ellis Grant', $4, 'social_worker', $5, 0)",
    )
    .bind(new_id())
    .bind(&authority)
    .bind(OTHER_WORKER)
    .bind(&hash)
    .bind(&team)
    .execute(pool)
    .await
    .expect("worker");
    sqlx::query(
        "INSERT INTO accounts (id, authority_id, login, display_name, password_hash, staff_role, created_at)
         VALUES ($1, $2, $3, 'Kit Morris', $4, 'administrator', 0)",
    )
    .bind(new_id())
    .bind(&authority)
    .bind(OTHER_ADMIN)
    .bind(&hash)
    .execute(pool)
    .await
    .expect("administrator");
    team
}

/// A member of the demo council's North team who has not set up their account yet: for
/// administrators to disable, re-enable and move. Returns the account's id.
pub async fn add_newcomer(app: &TestApp) -> String {
    let id = new_id();
    sqlx::query(
        "INSERT INTO accounts (id, authority_id, login, display_name, password_hash, staff_role, team_id, created_at)
         SELECT $1, authority_id, 'newcomer@brookford.example', 'Newcomer', '', 'psychologist', id, 0
         FROM teams WHERE name = 'Family Safeguarding North'",
    )
    .bind(&id)
    .execute(app.db.pool())
    .await
    .expect("newcomer");
    id
}
