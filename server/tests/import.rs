//! The case system's extract: checked first (nothing changes), imported all or nothing, the same
//! files again changing nothing, a later extract changing only what changed and never what
//! practitioners wrote, and bad files refused whole. Administrators of the council only.

mod support;

use app::page_data::import::{ExtractReportView, LineOutcome};
use support::council::{add_another, OTHER_ADMIN};
use support::extract::{self, example, with, Files};
use support::logins::{JORDAN, SAM};
use support::TestApp;

const DANA: &str = "dana.price@brookford.example";
const PRIYA: &str = "priya.nair@brookford.example";

async fn report(app: &TestApp, cookie: &str, reply: &support::Reply) -> ExtractReportView {
    let id = extract::report_id(reply);
    app.call("extract_report", &[("report", &id)], Some(cookie))
        .await
        .json()
}

/// What line `line` of `file` came to.
fn line(report: &ExtractReportView, file: &str, line: u64) -> (LineOutcome, String) {
    let found = report
        .report
        .files
        .iter()
        .find(|f| f.name == file)
        .and_then(|f| f.lines.iter().find(|l| l.line == line))
        .unwrap_or_else(|| panic!("{file} line {line} is not in the report"));
    (found.outcome, found.words.clone())
}

fn outcomes(report: &ExtractReportView, file: &str) -> Vec<(u64, LineOutcome)> {
    report
        .report
        .files
        .iter()
        .find(|f| f.name == file)
        .map(|f| f.lines.iter().map(|l| (l.line, l.outcome)).collect())
        .unwrap_or_default()
}

/// Everything the extract could change, counted.
async fn state(app: &TestApp) -> Vec<i64> {
    let mut counts = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM families",
        "SELECT COUNT(*) FROM members",
        "SELECT COUNT(*) FROM legal_statuses",
        "SELECT COUNT(*) FROM allocation_periods",
        "SELECT COUNT(*) FROM plan_changes",
        "SELECT COUNT(*) FROM case_closures",
    ] {
        counts.push(app.count(sql).await);
    }
    counts
}

