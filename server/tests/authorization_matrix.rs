//! Every server function × every kind of person × own team / other team / own family / other
//! family member: the expected outcome is written out here, by hand, and each one is asserted.
//! Refusals must be recorded in the audit trail and must change nothing.

mod support;

use app::error::AppError;
use support::TestApp;

/// A = allowed (200), F = forbidden (403), R = another team's family: a reason is needed (403),
/// U = not signed in (401), N = not found (404; used where revealing existence would leak).
const CASES: [&str; 38] = [
    "caseload",
    "family Ashworth (North)",
    "family Fairweather (South)",
    "own page",
    "audit trail",
    "accounts",
    "invite Darren Ashworth (North adult)",
    "invite Lily Ashworth (North child)",
    "invite Ben Fairweather (South adult)",
    "open Ashworth outside team",
    "open Fairweather outside team",
    "family Ashworth again",
    "family Fairweather again",
    "plan of Ashworth",
    "a goal of Ashworth",
    "add a goal to Ashworth",
    "add a goal to Fairweather",
    "rate an Ashworth goal (practitioner)",
    "rate Kelly's goal as a family member",
    "tell my worker",
    "mark Kelly's step done",
    "history of an Ashworth goal",
    "workbook of Ashworth",
    "record a visit in one's own chapter of Ashworth",
    "chronology of Ashworth",
    "record a group supervision of Ashworth",
    "my week",
    "team dashboard",
    "integrated assessment of Ashworth",
    "record a core group held for Ashworth",
    "change Ashworth's dates",
    "mark an Ashworth supervision action done",
    "an entry of Ashworth's workbook",
    "group supervisions of Ashworth",
    "the MI prompt library",
    "working on change for Kelly's goal",
    "record a stage of change for Kelly's goal",
    "Kelly's own change plan",
];

/// (login, expected outcome per case, in the order of CASES)
const MATRIX: &[(&str, &str)] = &[
    (
        "sam.whitfield@brookford.example",
        "AARFFFAFFFAAAAAAFAFFAAAAAAAFAAAAAAAAAF",
    ),
    (
        "priya.nair@brookford.example",
        "AARFFFAFFFAAAAAAFAFFAAAAAAAFAAAAAAAAAF",
    ),
    (
        "dana.price@brookford.example",
        "AARFFFAFFFAAAAAAFAFFAAAAAAAFAAAAAAAAAF",
    ),
    (
        "owen.baker@brookford.example",
        "AARFFFAFFFAAAAAAFAFFAAAAAAAFAAAAAAAAAF",
    ),
    (
        "rhys.morgan@brookford.example",
        "AARFFFAFFFAAAAAAFAFFAAAAAAAFAAAAAAAAAF",
    ),
    (
        "lena.fischer@brookford.example",
        "AARFFFAFFFAAAAAAFAFFAAAAAAAFAAAAAAAAAF",
    ),
    (
        "ada.chen@brookford.example",
        "AARFFFAFFFAAAAAAFAFFAAAAAAAFAAAAAAAAAF",
    ),
    (
        "tom.reilly@brookford.example",
        "AARFFFAFFFAAAAAAFAFFAAAAAAAFAAAAAAAAAF",
    ),
    (
        "maya.okafor@brookford.example",
        "AARFAFAFFFAAAAAAFAFFAAAFAAAAAAAAAAAAAF",
    ),
    (
        "noor.haddad@brookford.example",
        "ARAFFFFFAAFAAAAFAFFFFAAFAFAFAFFFAAAAFF",
    ),
    (
        "grace.mensah@brookford.example",
        "ARAFAFFFAAFAAAAFAFFFFAAFAFAAAFFFAAAAFF",
    ),
    (
        "jordan.lee@brookford.example",
        "FFFFFAFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
    ),
    ("kelly.ashworth", "FFFAFFFFFFFFFFFFFFAAAFFFFFFFFFFFFFFFFA"),
    ("marcus.baptiste", "FFFAFFFFFFFFFFFFFFNANFFFFFFFFFFFFFFFFN"),
    (
        "chloe.fairweather",
        "FFFAFFFFFFFFFFFFFFNANFFFFFFFFFFFFFFFFN",
    ),
    ("", "UUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUU"),
];

const REASON: &str = "Duty cover: police call-out to the family's address overnight";

