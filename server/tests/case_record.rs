//! The case record a family's social workers and manager keep: a family opened for a referral
//! (once, however often the form is sent), its household added to and corrected with a reason,
//! each child's legal status history under the census validator's rules, the trio as findings,
//! and the case closed (read-only, off the caseload, the parent told) and reopened.

mod support;

use app::page_data::case_record::{FindingsView, MemberDetail};
use app::page_data::caseload::Caseload;
use app::page_data::family::FamilyDetail;
use support::logins::{MAYA, PRIYA, SAM};
use support::{day, new_id, TestApp};

const KELLY: &str = "kelly.ashworth";
const DANA: &str = "dana.price@brookford.example";

async fn account(app: &TestApp, login: &str) -> String {
    app.one_text("SELECT id FROM accounts WHERE login = $1", login)
        .await
}

fn member_form<'a>(
    family: &'a str,
    member: &'a str,
    kind: &'a str,
    given: &'a str,
    relationship: &'a str,
    born: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("family", family),
        ("member", member),
        ("version", "0"),
        ("kind", kind),
        ("given_name", given),
        ("family_name", "Okonjo"),
        ("relationship", relationship),
        ("date_of_birth", born),
    ]
}

async fn record(app: &TestApp, cookie: &str, family: &str, member: &str) -> MemberDetail {
    app.call(
        "member_record",
        &[("family", family), ("member", member)],
        Some(cookie),
    )
    .await
    .json()
}

async fn open_a_family_for_a_referral(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let sam_id = account(&app, SAM).await;
    let family = new_id();
    let open = |social_worker: String| {
        let family = family.clone();
        let cookie = sam.clone();
        let app = &app;
        async move {
            app.call(
                "open_referral",
                &[
                    ("id", &family),
                    ("name", "Okonjo"),
                    ("social_worker", &social_worker),
                ],
                Some(&cookie),
            )
            .await
        }
    };
    // An adult specialist cannot be the case holder.
    let dana = account(&app, DANA).await;
    let refused = open(dana).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused
        .body
        .contains("social worker who will hold the case"));
    let first = open(sam_id.clone()).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let again = open(sam_id.clone()).await;
    assert_eq!(again.status, 200, "a retried form: {}", again.body);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM families WHERE id = '{family}'"
        ))
        .await,
        1,
        "opened once"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM allocation_periods WHERE family_id = '{family}' AND role = 'social_worker' AND worker_id = '{sam_id}'"
        ))
        .await,
        1
    );
    // A practitioner who is not a social worker opens no family.
    let dana_cookie = app.sign_in(DANA).await;
    let not_theirs = app
        .call(
            "open_referral",
            &[
                ("id", &new_id()),
                ("name", "Other"),
                ("social_worker", &sam_id),
            ],
            Some(&dana_cookie),
        )
        .await;
    assert_eq!(not_theirs.status, 403);

    // The household, one at a time; a person ID is unique in the council.
    let mother = new_id();
    let added = app
        .call(
            "add_member",
            &[
                member_form(&family, &mother, "adult", "Grace", "Mother", "1995-04-02"),
                vec![("person_ref", "P-77001")],
            ]
            .concat(),
            Some(&sam),
        )
        .await;
    assert_eq!(added.status, 200, "{}", added.body);
    let kelly = app.member_id("Kelly").await;
    sqlx::query("UPDATE members SET person_ref = 'P-10001' WHERE id = $1")
        .bind(&kelly)
        .execute(app.db.pool())
        .await
        .expect("Kelly's person ID");
    let clash = app
        .call(
            "add_member",
            &[
                member_form(&family, &new_id(), "adult", "Tobi", "Father", "1992-01-20"),
                vec![("person_ref", "P-10001")],
            ]
            .concat(),
            Some(&sam),
        )
        .await;
    assert_eq!(clash.status, 422, "{}", clash.body);
    assert!(
        clash.body.contains("already someone else's"),
        "{}",
        clash.body
    );
    assert!(
        !clash.body.contains("Kelly"),
        "the refusal does not say whose it is"
    );
    let baby = new_id();
    let due = day(60);
    let unborn = app
        .call(
            "add_member",
            &[
                ("family", family.as_str()),
                ("member", baby.as_str()),
                ("version", "0"),
                ("kind", "unborn"),
                ("given_name", "Baby"),
                ("family_name", "Okonjo"),
                ("relationship", "Baby"),
                ("expected_on", due.as_str()),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(unborn.status, 200, "{}", unborn.body);

    // A correction needs its reason, and keeps both versions in words.
    let mut correction = member_form(&family, &mother, "adult", "Grace", "Mother", "1995-04-03");
    correction[2] = ("version", "1");
    let no_reason = app.call("correct_member", &correction, Some(&sam)).await;
    assert_eq!(no_reason.status, 422);
    correction.push(("person_ref", "P-77001"));
    correction.push(("reason", "Date of birth checked against her passport"));
    let corrected = app.call("correct_member", &correction, Some(&sam)).await;
    assert_eq!(corrected.status, 200, "{}", corrected.body);
    let stale = app.call("correct_member", &correction, Some(&sam)).await;
    assert_eq!(
        stale.status, 409,
        "a second save from version 1 is a conflict"
    );
    let page = record(&app, &sam, &family, &mother).await;
    assert_eq!(page.version, 2);
    let change = &page.history[0];
    assert_eq!(change.reason, "Date of birth checked against her passport");
    assert!(change
        .changes
        .iter()
        .any(|c| c.before == "2 April 1995" && c.after == "3 April 1995"));
    // The trail says which fields changed, never the values.
    let detail = app
        .one_text(
            "SELECT detail FROM audit_log WHERE action = 'correct_member' AND record_id = $1",
            &mother,
        )
        .await;
    assert_eq!(detail, "changed: Date of birth");

    // A member of another family is not found through this one.
    let ashworth = app.family_id("Ashworth").await;
    let elsewhere = app
        .call(
            "member_record",
            &[("family", &ashworth), ("member", &mother)],
            Some(&sam),
        )
        .await;
    assert_eq!(elsewhere.status, 404);

    // The caseload lists the new family.
    let caseload = app.call("caseload", &[], Some(&sam)).await;
    assert!(caseload.body.contains("Okonjo"));
    let _ = baby;
}
on_both_backends!(
    a_family_is_opened_once_and_its_household_kept,
    super::open_a_family_for_a_referral
);

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
    assert_eq!(caseload.closed.len(), 1, "listed as closed, for reopening");
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

fn goal_form<'a>(
    family: &'a str,
    goal: &'a str,
    owner: &'a str,
    target: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("family", family),
        ("goal", goal),
        ("version", ""),
        ("owner", owner),
        ("area", "parenting"),
        ("family_words", "Read with the children every night"),
        ("professional_words", "Bedtime routine with shared reading"),
        ("target_date", target),
        ("status", "not_started"),
        ("visible_to[]", owner),
    ]
}

