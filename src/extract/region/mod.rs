//! Places named in an article (the `province` and `city` facets), and the
//! lookups the search CLI uses to turn a filter value into a province or city.
//!
//! Matching is one pass of the gazetteer automaton (leftmost-longest, so
//! "Kepulauan Riau" never also yields "Riau" and "Jakarta Selatan" beats
//! "Jakarta"), with our own checks on each hit: word boundaries, case (see
//! [`gazetteer`]), and context for common-word names ("medan kerja", "batu
//! bara", "serangan"): those count only after "di"/"ke"/"dari", a prefix such
//! as "Kota"/"Kabupaten"/"Bupati"/"Kantor Cabang", or as the dateline. Region
//! names (Sumbagut, Kalimantan, Bali Nusra) are matched so that they consume
//! their words, but yield no province. Publisher names are masked first, so
//! "KALTENGTERKINI.CO.ID" never yields Kalimantan Tengah ([`mask`]). The
//! lookups by name (filter values, the place at a position) are in [`lookup`].

mod gazetteer;
mod lookup;
mod mask;
mod offices;
mod starts;

use std::collections::BTreeSet;

use aho_corasick::{Anchored, Input};

use crate::extract::article::{CityRef, ProvinceRef};
use gazetteer::{CaseRule, CityKind, GAZETTEER, Pattern, Target};
use lookup::{city_target, normalise};
use mask::{MASK, Masker};

pub(crate) use lookup::{PlaceHit, place_at};
pub use lookup::{
    all_provinces, place_name_words, province_by_code, province_name_groups, resolve_city,
    resolve_province,
};

/// An administrative prefix written (or implied by a title) before a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prefix {
    /// "Provinsi", "Prov.", "Gubernur", "Pemprov".
    Provinsi,
    /// "Kabupaten", "Kab.", "Bupati", "Pemkab".
    Kabupaten,
    /// "Kota", "Wali Kota", "Pemkot".
    Kota,
}

/// Written prefixes that are part of the place's name.
const NAME_PREFIXES: &[(&str, Prefix)] = &[
    ("Kabupaten Administrasi ", Prefix::Kabupaten),
    ("Kota Administrasi ", Prefix::Kota),
    ("Kabupaten ", Prefix::Kabupaten),
    ("KABUPATEN ", Prefix::Kabupaten),
    ("Kab. ", Prefix::Kabupaten),
    ("Kab ", Prefix::Kabupaten),
    ("Kota ", Prefix::Kota),
    ("KOTA ", Prefix::Kota),
    ("Provinsi ", Prefix::Provinsi),
    ("PROVINSI ", Prefix::Provinsi),
    ("Prov. ", Prefix::Provinsi),
];

/// Words before a name that imply its kind (and give context).
const IMPLYING_WORDS: &[(&str, Prefix)] = &[
    ("Pemkab", Prefix::Kabupaten),
    ("Bupati", Prefix::Kabupaten),
    ("Pemkot", Prefix::Kota),
    ("Wali Kota", Prefix::Kota),
    ("Walikota", Prefix::Kota),
    ("Pemprov", Prefix::Provinsi),
    ("Gubernur", Prefix::Provinsi),
];

/// Words before a name that give context without implying a kind (any case).
const CONTEXT_WORDS: &[&str] = &["di", "ke", "dari", "kantor cabang", "cabang"];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// At most `n` bytes before `pos`, cut at a char boundary.
fn window_before(text: &str, pos: usize, n: usize) -> &str {
    let mut s = pos.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    &text[s..pos]
}

/// `s` ends with `word` (ASCII case-insensitive) that is not glued to a letter before it.
fn ends_with_word(s: &str, word: &str) -> bool {
    let (sl, wl) = (s.len(), word.len());
    if sl < wl || !s.is_char_boundary(sl - wl) || !s[sl - wl..].eq_ignore_ascii_case(word) {
        return false;
    }
    s[..sl - wl].chars().next_back().is_none_or(|c| !is_word_char(c))
}

