//! Suffix removal: inflectional particles, possessive pronouns and derivational suffixes.
//!
//! Why: ECS strips suffixes from the outside in (Asian 2007, pp. 60–61): first a particle
//! (`-lah -kah -tah -pun`), then a possessive pronoun (`-ku -mu -nya`), then one derivational
//! suffix (`-i -kan -an`). Each step removes at most one suffix and never looks at the
//! dictionary; the orchestration in `mod.rs` checks the dictionary after each step and keeps the
//! removals for the loop-pengembalian-akhiran. Functions return the new length of the word.

/// Which suffix class a removal belongs to (the loop-pengembalian-akhiran walks them back).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SuffixKind {
    /// `-lah -kah -tah -pun`
    Particle,
    /// `-ku -mu -nya`
    Possessive,
    /// `-i -kan -an`
    Derivational,
}

impl SuffixKind {
    /// The order ECS removes suffixes in (outside in).
    pub(super) const ORDER: [SuffixKind; 3] =
        [SuffixKind::Particle, SuffixKind::Possessive, SuffixKind::Derivational];

    /// Removes one suffix of this kind; returns the remaining length.
    pub(super) fn remove(self, word: &[u8], reading: KanReading) -> Option<usize> {
        match self {
            SuffixKind::Particle => remove_particle(word),
            SuffixKind::Possessive => remove_possessive(word),
            SuffixKind::Derivational => remove_derivational(word, reading),
        }
    }
}

/// How `-kan` is read when a word ends in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum KanReading {
    /// As the suffix `-kan` (ECS: the longest suffix wins).
    Kan,
    /// As a root-final `k` plus the suffix `-an` (`penegakan` = pe-N + tegak + -an).
    KPlusAn,
}

const PARTICLES: [&[u8]; 4] = [b"lah", b"kah", b"tah", b"pun"];
const POSSESSIVES: [&[u8]; 3] = [b"nya", b"ku", b"mu"];

/// Removes one particle; returns the remaining length.
pub(super) fn remove_particle(word: &[u8]) -> Option<usize> {
    strip_any(word, &PARTICLES)
}

/// Removes one possessive pronoun; returns the remaining length.
pub(super) fn remove_possessive(word: &[u8]) -> Option<usize> {
    strip_any(word, &POSSESSIVES)
}

/// Removes one derivational suffix (the longest of `-kan -an -i`, or `-an` for a `-kan` ending
/// read as [`KanReading::KPlusAn`]); returns the remaining length.
pub(super) fn remove_derivational(word: &[u8], reading: KanReading) -> Option<usize> {
    if word.ends_with(b"kan") {
        return Some(match reading {
            KanReading::Kan => word.len() - 3,
            KanReading::KPlusAn => word.len() - 2,
        });
    }
    strip_any(word, &[b"an", b"i"])
}

fn strip_any(word: &[u8], suffixes: &[&[u8]]) -> Option<usize> {
    suffixes.iter().find(|s| word.ends_with(s)).map(|s| word.len() - s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles() {
        assert_eq!(remove_particle(b"bukankah"), Some(5));
        assert_eq!(remove_particle(b"adalah"), Some(3));
        assert_eq!(remove_particle(b"apapun"), Some(3));
        assert_eq!(remove_particle(b"kerja"), None);
        assert_eq!(remove_particle(b"lah"), Some(0));
    }

    #[test]
    fn possessives() {
        assert_eq!(remove_possessive(b"rumahnya"), Some(5));
        assert_eq!(remove_possessive(b"bukuku"), Some(4));
        assert_eq!(remove_possessive(b"ibumu"), Some(3));
        assert_eq!(remove_possessive(b"kerja"), None);
    }

    #[test]
    fn derivational_longest_first() {
        assert_eq!(remove_derivational(b"sampaikan", KanReading::Kan), Some(6));
        assert_eq!(remove_derivational(b"jaminan", KanReading::Kan), Some(5));
        assert_eq!(remove_derivational(b"lindungi", KanReading::Kan), Some(7));
        assert_eq!(remove_derivational(b"kerja", KanReading::Kan), None);
        // Foreign suffixes (-is, -isme, -isasi) are deliberately not removed.
        assert_eq!(remove_derivational(b"organisasi", KanReading::Kan), Some(9));
        assert_eq!(remove_derivational(b"berbasis", KanReading::Kan), None);
    }

    #[test]
    fn kan_read_as_k_plus_an() {
        assert_eq!(remove_derivational(b"penegakan", KanReading::KPlusAn), Some(7));
        assert_eq!(remove_derivational(b"jaminan", KanReading::KPlusAn), Some(5));
    }
}
