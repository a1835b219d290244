//! Bad input gets a clear, specific refusal, never a 500, and changes nothing.

mod support;

use app::error::AppError;
use support::http::{self, Caller};
use support::logins::SAM;
use support::TestApp;

fn field_message(error: &AppError, field: &str) -> String {
    error
        .field_errors()
        .and_then(|f| f.for_field(field))
        .unwrap_or_else(|| panic!("no message for {field} in {error:?}"))
        .to_string()
}

async fn wrong_and_missing_credentials(app: TestApp) {
    let wrong = app
        .call(
            "sign_in",
            &[("login", SAM), ("password", "not-the-password")],
            None,
        )
        .await;
    assert_eq!(wrong.status, 422);
    let error = wrong.error();
    assert_eq!(
        field_message(&error, "password"),
        "The email, username or password is not right"
    );
    assert_eq!(
        error.field_errors().and_then(|f| f.value("login")),
        Some(SAM),
        "the login is kept for the form"
    );
    assert!(wrong.session_cookie().is_none());

    let unknown = app
        .call(
            "sign_in",
            &[
                ("login", "nobody@brookford.example"),
                ("password", "whatever"),
            ],
            None,
        )
        .await;
    assert_eq!(
        field_message(&unknown.error(), "password"),
        "The email, username or password is not right",
        "no hint which logins exist"
    );

    let empty = app
        .call("sign_in", &[("login", " "), ("password", "")], None)
        .await;
    assert_eq!(empty.status, 422);
    assert_eq!(
        field_message(&empty.error(), "login"),
        "Enter your email or username"
    );
    assert_eq!(
        field_message(&empty.error(), "password"),
        "Enter your password"
    );

    let long_password = "x".repeat(10_000);
    let oversized = app
        .call(
            "sign_in",
            &[("login", SAM), ("password", &long_password)],
            None,
        )
        .await;
    assert_eq!(
        field_message(&oversized.error(), "password"),
        "Your password must be 256 characters or fewer"
    );
    let long_login = "a".repeat(100_000);
    let oversized = app
        .call(
            "sign_in",
            &[("login", &long_login), ("password", "x")],
            None,
        )
        .await;
    assert_eq!(
        field_message(&oversized.error(), "login"),
        "Your email or username must be 254 characters or fewer"
    );

    let missing = app.call("sign_in", &[("login", SAM)], None).await;
    assert_eq!(
        missing.status, 400,
        "a missing field is refused: {}",
        missing.body
    );
    assert_eq!(missing.error(), AppError::BadRequest);
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 0);
}
on_both_backends!(
    wrong_and_missing_credentials,
    super::wrong_and_missing_credentials
);

/// After three failures each attempt is slower; after ten, even the right password is refused.
async fn repeated_failures_slow_down_then_refuse(app: TestApp) {
    let started = std::time::Instant::now();
    for _ in 0..10 {
        let reply = app
            .call("sign_in", &[("login", SAM), ("password", "guess")], None)
            .await;
        assert_eq!(reply.status, 422);
    }
    // Attempts 4 to 10 wait 1, 2, 3, 4, 5, 5, 5 steps of 40 ms.
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(25 * 40),
        "sign-in was not slowed: {:?}",
        started.elapsed()
    );
    let refused = app
        .call(
            "sign_in",
            &[("login", SAM), ("password", support::PASSWORD)],
            None,
        )
        .await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.error(), AppError::TooManyAttempts);
    assert!(refused.session_cookie().is_none());
    // Another account is not affected.
    app.sign_in("priya.nair@brookford.example").await;
}
on_both_backends!(
    repeated_failures_slow_down_then_refuse,
    super::repeated_failures_slow_down_then_refuse
);

async fn malformed_and_unknown_ids(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    for id in [
        "not-a-uuid",
        "../../etc/passwd",
        "",
        "00000000-0000-0000-0000-000000000000",
        "'; DROP TABLE families; --",
    ] {
        let reply = app.call("family", &[("id", id)], Some(&sam)).await;
        assert_eq!(reply.status, 404, "family id {id:?}: {}", reply.body);
        assert_eq!(reply.error(), AppError::NotFound);
        let reply = app
            .call(
                "create_invitation",
                &[
                    ("member", id),
                    ("invitation", &uuid::Uuid::new_v4().to_string()),
                ],
                Some(&sam),
            )
            .await;
        assert_eq!(reply.status, 404, "member id {id:?}");
    }
    let page = app.get("/families/not-a-uuid", Some(&sam)).await;
    assert_eq!(page.status, 404);
    assert!(page.body.contains("Page not found"));
    // The demo's seven, and its three closed long ago: no family was added.
    assert_eq!(app.count("SELECT COUNT(*) FROM families").await, 10);
}
on_both_backends!(malformed_and_unknown_ids, super::malformed_and_unknown_ids);