async fn kept_apart(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let family = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    let darren = app.member_id("Darren").await;
    let target = day(60);
    // Before: a goal of Kelly's may be shown to Darren too.
    let shared_goal = new_id();
    let mut form = goal_form(&family, &shared_goal, &kelly, &target);
    form.push(("visible_to[]", &darren));
    let before = app.call("save_goal", &form, Some(&sam)).await;
    assert_eq!(before.status, 200, "{}", before.body);

    let dana = app.sign_in(DANA).await;
    let pair = [
        ("family", family.as_str()),
        ("first", kelly.as_str()),
        ("second", darren.as_str()),
    ];
    let refused = app.call("keep_apart", &pair, Some(&dana)).await;
    assert_eq!(refused.status, 403, "an adult specialist does not mark it");
    let marked = app.call("keep_apart", &pair, Some(&sam)).await;
    assert_eq!(marked.status, 200, "{}", marked.body);
    let shown_to_darren = app
        .count(&format!(
            "SELECT COUNT(*) FROM shared_with WHERE record_id = '{shared_goal}' AND member_id = '{darren}'"
        ))
        .await;
    assert_eq!(shown_to_darren, 0, "marking withdraws what was shared");

    // From now on the server refuses it, whatever the form sends: an edit sharing it again...
    form[2] = ("version", "1");
    let again = app.call("save_goal", &form, Some(&sam)).await;
    assert_eq!(again.status, 422, "{}", again.body);
    assert!(again.body.contains("are kept apart"), "{}", again.body);
    // ...or a new goal for one shown to both.
    let new_goal = new_id();
    let mut to_both = goal_form(&family, &new_goal, &kelly, &target);
    to_both.push(("visible_to[]", &darren));
    let refused_new = app.call("save_goal", &to_both, Some(&sam)).await;
    assert_eq!(refused_new.status, 422);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM goals WHERE id = '{new_goal}'"
        ))
        .await,
        0,
        "nothing is saved"
    );
    let only_kelly = app
        .call(
            "save_goal",
            &goal_form(&family, &new_goal, &kelly, &target),
            Some(&sam),
        )
        .await;
    assert_eq!(only_kelly.status, 200, "{}", only_kelly.body);
    let safety = app
        .call(
            "save_safety",
            &[
                ("family", family.as_str()),
                ("safety", new_id().as_str()),
                ("version", ""),
                ("danger", "Arguments at home frighten the children"),
                ("safety_goal", "The children are safe and calm at home"),
                ("visible_to[]", kelly.as_str()),
                ("visible_to[]", darren.as_str()),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(safety.status, 422, "never shown to both: {}", safety.body);

    let detail: FamilyDetail = app
        .call("family", &[("id", &family)], Some(&sam))
        .await
        .json();
    assert_eq!(detail.kept_apart.len(), 1);
    let ended = app.call("end_keep_apart", &pair, Some(&sam)).await;
    assert_eq!(ended.status, 200, "{}", ended.body);
    let after = new_id();
    let mut both_again = goal_form(&family, &after, &kelly, &target);
    both_again.push(("visible_to[]", &darren));
    let shared_again = app.call("save_goal", &both_again, Some(&sam)).await;
    assert_eq!(shared_again.status, 200, "{}", shared_again.body);
}
on_both_backends!(
    adults_kept_apart_see_nothing_of_each_other,
    super::kept_apart
);
