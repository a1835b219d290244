//! `hearth demo --scale`: the copies are whole families that Hearth reads like any other, their
//! ids are their own, and the audit trail still verifies. Grown past a page, the team's lists
//! page through every open family once.

mod support;

use app::page_data::caseload::Caseload;
use app::page_data::workbook::{Dashboard, TeamWorkers};
use std::collections::BTreeSet;
use support::{Backend, TestApp};

/// Enough families that a team's lists take several pages.
const FAMILIES: usize = 120;

async fn grows(backend: Backend) {
    let app = TestApp::start(backend).await;
    let grown = server::scale::grow(&app.db, FAMILIES)
        .await
        .expect("grows")
        .expect("there was room to grow");
    assert!(
        grown.families >= FAMILIES as i64,
        "{} families",
        grown.families
    );
    assert!(grown.rows > 0 && grown.audit_entries > 0);
    // Copies come with their own staff, so no worker holds more than a real caseload.
    assert!(
        grown.busiest_caseload as usize <= server::scale::WORKER_CASELOAD,
        "the busiest worker holds {} families",
        grown.busiest_caseload
    );
    if backend == Backend::Sqlite {
        // Row counts kept, value samples gone: SQLite would otherwise prepare every statement
        // again for each new bound value (decision 26).
        let counted: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_stat1")
            .fetch_one(app.db.pool())
            .await
            .expect("row counts");
        let sampled: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_stat4")
            .fetch_one(app.db.pool())
            .await
            .expect("value samples");
        assert!(
            counted > 0 && sampled == 0,
            "stat1 {counted} rows, stat4 {sampled}"
        );
    }
    // Asked again, it does nothing.
    assert!(server::scale::grow(&app.db, FAMILIES)
        .await
        .expect("runs")
        .is_none());
    let verdict = app::store::audit::verify(&app.db).await.expect("verify");
    assert!(
        matches!(verdict, app::store::audit::Verdict::Intact { .. }),
        "{verdict:?}"
    );

    // A copied parent signs in and sees their own family's goals, not the original's.
    let kelly = app.sign_in("kelly.ashworth").await;
    let copy = app.sign_in("kelly.ashworth 1").await;
    let original = app.call("own_page", &[], Some(&kelly)).await;
    let copied = app.call("own_page", &[], Some(&copy)).await;
    assert_eq!((original.status, copied.status), (200, 200));
    let first_goal = |body: &str| {
        body.split("\"goals\":[{\"id\":\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(str::to_string)
    };
    assert!(first_goal(&copied.body).is_some());
    assert_ne!(first_goal(&original.body), first_goal(&copied.body));
    // Its social worker's pages read the copies like any family.
    let sam = app.sign_in(support::logins::SAM).await;
    for page in ["/families", "/families?page=2", "/families/closed", "/week"] {
        assert_eq!(app.get(page, Some(&sam)).await.status, 200, "{page}");
    }
    pages_cover_the_team(&app, &sam).await;
}

/// Every open family of the team is on exactly one page of the dashboard and of the manager's
/// caseload; a worker's own families and the pages of the others' make up the team once; the
/// workers' page counts every allocation.
async fn pages_cover_the_team(app: &TestApp, sam: &str) {
    let maya = app.sign_in(support::logins::MAYA).await;
    let team = app
        .one_text(
            "SELECT team_id FROM accounts WHERE login = $1",
            support::logins::MAYA,
        )
        .await;
    let open: BTreeSet<String> = app
        .texts(
            "SELECT id FROM families WHERE team_id = $1 AND closed_on IS NULL",
            &team,
        )
        .await
        .into_iter()
        .collect();
    assert!(open.len() > 25, "{} open families: one page", open.len());

    let mut on_dashboard = Vec::new();
    let first: Dashboard = app.call("team_dashboard", &[], Some(&maya)).await.json();
    assert_eq!(first.paging.total as usize, open.len());
    for page in 1..=first.paging.pages {
        let n = page.to_string();
        let dashboard: Dashboard = app
            .call("team_dashboard", &[("page", &n)], Some(&maya))
            .await
            .json();
        assert_eq!(dashboard.paging.number, page);
        on_dashboard.extend(dashboard.rows.iter().map(|r| r.family_id.to_string()));
    }
    assert_eq!(on_dashboard.len(), open.len(), "no family twice");
    assert_eq!(on_dashboard.into_iter().collect::<BTreeSet<_>>(), open);

    let mut on_caseload = Vec::new();
    for page in 1..=first.paging.pages {
        let n = page.to_string();
        let caseload: Caseload = app
            .call("caseload", &[("page", &n)], Some(&maya))
            .await
            .json();
        assert!(caseload.whole_team && caseload.others.is_empty());
        on_caseload.extend(caseload.mine.iter().map(|f| f.id.to_string()));
    }
    assert_eq!(on_caseload.len(), open.len(), "no family twice");
    assert_eq!(on_caseload.into_iter().collect::<BTreeSet<_>>(), open);

    let first: Caseload = app.call("caseload", &[], Some(sam)).await.json();
    let mut seen: Vec<String> = first.mine.iter().map(|f| f.id.to_string()).collect();
    assert!(!seen.is_empty() && first.mine.iter().all(|f| f.allocated_to_viewer));
    for page in 1..=first.paging.pages {
        let n = page.to_string();
        let caseload: Caseload = app
            .call("caseload", &[("page", &n)], Some(sam))
            .await
            .json();
        assert!(caseload.others.iter().all(|f| !f.allocated_to_viewer));
        seen.extend(caseload.others.iter().map(|f| f.id.to_string()));
    }
    assert_eq!(seen.len(), open.len(), "no family twice");
    assert_eq!(seen.into_iter().collect::<BTreeSet<_>>(), open);
    // A page past the end shows the last.
    let past: Caseload = app
        .call("caseload", &[("page", "999")], Some(sam))
        .await
        .json();
    assert_eq!(past.paging.number, past.paging.pages);

    let workers: TeamWorkers = app.call("team_workers", &[], Some(&maya)).await.json();
    let allocated = app
        .count(&format!(
            "SELECT COUNT(*) FROM allocations w JOIN families f ON f.id = w.family_id
             WHERE f.team_id = '{team}' AND f.closed_on IS NULL"
        ))
        .await;
    assert_eq!(
        workers
            .workers
            .iter()
            .map(|w| w.families as i64)
            .sum::<i64>(),
        allocated
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_grows_whole_families() {
    grows(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_grows_whole_families() {
    grows(Backend::Postgres).await;
}
