//! A team manager reviews the openings of their families from outside the team; those waiting
//! more than three working days are counted on the team dashboard.

mod support;

use app::page_data::openings::Openings;
use app::page_data::workbook::Dashboard;
use support::logins::MAYA;
use support::TestApp;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

async fn open_as_noor(app: &TestApp, family: &str, days_ago: i64) {
    let noor: String = app
        .one_text(
            "SELECT id FROM accounts WHERE login = $1",
            "noor.haddad@brookford.example",
        )
        .await;
    let opened = app::store::now_ms() - days_ago * DAY_MS;
    sqlx::query("INSERT INTO break_glass (id, account_id, family_id, reason, opened_at, expires_at) VALUES ($1, $2, $3, 'Covering duty for the weekend team', $4, $5)")
        .bind(support::new_id())
        .bind(&noor)
        .bind(family)
        .bind(opened)
        .bind(opened + 8 * 60 * 60 * 1000)
        .execute(app.db.pool())
        .await
        .expect("opening");
}

async fn overdue(app: &TestApp, maya: &str) -> usize {
    let dashboard: Dashboard = app.call("team_dashboard", &[], Some(maya)).await.json();
    dashboard.openings_overdue
}

async fn managers_review_openings(app: TestApp) {
    let maya = app.sign_in(MAYA).await;
    let ashworth = app.family_id("Ashworth").await;
    let before = overdue(&app, &maya).await;
    open_as_noor(&app, &ashworth, 20).await;
    open_as_noor(&app, &ashworth, 0).await;
    assert_eq!(
        overdue(&app, &maya).await,
        before + 1,
        "only the one waiting 3 working days"
    );

    let list: Openings = app
        .call("break_glass_reviews", &[], Some(&maya))
        .await
        .json();
    let waiting: Vec<_> = list
        .openings
        .iter()
        .filter(|o| o.reviewed_at.is_none())
        .collect();
    assert_eq!(waiting.len(), before + 2, "the demo's, and both new ones");
    assert!(waiting
        .iter()
        .all(|o| o.worker == "Noor Haddad" && !o.reason.is_empty()));
    for opening in &waiting {
        let id = opening.id.to_string();
        let reviewed = app
            .call("review_break_glass", &[("opening", &id)], Some(&maya))
            .await;
        assert_eq!(reviewed.status, 200, "{}", reviewed.body);
        let again = app
            .call("review_break_glass", &[("opening", &id)], Some(&maya))
            .await;
        assert_eq!(again.status, 200, "reviewing twice changes nothing");
    }
    assert_eq!(overdue(&app, &maya).await, 0);
    let list: Openings = app
        .call("break_glass_reviews", &[], Some(&maya))
        .await
        .json();
    assert!(list
        .openings
        .iter()
        .all(|o| o.reviewer.as_deref() == Some("Maya Okafor") && o.reviewed_at.is_some()));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'review_break_glass' AND record_kind = 'break_glass'")
            .await,
        i64::try_from(before + 2).expect("count"),
        "each review once in the trail, naming the opening"
    );
}

on_both_backends!(review, super::managers_review_openings);
