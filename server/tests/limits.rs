//! Requests and sign-in under load, from outside: a huge body, a slow client, a flood of
//! requests and of guesses each get a quick refusal, and guesses are counted as they arrive.
//! The tests here share one process's password-work permits, so they run one at a time.

mod support;

use app::error::AppError;
use app::services::failed_attempts::{audit_failures, SETTLE_MS};
use app::services::sign_in::REFUSE_AFTER;
use app::state::Settings;
use axum::body::{Body, Bytes};
use axum::http::{header, Request};
use futures::StreamExt;
use std::time::Duration;
use support::http::{send, HOST};
use support::logins::SAM;
use support::{Backend, TestApp};

static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn quick_sign_in() -> Settings {
    Settings {
        sign_in_delay_step: Duration::from_millis(5),
        ..support::demo_settings()
    }
}

/// Only two slots, so a test can fill them.
fn tight_bounds() -> Settings {
    Settings {
        max_in_flight: 2,
        wait_for_slot: Duration::from_millis(200),
        ..quick_sign_in()
    }
}

fn sign_in_request() -> axum::http::request::Builder {
    Request::post("/api/sign_in")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
}

/// A post that announces 100 bytes, sends nine and then nothing more, like a client on a dead
/// line.
fn stalled() -> Request<Body> {
    let first = futures::stream::once(async { Ok::<_, std::io::Error>(Bytes::from("login=sam")) });
    sign_in_request()
        .header(header::CONTENT_LENGTH, 100)
        .body(Body::from_stream(first.chain(futures::stream::pending())))
        .expect("request")
}

