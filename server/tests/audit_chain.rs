//! The audit trail: every read and change is there, it cannot be changed through the
//! application's database connection, and `verify` finds what was changed behind its back, even
//! by someone who holds the database but not the audit key.

mod support;

use app::domain::audit_check::TrailState;
use app::services::audit_watch::Watcher;
use app::store::audit::anchor::{self, Anchor};
use app::store::audit::{verify, Verdict};
use sqlx::{Executor, Row};
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
    let page: app::page_data::audit_trail::TrailPage =
        app.call("audit_trail", &[], Some(&maya)).await.json();
    assert_eq!(
        page.state,
        TrailState::NotRecentlyVerified { last: None },
        "no verifier ran in this test yet"
    );
    let trail = page.entries;
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
        "DROP TRIGGER IF EXISTS audit_log_no_delete ON audit_log; DROP TRIGGER IF EXISTS audit_log_only_erasure ON audit_log;"
    } else {
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;"
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
    let hearth = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(args)
            .env("DATABASE_URL", &app.database_url)
            .env("HEARTH_AUDIT_KEY_FILE", support::audit_key_file())
            .env("RUST_LOG", "error")
            .output()
            .expect("hearth runs")
    };
    let run = || hearth(&["audit", "verify"]);
    let intact = run();
    assert!(intact.status.success());
    assert_eq!(
        String::from_utf8_lossy(&intact.stdout).trim(),
        format!("audit trail intact: {} entries", app.audit_entries().await)
    );

    // The anchor, kept in a file of the council's, proves the trail still holds that entry.
    let anchor_file =
        std::env::temp_dir().join(format!("hearth-anchor-{}.json", support::new_id()));
    let _cleanup = support::tempdir::TempDir(anchor_file.clone());
    let anchor_path = anchor_file.to_str().expect("path");
    let printed = hearth(&["audit", "anchor"]);
    assert!(printed.status.success());
    let line: Anchor = serde_json::from_slice(&printed.stdout).expect("one line of JSON");
    assert_eq!(line.seq, app.audit_entries().await);
    assert!(hearth(&["audit", "anchor", "--out", anchor_path])
        .status
        .success());
    let anchored = hearth(&["audit", "verify", "--anchor", anchor_path]);
    assert!(
        anchored.status.success(),
        "{}",
        String::from_utf8_lossy(&anchored.stdout)
    );
    assert!(String::from_utf8_lossy(&anchored.stdout).contains("including the entry anchored"));

    // Someone removes the newest entry and sets the head back: intact alone, caught by the anchor.
    remove_newest(&app, 1).await;
    assert!(
        run().status.success(),
        "a shorter chain is intact in itself"
    );
    let short = hearth(&["audit", "verify", "--anchor", anchor_path]);
    assert_eq!(short.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&short.stdout).contains("entries were removed"));

    app.db
        .pool()
        .execute("UPDATE audit_log SET outcome = 'denied' WHERE seq = 2")
        .await
        .expect("edit");
    let broken = run();
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stdout).contains("was changed after it was written"));
    let no_anchor = hearth(&["audit", "anchor"]);
    assert_eq!(
        no_anchor.status.code(),
        Some(1),
        "a broken chain gets no anchor"
    );
    assert!(String::from_utf8_lossy(&no_anchor.stdout).contains("no anchor written"));

    // Without the key, the commands refuse to run rather than report every entry changed.
    let keyless = std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
        .args(["audit", "verify"])
        .env("DATABASE_URL", &app.database_url)
        .env("HEARTH_AUDIT_KEY_FILE", "/nonexistent/hearth-audit.key")
        .output()
        .expect("hearth runs");
    assert_eq!(keyless.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&keyless.stderr).contains("cannot read the audit key"));
}
on_both_backends!(verify_command, super::verify_command);

/// Removes the `n` newest entries and points the head at the one before, as someone with the
/// database (but not the key) would to hide what was done last.
async fn remove_newest(app: &TestApp, n: i64) {
    drop_guards(app).await;
    let last = app.audit_entries().await;
    let keep = last - n;
    let pool = app.db.pool();
    sqlx::query("DELETE FROM audit_log WHERE seq > $1")
        .bind(keep)
        .execute(pool)
        .await
        .expect("delete the newest");
    sqlx::query("UPDATE audit_head SET seq = $1, hash = (SELECT hash FROM audit_log WHERE seq = $1) WHERE id = 1")
        .bind(keep)
        .execute(pool)
        .await
        .expect("set the head back");
}

