//! Fixing how the aligner grouped sentences: merging two units that are
//! neighbours in their release into one, and splitting one unit into two at
//! sentence boundaries a person chose.
//!
//! These work on a [`Memory`] in hand, like [`super::maintain`]; the
//! on-disk changes in [`super::changes`] run them under the writers' lock.
//! Positions stay a release's reading order: a merge moves the units after
//! the pair one place up, a split one place down (their `changed` stays: only
//! their place was renumbered). Alternatives stay consistent: a unit whose
//! source text changes is no longer an alternative, and the alternatives
//! that pointed to it are promoted as if it had been removed.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::lang::Lang;
use crate::segment::segment;

use super::query::QueryError;
use super::{fresh_id, normalize, Memory, MemoryError, Unit};

/// Why units cannot be merged or split as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegroupError {
    /// The two units are not neighbours in one release.
    #[error("units '{first}' and '{second}' are not neighbours in one release (same release, consecutive positions); only those can be merged")]
    NotNeighbours {
        /// The first unit asked for.
        first: String,
        /// The second unit asked for.
        second: String,
    },
    /// A unit was asked to merge with itself.
    #[error("unit '{id}' cannot be merged with itself")]
    Same {
        /// The unit.
        id: String,
    },
    /// The unit has no neighbour on the side asked for.
    #[error("unit '{id}' has no {side} unit in its release")]
    NoNeighbour {
        /// The unit.
        id: String,
        /// `next` or `previous`.
        side: &'static str,
    },
    /// The split points do not make two units.
    #[error("unit '{id}': {why}")]
    BadSplit {
        /// The unit.
        id: String,
        /// What is wrong with the split points.
        why: String,
    },
}

/// A merge or split of units in a memory file that could not be done: the
/// file or an id failing, or the units not fitting.
#[derive(Debug, thiserror::Error)]
pub enum RegroupFileError {
    /// The memory, or an unknown id.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The units cannot be merged or split so.
    #[error(transparent)]
    Regroup(#[from] RegroupError),
}

impl From<MemoryError> for RegroupFileError {
    fn from(e: MemoryError) -> RegroupFileError {
        RegroupFileError::Query(QueryError::Memory(e))
    }
}

/// Which unit [`Memory::merge`] joins the first one with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partner<'a> {
    /// This unit (either order: the one earlier in the release comes first).
    Id(&'a str),
    /// The unit at the next position of the same release.
    Next,
    /// The unit at the previous position of the same release.
    Previous,
}

/// What a merge did (field names are the JSON's).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merged {
    /// The unit that holds both now (the earlier one's id).
    pub id: String,
    /// The unit removed.
    pub removed: String,
    /// The merged unit as stored.
    pub unit: Unit,
    /// Units of the release whose position moved up by one.
    pub renumbered: usize,
    /// Alternatives promoted because the unit they pointed to changed.
    pub promoted: usize,
}

/// What a split did (field names are the JSON's).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Split {
    /// The unit that keeps the first part (the same id).
    pub id: String,
    /// The new unit holding the second part.
    pub new_id: String,
    /// Both units as stored, first part first.
    pub units: [Unit; 2],
    /// Units of the release whose position moved down by one.
    pub renumbered: usize,
    /// Alternatives promoted because the unit they pointed to changed.
    pub promoted: usize,
}

/// The sentences of a unit's text in `lang`, as a split counts them.
pub fn sentences(text: &str, lang: Lang) -> Vec<String> {
    segment(text, lang).into_iter().map(|s| s.text).collect()
}

/// The text of `lang` split after its first `at` sentences: the two parts,
/// each trimmed (empty when `at` is 0 or every sentence).
fn cut(text: &str, lang: Lang, at: usize) -> Option<(String, String)> {
    let segs = segment(text, lang);
    if at > segs.len() {
        return None;
    }
    let point = segs.get(at).map_or(text.len(), |s| s.start);
    Some((normalize(&text[..point]), normalize(&text[point..])))
}

impl Memory {
    /// The stored index of the unit of `release` at `position`.
    fn at_position(&self, release: &str, position: usize) -> Option<usize> {
        self.units
            .iter()
            .position(|u| u.release.as_deref() == Some(release) && u.position == Some(position))
    }

