//! The audit trail: every read and change is there, it cannot be changed through the
//! application's database connection, and `verify` finds what was changed behind its back.

mod support;

use app::store::audit::{verify, Verdict};
use sqlx::Executor;
use support::TestApp;

async fn some_activity(app: &TestApp) {
    let sam = app.sign_in("sam.whitfield@brookford.example").await;
    let ashworth = app.family_id("Ashworth").await;
    assert_eq!(app.call("caseload", &[], Some(&sam)).await.status, 200);
    assert_eq!(
        app.call("family", &[("id", &ashworth)], Some(&sam))
            .await
            .status,
        200
    );
    let south = app.family_id("Fairweather").await;
    assert_eq!(
        app.call("family", &[("id", &south)], Some(&sam))
            .await
            .status,
        403
    );
}

async fn reads_and_refusals_are_recorded(app: TestApp) {
    some_activity(&app).await;
    let rows = sqlx::query(
        "SELECT action, outcome, flagged, actor_name, origin FROM audit_log ORDER BY seq",
    )
    .fetch_all(app.db.pool())
    .await
    .expect("trail");
    let actions: Vec<(String, String, i64)> = rows
        .iter()
        .map(|r| {
            use sqlx::Row;
            (
                r.get::<String, _>("action"),
                r.get::<String, _>("outcome"),
                r.get::<i64, _>("flagged"),
            )
        })
        .collect();
    assert_eq!(
        actions,
        vec![
            ("sign_in".into(), "allowed".into(), 0),
            ("view_caseload".into(), "allowed".into(), 0),
            ("view_family".into(), "allowed".into(), 0),
            ("view_family".into(), "denied".into(), 1),
        ]
    );
    let maya = app.sign_in("maya.okafor@brookford.example").await;
    let trail: Vec<app::domain::audit::AuditEntryView> =
        app.call("audit_trail", &[], Some(&maya)).await.json();
    assert!(
        trail
            .iter()
            .any(|e| e.actor_name == "Sam Whitfield" && e.flagged),
        "the manager sees the flagged refusal"
    );
    assert!(
        trail.windows(2).all(|w| w[0].seq > w[1].seq),
        "newest first"
    );
    assert_eq!(
        verify(&app.db).await.expect("verify"),
        Verdict::Intact {
            entries: app.audit_entries().await
        }
    );
}
on_both_backends!(
    reads_and_refusals_are_recorded,
    super::reads_and_refusals_are_recorded
);

/// What someone with the database's own tools would do first: remove the append-only guard.
async fn drop_guards(app: &TestApp) {
    let sql = if app.database_url.starts_with("postgres") {
        "DROP TRIGGER audit_log_no_change ON audit_log;"
    } else {
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
    };
    app.db.pool().execute(sql).await.expect("drop the triggers");
}

async fn cannot_be_edited_and_tampering_is_detected(app: TestApp) {
    some_activity(&app).await;
    let update = app
        .db
        .pool()
        .execute("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 2")
        .await;
    assert!(update.is_err(), "the database refuses to change an entry");
    let delete = app
        .db
        .pool()
        .execute("DELETE FROM audit_log WHERE seq = 2")
        .await;
    assert!(delete.is_err(), "the database refuses to delete an entry");

    // Someone with the database's own tools removes the guard and edits an entry.
    drop_guards(&app).await;
    app.db
        .pool()
        .execute("UPDATE audit_log SET actor_name = 'Someone Else' WHERE seq = 3")
        .await
        .expect("edit");
    assert_eq!(
        verify(&app.db).await.expect("verify"),
        Verdict::Broken {
            seq: 3,
            problem: "entry 3 was changed after it was written".into()
        }
    );
}
on_both_backends!(
    cannot_be_edited_and_tampering_is_detected,
    super::cannot_be_edited_and_tampering_is_detected
);

async fn deleted_entries_are_detected(app: TestApp) {
    some_activity(&app).await;
    drop_guards(&app).await;
    let last = app.audit_entries().await;
    app.db
        .pool()
        .execute(format!("DELETE FROM audit_log WHERE seq = {last}").as_str())
        .await
        .expect("delete the newest");
    assert!(
        matches!(verify(&app.db).await.expect("verify"), Verdict::Broken { problem, .. } if problem.contains("newest entries were removed"))
    );
    app.db
        .pool()
        .execute("DELETE FROM audit_log WHERE seq = 2")
        .await
        .expect("delete one in the middle");
    assert_eq!(
        verify(&app.db).await.expect("verify"),
        Verdict::Broken {
            seq: 2,
            problem: "entry 2 is missing".into()
        }
    );
}
on_both_backends!(
    deleted_entries_are_detected,
    super::deleted_entries_are_detected
);

/// `hearth audit verify` as an operator runs it.
async fn verify_command(app: TestApp) {
    some_activity(&app).await;
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(["audit", "verify"])
            .env("DATABASE_URL", &app.database_url)
            .env("RUST_LOG", "error")
            .output()
            .expect("hearth runs")
    };
    let intact = run();
    assert!(intact.status.success());
    assert_eq!(
        String::from_utf8_lossy(&intact.stdout).trim(),
        format!("audit trail intact: {} entries", app.audit_entries().await)
    );
    drop_guards(&app).await;
    app.db
        .pool()
        .execute("UPDATE audit_log SET outcome = 'allowed' WHERE outcome = 'denied'")
        .await
        .expect("edit");
    let broken = run();
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stdout).contains("was changed after it was written"));
}
on_both_backends!(verify_command, super::verify_command);
