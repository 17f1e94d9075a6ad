//! Small word-level questions about an article's text, answered on demand
//! rather than by building a per-article word set that most articles never
//! consult.

/// Whether `text` writes `word` in lower case as a whole word somewhere
/// ("terdaftar", "hari"): a sign that a capitalised `word` elsewhere is a
/// common word and not a name. A whole word is one not joined to a letter,
/// mark, apostrophe or hyphen on either side.
pub(crate) fn written_in_lowercase(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower.is_empty() {
        return false;
    }
    let joins =
        |c: char| c.is_alphabetic() || is_combining_mark(c) || matches!(c, '\'' | '’' | '-');
    text.match_indices(lower.as_str()).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(joins) && !after.is_some_and(joins)
    })
}

/// Combining marks (the accents of decomposed text).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_lowercase_words_only() {
        let text = "Pada Hari Senin, hari kerja dimulai. Sudah terdaftar-nya?";
        assert!(written_in_lowercase(text, "Hari"));
        assert!(!written_in_lowercase(text, "Senin"));
        assert!(!written_in_lowercase(text, "Kerj"));
        assert!(!written_in_lowercase(text, "terdaftar"), "joined by a hyphen");
        assert!(!written_in_lowercase("Harian", "hari"));
        assert!(!written_in_lowercase(text, ""));
    }

    #[test]
    fn any_unicode_is_fine() {
        assert!(written_in_lowercase("é ömer ÖMER", "Ömer"));
        assert!(!written_in_lowercase("👍hari\u{301}", "hari"));
    }
}