async fn bodies_too_big_or_too_slow(backend: Backend) {
    let _one = ONE_AT_A_TIME.lock().await;
    let app = TestApp::start_with(backend, tight_bounds()).await;
    // 64 MB announced: refused before a byte of it is read.
    let huge = vec![b'a'; 64 * 1024 * 1024];
    let request = sign_in_request()
        .header(header::CONTENT_LENGTH, huge.len())
        .body(Body::from(huge))
        .expect("request");
    let reply = send(&app.router, request).await;
    assert_eq!(reply.status, 413, "{}", reply.body);
    // A body sent in chunks, with no length: Hearth's forms always say theirs.
    let chunks = futures::stream::iter(
        (0..64).map(|_| Ok::<_, std::io::Error>(Bytes::from(vec![b'a'; 1024 * 1024]))),
    );
    let request = sign_in_request()
        .header(header::TRANSFER_ENCODING, "chunked")
        .body(Body::from_stream(chunks))
        .expect("request");
    let reply = send(&app.router, request).await;
    assert_eq!(reply.status, 411, "{}", reply.body);
    // While two stalled requests hold both slots, a third is turned away with a time to retry.
    let held: Vec<_> = (0..2)
        .map(|_| {
            let router = app.router.clone();
            tokio::spawn(async move { send(&router, stalled()).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let turned_away = app.get("/login", None).await;
    assert_eq!(turned_away.status, 503, "{}", turned_away.body);
    assert_eq!(turned_away.header("retry-after"), Some("2"));
    for request in held {
        request.abort();
    }
    // And once they are gone, the server answers as before.
    assert_eq!(app.get("/login", None).await.status, 200);
}

/// A body that stops arriving gets 408 once its time is up, and its slot is free again.
async fn a_stalled_body_times_out(backend: Backend) {
    let _one = ONE_AT_A_TIME.lock().await;
    let settings = Settings {
        body_timeout: Duration::from_millis(300),
        ..tight_bounds()
    };
    let app = TestApp::start_with(backend, settings).await;
    let started = std::time::Instant::now();
    let replies = futures::future::join_all((0..2).map(|_| send(&app.router, stalled()))).await;
    for reply in &replies {
        assert_eq!(reply.status, 408, "{}", reply.body);
        assert_eq!(reply.header("connection"), Some("close"));
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refused quickly"
    );
    assert_eq!(
        app.get("/login", None).await.status,
        200,
        "both slots are free"
    );
    let signed_in = app.sign_in(SAM).await;
    assert!(
        !signed_in.is_empty(),
        "a whole body in time is read as before"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stalled_sqlite() {
    a_stalled_body_times_out(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stalled_postgres() {
    a_stalled_body_times_out(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_sqlite() {
    bodies_too_big_or_too_slow(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_postgres() {
    bodies_too_big_or_too_slow(Backend::Postgres).await;
}

fn password_try(login: &str) -> Vec<(&str, &str)> {
    vec![("login", login), ("password", "a wrong password")]
}

/// 40 wrong passwords for one login at once: at most the allowed number are checked, none of
/// them writes to the audit trail as it happens, and the batch that follows names the account.
async fn parallel_guesses_are_counted_as_they_arrive(backend: Backend) {
    let _one = ONE_AT_A_TIME.lock().await;
    let app = TestApp::start_with(backend, quick_sign_in()).await;
    let audit_before = app.audit_entries().await;
    let guess = password_try(SAM);
    let guesses = (0..40).map(|_| app.call("sign_in", &guess, None));
    let replies = futures::future::join_all(guesses).await;
    let checked = replies.iter().filter(|r| r.status == 422).count();
    let limited = replies
        .iter()
        .filter(|r| r.status == 429 && r.error() == AppError::TooManyAttempts)
        .count();
    let busy = replies
        .iter()
        .filter(|r| r.status == 429 && r.error() == AppError::Busy)
        .count();
    assert_eq!(checked + limited + busy, 40, "only 422 and 429");
    assert!(
        checked as i64 <= REFUSE_AFTER,
        "{checked} of 40 parallel guesses were checked"
    );
    assert!(
        limited >= 40 - REFUSE_AFTER as usize,
        "{limited} refused as too many"
    );
    assert_eq!(
        app.audit_entries().await,
        audit_before,
        "refusals wait for the batch"
    );
    // Even the right password is refused while the login is throttled.
    let right = app
        .call(
            "sign_in",
            &[("login", SAM), ("password", support::PASSWORD)],
            None,
        )
        .await;
    assert_eq!(right.error(), AppError::TooManyAttempts);

    // The batch: one entry for Sam's account, flagged, with how many; none written before.
    let now = app::store::now_ms() + SETTLE_MS + 1;
    assert_eq!(audit_failures(&app.db, now).await.expect("batch"), 1);
    let sam = app
        .one_text("SELECT id FROM accounts WHERE login = $1", SAM)
        .await;
    let detail = app
        .one_text(
            "SELECT detail FROM audit_log WHERE action = 'sign_in_refused' AND record_id = $1 AND flagged = 1",
            &sam,
        )
        .await;
    assert!(detail.starts_with("41 failed sign-ins"), "{detail}");
    assert_eq!(
        audit_failures(&app.db, now).await.expect("batch"),
        0,
        "once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guesses_sqlite() {
    parallel_guesses_are_counted_as_they_arrive(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guesses_postgres() {
    parallel_guesses_are_counted_as_they_arrive(Backend::Postgres).await;
}

/// Sign-ins to many unknown logins at once: password work runs a few at a time and any turned
/// away are told to retry (how many depends on how fast this machine hashes, so the refusal
/// itself is proved in `auth::passwords`, with the cores held); a login that names no account
/// is never written into the audit trail.
async fn password_work_is_bounded(backend: Backend) {
    let _one = ONE_AT_A_TIME.lock().await;
    let app = TestApp::start_with(backend, quick_sign_in()).await;
    let logins: Vec<String> = (0..30)
        .map(|i| format!("stranger{i}@nowhere.example"))
        .collect();
    let tries: Vec<_> = logins.iter().map(|l| password_try(l)).collect();
    let replies =
        futures::future::join_all(tries.iter().map(|t| app.call("sign_in", t, None))).await;
    let checked = replies.iter().filter(|r| r.status == 422).count();
    let busy: Vec<_> = replies
        .iter()
        .filter(|r| r.status == 429 && r.error() == AppError::Busy)
        .collect();
    assert_eq!(checked + busy.len(), 30, "only 422 and 429");
    assert!(checked >= 1, "some are checked");
    assert!(busy.iter().all(|r| r.header("retry-after") == Some("2")));

    let now = app::store::now_ms() + SETTLE_MS + 1;
    assert_eq!(audit_failures(&app.db, now).await.expect("batch"), 30);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%stranger%' OR detail LIKE '%nowhere%'")
            .await,
        0,
        "typed logins stay out of the trail"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '1 failed sign-ins to a login that is no account%'")
            .await,
        30
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashing_sqlite() {
    password_work_is_bounded(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashing_postgres() {
    password_work_is_bounded(Backend::Postgres).await;
}
