use crate::api::invitations::invitation;
use crate::components::problem::Problem;
use crate::domain::plain_words::staff_time;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Shows a new invitation code once, to the worker who made it.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let shown = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                query.read().get("shown").unwrap_or_default(),
            )
        },
        |(id, shown)| invitation(id, shown),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match shown.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(view) => {
                        let title = format!("Invitation code for {}", view.member_name);
                        let back = crate::paths::family(view.family_id);
                        let code = match view.code {
                            Some(code) => view! {
                                <p class="invitation-code" data-testid="invitation-code">{code}</p>
                                <p>"Give this code to " {view.member_name.clone()} " in person. It works once, until " {staff_time(view.expires_at)} "."</p>
                                <p>"They go to the Hearth sign-in page, choose "<strong>"I have an invitation code"</strong>", and choose their own username and passphrase."</p>
                                <div class="inset">"This code is shown only once. If it is lost, make a new one: the old one then stops working."</div>
                            }
                            .into_any(),
                            None => view! {
                                <p class="lead">"This code can no longer be shown: codes are shown only for a few minutes after they are made, to the person who made them."</p>
                                <p>"If it was lost, go back to the family and make a new one. The old one then stops working."</p>
                            }
                            .into_any(),
                        };
                        view! {
                            <Title text=title.clone()/>
                            <h1>{title}</h1>
                            {code}
                            <p><a href=back>"Back to the family"</a></p>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
