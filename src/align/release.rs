//! A release as `tm add` meets it: the raw texts of its language versions,
//! segmented with tm's one segmenter and aligned.

use crate::lang::Lang;
use crate::segment::{segment, Segment};

use super::{align, Aligned};

/// Why a release could not be aligned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReleaseError {
    /// A version has no sentence at all (empty or only white space).
    #[error("the {lang} version has no sentences (it is empty or only white space)")]
    Empty {
        /// The version's language.
        lang: Lang,
    },
}

/// Segments each version and aligns them into units.
pub fn align_release(
    en: &str,
    ru: Option<&str>,
    kk: Option<&str>,
) -> Result<Vec<Aligned>, ReleaseError> {
    let seg = |lang: Lang, text: &str| -> Result<Vec<Segment>, ReleaseError> {
        let s = segment(text, lang);
        if s.is_empty() {
            return Err(ReleaseError::Empty { lang });
        }
        Ok(s)
    };
    let en = seg(Lang::En, en)?;
    let ru = ru.map(|t| seg(Lang::Ru, t)).transpose()?;
    let kk = kk.map(|t| seg(Lang::Kk, t)).transpose()?;
    Ok(align(&en, ru.as_deref(), kk.as_deref()))
}
