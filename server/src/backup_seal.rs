//! Encrypted backups: a backup holds every family's record, so with `HEARTH_BACKUP_KEY_FILE` set
//! `hearth backup` writes it sealed, and `hearth restore` opens it with the same key.
//!
//! The file is XChaCha20-Poly1305 in the STREAM construction (the `aead` crate's
//! `EncryptorBE32`): a header naming the format and a random nonce, then the backup in 64 KiB
//! chunks, each with its own tag, the last one marked as last. A changed, reordered, dropped or
//! cut-off chunk, or another key, makes the whole file refuse to open: nothing half-read is
//! restored.

use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::{KeyInit, OsRng};
use chacha20poly1305::XChaCha20Poly1305;
use rand::RngCore;
use std::io::{Read, Write};
use std::path::Path;

/// The first bytes of a sealed backup. A plain SQLite copy begins "SQLite format 3", a
/// pg_dump custom archive "PGDMP": neither can be taken for this.
const MAGIC: &[u8; 16] = b"HEARTH-BACKUP-1\n";
/// XChaCha20's 24-byte nonce less STREAM's 5 bytes of counter and last-chunk flag.
const NONCE_BYTES: usize = 19;
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;

/// The key that seals backups, from `HEARTH_BACKUP_KEY_FILE` (64 hex digits). Its `Debug` prints
/// no bytes.
#[derive(Clone)]
pub struct BackupKey([u8; crate::keys::KEY_BYTES]);

impl std::fmt::Debug for BackupKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BackupKey(hidden)")
    }
}

impl BackupKey {
    pub fn new(bytes: [u8; crate::keys::KEY_BYTES]) -> Self {
        BackupKey(bytes)
    }

    /// The key named by `HEARTH_BACKUP_KEY_FILE`, or `None` when it is not set: backups are then
    /// written plain. Never made here: a backup key made on the server would sit beside the
    /// backups it protects.
    pub fn from_env() -> Result<Option<Self>, String> {
        crate::keys::load_named("HEARTH_BACKUP_KEY_FILE").map(|key| key.map(BackupKey))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new((&self.0).into())
    }
}

/// Whether `file` is a sealed backup.
pub fn is_sealed(file: &Path) -> Result<bool, String> {
    let mut start = [0u8; MAGIC.len()];
    let mut handle =
        std::fs::File::open(file).map_err(|e| format!("cannot open {}: {e}", file.display()))?;
    let read = read_full(&mut handle, &mut start)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    Ok(read == MAGIC.len() && &start == MAGIC)
}

/// Writes `plain` sealed into `sealed`, a new file readable by its owner only.
pub fn seal(plain: &Path, sealed: &Path, key: &BackupKey) -> Result<(), String> {
    let mut input = std::fs::File::open(plain).map_err(|e| format!("cannot read the copy: {e}"))?;
    let mut output = new_private_file(sealed)?;
    let mut nonce = [0u8; NONCE_BYTES];
    OsRng.fill_bytes(&mut nonce);
    let written = |e: std::io::Error| format!("cannot write {}: {e}", sealed.display());
    output.write_all(MAGIC).map_err(written)?;
    output.write_all(&nonce).map_err(written)?;
    let mut encryptor = EncryptorBE32::from_aead(key.cipher(), (&nonce).into());
    let mut chunk = vec![0u8; CHUNK];
    let mut next = vec![0u8; CHUNK];
    let mut filled = read_full(&mut input, &mut chunk).map_err(|e| format!("reading: {e}"))?;
    loop {
        // Read one chunk ahead: only then is it known whether this one is the last.
        let ahead = read_full(&mut input, &mut next).map_err(|e| format!("reading: {e}"))?;
        if ahead == 0 {
            let last = encryptor
                .encrypt_last(&chunk[..filled])
                .map_err(|_| "the backup could not be encrypted".to_string())?;
            output.write_all(&last).map_err(written)?;
            break;
        }
        let sealed_chunk = encryptor
            .encrypt_next(&chunk[..filled])
            .map_err(|_| "the backup could not be encrypted".to_string())?;
        output.write_all(&sealed_chunk).map_err(written)?;
        std::mem::swap(&mut chunk, &mut next);
        filled = ahead;
    }
    output.sync_all().map_err(written)
}

/// Opens `sealed` into `plain`, a new file readable by its owner only. On any failure `plain`
/// is removed: a backup that does not open whole is not restored in part.
pub fn open(sealed: &Path, plain: &Path, key: &BackupKey) -> Result<(), String> {
    let result = open_into(sealed, plain, key);
    if result.is_err() {
        let _ = std::fs::remove_file(plain);
    }
    result
}

