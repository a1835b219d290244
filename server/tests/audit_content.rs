//! The audit trail holds no case content: which record, what kind of action, who, when and from
//! where, never a typed reason, a family member's name or a score. Records can then be erased
//! under the retention schedule while the trail, and its seals, stay as they are.

mod support;

use app::page_data::audit_trail::TrailPage;
use sqlx::Row;
use support::{day, logins, new_id, TestApp};

const REASON: &str = "Duty cover: a zebrafinch incident at the family's address overnight";

/// Every text the trail stores, one string per entry.
async fn stored_entries(app: &TestApp) -> Vec<(String, String)> {
    sqlx::query("SELECT action, actor_name, record_kind, COALESCE(record_id, '') AS record_id, detail, origin FROM audit_log ORDER BY seq")
        .fetch_all(app.db.pool())
        .await
        .expect("trail")
        .iter()
        .map(|r| {
            let text = ["actor_name", "record_kind", "record_id", "detail", "origin"]
                .iter()
                .map(|c| r.get::<String, _>(*c))
                .collect::<Vec<_>>()
                .join(" | ");
            (r.get::<String, _>("action"), text)
        })
        .collect()
}

async fn the_trail_holds_no_case_content(app: TestApp) {
    let sam = app.sign_in(logins::SAM).await;
    let ashworth = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    let goal = app.first_goal_of(&kelly).await;

    // A worker of another team breaks glass with a typed reason.
    let noor = app.sign_in("noor.haddad@brookford.example").await;
    let opened = app
        .call(
            "open_family",
            &[("id", &ashworth), ("reason", REASON)],
            Some(&noor),
        )
        .await;
    assert!(opened.status < 400, "{}", opened.body);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM break_glass").await,
        2,
        "the reason is kept for the manager's review, outside the trail (beside the demo's own opening)"
    );

    // Scores: a worker's rating, a parent's own rating, a stage of change.
    let (today, worker_score, own_score) = (day(0), "7", "3");
    for (function, form, cookie) in [
        (
            "add_check_in",
            vec![
                ("family", ashworth.as_str()),
                ("goal", goal.as_str()),
                ("check_in", &new_id()),
                ("scale", "worker"),
                ("score", worker_score),
                ("given_on", &today),
            ],
            &sam,
        ),
        (
            "record_stage",
            vec![
                ("family", ashworth.as_str()),
                ("goal", goal.as_str()),
                ("stage_note", &new_id()),
                ("stage", "contemplation"),
                ("noted_on", &today),
            ],
            &sam,
        ),
    ] {
        let reply = app.call(function, &form, Some(cookie)).await;
        assert_eq!(reply.status, 200, "{function}: {}", reply.body);
    }
    let kelly_cookie = app.sign_in("kelly.ashworth").await;
    let rated = app
        .call(
            "rate_goal",
            &[
                ("goal", &goal),
                ("check_in", &new_id()),
                ("score", own_score),
            ],
            Some(&kelly_cookie),
        )
        .await;
    assert_eq!(rated.status, 200, "{}", rated.body);

    // An invitation for a named parent, shown, and claimed.
    let darren = app.member_id("Darren").await;
    let invitation = new_id();
    let made = app
        .call(
            "create_invitation",
            &[("member", &darren), ("invitation", &invitation)],
            Some(&sam),
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    let view: app::page_data::family::InvitationView = app
        .call(
            "invitation",
            &[("id", &invitation), ("shown", &made.shown())],
            Some(&sam),
        )
        .await
        .json();
    let code = view.code.expect("a fresh code");
    let joined = app
        .call(
            "claim_invitation",
            &[
                ("code", &code),
                ("login", "darren.a"),
                ("passphrase", "tea garden robin"),
                ("confirm", "tea garden robin"),
            ],
            None,
        )
        .await;
    assert_eq!(joined.status, 200, "{}", joined.body);

    let entries = stored_entries(&app).await;
    for (action, text) in &entries {
        for content in [
            "zebrafinch",
            "Kelly",
            "Darren",
            "Ashworth",
            "Sam Whitfield",
            "Contemplation",
            "contemplation",
        ] {
            assert!(
                !text.contains(content),
                "{content:?} is in the trail: {action}: {text}"
            );
        }
    }
    for action in ["add_check_in", "family_rating", "record_stage"] {
        let (_, text) = entries
            .iter()
            .find(|(a, _)| a == action)
            .unwrap_or_else(|| panic!("{action} is audited"));
        let detail = text.split(" | ").nth(3).expect("detail");
        assert!(
            !detail.chars().any(|c| c.is_ascii_digit()),
            "a score in {action}: {detail:?}"
        );
    }
    assert!(
        entries
            .iter()
            .any(|(a, t)| a == "open_outside_team" && t.contains("outside own team")),
        "break glass is audited, with where but not why"
    );

    // The manager still reads who it was: names come from the accounts when the page is read.
    let maya = app.sign_in(logins::MAYA).await;
    let page: TrailPage = app.call("audit_trail", &[], Some(&maya)).await.json();
    for name in ["Sam Whitfield", "Darren Ashworth", "Kelly Ashworth"] {
        assert!(
            page.entries.iter().any(|e| e.actor_name == name),
            "{name} is named on the manager's page"
        );
    }
}
on_both_backends!(
    the_trail_holds_no_case_content,
    super::the_trail_holds_no_case_content
);
