//! Every server function × every kind of person: the expected outcome is written out here, by
//! hand, and each one is asserted. People are grouped by how they stand to the Ashworth family
//! (in Sam's team); Fairweather is another team's family. Cases run in order for each person, so
//! a case can build on an earlier one (opening a family outside the team, then reading it; adding
//! a balance item, then taking it back). Refusals are recorded in the audit trail and change
//! nothing. A last check lists every server function the router serves and fails when one has
//! no case here.

#[path = "authorization_matrix/cases.rs"]
mod cases;
mod support;

use app::domain::mi::change_plan::PlanPart;
use app::error::AppError;
use app::page_data::change_work::OwnChangeWork;
use cases::{cases, s, Fresh, Ids, PEOPLE};
use std::collections::{BTreeMap, BTreeSet};
use support::TestApp;
use support::{day, new_id};

/// A = allowed (200), C = refused because of the record's state (409), F = forbidden (403),
/// R = another team's family: a reason is needed (403),
/// U = not signed in (401), N = not found (404; where saying more would leak, or the id names
/// nothing of that kind there), I = refused as invalid input (422), B = a request no page makes
/// (400). F and R are always recorded as refusals; a lower-case n or i is one that is recorded
/// too (someone naming another person's session, or giving a wrong password).
fn outcome(reply: &support::Reply) -> char {
    match (reply.status, reply.status >= 400) {
        (200, _) => 'A',
        (400, _) => 'B',
        (401, _) if reply.error() == AppError::SignInRequired => 'U',
        (403, _) if reply.error() == AppError::Forbidden => 'F',
        (403, _) if reply.error() == AppError::ReasonRequired => 'R',
        (404, _) => 'N',
        (409, _) => 'C',
        (422, _) => 'I',
        _ => '?',
    }
}

/// Whether an expected outcome writes a flagged refusal into the audit trail.
fn recorded_as_refusal(expected: char) -> bool {
    matches!(expected, 'F' | 'R') || expected.is_ascii_lowercase()
}

/// Compares one outcome, keeping every difference so that a run reports them all at once.
fn check(case: &str, who: &str, expected: char, reply: &support::Reply, wrong: &mut Vec<String>) {
    let got = outcome(reply);
    let expected = expected.to_ascii_uppercase();
    if got != expected {
        wrong.push(format!(
            "{who} → {case}: expected {expected}, got {got} ({} {})",
            reply.status, reply.body
        ));
    }
}

const FLAGGED_REFUSALS: &str =
    "SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND flagged = 1";

