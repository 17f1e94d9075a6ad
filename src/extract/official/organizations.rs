//! Organisation names: the alias table (`organizations.tsv`) behind
//! `Official.organization` and [`super::resolve_organization`], plus the
//! anchored matchers the title parser uses ("… BPJS Ketenagakerjaan …" right
//! after a title, "Menteri <field>" → the ministry).

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

/// The bare word "BPJS": BPJS Ketenagakerjaan unless the article names BPJS Kesehatan.
pub(crate) const BARE_BPJS: &str = "BPJS";
/// Canonical name that bare "BPJS" stands for in this domain.
pub(crate) const BPJS_TK: &str = "BPJS Ketenagakerjaan";

/// The parsed table and its matchers.
pub(crate) struct Orgs {
    /// lowercased alias or canonical → canonical.
    by_alias: HashMap<String, &'static str>,
    /// All aliases (plus bare "BPJS"), any case, for matches right after a title.
    all: Matcher,
    /// "Ketenagakerjaan", "Perencanaan Pembangunan Nasional", … (from "Kementerian …").
    ministry: Matcher,
    /// "PMK", "Bidang Perekonomian", … (from "Kemenko …"/"Kementerian Koordinator …").
    coordinator: Matcher,
}

/// Names and what they stand for, with the anchored automaton over them
/// built on first use: a search process needs the alias table (to resolve
/// an organisation, or to protect its names from the stemmer) but seldom the
/// automata, which only the extractor runs.
struct Matcher {
    patterns: Vec<String>,
    canon: Vec<&'static str>,
    automaton: OnceLock<AhoCorasick>,
}

impl Matcher {
    fn new(patterns: Vec<String>, canon: Vec<&'static str>) -> Matcher {
        Matcher { patterns, canon, automaton: OnceLock::new() }
    }

    fn at(&self, text: &str, pos: usize) -> Option<OrgHit> {
        let ac = self.automaton.get_or_init(|| anchored(&self.patterns));
        anchored_at(ac, &self.canon, text, pos)
    }
}

impl Orgs {
    /// Every canonical name and alias, lowercase.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.by_alias.keys().map(String::as_str)
    }
}

pub(crate) static ORGS: LazyLock<Orgs> = LazyLock::new(|| build(include_str!("organizations.tsv")));

fn anchored(patterns: &[String]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .start_kind(StartKind::Anchored)
        .build(patterns)
        .unwrap()
}

fn build(data: &'static str) -> Orgs {
    let mut rows = data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header = rows.next().unwrap();
    assert!(header.starts_with("canonical\taliases"), "bad organizations.tsv header");
    let mut by_alias = HashMap::new();
    let (mut pats, mut canon) = (Vec::new(), Vec::new());
    let (mut min, mut min_canon) = (Vec::new(), Vec::new());
    let (mut coord, mut coord_canon) = (Vec::new(), Vec::new());
    for line in rows {
        let cols: Vec<&'static str> = line.split('\t').collect();
        assert!(cols.len() >= 2, "organizations.tsv row needs 2+ columns: {line}");
        let canonical = cols[0].trim();
        let names = std::iter::once(canonical)
            .chain(cols[1].split('|').map(str::trim).filter(|a| !a.is_empty()));
        for name in names {
            let prev = by_alias.insert(name.to_lowercase(), canonical);
            assert!(prev.is_none_or(|p| p == canonical), "alias {name} shared by two bodies");
            pats.push(name.to_string());
            canon.push(canonical);
            let coordinator_field = name
                .strip_prefix("Kementerian Koordinator ")
                .or_else(|| name.strip_prefix("Kemenko "));
            if let Some(field) = coordinator_field {
                coord.push(field.to_string());
                coord_canon.push(canonical);
                if let Some(f) = field.strip_prefix("Bidang ") {
                    coord.push(f.to_string());
                    coord_canon.push(canonical);
                }
            }
            if let Some(field) = name.strip_prefix("Kementerian ") {
                min.push(field.to_string());
                min_canon.push(canonical);
            }
        }
    }
    pats.push(BARE_BPJS.to_string());
    canon.push(BARE_BPJS);
    Orgs {
        by_alias,
        all: Matcher::new(pats, canon),
        ministry: Matcher::new(min, min_canon),
        coordinator: Matcher::new(coord, coord_canon),
    }
}

