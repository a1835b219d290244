//! `hearth`: set up a council's Hearth, serve it (with demo data, if asked), check the audit trail.

use app::services::audit_watch::{self, Watcher};
use app::state::AppState;
use app::store::Db;
use clap::{Parser, Subcommand};
use server::config::Config;
use std::future::IntoFuture;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

const VARIABLES: &str = "Variables (every command reads the same ones):
  DATABASE_URL             the database: sqlite://FILE or postgres://USER@HOST/NAME
                           (default: a SQLite file hearth.db in the data directory)
  HEARTH_DATA_DIR          where the SQLite file and the default keys live (default: ./data)
  HEARTH_AUDIT_KEY_FILE    the key that seals the audit trail (default: DATA_DIR/audit.key,
                           made on the first start); keep a copy apart from the backups
  HEARTH_SECRETS_KEY_FILE  the key that seals second-factor secrets (default:
                           DATA_DIR/secrets.key, made on the first start)
  HEARTH_ADDR              the address to listen on (default: 127.0.0.1:3000)
  HEARTH_PUBLIC_ORIGIN     the address people use, like https://hearth.council.gov.uk
                           (https makes cookies secure; setup prints links with it)
  HEARTH_TRUSTED_PROXIES   how many proxies stand in front and add X-Forwarded-For (default: 0)
  HEARTH_SECOND_FACTOR     \"managers\" (default: managers and administrators need one) or
                           \"all-staff\"
  LEPTOS_SITE_ROOT         the built site's folder (default: target/site)
  HEARTH_BACKUP_KEY_FILE   a key (64 hex digits, e.g. from `openssl rand -hex 32`): `hearth
                           backup` then encrypts the backup, and `hearth restore` opens it
  HEARTH_METRICS_TOKEN     a bearer token (32 characters or more) for /metrics (Prometheus
                           text); without it /metrics is not served
  HEARTH_LOG_FORMAT        \"text\" (default) or \"json\" (one JSON object per line, with the
                           request's id)
  RUST_LOG                 what is logged (default: info,sqlx=warn)";

/// A page is drawn from thousands of small allocations, in Rust and in SQLite, across the
/// runtime's threads and each connection's own; glibc's allocator spent a fifth of a page's time
/// on them (decision 26).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How long requests in flight may take to finish after SIGTERM: far more than any page takes,
/// less than an orchestrator's usual 30 s before it kills.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(20);

