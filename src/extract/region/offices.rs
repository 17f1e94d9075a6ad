//! BPJS Ketenagakerjaan regional offices (Kanwil) named in a text.
//!
//! An office's name says where its territory is, not where the story
//! happened: "Kepala Kanwil Bali Nusra Papua" in a Denpasar story must not
//! make it a Papua story. An office is a run of province and region names
//! (joined by spaces, commas, dashes, `&`, `/`, "dan", "serta") written after
//! "Kanwil", "Kantor Wilayah", "Wilayah" or the agency's name. The run is an
//! office's territory when it spells one of `offices.tsv`, or when it names
//! two places or more right after the agency or an office word (the press
//! also writes territories no table lists: "BPJS Ketenagakerjaan Papua Barat
//! dan Papua Barat Daya"). Its span is masked before places are matched and
//! the office is kept as its own value (the `org` facet). A single province
//! after an office word ("Kanwil Jawa Timur") is recorded as the office but
//! still counts as a place: the office sits in that province.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::gazetteer::{CaseRule, GAZETTEER, Target};
use super::{is_word_char, window_before};

const DATA: &str = include_str!("offices.tsv");

/// The offices table: normalised territory spelling → office name.
static OFFICES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    let rows = DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1);
    for row in rows {
        let cells: Vec<&str> = row.split('\t').collect();
        let (name, territories) = (cells[0], cells.get(1).copied().unwrap_or(""));
        for t in territories.split('|').filter(|t| !t.is_empty()) {
            map.insert(key(t), name);
        }
    }
    map
});

/// Words before a territory that make it an office's. Several may follow
/// each other ("Kantor Wilayah BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan
/// untuk wilayah"). One ASCII case-insensitive Aho-Corasick pass finds them
/// (a regex over every body cost a twentieth of extraction).
const TRIGGER_WORDS: &[&str] = &[
    "kanwil",
    "kakanwil",
    "kantor wilayah",
    "wilayah",
    "bpjs ketenagakerjaan",
    "bpjs) ketenagakerjaan",
    "bpjamsostek",
    "bp jamsostek",
    "jamsostek",
];

static TRIGGERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // A DFA: the automaton is tiny and runs over every body.
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .build(TRIGGER_WORDS)
        .unwrap()
});

/// The longest trigger word, in bytes.
const TRIGGER_MAX: usize = 21;

/// Whether the byte at `r` is the key byte of a piece every trigger word
/// holds (ASCII, any case): the `w` of `wil` (kanwil, wilayah), the `j` of
/// `pj` (bpjs, bpjamsostek) or of `jams` (jamsostek).
fn is_key(hay: &[u8], r: usize) -> bool {
    let at = |i: usize, piece: &[u8]| {
        hay.get(i..i + piece.len()).is_some_and(|w| w.eq_ignore_ascii_case(piece))
    };
    match hay[r] | 0x20 {
        b'w' => at(r, b"wil"),
        b'j' => (r > 0 && (hay[r - 1] | 0x20) == b'p') || at(r, b"jams"),
        _ => false,
    }
}

/// The first trigger word starting at or after `from`: what
/// `TRIGGERS.find(Input::new(text).range(from..))` finds, without running
/// the automaton over the whole text. Every trigger holds a key byte (see
/// [`is_key`]), found by `memchr2`; a match starting at or before the first
/// key byte `q` at or after `from` holds a key byte at `q` or later and so
/// lies within `TRIGGER_MAX` bytes of `q`: the automaton reads only that
/// window, and when its leftmost match starts after `q` (or there is none),
/// no match starts at or before `q`.
fn find_trigger(text: &str, mut from: usize) -> Option<aho_corasick::Match> {
    let hay = text.as_bytes();
    // The next `w`/`W` and `j`/`J` at or after `from` (`usize::MAX`: none).
    let next = |from: usize, a: u8| {
        memchr::memchr2(a, a.to_ascii_uppercase(), hay.get(from..)?).map(|k| from + k)
    };
    let (mut w, mut j) = (next(from, b'w'), next(from, b'j'));
    loop {
        let q = match (w, j) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => return None,
        };
        if is_key(hay, q) {
            let window =
                from.max((q + 1).saturating_sub(TRIGGER_MAX))..hay.len().min(q + TRIGGER_MAX);
            match TRIGGERS.find(Input::new(text).range(window)) {
                Some(m) if m.start() <= q => return Some(m),
                _ => from = q + 1,
            }
        }
        if w == Some(q) {
            w = next(q + 1, b'w');
        } else {
            j = next(q + 1, b'j');
        }
    }
}

