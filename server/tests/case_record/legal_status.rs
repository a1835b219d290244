//! Each child's legal status history under the census validator's rules.

use super::*;

async fn status(
    app: &TestApp,
    cookie: &str,
    family: &str,
    child: &str,
    id: &str,
    fields: &[(&str, &str)],
) -> support::Reply {
    let mut form = vec![("family", family), ("member", child), ("status", id)];
    form.extend_from_slice(fields);
    app.call("record_legal_status", &form, Some(cookie)).await
}

async fn census_rules(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let family = app.family_id("Ashworth").await;
    let lily = app.member_id("Lily").await;
    let before = record(&app, &sam, &family, &lily).await;
    let open_plan = before
        .statuses
        .iter()
        .find(|p| p.ended_on.is_none())
        .expect("Lily's demo plan")
        .clone();
    let started = open_plan.started_on.format("%Y-%m-%d").to_string();

    // A second open plan is refused with the reason, beside the start date.
    let second = status(
        &app,
        &sam,
        &family,
        &lily,
        &new_id(),
        &[
            ("version", "0"),
            ("kind", "child_protection_plan"),
            ("initial_category", "EMO"),
            ("started_on", &day(-3)),
        ],
    )
    .await;
    assert_eq!(second.status, 422, "{}", second.body);
    assert!(
        second
            .body
            .contains("already has an open child protection plan"),
        "{}",
        second.body
    );
    // A child in need plan cannot run alongside it.
    let cin = status(
        &app,
        &sam,
        &family,
        &lily,
        &new_id(),
        &[
            ("version", "0"),
            ("kind", "child_in_need"),
            ("started_on", &day(-3)),
        ],
    )
    .await;
    assert_eq!(cin.status, 422);
    assert!(cin.body.contains("cannot run alongside"), "{}", cin.body);
    // Ending on the day it started is refused; the day after is not.
    let version = open_plan.version.to_string();
    let same_day = status(
        &app,
        &sam,
        &family,
        &lily,
        &open_plan.id.to_string(),
        &[
            ("version", &version),
            ("kind", "child_protection_plan"),
            ("initial_category", "NEG"),
            ("latest_category", "MUL"),
            ("started_on", &started),
            ("ended_on", &started),
        ],
    )
    .await;
    assert_eq!(same_day.status, 422);
    let ended = status(
        &app,
        &sam,
        &family,
        &lily,
        &open_plan.id.to_string(),
        &[
            ("version", &version),
            ("kind", "child_protection_plan"),
            ("initial_category", "NEG"),
            ("latest_category", "MUL"),
            ("started_on", &started),
            ("ended_on", &day(-1)),
        ],
    )
    .await;
    assert_eq!(ended.status, 200, "{}", ended.body);
    assert_eq!(
        app.one_text(
            "SELECT latest_category FROM legal_statuses WHERE id = $1",
            &open_plan.id.to_string()
        )
        .await,
        "MUL",
        "stored as the census code"
    );
    // Now a child in need plan may follow, from the day the plan ended.
    let follows = status(
        &app,
        &sam,
        &family,
        &lily,
        &new_id(),
        &[
            ("version", "0"),
            ("kind", "child_in_need"),
            ("started_on", &day(-1)),
        ],
    )
    .await;
    assert_eq!(follows.status, 200, "{}", follows.body);
    let after = record(&app, &sam, &family, &lily).await;
    assert_eq!(
        after.member.legal_status.map(|s| s.kind.code()),
        Some("child_in_need")
    );
    // A status is recorded for a child only, of this family.
    let kelly = app.member_id("Kelly").await;
    let adult = status(
        &app,
        &sam,
        &family,
        &kelly,
        &new_id(),
        &[
            ("version", "0"),
            ("kind", "child_in_need"),
            ("started_on", &day(-1)),
        ],
    )
    .await;
    assert_eq!(adult.status, 404);
    // Lily no longer counts for the cohort; Kai still does.
    let detail: FamilyDetail = app
        .call("family", &[("id", &family)], Some(&sam))
        .await
        .json();
    let reasons = detail.cohort.reasons.join(" ");
    assert!(reasons.contains("Kai"), "{reasons}");
    assert!(!reasons.contains("Lily"), "{reasons}");
}
on_both_backends!(the_census_rules_hold_for_legal_status, super::census_rules);
