//! The two ruler follow-ups as answer fields. Without JavaScript they carry the general
//! wording; with it, they name the score as soon as one is chosen ("Why 6 and not a lower
//! number?"), by the same rule the server uses to show them later.

use super::form::{ErrorMessage, Feedback};
use crate::domain::rating::FollowUp;
use leptos::prelude::*;

/// Reads the score chosen in a form's `score` radios, for [`FollowUpFields`].
pub fn track_score(score: RwSignal<Option<u8>>) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| {
        let input = event_target::<leptos::web_sys::HtmlInputElement>(&ev);
        if input.name() == "score" {
            score.set(input.value().parse().ok());
        }
    }
}

#[component]
pub fn FollowUpFields(feedback: Feedback, score: RwSignal<Option<u8>>) -> impl IntoView {
    FollowUp::BOTH
        .into_iter()
        .map(|f| {
            let name = f.field();
            let id = feedback.id(name);
            let question = move || {
                f.question(score.get())
                    .unwrap_or_else(|| "Nothing is lower than 0: leave this empty".into())
            };
            view! {
                <div class=move || if feedback.field(name).is_some() { "form-group form-group--error" } else { "form-group" }>
                    <label class="label" for=id.clone()>{question}</label>
                    <ErrorMessage feedback name/>
                    <textarea class="textarea" id=id name=name rows="2">{move || feedback.value(name).unwrap_or_default()}</textarea>
                </div>
            }
        })
        .collect_view()
}
