//! Where the audit key comes from: `HEARTH_AUDIT_KEY_FILE`, or `<data dir>/audit.key`, made on
//! the first start (docs/decisions/0014-audit-key-and-anchor.md).

use app::store::audit::{AuditKey, MIN_KEY_BYTES};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the key is to be read.
#[derive(Clone, Debug)]
pub struct KeyPlace {
    pub path: PathBuf,
    /// Named by `HEARTH_AUDIT_KEY_FILE`: never created, only read.
    pub configured: bool,
}

/// A key read, and whether it was made just now.
pub struct LoadedKey {
    pub key: AuditKey,
    pub created: bool,
}

impl KeyPlace {
    pub fn new(configured: Option<PathBuf>, data_dir: &Path) -> KeyPlace {
        match configured {
            Some(path) => KeyPlace {
                path,
                configured: true,
            },
            None => KeyPlace {
                path: data_dir.join("audit.key"),
                configured: false,
            },
        }
    }

    /// Reads the key. The default file is made when missing and `create` is set (serving);
    /// the audit commands never make one, since a new key could verify nothing already written.
    pub fn load(&self, create: bool) -> Result<LoadedKey, String> {
        let shown = self.path.display();
        let created = !self.configured && create && !self.path.exists();
        if created {
            self.create()?;
            tracing::warn!(
                path = %shown,
                "created a new audit key: back it up, and keep it apart from the database and its backups (whoever holds both can rewrite the audit trail)"
            );
        }
        let text = std::fs::read(&self.path).map_err(|e| {
            let hint = if self.configured {
                "HEARTH_AUDIT_KEY_FILE names a file Hearth cannot read"
            } else {
                "set HEARTH_AUDIT_KEY_FILE to the key that sealed this audit trail"
            };
            format!("cannot read the audit key {shown}: {e} ({hint})")
        })?;
        // Trimmed, so a newline an editor adds changes nothing.
        let trimmed = text.trim_ascii();
        let key = AuditKey::new(trimmed.to_vec()).map_err(|_| {
            format!(
                "the audit key {shown} holds {} bytes; it must hold at least {MIN_KEY_BYTES} (make one with: openssl rand -hex 32)",
                trimmed.len()
            )
        })?;
        Ok(LoadedKey { key, created })
    }

    /// Removes a key made by this start, when it turns out not to belong to the database.
    pub fn discard(&self) {
        if let Err(error) = std::fs::remove_file(&self.path) {
            tracing::warn!(%error, path = %self.path.display(), "could not remove the new audit key");
        }
    }

    fn create(&self) -> Result<(), String> {
        let shown = self.path.display();
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                format!("cannot create the directory for the audit key {shown}: {e}")
            })?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options
            .open(&self.path)
            .map_err(|e| format!("cannot create the audit key {shown}: {e}"))?;
        writeln!(file, "{}", AuditKey::generate_text())
            .and_then(|()| file.sync_all())
            .map_err(|e| format!("cannot write the audit key {shown}: {e}"))
    }
}
