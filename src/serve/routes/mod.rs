//! One handler per route: parse the request, call the library on a
//! blocking thread, answer with the command line's JSON shape.

pub mod add;
pub mod concord;
pub mod document;
pub mod page;
pub mod regroup;
pub mod review;
pub mod segment;
pub mod stats;
pub mod suggest;
pub mod units;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::error::ApiError;
use crate::lang::Lang;

/// Runs `work` (library calls that read files, match, or wait for the
/// writers' lock) off the async threads, and answers with its JSON.
pub async fn blocking<T, F>(work: F) -> Result<Response, ApiError>
where
    T: Serialize + Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    let value = tokio::task::spawn_blocking(work).await??;
    Ok(Json(value).into_response())
}

/// 404 for an address that is not a route.
pub async fn not_found() -> ApiError {
    ApiError {
        status: StatusCode::NOT_FOUND,
        message: "no such address (see the API in the README)".into(),
    }
}

/// A language code from a request: `en`, `ru`, `kk`; `auto` or nothing is
/// `None`.
pub fn lang_param(value: Option<&str>, field: &str) -> Result<Option<Lang>, ApiError> {
    match value {
        None | Some("") | Some("auto") => Ok(None),
        Some(code) => code.parse::<Lang>().map(Some).map_err(|_| {
            ApiError::bad_request(format!("{field}: '{code}' is not en, ru, kk or auto"))
        }),
    }
}

/// Refuses an empty text (nothing to work on).
pub fn require_text(text: &str, field: &str) -> Result<(), ApiError> {
    if text.trim().is_empty() {
        return Err(ApiError::bad_request(format!(
            "{field} is empty: nothing to work on"
        )));
    }
    Ok(())
}
