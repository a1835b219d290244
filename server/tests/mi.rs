//! Motivational Interviewing through the real server functions, on both backends: the prompt
//! library and a team's own prompts, prompts offered for a goal, stages of change, a parent's
//! rulers with their follow-ups, the change plan written by the parent with the worker's notes
//! beside it, the decisional balance and the change talk tally.

mod support;

use app::domain::mi::change_plan::PlanPart;
use app::domain::mi::change_talk::describe_trend;
use app::domain::mi::stage::Stage;
use app::error::AppError;
use app::page_data::change_work::{ChangeWork, Conversation, OwnChangeWork};
use app::page_data::plan::GoalPage;
use app::page_data::prompt_library::PromptLibrary;
use app::page_data::workbook::Supervisions;
use support::logins::{MAYA, SAM};
use support::new_id;
use support::TestApp;

fn today() -> String {
    chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

async fn the_library_and_a_teams_own_prompts(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let all: PromptLibrary = app.call("prompt_library", &[], Some(&sam)).await.json();
    assert!(all.total >= 150, "{} prompts", all.total);
    assert_eq!(all.found.len(), all.total);
    let filtered: PromptLibrary = app
        .call(
            "prompt_library",
            &[
                ("area", "drugs_alcohol"),
                ("stage", "relapse"),
                ("technique", "affirmation"),
            ],
            Some(&sam),
        )
        .await
        .json();
    assert!(!filtered.found.is_empty() && filtered.found.len() < all.total);
    assert!(filtered
        .found
        .iter()
        .all(|p| p.technique.code() == "affirmation"));

    // "Why not a 10?" is refused, named beside the field; a good prompt is added once.
    let id = new_id();
    let bad = [
        ("prompt", id.as_str()),
        ("technique", "ruler_follow_up"),
        ("text", "So why not a 10?"),
        ("why", "Pushes for the top score."),
    ];
    let refused = app.call("add_prompt", &bad, Some(&sam)).await;
    assert_eq!(refused.status, 422);
    let AppError::Invalid(errors) = refused.error() else {
        panic!("{}", refused.body)
    };
    assert!(errors
        .for_field("text")
        .is_some_and(|m| m.contains("lower")));
    assert_eq!(errors.value("text"), Some("So why not a 10?"));
    let good = [
        ("prompt", id.as_str()),
        ("technique", "affirmation"),
        ("areas[]", "parenting"),
        (
            "text",
            "You got both children to school on time every day this week.",
        ),
        ("why", "Names a concrete success, which builds confidence."),
    ];
    for _ in 0..2 {
        let added = app.call("add_prompt", &good, Some(&sam)).await;
        assert_eq!(added.status, 200, "{}", added.body);
    }
    let after: PromptLibrary = app
        .call(
            "prompt_library",
            &[("words", "school on time every day")],
            Some(&sam),
        )
        .await
        .json();
    assert_eq!(after.found.len(), 1);
    assert_eq!(after.total, all.total + 1);

    // Only the manager retires it; a parent cannot open the library at all.
    let retire = [("prompt", id.as_str())];
    assert_eq!(
        app.call("retire_prompt", &retire, Some(&sam)).await.status,
        403
    );
    let maya = app.sign_in(MAYA).await;
    assert_eq!(
        app.call("retire_prompt", &retire, Some(&maya)).await.status,
        200
    );
    let gone: PromptLibrary = app.call("prompt_library", &[], Some(&sam)).await.json();
    assert_eq!(gone.total, all.total);
    let kelly = app.sign_in("kelly.ashworth").await;
    assert_eq!(
        app.call("prompt_library", &[], Some(&kelly)).await.status,
        403
    );
}

on_both_backends!(library, super::the_library_and_a_teams_own_prompts);

async fn prompts_follow_the_goal_and_its_stage(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let ashworth = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    let goal = app.first_goal_of(&kelly).await;
    let page: GoalPage = app
        .call(
            "goal",
            &[("family", &ashworth), ("goal", &goal)],
            Some(&sam),
        )
        .await
        .json();
    assert_eq!(page.prompts.prompts.len(), 5);
    assert!(page.prompts.context.starts_with(page.goal.area.label()));

    // A new stage is recorded (twice: a retry) and the prompts follow it.
    let note = new_id();
    let form = [
        ("family", ashworth.as_str()),
        ("goal", goal.as_str()),
        ("stage_note", note.as_str()),
        ("stage", "relapse"),
        ("noted_on", &today()),
        (
            "note",
            "Drank at the weekend; ashamed, wants to start again.",
        ),
    ];
    for _ in 0..2 {
        assert_eq!(
            app.call("record_stage", &form, Some(&sam)).await.status,
            200
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM goal_stages WHERE note LIKE 'Drank at%'")
            .await,
        1
    );
    let page: GoalPage = app
        .call(
            "goal",
            &[("family", &ashworth), ("goal", &goal)],
            Some(&sam),
        )
        .await
        .json();
    assert_eq!(page.stage.map(|s| s.stage), Some(Stage::Relapse));
    assert!(
        page.prompts.context.contains("Relapse"),
        "{}",
        page.prompts.context
    );

    // The visit form offers the same for the goal chosen.
    let visit: Conversation = app
        .call(
            "conversation_prompts",
            &[("family", &ashworth), ("goal", &goal)],
            Some(&sam),
        )
        .await
        .json();
    assert_eq!(visit.chosen.as_deref(), Some(goal.as_str()));
    assert_eq!(visit.offered.map(|o| o.context), Some(page.prompts.context));

    // A tally of change talk: bad counts are named; a good one is kept once.
    let tally = new_id();
    let mut talk = vec![
        ("family", ashworth.as_str()),
        ("goal", goal.as_str()),
        ("tally", tally.as_str()),
        ("heard_on", "2020-01-01"),
        ("talk_reasons", "3"),
        ("talk_sustain", "lots"),
    ];
    let refused = app.call("record_change_talk", &talk, Some(&sam)).await;
    assert_eq!(refused.status, 422);
    let AppError::Invalid(errors) = refused.error() else {
        panic!("{}", refused.body)
    };
    assert!(errors.for_field("talk_sustain").is_some());
    talk[5] = ("talk_sustain", "1");
    let on = today();
    talk[3] = ("heard_on", &on);
    let before = app.count("SELECT COUNT(*) FROM change_talk").await;
    for _ in 0..2 {
        assert_eq!(
            app.call("record_change_talk", &talk, Some(&sam))
                .await
                .status,
            200
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM change_talk").await,
        before + 1
    );
    let work: ChangeWork = app
        .call(
            "change_work",
            &[("family", &ashworth), ("goal", &goal)],
            Some(&sam),
        )
        .await
        .json();
    let last = work
        .tallies
        .last()
        .map(|t| (t.change_talk(), t.sustain_talk()));
    assert_eq!(last, Some((3, 1)));

    // The goal and the family's group supervision show where it stands.
    let page: GoalPage = app
        .call(
            "goal",
            &[("family", &ashworth), ("goal", &goal)],
            Some(&sam),
        )
        .await
        .json();
    assert_eq!(page.talk_trend, describe_trend(&work.tallies));
    assert!(
        page.talk_trend
            .ends_with("to 3, sustain talk fell from 6 to 1.")
            || page
                .talk_trend
                .ends_with("to 3, sustain talk fell from 7 to 1."),
        "{}",
        page.talk_trend
    );
    let supervision: Supervisions = app
        .call("supervisions", &[("family", &ashworth)], Some(&sam))
        .await
        .json();
    let this = supervision
        .change
        .iter()
        .find(|c| c.goal.to_string() == goal)
        .expect("the goal is in supervision");
    assert_eq!(this.stage, Some(Stage::Relapse));
    assert_eq!(this.trend, page.talk_trend);

    // A recovery worker of the family reads it; the parent does not.
    let kelly_login = app.sign_in("kelly.ashworth").await;
    assert_eq!(
        app.call(
            "change_work",
            &[("family", &ashworth), ("goal", &goal)],
            Some(&kelly_login)
        )
        .await
        .status,
        403
    );
}

on_both_backends!(
    prompts_in_context,
    super::prompts_follow_the_goal_and_its_stage
);

async fn a_parents_own_plan_rulers_and_balance(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let kelly_login = app.sign_in("kelly.ashworth").await;
    let callum_login = app.sign_in("callum.price").await;
    let ashworth = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    let goal = app.first_goal_of(&kelly).await;
    let mine: OwnChangeWork = app
        .call("own_change_work", &[("goal", &goal)], Some(&kelly_login))
        .await
        .json();
    let version = mine.mine.plan.version().to_string();
    assert!(
        mine.mine.plan.answer(PlanPart::Changes).is_some(),
        "the demo plan"
    );

    // Another adult in the family cannot see Kelly's goal, let alone her plan.
    assert_eq!(
        app.call("own_change_work", &[("goal", &goal)], Some(&callum_login))
            .await
            .status,
        404
    );

    // Kelly changes one part; a retry of the same save adds nothing.
    let save = new_id();
    let steps = "No drinking on school nights. Go to the Tuesday group and the Friday drop-in.";
    let mut form = vec![
        ("goal", goal.as_str()),
        ("save", save.as_str()),
        ("version", version.as_str()),
        ("steps", steps),
    ];
    for part in PlanPart::ALL {
        if *part != PlanPart::Steps {
            let answer = mine
                .mine
                .plan
                .answer(*part)
                .map(|w| w.body.as_str())
                .unwrap_or("");
            form.push((part.code(), answer));
        }
    }
    for _ in 0..2 {
        let saved = app
            .call("save_change_plan", &form, Some(&kelly_login))
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
    }
    let work: ChangeWork = app
        .call(
            "change_work",
            &[("family", &ashworth), ("goal", &goal)],
            Some(&sam),
        )
        .await
        .json();
    let hers = work
        .plans
        .iter()
        .find(|p| p.member.to_string() == kelly)
        .map(|p| p.plan.clone())
        .unwrap_or_default();
    assert_eq!(
        hers.answer(PlanPart::Steps).map(|w| w.body.as_str()),
        Some(steps)
    );
    assert_eq!(hers.version(), mine.mine.plan.version() + 1);

    // The same form opened before that save, from another phone: refused, typed text kept.
    let stale_save = new_id();
    form[1] = ("save", stale_save.as_str());
    form[3] = ("steps", "Something typed on the other phone");
    let refused = app
        .call("save_change_plan", &form, Some(&kelly_login))
        .await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    let AppError::EditConflict(errors) = refused.error() else {
        panic!("{}", refused.body)
    };
    assert_eq!(
        errors.value("steps"),
        Some("Something typed on the other phone")
    );

    // Sam adds a note beside her words; Kelly reads it; her words are unchanged.
    let note = new_id();
    let noted = app
        .call(
            "note_on_change_plan",
            &[
                ("family", &ashworth),
                ("goal", &goal),
                ("member", &kelly),
                ("note", &note),
                ("part", "then"),
                ("body", "You could also ring the Friday line."),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(noted.status, 200, "{}", noted.body);
    let mine: OwnChangeWork = app
        .call("own_change_work", &[("goal", &goal)], Some(&kelly_login))
        .await
        .json();
    assert_eq!(mine.mine.plan.notes_on(PlanPart::Then).count(), 1);
    assert_eq!(
        mine.mine
            .plan
            .answer(PlanPart::Then)
            .map(|w| w.body.as_str()),
        Some("Do just the kitchen that day, and tell my worker at the next visit.")
    );

    // Her confidence ruler with the follow-ups, in her words, joins the goal's history.
    let check_in = new_id();
    let ruler = [
        ("goal", goal.as_str()),
        ("check_in", check_in.as_str()),
        ("scale", "confidence"),
        ("score", "6"),
        ("not_lower", "I did two weeks before."),
        ("one_up", "Someone to ring on Fridays."),
    ];
    assert_eq!(
        app.call("give_ruler", &ruler, Some(&kelly_login))
            .await
            .status,
        200
    );
    let page: GoalPage = app
        .call(
            "goal",
            &[("family", &ashworth), ("goal", &goal)],
            Some(&sam),
        )
        .await
        .json();
    let latest = page
        .goal
        .latest(app::domain::rating::Scale::Confidence)
        .cloned();
    assert_eq!(
        latest.map(|c| (c.score, c.answers.one_up)),
        Some((6, "Someone to ring on Fridays.".into()))
    );
    let worker_scale = [
        ("goal", goal.as_str()),
        ("check_in", check_in.as_str()),
        ("scale", "worker"),
        ("score", "9"),
    ];
    assert_eq!(
        app.call("give_ruler", &worker_scale, Some(&kelly_login))
            .await
            .status,
        422
    );

    // A balance item of her own, taken back by her; Sam cannot take back her item.
    let item = new_id();
    let add = [
        ("goal", goal.as_str()),
        ("item", item.as_str()),
        ("quadrant", "change_good"),
        ("body", "Mornings with the kids"),
    ];
    assert_eq!(
        app.call("add_own_balance_item", &add, Some(&kelly_login))
            .await
            .status,
        200
    );
    let take_back_by_sam = [
        ("family", ashworth.as_str()),
        ("goal", goal.as_str()),
        ("item", item.as_str()),
    ];
    assert_eq!(
        app.call("remove_balance_item", &take_back_by_sam, Some(&sam))
            .await
            .status,
        404
    );
    assert_eq!(
        app.call(
            "remove_own_balance_item",
            &[("goal", &goal), ("item", &item)],
            Some(&kelly_login)
        )
        .await
        .status,
        200
    );
    let mine: OwnChangeWork = app
        .call("own_change_work", &[("goal", &goal)], Some(&kelly_login))
        .await
        .json();
    assert!(mine
        .mine
        .balance
        .iter()
        .all(|i| i.body != "Mornings with the kids"));

    // Sam writes one with her in a session (a retry adds nothing); she cannot take his back,
    // he can.
    let with_her = new_id();
    let together = [
        ("family", ashworth.as_str()),
        ("goal", goal.as_str()),
        ("member", kelly.as_str()),
        ("item", with_her.as_str()),
        ("quadrant", "stay_hard"),
        ("body", "Late for school twice this week"),
    ];
    for _ in 0..2 {
        let added = app.call("add_balance_item", &together, Some(&sam)).await;
        assert_eq!(added.status, 200, "{}", added.body);
    }
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM balance_items WHERE body = 'Late for school twice this week'"
        )
        .await,
        1
    );
    assert_eq!(
        app.call(
            "remove_own_balance_item",
            &[("goal", &goal), ("item", &with_her)],
            Some(&kelly_login)
        )
        .await
        .status,
        404
    );
    let sams = [
        ("family", ashworth.as_str()),
        ("goal", goal.as_str()),
        ("item", with_her.as_str()),
    ];
    assert_eq!(
        app.call("remove_balance_item", &sams, Some(&sam))
            .await
            .status,
        200
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM balance_items WHERE removed_at IS NOT NULL")
            .await,
        2
    );
}

on_both_backends!(own_plan, super::a_parents_own_plan_rulers_and_balance);
