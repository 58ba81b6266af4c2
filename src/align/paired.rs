//! Texts that are paired already, line by line: a translation made segment
//! by segment (on the page of `tm serve`) needs no aligning. Line `i` of
//! each language is unit `i`, with full confidence.

use crate::lang::Lang;

use super::release::lines;
use super::Aligned;

/// Why paired texts cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PairError {
    /// The English text has no line.
    #[error("the en text has no lines")]
    Empty,
    /// A translation has another number of lines than the English.
    #[error("the {lang} text has {got} lines, the en text {expected}: paired texts need one line per segment")]
    Uneven {
        /// The translation's language.
        lang: Lang,
        /// Its lines.
        got: usize,
        /// The English lines.
        expected: usize,
    },
}

/// Units from texts with one segment a line (blank lines are skipped),
/// line `i` of each language forming unit `i`. A translation line that is
/// `-` alone leaves the unit without that language.
pub fn pair_lines(en: &str, ru: Option<&str>, kk: Option<&str>) -> Result<Vec<Aligned>, PairError> {
    let en = lines(en);
    if en.is_empty() {
        return Err(PairError::Empty);
    }
    let side = |lang: Lang, text: Option<&str>| -> Result<Vec<String>, PairError> {
        let Some(text) = text else {
            return Ok(vec![String::new(); en.len()]);
        };
        let got: Vec<String> = lines(text)
            .into_iter()
            .map(|s| if s.text == "-" { String::new() } else { s.text })
            .collect();
        if got.len() != en.len() {
            return Err(PairError::Uneven {
                lang,
                got: got.len(),
                expected: en.len(),
            });
        }
        Ok(got)
    };
    let ru = side(Lang::Ru, ru)?;
    let kk = side(Lang::Kk, kk)?;
    Ok(en
        .into_iter()
        .zip(ru.into_iter().zip(kk))
        .enumerate()
        .map(|(i, (e, (r, k)))| {
            let count = |t: &str| usize::from(!t.is_empty());
            Aligned {
                beads: format!("1-{}-{}", count(&r), count(&k)),
                ranges: [i..i + 1, i..i + count(&r), i..i + count(&k)],
                en: e.text,
                ru: r,
                kk: k,
                confidence: 1.0,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_pair_in_order_and_a_dash_leaves_a_gap() {
        let units = pair_lines(
            "The forum opened.\n\nIt lasted two days.\n",
            Some("Форум открылся.\nОн длился два дня.\n"),
            Some("Форум ашылды.\n-\n"),
        )
        .unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[1].ru, "Он длился два дня.");
        assert_eq!(units[1].kk, "");
        assert_eq!(units[1].beads, "1-1-0");
        assert!(!units[0].doubtful());
    }

    #[test]
    fn uneven_texts_are_refused() {
        let e = pair_lines("One.\nTwo.\n", Some("Один.\n"), None).unwrap_err();
        assert_eq!(
            e,
            PairError::Uneven {
                lang: Lang::Ru,
                got: 1,
                expected: 2
            }
        );
    }
}
