//! A small Cyrillic → Latin transliteration and a spelling "skeleton", so
//! that a proper name can be recognised across scripts: Astana/Астана,
//! Tokayev/Токаев/Тоқаев, Washington/Вашингтон.
//!
//! The aim is comparison, not display: both spellings are reduced to a
//! skeleton that drops what transliteration conventions disagree about
//! (`h`, `y`/`i`/`j`, `w`/`v`, doubled letters), and the skeletons are then
//! compared with a string similarity in `anchors.rs`.

/// Latin for one lower-case Russian or Kazakh letter; other characters are
/// kept as they are.
fn latin(c: char) -> &'static str {
    match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ғ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' | 'і' | 'ы' => "i",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' => "u",
        'ф' => "f",
        'х' | 'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' | 'щ' => "sh",
        'ъ' | 'ь' => "",
        'ю' => "iu",
        'я' => "ia",
        _ => "",
    }
}

/// The word in Latin letters, lower case (Latin input is just lowered).
pub fn to_latin(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(latin(c));
        }
    }
    out
}

/// The comparison skeleton of a word in either script: transliterated, then
/// with the letters that conventions spell differently unified and doubled
/// letters collapsed.
pub fn skeleton(word: &str) -> String {
    let latin = to_latin(word).replace("ph", "f").replace('x', "ks");
    let mut out = String::with_capacity(latin.len());
    for c in latin.chars() {
        let c = match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            'c' | 'q' => 'k',
            'h' => continue,
            c if c.is_ascii_alphanumeric() => c,
            _ => continue,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_meet_across_scripts() {
        assert_eq!(skeleton("Astana"), skeleton("Астана"));
        assert_eq!(skeleton("Токаев"), skeleton("Тоқаев"));
        assert_eq!(skeleton("Washington"), skeleton("Вашингтон"));
        assert_eq!(skeleton("Tokayev"), "tokaiev");
        assert_eq!(skeleton("Токаев"), "tokaev");
    }

    #[test]
    fn transliterates_kazakh_letters() {
        assert_eq!(to_latin("Қазақстан"), "qazaqstan".replace('q', "k"));
        assert_eq!(to_latin("Өскемен"), "oskemen");
    }
}