async fn matrix(app: TestApp) {
    support::council::add_another(&app).await;
    let ashworth = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    let kelly_goal = app.first_goal_of(&kelly).await;
    let kelly_login = app.sign_in("kelly.ashworth").await;
    let own: OwnChangeWork = app
        .call(
            "own_change_work",
            &[("goal", &kelly_goal)],
            Some(&kelly_login),
        )
        .await
        .json();
    let ids = Ids {
        fairweather: app.family_id("Fairweather").await,
        darren: app.member_id("Darren").await,
        lily: app.member_id("Lily").await,
        ben: app.member_id("Ben").await,
        chloe: app.member_id("Chloe").await,
        kelly_step: app
            .one_text(
                "SELECT id FROM steps WHERE who = $1 LIMIT 1",
                &format!("member:{kelly}"),
            )
            .await,
        kelly_words: app
            .one_text(
                "SELECT id FROM family_words WHERE member_id = $1 AND reply_to IS NULL LIMIT 1",
                &kelly,
            )
            .await,
        entry: app
            .one_text(
                "SELECT id FROM workbook_entries WHERE family_id = $1 ORDER BY occurred_on LIMIT 1",
                &ashworth,
            )
            .await,
        supervision: app
            .one_text(
                "SELECT id FROM supervisions WHERE family_id = $1 LIMIT 1",
                &ashworth,
            )
            .await,
        action: app
            .one_text(
                "SELECT id FROM supervision_actions WHERE family_id = $1 ORDER BY due_on LIMIT 1",
                &ashworth,
            )
            .await,
        plan_version: own.mine.plan.version().to_string(),
        plan_answers: PlanPart::ALL
            .iter()
            .map(|part| {
                let answer = match part {
                    PlanPart::Steps => s("Go to the Tuesday group, and ring my sister after."),
                    _ => own
                        .mine
                        .plan
                        .answer(*part)
                        .map(|w| w.body.clone())
                        .unwrap_or_default(),
                };
                (part.code(), answer)
            })
            .collect(),
        today: day(0),
        target: day(90),
        opening: app
            .one_text("SELECT id FROM break_glass WHERE family_id = $1", &ashworth)
            .await,
        north: app
            .one_text(
                "SELECT id FROM teams WHERE name = $1",
                "Family Safeguarding North",
            )
            .await,
        priya: app
            .one_text(
                "SELECT id FROM accounts WHERE login = $1",
                "priya.nair@brookford.example",
            )
            .await,
        sam: app
            .one_text(
                "SELECT id FROM accounts WHERE login = $1",
                "sam.whitfield@brookford.example",
            )
            .await,
        newcomer: support::council::add_newcomer(&app).await,
        clarke: app.family_id("Clarke").await,
        baptiste: app.family_id("Baptiste").await,
        marcus: app.member_id("Marcus").await,
        nadia: app.member_id("Nadia").await,
        extract_report: {
            let jordan = app.sign_in(support::logins::JORDAN).await;
            let files = support::extract::example("ssd");
            support::extract::report_id(
                &support::extract::upload(&app, &jordan, &files, false).await,
            )
        },
        request: {
            let request = new_id();
            let maya = app.sign_in("maya.okafor@brookford.example").await;
            let logged = app
                .call(
                    "log_information_request",
                    &[
                        ("request", &request),
                        ("member", &kelly),
                        ("received_on", &day(-3)),
                        ("identity_checked_on", ""),
                        ("requester", ""),
                    ],
                    Some(&maya),
                )
                .await;
            assert_eq!(logged.status, 200, "{}", logged.body);
            request
        },
        ashworth,
        kelly,
        kelly_goal,
    };
    let cases = cases();
    let mut tables: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for table in cases.iter().flat_map(|c| c.adds.iter().copied()) {
        let before = app.count(&format!("SELECT COUNT(*) FROM {table}")).await;
        tables.insert(table, (before, 0));
    }
    let mut asserted = 0;
    let mut refusals = 0;
    let mut wrong = Vec::new();

    for (group, (people, logins)) in PEOPLE.iter().enumerate() {
        for login in *logins {
            let cookie = if login.is_empty() {
                None
            } else {
                Some(app.sign_in(login).await)
            };
            let cookie = cookie.as_deref();
            let who = format!("{login} ({people})");
            let fresh = Fresh {
                item: new_id(),
                own_item: new_id(),
                prompt: new_id(),
                team: new_id(),
                account: new_id(),
                code: new_id(),
                family: new_id(),
                member: new_id(),
                status: new_id(),
                finding: new_id(),
                request: new_id(),
                other_request: new_id(),
                withholding: new_id(),
                hold: new_id(),
                extension: new_id(),
            };
            for case in &cases {
                let expected = case.expect.chars().nth(group).unwrap_or('?');
                let (function, form) = (case.call)(&ids, &fresh);
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let reply = app.call(function, &form, cookie).await;
                check(case.what, &who, expected, &reply, &mut wrong);
                asserted += 1;
                if recorded_as_refusal(expected) {
                    refusals += 1;
                    let recorded = app.count(FLAGGED_REFUSALS).await;
                    if recorded != refusals {
                        wrong.push(format!(
                            "{who} → {}: the refusal is not in the audit trail",
                            case.what
                        ));
                        refusals = recorded;
                    }
                }
                if expected == 'A' {
                    for table in case.adds {
                        if let Some((_, added)) = tables.get_mut(table) {
                            *added += 1;
                        }
                    }
                }
            }
            let me = app.call("whoami", &[], cookie).await;
            assert_eq!(me.status, 200, "{who} → whoami");
            assert_eq!(
                me.body == "null",
                login.is_empty(),
                "{who} → whoami: {}",
                me.body
            );
            let home = app.call("home", &[], cookie).await;
            assert_eq!(home.status, 200, "{who} → home: {}", home.body);
            asserted += 2;
        }
    }

    // An invitation code is shown only to the worker who made it, and only once.
    let sam = app.sign_in("sam.whitfield@brookford.example").await;
    let invitation = new_id();
    let nadia = app.member_id("Nadia").await;
    let made = app
        .call(
            "create_invitation",
            &[("member", &nadia), ("invitation", &invitation)],
            Some(&sam),
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    if let Some((_, added)) = tables.get_mut("invitations") {
        *added += 1;
    }
    for login in PEOPLE
        .iter()
        .flat_map(|(_, logins)| logins.iter())
        .filter(|l| **l != "sam.whitfield@brookford.example")
    {
        let cookie = if login.is_empty() {
            None
        } else {
            Some(app.sign_in(login).await)
        };
        let reply = app
            .call("invitation", &[("id", &invitation)], cookie.as_deref())
            .await;
        let expected = if login.is_empty() { 'U' } else { 'N' };
        check(
            "see Sam's invitation code",
            login,
            expected,
            &reply,
            &mut wrong,
        );
        asserted += 1;
    }
    let held = made.shown();
    let priya = app.sign_in("priya.nair@brookford.example").await;
    let borrowed = app
        .call(
            "invitation",
            &[("id", &invitation), ("shown", &held)],
            Some(&priya),
        )
        .await;
    check(
        "see Sam's code with its shown id",
        "priya",
        'N',
        &borrowed,
        &mut wrong,
    );
    let shown = app
        .call(
            "invitation",
            &[("id", &invitation), ("shown", &held)],
            Some(&sam),
        )
        .await;
    check("see own invitation code", "sam", 'A', &shown, &mut wrong);
    assert!(
        wrong.is_empty(),
        "{} outcomes differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let view: app::page_data::family::InvitationView = shown.json();
    assert!(
        view.code.is_some(),
        "the maker sees the code on the page the POST led to"
    );
    let elsewhere: app::page_data::family::InvitationView = app
        .call("invitation", &[("id", &invitation)], Some(&sam))
        .await
        .json();
    assert_eq!(
        elsewhere.code, None,
        "the code is shown only with its shown id"
    );
    let other_session = app.sign_in("sam.whitfield@brookford.example").await;
    let copied: app::page_data::family::InvitationView = app
        .call(
            "invitation",
            &[("id", &invitation), ("shown", &held)],
            Some(&other_session),
        )
        .await
        .json();
    assert_eq!(copied.code, None, "only in the session that made it");
    asserted += 4;

    assert_eq!(app.count(FLAGGED_REFUSALS).await, refusals);

    // Signing in and out, and claiming an invitation: open to anyone, and each does only what
    // its own credentials allow. A wrong password is a flagged refusal too.
    let wrong = app
        .call(
            "sign_in",
            &[
                ("login", "sam.whitfield@brookford.example"),
                ("password", "not-the-password"),
            ],
            None,
        )
        .await;
    assert_eq!(wrong.status, 422, "a wrong password: {}", wrong.body);
    let unknown = app
        .call(
            "claim_invitation",
            &[
                ("code", "ABCD-EFGH-JKLM"),
                ("login", "someone.new"),
                ("passphrase", "a long and unusual passphrase"),
                ("confirm", "a long and unusual passphrase"),
            ],
            None,
        )
        .await;
    assert_eq!(unknown.status, 422, "an unknown code: {}", unknown.body);
    // Both reach the audit trail with the next batch, each a flagged refusal.
    assert_eq!(app.count(FLAGGED_REFUSALS).await, refusals);
    let later = app::store::now_ms() + app::services::failed_attempts::SETTLE_MS + 1;
    let batch = app::services::failed_attempts::audit_failures(&app.db, later)
        .await
        .expect("the batch is written");
    assert_eq!(batch, 2);
    assert_eq!(app.count(FLAGGED_REFUSALS).await, refusals + 2);
    // Signing out needs no session (an ended one still clears its cookie); signing every device
    // out needs the account.
    for (function, anonymous) in [("sign_out", 200), ("sign_out_everywhere", 401)] {
        let priya = app.sign_in("priya.nair@brookford.example").await;
        let out = app.call(function, &[], Some(&priya)).await;
        assert_eq!(out.status, 200, "{function}: {}", out.body);
        let me = app.call("whoami", &[], Some(&priya)).await;
        assert_eq!(me.body, "null", "{function} ends the session");
        let nobody = app.call(function, &[], None).await;
        assert_eq!(
            nobody.status, anonymous,
            "{function} not signed in: {}",
            nobody.body
        );
        asserted += 3;
    }
    asserted += 2;

    // Refusals changed nothing; allowed calls added one row each. Every refusal was recorded,
    // flagged for review.
    for (table, (before, added)) in &tables {
        assert_eq!(
            app.count(&format!("SELECT COUNT(*) FROM {table}")).await,
            before + added,
            "rows in {table}"
        );
    }

    // Every allowed entry names its record with that record's own kind: the id is found in the
    // kind's table, never another's.
    for (kind, table) in [
        ("account", "accounts"),
        ("balance_item", "balance_items"),
        ("break_glass", "break_glass"),
        ("change_plan", "change_plan_words"),
        ("change_talk", "change_talk"),
        ("check_in", "check_ins"),
        ("entry", "workbook_entries"),
        ("family", "families"),
        ("family_words", "family_words"),
        ("goal", "goals"),
        ("information_request", "information_requests"),
        ("invitation", "invitations"),
        ("withholding", "withholdings"),
        ("legal_hold", "legal_holds"),
        ("retention_extension", "retention_extensions"),
        ("member", "members"),
        ("prompt", "mi_prompts"),
        ("safety", "safety_statements"),
        ("stage", "goal_stages"),
        ("step", "steps"),
        ("supervision", "supervisions"),
        ("supervision_action", "supervision_actions"),
        ("team", "teams"),
        ("three_houses", "three_houses"),
    ] {
        let stray = app
            .count(&format!(
                "SELECT COUNT(*) FROM audit_log WHERE outcome = 'allowed' AND record_kind = '{kind}' \
                 AND record_id IS NOT NULL AND record_id NOT IN (SELECT id FROM {table})"
            ))
            .await;
        assert_eq!(
            stray, 0,
            "audit entries of kind {kind} whose id is not in {table}"
        );
    }

    // Every server function the router serves has its cases here.
    let mut covered: BTreeSet<String> = BTreeSet::new();
    let fresh = Fresh {
        item: new_id(),
        own_item: new_id(),
        prompt: new_id(),
        team: new_id(),
        account: new_id(),
        code: new_id(),
        family: new_id(),
        member: new_id(),
        status: new_id(),
        finding: new_id(),
        request: new_id(),
        other_request: new_id(),
        withholding: new_id(),
        hold: new_id(),
        extension: new_id(),
    };
    for case in &cases {
        covered.insert((case.call)(&ids, &fresh).0.to_string());
    }
    for asserted_above in [
        "whoami",
        "home",
        "invitation",
        "sign_in",
        "sign_out",
        "sign_out_everywhere",
        "claim_invitation",
    ] {
        covered.insert(asserted_above.to_string());
    }
    let served: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    let missing: Vec<&String> = served.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "server functions with no case in the matrix: {missing:?}"
    );
    let stale: Vec<&String> = covered.difference(&served).collect();
    assert!(
        stale.is_empty(),
        "cases for functions the router does not serve: {stale:?}"
    );

    let people: usize = PEOPLE.iter().map(|(_, logins)| logins.len()).sum();
    println!(
        "authorization matrix: {asserted} outcomes asserted ({people} people in {} groups × {} cases, \
         plus who-am-I, home, invitation codes and sessions), covering all {} server functions",
        PEOPLE.len(),
        cases.len(),
        served.len()
    );
}

on_both_backends!(authorization_matrix, super::matrix);

/// A worker who moved team after making a code may no longer see it; the refusal is recorded and
/// the code stays unshown for a colleague to replace.
async fn moved_worker_cannot_see_their_code(app: TestApp) {
    let sam = app.sign_in("sam.whitfield@brookford.example").await;
    let darren = app.member_id("Darren").await;
    let id = uuid::Uuid::new_v4().to_string();
    let made = app
        .call(
            "create_invitation",
            &[("member", &darren), ("invitation", &id)],
            Some(&sam),
        )
        .await;
    assert_eq!(made.status, 200);
    let held = made.shown();
    let south = app
        .one_text(
            "SELECT id FROM teams WHERE name = $1",
            "Family Safeguarding South",
        )
        .await;
    sqlx::query("UPDATE accounts SET team_id = $1 WHERE login = 'sam.whitfield@brookford.example'")
        .bind(&south)
        .execute(app.db.pool())
        .await
        .expect("move Sam");
    let refused = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        app.call("invitation", &[("id", &id), ("shown", &held)], Some(&sam)),
    )
    .await
    .expect("answered without waiting on a lock");
    assert_eq!(
        outcome(&refused),
        'F',
        "see own code after moving team: {}",
        refused.body
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM invitations WHERE code_to_show IS NOT NULL")
            .await,
        0,
        "the code itself is never stored"
    );
}

on_both_backends!(moved_worker, super::moved_worker_cannot_see_their_code);
