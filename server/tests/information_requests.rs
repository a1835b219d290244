//! A subject access request from logging to closing: found by name (the name never in an
//! address or the trail), logged once however often it is sent, its due date moved by the
//! identity check and an extension, a stale form refused, and closed for good.
//! Who may do each of these is in the authorization matrix.

mod support;

use app::domain::information_rights::request::RequestStatus;
use app::domain::information_rights::request_due::due_on;
use app::page_data::information_requests::{RequestList, RequestPage, SubjectSearch};
use support::logins::MAYA;
use support::{day, new_id, TestApp};

const HANA: &str = "hana.ito@brookford.example";

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

async fn request_page(app: &TestApp, cookie: &str, id: &str) -> RequestPage {
    let reply = app
        .call("information_request", &[("id", id)], Some(cookie))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn a_request_from_logging_to_closing(app: TestApp) {
    let hana = app.sign_in(HANA).await;
    let kelly = app.member_id("Kelly").await;

    // Finding her: the name goes in the body; the page is given a held id.
    let found = app
        .call(
            "find_request_subject",
            &[("name", "kelly ASH")],
            Some(&hana),
        )
        .await;
    let to = found.redirected_to().expect("a redirect").to_string();
    assert!(to.starts_with("/information-requests/find?found="), "{to}");
    assert!(!to.to_lowercase().contains("kelly"), "{to}");
    let held = to
        .split_once("found=")
        .map(|(_, id)| id)
        .unwrap_or_default();
    let search: SubjectSearch = app
        .call("request_subjects", &[("found", held)], Some(&hana))
        .await
        .json();
    assert_eq!(search.words, "kelly ASH");
    assert_eq!(search.subjects.len(), 1, "{search:?}");
    assert_eq!(search.subjects[0].member_id.to_string(), kelly);
    // `_` and `%` are letters like any other: "a_h" would match "Ash" as a pattern.
    let literal = app
        .call("find_request_subject", &[("name", "a_h")], Some(&hana))
        .await;
    let held_literal = literal.redirected_to().expect("a redirect").to_string();
    let literal: SubjectSearch = app
        .call(
            "request_subjects",
            &[(
                "found",
                held_literal
                    .split_once("found=")
                    .map(|(_, id)| id)
                    .unwrap_or_default(),
            )],
            Some(&hana),
        )
        .await
        .json();
    assert!(literal.subjects.is_empty(), "{literal:?}");
    let too_short = app
        .call("find_request_subject", &[("name", "%_%")], Some(&hana))
        .await;
    assert_eq!(too_short.status, 422, "{}", too_short.body);
    // Another session cannot read what was held for this one.
    let other = app.sign_in(HANA).await;
    let borrowed = app
        .call("request_subjects", &[("found", held)], Some(&other))
        .await;
    assert_eq!(borrowed.status, 404, "{}", borrowed.body);

    // Logged twice under one id: one request.
    let id = new_id();
    let received = day(-10);
    let form = [
        ("request", id.as_str()),
        ("member", kelly.as_str()),
        ("received_on", received.as_str()),
        ("identity_checked_on", ""),
        ("requester", ""),
    ];
    for _ in 0..2 {
        let logged = app
            .call("log_information_request", &form, Some(&hana))
            .await;
        assert_eq!(logged.status, 200, "{}", logged.body);
    }
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM information_requests WHERE id = '{id}'"
        ))
        .await,
        1
    );
    // The same id for a request about someone else is refused.
    let chloe = app.member_id("Chloe").await;
    let reused = app
        .call(
            "log_information_request",
            &[
                ("request", id.as_str()),
                ("member", chloe.as_str()),
                ("received_on", received.as_str()),
                ("identity_checked_on", ""),
                ("requester", ""),
            ],
            Some(&hana),
        )
        .await;
    assert_eq!(reused.status, 404, "{}", reused.body);

    let logged = request_page(&app, &hana, &id).await;
    let received_day = today() - chrono::Duration::days(10);
    assert_eq!(logged.due_on, due_on(received_day, 0));
    assert_eq!(logged.status, RequestStatus::Open);
    assert_eq!(logged.logged_by, "Hana Ito");

    // Kelly's manager sees it in her team's list; the other team's manager does not.
    let maya = app.sign_in(MAYA).await;
    let list: RequestList = app
        .call("information_requests", &[], Some(&maya))
        .await
        .json();
    assert!(list.open.iter().any(|r| r.id.to_string() == id));
    let grace = app.sign_in("grace.mensah@brookford.example").await;
    let list: RequestList = app
        .call("information_requests", &[], Some(&grace))
        .await
        .json();
    assert!(!list.open.iter().any(|r| r.id.to_string() == id));

    // The identity check moves the month; a form read before it is refused, not applied.
    let checked = day(-3);
    let identity = app
        .call(
            "record_identity_check",
            &[("request", &id), ("version", "1"), ("checked_on", &checked)],
            Some(&hana),
        )
        .await;
    assert_eq!(identity.status, 200, "{}", identity.body);
    let stale = app
        .call(
            "finish_information_request",
            &[
                ("request", &id),
                ("version", "1"),
                ("ending", "withdrawn"),
                ("finished_on", &day(0)),
            ],
            Some(&maya),
        )
        .await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    let moved = request_page(&app, &hana, &id).await;
    let starts = today() - chrono::Duration::days(3);
    assert_eq!(moved.due_on, due_on(starts, 0));
    assert_eq!(
        moved.status,
        RequestStatus::Open,
        "the stale close changed nothing"
    );

    // Extended by two months, the requester told today.
    let extended = app
        .call(
            "extend_information_request",
            &[
                ("request", &id),
                ("version", "2"),
                ("extra_months", "2"),
                ("reason", "Twelve years of records across three teams"),
                ("told_on", &day(0)),
            ],
            Some(&maya),
        )
        .await;
    assert_eq!(extended.status, 200, "{}", extended.body);
    let again = app
        .call(
            "extend_information_request",
            &[
                ("request", &id),
                ("version", "3"),
                ("extra_months", "1"),
                ("reason", "More"),
                ("told_on", &day(0)),
            ],
            Some(&maya),
        )
        .await;
    assert_eq!(again.status, 422, "one extension only: {}", again.body);
    let long = request_page(&app, &hana, &id).await;
    assert_eq!(long.due_on, due_on(starts, 2));

    // Answered; then it takes no more changes.
    let answered = app
        .call(
            "finish_information_request",
            &[
                ("request", &id),
                ("version", "3"),
                ("ending", "answered"),
                ("finished_on", &day(0)),
            ],
            Some(&hana),
        )
        .await;
    assert_eq!(answered.status, 200, "{}", answered.body);
    let after = app
        .call(
            "finish_information_request",
            &[
                ("request", &id),
                ("version", "4"),
                ("ending", "withdrawn"),
                ("finished_on", &day(0)),
            ],
            Some(&hana),
        )
        .await;
    assert_eq!(after.status, 409, "{}", after.body);
    let list: RequestList = app
        .call("information_requests", &[], Some(&hana))
        .await
        .json();
    assert!(!list.open.iter().any(|r| r.id.to_string() == id));
    assert!(list
        .finished
        .iter()
        .any(|r| r.id.to_string() == id && r.status == RequestStatus::Answered));

    // Every step is in the trail, about Kelly's family, and nothing typed is.
    app.assert_in_trail(&[
        "find_request_subject",
        "log_information_request",
        "view_information_request",
        "update_information_request",
        "view_information_requests",
    ])
    .await;
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'update_information_request' AND record_id = '{id}'"
        ))
        .await,
        3
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM audit_log WHERE LOWER(detail) LIKE '%kelly%' OR detail LIKE '%Twelve years%'"
        )
        .await,
        0
    );
}

