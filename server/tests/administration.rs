//! Running a council's Hearth: `hearth setup` on an empty database, teams, staff accounts made
//! with one-time set-up codes, disabled, re-enabled, moved, and their history.

mod support;

use app::domain::audit::AuditAction;
use app::domain::viewer::SignedIn;
use app::page_data::administration::{StaffAccountView, TeamDetail, TeamsOverview};
use app::services::council_setup::{set_up, FirstStart};
use support::logins::{JORDAN, SAM};
use support::{new_id, TestApp, PASSWORD};

const NEW_PASSWORD: &str = "copper kettle drizzle lantern";

async fn whoami(app: &TestApp, cookie: &str) -> Option<SignedIn> {
    app.call("whoami", &[], Some(cookie)).await.json()
}

async fn team_named(app: &TestApp, name: &str) -> String {
    app.one_text("SELECT id FROM teams WHERE name = $1", name)
        .await
}

/// Adds a member of staff as `admin`; returns their account id and set-up code.
async fn add_staff(
    app: &TestApp,
    admin: &str,
    name: &str,
    email: &str,
    role: &str,
    team: &str,
) -> (String, String) {
    let account = new_id();
    let made = app
        .call(
            "create_staff_account",
            &[
                ("account", &account),
                ("name", name),
                ("email", email),
                ("role", role),
                ("team", team),
            ],
            Some(admin),
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    let shown = made.shown();
    let view: StaffAccountView = app
        .call(
            "staff_account",
            &[("account", &account), ("shown", &shown)],
            Some(admin),
        )
        .await
        .json();
    (account, view.code.expect("the new code is shown once"))
}

async fn set_password(app: &TestApp, code: &str, password: &str) -> support::Reply {
    app.call(
        "set_up_account",
        &[
            ("code", code),
            ("new_password", password),
            ("confirm", password),
        ],
        None,
    )
    .await
}

async fn sign_in_as(app: &TestApp, login: &str, password: &str) -> support::Reply {
    app.call("sign_in", &[("login", login), ("password", password)], None)
        .await
}

async fn first_start(app: TestApp) {
    assert_eq!(
        app.call("is_set_up", &[], None).await.body,
        "false",
        "an empty Hearth says so"
    );
    let page = app.get("/login", None).await;
    assert!(
        page.body.contains("hearth setup"),
        "the sign-in page says how"
    );
    let started = set_up(
        &app.db,
        &FirstStart {
            council: "Harwick Council",
            name: "Jo Banerjee",
            email: "Jo.Banerjee@Harwick.gov.uk",
        },
    )
    .await
    .expect("set up");
    assert_eq!(started.login, "jo.banerjee@harwick.gov.uk");
    let again = set_up(
        &app.db,
        &FirstStart {
            council: "Another Council",
            name: "Someone Else",
            email: "someone@else.gov.uk",
        },
    )
    .await;
    let refused = again.err().expect("a second set-up is refused").to_string();
    assert!(
        refused.contains("already set up, for Harwick Council"),
        "{refused}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM local_authorities").await, 1);
    assert_eq!(app.call("is_set_up", &[], None).await.body, "true");

    // No password exists until its owner chooses one: the login is as unknown as any other.
    assert_eq!(
        sign_in_as(&app, &started.login, PASSWORD).await.status,
        422,
        "no password yet"
    );
    let weak = set_password(&app, &started.code, "Banerjee Banerjee 1").await;
    assert_eq!(weak.status, 422);
    assert!(weak
        .error()
        .field_errors()
        .and_then(|e| e.for_field("new_password"))
        .is_some());
    let done = set_password(&app, &started.code, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let admin = done.session_cookie().expect("signed in");
    let me = whoami(&app, &admin).await.expect("signed in");
    assert_eq!(me.display_name, "Jo Banerjee");
    let teams: TeamsOverview = app.call("teams", &[], Some(&admin)).await.json();
    assert_eq!(teams.authority_name, "Harwick Council");
    assert!(teams.teams.is_empty());
    let used = set_password(&app, &started.code, "another long password here").await;
    assert_eq!(used.status, 422);
    assert!(used.body.contains("already been used"), "{}", used.body);
    assert_eq!(
        sign_in_as(&app, &started.login, NEW_PASSWORD).await.status,
        200
    );
}
mod a_new_council_starts_with_one_administrator {
    use crate::support::{demo_settings, Backend, TestApp};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::first_start(TestApp::start_empty(Backend::Sqlite, demo_settings()).await).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::first_start(TestApp::start_empty(Backend::Postgres, demo_settings()).await).await;
    }
}

