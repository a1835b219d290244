//! Requests into the router, as a browser would send them.

use axum::body::Body;
use axum::http::{header, Request};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

pub const HOST: &str = "hearth.test";

/// How a request is sent: by the page's JavaScript, or as a plain HTML form without it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    Script,
    PlainForm,
    /// A form on another site, posting to Hearth.
    CrossSite,
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The session cookie this reply sets, as `name=value`, if it sets a non-empty one.
    pub fn session_cookie(&self) -> Option<String> {
        self.cookie_named("hearth_session")
    }

    /// A cookie this reply sets, as `name=value`, if it sets a non-empty one.
    pub fn cookie_named(&self, name: &str) -> Option<String> {
        let prefix = format!("{name}=");
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .find(|pair| pair.starts_with(&prefix) && pair.len() > prefix.len())
            .map(str::to_string)
    }

    /// Where a server function sent the browser next.
    pub fn redirected_to(&self) -> Option<&str> {
        self.header("location")
            .or_else(|| self.header("serverfnredirect"))
    }

    /// The `shown` id in the address a POST led to: what it made, held for that page.
    pub fn shown(&self) -> String {
        let to = self
            .redirected_to()
            .unwrap_or_else(|| panic!("no redirect: {} {}", self.status, self.body));
        url::form_urlencoded::parse(to.split_once('?').map_or("", |(_, q)| q).as_bytes())
            .find(|(k, _)| k == "shown")
            .map(|(_, v)| v.into_owned())
            .unwrap_or_else(|| panic!("no shown id in {to}"))
    }

    /// The error a server function returned.
    pub fn error(&self) -> app::error::AppError {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not an AppError ({e}): {} {}", self.status, self.body))
    }

    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("unexpected reply ({e}): {} {}", self.status, self.body))
    }
}

pub fn encode(form: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish()
}

pub async fn post(
    router: &Router,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
    caller: Caller,
) -> Reply {
    let mut request = Request::post(path)
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    request = match caller {
        Caller::Script => request
            .header(header::ORIGIN, format!("http://{HOST}"))
            .header(header::ACCEPT, "application/json"),
        Caller::PlainForm => request
            .header(header::ORIGIN, format!("http://{HOST}"))
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::REFERER, format!("http://{HOST}/login")),
        Caller::CrossSite => request
            .header(header::ORIGIN, "https://evil.example")
            .header("sec-fetch-site", "cross-site"),
    };
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    // As a browser does: a form's body always says its length.
    let body = encode(form);
    request = request.header(header::CONTENT_LENGTH, body.len());
    send(router, request.body(Body::from(body)).expect("request")).await
}

/// A plain form (no JavaScript) posted from the page at `page`, which the answer redirects to.
pub async fn post_plain_from(
    router: &Router,
    path: &str,
    form: &[(&str, &str)],
    cookie: &str,
    page: &str,
) -> Reply {
    let body = encode(form);
    let request = Request::post(path)
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, format!("http://{HOST}{page}"))
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .expect("request");
    send(router, request).await
}

pub async fn get(router: &Router, path: &str, cookie: Option<&str>) -> Reply {
    let mut request = Request::get(path)
        .header(header::HOST, HOST)
        .header(header::ACCEPT, "text/html");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(router, request.body(Body::empty()).expect("request")).await
}

pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}
