//! Putting new numbers into a stored translation when the new sentence
//! differs from the stored one only in its numbers.

/// The translation `target` with each stored number replaced by the new
/// one, or `None` when that cannot be done safely: a number that changed
/// must appear in the translation as often as in the stored source (so it is
/// the same quantity), and one stored number must not become two different
/// new ones. `changes` are (stored, new) pairs; `old_source` the stored
/// source sentence.
pub fn adapt(target: &str, old_source: &str, changes: &[(String, String)]) -> Option<String> {
    let mut plan: Vec<(&str, &str)> = Vec::new();
    for (old, new) in changes {
        match plan.iter().find(|(o, _)| *o == old.as_str()) {
            Some((_, n)) if *n != new.as_str() => return None,
            Some(_) => {}
            None => plan.push((old, new)),
        }
    }
    let mut out = target.to_string();
    for (old, new) in plan {
        let in_target = occurrences(&out, old);
        if in_target.is_empty() || in_target.len() != occurrences(old_source, old).len() {
            return None;
        }
        for at in in_target.into_iter().rev() {
            out.replace_range(at..at + old.len(), new);
        }
    }
    Some(out)
}

/// Byte offsets where `number` stands alone in `text` (not inside a longer
/// number or word).
fn occurrences(text: &str, number: &str) -> Vec<usize> {
    let part_of_number = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let continues = |s: &str| {
        let mut it = s.chars();
        match it.next() {
            Some(c) if c.is_alphanumeric() => true,
            // "5.5" continues "5", "5." at the end of a sentence does not.
            Some('.' | ',') => it.next().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        }
    };
    text.match_indices(number)
        .filter(|&(at, _)| {
            let before = text[..at].chars().next_back();
            // "1.5" holds "5" after a digit and a point: not the number 5.
            let after_decimal = matches!(before, Some('.' | ','))
                && text[..at - 1]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_digit());
            !part_of_number(before) && !after_decimal && !continues(&text[at + number.len()..])
        })
        .map(|(at, _)| at)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn replaces_standalone_numbers_only() {
        assert_eq!(
            adapt(
                "В 2024 году выручка выросла на 5%.",
                "In 2024 revenue rose 5%.",
                &ch(&[("2024", "2025"), ("5", "7")])
            ),
            Some("В 2025 году выручка выросла на 7%.".to_string())
        );
        // 5 inside 15 or 5.5 is not the number 5.
        assert_eq!(occurrences("15 5.5 5 a5", "5"), vec![7]);
    }

    #[test]
    fn refuses_when_unsure() {
        assert_eq!(
            adapt("выросла на 5,5%", "rose 5.5%", &ch(&[("5.5", "6")])),
            None
        );
        assert_eq!(adapt("5 и 5", "5 and 6", &ch(&[("5", "7")])), None);
    }
}
