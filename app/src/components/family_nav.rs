//! Links between a family's pages, with the current one marked.

use crate::domain::ids::FamilyId;
use leptos::prelude::*;

/// Links between a family's pages.
#[component]
pub fn FamilyNav(family: FamilyId, current: &'static str) -> impl IntoView {
    let links = [
        ("Family and plan", crate::paths::family(family)),
        ("Workbook", crate::paths::workbook(family)),
        ("Chronology", crate::paths::chronology(family)),
        ("Integrated assessment", crate::paths::assessment(family)),
        ("Group supervision", crate::paths::supervision(family)),
    ];
    view! {
        <nav class="family-nav" aria-label="This family">
            <ul class="family-nav__list">
                {links.into_iter().map(|(label, href)| view! {
                    <li><a href=href aria-current=(label == current).then_some("page")>{label}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
