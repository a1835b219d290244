//! The two cargo builds: the server for this machine and the browser bundle for wasm32. They
//! run side by side, in separate target dirs (so neither waits on the other's lock), as
//! cargo-leptos runs them.

use crate::error::{Error, Result};
use crate::settings::Settings;
use std::path::PathBuf;
use std::process::{Child, Command};

pub struct Running {
    name: &'static str,
    command: String,
    child: Child,
}

/// Starts `cargo build --release` of the server binary.
pub fn start_server(settings: &Settings) -> Result<Running> {
    let mut cargo = cargo(settings);
    cargo.args([
        "build",
        "--release",
        "--no-default-features",
        &format!("--package={}", settings.bin_package),
        &format!("--bin={}", settings.bin_target),
    ]);
    start("server", cargo)
}

/// Starts the wasm build of the browser bundle, with the size-optimised profile.
pub fn start_front(settings: &Settings) -> Result<Running> {
    let mut cargo = cargo(settings);
    cargo.args([
        "build",
        "--lib",
        "--no-default-features",
        "--target=wasm32-unknown-unknown",
        &format!("--package={}", settings.lib_package),
        &format!("--profile={}", settings.lib_profile),
    ]);
    cargo.arg("--target-dir").arg(settings.front_target_dir());
    start("browser bundle", cargo)
}

/// Where the front build leaves the bundle before wasm-bindgen.
pub fn front_wasm(settings: &Settings) -> PathBuf {
    settings
        .front_target_dir()
        .join("wasm32-unknown-unknown")
        .join(&settings.lib_profile)
        .join(format!("{}.wasm", settings.lib_package.replace('-', "_")))
}

pub fn server_binary(settings: &Settings) -> PathBuf {
    settings
        .target_dir
        .join("release")
        .join(&settings.bin_target)
}

impl Running {
    pub fn finish(mut self) -> Result<()> {
        let status = self.child.wait().map_err(|source| Error::Io {
            path: PathBuf::from("cargo"),
            source,
        })?;
        if status.success() {
            println!("xtask: {} built", self.name);
            Ok(())
        } else {
            Err(Error::Command {
                command: self.command,
                status: status.to_string(),
            })
        }
    }
}

fn cargo(settings: &Settings) -> Command {
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo
        .current_dir(&settings.root)
        .env("CARGO_TARGET_DIR", &settings.target_dir)
        .envs(settings.leptos_env());
    cargo
}

fn start(name: &'static str, mut cargo: Command) -> Result<Running> {
    let command = format!("{cargo:?}");
    println!("xtask: building the {name}: {command}");
    let child = cargo.spawn().map_err(|source| Error::Io {
        path: PathBuf::from("cargo"),
        source,
    })?;
    Ok(Running {
        name,
        command,
        child,
    })
}
