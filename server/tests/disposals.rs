//! Destroying a family whose retention periods have passed (issue 16): listed for review, held
//! by a legal hold until it is lifted, then destroyed by its team's manager. Afterwards the
//! audit chain still verifies end to end, no word or name of the family is left in the database
//! (in the SQLite file itself, byte for byte), every other family is as it was, and an erasure
//! no destruction accounts for breaks the chain.

mod support;

use app::page_data::disposals::{DisposalQueue, FamilyDisposalPage};
use app::store::audit::{verify, Verdict};
use sqlx::Executor;
use support::logins::MAYA;
use support::{new_id, TestApp};

/// Where a family's words could be left.
const TABLES: [&str; 15] = [
    "families",
    "members",
    "accounts",
    "goals",
    "steps",
    "check_ins",
    "family_words",
    "plan_changes",
    "workbook_entries",
    "supervisions",
    "change_plan_words",
    "legal_statuses",
    "audit_log",
    "information_requests",
    "legal_holds",
];

/// The family's own words and names, read before it is destroyed: none may be left after.
/// The demo gives families some of the same words; those another family also holds are left
/// out, since they stay in the database by right.
async fn traces(app: &TestApp, family: &str) -> Vec<String> {
    let members = "family_id = $1";
    let mut found = Vec::new();
    for (table, column, mine) in [
        ("families", "name", "id = $1"),
        ("members", "given_name || ' ' || family_name", members),
        (
            "accounts",
            "login",
            "COALESCE(member_id, '') IN (SELECT id FROM members WHERE family_id = $1)",
        ),
        ("goals", "family_words", members),
        ("goals", "professional_words", members),
        ("family_words", "body", members),
        ("workbook_entries", "summary", members),
        ("supervisions", "hypotheses", members),
        ("change_plan_words", "body", GOAL),
        ("information_requests", "requester", members),
        ("legal_holds", "reason", members),
    ] {
        let theirs = app
            .texts(
                &format!(
                    "SELECT {column} FROM {table} WHERE NOT ({mine}) AND {column} IS NOT NULL"
                ),
                family,
            )
            .await;
        found.extend(
            app.texts(
                &format!("SELECT {column} FROM {table} WHERE {mine} AND {column} IS NOT NULL"),
                family,
            )
            .await
            .into_iter()
            .filter(|t| t.chars().count() >= 8 && !theirs.contains(t)),
        );
    }
    found.sort();
    found.dedup();
    found
}

/// What each table holds of the other families: each row's id and words, sorted.
async fn other_families(app: &TestApp, family: &str) -> Vec<Vec<String>> {
    let mut tables = Vec::new();
    for (table, row, mine) in [
        ("families", "id || name", "id = $1"),
        ("members", "id || given_name || family_name", "family_id = $1"),
        (
            "accounts",
            "id || login || display_name",
            "COALESCE(member_id, '') IN (SELECT id FROM members WHERE family_id = $1)",
        ),
        (
            "goals",
            "id || COALESCE(family_words, '') || COALESCE(professional_words, '') || CAST(version AS TEXT)",
            "family_id = $1",
        ),
        ("steps", "id || what", GOAL),
        ("check_ins", "id || CAST(score AS TEXT) || COALESCE(comment, '')", GOAL),
        ("family_words", "id || body", "family_id = $1"),
        ("plan_changes", "id || changes", "family_id = $1"),
        ("workbook_entries", "id || summary", "family_id = $1"),
        ("supervisions", "id || hypotheses", "family_id = $1"),
        ("change_plan_words", "id || body", GOAL),
        ("legal_statuses", "id || kind", "family_id = $1"),
    ] {
        let mut rows = app
            .texts(
                &format!("SELECT {row} FROM {table} WHERE NOT ({mine})"),
                family,
            )
            .await;
        rows.sort();
        tables.push(rows);
    }
    tables
}

const GOAL: &str = "goal_id IN (SELECT id FROM goals WHERE family_id = $1)";

/// The SQLite file and its write-ahead log, as bytes.
fn database_bytes(app: &TestApp) -> Vec<u8> {
    let path = app
        .database_url
        .trim_start_matches("sqlite://")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string();
    let mut bytes = std::fs::read(&path).expect("the database file");
    if let Ok(wal) = std::fs::read(format!("{path}-wal")) {
        bytes.extend(wal);
    }
    bytes
}

