//! The one save path for versioned records (services/versioned.rs), from outside: a new record's
//! id that already names another family's record is refused and changes nothing, and the same
//! form sent again adds the record once.

mod support;

use support::logins::SAM;
use support::TestApp;
use support::{day, new_id};

fn new_goal<'a>(
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
        ("family_words", "Bedtime by eight on school nights"),
        ("professional_words", "A consistent bedtime routine"),
        ("target_date", target),
        ("status", "not_started"),
        ("visible_to[]", owner),
    ]
}

async fn a_new_id_that_names_another_familys_record_is_refused(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    // Two families of Sam's own, so the policy allows both saves and only the id is wrong.
    let first = app.small_family("Lindqvist", &[SAM]).await;
    let other = app.small_family("Okonjo", &[SAM]).await;
    let target = day(60);
    let goal = new_id();

    for _ in 0..2 {
        let saved = app
            .call(
                "save_goal",
                &new_goal(&first.id, &goal, &first.parent, &target),
                Some(&sam),
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
    }
    let goal_rows = format!("SELECT COUNT(*) FROM goals WHERE id = '{goal}'");
    assert_eq!(app.count(&goal_rows).await, 1, "sent twice, added once");

    let history_before = app
        .count(&format!(
            "SELECT COUNT(*) FROM plan_changes WHERE subject_id = '{goal}'"
        ))
        .await;
    let refused = app
        .call(
            "save_goal",
            &new_goal(&other.id, &goal, &other.parent, &target),
            Some(&sam),
        )
        .await;
    assert_eq!(refused.status, 404, "{}", refused.body);
    assert_eq!(app.count(&goal_rows).await, 1);
    assert_eq!(
        app.one_text("SELECT family_id FROM goals WHERE id = $1", &goal)
            .await,
        first.id,
        "the goal stays with its family"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM plan_changes WHERE subject_id = '{goal}'"
        ))
        .await,
        history_before,
        "nothing is written to its history"
    );
}

on_both_backends!(
    ids_of_other_families,
    super::a_new_id_that_names_another_familys_record_is_refused
);