/// The seal Hearth used before the key: SHA-256 over the length-prefixed fields.
fn plain_seal(row: &sqlx::any::AnyRow, prev_hash: &str) -> String {
    use sha2::{Digest, Sha256};
    let text = |c: &str| {
        row.get::<Option<String>, _>(c)
            .unwrap_or_else(|| "\u{0}".into())
    };
    let number = |c: &str| row.get::<i64, _>(c).to_string();
    let fields = [
        prev_hash.to_string(),
        number("seq"),
        text("id"),
        number("at"),
        text("actor_id"),
        text("actor_name"),
        text("action"),
        text("record_kind"),
        text("record_id"),
        text("family_id"),
        text("team_id"),
        text("outcome"),
        text("detail"),
        text("origin"),
        number("flagged"),
    ];
    let mut hasher = Sha256::new();
    for field in fields {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hex::encode(hasher.finalize())
}

async fn a_recomputed_chain_is_detected(app: TestApp) {
    some_activity(&app).await;
    drop_guards(&app).await;
    let pool = app.db.pool();
    pool.execute("UPDATE audit_log SET actor_name = 'Someone Else' WHERE seq = 3")
        .await
        .expect("edit");
    // Then reseal every entry and the head the way anyone with the database can.
    let rows = sqlx::query("SELECT * FROM audit_log ORDER BY seq")
        .fetch_all(pool)
        .await
        .expect("rows");
    let mut prev = "0".repeat(64);
    for row in &rows {
        let hash = plain_seal(row, &prev);
        sqlx::query("UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = $3")
            .bind(&prev)
            .bind(&hash)
            .bind(row.get::<i64, _>("seq"))
            .execute(pool)
            .await
            .expect("reseal");
        prev = hash;
    }
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&prev)
        .execute(pool)
        .await
        .expect("head");
    assert_eq!(
        verify(&app.db).await.expect("verify"),
        Verdict::Broken {
            seq: 1,
            problem: "entry 1 was changed after it was written".into()
        },
        "without the key, no resealed entry passes"
    );
}
on_both_backends!(
    a_recomputed_chain_is_detected,
    super::a_recomputed_chain_is_detected
);

/// Forges an entry numbered `seq` as a copy of entry 1.
async fn insert_copy_of_first(app: &TestApp, seq: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, record_kind, record_id, family_id, team_id, outcome, detail, origin, flagged, prev_hash, hash)
         SELECT $1, $2, at, actor_id, actor_name, action, record_kind, record_id, family_id, team_id, outcome, detail, origin, flagged, prev_hash, hash
         FROM audit_log WHERE seq = 1",
    )
    .bind(seq)
    .bind(support::new_id())
    .execute(app.db.pool())
    .await
    .map(|_| ())
}

async fn no_entry_sits_before_the_chain(app: TestApp) {
    some_activity(&app).await;
    drop_guards(&app).await;
    assert!(
        insert_copy_of_first(&app, 0).await.is_err(),
        "the database refuses entry 0 even with the append-only triggers gone"
    );
    assert!(insert_copy_of_first(&app, -5).await.is_err());
    // With that guard dropped too, verify still reads every row, whatever its number.
    let sql = if app.database_url.starts_with("postgres") {
        "ALTER TABLE audit_log DROP CONSTRAINT audit_log_seq_from_one"
    } else {
        "DROP TRIGGER audit_log_seq_from_one"
    };
    app.db.pool().execute(sql).await.expect("drop the guard");
    insert_copy_of_first(&app, 0).await.expect("insert entry 0");
    assert_eq!(
        verify(&app.db).await.expect("verify"),
        Verdict::Broken {
            seq: 0,
            problem: "entry 0 is outside the chain, which starts at entry 1".into()
        }
    );
}
on_both_backends!(
    no_entry_sits_before_the_chain,
    super::no_entry_sits_before_the_chain
);

async fn an_anchor_sees_removed_and_rewritten_entries(app: TestApp) {
    some_activity(&app).await;
    let taken = anchor::take(&app.db).await.expect("read").expect("intact");
    assert_eq!(taken.seq, app.audit_entries().await);
    some_activity(&app).await;
    let entries = app.audit_entries().await;
    assert_eq!(
        anchor::verify_with(&app.db, &taken).await.expect("verify"),
        Verdict::Intact { entries },
        "later entries leave the anchored one in place"
    );
    let other = Anchor {
        hash: "f".repeat(64),
        ..taken.clone()
    };
    assert!(matches!(
        anchor::verify_with(&app.db, &other).await.expect("verify"),
        Verdict::Broken { problem, .. } if problem.contains("is not the one anchored")
    ));

    // Everything after the anchored entry, and that entry itself, removed; the head set back.
    remove_newest(&app, entries - taken.seq + 1).await;
    assert_eq!(
        verify(&app.db).await.expect("verify"),
        Verdict::Intact {
            entries: taken.seq - 1
        },
        "the shorter chain is intact in itself"
    );
    assert_eq!(
        anchor::verify_with(&app.db, &taken).await.expect("verify"),
        Verdict::Broken {
            seq: taken.seq,
            problem: format!(
                "the trail ends at entry {} but the anchor holds entry {}: entries were removed",
                taken.seq - 1,
                taken.seq
            )
        }
    );
}
on_both_backends!(
    an_anchor_sees_removed_and_rewritten_entries,
    super::an_anchor_sees_removed_and_rewritten_entries
);