async fn reasons_must_say_something(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let south = app.family_id("Fairweather").await;
    let too_long = "x".repeat(5000);
    for (reason, message) in [
        ("", "Say why you need to open this family"),
        (
            "because",
            "Give a reason of at least 10 characters, so a manager reviewing it can understand",
        ),
        (
            too_long.as_str(),
            "The reason must be 1000 characters or fewer (it has 5000)",
        ),
    ] {
        let reply = app
            .call(
                "open_family",
                &[("id", &south), ("reason", reason)],
                Some(&sam),
            )
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        assert_eq!(field_message(&reply.error(), "reason"), message);
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM break_glass").await,
        1,
        "nothing was opened but the demo's own opening"
    );
    assert_eq!(
        app.call("family", &[("id", &south)], Some(&sam))
            .await
            .status,
        403
    );
}
on_both_backends!(
    reasons_must_say_something,
    super::reasons_must_say_something
);

async fn invitation_codes(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let darren = app.member_id("Darren").await;
    let make = |id: String| {
        let (darren, sam) = (darren.clone(), sam.clone());
        let app = &app;
        async move {
            let reply = app
                .call(
                    "create_invitation",
                    &[("member", &darren), ("invitation", &id)],
                    Some(&sam),
                )
                .await;
            assert_eq!(reply.status, 200, "{}", reply.body);
            let view: app::page_data::family::InvitationView = app
                .call(
                    "invitation",
                    &[("id", &id), ("shown", &reply.shown())],
                    Some(&sam),
                )
                .await
                .json();
            view.code.expect("a fresh code is shown")
        }
    };
    let claim = |code: String, login: &'static str| {
        let app = &app;
        async move {
            app.call(
                "claim_invitation",
                &[
                    ("code", &code),
                    ("login", login),
                    ("passphrase", "tea garden robin"),
                    ("confirm", "tea garden robin"),
                ],
                None,
            )
            .await
        }
    };

    let unknown = claim("ZZZZ-ZZZZ-ZZZZ".into(), "darren.a").await;
    assert_eq!(
        field_message(&unknown.error(), "code"),
        "We do not recognise this code. Check it and try again"
    );
    let malformed = claim("12345".into(), "darren.a").await;
    assert_eq!(
        field_message(&malformed.error(), "code"),
        "An invitation code has 12 letters and numbers, like 7KQM-3XPD-9TWA"
    );

    let replaced = make(uuid::Uuid::new_v4().to_string()).await;
    let id = uuid::Uuid::new_v4().to_string();
    let current = make(id.clone()).await;
    let old = claim(replaced, "darren.a").await;
    assert_eq!(
        field_message(&old.error(), "code"),
        "This code was replaced by a newer one. Ask your worker for the new code"
    );

    // Sending the same form again (a retry) makes no second code and changes nothing.
    let again = app
        .call(
            "create_invitation",
            &[("member", &darren), ("invitation", &id)],
            Some(&sam),
        )
        .await;
    assert_eq!(again.status, 200);
    assert_eq!(app.count("SELECT COUNT(*) FROM invitations").await, 2);

    let taken = claim(current.clone(), "kelly.ashworth").await;
    assert_eq!(
        field_message(&taken.error(), "login"),
        "This username is taken. Choose another one"
    );
    let weak = app
        .call(
            "claim_invitation",
            &[
                ("code", &current),
                ("login", "darren.a"),
                ("passphrase", "short"),
                ("confirm", "short"),
            ],
            None,
        )
        .await;
    assert!(field_message(&weak.error(), "passphrase")
        .starts_with("Your passphrase must be at least 10 characters"));
    let mismatch = app
        .call(
            "claim_invitation",
            &[
                ("code", &current),
                ("login", "darren.a"),
                ("passphrase", "tea garden robin"),
                ("confirm", "tea garden"),
            ],
            None,
        )
        .await;
    assert_eq!(
        field_message(&mismatch.error(), "confirm"),
        "The two passphrases are not the same"
    );

    let joined = claim(current.clone(), "darren.a").await;
    assert_eq!(joined.status, 200, "{}", joined.body);
    assert_eq!(joined.header("location"), Some("/me"));
    let cookie = joined.session_cookie().expect("signed in at once");
    let page: app::page_data::own_page::OwnPage =
        app.call("own_page", &[], Some(&cookie)).await.json();
    assert_eq!(page.given_name, "Darren");

    let reused = claim(current, "darren.b").await;
    assert_eq!(
        field_message(&reused.error(), "code"),
        "This code has already been used. Ask your worker for a new one"
    );

    // A code past its week.
    let nadia = app.member_id("Nadia").await;
    let id = uuid::Uuid::new_v4().to_string();
    let made = app
        .call(
            "create_invitation",
            &[("member", &nadia), ("invitation", &id)],
            Some(&sam),
        )
        .await;
    assert_eq!(made.status, 200);
    let code = app
        .call(
            "invitation",
            &[("id", &id), ("shown", &made.shown())],
            Some(&sam),
        )
        .await
        .json::<app::page_data::family::InvitationView>()
        .code
        .expect("code");
    sqlx::query("UPDATE invitations SET expires_at = 0 WHERE id = $1")
        .bind(&id)
        .execute(app.db.pool())
        .await
        .expect("expire");
    let expired = claim(code, "nadia.b").await;
    assert_eq!(
        field_message(&expired.error(), "code"),
        "This code is too old. Ask your worker for a new one"
    );

    // Someone who already has an account cannot be invited again.
    let again = app
        .call(
            "create_invitation",
            &[
                ("member", &darren),
                ("invitation", &uuid::Uuid::new_v4().to_string()),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(again.status, 409);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM accounts WHERE member_id IS NOT NULL")
            .await,
        9,
        "eight demo parents and Darren"
    );
}
on_both_backends!(invitation_codes, super::invitation_codes);