/// The trigger words starting at or after `from`: the start of the first
/// and the offset after the chain and the spaces that follow it (where a
/// territory would start), or `None` when there are no more.
fn next_trigger(text: &str, mut from: usize) -> Option<(usize, usize)> {
    loop {
        let m = find_trigger(text, from)?;
        from = m.end();
        if text[..m.start()].chars().next_back().is_some_and(is_word_char) {
            continue;
        }
        let mut end = m.end();
        loop {
            let rest = &text[end..];
            let spaced = rest.trim_start_matches([' ', '\u{a0}', '\t', '\n']);
            if spaced.len() == rest.len() {
                break; // glued to a word: no trigger
            }
            let at = text.len() - spaced.len();
            let at =
                spaced.get(..6).filter(|w| w.eq_ignore_ascii_case("untuk ")).map_or(at, |_| at + 6);
            match TRIGGERS.find(Input::new(text).range(at..).anchored(Anchored::Yes)) {
                Some(next) if !text[next.end()..].starts_with(is_word_char) => end = next.end(),
                _ => return Some((m.start(), at)),
            }
        }
    }
}

/// A territory spelling compared word by word: lowercased, separators and
/// the conjunctions "dan"/"serta" dropped.
fn key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty() && !w.eq_ignore_ascii_case("dan") && !w.eq_ignore_ascii_case("serta")
        })
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One office named in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OfficeHit {
    /// Byte range of the territory (the part that is masked).
    pub start: usize,
    pub end: usize,
    /// The office's name for the `org` facet.
    pub name: String,
    /// Whether the territory is masked for place matching (two places or
    /// more, or a known multi-province office).
    pub masked: bool,
}

