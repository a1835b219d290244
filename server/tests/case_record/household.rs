//! A family opened for a referral once, however often the form is sent, and its household
//! added to and corrected with a reason.

use super::*;

fn member_form<'a>(
    family: &'a str,
    member: &'a str,
    kind: &'a str,
    given: &'a str,
    relationship: &'a str,
    born: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("family", family),
        ("member", member),
        ("version", "0"),
        ("kind", kind),
        ("given_name", given),
        ("family_name", "Okonjo"),
        ("relationship", relationship),
        ("date_of_birth", born),
    ]
}

async fn open_a_family_for_a_referral(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let sam_id = account(&app, SAM).await;
    let family = new_id();
    let open = |social_worker: String| {
        let family = family.clone();
        let cookie = sam.clone();
        let app = &app;
        async move {
            app.call(
                "open_referral",
                &[
                    ("id", &family),
                    ("name", "Okonjo"),
                    ("social_worker", &social_worker),
                ],
                Some(&cookie),
            )
            .await
        }
    };
    // An adult specialist cannot be the case holder.
    let dana = account(&app, DANA).await;
    let refused = open(dana).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused
        .body
        .contains("social worker who will hold the case"));
    let first = open(sam_id.clone()).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let again = open(sam_id.clone()).await;
    assert_eq!(again.status, 200, "a retried form: {}", again.body);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM families WHERE id = '{family}'"
        ))
        .await,
        1,
        "opened once"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM allocation_periods WHERE family_id = '{family}' AND role = 'social_worker' AND worker_id = '{sam_id}'"
        ))
        .await,
        1
    );
    // A practitioner who is not a social worker opens no family.
    let dana_cookie = app.sign_in(DANA).await;
    let not_theirs = app
        .call(
            "open_referral",
            &[
                ("id", &new_id()),
                ("name", "Other"),
                ("social_worker", &sam_id),
            ],
            Some(&dana_cookie),
        )
        .await;
    assert_eq!(not_theirs.status, 403);

    // The household, one at a time; a person ID is unique in the council.
    let mother = new_id();
    let added = app
        .call(
            "add_member",
            &[
                member_form(&family, &mother, "adult", "Grace", "Mother", "1995-04-02"),
                vec![("person_ref", "P-77001")],
            ]
            .concat(),
            Some(&sam),
        )
        .await;
    assert_eq!(added.status, 200, "{}", added.body);
    let kelly = app.member_id("Kelly").await;
    sqlx::query("UPDATE members SET person_ref = 'P-10001' WHERE id = $1")
        .bind(&kelly)
        .execute(app.db.pool())
        .await
        .expect("Kelly's person ID");
    let clash = app
        .call(
            "add_member",
            &[
                member_form(&family, &new_id(), "adult", "Tobi", "Father", "1992-01-20"),
                vec![("person_ref", "P-10001")],
            ]
            .concat(),
            Some(&sam),
        )
        .await;
    assert_eq!(clash.status, 422, "{}", clash.body);
    assert!(
        clash.body.contains("already someone else's"),
        "{}",
        clash.body
    );
    assert!(
        !clash.body.contains("Kelly"),
        "the refusal does not say whose it is"
    );
    let baby = new_id();
    let due = day(60);
    let unborn = app
        .call(
            "add_member",
            &[
                ("family", family.as_str()),
                ("member", baby.as_str()),
                ("version", "0"),
                ("kind", "unborn"),
                ("given_name", "Baby"),
                ("family_name", "Okonjo"),
                ("relationship", "Baby"),
                ("expected_on", due.as_str()),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(unborn.status, 200, "{}", unborn.body);

    // A correction needs its reason, and keeps both versions in words.
    let mut correction = member_form(&family, &mother, "adult", "Grace", "Mother", "1995-04-03");
    correction[2] = ("version", "1");
    let no_reason = app.call("correct_member", &correction, Some(&sam)).await;
    assert_eq!(no_reason.status, 422);
    correction.push(("person_ref", "P-77001"));
    correction.push(("reason", "Date of birth checked against her passport"));
    let corrected = app.call("correct_member", &correction, Some(&sam)).await;
    assert_eq!(corrected.status, 200, "{}", corrected.body);
    let stale = app.call("correct_member", &correction, Some(&sam)).await;
    assert_eq!(
        stale.status, 409,
        "a second save from version 1 is a conflict"
    );
    let page = record(&app, &sam, &family, &mother).await;
    assert_eq!(page.version, 2);
    let change = &page.history[0];
    assert_eq!(change.reason, "Date of birth checked against her passport");
    assert!(change
        .changes
        .iter()
        .any(|c| c.before == "2 April 1995" && c.after == "3 April 1995"));
    // The trail says which fields changed, never the values.
    let detail = app
        .one_text(
            "SELECT detail FROM audit_log WHERE action = 'correct_member' AND record_id = $1",
            &mother,
        )
        .await;
    assert_eq!(detail, "changed: Date of birth");

    // A member of another family is not found through this one.
    let ashworth = app.family_id("Ashworth").await;
    let elsewhere = app
        .call(
            "member_record",
            &[("family", &ashworth), ("member", &mother)],
            Some(&sam),
        )
        .await;
    assert_eq!(elsewhere.status, 404);

    // The caseload lists the new family.
    let caseload = app.call("caseload", &[], Some(&sam)).await;
    assert!(caseload.body.contains("Okonjo"));
    let _ = baby;
}
on_both_backends!(
    a_family_is_opened_once_and_its_household_kept,
    super::open_a_family_for_a_referral
);
