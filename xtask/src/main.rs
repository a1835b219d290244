//! `cargo xtask build`: the release build of Hearth's site, done by the libraries cargo-leptos
//! uses (wasm-bindgen's CLI support crate at the locked version) and npm's prebuilt tools
//! (binaryen's wasm-opt, esbuild, lightningcss), so that a fresh machine compiles nothing but
//! the workspace. Its output is the one `cargo leptos build --release` makes: the server binary
//! with `hash.txt` beside it, and `<site-root>/<site-pkg-dir>/hearth.<hash>.{js,wasm,css}`.
//! See docs/decisions/0022-building-without-cargo-leptos.md.

mod bindgen;
mod cargo_builds;
mod error;
mod hashed_names;
mod npm_tools;
mod settings;
mod site;
mod split;

use error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask build    (release build of the server and the site)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["build"] => site::build_release(),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(Error::Usage(USAGE)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}