async fn cross_site_posts_are_refused(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let before = app.audit_entries().await;
    let darren = app.member_id("Darren").await;
    let id = uuid::Uuid::new_v4().to_string();
    let forged = http::post(
        &app.router,
        "/api/create_invitation",
        &[("member", &darren), ("invitation", &id)],
        Some(&sam),
        Caller::CrossSite,
    )
    .await;
    assert_eq!(forged.status, 403);
    let forged = http::post(
        &app.router,
        "/api/sign_out_everywhere",
        &[],
        Some(&sam),
        Caller::CrossSite,
    )
    .await;
    assert_eq!(forged.status, 403);

    // No Origin and no Fetch Metadata: not from a browser page.
    let bare = axum::http::Request::post("/api/sign_in")
        .header("host", http::HOST)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(http::encode(&[
            ("login", SAM),
            ("password", support::PASSWORD),
        ])))
        .expect("request");
    assert_eq!(http::send(&app.router, bare).await.status, 403);

    assert_eq!(app.count("SELECT COUNT(*) FROM invitations").await, 0);
    assert_eq!(
        app.audit_entries().await,
        before,
        "refused before anything was read or written"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM sessions").await,
        1,
        "Sam is still signed in"
    );
}
on_both_backends!(
    cross_site_posts_are_refused,
    super::cross_site_posts_are_refused
);

/// Without JavaScript a form posts and the answer comes back as a redirect to its page. When
/// something was wrong, the error and what was typed are kept on the server: the address names
/// only a random id, so nothing typed lands in the browser's history or a proxy's log.
async fn plain_forms_redirect(app: TestApp) {
    let wrong = http::post(
        &app.router,
        "/api/sign_in",
        &[("login", SAM), ("password", "nope")],
        None,
        Caller::PlainForm,
    )
    .await;
    assert_eq!(wrong.status, 302);
    let location = wrong.header("location").expect("a redirect");
    assert!(
        location.starts_with("http://hearth.test/login?") && location.contains("__refusal="),
        "{location}"
    );
    assert!(
        !location.contains("__err") && !location.contains("whitfield"),
        "nothing typed in the address: {location}"
    );
    let path = location.trim_start_matches("http://hearth.test");
    let page = app.get(path, None).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("The email, username or password is not right"),
        "the error shows on the page"
    );
    assert!(
        page.body.contains(&format!("value=\"{SAM}\"")),
        "the login is filled in again"
    );
    // Read once: the same address later shows a fresh form.
    let again = app.get(path, None).await;
    assert!(!again.body.contains(&format!("value=\"{SAM}\"")));

    let right = http::post(
        &app.router,
        "/api/sign_in",
        &[("login", SAM), ("password", support::PASSWORD)],
        None,
        Caller::PlainForm,
    )
    .await;
    assert_eq!(right.status, 302);
    assert_eq!(right.header("location"), Some("/families"));
    let sam = right.session_cookie().expect("signed in");

    // A worker's words in a refused form: kept for their session only.
    let family = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    let words = "Kelly-said-this-in-confidence ".repeat(40);
    let long_reason = "x".repeat(5000);
    let refused = http::post_plain_from(
        &app.router,
        "/api/save_goal",
        &[
            ("family", &family),
            ("goal", &support::new_id()),
            ("version", ""),
            ("owner", &kelly),
            ("area", "parenting"),
            ("family_words", &words),
            ("professional_words", "A routine"),
            ("target_date", "not a date"),
            ("status", "not_started"),
            ("reason", &long_reason),
        ],
        &sam,
        &format!("/families/{family}/goals/new"),
    )
    .await;
    assert_eq!(refused.status, 302, "{}", refused.body);
    let location = refused.header("location").expect("a redirect").to_string();
    assert!(
        location.contains("__refusal=") && !location.contains("confidence"),
        "{location}"
    );
    let path = location.trim_start_matches("http://hearth.test");
    let priya = app.sign_in("priya.nair@brookford.example").await;
    let other = app.get(path, Some(&priya)).await;
    assert!(
        !other.body.contains("Kelly-said-this-in-confidence"),
        "another session never sees it"
    );
    let back = app.get(path, Some(&sam)).await;
    assert!(
        back.body.contains("Kelly-said-this-in-confidence"),
        "the one who typed it gets it back"
    );
}
on_both_backends!(plain_forms_redirect, super::plain_forms_redirect);
