//! `hearth`: serve Hearth, serve it with demo data, or check the audit trail.

use app::services::audit_watch::{self, Watcher};
use app::state::AppState;
use app::store::Db;
use server::config::Config;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

const USAGE: &str = "usage: hearth [serve | demo | audit verify [--anchor F] | audit anchor [--out F]]
  serve                   serve Hearth (the default)
  demo                    add the made-up demo data if the database is empty, print the logins, serve
  audit verify            check that no audit trail entry was changed, added or removed outside Hearth
  audit verify --anchor F also prove that the trail still holds the entry anchored in file F
  audit anchor [--out F]  print the newest entry's number, seal and time as one line of JSON
                          (or write it to file F), for the council to keep outside Hearth";

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        [] | ["serve"] => serve(false).await,
        ["demo"] => serve(true).await,
        ["audit", "verify"] => {
            audit(|db| async move { server::audit_cli::verify(&db, None).await }).await
        }
        ["audit", "verify", "--anchor", file] => {
            let file = Path::new(file);
            audit(|db| async move { server::audit_cli::verify(&db, Some(file)).await }).await
        }
        ["audit", "anchor"] => {
            audit(|db| async move { server::audit_cli::anchor(&db, None).await }).await
        }
        ["audit", "anchor", "--out", file] => {
            let file = Path::new(file);
            audit(|db| async move { server::audit_cli::anchor(&db, Some(file)).await }).await
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("hearth: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the database with the audit key. Serving makes the default key on the first start; a
/// key made now cannot have sealed entries already there, so it is taken back and the start
/// refused rather than writing entries no verifier could join to the rest.
async fn open(config: &Config, serving: bool) -> Result<Db, String> {
    let loaded = config.audit_key.load(serving)?;
    let db = Db::connect(&config.database_url, loaded.key)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    if loaded.created {
        let head = app::store::audit::head(&db)
            .await
            .map_err(|e| format!("cannot read the audit trail: {e}"))?
            .seq;
        if head > 0 {
            db.close().await;
            config.audit_key.discard();
            return Err(format!(
                "the audit trail already holds {head} entries sealed with another key: set HEARTH_AUDIT_KEY_FILE to that key (no new key was kept at {})",
                config.audit_key.path.display()
            ));
        }
    }
    Ok(db)
}

async fn serve(demo: bool) -> Result<ExitCode, String> {
    let mut config = Config::from_env()?;
    let db = open(&config, true).await?;
    if demo {
        // The demo council's people are made up, and anyone trying Hearth signs in as them.
        config.settings.second_factor_rule = app::state::SecondFactorRule::NotRequired;
        let seeded = app::demo::seed_if_empty(&db)
            .await
            .map_err(|e| format!("cannot add the demo data: {e}"))?;
        print_demo_logins(seeded, config.addr);
    }
    let state = AppState {
        leptos_options: config.leptos_options.clone(),
        db: db.clone(),
        settings: Arc::new(config.settings),
    };
    tokio::spawn(fold_failed_attempts(db.clone()));
    tokio::spawn(watch_audit_trail(db.clone()));
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    println!("Hearth is listening on http://{}", config.addr);
    axum::serve(
        listener,
        server::router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await
    .map_err(|e| format!("the server stopped: {e}"))?;
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Writes failed sign-ins and wrong invitation codes into the audit trail every minute.
async fn fold_failed_attempts(db: Db) {
    let mut every = tokio::time::interval(app::services::failed_attempts::EVERY);
    loop {
        every.tick().await;
        let now = app::store::now_ms();
        if let Err(error) = app::services::failed_attempts::audit_failures(&db, now).await {
            tracing::error!(%error, "failed attempts could not be written to the audit trail");
        }
    }
}

/// Verifies the whole audit trail at start, then every hour the entries written since.
async fn watch_audit_trail(db: Db) {
    let mut watcher = Watcher::default();
    let mut every = tokio::time::interval(audit_watch::EVERY);
    loop {
        every.tick().await;
        if let Err(error) = watcher.check(&db).await {
            tracing::error!(%error, "the audit trail could not be verified");
        }
    }
}

fn print_demo_logins(seeded: bool, addr: SocketAddr) {
    println!();
    println!(
        "{}",
        if seeded {
            "Demo data added: a made-up council, two teams and seven families."
        } else {
            "Demo data was already there."
        }
    );
    println!(
        "Open http://{addr} and sign in with any of these. Every password is: {}",
        app::demo::PASSWORD
    );
    println!("(In this demo no one must set up a second factor; in a real council's Hearth, managers and administrators must.)");
    for (login, who) in app::demo::logins() {
        println!("  {login:<36} {who}");
    }
    println!();
}

/// Runs an audit command on the database, with the configured key (never a new one).
async fn audit<F, Fut>(command: F) -> Result<ExitCode, String>
where
    F: FnOnce(Db) -> Fut,
    Fut: std::future::Future<Output = Result<ExitCode, String>>,
{
    let config = Config::from_env()?;
    let db = open(&config, false).await?;
    let result = command(db.clone()).await;
    db.close().await;
    result
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}
