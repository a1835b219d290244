//! Which shared-core rules a form runs in the browser before it is sent, with what those rules
//! need to know from the page (today's date, who is in the family). It is plain data, so the
//! server can hand it to the browser with the page; the rules themselves are the ones the
//! server function applies, so the browser and the server never disagree.

use crate::api::account::{ChangePassword, ConfirmIdentity, ConfirmSecondFactor};
use crate::api::case_record::{
    AddMember, CloseCase, CorrectMember, KeepApart, MemberLeft, OpenReferral, RecordFinding,
    RecordLegalStatus, ReopenCase,
};
use crate::api::change_work::{AddBalanceItem, NoteOnChangePlan, RecordChangeTalk, RecordStage};
use crate::api::family::OpenFamily;
use crate::api::invitations::ClaimInvitation;
use crate::api::own_change::{AddOwnBalanceItem, GiveRuler, SaveChangePlan};
use crate::api::own_plan::{RateGoal, TellWorker};
use crate::api::plan::{AddCheckIn, RecordHouses, ReplyToFamily, SaveGoal, SaveSafety, SaveStep};
use crate::api::prompts::AddPrompt;
use crate::api::session::{SignIn, SignInCode};
use crate::api::set_up::SetUpAccount;
use crate::api::staff_accounts::CreateStaffAccount;
use crate::api::teams::{CreateTeam, RenameTeam};
use crate::api::workbook::{RecordSupervision, SaveEntry, SaveSchedule};
use crate::domain::closure::{parse_close, parse_reopen};
use crate::domain::credentials::{
    parse_password, validate_claim, validate_reason, validate_sign_in,
};
use crate::domain::findings::parse_finding;
use crate::domain::household::{parse_left, parse_member, parse_new_family};
use crate::domain::ids::{AccountId, MemberId};
use crate::domain::kept_apart::parse_pair;
use crate::domain::legal_status::parse_status;
use crate::domain::mi::balance::parse_item;
use crate::domain::mi::change_plan::{parse_changes, parse_note, PlanPart};
use crate::domain::mi::change_talk::parse_required_tally;
use crate::domain::mi::prompt_input::parse_prompt;
use crate::domain::mi::ruler::parse_own_ruler;
use crate::domain::mi::stage::parse_stage;
use crate::domain::new_password::{validate_password_change, validate_set_up};
use crate::domain::plan::PlanMember;
use crate::domain::plan_input::{
    errors_of, parse_check_in, parse_goal, parse_houses, parse_own_rating, parse_safety,
    parse_step, parse_words, Context,
};
use crate::domain::second_factor::{validate_app_code, validate_code};
use crate::domain::staff::account_form::validate_staff;
use crate::domain::staff::team_name::validate_team_name;
use crate::domain::workbook::Person;
use crate::domain::workbook_input::{errors_of_entry, parse_schedule, parse_supervision};
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;
use leptos::form::FromFormData;
use leptos::web_sys::FormData;
use serde::{Deserialize, Serialize};

/// One variant per form that checks itself, named after the server function it posts to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FormCheck {
    SignIn,
    SignInCode,
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
}

