//! The `tm concord --format json` shape: each unit holding the phrase, with
//! the byte ranges of the phrase in its text and its texts in every
//! language.

use serde::Serialize;

use crate::lang::Lang;
use crate::memory::concord_cache::Found;

/// One unit holding the phrase.
#[derive(Debug, Serialize)]
pub struct ConcordHit<'a> {
    /// The unit's id.
    pub id: &'a str,
    /// Its release.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<&'a str>,
    /// Its position in the release.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    /// When it last changed.
    pub changed: &'a str,
    /// Whether it is marked doubtful.
    pub doubtful: bool,
    /// Its text in the language searched.
    pub text: &'a str,
    /// Byte ranges of the phrase in `text`.
    pub matches: Vec<[usize; 2]>,
    /// English text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<&'a str>,
    /// Russian text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ru: Option<&'a str>,
    /// Kazakh text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kk: Option<&'a str>,
}

/// What `tm concord --format json` prints and `GET /api/concord` answers.
#[derive(Debug, Serialize)]
pub struct ConcordJson<'a> {
    /// The phrase as given.
    pub phrase: &'a str,
    /// The language searched.
    pub language: Lang,
    /// The units, newest first.
    pub hits: Vec<ConcordHit<'a>>,
    /// Whether more units match than are listed.
    pub more: bool,
}

impl<'a> ConcordJson<'a> {
    /// The answer for `phrase` searched in `lang`.
    pub fn new(phrase: &'a str, lang: Lang, found: &'a Found) -> ConcordJson<'a> {
        let hits = found
            .hits
            .iter()
            .map(|h| {
                let u = &h.unit;
                ConcordHit {
                    id: &u.id,
                    release: u.release.as_deref(),
                    position: u.position,
                    changed: &u.changed,
                    doubtful: u.doubtful,
                    text: u.text(lang).unwrap_or(""),
                    matches: h.spans.iter().map(|&(s, e)| [s, e]).collect(),
                    en: u.text(Lang::En),
                    ru: u.text(Lang::Ru),
                    kk: u.text(Lang::Kk),
                }
            })
            .collect();
        ConcordJson {
            phrase,
            language: lang,
            hits,
            more: found.more,
        }
    }
}
