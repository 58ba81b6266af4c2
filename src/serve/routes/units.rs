//! `POST /api/units/ID {"en"?,"ru"?,"kk"?,"accept"?}`: corrects a unit's
//! texts as `tm edit` does, and accepts it on request:
//! `{"id":…,"changes":{"ru":"corrected"},"accepted":true}`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::blocking;
use crate::lang::Lang;
use crate::memory::changes::correct_unit;
use crate::memory::now;
use crate::serve::error::ApiError;
use crate::serve::extract::ApiJson;
use crate::serve::state::AppState;

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The corrected English text.
    pub en: Option<String>,
    /// The corrected Russian text.
    pub ru: Option<String>,
    /// The corrected Kazakh text.
    pub kk: Option<String>,
    /// Also clear the doubtful mark.
    #[serde(default)]
    pub accept: bool,
}

/// Handles the request.
pub async fn handle(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Body>,
) -> Result<Response, ApiError> {
    let texts: Vec<(Lang, String)> = [
        (Lang::En, body.en),
        (Lang::Ru, body.ru),
        (Lang::Kk, body.kk),
    ]
    .into_iter()
    .filter_map(|(l, t)| t.map(|t| (l, t)))
    .collect();
    if texts.is_empty() && !body.accept {
        return Err(ApiError::bad_request(
            "give the corrected text as \"en\", \"ru\" or \"kk\", or \"accept\": true",
        ));
    }
    if let Some((l, _)) = texts.iter().find(|(_, t)| t.trim().is_empty()) {
        return Err(ApiError::bad_request(format!(
            "the new {l} text is empty; to take a unit out use `tm remove {id}`"
        )));
    }
    blocking(move || {
        let texts: Vec<(Lang, &str)> = texts.iter().map(|(l, t)| (*l, t.as_str())).collect();
        Ok(correct_unit(
            &state.memory,
            &id,
            &texts,
            body.accept,
            &now(),
        )?)
    })
    .await
}
