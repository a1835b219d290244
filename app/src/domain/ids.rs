//! Typed identifiers: a family id can never be passed where a member id is expected.
//! They are UUIDs made where the record is made, so a retried save is idempotent.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }

            /// Parses an id from a URL or form; `None` for anything that is not a UUID.
            pub fn parse(text: &str) -> Option<Self> {
                Uuid::parse_str(text.trim()).ok().map(Self)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        /// Any text that is not a UUID is refused, whatever kind of id it names.
        impl std::str::FromStr for $name {
            type Err = uuid::Error;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(text.trim()).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        // Stored as the UUID's hyphenated text, in a text column on both backends.
        stored_as_text!(
            $name,
            |this| this.0.to_string(),
            |text| Uuid::parse_str(&text).ok().map($name)
        );
    };
}

id_type!(
    /// A local authority: the tenant.
    AuthorityId
);
id_type!(TeamId);
id_type!(
    /// An opening of a family outside one's team ("break glass").
    OpeningId
);
id_type!(
    /// Any account: a practitioner, manager, administrator or family member.
    AccountId
);
id_type!(FamilyId);
id_type!(
    /// A person in a family: an adult or a child.
    MemberId
);
id_type!(InvitationId);
id_type!(
    /// A subject access request: someone asking for a copy of a family member's data.
    InformationRequestId
);
id_type!(
    /// A passage, or words within it, withheld from one request's disclosure.
    WithholdingId
);
id_type!(
    /// A legal hold on a family: nothing of it is destroyed until the hold is lifted.
    LegalHoldId
);
id_type!(
    /// A reviewer's decision to keep a family's records beyond their retention period.
    ExtensionId
);
id_type!(
    /// One period of a child's legal status: a child in need plan, a child protection plan,
    /// pre-proceedings or care proceedings.
    LegalStatusId
);
id_type!(
    /// One of the trio found for one person of a family.
    FindingId
);
id_type!(
    /// A one-time code with which a member of staff chooses their password.
    SetUpCodeId
);
id_type!(
    /// A goal in a family's plan.
    GoalId
);
id_type!(
    /// A step towards a goal: who does what by when.
    StepId
);
id_type!(
    /// One 0–10 rating or ruler on a goal.
    CheckInId
);
id_type!(
    /// A danger statement with its safety goal.
    SafetyId
);
id_type!(
    /// A family member's words, or a practitioner's reply to them.
    CommentId
);
id_type!(
    /// One Three Houses record of a child's voice.
    HousesId
);
id_type!(
    /// A workbook entry: a visit, session, contact or monthly summary.
    EntryId
);
id_type!(
    /// A group supervision of one family.
    SupervisionId
);
id_type!(
    /// An action agreed in group supervision.
    ActionId
);
id_type!(
    /// A Motivational Interviewing prompt: from the library file, or added by a team.
    PromptId
);
id_type!(
    /// One recording of a goal's stage of change.
    StageNoteId
);
id_type!(
    /// The change talk and sustain talk heard in one session.
    TallyId
);
id_type!(
    /// One save of a family member's change plan, or a worker's note beside it.
    ChangePlanWordsId
);
id_type!(
    /// One item of a decisional balance.
    BalanceItemId
);
id_type!(
    /// What one check or import of the case system's extract came to.
    ExtractReportId
);
