//! Pages whose forms save in place: after a save succeeds, the page asks for its data again.
//! (Without JavaScript the browser is sent back to the page, which is drawn afresh.)

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Counts successful saves on a page; the page's data is keyed on it.
#[derive(Clone, Copy)]
pub struct Refresh(RwSignal<usize>);

impl Refresh {
    pub fn provide() -> Refresh {
        let refresh = Refresh(RwSignal::new(0));
        provide_context(refresh);
        refresh
    }

    pub fn get(self) -> usize {
        self.0.get()
    }
}

/// Makes a server action that refreshes the page's data when it succeeds.
pub fn refreshing_action<S>() -> ServerAction<S>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let action = ServerAction::<S>::new();
    if let Some(Refresh(count)) = use_context::<Refresh>() {
        Effect::new(move |_| {
            if action.value().with(|v| matches!(v, Some(Ok(_)))) {
                count.update(|n| *n += 1);
            }
        });
    }
    action
}
