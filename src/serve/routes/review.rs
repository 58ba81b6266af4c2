//! `GET /api/review?release=NAME`: the doubtful units as
//! `tm review --format json` lists them; `POST /api/review/accept
//! {"ids":[…]}` or `{"release":NAME}`: clears their mark, as
//! `tm review --accept` does.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::blocking;
use crate::memory::changes::{accept_units, Accept};
use crate::memory::query::{select, Filter};
use crate::memory::{load, now};
use crate::report::units::UnitsJson;
use crate::serve::error::ApiError;
use crate::serve::extract::{ApiJson, ApiQuery};
use crate::serve::state::AppState;

/// The listing's query.
#[derive(Debug, Deserialize)]
pub struct Params {
    /// Only the units of this release.
    pub release: Option<String>,
}

/// Lists the doubtful units.
pub async fn list(
    State(state): State<Arc<AppState>>,
    ApiQuery(params): ApiQuery<Params>,
) -> Result<Response, ApiError> {
    blocking(move || {
        let memory = load(&state.memory)?;
        let filter = Filter {
            release: params.release.filter(|r| !r.is_empty()),
            lang: None,
            doubtful_only: true,
        };
        let units = select(&memory, &filter, &state.memory)?;
        serde_json::to_value(UnitsJson { units }).map_err(|e| ApiError::internal(e.to_string()))
    })
    .await
}

/// The body of an accept.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptBody {
    /// The units to accept.
    #[serde(default)]
    pub ids: Vec<String>,
    /// Or every unit of this release.
    pub release: Option<String>,
}

/// Accepts units: `{"accepted":N,"not_doubtful":M}`.
pub async fn accept(
    State(state): State<Arc<AppState>>,
    ApiJson(body): ApiJson<AcceptBody>,
) -> Result<Response, ApiError> {
    if body.ids.is_empty() == body.release.is_none() {
        return Err(ApiError::bad_request(
            "give either \"ids\" (a list of unit ids) or \"release\"",
        ));
    }
    blocking(move || {
        let which = match &body.release {
            Some(name) => Accept::Release(name),
            None => Accept::Ids(&body.ids),
        };
        Ok(accept_units(&state.memory, which, &now())?)
    })
    .await
}
