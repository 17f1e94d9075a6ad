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
//! "KALTENGTERKINI.CO.ID" never yields Kalimantan Tengah.

mod gazetteer;
mod offices;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use aho_corasick::{Anchored, Input};
use regex::Regex;

use crate::extract::article::{CityRef, ProvinceRef};
use gazetteer::{CaseRule, CityKind, GAZETTEER, Pattern, Target};

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

/// Publisher names that contain a place abbreviation.
const PUBLISHERS: &[&str] = &[
    "Kalteng Pos",
    "Sumut Pos",
    "Jatim Times",
    "JatimTimes",
    "Radar Jabar",
    "Kaltim Post",
    "Bali Post",
    "Riau Pos",
    "Lampung Post",
    "Jabar Ekspres",
];

/// Site names such as "KALTENGTERKINI.CO.ID" or "Liputan6.com".
static SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:co\.id|or\.id|go\.id|ac\.id|web\.id|my\.id|com|id|net|org|co|news|tv|info)\b")
        .unwrap()
});

const MASK: char = '\u{1}';

/// Whether `text` has a dot followed by an ASCII letter, which every match
/// of [`SITE`] has before its top-level domain. Splitting at `.` jumps from
/// dot to dot with a fast byte search instead of looking at every byte pair.
fn may_hold_site(text: &str) -> bool {
    text.split('.')
        .skip(1)
        .any(|after| after.as_bytes().first().is_some_and(u8::is_ascii_alphabetic))
}

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

/// Known publisher names, as one case-insensitive regex.
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    let alt: Vec<String> = PUBLISHERS.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", alt.join("|"))).unwrap()
});

/// Non-overlapping occurrences of `needle` in `text`, left to right, ASCII
/// letters in any case, as byte ranges: what a one-pattern, ASCII
/// case-insensitive Aho-Corasick search finds, without building an
/// automaton per article. An empty needle finds nothing.
fn find_ascii_ci<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let (hay, pat) = (text.as_bytes(), needle.as_bytes());
    let mut pos = 0;
    std::iter::from_fn(move || {
        let first = pat.first()?.to_ascii_lowercase();
        let last_start = hay.len().checked_sub(pat.len())?;
        while pos <= last_start {
            // A tight loop over one byte compare finds the candidates; only
            // they are compared in full.
            let Some(k) =
                hay[pos..=last_start].iter().position(|b| b.to_ascii_lowercase() == first)
            else {
                pos = hay.len() + 1;
                return None;
            };
            let i = pos + k;
            if hay[i..i + pat.len()].eq_ignore_ascii_case(pat) {
                pos = i + pat.len();
                return Some((i, pos));
            }
            pos = i + 1;
        }
        None
    })
}

/// Masks publisher and site names in the texts of one article.
struct Masker<'s> {
    /// The article's own publisher name (3 to 100 characters), any ASCII case.
    source: Option<&'s str>,
}

impl<'s> Masker<'s> {
    fn new(source: Option<&'s str>) -> Self {
        let source = source.map(str::trim).filter(|s| (3..=100).contains(&s.chars().count()));
        Masker { source }
    }

