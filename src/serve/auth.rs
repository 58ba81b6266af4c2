//! The token check. With a token set, every request shows it, either as
//! `Authorization: Bearer TOKEN` (scripts) or as the page's session cookie
//! (HttpOnly, SameSite=Strict), which `/?token=TOKEN` sets once and then
//! redirects to `/`, so the token leaves the address bar.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::state::AppState;

/// The session cookie's name.
pub const COOKIE: &str = "tm_session";

/// Lets a request through when no token is set or it shows the token or
/// the session; answers `/?token=…` with the cookie; else 401.
pub async fn check(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let Some(token) = state.token.as_deref() else {
        return next.run(req).await;
    };
    if let Some(given) = query_token(req.uri().query()) {
        if req.uri().path() == "/" && same(given.as_bytes(), token.as_bytes()) {
            return login(&state.session);
        }
        return unauthorized(req.uri().path(), "the token given is wrong");
    }
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|t| same(t.trim().as_bytes(), token.as_bytes()));
    let cookie = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .any(|(k, v)| k == COOKIE && same(v.as_bytes(), state.session.as_bytes()));
    if bearer || cookie {
        return next.run(req).await;
    }
    unauthorized(
        req.uri().path(),
        "a token is required: send `Authorization: Bearer TOKEN`, or open /?token=TOKEN once in the browser",
    )
}

/// The `token` query parameter, if any.
fn query_token(query: Option<&str>) -> Option<String> {
    query?
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "token")
        .map(|(_, v)| percent_decode(v))
}

/// Decodes `%XX` and `+` in a query value; a broken escape stays as it is.
fn percent_decode(v: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', h, l]) => hex(*h).zip(hex(*l)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Compares secrets in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// The redirect to `/` that sets the session cookie.
fn login(session: &str) -> Response {
    let cookie = format!("{COOKIE}={session}; HttpOnly; SameSite=Strict; Path=/");
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::SEE_OTHER;
    r.headers_mut()
        .insert(header::LOCATION, HeaderValue::from_static("/"));
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

/// 401: JSON for the API, a short page for a person.
fn unauthorized(path: &str, message: &str) -> Response {
    if path.starts_with("/api/") {
        return ApiError {
            status: StatusCode::UNAUTHORIZED,
            message: message.to_string(),
        }
        .into_response();
    }
    let page = "<!doctype html><meta charset=utf-8><title>tm: token required</title>\
        <p>This tm server needs its token. Open this address with <code>?token=…</code> \
        added once (the token is in the file given with <code>--token-file</code>).</p>";
    (
        StatusCode::UNAUTHORIZED,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_the_query() {
        assert_eq!(
            query_token(Some("a=1&token=abc%2Bd+e")).as_deref(),
            Some("abc+d e")
        );
        assert_eq!(query_token(Some("tokens=1")), None);
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same(b"0123456789abcdef", b"0123456789abcdef"));
        assert!(!same(b"0123456789abcdef", b"0123456789abcdeF"));
        assert!(!same(b"0123", b"01234"));
    }
}
