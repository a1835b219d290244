//! A goal's status as a coloured tag.

use leptos::prelude::*;

#[component]
pub fn StatusTag(status: crate::domain::goal::GoalStatus) -> impl IntoView {
    view! { <strong class=status.tag_class()>{status.label()}</strong> }
}