async fn queue(app: &TestApp, cookie: &str) -> DisposalQueue {
    let reply = app.call("disposals", &[], Some(cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn a_closed_family_is_destroyed_and_the_trail_still_verifies(app: TestApp) {
    let ashworth = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    // Some life in the trail first: Kelly signs in and reads her page; her worker reads hers.
    let kelly_cookie = app.sign_in("kelly.ashworth").await;
    assert_eq!(
        app.call("own_page", &[], Some(&kelly_cookie)).await.status,
        200
    );
    let told = app
        .call(
            "tell_worker",
            &[
                ("words", &new_id()),
                (
                    "body",
                    "The bus to Fernhill Road stops outside number 17 now.",
                ),
            ],
            Some(&kelly_cookie),
        )
        .await;
    assert_eq!(told.status, 200, "{}", told.body);
    let sam = app.sign_in(support::logins::SAM).await;
    assert_eq!(
        app.call("family", &[("id", &ashworth)], Some(&sam))
            .await
            .status,
        200
    );
    let maya = app.sign_in(MAYA).await;
    let request = new_id();
    let logged = app
        .call(
            "log_information_request",
            &[
                ("request", &request),
                ("member", &kelly),
                ("received_on", &support::day(-3)),
                ("identity_checked_on", ""),
                ("requester", "Margaret Ashworth-Pryce, her aunt"),
            ],
            Some(&maya),
        )
        .await;
    assert_eq!(logged.status, 200, "{}", logged.body);

    // Open: not listed, and its destruction is refused.
    assert!(queue(&app, &maya)
        .await
        .due
        .iter()
        .all(|f| f.id.to_string() != ashworth));
    let early = app
        .call(
            "destroy_family",
            &[("family", &ashworth), ("confirm[]", "yes")],
            Some(&maya),
        )
        .await;
    assert_eq!(early.status, 422, "{}", early.body);

    // Closed 40 years ago (the demo schedule keeps everything 35 years from closure).
    app.db
        .pool()
        .execute(
            format!("UPDATE families SET closed_on = '1986-04-30' WHERE id = '{ashworth}'")
                .as_str(),
        )
        .await
        .expect("close the case long ago");
    let listed = queue(&app, &maya).await;
    assert!(
        listed.due.iter().any(|f| f.id.to_string() == ashworth),
        "{listed:?}"
    );

    // A legal hold stops it until it is lifted.
    let hold = new_id();
    let placed = app
        .call(
            "place_legal_hold",
            &[
                ("family", &ashworth),
                ("hold", &hold),
                (
                    "reason",
                    "Public inquiry into Brookford's children's services",
                ),
            ],
            Some(&maya),
        )
        .await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    assert!(queue(&app, &maya)
        .await
        .held
        .iter()
        .any(|f| f.id.to_string() == ashworth));
    let held = app
        .call(
            "destroy_family",
            &[("family", &ashworth), ("confirm[]", "yes")],
            Some(&maya),
        )
        .await;
    assert_eq!(held.status, 422, "{}", held.body);
    assert!(held.body.contains("legal hold"), "{}", held.body);
    let lifted = app
        .call(
            "lift_legal_hold",
            &[
                ("family", &ashworth),
                ("hold", &hold),
                ("reason", "The inquiry has reported"),
            ],
            Some(&maya),
        )
        .await;
    assert_eq!(lifted.status, 200, "{}", lifted.body);
    let page: FamilyDisposalPage = app
        .call("family_disposal", &[("family", &ashworth)], Some(&maya))
        .await
        .json();
    assert!(page.family.disposal.may_destroy(), "{page:?}");

    let words = traces(&app, &ashworth).await;
    assert!(
        words.len() >= 9 && words.iter().any(|w| w.contains("Fernhill")),
        "the family has things to erase: {words:?}"
    );
    let others = other_families(&app, &ashworth).await;
    let about_family = app
        .count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE family_id = '{ashworth}'"
        ))
        .await;

    // Unconfirmed, nothing happens.
    let unconfirmed = app
        .call("destroy_family", &[("family", &ashworth)], Some(&maya))
        .await;
    assert_eq!(unconfirmed.status, 422);
    let destroyed = app
        .call(
            "destroy_family",
            &[("family", &ashworth), ("confirm[]", "yes")],
            Some(&maya),
        )
        .await;
    assert_eq!(destroyed.status, 200, "{}", destroyed.body);

    // The trail verifies end to end and keeps that it existed and who destroyed it.
    let entries = app.audit_entries().await;
    assert_eq!(
        verify(&app.db).await.expect("verify"),
        Verdict::Intact { entries }
    );
    let erased = app
        .count("SELECT COUNT(*) FROM audit_log WHERE erased_by IS NOT NULL")
        .await;
    assert!(
        erased >= about_family,
        "{erased} erased, {about_family} about the family"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT erased_entries FROM destroyed_families WHERE family_id = '{ashworth}'"
        ))
        .await,
        erased
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'destroy_family' AND family_id = '{ashworth}' AND erased_by IS NULL"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM audit_log WHERE erased_by IS NOT NULL AND (detail <> '' OR origin <> '' OR actor_id IS NOT NULL)"
        )
        .await,
        0
    );

    // It can no longer be found; what is left of it names no one.
    let gone = app
        .call("family_disposal", &[("family", &ashworth)], Some(&maya))
        .await;
    assert_eq!(gone.status, 404);
    let after = queue(&app, &maya).await;
    assert!(after
        .destroyed
        .iter()
        .any(|f| f.family_id.to_string() == ashworth));
    assert_eq!(
        app.call("own_page", &[], Some(&kelly_cookie)).await.status,
        401,
        "Kelly's account and sessions are gone"
    );

    // Every other family is as it was.
    for (before, after) in others.iter().zip(other_families(&app, &ashworth).await) {
        let gone: Vec<&String> = before.iter().filter(|r| !after.contains(r)).collect();
        let added: Vec<&String> = after.iter().filter(|r| !before.contains(r)).collect();
        assert!(
            gone.is_empty() && added.is_empty(),
            "another family's rows changed: gone {gone:?}, added {added:?}"
        );
    }

    // None of its words are left: in any row, and on SQLite in the file's bytes.
    for word in &words {
        let like = format!("%{}%", word.replace('\'', "''"));
        for table in TABLES {
            let rows = if app.database_url.starts_with("postgres") {
                app.count(&format!(
                    "SELECT COUNT(*) FROM {table} t WHERE t::text LIKE '{like}'"
                ))
                .await
            } else {
                0
            };
            assert_eq!(rows, 0, "{word:?} is still in {table}");
        }
    }
    if !app.database_url.starts_with("postgres") {
        let bytes = database_bytes(&app);
        for word in &words {
            assert!(
                !bytes
                    .windows(word.len())
                    .any(|window| window == word.as_bytes()),
                "{word:?} is still in the database file"
            );
        }
    }

    // Passing tampering off as an erasure does not work: an entry marked erased that no
    // destruction accounts for breaks the chain.
    let guards = if app.database_url.starts_with("postgres") {
        "DROP TRIGGER IF EXISTS audit_log_only_erasure ON audit_log;"
    } else {
        "DROP TRIGGER IF EXISTS audit_log_no_update;"
    };
    app.db.pool().execute(guards).await.expect("drop the guard");
    app.db
        .pool()
        .execute(
            "UPDATE audit_log SET detail = '', erased_by = (SELECT erased_by FROM audit_log WHERE erased_by IS NOT NULL LIMIT 1)
             WHERE seq = (SELECT MIN(seq) FROM audit_log WHERE erased_by IS NULL)",
        )
        .await
        .expect("mark an entry erased");
    assert!(
        matches!(verify(&app.db).await.expect("verify"), Verdict::Broken { problem, .. } if problem.contains("no destruction")),
        "an unaccounted erasure is found"
    );
}
on_both_backends!(
    a_closed_family_is_destroyed_and_the_trail_still_verifies,
    super::a_closed_family_is_destroyed_and_the_trail_still_verifies
);

async fn nothing_is_listed_without_a_schedule(app: TestApp) {
    let hana = app.sign_in("hana.ito@brookford.example").await;
    let listed = queue(&app, &hana).await;
    assert!(!listed.scheduled);
    assert!(listed.due.is_empty() && listed.upcoming.is_empty());
}
fn unscheduled() -> app::state::Settings {
    app::state::Settings {
        retention: None,
        ..support::demo_settings()
    }
}
on_both_backends!(
    nothing_is_listed_without_a_schedule,
    super::nothing_is_listed_without_a_schedule,
    super::unscheduled
);
