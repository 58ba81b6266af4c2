//! The Gale–Church length model: how surprising it is that a group of
//! sentences and its translation have the lengths they have.
//!
//! The ratios and variances are data (`lengths.txt`, fitted by
//! `scripts/fit_lengths.py`); this file only reads them and turns a pair of
//! lengths into a cost (a negative log probability).

use std::sync::OnceLock;

use crate::lang::Lang;
use crate::rules::{built_in, rule_file, RuleError, RuleFile};

/// The fitted table, one pair a line (see the file's header).
const TABLE: RuleFile<'static> = rule_file!("lengths.txt");

/// Length model of one language pair: target length ≈ `ratio` × source
/// length, with variance `variance` × source length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    /// Expected target characters per source character.
    pub ratio: f64,
    /// Variance of the target length per source character.
    pub variance: f64,
}

impl LengthModel {
    /// The model for translating `src` into `tgt`, from `lengths.txt` (a
    /// reversed pair is derived; an unknown pair, e.g. a language with
    /// itself, gets ratio 1 and the largest fitted variance).
    pub fn for_pair(src: Lang, tgt: Lang) -> LengthModel {
        let table = table();
        if let Some(&(_, _, m)) = table.iter().find(|(a, b, _)| *a == src && *b == tgt) {
            return m;
        }
        if let Some(&(_, _, m)) = table.iter().find(|(a, b, _)| *a == tgt && *b == src) {
            return LengthModel {
                ratio: 1.0 / m.ratio,
                variance: m.variance / m.ratio.powi(3),
            };
        }
        let variance = table.iter().map(|t| t.2.variance).fold(1.0, f64::max);
        LengthModel {
            ratio: 1.0,
            variance,
        }
    }

    /// Cost of `src_len` source characters being translated by `tgt_len`
    /// target characters: −ln P(|δ| at least this large), where δ is the
    /// standardised difference of the lengths (Gale & Church 1993).
    pub fn cost(&self, src_len: usize, tgt_len: usize) -> f64 {
        let (s, t) = (src_len as f64, tgt_len as f64);
        // The mean of the two lengths (in source units) keeps the cost
        // symmetric enough that a very short source is not over-trusted.
        let mean = (s + t / self.ratio) / 2.0;
        if mean <= 0.0 {
            return 0.0;
        }
        let delta = (t - self.ratio * s) / (self.variance * mean).sqrt();
        -ln_erfc(delta.abs() / std::f64::consts::SQRT_2)
    }
}

/// The length the model counts: characters other than white space.
pub fn text_len(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

fn table() -> &'static [(Lang, Lang, LengthModel)] {
    static PARSED: OnceLock<Vec<(Lang, Lang, LengthModel)>> = OnceLock::new();
    PARSED.get_or_init(|| built_in(parse(TABLE)))
}

/// Parses `lengths.txt`: SOURCE TARGET RATIO VARIANCE a line.
fn parse(file: RuleFile) -> Result<Vec<(Lang, Lang, LengthModel)>, RuleError> {
    file.lines(&[])
        .map(|line| {
            let line = line?;
            let f = line.exactly(4, "SOURCE TARGET RATIO VARIANCE")?;
            let lang = |tag: &str| {
                Lang::from_tag(tag).ok_or_else(|| line.error(format!("'{tag}' is not a language")))
            };
            let (a, b) = (lang(f[0])?, lang(f[1])?);
            let ratio: f64 = line.number(2)?;
            let variance: f64 = line.number(3)?;
            Ok((a, b, LengthModel { ratio, variance }))
        })
        .collect()
}

/// The length table, read as it is read for use, for the test that checks
/// all built-in rule files.
#[cfg(test)]
pub(crate) fn check_built_in() -> Result<Vec<RuleFile<'static>>, RuleError> {
    parse(TABLE)?;
    Ok(vec![TABLE])
}

/// ln erfc(x) for x ≥ 0, computed in log space so that very unlikely length
/// pairs get a large finite cost instead of infinity (Numerical Recipes'
/// `erfcc`, relative error below 1.2e-7).
fn ln_erfc(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * x);
    let poly = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() - x * x + poly
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_the_three_pairs() {
        assert_eq!(parse(TABLE).unwrap().len(), 3);
        let m = LengthModel::for_pair(Lang::En, Lang::Ru);
        assert!((m.ratio - 1.137).abs() < 1e-9);
        let r = LengthModel::for_pair(Lang::Ru, Lang::En);
        assert!((r.ratio * m.ratio - 1.0).abs() < 1e-9);
    }

    #[test]
    fn expected_length_is_cheapest() {
        let m = LengthModel::for_pair(Lang::En, Lang::Ru);
        let best = m.cost(100, 114);
        assert!(best < 0.05, "{best}");
        assert!(m.cost(100, 60) > m.cost(100, 90));
        assert!(m.cost(100, 300).is_finite());
        assert!(m.cost(100, 300) > 20.0);
    }

    #[test]
    fn ln_erfc_matches_known_values() {
        assert!((ln_erfc(0.0)).abs() < 1e-6);
        assert!((ln_erfc(1.0) - 0.157_299_207_f64.ln()).abs() < 1e-5);
    }
}
