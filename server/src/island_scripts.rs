//! The browser bundle goes only with a page that has an island. The shell puts the scripts that
//! fetch the bundle and wake the islands in every page's head, because which islands a page has
//! is known only once it has been drawn; this takes them out of a page that turned out to have
//! none, so it loads no script and no wasm at all (decision 21). A page with islands keeps the
//! script but loses the wasm preload, so the page itself comes first on a slow connection, and
//! its script wakes the islands with Hearth's bootstrap (`island_bootstrap.js`), which gives
//! the browser a turn between islands.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::OnceLock;

/// Far above any page Hearth draws (a page of a team's list is tens of kilobytes).
const MAX_PAGE: usize = 16 * 1024 * 1024;

pub async fn only_where_islands_are(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_page = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_page {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_PAGE).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "a page could not be read to check for islands");
            parts.status = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            return Response::from_parts(parts, Body::empty());
        }
    };
    let Ok(page) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let page = if page.contains("<leptos-island") {
        with_own_bootstrap(&without_wasm_preload(page))
    } else {
        without_bundle(page)
    };
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(page))
}

/// The page without the wasm preload: on a slow connection the page's own text and stylesheet
/// come first, and the module script fetches the wasm once it runs. The forms work before the
/// islands wake, so drawing the page sooner is worth more than waking them sooner.
fn without_wasm_preload(page: &str) -> String {
    without(page, wasm_preload)
}

/// How leptos's island script begins; Hearth's bootstrap takes the same arguments.
const LEPTOS_ISLAND_SCRIPT: &str = "((root, pkg_path, output_name, wasm_output_name) =>";

/// Hearth's bootstrap without its whole-line comments, which are for its readers, not phones.
fn bootstrap() -> &'static str {
    static SCRIPT: OnceLock<String> = OnceLock::new();
    SCRIPT.get_or_init(|| {
        include_str!("island_bootstrap.js")
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The page with Hearth's bootstrap in place of leptos's island script, keeping the call's
/// arguments (the hashed file names). A page whose script is not leptos's, as after an upgrade
/// that changes it, is left as it is and said in the log: its islands still wake, all in one
/// task, but nothing marks the page woken, which the end-to-end tests notice.
fn with_own_bootstrap(page: &str) -> String {
    let replaced = page.find(LEPTOS_ISLAND_SCRIPT).and_then(|start| {
        let script = &page[start..];
        let end = script.find("</script>")?;
        let call = script[..end].rfind("})")? + "})".len();
        Some(format!(
            "{}{}{}",
            &page[..start],
            bootstrap(),
            &script[call..]
        ))
    });
    replaced.unwrap_or_else(|| {
        tracing::warn!("a page with islands has no leptos island script to replace");
        page.to_string()
    })
}

/// The page without leptos's hydration scripts: the module preload, the wasm preload, the module
/// script that loads them and the inline scripts that prepare hydration. Hearth draws no other
/// script or preload.
fn without_bundle(page: &str) -> String {
    without(page, |rest| {
        if rest.starts_with("<link rel=\"modulepreload\"") {
            tag(rest).len()
        } else if rest.starts_with("<script") {
            rest.find("</script>")
                .map_or(rest.len(), |at| at + "</script>".len())
        } else {
            wasm_preload(rest)
        }
    })
}

/// The length of the wasm preload link `rest` starts with; 0 when it starts with anything else.
fn wasm_preload(rest: &str) -> usize {
    if rest.starts_with("<link rel=\"preload\"") && tag(rest).contains("application/wasm") {
        tag(rest).len()
    } else {
        0
    }
}

/// `page` less every element `unwanted` measures: at each `<`, it gives the length of what is to
/// go from there, or 0 to keep it.
fn without(page: &str, unwanted: impl Fn(&str) -> usize) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        match unwanted(rest) {
            0 => {
                out.push('<');
                rest = &rest[1..];
            }
            end => rest = &rest[end..],
        }
    }
    out.push_str(rest);
    out
}

/// The opening tag at the start of `html`, up to and including its `>`.
fn tag(html: &str) -> &str {
    html.find('>').map_or(html, |at| &html[..=at])
}

#[cfg(test)]
mod tests {
    use super::{bootstrap, with_own_bootstrap, without_bundle, without_wasm_preload};

    #[test]
    fn an_island_page_keeps_its_script_but_not_the_wasm_preload() {
        let page = concat!(
            "<head><link rel=\"preload\" href=\"/pkg/f.woff2\" as=\"font\">",
            "<link rel=\"modulepreload\" href=\"/pkg/h.js\" crossorigin=\"n\">",
            "<link rel=\"preload\" href=\"/pkg/h.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"n\">",
            "<script type=\"module\" nonce=\"n\">go()</script></head>"
        );
        assert_eq!(
            without_wasm_preload(page),
            concat!(
                "<head><link rel=\"preload\" href=\"/pkg/f.woff2\" as=\"font\">",
                "<link rel=\"modulepreload\" href=\"/pkg/h.js\" crossorigin=\"n\">",
                "<script type=\"module\" nonce=\"n\">go()</script></head>"
            )
        );
    }

    #[test]
    fn the_bundle_goes_and_the_rest_stays() {
        let page = concat!(
            "<head><link rel=\"stylesheet\" href=\"/pkg/h.css\">",
            "<link rel=\"modulepreload\" href=\"/pkg/h.js\" crossorigin=\"n\">",
            "<link rel=\"preload\" href=\"/pkg/h.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"n\">",
            "<script type=\"module\" nonce=\"n\">((a) => { if (a < 2) {} })(1)</script>",
            "<title>Team – Hearth</title></head><body><p>1 < 2</p>",
            "<script nonce=\"n\">__RESOLVED_RESOURCES=[];</script></body>"
        );
        assert_eq!(
            without_bundle(page),
            concat!(
                "<head><link rel=\"stylesheet\" href=\"/pkg/h.css\">",
                "<title>Team – Hearth</title></head><body><p>1 < 2</p></body>"
            )
        );
    }

    #[test]
    fn the_island_script_becomes_hearths_with_the_same_arguments() {
        let page = concat!(
            "<head><script type=\"module\" nonce=\"n\">",
            "((root, pkg_path, output_name, wasm_output_name) => {\n\tgo(() => {});\n})\n",
            "(\"\", \"pkg\", \"hearth.aa\", \"hearth.bb\", false);</script></head>",
            "<body><leptos-island data-component=\"C\"></leptos-island></body>"
        );
        let expected = format!(
            "<head><script type=\"module\" nonce=\"n\">{}\n(\"\", \"pkg\", \"hearth.aa\", \"hearth.bb\", false);</script></head><body><leptos-island data-component=\"C\"></leptos-island></body>",
            bootstrap()
        );
        assert_eq!(with_own_bootstrap(page), expected);
        assert!(bootstrap().starts_with(super::LEPTOS_ISLAND_SCRIPT));
        assert!(bootstrap().ends_with("})"));
        assert!(!bootstrap().contains("\n//"));
    }

    #[test]
    fn a_page_without_leptos_script_is_left_alone() {
        let page = "<head><script type=\"module\">other()</script></head>";
        assert_eq!(with_own_bootstrap(page), page);
    }
}
