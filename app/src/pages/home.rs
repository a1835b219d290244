use crate::api::session::home;
use crate::components::problem::Problem;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// "/" sends each person to their start page.
#[component]
pub fn HomePage() -> impl IntoView {
    let target = Resource::new(|| (), |_| home());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match target.await {
                    Ok(path) => view! { <Redirect path=path/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
