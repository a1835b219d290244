//! The MI prompt library: search and filter on a phone (a plain GET form), every prompt with
//! why it helps, and a team's own prompts added and retired in place.

use crate::api::prompts::{load_prompt_library, AddPrompt, RetirePrompt};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Checkboxes, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::goal::GoalArea;
use crate::domain::ids::PromptId;
use crate::domain::mi::prompt::Prompt;
use crate::domain::mi::stage::Stage;
use crate::domain::mi::technique::Technique;
use crate::page_data::prompt_library::PromptLibrary;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PromptLibraryPage() -> impl IntoView {
    let query = use_query_map();
    let page = Resource::new(
        move || {
            let q = query.read();
            let get = |k: &str| q.get(k).unwrap_or_default();
            (get("words"), get("technique"), get("area"), get("stage"))
        },
        |(words, technique, area, stage)| load_prompt_library(words, technique, area, stage),
    );
    view! {
        <Title text="MI prompts"/>
        <h1>"Motivational Interviewing prompts"</h1>
        <Suspense fallback=|| view! { <p>"Loading the prompts…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(library) => view! { <LibraryView library/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|t| (code(*t).to_string(), label(*t).to_string()))
        .collect()
}

#[component]
fn FilterSelect(
    name: &'static str,
    label: &'static str,
    all_label: &'static str,
    options: Vec<(String, String)>,
    chosen: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label" for=format!("filter-{name}")>{label}</label>
            <select class="select" id=format!("filter-{name}") name=name>
                <option value="">{all_label}</option>
                {options.into_iter().map(|(code, text)| {
                    let selected = chosen == Some(code.as_str());
                    view! { <option value=code selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn LibraryView(library: PromptLibrary) -> impl IntoView {
    let filter = library.filter.clone();
    let found = library.found.len();
    let summary = if filter.is_empty() {
        format!("All {} prompts", library.total)
    } else {
        format!("{found} of {} prompts match", library.total)
    };
    let can_retire = library.can_retire;
    view! {
        <p class="lead">"Questions and reflections for conversations about change, each with why it helps. Find them by words, technique, area and stage of change."</p>
        <form method="get" class="panel filter-form" role="search">
            <div class="form-group">
                <label class="label" for="filter-words">"Words"</label>
                <input class="input" id="filter-words" name="words" type="search" value=filter.words.clone()/>
            </div>
            <FilterSelect name="technique" label="Technique" all_label="All techniques"
                options=options(Technique::ALL, Technique::code, Technique::label)
                chosen=filter.technique.map(Technique::code)/>
            <FilterSelect name="area" label="Area" all_label="All areas"
                options=options(GoalArea::ALL, GoalArea::code, GoalArea::label)
                chosen=filter.area.map(GoalArea::code)/>
            <FilterSelect name="stage" label="Stage of change" all_label="All stages"
                options=options(Stage::ALL, Stage::code, Stage::label)
                chosen=filter.stage.map(Stage::code)/>
            <div class="button-group">
                <button type="submit" class="button">"Find prompts"</button>
                <a class="link" href="/prompts">"Clear"</a>
            </div>
        </form>
        <h2 id="found" aria-live="polite">{summary}</h2>
        {if library.found.is_empty() {
            view! { <p>"No prompts match. Try fewer words or another stage."</p> }.into_any()
        } else {
            view! {
                <ul class="prompt-list">
                    {library.found.into_iter().map(|p| view! { <PromptItem prompt=p can_retire/> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <AddPromptForm/>
    }
}

#[component]
fn PromptItem(prompt: Prompt, can_retire: bool) -> impl IntoView {
    let tags = format!(
        "{} · {}",
        prompt.areas.labels("All areas"),
        prompt.stages.labels("All stages")
    );
    let own = prompt
        .added_by
        .clone()
        .map(|by| format!("Added by {by} for your team"));
    let retire = (can_retire && prompt.team.is_some()).then(|| {
        let action = ServerAction::<RetirePrompt>::new();
        let id = prompt.id.to_string();
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="prompt" value=id/>
                <button type="submit" class="button button--secondary button--small">"Retire"<span class="visually-hidden">" this prompt"</span></button>
            </ActionForm>
        }
    });
    view! {
        <li class="prompt">
            <p class="prompt__text">{prompt.text.clone()}</p>
            <p class="prompt__meta"><strong class="tag tag--blue">{prompt.technique.label()}</strong>" "{tags}</p>
            <p class="prompt__why">{prompt.why.clone()}</p>
            {own.map(|o| view! { <p class="caption">{o}</p> })}
            {retire}
        </li>
    }
}

#[component]
fn AddPromptForm() -> impl IntoView {
    let feedback = Feedback::of::<AddPrompt>();
    let check = FormCheck::AddPrompt;
    view! {
        <section class="no-print" aria-labelledby="add-prompt">
            <h2 id="add-prompt">"Add a prompt for your team"</h2>
            <p>"Write it in your own words, as you would say it. Your team sees it alongside the library."</p>
            <ErrorSummary feedback/>
            <CheckedForm action=AddPrompt::url() check feedback class="panel">
                <input type="hidden" name="prompt" value=PromptId::new().to_string()/>
                <Select feedback name="technique" label="Technique" options=options(Technique::ALL, Technique::code, Technique::label)/>
                <TextArea feedback name="text" label="The prompt" hint="What you might say. Never ask why a score is not higher." rows=3/>
                <TextArea feedback name="why" label="Why this helps" hint="One line." rows=2/>
                <Checkboxes feedback name="areas" legend="Areas" hint="Leave all unticked for every area." options=options(GoalArea::ALL, GoalArea::code, GoalArea::label)/>
                <Checkboxes feedback name="stages" legend="Stages of change" hint="Leave all unticked for every stage." options=options(Stage::ALL, Stage::code, Stage::label)/>
                <SubmitButton label="Add prompt" busy_label="Adding…"/>
            </CheckedForm>
        </section>
    }
}
