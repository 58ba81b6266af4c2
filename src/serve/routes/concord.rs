//! `GET /api/concord?q=PHRASE&lang=LANG&top=N`: what
//! `tm concord --format json` prints.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::{blocking, lang_param};
use crate::concord::cache::concord_file;
use crate::lang::Lang;
use crate::report::concord::ConcordJson;
use crate::serve::error::ApiError;
use crate::serve::extract::ApiQuery;
use crate::serve::state::AppState;

/// The most units one request may ask for.
const MAX_TOP: usize = 200;

/// The query.
#[derive(Debug, Deserialize)]
pub struct Params {
    /// The phrase.
    #[serde(default)]
    pub q: String,
    /// The language to search in (default: told from the phrase).
    pub lang: Option<String>,
    /// At most this many units (default 20).
    pub top: Option<usize>,
}

/// Handles the request.
pub async fn handle(
    State(state): State<Arc<AppState>>,
    ApiQuery(params): ApiQuery<Params>,
) -> Result<Response, ApiError> {
    let top = params.top.unwrap_or(20);
    if !(1..=MAX_TOP).contains(&top) {
        return Err(ApiError::bad_request(format!(
            "top {top}: must be between 1 and {MAX_TOP}"
        )));
    }
    let lang = match lang_param(params.lang.as_deref(), "lang")?.or_else(|| Lang::detect(&params.q))
    {
        Some(l) => l,
        None if params.q.trim().is_empty() => {
            return Err(ApiError::bad_request(
                "q is empty: give one or more words to look for",
            ))
        }
        None => {
            return Err(ApiError::bad_request(
                "cannot tell the language of q (no Latin or Cyrillic letters); give lang",
            ))
        }
    };
    blocking(move || {
        let (found, _) = concord_file(&state.memory, &params.q, lang, top)?;
        serde_json::to_value(ConcordJson::new(&params.q, lang, &found))
            .map_err(|e| ApiError::internal(e.to_string()))
    })
    .await
}
