use crate::api::session::SignIn;
use crate::components::form::{submit_checked, ErrorSummary, Feedback, SubmitButton, TextField};
use crate::domain::credentials::validate_sign_in;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let feedback = Feedback::new(action);
    let on_submit = submit_checked(action, feedback, |input: &SignIn| {
        validate_sign_in(&input.login, &input.password)
    });
    view! {
        <Title text="Sign in"/>
        <ErrorSummary feedback/>
        <h1>"Sign in to Hearth"</h1>
        <form method="post" action=SignIn::url() novalidate on:submit=on_submit>
            <TextField feedback name="login" label="Email or username" autocomplete="username" verbatim=true/>
            <TextField feedback name="password" label="Password" kind="password" autocomplete="current-password"/>
            <SubmitButton label="Sign in" busy_label="Signing in…" pending=action.pending().into()/>
        </form>
        <h2>"New to Hearth?"</h2>
        <p>"If your worker gave you a code, you can set up your account with it."</p>
        <p><a href="/join">"I have an invitation code"</a></p>
    }
}