/// A province or region name written exactly at `pos` (as the gazetteer
/// spells it, ending at a word boundary): its end.
fn place_item(text: &str, pos: usize) -> Option<usize> {
    let g = &*GAZETTEER;
    let m = g.automaton().find(Input::new(text).range(pos..).anchored(Anchored::Yes))?;
    if text[m.end()..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    let p = &g.patterns[m.pattern().as_usize()];
    let is_area = p.targets.iter().any(|t| matches!(t, Target::Province(_) | Target::Region));
    (p.case == CaseRule::AsWritten && is_area).then_some(m.end())
}

/// After a place item: the separator (spaces, one of `, - – — & /`, then
/// "dan"/"serta") and the offset where the next item would start.
fn after_separator(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let mut s = rest.trim_start_matches([' ', '\u{a0}']);
    if let Some(r) = s.strip_prefix([',', '-', '–', '—', '&', '/']) {
        s = r.trim_start_matches([' ', '\u{a0}']);
    }
    for conj in ["dan ", "serta "] {
        if let Some(r) = s.strip_prefix(conj) {
            s = r.trim_start_matches([' ', '\u{a0}']);
            break;
        }
    }
    text.len() - s.len()
}

/// The run of place names starting at `pos`: its end and the items' spans.
fn place_run(text: &str, pos: usize) -> Option<(usize, Vec<(usize, usize)>)> {
    let mut items = Vec::new();
    let mut at = pos;
    while let Some(end) = place_item(text, at) {
        items.push((at, end));
        at = after_separator(text, end);
        if items.len() >= 6 {
            break;
        }
    }
    let end = items.last()?.1;
    Some((end, items))
}

/// Whether the trigger is only the common word "wilayah" (region, area)
/// without the agency or an office title just before it.
fn bare_area_word(text: &str, trigger: &str, start: usize) -> bool {
    if !trigger.trim_end().eq_ignore_ascii_case("wilayah") {
        return false;
    }
    let before = window_before(text, start, 60).to_lowercase();
    !["bpjs", "jamsostek", "kanwil", "deputi", "kepala", "kantor"]
        .iter()
        .any(|w| before.contains(w))
}

/// The regional offices named in `text`, in order.
pub(crate) fn find_offices(text: &str) -> Vec<OfficeHit> {
    let mut hits = Vec::new();
    let mut from = 0;
    while let Some((start, after)) = next_trigger(text, from) {
        from = after;
        let Some((end, items)) = place_run(text, after) else { continue };
        let written = &text[after..end];
        let k = key(written);
        let known = OFFICES.get(&k).copied();
        let several = items.len() >= 2 || known.is_some_and(|_| is_multi(&k));
        // After the common word "wilayah" alone, only a known office written
        // as one name counts ("wilayah Sulawesi-Maluku"): "wilayah Jawa
        // Timur" and "wilayah Jateng dan DIY" are areas.
        let conjunction = written.contains(" dan ") || written.contains(" serta ");
        if bare_area_word(text, &text[start..after], start)
            && (known.is_none() || !several || conjunction)
        {
            continue;
        }
        let (name, masked) = match known {
            Some(name) => (name.to_string(), several),
            None if several => (format!("BPJS Ketenagakerjaan Wilayah {}", tidy(written)), true),
            None => continue,
        };
        hits.push(OfficeHit { start: after, end, name, masked });
        from = end;
    }
    hits
}

/// Whether a known territory covers more than one province.
fn is_multi(key: &str) -> bool {
    static MULTI: LazyLock<Vec<String>> = LazyLock::new(|| {
        DATA.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .filter_map(|row| {
                let cells: Vec<&str> = row.split('\t').collect();
                (cells.get(2)?.contains(',')).then(|| cells[1].split('|').map(self::key))
            })
            .flatten()
            .collect()
    });
    MULTI.iter().any(|k| k == key)
}

/// A written territory on one line with single spaces.
fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, bool)> {
        find_offices(text).into_iter().map(|h| (h.name, h.masked)).collect()
    }

    #[test]
    fn every_row_is_well_formed() {
        let rows = DATA.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let mut rows = rows.map(|l| l.split('\t').collect::<Vec<_>>());
        assert_eq!(rows.next().unwrap(), ["name", "territories", "covers", "seat"]);
        for r in rows {
            assert_eq!(r.len(), 4, "{r:?}");
            assert!(r[2].split(',').all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_digit())));
        }
        assert!(OFFICES.len() > 30);
    }

    #[test]
    fn every_trigger_word_holds_a_key_byte() {
        for w in TRIGGER_WORDS {
            assert!(w.len() <= TRIGGER_MAX, "{w}");
            let upper = w.to_ascii_uppercase();
            for v in [w.as_bytes(), upper.as_bytes()] {
                assert!((0..v.len()).any(|r| is_key(v, r)), "{w}");
            }
        }
        assert!(TRIGGER_WORDS.iter().any(|w| w.len() == TRIGGER_MAX));
    }

    /// The windowed search finds what the automaton finds over the whole
    /// text, from every offset of texts made of trigger words in any case,
    /// their key pieces, near misses and other words.
    #[test]
    fn the_windowed_trigger_search_matches_the_full_search() {
        const PIECES: &[&str] = &[
            "kanwil",
            "KANWIL",
            "Kanwil",
            "kaNwil",
            "kakanwil",
            "Kantor Wilayah",
            "kantor  wilayah",
            "wilayah",
            "Wilayah",
            "WILAYAH",
            "BPJS Ketenagakerjaan",
            "bpjs) ketenagakerjaan",
            "BPJS",
            "Bpjamsostek",
            "BP Jamsostek",
            "jamsostek",
            "JAMSOS",
            "pj",
            "Pj",
            "wil",
            "jams",
            "w",
            "j",
            "J",
            "W",
            "p",
            " ",
            "  ",
            ", ",
            "(",
            ")",
            "-",
            "\n",
            "Bali",
            "Nusra",
            "kerja",
            "wajib",
            "jaminan",
            "é",
            "Ketenagakerjaan",
            "x",
            "untuk ",
        ];
        let mut next = crate::test_support::splitmix(0x0ff1_ce5e_u64);
        let mut found = 0;
        for _ in 0..3000 {
            let n = 1 + next() % 12;
            let text: String =
                (0..n).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
            for from in 0..=text.len() {
                let full = TRIGGERS.find(Input::new(&text).range(from..));
                assert_eq!(find_trigger(&text, from), full, "{text:?} from {from}");
                found += usize::from(full.is_some());
            }
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn known_offices_in_any_spelling() {
        let m = |n: &str| (n.to_string(), true);
        assert_eq!(
            names(
                "Kepala Kanwil BPJS Ketenagakerjaan Bali, Nusa Tenggara, dan Papua, Budi Santoso, hadir."
            ),
            [m("BPJS Ketenagakerjaan Kanwil Bali Nusra Papua")]
        );
        assert_eq!(
            names("Deputi Direktur Wilayah Jateng-DIY BPJS Ketenagakerjaan menyerahkan santunan."),
            [m("BPJS Ketenagakerjaan Kanwil Jateng DIY")]
        );
        assert_eq!(
            names(
                "kerja sama dengan BPJS Ketenagakerjaan kantor wilayah Sumatera Barat, Riau, dan Kepulauan Riau."
            ),
            [m("BPJS Ketenagakerjaan Kanwil Sumbar Riau Kepri")]
        );
        assert_eq!(
            names("Capaian wilayah Sulawesi-Maluku naik tahun ini."),
            [m("BPJS Ketenagakerjaan Kanwil Sulawesi Maluku")]
        );
    }

    #[test]
    fn unlisted_territories_after_the_agency() {
        assert_eq!(
            names("Kepala BPJS Ketenagakerjaan Papua Barat dan Papua Barat Daya, Anton, berkata."),
            [("BPJS Ketenagakerjaan Wilayah Papua Barat dan Papua Barat Daya".to_string(), true)]
        );
    }

    #[test]
    fn one_province_is_the_office_but_stays_a_place() {
        assert_eq!(
            names("Kepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur meninjau pabrik."),
            [("BPJS Ketenagakerjaan Kanwil Jawa Timur".to_string(), false)]
        );
        // A branch named after its city is no regional office.
        assert!(names("BPJS Ketenagakerjaan Denpasar membuka layanan.").is_empty());
    }

    #[test]
    fn the_common_word_wilayah_is_no_office() {
        assert!(names("Banjir melanda wilayah Jawa Tengah dan Jawa Timur pekan ini.").is_empty());
        assert!(names("Pekerja di seluruh wilayah Provinsi Riau dilindungi.").is_empty());
        assert!(names("Hujan deras di wilayah Jateng dan DIY sore ini.").is_empty());
        assert!(names("Hujan deras di wilayah Jawa Timur sore ini.").is_empty());
    }

    #[test]
    fn an_office_territory_is_no_place_of_the_story() {
        let codes = |body: &str| -> Vec<String> {
            let p = super::super::find_places_and_offices(None, body, None, None);
            p.provinces.into_iter().map(|p| p.code).collect()
        };
        let body = "DENPASAR - Kepala Kanwil BPJS Ketenagakerjaan Bali Nusra Papua, Ani Lestari, \
                    menyerahkan santunan di Denpasar.";
        assert_eq!(codes(body), ["51"]);
        let body = "Deputi Direktur Wilayah Sulawesi Maluku, Budi, berkunjung ke Kota Palu.";
        assert_eq!(codes(body), ["72"]);
        // Named on its own, the province still counts.
        assert_eq!(
            codes("Kanwil Bali Nusra Papua membuka kantor baru di Jayapura, Papua."),
            ["91"]
        );
    }
}
