//! Each form's shared-core rules as the browser runs them, one split point per form: the
//! release build (`cargo xtask build`) cuts each into a wasm chunk of its own, and the chunk is
//! fetched the first time its form is checked. Off the browser these are plain calls.
//!
//! A chunk that cannot be fetched (no signal) is `NotFetched`, never a panic: the form is then
//! sent unchecked and the server function, which applies the same rules, answers.

use crate::api::account::{ChangePassword, ConfirmIdentity, ConfirmSecondFactor};
use crate::api::case_record::{
    AddMember, CloseCase, CorrectMember, KeepApart, MemberLeft, OpenReferral, RecordFinding,
    RecordLegalStatus, ReopenCase,
};
use crate::api::change_work::{AddBalanceItem, NoteOnChangePlan, RecordChangeTalk, RecordStage};
use crate::api::disclosure::Withhold;
use crate::api::disposals::{DestroyFamily, KeepRecordsLonger, LiftLegalHold, PlaceLegalHold};
use crate::api::family::OpenFamily;
use crate::api::information_requests::{
    ExtendInformationRequest, FindRequestSubject, FinishInformationRequest, LogInformationRequest,
    RecordIdentityCheck,
};
use crate::api::invitations::ClaimInvitation;
use crate::api::own_change::{AddOwnBalanceItem, GiveRuler, SaveChangePlan};
use crate::api::own_plan::{RateGoal, TellWorker};
use crate::api::plan::{AddCheckIn, RecordHouses, ReplyToFamily, SaveGoal, SaveSafety, SaveStep};
use crate::api::prompts::AddPrompt;
use crate::api::set_up::SetUpAccount;
use crate::api::staff_accounts::CreateStaffAccount;
use crate::api::teams::{CreateTeam, RenameTeam};
use crate::api::workbook::{RecordSupervision, SaveEntry, SaveSchedule};
use crate::domain::closure::{parse_close, parse_reopen};
use crate::domain::credentials::{parse_password, validate_claim, validate_reason};
use crate::domain::findings::parse_finding;
use crate::domain::household::{parse_left, parse_member, parse_new_family};
use crate::domain::ids::{AccountId, MemberId};
use crate::domain::information_rights::disposal::{parse_destroy, parse_hold, parse_keep};
use crate::domain::information_rights::request::{
    parse_finish, parse_identity, parse_request, parse_search,
};
use crate::domain::information_rights::request_due::parse_extension;
use crate::domain::information_rights::withholding::parse_withholding;
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
use crate::domain::second_factor::validate_app_code;
use crate::domain::staff::account_form::validate_staff;
use crate::domain::staff::team_name::validate_team_name;
use crate::domain::workbook::Person;
use crate::domain::workbook_input::{errors_of_entry, parse_schedule, parse_supervision};
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;
use leptos::form::FromFormData;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos::web_sys::FormData;

/// A form's rules could not be fetched.
#[derive(Debug)]
pub struct NotFetched;

impl From<SplitLoaderError> for NotFetched {
    fn from(_: SplitLoaderError) -> Self {
        NotFetched
    }
}

/// What each rule returns: the errors, or `None` when the form cannot be read as the server
/// function's arguments (the server then answers).
type Checked = Result<Option<FieldErrors>, NotFetched>;

/// `fn name(form, facts…) reads Arguments => |arguments| errors;` declares one split point
/// that reads the form as the server function's `Arguments` and applies its rules.
macro_rules! form_rules {
    ($(
        fn $name:ident(form $(, $fact:ident: $ty:ty)*) reads $input:ty => |$i:ident| $rules:expr;
    )*) => {$(
        #[wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name(form: FormData $(, $fact: $ty)*) -> Checked {
            Ok(<$input as FromFormData>::from_form_data(&form).ok().map(|$i: $input| $rules))
        }
    )*};
}

