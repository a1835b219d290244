//! The prebuilt tools npm installs in end2end/node_modules (scripts/setup-tools.sh): binaryen's
//! wasm-opt (never Debian's binaryen 108, whose output silently fails to hydrate), esbuild for
//! the JS glue and lightningcss for the stylesheet. Prebuilt, so a fresh machine compiles none.

use crate::error::{Error, Result};
use crate::settings::Settings;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Shrinks the wasm in place, with the flags cargo-leptos passes: `-Oz`, and the two features
/// current rustc emits by default.
pub fn optimise_wasm(settings: &Settings, wasm: &Path) -> Result<()> {
    run(
        settings,
        "wasm-opt",
        &[
            "-Oz".as_ref(),
            "--enable-bulk-memory".as_ref(),
            "--enable-nontrapping-float-to-int".as_ref(),
            wasm.as_os_str(),
            "-o".as_ref(),
            wasm.as_os_str(),
        ],
    )
}

/// Minifies the JS glue in place (an ES module). Errors only: wasm-bindgen's glue for a split
/// bundle names the loader module once per import, which esbuild warns about, harmlessly.
pub fn minify_js(settings: &Settings, js: &Path) -> Result<()> {
    let mut outfile = std::ffi::OsString::from("--outfile=");
    outfile.push(js);
    run(
        settings,
        "esbuild",
        &[
            js.as_os_str(),
            "--minify".as_ref(),
            "--format=esm".as_ref(),
            "--allow-overwrite".as_ref(),
            "--log-level=error".as_ref(),
            outfile.as_os_str(),
        ],
    )
}

/// Minifies the stylesheet for the browsers `browserquery` names (prefixes, fallbacks).
pub fn build_css(settings: &Settings, source: &Path, dest: &Path) -> Result<()> {
    run(
        settings,
        "lightningcss",
        &[
            "--minify".as_ref(),
            "--targets".as_ref(),
            settings.browserquery.as_ref(),
            source.as_os_str(),
            "-o".as_ref(),
            dest.as_os_str(),
        ],
    )
}

/// Fails before anything is compiled if a tool is missing, rather than after a long build.
pub fn check_installed(settings: &Settings) -> Result<()> {
    for tool in ["wasm-opt", "esbuild", "lightningcss"] {
        let path = bin(settings, tool);
        if !path.is_file() {
            return Err(Error::MissingTool { tool, path });
        }
    }
    Ok(())
}

fn run(settings: &Settings, tool: &'static str, args: &[&std::ffi::OsStr]) -> Result<()> {
    let path = bin(settings, tool);
    if !path.is_file() {
        return Err(Error::MissingTool { tool, path });
    }
    let mut command = Command::new(&path);
    command.args(args);
    let output = command.output().map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    print!("{}", String::from_utf8_lossy(&output.stdout));
    // wasm-opt warns once per chunk about the local-names subsection wasm-split writes, which
    // it skips; anything else it says is shown.
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|line| !line.contains("unknown name subsection"))
        .for_each(|line| eprintln!("{line}"));
    if output.status.success() {
        Ok(())
    } else {
        Err(Error::Command {
            command: format!("{command:?}"),
            status: output.status.to_string(),
        })
    }
}

fn bin(settings: &Settings, tool: &str) -> PathBuf {
    settings
        .root
        .join("end2end")
        .join("node_modules")
        .join(".bin")
        .join(tool)
}
