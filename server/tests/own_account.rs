//! A person's own account: where they are signed in, changing their password, being told of
//! failed sign-ins, and giving their password again before sensitive actions.

mod support;

use app::domain::viewer::SignedIn;
use app::error::AppError;
use app::page_data::account::AccountSecurity;
use support::logins::{PRIYA, SAM};
use support::{TestApp, PASSWORD};

async fn whoami(app: &TestApp, cookie: &str) -> Option<SignedIn> {
    app.call("whoami", &[], Some(cookie)).await.json()
}

async fn wrong_password(app: &TestApp, login: &str) {
    let reply = app
        .call(
            "sign_in",
            &[("login", login), ("password", "not the password")],
            None,
        )
        .await;
    assert_eq!(reply.status, 422, "{}", reply.body);
}

async fn owners_are_told(app: TestApp) {
    for _ in 0..3 {
        wrong_password(&app, SAM).await;
    }
    // Three reach the audit trail in a batch, and the account's count; two more do not yet.
    let later = app::store::now_ms() + app::services::failed_attempts::SETTLE_MS + 1;
    app::services::failed_attempts::audit_failures(&app.db, later)
        .await
        .expect("batch");
    for _ in 0..2 {
        wrong_password(&app, SAM).await;
    }
    let sam = app.sign_in(SAM).await;
    let told = whoami(&app, &sam)
        .await
        .expect("signed in")
        .failed_sign_ins
        .expect("told");
    assert_eq!(told.count, 5, "every failure, each told once");
    assert!(told.last_at.is_some());
    assert_eq!(
        app.call("dismiss_sign_in_notice", &[], Some(&sam))
            .await
            .status,
        200
    );
    assert_eq!(whoami(&app, &sam).await.expect("in").failed_sign_ins, None);
    // The two not yet batched reach the trail later, but are not told again.
    let later = app::store::now_ms() + app::services::failed_attempts::SETTLE_MS + 1;
    app::services::failed_attempts::audit_failures(&app.db, later)
        .await
        .expect("batch");
    let again = app.sign_in(SAM).await;
    assert_eq!(
        whoami(&app, &again).await.expect("in").failed_sign_ins,
        None
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_refused' AND record_kind = 'account'")
            .await,
        2,
        "both batches are in the audit trail"
    );
}

on_both_backends!(failed_sign_ins_told_to_the_owner, super::owners_are_told);

async fn sessions_listed_and_ended(app: TestApp) {
    let here = app.sign_in(SAM).await;
    let there = app.sign_in(SAM).await;
    let priya = app.sign_in(PRIYA).await;
    let account: AccountSecurity = app.call("my_account", &[], Some(&here)).await.json();
    assert_eq!(account.sessions.len(), 2);
    assert_eq!(account.sessions.iter().filter(|s| s.this_device).count(), 1);
    let other = account
        .sessions
        .iter()
        .find(|s| !s.this_device)
        .expect("the other device");
    let priyas: AccountSecurity = app.call("my_account", &[], Some(&priya)).await.json();
    let not_sams = &priyas.sessions[0].id;
    let refused = app
        .call("end_other_session", &[("session", not_sams)], Some(&here))
        .await;
    assert_eq!(refused.status, 404, "another person's session is not found");
    assert!(whoami(&app, &priya).await.is_some(), "and goes on");
    let ended = app
        .call("end_other_session", &[("session", &other.id)], Some(&here))
        .await;
    assert_eq!(ended.status, 200, "{}", ended.body);
    assert!(
        whoami(&app, &there).await.is_none(),
        "that device is signed out"
    );
    assert!(whoami(&app, &here).await.is_some(), "this one is not");
    // Nothing identifying the session's token is shown.
    let hashes = app.count("SELECT COUNT(*) FROM sessions").await;
    assert!(hashes >= 2);
    assert!(!serde_json::to_string(&account)
        .expect("json")
        .contains(&app::auth::tokens::digest(
            here.split_once('=').expect("cookie").1
        )));
}

on_both_backends!(sessions, super::sessions_listed_and_ended);

async fn change_password(app: &TestApp, current: &str, new: &str, cookie: &str) -> support::Reply {
    app.call(
        "change_password",
        &[
            ("current_password", current),
            ("new_password", new),
            ("confirm", new),
        ],
        Some(cookie),
    )
    .await
}