form_rules! {
    fn set_up_account(form) reads SetUpAccount =>
        |i| validate_set_up(&i.code, &i.new_password, &i.confirm);
    fn claim_invitation(form) reads ClaimInvitation =>
        |i| validate_claim(&i.code, &i.login, &i.passphrase, &i.confirm);
    fn change_password(form) reads ChangePassword =>
        |i| validate_password_change(&i.current_password, &i.new_password, &i.confirm, &[]);
    fn confirm_identity(form) reads ConfirmIdentity => |i| {
        let mut errors = FieldErrors::default();
        check(&mut errors, "password", parse_password(&i.password));
        errors
    };
    fn confirm_second_factor(form) reads ConfirmSecondFactor => |i| validate_app_code(&i.code);
    fn create_team(form) reads CreateTeam => |i| validate_team_name(&i.name);
    fn rename_team(form) reads RenameTeam => |i| validate_team_name(&i.name);
    fn create_staff_account(form) reads CreateStaffAccount => |i| validate_staff(&i.form);
    fn open_referral(form, social_workers: Vec<AccountId>) reads OpenReferral =>
        |i| errors_of(parse_new_family(&i.form, &social_workers));
    fn open_family(form) reads OpenFamily => |i| validate_reason(&i.reason);
    fn keep_apart(form, adults: Vec<MemberId>) reads KeepApart =>
        |i| errors_of(parse_pair(&i.form, &adults));
    fn add_member(form, today: NaiveDate) reads AddMember =>
        |i| errors_of(parse_member(&i.form, today, false));
    fn correct_member(form, today: NaiveDate) reads CorrectMember =>
        |i| errors_of(parse_member(&i.form, today, true));
    fn member_left(form, today: NaiveDate) reads MemberLeft =>
        |i| errors_of(parse_left(&i.form, today));
    fn record_legal_status(form, today: NaiveDate) reads RecordLegalStatus =>
        |i| errors_of(parse_status(&i.form, today));
    fn record_finding(form, adults: Vec<MemberId>, today: NaiveDate) reads RecordFinding =>
        |i| errors_of(parse_finding(&i.form, &adults, today));
    fn close_case(form, today: NaiveDate) reads CloseCase =>
        |i| errors_of(parse_close(&i.form, today));
    fn reopen_case(form) reads ReopenCase => |i| errors_of(parse_reopen(&i.form));
    fn save_goal(form, today: NaiveDate, members: Vec<PlanMember>) reads SaveGoal =>
        |i| errors_of(parse_goal(&i.form, &Context { today, members: &members }));
    fn save_step(form, today: NaiveDate, members: Vec<PlanMember>) reads SaveStep =>
        |i| errors_of(parse_step(&i.form, &Context { today, members: &members }));
    fn save_safety(form, today: NaiveDate, members: Vec<PlanMember>) reads SaveSafety =>
        |i| errors_of(parse_safety(&i.form, &Context { today, members: &members }));
    fn record_houses(form, today: NaiveDate, members: Vec<PlanMember>) reads RecordHouses =>
        |i| errors_of(parse_houses(&i.form, &Context { today, members: &members }));
    fn add_check_in(form, today: NaiveDate) reads AddCheckIn =>
        |i| errors_of(parse_check_in(&i.form, today));
    fn rate_goal(form) reads RateGoal => |i| errors_of(parse_own_rating(&i.score, &i.comment));
    fn tell_worker(form) reads TellWorker =>
        |i| errors_of(parse_words(&i.body, "what you want your worker to know"));
    fn reply_to_family(form) reads ReplyToFamily =>
        |i| errors_of(parse_words(&i.body, "your reply"));
    fn save_entry(form, people: Vec<Person>, today: NaiveDate) reads SaveEntry =>
        |i| errors_of_entry(&i.form, &people, today);
    fn save_schedule(form, today: NaiveDate) reads SaveSchedule =>
        |i| errors_of(parse_schedule(&i.initial_conference_on, &i.visit_every, today));
    fn record_supervision(form, owners: Vec<AccountId>, today: NaiveDate) reads RecordSupervision =>
        |i| errors_of(parse_supervision(&i.form, &owners, today));
    fn record_stage(form, today: NaiveDate) reads RecordStage =>
        |i| errors_of(parse_stage(&i.form, today));
    fn record_change_talk(form, today: NaiveDate) reads RecordChangeTalk =>
        |i| errors_of(parse_required_tally(&i.form, today));
    fn note_on_change_plan(form) reads NoteOnChangePlan => |i| errors_of(parse_note(&i.part, &i.body));
    fn add_balance_item(form) reads AddBalanceItem => |i| errors_of(parse_item(&i.form));
    fn add_own_balance_item(form) reads AddOwnBalanceItem => |i| errors_of(parse_item(&i.form));
    fn give_ruler(form) reads GiveRuler => |i| errors_of(parse_own_ruler(&i.form));
    fn save_change_plan(form, latest: Vec<(PlanPart, String)>) reads SaveChangePlan =>
        |i| errors_of(parse_changes(&latest, &i.form.answers()));
    fn add_prompt(form) reads AddPrompt => |i| errors_of(parse_prompt(&i.form, &[]));
    fn find_request_subject(form) reads FindRequestSubject => |i| errors_of(parse_search(&i.name));
    fn log_information_request(form, today: NaiveDate) reads LogInformationRequest =>
        |i| errors_of(parse_request(&i.form, today));
    fn record_identity_check(form, received_on: NaiveDate, today: NaiveDate) reads RecordIdentityCheck =>
        |i| errors_of(parse_identity(&i.form, received_on, today));
    fn extend_information_request(form, starts: NaiveDate, today: NaiveDate) reads ExtendInformationRequest =>
        |i| errors_of(parse_extension(&i.form, starts, today));
    fn finish_information_request(form, received_on: NaiveDate, today: NaiveDate) reads FinishInformationRequest =>
        |i| errors_of(parse_finish(&i.form, received_on, today));
    fn withhold(form) reads Withhold => |i| errors_of(parse_withholding(&i.form));
    fn keep_records_longer(form, today: NaiveDate) reads KeepRecordsLonger =>
        |i| errors_of(parse_keep(&i.form, today));
    fn place_legal_hold(form) reads PlaceLegalHold => |i| errors_of(parse_hold(&i.form));
    fn lift_legal_hold(form) reads LiftLegalHold => |i| errors_of(parse_hold(&i.form));
    fn destroy_family(form) reads DestroyFamily => |i| errors_of(parse_destroy(&i.form));
}
