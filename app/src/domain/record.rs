//! Which kind of record something is, and a reference to one record that names its kind, so a
//! goal's id can never be taken for a step's.

use super::ids::{
    AccountId, ActionId, AuthorityId, BalanceItemId, ChangePlanWordsId, CheckInId, CommentId,
    EntryId, ExtensionId, ExtractReportId, FamilyId, FindingId, GoalId, HousesId,
    InformationRequestId, InvitationId, LegalHoldId, LegalStatusId, MemberId, OpeningId, PromptId,
    SafetyId, SetUpCodeId, StageNoteId, StepId, SupervisionId, TallyId, TeamId, WithholdingId,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

coded_enum!(
    /// What an audit entry or a sharing is about. The codes are the words already written into
    /// `audit_log.record_kind`, whose rows are hash-chained: never change one, only add.
    RecordKind {
        Account => "account", "Account";
        Accounts => "accounts", "Accounts";
        Assessment => "assessment", "Assessment";
        Authority => "authority", "Local authority";
        AuditTrail => "audit_trail", "Audit trail";
        BalanceItem => "balance_item", "Decisional balance item";
        BreakGlass => "break_glass", "Opening outside the team";
        Caseload => "caseload", "Caseload";
        ChangePlan => "change_plan", "Change plan";
        ChangeTalk => "change_talk", "Change talk";
        CheckIn => "check_in", "Check-in";
        Chronology => "chronology", "Chronology";
        Entry => "entry", "Workbook entry";
        Extract => "extract", "Case system extract";
        Family => "family", "Family";
        Finding => "finding", "Trio finding";
        FamilyWords => "family_words", "Family's words";
        Goal => "goal", "Goal";
        InformationRequest => "information_request", "Subject access request";
        InformationRequests => "information_requests", "Subject access requests";
        Invitation => "invitation", "Invitation";
        LegalStatus => "legal_status", "Legal status";
        Meeting => "meeting", "Meeting";
        Member => "member", "Family member";
        Plan => "plan", "Plan";
        PlanChange => "plan_change", "Change to a plan";
        Prompt => "prompt", "Prompt";
        PromptLibrary => "prompt_library", "Prompt library";
        Safety => "safety", "Danger statement and safety goal";
        Schedule => "schedule", "Schedule";
        SetUpCode => "set_up_code", "Set-up code";
        Stage => "stage", "Stage of change";
        Step => "step", "Step";
        Supervision => "supervision", "Group supervision";
        SupervisionAction => "supervision_action", "Supervision action";
        Team => "team", "Team";
        ThreeHouses => "three_houses", "Three Houses";
        Week => "week", "Week";
        Withholding => "withholding", "Withheld from a disclosure";
        Workbook => "workbook", "Workbook";
        Disclosure => "disclosure", "Disclosure";
        LegalHold => "legal_hold", "Legal hold";
        RetentionExtension => "retention_extension", "Records kept beyond their period";
        Disposals => "disposals", "Disposal review";
    }
);

/// `RecordRef`: one variant per kind of record that has its own id, named as its `RecordKind`.
macro_rules! record_ref {
    (records { $($kind:ident($id:ident),)* } others { $($view:ident,)* }) => {
        /// One record of a kind that has its own id. The kinds without one (a caseload, a week,
        /// the audit trail) are views, not records.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum RecordRef {
            $($kind($id),)*
        }

        impl RecordRef {
            pub fn kind(self) -> RecordKind {
                match self {
                    $(RecordRef::$kind(_) => RecordKind::$kind,)*
                }
            }

            /// The record's own id, as stored (`audit_log.record_id`, `shared_with.record_id`).
            pub fn id(self) -> Uuid {
                match self {
                    $(RecordRef::$kind(id) => id.0,)*
                }
            }

            /// The record of `kind` with `id`; `None` for a kind that has no records of its own.
            pub fn from_parts(kind: RecordKind, id: Uuid) -> Option<Self> {
                match kind {
                    $(RecordKind::$kind => Some(RecordRef::$kind($id(id))),)*
                    $(RecordKind::$view)|* => None,
                }
            }
        }

        $(
            impl From<$id> for RecordRef {
                fn from(id: $id) -> Self {
                    RecordRef::$kind(id)
                }
            }
        )*
    };
}

record_ref! {
    records {
        Account(AccountId),
        Authority(AuthorityId),
        BalanceItem(BalanceItemId),
        BreakGlass(OpeningId),
        ChangePlan(ChangePlanWordsId),
        ChangeTalk(TallyId),
        CheckIn(CheckInId),
        Entry(EntryId),
        Extract(ExtractReportId),
        Family(FamilyId),
        Finding(FindingId),
        FamilyWords(CommentId),
        Goal(GoalId),
        InformationRequest(InformationRequestId),
        Invitation(InvitationId),
        LegalHold(LegalHoldId),
        LegalStatus(LegalStatusId),
        Member(MemberId),
        Prompt(PromptId),
        RetentionExtension(ExtensionId),
        Safety(SafetyId),
        SetUpCode(SetUpCodeId),
        Stage(StageNoteId),
        Step(StepId),
        Supervision(SupervisionId),
        SupervisionAction(ActionId),
        Team(TeamId),
        ThreeHouses(HousesId),
        Withholding(WithholdingId),
    }
    // Kinds with no id type of their own: views, and records only the server makes. Listed so
    // that a new kind must be placed on one side or the other.
    others {
        Accounts,
        Disclosure,
        Disposals,
        InformationRequests,
        Assessment,
        AuditTrail,
        Caseload,
        Chronology,
        Meeting,
        Plan,
        PlanChange,
        PromptLibrary,
        Schedule,
        Week,
        Workbook,
    }
}

// Written as its id's text (`shared_with.record_id`). There is no decode: the column holds no kind,
// so a reader names the kind it asked for (see `store::goals`).
#[cfg(feature = "ssr")]
impl sqlx::Type<sqlx::Any> for RecordRef {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <String as sqlx::Type<sqlx::Any>>::type_info()
    }
}

#[cfg(feature = "ssr")]
impl<'q> sqlx::Encode<'q, sqlx::Any> for RecordRef {
    fn encode_by_ref(
        &self,
        buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <String as sqlx::Encode<'q, sqlx::Any>>::encode(self.id().to_string(), buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut codes: Vec<_> = RecordKind::ALL.iter().map(|k| k.code()).collect();
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::from_code(kind.code()), Some(*kind));
        }
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), RecordKind::ALL.len());
    }

    #[test]
    fn a_reference_keeps_its_kind_and_id() {
        let goal = GoalId::new();
        let record = RecordRef::from(goal);
        assert_eq!(record.kind(), RecordKind::Goal);
        assert_eq!(record.id(), goal.0);
        assert_eq!(
            RecordRef::from_parts(RecordKind::Goal, goal.0),
            Some(record)
        );
        // The same id as a step is another record.
        assert_ne!(
            RecordRef::from_parts(RecordKind::Step, goal.0),
            Some(record)
        );
        assert_eq!(RecordRef::from_parts(RecordKind::Caseload, goal.0), None);
    }
}
