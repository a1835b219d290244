//! Sessions: kept in the database, so any app server recognises them; renewed at sign-in;
//! ended by idle and absolute timeouts, by signing out, and everywhere at once.

mod support;

use support::logins::SAM;

use app::store::sessions::{ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS};
use app::store::{self};
use support::process::Process;
use support::{Reply, TestApp};

async fn signed_in_as(app: &TestApp, cookie: &str) -> Option<String> {
    let reply: Reply = app.call("whoami", &[], Some(cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let person: Option<app::domain::viewer::SignedIn> = reply.json();
    person.map(|p| p.display_name)
}

fn token_hash(cookie: &str) -> String {
    app::auth::tokens::digest(cookie.trim_start_matches("hearth_session="))
}

async fn cookie_is_protected(app: TestApp) {
    let reply = app
        .call(
            "sign_in",
            &[("login", SAM), ("password", support::PASSWORD)],
            None,
        )
        .await;
    let set_cookie = reply.header("set-cookie").expect("a cookie");
    for part in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set_cookie.contains(part), "{set_cookie} lacks {part}");
    }
    assert!(
        !set_cookie.contains("Secure"),
        "plain HTTP cannot set a Secure cookie"
    );
    assert_eq!(reply.header("location"), Some("/families"));
}
on_both_backends!(cookie_is_protected, super::cookie_is_protected);

async fn sign_in_renews_the_session(app: TestApp) {
    let first = app.sign_in(SAM).await;
    let reply = app
        .call(
            "sign_in",
            &[("login", SAM), ("password", support::PASSWORD)],
            Some(&first),
        )
        .await;
    let second = reply.session_cookie().expect("a new cookie");
    assert_ne!(first, second, "the session id changes at sign-in");
    assert_eq!(
        signed_in_as(&app, &first).await,
        None,
        "the session from before is gone"
    );
    assert_eq!(
        signed_in_as(&app, &second).await.as_deref(),
        Some("Sam Whitfield")
    );
}
on_both_backends!(
    sign_in_renews_the_session,
    super::sign_in_renews_the_session
);

async fn idle_and_absolute_timeouts(app: TestApp) {
    let idle = app.sign_in(SAM).await;
    store::sessions::age_for_tests(&app.db, &token_hash(&idle), IDLE_TIMEOUT_MS - 60_000)
        .await
        .expect("age");
    assert!(
        signed_in_as(&app, &idle).await.is_some(),
        "not idle long enough yet"
    );
    store::sessions::age_for_tests(&app.db, &token_hash(&idle), IDLE_TIMEOUT_MS + 1000)
        .await
        .expect("age");
    assert_eq!(signed_in_as(&app, &idle).await, None, "idle too long");

    // Busy all day: every request keeps it from idling, but the absolute limit still ends it.
    let busy = app.sign_in(SAM).await;
    let hash = token_hash(&busy);
    sqlx::query("UPDATE sessions SET created_at = created_at - $1 WHERE token_hash = $2")
        .bind(ABSOLUTE_TIMEOUT_MS + 1000)
        .bind(&hash)
        .execute(app.db.pool())
        .await
        .expect("age the session's start only");
    assert_eq!(
        signed_in_as(&app, &busy).await,
        None,
        "past the absolute limit"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM sessions").await,
        0,
        "expired sessions are deleted"
    );
}
on_both_backends!(
    idle_and_absolute_timeouts,
    super::idle_and_absolute_timeouts
);

async fn signing_out(app: TestApp) {
    let phone = app.sign_in(SAM).await;
    let laptop = app.sign_in(SAM).await;
    let out = app.call("sign_out", &[], Some(&phone)).await;
    assert_eq!(out.status, 200);
    assert!(
        out.header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=0")),
        "the cookie is cleared"
    );
    assert_eq!(signed_in_as(&app, &phone).await, None);
    assert!(
        signed_in_as(&app, &laptop).await.is_some(),
        "other devices stay signed in"
    );

    let tablet = app.sign_in(SAM).await;
    let everywhere = app.call("sign_out_everywhere", &[], Some(&laptop)).await;
    assert_eq!(everywhere.status, 200, "{}", everywhere.body);
    assert_eq!(signed_in_as(&app, &laptop).await, None);
    assert_eq!(
        signed_in_as(&app, &tablet).await,
        None,
        "every session of the account ended"
    );
    let trail = app
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_out_everywhere'")
        .await;
    assert_eq!(trail, 1);
}
on_both_backends!(signing_out, super::signing_out);

/// Two `hearth` processes on one database: a sign-in through one is recognised by the other,
/// and signing out through the second ends it for the first.
async fn two_servers_share_sessions(app: TestApp) {
    // `app` stays alive: it owns the SQLite file's directory.
    let url = app.database_url.clone();
    let (a, b) = (
        Process::start(&url, &["serve"]).await,
        Process::start(&url, &["serve"]).await,
    );
    let signed_in = a
        .post(
            "/api/sign_in",
            &[("login", SAM), ("password", support::PASSWORD)],
            None,
        )
        .await;
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    let cookie = signed_in.session_cookie().expect("a session cookie");

    let me = b.post("/api/whoami", &[], Some(&cookie)).await;
    assert_eq!(me.status, 200);
    assert!(
        me.body.contains("Sam Whitfield"),
        "the second server knows the session: {}",
        me.body
    );
    let caseload = b.post("/api/caseload", &[], Some(&cookie)).await;
    assert_eq!(caseload.status, 200, "{}", caseload.body);

    assert_eq!(
        b.post("/api/sign_out", &[], Some(&cookie)).await.status,
        200
    );
    let after = a.post("/api/whoami", &[], Some(&cookie)).await;
    assert_eq!(
        after.body, "null",
        "signed out through one server means signed out on all"
    );
    a.stop().await;
    b.stop().await;
}
on_both_backends!(
    two_servers_share_sessions,
    super::two_servers_share_sessions
);
