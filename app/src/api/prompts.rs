//! The MI prompt library: reading it with a filter, and a team's own prompts.

use crate::domain::mi::library_page::PromptLibrary;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "prompt_library")]
pub async fn load_prompt_library(
    #[server(default)] words: String,
    #[server(default)] technique: String,
    #[server(default)] area: String,
    #[server(default)] stage: String,
) -> Result<PromptLibrary, AppError> {
    use crate::domain::mi::prompt::PromptFilter;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let filter = PromptFilter::from_query(&words, &technique, &area, &stage);
            crate::services::prompts::library(&caller, filter).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "add_prompt")]
pub async fn add_prompt(
    prompt: String,
    #[server(default)] technique: String,
    #[server(default)] areas: Vec<String>,
    #[server(default)] stages: Vec<String>,
    #[server(default)] text: String,
    #[server(default)] why: String,
) -> Result<(), AppError> {
    use crate::domain::ids::PromptId;
    use crate::domain::mi::prompt_input::PromptForm;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::prompts::add(
                &caller,
                crate::api::respond::id(&prompt, PromptId::parse)?,
                PromptForm {
                    technique: &technique,
                    areas: &areas,
                    stages: &stages,
                    text: &text,
                    why: &why,
                },
            )
            .await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "retire_prompt")]
pub async fn retire_prompt(prompt: String) -> Result<(), AppError> {
    use crate::domain::ids::PromptId;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::prompts::retire(
                &caller,
                crate::api::respond::id(&prompt, PromptId::parse)?,
            )
            .await
        }
        .await,
    )
}
