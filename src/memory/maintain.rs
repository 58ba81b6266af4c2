//! Changing stored units by hand: removing units or a whole release,
//! correcting the text of one language, accepting doubtful alignments.
//!
//! These work on a [`Memory`] in hand; the commands run them inside
//! [`super::edit`] so that the file is locked and saved atomically, and left
//! untouched when any of them fails.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::lang::Lang;

use super::{normalize, Memory};

/// What [`Memory::remove`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemoveReport {
    /// Units removed.
    pub removed: usize,
    /// Alternatives that became the primary unit of their source sentence
    /// because the unit they pointed to was removed.
    pub promoted: usize,
    /// Alternatives re-pointed to the newly promoted unit.
    pub repointed: usize,
}

/// What [`Memory::correct`] did (in JSON: `corrected`, `added`,
/// `unchanged`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TextChange {
    /// The unit had a different text in that language; it was replaced.
    Corrected,
    /// The unit had no text in that language; it was added.
    Added,
    /// The new text is the stored one (after normalising); nothing changed.
    Unchanged,
}

/// What [`Memory::accept`] did (field names are the JSON's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AcceptReport {
    /// Units whose doubtful mark was cleared.
    pub accepted: usize,
    /// Units asked for that were not marked doubtful.
    pub not_doubtful: usize,
}

impl Memory {
    /// Removes the units at stored indices `indices` (from
    /// [`super::query::find_ids`] or [`super::query::find_release`]).
    ///
    /// Alternatives stay consistent: when the unit that others are an
    /// alternative of is removed, the first remaining one (in stored order)
    /// becomes the primary and the rest point to it. Units whose link
    /// changes get `changed` = `now`.
    pub fn remove(&mut self, indices: &[usize], now: &str) -> RemoveReport {
        let doomed: HashSet<usize> = indices.iter().copied().collect();
        let removed_ids: HashSet<String> = doomed
            .iter()
            .filter_map(|&i| self.units.get(i).map(|u| u.id.clone()))
            .collect();
        let mut report = RemoveReport {
            removed: removed_ids.len(),
            ..RemoveReport::default()
        };
        let mut kept = Vec::with_capacity(self.units.len().saturating_sub(doomed.len()));
        for (i, u) in std::mem::take(&mut self.units).into_iter().enumerate() {
            if !doomed.contains(&i) {
                kept.push(u);
            }
        }
        self.units = kept;
        let (promoted, repointed) = self.promote_orphans(&removed_ids, now);
        report.promoted = promoted;
        report.repointed = repointed;
        report
    }

    /// Keeps alternatives consistent when the units with ids `gone` were
    /// removed or no longer hold the source they had: of the units that
    /// were an alternative of one of them, the first (in stored order)
    /// becomes a primary and the rest point to it. Units whose link changes
    /// get `changed` = `now`. Returns (promoted, re-pointed).
    pub(super) fn promote_orphans(&mut self, gone: &HashSet<String>, now: &str) -> (usize, usize) {
        let (mut promoted, mut repointed) = (0, 0);
        // Old primary id → the remaining alternative that now stands for it.
        let mut successor: HashMap<String, String> = HashMap::new();
        for u in &mut self.units {
            let Some(primary) = u.alternative_of.clone() else {
                continue;
            };
            if !gone.contains(&primary) {
                continue;
            }
            match successor.get(&primary) {
                Some(new) => {
                    u.alternative_of = Some(new.clone());
                    repointed += 1;
                }
                None => {
                    successor.insert(primary, u.id.clone());
                    u.alternative_of = None;
                    promoted += 1;
                }
            }
            u.changed = now.to_string();
        }
        (promoted, repointed)
    }