async fn overdue_requests_lead_the_list(app: TestApp) {
    let hana = app.sign_in(HANA).await;
    let kelly = app.member_id("Kelly").await;
    let marcus = app.member_id("Marcus").await;
    let (late, recent) = (new_id(), new_id());
    for (id, member, received) in [(&recent, &marcus, day(-2)), (&late, &kelly, day(-60))] {
        let logged = app
            .call(
                "log_information_request",
                &[
                    ("request", id),
                    ("member", member),
                    ("received_on", &received),
                    ("identity_checked_on", ""),
                    ("requester", "Their solicitor"),
                ],
                Some(&hana),
            )
            .await;
        assert_eq!(logged.status, 200, "{}", logged.body);
    }
    let list: RequestList = app
        .call("information_requests", &[], Some(&hana))
        .await
        .json();
    let ids: Vec<String> = list.open.iter().map(|r| r.id.to_string()).collect();
    assert_eq!(ids, vec![late.clone(), recent.clone()]);
    assert!(list.open[0].overdue && !list.open[1].overdue);
    assert_eq!(list.open[1].requester.as_deref(), Some("Their solicitor"));
    assert_eq!(list.reach, "Brookford Council (made up)");
}

on_both_backends!(flow, super::a_request_from_logging_to_closing);
on_both_backends!(overdue, super::overdue_requests_lead_the_list);
