//! The trio as findings that end, and a case closed (read-only, off the caseload, the parent
//! told) and reopened.

use super::*;

async fn findings_and_closure(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let family = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    let page: FindingsView = app
        .call("findings", &[("family", &family)], Some(&sam))
        .await
        .json();
    assert_eq!(page.findings.len(), 3);
    let drugs = page
        .findings
        .iter()
        .find(|(f, _)| f.concern.code() == "2B")
        .expect("the demo's drug misuse finding")
        .0
        .clone();
    // Ending it takes the trio, and with it the cohort, away.
    let ended = app
        .call(
            "record_finding",
            &[
                ("family", family.as_str()),
                ("finding", &drugs.id.to_string()),
                ("version", "1"),
                ("member", &kelly),
                ("concern", "2B"),
                ("identified_by", "social_work_assessment"),
                (
                    "identified_on",
                    &drugs.identified_on.format("%Y-%m-%d").to_string(),
                ),
                ("ended_on", &day(0)),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(ended.status, 200, "{}", ended.body);
    let detail: FamilyDetail = app
        .call("family", &[("id", &family)], Some(&sam))
        .await
        .json();
    assert!(!detail.cohort.meets);
    // A finding is about an adult of this household.
    let lily = app.member_id("Lily").await;
    let about_a_child = app
        .call(
            "record_finding",
            &[
                ("family", family.as_str()),
                ("finding", &new_id()),
                ("version", "0"),
                ("member", &lily),
                ("concern", "1B"),
                ("identified_by", "referral"),
                ("identified_on", &day(-2)),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(about_a_child.status, 422);

    // Closing: off the caseload, read-only, the parent told kindly.
    let kelly_cookie = app.sign_in(KELLY).await;
    let close = app
        .call(
            "close_case",
            &[
                ("family", family.as_str()),
                ("closed_on", &day(0)),
                ("reason", "RC7"),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(close.status, 200, "{}", close.body);
    let caseload: Caseload = app.call("caseload", &[], Some(&sam)).await.json();
    assert!(caseload
        .mine
        .iter()
        .chain(&caseload.others)
        .all(|f| f.name != "Ashworth"));
    // With the demo's two long-closed families of the team (Holloway and Jessop).
    assert_eq!(caseload.closed, 3, "counted as closed");
    let closed: ClosedCases = app.call("closed_families", &[], Some(&sam)).await.json();
    assert_eq!(
        closed.families.iter().map(|f| f.id.to_string()).next(),
        Some(family.clone()),
        "listed as closed, newest first, for reopening"
    );
    let week = app.call("week", &[], Some(&sam)).await;
    assert!(!week.body.contains("Ashworth"), "off the due list");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM allocations WHERE family_id = '{family}'"
        ))
        .await,
        0
    );
    let goal = app.first_goal_of(&kelly).await;
    let edit = app
        .call(
            "set_goal_status",
            &[
                ("family", family.as_str()),
                ("goal", &goal),
                ("status", "achieved"),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(edit.status, 409, "read-only: {}", edit.body);
    assert!(edit.body.contains("read-only"), "{}", edit.body);
    let own = app.call("own_page", &[], Some(&kelly_cookie)).await;
    assert_eq!(own.status, 200);
    assert!(
        own.body.contains("Our work with your family finished"),
        "{}",
        own.body
    );
    assert!(
        !own.body.contains("goals\":[{"),
        "no plan is shown: {}",
        own.body
    );
    let maya = app.sign_in(MAYA).await;
    let twice = app
        .call(
            "close_case",
            &[
                ("family", family.as_str()),
                ("closed_on", &day(0)),
                ("reason", "RC7"),
            ],
            Some(&maya),
        )
        .await;
    assert_eq!(twice.status, 409);

    // Reopened with a reason by the manager: changes are taken again.
    let no_reason = app
        .call(
            "reopen_case",
            &[("family", family.as_str()), ("reason", " ")],
            Some(&maya),
        )
        .await;
    assert_eq!(no_reason.status, 422);
    let priya = app.sign_in(PRIYA).await;
    let reopened = app
        .call(
            "reopen_case",
            &[
                ("family", family.as_str()),
                ("reason", "New referral from the school"),
            ],
            Some(&priya),
        )
        .await;
    assert_eq!(reopened.status, 200, "{}", reopened.body);
    let own = app.call("own_page", &[], Some(&kelly_cookie)).await;
    assert!(!own.body.contains("Our work with your family finished"));
    let closures = app
        .count(&format!(
            "SELECT COUNT(*) FROM case_closures WHERE family_id = '{family}' AND reopened_at IS NOT NULL"
        ))
        .await;
    assert_eq!(closures, 1);
}
on_both_backends!(
    findings_end_and_a_closed_case_is_read_only,
    super::findings_and_closure
);
