//! The place gazetteer: the embedded TSV tables (provinces, regencies/cities,
//! towns, non-province regions, names that need context) turned into one
//! case-sensitive Aho-Corasick automaton of surface forms, plus the lookup
//! maps the search CLI uses.
//!
//! Each surface form carries its targets and a case rule. Names match as the
//! gazetteer capitalises them; their ALL-CAPS form only in a headline or
//! dateline. All-caps abbreviations (DIY, NTB) match only as written;
//! mixed-case ones (Jatim) as written or in capitals.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};

use super::starts::FirstBytes;
use crate::extract::article::{CityRef, ProvinceRef};

/// One of the 38 provinces.
#[derive(Clone, Debug)]
pub(crate) struct Province {
    pub code: &'static str,
    pub name: &'static str,
    pub abbreviations: Vec<&'static str>,
    pub aliases: Vec<&'static str>,
}

/// Whether a regency is a kabupaten or a kota, or the entry is a town.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum CityKind {
    Kabupaten,
    Kota,
    Town,
}

/// One of the 514 regencies and cities.
#[derive(Clone, Debug)]
pub(crate) struct Regency {
    pub code: &'static str,
    pub province_code: &'static str,
    pub kind: CityKind,
    pub name: &'static str,
}

/// What a surface form stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    /// A province, by index into [`Gazetteer::provinces`].
    Province(usize),
    /// A regency, city or town with its province index.
    City { name: &'static str, province: usize, kind: CityKind },
    /// A region that is not a province (Sumbagut, Kalimantan, Bali Nusra).
    Region,
    /// A phrase to consume without effect ("Sabang sampai Merauke").
    Nothing,
}

/// How the case of a match is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaseRule {
    /// Matches as written anywhere.
    AsWritten,
    /// The ALL-CAPS form of a name: only in a headline or dateline.
    CapsContext,
}

/// One surface form of the automaton.
#[derive(Debug)]
pub(crate) struct Pattern {
    pub targets: Vec<Target>,
    pub case: CaseRule,
    /// Common word or ambiguous name: needs "di", "Kota", a dateline, … before it.
    pub context_required: bool,
}

/// The provinces and regencies, the automaton and the lookup maps (the
/// other rows of the TSV files are in [`tables`]).
pub(crate) struct Gazetteer {
    pub provinces: Vec<Province>,
    pub regencies: Vec<Regency>,
    pub patterns: Vec<Pattern>,
    /// Built on first use: the word lists alone (the stemmer's protected set,
    /// the search aliases) do not need it, and a search starts faster.
    automaton: std::sync::OnceLock<AhoCorasick>,
    /// The same patterns for anchored searches only, built on first use.
    anchored: std::sync::OnceLock<AhoCorasick>,
    strings: Vec<String>,
    /// The first bytes of the surface forms.
    pub first_bytes: FirstBytes,
    /// Lowercased name/alias/abbreviation/code → province index.
    pub province_lookup: HashMap<String, usize>,
    /// Lowercased bare city or town name → targets.
    pub city_lookup: HashMap<String, Vec<Target>>,
}

/// Idioms and foreign countries that name places without meaning them.
const IDIOMS: &[&str] = &[
    "Papua Nugini",
    "Papua Niugini",
    "Papua New Guinea",
    "PAPUA NUGINI",
    "Sabang sampai Merauke",
    "Sabang hingga Merauke",
    "Sabang sampai ke Merauke",
    "Sabang-Merauke",
    "Sabang – Merauke",
    "Sabang - Merauke",
    "SABANG SAMPAI MERAUKE",
];

