//! Every address a page links or redirects to, built in one place from typed ids, so a route and
//! the links to it cannot drift apart (the routes themselves are in `app.rs`).

use crate::domain::ids::{
    AccountId, EntryId, FamilyId, GoalId, HousesId, InformationRequestId, MemberId, SafetyId,
    StepId, TeamId,
};

pub fn family(family: FamilyId) -> String {
    format!("/families/{family}")
}

/// Opening a family for a new referral.
pub const NEW_FAMILY: &str = "/families/new";

/// The caseload: the team's open families.
pub const CASELOAD: &str = "/families";

/// The team's closed cases, a page at a time.
pub const CLOSED_FAMILIES: &str = "/families/closed";

/// The team dashboard, a page of families at a time.
pub const TEAM: &str = "/team";

/// Each worker's load across the team.
pub const TEAM_WORKERS: &str = "/team/workers";

/// The household section of the family page.
pub fn household(family: FamilyId) -> String {
    format!("/families/{family}#members")
}

pub fn new_member(family: FamilyId) -> String {
    format!("/families/{family}/members/new")
}

/// One person's record, with a child's legal status history.
pub fn member(family: FamilyId, member: MemberId) -> String {
    format!("/families/{family}/members/{member}")
}

/// Adults kept apart, on the family page.
pub fn separation(family: FamilyId) -> String {
    format!("/families/{family}#kept-apart")
}

/// The trio's findings.
pub fn findings(family: FamilyId) -> String {
    format!("/families/{family}/findings")
}

/// Whether the case is open: closing and reopening it.
pub fn case_status(family: FamilyId) -> String {
    format!("/families/{family}/case")
}

/// The plan section of the family page.
pub fn family_plan(family: FamilyId) -> String {
    format!("/families/{family}#plan")
}

/// The child's voice section of the family page.
pub fn childs_voice(family: FamilyId) -> String {
    format!("/families/{family}#childs-voice")
}

pub fn goal(family: FamilyId, goal: GoalId) -> String {
    format!("/families/{family}/goals/{goal}")
}

pub fn new_goal(family: FamilyId) -> String {
    format!("/families/{family}/goals/new")
}

/// The goal's "Working on change" page.
pub fn goal_change(family: FamilyId, goal: GoalId) -> String {
    format!("/families/{family}/goals/{goal}/change")
}

/// The change talk tally on the goal's "Working on change" page.
pub fn change_talk(family: FamilyId, goal: GoalId) -> String {
    format!("/families/{family}/goals/{goal}/change#talk")
}

pub fn step(family: FamilyId, goal: GoalId, step: StepId) -> String {
    format!("/families/{family}/goals/{goal}/steps/{step}")
}

pub fn safety(family: FamilyId, safety: SafetyId) -> String {
    format!("/families/{family}/safety/{safety}")
}

pub fn houses(family: FamilyId, houses: HousesId) -> String {
    format!("/families/{family}/houses/{houses}")
}

pub fn workbook(family: FamilyId) -> String {
    format!("/families/{family}/workbook")
}

/// An entry where it stands in the workbook.
pub fn entry_in_workbook(family: FamilyId, entry: EntryId) -> String {
    format!("/families/{family}/workbook#entry-{entry}")
}

pub fn entry(family: FamilyId, entry: EntryId) -> String {
    format!("/families/{family}/workbook/{entry}")
}

pub fn edit_entry(family: FamilyId, entry: EntryId) -> String {
    format!("/families/{family}/workbook/{entry}/edit")
}

/// The form for a new entry of `kind` (an `EntryKind` code).
pub fn new_entry(family: FamilyId, kind: &str) -> String {
    format!("/families/{family}/workbook/new/{kind}")
}

/// Who works with the family: its team's manager and administrators choose.
pub fn allocation(family: FamilyId) -> String {
    format!("/families/{family}/allocation")
}

pub fn chronology(family: FamilyId) -> String {
    format!("/families/{family}/chronology")
}

/// The chronology as CSV; `query` is the page's filter, already encoded.
pub fn chronology_csv(family: FamilyId, query: &str) -> String {
    if query.is_empty() {
        format!("/families/{family}/chronology.csv")
    } else {
        format!("/families/{family}/chronology.csv?{query}")
    }
}

