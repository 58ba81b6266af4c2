//! Kazakh endings after numbers and month names. An ending follows how the
//! last word of the number is said (vowel harmony, and whether that word
//! ends in a vowel, a sonorant, a voiced, a nasal or a voiceless sound):
//! 16-ға (алты), 5-ке (бес), 80-нен (сексен), 90-нан (тоқсан). After `%`
//! it follows «пайыз»; after a time, the minutes as read, whole hours as
//! «нөл» by custom.

use super::rules::{kk_endings, kk_number_words};

/// How a word ends, for choosing an ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sound {
    /// The last vowel is back (а о ұ ы я), not front (ә е ө ү і).
    pub back: bool,
    /// The last sound's class, the column of `kk-endings.txt`: 0 vowel,
    /// 1 sonorant, 2 voiced, 3 nasal, 4 voiceless.
    pub class: usize,
}

/// The sound a Kazakh word ends with.
pub fn sound(word: &str) -> Sound {
    let lower = word.to_lowercase();
    let back = lower
        .chars()
        .rev()
        .find_map(|c| match c {
            'а' | 'о' | 'ұ' | 'ы' | 'я' | 'ё' => Some(true),
            'ә' | 'е' | 'ө' | 'ү' | 'і' | 'э' => Some(false),
            _ => None,
        })
        .unwrap_or(false);
    let class = match lower.chars().next_back() {
        Some('а' | 'ә' | 'е' | 'и' | 'о' | 'ө' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я' | 'ё') => {
            0
        }
        Some('л' | 'р' | 'й' | 'у') => 1,
        Some('ж' | 'з') => 2,
        Some('м' | 'н' | 'ң') => 3,
        _ => 4,
    };
    Sound { back, class }
}

fn word(key: &str) -> &'static str {
    kk_number_words().get(key).map_or("", String::as_str)
}

/// The last word said when reading the whole number `int` (digits).
fn last_word_of_integer(int: &str) -> &'static str {
    let n: u128 = int.parse().unwrap_or(0);
    if n == 0 {
        return word("0");
    }
    if !n.is_multiple_of(10) {
        return word(&(n % 10).to_string());
    }
    if !n.is_multiple_of(100) {
        return word(&(n % 100).to_string());
    }
    if !n.is_multiple_of(1000) {
        return word("100");
    }
    if !n.is_multiple_of(1_000_000) {
        return word("1000");
    }
    if !n.is_multiple_of(1_000_000_000) {
        return word("1000000");
    }
    word("1000000000")
}

/// The last word said when reading a number with integer digits `int` and
/// fraction digits `frac` («8,6»: «сегіз бүтін оннан алты» ends in «алты»).
pub fn last_word(int: &str, frac: &str) -> &'static str {
    if frac.trim_matches('0').is_empty() {
        last_word_of_integer(int)
    } else {
        last_word_of_integer(frac)
    }
}

/// The last word said for a time: the minutes, whole hours as «нөл».
pub fn last_word_of_time(minutes: u8) -> &'static str {
    if minutes == 0 {
        word("hours")
    } else {
        last_word_of_integer(&minutes.to_string())
    }
}

/// The word read for `%`.
pub fn percent_word() -> &'static str {
    word("percent")
}

