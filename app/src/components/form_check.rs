//! Which shared-core rules a form runs in the browser before it is sent, with what those rules
//! need to know from the page (today's date, who is in the family). It is plain data, so the
//! server can hand it to the browser with the page; the rules themselves are the ones the
//! server function applies, so the browser and the server never disagree.
//!
//! Each form's rules are a split point (`form_rules`): the release build puts them in a wasm
//! chunk of their own, fetched when a page with that form wakes. A parent's page then carries a
//! parent's rules, not every form's (decision 21). The island carries the check as JSON text,
//! and reading it is a split point too ([`run`]): the code that reads every form's facts (about
//! a fifth of the main module when it was there) comes with the first check, not with the page.

use super::form_rules as rules;
use crate::domain::ids::{AccountId, MemberId};
use crate::domain::mi::change_plan::PlanPart;
use crate::domain::plan::PlanMember;
use crate::domain::workbook::Person;
use crate::error::FieldErrors;
use chrono::NaiveDate;
use leptos::wasm_split::wasm_split;
use leptos::web_sys::FormData;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::pin::Pin;

/// One variant per form that checks itself, named after the server function it posts to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FormCheck {
    SetUpAccount,
    ClaimInvitation,
    ChangePassword,
    ConfirmIdentity,
    ConfirmSecondFactor,
    CreateTeam,
    RenameTeam,
    CreateStaffAccount,
    OpenReferral {
        social_workers: Vec<AccountId>,
    },
    OpenFamily,
    KeepApart {
        adults: Vec<MemberId>,
    },
    AddMember {
        today: NaiveDate,
    },
    CorrectMember {
        today: NaiveDate,
    },
    MemberLeft {
        today: NaiveDate,
    },
    RecordLegalStatus {
        today: NaiveDate,
    },
    RecordFinding {
        adults: Vec<MemberId>,
        today: NaiveDate,
    },
    CloseCase {
        today: NaiveDate,
    },
    ReopenCase,
    SaveGoal {
        today: NaiveDate,
        members: Vec<PlanMember>,
    },
    SaveStep {
        today: NaiveDate,
        members: Vec<PlanMember>,
    },
    SaveSafety {
        today: NaiveDate,
        members: Vec<PlanMember>,
    },
    RecordHouses {
        today: NaiveDate,
        members: Vec<PlanMember>,
    },
    AddCheckIn {
        today: NaiveDate,
    },
    RateGoal,
    TellWorker,
    ReplyToFamily,
    SaveEntry {
        people: Vec<Person>,
        today: NaiveDate,
    },
    SaveSchedule {
        today: NaiveDate,
    },
    RecordSupervision {
        owners: Vec<AccountId>,
        today: NaiveDate,
    },
    RecordStage {
        today: NaiveDate,
    },
    RecordChangeTalk {
        today: NaiveDate,
    },
    NoteOnChangePlan,
    AddBalanceItem,
    AddOwnBalanceItem,
    GiveRuler,
    SaveChangePlan {
        latest: Vec<(PlanPart, String)>,
    },
    AddPrompt,
    FindRequestSubject,
    LogInformationRequest {
        today: NaiveDate,
    },
    RecordIdentityCheck {
        received_on: NaiveDate,
        today: NaiveDate,
    },
    ExtendInformationRequest {
        starts: NaiveDate,
        today: NaiveDate,
    },
    FinishInformationRequest {
        received_on: NaiveDate,
        today: NaiveDate,
    },
    Withhold,
    KeepRecordsLonger {
        today: NaiveDate,
    },
    PlaceLegalHold,
    LiftLegalHold,
    DestroyFamily,
}