#[derive(Parser)]
#[command(
    name = "hearth",
    version,
    about = "Hearth: the shared workbook of a Family Safeguarding team.",
    long_about = "Hearth: the shared workbook of a Family Safeguarding team.\n\nA new council's Hearth starts with `hearth setup` on an empty database, then `hearth serve`.",
    after_help = VARIABLES
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve Hearth (the default when no command is given).
    Serve,
    /// Add the made-up demo council if the database is empty, print its logins, and serve.
    Demo {
        /// Grow the demo to this many families first (a made-up national data set for
        /// measuring: about 200 families a team, up to 150 councils, audit entries for each).
        #[arg(long, value_name = "FAMILIES")]
        scale: Option<usize>,
    },
    /// Create the council and its first administrator on an empty database, and print the
    /// one-time code with which the administrator chooses their own password.
    #[command(
        long_about = "Creates the local authority and its first administrator on an empty database (SQLite or PostgreSQL) and prints a link and a one-time set-up code, which works for 24 hours. The administrator opens the link, enters the code and chooses their own password there: no password is ever typed on a command line. Refused on a database that already has a council.",
        after_help = VARIABLES
    )]
    Setup {
        /// The local authority's name, as staff will see it.
        #[arg(long)]
        council: String,
        /// The first administrator's full name.
        #[arg(long)]
        name: String,
        /// The email the first administrator signs in with.
        #[arg(long)]
        email: String,
    },
    /// Check the case system's extract in a folder, or import it once checked.
    #[command(
        long_about = "Reads the case system's extract: CSV files shaped like the Standard Safeguarding Dataset's tables ssd_person.csv, ssd_family.csv, ssd_cp_plans.csv, ssd_cin_episodes.csv and ssd_involvements.csv (their columns: docs/case-system-extract.md). Without --apply it is a check: it prints what every line would come to (added, changed, unchanged, not for Hearth, refused and why) and changes nothing. With --apply it imports the same files, checked within the last 24 hours, in one transaction. Matching is by the case system's own ids, so importing the same files again changes nothing.",
        after_help = VARIABLES
    )]
    Import {
        /// The folder holding the extract's CSV files.
        #[arg(value_name = "DIR")]
        folder: PathBuf,
        /// The sign-in email of the administrator importing it (the audit trail names them).
        #[arg(long = "as", value_name = "EMAIL")]
        login: String,
        /// Import the files, checked before: all or nothing.
        #[arg(long)]
        apply: bool,
    },
    /// Make a consistent copy of the database while Hearth serves, and check it reads back.
    #[command(
        long_about = "Makes a consistent copy of the database while Hearth serves. SQLite: VACUUM INTO FILE, then the copy is opened, passes PRAGMA integrity_check and its audit trail verifies. PostgreSQL: pg_dump in its custom format (from HEARTH_PG_BIN or the PATH), then pg_restore --list reads it. With HEARTH_BACKUP_KEY_FILE set, the checked copy is then encrypted (XChaCha20-Poly1305) into FILE and the plain copy removed; `hearth restore` needs the same key. A backup holds every family's record: encrypt it, and keep the audit key and the backup key apart from it.",
        after_help = VARIABLES
    )]
    Backup {
        /// Where the copy goes; an existing file is never written over.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Put a backup back into an empty place (a SQLite file that does not exist, an empty
    /// PostgreSQL database), then migrate it and verify its audit trail.
    #[command(after_help = VARIABLES)]
    Restore {
        /// The backup made by `hearth backup`.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Check the audit trail, or anchor its newest entry outside Hearth.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check that no entry was changed, added or removed outside Hearth.
    Verify {
        /// Also prove that the trail still holds the entry anchored in this file.
        #[arg(long, value_name = "FILE")]
        anchor: Option<PathBuf>,
    },
    /// Print the newest entry's number, seal and time as one line of JSON, for the council to
    /// keep outside Hearth.
    Anchor {
        /// Write it to this file instead.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(message) = server::logging::init() {
        eprintln!("hearth: {message}");
        return ExitCode::FAILURE;
    }
    let result = match cli.command {
        None | Some(Command::Serve) => serve(false, None).await,
        Some(Command::Demo { scale }) => serve(true, scale).await,
        Some(Command::Setup {
            council,
            name,
            email,
        }) => setup(&council, &name, &email).await,
        Some(Command::Import {
            folder,
            login,
            apply,
        }) => {
            audit(|db| async move { server::import_cli::run(&db, &folder, &login, apply).await })
                .await
        }
        Some(Command::Backup { file }) => backup(&file).await,
        Some(Command::Restore { file }) => restore(&file).await,
        Some(Command::Audit { command }) => match command {
            AuditCommand::Verify { anchor } => {
                audit(|db| async move { server::audit_cli::verify(&db, anchor.as_deref()).await })
                    .await
            }
            AuditCommand::Anchor { out } => {
                audit(|db| async move { server::audit_cli::anchor(&db, out.as_deref()).await })
                    .await
            }
        },
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

async fn serve(demo: bool, scale: Option<usize>) -> Result<ExitCode, String> {
    let mut config = Config::from_env()?;
    let db = open(&config, true).await?;
    if demo {
        // The demo council's people are made up, and anyone trying Hearth signs in as them.
        config.settings.second_factor_rule = app::state::SecondFactorRule::NotRequired;
        // The demo ships the documented example schedule, unless given one of its own.
        if config.settings.retention.is_none() {
            config.settings.retention =
                Some(app::domain::information_rights::retention_file::parse(
                    app::domain::information_rights::retention_file::EXAMPLE,
                )?);
        }
        let seeded = app::demo::seed_if_empty(&db)
            .await
            .map_err(|e| format!("cannot add the demo data: {e}"))?;
        if let Some(families) = scale {
            if let Some(grown) = server::scale::grow(&db, families).await? {
                println!(
                    "Grew the demo to {} families in {} teams and {} councils, {} staff (the busiest holds {} families): {} rows copied, {} audit entries sealed, in {:.0} s.",
                    grown.families, grown.teams, grown.councils, grown.staff, grown.busiest_caseload, grown.rows, grown.audit_entries, grown.seconds
                );
            }
        }
        print_demo_logins(seeded, config.addr);
    }
    let state = AppState {
        leptos_options: config.leptos_options.clone(),
        db: db.clone(),
        settings: Arc::new(config.settings),
    };
    if !demo
        && !app::store::directory::has_authority(&db)
            .await
            .unwrap_or(true)
    {
        tracing::warn!("this Hearth has no council yet, so no one can sign in: stop it and run `hearth setup --council NAME --name \"YOUR NAME\" --email EMAIL` with the same variables (see `hearth setup --help`)");
    }
    tokio::spawn(fold_failed_attempts(db.clone()));
    tokio::spawn(watch_audit_trail(db.clone()));
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    println!("Hearth is listening on http://{}", config.addr);
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let mut serving = tokio::spawn(
        axum::serve(
            listener,
            server::router(state).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let mut stopping = stopping;
            let _ = stopping.wait_for(|stop| *stop).await;
        })
        .into_future(),
    );
    tokio::select! {
        ended = &mut serving => {
            db.close().await;
            return match ended {
                Ok(Ok(())) => Ok(ExitCode::SUCCESS),
                Ok(Err(e)) => Err(format!("the server stopped: {e}")),
                Err(e) => Err(format!("the server stopped: {e}")),
            };
        }
        () = shutdown() => {}
    }
    // No new connections from here; requests in flight get a bounded time to finish.
    tracing::info!("stopping: finishing the requests in flight");
    let _ = stop.send(true);
    match tokio::time::timeout(SHUTDOWN_GRACE, serving).await {
        Ok(Ok(Ok(()))) => {}
        Ok(Ok(Err(e))) => tracing::warn!(error = %e, "the server stopped with an error"),
        Ok(Err(e)) => tracing::warn!(error = %e, "the server task failed"),
        Err(_) => tracing::warn!(
            "requests still in flight after {} s were cut off",
            SHUTDOWN_GRACE.as_secs()
        ),
    }
    db.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// The council and its first administrator, on an empty database.
async fn setup(council: &str, name: &str, email: &str) -> Result<ExitCode, String> {
    use app::services::council_setup::{check_input, set_up, FirstStart};
    let input = FirstStart {
        council,
        name,
        email,
    };
    let config = Config::from_env()?;
    let started = match check_input(&input) {
        Ok(()) => {
            let db = open(&config, true).await?;
            let done = set_up(&db, &input).await;
            db.close().await;
            done
        }
        Err(refused) => Err(refused),
    };
    let started = started.map_err(|error| match error {
        app::error::AppError::Invalid(errors) => errors
            .errors
            .iter()
            .map(|e| format!("--{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    })?;
    let origin = config
        .settings
        .public_origin
        .clone()
        .unwrap_or_else(|| format!("http://{}", config.addr));
    let until = chrono::DateTime::from_timestamp_millis(started.expires_at)
        .map(|t| t.format("%-d %B %Y at %H:%M UTC").to_string())
        .unwrap_or_default();
    println!("Hearth is set up for {}.", started.council);
    println!();
    println!(
        "The first administrator, {}, chooses their own password at",
        started.login
    );
    println!("  {origin}{}", app::paths::SET_UP);
    println!("with this one-time set-up code, which works once, until {until}:");
    println!("  {}", started.code);
    println!();
    println!("Give the code only to them. Start Hearth with `hearth serve` (same variables).");
    Ok(ExitCode::SUCCESS)
}

async fn backup(file: &std::path::Path) -> Result<ExitCode, String> {
    let config = Config::from_env()?;
    let db = open(&config, false).await?;
    let key = config.audit_key.load(false)?.key;
    let seal = server::backup_seal::BackupKey::from_env()?;
    let done = server::backup::backup(&db, &config.database_url, key, file, seal.as_ref()).await;
    db.close().await;
    done
}

async fn restore(file: &std::path::Path) -> Result<ExitCode, String> {
    let config = Config::from_env()?;
    // The key that sealed the backup's trail: the council keeps it apart from the backups.
    let key = config.audit_key.load(false)?.key;
    let seal = server::backup_seal::BackupKey::from_env()?;
    server::backup::restore(&config.database_url, key, file, seal.as_ref()).await
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
            "Demo data added: a made-up council, two teams, seven families, and three closed long ago."
        } else {
            "Demo data was already there."
        }
    );
    println!(
        "Open http://{addr} and sign in with any of these. Every password is: {}",
        app::demo::PASSWORD
    );
    println!("(In this demo no one must set up a second factor; in a real council's Hearth, managers, administrators and information governance officers must.)");
    for (login, who) in app::demo::logins() {
        println!("  {login:<36} {who}");
    }
    println!();
}

/// Runs a command on the database, with the configured audit key (never a new one).
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
