//! `GET /api/stats`: what `tm stats --format json` prints.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;

use super::blocking;
use crate::memory::stats::stats_of_file;
use crate::serve::error::ApiError;
use crate::serve::state::AppState;

/// Handles the request.
pub async fn handle(State(state): State<Arc<AppState>>) -> Result<Response, ApiError> {
    blocking(move || Ok(stats_of_file(&state.memory)?)).await
}
