//! Word, HTML and Markdown releases on the page.
//!
//! `POST /api/suggest/document` (multipart: `file`, and `from`, `min`,
//! `top` as in `/api/suggest`) reads the upload through
//! [`crate::documents`] (the format by the file name's extension) and
//! answers what `/api/suggest` answers for its text, plus
//! `"document": {"id","name","format","text"}`. The document is kept for a
//! while ([`crate::serve::uploads`]).
//!
//! `POST /api/draft {"document","to","choices"?,"min"?,"marks"?}` answers
//! the draft in the document's own format, written by
//! [`crate::documents::write_draft`] as `tm suggest --draft` writes it:
//! each segment takes its best match of `min` (default 75) or more, unless
//! `choices` gives the translator's own (`{"index","text","score"?}`; no
//! score: 100, a person's text; an empty text: left untranslated).

use std::path::Path;
use std::sync::Arc;

use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::suggest::checked_ask;
use super::{lang_param, require_text};
use crate::documents::{from_bytes, write_draft, Format};
use crate::fuzzy::draft::{best, DRAFT_MIN};
use crate::lang::Lang;
use crate::report::suggest::{suggest, to_json};
use crate::segment::Segment;
use crate::serve::error::ApiError;
use crate::serve::extract::ApiJson;
use crate::serve::state::{random_hex, AppState};
use crate::serve::uploads::Upload;

/// The longest file name kept, in characters.
const MAX_NAME_CHARS: usize = 200;

/// The extensions taken, for the message refusing others.
const TAKEN: &str = ".docx, .html, .htm, .md, .markdown or .txt";

/// Reads the upload, finds the matches, keeps the document.
pub async fn upload(
    State(state): State<Arc<AppState>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let mut multipart = multipart.map_err(|r| ApiError {
        status: r.status(),
        message: format!(
            "send the document as multipart/form-data with a \"file\" field: {}",
            r.body_text()
        ),
    })?;
    let (mut file, mut from, mut min, mut top) = (None, None, None, None);
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        let name = field.name().unwrap_or("").to_string();
        match name.as_str() {
            "file" => {
                let raw = field.file_name().unwrap_or("").to_string();
                let bytes = field.bytes().await.map_err(multipart_error)?;
                file = Some((raw, bytes.to_vec()));
            }
            "from" | "min" | "top" => {
                let value = field.text().await.map_err(multipart_error)?;
                let value = value.trim().to_string();
                match name.as_str() {
                    "from" => from = Some(value),
                    "min" => min = Some(number::<f64>(&value, "min")?),
                    _ => top = Some(number::<usize>(&value, "top")?),
                }
            }
            other => {
                return Err(ApiError::bad_request(format!(
                    "unknown field \"{other}\": send \"file\", and \"from\", \"min\", \"top\" if needed"
                )))
            }
        }
    }
    let Some((raw, bytes)) = file else {
        return Err(ApiError::bad_request(
            "no \"file\" field: send the document as the \"file\" field of multipart/form-data",
        ));
    };
    let name = file_name(&raw)?;
    let ask = checked_ask(min, top, Vec::new())?;
    let asked_from = lang_param(from.as_deref(), "from")?;
    let format = Format::from_path(Path::new(&name));
    blocking_json(move || {
        let doc = from_bytes(Path::new(&name), bytes, Some(format))?;
        require_text(&doc.text, &name).map_err(|_| {
            ApiError::unprocessable(format!("{name}: the document holds no text to translate"))
        })?;
        let Some(from) = asked_from.or_else(|| Lang::detect(&doc.text)) else {
            return Err(ApiError::unprocessable(format!(
                "{name}: cannot tell the language (no Latin or Cyrillic letters); give \"from\""
            )));
        };
        let result = suggest(&state.memory, &doc.text, from, &ask)?;
        let mut answer = to_json(&result);
        let id = random_hex();
        answer["document"] = json!({
            "id": id,
            "name": name,
            "format": extension(&name, doc.format),
            "text": doc.text,
        });
        let upload = Upload {
            name,
            doc,
            from,
            found: result.found,
        };
        state
            .uploads
            .lock()
            .map_err(|_| ApiError::internal("the uploads are unavailable"))?
            .insert(id, upload);
        Ok(answer)
    })
    .await
}

/// The draft's request.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftBody {
    /// The id `/api/suggest/document` gave.
    pub document: String,
    /// The draft's language.
    pub to: String,
    /// The translator's translations, by segment.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// The lowest score taken into the draft (default 75).
    pub min: Option<f64>,
    /// Mark what is not a 100 match (default true).
    pub marks: Option<bool>,
}

/// A translation the translator picked or wrote.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The segment's index.
    pub index: usize,
    /// Its translation; empty: leave it untranslated.
    pub text: String,
    /// The score of the match it came from; none: 100 (a person's text).
    pub score: Option<f64>,
}