async fn teams(app: TestApp) {
    let admin = app.sign_in(JORDAN).await;
    let team = new_id();
    for _ in 0..2 {
        let made = app
            .call(
                "create_team",
                &[("team", &team), ("name", " Family Safeguarding East ")],
                Some(&admin),
            )
            .await;
        assert_eq!(
            made.status, 200,
            "a retried form adds one team: {}",
            made.body
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM teams WHERE name = 'Family Safeguarding East'")
            .await,
        1
    );
    let twin = app
        .call(
            "create_team",
            &[("team", &new_id()), ("name", "Family Safeguarding East")],
            Some(&admin),
        )
        .await;
    assert_eq!(twin.status, 422);
    assert!(twin.body.contains("already a team called"), "{}", twin.body);
    let empty = app
        .call(
            "create_team",
            &[("team", &new_id()), ("name", "  ")],
            Some(&admin),
        )
        .await;
    assert_eq!(empty.status, 422);

    let renamed = app
        .call(
            "rename_team",
            &[("team", &team), ("name", "Family Safeguarding East Hub")],
            Some(&admin),
        )
        .await;
    assert_eq!(renamed.status, 200, "{}", renamed.body);
    let taken = app
        .call(
            "rename_team",
            &[("team", &team), ("name", "Family Safeguarding South")],
            Some(&admin),
        )
        .await;
    assert_eq!(taken.status, 422, "a name another team has");
    let detail = app
        .one_text(
            "SELECT detail FROM audit_log WHERE action = 'rename_team' AND record_id = $1",
            &team,
        )
        .await;
    assert_eq!(
        detail,
        "from Family Safeguarding East to Family Safeguarding East Hub"
    );

    let overview: TeamsOverview = app.call("teams", &[], Some(&admin)).await.json();
    let north = overview
        .teams
        .iter()
        .find(|t| t.name == "Family Safeguarding North")
        .expect("north");
    assert!(north.staff > 0 && north.families > 0);
    let east: TeamDetail = app
        .call("team_staff", &[("team", &team)], Some(&admin))
        .await
        .json();
    assert_eq!((east.families.len(), east.staff.len()), (0, 0));
    let north_detail = app
        .call(
            "team_staff",
            &[("team", &north.id.to_string())],
            Some(&admin),
        )
        .await;
    // Households by name, to choose who works with them; never who is in them or their plans.
    assert!(north_detail.body.contains("Sam Whitfield"));
    assert!(north_detail.body.contains("Ashworth"));
    for case_content in ["Kelly", "Lily", "goal"] {
        assert!(
            !north_detail.body.contains(case_content),
            "{case_content}: {}",
            north_detail.body
        );
    }
}
on_both_backends!(administrators_run_the_councils_teams, super::teams);

async fn staff(app: TestApp) {
    let admin = app.sign_in(JORDAN).await;
    let south = team_named(&app, "Family Safeguarding South").await;
    let north = team_named(&app, "Family Safeguarding North").await;
    let (ruth, code) = add_staff(
        &app,
        &admin,
        "Ruth Adeyemi",
        "Ruth.Adeyemi@Brookford.example",
        "social_worker",
        &north,
    )
    .await;
    let login = "ruth.adeyemi@brookford.example";

    // Bad input is refused field by field, and an email in use is named.
    let bad = app
        .call(
            "create_staff_account",
            &[
                ("account", &new_id()),
                ("name", ""),
                ("email", "ruth at brookford"),
                ("role", "wizard"),
                ("team", ""),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(bad.status, 422);
    let errors = bad.error();
    let errors = errors.field_errors().expect("fields");
    for field in ["name", "email", "role"] {
        assert!(errors.for_field(field).is_some(), "{field}");
    }
    let twice = app
        .call(
            "create_staff_account",
            &[
                ("account", &new_id()),
                ("name", "Ruth Again"),
                ("email", login),
                ("role", "psychologist"),
                ("team", &south),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(twice.status, 422);
    assert!(twice.body.contains("already an account with this email"));

    // Until the code is used, no password signs in; then the chosen one does.
    assert_eq!(sign_in_as(&app, login, PASSWORD).await.status, 422);
    let wrong = set_password(&app, "AAAA-BBBB-CCCC", NEW_PASSWORD).await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("do not recognise"), "{}", wrong.body);
    let named = set_password(&app, &code, "ruth adeyemi safeguarding").await;
    assert_eq!(named.status, 422, "not their own name");
    let done = set_password(&app, &code, NEW_PASSWORD).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let ruth_cookie = done.session_cookie().expect("signed in");
    assert_eq!(
        app.call("caseload", &[], Some(&ruth_cookie)).await.status,
        200
    );

    // Disabling ends every session at once; the password then opens nothing.
    let disabled = app
        .call("disable_account", &[("account", &ruth)], Some(&admin))
        .await;
    assert_eq!(disabled.status, 200, "{}", disabled.body);
    assert_eq!(
        app.one_text(
            "SELECT CAST(COUNT(*) AS TEXT) FROM sessions WHERE account_id = $1",
            &ruth
        )
        .await,
        "0"
    );
    assert!(whoami(&app, &ruth_cookie).await.is_none());
    assert_eq!(sign_in_as(&app, login, NEW_PASSWORD).await.status, 422);
    let no_code = app
        .call(
            "new_set_up_code",
            &[("account", &ruth), ("code", &new_id())],
            Some(&admin),
        )
        .await;
    assert_eq!(no_code.status, 409, "a disabled account gets no code");
    let enabled = app
        .call("enable_account", &[("account", &ruth)], Some(&admin))
        .await;
    assert_eq!(enabled.status, 200);
    assert_eq!(sign_in_as(&app, login, NEW_PASSWORD).await.status, 200);

    // Moving: Ruth holds no family, so she moves; Sam (North) holds families, so he does not.
    let moved = app
        .call(
            "move_staff",
            &[("account", &ruth), ("team", &south)],
            Some(&admin),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    let sam = app
        .one_text("SELECT id FROM accounts WHERE login = $1", SAM)
        .await;
    let held = app
        .call(
            "move_staff",
            &[("account", &sam), ("team", &south)],
            Some(&admin),
        )
        .await;
    assert_eq!(held.status, 422);
    assert!(
        held.body.contains("Allocate them to someone else first"),
        "{}",
        held.body
    );
    let nowhere = app
        .call(
            "move_staff",
            &[("account", &ruth), ("team", "")],
            Some(&admin),
        )
        .await;
    assert_eq!(nowhere.status, 422, "a social worker works in a team");

    // A forgotten password: a new code replaces it and signs her out everywhere.
    let ruth_cookie = app.sign_in_password(login, NEW_PASSWORD).await;
    let again = app
        .call(
            "new_set_up_code",
            &[("account", &ruth), ("code", &new_id())],
            Some(&admin),
        )
        .await;
    assert_eq!(again.status, 200, "{}", again.body);
    let view: StaffAccountView = app
        .call(
            "staff_account",
            &[("account", &ruth), ("shown", &again.shown())],
            Some(&admin),
        )
        .await
        .json();
    let code = view.code.expect("shown");
    assert!(view.has_password && view.code_open_until.is_some());
    let replaced = set_password(&app, &code, "a brand new lantern kettle").await;
    assert_eq!(replaced.status, 200, "{}", replaced.body);
    assert!(
        whoami(&app, &ruth_cookie).await.is_none(),
        "the old session ended"
    );
    assert_eq!(sign_in_as(&app, login, NEW_PASSWORD).await.status, 422);

    // The account's page lists every change, with who made it.
    let view: StaffAccountView = app
        .call("staff_account", &[("account", &ruth)], Some(&admin))
        .await
        .json();
    assert_eq!(view.code, None, "a code is shown once");
    let actions: Vec<AuditAction> = view.history.iter().map(|e| e.action).collect();
    for action in [
        AuditAction::CreateStaffAccount,
        AuditAction::CreateSetUpCode,
        AuditAction::UseSetUpCode,
        AuditAction::DisableAccount,
        AuditAction::EnableAccount,
        AuditAction::MoveAccount,
    ] {
        assert!(actions.contains(&action), "{action:?} in {actions:?}");
    }
    let moved = view
        .history
        .iter()
        .find(|e| e.action == AuditAction::MoveAccount)
        .expect("moved");
    assert_eq!(
        moved.detail,
        "from Family Safeguarding North to Family Safeguarding South"
    );
    assert_eq!(moved.actor_name, "Jordan Lee");

    // An administrator cannot lock themselves out.
    let jordan = app
        .one_text("SELECT id FROM accounts WHERE login = $1", JORDAN)
        .await;
    let own = app
        .call("disable_account", &[("account", &jordan)], Some(&admin))
        .await;
    assert_eq!(own.status, 409);
}
on_both_backends!(administrators_run_staff_accounts, super::staff);

/// Making a set-up code hands out a way in: the administrator's password must be recent.
async fn codes_need_a_recent_password(app: TestApp) {
    let admin = app.sign_in(JORDAN).await;
    app.age_confirmation(&admin, 20).await;
    let south = team_named(&app, "Family Safeguarding South").await;
    let made = app
        .call(
            "create_staff_account",
            &[
                ("account", &new_id()),
                ("name", "Ruth Adeyemi"),
                ("email", "ruth@brookford.example"),
                ("role", "social_worker"),
                ("team", &south),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(made.status, 403, "{}", made.body);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM accounts WHERE login = 'ruth@brookford.example'")
            .await,
        0
    );
}
on_both_backends!(
    set_up_codes_ask_for_the_password_again,
    super::codes_need_a_recent_password
);

/// `hearth setup` as a council runs it: twice on one database, the second refused; the printed
/// code works on the served Hearth.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_setup_command_prints_a_code_that_works() {
    let (database_url, _dir) = support::Backend::Sqlite.fresh_database().await;
    let data = std::env::temp_dir().join(format!("hearth-setup-{}", uuid::Uuid::new_v4().simple()));
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hearth"))
            .args(args)
            .env("DATABASE_URL", &database_url)
            .env("HEARTH_AUDIT_KEY_FILE", support::audit_key_file())
            .env("HEARTH_DATA_DIR", &data)
            .env("RUST_LOG", "error")
            .output()
            .expect("hearth runs")
    };
    let args = [
        "setup",
        "--council",
        "Harwick Council",
        "--name",
        "Jo Banerjee",
        "--email",
        "jo@harwick.gov.uk",
    ];
    let first = run(&args);
    let printed = String::from_utf8_lossy(&first.stdout).to_string();
    assert!(first.status.success(), "{printed}");
    assert!(printed.contains("/set-up"), "{printed}");
    let code = printed
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 14 && l.matches('-').count() == 2)
        .expect("a code in groups of four")
        .to_string();
    let second = run(&args);
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("already set up"));
    let help = run(&["setup", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout).to_string();
    for word in [
        "--council",
        "--email",
        "DATABASE_URL",
        "HEARTH_AUDIT_KEY_FILE",
    ] {
        assert!(help.contains(word), "{word} in {help}");
    }

    let served = support::process::Process::start(&database_url, &["serve"]).await;
    let claimed = served
        .post(
            "/api/set_up_account",
            &[
                ("code", &code),
                ("new_password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
            None,
        )
        .await;
    assert!(claimed.session_cookie().is_some(), "the code signs in");
    served.stop().await;
    let _ = std::fs::remove_dir_all(&data);
}