    /// Merges the unit at stored index `index` with its `partner`: the texts
    /// of each language joined with a space (earlier unit first) into the
    /// earlier unit, which keeps its id, release, position, creation time
    /// and metadata; the later unit is removed. The result is doubtful when
    /// either was, with the lower confidence of the two.
    pub fn merge(
        &mut self,
        index: usize,
        partner: Partner<'_>,
        now: &str,
    ) -> Result<Merged, RegroupError> {
        let unit = &self.units[index];
        let id = unit.id.clone();
        let neighbour = |side: &'static str, step: isize| {
            let at = unit
                .release
                .as_deref()
                .zip(unit.position)
                .and_then(|(r, p)| Some((r, p.checked_add_signed(step)?)))
                .and_then(|(r, p)| self.at_position(r, p));
            at.ok_or(RegroupError::NoNeighbour {
                id: id.clone(),
                side,
            })
        };
        let other = match partner {
            Partner::Next => neighbour("next", 1)?,
            Partner::Previous => neighbour("previous", -1)?,
            Partner::Id(other) => {
                self.units
                    .iter()
                    .position(|u| u.id == other)
                    .ok_or_else(|| RegroupError::NotNeighbours {
                        first: id.clone(),
                        second: other.to_string(),
                    })?
            }
        };
        if other == index {
            return Err(RegroupError::Same { id });
        }
        let (a, b) = (&self.units[index], &self.units[other]);
        let (first, second) = match (
            a.release.as_deref(),
            a.position,
            b.release.as_deref(),
            b.position,
        ) {
            (Some(ra), Some(pa), Some(rb), Some(pb)) if ra == rb && pb == pa + 1 => (index, other),
            (Some(ra), Some(pa), Some(rb), Some(pb)) if ra == rb && pa == pb + 1 => (other, index),
            _ => {
                return Err(RegroupError::NotNeighbours {
                    first: a.id.clone(),
                    second: b.id.clone(),
                })
            }
        };
        let later = self.units[second].clone();
        let release = later.release.clone().unwrap_or_default();
        let gone_position = later.position.unwrap_or(0);
        {
            let u = &mut self.units[first];
            for l in Lang::ALL {
                let joined = match (u.text(l), later.text(l)) {
                    (Some(x), Some(y)) => Some(normalize(&format!("{x} {y}"))),
                    (Some(x), None) => Some(x.to_string()),
                    (None, Some(y)) => Some(y.to_string()),
                    (None, None) => None,
                };
                u.set_text(l, joined);
            }
            u.doubtful |= later.doubtful;
            u.confidence = match (u.confidence, later.confidence) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
            for (k, v) in &later.props {
                u.props.entry(k.clone()).or_insert_with(|| v.clone());
            }
            u.alternative_of = None;
            u.changed = now.to_string();
        }
        let kept_id = self.units[first].id.clone();
        self.units.remove(second);
        let renumbered = self.shift(&release, gone_position, -1);
        let gone: HashSet<String> = [kept_id.clone(), later.id.clone()].into();
        let promoted = self.promote_orphans(&gone, now).0;
        let unit = self
            .get(&kept_id)
            .cloned()
            .expect("the merged unit is kept");
        Ok(Merged {
            id: kept_id,
            removed: later.id,
            unit,
            renumbered,
            promoted,
        })
    }

    /// Splits the unit at stored index `index` in two: in each language
    /// `at` names, the first `at[lang]` sentences stay in the unit and the
    /// rest go to a new unit at the next position of the release (stored
    /// right after it). Every language the unit has must be given; each of
    /// the two units must keep text in at least two languages.
    pub fn split(
        &mut self,
        index: usize,
        at: &BTreeMap<Lang, usize>,
        now: &str,
    ) -> Result<Split, RegroupError> {
        let unit = self.units[index].clone();
        let bad = |why: String| RegroupError::BadSplit {
            id: unit.id.clone(),
            why,
        };
        let mut first = unit.clone();
        let mut second = unit.clone();
        for l in Lang::ALL {
            match (unit.text(l), at.get(&l)) {
                (None, None) => {}
                (None, Some(_)) => return Err(bad(format!("it has no {l} text to split"))),
                (Some(_), None) => {
                    return Err(bad(format!(
                        "give where its {l} text is split (after how many sentences)"
                    )))
                }
                (Some(text), Some(&n)) => {
                    let (x, y) = cut(text, l, n).ok_or_else(|| {
                        bad(format!(
                            "its {l} text has {} sentences, fewer than {n}",
                            segment(text, l).len()
                        ))
                    })?;
                    first.set_text(l, Some(x));
                    second.set_text(l, Some(y));
                }
            }
        }
        for (part, u) in [("first", &first), ("second", &second)] {
            if u.langs().len() < 2 {
                return Err(bad(format!(
                    "the {part} part would have text in fewer than two languages"
                )));
            }
        }
        let renumbered = match (&unit.release, unit.position) {
            (Some(r), Some(p)) => self.shift(r, p + 1, 1),
            _ => 0,
        };
        first.alternative_of = None;
        first.changed = now.to_string();
        second.alternative_of = None;
        second.created = now.to_string();
        second.changed = now.to_string();
        second.position = unit.position.map(|p| p + 1);
        second.id = fresh_id(&second, |id| self.get(id).is_some());
        self.units[index] = first.clone();
        self.units.insert(index + 1, second.clone());
        let gone: HashSet<String> = [unit.id.clone()].into();
        let promoted = self.promote_orphans(&gone, now).0;
        Ok(Split {
            id: unit.id,
            new_id: second.id.clone(),
            units: [first, second],
            renumbered,
            promoted,
        })
    }

    /// Moves the units of `release` at `from` or later by `step` places;
    /// how many moved.
    fn shift(&mut self, release: &str, from: usize, step: isize) -> usize {
        let mut n = 0;
        for u in &mut self.units {
            if u.release.as_deref() != Some(release) {
                continue;
            }
            if let Some(p) = u.position.filter(|&p| p >= from) {
                u.position = p.checked_add_signed(step);
                n += 1;
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const THEN: &str = "2026-01-01T00:00:00Z";
    const NOW: &str = "2026-12-01T00:00:00Z";

    fn unit(id: &str, pos: usize, en: &str, ru: &str) -> Unit {
        let mut u = Unit::new(id.into(), THEN);
        u.en = Some(en.into());
        u.ru = Some(ru.into());
        u.release = Some("r1".into());
        u.position = Some(pos);
        u.confidence = Some(0.9);
        u
    }

    fn memory() -> Memory {
        let mut other = unit("o", 0, "Other release.", "Другой релиз.");
        other.release = Some("r2".into());
        Memory {
            units: vec![
                unit("a", 0, "The hall opened.", "Зал открылся."),
                unit("b", 1, "Guests came.", "Пришли гости."),
                unit("c", 2, "It rained.", "Шёл дождь."),
                other,
            ],
        }
    }

    #[test]
    fn merge_joins_neighbours_and_renumbers_the_rest() {
        let mut m = memory();
        m.units[1].doubtful = true;
        m.units[1].confidence = Some(0.2);
        let r = m.merge(1, Partner::Previous, NOW).unwrap();
        assert_eq!((r.id.as_str(), r.removed.as_str()), ("a", "b"));
        assert_eq!(r.renumbered, 1);
        assert_eq!(m.units.len(), 3);
        let a = m.get("a").unwrap();
        assert_eq!(a.en.as_deref(), Some("The hall opened. Guests came."));
        assert_eq!(a.ru.as_deref(), Some("Зал открылся. Пришли гости."));
        assert!(a.doubtful);
        assert_eq!(a.confidence, Some(0.2));
        assert_eq!(a.changed, NOW);
        let c = m.get("c").unwrap();
        assert_eq!((c.position, c.changed.as_str()), (Some(1), THEN));
        assert_eq!(m.get("o").unwrap().position, Some(0));
    }

    #[test]
    fn merge_refuses_what_is_not_adjacent() {
        let mut m = memory();
        let before = m.clone();
        assert!(matches!(
            m.merge(0, Partner::Id("c"), NOW),
            Err(RegroupError::NotNeighbours { .. })
        ));
        assert!(matches!(
            m.merge(0, Partner::Id("o"), NOW),
            Err(RegroupError::NotNeighbours { .. })
        ));
        assert!(matches!(
            m.merge(0, Partner::Previous, NOW),
            Err(RegroupError::NoNeighbour { .. })
        ));
        assert!(matches!(
            m.merge(0, Partner::Id("a"), NOW),
            Err(RegroupError::Same { .. })
        ));
        assert_eq!(m, before);
    }

    #[test]
    fn split_then_merge_gives_the_texts_back() {
        let mut m = memory();
        m.merge(0, Partner::Next, NOW).unwrap();
        let at = BTreeMap::from([(Lang::En, 1), (Lang::Ru, 1)]);
        let s = m.split(0, &at, NOW).unwrap();
        assert_eq!(s.units[0].en.as_deref(), Some("The hall opened."));
        assert_eq!(s.units[1].ru.as_deref(), Some("Пришли гости."));
        assert_eq!(s.units[1].position, Some(1));
        assert_eq!(m.units[1].id, s.new_id);
        assert_eq!(m.get("c").unwrap().position, Some(2));
        assert_eq!(m.first_duplicate_id(), None);
    }

    #[test]
    fn split_needs_every_language_and_two_per_part() {
        let mut m = memory();
        m.merge(0, Partner::Next, NOW).unwrap();
        let before = m.clone();
        for at in [
            BTreeMap::from([(Lang::En, 1)]),
            BTreeMap::from([(Lang::En, 1), (Lang::Ru, 5)]),
            BTreeMap::from([(Lang::En, 2), (Lang::Ru, 1)]),
            BTreeMap::from([(Lang::En, 1), (Lang::Ru, 1), (Lang::Kk, 1)]),
        ] {
            assert!(
                matches!(m.split(0, &at, NOW), Err(RegroupError::BadSplit { .. })),
                "{at:?}"
            );
        }
        assert_eq!(m, before);
    }

    #[test]
    fn changed_sources_promote_their_alternatives() {
        let mut m = memory();
        let mut alt = unit("x", 0, "The hall opened.", "Открылся зал.");
        alt.release = Some("r3".into());
        alt.alternative_of = Some("a".into());
        m.units.push(alt);
        let r = m.merge(0, Partner::Next, NOW).unwrap();
        assert_eq!(r.promoted, 1);
        assert_eq!(m.get("x").unwrap().alternative_of, None);
    }
}
