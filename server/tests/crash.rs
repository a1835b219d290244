//! Crashes lose nothing: a parent's ratings are saved by several clients at once while the server
//! is killed with SIGKILL at random moments and started again. Every save that was answered is
//! there, a save retried with its id is there once, the database is sound and the audit trail
//! verifies.
//!
//! `HEARTH_KILLS` sets how many kills per backend (3 here by default; `scripts/kill-test.sh` runs
//! 25). With `HEARTH_CRASH_POSTGRES` (a command, set by that script), PostgreSQL itself is also
//! stopped with `-m immediate` once, half way through.

mod support;

use app::store::audit::Verdict;
use app::store::Db;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::process::{free_addr, new_data_dir, post_to, Process};
use support::Backend;

const CLIENTS: usize = 4;

#[derive(Default)]
struct Saves {
    /// Answered 200: must be in the database.
    answered: HashSet<String>,
    /// Sent, but no whole answer came back (the server died): may or may not be there.
    unanswered: HashSet<String>,
    /// Answered with a status other than 200 while the database itself was down.
    failed: HashSet<String>,
    /// Anything else: a bug.
    unexpected: Vec<String>,
}

fn kills() -> usize {
    std::env::var("HEARTH_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3)
}

fn rate(goal: &str, id: &str) -> Vec<(&'static str, String)> {
    vec![
        ("goal", goal.to_string()),
        ("check_in", id.to_string()),
        ("score", "6".to_string()),
    ]
}

async fn save(addr: &str, cookie: &str, goal: &str, id: &str) -> Option<u16> {
    let form = rate(goal, id);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post_to(addr, "/api/rate_goal", &form, Some(cookie))
        .await
        .map(|r| r.status)
}

/// A few milliseconds to a second: kills land before, during and after commits.
fn pause() -> Duration {
    Duration::from_millis(rand::Rng::gen_range(&mut rand::thread_rng(), 150..900))
}

fn crash_postgres_command() -> Option<String> {
    std::env::var("HEARTH_CRASH_POSTGRES").ok()
}

fn crash_postgres() {
    let Some(command) = crash_postgres_command() else {
        return;
    };
    let status = std::process::Command::new("bash")
        .args(["-c", &command])
        .status()
        .expect("the PostgreSQL crash command runs");
    assert!(status.success(), "{command} failed");
}

async fn kill_and_restart(backend: Backend) {
    let (url, _dir) = backend.fresh_database().await;
    let addr = free_addr();
    let data_dir = new_data_dir();
    let mut server = Process::start_at(&url, &["demo"], &addr, &data_dir).await;
    let signed_in = server
        .post(
            "/api/sign_in",
            &[("login", "kelly.ashworth"), ("password", support::PASSWORD)],
            None,
        )
        .await;
    let cookie = signed_in.session_cookie().expect("Kelly signs in");
    let page = server.post("/api/own_page", &[], Some(&cookie)).await;
    let goal = page
        .body
        .split("\"goals\":[{\"id\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("Kelly has a goal")
        .to_string();

    let saves = Arc::new(Mutex::new(Saves::default()));
    let stop = Arc::new(AtomicBool::new(false));
    let database_down = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for _ in 0..CLIENTS {
        let (saves, stop, database_down) = (saves.clone(), stop.clone(), database_down.clone());
        let (addr, cookie, goal) = (addr.clone(), cookie.clone(), goal.clone());
        clients.push(tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let id = uuid::Uuid::new_v4().to_string();
                let answer = save(&addr, &cookie, &goal, &id).await;
                let server_down = answer.is_none();
                {
                    let Ok(mut saves) = saves.lock() else { return };
                    match answer {
                        Some(200) => {
                            saves.answered.insert(id);
                        }
                        None => {
                            saves.unanswered.insert(id);
                        }
                        Some(_) if database_down.load(Ordering::Relaxed) => {
                            saves.failed.insert(id);
                        }
                        Some(status) => saves.unexpected.push(format!("{status} for {id}")),
                    }
                }
                if server_down {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
        }));
    }

    let kills = kills();
    for kill in 0..kills {
        tokio::time::sleep(pause()).await;
        if backend == Backend::Postgres && kill == kills / 2 && crash_postgres_command().is_some() {
            // The database dies under a running server, which answers errors until it is back.
            database_down.store(true, Ordering::Relaxed);
            crash_postgres();
            tokio::time::sleep(pause()).await;
        }
        server.kill().await;
        server = Process::start_at(&url, &["serve"], &addr, &data_dir).await;
        database_down.store(false, Ordering::Relaxed);
    }
    tokio::time::sleep(pause()).await;
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.await.expect("a client");
    }

    let saves = std::mem::take(&mut *saves.lock().expect("the saves"));
    assert!(saves.unexpected.is_empty(), "{:?}", saves.unexpected);
    // A client that never heard back sends again with the same id, as the browser does.
    for id in saves.unanswered.iter().chain(saves.failed.iter()) {
        assert_eq!(
            save(&addr, &cookie, &goal, id).await,
            Some(200),
            "retry {id}"
        );
    }
    // And a save answered before is answered again, without a second row.
    for id in saves.answered.iter().take(10) {
        assert_eq!(
            save(&addr, &cookie, &goal, id).await,
            Some(200),
            "again {id}"
        );
    }
    assert_eq!(server.terminate().await, Some(0));

    let db = Db::connect(&url, support::audit_key())
        .await
        .expect("the database opens");
    let stored: Vec<String> = sqlx::query_scalar("SELECT id FROM check_ins WHERE goal_id = $1")
        .bind(&goal)
        .fetch_all(db.pool())
        .await
        .expect("the ratings");
    let stored_set: HashSet<&String> = stored.iter().collect();
    assert_eq!(stored.len(), stored_set.len(), "a rating stored twice");
    let lost: Vec<_> = saves
        .answered
        .iter()
        .filter(|id| !stored_set.contains(id))
        .collect();
    assert!(lost.is_empty(), "answered but lost: {lost:?}");
    let sent: HashSet<&String> = saves
        .answered
        .iter()
        .chain(&saves.unanswered)
        .chain(&saves.failed)
        .collect();
    let retried_in = sent.iter().filter(|id| stored_set.contains(*id)).count();
    assert_eq!(
        retried_in,
        sent.len(),
        "every save is there after its retry"
    );
    if backend == Backend::Sqlite {
        let check: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(db.pool())
            .await
            .expect("integrity_check");
        assert_eq!(check, "ok");
    }
    let verdict = app::store::audit::verify(&db).await.expect("verify");
    assert!(matches!(verdict, Verdict::Intact { .. }), "{verdict:?}");
    let Verdict::Intact { entries } = verdict else {
        return;
    };
    println!(
        "{backend:?}: {kills} kills; {} saves answered, {} unanswered (the server down or dying), {} refused while the database was down; all {} there once after retries; audit trail intact ({entries} entries)",
        saves.answered.len(),
        saves.unanswered.len(),
        saves.failed.len(),
        sent.len(),
    );
    db.close().await;
    let _ = std::fs::remove_dir_all(&data_dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_loses_nothing_to_sigkill() {
    kill_and_restart(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_loses_nothing_to_sigkill() {
    kill_and_restart(Backend::Postgres).await;
}