fn check(case: &str, who: &str, expected: char, reply: &support::Reply) {
    let context = format!("{who} → {case}: {} {}", reply.status, reply.body);
    match expected {
        'A' => assert_eq!(reply.status, 200, "{context}"),
        'F' => {
            assert_eq!(reply.status, 403, "{context}");
            assert_eq!(reply.error(), AppError::Forbidden, "{context}");
        }
        'R' => {
            assert_eq!(reply.status, 403, "{context}");
            assert_eq!(reply.error(), AppError::ReasonRequired, "{context}");
        }
        'U' => {
            assert_eq!(reply.status, 401, "{context}");
            assert_eq!(reply.error(), AppError::SignInRequired, "{context}");
        }
        'N' => assert_eq!(reply.status, 404, "{context}"),
        other => panic!("unknown expectation {other}"),
    }
}

/// A new goal's form, as the page sends it.
pub fn new_goal<'a>(
    family: &'a str,
    id: &'a str,
    owner: &'a str,
    target: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("family", family),
        ("goal", id),
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

async fn matrix(app: TestApp) {
    let ashworth = app.family_id("Ashworth").await;
    let fairweather = app.family_id("Fairweather").await;
    let darren = app.member_id("Darren").await;
    let lily = app.member_id("Lily").await;
    let ben = app.member_id("Ben").await;
    let kelly = app.member_id("Kelly").await;
    let chloe = app.member_id("Chloe").await;
    let kelly_goal = app
        .one_text(
            "SELECT id FROM goals WHERE owner_member_id = $1 ORDER BY position LIMIT 1",
            &kelly,
        )
        .await;
    let kelly_step = app
        .one_text(
            "SELECT id FROM steps WHERE who = $1 LIMIT 1",
            &format!("member:{kelly}"),
        )
        .await;
    let today = chrono::Utc::now().date_naive();
    let target = (today + chrono::Duration::days(90))
        .format("%Y-%m-%d")
        .to_string();
    let today = today.format("%Y-%m-%d").to_string();
    let goals_before = app.count("SELECT COUNT(*) FROM goals").await;
    let check_ins_before = app.count("SELECT COUNT(*) FROM check_ins").await;
    let words_before = app.count("SELECT COUNT(*) FROM family_words").await;
    let mut goals_added = 0;
    let mut check_ins_added = 0;
    let mut words_added = 0;
    let entries_before = app.count("SELECT COUNT(*) FROM workbook_entries").await;
    let entry = app
        .one_text(
            "SELECT id FROM workbook_entries WHERE family_id = $1 ORDER BY occurred_on LIMIT 1",
            &ashworth,
        )
        .await;
    let action = app
        .one_text(
            "SELECT id FROM supervision_actions WHERE family_id = $1 ORDER BY due_on LIMIT 1",
            &ashworth,
        )
        .await;
    let supervisions_before = app.count("SELECT COUNT(*) FROM supervisions").await;
    let mut entries_added = 0;
    let mut supervisions_added = 0;
    let mut asserted = 0;
    let mut refusals = 0;
    let mut invitations_allowed = 0;
    let mut openings_allowed = 0;

    for (login, row) in MATRIX {
        let expected: Vec<char> = row.chars().collect();
        assert_eq!(expected.len(), CASES.len(), "row for {login}");
        let cookie = if login.is_empty() {
            None
        } else {
            Some(app.sign_in(login).await)
        };
        let cookie = cookie.as_deref();
        let who = if login.is_empty() {
            "not signed in"
        } else {
            login
        };
        let new_id = || uuid::Uuid::new_v4().to_string();
        let (inv_darren, inv_lily, inv_ben) = (new_id(), new_id(), new_id());
        let (goal_north, goal_south, rating, own_rating, words) =
            (new_id(), new_id(), new_id(), new_id(), new_id());
        let (visit, supervision, stage_note) = (new_id(), new_id(), new_id());
        let calls: [(&str, Vec<(&str, &str)>); 38] = [
            ("caseload", vec![]),
            ("family", vec![("id", &ashworth)]),
            ("family", vec![("id", &fairweather)]),
            ("own_page", vec![]),
            ("audit_trail", vec![]),
            ("accounts", vec![]),
            (
                "create_invitation",
                vec![("member", &darren), ("invitation", &inv_darren)],
            ),
            (
                "create_invitation",
                vec![("member", &lily), ("invitation", &inv_lily)],
            ),
            (
                "create_invitation",
                vec![("member", &ben), ("invitation", &inv_ben)],
            ),
            ("open_family", vec![("id", &ashworth), ("reason", REASON)]),
            (
                "open_family",
                vec![("id", &fairweather), ("reason", REASON)],
            ),
            ("family", vec![("id", &ashworth)]),
            ("family", vec![("id", &fairweather)]),
            ("family_plan", vec![("family", &ashworth)]),
            ("goal", vec![("family", &ashworth), ("goal", &kelly_goal)]),
            (
                "save_goal",
                new_goal(&ashworth, &goal_north, &kelly, &target),
            ),
            (
                "save_goal",
                new_goal(&fairweather, &goal_south, &chloe, &target),
            ),
            (
                "add_check_in",
                vec![
                    ("family", &ashworth),
                    ("goal", &kelly_goal),
                    ("check_in", &rating),
                    ("scale", "worker"),
                    ("score", "6"),
                    ("given_on", &today),
                ],
            ),
            (
                "rate_goal",
                vec![
                    ("goal", &kelly_goal),
                    ("check_in", &own_rating),
                    ("score", "7"),
                ],
            ),
            (
                "tell_worker",
                vec![
                    ("words", &words),
                    ("body", "I have a new job interview on Monday"),
                ],
            ),
            ("mark_step", vec![("step", &kelly_step), ("done", "true")]),
            (
                "goal_history",
                vec![("family", &ashworth), ("goal", &kelly_goal)],
            ),
            ("workbook", vec![("family", &ashworth)]),
            (
                "save_entry",
                vec![
                    ("family", &ashworth),
                    ("entry", &visit),
                    ("version", ""),
                    ("kind", "visit"),
                    ("occurred_on", &today),
                    ("summary", "Seen at home; all well."),
                ],
            ),
            ("chronology", vec![("family", &ashworth)]),
            (
                "record_supervision",
                vec![
                    ("family", &ashworth),
                    ("supervision", &supervision),
                    ("held_on", &today),
                    ("attendees[]", "social_worker"),
                    ("risk", "5"),
                    ("progress", "5"),
                    ("decisions", "Carry on with the plan"),
                ],
            ),
            ("week", vec![]),
            ("team_dashboard", vec![]),
            ("assessment", vec![("family", &ashworth)]),
            (
                "record_meeting",
                vec![
                    ("family", &ashworth),
                    ("meeting_kind", "core_group"),
                    ("held_on", &today),
                ],
            ),
            (
                "save_schedule",
                vec![("family", &ashworth), ("visit_every", "10")],
            ),
            ("mark_action", vec![("action", &action), ("done", "true")]),
            ("entry", vec![("family", &ashworth), ("entry", &entry)]),
            ("supervisions", vec![("family", &ashworth)]),
            ("prompt_library", vec![]),
            (
                "change_work",
                vec![("family", &ashworth), ("goal", &kelly_goal)],
            ),
            (
                "record_stage",
                vec![
                    ("family", &ashworth),
                    ("goal", &kelly_goal),
                    ("stage_note", &stage_note),
                    ("stage", "contemplation"),
                    ("noted_on", &today),
                ],
            ),
            ("own_change_work", vec![("goal", &kelly_goal)]),
        ];
        for (index, (function, form)) in calls.iter().enumerate() {
            let reply = app.call(function, form, cookie).await;
            check(CASES[index], who, expected[index], &reply);
            asserted += 1;
            if matches!(expected[index], 'F' | 'R') {
                refusals += 1;
            }
            if expected[index] == 'A' && *function == "create_invitation" {
                invitations_allowed += 1;
            }
            if expected[index] == 'A' && *function == "open_family" {
                openings_allowed += 1;
            }
            if expected[index] == 'A' {
                match *function {
                    "save_goal" => goals_added += 1,
                    "add_check_in" | "rate_goal" => check_ins_added += 1,
                    "tell_worker" => words_added += 1,
                    "save_entry" => entries_added += 1,
                    "record_supervision" => supervisions_added += 1,
                    _ => {}
                }
            }
        }
        let me = app.call("whoami", &[], cookie).await;
        assert_eq!(me.status, 200, "{who} → whoami");
        assert_eq!(
            me.body == "null",
            login.is_empty(),
            "{who} → whoami: {}",
            me.body
        );
        asserted += 1;
    }

    // An invitation code is shown only to the worker who made it.
    let sam = app.sign_in("sam.whitfield@brookford.example").await;
    let invitation = uuid::Uuid::new_v4().to_string();
    let nadia = app.member_id("Nadia").await;
    let made = app
        .call(
            "create_invitation",
            &[("member", &nadia), ("invitation", &invitation)],
            Some(&sam),
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    invitations_allowed += 1;
    for (login, _) in MATRIX
        .iter()
        .filter(|(l, _)| *l != "sam.whitfield@brookford.example")
    {
        let cookie = if login.is_empty() {
            None
        } else {
            Some(app.sign_in(login).await)
        };
        let reply = app
            .call("invitation", &[("id", &invitation)], cookie.as_deref())
            .await;
        check(
            "see Sam's invitation code",
            login,
            if login.is_empty() { 'U' } else { 'N' },
            &reply,
        );
        asserted += 1;
    }
    let shown = app
        .call("invitation", &[("id", &invitation)], Some(&sam))
        .await;
    check("see own invitation code", "sam", 'A', &shown);
    let view: app::page_data::family::InvitationView = shown.json();
    assert!(
        view.code.is_some(),
        "the maker sees the code the first time"
    );
    let again: app::page_data::family::InvitationView = app
        .call("invitation", &[("id", &invitation)], Some(&sam))
        .await
        .json();
    assert_eq!(again.code, None, "the code is shown only once");
    asserted += 2;

    // Refusals changed nothing and were each recorded, flagged for review.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM invitations").await,
        invitations_allowed
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM break_glass").await,
        openings_allowed
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM goals").await,
        goals_before + goals_added
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM check_ins").await,
        check_ins_before + check_ins_added
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM family_words").await,
        words_before + words_added
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM workbook_entries").await,
        entries_before + entries_added
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM supervisions").await,
        supervisions_before + supervisions_added
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND flagged = 1")
            .await,
        refusals
    );
    // Every allowed entry names its record with that record's own kind: the id is found in the
    // kind's table, never another's.
    for (kind, table) in [
        ("account", "accounts"),
        ("balance_item", "balance_items"),
        ("change_plan", "change_plan_words"),
        ("change_talk", "change_talk"),
        ("check_in", "check_ins"),
        ("entry", "workbook_entries"),
        ("family", "families"),
        ("family_words", "family_words"),
        ("goal", "goals"),
        ("invitation", "invitations"),
        ("member", "members"),
        ("prompt", "mi_prompts"),
        ("safety", "safety_statements"),
        ("stage", "goal_stages"),
        ("step", "steps"),
        ("supervision", "supervisions"),
        ("supervision_action", "supervision_actions"),
        ("team", "teams"),
        ("three_houses", "three_houses"),
    ] {
        let stray = app
            .count(&format!(
                "SELECT COUNT(*) FROM audit_log WHERE outcome = 'allowed' AND record_kind = '{kind}' \
                 AND record_id IS NOT NULL AND record_id NOT IN (SELECT id FROM {table})"
            ))
            .await;
        assert_eq!(
            stray, 0,
            "audit entries of kind {kind} whose id is not in {table}"
        );
    }
    let kinds = app
        .count("SELECT COUNT(DISTINCT record_kind) FROM audit_log WHERE record_id IS NOT NULL")
        .await;
    assert!(
        kinds >= 8,
        "the matrix touches records of many kinds ({kinds})"
    );

    println!("authorization matrix: {asserted} outcomes asserted ({} people × {} cases, plus who-am-I and invitation codes)", MATRIX.len(), CASES.len());
}

