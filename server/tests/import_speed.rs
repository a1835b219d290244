//! The import at a council's scale: an extract of `HEARTH_IMPORT_PEOPLE` people (600 by default,
//! so CI runs it quickly; `scripts/bench-import.sh` runs 10,000 in release mode) checked,
//! imported, and checked again, on both backends. It asserts what the import made, never how
//! fast: the lines per second are printed for the notes.

mod support;

use app::page_data::import::LineOutcome;
use app::services::import::{from_command_line, ExtractFile, Mode};
use std::fmt::Write as _;
use std::time::Instant;
use support::logins::{JORDAN, PRIYA, SAM};
use support::TestApp;

fn people() -> usize {
    std::env::var("HEARTH_IMPORT_PEOPLE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(600)
}

/// A made-up extract: households of a mother, one or two children and sometimes a father, with
/// their social worker, a domestic abuse practitioner for some, plans for some children.
fn extract(wanted: usize) -> (Vec<ExtractFile>, usize, usize) {
    let mut person = String::from(
        "pers_person_id,pers_forename,pers_surname,pers_sex,pers_dob,pers_expected_dob\n",
    );
    let mut family = String::from("fami_table_id,fami_family_id,fami_person_id\n");
    let mut plans = String::from("cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_cp_plan_initial_category,cppl_cp_plan_latest_category\n");
    let mut episodes = String::from(
        "cine_referral_id,cine_person_id,cine_referral_date,cine_close_reason,cine_close_date\n",
    );
    let mut involvements = String::from("invo_involvements_id,invo_professional_id,invo_person_id,invo_involvement_start_date,invo_involvement_end_date\n");
    let (mut n, mut f) = (0usize, 0usize);
    while n < wanted {
        f += 1;
        let mut add = |given: &str, born: &str, sex: &str, n: &mut usize| -> String {
            *n += 1;
            let id = format!("P{:06}", *n);
            let _ = writeln!(person, "{id},{given},Family{f},{sex},{born} 00:00:00.000,");
            let _ = writeln!(family, "{},F{f:05},{id}", *n);
            id
        };
        let mother = add("Mother", "1990-05-01", "F", &mut n);
        if f % 3 == 0 {
            add("Father", "1988-02-11", "M", &mut n);
        }
        let mut children = vec![add("First", "2018-03-03", "F", &mut n)];
        if f % 2 == 0 {
            children.push(add("Second", "2021-07-07", "M", &mut n));
        }
        let worker = if f % 2 == 0 { "W1001" } else { "W1002" };
        for child in &children {
            let _ = writeln!(episodes, "R{child},{child},2025-01-01,,");
            let _ = writeln!(involvements, "S{child},{worker},{child},2025-01-02,");
        }
        if f % 4 == 0 {
            let _ = writeln!(involvements, "D{mother},W2001,{mother},2025-02-01,");
        }
        if f % 3 == 0 {
            let _ = writeln!(
                plans,
                "CP{f}A,{},2025-01-15,2025-06-30,NEG,NEG",
                children[0]
            );
            let _ = writeln!(
                plans,
                "CP{f}B,{},2025-09-01,,Emotional abuse,MUL",
                children[0]
            );
        }
    }
    let lines = [&person, &family, &plans, &episodes, &involvements]
        .iter()
        .map(|t| t.lines().count() - 1)
        .sum();
    let file = |name: &str, text: String| ExtractFile {
        name: name.into(),
        bytes: text.into_bytes(),
    };
    (
        vec![
            file("ssd_person.csv", person),
            file("ssd_family.csv", family),
            file("ssd_cp_plans.csv", plans),
            file("ssd_cin_episodes.csv", episodes),
            file("ssd_involvements.csv", involvements),
        ],
        lines,
        n,
    )
}

async fn at_scale(app: TestApp) {
    for (login, worker_ref) in [
        (SAM, "W1001"),
        (PRIYA, "W1002"),
        ("dana.price@brookford.example", "W2001"),
    ] {
        sqlx::query("UPDATE accounts SET worker_ref = $1 WHERE login = $2")
            .bind(worker_ref)
            .bind(login)
            .execute(app.db.pool())
            .await
            .expect("a worker ID");
    }
    let wanted = people();
    let (files, lines, made) = extract(wanted);
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let families_before = app.count("SELECT COUNT(*) FROM families").await;
    let mut timings = Vec::new();
    for (what, mode) in [
        ("check", Mode::Check),
        ("import", Mode::Apply),
        ("check again", Mode::Check),
    ] {
        let started = Instant::now();
        let done = from_command_line(&app.db, JORDAN, &files, mode)
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let seconds = started.elapsed().as_secs_f64();
        assert_eq!(done.report.count(LineOutcome::Refused), 0, "{what}");
        if what == "check again" {
            assert_eq!(
                done.report.count(LineOutcome::Added) + done.report.count(LineOutcome::Changed),
                0
            );
        } else {
            assert_eq!(done.applied, mode == Mode::Apply);
        }
        timings.push(format!(
            "{what} {seconds:.2} s ({:.0} lines/s)",
            lines as f64 / seconds
        ));
    }
    let families = app.count("SELECT COUNT(*) FROM families").await - families_before;
    let members = app
        .count("SELECT COUNT(*) FROM members WHERE person_ref LIKE 'P%'")
        .await;
    assert_eq!(
        members as usize, made,
        "everyone in the extract is in Hearth"
    );
    assert!(families > 0);
    println!(
        "import of {made} people ({lines} lines, {:.1} MB, {families} families) on {:?}: {}",
        bytes as f64 / 1_048_576.0,
        app.db.backend(),
        timings.join("; ")
    );
}
on_both_backends!(an_extract_at_scale, super::at_scale);
