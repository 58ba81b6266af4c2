//! `POST /api/suggest {"text","from"?,"to"?:[…],"min"?,"top"?}`: what
//! `tm suggest --format json` prints.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::{blocking, lang_param, require_text};
use crate::lang::Lang;
use crate::report::suggest::{suggest, to_json, Ask};
use crate::serve::error::ApiError;
use crate::serve::extract::ApiJson;
use crate::serve::state::AppState;

/// The most matches per segment a request may ask for.
const MAX_TOP: usize = 20;

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The new release.
    pub text: String,
    /// Its language: `en`, `ru`, `kk` or `auto` (the default).
    pub from: Option<String>,
    /// The languages to show; default every other language in the memory.
    #[serde(default)]
    pub to: Vec<Lang>,
    /// The lowest score (default 50).
    pub min: Option<f64>,
    /// Matches per segment (default 3, at most 20).
    pub top: Option<usize>,
}

/// Handles the request.
pub async fn handle(
    State(state): State<Arc<AppState>>,
    ApiJson(body): ApiJson<Body>,
) -> Result<Response, ApiError> {
    require_text(&body.text, "text")?;
    let ask = checked_ask(body.min, body.top, body.to)?;
    let from = match lang_param(body.from.as_deref(), "from")?.or_else(|| Lang::detect(&body.text))
    {
        Some(l) => l,
        None => {
            return Err(ApiError::bad_request(
                "cannot tell the language (no Latin or Cyrillic letters); give \"from\"",
            ))
        }
    };
    blocking(move || Ok(to_json(&suggest(&state.memory, &body.text, from, &ask)?))).await
}

/// The request's lowest score (default 50), matches per segment (default
/// 3) and languages, checked.
pub fn checked_ask(min: Option<f64>, top: Option<usize>, to: Vec<Lang>) -> Result<Ask, ApiError> {
    let min = min.unwrap_or(50.0);
    if !(0.0..=100.0).contains(&min) {
        return Err(ApiError::bad_request(format!(
            "min {min}: must be between 0 and 100"
        )));
    }
    let top = top.unwrap_or(3);
    if !(1..=MAX_TOP).contains(&top) {
        return Err(ApiError::bad_request(format!(
            "top {top}: must be between 1 and {MAX_TOP}"
        )));
    }
    Ok(Ask { to, min, top })
}
