//! A subject access request's disclosure: everything about Kelly gathered, words naming a third
//! party and a whole passage withheld, approved by a second person (never the reviewer), and
//! the document and its JSON made without the withheld words. A change to her records after
//! the approval stops the document until it is reviewed again.

mod support;

use app::domain::information_rights::disclosure::Disclosure;
use app::domain::information_rights::passage::Section;
use app::domain::information_rights::redaction::shown_text;
use app::domain::information_rights::withholding::WithholdReason;
use app::page_data::disclosure::ReviewPage;
use support::logins::MAYA;
use support::{day, new_id, TestApp};

const HANA: &str = "hana.ito@brookford.example";
const THIRD_PARTY: &str = "Dawn Okoro";

async fn review(app: &TestApp, cookie: &str, request: &str) -> ReviewPage {
    let reply = app
        .call("disclosure_review", &[("request", request)], Some(cookie))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn withhold(
    app: &TestApp,
    cookie: &str,
    request: &str,
    passage: &str,
    words: &str,
    reason: &str,
) -> support::Reply {
    app.call(
        "withhold",
        &[
            ("request", request),
            ("withholding", &new_id()),
            ("passage", passage),
            ("words", words),
            ("reason", reason),
            ("note", ""),
        ],
        Some(cookie),
    )
    .await
}

async fn a_disclosure_without_what_was_withheld(app: TestApp) {
    // Kelly names a friend in words to her worker: a third party.
    let kelly = app.sign_in("kelly.ashworth").await;
    let told = app
        .call(
            "tell_worker",
            &[
                ("words", &new_id()),
                (
                    "body",
                    &format!("My friend {THIRD_PARTY} takes me to the group on Tuesdays."),
                ),
            ],
            Some(&kelly),
        )
        .await;
    assert_eq!(told.status, 200, "{}", told.body);

    // Her social worker reads the family's record: the trail's reads are hers to see too.
    let sam = app.sign_in(support::logins::SAM).await;
    let ashworth = app.family_id("Ashworth").await;
    let read = app.call("family", &[("id", &ashworth)], Some(&sam)).await;
    assert_eq!(read.status, 200, "{}", read.body);

    let hana = app.sign_in(HANA).await;
    let member = app.member_id("Kelly").await;
    let request = new_id();
    let logged = app
        .call(
            "log_information_request",
            &[
                ("request", &request),
                ("member", &member),
                ("received_on", &day(-4)),
                ("identity_checked_on", ""),
                ("requester", ""),
            ],
            Some(&hana),
        )
        .await;
    assert_eq!(logged.status, 200, "{}", logged.body);

    let gathered = review(&app, &hana, &request).await;
    let sections: std::collections::BTreeSet<_> = gathered
        .passages
        .iter()
        .map(|p| p.passage.section.code())
        .collect();
    let reads = gathered
        .passages
        .iter()
        .find(|p| p.passage.section == Section::Reads)
        .expect("who read her records");
    assert!(
        reads.passage.text.contains("Sam Whitfield"),
        "{:?}",
        reads.passage
    );
    for wanted in [
        Section::Record,
        Section::Goals,
        Section::OwnWords,
        Section::Reads,
    ] {
        assert!(
            sections.contains(wanted.code()),
            "{wanted:?} in {sections:?}"
        );
    }
    let words = gathered
        .passages
        .iter()
        .find(|p| p.passage.text.contains(THIRD_PARTY))
        .expect("her words are gathered")
        .passage
        .clone();
    let goal = gathered
        .passages
        .iter()
        .find(|p| p.passage.section == Section::Goals)
        .expect("a goal")
        .passage
        .clone();
    // The team's wording of a goal, withheld whole (as if it said too much of a court report).
    let team_words = gathered
        .passages
        .iter()
        .find(|p| p.passage.key.ends_with(":professional_words"))
        .map(|p| p.passage.clone())
        .expect("the team's words of a goal");

    // Words that are not in the passage are refused next to the field; nothing is withheld.
    let missing = withhold(
        &app,
        &hana,
        &request,
        &words.key,
        "Someone Else",
        "third_party",
    )
    .await;
    assert_eq!(missing.status, 422, "{}", missing.body);
    assert!(
        missing.body.contains("not in the passage"),
        "{}",
        missing.body
    );
    let marked = withhold(
        &app,
        &hana,
        &request,
        &words.key,
        THIRD_PARTY,
        "third_party",
    )
    .await;
    assert_eq!(marked.status, 200, "{}", marked.body);
    let whole = withhold(&app, &hana, &request, &team_words.key, "", "court_report").await;
    assert_eq!(whole.status, 200, "{}", whole.body);

    // Ready, by Hana; she cannot approve it herself; Kelly's manager can.
    let page = review(&app, &hana, &request).await;
    let version = page.version.to_string();
    let ready = app
        .call(
            "review_disclosure",
            &[("request", &request), ("version", &version)],
            Some(&hana),
        )
        .await;
    assert_eq!(ready.status, 200, "{}", ready.body);
    let page = review(&app, &hana, &request).await;
    assert!(page.viewer_reviewed && page.reviewed.is_some());
    let version = page.version.to_string();
    let own = app
        .call(
            "approve_disclosure",
            &[("request", &request), ("version", &version)],
            Some(&hana),
        )
        .await;
    assert_eq!(own.status, 409, "{}", own.body);
    let early = app
        .call("disclosure_document", &[("request", &request)], Some(&hana))
        .await;
    assert_eq!(early.status, 409, "not yet approved: {}", early.body);
    let maya = app.sign_in(MAYA).await;
    let approved = app
        .call(
            "approve_disclosure",
            &[("request", &request), ("version", &version)],
            Some(&maya),
        )
        .await;
    assert_eq!(approved.status, 200, "{}", approved.body);

    // The document and its JSON: her goal and words, not the withheld ones.
    let made = app
        .call("disclosure_document", &[("request", &request)], Some(&hana))
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    assert!(!made.body.contains(THIRD_PARTY), "{}", made.body);
    assert!(
        !made.body.contains(&team_words.text),
        "the withheld passage is in the JSON"
    );
    let document: Disclosure = made.json();
    let shown: String = document
        .passages
        .iter()
        .map(|p| shown_text(&p.pieces))
        .collect();
    assert!(shown.contains(&goal.text), "her goal is disclosed");
    assert!(
        shown.contains("takes me to the group on Tuesdays"),
        "{shown}"
    );
    // Numbered in the order the passages come: the goal's section before her own words.
    let schedule: Vec<_> = document
        .schedule
        .iter()
        .map(|e| (e.number, e.reason, e.extent.as_str()))
        .collect();
    assert_eq!(
        schedule,
        vec![
            (1, WithholdReason::CourtReport, "The whole passage"),
            (2, WithholdReason::ThirdParty, "Some words"),
        ]
    );
    let html = app
        .get(
            &format!("/information-requests/{request}/disclosure"),
            Some(&hana),
        )
        .await;
    assert_eq!(html.status, 200);
    assert!(html
        .body
        .contains("The information we hold about Kelly Ashworth"));
    assert!(html.body.contains("[withheld: 1]") && html.body.contains("[withheld: 2]"));
    assert!(
        !html.body.contains(THIRD_PARTY),
        "the page holds no withheld word"
    );

    // Her records change after the approval: no document until it is reviewed again.
    let again = app
        .call(
            "tell_worker",
            &[
                ("words", &new_id()),
                ("body", "One more thing for my file."),
            ],
            Some(&kelly),
        )
        .await;
    assert_eq!(again.status, 200, "{}", again.body);
    let stale = app
        .call("disclosure_document", &[("request", &request)], Some(&hana))
        .await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert!(review(&app, &hana, &request).await.changed_since_review);

    // The trail has every step, about the request, and none of the words.
    app.assert_in_trail(&[
        "view_disclosure_review",
        "withhold",
        "review_disclosure",
        "approve_disclosure",
        "produce_disclosure",
    ])
    .await;
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%{THIRD_PARTY}%'"
        ))
        .await,
        0
    );
}

on_both_backends!(disclosure, super::a_disclosure_without_what_was_withheld);