/// Writes the draft of an uploaded document.
pub async fn draft(
    State(state): State<Arc<AppState>>,
    ApiJson(body): ApiJson<DraftBody>,
) -> Result<Response, ApiError> {
    let Some(to) = lang_param(Some(&body.to), "to")? else {
        return Err(ApiError::bad_request("to: give ru, kk or en"));
    };
    let min = body.min.unwrap_or(DRAFT_MIN);
    if !(0.0..=100.0).contains(&min) {
        return Err(ApiError::bad_request(format!(
            "min {min}: must be between 0 and 100"
        )));
    }
    let upload = state
        .uploads
        .lock()
        .map_err(|_| ApiError::internal("the uploads are unavailable"))?
        .get(&body.document)
        .ok_or_else(|| ApiError {
            status: StatusCode::NOT_FOUND,
            message: format!(
                "document '{}' is no longer kept (the server keeps the latest uploads for a while): upload it again",
                body.document
            ),
        })?;
    if to == upload.from {
        return Err(ApiError::bad_request(format!(
            "to {to}: the document itself is in {to}; give the language to translate into"
        )));
    }
    let marks = body.marks.unwrap_or(true);
    let work = tokio::task::spawn_blocking(move || {
        let mut choice: Vec<Option<(String, f64)>> = upload
            .found
            .iter()
            .map(|f| best(&f.matches, to, min).map(|(t, s)| (t.to_string(), s)))
            .collect();
        for c in body.choices {
            let Some(slot) = choice.get_mut(c.index) else {
                return Err(ApiError::bad_request(format!(
                    "choices: no segment {} (the document has {})",
                    c.index,
                    upload.found.len()
                )));
            };
            let score = c.score.unwrap_or(100.0);
            if !(0.0..=100.0).contains(&score) {
                return Err(ApiError::bad_request(format!(
                    "choices: score {score} must be between 0 and 100"
                )));
            }
            let text = c.text.trim();
            *slot = (!text.is_empty()).then(|| (text.to_string(), score));
        }
        let segments: Vec<Segment> = upload.found.iter().map(|f| f.segment.clone()).collect();
        let draft = write_draft(
            &upload.doc,
            &segments,
            &choice,
            upload.from,
            Some(to),
            marks,
        )?;
        Ok((
            draft.bytes,
            draft_name(&upload.name, upload.from, to, upload.doc.format),
        ))
    });
    let (bytes, name) = work.await??;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&name)),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition(&name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// Runs `work` on a blocking thread and answers its JSON.
async fn blocking_json<F>(work: F) -> Result<Response, ApiError>
where
    F: FnOnce() -> Result<serde_json::Value, ApiError> + Send + 'static,
{
    super::blocking(work).await
}

fn multipart_error(e: MultipartError) -> ApiError {
    let status = e.status();
    let message = match status.as_u16() {
        413 => format!(
            "request too large: the limit is {} bytes",
            crate::serve::MAX_BODY_BYTES
        ),
        _ => format!("the multipart body is malformed: {}", e.body_text()),
    };
    ApiError { status, message }
}

fn number<T: std::str::FromStr>(value: &str, field: &str) -> Result<T, ApiError> {
    value
        .parse()
        .map_err(|_| ApiError::bad_request(format!("{field}: '{value}' is not a number")))
}

/// The upload's file name without folders, checked: one of the formats tm
/// reads, by its extension.
fn file_name(raw: &str) -> Result<String, ApiError> {
    let name = raw.rsplit(['/', '\\']).next().unwrap_or("").trim();
    if name.is_empty() || name.contains(char::is_control) {
        return Err(ApiError::bad_request(
            "the \"file\" field has no file name: tm tells the format by its extension",
        ));
    }
    let name: String = name.chars().take(MAX_NAME_CHARS).collect();
    let ext = Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "docx" | "doc" | "html" | "htm" | "xhtml" | "md" | "markdown" | "txt" => Ok(name),
        _ => Err(ApiError {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            message: format!("{name}: tm reads {TAKEN} documents"),
        }),
    }
}

/// The extension the draft takes: the upload's own (`.htm` stays `.htm`),
/// `docx` for Word.
fn extension(name: &str, format: Format) -> String {
    let own = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match (format, own) {
        (Format::Docx, _) | (_, None) => format.extension().to_string(),
        (_, Some(e)) if Format::from_path(Path::new(&format!("x.{e}"))) == format => e,
        _ => format.extension().to_string(),
    }
}

/// `NAME.LANG.EXT` for the draft of `name` (a `.en` before the extension,
/// the source language's, is dropped), as `tm suggest --draft` names it.
fn draft_name(name: &str, from: Lang, to: Lang, format: Format) -> String {
    let ext = extension(name, format);
    let base = match name.rsplit_once('.') {
        Some((base, _)) if !base.is_empty() => base,
        _ => name,
    };
    let base = base
        .strip_suffix(&format!(".{}", from.code()))
        .unwrap_or(base);
    format!("{base}.{}.{ext}", to.code())
}

fn content_type(name: &str) -> &'static str {
    match Format::from_path(Path::new(name)) {
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Format::Html => "text/html; charset=utf-8",
        Format::Markdown => "text/markdown; charset=utf-8",
        Format::Text => "text/plain; charset=utf-8",
    }
}

/// `attachment` with an ASCII file name and the UTF-8 one (RFC 6266).
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_named_as_the_command_line_names_them() {
        assert_eq!(
            draft_name("forum.en.docx", Lang::En, Lang::Ru, Format::Docx),
            "forum.ru.docx"
        );
        assert_eq!(
            draft_name("Форум.htm", Lang::En, Lang::Kk, Format::Html),
            "Форум.kk.htm"
        );
        assert_eq!(
            draft_name("notes.markdown", Lang::Ru, Lang::En, Format::Markdown),
            "notes.en.markdown"
        );
        assert!(disposition("Форум.kk.htm").starts_with("attachment; filename=\"_____.kk.htm\""));
    }

    #[test]
    fn only_the_formats_tm_reads_are_taken() {
        assert_eq!(file_name("C:\\docs\\a.DOCX").unwrap(), "a.DOCX");
        assert_eq!(file_name("../x/b.md").unwrap(), "b.md");
        assert_eq!(file_name("c.pdf").unwrap_err().status.as_u16(), 415);
        assert_eq!(file_name("").unwrap_err().status.as_u16(), 400);
    }
}
