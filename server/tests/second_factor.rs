//! Second factors, as a council runs Hearth: managers must set one up before anything else; it
//! is asked for after the password; no code works twice; a recovery code works once; and a
//! login being flooded with guesses still lets its owner in with password and code.

mod support;

use app::auth::second_factor::code_for_key;
use app::error::AppError;
use app::page_data::account::{AccountSecurity, NewSecondFactor, RecoveryCodes};
use support::logins::MAYA;
use support::{council_settings, Reply, TestApp, PASSWORD};

fn now() -> u64 {
    u64::try_from(app::store::now_ms() / 1000).expect("time")
}

/// Sets up Maya's second factor in `cookie`'s session: the key as shown, the code that
/// confirmed it, and her recovery codes.
async fn enrol(app: &TestApp, cookie: &str) -> (String, String, Vec<String>) {
    let setup: NewSecondFactor = app
        .call("second_factor_setup", &[], Some(cookie))
        .await
        .json();
    assert!(setup.qr_svg.contains("<svg"), "a QR code to scan");
    let code = code_for_key(&setup.secret_text, now()).expect("code");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let refused = app
        .call(
            "confirm_second_factor",
            &[("sealed", &setup.sealed), ("code", wrong)],
            Some(cookie),
        )
        .await;
    assert_eq!(refused.status, 422, "a wrong code: {}", refused.body);
    let errors = refused.error();
    let errors = errors.field_errors().expect("field errors");
    assert!(errors.for_field("code").is_some());
    assert_eq!(
        errors.value("sealed"),
        Some(setup.sealed.as_str()),
        "the same key comes back"
    );
    let again: NewSecondFactor = app
        .call(
            "second_factor_setup",
            &[("sealed", &setup.sealed)],
            Some(cookie),
        )
        .await
        .json();
    assert_eq!(
        again.secret_text, setup.secret_text,
        "the page shows the same key again"
    );
    let turned_on = app
        .call(
            "confirm_second_factor",
            &[("sealed", &setup.sealed), ("code", &code)],
            Some(cookie),
        )
        .await;
    assert_eq!(turned_on.status, 200, "{}", turned_on.body);
    let shown: RecoveryCodes = app
        .call(
            "new_recovery_codes",
            &[("shown", &turned_on.shown())],
            Some(cookie),
        )
        .await
        .json();
    assert_eq!(shown.codes.len(), 10);
    (setup.secret_text, code, shown.codes)
}

fn password(login: &str) -> Vec<(&str, &str)> {
    vec![("login", login), ("password", PASSWORD)]
}

/// The first step: a right password for an account with a second factor sets only the
/// pending cookie and leads to the code's page.
async fn first_step(app: &TestApp) -> String {
    let reply = app.call("sign_in", &password(MAYA), None).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.session_cookie(),
        None,
        "not signed in before the code"
    );
    assert_eq!(reply.redirected_to(), Some("/login/code"));
    reply
        .cookie_named("hearth_pending")
        .expect("a pending sign-in")
}

fn signed_in(reply: &Reply) -> String {
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.session_cookie().expect("a session")
}