pub fn assessment(family: FamilyId) -> String {
    format!("/families/{family}/assessment")
}

pub fn supervision(family: FamilyId) -> String {
    format!("/families/{family}/supervision")
}

/// A family member's own page for one of their goals.
pub fn own_goal(goal: GoalId) -> String {
    format!("/me/goals/{goal}")
}

pub const ACCOUNT: &str = "/account";
/// Where a member of staff chooses their password with a set-up code.
pub const SET_UP: &str = "/set-up";
/// The administrator's home: the council's staff accounts.
pub const ACCOUNTS: &str = "/accounts";
pub const NEW_STAFF: &str = "/accounts/new";
pub const TEAMS: &str = "/teams";
/// The case system's extract: upload a check or an import, and see the latest.
pub const IMPORTS: &str = "/imports";
/// Where the upload form posts its files (a route of its own, not a server function: it
/// authorizes before it reads the files, and reads them with its own limits).
pub const IMPORT_UPLOAD: &str = "/imports/upload";

pub fn extract_report(report: crate::domain::ids::ExtractReportId) -> String {
    format!("/imports/{report}")
}

pub fn staff_account(account: AccountId) -> String {
    format!("/accounts/{account}")
}

pub fn team_admin(team: TeamId) -> String {
    format!("/teams/{team}")
}
pub const SECOND_FACTOR: &str = "/account/second-factor";
pub const CHANGE_PASSWORD: &str = "/account/password";
pub const CODE_STEP: &str = "/login/code";

pub fn recovery_codes(held: &str) -> String {
    format!("/account/recovery-codes?shown={held}")
}

/// Confirming it is you, then going back to `then`.
pub fn confirm_identity(then: &str) -> String {
    let then: String = local_path(then)
        .unwrap_or("/")
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                char::from(b).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect();
    format!("/confirm?then={then}")
}

/// `text` if it is a path on this site: where to go back to after confirming, which must never
/// lead to another site (`//evil.example`, `/\evil.example`, `https:`).
pub fn local_path(text: &str) -> Option<&str> {
    let ok = text.starts_with('/')
        && !text.starts_with("//")
        && text.len() <= 512
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.~?=&%".contains(c));
    ok.then_some(text)
}

/// Subject access requests: the open ones by due date.
pub const INFORMATION_REQUESTS: &str = "/information-requests";

/// Finding whose data a new request is for.
pub const FIND_REQUEST_SUBJECT: &str = "/information-requests/find";

/// Logging a request about one family member.
pub fn new_information_request(member: MemberId) -> String {
    format!("/information-requests/new/{member}")
}

pub fn information_request(request: InformationRequestId) -> String {
    format!("/information-requests/{request}")
}

/// Reviewing what a request gathered, withholding, and approving.
pub fn disclosure_review(request: InformationRequestId) -> String {
    format!("/information-requests/{request}/review")
}

/// The approved disclosure, to print or save as PDF.
pub fn disclosure(request: InformationRequestId) -> String {
    format!("/information-requests/{request}/disclosure")
}

/// The disposal review: closed families whose retention periods have passed.
pub const DISPOSALS: &str = "/disposals";

/// One family's retention: its periods, legal holds, and the destruction form.
pub fn family_disposal(family: FamilyId) -> String {
    format!("/disposals/{family}")
}

#[cfg(test)]
mod local_path_tests {
    use super::local_path;

    #[test]
    fn the_way_back_is_one_query_value() {
        assert_eq!(
            super::confirm_identity("/families/a/chronology.csv?child=b&from=2026-01-01"),
            "/confirm?then=/families/a/chronology.csv%3Fchild%3Db%26from%3D2026-01-01"
        );
        assert_eq!(super::confirm_identity("//evil.example"), "/confirm?then=/");
    }

    #[test]
    fn only_paths_on_this_site() {
        assert_eq!(local_path("/families/abc?x=1"), Some("/families/abc?x=1"));
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example",
            "evil",
            "/a b",
            "/a\"b",
            "",
        ] {
            assert_eq!(local_path(bad), None, "{bad}");
        }
    }
}
