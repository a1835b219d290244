//! The report being written as the extract is matched: one outcome per line of each file.

use super::files::Table;
use crate::page_data::import::{ExtractReport, FileReport, LineOutcome, LineReport};
use std::collections::BTreeMap;

#[derive(Default)]
pub struct Outcomes {
    files: BTreeMap<Table, Vec<LineReport>>,
    /// Lines added and changed so far, kept as they come: asked after every family.
    changes: (usize, usize),
}

impl Outcomes {
    /// Starts a file's section, so a file with no lines is still reported.
    pub fn file(&mut self, table: Table) {
        self.files.entry(table).or_default();
    }

    pub fn add(
        &mut self,
        table: Table,
        line: u64,
        id: &str,
        outcome: LineOutcome,
        words: impl Into<String>,
    ) {
        match outcome {
            LineOutcome::Added => self.changes.0 += 1,
            LineOutcome::Changed => self.changes.1 += 1,
            _ => {}
        }
        self.files.entry(table).or_default().push(LineReport {
            line,
            id: id.to_string(),
            outcome,
            words: words.into(),
        });
    }

    /// Lines added and changed so far.
    pub fn changes(&self) -> (usize, usize) {
        self.changes
    }

    pub fn report(self) -> ExtractReport {
        ExtractReport {
            files: self
                .files
                .into_iter()
                .map(|(table, mut lines)| {
                    lines.sort_by_key(|l| l.line);
                    FileReport {
                        name: table.file_name().to_string(),
                        lines,
                    }
                })
                .collect(),
        }
    }
}