impl FormCheck {
    /// What is wrong with the form as filled in; `None` when it cannot be read as the server
    /// function's arguments, in which case the browser sends it and the server answers.
    pub fn errors(&self, form: &FormData) -> Option<FieldErrors> {
        Some(match self {
            Self::SignIn => read(form, |i: SignIn| validate_sign_in(&i.login, &i.password))?,
            Self::SignInCode => read(form, |i: SignInCode| validate_code(&i.code))?,
            Self::SetUpAccount => read(form, |i: SetUpAccount| {
                validate_set_up(&i.code, &i.new_password, &i.confirm)
            })?,
            Self::ClaimInvitation => read(form, |i: ClaimInvitation| {
                validate_claim(&i.code, &i.login, &i.passphrase, &i.confirm)
            })?,
            Self::ChangePassword => read(form, |i: ChangePassword| {
                validate_password_change(&i.current_password, &i.new_password, &i.confirm, &[])
            })?,
            Self::ConfirmIdentity => read(form, |i: ConfirmIdentity| {
                let mut errors = FieldErrors::default();
                check(&mut errors, "password", parse_password(&i.password));
                errors
            })?,
            Self::ConfirmSecondFactor => {
                read(form, |i: ConfirmSecondFactor| validate_app_code(&i.code))?
            }
            Self::CreateTeam => read(form, |i: CreateTeam| validate_team_name(&i.name))?,
            Self::RenameTeam => read(form, |i: RenameTeam| validate_team_name(&i.name))?,
            Self::CreateStaffAccount => {
                read(form, |i: CreateStaffAccount| validate_staff(&i.form))?
            }
            Self::OpenReferral { social_workers } => read(form, |i: OpenReferral| {
                errors_of(parse_new_family(&i.form, social_workers))
            })?,
            Self::OpenFamily => read(form, |i: OpenFamily| validate_reason(&i.reason))?,
            Self::KeepApart { adults } => {
                read(form, |i: KeepApart| errors_of(parse_pair(&i.form, adults)))?
            }
            Self::AddMember { today } => read(form, |i: AddMember| {
                errors_of(parse_member(&i.form, *today, false))
            })?,
            Self::CorrectMember { today } => read(form, |i: CorrectMember| {
                errors_of(parse_member(&i.form, *today, true))
            })?,
            Self::MemberLeft { today } => {
                read(form, |i: MemberLeft| errors_of(parse_left(&i.form, *today)))?
            }
            Self::RecordLegalStatus { today } => read(form, |i: RecordLegalStatus| {
                errors_of(parse_status(&i.form, *today))
            })?,
            Self::RecordFinding { adults, today } => read(form, |i: RecordFinding| {
                errors_of(parse_finding(&i.form, adults, *today))
            })?,
            Self::CloseCase { today } => {
                read(form, |i: CloseCase| errors_of(parse_close(&i.form, *today)))?
            }
            Self::ReopenCase => read(form, |i: ReopenCase| errors_of(parse_reopen(&i.form)))?,
            Self::SaveGoal { today, members } => read(form, |i: SaveGoal| {
                errors_of(parse_goal(&i.form, &context(*today, members)))
            })?,
            Self::SaveStep { today, members } => read(form, |i: SaveStep| {
                errors_of(parse_step(&i.form, &context(*today, members)))
            })?,
            Self::SaveSafety { today, members } => read(form, |i: SaveSafety| {
                errors_of(parse_safety(&i.form, &context(*today, members)))
            })?,
            Self::RecordHouses { today, members } => read(form, |i: RecordHouses| {
                errors_of(parse_houses(&i.form, &context(*today, members)))
            })?,
            Self::AddCheckIn { today } => read(form, |i: AddCheckIn| {
                errors_of(parse_check_in(&i.form, *today))
            })?,
            Self::RateGoal => read(form, |i: RateGoal| {
                errors_of(parse_own_rating(&i.score, &i.comment))
            })?,
            Self::TellWorker => read(form, |i: TellWorker| {
                errors_of(parse_words(&i.body, "what you want your worker to know"))
            })?,
            Self::ReplyToFamily => read(form, |i: ReplyToFamily| {
                errors_of(parse_words(&i.body, "your reply"))
            })?,
            Self::SaveEntry { people, today } => read(form, |i: SaveEntry| {
                errors_of_entry(&i.form, people, *today)
            })?,
            Self::SaveSchedule { today } => read(form, |i: SaveSchedule| {
                errors_of(parse_schedule(
                    &i.initial_conference_on,
                    &i.visit_every,
                    *today,
                ))
            })?,
            Self::RecordSupervision { owners, today } => read(form, |i: RecordSupervision| {
                errors_of(parse_supervision(&i.form, owners, *today))
            })?,
            Self::RecordStage { today } => read(form, |i: RecordStage| {
                errors_of(parse_stage(&i.form, *today))
            })?,
            Self::RecordChangeTalk { today } => read(form, |i: RecordChangeTalk| {
                errors_of(parse_required_tally(&i.form, *today))
            })?,
            Self::NoteOnChangePlan => read(form, |i: NoteOnChangePlan| {
                errors_of(parse_note(&i.part, &i.body))
            })?,
            Self::AddBalanceItem => read(form, |i: AddBalanceItem| errors_of(parse_item(&i.form)))?,
            Self::AddOwnBalanceItem => {
                read(form, |i: AddOwnBalanceItem| errors_of(parse_item(&i.form)))?
            }
            Self::GiveRuler => read(form, |i: GiveRuler| errors_of(parse_own_ruler(&i.form)))?,
            Self::SaveChangePlan { latest } => read(form, |i: SaveChangePlan| {
                errors_of(parse_changes(latest, &i.form.answers()))
            })?,
            Self::AddPrompt => read(form, |i: AddPrompt| errors_of(parse_prompt(&i.form, &[])))?,
        })
    }
}

/// The form as the server function's arguments, checked by `rules`.
fn read<S: FromFormData>(
    form: &FormData,
    rules: impl FnOnce(S) -> FieldErrors,
) -> Option<FieldErrors> {
    S::from_form_data(form).ok().map(rules)
}

fn context(today: NaiveDate, members: &[PlanMember]) -> Context<'_> {
    Context { today, members }
}