    /// Sets the text in `lang` of the unit at stored index `index` to `text`
    /// (normalised: NFC, white space folded), and `changed` to `now` when
    /// that changes anything. The doubtful mark stays unless `accept`.
    pub fn correct(
        &mut self,
        index: usize,
        lang: Lang,
        text: &str,
        accept: bool,
        now: &str,
    ) -> TextChange {
        let Some(unit) = self.units.get_mut(index) else {
            return TextChange::Unchanged;
        };
        let text = normalize(text);
        let change = match unit.text(lang) {
            Some(old) if normalize(old) == text => TextChange::Unchanged,
            Some(_) => TextChange::Corrected,
            None => TextChange::Added,
        };
        let accepted = accept && unit.doubtful;
        if change != TextChange::Unchanged {
            unit.set_text(lang, Some(text));
        }
        if accepted {
            unit.doubtful = false;
        }
        if change != TextChange::Unchanged || accepted {
            unit.changed = now.to_string();
        }
        change
    }

    /// Clears the doubtful mark of the units at stored indices `indices`,
    /// setting their `changed` to `now`.
    pub fn accept(&mut self, indices: &[usize], now: &str) -> AcceptReport {
        let mut report = AcceptReport::default();
        for &i in indices {
            let Some(u) = self.units.get_mut(i) else {
                continue;
            };
            if u.doubtful {
                u.doubtful = false;
                u.changed = now.to_string();
                report.accepted += 1;
            } else {
                report.not_doubtful += 1;
            }
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::Unit;

    const NOW: &str = "2026-12-01T00:00:00Z";

    fn unit(id: &str, alt: Option<&str>) -> Unit {
        let mut u = Unit::new(id.into(), "2026-01-01T00:00:00Z");
        u.en = Some("Same source.".into());
        u.ru = Some(format!("Перевод {id}."));
        u.alternative_of = alt.map(String::from);
        u
    }

    #[test]
    fn removing_a_primary_promotes_the_first_alternative() {
        let mut m = Memory {
            units: vec![
                unit("p", None),
                unit("x", None),
                unit("a1", Some("p")),
                unit("a2", Some("p")),
            ],
        };
        let r = m.remove(&[0], NOW);
        assert_eq!(
            r,
            RemoveReport {
                removed: 1,
                promoted: 1,
                repointed: 1
            }
        );
        let links: Vec<_> = m
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.alternative_of.as_deref()))
            .collect();
        assert_eq!(links, [("x", None), ("a1", None), ("a2", Some("a1"))]);
        assert_eq!(m.units[0].changed, "2026-01-01T00:00:00Z");
        assert_eq!(m.units[1].changed, NOW);
    }

    #[test]
    fn removing_an_alternative_touches_nothing_else() {
        let mut m = Memory {
            units: vec![unit("p", None), unit("a1", Some("p"))],
        };
        let r = m.remove(&[1], NOW);
        assert_eq!((r.removed, r.promoted, r.repointed), (1, 0, 0));
        assert_eq!(m.units, vec![unit("p", None)]);
    }

    #[test]
    fn set_text_keeps_doubtful_unless_accepted() {
        let mut m = Memory {
            units: vec![unit("p", None)],
        };
        m.units[0].doubtful = true;
        assert_eq!(
            m.correct(0, Lang::Ru, "  Перевод   p. ", false, NOW),
            TextChange::Unchanged
        );
        assert_eq!(m.units[0].changed, "2026-01-01T00:00:00Z");
        assert_eq!(
            m.correct(0, Lang::Ru, "Новый перевод.", false, NOW),
            TextChange::Corrected
        );
        assert!(m.units[0].doubtful);
        assert_eq!(m.units[0].changed, NOW);
        assert_eq!(
            m.correct(0, Lang::Kk, "Жаңа аударма.", true, NOW),
            TextChange::Added
        );
        assert!(!m.units[0].doubtful);
        assert_eq!(m.units[0].kk.as_deref(), Some("Жаңа аударма."));
    }

    #[test]
    fn accept_counts_what_was_not_doubtful() {
        let mut m = Memory {
            units: vec![unit("p", None), unit("q", None)],
        };
        m.units[1].doubtful = true;
        let r = m.accept(&[0, 1], NOW);
        assert_eq!((r.accepted, r.not_doubtful), (1, 1));
        assert!(!m.units[1].doubtful);
    }
}
