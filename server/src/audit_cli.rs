//! `hearth audit verify [--anchor F]` and `hearth audit anchor [--out F]`.

use app::store::audit::anchor::{self, Anchor};
use app::store::audit::{self, Verdict};
use app::store::Db;
use std::path::Path;
use std::process::ExitCode;

/// Walks the whole chain and, given an anchor file, proves the trail still holds that entry.
pub async fn verify(db: &Db, anchor_file: Option<&Path>) -> Result<ExitCode, String> {
    let verdict = match anchor_file {
        None => audit::verify(db).await,
        Some(file) => anchor::verify_with(db, &read_anchor(file)?).await,
    }
    .map_err(|e| format!("cannot read the audit trail: {e}"))?;
    match verdict {
        Verdict::Intact { entries } => {
            match anchor_file {
                None => println!("audit trail intact: {entries} entries"),
                Some(file) => println!(
                    "audit trail intact: {entries} entries, including the entry anchored in {}",
                    file.display()
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Verdict::Broken { seq, problem } => {
            println!("audit trail BROKEN at entry {seq}: {problem}");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Prints the head of an intact chain as one line of JSON, or writes it to `out`.
pub async fn anchor(db: &Db, out: Option<&Path>) -> Result<ExitCode, String> {
    let taken = anchor::take(db)
        .await
        .map_err(|e| format!("cannot read the audit trail: {e}"))?;
    let anchor = match taken {
        Ok(anchor) => anchor,
        Err(Verdict::Broken { seq, problem }) => {
            // An anchor vouches for everything before it: a broken chain gets none.
            println!("audit trail BROKEN at entry {seq}: {problem}; no anchor written");
            return Ok(ExitCode::FAILURE);
        }
        Err(Verdict::Intact { .. }) => return Err("the audit trail could not be anchored".into()),
    };
    let line =
        serde_json::to_string(&anchor).map_err(|e| format!("cannot write the anchor: {e}"))?;
    match out {
        None => println!("{line}"),
        Some(file) => std::fs::write(file, format!("{line}\n"))
            .map_err(|e| format!("cannot write the anchor to {}: {e}", file.display()))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn read_anchor(file: &Path) -> Result<Anchor, String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read the anchor {}: {e}", file.display()))?;
    serde_json::from_str(text.trim()).map_err(|e| {
        format!(
            "{} is not an anchor written by `hearth audit anchor`: {e}",
            file.display()
        )
    })
}
