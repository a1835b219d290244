//! The MI prompt library: reading it with a filter, and a team's own prompts.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::domain::mi::prompt_input::PromptForm;
use crate::error::AppError;
use crate::page_data::prompt_library::PromptLibrary;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "prompt_library")]
pub async fn load_prompt_library(
    #[server(default)] words: String,
    #[server(default)] technique: String,
    #[server(default)] area: String,
    #[server(default)] stage: String,
) -> Result<PromptLibrary, AppError> {
    use crate::domain::mi::prompt::PromptFilter;
    run(async |caller| {
        let filter = PromptFilter::from_query(&words, &technique, &area, &stage);
        crate::services::prompts::library(caller, filter).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "add_prompt")]
pub async fn add_prompt(
    prompt: String,
    #[server(flatten)] form: PromptForm,
) -> Result<(), AppError> {
    use crate::domain::ids::PromptId;
    run(async |caller| {
        crate::services::prompts::add(caller, parse_id::<PromptId>(&prompt)?, &form).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "retire_prompt")]
pub async fn retire_prompt(prompt: String) -> Result<(), AppError> {
    use crate::domain::ids::PromptId;
    run(async |caller| {
        crate::services::prompts::retire(caller, parse_id::<PromptId>(&prompt)?).await
    })
    .await
}
