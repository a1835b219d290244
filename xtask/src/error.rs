//! The one error type of the build task: each says which step failed and on what.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Usage(&'static str),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("Cargo.toml's [[workspace.metadata.leptos]]: {0}")]
    Settings(String),
    #[error("`{command}` failed: {status}")]
    Command { command: String, status: String },
    #[error("{tool} is missing at {path}: run bash scripts/setup-tools.sh")]
    MissingTool { tool: &'static str, path: PathBuf },
    #[error("wasm-split: {0}")]
    Split(String),
    #[error("wasm-bindgen: {0}")]
    Bindgen(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// Attaches the path to an I/O error, which alone says only "No such file or directory".
pub fn at(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.into();
    move |source| Error::Io { path, source }
}
