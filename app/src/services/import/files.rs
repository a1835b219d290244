//! The extract's files, checked as files before any line is read: the right names, UTF-8 text,
//! the columns Hearth reads (found by name, in any order), every line as wide as the header, and
//! no formulas. Any of these wrong refuses the whole extract, so a bad file changes nothing.

use csv::{ReaderBuilder, StringRecord, Trim};

/// All the files of one extract together. A council's whole extract of people, families, plans,
/// episodes and involvements is a few MB for 10,000 people.
pub const MAX_BYTES: usize = 25 * 1024 * 1024;

/// How many problems with the files are listed before the rest are left unsaid.
const MAX_PROBLEMS: usize = 20;

pub struct ExtractFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The tables of the Standard Safeguarding Dataset that Hearth reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Person,
    Family,
    CpPlans,
    CinEpisodes,
    Involvements,
}

impl Table {
    pub const ALL: [Table; 5] = [
        Table::Person,
        Table::Family,
        Table::CpPlans,
        Table::CinEpisodes,
        Table::Involvements,
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            Table::Person => "ssd_person.csv",
            Table::Family => "ssd_family.csv",
            Table::CpPlans => "ssd_cp_plans.csv",
            Table::CinEpisodes => "ssd_cin_episodes.csv",
            Table::Involvements => "ssd_involvements.csv",
        }
    }

    /// Without people, families and involvements there is nothing to match; a council with no
    /// plans or no closed episodes to send may leave those files out.
    pub fn required(self) -> bool {
        matches!(self, Table::Person | Table::Family | Table::Involvements)
    }

    /// The columns Hearth reads, in the order [`Row::cell`] numbers them. Other columns are
    /// allowed and left unread.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Person => &[
                "pers_person_id",
                "pers_forename",
                "pers_surname",
                "pers_dob",
                "pers_expected_dob",
            ],
            Table::Family => &["fami_family_id", "fami_person_id"],
            Table::CpPlans => &[
                "cppl_cp_plan_id",
                "cppl_person_id",
                "cppl_cp_plan_start_date",
                "cppl_cp_plan_end_date",
                "cppl_cp_plan_initial_category",
                "cppl_cp_plan_latest_category",
            ],
            Table::CinEpisodes => &[
                "cine_referral_id",
                "cine_person_id",
                "cine_referral_date",
                "cine_close_date",
                "cine_close_reason",
            ],
            Table::Involvements => &[
                "invo_involvements_id",
                "invo_professional_id",
                "invo_person_id",
                "invo_involvement_start_date",
                "invo_involvement_end_date",
            ],
        }
    }

    fn named(name: &str) -> Option<Table> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        Table::ALL
            .into_iter()
            .find(|t| t.file_name().eq_ignore_ascii_case(base))
    }
}

/// One line of a file: its number (the header is line 1) and the cells Hearth reads.
pub struct Row {
    pub line: u64,
    cells: Vec<String>,
}

impl Row {
    /// The cell of the table's `n`th column (see [`Table::columns`]), trimmed.
    pub fn cell(&self, n: usize) -> &str {
        self.cells.get(n).map_or("", String::as_str)
    }
}

pub struct Sheet {
    pub table: Table,
    pub rows: Vec<Row>,
}

/// Every file read, or every problem found with them, in words.
pub fn read(files: &[ExtractFile]) -> Result<Vec<Sheet>, Vec<String>> {
    let mut problems = Vec::new();
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    if total > MAX_BYTES {
        return Err(vec![format!(
            "The files come to {:.1} MB; Hearth reads at most {} MB at a time. Check that these are the extract's CSV files",
            total as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        )]);
    }
    let mut sheets: Vec<Sheet> = Vec::new();
    for file in files {
        let Some(table) = Table::named(&file.name) else {
            problems.push(format!(
                "{} is not one of the extract's files: Hearth reads {}",
                shown_name(&file.name),
                Table::ALL.map(Table::file_name).join(", ")
            ));
            continue;
        };
        if sheets.iter().any(|s| s.table == table) {
            problems.push(format!("{} was given twice", table.file_name()));
            continue;
        }
        match read_sheet(table, &file.bytes) {
            Ok(sheet) => sheets.push(sheet),
            Err(problem) => problems.push(format!("{}: {problem}", table.file_name())),
        }
    }
    for table in Table::ALL.into_iter().filter(|t| t.required()) {
        if !files.iter().any(|f| Table::named(&f.name) == Some(table)) {
            problems.push(format!("{} is missing", table.file_name()));
        }
    }
    if problems.is_empty() {
        sheets.sort_by_key(|s| s.table);
        Ok(sheets)
    } else {
        if problems.len() > MAX_PROBLEMS {
            let more = problems.len() - MAX_PROBLEMS;
            problems.truncate(MAX_PROBLEMS);
            problems.push(format!("and {more} more problems"));
        }
        Err(problems)
    }
}

/// A file's name as given, short and printable, for a message.
fn shown_name(name: &str) -> String {
    let printable: String = name.chars().filter(|c| !c.is_control()).take(60).collect();
    format!("\"{printable}\"")
}

