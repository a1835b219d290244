use crate::api::session::{whoami, SignOutEverywhere};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// The signed-in person's own account: who they are signed in as, and signing out everywhere.
#[component]
pub fn AccountPage() -> impl IntoView {
    let person = Resource::new(|| (), |_| whoami());
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    view! {
        <Title text="Your account"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match person.await.ok().flatten() {
                    None => view! { <Redirect path="/login"/> }.into_any(),
                    Some(person) => view! {
                        <h1>"Your account"</h1>
                        <dl class="summary-list">
                            <div class="summary-list__row">
                                <dt class="summary-list__key">"Signed in as"</dt>
                                <dd class="summary-list__value">{person.display_name}</dd>
                            </div>
                            {person.role.map(|role| view! {
                                <div class="summary-list__row">
                                    <dt class="summary-list__key">"Role"</dt>
                                    <dd class="summary-list__value">{role.label()}</dd>
                                </div>
                            })}
                        </dl>
                        <h2>"Lost a phone or left a computer signed in?"</h2>
                        <p>"This signs you out of Hearth on every phone and computer, including this one."</p>
                        <ActionForm action=everywhere>
                            <button type="submit" class="button button--warning">"Sign out on every device"</button>
                        </ActionForm>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
