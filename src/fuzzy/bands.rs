//! The analysis of a release by match band, as OmegaT, memoQ and Trados
//! report it: repetitions within the release, then bands of the best score.

use serde::Serialize;

/// Band names in report order.
pub const BANDS: [&str; 7] = [
    "repetitions",
    "100",
    "95-99",
    "85-94",
    "75-84",
    "50-74",
    "no match",
];

/// One row of the analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandRow {
    /// The band's name (one of [`BANDS`]).
    pub band: &'static str,
    /// Segments in it.
    pub segments: usize,
    /// Words in those segments.
    pub words: usize,
}

/// The band (index into [`BANDS`]) of a best score, `None` for no match.
pub fn band_of(best: Option<f64>) -> usize {
    match best {
        Some(s) if s >= 100.0 => 1,
        Some(s) if s >= 95.0 => 2,
        Some(s) if s >= 85.0 => 3,
        Some(s) if s >= 75.0 => 4,
        Some(s) if s >= 50.0 => 5,
        _ => 6,
    }
}

/// Tallies segments given as (comparable text, word count, best score): a
/// segment whose text came earlier in the release is a repetition, whatever
/// its match.
pub fn analyse<'a>(
    segments: impl IntoIterator<Item = (&'a str, usize, Option<f64>)>,
) -> Vec<BandRow> {
    let mut rows: Vec<BandRow> = BANDS
        .iter()
        .map(|&band| BandRow {
            band,
            segments: 0,
            words: 0,
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    for (text, words, best) in segments {
        let b = if seen.insert(text) { band_of(best) } else { 0 };
        rows[b].segments += 1;
        rows[b].words += words;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repetitions_come_first_and_bands_by_best_score() {
        let rows = analyse([
            ("a b", 2, Some(100.0)),
            ("c d e", 3, Some(94.9)),
            ("a b", 2, Some(100.0)),
            ("f", 1, None),
            ("g h", 2, Some(50.0)),
        ]);
        let got: Vec<(usize, usize)> = rows.iter().map(|r| (r.segments, r.words)).collect();
        assert_eq!(
            got,
            [(1, 2), (1, 2), (0, 0), (1, 3), (0, 0), (1, 2), (1, 1)]
        );
    }
}
