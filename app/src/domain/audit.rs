//! The audit trail as managers read it.

use crate::domain::viewer::ViewerKind;
use serde::{Deserialize, Serialize};

/// What an entry stores as its actor's name: the role, never the person's name, which could
/// outlive the erasure of their account. The page shows the account's current name, looked up
/// from `actor_id` when it is read (docs/decisions/0014-audit-key-and-anchor.md).
pub fn actor_label(kind: &ViewerKind) -> &'static str {
    match kind {
        ViewerKind::Staff { role, .. } => role.label(),
        ViewerKind::FamilyMember { .. } => FAMILY_MEMBER,
    }
}

pub const FAMILY_MEMBER: &str = "Family member";

coded_enum!(
    /// What happened. Every read and change of case content is one of these.
    AuditAction {
        SignIn => "sign_in", "Signed in";
        SignInRefused => "sign_in_refused", "Sign-in refused";
        SignOut => "sign_out", "Signed out";
        SignOutEverywhere => "sign_out_everywhere", "Signed out on every device";
        EndSession => "end_session", "Signed out one of their devices";
        ViewSessions => "view_sessions", "Viewed where they are signed in";
        SetUpSecondFactor => "set_up_second_factor", "Set up a second factor";
        ChangePassword => "change_password", "Changed their password";
        ConfirmIdentity => "confirm_identity", "Gave their password again";
        ReviewBreakGlass => "review_break_glass", "Reviewed an opening outside the team";
        ViewBreakGlassReviews => "view_break_glass_reviews", "Viewed openings outside the team";
        ViewCaseload => "view_caseload", "Viewed caseload";
        ViewFamily => "view_family", "Viewed family";
        OpenOutsideTeam => "open_outside_team", "Opened a family outside their team";
        CreateInvitation => "create_invitation", "Created an invitation code";
        ShowInvitationCode => "show_invitation_code", "Was shown an invitation code";
        ClaimInvitation => "claim_invitation", "Set up a family account";
        ViewOwnPage => "view_own_page", "Family member viewed their page";
        ViewAuditTrail => "view_audit_trail", "Viewed the audit trail";
        ViewAccounts => "view_accounts", "Viewed accounts";
        SetUpCouncil => "set_up_council", "Set up Hearth for the council";
        CreateTeam => "create_team", "Created a team";
        RenameTeam => "rename_team", "Renamed a team";
        ViewTeams => "view_teams", "Viewed the teams";
        CreateStaffAccount => "create_staff_account", "Created a staff account";
        ViewStaffAccount => "view_staff_account", "Viewed a staff account";
        DisableAccount => "disable_account", "Disabled an account";
        EnableAccount => "enable_account", "Re-enabled an account";
        MoveAccount => "move_account", "Moved a member of staff to another team";
        ViewAllocation => "view_allocation", "Viewed who works with a family";
        ChangeAllocation => "change_allocation", "Changed who works with a family";
        MoveFamily => "move_family", "Moved a family to another team";
        SetWorkerRef => "set_worker_ref", "Set a member of staff's case system worker ID";
        CheckExtract => "check_extract", "Checked the case system's extract";
        ImportExtract => "import_extract", "Imported the case system's extract";
        ViewImports => "view_imports", "Viewed the case system's imports";
        OpenFamily => "open_family", "Opened a family for a referral";
        ViewHousehold => "view_household", "Viewed a family member's record";
        AddMember => "add_member", "Added someone to a household";
        CorrectMember => "correct_member", "Corrected a family member's details";
        MemberLeft => "member_left", "Recorded that someone left the household";
        RecordLegalStatus => "record_legal_status", "Recorded a child's legal status";
        ViewFindings => "view_findings", "Viewed the trio findings";
        RecordFinding => "record_finding", "Recorded or ended a trio finding";
        KeepApart => "keep_apart", "Marked two adults of a family as kept apart";
        EndKeepApart => "end_keep_apart", "Ended keeping two adults apart";
        CloseCase => "close_case", "Closed a family's case";
        ReopenCase => "reopen_case", "Reopened a family's case";
        CreateSetUpCode => "create_set_up_code", "Made a set-up code";
        ShowSetUpCode => "show_set_up_code", "Was shown a set-up code";
        UseSetUpCode => "use_set_up_code", "Chose their password with a set-up code";
        ViewPlan => "view_plan", "Viewed the family's plan";
        ViewGoal => "view_goal", "Viewed a goal";
        ViewGoalHistory => "view_goal_history", "Viewed a goal's history";
        CreateGoal => "create_goal", "Added a goal";
        UpdateGoal => "update_goal", "Changed a goal";
        ChangeGoalStatus => "change_goal_status", "Closed or reopened a goal";
        ReorderPlan => "reorder_plan", "Reordered goals or steps";
        SaveStep => "save_step", "Added or changed a step";
        MarkStep => "mark_step", "Marked a step done or not done";
        AddCheckIn => "add_check_in", "Recorded a 0 to 10 rating";
        SaveSafety => "save_safety", "Added or changed a danger statement";
        RecordThreeHouses => "record_three_houses", "Recorded a child's Three Houses";
        ReplyToFamily => "reply_to_family", "Replied to a family member";
        FamilyRating => "family_rating", "Family member rated their goal";
        FamilyWords => "family_words", "Family member wrote to their worker";
        ViewWorkbook => "view_workbook", "Viewed the workbook";
        RecordEntry => "record_entry", "Recorded a workbook entry";
        UpdateEntry => "update_entry", "Changed a workbook entry";
        ViewChronology => "view_chronology", "Viewed the chronology";
        ExportChronology => "export_chronology", "Exported the chronology";
        ViewAssessment => "view_assessment", "Viewed the integrated assessment";
        RecordSupervision => "record_supervision", "Recorded a group supervision";
        MarkAction => "mark_action", "Marked a supervision action";
        SaveSchedule => "save_schedule", "Changed the family's dates";
        RecordMeeting => "record_meeting", "Recorded a meeting";
        ViewWeek => "view_week", "Viewed their week";
        ViewTeamDashboard => "view_team_dashboard", "Viewed the team dashboard";
        ViewTeamWorkers => "view_team_workers", "Viewed the workers' load";
        UsePromptLibrary => "use_prompt_library", "Opened the prompt library";
        AddPrompt => "add_prompt", "Added a prompt to the team's library";
        RetirePrompt => "retire_prompt", "Retired a team prompt";
        ViewChangeWork => "view_change_work", "Viewed a goal's motivation and change plan";
        RecordStage => "record_stage", "Recorded a stage of change";
        RecordChangeTalk => "record_change_talk", "Noted change talk heard";
        NoteOnChangePlan => "note_on_change_plan", "Added a note beside a change plan";
        AddBalanceItem => "add_balance_item", "Added to a decisional balance";
        RemoveBalanceItem => "remove_balance_item", "Took back a decisional balance item";
        ViewOwnChangePlan => "view_own_change_plan", "Family member viewed their own plan for a goal";
        SaveOwnChangePlan => "save_own_change_plan", "Family member saved their change plan";
        FamilyRuler => "family_ruler", "Family member gave an importance or confidence ruler";
        ViewInformationRequests => "view_information_requests", "Viewed the subject access requests";
        FindRequestSubject => "find_request_subject", "Looked for whose data a subject access request is for";
        LogInformationRequest => "log_information_request", "Logged a subject access request";
        ViewInformationRequest => "view_information_request", "Viewed a subject access request";
        UpdateInformationRequest => "update_information_request", "Updated a subject access request";
        ViewDisclosureReview => "view_disclosure_review", "Read what a subject access request gathered";
        Withhold => "withhold", "Withheld a passage from a disclosure";
        TakeBackWithholding => "take_back_withholding", "Took back a withholding";
        ReviewDisclosure => "review_disclosure", "Said a disclosure is ready for approval";
        ApproveDisclosure => "approve_disclosure", "Approved a disclosure";
        ProduceDisclosure => "produce_disclosure", "Made a disclosure document";
        ViewDisposals => "view_disposals", "Viewed the disposal review queue";
        ViewFamilyDisposal => "view_family_disposal", "Viewed a family's retention and legal holds";
        KeepRecordsLonger => "keep_records_longer", "Kept a family's records beyond their period";
        PlaceLegalHold => "place_legal_hold", "Placed a legal hold on a family";
        LiftLegalHold => "lift_legal_hold", "Lifted a legal hold";
        DestroyFamily => "destroy_family", "Destroyed a family's records";
    }
);

coded_enum!(Outcome {
    Allowed => "allowed", "Allowed";
    Denied => "denied", "Refused";
});

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub seq: i64,
    /// Unix milliseconds.
    pub at: i64,
    pub actor_name: String,
    pub action: AuditAction,
    pub record: String,
    pub outcome: Outcome,
    pub detail: String,
    pub origin: String,
    /// Needs a manager's review: access outside the team, or a refusal.
    pub flagged: bool,
}