fn open_into(sealed: &Path, plain: &Path, key: &BackupKey) -> Result<(), String> {
    let refused = || {
        format!(
            "{} does not open with this key: it was sealed with another HEARTH_BACKUP_KEY_FILE, or it was changed or cut short",
            sealed.display()
        )
    };
    let mut input = std::fs::File::open(sealed)
        .map_err(|e| format!("cannot open {}: {e}", sealed.display()))?;
    let mut header = [0u8; MAGIC.len() + NONCE_BYTES];
    let read = read_full(&mut input, &mut header).map_err(|e| format!("reading: {e}"))?;
    if read < header.len() || &header[..MAGIC.len()] != MAGIC {
        return Err(format!(
            "{} is not a sealed Hearth backup",
            sealed.display()
        ));
    }
    let nonce: [u8; NONCE_BYTES] = header[MAGIC.len()..].try_into().map_err(|_| refused())?;
    let mut output = new_private_file(plain)?;
    let written = |e: std::io::Error| format!("cannot write {}: {e}", plain.display());
    let mut decryptor = DecryptorBE32::from_aead(key.cipher(), (&nonce).into());
    let mut chunk = vec![0u8; CHUNK + TAG];
    let mut next = vec![0u8; CHUNK + TAG];
    let mut filled = read_full(&mut input, &mut chunk).map_err(|e| format!("reading: {e}"))?;
    loop {
        let ahead = read_full(&mut input, &mut next).map_err(|e| format!("reading: {e}"))?;
        if ahead == 0 {
            let last = decryptor
                .decrypt_last(&chunk[..filled])
                .map_err(|_| refused())?;
            output.write_all(&last).map_err(written)?;
            break;
        }
        let opened = decryptor
            .decrypt_next(&chunk[..filled])
            .map_err(|_| refused())?;
        output.write_all(&opened).map_err(written)?;
        std::mem::swap(&mut chunk, &mut next);
        filled = ahead;
    }
    output.sync_all().map_err(written)
}

/// Fills `buffer` as far as the input goes; fewer bytes only at its end.
fn read_full(input: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match input.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

pub(crate) fn new_private_file(path: &Path) -> Result<std::fs::File, String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .map_err(|e| format!("cannot make {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("hearth-seal-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("dir");
        dir.join(name)
    }

    fn round_trip(size: usize) {
        let plain = scratch("plain");
        let bytes: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&plain, &bytes).expect("write");
        let key = BackupKey::new([7; 32]);
        let sealed = plain.with_file_name("sealed");
        seal(&plain, &sealed, &key).expect("sealed");
        assert!(is_sealed(&sealed).expect("read"));
        assert!(!is_sealed(&plain).expect("read"));
        if let Some(probe) = bytes.get(..64) {
            let sealed_bytes = std::fs::read(&sealed).expect("read");
            assert!(
                !sealed_bytes.windows(64).any(|w| w == probe),
                "plain text in the file"
            );
        }
        let back = plain.with_file_name("back");
        open(&sealed, &back, &key).expect("opened");
        assert_eq!(std::fs::read(&back).expect("read"), bytes);
    }

    #[test]
    fn opens_what_it_sealed_at_every_chunk_boundary() {
        for size in [
            0,
            1,
            CHUNK - 1,
            CHUNK,
            CHUNK + 1,
            3 * CHUNK,
            3 * CHUNK + 100,
        ] {
            round_trip(size);
        }
    }

    #[test]
    fn refuses_another_key_a_change_and_a_cut() {
        let plain = scratch("plain");
        std::fs::write(&plain, vec![1u8; 3 * CHUNK + 10]).expect("write");
        let key = BackupKey::new([7; 32]);
        let sealed = plain.with_file_name("sealed");
        seal(&plain, &sealed, &key).expect("sealed");
        let out = plain.with_file_name("out");
        assert!(open(&sealed, &out, &BackupKey::new([8; 32])).is_err());
        assert!(!out.exists(), "nothing half-opened is left");

        let mut bytes = std::fs::read(&sealed).expect("read");
        let changed = plain.with_file_name("changed");
        bytes[MAGIC.len() + NONCE_BYTES + 100] ^= 1;
        std::fs::write(&changed, &bytes).expect("write");
        assert!(open(&changed, &out, &key).is_err());

        // Cut at a chunk boundary: every chunk left is whole, but none is marked last.
        let whole = std::fs::read(&sealed).expect("read");
        let cut = plain.with_file_name("cut");
        std::fs::write(
            &cut,
            &whole[..MAGIC.len() + NONCE_BYTES + 2 * (CHUNK + TAG)],
        )
        .expect("write");
        assert!(open(&cut, &out, &key).is_err());
        assert!(!out.exists());
        assert_eq!(format!("{key:?}"), "BackupKey(hidden)");
    }
}