    /// The text with publisher names and site names replaced by `MASK`
    /// characters of the same byte length, so offsets stay valid.
    /// Borrows `text` when nothing is masked (most texts), saving a copy.
    fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.mask_with(text, &[])
    }

    /// [`Masker::mask`], also masking the territories of regional offices.
    fn mask_with<'t>(&self, text: &'t str, offices: &[offices::OfficeHit]) -> Cow<'t, str> {
        // A site name needs a dot followed by a letter (`.com`, `.co.id`):
        // most texts have none, and the site regex is slow on non-ASCII text.
        let sites = may_hold_site(text).then(|| SITE.find_iter(text)).into_iter().flatten();
        let mut spans: Vec<(usize, usize)> = sites
            .chain(PUBLISHER.find_iter(text))
            .map(|m| (m.start(), m.end()))
            .chain(self.source.iter().flat_map(|s| find_ascii_ci(text, s)))
            .chain(offices.iter().filter(|o| o.masked).map(|o| (o.start, o.end)))
            .filter(|&(s, e)| {
                text[..s].chars().next_back().is_none_or(|c| !is_word_char(c))
                    && text[e..].chars().next().is_none_or(|c| !is_word_char(c))
            })
            .collect();
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        spans.sort_unstable();
        let mut out = String::with_capacity(text.len());
        let mut next = spans.iter().peekable();
        let mut covered_to = 0;
        for (i, c) in text.char_indices() {
            while let Some(&&(s, e)) = next.peek() {
                if s > i {
                    break;
                }
                covered_to = covered_to.max(e);
                next.next();
            }
            if i < covered_to {
                out.extend(std::iter::repeat_n(MASK, c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    }
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
fn scan(text: &str, caps: bool, dateline: bool, found: &mut Found) {
    let g = &*GAZETTEER;
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = g.automaton().find(Input::new(text).range(pos..)) else { break };
        let (start, end) = (m.start(), m.end());
        let p = &g.patterns[m.pattern().as_usize()];
        let bounded = text[..start].chars().next_back().is_none_or(|c| !is_word_char(c))
            && text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        let prefix = prefix_before(text, start);
        let case_ok =
            p.case == CaseRule::AsWritten || caps || dateline || dateline_like(text, start, end);
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

/// Lowercased, single-spaced.
fn normalise(q: &str) -> String {
    q.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A query split into its written prefix (any case) and the bare name, lowercased.
fn split_prefix(q: &str) -> (Option<Prefix>, String) {
    let n = normalise(q);
    for &(p, kind) in NAME_PREFIXES {
        if let Some(rest) = n.strip_prefix(&p.to_lowercase()) {
            return (Some(kind), rest.to_string());
        }
    }
    (None, n)
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
fn city_target(q: &str) -> Option<(&'static str, usize)> {
    let g = &*GAZETTEER;
    let whole = normalise(q);
    let (prefix, bare) = match g.city_lookup.contains_key(&whole) {
        true => (None, whole),
        false => split_prefix(q),
    };
    if prefix == Some(Prefix::Provinsi) {
        return None;
    }
    if let Some(r) = g.regencies.iter().find(|r| r.code == bare) {
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
    use super::*;

    #[test]
    fn the_site_prefilter_never_hides_a_site_name() {
        for text in ["kabar dari detik.com hari ini", "Kompas.ID", "x.co.id", "a.b"] {
            assert_eq!(may_hold_site(text), SITE.is_match(text) || text == "a.b", "{text}");
        }
        assert!(!may_hold_site("Rp1.500 untuk 3. pekerja; akhir."));
        assert!(!may_hold_site("a. .. .1 .é"));
        assert!(may_hold_site(".a") && may_hold_site("..Z") && may_hold_site("é.x"));
    }

    #[test]
    fn masking_borrows_when_nothing_is_masked() {
        let m = Masker::new(Some("Liputan6.com"));
        assert!(matches!(m.mask("Gubernur Jawa Timur"), Cow::Borrowed(_)));
        assert_eq!(m.mask("LIPUTAN6.COM, Surabaya").find(','), Some(12));
        assert!(m.mask("LIPUTAN6.COM, Surabaya").starts_with(MASK));
    }

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
    fn ascii_case_insensitive_search_matches_aho_corasick() {
        let cases = [
            ("Liputan6.com LIPUTAN6.COM liputan6.comliputan6.com", "Liputan6.com"),
            ("aaaa", "aa"),
            ("Kompas — kompas.id KOMPAS", "Kompas"),
            ("café CAFÉ Café", "café"),
            ("ab", "abc"),
            ("", "abc"),
            ("xLiputan6.co LIPUTAN6.COM", "Liputan6.com"),
            ("aab AB", "ab"),
            ("ba", "a"),
        ];
        for (text, needle) in cases {
            let ac = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([needle])
                .unwrap();
            let want: Vec<(usize, usize)> =
                ac.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(find_ascii_ci(text, needle).collect::<Vec<_>>(), want, "{text}");
        }
        assert_eq!(find_ascii_ci("abc", "").count(), 0);
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
