//! `hearth import DIR`: checks the case system's extract in a folder, or imports it once checked,
//! and prints what each line came to.

use app::page_data::import::LineOutcome;
use app::services::import::{self, Done, ExtractFile, Mode, Table, MAX_BYTES};
use app::store::Db;
use std::path::Path;
use std::process::ExitCode;

/// The folder's files that are tables Hearth reads; the others are named and left unread.
fn read_folder(folder: &Path) -> Result<Vec<ExtractFile>, String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|e| format!("cannot read the folder {}: {e}", folder.display()))?;
    let mut files = Vec::new();
    let mut unread = Vec::new();
    let mut total = 0u64;
    let mut found = Vec::new();
    for entry in entries {
        let entry =
            entry.map_err(|e| format!("cannot read the folder {}: {e}", folder.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if Table::ALL
            .iter()
            .any(|t| t.file_name().eq_ignore_ascii_case(&name))
        {
            let size = entry
                .metadata()
                .map_err(|e| format!("cannot read {name}: {e}"))?
                .len();
            total += size;
            found.push((name, entry.path()));
        } else {
            unread.push(name);
        }
    }
    if total > MAX_BYTES as u64 {
        return Err(format!(
            "the extract's files come to {:.1} MB; Hearth reads at most {} MB at a time",
            total as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
    }
    for (name, path) in found {
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {name}: {e}"))?;
        files.push(ExtractFile { name, bytes });
    }
    if !unread.is_empty() {
        unread.sort();
        println!(
            "Left unread (not tables Hearth reads): {}",
            unread.join(", ")
        );
    }
    Ok(files)
}

fn print(done: &Done) {
    for file in &done.report.files {
        let counts: Vec<String> = LineOutcome::ALL
            .iter()
            .map(|o| format!("{} {}", file.count(*o), o.counted()))
            .collect();
        println!(
            "{}: {} lines: {}",
            file.name,
            file.lines.len(),
            counts.join(", ")
        );
        for line in file
            .lines
            .iter()
            .filter(|l| l.outcome != LineOutcome::Unchanged)
        {
            println!(
                "  line {:>6}  {:<14} {:<16} {}",
                line.line,
                line.outcome.label(),
                line.id,
                line.words
            );
        }
    }
    println!();
    if done.applied {
        println!("Imported, in one transaction. Report {}.", done.id);
    } else if done.changed_since_check {
        println!("Hearth changed since these files were checked, so nothing was imported.");
        println!(
            "Above is a new check ({}); run the command again with --apply to import it.",
            done.id
        );
    } else {
        println!(
            "This was a check: nothing in Hearth changed (report {}).",
            done.id
        );
        println!("To import exactly this, run the same command with --apply within 24 hours.");
    }
}

pub async fn run(db: &Db, folder: &Path, login: &str, apply: bool) -> Result<ExitCode, String> {
    let files = read_folder(folder)?;
    let mode = if apply { Mode::Apply } else { Mode::Check };
    let started = std::time::Instant::now();
    let done = import::from_command_line(db, login, &files, mode).await?;
    let seconds = started.elapsed().as_secs_f64();
    print(&done);
    let lines: usize = done.report.files.iter().map(|f| f.lines.len()).sum();
    println!(
        "{lines} lines in {seconds:.2} s ({:.0} lines a second).",
        lines as f64 / seconds.max(0.001)
    );
    Ok(ExitCode::SUCCESS)
}
