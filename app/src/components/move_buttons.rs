//! "Move up" and "Move down" for goals and steps: small forms, so ordering works without JavaScript.

use crate::api::plan::MoveInPlan;
use crate::domain::ids::FamilyId;
use leptos::prelude::*;

/// "Move up" and "Move down": small forms, so ordering works without JavaScript.
#[component]
pub fn MoveButtons(
    family: FamilyId,
    goal: String,
    step: String,
    first: bool,
    last: bool,
    what: String,
) -> impl IntoView {
    let action = ServerAction::<MoveInPlan>::new();
    let button = move |direction: &'static str, label: &'static str| {
        let (goal, step, what) = (goal.clone(), step.clone(), what.clone());
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="family" value=family.to_string()/>
                <input type="hidden" name="goal" value=goal/>
                <input type="hidden" name="step" value=step/>
                <input type="hidden" name="direction" value=direction/>
                <button type="submit" class="button button--secondary button--small">
                    {label}<span class="visually-hidden">{format!(": {what}")}</span>
                </button>
            </ActionForm>
        }
    };
    let up = (!first).then(|| button("up", "Move up"));
    let down = (!last).then(|| button("down", "Move down"));
    view! { <div class="button-group">{up}{down}</div> }
}
