//! The `tm concord --format json` shape: each unit holding the phrase, with
//! the byte ranges of the phrase in its text, its texts in every language,
//! and where tm can tell, the phrase's words in the other languages.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::concord::align::aligned_spans;
use crate::concord::cache::Found;
use crate::lang::Lang;

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
    /// Per other language, byte ranges of the words tm can tell are the
    /// phrase's (numbers, names, shared stems; see
    /// [`crate::concord::align`]); a language where it cannot tell
    /// is left out.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub aligned: BTreeMap<Lang, Vec<[usize; 2]>>,
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
                let text = u.text(lang).unwrap_or("");
                let aligned = Lang::ALL
                    .into_iter()
                    .filter(|&l| l != lang)
                    .filter_map(|l| {
                        let spans = aligned_spans(text, &h.spans, u.text(l)?);
                        let spans: Vec<[usize; 2]> = spans.iter().map(|&(s, e)| [s, e]).collect();
                        (!spans.is_empty()).then_some((l, spans))
                    })
                    .collect();
                ConcordHit {
                    id: &u.id,
                    release: u.release.as_deref(),
                    position: u.position,
                    changed: &u.changed,
                    doubtful: u.doubtful,
                    text,
                    matches: h.spans.iter().map(|&(s, e)| [s, e]).collect(),
                    aligned,
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
