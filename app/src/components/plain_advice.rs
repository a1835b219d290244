//! A text area for words a family will read, with the plain-words check beside it. The check is
//! the shared core's, so it runs in the browser as the practitioner types and on the server
//! when the page is drawn: advice either way, never a block.

use super::form::{described_by, group_class, Feedback, FieldHeading};
use crate::domain::plain_check::check_plain_words;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

#[component]
pub fn PlainWordsArea(
    feedback: Feedback,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional_no_strip, into)] value: Option<String>,
    #[prop(default = 3)] rows: u8,
) -> impl IntoView {
    let text = feedback.value(name).or(value).unwrap_or_default();
    let id = feedback.id(name);
    let advice_id = format!("{id}-advice");
    let described = described_by(feedback, name, hint.is_some());
    let advice_ref = advice_id.clone();
    view! {
        <div class=group_class(feedback, name)>
            <FieldHeading feedback name label hint/>
            <textarea
                class=move || if feedback.field(name).is_some() { "textarea input--error" } else { "textarea" }
                id=id.clone()
                name=name
                rows=rows
                aria-describedby=move || Some(match described() { Some(ids) => format!("{ids} {advice_ref}"), None => advice_ref.clone() })
                aria-invalid=move || feedback.field(name).is_some().then_some("true")
            >
                {text.clone()}
            </textarea>
            <PlainAdvice for_id=id advice_id text/>
        </div>
    }
}

/// The advice beside the text area: drawn by the server for what the area holds, then, in the
/// browser, again as the practitioner types. Lazy: the check and its glossary are a wasm chunk
/// of their own, fetched only by pages that have such an area.
#[island(lazy)]
fn PlainAdvice(for_id: String, advice_id: String, text: String) -> impl IntoView {
    let text = RwSignal::new(text);
    let listening = window_event_listener(leptos::ev::input, move |ev| {
        if let Some(area) = ev
            .target()
            .and_then(|target| target.dyn_into::<HtmlTextAreaElement>().ok())
            .filter(|area| area.id() == for_id)
        {
            text.set(area.value());
        }
    });
    on_cleanup(move || listening.remove());
    let advice = move || {
        if text.with(|t| t.trim().is_empty()) {
            return None;
        }
        let messages = text.with(|t| check_plain_words(t).messages());
        Some(if messages.is_empty() {
            view! { <p class="advice__ok">"Plain words check: this reads clearly."</p> }.into_any()
        } else {
            view! {
                <p class="advice__title">"Plain words check (advice only):"</p>
                <ul class="advice__list">
                    {messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };
    view! { <div class="advice" id=advice_id aria-live="polite">{advice}</div> }
}
