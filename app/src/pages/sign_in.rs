use crate::api::session::SignIn;
use crate::api::set_up::is_set_up;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

fn throttled(feedback: Feedback) -> bool {
    feedback.error.with(|e| {
        matches!(e, Some(AppError::TooManyAttempts))
            || e.as_ref()
                .and_then(AppError::field_errors)
                .is_some_and(|f| f.for_field("code").is_some())
    })
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let feedback = Feedback::of::<SignIn>();
    let set_up = Resource::new(|| (), |_| is_set_up());
    view! {
        <Title text="Sign in"/>
        <ErrorSummary feedback/>
        <h1>"Sign in to Hearth"</h1>
        <Suspense>
            {move || Suspend::new(async move {
                (set_up.await == Ok(false)).then(|| view! { <NotSetUp/> })
            })}
        </Suspense>
        // A plain form, checked by the server alone: the page carries no island and so no
        // script or wasm (decision 27).
        <form method="post" action=SignIn::url() novalidate>
            <TextField feedback name="login" label="Email or username" autocomplete="username" verbatim=true/>
            <TextField feedback name="password" label="Password" kind="password" autocomplete="current-password"/>
            // Shown when the login is being throttled: its owner can still sign in with their code.
            {move || throttled(feedback).then(|| view! {
                <TextField feedback name="code" label="Code from your authenticator app" hint="If you use one, you can sign in now with your password and its code. Otherwise, wait 15 minutes." verbatim=true width="width-10" autocomplete="one-time-code"/>
            })}
            <SubmitButton label="Sign in" busy_label="Signing in…"/>
        </form>
        <h2>"New to Hearth?"</h2>
        <p>"If your worker gave you a code, you can set up your account with it."</p>
        <p><a href="/join">"I have an invitation code"</a></p>
        <p>"Staff: if your administrator gave you a set-up code, "<a href=crate::paths::SET_UP>"set up your staff account"</a>"."</p>
    }
}

/// A Hearth with no council yet: no one can sign in until its first administrator is made.
#[component]
fn NotSetUp() -> impl IntoView {
    view! {
        <div class="panel" role="status" data-testid="not-set-up">
            <h2>"This Hearth has not been set up yet"</h2>
            <p>"No one can sign in until the council's first administrator has been created. Whoever runs this server runs, with the same database settings:"</p>
            <pre class="code">"hearth setup --council \"Council name\" --name \"Your name\" --email you@council.gov.uk"</pre>
            <p>"It prints a set-up code; the administrator then chooses their password on "<a href=crate::paths::SET_UP>"Set up your staff account"</a>"."</p>
        </div>
    }
}