async fn passwords_are_changed_safely(app: TestApp) {
    let here = app.sign_in(SAM).await;
    let there = app.sign_in(SAM).await;
    let field = |reply: support::Reply, name: &str| -> String {
        assert_eq!(reply.status, 422, "{}", reply.body);
        reply
            .error()
            .field_errors()
            .and_then(|f| f.for_field(name).map(str::to_string))
            .unwrap_or_else(|| panic!("no error for {name}: {}", reply.body))
    };
    let weak = field(
        change_password(&app, PASSWORD, "password12345", &here).await,
        "new_password",
    );
    assert!(weak.contains("too easy to guess"), "{weak}");
    let named = field(
        change_password(&app, PASSWORD, "Whitfield lantern 77", &here).await,
        "new_password",
    );
    assert!(named.contains("name or your login"), "{named}");
    let wrong = field(
        change_password(
            &app,
            "not it at all",
            "copper kettle drizzle lantern",
            &here,
        )
        .await,
        "current_password",
    );
    assert!(wrong.contains("not right"), "{wrong}");
    let changed = change_password(&app, PASSWORD, "copper kettle drizzle lantern", &here).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert!(
        whoami(&app, &there).await.is_none(),
        "other devices are signed out"
    );
    assert!(whoami(&app, &here).await.is_some(), "this one stays");
    let old = app
        .call("sign_in", &[("login", SAM), ("password", PASSWORD)], None)
        .await;
    assert_eq!(old.status, 422, "the old password no longer works");
    let new = app
        .call(
            "sign_in",
            &[
                ("login", SAM),
                ("password", "copper kettle drizzle lantern"),
            ],
            None,
        )
        .await;
    assert_eq!(new.status, 200, "{}", new.body);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'change_password'")
            .await,
        1
    );
}

on_both_backends!(password_change, super::passwords_are_changed_safely);

/// Breaking glass, exporting a chronology and making an invitation code need the password
/// given in the last 15 minutes.
async fn sensitive_actions_ask_again(app: TestApp) {
    let noor = app.sign_in("noor.haddad@brookford.example").await;
    app.age_confirmation(&noor, 16).await;
    let ashworth = app.family_id("Ashworth").await;
    let reason = "Duty cover: police call-out to the family's address overnight";
    let open = |password: &'static str| {
        let (app, noor, ashworth) = (&app, noor.clone(), ashworth.clone());
        async move {
            app.call(
                "open_family",
                &[
                    ("id", &ashworth),
                    ("reason", reason),
                    ("password", password),
                ],
                Some(&noor),
            )
            .await
        }
    };
    let without = open("").await;
    assert_eq!(without.status, 422, "{}", without.body);
    let error = without.error();
    let errors = error.field_errors().expect("field errors");
    assert!(errors.for_field("password").is_some());
    assert_eq!(
        errors.value("reason"),
        Some(reason),
        "the reason typed comes back"
    );
    assert_eq!(open("not the password").await.status, 422);
    // The demo has one opening already, from last week.
    assert_eq!(app.count("SELECT COUNT(*) FROM break_glass").await, 1);
    assert_eq!(open(PASSWORD).await.status, 200);
    assert_eq!(app.count("SELECT COUNT(*) FROM break_glass").await, 2);

    let sam = app.sign_in(SAM).await;
    app.age_confirmation(&sam, 16).await;
    let csv = format!("/families/{ashworth}/chronology.csv?chapter=all");
    let asked = app.get(&csv, Some(&sam)).await;
    assert_eq!(asked.status, 303, "{}", asked.body);
    let to = asked.redirected_to().expect("to confirm");
    assert!(to.starts_with("/confirm?then=/families/"), "{to}");
    let darren = app.member_id("Darren").await;
    let invite = app
        .call(
            "create_invitation",
            &[("member", &darren), ("invitation", &support::new_id())],
            Some(&sam),
        )
        .await;
    assert_eq!(invite.status, 403);
    assert_eq!(invite.error(), AppError::ConfirmIdentity);
    let confirmed = app
        .call(
            "confirm_identity",
            &[("password", PASSWORD), ("then", "/families")],
            Some(&sam),
        )
        .await;
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    assert_eq!(confirmed.redirected_to(), Some("/families"));
    let sent_away = app
        .call(
            "confirm_identity",
            &[("password", PASSWORD), ("then", "//evil.example")],
            Some(&sam),
        )
        .await;
    assert_eq!(
        sent_away.redirected_to(),
        Some("/"),
        "never to another site"
    );
    assert_eq!(app.get(&csv, Some(&sam)).await.status, 200);
    let invite = app
        .call(
            "create_invitation",
            &[("member", &darren), ("invitation", &support::new_id())],
            Some(&sam),
        )
        .await;
    assert_eq!(invite.status, 200, "{}", invite.body);
}

on_both_backends!(confirming_identity, super::sensitive_actions_ask_again);
