//! The project's leptos settings, read from Cargo.toml's `[[workspace.metadata.leptos]]` so
//! that this task and `cargo leptos` build the same site from the one description.

use crate::error::{at, Error, Result};
use std::path::{Path, PathBuf};

pub struct Settings {
    /// The workspace root (where Cargo.toml is).
    pub root: PathBuf,
    /// Where cargo puts builds: `CARGO_TARGET_DIR`, else `<root>/target`.
    pub target_dir: PathBuf,
    /// The bundle's file stem: `hearth` for `hearth.js`, `hearth.wasm`, `hearth.css`.
    pub output_name: String,
    pub site_root: PathBuf,
    pub site_pkg_dir: String,
    pub style_file: PathBuf,
    pub assets_dir: Option<PathBuf>,
    pub browserquery: String,
    pub lib_package: String,
    pub lib_profile: String,
    pub bin_package: String,
    pub bin_target: String,
    pub site_addr: String,
    pub reload_port: String,
}

/// The workspace this run is for, found when the task runs. Not the compile-time
/// `env!("CARGO_MANIFEST_DIR")`: cargo does not rebuild the task when the same sources sit in
/// another checkout sharing the target directory (as CI's clone shares ours), and the task then
/// built the other checkout. `cargo run` sets the variable to `xtask/` at run time; outside
/// cargo, the nearest directory up from here whose Cargo.toml has a `[workspace]`.
fn workspace_root() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") {
        if let Some(root) = Path::new(&dir).parent() {
            return Ok(root.to_path_buf());
        }
    }
    let here = std::env::current_dir().map_err(at("."))?;
    here.ancestors()
        .find(|dir| {
            std::fs::read_to_string(dir.join("Cargo.toml"))
                .is_ok_and(|text| text.lines().any(|line| line.trim() == "[workspace]"))
        })
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            Error::Settings("no Cargo.toml with a [workspace] above this directory".into())
        })
}

impl Settings {
    pub fn load() -> Result<Self> {
        let root = workspace_root()?;
        let manifest = root.join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).map_err(at(&manifest))?;
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| Error::Settings(e.to_string()))?;
        let leptos = table
            .get("workspace")
            .and_then(|w| w.get("metadata"))
            .and_then(|m| m.get("leptos"))
            .and_then(|l| l.as_array())
            .and_then(|projects| projects.first())
            .and_then(|p| p.as_table())
            .ok_or_else(|| Error::Settings("no project is described".into()))?;
        let text_of = |key: &str| -> Result<String> {
            leptos
                .get(key)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
                .ok_or_else(|| Error::Settings(format!("`{key}` is missing")))
        };
        if leptos.get("hash-files").and_then(|v| v.as_bool()) != Some(true) {
            return Err(Error::Settings(
                "`hash-files = true` is required: assets are cached for a year under hashed names"
                    .into(),
            ));
        }
        let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => root.join(dir),
            _ => root.join("target"),
        };
        Ok(Self {
            output_name: text_of("name")?,
            site_root: root.join(text_of("site-root")?),
            site_pkg_dir: text_of("site-pkg-dir")?,
            style_file: root.join(text_of("style-file")?),
            assets_dir: text_of("assets-dir").ok().map(|dir| root.join(dir)),
            browserquery: text_of("browserquery").unwrap_or_else(|_| "defaults".into()),
            lib_package: text_of("lib-package")?,
            lib_profile: text_of("lib-profile-release")?,
            bin_package: text_of("bin-package")?,
            bin_target: text_of("bin-target")?,
            site_addr: text_of("site-addr")?,
            reload_port: leptos
                .get("reload-port")
                .and_then(|v| v.as_integer())
                .map_or_else(|| "3001".into(), |port| port.to_string()),
            root,
            target_dir,
        })
    }

    pub fn pkg_dir(&self) -> PathBuf {
        self.site_root.join(&self.site_pkg_dir)
    }

    /// Where the browser bundle is compiled: apart from the server's builds, as cargo-leptos
    /// does, so that either tool reuses the other's compiled dependencies.
    pub fn front_target_dir(&self) -> PathBuf {
        self.target_dir.join("front")
    }

    /// `hash.txt` goes beside the server binary: leptos reads it from the running binary's dir.
    pub fn hash_file(&self) -> PathBuf {
        self.target_dir.join("release").join("hash.txt")
    }

    /// The variables cargo-leptos gives both builds; leptos reads some at compile time.
    pub fn leptos_env(&self) -> Vec<(&'static str, String)> {
        let relative = |path: &Path| {
            path.strip_prefix(&self.root)
                .unwrap_or(path)
                .display()
                .to_string()
        };
        vec![
            ("LEPTOS_OUTPUT_NAME", self.output_name.clone()),
            ("LEPTOS_SITE_ROOT", relative(&self.site_root)),
            ("LEPTOS_SITE_PKG_DIR", self.site_pkg_dir.clone()),
            ("LEPTOS_SITE_ADDR", self.site_addr.clone()),
            ("LEPTOS_RELOAD_PORT", self.reload_port.clone()),
            ("LEPTOS_LIB_DIR", self.lib_package.clone()),
            ("LEPTOS_BIN_DIR", self.bin_package.clone()),
            ("LEPTOS_JS_MINIFY", "true".into()),
            ("LEPTOS_HASH_FILES", "true".into()),
            ("LEPTOS_HASH_FILE_NAME", "hash.txt".into()),
        ]
    }
}
