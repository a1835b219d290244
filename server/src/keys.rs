//! Keys from the server's configuration, never from the database: a file named by a variable,
//! or one Hearth makes in its data directory on first start (readable by its owner only).

use std::io::Write;
use std::path::{Path, PathBuf};

pub const KEY_BYTES: usize = 32;

/// Reads the key at `$var`, or at `default` (made there, with fresh random bytes, if missing).
/// A key file holds the key as 64 hex digits.
pub fn load(var: &str, default: &Path) -> Result<[u8; KEY_BYTES], String> {
    let named = std::env::var(var).ok().filter(|v| !v.trim().is_empty());
    let path = named
        .as_deref()
        .map_or_else(|| default.to_path_buf(), PathBuf::from);
    if named.is_none() && !path.exists() {
        create(&path)?;
        tracing::warn!(
            "made a new key at {}: keep a copy apart from the database's backups, or set {var}",
            path.display()
        );
    }
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read the key file {} ({var}): {e}", path.display()))?;
    parse(text.trim()).ok_or_else(|| {
        format!(
            "the key file {} ({var}) must hold {} hex digits",
            path.display(),
            KEY_BYTES * 2
        )
    })
}

/// Reads the key at `$var` when that variable is set; `None` when it is not. Never makes one.
pub fn load_named(var: &str) -> Result<Option<[u8; KEY_BYTES]>, String> {
    let Some(path) = std::env::var_os(var).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let path = PathBuf::from(path);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read the key file {} ({var}): {e}", path.display()))?;
    parse(text.trim()).map(Some).ok_or_else(|| {
        format!(
            "the key file {} ({var}) must hold {} hex digits",
            path.display(),
            KEY_BYTES * 2
        )
    })
}

fn parse(text: &str) -> Option<[u8; KEY_BYTES]> {
    hex::decode(text).ok()?.try_into().ok()
}

fn create(path: &Path) -> Result<(), String> {
    use rand::RngCore;
    let mut key = [0u8; KEY_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut key);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot make the directory {}: {e}", dir.display()))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| format!("cannot make the key file {}: {e}", path.display()))?;
    file.write_all(hex::encode(key).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write the key file {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_a_private_key_once_and_reads_it_back() {
        let dir = std::env::temp_dir().join(format!("hearth-key-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("secrets.key");
        let first = load("HEARTH_TEST_UNSET_KEY_FILE", &path).expect("made");
        let again = load("HEARTH_TEST_UNSET_KEY_FILE", &path).expect("read");
        assert_eq!(first, again);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, "not hex").expect("write");
        assert!(load("HEARTH_TEST_UNSET_KEY_FILE", &path).is_err());
        std::fs::remove_dir_all(&dir).ok();
    }
}
