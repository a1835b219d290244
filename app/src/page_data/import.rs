//! What checking or importing the case system's extract came to, file by file and line by line.
//! It names records by the council's own ids and says what happened to each in words; it holds
//! no names and no case content, because administrators read it.

use crate::domain::ids::ExtractReportId;
use serde::{Deserialize, Serialize};

/// What happened, or would happen, to one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LineOutcome {
    Added,
    Changed,
    Unchanged,
    /// Read and understood, but not for Hearth (a family no Hearth team holds, a past worker).
    Skipped,
    /// Not taken, for the reason given: the rest of the extract goes on without it.
    Refused,
}

impl LineOutcome {
    pub const ALL: [LineOutcome; 5] = [
        LineOutcome::Added,
        LineOutcome::Changed,
        LineOutcome::Unchanged,
        LineOutcome::Skipped,
        LineOutcome::Refused,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LineOutcome::Added => "Added",
            LineOutcome::Changed => "Changed",
            LineOutcome::Unchanged => "Unchanged",
            LineOutcome::Skipped => "Not for Hearth",
            LineOutcome::Refused => "Refused",
        }
    }

    /// As a count says it: "3 not for Hearth".
    pub fn counted(self) -> &'static str {
        match self {
            LineOutcome::Added => "added",
            LineOutcome::Changed => "changed",
            LineOutcome::Unchanged => "unchanged",
            LineOutcome::Skipped => "not for Hearth",
            LineOutcome::Refused => "refused",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineReport {
    /// The line of the file, counting the header as line 1.
    pub line: u64,
    /// The row's own id in the case system (a person, a plan, an involvement).
    pub id: String,
    pub outcome: LineOutcome,
    /// What it came to, or why it was refused, in words.
    pub words: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    pub name: String,
    pub lines: Vec<LineReport>,
}

impl FileReport {
    pub fn count(&self, outcome: LineOutcome) -> usize {
        self.lines.iter().filter(|l| l.outcome == outcome).count()
    }
}

/// One check or import: the files, and what each of their lines came to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractReport {
    pub files: Vec<FileReport>,
}

impl ExtractReport {
    pub fn count(&self, outcome: LineOutcome) -> usize {
        self.files.iter().map(|f| f.count(outcome)).sum()
    }

    /// "3 files: 120 lines added, 4 changed, 2 refused": for the audit trail and the command line.
    pub fn summary(&self) -> String {
        let names: Vec<String> = self
            .files
            .iter()
            .map(|f| format!("{} ({} lines)", f.name, f.lines.len()))
            .collect();
        let counts: Vec<String> = LineOutcome::ALL
            .iter()
            .map(|o| format!("{} {}", self.count(*o), o.counted()))
            .collect();
        format!("{}: {}", names.join(", "), counts.join(", "))
    }
}

/// A stored report, as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractReportView {
    pub id: ExtractReportId,
    pub made_by: String,
    pub made_at: i64,
    pub applied: bool,
    pub report: ExtractReport,
}

/// The upload page: the latest checks and imports, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportsOverview {
    pub recent: Vec<RecentReport>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentReport {
    pub id: ExtractReportId,
    pub made_by: String,
    pub made_at: i64,
    pub applied: bool,
    pub summary: String,
}
