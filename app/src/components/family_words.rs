//! What a family member wrote to their worker, with the replies and a form to reply.

use crate::api::plan::ReplyToFamily;
use crate::components::checked_form::CheckedForm;
use crate::components::form::{Feedback, SubmitButton, TextArea};
use crate::components::form_check::FormCheck;
use crate::domain::ids::CommentId;
use crate::domain::plain_words::staff_time;
use crate::domain::plan::FamilyWords;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn WordsCard(words: FamilyWords, can_reply: bool) -> impl IntoView {
    let id = words.id;
    view! {
        <li class="card words">
            <p class="caption">
                {format!("{}, {}", words.author_name, staff_time(words.at))}
                {words.goal_title.clone().map(|t| format!(" · about “{t}”"))}
            </p>
            <blockquote class="words__body">{words.body.clone()}</blockquote>
            {words.replies.into_iter().map(|r| view! {
                <div class="words__reply">
                    <p class="caption">{format!("Reply from {}, {}", r.author_name, staff_time(r.at))}</p>
                    <p>{r.body}</p>
                </div>
            }).collect_view()}
            {can_reply.then(|| view! { <ReplyForm reply_to=id/> })}
        </li>
    }
}

#[component]
pub fn ReplyForm(reply_to: CommentId) -> impl IntoView {
    let feedback = Feedback::scoped::<ReplyToFamily>(
        format!("reply-{reply_to}-"),
        Some(("reply_to", reply_to.to_string())),
    );
    let check = FormCheck::ReplyToFamily;
    view! {
        <details class="details" open=move || feedback.error.with(Option::is_some)>
            <summary class="details__summary">"Reply"</summary>
            <CheckedForm action=ReplyToFamily::url() check feedback>
                <input type="hidden" name="reply" value=CommentId::new().to_string()/>
                <input type="hidden" name="reply_to" value=reply_to.to_string()/>
                <TextArea feedback name="body" label="Your reply" rows=3/>
                <SubmitButton label="Send reply" busy_label="Sending…"/>
            </CheckedForm>
        </details>
    }
}
