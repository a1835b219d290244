//! The team workbook through the real server functions and routes, on both backends: chapters
//! only their role writes, versioned entries, the chronology and its CSV, group supervision
//! actions in their owner's week, and the dashboard.

mod support;

use app::error::AppError;
use app::page_data::workbook::{Chronology, EntryPage, Week, Workbook};
use support::logins::{RHYS, SAM};
use support::TestApp;
use support::{day, new_id};

fn visit<'a>(
    family: &'a str,
    id: &'a str,
    version: &'a str,
    on: &'a str,
    summary: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("family", family),
        ("entry", id),
        ("version", version),
        ("kind", "visit"),
        ("occurred_on", on),
        ("place", "Family home"),
        ("child_seen_alone", "yes"),
        ("summary", summary),
        ("significant", "true"),
    ]
}

async fn entries_and_chronology(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let rhys = app.sign_in(RHYS).await;
    // A family of the test's own, so the chronology holds only what it records.
    let family = app.small_family("Pellegrini", &[SAM, RHYS]).await;
    let (pellegrini, jo) = (&family.id, &family.child);
    let today = day(0);

    // Sam records a significant visit in the social worker's chapter, twice (a retry): once.
    let id = new_id();
    let note = "Jo said she was scared when the police came, but feels safe now.";
    let mut form = visit(pellegrini, &id, "", &today, note);
    form.push(("people[]", jo));
    for _ in 0..2 {
        let saved = app.call("save_entry", &form, Some(&sam)).await;
        assert_eq!(saved.status, 200, "{}", saved.body);
    }
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM workbook_entries WHERE id = '{id}'"
        ))
        .await,
        1
    );

    // Rhys reads it but cannot change the social worker's chapter.
    let page: EntryPage = app
        .call(
            "entry",
            &[("family", pellegrini), ("entry", &id)],
            Some(&rhys),
        )
        .await
        .json();
    assert!(!page.can_edit);
    let refused = app
        .call(
            "save_entry",
            &visit(pellegrini, &id, "1", &today, "changed"),
            Some(&rhys),
        )
        .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    let workbook: Workbook = app
        .call("workbook", &[("family", pellegrini)], Some(&rhys))
        .await
        .json();
    assert_eq!(
        workbook.writes,
        Some(app::domain::role::StaffRole::RecoveryWorker)
    );

    // Two edits from version 1: the second is refused and shows what changed.
    // The edit form sends back the people it shows ticked.
    let mut first_form = visit(pellegrini, &id, "1", &today, "First correction");
    first_form.push(("people[]", jo));
    let first = app.call("save_entry", &first_form, Some(&sam)).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let second = app
        .call(
            "save_entry",
            &visit(pellegrini, &id, "1", &today, "Second correction"),
            Some(&sam),
        )
        .await;
    assert_eq!(second.status, 409, "{}", second.body);
    let AppError::EditConflict(errors) = second.error() else {
        panic!("an edit conflict: {}", second.body)
    };
    assert!(errors
        .for_field("version")
        .is_some_and(|m| m.contains("First correction")));
    assert_eq!(errors.value("summary"), Some("Second correction"));
    let page: EntryPage = app
        .call(
            "entry",
            &[("family", pellegrini), ("entry", &id)],
            Some(&sam),
        )
        .await
        .json();
    assert_eq!(page.entry.summary, "First correction");
    assert_eq!(
        page.history.len(),
        2,
        "the earlier text stays in the history"
    );
    assert!(page.history[0].changes.iter().any(|c| c.before == note));

    // Long text is refused whole, with the limit stated; nothing is cut.
    let long = "x".repeat(20_001);
    let too_long = app
        .call(
            "save_entry",
            &visit(pellegrini, &new_id(), "", &today, &long),
            Some(&sam),
        )
        .await;
    assert_eq!(too_long.status, 422, "{}", too_long.body);
    let AppError::Invalid(errors) = too_long.error() else {
        panic!("{}", too_long.body)
    };
    assert!(errors
        .for_field("summary")
        .is_some_and(|m| m.contains("20000")));

    // The chronology finds it by child and date, and the CSV carries it.
    let chronology: Chronology = app
        .call(
            "chronology",
            &[("family", pellegrini), ("child", jo), ("from", &today)],
            Some(&sam),
        )
        .await
        .json();
    assert_eq!(chronology.rows.len(), 1, "{:?}", chronology.rows);
    assert_eq!(chronology.rows[0].summary, "First correction");
    let csv = app
        .get(
            &format!("/families/{pellegrini}/chronology.csv?child={jo}&from={today}"),
            Some(&sam),
        )
        .await;
    assert_eq!(csv.status, 200, "{}", csv.body);
    assert!(csv
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/csv")));
    assert!(csv
        .header("content-disposition")
        .is_some_and(|d| d.contains("attachment")));
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2, "{}", csv.body);
    assert!(lines[0].starts_with("Date,Chapter,Kind"));
    assert!(lines[1].contains("First correction") && lines[1].contains("Jo Pellegrini"));
    // A parent cannot download their family's chronology.
    let ashworth = app.family_id("Ashworth").await;
    let kelly = app.sign_in("kelly.ashworth").await;
    let parent = app
        .get(
            &format!("/families/{ashworth}/chronology.csv"),
            Some(&kelly),
        )
        .await;
    assert_eq!(parent.status, 403);
}

