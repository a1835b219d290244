//! The release build, step by step: both cargo builds at once, then the bundle cut at its split
//! points and through wasm-bindgen, wasm-opt and esbuild, the stylesheet through lightningcss, hashed names, and
//! the finished pkg dir swapped in whole so that a failed build leaves the last good site.

use crate::cargo_builds::{self, front_wasm, server_binary};
use crate::error::{at, Result};
use crate::hashed_names::{self, Hashed};
use crate::settings::Settings;
use crate::{bindgen, npm_tools, split};
use std::path::Path;
use std::time::Instant;

pub fn build_release() -> Result<()> {
    let started = Instant::now();
    let settings = Settings::load()?;
    npm_tools::check_installed(&settings)?;

    let server = cargo_builds::start_server(&settings)?;
    let front = cargo_builds::start_front(&settings).and_then(|front| front.finish());
    // The server build goes on while the bundle is finished; wait for it either way, so that
    // a failure of one does not leave the other running unattended.
    let site = front.and_then(|()| build_pkg(&settings));
    let server = server.finish();
    let hashes = site?;
    server?;
    hashed_names::write_hash_file(&settings.hash_file(), &hashes)?;

    println!(
        "xtask: built in {:.0} s: {} and {}",
        started.elapsed().as_secs_f64(),
        server_binary(&settings).display(),
        settings.pkg_dir().display()
    );
    Ok(())
}

/// Makes the pkg dir beside the real one, then puts it in place.
fn build_pkg(settings: &Settings) -> Result<Vec<Hashed>> {
    let name = &settings.output_name;
    let staging = settings.site_root.with_extension("building");
    let pkg = staging.join(&settings.site_pkg_dir);
    remove_dir_if_there(&staging)?;
    std::fs::create_dir_all(&pkg).map_err(at(&pkg))?;

    let cut = split::cut(&front_wasm(settings), &pkg, name)?;
    bindgen::generate(&cut.main, name, &pkg)?;
    // leptos's hydration scripts name the bundle `<name>.wasm`, as cargo-leptos leaves it.
    let wasm = pkg.join(format!("{name}.wasm"));
    let bindgen_wasm = pkg.join(format!("{name}_bg.wasm"));
    std::fs::rename(&bindgen_wasm, &wasm).map_err(at(&bindgen_wasm))?;
    for module in std::iter::once(&wasm).chain(&cut.chunks) {
        npm_tools::optimise_wasm(settings, module)?;
    }
    npm_tools::minify_js(settings, &pkg.join(format!("{name}.js")))?;
    npm_tools::build_css(
        settings,
        &settings.style_file,
        &pkg.join(format!("{name}.css")),
    )?;

    let build = split::seal(&pkg, &cut)?;
    let js = hashed_names::rename(&pkg, name, "js")?;
    split::point_loader_at(
        &pkg,
        &build,
        &format!("{name}.js"),
        &format!("{name}.{}.js", js.hash),
    )?;
    let hashes = vec![
        js,
        hashed_names::rename(&pkg, name, "wasm")?,
        hashed_names::rename(&pkg, name, "css")?,
        Hashed {
            extension: "split",
            hash: build.clone(),
        },
        Hashed {
            extension: "manifest",
            hash: build,
        },
    ];
    if let Some(assets) = settings.assets_dir.as_deref().filter(|dir| dir.is_dir()) {
        copy_dir(assets, &staging)?;
    }

    remove_dir_if_there(&settings.site_root)?;
    std::fs::rename(&staging, &settings.site_root).map_err(at(&settings.site_root))?;
    Ok(hashes)
}

fn remove_dir_if_there(dir: &Path) -> Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(at(dir)(error)),
        _ => Ok(()),
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(at(to))?;
    for entry in std::fs::read_dir(from).map_err(at(from))? {
        let entry = entry.map_err(at(from))?;
        let (source, dest) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            copy_dir(&source, &dest)?;
        } else {
            std::fs::copy(&source, &dest).map_err(at(&source))?;
        }
    }
    Ok(())
}
