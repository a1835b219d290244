//! The team's work on change for one goal. Forms stay on their page (see `api::plan`).

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::domain::mi::balance::BalanceItemForm;
use crate::domain::mi::change_talk::TallyForm;
use crate::domain::mi::stage::StageForm;
use crate::error::AppError;
use crate::page_data::change_work::{ChangeWork, Conversation};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "change_work")]
pub async fn load_change_work(family: String, goal: String) -> Result<ChangeWork, AppError> {
    use crate::domain::ids::{FamilyId, GoalId};
    run(async |caller| {
        crate::services::change_work::change_work(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "record_stage")]
pub async fn record_stage(
    family: String,
    goal: String,
    stage_note: String,
    #[server(flatten)] form: StageForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, GoalId, StageNoteId};
    run(async |caller| {
        crate::services::change_work::record_stage(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
            parse_id::<StageNoteId>(&stage_note)?,
            &form,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "record_change_talk")]
pub async fn record_change_talk(
    family: String,
    goal: String,
    tally: String,
    #[server(flatten)] form: TallyForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, GoalId, TallyId};
    run(async |caller| {
        crate::services::change_work::record_tally(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
            parse_id::<TallyId>(&tally)?,
            &form,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "note_on_change_plan")]
pub async fn note_on_change_plan(
    family: String,
    goal: String,
    member: String,
    note: String,
    #[server(default)] part: String,
    #[server(default)] body: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{ChangePlanWordsId, FamilyId, GoalId, MemberId};
    run(async |caller| {
        crate::services::change_work::note_on_plan(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
            parse_id::<MemberId>(&member)?,
            parse_id::<ChangePlanWordsId>(&note)?,
            &part,
            &body,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "add_balance_item")]
pub async fn add_balance_item(
    family: String,
    goal: String,
    member: String,
    item: String,
    #[server(flatten)] form: BalanceItemForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{BalanceItemId, FamilyId, GoalId, MemberId};
    run(async |caller| {
        crate::services::change_work::add_balance_item(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
            parse_id::<MemberId>(&member)?,
            parse_id::<BalanceItemId>(&item)?,
            &form,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "remove_balance_item")]
pub async fn remove_balance_item(
    family: String,
    goal: String,
    item: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{BalanceItemId, FamilyId, GoalId};
    run(async |caller| {
        crate::services::change_work::remove_balance_item(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
            parse_id::<BalanceItemId>(&item)?,
        )
        .await
    })
    .await
}

/// The prompts beside a visit or session, for the goal chosen (`goal` empty: none yet).
#[server(prefix = "/api", endpoint = "conversation_prompts")]
pub async fn conversation_prompts(
    family: String,
    #[server(default)] goal: String,
) -> Result<Conversation, AppError> {
    use crate::domain::ids::{FamilyId, GoalId};
    run(async |caller| {
        crate::services::change_work::conversation(
            caller,
            parse_id::<FamilyId>(&family)?,
            GoalId::parse(&goal),
        )
        .await
    })
    .await
}
