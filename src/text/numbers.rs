//! Cardinal numbers written as words ("three", «три», «үш»), from
//! `rules/numbers.txt`: one table for every stage that reads them (the
//! aligner's anchors, the segmenter's run-in ledes).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::rules::{built_in, rule_file, RuleError, RuleFile};

/// The number words: VALUE WORD WORD … a line.
const NUMBERS: RuleFile<'static> = rule_file!("rules/numbers.txt");

/// Each word of `numbers.txt` with its value.
fn read_numbers() -> Result<Vec<(String, u64)>, RuleError> {
    let mut words = Vec::new();
    for line in NUMBERS.lines(&[]) {
        let line = line?;
        let value: u64 = line.number(0)?;
        if line.fields.len() < 2 {
            return Err(line.error("expected VALUE WORD WORD …, found no word"));
        }
        words.extend(line.fields[1..].iter().map(|w| (w.to_string(), value)));
    }
    Ok(words)
}

/// The number words, read as they are read for use, for the test that
/// checks all built-in rule files.
#[cfg(test)]
pub(crate) fn check_built_in() -> Result<Vec<RuleFile<'static>>, RuleError> {
    read_numbers()?;
    Ok(vec![NUMBERS])
}

/// The value of `word` if it is a number word, in any case ("Three": 3).
pub fn value(word: &str) -> Option<u64> {
    static TABLE: OnceLock<HashMap<String, u64>> = OnceLock::new();
    let table = TABLE.get_or_init(|| built_in(read_numbers()).into_iter().collect());
    table.get(&word.to_lowercase()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_in_three_languages_and_any_case() {
        assert_eq!(value("Three"), Some(3));
        assert_eq!(value("тремя"), Some(3));
        assert_eq!(value("үш"), Some(3));
        assert_eq!(value("млрд"), Some(1_000_000_000));
        assert_eq!(value("one"), None, "left out: also an article");
    }
}
