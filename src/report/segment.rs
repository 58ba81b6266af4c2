//! The `tm segment --format json` shape:
//! `{"language":"en","segments":[{"index":0,"paragraph":0,"start":0,"end":97,"text":"…"}]}`.

use serde::Serialize;

use crate::lang::Lang;
use crate::segment::{segment_with, Options, Segment};

/// A text cut into segments, with its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SegmentReport {
    /// The language the text was segmented as.
    pub language: Lang,
    /// The segments, with byte offsets into the text.
    pub segments: Vec<Segment>,
}

/// Segments `text` as `lang`, or as the language told from the text when
/// `lang` is `None` (English for a text with no letters: it has no
/// segments anyway); `None` when a text with letters has no language tm
/// knows.
pub fn segment_report(text: &str, lang: Option<Lang>, options: Options) -> Option<SegmentReport> {
    let language = match lang.or_else(|| Lang::detect(text)) {
        Some(l) => l,
        None if text.trim().is_empty() => Lang::En,
        None => return None,
    };
    Some(SegmentReport {
        language,
        segments: segment_with(text, language, options),
    })
}
