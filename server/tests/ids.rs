//! Ids that cannot be confused. A page makes the id of each record it adds, so every server
//! function that adds one is sent: an id that names another team's record of another kind, an
//! id of another kind in the same family, and then a fresh id twice. (A record of the same kind
//! but another family's is in `versioned.rs` for goals and below for check-ins.) The first two are refused as
//! not found, change nothing and are recorded as flagged refusals; the fresh id adds one record.

mod support;

use app::page_data::change_work::OwnChangeWork;
use support::logins::SAM;
use support::TestApp;
use support::{day, new_id};

/// Who adds the record, and the table it lands in.
struct Adder {
    function: &'static str,
    parent: bool,
    table: &'static str,
    /// The form with `ID` where the new record's id goes.
    form: Vec<(&'static str, String)>,
}

const ID: &str = "<new id>";

fn with_id(form: &[(&'static str, String)], id: &str) -> Vec<(&'static str, String)> {
    form.iter()
        .map(|(k, v)| (*k, if v == ID { id.to_string() } else { v.clone() }))
        .collect()
}

async fn every_new_record_refuses_an_id_in_use(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let kelly_login = app.sign_in("kelly.ashworth").await;
    let ashworth = app.family_id("Ashworth").await;
    let fairweather = app.family_id("Fairweather").await;
    let kelly = app.member_id("Kelly").await;
    let lily = app.member_id("Lily").await;
    let darren = app.member_id("Darren").await;
    let goal = app.first_goal_of(&kelly).await;
    let words = app
        .one_text(
            "SELECT id FROM family_words WHERE family_id = $1 AND reply_to IS NULL LIMIT 1",
            &ashworth,
        )
        .await;
    // Another team's record of another kind, and one of another kind in Ashworth's own plan.
    let elsewhere = app
        .one_text(
            "SELECT id FROM safety_statements WHERE family_id = $1 LIMIT 1",
            &fairweather,
        )
        .await;
    // No server function here adds a member, so a member's id is of another kind for all.
    let own_other_kind = lily.clone();
    let own: OwnChangeWork = app
        .call("own_change_work", &[("goal", &goal)], Some(&kelly_login))
        .await
        .json();
    let plan_version = own.mine.plan.version().to_string();

    let s = |v: &str| v.to_string();
    let staff = |function, table, form: Vec<(&'static str, String)>| Adder {
        function,
        parent: false,
        table,
        form,
    };
    let parent = |function, table, form: Vec<(&'static str, String)>| Adder {
        function,
        parent: true,
        table,
        form,
    };
    let adders = [
        staff(
            "save_goal",
            "goals",
            vec![
                ("family", s(&ashworth)),
                ("goal", s(ID)),
                ("version", s("")),
                ("owner", s(&kelly)),
                ("area", s("parenting")),
                ("family_words", s("Bedtime by eight")),
                ("professional_words", s("A bedtime routine")),
                ("target_date", day(60)),
                ("status", s("not_started")),
                ("visible_to[]", s(&kelly)),
            ],
        ),
        staff(
            "save_step",
            "steps",
            vec![
                ("family", s(&ashworth)),
                ("goal", s(&goal)),
                ("step", s(ID)),
                ("version", s("")),
                ("who", s("role:social_worker")),
                ("what", s("Ring the school")),
                ("due_on", day(10)),
            ],
        ),
        staff(
            "save_safety",
            "safety_statements",
            vec![
                ("family", s(&ashworth)),
                ("safety", s(ID)),
                ("version", s("")),
                (
                    "danger",
                    s("We are worried that Lily is shouted at when Darren drinks."),
                ),
                (
                    "safety_goal",
                    s("Lily is safe and calm at home every evening."),
                ),
                ("visible_to[]", s(&kelly)),
            ],
        ),
        staff(
            "save_entry",
            "workbook_entries",
            vec![
                ("family", s(&ashworth)),
                ("entry", s(ID)),
                ("version", s("")),
                ("kind", s("visit")),
                ("occurred_on", day(0)),
                ("summary", s("Seen at home; all well.")),
            ],
        ),
        staff(
            "add_check_in",
            "check_ins",
            vec![
                ("family", s(&ashworth)),
                ("goal", s(&goal)),
                ("check_in", s(ID)),
                ("scale", s("worker")),
                ("score", s("6")),
                ("given_on", day(0)),
            ],
        ),
        staff(
            "record_houses",
            "three_houses",
            vec![
                ("family", s(&ashworth)),
                ("houses", s(ID)),
                ("child", s(&lily)),
                ("recorded_on", day(0)),
                ("good_things", s("My bike")),
            ],
        ),
        staff(
            "reply_to_family",
            "family_words",
            vec![
                ("reply", s(ID)),
                ("reply_to", s(&words)),
                ("body", s("Thank you for telling me.")),
            ],
        ),
        staff(
            "record_stage",
            "goal_stages",
            vec![
                ("family", s(&ashworth)),
                ("goal", s(&goal)),
                ("stage_note", s(ID)),
                ("stage", s("contemplation")),
                ("noted_on", day(0)),
            ],
        ),
        staff(
            "record_change_talk",
            "change_talk",
            vec![
                ("family", s(&ashworth)),
                ("goal", s(&goal)),
                ("tally", s(ID)),
                ("heard_on", day(0)),
                ("talk_desire", s("2")),
            ],
        ),
        staff(
            "note_on_change_plan",
            "change_plan_words",
            vec![
                ("family", s(&ashworth)),
                ("goal", s(&goal)),
                ("member", s(&kelly)),
                ("note", s(ID)),
                ("part", s("then")),
                ("body", s("Ring me if the group is cancelled.")),
            ],
        ),
        staff(
            "add_balance_item",
            "balance_items",
            vec![
                ("family", s(&ashworth)),
                ("goal", s(&goal)),
                ("member", s(&kelly)),
                ("item", s(ID)),
                ("quadrant", s("stay_good")),
                ("body", s("Wine helps me sleep")),
            ],
        ),
        staff(
            "record_supervision",
            "supervisions",
            vec![
                ("family", s(&ashworth)),
                ("supervision", s(ID)),
                ("held_on", day(0)),
                ("attendees[]", s("social_worker")),
                ("risk", s("5")),
                ("progress", s("5")),
                ("decisions", s("Carry on with the plan")),
            ],
        ),
        staff(
            "add_prompt",
            "mi_prompts",
            vec![
                ("prompt", s(ID)),
                ("technique", s("affirmation")),
                ("text", s("You made it to every appointment this month.")),
                (
                    "why",
                    s("Names a concrete effort, which builds confidence."),
                ),
            ],
        ),
        staff(
            "create_invitation",
            "invitations",
            vec![("member", s(&darren)), ("invitation", s(ID))],
        ),
        parent(
            "rate_goal",
            "check_ins",
            vec![("goal", s(&goal)), ("check_in", s(ID)), ("score", s("7"))],
        ),
        parent(
            "tell_worker",
            "family_words",
            vec![
                ("words", s(ID)),
                ("body", s("I start the course on Monday.")),
            ],
        ),
        parent(
            "save_change_plan",
            "change_plan_words",
            vec![
                ("goal", s(&goal)),
                ("save", s(ID)),
                ("version", plan_version),
                ("steps", s("Go to the Tuesday group.")),
            ],
        ),
        parent(
            "give_ruler",
            "check_ins",
            vec![
                ("goal", s(&goal)),
                ("check_in", s(ID)),
                ("scale", s("importance")),
                ("score", s("8")),
            ],
        ),
        parent(
            "add_own_balance_item",
            "balance_items",
            vec![
                ("goal", s(&goal)),
                ("item", s(ID)),
                ("quadrant", s("change_good")),
                ("body", s("More energy for the children")),
            ],
        ),
    ];

    let mut refusals = 0;
    for adder in &adders {
        let cookie = if adder.parent { &kelly_login } else { &sam };
        let rows = format!("SELECT COUNT(*) FROM {}", adder.table);
        let before = app.count(&rows).await;
        for taken in [&elsewhere, &own_other_kind] {
            let form = with_id(&adder.form, taken);
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let reply = app.call(adder.function, &form, Some(cookie)).await;
            assert_eq!(
                reply.status, 404,
                "{} with an id in use: {}",
                adder.function, reply.body
            );
            assert_eq!(
                app.count(&rows).await,
                before,
                "{} added nothing",
                adder.function
            );
            refusals += 1;
        }
        let fresh = new_id();
        let form = with_id(&adder.form, &fresh);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        for _ in 0..2 {
            let reply = app.call(adder.function, &form, Some(cookie)).await;
            assert_eq!(
                reply.status, 200,
                "{} with a fresh id: {}",
                adder.function, reply.body
            );
        }
        assert!(
            app.count(&rows).await > before,
            "{} added its record",
            adder.function
        );
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) FROM record_ids WHERE id = '{fresh}'"
            ))
            .await,
            1,
            "{} claimed its id once",
            adder.function
        );
    }
    // The same kind, but another team's family: a check-in of Fairweather's.
    let theirs = app
        .one_text(
            "SELECT c.id FROM check_ins c JOIN goals g ON g.id = c.goal_id WHERE g.family_id = $1 LIMIT 1",
            &fairweather,
        )
        .await;
    let today = day(0);
    let reply = app
        .call(
            "add_check_in",
            &[
                ("family", &ashworth),
                ("goal", &goal),
                ("check_in", &theirs),
                ("scale", "worker"),
                ("score", "6"),
                ("given_on", &today),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(reply.status, 404, "{}", reply.body);
    refusals += 1;
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND flagged = 1 \
             AND detail = 'its id is already in use'"
        )
        .await,
        refusals
    );
}

