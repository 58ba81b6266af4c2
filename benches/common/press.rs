//! Release-like sentences in English, Russian and Kazakh that read as
//! translations of one another, for benchmarks that need a memory of many
//! units (`tm suggest`, `tm add`, `tm import`).
//!
//! A sentence is a [`Plan`]: 12–30 tokens, each a number or a concept. A
//! concept is spelled the same way in every sentence of a language: the
//! commonest fifty are the words of `data/concord_words.txt` (`EN_CONCEPTS`
//! and the Russian and Kazakh stems they translate), the rest (up to
//! [`VOCABULARY`]) are made of syllables, as many in each language, so the
//! vocabulary is as varied as a real memory's and the lengths of the three
//! versions correspond. Concepts are drawn by Zipf's law (the k-th
//! commonest about k times rarer than the first). Russian words take an
//! ending and sometimes a preposition (with its English before the English
//! word), Kazakh words a suffix, each chosen per use; numbers are the same
//! in every language. One memory unit in 20 is a near duplicate of a recent
//! one, its numbers changed, as release memories have (boilerplate).

use tm::Lang;

use super::{capitalised, lists, Lists, Rng};

/// How many concepts there are.
pub const VOCABULARY: usize = 30_000;

/// One token of a sentence.
#[derive(Clone, Debug)]
enum Token {
    Number(u32),
    /// A concept, its Russian ending and preposition (if any) and its
    /// Kazakh suffix, as indices into the lists.
    Word {
        concept: usize,
        ending: usize,
        small: Option<usize>,
        suffix: usize,
    },
}

/// A sentence, before it is spelled in a language.
#[derive(Clone, Debug)]
pub struct Plan(Vec<Token>);

/// The generator.
pub struct Press {
    rng: Rng,
    lists: Lists,
    recent: Vec<Plan>,
}

const EN_SYLLABLES: &[&str] = &[
    "ba", "be", "bo", "ca", "co", "da", "de", "di", "fa", "fi", "ga", "go", "ha", "ka", "la", "le",
    "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "pa", "pe", "po", "ra", "re", "ri",
    "ro", "sa", "se", "si", "ta", "te", "ti", "to", "va", "ve", "vi", "ar", "er", "in", "on", "en",
    "st", "tr", "pr", "th", "ment", "tion", "ing", "al",
];
const RU_SYLLABLES: &[&str] = &[
    "ба", "бо", "ва", "ве", "во", "га", "го", "да", "де", "до", "жи", "за", "зе", "ка", "ко", "ку",
    "ла", "ле", "ли", "ло", "ма", "ме", "ми", "мо", "на", "не", "ни", "но", "па", "пе", "по", "ра",
    "ре", "ри", "ро", "ру", "са", "се", "со", "та", "те", "ти", "то", "ст", "пр", "тр", "ен", "ов",
    "ин", "ан", "ир", "ол", "ет", "ств", "ени", "льн",
];
const KK_SYLLABLES: &[&str] = &[
    "қа", "ға", "ла", "ар", "ер", "ың", "ің", "ды", "ді", "ты", "ті", "лы", "лі", "бе", "та", "те",
    "ну", "нұ", "сы", "сі", "ме", "ма", "жа", "же", "ғы", "қы", "ұл", "үр", "өн", "әл", "ін", "ан",
    "ен", "ау", "еу", "шы", "ші", "ба", "бо", "ке", "қо", "ша", "өз", "құ", "тұ", "жү", "ай", "ой",
    "ес", "ор", "ам", "ым", "ік", "рі", "ст", "ра",
];

impl Press {
    pub fn new(seed: u64) -> Press {
        Press {
            rng: Rng(seed | 1),
            lists: lists(),
            recent: Vec::new(),
        }
    }

    /// A new sentence.
    pub fn fresh(&mut self) -> Plan {
        let n = 12 + self.rng.below(19);
        Plan((0..n).map(|_| self.token()).collect())
    }

