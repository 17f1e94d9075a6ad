//! Where an article names people it knows: full names and single words of
//! a known name, which lone words are doubtful (also ordinary words), and
//! which capitalised runs are a programme's name or common words rather
//! than a new person.

use super::super::lexicon;
use super::super::phrase::clean;
use super::super::verbs::contains;
use super::{People, starts_upper};
use crate::extract::words::{Word, words as word_spans};

/// A mention of a known person in a text.
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) person: usize,
    /// The whole name, not one word of it.
    pub(super) full: bool,
    /// One word (a one-word name, or one word of a longer one): doubtful
    /// when also an ordinary word ("Hari"), see [`People::is_doubtful_mention`].
    pub(super) single: bool,
}

impl People<'_> {
    /// Known people named in `text`: full names first, then single words of
    /// a known name (not particles such as "Made" or "La").
    pub(super) fn mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions_in(&word_spans(text).collect::<Vec<_>>(), usize::MAX)
    }

    /// The first `limit` mentions among the words `ws` of a text, as
    /// [`People::mentions`] finds them.
    pub(super) fn mentions_in(&self, ws: &[Word], limit: usize) -> Vec<Mention> {
        // Names start with a capital; unless someone's does not, a word in
        // lower case starts no mention and the people need not be searched.
        let lowercase_names =
            self.people.iter().any(|p| p.words.first().is_some_and(|w| !starts_upper(w)));
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() && out.len() < limit {
            if !lowercase_names && !starts_upper(ws[i].as_str()) {
                i += 1;
                continue;
            }
            let full = self
                .people
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    p.words.len() <= ws.len() - i
                        && p.words.iter().zip(&ws[i..]).all(|(a, b)| a == b.as_str())
                })
                .max_by_key(|(_, p)| p.words.len());
            if let Some((k, p)) = full {
                let last = &ws[i + p.words.len() - 1];
                out.push(Mention {
                    start: ws[i].start(),
                    end: last.end(),
                    person: k,
                    full: true,
                    single: p.words.len() == 1,
                });
                i += p.words.len();
                continue;
            }
            let w = ws[i].as_str();
            // Both tests are pure: the rarer outcome (a word of a known
            // name) is asked first, the particle list only for those.
            if w.starts_with(char::is_uppercase)
                && w.chars().nth(2).is_some()
                && let Some(k) = self.by_short(&[w])
                && !lexicon::is_particle(w)
            {
                out.push(Mention {
                    start: ws[i].start(),
                    end: ws[i].end(),
                    person: k,
                    full: false,
                    single: true,
                });
            }
            i += 1;
        }
        out
    }

    /// Whether [`People::mentions`] may find someone in `text`. Every
    /// mention starts at a word of the text equal to a word of a known
    /// person (the first word of a full name, or the short form itself), so
    /// a text containing none of their words, byte for byte, has none.
    pub(super) fn may_mention(&self, text: &str) -> bool {
        self.people.iter().any(|p| p.words.iter().any(|w| contains(text, w)))
    }

    /// Whether a mention found in `text` is a lone word that is also an
    /// ordinary word ("Hari"); asked only when it matters, as it reads the
    /// whole article.
    pub(super) fn is_doubtful_mention(&self, m: &Mention, text: &str) -> bool {
        m.single && self.is_doubtful(&text[m.start..m.end])
    }

    pub(super) fn is_doubtful(&self, word: &str) -> bool {
        lexicon::is_common_name(word)
            || crate::extract::words::written_in_lowercase(self.text, word)
    }

    /// Whether capitalised words that name no known person are rather a
    /// programme's name (after `before`: "Jaminan Hari Tua" → "Hari Tua")
    /// or words the article writes in lower case, all of them: not a new
    /// person.
    pub(super) fn is_programme_or_common(&self, before: Option<&str>, run: &[&str]) -> bool {
        let programme = before.is_some_and(|b| {
            let b = clean(b);
            b.eq_ignore_ascii_case("jaminan") || b.eq_ignore_ascii_case("program")
        });
        programme || run.iter().all(|w| crate::extract::words::written_in_lowercase(self.text, w))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::people;
    use super::*;

    #[test]
    fn may_mention_is_true_wherever_a_mention_is_found() {
        let p = people("");
        for text in [
            "Asep juga hadir.",
            "Kata Pak Suwanda.",
            "I Wayan Gde Budiarsa hadir.",
            "ASEP hadir.",
            "Rombongan hadir.",
            "Wayan hadir.",
            "é Hassanudin😀.",
            "",
        ] {
            assert!(p.may_mention(text) || p.mentions(text).is_empty(), "{text}");
        }
        assert!(!p.may_mention("Rombongan hadir.") && !p.may_mention("ASEP"));
        assert!(People::new(&[], "").subject_of("Asep hadir.").is_none());
    }
}
