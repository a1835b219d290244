//! Plans, goals and progress through the real server functions, on both backends: versions and
//! concurrent edits, who in a family sees what, bad input, the family's own words, and "what
//! changed since you last looked".

mod support;

use app::error::AppError;
use app::page_data::own_page::OwnPage;
use app::page_data::plan::{GoalHistory, GoalPage, Plan};
use support::logins::{PRIYA, SAM};
use support::TestApp;
use support::{day, new_id};

/// The fields of a goal form, as the page sends them.
struct GoalForm<'a> {
    family: &'a str,
    goal: &'a str,
    version: &'a str,
    owner: &'a str,
    family_words: &'a str,
    status: &'a str,
    target_date: &'a str,
    visible_to: &'a [&'a str],
}

impl<'a> GoalForm<'a> {
    fn fields(&self) -> Vec<(&'a str, &'a str)> {
        let mut form = vec![
            ("family", self.family),
            ("goal", self.goal),
            ("version", self.version),
            ("owner", self.owner),
            ("area", "home_care"),
            ("family_words", self.family_words),
            (
                "professional_words",
                "Home conditions meet the children's needs",
            ),
            ("target_date", self.target_date),
            ("status", self.status),
        ];
        for member in self.visible_to {
            form.push(("visible_to[]", member));
        }
        form
    }
}

async fn own_page(app: &TestApp, cookie: &str) -> OwnPage {
    let reply = app.call("own_page", &[], Some(cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn goal_page(app: &TestApp, family: &str, goal: &str, cookie: &str) -> GoalPage {
    let reply = app
        .call("goal", &[("family", family), ("goal", goal)], Some(cookie))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

/// A goal added twice (a retried form) is one goal; the family member it is shared with sees
/// it, the other parent does not, and an edit from an old version is refused with what changed.
async fn goals_are_versioned_and_shared_per_member(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let evans = app.family_id("Evans").await;
    let sophie = app.member_id("Sophie").await;
    let goal = new_id();
    let target = day(60);
    let form = GoalForm {
        family: &evans,
        goal: &goal,
        version: "",
        owner: &sophie,
        family_words: "Find a safe place to live",
        status: "not_started",
        target_date: &target,
        visible_to: &[&sophie],
    };
    // Sam is not the Evans' worker but is in their team, which is enough to change a plan.
    for _ in 0..2 {
        let reply = app.call("save_goal", &form.fields(), Some(&sam)).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
    }
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM goals WHERE id = '{goal}'"))
            .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM plan_changes WHERE subject_id = '{goal}'"
        ))
        .await,
        1,
        "a retried save is not a second change"
    );

    let sophie_login = app.sign_in("sophie.evans").await;
    let callum_login = app.sign_in("callum.price").await;
    let seen = own_page(&app, &sophie_login).await;
    assert!(seen.goals.iter().any(|g| g.id.to_string() == goal));
    let other = own_page(&app, &callum_login).await;
    assert!(
        !other.goals.iter().any(|g| g.id.to_string() == goal),
        "the other parent never sees a goal not shared with them"
    );
    assert!(
        other
            .goals
            .iter()
            .all(|g| g.family_words != "Find a safe place to live"),
        "nor anything about it"
    );
    // Nor can they act on it.
    let refused = app
        .call(
            "rate_goal",
            &[("goal", &goal), ("check_in", &new_id()), ("score", "3")],
            Some(&callum_login),
        )
        .await;
    assert_eq!(refused.status, 404, "{}", refused.body);

    // Two people open the goal at version 1; Priya saves first.
    let priya = app.sign_in(PRIYA).await;
    let first = GoalForm {
        version: "1",
        status: "on_track",
        ..form
    };
    let saved = app.call("save_goal", &first.fields(), Some(&priya)).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let second = GoalForm {
        version: "1",
        family_words: "Find a flat near the school",
        ..form
    };
    let refused = app.call("save_goal", &second.fields(), Some(&sam)).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    let AppError::EditConflict(errors) = refused.error() else {
        panic!("an edit conflict: {}", refused.body)
    };
    let message = errors.for_field("version").unwrap_or_default();
    assert!(message.contains("Priya Nair"), "{message}");
    assert!(message.contains("Status"), "{message}");
    assert!(message.contains("On track"), "{message}");
    assert_eq!(
        errors.value("family_words"),
        Some("Find a flat near the school")
    );
    assert_eq!(
        errors.value("version"),
        Some("2"),
        "saving again is a choice"
    );

    let page = goal_page(&app, &evans, &goal, &sam).await;
    assert_eq!(page.goal.version, 2);
    assert_eq!(page.goal.family_words, "Find a safe place to live");
    assert_eq!(page.goal.status, app::domain::goal::GoalStatus::OnTrack);

    // Saving again from the version the refusal gave: Sam's words now win, knowingly.
    let again = GoalForm {
        version: "2",
        ..second
    };
    let saved = app.call("save_goal", &again.fields(), Some(&sam)).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let history: GoalHistory = app
        .call(
            "goal_history",
            &[("family", &evans), ("goal", &goal)],
            Some(&sam),
        )
        .await
        .json();
    assert_eq!(history.changes.len(), 3);
    let latest = &history.changes[0];
    assert_eq!(latest.actor_name, "Sam Whitfield");
    // His form still said "Not started": saving it again sets that back too, and says so.
    let fields: Vec<(&str, &str, &str)> = latest
        .changes
        .iter()
        .map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            (
                "In the family's words",
                "Find a safe place to live",
                "Find a flat near the school"
            ),
            ("Status", "On track", "Not started"),
        ]
    );
}