/// Two monthly summaries for one chapter and period, sent at the same moment from two devices:
/// the rule is checked under the write lock, so exactly one is kept and the other is refused
/// next to the field, with what was typed.
async fn one_monthly_summary_per_chapter_and_period(app: TestApp) {
    let rhys = app.sign_in(RHYS).await;
    // A family with no summaries yet, whatever the demo data holds.
    let family = app.small_family("Marchetti", &[SAM, RHYS]).await;
    let today = day(0);
    let summary = |id: String| -> Vec<(&'static str, String)> {
        vec![
            ("family", family.id.clone()),
            ("entry", id),
            ("version", String::new()),
            ("kind", "monthly_summary".into()),
            ("occurred_on", today.clone()),
            (
                "summary",
                "This month: engagement steady, the new routine is holding.".into(),
            ),
        ]
    };
    let (first, second) = (summary(new_id()), summary(new_id()));
    let first: Vec<(&str, &str)> = first.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let second: Vec<(&str, &str)> = second.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (a, b) = tokio::join!(
        app.call("save_entry", &first, Some(&rhys)),
        app.call("save_entry", &second, Some(&rhys)),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [200, 422], "{} / {}", a.body, b.body);
    let refused = if a.status == 422 { a } else { b };
    let AppError::Invalid(errors) = refused.error() else {
        panic!("a refusal next to the field: {}", refused.body)
    };
    assert!(errors
        .errors
        .iter()
        .any(|e| e.field == "kind" && e.message.contains("already has a monthly summary")));
    assert!(errors
        .values
        .iter()
        .any(|(field, value)| field == "summary" && value.contains("routine is holding")));
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM workbook_entries WHERE family_id = '{}' AND chapter = 'recovery_worker' AND kind = 'monthly_summary' AND occurred_on = '{today}'",
            family.id
        ))
        .await,
        1
    );
}

on_both_backends!(entries, super::entries_and_chronology);
on_both_backends!(
    monthly_summary,
    super::one_monthly_summary_per_chapter_and_period
);

async fn supervision_actions_reach_their_owner(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let rhys = app.sign_in(RHYS).await;
    let ashworth = app.family_id("Ashworth").await;
    let rhys_id = app
        .one_text("SELECT id FROM accounts WHERE login = $1", RHYS)
        .await;
    let due = day(3);
    let what = "Refer Darren to the alcohol group";
    let reply = app
        .call(
            "record_supervision",
            &[
                ("family", &ashworth),
                ("supervision", &new_id()),
                ("held_on", &day(0)),
                ("attendees[]", "social_worker"),
                ("attendees[]", "recovery_worker"),
                ("risk", "6"),
                ("progress", "4"),
                ("decisions", "Refer to the group"),
                ("action_what[]", what),
                ("action_owner[]", &rhys_id),
                ("action_due[]", &due),
                ("action_what[]", ""),
                ("action_owner[]", ""),
                ("action_due[]", ""),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let week: Week = app.call("week", &[], Some(&rhys)).await.json();
    let item = week
        .items
        .iter()
        .find(|i| i.due.what == what)
        .expect("the action is in its owner's week");
    let action = item.action.expect("an action id").to_string();
    let done = app
        .call(
            "mark_action",
            &[("action", &action), ("done", "true")],
            Some(&rhys),
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    let week: Week = app.call("week", &[], Some(&rhys)).await.json();
    assert!(week.items.iter().all(|i| i.due.what != what));

    // A new period starts with the supervision.
    let workbook: Workbook = app
        .call("workbook", &[("family", &ashworth)], Some(&sam))
        .await
        .json();
    assert_eq!(
        workbook
            .period_started
            .map(|d| d.format("%Y-%m-%d").to_string()),
        Some(day(0))
    );
    assert_eq!(
        workbook.current_period, 4,
        "the demo's two supervisions, then this one"
    );

    // The manager sees the team; the dashboard counts overdue items.
    let maya = app.sign_in("maya.okafor@brookford.example").await;
    let dashboard: app::page_data::workbook::Dashboard =
        app.call("team_dashboard", &[], Some(&maya)).await.json();
    assert_eq!(dashboard.rows.len(), 5);
    assert!(
        dashboard.rows.iter().any(|r| r.overdue > 0),
        "some demo visits are late"
    );
}

on_both_backends!(supervision, super::supervision_actions_reach_their_owner);

/// The dashboard reads every family's facts at once (`store::due_facts`); each family's workbook
/// reads its own whole. Both must come to the same: the last visit and supervision, and how
/// much is overdue.
async fn dashboard_agrees_with_each_workbook(app: TestApp) {
    let maya = app.sign_in("maya.okafor@brookford.example").await;
    let dashboard: app::page_data::workbook::Dashboard =
        app.call("team_dashboard", &[], Some(&maya)).await.json();
    assert!(!dashboard.rows.is_empty());
    let mut overdue = 0;
    for row in &dashboard.rows {
        let family = row.family_id.to_string();
        let workbook: Workbook = app
            .call("workbook", &[("family", &family)], Some(&maya))
            .await
            .json();
        let due_before_today = workbook
            .due
            .iter()
            .filter(|d| d.due_on < workbook.today)
            .count();
        assert_eq!(row.overdue, due_before_today, "{}", row.family_name);
        overdue += row.overdue;
        let last_visit = workbook
            .chapters
            .iter()
            .flat_map(|c| &c.entries)
            .filter(|e| e.kind == app::domain::workbook::EntryKind::Visit)
            .map(|e| e.occurred_on)
            .max();
        assert_eq!(row.last_visit, last_visit, "{}", row.family_name);
        assert_eq!(
            row.last_supervision, workbook.period_started,
            "{}",
            row.family_name
        );
    }
    assert!(overdue > 0, "the demo has late visits to compare");
}

on_both_backends!(dashboard, super::dashboard_agrees_with_each_workbook);
