//! `POST /api/add {"id"?,"en","ru"?,"kk"?,"lines"?,"paired"?,"dry_run"?}`:
//! what `tm add --format json` prints. The texts are aligned as `tm add`
//! aligns files (`lines`: one segment a line); `paired` takes line `i` of
//! each language as one unit and aligns nothing (the page's finished
//! translation).

use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::{blocking, require_text};
use crate::align::judge::{check_release_with, mark_forced, storable, InputError, Version};
use crate::align::lexicon_file;
use crate::align::paired::pair_lines;
use crate::align::release::{align_release_with, Cut};
use crate::align::to_units;
use crate::lang::Lang;
use crate::memory::changes::add_units;
use crate::memory::now;
use crate::report::add::AddJson;
use crate::serve::error::ApiError;
use crate::serve::extract::ApiJson;
use crate::serve::state::AppState;

/// The longest release name taken.
const MAX_ID_CHARS: usize = 200;

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The release's name (default `page-` and the time).
    pub id: Option<String>,
    /// The English text.
    pub en: String,
    /// The Russian text.
    pub ru: Option<String>,
    /// The Kazakh text.
    pub kk: Option<String>,
    /// The texts are segmented already: one segment a line.
    #[serde(default)]
    pub lines: bool,
    /// Line `i` of each text is one unit: nothing is aligned.
    #[serde(default)]
    pub paired: bool,
    /// Align and answer, store nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// Store versions that do not look like translations of each other,
    /// every unit marked doubtful (as `tm add --force`).
    #[serde(default)]
    pub force: bool,
}

/// Handles the request.
pub async fn handle(
    State(state): State<Arc<AppState>>,
    ApiJson(body): ApiJson<Body>,
) -> Result<Response, ApiError> {
    require_text(&body.en, "en")?;
    let ru = body.ru.filter(|t| !t.trim().is_empty());
    let kk = body.kk.filter(|t| !t.trim().is_empty());
    if ru.is_none() && kk.is_none() {
        return Err(ApiError::bad_request(
            "add needs at least two languages: give \"ru\" and/or \"kk\" besides \"en\"",
        ));
    }
    let stamp = now();
    let release = match body.id.map(|s| s.trim().to_string()) {
        Some(id) if id.is_empty() || id.chars().count() > MAX_ID_CHARS || id.contains(char::is_control) => {
            return Err(ApiError::bad_request(format!(
                "id: give a release name of 1 to {MAX_ID_CHARS} characters, without control characters"
            )))
        }
        Some(id) => id,
        None => format!("page-{}", stamp.replace(':', "")),
    };
    blocking(move || {
        let mut forced = false;
        let aligned = if body.paired {
            pair_lines(&body.en, ru.as_deref(), kk.as_deref())?
        } else {
            let cut = if body.lines {
                Cut::Lines
            } else {
                Cut::Sentences
            };
            // The lexicon learned from the memory served, as `tm add` uses it.
            let lexicon = lexicon_file::open(&state.memory).0;
            let aligned =
                align_release_with(&body.en, ru.as_deref(), kk.as_deref(), cut, &lexicon)?;
            // Judged as `tm add` judges files, before anything is stored.
            let versions: Vec<Version> = [
                (Lang::En, "en", Some(body.en.as_str())),
                (Lang::Ru, "ru", ru.as_deref()),
                (Lang::Kk, "kk", kk.as_deref()),
            ]
            .into_iter()
            .filter_map(|(lang, file, text)| Some(Version::new(lang, file, text?)))
            .collect();
            match check_release_with(&versions, |t, l| cut.segments(t, l), &lexicon) {
                Ok(()) => {}
                Err(_) if body.dry_run => {}
                Err(InputError::NotTranslation { .. }) if body.force => {
                    forced = true;
                }
                Err(e) => return Err(ApiError::bad_request(format!("{e}; nothing stored"))),
            }
            aligned
        };
        if body.dry_run {
            return serde_json::to_value(AddJson::new(None, None, &aligned))
                .map_err(|e| ApiError::internal(e.to_string()));
        }
        // A sentence only one language has is no unit.
        let (mut aligned, _lone) = storable(aligned);
        if forced {
            mark_forced(&mut aligned);
        }
        let units = to_units(&aligned, &release, &stamp);
        let report = add_units(&state.memory, units, Lang::En)?;
        serde_json::to_value(AddJson::new(Some(&release), Some(&report), &aligned))
            .map_err(|e| ApiError::internal(e.to_string()))
    })
    .await
}
