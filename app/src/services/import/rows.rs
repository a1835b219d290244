//! The extract's lines read as facts: people, who is in which family, protection plans, episodes
//! and involvements. A line that cannot be read (no id, a date that is not a date, a plan that
//! ends before it starts) is refused with the reason, and the rest of the extract goes on.

use super::files::{Row, Sheet, Table};
use crate::domain::closure::ClosureReason;
use crate::domain::family::ProtectionCategory;
use crate::domain::fields::read_date;
use crate::domain::household::{MAX_NAME_CHARS, MAX_PERSON_REF_CHARS};
use crate::domain::legal_status::long_date;
use chrono::{Datelike, NaiveDate};

/// A line left out, and why.
pub struct Refusal {
    pub table: Table,
    pub line: u64,
    pub id: String,
    pub reason: String,
}

pub struct Person {
    pub line: u64,
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub expected_on: Option<NaiveDate>,
}

pub struct Membership {
    pub line: u64,
    pub family: String,
    pub person: String,
}

pub struct Plan {
    pub line: u64,
    pub id: String,
    pub person: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub initial: ProtectionCategory,
    pub latest: ProtectionCategory,
}

pub struct Episode {
    pub line: u64,
    pub id: String,
    pub person: String,
    pub closed: Option<(NaiveDate, ClosureReason)>,
}

pub struct Involvement {
    pub line: u64,
    pub id: String,
    pub worker: String,
    pub person: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
}

/// Every line read, and every line refused.
#[derive(Default)]
pub struct Lines {
    pub people: Vec<Person>,
    pub memberships: Vec<Membership>,
    pub plans: Vec<Plan>,
    /// `None` when no episodes file was given: closures are then left as they are.
    pub episodes: Option<Vec<Episode>>,
    pub involvements: Vec<Involvement>,
    pub refused: Vec<Refusal>,
}

impl Lines {
    pub fn read(sheets: &[Sheet]) -> Lines {
        let mut lines = Lines::default();
        for sheet in sheets {
            if sheet.table == Table::CinEpisodes {
                lines.episodes = Some(Vec::new());
            }
            for row in &sheet.rows {
                let id = row.cell(0).to_string();
                if let Err(reason) = lines.take(sheet.table, row) {
                    lines.refused.push(Refusal {
                        table: sheet.table,
                        line: row.line,
                        id,
                        reason,
                    });
                }
            }
        }
        lines
    }

    fn take(&mut self, table: Table, row: &Row) -> Result<(), String> {
        let line = row.line;
        match table {
            Table::Person => {
                let date_of_birth = date(row, 3, "pers_dob")?;
                let expected_on = date(row, 4, "pers_expected_dob")?;
                if date_of_birth.is_none() && expected_on.is_none() {
                    return Err(
                        "it has neither a date of birth nor an expected date of birth".into(),
                    );
                }
                self.people.push(Person {
                    line,
                    id: id(row, 0, "pers_person_id")?,
                    given_name: name(row, 1, "pers_forename")?,
                    family_name: name(row, 2, "pers_surname")?,
                    date_of_birth,
                    expected_on,
                });
            }
            Table::Family => self.memberships.push(Membership {
                line,
                family: id(row, 0, "fami_family_id")?,
                person: id(row, 1, "fami_person_id")?,
            }),
            Table::CpPlans => {
                let started_on = date(row, 2, "cppl_cp_plan_start_date")?
                    .ok_or("it has no cppl_cp_plan_start_date")?;
                let ended_on = date(row, 3, "cppl_cp_plan_end_date")?;
                if let Some(ended_on) = ended_on {
                    if ended_on <= started_on {
                        return Err(format!(
                            "the plan ends on {}, which is not after it starts on {}",
                            long_date(ended_on),
                            long_date(started_on)
                        ));
                    }
                }
                self.plans.push(Plan {
                    line,
                    id: id(row, 0, "cppl_cp_plan_id")?,
                    person: id(row, 1, "cppl_person_id")?,
                    started_on,
                    ended_on,
                    initial: category(row, 4, "cppl_cp_plan_initial_category")?,
                    latest: category(row, 5, "cppl_cp_plan_latest_category")?,
                });
            }
            Table::CinEpisodes => {
                let closed_on = date(row, 3, "cine_close_date")?;
                let reason = row.cell(4);
                let closed = match (closed_on, reason.is_empty()) {
                    (None, true) => None,
                    (Some(on), false) => Some((
                        on,
                        ClosureReason::from_code(&reason.to_ascii_uppercase()).ok_or_else(|| {
                            format!("cine_close_reason \"{}\" is not one of the census codes RC1 to RC9", shown(reason))
                        })?,
                    )),
                    (Some(_), true) => return Err("it has a close date but no cine_close_reason".into()),
                    (None, false) => return Err("it has a cine_close_reason but no close date".into()),
                };
                self.episodes.get_or_insert_with(Vec::new).push(Episode {
                    line,
                    id: id(row, 0, "cine_referral_id")?,
                    person: id(row, 1, "cine_person_id")?,
                    closed,
                });
            }
            Table::Involvements => {
                let started_on = date(row, 3, "invo_involvement_start_date")?
                    .ok_or("it has no invo_involvement_start_date")?;
                let ended_on = date(row, 4, "invo_involvement_end_date")?;
                if ended_on.is_some_and(|end| end < started_on) {
                    return Err("the involvement ends before it starts".into());
                }
                self.involvements.push(Involvement {
                    line,
                    id: id(row, 0, "invo_involvements_id")?,
                    worker: id(row, 1, "invo_professional_id")?,
                    person: id(row, 2, "invo_person_id")?,
                    started_on,
                    ended_on,
                });
            }
        }
        Ok(())
    }
}

