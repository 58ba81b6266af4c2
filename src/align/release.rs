//! A release as `tm add` meets it: the raw texts of its language versions,
//! cut into segments (by tm's one segmenter, or one segment a line for
//! texts that are segmented already) and aligned.

use crate::lang::Lang;
use crate::segment::{segment, Segment};

use super::lexicon::Lexicon;
use super::{align_with, resplit, Aligned};

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

/// How the texts are cut into segments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cut {
    /// Sentence segmentation by the rules of each language.
    #[default]
    Sentences,
    /// Every non-blank line is one segment (blank lines end paragraphs).
    Lines,
}

impl Cut {
    /// The segments' texts of `text` in `lang`, cut this way.
    pub fn segments(self, text: &str, lang: Lang) -> Vec<String> {
        let s = match self {
            Cut::Sentences => segment(text, lang),
            Cut::Lines => lines(text),
        };
        s.into_iter().map(|s| s.text).collect()
    }
}

/// Segments each version and aligns them into units.
pub fn align_release(
    en: &str,
    ru: Option<&str>,
    kk: Option<&str>,
    cut: Cut,
) -> Result<Vec<Aligned>, ReleaseError> {
    align_release_with(en, ru, kk, cut, &Lexicon::empty())
}

/// [`align_release`] with a lexicon learned from the memory
/// ([`super::align_with`]).
pub fn align_release_with(
    en: &str,
    ru: Option<&str>,
    kk: Option<&str>,
    cut: Cut,
    lexicon: &Lexicon,
) -> Result<Vec<Aligned>, ReleaseError> {
    let seg = |lang: Lang, text: &str| -> Result<Vec<Segment>, ReleaseError> {
        let s = match cut {
            Cut::Sentences => segment(text, lang),
            Cut::Lines => lines(text),
        };
        if s.is_empty() {
            return Err(ReleaseError::Empty { lang });
        }
        Ok(s)
    };
    let en = seg(Lang::En, en)?;
    let ru = ru.map(|t| seg(Lang::Ru, t)).transpose()?;
    let kk = kk.map(|t| seg(Lang::Kk, t)).transpose()?;
    let units = align_with(&en, ru.as_deref(), kk.as_deref(), lexicon);
    if cut == Cut::Lines {
        // Lines are segments someone chose: never cut further.
        return Ok(units);
    }
    let lex = (!lexicon.is_empty()).then_some(lexicon);
    match resplit::resplit(&units, [Some(&en), ru.as_deref(), kk.as_deref()], lex) {
        Some([en, ru, kk]) => Ok(align_with(
            en.as_deref().unwrap_or_default(),
            ru.as_deref(),
            kk.as_deref(),
            lexicon,
        )),
        None => Ok(units),
    }
}

/// One segment per non-blank line; blank lines separate paragraphs.
pub fn lines(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let (mut paragraph, mut seen, mut offset) = (0, false, 0);
    for line in text.split_inclusive('\n') {
        let base = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            paragraph += usize::from(seen);
            seen = false;
            continue;
        }
        seen = true;
        let start = base + (line.len() - line.trim_start().len());
        out.push(Segment {
            index: out.len(),
            paragraph,
            start,
            end: start + trimmed.len(),
            text: trimmed.to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_end_the_segmenter_missed_is_cut_where_the_others_end_one() {
        let en = "\"Kazakhstan is a regional leader on this issue,\" said the UNHCR Representative in Kazakhstan. According to the Ministry of Internal Affairs, about 4,900 people still have no confirmed nationality.";
        let ru = "«Казахстан является региональным лидером в этом вопросе», – заявил представитель УВКБ ООН в Казахстане По данным МВД, около 4 900 человек все еще не имеют подтвержденного гражданства.";
        let kk = "«Қазақстан бұл мәселеде өңірлік көшбасшы болып табылады», – деді БҰҰ БЖКБ-ның Қазақстандағы өкілі. ІІМ деректері бойынша, әлі күнге дейін 4 900-ге жуық адамның азаматтығы расталмаған.";
        let units = align_release(en, Some(ru), Some(kk), Cut::Sentences).unwrap();
        let beads: Vec<&str> = units.iter().map(|u| u.beads.as_str()).collect();
        assert_eq!(beads, ["1-1-1", "1-1-1"]);
        assert!(units[1].ru.starts_with("По данным МВД"), "{units:?}");
        // Lines are never cut.
        let lined = align_release(
            &en.replacen(" According", "\nAccording", 1),
            Some(ru),
            Some(&kk.replacen(" ІІМ", "\nІІМ", 1)),
            Cut::Lines,
        )
        .unwrap();
        assert_eq!(lined.len(), 1, "{lined:?}");
    }

    #[test]
    fn a_run_in_headline_is_cut_where_another_version_splits_its_lede_again() {
        // The English headline runs into a lede the segmenter cannot tell
        // from a name ("…robotics championship Promoted…"); the Russian and
        // the Kazakh have the headline on a line of its own and the lede in
        // two sentences each.
        let en = "Young engineers from Karaganda win national robotics championship Promoted to the final only last week, the team from Karaganda beat 40 rivals from 12 regions in Astana on Saturday and received a grant of 5 million tenge.";
        let ru = "Молодые инженеры из Караганды выиграли национальный кубок по робототехнике\nКоманда из Караганды, вышедшая в финал лишь на прошлой неделе, в субботу в Астане обошла 40 соперников из 12 регионов. Она получила грант в 5 млн тенге.";
        let kk = "Қарағандылық жас инженерлер робототехникадан ұлттық кубокты жеңіп алды\nӨткен аптада ғана финалға шыққан Қарағанды командасы сенбі күні Астанада 12 өңірден келген 40 қарсыласын жеңді. Команда 5 млн теңге грант алды.";
        assert_eq!(
            segment(en, Lang::En).len(),
            1,
            "the segmenter finds no headline"
        );
        let units = align_release(en, Some(ru), Some(kk), Cut::Sentences).unwrap();
        let beads: Vec<&str> = units.iter().map(|u| u.beads.as_str()).collect();
        assert_eq!(beads, ["1-1-1", "1-2-2"], "{units:?}");
        assert!(units[0].en.ends_with("robotics championship"), "{units:?}");
    }

    #[test]
    fn lines_keep_paragraphs() {
        let s = lines("One. Two.\nThree\n\n\n  Four\n");
        let got: Vec<_> = s.iter().map(|s| (s.paragraph, s.text.as_str())).collect();
        assert_eq!(got, vec![(0, "One. Two."), (0, "Three"), (1, "Four")]);
        assert_eq!(
            &"One. Two.\nThree\n\n\n  Four\n"[s[2].start..s[2].end],
            "Four"
        );
    }
}