/// Data rows of an embedded TSV: skips `#` comments, blank lines and the header.
fn rows(data: &'static str, header: &str) -> impl Iterator<Item = Vec<&'static str>> {
    let mut lines = data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let first = lines.next().unwrap_or_default();
    assert!(first.starts_with(header), "unexpected header {first:?}, want {header:?}");
    lines.map(|l| l.split('\t').map(str::trim).collect())
}

/// `|`-separated values, empty ones dropped.
fn list(cell: Option<&&'static str>) -> Vec<&'static str> {
    cell.map_or(Vec::new(), |c| c.split('|').map(str::trim).filter(|v| !v.is_empty()).collect())
}

/// A single word in capitals, digits allowed ("DIY", "NTB").
fn is_caps_abbreviation(s: &str) -> bool {
    !s.contains(' ')
        && s.chars().any(char::is_alphabetic)
        && s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Spelling variants the press uses for a name ("Sumatra" for "Sumatera").
fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    if name.contains("Sumatera") {
        out.push(name.replace("Sumatera", "Sumatra"));
    }
    if let Some(rest) = name.strip_prefix("Kepulauan ") {
        out.push(format!("Kep. {rest}"));
    }
    out
}

struct Builder {
    index: HashMap<String, usize>,
    strings: Vec<String>,
    patterns: Vec<Pattern>,
}

impl Builder {
    fn add(&mut self, surface: &str, target: Target, case: CaseRule) {
        if surface.is_empty() {
            return;
        }
        match self.index.get(surface) {
            Some(&i) => {
                let p = &mut self.patterns[i];
                if !p.targets.contains(&target) {
                    p.targets.push(target);
                }
                if case == CaseRule::AsWritten {
                    p.case = CaseRule::AsWritten;
                }
            }
            None => {
                self.index.insert(surface.to_string(), self.strings.len());
                self.strings.push(surface.to_string());
                self.patterns.push(Pattern {
                    targets: vec![target],
                    case,
                    context_required: false,
                });
            }
        }
    }

    /// A name: as written, plus its capitals for headlines and datelines.
    fn name(&mut self, name: &str, target: Target) {
        for v in variants(name) {
            self.add(&v, target, CaseRule::AsWritten);
            let upper = v.to_uppercase();
            if upper != v {
                self.add(&upper, target, CaseRule::CapsContext);
            }
        }
    }

    /// An abbreviation: capitals only as written; mixed case also in capitals.
    fn abbreviation(&mut self, abbr: &str, target: Target) {
        if is_caps_abbreviation(abbr) {
            self.add(abbr, target, CaseRule::AsWritten);
        } else if abbr.contains(' ') {
            self.name(abbr, target);
        } else {
            self.add(abbr, target, CaseRule::AsWritten);
            self.add(&abbr.to_uppercase(), target, CaseRule::AsWritten);
        }
    }
}

/// The name a town row stands for when its note marks it as another name of
/// a place of the same regency ("abbreviation of Jakarta Selatan", "spelling
/// variant of Kota Bau Bau", "common name of Kota Surakarta"): that place's
/// name, so one place gets one facet value.
fn variant_of(
    note: &str,
    regency: usize,
    regencies: &[Regency],
    towns: &[(&'static str, usize, &'static str)],
) -> Option<&'static str> {
    const KINDS: &[&str] =
        &["abbreviation of ", "spelling variant of ", "short form of ", "common name of "];
    let target = KINDS.iter().find_map(|k| note.strip_prefix(k))?;
    let target = target.split(" (").next().unwrap_or(target).trim();
    if let Some(&(t, _, _)) = towns.iter().find(|(t, r, _)| *r == regency && *t == target) {
        return Some(t);
    }
    let bare =
        ["Kabupaten ", "Kota "].iter().find_map(|p| target.strip_prefix(p)).unwrap_or(target);
    let r = &regencies[regency];
    let squash = |s: &str| s.replace([' ', '-'], "").to_lowercase();
    (r.name == bare || squash(r.name) == squash(bare)).then_some(r.name)
}

/// The gazetteer's tables as the TSV files give them, before any lookup is
/// built. Cheap: what needs only the names (the stemmer's protected words and
/// the query's province aliases, which every search process loads) reads
/// these instead of building the gazetteer, which is built from them.
pub(crate) struct Tables {
    pub(crate) provinces: Vec<Province>,
    pub(crate) regencies: Vec<Regency>,
    /// (name, regency index, note) of each town whose regency is known.
    pub(crate) town_rows: Vec<(&'static str, usize, &'static str)>,
    /// Regions: (name, covered province codes as written).
    regions: Vec<(&'static str, &'static str)>,
    /// Names in `context_required.tsv`.
    context_required: Vec<&'static str>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(parse_tables);

/// The parsed tables, parsed once.
pub(crate) fn tables() -> &'static Tables {
    &TABLES
}

/// Parses the embedded TSV files.
fn parse_tables() -> Tables {
    let provinces: Vec<Province> =
        rows(include_str!("provinces.tsv"), "code\tname\tabbreviations\taliases")
            .map(|c| Province {
                code: c[0],
                name: c[1],
                abbreviations: list(c.get(2)),
                aliases: list(c.get(3)),
            })
            .collect();

    let regencies: Vec<Regency> =
        rows(include_str!("regencies.tsv"), "code\tprovince_code\tkind\tname")
            .map(|c| Regency {
                code: c[0],
                province_code: c[1],
                kind: if c[2].to_lowercase().starts_with("kota") {
                    CityKind::Kota
                } else {
                    CityKind::Kabupaten
                },
                name: c[3],
            })
            .collect();
    let regency_index: HashMap<&str, usize> =
        regencies.iter().enumerate().map(|(i, r)| (r.code, i)).collect();

    let town_rows: Vec<(&'static str, usize, &'static str)> =
        rows(include_str!("towns.tsv"), "name\tregency_code")
            .filter_map(|c| {
                Some((c[0], *regency_index.get(c.get(1)?)?, c.get(2).copied().unwrap_or_default()))
            })
            .collect();
    let regions: Vec<(&'static str, &'static str)> =
        rows(include_str!("regions.tsv"), "name\tcovers")
            .map(|c| (c[0], c.get(1).copied().unwrap_or_default()))
            .collect();
    let context_required: Vec<&'static str> =
        rows(include_str!("context_required.tsv"), "name").map(|c| c[0]).collect();
    Tables { provinces, regencies, town_rows, regions, context_required }
}

fn build() -> Gazetteer {
    let t = tables();
    let (provinces, regencies, town_rows) =
        (t.provinces.clone(), t.regencies.clone(), &t.town_rows);
    let province_index: HashMap<&str, usize> =
        provinces.iter().enumerate().map(|(i, p)| (p.code, i)).collect();

    let mut b = Builder { index: HashMap::new(), strings: Vec::new(), patterns: Vec::new() };
    let mut province_lookup = HashMap::new();
    let mut city_lookup: HashMap<String, Vec<Target>> = HashMap::new();

    for (i, p) in provinces.iter().enumerate() {
        let t = Target::Province(i);
        b.name(p.name, t);
        for a in &p.aliases {
            if is_caps_abbreviation(a) { b.abbreviation(a, t) } else { b.name(a, t) }
        }
        for a in &p.abbreviations {
            b.abbreviation(a, t);
        }
        let keys = [p.code, p.name].into_iter().chain(p.aliases.iter().copied());
        for k in keys.chain(p.abbreviations.iter().copied()) {
            for v in variants(k) {
                province_lookup.insert(v.to_lowercase(), i);
            }
        }
    }
    let mut add_city = |b: &mut Builder,
                        surface: &'static str,
                        name: &'static str,
                        province: usize,
                        kind: CityKind| {
        let t = Target::City { name, province, kind };
        b.name(surface, t);
        let entry = city_lookup.entry(surface.to_lowercase()).or_default();
        if !entry.contains(&t) {
            entry.push(t);
        }
    };
    for r in &regencies {
        if let Some(&p) = province_index.get(r.province_code) {
            add_city(&mut b, r.name, r.name, p, r.kind);
        }
    }
    for &(name, reg, note) in town_rows {
        if let Some(&p) = province_index.get(regencies[reg].province_code) {
            let display = variant_of(note, reg, &regencies, town_rows).unwrap_or(name);
            add_city(&mut b, name, display, p, CityKind::Town);
        }
    }
    for &(name, _) in &t.regions {
        b.name(name, Target::Region);
    }
    for idiom in IDIOMS {
        b.add(idiom, Target::Nothing, CaseRule::AsWritten);
    }
    let needs: HashSet<String> = t.context_required.iter().map(|n| n.to_lowercase()).collect();
    for (s, p) in b.strings.iter().zip(b.patterns.iter_mut()) {
        p.context_required = needs.contains(&s.to_lowercase());
    }
    Gazetteer {
        provinces,
        regencies,
        patterns: b.patterns,
        automaton: std::sync::OnceLock::new(),
        anchored: std::sync::OnceLock::new(),
        first_bytes: FirstBytes::of(b.strings.iter().map(String::as_str)),
        strings: b.strings,
        province_lookup,
        city_lookup,
    }
}

/// The gazetteer, built on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);

impl Gazetteer {
    /// The automaton of every surface form (pattern `i` is `patterns[i]`),
    /// for anchored and unanchored searches at a given offset.
    pub(crate) fn automaton(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Both)
                .build(&self.strings)
                .unwrap()
        })
    }

    /// [`Gazetteer::automaton`]'s patterns as a DFA for anchored searches
    /// only: the place scan runs it at every word start that
    /// [`Gazetteer::first_bytes`] allows, and a DFA takes one table lookup
    /// per byte where the contiguous NFA chosen for this many patterns
    /// follows failure links. Same patterns, same match kind: same matches.
    pub(crate) fn anchored(&self) -> &AhoCorasick {
        self.anchored.get_or_init(|| {
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&self.strings)
                .unwrap()
        })
    }

    /// The public reference of a province index.
    pub(crate) fn province_ref(&self, i: usize) -> ProvinceRef {
        let p = &self.provinces[i];
        ProvinceRef { code: p.code.to_string(), name: p.name.to_string() }
    }

    /// The public reference of a city target.
    pub(crate) fn city_ref(&self, name: &str, province: usize) -> CityRef {
        CityRef { name: name.to_string(), province_code: self.provinces[province].code.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The invariants of the embedded data (forces the LazyLock).
    #[test]
    fn the_gazetteer_is_built_from_the_parsed_tables() {
        let (t, g) = (tables(), &*GAZETTEER);
        let codes = |p: &[Province]| p.iter().map(|p| p.code).collect::<Vec<_>>();
        assert_eq!(codes(&t.provinces), codes(&g.provinces));
        let names = |r: &[Regency]| r.iter().map(|r| r.name).collect::<Vec<_>>();
        assert_eq!(names(&t.regencies), names(&g.regencies));
    }

    #[test]
    fn data_invariants() {
        let g = &*GAZETTEER;
        assert_eq!(g.provinces.len(), 38);
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for p in &g.provinces {
            let n: u32 = p.code.parse().unwrap();
            assert!((11..=96).contains(&n) && p.code.len() == 2, "code {}", p.code);
            assert!(codes.insert(p.code), "duplicate code {}", p.code);
            assert!(names.insert(p.name), "duplicate name {}", p.name);
        }
        assert_eq!(g.regencies.len(), 514);
        let mut reg_codes = HashSet::new();
        for r in &g.regencies {
            assert!(codes.contains(r.province_code), "{} has bad province", r.code);
            assert!(r.code.starts_with(&format!("{}.", r.province_code)), "{} prefix", r.code);
            assert!(reg_codes.insert(r.code), "duplicate regency {}", r.code);
            assert!(!r.name.starts_with("Kota ") && !r.name.starts_with("Kabupaten "));
        }
        // No abbreviation or alias is shared by two provinces.
        let mut owner: HashMap<String, &str> = HashMap::new();
        for p in &g.provinces {
            let keys = [p.name].into_iter().chain(p.aliases.iter().copied());
            for k in keys.chain(p.abbreviations.iter().copied()) {
                let prev = owner.insert(k.to_lowercase(), p.code);
                assert!(prev.is_none_or(|c| c == p.code), "{k} shared by {prev:?} and {}", p.code);
            }
        }
        // Every town and context-required name resolves.
        let towns = include_str!("towns.tsv");
        let town_rows = rows(towns, "name\tregency_code").count();
        assert_eq!(tables().town_rows.len(), town_rows, "a town has an unknown regency code");
        for (name, _, _) in &tables().town_rows {
            assert!(super::super::resolve_city(name).is_some(), "town {name}");
        }
        for name in &tables().context_required {
            let known = g.city_lookup.contains_key(&name.to_lowercase())
                || g.province_lookup.contains_key(&name.to_lowercase())
                || tables().regions.iter().any(|(r, _)| r.eq_ignore_ascii_case(name));
            assert!(known, "context_required {name} is not a place");
        }
        // Regions name real provinces.
        for (name, covers) in &tables().regions {
            for c in covers.split([',', '|']).map(str::trim).filter(|c| !c.is_empty()) {
                let ok = codes.contains(c) || g.province_lookup.contains_key(&c.to_lowercase());
                assert!(ok, "region {name} covers unknown {c}");
            }
        }
        assert_eq!(g.patterns.len(), g.automaton().patterns_len());
        assert_eq!(g.patterns.len(), g.anchored().patterns_len());
    }

    #[test]
    fn variant_towns_name_their_place() {
        let g = &*GAZETTEER;
        let name = |q: &str| match g.city_lookup[q][0] {
            Target::City { name, .. } => name,
            _ => "",
        };
        assert_eq!(name("jaksel"), "Jakarta Selatan");
        assert_eq!(name("solo"), "Surakarta");
        assert_eq!(name("kayuagung"), "Kayu Agung");
        assert_eq!(name("pangkalan bun"), "Pangkalan Bun");
        assert_eq!(name("bau-bau"), "Bau Bau");
        // Every variant row names a place of its own regency.
        for (surface, targets) in &g.city_lookup {
            for t in targets {
                if let Target::City { name, kind: CityKind::Town, .. } = t {
                    let own = name.to_lowercase() == *surface;
                    let variant = g.city_lookup.contains_key(&name.to_lowercase());
                    assert!(own || variant, "{surface} -> {name}");
                }
            }
        }
    }

    #[test]
    fn abbreviations_classify() {
        assert!(is_caps_abbreviation("DIY") && is_caps_abbreviation("NTB"));
        assert!(!is_caps_abbreviation("Jatim") && !is_caps_abbreviation("DKI Jakarta"));
        assert_eq!(variants("Sumatera Utara"), ["Sumatera Utara", "Sumatra Utara"]);
    }

    #[test]
    fn the_anchored_dfa_finds_what_the_automaton_finds() {
        let g = &*GAZETTEER;
        let text = "Warga Kota Medan dan Kab. Sleman, DIY, bertemu di Jawa Timur; \
                    pekerja Surabaya—Sidoarjo (Jatim) serta NTB, Kupang, Papua Barat Daya.";
        let all = |ac: &AhoCorasick| {
            let mut out = Vec::new();
            for pos in 0..=text.len() {
                if text.is_char_boundary(pos) {
                    let input = aho_corasick::Input::new(text).range(pos..);
                    let m = ac.find(input.anchored(aho_corasick::Anchored::Yes));
                    out.push(m.map(|m| (m.start(), m.end(), m.pattern())));
                }
            }
            out
        };
        let found = all(g.automaton());
        assert!(found.iter().flatten().count() > 5);
        assert_eq!(all(g.anchored()), found);
    }
}