fn read_sheet(table: Table, bytes: &[u8]) -> Result<Sheet, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "it is not UTF-8 text (the first wrong byte is number {}). Save it from the case system as \"CSV UTF-8\"",
            e.valid_up_to() + 1
        )
    })?;
    if let Some(at) = text.find('\0') {
        return Err(format!(
            "it holds a zero byte (at byte {}), so it is not a CSV file",
            at + 1
        ));
    }
    let mut reader = ReaderBuilder::new()
        .trim(Trim::All)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| format!("its first line cannot be read as column names ({e})"))?
        .clone();
    let found: Vec<String> = header.iter().map(|h| h.to_ascii_lowercase()).collect();
    let mut positions = Vec::new();
    let mut missing = Vec::new();
    for column in table.columns() {
        match found.iter().position(|h| h == column) {
            Some(at) => positions.push(at),
            None => missing.push(*column),
        }
    }
    if !missing.is_empty() {
        let shown: Vec<String> = found
            .iter()
            .take(12)
            .map(|h| h.chars().take(40).collect())
            .collect();
        return Err(format!(
            "it has no column {} (its first line names: {})",
            missing.join(", "),
            if shown.is_empty() {
                "nothing".to_string()
            } else {
                shown.join(", ")
            }
        ));
    }
    let mut rows = Vec::new();
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_problem(&e)),
        }
        let line = record.position().map_or(0, |p| p.line());
        if let Some((column, cell)) = record.iter().enumerate().find(|(_, c)| is_formula(c)) {
            return Err(format!(
                "line {line}, column {}, starts with \"{}\": a spreadsheet formula. Hearth takes no formulas from a file; export the extract again as plain values",
                found.get(column).map_or("?", String::as_str),
                cell.chars().next().unwrap_or(' ')
            ));
        }
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cells = positions
            .iter()
            .map(|&at| record.get(at).unwrap_or("").to_string())
            .collect();
        rows.push(Row { line, cells });
    }
    Ok(Sheet { table, rows })
}

fn csv_problem(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => format!(
            "line {} has {len} cells where its first line names {expected_len} columns",
            pos.as_ref().map_or(0, |p| p.line())
        ),
        _ => format!("it cannot be read as CSV ({error})"),
    }
}

/// A cell a spreadsheet would run: `=`, `+`, `@`, a tab or return first, or `-` before anything
/// but a digit. Dates, ids and names never start so.
fn is_formula(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> ExtractFile {
        ExtractFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn minimal() -> Vec<ExtractFile> {
        vec![
            file(
                "ssd_person.csv",
                "pers_person_id,pers_forename,pers_surname,pers_dob,pers_expected_dob\nP1,Ann,Lee,2019-01-02,\n",
            ),
            file("ssd_family.csv", "fami_family_id,fami_person_id\nF1,P1\n"),
            file(
                "ssd_involvements.csv",
                "invo_involvements_id,invo_professional_id,invo_person_id,invo_involvement_start_date,invo_involvement_end_date\n",
            ),
        ]
    }

    fn problems(files: &[ExtractFile]) -> Vec<String> {
        match read(files) {
            Ok(_) => Vec::new(),
            Err(problems) => problems,
        }
    }

    #[test]
    fn columns_are_found_by_name_in_any_order() {
        let mut files = minimal();
        files[1] = file(
            "SSD_FAMILY.csv",
            "\u{feff}fami_table_id,FAMI_PERSON_ID,fami_family_id\nT1, P1 ,F1\n",
        );
        let sheets = read(&files).map_err(|p| p.join("; ")).unwrap_or_default();
        let family = sheets.iter().find(|s| s.table == Table::Family);
        let row = family.and_then(|s| s.rows.first());
        assert_eq!(
            row.map(|r| (r.line, r.cell(0), r.cell(1))),
            Some((2, "F1", "P1"))
        );
    }

    #[test]
    fn a_missing_column_or_file_is_named() {
        let mut files = minimal();
        files[0] = file("ssd_person.csv", "pers_person_id,pers_surname\nP1,Lee\n");
        files.remove(1);
        let found = problems(&files);
        assert!(
            found[0].starts_with(
                "ssd_person.csv: it has no column pers_forename, pers_dob, pers_expected_dob"
            ),
            "{found:?}"
        );
        assert_eq!(found[1], "ssd_family.csv is missing");
    }

    #[test]
    fn formulas_wrong_encoding_and_ragged_lines_refuse_the_file() {
        let mut files = minimal();
        files[1] = file(
            "ssd_family.csv",
            "fami_family_id,fami_person_id\nF1,=HYPERLINK(\"x\")\n",
        );
        assert!(problems(&files)[0].contains("line 2, column fami_person_id, starts with \"=\""));
        files[1] = ExtractFile {
            name: "ssd_family.csv".into(),
            bytes: b"fami_family_id,fami_person_id\nF1,Zo\xe9\n".to_vec(),
        };
        assert!(problems(&files)[0].contains("not UTF-8 text"));
        files[1] = file(
            "ssd_family.csv",
            "fami_family_id,fami_person_id\nF1,P1,extra\n",
        );
        assert!(
            problems(&files)[0].contains("line 2 has 3 cells where its first line names 2 columns")
        );
    }

    #[test]
    fn negative_numbers_are_not_formulas_but_minus_words_are() {
        assert!(!is_formula("-12"));
        assert!(is_formula("-cmd"));
        assert!(is_formula("+1"));
        assert!(!is_formula("Ann-Marie"));
    }

    #[test]
    fn too_much_and_unknown_names_are_refused() {
        let mut files = minimal();
        files.push(file("notes.txt", "hello"));
        assert!(problems(&files)[0].starts_with("\"notes.txt\" is not one of the extract's files"));
        let big = ExtractFile {
            name: "ssd_person.csv".into(),
            bytes: vec![b'a'; MAX_BYTES + 1],
        };
        assert!(problems(&[big])[0].contains("Hearth reads at most 25 MB"));
    }
}