on_both_backends!(
    versions_and_sharing,
    super::goals_are_versioned_and_shared_per_member
);

/// Every kind of bad input gets a message next to its field, and nothing saved changes.
async fn bad_input_is_named_and_nothing_is_lost(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let ashworth = app.family_id("Ashworth").await;
    let baptiste = app.family_id("Baptiste").await;
    let kelly = app.member_id("Kelly").await;
    let marcus = app.member_id("Marcus").await;
    let goal = app.first_goal_of(&kelly).await;
    let baptiste_goal = app.first_goal_of(&marcus).await;
    let before = (
        app.count("SELECT COUNT(*) FROM goals").await,
        app.count("SELECT COUNT(*) FROM check_ins").await,
        app.count("SELECT COUNT(*) FROM steps").await,
        app.count("SELECT COUNT(*) FROM plan_changes").await,
    );
    let too_long = "x".repeat(501);
    let target = day(30);
    let (today, in_three_days) = (day(0), day(3));
    let ids: Vec<String> = (0..6).map(|_| new_id()).collect();
    let just_marcus = [marcus.as_str()];
    // (server function, form, the field that must get a message)
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case> = vec![
        (
            "add_check_in",
            vec![
                ("family", &ashworth),
                ("goal", &goal),
                ("check_in", &ids[0]),
                ("scale", "worker"),
                ("score", "11"),
                ("given_on", &today),
            ],
            "score",
        ),
        (
            "add_check_in",
            vec![
                ("family", &ashworth),
                ("goal", &goal),
                ("check_in", &ids[1]),
                ("scale", "worker"),
                ("score", "5"),
                ("given_on", &in_three_days),
            ],
            "given_on",
        ),
        (
            "save_goal",
            GoalForm {
                family: &ashworth,
                goal: &ids[2],
                version: "",
                owner: &kelly,
                family_words: "   ",
                status: "not_started",
                target_date: &target,
                visible_to: &[],
            }
            .fields(),
            "family_words",
        ),
        (
            "save_goal",
            GoalForm {
                family: &ashworth,
                goal: &ids[3],
                version: "",
                owner: &kelly,
                family_words: &too_long,
                status: "not_started",
                target_date: &target,
                visible_to: &[],
            }
            .fields(),
            "family_words",
        ),
        (
            "save_goal",
            GoalForm {
                family: &ashworth,
                goal: &ids[4],
                version: "",
                owner: &kelly,
                family_words: "A goal",
                status: "not_started",
                target_date: "1900-01-01",
                visible_to: &[],
            }
            .fields(),
            "target_date",
        ),
        (
            "save_goal",
            GoalForm {
                family: &ashworth,
                goal: &ids[5],
                version: "",
                owner: &marcus,
                family_words: "A goal",
                status: "not_started",
                target_date: &target,
                visible_to: &just_marcus,
            }
            .fields(),
            "owner",
        ),
    ];
    for (function, form, field) in &cases {
        let reply = app.call(function, form, Some(&sam)).await;
        assert_eq!(reply.status, 422, "{function} {field}: {}", reply.body);
        let AppError::Invalid(errors) = reply.error() else {
            panic!("field errors: {}", reply.body)
        };
        assert!(
            errors.for_field(field).is_some(),
            "{function}: a message for {field}: {errors:?}"
        );
    }

    // A goal of another family, named on this family's page, is not found.
    let stray = app
        .call(
            "save_step",
            &[
                ("family", &ashworth),
                ("goal", &baptiste_goal),
                ("step", &new_id()),
                ("version", ""),
                ("who", "role:social_worker"),
                ("what", "Ring the school"),
                ("due_on", &day(7)),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(stray.status, 404, "{}", stray.body);
    let stray_rating = app
        .call(
            "add_check_in",
            &[
                ("family", &baptiste),
                ("goal", &goal),
                ("check_in", &new_id()),
                ("scale", "worker"),
                ("score", "5"),
                ("given_on", &day(0)),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(stray_rating.status, 404, "{}", stray_rating.body);

    let after = (
        app.count("SELECT COUNT(*) FROM goals").await,
        app.count("SELECT COUNT(*) FROM check_ins").await,
        app.count("SELECT COUNT(*) FROM steps").await,
        app.count("SELECT COUNT(*) FROM plan_changes").await,
    );
    assert_eq!(before, after, "nothing was saved");
}

on_both_backends!(bad_input, super::bad_input_is_named_and_nothing_is_lost);

/// The family's words are kept as written and answered; they rate their goals and mark their
/// own steps; and next time they look they are told, in plain words, what changed.
async fn families_speak_and_see_what_changed(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let kelly_login = app.sign_in("kelly.ashworth").await;
    let ashworth = app.family_id("Ashworth").await;
    let kelly =
        app::domain::ids::MemberId::parse(&app.member_id("Kelly").await).expect("a member id");

    let first_look = own_page(&app, &kelly_login).await;
    assert_eq!(
        first_look.changes, None,
        "a first look has nothing to compare with"
    );
    let goal = first_look.goals[0].clone();
    assert!(
        first_look.goals.iter().all(|g| g.owner == kelly
            || g.check_ins
                .iter()
                .all(|c| c.scale != app::domain::rating::Scale::Importance)),
        "another adult's rulers are not shown"
    );

    // Kelly writes to her worker and rates her goal.
    let words = new_id();
    let said = "I missed the appointment because the bus never came";
    let reply = app
        .call(
            "tell_worker",
            &[
                ("words", &words),
                ("goal", &goal.id.to_string()),
                ("body", said),
            ],
            Some(&kelly_login),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let rated = app
        .call(
            "rate_goal",
            &[
                ("goal", &goal.id.to_string()),
                ("check_in", &new_id()),
                ("score", "8"),
                ("comment", "A good week"),
            ],
            Some(&kelly_login),
        )
        .await;
    assert_eq!(rated.status, 200, "{}", rated.body);

    // Sam sees both, replies, and changes the goal's status.
    let page = goal_page(&app, &ashworth, &goal.id.to_string(), &sam).await;
    assert_eq!(page.family_words[0].body, said);
    let latest = page
        .goal
        .latest(app::domain::rating::Scale::Family)
        .map(|c| (c.score, c.given_by.clone()));
    assert_eq!(latest, Some((8, "Kelly Ashworth".to_string())));
    let answer = app
        .call(
            "reply_to_family",
            &[
                ("reply", &new_id()),
                ("reply_to", &words),
                ("body", "Thanks for telling me. Let's rebook."),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let changed = app
        .call(
            "set_goal_status",
            &[
                ("family", &ashworth),
                ("goal", &goal.id.to_string()),
                ("status", "at_risk"),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);

    // Their words cannot be edited, even with the database's own tools.
    let edit = sqlx::query("UPDATE family_words SET body = 'edited' WHERE id = $1")
        .bind(&words)
        .execute(app.db.pool())
        .await;
    assert!(edit.is_err(), "a family's words are kept as written");

    // Kelly marks her own step done; a worker's step is not hers to mark.
    let own_step = goal
        .steps
        .iter()
        .find(|s| s.who == app::domain::goal::StepWho::Member(kelly) && !s.done)
        .map(|s| s.id.to_string())
        .expect("Kelly has an open step of her own");
    let marked = app
        .call(
            "mark_step",
            &[("step", &own_step), ("done", "true")],
            Some(&kelly_login),
        )
        .await;
    assert_eq!(marked.status, 200, "{}", marked.body);
    if let Some(worker_step) = goal
        .steps
        .iter()
        .find(|s| matches!(s.who, app::domain::goal::StepWho::Worker(_)))
    {
        let refused = app
            .call(
                "mark_step",
                &[("step", &worker_step.id.to_string()), ("done", "true")],
                Some(&kelly_login),
            )
            .await;
        assert_eq!(refused.status, 404, "{}", refused.body);
    }

    // Next visit: the status change is news, in her words; her own changes are not.
    let next_session = app.sign_in("kelly.ashworth").await;
    let next = own_page(&app, &next_session).await;
    let changes = next.changes.unwrap_or_default();
    assert_eq!(
        changes,
        vec![format!(
            "\"{}\" is now: Needs more work.",
            goal.family_words
        )],
    );
    let mine = next
        .words
        .iter()
        .find(|w| w.id.to_string() == words)
        .expect("her words are on her page");
    assert_eq!(mine.replies[0].body, "Thanks for telling me. Let's rebook.");
    // Reloading within the same visit keeps the list.
    let reload = own_page(&app, &next_session).await;
    assert_eq!(reload.changes.map(|c| c.len()), Some(1));
}

on_both_backends!(family_voice, super::families_speak_and_see_what_changed);

/// The plan the team sees: ordered goals that can be moved, the child's voice, and the
/// plain-words advice on what the family will read.
async fn the_team_plan(app: TestApp) {
    let sam = app.sign_in(SAM).await;
    let ashworth = app.family_id("Ashworth").await;
    let lily = app.member_id("Lily").await;
    let plan: Plan = app
        .call("family_plan", &[("family", &ashworth)], Some(&sam))
        .await
        .json();
    assert!(plan.goals.len() >= 3 && plan.can_edit && !plan.houses.is_empty());
    let second = plan.goals[1].id.to_string();
    let moved = app
        .call(
            "move_in_plan",
            &[
                ("family", &ashworth),
                ("goal", &second),
                ("direction", "up"),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    let after: Plan = app
        .call("family_plan", &[("family", &ashworth)], Some(&sam))
        .await
        .json();
    assert_eq!(after.goals[0].id.to_string(), second);

    let houses = app
        .call(
            "record_houses",
            &[
                ("family", &ashworth),
                ("houses", &new_id()),
                ("child", &lily),
                ("recorded_on", &day(0)),
                ("worries", "Shouting\n\n- the dog barking"),
                ("good_things", "My bike"),
            ],
            Some(&sam),
        )
        .await;
    assert_eq!(houses.status, 200, "{}", houses.body);
    let with_houses: Plan = app
        .call("family_plan", &[("family", &ashworth)], Some(&sam))
        .await
        .json();
    let newest = &with_houses.houses[0];
    assert_eq!(newest.worries, ["Shouting", "the dog barking"]);
    assert!(newest.dreams.is_empty());

    let kelly = app.member_id("Kelly").await;
    let jargon = new_id();
    let form = GoalForm {
        family: &ashworth,
        goal: &jargon,
        version: "",
        owner: &kelly,
        family_words: "Attend every core group and comply with the PLO letter",
        status: "not_started",
        target_date: &day(40),
        visible_to: &[&kelly],
    };
    let saved = app.call("save_goal", &form.fields(), Some(&sam)).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let page = goal_page(&app, &ashworth, &jargon, &sam).await;
    assert!(
        page.advice.iter().any(|a| a.contains("PLO")),
        "{:?}",
        page.advice
    );
    assert!(page.advice.iter().any(|a| a.contains("core group")));
}

on_both_backends!(team_plan, super::the_team_plan);
