//! A ruler score with its follow-ups, as asked and answered.

use crate::domain::rating::CheckIn;
use crate::domain::rating::FollowUp;
use leptos::prelude::*;

/// A ruler with the follow-ups as asked and answered.
#[component]
pub fn RulerAnswer(check_in: CheckIn) -> impl IntoView {
    let answers = FollowUp::BOTH
        .into_iter()
        .filter_map(|f| {
            let answer = check_in.answers.get(f).to_string();
            (!answer.is_empty()).then(|| {
                let question = f
                    .question(Some(check_in.score))
                    .unwrap_or_else(|| f.question(None).unwrap_or_default());
                view! { <dt>{question}</dt><dd>{answer}</dd> }
            })
        })
        .collect_view();
    view! {
        <li class="ruler">
            <p><strong>{format!("{}: {}", check_in.scale.label(), check_in.score)}</strong>
                {format!(" · {} · {}", check_in.given_on.format("%-d %B %Y"), check_in.given_by)}</p>
            <dl class="ruler__answers">{answers}</dl>
        </li>
    }
}