    /// The next unit of a memory: a new sentence, or 1 in 20 a recent one
    /// with its numbers (else a word) changed.
    pub fn memory_unit(&mut self) -> Plan {
        let plan = if !self.recent.is_empty() && self.rng.below(20) == 0 {
            let base = self.recent[self.rng.below(self.recent.len())].clone();
            self.variant(base)
        } else {
            self.fresh()
        };
        if self.recent.len() < 64 {
            self.recent.push(plan.clone());
        } else {
            let at = self.rng.below(64);
            self.recent[at] = plan.clone();
        }
        plan
    }

    /// `plan` with `edits` words replaced by others (a sentence edited
    /// since it was translated).
    pub fn edited(&mut self, plan: &Plan, edits: usize) -> Plan {
        let mut p = plan.clone();
        for _ in 0..edits {
            let at = self.rng.below(p.0.len());
            p.0[at] = self.word();
        }
        p
    }

    /// The sentence in `lang`.
    pub fn spell(&self, plan: &Plan, lang: Lang) -> String {
        let mut words = Vec::with_capacity(plan.0.len() + 4);
        for t in &plan.0 {
            match *t {
                Token::Number(n) => words.push(n.to_string()),
                Token::Word {
                    concept,
                    ending,
                    small,
                    suffix,
                } => match lang {
                    Lang::En => {
                        if let Some(s) = small {
                            words.push(self.lists.en_small[s].to_string());
                        }
                        words.push(self.stem(concept, Lang::En));
                    }
                    Lang::Ru => {
                        if let Some(s) = small {
                            words.push(self.lists.ru_small[s].to_string());
                        }
                        words.push(self.stem(concept, Lang::Ru) + self.lists.ru_endings[ending]);
                    }
                    Lang::Kk => {
                        words.push(self.stem(concept, Lang::Kk) + self.lists.kk_suffixes[suffix])
                    }
                },
            }
        }
        capitalised(words.join(" ")) + "."
    }

    /// The sentence in all three languages, in `Lang::ALL` order.
    pub fn spell_all(&self, plan: &Plan) -> [String; 3] {
        Lang::ALL.map(|l| self.spell(plan, l))
    }

    fn token(&mut self) -> Token {
        if self.rng.below(10) == 0 {
            let n = if self.rng.below(2) == 0 {
                2015 + self.rng.below(12)
            } else {
                1 + self.rng.below(999)
            };
            Token::Number(n as u32)
        } else {
            self.word()
        }
    }

    fn word(&mut self) -> Token {
        // Zipf: VOCABULARY^u − 1 for u uniform in [0, 1).
        let concept = ((VOCABULARY as f64).powf(self.rng.unit()) as usize).saturating_sub(1);
        Token::Word {
            concept,
            ending: self.rng.below(self.lists.ru_endings.len()),
            small: (self.rng.below(6) == 0).then(|| self.rng.below(self.lists.ru_small.len())),
            suffix: self.rng.below(self.lists.kk_suffixes.len()),
        }
    }

    fn variant(&mut self, mut plan: Plan) -> Plan {
        let numbers: Vec<usize> = (0..plan.0.len())
            .filter(|&i| matches!(plan.0[i], Token::Number(_)))
            .collect();
        if numbers.is_empty() {
            let at = self.rng.below(plan.0.len());
            plan.0[at] = self.word();
        } else {
            for i in numbers {
                plan.0[i] = Token::Number(1 + self.rng.below(2030) as u32);
            }
        }
        plan
    }

    /// The stem of a concept in `lang`: a listed word for the commonest,
    /// else syllables chosen by a hash of the concept.
    fn stem(&self, concept: usize, lang: Lang) -> String {
        let (listed, syllables) = match lang {
            Lang::En => (&self.lists.en_concepts, EN_SYLLABLES),
            Lang::Ru => (&self.lists.ru_stems, RU_SYLLABLES),
            Lang::Kk => (&self.lists.kk_stems, KK_SYLLABLES),
        };
        let lists = &self.lists;
        let n = lists
            .en_concepts
            .len()
            .min(lists.ru_stems.len())
            .min(lists.kk_stems.len());
        if concept < n {
            return listed[concept].to_string();
        }
        // As many syllables in every language, so that lengths correspond.
        let seed = (concept as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let syllables_n = 2 + Rng(seed).below(3);
        let mut h = Rng(seed ^ (lang as u64 + 1) << 32);
        (0..syllables_n).map(|_| h.pick(syllables)).collect()
    }
}
