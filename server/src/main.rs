//! `hearth`: serve Hearth, serve it with demo data, or check the audit trail.

use app::state::AppState;
use app::store::audit::Verdict;
use app::store::Db;
use server::config::Config;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

const USAGE: &str = "usage: hearth [serve | demo | audit verify]
  serve          serve Hearth (the default)
  demo           add the made-up demo data if the database is empty, print the logins, serve
  audit verify   check that no audit trail entry was changed, added or removed outside Hearth";

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
        ["audit", "verify"] => verify().await,
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

async fn open(config: &Config) -> Result<Db, String> {
    Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))
}

async fn serve(demo: bool) -> Result<ExitCode, String> {
    let config = Config::from_env()?;
    let db = open(&config).await?;
    if demo {
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
    for (login, who) in app::demo::logins() {
        println!("  {login:<36} {who}");
    }
    println!();
}

async fn verify() -> Result<ExitCode, String> {
    let config = Config::from_env()?;
    let db = open(&config).await?;
    let verdict = app::store::audit::verify(&db)
        .await
        .map_err(|e| format!("cannot read the audit trail: {e}"))?;
    db.close().await;
    match verdict {
        Verdict::Intact { entries } => {
            println!("audit trail intact: {entries} entries");
            Ok(ExitCode::SUCCESS)
        }
        Verdict::Broken { seq, problem } => {
            println!("audit trail BROKEN at entry {seq}: {problem}");
            Ok(ExitCode::FAILURE)
        }
    }
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
