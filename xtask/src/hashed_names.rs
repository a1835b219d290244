//! Content-hashed file names, so the server can let browsers keep the bundle for a year: a new
//! build has new names. leptos finds the names in `hash.txt` (`js: <hash>` and so on), which
//! is the format cargo-leptos writes.

use crate::error::{at, Result};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

/// One file renamed from `<stem>.<ext>` to `<stem>.<hash>.<ext>`.
pub struct Hashed {
    /// The line's key in `hash.txt`: `js`, `wasm`, `css`, `split` or `manifest`.
    pub extension: &'static str,
    pub hash: String,
}

/// Renames `dir/<stem>.<extension>` to its hashed name and says which hash it got.
pub fn rename(dir: &Path, stem: &str, extension: &'static str) -> Result<Hashed> {
    let plain = dir.join(format!("{stem}.{extension}"));
    let bytes = std::fs::read(&plain).map_err(at(&plain))?;
    let hash = hash_of([bytes.as_slice()]);
    let hashed = dir.join(format!("{stem}.{hash}.{extension}"));
    std::fs::rename(&plain, &hashed).map_err(at(&hashed))?;
    Ok(Hashed { extension, hash })
}

/// 16 bytes of SHA-256 in URL-safe base64: 22 characters, as long as cargo-leptos's MD5 and
/// as wasm-split's placeholder for the loader's hash.
pub fn hash_of<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    URL_SAFE_NO_PAD.encode(&hasher.finalize()[..16])
}

/// Writes the file leptos reads the hashes from.
pub fn write_hash_file(path: &Path, files: &[Hashed]) -> Result<()> {
    let text: String = files
        .iter()
        .map(|file| format!("{}: {}\n", file.extension, file.hash))
        .collect();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(at(dir))?;
    }
    std::fs::write(path, text).map_err(at(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_renamed_after_its_content_and_listed_for_leptos() {
        let dir = std::env::temp_dir().join(format!("xtask-hash-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("hearth.js"), "export const a = 1;").expect("write");
        let js = rename(&dir, "hearth", "js").expect("rename");
        assert_eq!(js.hash.len(), 22);
        assert!(dir.join(format!("hearth.{}.js", js.hash)).is_file());
        assert!(!dir.join("hearth.js").exists());

        std::fs::write(dir.join("hearth.js"), "export const a = 2;").expect("write");
        let other = rename(&dir, "hearth", "js").expect("rename");
        assert_ne!(js.hash, other.hash, "new content, new name");

        let list = dir.join("hash.txt");
        write_hash_file(&list, &[js, other]).expect("hash file");
        let text = std::fs::read_to_string(&list).expect("read");
        assert!(text.starts_with("js: ") && text.lines().count() == 2);
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
