//! Versions of records as readable differences: who changed what, when and why, newest first.

use crate::domain::history::PlanChange;
use crate::domain::plain_words::staff_time;
use leptos::prelude::*;

/// `nested`: under a second-level heading, so each change's title is a third-level one.
#[component]
pub fn ChangeTimeline(changes: Vec<PlanChange>, #[prop(optional)] nested: bool) -> impl IntoView {
    view! {
        <ol class="timeline">
            {changes.into_iter().map(|change| view! {
                <li class="timeline__item">
                    {
                        let title = format!(
                            "{} {}, by {}{}",
                            change.subject.label(),
                            if change.version == 1 { "added" } else { "changed" },
                            change.actor_name,
                            if change.by_family { " (family member)" } else { "" }
                        );
                        if nested {
                            view! { <h3 class="timeline__title">{title}</h3> }.into_any()
                        } else {
                            view! { <h2 class="timeline__title">{title}</h2> }.into_any()
                        }
                    }
                    <p class="caption">{staff_time(change.at)}</p>
                    {(!change.reason.is_empty()).then(|| view! { <p>"Reason: "{change.reason.clone()}</p> })}
                    <dl class="summary-list summary-list--compact">
                        {change.changes.into_iter().map(|f| view! {
                            <div class="summary-list__row">
                                <dt class="summary-list__key">{f.field}</dt>
                                <dd class="summary-list__value">
                                    {(!f.before.is_empty()).then(|| view! { <del class="diff__before"><span class="visually-hidden">"Was: "</span>{f.before.clone()}</del><br/> })}
                                    <ins class="diff__after"><span class="visually-hidden">"Now: "</span>{f.after}</ins>
                                </dd>
                            </div>
                        }).collect_view()}
                    </dl>
                </li>
            }).collect_view()}
        </ol>
    }
}