/// An organisation (or ministry field) written at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OrgHit {
    /// Byte offset just after the name.
    pub end: usize,
    /// Canonical name, or [`BARE_BPJS`].
    pub canonical: &'static str,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn anchored_at(ac: &AhoCorasick, canon: &[&'static str], text: &str, pos: usize) -> Option<OrgHit> {
    if pos > text.len() || !text.is_char_boundary(pos) {
        return None;
    }
    let first = text[pos..].chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let input = Input::new(text).range(pos..).anchored(Anchored::Yes);
    let m = ac.find(input)?;
    let after_ok = text[m.end()..].chars().next().is_none_or(|c| !is_word_char(c));
    after_ok.then(|| OrgHit { end: m.end(), canonical: canon[m.pattern().as_usize()] })
}

impl Orgs {
    /// An organisation name starting exactly at `pos` (capitalised, word-bounded).
    pub(crate) fn org_at(&self, text: &str, pos: usize) -> Option<OrgHit> {
        self.all.at(text, pos)
    }

    /// A ministry field after "Menteri " ("Ketenagakerjaan" → Kemnaker).
    pub(crate) fn ministry_at(&self, text: &str, pos: usize) -> Option<OrgHit> {
        self.ministry.at(text, pos)
    }

    /// A coordinating-ministry field after "Menko " ("PMK" → Kemenko PMK).
    pub(crate) fn coordinator_at(&self, text: &str, pos: usize) -> Option<OrgHit> {
        self.coordinator.at(text, pos)
    }

    /// Canonical name for an alias in any case.
    pub(crate) fn resolve(&self, q: &str) -> Option<&'static str> {
        let q = q.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if q == "bpjs" {
            return Some(BPJS_TK);
        }
        self.by_alias.get(&q).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_aliases_are_unique() {
        let orgs = &*ORGS;
        assert!(orgs.by_alias.len() > 60);
    }

    #[test]
    fn resolves_aliases_in_any_case() {
        let o = &*ORGS;
        for q in ["BPJAMSOSTEK", "BP Jamsostek", "bpjs tk", "Jamsostek", "BPJS  Ketenagakerjaan"] {
            assert_eq!(o.resolve(q), Some("BPJS Ketenagakerjaan"), "{q}");
        }
        assert_eq!(o.resolve("Kemenaker"), Some("Kemnaker"));
        assert_eq!(o.resolve("kementerian ketenagakerjaan"), Some("Kemnaker"));
        assert_eq!(o.resolve("BPJS Kesehatan"), Some("BPJS Kesehatan"));
        assert_eq!(o.resolve("Kamar Dagang dan Industri"), Some("Kadin"));
        assert_eq!(o.resolve("nothing here"), None);
    }

    #[test]
    fn anchored_matches_need_a_capital_and_a_word_end() {
        let o = &*ORGS;
        let t = "x BPJS Ketenagakerjaan Jawa";
        assert_eq!(o.org_at(t, 2).map(|h| h.canonical), Some("BPJS Ketenagakerjaan"));
        assert_eq!(o.org_at(t, 2).map(|h| h.end), Some(22));
        assert_eq!(o.org_at("BPJS Kesehatan", 0).map(|h| h.canonical), Some("BPJS Kesehatan"));
        assert_eq!(o.org_at("BPJS pusat", 0).map(|h| h.canonical), Some(BARE_BPJS));
        assert!(o.org_at("bpjs tk", 0).is_none());
        assert!(o.org_at("Kadinas", 0).is_none());
        assert!(o.org_at("é", 1).is_none());
        assert!(o.org_at("x", 5).is_none());
    }

    #[test]
    fn ministry_fields() {
        let o = &*ORGS;
        let t = "Perencanaan Pembangunan Nasional RI";
        assert_eq!(o.ministry_at(t, 0).map(|h| h.canonical), Some("Bappenas"));
        assert_eq!(o.ministry_at("Ketenagakerjaan Yassierli", 0).map(|h| h.end), Some(15));
        assert_eq!(o.coordinator_at("PMK Pratikno", 0).map(|h| h.canonical), Some("Kemenko PMK"));
    }
}
