//! MI prompts offered beside a conversation: chosen on the server for the goal's area, stage
//! and rulers, so they are there without JavaScript. A section below the form on a phone, a
//! column beside it on a wide screen.

use crate::domain::mi::choice::Offered;
use leptos::prelude::*;

#[component]
pub fn PromptPanel(
    offered: Offered,
    #[prop(default = "prompts")] id: &'static str,
) -> impl IntoView {
    let heading = format!("{id}-heading");
    let labelled = heading.clone();
    let items = offered
        .prompts
        .into_iter()
        .map(|p| {
            view! {
                <li class="prompt">
                    <p class="prompt__text">{p.text}</p>
                    <p class="prompt__meta">
                        <strong class="tag tag--blue">{p.technique.label()}</strong>" "
                        {p.because}
                    </p>
                    <p class="prompt__why">{p.why}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <aside class="prompt-panel no-print" aria-labelledby=labelled>
            <h3 class="prompt-panel__heading" id=heading>"Prompts for this conversation"</h3>
            <p class="caption">"Chosen for: "{offered.context}</p>
            <ul class="prompt-list">{items}</ul>
            <p><a class="link" href="/prompts">"Search all prompts"</a></p>
        </aside>
    }
}