async fn managers_set_one_up_then_use_it(app: TestApp) {
    let maya = app.sign_in(MAYA).await;
    for function in ["caseload", "audit_trail", "team_dashboard"] {
        let reply = app.call(function, &[], Some(&maya)).await;
        assert_eq!(reply.status, 403, "{function}: {}", reply.body);
        assert_eq!(reply.error(), AppError::SecondFactorRequired);
    }
    let account: AccountSecurity = app.call("my_account", &[], Some(&maya)).await.json();
    assert!(account.second_factor_required && !account.second_factor);

    let (key, confirming_code, recovery) = enrol(&app, &maya).await;
    let other_session = app.sign_in_with_code(MAYA, &recovery[9]).await;
    let copied = app
        .call(
            "new_recovery_codes",
            &[("shown", "00000000-0000-4000-8000-000000000000")],
            Some(&other_session),
        )
        .await;
    assert_eq!(copied.status, 404);
    assert_eq!(app.call("caseload", &[], Some(&maya)).await.status, 200);
    let account: AccountSecurity = app.call("my_account", &[], Some(&maya)).await.json();
    assert!(account.second_factor);
    assert_eq!(account.recovery_codes_left, 9);

    // The code that confirmed the key cannot sign in: no code is accepted twice.
    let pending = first_step(&app).await;
    let replay = app
        .call(
            "sign_in_code",
            &[("code", &confirming_code)],
            Some(&pending),
        )
        .await;
    assert_eq!(replay.status, 422, "a used code: {}", replay.body);
    let next = code_for_key(&key, now() + 30).expect("code");
    let session = signed_in(
        &app.call("sign_in_code", &[("code", &next)], Some(&pending))
            .await,
    );
    assert_eq!(app.call("caseload", &[], Some(&session)).await.status, 200);
    let pending = first_step(&app).await;
    let reused = app
        .call("sign_in_code", &[("code", &next)], Some(&pending))
        .await;
    assert_eq!(reused.status, 422, "the same code again: {}", reused.body);

    // A recovery code works once.
    signed_in(
        &app.call("sign_in_code", &[("code", &recovery[0])], Some(&pending))
            .await,
    );
    let pending = first_step(&app).await;
    let twice = app
        .call("sign_in_code", &[("code", &recovery[0])], Some(&pending))
        .await;
    assert_eq!(twice.status, 422);

    // Five wrong codes end the waiting sign-in; the password must be given again.
    for _ in 0..4 {
        assert_eq!(
            app.call("sign_in_code", &[("code", "999999")], Some(&pending))
                .await
                .status,
            422
        );
    }
    let ended = app
        .call("sign_in_code", &[("code", &recovery[1])], Some(&pending))
        .await;
    assert_eq!(
        ended.status, 422,
        "a sixth try, even right, finds no sign-in: {}",
        ended.body
    );
    // A code without a waiting sign-in, or a waiting sign-in's cookie used as a session, is nothing.
    assert_eq!(app.call("caseload", &[], Some(&pending)).await.status, 401);
    let stored: i64 = app
        .count("SELECT COUNT(*) FROM second_factors WHERE secret_sealed LIKE '%' || 'JBSW' || '%'")
        .await;
    assert_eq!(stored, 0);
    assert!(
        app.count(&format!(
            "SELECT COUNT(*) FROM second_factors WHERE secret_sealed = '{}'",
            key.replace(' ', "")
        ))
        .await
            == 0,
        "the key is stored encrypted"
    );
}

on_both_backends!(
    managers_must_set_one_up,
    super::managers_set_one_up_then_use_it,
    super::council_settings
);

/// Forty wrong passwords in a row lock the login for passwords alone; Maya, with her password
/// and a code, is still let in, and told about the guesses.
async fn a_flooded_login_keeps_its_owner_in(app: TestApp) {
    let maya = app.sign_in(MAYA).await;
    let (_, _, recovery) = enrol(&app, &maya).await;
    let guesses: Vec<_> = (0..12)
        .map(|i| {
            let app = &app;
            async move {
                let guess = format!("guess number {i}");
                app.call("sign_in", &[("login", MAYA), ("password", &guess)], None)
                    .await
                    .status
            }
        })
        .collect();
    let statuses = futures::future::join_all(guesses).await;
    assert!(
        statuses.contains(&429),
        "the login is throttled: {statuses:?}"
    );
    let alone = app.call("sign_in", &password(MAYA), None).await;
    assert_eq!(
        alone.status, 429,
        "a right password alone is not even checked"
    );
    let guessed_code = app
        .call(
            "sign_in",
            &[
                ("login", MAYA),
                ("password", "guess"),
                ("code", &recovery[2]),
            ],
            None,
        )
        .await;
    assert_eq!(
        guessed_code.status, 429,
        "a right code with a wrong password"
    );
    let nobody = app
        .call(
            "sign_in",
            &[
                ("login", "nobody@brookford.example"),
                ("password", PASSWORD),
                ("code", &recovery[3]),
            ],
            None,
        )
        .await;
    assert_eq!(
        nobody.status, 422,
        "a login that is no account is told only that it is not right"
    );
    let owner = app
        .call(
            "sign_in",
            &[
                ("login", MAYA),
                ("password", PASSWORD),
                ("code", &recovery[4]),
            ],
            None,
        )
        .await;
    let session = signed_in(&owner);
    let me: app::domain::viewer::SignedIn = app
        .call("whoami", &[], Some(&session))
        .await
        .json::<Option<_>>()
        .expect("signed in");
    let told = me.failed_sign_ins.expect("told of the guesses");
    assert!(told.count >= 12, "{told:?}");
}

on_both_backends!(
    throttled_owner,
    super::a_flooded_login_keeps_its_owner_in,
    super::council_settings
);