/// The ending `ending` (as written after a word that sounds like `old`)
/// rewritten for a word that sounds like `new`. `None` when the ending is
/// not one of `kk-endings.txt` and the sounds differ: then nobody can say.
pub fn reharmonise(ending: &str, old: Sound, new: Sound) -> Option<String> {
    if old == new {
        return Some(ending.to_string());
    }
    let lower = ending.to_lowercase();
    let family = kk_endings()
        .iter()
        .find(|e| e.cells[old.class][usize::from(!old.back)] == lower)
        .or_else(|| {
            kk_endings()
                .iter()
                .find(|e| e.cells.iter().any(|c| c.contains(&lower)))
        })?;
    let form = &family.cells[new.class][usize::from(!new.back)];
    Some(if ending.chars().all(|c| !c.is_lowercase()) {
        form.to_uppercase()
    } else {
        form.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(ending: &str, old_number: &str, new_number: &str) -> Option<String> {
        let s = |n: &str| {
            let (i, f) = n.split_once(',').unwrap_or((n, ""));
            sound(last_word(i, f))
        };
        reharmonise(ending, s(old_number), s(new_number))
    }

    #[test]
    fn number_words_read_from_the_last_non_zero_place() {
        assert_eq!(last_word("16", ""), "алты");
        assert_eq!(last_word("80", ""), "сексен");
        assert_eq!(last_word("300", ""), "жүз");
        assert_eq!(last_word("250000", ""), "мың");
        assert_eq!(last_word("1200000", ""), "мың");
        assert_eq!(last_word("1200300", ""), "жүз");
        assert_eq!(last_word("3000000", ""), "миллион");
        assert_eq!(last_word("2000000000", ""), "миллиард");
        assert_eq!(last_word("0", ""), "нөл");
        assert_eq!(last_word("8", "6"), "алты");
        assert_eq!(last_word("4", "0"), "төрт");
        assert_eq!(last_word_of_time(0), "нөл");
        assert_eq!(last_word_of_time(45), "бес");
    }

    /// Every class of last word against every ending family: a number
    /// whose last word ends in each sound, in each harmony.
    #[test]
    fn ending_table_by_last_sound() {
        // number → (back?, class): 6 алты back vowel, 2 екі front vowel,
        // 1 бір front sonorant, 50 елу front sonorant, 8 сегіз front
        // voiced, 30 отыз back voiced, 10 он back nasal, 80 сексен front
        // nasal (instrumental -мен: «онмен»), 1000 мың back nasal, 40 қырық
        // back voiceless, 5 бес front
        // voiceless, 1000000000 миллиард back voiceless (д said т).
        let cases: [(&str, [&str; 8]); 12] = [
            ("6", ["ға", "да", "дан", "ның", "ны", "мен", "дағы", "шы"]),
            ("2", ["ге", "де", "ден", "нің", "ні", "мен", "дегі", "ші"]),
            ("1", ["ге", "де", "ден", "дің", "ді", "мен", "дегі", "ші"]),
            ("50", ["ге", "де", "ден", "дің", "ді", "мен", "дегі", "ші"]),
            ("8", ["ге", "де", "ден", "дің", "ді", "бен", "дегі", "ші"]),
            ("30", ["ға", "да", "дан", "дың", "ды", "бен", "дағы", "шы"]),
            ("10", ["ға", "да", "нан", "ның", "ды", "мен", "дағы", "шы"]),
            ("80", ["ге", "де", "нен", "нің", "ді", "мен", "дегі", "ші"]),
            (
                "1000",
                ["ға", "да", "нан", "ның", "ды", "мен", "дағы", "шы"],
            ),
            ("40", ["қа", "та", "тан", "тың", "ты", "пен", "тағы", "шы"]),
            ("5", ["ке", "те", "тен", "тің", "ті", "пен", "тегі", "ші"]),
            (
                "1000000000",
                ["қа", "та", "тан", "тың", "ты", "пен", "тағы", "шы"],
            ),
        ];
        // Each ending as written after 7 (жеті: front vowel) goes to the
        // number's form.
        let after_seven = ["ге", "де", "ден", "нің", "ні", "мен", "дегі", "ші"];
        for (number, want) in cases {
            for (from, to) in after_seven.iter().zip(want) {
                assert_eq!(
                    end(from, "7", number).as_deref(),
                    Some(to),
                    "7-{from} → {number}-?"
                );
            }
        }
    }

    #[test]
    fn kit_examples_and_unknown_endings() {
        assert_eq!(end("ге", "12", "16").as_deref(), Some("ға"));
        assert_eq!(end("нен", "80", "90").as_deref(), Some("нан"));
        assert_eq!(end("ден", "41", "5").as_deref(), Some("тен"));
        assert_eq!(end("ге", "12", "160").as_deref(), Some("қа"));
        // An ending not in the table: kept when the sound is the same,
        // unknown when it is not.
        assert_eq!(end("хх", "12", "22").as_deref(), Some("хх"));
        assert_eq!(end("хх", "12", "16"), None);
        // After %: «пайыз» whatever the number.
        let p = sound(percent_word());
        assert_eq!(reharmonise("ға", p, p).as_deref(), Some("ға"));
        assert_eq!(
            p,
            Sound {
                back: true,
                class: 2
            }
        );
    }
}