/// The prefix written or implied just before `start` ("Kota ", "Bupati ").
fn prefix_before(text: &str, start: usize) -> Option<Prefix> {
    let w = window_before(text, start, 40);
    for &(p, kind) in NAME_PREFIXES {
        if w.ends_with(p) && ends_with_word(&w[..w.len() - 1], p.trim_end()) {
            return Some(kind);
        }
    }
    let trimmed = w.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == w.len() {
        return None;
    }
    IMPLYING_WORDS.iter().find(|(word, _)| ends_with_word(trimmed, word)).map(|&(_, k)| k)
}

/// The name prefix written at `pos` and the offset after it.
fn prefix_at(text: &str, pos: usize) -> Option<(Prefix, usize)> {
    let rest = text.get(pos..)?;
    NAME_PREFIXES.iter().find(|(p, _)| rest.starts_with(p)).map(|&(p, k)| (k, pos + p.len()))
}

/// "di Medan", "Kantor Cabang Batu": a context word just before `start`.
fn context_word_before(text: &str, start: usize) -> bool {
    let w = window_before(text, start, 30);
    let trimmed = w.trim_end_matches([' ', '\u{a0}']);
    trimmed.len() < w.len() && CONTEXT_WORDS.iter().any(|word| ends_with_word(trimmed, word))
}

/// A dateline position: first on its line (or right after a masked site name
/// and a comma) and followed by ",", "(" or a dash.
fn dateline_like(text: &str, start: usize, end: usize) -> bool {
    let w = window_before(text, start, 80);
    let line = match w.rfind('\n') {
        Some(i) => &w[i + 1..],
        None if start <= 80 => w,
        None => return false,
    };
    let lead = line.trim_matches([' ', '\t']);
    let after_site = lead.ends_with(',')
        && lead.contains(MASK)
        && lead.chars().all(|c| c == MASK || c == ',' || c.is_whitespace());
    if after_site {
        return true;
    }
    let after = text[end..].trim_start_matches([' ', '\u{a0}']);
    lead.is_empty() && after.starts_with([',', '(', '-', '–', '—'])
}