async fn set_worker_ref(app: &TestApp, admin: &str, login: &str, worker_ref: &str) {
    let account = app
        .one_text("SELECT id FROM accounts WHERE login = $1", login)
        .await;
    let set = app
        .call(
            "set_worker_ref",
            &[("account", &account), ("worker_ref", worker_ref)],
            Some(admin),
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
}

async fn check_then_import(
    app: &TestApp,
    jordan: &str,
    files: &Files,
) -> (ExtractReportView, ExtractReportView) {
    let before = state(app).await;
    let checked = extract::upload(app, jordan, files, false).await;
    assert_eq!(checked.status, 303, "{}", checked.body);
    let check = report(app, jordan, &checked).await;
    assert!(!check.applied);
    assert_eq!(state(app).await, before, "a check changes nothing");
    let imported = extract::upload(app, jordan, files, true).await;
    let import = report(app, jordan, &imported).await;
    assert!(
        import.applied,
        "the files were checked and Hearth has not changed since"
    );
    assert_eq!(
        import.report, check.report,
        "the import is exactly what was checked"
    );
    (check, import)
}

async fn extract_in_and_again(app: TestApp) {
    let jordan = app.sign_in(JORDAN).await;
    set_worker_ref(&app, &jordan, SAM, "W1001").await;
    set_worker_ref(&app, &jordan, PRIYA, "W1002").await;
    set_worker_ref(&app, &jordan, DANA, "W2001").await;
    // A worker ID names one person in the council.
    let owen = app
        .one_text(
            "SELECT id FROM accounts WHERE login = $1",
            "owen.baker@brookford.example",
        )
        .await;
    let taken = app
        .call(
            "set_worker_ref",
            &[("account", &owen), ("worker_ref", "W1001")],
            Some(&jordan),
        )
        .await;
    assert_eq!(taken.status, 422);
    assert!(
        taken
            .body
            .contains("Sam Whitfield already has this case system worker ID"),
        "{}",
        taken.body
    );

    // Importing before a check is refused.
    let files = example("ssd");
    let unchecked = extract::upload(&app, &jordan, &files, true).await;
    assert_eq!(unchecked.status, 303);
    assert!(
        unchecked
            .redirected_to()
            .is_some_and(|to| to.starts_with("/imports?__refusal=")),
        "{:?}",
        unchecked.redirected_to()
    );

    let (check, _) = check_then_import(&app, &jordan, &files).await;
    use LineOutcome::{Added, Refused, Skipped, Unchanged};
    assert_eq!(
        outcomes(&check, "ssd_person.csv"),
        vec![
            (2, Added),
            (3, Added),
            (4, Added),
            (5, Added),
            (6, Added),
            (7, Added),
            (8, Skipped),
            (9, Skipped),
            (10, Skipped),
            (11, Skipped),
            (12, Refused)
        ]
    );
    assert_eq!(
        line(&check, "ssd_person.csv", 8).1,
        "no social worker with a Hearth account holds family F300 now"
    );
    assert_eq!(
        line(&check, "ssd_person.csv", 10).1,
        "family F400's case is closed in the case system"
    );
    assert!(line(&check, "ssd_person.csv", 12)
        .1
        .starts_with("pers_dob \"31/02/2015\" is not a date"));
    assert_eq!(
        outcomes(&check, "ssd_cp_plans.csv"),
        vec![(2, Added), (3, Added), (4, Refused)]
    );
    assert_eq!(
        line(&check, "ssd_cp_plans.csv", 4).1,
        "the plan ends on 10 January 2025, which is not after it starts on 10 January 2025"
    );
    assert_eq!(
        outcomes(&check, "ssd_involvements.csv"),
        vec![
            (2, Added),
            (3, Added),
            (4, Added),
            (5, Added),
            (6, Skipped),
            (7, Skipped),
            (8, Refused)
        ]
    );
    assert_eq!(
        line(&check, "ssd_involvements.csv", 8).1,
        "unknown worker W8888: no Hearth account has this case system worker ID"
    );
    // The report names no one: ids and outcomes only.
    let shown = serde_json::to_string(&check).expect("json");
    for name in ["Hannah", "Marsh", "Ava", "Turner", "Okoro"] {
        assert!(!shown.contains(name), "the report names {name}");
    }

    // In Hearth: the Marsh family in Sam's team with Sam and Dana allocated, both children on
    // plans for emotional abuse; the Turners with Priya.
    let marsh = app.family_id("Marsh").await;
    let sam = app.sign_in(SAM).await;
    let detail: app::page_data::family::FamilyDetail = app
        .call("family", &[("id", &marsh)], Some(&sam))
        .await
        .json();
    assert_eq!(detail.members.len(), 4);
    let workers: Vec<&str> = detail
        .allocations
        .iter()
        .map(|a| a.worker_name.as_str())
        .collect();
    assert!(
        workers.contains(&"Sam Whitfield") && workers.contains(&"Dana Price"),
        "{workers:?}"
    );
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM legal_statuses WHERE family_id = '{marsh}' AND latest_category = 'EMO' AND ended_on IS NULL")).await,
        2
    );
    let trail = app
        .one_text(
            "SELECT detail FROM audit_log WHERE action = $1 AND record_kind = 'extract'",
            "import_extract",
        )
        .await;
    assert_eq!(
        trail,
        "ssd_person.csv (11 lines), ssd_family.csv (11 lines), ssd_cp_plans.csv (3 lines), ssd_cin_episodes.csv (5 lines), ssd_involvements.csv (7 lines): 18 added, 0 changed, 3 unchanged, 12 not for Hearth, 4 refused"
    );

    // The same files again change nothing.
    let before = state(&app).await;
    let (again, _) = check_then_import(&app, &jordan, &files).await;
    assert_eq!(
        again.report.count(Added) + again.report.count(LineOutcome::Changed),
        0
    );
    assert_eq!(state(&app).await, before);
    assert_eq!(
        outcomes(&again, "ssd_cp_plans.csv"),
        vec![(2, Unchanged), (3, Unchanged), (4, Refused)]
    );

    // A practitioner's work in Hearth: Hannah's relationship, which the extract does not carry.
    let hannah = app.member_id("Hannah").await;
    let corrected = app
        .call(
            "correct_member",
            &[
                ("family", marsh.as_str()),
                ("member", hannah.as_str()),
                ("version", "1"),
                ("kind", "adult"),
                ("given_name", "Hannah"),
                ("family_name", "Marsh"),
                ("relationship", "Mother"),
                ("date_of_birth", "1994-03-14"),
                ("person_ref", "P10001"),
                ("reason", "Relationship from the assessment"),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(corrected.status, 200, "{}", corrected.body);

    // A later extract: Noah's plan ended, and Rosie was born.
    let (changed, _) = check_then_import(&app, &jordan, &example("ssd-changed")).await;
    assert_eq!(
        line(&changed, "ssd_cp_plans.csv", 3),
        (LineOutcome::Changed, "changed: Ended".to_string())
    );
    assert_eq!(line(&changed, "ssd_person.csv", 6).0, Added);
    assert_eq!(
        line(&changed, "ssd_family.csv", 13),
        (Added, "joins family F100".to_string())
    );
    assert_eq!(changed.report.count(LineOutcome::Changed), 1);
    let detail: app::page_data::family::FamilyDetail = app
        .call("family", &[("id", &marsh)], Some(&sam))
        .await
        .json();
    assert_eq!(detail.members.len(), 5);
    let mother = detail
        .members
        .iter()
        .find(|m| m.given_name == "Hannah")
        .expect("Hannah");
    assert_eq!(
        mother.relationship, "Mother",
        "what practitioners wrote stays"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM legal_statuses WHERE family_id = '{marsh}' AND ended_on IS NULL"
        ))
        .await,
        1
    );
}
on_both_backends!(
    the_extract_is_checked_imported_and_matched_again,
    super::extract_in_and_again
);