on_both_backends!(authorization_matrix, super::matrix);

/// A worker who moved team after making a code may no longer see it; the refusal is recorded and
/// the code stays unshown for a colleague to replace.
async fn moved_worker_cannot_see_their_code(app: TestApp) {
    let sam = app.sign_in("sam.whitfield@brookford.example").await;
    let darren = app.member_id("Darren").await;
    let id = uuid::Uuid::new_v4().to_string();
    let made = app
        .call(
            "create_invitation",
            &[("member", &darren), ("invitation", &id)],
            Some(&sam),
        )
        .await;
    assert_eq!(made.status, 200);
    let south = app
        .one_text(
            "SELECT id FROM teams WHERE name = $1",
            "Family Safeguarding South",
        )
        .await;
    sqlx::query("UPDATE accounts SET team_id = $1 WHERE login = 'sam.whitfield@brookford.example'")
        .bind(&south)
        .execute(app.db.pool())
        .await
        .expect("move Sam");
    let refused = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        app.call("invitation", &[("id", &id)], Some(&sam)),
    )
    .await
    .expect("answered without waiting on a lock");
    check("see own code after moving team", "sam", 'F', &refused);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM invitations WHERE code_to_show IS NOT NULL")
            .await,
        1
    );
}

on_both_backends!(moved_worker, super::moved_worker_cannot_see_their_code);