impl FormCheck {
    /// The check as the island carries it to the browser, read there by [`run`]. An empty
    /// text (it cannot happen for this plain data) reads as no check: the server answers.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// What is wrong with the form as filled in. `None` when it cannot be read as the server
    /// function's arguments, or when its rules could not be fetched (no signal): the browser
    /// then sends it and the server, which checks everything anyway, answers.
    async fn errors(self, form: FormData) -> Option<FieldErrors> {
        let checked = match self {
            Self::SetUpAccount => rules::set_up_account(form).await,
            Self::ClaimInvitation => rules::claim_invitation(form).await,
            Self::ChangePassword => rules::change_password(form).await,
            Self::ConfirmIdentity => rules::confirm_identity(form).await,
            Self::ConfirmSecondFactor => rules::confirm_second_factor(form).await,
            Self::CreateTeam => rules::create_team(form).await,
            Self::RenameTeam => rules::rename_team(form).await,
            Self::CreateStaffAccount => rules::create_staff_account(form).await,
            Self::OpenReferral { social_workers } => {
                rules::open_referral(form, social_workers).await
            }
            Self::OpenFamily => rules::open_family(form).await,
            Self::KeepApart { adults } => rules::keep_apart(form, adults).await,
            Self::AddMember { today } => rules::add_member(form, today).await,
            Self::CorrectMember { today } => rules::correct_member(form, today).await,
            Self::MemberLeft { today } => rules::member_left(form, today).await,
            Self::RecordLegalStatus { today } => rules::record_legal_status(form, today).await,
            Self::RecordFinding { adults, today } => {
                rules::record_finding(form, adults, today).await
            }
            Self::CloseCase { today } => rules::close_case(form, today).await,
            Self::ReopenCase => rules::reopen_case(form).await,
            Self::SaveGoal { today, members } => rules::save_goal(form, today, members).await,
            Self::SaveStep { today, members } => rules::save_step(form, today, members).await,
            Self::SaveSafety { today, members } => rules::save_safety(form, today, members).await,
            Self::RecordHouses { today, members } => {
                rules::record_houses(form, today, members).await
            }
            Self::AddCheckIn { today } => rules::add_check_in(form, today).await,
            Self::RateGoal => rules::rate_goal(form).await,
            Self::TellWorker => rules::tell_worker(form).await,
            Self::ReplyToFamily => rules::reply_to_family(form).await,
            Self::SaveEntry { people, today } => rules::save_entry(form, people, today).await,
            Self::SaveSchedule { today } => rules::save_schedule(form, today).await,
            Self::RecordSupervision { owners, today } => {
                rules::record_supervision(form, owners, today).await
            }
            Self::RecordStage { today } => rules::record_stage(form, today).await,
            Self::RecordChangeTalk { today } => rules::record_change_talk(form, today).await,
            Self::NoteOnChangePlan => rules::note_on_change_plan(form).await,
            Self::AddBalanceItem => rules::add_balance_item(form).await,
            Self::AddOwnBalanceItem => rules::add_own_balance_item(form).await,
            Self::GiveRuler => rules::give_ruler(form).await,
            Self::SaveChangePlan { latest } => rules::save_change_plan(form, latest).await,
            Self::AddPrompt => rules::add_prompt(form).await,
            Self::FindRequestSubject => rules::find_request_subject(form).await,
            Self::LogInformationRequest { today } => {
                rules::log_information_request(form, today).await
            }
            Self::RecordIdentityCheck { received_on, today } => {
                rules::record_identity_check(form, received_on, today).await
            }
            Self::ExtendInformationRequest { starts, today } => {
                rules::extend_information_request(form, starts, today).await
            }
            Self::FinishInformationRequest { received_on, today } => {
                rules::finish_information_request(form, received_on, today).await
            }
            Self::Withhold => rules::withhold(form).await,
            Self::KeepRecordsLonger { today } => rules::keep_records_longer(form, today).await,
            Self::PlaceLegalHold => rules::place_legal_hold(form).await,
            Self::LiftLegalHold => rules::lift_legal_hold(form).await,
            Self::DestroyFamily => rules::destroy_family(form).await,
        };
        checked.ok().flatten()
    }
}

/// What the browser's check of one form finds (see [`FormCheck::errors`]).
pub type Finding = Pin<Box<dyn Future<Output = Option<FieldErrors>>>>;

/// Reads a check the island carried ([`FormCheck::to_json`]) and runs its form's rules. A split
/// point, whose future is boxed because split points cannot be `async`; `Err` when it cannot
/// be fetched (no signal). Text that is not a check finds nothing, and the form is sent for the
/// server to answer.
#[wasm_split(form_check, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn run(check: String, form: FormData) -> Result<Finding, rules::NotFetched> {
    Ok(Box::pin(async move {
        match serde_json::from_str::<FormCheck>(&check) {
            Ok(check) => check.errors(form).await,
            Err(_) => None,
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::family::MemberKind;

    #[test]
    fn a_check_reads_back_as_it_was_drawn() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
        let child = PlanMember {
            id: MemberId::new(),
            name: "Kai \"KJ\" Ashworth".into(),
            kind: MemberKind::Child,
        };
        for check in [
            FormCheck::RateGoal,
            FormCheck::AddMember { today },
            FormCheck::SaveGoal {
                today,
                members: vec![child],
            },
            FormCheck::SaveChangePlan {
                latest: vec![(PlanPart::Why, "For them, and me".into())],
            },
        ] {
            let read = serde_json::from_str::<FormCheck>(&check.to_json());
            assert_eq!(read.ok(), Some(check));
        }
        assert!(serde_json::from_str::<FormCheck>("").is_err());
    }
}