on_both_backends!(new_records, super::every_new_record_refuses_an_id_in_use);

/// The case from the review: a step whose id is another team's danger statement would have
/// replaced that statement's sharing and hidden it from the parent it was shared with.
async fn a_step_cannot_take_a_danger_statements_id(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let ashworth = app.family_id("Ashworth").await;
    let fairweather = app.family_id("Fairweather").await;
    let kelly = app.member_id("Kelly").await;
    let goal = app.first_goal_of(&kelly).await;
    let statement = app
        .one_text(
            "SELECT record_id FROM shared_with WHERE record_id IN \
             (SELECT id FROM safety_statements WHERE family_id = $1) LIMIT 1",
            &fairweather,
        )
        .await;
    let shared = format!("SELECT COUNT(*) FROM shared_with WHERE record_id = '{statement}'");
    let shared_before = app.count(&shared).await;
    assert!(shared_before > 0);
    let due = day(7);
    let reply = app
        .call(
            "save_step",
            &[
                ("family", &ashworth),
                ("goal", &goal),
                ("step", &statement),
                ("version", ""),
                ("who", "role:social_worker"),
                ("what", "Ring the school"),
                ("due_on", &due),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(reply.status, 404, "{}", reply.body);
    assert_eq!(app.count(&shared).await, shared_before, "still shared");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM steps WHERE id = '{statement}'"
        ))
        .await,
        0
    );
}

on_both_backends!(
    step_with_a_statements_id,
    super::a_step_cannot_take_a_danger_statements_id
);

/// The database holds the rule too: a row written past the services, with an id another table
/// already uses, is refused by the trigger.
async fn the_database_refuses_a_second_record_with_one_id(app: TestApp) {
    let kelly = app.member_id("Kelly").await;
    let goal = app.first_goal_of(&kelly).await;
    let account = app
        .one_text("SELECT id FROM accounts WHERE login = $1", SAM)
        .await;
    let refused = sqlx::query(
        "INSERT INTO check_ins (id, goal_id, scale, score, given_on, given_by, comment, created_at) \
         VALUES ($1, $1, 'worker', 5, '2026-11-30', $2, '', 0)",
    )
    .bind(&goal)
    .bind(&account)
    .execute(app.db.pool())
    .await;
    let error = refused.expect_err("a check-in with a goal's id is refused");
    assert!(
        error.to_string().to_lowercase().contains("unique")
            || error.to_string().contains("duplicate"),
        "{error}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM check_ins WHERE id = '{goal}'"
        ))
        .await,
        0
    );
}

on_both_backends!(
    database_backstop,
    super::the_database_refuses_a_second_record_with_one_id
);
