//! Adults kept apart after domestic abuse: nothing written for one is shared with the other.

use super::*;

fn goal_form<'a>(
    family: &'a str,
    goal: &'a str,
    owner: &'a str,
    target: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("family", family),
        ("goal", goal),
        ("version", ""),
        ("owner", owner),
        ("area", "parenting"),
        ("family_words", "Read with the children every night"),
        ("professional_words", "Bedtime routine with shared reading"),
        ("target_date", target),
        ("status", "not_started"),
        ("visible_to[]", owner),
    ]
}

async fn kept_apart(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let family = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    let darren = app.member_id("Darren").await;
    let target = day(60);
    // Before: a goal of Kelly's may be shown to Darren too.
    let shared_goal = new_id();
    let mut form = goal_form(&family, &shared_goal, &kelly, &target);
    form.push(("visible_to[]", &darren));
    let before = app.call("save_goal", &form, Some(&sam)).await;
    assert_eq!(before.status, 200, "{}", before.body);

    let dana = app.sign_in(DANA).await;
    let pair = [
        ("family", family.as_str()),
        ("first", kelly.as_str()),
        ("second", darren.as_str()),
    ];
    let refused = app.call("keep_apart", &pair, Some(&dana)).await;
    assert_eq!(refused.status, 403, "an adult specialist does not mark it");
    let marked = app.call("keep_apart", &pair, Some(&sam)).await;
    assert_eq!(marked.status, 200, "{}", marked.body);
    let shown_to_darren = app
        .count(&format!(
            "SELECT COUNT(*) FROM shared_with WHERE record_id = '{shared_goal}' AND member_id = '{darren}'"
        ))
        .await;
    assert_eq!(shown_to_darren, 0, "marking withdraws what was shared");

    // From now on the server refuses it, whatever the form sends: an edit sharing it again...
    form[2] = ("version", "1");
    let again = app.call("save_goal", &form, Some(&sam)).await;
    assert_eq!(again.status, 422, "{}", again.body);
    assert!(again.body.contains("are kept apart"), "{}", again.body);
    // ...or a new goal for one shown to both.
    let new_goal = new_id();
    let mut to_both = goal_form(&family, &new_goal, &kelly, &target);
    to_both.push(("visible_to[]", &darren));
    let refused_new = app.call("save_goal", &to_both, Some(&sam)).await;
    assert_eq!(refused_new.status, 422);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM goals WHERE id = '{new_goal}'"
        ))
        .await,
        0,
        "nothing is saved"
    );
    let only_kelly = app
        .call(
            "save_goal",
            &goal_form(&family, &new_goal, &kelly, &target),
            Some(&sam),
        )
        .await;
    assert_eq!(only_kelly.status, 200, "{}", only_kelly.body);
    let safety = app
        .call(
            "save_safety",
            &[
                ("family", family.as_str()),
                ("safety", new_id().as_str()),
                ("version", ""),
                ("danger", "Arguments at home frighten the children"),
                ("safety_goal", "The children are safe and calm at home"),
                ("visible_to[]", kelly.as_str()),
                ("visible_to[]", darren.as_str()),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(safety.status, 422, "never shown to both: {}", safety.body);

    let detail: FamilyDetail = app
        .call("family", &[("id", &family)], Some(&sam))
        .await
        .json();
    assert_eq!(detail.kept_apart.len(), 1);
    let ended = app.call("end_keep_apart", &pair, Some(&sam)).await;
    assert_eq!(ended.status, 200, "{}", ended.body);
    let after = new_id();
    let mut both_again = goal_form(&family, &after, &kelly, &target);
    both_again.push(("visible_to[]", &darren));
    let shared_again = app.call("save_goal", &both_again, Some(&sam)).await;
    assert_eq!(shared_again.status, 200, "{}", shared_again.body);
}
on_both_backends!(
    adults_kept_apart_see_nothing_of_each_other,
    super::kept_apart
);
