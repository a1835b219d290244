//! What operators rely on: the probes, request ids, metrics behind their token, and a clean stop
//! on SIGTERM.

mod support;

use app::state::Settings;
use support::http::{get, send, HOST};
use support::process::Process;
use support::TestApp;

const TOKEN: &str = "a-metrics-token-for-tests-0123456789abcdef";

fn with_metrics() -> Settings {
    Settings {
        metrics_token_digest: Some(app::auth::tokens::digest(TOKEN)),
        ..support::demo_settings()
    }
}

async fn metrics(app: &TestApp, token: Option<&str>) -> support::Reply {
    let mut request = axum::http::Request::get("/metrics").header("host", HOST);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    send(
        &app.router,
        request.body(axum::body::Body::empty()).expect("request"),
    )
    .await
}

async fn probes_ids_and_metrics(app: TestApp) {
    let health = app.get("/healthz", None).await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok\n"));
    let ready = app.get("/readyz", None).await;
    assert_eq!((ready.status, ready.body.as_str()), (200, "ready\n"));

    // Every answer carries an id of Hearth's own, whatever the client sent.
    let request = axum::http::Request::get("/login")
        .header("host", HOST)
        .header("x-request-id", "made-up by the client")
        .body(axum::body::Body::empty())
        .expect("request");
    let login = send(&app.router, request).await;
    let id = login.header("x-request-id").expect("a request id");
    assert!(uuid::Uuid::parse_str(id).is_ok(), "{id}");

    // Metrics: only with the token; routes by pattern, never by id.
    assert_eq!(metrics(&app, None).await.status, 401);
    assert_eq!(metrics(&app, Some("a wrong token")).await.status, 401);
    let sam = app.sign_in(support::logins::SAM).await;
    let family = app.family_id("Ashworth").await;
    let page = get(&app.router, &format!("/families/{family}"), Some(&sam)).await;
    assert_eq!(page.status, 200);
    let text = metrics(&app, Some(TOKEN)).await;
    assert_eq!(text.status, 200);
    for wanted in [
        "hearth_http_requests_total{route=\"/login\",method=\"GET\",status=\"200\"}",
        "hearth_http_requests_total{route=\"/families/{id}\",method=\"GET\",status=\"200\"}",
        "hearth_http_request_duration_seconds_bucket{route=\"/api/sign_in\"",
        "hearth_write_lock_wait_seconds",
        "hearth_db_pool_connections",
        "hearth_audit_entries",
    ] {
        assert!(text.body.contains(wanted), "no {wanted} in:\n{}", text.body);
    }
    assert!(!text.body.contains(&family), "a family's id is not a label");

    // Not ready while this build's newest migration is missing from the database.
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .execute(app.db.pool())
    .await
    .expect("forget the newest migration");
    let pending = app.get("/readyz", None).await;
    assert_eq!(
        (pending.status, pending.body.as_str()),
        (503, "migrations pending\n")
    );
}
on_both_backends!(
    probes_request_ids_and_metrics,
    super::probes_ids_and_metrics,
    super::with_metrics
);

async fn no_token_no_metrics(app: TestApp) {
    assert_eq!(metrics(&app, Some(TOKEN)).await.status, 404);
}
on_both_backends!(
    metrics_are_not_served_without_a_token,
    super::no_token_no_metrics
);

/// SIGTERM: the process stops accepting, finishes, closes the pool and exits 0.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_cleanly() {
    let (url, _dir) = support::Backend::Sqlite.fresh_database().await;
    let hearth = Process::start(&url, &["demo"]).await;
    let answered = hearth.post("/api/whoami", &[], None).await;
    assert!(answered.status > 0);
    assert_eq!(hearth.terminate().await, Some(0));
}

/// Logs name ids and outcomes, never what was typed: a password, a login, a team's name.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_typed_reaches_the_log() {
    let (url, _dir) = support::Backend::Sqlite.fresh_database().await;
    let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let hearth = Process::start_logging(&url, &["demo"], Some(log.clone())).await;
    let typed_login = "typed.login.4417@example.org";
    let typed_password = "Typed-Password-9931";
    let refused = hearth
        .post(
            "/api/sign_in",
            &[("login", typed_login), ("password", typed_password)],
            None,
        )
        .await;
    assert_eq!(refused.status, 422);
    let signed_in = hearth
        .post(
            "/api/sign_in",
            &[
                ("login", support::logins::JORDAN),
                ("password", support::PASSWORD),
            ],
            None,
        )
        .await;
    let cookie = signed_in.session_cookie().expect("signed in");
    let team_name = "Typed Team Name 5521";
    let added = hearth
        .post(
            "/api/create_team",
            &[("team", &support::new_id()), ("name", team_name)],
            Some(&cookie),
        )
        .await;
    assert_eq!(added.status, 200);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(hearth.terminate().await, Some(0));
    let log = log.lock().map(|l| l.clone()).unwrap_or_default();
    assert!(log.contains("answered"), "the log has the requests: {log}");
    for typed in [typed_login, typed_password, support::PASSWORD, team_name] {
        assert!(!log.contains(typed), "{typed:?} is in the log");
    }
    let session = cookie.split_once('=').map_or("", |(_, v)| v);
    assert!(!log.contains(session), "a session token is in the log");
}
