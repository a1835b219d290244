//! The four boxes of a decisional balance, each item with the form to take it back for whoever wrote it.

use crate::api::change_work::RemoveBalanceItem;
use crate::api::own_change::RemoveOwnBalanceItem;
use crate::domain::ids::{FamilyId, GoalId};
use crate::domain::mi::balance::{in_quadrant, BalanceItem, Quadrant};
use leptos::prelude::*;

/// Who is reading a balance, and so which items they may take back: their own.
#[derive(Clone, Copy)]
pub enum Remover {
    Nobody,
    /// A worker: items written with the family.
    Team(FamilyId, GoalId),
    /// The family member: items they wrote.
    Own(GoalId),
}

/// The four boxes of a decisional balance.
#[component]
pub fn BalanceBoxes(items: Vec<BalanceItem>, remover: Remover) -> impl IntoView {
    let boxes = Quadrant::ALL
        .iter()
        .map(|q| {
            let list = in_quadrant(&items, *q)
                .map(|item| {
                    let by = if item.by_member {
                        format!("{}, {}", item.written_by, item.written_on.format("%-d %b"))
                    } else {
                        format!("Written with {}, {}", item.written_by, item.written_on.format("%-d %b"))
                    };
                    let what = format!(": {}", item.body);
                    let item_id = item.id.to_string();
                    let remove_form = match remover {
                        Remover::Team(family, goal) if !item.by_member => {
                            let action = ServerAction::<RemoveBalanceItem>::new();
                            Some(view! {
                                <ActionForm action attr:class="inline-form">
                                    <input type="hidden" name="family" value=family.to_string()/>
                                    <input type="hidden" name="goal" value=goal.to_string()/>
                                    <input type="hidden" name="item" value=item_id.clone()/>
                                    <button type="submit" class="button button--secondary button--small">"Take back"<span class="visually-hidden">{what}</span></button>
                                </ActionForm>
                            }.into_any())
                        }
                        Remover::Own(goal) if item.by_member => {
                            let action = ServerAction::<RemoveOwnBalanceItem>::new();
                            Some(view! {
                                <ActionForm action attr:class="inline-form">
                                    <input type="hidden" name="goal" value=goal.to_string()/>
                                    <input type="hidden" name="item" value=item_id.clone()/>
                                    <button type="submit" class="button button--secondary button--small">"Take this out"<span class="visually-hidden">{what}</span></button>
                                </ActionForm>
                            }.into_any())
                        }
                        _ => None,
                    };
                    view! { <li><p class="family-words">{item.body.clone()}</p><p class="caption">{by}</p>{remove_form}</li> }
                })
                .collect_view();
            let empty = in_quadrant(&items, *q).next().is_none();
            view! {
                <div class="balance__box">
                    <h3 class="balance__heading">{q.label()}</h3>
                    {if empty { view! { <p class="hint">"Nothing yet"</p> }.into_any() } else { view! { <ul class="balance__items">{list}</ul> }.into_any() }}
                </div>
            }
        })
        .collect_view();
    view! { <div class="balance">{boxes}</div> }
}
