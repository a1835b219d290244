//! Cuts the bundle at its split points (`#[lazy]`, `wasm_split`): each becomes a wasm chunk
//! that the page fetches when it first needs it, with a small JS loader. The same library
//! `cargo leptos build --split` uses.

use crate::error::{at, Error, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The name the loader has until the build gives it a hashed one; wasm-split writes it into
/// the main module and every chunk, and leptos looks for it when no hash file says otherwise.
pub const PLACEHOLDER: &str = "______________________";
pub const LOADER: &str = "__wasm_split";
pub const MANIFEST: &str = "__wasm_split_manifest";

pub struct Cut {
    /// The main module, still to go through wasm-bindgen.
    pub main: PathBuf,
    /// The chunks, already in the pkg dir.
    pub chunks: Vec<PathBuf>,
}

/// Splits `input` into the pkg dir: chunks, `__wasm_split.<placeholder>.js` and the manifest
/// leptos reads to preload a page's chunks (split point → chunk file stems).
pub fn cut(input: &Path, pkg: &Path, output_name: &str) -> Result<Cut> {
    let bytes = std::fs::read(input).map_err(at(input))?;
    let main = input.with_file_name(format!("{output_name}_split.wasm"));
    let main_module = format!("./{output_name}.js");
    let link_name = format!("./{LOADER}.{PLACEHOLDER}.js");
    let mut options = wasm_split_cli_support::Options::new(&bytes);
    options.output_dir = pkg;
    options.main_out_path = &main;
    options.main_module = &main_module;
    options.link_name = &link_name;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|error| Error::Split(format!("{error:#}")))?;
    write_manifest(&pkg.join(format!("{MANIFEST}.json")), &split.prefetch_map)?;
    Ok(Cut {
        main,
        chunks: split.split_modules,
    })
}

fn write_manifest(path: &Path, prefetch: &HashMap<String, Vec<String>>) -> Result<()> {
    // Sorted, so that the same bundle always gives the same bytes (and the same hash).
    let sorted: std::collections::BTreeMap<_, _> = prefetch.iter().collect();
    let json = serde_json::to_string_pretty(&sorted).map_err(|e| Error::Split(e.to_string()))?;
    std::fs::write(path, json).map_err(at(path))
}

/// Gives the split files their hashed names, one build id `B` for all of them: the loader is
/// `__wasm_split.B.js`, each chunk `<stem>.B.wasm`, the manifest `__wasm_split_manifest.B.json`.
/// The main module, its JS and the chunks name the loader, and the loader names the chunks and
/// the main JS, so no file's own hash could name it; `B` is the hash of every file as wasm-split
/// and wasm-bindgen left them, so any change anywhere gives every split file a new name.
/// Returns `B`, for `hash.txt`'s `split:` and `manifest:` lines.
pub fn seal(pkg: &Path, cut: &Cut) -> Result<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(pkg)
        .map_err(at(pkg))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    let mut contents = Vec::with_capacity(files.len());
    for path in &files {
        contents.push(std::fs::read(path).map_err(at(path))?);
    }
    let build = crate::hashed_names::hash_of(
        files
            .iter()
            .zip(&contents)
            .flat_map(|(path, bytes)| [path.as_os_str().as_encoded_bytes(), bytes.as_slice()]),
    );

    for (path, bytes) in files.iter().zip(contents) {
        let sealed = replace_bytes(&bytes, PLACEHOLDER.as_bytes(), build.as_bytes());
        if sealed != bytes {
            std::fs::write(path, sealed).map_err(at(path))?;
        }
    }

    let loader = pkg.join(format!("{LOADER}.{build}.js"));
    std::fs::rename(pkg.join(format!("{LOADER}.{PLACEHOLDER}.js")), &loader)
        .map_err(at(&loader))?;
    let mut loader_js = std::fs::read_to_string(&loader).map_err(at(&loader))?;
    let mut renamed = HashMap::new();
    for chunk in &cut.chunks {
        let stem = stem_of(chunk)?;
        let hashed = format!("{stem}.{build}");
        let dest = pkg.join(format!("{hashed}.wasm"));
        std::fs::rename(chunk, &dest).map_err(at(&dest))?;
        loader_js = loader_js.replace(
            &format!("\"./{stem}.wasm\""),
            &format!("\"./{hashed}.wasm\""),
        );
        renamed.insert(stem, hashed);
    }
    std::fs::write(&loader, loader_js).map_err(at(&loader))?;

    let manifest = pkg.join(format!("{MANIFEST}.json"));
    let text = std::fs::read_to_string(&manifest).map_err(at(&manifest))?;
    let mut prefetch: std::collections::BTreeMap<String, Vec<String>> =
        serde_json::from_str(&text).map_err(|e| Error::Split(e.to_string()))?;
    for stems in prefetch.values_mut() {
        for stem in stems.iter_mut() {
            if let Some(hashed) = renamed.get(stem.as_str()) {
                stem.clone_from(hashed);
            }
        }
    }
    let dest = pkg.join(format!("{MANIFEST}.{build}.json"));
    let json = serde_json::to_string_pretty(&prefetch).map_err(|e| Error::Split(e.to_string()))?;
    std::fs::write(&dest, json).map_err(at(&dest))?;
    std::fs::remove_file(&manifest).map_err(at(&manifest))?;
    Ok(build)
}

/// Points the loader at the main JS under its final, hashed name.
pub fn point_loader_at(pkg: &Path, build: &str, old_js: &str, new_js: &str) -> Result<()> {
    let loader = pkg.join(format!("{LOADER}.{build}.js"));
    let text = std::fs::read_to_string(&loader).map_err(at(&loader))?;
    std::fs::write(
        &loader,
        text.replace(&format!("./{old_js}"), &format!("./{new_js}")),
    )
    .map_err(at(&loader))
}

fn stem_of(path: &Path) -> Result<String> {
    path.file_stem()
        .and_then(|stem| stem.to_str())
        .map(str::to_owned)
        .ok_or_else(|| Error::Split(format!("a chunk with no name: {}", path.display())))
}

/// `haystack` with every `from` replaced by `to`, which is as long: wasm holds the loader's
/// name in strings whose lengths are encoded beside them.
fn replace_bytes(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    debug_assert_eq!(from.len(), to.len());
    let mut out = haystack.to_vec();
    let mut at = 0;
    while let Some(found) = out[at..].windows(from.len()).position(|w| w == from) {
        let start = at + found;
        out[start..start + from.len()].copy_from_slice(to);
        at = start + from.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_replaced_everywhere_and_nothing_else_moves() {
        let text = format!("a {PLACEHOLDER} b {PLACEHOLDER}");
        let out = replace_bytes(
            text.as_bytes(),
            PLACEHOLDER.as_bytes(),
            b"0123456789abcdefghijkl",
        );
        assert_eq!(out, b"a 0123456789abcdefghijkl b 0123456789abcdefghijkl");
        assert_eq!(
            replace_bytes(
                b"none here",
                PLACEHOLDER.as_bytes(),
                b"0123456789abcdefghijkl"
            ),
            b"none here"
        );
    }
}
