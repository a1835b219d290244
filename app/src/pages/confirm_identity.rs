use crate::api::account::ConfirmIdentity;
use crate::api::session::whoami;
use crate::components::checked_form::CheckedForm;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Before a sensitive action (opening a family outside the team, exporting a chronology, being
/// shown a code): the password again, and the second factor where there is one.
#[component]
pub fn ConfirmIdentityPage() -> impl IntoView {
    let feedback = Feedback::of::<ConfirmIdentity>();
    let query = use_query_map();
    let then = move || {
        query
            .read()
            .get("then")
            .and_then(|t| paths::local_path(&t).map(str::to_string))
            .unwrap_or_else(|| "/".to_string())
    };
    let person = Resource::new(|| (), |_| whoami());
    let check = FormCheck::ConfirmIdentity;
    view! {
        <Title text="Confirm it is you"/>
        <ErrorSummary feedback/>
        <h1>"Confirm it is you"</h1>
        <p>"What you are about to do needs your password again, because it is sensitive. You will not be asked again for 15 minutes."</p>
        <CheckedForm action=ConfirmIdentity::url() check feedback>
            <input type="hidden" name="then" value=then/>
            <TextField feedback name="password" label="Password" kind="password" autocomplete="current-password"/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let staff = person.await.ok().flatten().is_some_and(|p| p.role.is_some());
                    staff.then(|| view! {
                        <TextField feedback name="code" label="Code from your authenticator app, if you use one" hint="6 digits, or a recovery code" verbatim=true width="width-10" autocomplete="one-time-code"/>
                    })
                })}
            </Suspense>
            <SubmitButton label="Continue" busy_label="Checking…"/>
        </CheckedForm>
    }
}