/// A cell quoted in a message: short, and only printable characters.
fn shown(cell: &str) -> String {
    cell.chars().filter(|c| !c.is_control()).take(40).collect()
}

fn id(row: &Row, n: usize, column: &str) -> Result<String, String> {
    let cell = row.cell(n);
    if cell.is_empty() {
        return Err(format!("it has no {column}"));
    }
    if cell.chars().count() > MAX_PERSON_REF_CHARS || cell.chars().any(char::is_control) {
        return Err(format!(
            "{column} is not an id of {MAX_PERSON_REF_CHARS} characters or fewer"
        ));
    }
    Ok(cell.to_string())
}

fn name(row: &Row, n: usize, column: &str) -> Result<String, String> {
    let cell = row.cell(n);
    if cell.is_empty() {
        return Err(format!("it has no {column}"));
    }
    if cell.chars().count() > MAX_NAME_CHARS {
        return Err(format!(
            "{column} is longer than {MAX_NAME_CHARS} characters"
        ));
    }
    Ok(cell.to_string())
}

/// A date as case systems extract them: `2024-12-10`, `2024-12-10 00:00:00.000`,
/// `2024-12-10T00:00:00` or the UK's `10/12/2024`. Empty is no date.
fn date(row: &Row, n: usize, column: &str) -> Result<Option<NaiveDate>, String> {
    let cell = row.cell(n);
    if cell.is_empty() {
        return Ok(None);
    }
    let day = match cell.split_once([' ', 'T']) {
        Some((day, time))
            if day.contains('-') && time.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            day
        }
        _ => cell,
    };
    read_date(day)
        .filter(|d| d.year() >= 1900)
        .map(Some)
        .ok_or_else(|| {
            format!(
                "{column} \"{}\" is not a date (Hearth reads 2024-12-10, 2024-12-10 00:00:00 or 10/12/2024)",
                shown(cell)
            )
        })
}

/// A plan's category as the census code (`EMO`) or in words (`Emotional abuse`), in any case.
fn category(row: &Row, n: usize, column: &str) -> Result<ProtectionCategory, String> {
    let cell = row.cell(n);
    let found = ProtectionCategory::ALL.iter().copied().find(|c| {
        c.code().eq_ignore_ascii_case(cell)
            || c.label().eq_ignore_ascii_case(cell)
            || (*c == ProtectionCategory::Multiple && cell.eq_ignore_ascii_case("multiple"))
    });
    found.ok_or_else(|| {
        format!(
            "{column} \"{}\" is not a category (NEG, PHY, EMO, SAB or MUL, or Neglect, Physical abuse, Emotional abuse, Sexual abuse, Multiple)",
            shown(cell)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::files::{read, ExtractFile};
    use super::*;

    fn lines(plans: &str) -> Lines {
        let file = |name: &str, text: &str| ExtractFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        };
        let files = [
            file(
                "ssd_person.csv",
                "pers_person_id,pers_forename,pers_surname,pers_dob,pers_expected_dob\nP1,Ann,Lee,2019-01-02 00:00:00.000,\nP2,Bo,Lee,,\nP3,,Lee,31/02/2020,\n",
            ),
            file("ssd_family.csv", "fami_family_id,fami_person_id\nF1,P1\n"),
            file("ssd_cp_plans.csv", plans),
            file(
                "ssd_involvements.csv",
                "invo_involvements_id,invo_professional_id,invo_person_id,invo_involvement_start_date,invo_involvement_end_date\nI1,W1,P1,10/12/2024,\n",
            ),
        ];
        match read(&files) {
            Ok(sheets) => Lines::read(&sheets),
            Err(problems) => panic!("{problems:?}"),
        }
    }

    #[test]
    fn lines_are_read_or_refused_with_a_reason() {
        let read = lines("cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_cp_plan_initial_category,cppl_cp_plan_latest_category\nC1,P1,2024-01-05,2024-01-05,NEG,NEG\nC2,P1,2024-02-01,,emotional abuse,Multiple\nC3,P1,2024-02-01,,Bruises,NEG\n");
        assert_eq!(read.people.len(), 1);
        assert_eq!(
            read.people[0].date_of_birth,
            NaiveDate::from_ymd_opt(2019, 1, 2)
        );
        assert_eq!(
            read.involvements[0].started_on,
            NaiveDate::from_ymd_opt(2024, 12, 10).unwrap_or_default()
        );
        assert_eq!(read.plans.len(), 1);
        assert_eq!(read.plans[0].initial, ProtectionCategory::Emotional);
        assert_eq!(read.plans[0].latest, ProtectionCategory::Multiple);
        let reasons: Vec<(u64, &str)> = read
            .refused
            .iter()
            .map(|r| (r.line, r.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (3, "it has neither a date of birth nor an expected date of birth"),
                (4, "pers_dob \"31/02/2020\" is not a date (Hearth reads 2024-12-10, 2024-12-10 00:00:00 or 10/12/2024)"),
                (2, "the plan ends on 5 January 2024, which is not after it starts on 5 January 2024"),
                (4, "cppl_cp_plan_initial_category \"Bruises\" is not a category (NEG, PHY, EMO, SAB or MUL, or Neglect, Physical abuse, Emotional abuse, Sexual abuse, Multiple)"),
            ]
        );
        assert!(read.episodes.is_none());
    }
}