async fn bad_files(app: TestApp) {
    let jordan = app.sign_in(JORDAN).await;
    let before = state(&app).await;
    let trail = app.audit_entries().await;
    let refused = |files: Files| {
        let app = &app;
        let jordan = jordan.clone();
        async move {
            let reply = extract::upload(app, &jordan, &files, false).await;
            assert_eq!(reply.status, 303, "{}", reply.body);
            let to = reply.redirected_to().unwrap_or_default().to_string();
            assert!(to.starts_with("/imports?__refusal="), "{to}");
            // The page it goes back to shows why.
            app.get(&to, Some(&jordan)).await.body
        }
    };
    let formula = with(
        example("ssd"),
        "ssd_family.csv",
        b"fami_family_id,fami_person_id\nF100,=HYPERLINK(\"http://x\")\n",
    );
    let page = refused(formula).await;
    assert!(
        page.contains("ssd_family.csv: line 2, column fami_person_id, starts with"),
        "{page}"
    );
    let latin1 = with(example("ssd"), "ssd_person.csv", b"pers_person_id,pers_forename,pers_surname,pers_dob,pers_expected_dob\nP1,Zo\xe9,Marsh,2019-01-01,\n");
    assert!(refused(latin1).await.contains("it is not UTF-8 text"));
    let columns = with(
        example("ssd"),
        "ssd_involvements.csv",
        b"id,worker,person\n1,W1,P1\n",
    );
    assert!(refused(columns)
        .await
        .contains("it has no column invo_involvements_id"));
    let noise: Vec<u8> = (0..2_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    assert!(refused(with(example("ssd"), "ssd_person.csv", &noise))
        .await
        .contains("ssd_person.csv: it"));
    // 50 MB is refused before it is read.
    let huge = extract::form(
        &vec![("ssd_person.csv".to_string(), vec![b'x'; 50 * 1024 * 1024])],
        false,
    );
    let too_big = extract::post(&app, Some(&jordan), huge).await;
    assert_eq!(too_big.status, 413);
    assert!(
        too_big.body.contains("Hearth reads at most 25 MB"),
        "{}",
        too_big.body
    );
    assert_eq!(state(&app).await, before, "bad files change nothing");
    assert_eq!(app.count("SELECT COUNT(*) FROM extract_reports").await, 0);
    assert!(
        app.audit_entries().await > trail,
        "each refusal is in the trail"
    );

    // Only the council's administrators import, and only for their council.
    let sam = app.sign_in(SAM).await;
    let by_sam = extract::upload(&app, &sam, &example("ssd"), false).await;
    assert_eq!(by_sam.status, 403);
    let anonymous = extract::post(&app, None, extract::form(&example("ssd"), false)).await;
    assert_eq!(anonymous.redirected_to(), Some("/login"));
    let checked = extract::upload(&app, &jordan, &example("ssd"), false).await;
    let id = extract::report_id(&checked);
    add_another(&app).await;
    let kit = app.sign_in(OTHER_ADMIN).await;
    let theirs = app
        .call("extract_report", &[("report", &id)], Some(&kit))
        .await;
    assert_eq!(theirs.status, 404);
}
on_both_backends!(bad_files_are_refused_whole, super::bad_files);

async fn adopted_then_closed(app: TestApp) {
    let jordan = app.sign_in(JORDAN).await;
    set_worker_ref(&app, &jordan, SAM, "W1001").await;
    set_worker_ref(&app, &jordan, PRIYA, "W1002").await;
    // Priya opens the Turners for a referral before the extract knows them, with Sophie's
    // person ID from the case system.
    let priya = app.sign_in(PRIYA).await;
    let priya_id = app
        .one_text("SELECT id FROM accounts WHERE login = $1", PRIYA)
        .await;
    let family = support::new_id();
    let opened = app
        .call(
            "open_referral",
            &[
                ("id", &family),
                ("name", "Turner"),
                ("social_worker", &priya_id),
            ],
            Some(&priya),
        )
        .await;
    assert_eq!(opened.status, 200, "{}", opened.body);
    let added = app
        .call(
            "add_member",
            &[
                ("family", family.as_str()),
                ("member", &support::new_id()),
                ("version", "0"),
                ("kind", "adult"),
                ("given_name", "Sophie"),
                ("family_name", "Turner"),
                ("relationship", "Mother"),
                ("date_of_birth", "1998-07-30"),
                ("person_ref", "P20001"),
            ],
            Some(&priya),
        )
        .await;
    assert_eq!(added.status, 200, "{}", added.body);

    // The extract closes the Turners' only episode today, and puts Mia in two families.
    let today = support::day(0);
    let mut episodes = String::from_utf8(
        example("ssd")
            .into_iter()
            .find(|(n, _)| n == "ssd_cin_episodes.csv")
            .expect("episodes")
            .1,
    )
    .expect("utf-8");
    episodes = episodes.replace(
        "R2,P20002,2024-12-01,N1,,,FS North,W1002",
        &format!("R2,P20002,2024-12-01,N1,RC8,{today},FS North,W1002"),
    );
    let files = with(example("ssd"), "ssd_cin_episodes.csv", episodes.as_bytes());
    let mut family_lines = String::from_utf8(
        example("ssd")
            .into_iter()
            .find(|(n, _)| n == "ssd_family.csv")
            .expect("families")
            .1,
    )
    .expect("utf-8");
    family_lines.push_str("12,F100,P20002\n");
    let files = with(files, "ssd_family.csv", family_lines.as_bytes());
    let (check, _) = check_then_import(&app, &jordan, &files).await;

    assert_eq!(
        line(&check, "ssd_family.csv", 13),
        (
            LineOutcome::Refused,
            "person P20002 is already in family F200 (line 7); Hearth keeps a person in one family"
                .to_string()
        )
    );
    // Adopted, not opened twice: Sophie stays where Priya put her, and Mia joins her.
    assert_eq!(line(&check, "ssd_person.csv", 6).0, LineOutcome::Unchanged);
    assert_eq!(line(&check, "ssd_person.csv", 7).0, LineOutcome::Added);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM families WHERE name = 'Turner'")
            .await,
        1
    );
    assert_eq!(
        app.one_text("SELECT case_ref FROM families WHERE id = $1", &family)
            .await,
        "F200"
    );
    // Its only episode closed: so is the case, for the census's reason, its allocations ended.
    assert_eq!(
        line(&check, "ssd_cin_episodes.csv", 4).0,
        LineOutcome::Changed
    );
    assert_eq!(
        app.one_text(
            "SELECT reason FROM case_closures WHERE family_id = $1",
            &family
        )
        .await,
        "RC8"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM allocations WHERE family_id = '{family}'"
        ))
        .await,
        0
    );
    // A closed family takes nothing more from the extract until it is reopened.
    let again = extract::upload(&app, &jordan, &files, false).await;
    let again = report(&app, &jordan, &again).await;
    assert_eq!(line(&again, "ssd_person.csv", 6).0, LineOutcome::Skipped);
}
on_both_backends!(
    a_family_opened_in_hearth_is_adopted_and_closed_by_the_extract,
    super::adopted_then_closed
);
