//! The word diff of a new sentence against a stored one, from the score's
//! alignment: what the stored sentence had that the new one lacks (removed)
//! and what the new one adds.

use super::score::{Op, Prepared};

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Words both sentences have, as the new one writes them.
    Same(String),
    /// Words of the stored sentence that the new one lacks or changed.
    Removed(String),
    /// Words of the new sentence that the stored one lacks or had otherwise.
    Added(String),
}

/// The diff of `new` against `old` along `ops`, with neighbouring pieces of
/// one kind joined.
pub fn diff(new: &Prepared, old: &Prepared, ops: &[Op]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |p: Piece| {
        let joined = match (out.last_mut(), &p) {
            (Some(Piece::Same(a)), Piece::Same(b))
            | (Some(Piece::Removed(a)), Piece::Removed(b))
            | (Some(Piece::Added(a)), Piece::Added(b)) => {
                a.push(' ');
                a.push_str(b);
                true
            }
            _ => false,
        };
        if !joined {
            out.push(p);
        }
    };
    let mut removed = Vec::new();
    let mut added = Vec::new();
    let flush =
        |removed: &mut Vec<String>, added: &mut Vec<String>, push: &mut dyn FnMut(Piece)| {
            if !removed.is_empty() {
                push(Piece::Removed(removed.join(" ")));
                removed.clear();
            }
            if !added.is_empty() {
                push(Piece::Added(added.join(" ")));
                added.clear();
            }
        };
    for op in ops {
        match *op {
            Op::Pair { new: i, old: j } => {
                let (a, b) = (&new.words[i].display, &old.words[j].display);
                if a == b {
                    flush(&mut removed, &mut added, &mut push);
                    push(Piece::Same(a.clone()));
                } else {
                    removed.push(b.clone());
                    added.push(a.clone());
                }
            }
            Op::Added(i) => added.push(new.words[i].display.clone()),
            Op::Removed(j) => removed.push(old.words[j].display.clone()),
        }
    }
    flush(&mut removed, &mut added, &mut push);
    out
}

/// The diff as text: `[-removed-]{+added+}`, or in colour (removed red and
/// struck through, added green) for a terminal.
pub fn render(pieces: &[Piece], color: bool) -> String {
    let mut out = String::new();
    for (i, p) in pieces.iter().enumerate() {
        // A replacement reads as one change: `[-old-]{+new+}`.
        let replacing =
            i > 0 && matches!((&pieces[i - 1], p), (Piece::Removed(_), Piece::Added(_)));
        if i > 0 && !replacing {
            out.push(' ');
        }
        match (p, color) {
            (Piece::Same(s), _) => out.push_str(s),
            (Piece::Removed(s), false) => out.push_str(&format!("[-{s}-]")),
            (Piece::Added(s), false) => out.push_str(&format!("{{+{s}+}}")),
            (Piece::Removed(s), true) => out.push_str(&format!("\x1b[31;9m{s}\x1b[0m")),
            (Piece::Added(s), true) => out.push_str(&format!("\x1b[32;4m{s}\x1b[0m")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fuzzy::score::score;
    use crate::lang::Lang;

    #[test]
    fn marks_removed_and_added_words() {
        let new = Prepared::new("The Ministry opened a large new centre.", Lang::En);
        let old = Prepared::new("The Ministry opened a centre in 2024.", Lang::En);
        let s = score(&new, &old, false);
        let d = diff(&new, &old, &s.ops);
        assert_eq!(
            render(&d, false),
            "The Ministry opened a [-centre in 2024.-]{+large new centre.+}"
        );
    }
}
