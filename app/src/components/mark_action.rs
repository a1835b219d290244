//! Marking a supervision action done or not done.

use crate::api::workbook::MarkAction;
use leptos::prelude::*;

#[component]
pub fn MarkActionForm(action: String, done: bool, what: String) -> impl IntoView {
    let mark = ServerAction::<MarkAction>::new();
    view! {
        <p>{if done {
            view! { <strong class="tag tag--green">"Done"</strong> }.into_any()
        } else {
            view! { <strong class="tag tag--grey">"Open"</strong> }.into_any()
        }}</p>
        <ActionForm action=mark attr:class="inline-form no-print">
            <input type="hidden" name="action" value=action/>
            <input type="hidden" name="done" value=if done { "false" } else { "true" }/>
            <button type="submit" class="button button--secondary button--small">
                {if done { "Mark not done" } else { "Mark done" }}
                <span class="visually-hidden">{format!(": {what}")}</span>
            </button>
        </ActionForm>
    }
}
