//! Places by name: a filter value (`jatim`, `Kota Banjar`, `35.78`) turned
//! into a province or city, the names the search side needs (aliases, words a
//! stemmer must leave alone), and the place written at a position of a text
//! (for the official parser).

use std::collections::BTreeSet;

use aho_corasick::{Anchored, Input};

use super::gazetteer::{self, CaseRule, CityKind, GAZETTEER, Target};
use super::{NAME_PREFIXES, Prefix, Resolved, is_word_char, prefix_at, resolve};
use crate::extract::article::{CityRef, ProvinceRef};

/// Lowercased, single-spaced.
pub(super) fn normalise(q: &str) -> String {
    q.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A query split into its written prefix (any case) and the bare name, lowercased.
fn split_prefix(q: &str) -> (Option<Prefix>, String) {
    let n = normalise(q);
    for &(p, kind) in NAME_PREFIXES {
        // The prefixes are ASCII and `n` is lowercased: its first bytes equal the lowercased
        // prefix exactly when they equal the prefix in any ASCII case.
        if n.as_bytes().get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes())) {
            return (Some(kind), n[p.len()..].to_string());
        }
    }
    (None, n)
}

/// Whether `bare` can be a regency code: every code starts with a digit (`35.78`; tested
/// below over the gazetteer), so a name never needs the codes scanned.
fn may_be_code(bare: &str) -> bool {
    bare.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// A province by canonical name, alias, abbreviation or code, in any case
/// ("jatim", "DKI", "Sumatra Utara", "35", "Provinsi Bali").
pub fn resolve_province(q: &str) -> Option<ProvinceRef> {
    let g = &*GAZETTEER;
    let (prefix, bare) = split_prefix(q);
    if prefix.is_some_and(|p| p != Prefix::Provinsi) {
        return None;
    }
    g.province_lookup.get(&bare).map(|&i| g.province_ref(i))
}

/// A regency, city or town by bare name ("Surabaya"), "Kota X",
/// "Kabupaten X"/"Kab. X", town name ("Pangkalan Bun") or regency code
/// ("35.78"), in any case. A bare name shared by two provinces (Banjar) needs
/// its prefix.
pub fn resolve_city(q: &str) -> Option<CityRef> {
    city_target(q).map(|(name, p)| GAZETTEER.city_ref(name, p))
}

/// The name and province index behind [`resolve_city`].
pub(super) fn city_target(q: &str) -> Option<(&'static str, usize)> {
    let g = &*GAZETTEER;
    let whole = normalise(q);
    let (prefix, bare) = match g.city_lookup.contains_key(&whole) {
        true => (None, whole),
        false => split_prefix(q),
    };
    if prefix == Some(Prefix::Provinsi) {
        return None;
    }
    let code = may_be_code(&bare).then(|| g.regencies.iter().find(|r| r.code == bare)).flatten();
    if let Some(r) = code {
        let p = g.provinces.iter().position(|p| p.code == r.province_code)?;
        return Some((r.name, p));
    }
    let targets = g.city_lookup.get(&bare)?;
    let wanted = match prefix {
        Some(Prefix::Kota) => Some(CityKind::Kota),
        Some(Prefix::Kabupaten) => Some(CityKind::Kabupaten),
        _ => None,
    };
    let pick: Vec<(&'static str, usize)> = targets
        .iter()
        .filter_map(|t| match *t {
            Target::City { name, province, kind } if wanted.is_none_or(|k| k == kind) => {
                Some((name, province))
            }
            _ => None,
        })
        .collect();
    let &(name, first) = pick.first()?;
    pick.iter().all(|&(_, p)| p == first).then_some((name, first))
}

/// The province with this two-digit code.
pub fn province_by_code(code: &str) -> Option<ProvinceRef> {
    let g = &*GAZETTEER;
    g.provinces.iter().position(|p| p.code == code.trim()).map(|i| g.province_ref(i))
}

/// All 38 provinces, sorted by code.
pub fn all_provinces() -> Vec<ProvinceRef> {
    let g = &*GAZETTEER;
    let mut all: Vec<ProvinceRef> = (0..g.provinces.len()).map(|i| g.province_ref(i)).collect();
    all.sort();
    all
}

/// Every name of every province, one group per province: the canonical
/// name first, then abbreviations and aliases as the gazetteer writes them
/// (`["Jawa Timur", "Jatim", "East Java"]`). Query-time alias expansion uses
/// these groups.
pub fn province_name_groups() -> Vec<Vec<&'static str>> {
    // From the parsed table, not the built gazetteer: every search needs
    // these (query aliases), most never need the gazetteer's lookups.
    gazetteer::tables()
        .provinces
        .iter()
        .map(|p| {
            let mut group = vec![p.name];
            group.extend(p.abbreviations.iter().chain(&p.aliases).copied());
            group
        })
        .collect()
}

/// Words of place names that are ordinary geography, never protected.
const GENERIC_PLACE_WORDS: &[&str] = &[
    "administrasi",
    "air",
    "baru",
    "barat",
    "besar",
    "bukit",
    "daerah",
    "darat",
    "daya",
    "di",
    "dan",
    "gunung",
    "hilir",
    "hulu",
    "ibukota",
    "istimewa",
    "jaya",
    "kabupaten",
    "kecil",
    "kepulauan",
    "khusus",
    "kota",
    "lama",
    "laut",
    "muara",
    "pegunungan",
    "pesisir",
    "provinsi",
    "pulau",
    "raya",
    "selatan",
    "sungai",
    "tanah",
    "tanjung",
    "teluk",
    "tengah",
    "tenggara",
    "timur",
    "utara",
];

/// Every word of every place name (provinces, abbreviations, regencies,
/// cities, towns), lowercase, except ordinary geography words: words a
/// stemmer must leave alone (`bekasi` is not `bekas`, `Kutai` is not
/// `kuta`, `Toli-Toli` is not `tol`).
pub fn place_name_words() -> Vec<String> {
    // The parsed tables are enough: building the gazetteer's lookups would
    // cost every search process a few milliseconds more.
    let g = gazetteer::tables();
    let provinces = g.provinces.iter().flat_map(|p| {
        std::iter::once(p.name)
            .chain(p.abbreviations.iter().copied())
            .chain(p.aliases.iter().copied())
    });
    let places = g.regencies.iter().map(|r| r.name).chain(g.town_rows.iter().map(|(t, _, _)| *t));
    provinces
        .chain(places)
        .flat_map(|name| name.split(|c: char| c.is_whitespace() || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| w.chars().count() >= 3 && !GENERIC_PLACE_WORDS.contains(&w.as_str()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// A place written at `pos` (for the official parser): its end, the written
/// form with and without prefix, and what it resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PlaceHit {
    /// Byte offset after the name.
    pub end: usize,
    /// Where the bare name starts (after "Provinsi ", "Kota " …).
    pub bare_start: usize,
    /// The prefix written before the bare name.
    pub prefix: Option<Prefix>,
    /// The province (of the city, for a city).
    pub province: Option<ProvinceRef>,
    /// The city or town, when the name is one.
    pub city: Option<CityRef>,
    /// A region that is not a province (Sumbagut, Kalimantan).
    pub is_region: bool,
}

/// The place written exactly at `pos`, capitalised as in the gazetteer.
/// Common-word names need a written prefix unless `allow_context_required`;
/// `implied` picks between a kabupaten and a kota of the same name (a
/// "Bupati" heads a kabupaten).
pub(crate) fn place_at(
    text: &str,
    pos: usize,
    allow_context_required: bool,
    implied: Option<Prefix>,
) -> Option<PlaceHit> {
    let g = &*GAZETTEER;
    if pos > text.len() || !text.is_char_boundary(pos) {
        return None;
    }
    let (written, bare_start) = match prefix_at(text, pos) {
        Some((k, after)) => (Some(k), after),
        None => (None, pos),
    };
    let m = g.automaton().find(Input::new(text).range(bare_start..).anchored(Anchored::Yes))?;
    if text[m.end()..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    let p = &g.patterns[m.pattern().as_usize()];
    if p.case != CaseRule::AsWritten
        || (p.context_required && !allow_context_required && written.is_none())
    {
        return None;
    }
    let mut hit = PlaceHit {
        end: m.end(),
        bare_start,
        prefix: written,
        province: None,
        city: None,
        is_region: false,
    };
    match resolve(p, written.or(implied)) {
        Resolved::Province(i) => hit.province = Some(g.province_ref(i)),
        Resolved::City { name, province } => {
            hit.province = Some(g.province_ref(province));
            hit.city = Some(g.city_ref(name, province));
        }
        Resolved::Ambiguous { .. } => {}
        Resolved::Region => hit.is_region = true,
        Resolved::Nothing => return None,
    }
    Some(hit)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The prefix split as it was: each prefix lowercased, then stripped.
    fn split_prefix_by_lowercasing(q: &str) -> (Option<Prefix>, String) {
        let n = normalise(q);
        for &(p, kind) in NAME_PREFIXES {
            if let Some(rest) = n.strip_prefix(&p.to_lowercase()) {
                return (Some(kind), rest.to_string());
            }
        }
        (None, n)
    }

    #[test]
    fn every_regency_code_starts_with_a_digit() {
        assert!(GAZETTEER.regencies.iter().all(|r| may_be_code(r.code)));
        assert!(!may_be_code("surabaya") && !may_be_code("") && may_be_code("35.78"));
        assert_eq!(resolve_city("35.78").unwrap().name, "Surabaya");
        assert_eq!(resolve_city(" 35.78 ").unwrap().name, "Surabaya");
    }

    proptest! {
        #[test]
        fn prefixes_split_as_by_lowercasing(
            head in prop::sample::select(vec![
                "", "Kota ", "KOTA ", "kota ", "KoTa  ", "Kab. ", "kab ", "Kabupaten Administrasi ",
                "PROVINSI ", "prov. ", "Kotamadya ", "İ", "Kab.", "Kota\u{a0}",
            ]),
            tail in "[A-Za-zİıé .]{0,12}",
        ) {
            let q = format!("{head}{tail}");
            prop_assert_eq!(split_prefix(&q), split_prefix_by_lowercasing(&q));
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(resolve_province("jatim").unwrap().code, "35");
        assert_eq!(resolve_province("JAWA TIMUR").unwrap().code, "35");
        assert_eq!(resolve_province("35").unwrap().name, "Jawa Timur");
        assert_eq!(resolve_province("Provinsi Bali").unwrap().code, "51");
        assert_eq!(resolve_province("DKI").unwrap().code, "31");
        assert_eq!(resolve_province("Jakarta").unwrap().code, "31");
        assert!(resolve_province("Kalimantan").is_none());
        assert!(resolve_province("").is_none());
        assert_eq!(resolve_city("surabaya").unwrap().province_code, "35");
        assert_eq!(resolve_city("Kota Surabaya").unwrap().name, "Surabaya");
        assert_eq!(resolve_city("Kab. Bandung").unwrap().name, "Bandung");
        assert_eq!(resolve_city("pangkalan bun").unwrap().province_code, "62");
        assert_eq!(resolve_city("Kota Banjar").unwrap().province_code, "32");
        assert_eq!(resolve_city("Kabupaten Banjar").unwrap().province_code, "63");
        assert!(resolve_city("Banjar").is_none());
        assert!(resolve_city("Atlantis").is_none());
        assert_eq!(province_by_code("62").unwrap().name, "Kalimantan Tengah");
        assert!(province_by_code("99").is_none());
        let all = all_provinces();
        assert_eq!(all.len(), 38);
        assert!(all.windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn place_at_reads_prefixes() {
        let t = "Provinsi Sumatera Utara Ismel";
        let hit = place_at(t, 0, false, None).unwrap();
        assert_eq!(&t[hit.bare_start..hit.end], "Sumatera Utara");
        assert_eq!(hit.province.unwrap().code, "12");
        let hit = place_at("Banjar X", 0, true, Some(Prefix::Kota)).unwrap();
        assert_eq!(hit.province.unwrap().code, "32");
        assert!(place_at("Medan X", 0, false, None).is_none());
        assert!(place_at("Sumbagut", 0, false, None).unwrap().is_region);
        assert!(place_at("é", 1, false, None).is_none());
    }
}
