//! `hearth demo --scale`: the copies are whole families that Hearth reads like any other, their
//! ids are their own, and the audit trail still verifies.

mod support;

use support::{Backend, TestApp};

async fn grows(backend: Backend) {
    let app = TestApp::start(backend).await;
    let grown = server::scale::grow(&app.db, 30)
        .await
        .expect("grows")
        .expect("there was room to grow");
    assert!(grown.families >= 30, "{} families", grown.families);
    assert!(grown.rows > 0 && grown.audit_entries > 0);
    // Asked again, it does nothing.
    assert!(server::scale::grow(&app.db, 30)
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
    for page in ["/families", "/week"] {
        assert_eq!(app.get(page, Some(&sam)).await.status, 200, "{page}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_grows_whole_families() {
    grows(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_grows_whole_families() {
    grows(Backend::Postgres).await;
}
