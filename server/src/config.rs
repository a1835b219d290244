//! Configuration from the environment (README.md lists every variable).

use crate::audit_key::KeyPlace;
use crate::keys;
use app::auth::secret_box::SecretBox;
use app::state::{SecondFactorRule, Settings};
use leptos::config::LeptosOptions;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug)]
pub struct Config {
    pub database_url: String,
    pub addr: SocketAddr,
    pub leptos_options: LeptosOptions,
    pub settings: Settings,
    /// Where the audit key is read (and, when serving, made).
    pub audit_key: KeyPlace,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let data_dir = PathBuf::from(var("HEARTH_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = match var("DATABASE_URL") {
            Some(url) => url,
            None => {
                std::fs::create_dir_all(&data_dir).map_err(|e| {
                    format!(
                        "cannot create the data directory {}: {e}",
                        data_dir.display()
                    )
                })?;
                format!("sqlite://{}", data_dir.join("hearth.db").display())
            }
        };
        let addr: SocketAddr = var("HEARTH_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|e| format!("HEARTH_ADDR is not an address like 127.0.0.1:3000: {e}"))?;
        let public_origin =
            var("HEARTH_PUBLIC_ORIGIN").map(|o| o.trim_end_matches('/').to_string());
        let secure = public_origin
            .as_deref()
            .is_some_and(|o| o.starts_with("https://"));
        let settings = Settings {
            secure,
            public_origin,
            trusted_proxies: match var("HEARTH_TRUSTED_PROXIES") {
                None => 0,
                Some(n) => n.parse().map_err(|_| {
                    format!(
                        "HEARTH_TRUSTED_PROXIES is the number of proxies in front, like 1: {n:?}"
                    )
                })?,
            },
            secrets: SecretBox::new(&keys::load(
                "HEARTH_SECRETS_KEY_FILE",
                &data_dir.join("secrets.key"),
            )?),
            second_factor_rule: match var("HEARTH_SECOND_FACTOR").as_deref() {
                None | Some("managers") => SecondFactorRule::ManagersAndAdministrators,
                Some("all-staff") => SecondFactorRule::AllStaff,
                Some(other) => {
                    return Err(format!(
                        "HEARTH_SECOND_FACTOR is \"managers\" (the default: managers and administrators) or \"all-staff\", not {other:?}"
                    ))
                }
            },
            metrics_token_digest: match var("HEARTH_METRICS_TOKEN") {
                None => None,
                Some(token) if token.trim().len() >= 32 => {
                    Some(app::auth::tokens::digest(token.trim()))
                }
                Some(_) => {
                    return Err("HEARTH_METRICS_TOKEN must be at least 32 characters (e.g. `openssl rand -hex 32`)".into())
                }
            },
            retention: match var("HEARTH_RETENTION_FILE") {
                None => None,
                Some(path) => {
                    let text = std::fs::read_to_string(&path).map_err(|e| {
                        format!("cannot read the retention schedule HEARTH_RETENTION_FILE={path}: {e}")
                    })?;
                    // A mistake stops the start rather than destroying by a wrong rule.
                    Some(app::domain::information_rights::retention_file::parse(&text)?)
                }
            },
            ..Settings::default()
        };
        let audit_key = KeyPlace::new(var("HEARTH_AUDIT_KEY_FILE").map(PathBuf::from), &data_dir);
        Ok(Config {
            audit_key,
            database_url,
            addr,
            leptos_options: leptos_options(addr),
            settings,
        })
    }
}

/// Built here rather than read from Cargo.toml, so the binary runs the same however it was built.
/// cargo-leptos writes `hash.txt` beside the binary when asset names carry content hashes.
pub fn leptos_options(addr: SocketAddr) -> LeptosOptions {
    let hashed = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|p| p.exists());
    LeptosOptions::builder()
        .output_name("hearth")
        .site_root(var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()))
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .hash_files(hashed)
        .build()
}
