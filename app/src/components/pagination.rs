//! Previous, next and numbered links through a long list (the GOV.UK pagination pattern): plain
//! links, so paging works without JavaScript, and the same page in a bookmark or a back button.

use crate::domain::paging::{asked_page, Paging};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The page number in the address (`?page=N`), for a list's resource to follow.
pub fn page_asked() -> impl Fn() -> Option<u32> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || asked_page(query.read().get("page").as_deref())
}

/// The pages to offer: the first, the last, and the ones either side of the current, with a gap
/// (`None`) where pages are skipped.
fn offered(paging: Paging) -> Vec<Option<u32>> {
    let mut out: Vec<Option<u32>> = Vec::new();
    for n in 1..=paging.pages {
        let near = n.abs_diff(paging.number) <= 1;
        if n == 1 || n == paging.pages || near {
            out.push(Some(n));
        } else if out.last().is_some_and(Option::is_some) {
            out.push(None);
        }
    }
    out
}

/// "Showing 26 to 50 of 290 families" and the links, when the list has more than one page.
#[component]
pub fn Pagination(paging: Paging, base: &'static str, noun: &'static str) -> impl IntoView {
    let href = move |n: u32| format!("{base}?page={n}");
    (paging.pages > 1).then(|| {
        let status = paging
            .shown()
            .map(|(first, last)| format!("Showing {first} to {last} of {} {noun}", paging.total))
            .unwrap_or_default();
        let numbers = offered(paging)
            .into_iter()
            .map(|n| match n {
                None => view! { <li class="pagination__item pagination__item--gap">"⋯"</li> }.into_any(),
                Some(n) if n == paging.number => view! {
                    <li class="pagination__item pagination__item--current">
                        <a class="pagination__link" href=href(n) aria-current="page" aria-label=format!("Page {n}")>{n}</a>
                    </li>
                }
                .into_any(),
                Some(n) => view! {
                    <li class="pagination__item">
                        <a class="pagination__link" href=href(n) aria-label=format!("Page {n}")>{n}</a>
                    </li>
                }
                .into_any(),
            })
            .collect_view();
        view! {
            <nav class="pagination" aria-label=format!("Pages of {noun}")>
                <p class="pagination__status">{status}</p>
                <ul class="pagination__list">
                    {paging.previous().map(|n| view! {
                        <li class="pagination__item pagination__item--prev">
                            <a class="pagination__link" href=href(n) rel="prev">"Previous"<span class="visually-hidden">" page"</span></a>
                        </li>
                    })}
                    {numbers}
                    {paging.next().map(|n| view! {
                        <li class="pagination__item pagination__item--next">
                            <a class="pagination__link" href=href(n) rel="next">"Next"<span class="visually-hidden">" page"</span></a>
                        </li>
                    })}
                </ul>
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_the_ends_and_the_neighbours() {
        let paging = Paging::of(Some(5), 25 * 9);
        assert_eq!(
            offered(paging),
            vec![Some(1), None, Some(4), Some(5), Some(6), None, Some(9)]
        );
        let short = Paging::of(Some(2), 25 * 3);
        assert_eq!(offered(short), vec![Some(1), Some(2), Some(3)]);
    }
}
