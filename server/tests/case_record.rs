//! The case record a family's social workers and manager keep: a family opened for a referral
//! (once, however often the form is sent), its household added to and corrected with a reason,
//! each child's legal status history under the census validator's rules, the trio as findings,
//! and the case closed (read-only, off the caseload, the parent told) and reopened.

mod support;

use app::page_data::case_record::{FindingsView, MemberDetail};
use app::page_data::caseload::{Caseload, ClosedCases};
use app::page_data::family::FamilyDetail;
use support::logins::{MAYA, PRIYA, SAM};
use support::{day, new_id, TestApp};

const KELLY: &str = "kelly.ashworth";
const DANA: &str = "dana.price@brookford.example";

async fn account(app: &TestApp, login: &str) -> String {
    app.one_text("SELECT id FROM accounts WHERE login = $1", login)
        .await
}

async fn record(app: &TestApp, cookie: &str, family: &str, member: &str) -> MemberDetail {
    app.call(
        "member_record",
        &[("family", family), ("member", member)],
        Some(cookie),
    )
    .await
    .json()
}

#[path = "case_record/closure.rs"]
mod closure;
#[path = "case_record/household.rs"]
mod household;
#[path = "case_record/kept_apart.rs"]
mod kept_apart;
#[path = "case_record/legal_status.rs"]
mod legal_status;
