//! Pages as a browser without JavaScript gets them: the right page, the right status, and the
//! headers that protect it.

mod support;

use support::logins::SAM;
use support::TestApp;

async fn who_sees_which_page(app: TestApp) {
    let ashworth = app.family_id("Ashworth").await;
    let fairweather = app.family_id("Fairweather").await;

    let login = app.get("/login", None).await;
    assert_eq!(login.status, 200);
    assert!(login.body.contains("Sign in to Hearth"));
    let redirect = app.get("/families", None).await;
    assert_eq!(redirect.status, 302, "signed out: to the sign-in page");
    assert_eq!(redirect.header("location"), Some("/login"));

    let sam = app.sign_in(SAM).await;
    let home = app.get("/", Some(&sam)).await;
    assert_eq!(
        (home.status, home.header("location")),
        (302, Some("/families"))
    );
    let families = app.get("/families", Some(&sam)).await;
    assert_eq!(families.status, 200);
    assert!(families.body.contains("My families") && families.body.contains("The Ashworth family"));
    assert!(
        families.body.contains("Other families in your team")
            && families.body.contains("The Dunmore family")
    );
    assert!(
        !families.body.contains("Fairweather"),
        "another team's family is not listed"
    );

    let family = app.get(&format!("/families/{ashworth}"), Some(&sam)).await;
    assert_eq!(family.status, 200);
    for text in [
        "The Ashworth family",
        "Who is in the family",
        "Cohort check",
        "Meets the cohort criteria",
        "Create an invitation code for Darren Ashworth",
    ] {
        assert!(family.body.contains(text), "family page lacks {text:?}");
    }
    let other = app
        .get(&format!("/families/{fairweather}"), Some(&sam))
        .await;
    assert_eq!(other.status, 403);
    assert!(
        other.body.contains("This family is not in your team")
            && other.body.contains("Why do you need to open this family?")
    );
    assert!(
        !other.body.contains("Poppy"),
        "nothing of the family shows before a reason is given"
    );
    assert_eq!(app.get("/audit", Some(&sam)).await.status, 403);
    assert_eq!(app.get("/accounts", Some(&sam)).await.status, 403);
    assert_eq!(app.get("/no/such/page", Some(&sam)).await.status, 404);

    let kelly = app.sign_in("kelly.ashworth").await;
    let me = app.get("/me", Some(&kelly)).await;
    assert_eq!(me.status, 200);
    assert!(me.body.contains("Hello, Kelly") && me.body.contains("Your social worker is"));
    assert!(
        me.body.contains("Child protection plan. This means"),
        "the legal status is explained in plain words"
    );
    assert!(
        !me.body.contains("Darren"),
        "the other parent's details are not on her page"
    );
    let staff_page = app
        .get(&format!("/families/{ashworth}"), Some(&kelly))
        .await;
    assert_eq!(staff_page.status, 403);
    assert!(
        staff_page.body.contains("You cannot see this page") && !staff_page.body.contains("Lily")
    );

    let maya = app.sign_in("maya.okafor@brookford.example").await;
    let manager = app.get("/families", Some(&maya)).await;
    assert!(manager.body.contains("Team families") && manager.body.contains("The Evans family"));
    let audit = app.get("/audit", Some(&maya)).await;
    assert_eq!(audit.status, 200);
    assert!(audit.body.contains("Audit trail") && audit.body.contains("Sam Whitfield"));

    let jordan = app.sign_in("jordan.lee@brookford.example").await;
    let accounts = app.get("/accounts", Some(&jordan)).await;
    assert_eq!(accounts.status, 200);
    assert!(
        accounts.body.contains("Ada Chen") && !accounts.body.contains("Kelly"),
        "staff listed, family members only counted"
    );
    assert_eq!(
        app.get(&format!("/families/{ashworth}"), Some(&jordan))
            .await
            .status,
        403
    );
}
on_both_backends!(who_sees_which_page, super::who_sees_which_page);

/// The nonce in a response's content security policy.
fn nonce_of(csp: &str) -> &str {
    csp.split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy")
}

async fn security_headers(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let page = app.get("/families", Some(&sam)).await;
    let csp = page.header("content-security-policy").expect("a policy");
    assert!(nonce_of(csp).len() >= 16);
    assert!(
        csp.contains("frame-ancestors 'none'")
            && csp.contains("object-src 'none'")
            && !csp.contains("unsafe-inline")
    );
    // Nothing on the caseload or the sign-in page reacts in the browser, so they send no
    // script at all; the invitation form checks itself, so its page brings the scripts that
    // wake it.
    let sign_in = app.get("/login", None).await;
    for body in [&page.body, &sign_in.body] {
        assert_eq!(body.matches("<script").count(), 0, "no island, no script");
    }
    let form = app.get("/join", None).await;
    let nonce = nonce_of(form.header("content-security-policy").expect("a policy"));
    let scripts = form.body.matches("<script").count();
    assert!(scripts > 0 && form.body.contains("<leptos-island"));
    assert!(
        form.body.contains("rel=\"modulepreload\"") && !form.body.contains("application/wasm"),
        "the module script stays and fetches the wasm itself: no wasm preload"
    );
    assert_eq!(
        form.body.matches(&format!("nonce=\"{nonce}\"")).count(),
        scripts,
        "every script carries this response's nonce"
    );
    assert_ne!(
        app.get("/families", Some(&sam))
            .await
            .header("content-security-policy"),
        Some(csp),
        "a new nonce per response"
    );
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "same-origin"),
        ("x-frame-options", "DENY"),
        ("cache-control", "no-store"),
    ] {
        assert_eq!(page.header(name), Some(value), "{name}");
    }
    assert_eq!(
        page.header("strict-transport-security"),
        None,
        "no HSTS over plain HTTP"
    );
    let compressed = support::http::send(
        &app.router,
        axum::http::Request::get("/families")
            .header("host", support::http::HOST)
            .header("cookie", &sam)
            .header("accept-encoding", "br")
            .body(axum::body::Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(
        compressed.header("content-encoding"),
        Some("br"),
        "pages are compressed for slow connections"
    );
    let api = app.call("whoami", &[], Some(&sam)).await;
    assert_eq!(api.header("cache-control"), Some("no-store"));
    assert!(api
        .header("content-security-policy")
        .is_some_and(|p| p.starts_with("default-src 'none'")));
}
on_both_backends!(security_headers, super::security_headers);
