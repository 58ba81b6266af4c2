//! `POST /api/segment {"text","lang"?,"join_lines"?}`: the
//! `tm segment --format json` shape.

use axum::response::Response;
use serde::Deserialize;

use super::{blocking, lang_param};
use crate::report::segment::segment_report;
use crate::segment::Options;
use crate::serve::error::ApiError;
use crate::serve::extract::ApiJson;

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The text to segment.
    pub text: String,
    /// Its language: `en`, `ru`, `kk` or `auto` (the default).
    pub lang: Option<String>,
    /// Treat single line breaks as spaces.
    #[serde(default)]
    pub join_lines: bool,
}

/// Handles the request.
pub async fn handle(ApiJson(body): ApiJson<Body>) -> Result<Response, ApiError> {
    let lang = lang_param(body.lang.as_deref(), "lang")?;
    let options = Options {
        join_lines: body.join_lines,
    };
    blocking(move || {
        segment_report(&body.text, lang, options).ok_or_else(|| {
            ApiError::bad_request(
                "cannot tell the language (no Latin or Cyrillic letters); give \"lang\"",
            )
        })
    })
    .await
}
