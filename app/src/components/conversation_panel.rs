//! Beside a visit or session being written: choose the goal it was about, and see prompts for
//! that goal's area and stage. A GET form, so the server renders the prompts without
//! JavaScript; with it, choosing a goal is enough while nothing has been typed yet (a new page
//! would lose what was).

use super::prompt_panel::PromptPanel;
use crate::api::change_work::conversation_prompts;
use crate::domain::ids::{FamilyId, GoalId};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;
use web_sys::{HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// `children` is the form being written: the prompts sit beside it on a wide screen and
/// below it on a phone, so the form comes first where there is room for only one column.
#[component]
pub fn ConversationPanel(family: String, children: Children) -> impl IntoView {
    let query = use_query_map();
    let for_family = family.clone();
    let conversation = Resource::new(
        move || query.read().get("goal").unwrap_or_default(),
        move |goal| conversation_prompts(for_family.clone(), goal),
    );
    let chooser = move || {
        Suspend::new(async move {
            let Ok(c) = conversation.await else {
                return ().into_any();
            };
            let chosen = c.chosen;
            view! {
                <form method="get" class="panel goal-chooser no-print">
                    <div class="form-group">
                        <label class="label" for="conversation-goal">"Which goal was this about?"</label>
                        <div class="hint">"Prompts for that goal's area and stage of change show with the form."</div>
                        <ChoosingShows>
                        <select class="select" id="conversation-goal" name="goal">
                            <option value="" selected=chosen.is_none()>"Not about one goal"</option>
                            {c.goals.into_iter().map(|(id, label)| {
                                let selected = chosen.as_deref() == Some(id.as_str());
                                view! { <option value=id selected=selected>{label}</option> }
                            }).collect_view()}
                        </select>
                        </ChoosingShows>
                    </div>
                    <button type="submit" class="button button--secondary">"Show prompts"</button>
                </form>
            }
            .into_any()
        })
    };
    let prompts = move || {
        let family = family.clone();
        Suspend::new(async move {
            let Ok(c) = conversation.await else {
                return ().into_any();
            };
            let (Some(goal), Some(offered)) = (c.chosen, c.offered) else {
                return ().into_any();
            };
            // The tally lives with the goal; after the conversation it is one tap away.
            let tally = FamilyId::parse(&family)
                .zip(GoalId::parse(&goal))
                .map(|(family, goal)| crate::paths::change_talk(family, goal));
            view! {
                <div class="with-panel__side">
                    <PromptPanel offered id="visit-prompts"/>
                    <p class="no-print"><a class="link" href=tally>"Afterwards, note the change talk you heard"</a></p>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <Suspense fallback=|| ()>{chooser}</Suspense>
        <div class="with-panel">
            <div class="with-panel__main">{children()}</div>
            <Suspense fallback=|| ()>{prompts}</Suspense>
        </div>
    }
}

/// Sends the chooser's form as soon as a goal is chosen, unless something has been typed in
/// another form on the page: then the worker presses "Show prompts" when they are ready.
#[island]
fn ChoosingShows(children: Children) -> impl IntoView {
    let on_change = |ev: leptos::ev::Event| {
        let Some(form) = ev
            .target()
            .and_then(|target| target.dyn_into::<HtmlSelectElement>().ok())
            .and_then(|select| select.form())
        else {
            return;
        };
        if !typed_elsewhere(&form) {
            let _ = form.request_submit();
        }
    };
    view! { <div on:change=on_change>{children()}</div> }
}

/// Whether any other form on the page holds something different from what it was drawn with.
fn typed_elsewhere(chooser: &HtmlFormElement) -> bool {
    let forms = document().forms();
    (0..forms.length())
        .filter_map(|i| forms.item(i))
        .filter_map(|form| form.dyn_into::<HtmlFormElement>().ok())
        .filter(|form| !form.is_same_node(Some(chooser)))
        .any(|form| {
            let fields = form.elements();
            (0..fields.length())
                .filter_map(|i| fields.item(i))
                .any(|field| {
                    if let Some(area) = field.dyn_ref::<HtmlTextAreaElement>() {
                        area.default_value()
                            .is_ok_and(|drawn| area.value() != drawn)
                    } else if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
                        input.value() != input.default_value()
                            || input.checked() != input.default_checked()
                    } else {
                        false
                    }
                })
        })
}