/// What a matched surface form means, given the prefix before it.
enum Resolved {
    Province(usize),
    City { name: &'static str, province: usize },
    Ambiguous { name: &'static str, provinces: Vec<usize> },
    Region,
    Nothing,
}

fn resolve(p: &Pattern, prefix: Option<Prefix>) -> Resolved {
    let province = p.targets.iter().find_map(|t| match t {
        Target::Province(i) => Some(*i),
        _ => None,
    });
    let cities: Vec<(&'static str, usize, CityKind)> = p
        .targets
        .iter()
        .filter_map(|t| match *t {
            Target::City { name, province, kind } => Some((name, province, kind)),
            _ => None,
        })
        .collect();
    let wanted = match prefix {
        Some(Prefix::Kota) => Some(CityKind::Kota),
        Some(Prefix::Kabupaten) => Some(CityKind::Kabupaten),
        _ => None,
    };
    let mut chosen: Vec<&(&str, usize, CityKind)> =
        cities.iter().filter(|c| wanted.is_none_or(|k| c.2 == k)).collect();
    if chosen.is_empty() {
        chosen = cities.iter().collect();
    }
    match (province, prefix) {
        (Some(i), None | Some(Prefix::Provinsi)) => return Resolved::Province(i),
        (Some(i), _) if chosen.is_empty() => return Resolved::Province(i),
        _ => {}
    }
    if let Some(&&(name, first, _)) = chosen.first() {
        let mut provinces: Vec<usize> = chosen.iter().map(|c| c.1).collect();
        provinces.sort_unstable();
        provinces.dedup();
        return if provinces.len() == 1 {
            Resolved::City { name, province: first }
        } else {
            Resolved::Ambiguous { name, provinces }
        };
    }
    if p.targets.contains(&Target::Region) { Resolved::Region } else { Resolved::Nothing }
}

/// Places found so far in one article.
#[derive(Default)]
struct Found {
    provinces: BTreeSet<usize>,
    cities: Vec<(&'static str, usize)>,
    ambiguous: Vec<(&'static str, Vec<usize>)>,
}

impl Found {
    fn add(&mut self, r: Resolved) {
        match r {
            Resolved::Province(i) => {
                self.provinces.insert(i);
            }
            Resolved::City { name, province } => {
                self.provinces.insert(province);
                if !self.cities.contains(&(name, province)) {
                    self.cities.push((name, province));
                }
            }
            Resolved::Ambiguous { name, provinces } => self.ambiguous.push((name, provinces)),
            Resolved::Region | Resolved::Nothing => {}
        }
    }

    /// Ambiguous names (Banjar) go to the one candidate province already named, else nowhere.
    fn settle(&mut self) {
        for (name, candidates) in std::mem::take(&mut self.ambiguous) {
            let known: Vec<usize> =
                candidates.iter().copied().filter(|c| self.provinces.contains(c)).collect();
            if let [p] = known[..] {
                self.add(Resolved::City { name, province: p });
            }
        }
    }
}

/// Scans `text` and adds every accepted place. `caps` allows ALL-CAPS names
/// anywhere (a headline); `dateline` gives every name context.
///
/// The anchored automaton runs only where a name may start as a word
/// ([`starts`]): the leftmost-longest hit of an unanchored search is the
/// longest name at the first position where one starts, and a hit glued to
/// a letter or digit before it is rejected, so skipping those positions
/// accepts the same hits.
fn scan(text: &str, caps: bool, dateline: bool, found: &mut Found) {
    let g = &*GAZETTEER;
    let mut from = 0;
    while let Some(start) = g.first_bytes.next_start(text, from) {
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        let Some(m) = g.anchored().find(input) else {
            from = start + 1;
            continue;
        };
        let end = m.end();
        let p = &g.patterns[m.pattern().as_usize()];
        if text[end..].chars().next().is_some_and(is_word_char) {
            from = start + 1;
            continue;
        }
        let prefix = prefix_before(text, start);
        let case_ok =
            p.case == CaseRule::AsWritten || caps || dateline || dateline_like(text, start, end);
        let context_ok = !p.context_required
            || dateline
            || prefix.is_some()
            || context_word_before(text, start)
            || dateline_like(text, start, end);
        if case_ok && context_ok {
            found.add(resolve(p, prefix));
            from = end;
        } else {
            from = start + 1;
        }
    }
}

/// Provinces (sorted by code, deduplicated) and cities (deduplicated, in
/// order of first mention, the dateline first) named by an article.
///
/// A city implies its province; the dateline city counts; `source` and any
/// site name (`KALTENGTERKINI.CO.ID`) are removed before matching.
pub fn find_places(
    title: Option<&str>,
    body: &str,
    dateline: Option<&str>,
    source: Option<&str>,
) -> (Vec<ProvinceRef>, Vec<CityRef>) {
    let places = find_places_and_offices(title, body, dateline, source);
    (places.provinces, places.cities)
}

/// What [`find_places_and_offices`] finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Places {
    /// Provinces, sorted by code.
    pub provinces: Vec<ProvinceRef>,
    /// Cities in order of first mention, the dateline first.
    pub cities: Vec<CityRef>,
    /// BPJS Ketenagakerjaan regional offices named (`BPJS Ketenagakerjaan
    /// Kanwil Sulawesi Maluku`), deduplicated, in order of first mention.
    pub offices: Vec<String>,
}

/// [`find_places`], plus the regional offices the text names. A province
/// written only as part of an office's territory ("Kanwil Bali Nusra
/// Papua") is not a place of the story (see [`offices`]).
pub fn find_places_and_offices(
    title: Option<&str>,
    body: &str,
    dateline: Option<&str>,
    source: Option<&str>,
) -> Places {
    let g = &*GAZETTEER;
    let mut office_names: Vec<String> = Vec::new();
    let mut offices_in = |text: &str| {
        let hits = offices::find_offices(text);
        for h in &hits {
            if !office_names.contains(&h.name) {
                office_names.push(h.name.clone());
            }
        }
        hits
    };
    let masker = Masker::new(source);
    let mut found = Found::default();
    if let Some(d) = dateline.map(str::trim).filter(|d| !d.is_empty()) {
        if let Some((name, province)) = city_target(d) {
            found.add(Resolved::City { name, province });
        } else if let Some(&i) = g.province_lookup.get(&normalise(d)) {
            found.add(Resolved::Province(i));
        } else {
            scan(&masker.mask(d), true, true, &mut found);
        }
    }
    if let Some(t) = title {
        let hits = offices_in(t);
        scan(&masker.mask_with(t, &hits), true, false, &mut found);
    }
    let hits = offices_in(body);
    scan(&masker.mask_with(body, &hits), false, false, &mut found);
    found.settle();

    let mut provinces: Vec<ProvinceRef> =
        found.provinces.iter().map(|&i| g.province_ref(i)).collect();
    provinces.sort();
    let cities = found.cities.iter().map(|&(name, p)| g.city_ref(name, p)).collect();
    Places { provinces, cities, offices: office_names }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provs(body: &str) -> Vec<String> {
        find_places(None, body, None, None).0.into_iter().map(|p| p.name).collect()
    }

    fn cities(body: &str) -> Vec<String> {
        find_places(None, body, None, None).1.into_iter().map(|c| c.name).collect()
    }

    fn codes(
        title: Option<&str>,
        body: &str,
        dateline: Option<&str>,
        source: Option<&str>,
    ) -> Vec<String> {
        find_places(title, body, dateline, source).0.into_iter().map(|p| p.code).collect()
    }

    #[test]
    fn province_names_and_abbreviations() {
        assert_eq!(codes(None, "Pekerja di Jawa Timur dan Sumut.", None, None), ["12", "35"]);
        assert_eq!(codes(None, "BPJS Ketenagakerjaan Jatim", None, None), ["35"]);
        assert_eq!(codes(None, "BPJS Ketenagakerjaan JATIM", None, None), ["35"]);
        assert!(codes(None, "kata jatim dan sumut", None, None).is_empty());
        assert_eq!(codes(None, "Warga DIY dan NTB", None, None), ["34", "52"]);
        assert!(codes(None, "warga Diy dan Ntb", None, None).is_empty());
        assert_eq!(codes(None, "di Sumatra Utara", None, None), ["12"]);
    }

    #[test]
    fn names_need_their_capitals() {
        assert!(provs("bali adalah kata").is_empty());
        assert!(provs("di medan kerja yang berat").is_empty());
        assert!(codes(None, "MEDAN KERJA", None, None).is_empty());
    }

    #[test]
    fn common_word_names_need_context() {
        assert!(
            cities("Medan kerja itu berat.").is_empty()
                || provs("Medan kerja itu berat.").is_empty()
        );
        assert_eq!(cities("Acara di Medan berlangsung."), ["Medan"]);
        assert_eq!(cities("Pemkot Medan menyambut."), ["Medan"]);
        assert!(cities("Serangan itu terjadi. Mereka serang balik.").is_empty());
        assert_eq!(cities("Kantor di Serang ramai."), ["Serang"]);
        assert!(provs("Harga batu bara naik; Batu bara juga.").is_empty());
        assert_eq!(cities("Bupati Batu Bara meninjau."), ["Batu Bara"]);
        assert_eq!(codes(None, "Kota Batu sejuk", None, None), ["35"]);
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(codes(None, "Provinsi Kepulauan Riau", None, None), ["21"]);
        assert_eq!(codes(None, "Kepulauan Riau dan Riau", None, None), ["14", "21"]);
        let (p, c) = find_places(None, "Kantor di Jakarta Selatan", None, None);
        assert_eq!(p.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["31"]);
        assert_eq!(c.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Jakarta Selatan"]);
        let (p, c) = find_places(None, "Kantor pusat di Jakarta.", None, None);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].code, "31");
        assert!(c.is_empty());
    }

    #[test]
    fn regions_consume_without_a_province() {
        assert!(provs("Kantor Wilayah Bali Nusra Papua").is_empty());
        assert!(provs("Kanwil Bali Nusra").is_empty());
        assert!(provs("Kanwil Sulawesi Maluku dan Sumbagut").is_empty());
        assert!(provs("Kantor Wilayah Kalimantan").is_empty());
        assert_eq!(provs("di Kalimantan Selatan"), ["Kalimantan Selatan"]);
    }

    #[test]
    fn publishers_are_masked() {
        let body = "BANJARMASIN, KALTENGTERKINI.CO.ID – Kepala BPJS bicara.";
        assert_eq!(codes(None, body, None, None), ["63"]);
        assert!(codes(None, "Sumber: kaltengterkini.co.id", None, None).is_empty());
        assert!(codes(None, "dikutip dari Kalteng Pos", None, None).is_empty());
        assert!(codes(None, "menurut Sumut Pos", None, Some("Sumut Pos")).is_empty());
        assert!(codes(None, "JATIMTIMES memberitakan", None, None).is_empty());
    }

    #[test]
    fn publisher_words_without_a_domain() {
        assert!(codes(None, "KALTENGTERKINI melaporkan", None, None).is_empty());
        assert_eq!(codes(None, "Pekerja Kalteng dan KALTENG", None, None), ["62"]);
        assert!(
            codes(None, "BANJARMASIN, KALTENGTERKINI.CO.ID –", None, Some("KALTENGTERKINI.CO.ID"))
                .contains(&"63".to_string())
        );
        assert!(codes(None, "Tribun Medan: isi", None, Some("Tribun Medan")).is_empty());
    }

    #[test]
    fn towns_and_abbreviated_cities() {
        let (p, c) =
            find_places(None, "Warga Jaksel dan Solo datang ke Pangkalan Bun.", None, None);
        let c: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(c, ["Jakarta Selatan", "Pangkalan Bun"]);
        assert_eq!(p.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["31", "62"]);
        assert_eq!(cities("Hadir di Solo."), ["Surakarta"]);
        assert_eq!(resolve_city("Jaksel").unwrap().name, "Jakarta Selatan");
    }

    #[test]
    fn datelines_count() {
        assert_eq!(codes(None, "isi berita", Some("Medan"), None), ["12"]);
        assert_eq!(codes(None, "isi berita", Some("PANGKALAN BUN"), None), ["62"]);
        assert_eq!(codes(None, "isi berita", Some("Jakarta"), None), ["31"]);
        let (_, c) = find_places(None, "isi", Some("Banjarmasin"), None);
        assert_eq!(c[0].name, "Banjarmasin");
        assert_eq!(codes(None, "Medan (ANTARA) - isi berita", None, None), ["12"]);
        assert_eq!(codes(None, "Liputan6.com, Medan Warga", None, None), ["12"]);
    }

    #[test]
    fn idiom_yields_nothing() {
        assert!(provs("pekerja dari Sabang sampai Merauke").is_empty());
        assert!(provs("perbatasan dengan Papua Nugini").is_empty());
        assert_eq!(codes(None, "Kabupaten Merauke", None, None), ["93"]);
    }

    #[test]
    fn banjar_needs_its_prefix_or_a_neighbour() {
        assert_eq!(codes(None, "Kota Banjar", None, None), ["32"]);
        assert_eq!(codes(None, "Kabupaten Banjar", None, None), ["63"]);
        assert!(codes(None, "di Banjar", None, None).is_empty());
        assert_eq!(codes(None, "di Banjar dan Banjarmasin", None, None), ["63"]);
    }

    #[test]
    fn headline_capitals() {
        assert_eq!(codes(Some("PEKERJA SURABAYA TERLINDUNGI"), "", None, None), ["35"]);
        assert!(codes(None, "PEKERJA SURABAYA TERLINDUNGI", None, None).is_empty());
    }

    #[test]
    fn odd_input_never_panics() {
        let odd = "😀 Medan\u{301} ́ “Jawa” \" ' é Surabaya😀 KOTA é\u{200b}Bali di é";
        let _ = find_places(Some(odd), odd, Some(odd), Some(odd));
        let long = "Gubernur ".repeat(10_000) + &"di Medan ".repeat(2000);
        assert_eq!(codes(None, &long, None, None), ["12"]);
        for s in ["", "di", "Kota", "Kota ", "\u{1}", ".co.id", "Kab. ", "di ", "(", "é,"] {
            let _ = find_places(Some(s), s, Some(s), Some(s));
        }
    }

    /// The scan [`scan`] replaced: the unanchored automaton from every
    /// position after the last accepted or rejected hit.
    fn scan_unanchored(text: &str, caps: bool, dateline: bool, found: &mut Found) {
        let g = &*GAZETTEER;
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = g.automaton().find(Input::new(text).range(pos..)) else { break };
            let (start, end) = (m.start(), m.end());
            let p = &g.patterns[m.pattern().as_usize()];
            let bounded = text[..start].chars().next_back().is_none_or(|c| !is_word_char(c))
                && text[end..].chars().next().is_none_or(|c| !is_word_char(c));
            let prefix = prefix_before(text, start);
            let case_ok = p.case == CaseRule::AsWritten
                || caps
                || dateline
                || dateline_like(text, start, end);
            let context_ok = !p.context_required
                || dateline
                || prefix.is_some()
                || context_word_before(text, start)
                || dateline_like(text, start, end);
            if bounded && case_ok && context_ok {
                found.add(resolve(p, prefix));
                pos = end;
            } else {
                pos = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_word_start_scan_finds_what_the_unanchored_scan_finds(
            text in r"(?:[a-z ]{0,6}|Medan|MEDAN|Kota |Kab\. |di |dari |Bupati |Jawa Timur|Jawa|Sumut|Jatim|JATIM|DIY|Batu Bara|Batu|Banjar|Banjarmasin|Kepulauan Riau|Riau|Papua Nugini|Papua|Kalimantan|Bali Nusra|Serang|Solo|Jaksel|\n|, |\(|-|é|É|9|x){0,14}",
            caps in proptest::bool::ANY,
            dateline in proptest::bool::ANY,
        ) {
            let (mut a, mut b) = (Found::default(), Found::default());
            scan(&text, caps, dateline, &mut a);
            scan_unanchored(&text, caps, dateline, &mut b);
            proptest::prop_assert_eq!(a.provinces, b.provinces);
            proptest::prop_assert_eq!(a.cities, b.cities);
            proptest::prop_assert_eq!(a.ambiguous, b.ambiguous);
        }
    }

    fn seed(prefix: &str) -> Option<String> {
        crate::test_support::seed_text(prefix)
    }

    #[test]
    fn seeds() {
        let want: [(&str, &[&str], &[&str]); 5] = [
            ("000", &["12", "14", "16", "31", "33", "35", "36", "72"], &["Medan"]),
            ("001", &["35"], &["Surabaya"]),
            ("002", &["12"], &["Medan"]),
            ("003", &["62", "63"], &["Banjarmasin", "Pangkalan Bun"]),
            ("004", &["31"], &[]),
        ];
        if let Some(text) = seed("003") {
            let got = codes(None, &text, Some("BANJARMASIN"), Some("KALTENGTERKINI.CO.ID"));
            assert_eq!(got, ["62", "63"]);
        }
        for (prefix, provinces, city_names) in want {
            let Some(text) = seed(prefix) else { continue };
            let (p, c) = find_places(None, &text, None, None);
            let p: Vec<&str> = p.iter().map(|p| p.code.as_str()).collect();
            let c: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(p, provinces, "seed {prefix} provinces");
            assert_eq!(c, city_names, "seed {prefix} cities");
        }
    }
}