async fn latest_check(app: &TestApp) -> (i64, i64, String) {
    let row = sqlx::query(
        "SELECT whole, intact, problem FROM audit_checks ORDER BY at DESC, whole ASC LIMIT 1",
    )
    .fetch_one(app.db.pool())
    .await
    .expect("a check was recorded");
    (row.get("whole"), row.get("intact"), row.get("problem"))
}

/// What the server's hourly check claims: it walks everything once, then only new entries. An
/// edit of an entry it already verified is seen by a whole walk, not by the hourly one; a bad new
/// entry, and entries removed past its checkpoint, are seen at once; and a break keeps being
/// reported.
async fn the_hourly_check_verifies_new_entries(app: TestApp) {
    some_activity(&app).await;
    let mut watcher = Watcher::default();
    let first = watcher.check(&app.db).await.expect("check");
    assert!(first.whole && first.intact, "{first:?}");
    assert_eq!(first.through_seq, app.audit_entries().await);
    assert_eq!(latest_check(&app).await, (1, 1, String::new()));

    some_activity(&app).await;
    drop_guards(&app).await;
    app.db
        .pool()
        .execute("UPDATE audit_log SET detail = 'rewritten' WHERE seq = 2")
        .await
        .expect("edit an entry verified before");
    let hourly = watcher.check(&app.db).await.expect("check");
    assert!(
        !hourly.whole && hourly.intact,
        "only new entries are walked: {hourly:?}"
    );
    assert_eq!(hourly.through_seq, app.audit_entries().await);
    let whole = watcher.check_whole(&app.db).await.expect("check");
    assert_eq!(
        (
            whole.whole,
            whole.intact,
            whole.problem.as_str(),
            whole.through_seq
        ),
        (true, false, "entry 2 was changed after it was written", 1)
    );
    assert_eq!(
        latest_check(&app).await,
        (1, 0, "entry 2 was changed after it was written".into())
    );
    let again = watcher.check(&app.db).await.expect("check");
    assert!(
        !again.intact,
        "the break is reported at every check: {again:?}"
    );

    // A fresh watcher (a server started before the edit would not know of it) ...
    let app2 = TestApp::start(if app.database_url.starts_with("postgres") {
        support::Backend::Postgres
    } else {
        support::Backend::Sqlite
    })
    .await;
    some_activity(&app2).await;
    let mut watcher = Watcher::default();
    let intact = watcher.check(&app2.db).await.expect("check");
    assert!(intact.intact);
    let maya = app2.sign_in("maya.okafor@brookford.example").await;
    let page: app::page_data::audit_trail::TrailPage =
        app2.call("audit_trail", &[], Some(&maya)).await.json();
    assert_eq!(
        page.state,
        TrailState::Intact {
            at: intact.at,
            through_seq: intact.through_seq
        }
    );
    // ... sees a forged new entry at the next hourly check,
    some_activity(&app2).await;
    let last = app2.audit_entries().await;
    drop_guards(&app2).await;
    sqlx::query("UPDATE audit_log SET detail = 'forged' WHERE seq = $1")
        .bind(last)
        .execute(app2.db.pool())
        .await
        .expect("edit a new entry");
    let hourly = watcher.check(&app2.db).await.expect("check");
    assert_eq!(
        (hourly.whole, hourly.intact, hourly.problem.clone()),
        (
            false,
            false,
            format!("entry {last} was changed after it was written")
        )
    );
    // ... and entries removed back past its checkpoint, head and all.
    let mut watcher = Watcher::default();
    app2.db
        .pool()
        .execute("DELETE FROM audit_log WHERE detail = 'forged'")
        .await
        .expect("remove the forged entry");
    remove_newest(&app2, 0).await;
    assert!(watcher.check(&app2.db).await.expect("check").intact);
    remove_newest(&app2, 2).await;
    let hourly = watcher.check(&app2.db).await.expect("check");
    assert!(
        !hourly.intact && hourly.problem.contains("the newest entries were removed"),
        "{hourly:?}"
    );
}
on_both_backends!(
    the_hourly_check_verifies_new_entries,
    super::the_hourly_check_verifies_new_entries
);
