//! Choosing who works with a family, and moving it to another team: its team's manager or an
//! administrator, from the family's team only, with every change kept in the history.

mod support;

use app::page_data::allocation::AllocationView;
use support::logins::{JORDAN, MAYA, SAM};
use support::TestApp;

async fn account(app: &TestApp, login: &str) -> String {
    app.one_text("SELECT id FROM accounts WHERE login = $1", login)
        .await
}

async fn view(app: &TestApp, family: &str, cookie: &str) -> AllocationView {
    app.call("allocation", &[("family", family)], Some(cookie))
        .await
        .json()
}

async fn allocate(
    app: &TestApp,
    cookie: &str,
    family: &str,
    role: &str,
    worker: &str,
    was: &str,
) -> support::Reply {
    app.call(
        "allocate",
        &[
            ("family", family),
            ("role", role),
            ("worker", worker),
            ("was", was),
        ],
        Some(cookie),
    )
    .await
}

async fn changes_of_worker(app: TestApp) {
    let ashworth = app.family_id("Ashworth").await;
    let maya = app.sign_in(MAYA).await;
    let sam = account(&app, SAM).await;
    let priya = account(&app, "priya.nair@brookford.example").await;
    let noor = account(&app, "noor.haddad@brookford.example").await;
    let dana = account(&app, "dana.price@brookford.example").await;

    let page = view(&app, &ashworth, &maya).await;
    let social = page
        .roles
        .iter()
        .find(|r| r.role.code() == "social_worker")
        .expect("social worker");
    assert_eq!(
        social.current.as_ref().map(|c| c.id.to_string()),
        Some(sam.clone())
    );
    assert!(social.choices.iter().any(|c| c.id.to_string() == priya));
    assert!(page.reads_family, "the manager can open the family");

    // Sam hands over to Priya: one period ends, the next begins, both kept.
    let changed = allocate(&app, &maya, &ashworth, "social_worker", &priya, &sam).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    let page = view(&app, &ashworth, &maya).await;
    let periods: Vec<_> = page
        .history
        .iter()
        .filter(|p| p.role.code() == "social_worker")
        .collect();
    assert_eq!(periods.len(), 2, "{periods:?}");
    assert_eq!(periods[0].worker, "Priya Nair");
    assert_eq!(periods[0].until_at, None);
    assert_eq!(periods[0].allocated_by.as_deref(), Some("Maya Okafor"));
    assert_eq!(periods[1].worker, "Sam Whitfield");
    assert_eq!(periods[1].until_at, Some(periods[0].from_at));
    assert_eq!(periods[1].ended_by.as_deref(), Some("Maya Okafor"));
    let detail = app
        .one_text(
            "SELECT detail FROM audit_log WHERE action = 'change_allocation' AND family_id = $1",
            &ashworth,
        )
        .await;
    assert_eq!(detail, "Social worker: Sam Whitfield → Priya Nair");

    // A page showing Sam, sent after the change, saves nothing and says who it is now.
    let stale = allocate(&app, &maya, &ashworth, "social_worker", &sam, &sam).await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert!(stale.body.contains("is now Priya Nair"), "{}", stale.body);

    // Only someone of the role, from the family's team.
    let other_team = allocate(&app, &maya, &ashworth, "social_worker", &noor, &priya).await;
    assert_eq!(other_team.status, 422);
    assert!(
        other_team.body.contains("from the family's team"),
        "{}",
        other_team.body
    );
    let wrong_role = allocate(
        &app,
        &maya,
        &ashworth,
        "domestic_abuse_practitioner",
        &priya,
        &dana,
    )
    .await;
    assert_eq!(wrong_role.status, 422);
    let not_a_role = allocate(&app, &maya, &ashworth, "team_manager", &priya, "").await;
    assert_eq!(not_a_role.status, 404, "managers are not allocated");

    // No one, then someone again: still one history.
    let none = allocate(
        &app,
        &maya,
        &ashworth,
        "domestic_abuse_practitioner",
        app::page_data::allocation::NO_ONE,
        &dana,
    )
    .await;
    assert_eq!(none.status, 200, "{}", none.body);
    let back = allocate(
        &app,
        &maya,
        &ashworth,
        "domestic_abuse_practitioner",
        &dana,
        "",
    )
    .await;
    assert_eq!(back.status, 200, "{}", back.body);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM allocation_periods WHERE family_id = '{ashworth}' AND role = 'domestic_abuse_practitioner'"
        ))
        .await,
        2
    );

    // An administrator allocates too, and is not offered the family's record.
    let jordan = app.sign_in(JORDAN).await;
    let admin_view = view(&app, &ashworth, &jordan).await;
    assert!(!admin_view.reads_family);
    let by_admin = allocate(&app, &jordan, &ashworth, "social_worker", &sam, &priya).await;
    assert_eq!(by_admin.status, 200, "{}", by_admin.body);

    // A practitioner does not choose, and the refusal is recorded.
    let sam_cookie = app.sign_in(SAM).await;
    let refused = allocate(&app, &sam_cookie, &ashworth, "social_worker", &priya, &sam).await;
    assert_eq!(refused.status, 403);
}
on_both_backends!(
    changes_of_worker_keep_their_history,
    super::changes_of_worker
);

async fn moving_a_family(app: TestApp) {
    let ashworth = app.family_id("Ashworth").await;
    let south = app
        .one_text(
            "SELECT id FROM teams WHERE name = $1",
            "Family Safeguarding South",
        )
        .await;
    let harwick = support::council::add_another(&app).await;
    let jordan = app.sign_in(JORDAN).await;
    let abroad = app
        .call(
            "move_family",
            &[("family", &ashworth), ("team", &harwick)],
            Some(&jordan),
        )
        .await;
    assert_eq!(abroad.status, 403, "never to another council");
    let sam = app.sign_in(SAM).await;
    let before = app.call("caseload", &[], Some(&sam)).await.body;
    assert!(before.contains("Ashworth"));
    let moved = app
        .call(
            "move_family",
            &[("family", &ashworth), ("team", &south)],
            Some(&jordan),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM allocations WHERE family_id = '{ashworth}'"
        ))
        .await,
        0,
        "the old team's workers are no longer allocated"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM allocation_periods WHERE family_id = '{ashworth}' AND until_at IS NULL"
        ))
        .await,
        0
    );
    let after = app.call("caseload", &[], Some(&sam)).await.body;
    assert!(!after.contains("Ashworth"), "it left Sam's caseload");
    let page = view(&app, &ashworth, &jordan).await;
    assert_eq!(page.team.name, "Family Safeguarding South");
    assert!(page.roles.iter().all(|r| r.current.is_none()));
    let grace = app.sign_in("grace.mensah@brookford.example").await;
    assert_eq!(
        view(&app, &ashworth, &grace).await.team.name,
        "Family Safeguarding South"
    );
}
on_both_backends!(families_move_between_teams, super::moving_a_family);
