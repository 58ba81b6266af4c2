//! `POST /api/units/ID/merge {"with": ID | "next" | "previous"}`: merges
//! the unit with its neighbour in the release; `POST /api/units/ID/split
//! {"at": {"en": 1, "ru": 1, "kk": 2}}`: splits it after that many
//! sentences of each language (as `/api/segment` cuts them). Both answer
//! the units as stored, as `tm merge` and `tm split --format json` print.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::blocking;
use crate::lang::Lang;
use crate::memory::changes::{merge_units, split_unit};
use crate::memory::now;
use crate::memory::regroup::Partner;
use crate::serve::error::ApiError;
use crate::serve::extract::ApiJson;
use crate::serve::state::AppState;

/// A merge's body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    /// The other unit's id, or `next` or `previous` in the release.
    pub with: String,
}

/// Merges two units.
pub async fn merge(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MergeBody>,
) -> Result<Response, ApiError> {
    blocking(move || {
        let partner = match body.with.as_str() {
            "next" => Partner::Next,
            "previous" => Partner::Previous,
            other => Partner::Id(other),
        };
        Ok(merge_units(&state.memory, &id, partner, &now())?)
    })
    .await
}

/// A split's body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitBody {
    /// Per language, how many sentences stay in the unit.
    pub at: BTreeMap<Lang, usize>,
}

/// Splits a unit.
pub async fn split(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SplitBody>,
) -> Result<Response, ApiError> {
    blocking(move || Ok(split_unit(&state.memory, &id, &body.at, &now())?)).await
}
