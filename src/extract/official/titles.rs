//! The title lexicon: which capitalised words open an official's mention,
//! what they expand to ("Kadisnaker" → "Kepala Dinas Tenaga Kerja") and how
//! the words after them are read (a free unit, a ministry field, a region, an
//! office of BPJS Ketenagakerjaan …).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// Which BPJS Ketenagakerjaan office level a title heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Office {
    /// Kantor Wilayah (regional office).
    Wilayah,
    /// Kantor Cabang (branch).
    Cabang,
    /// Kantor Cabang Perintis (pioneer branch).
    Perintis,
    /// "Kepala Kantor …": the level follows ("… Wilayah X", "… Cabang X").
    Any,
}

/// How the words after a title are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A free unit follows ("Direktur Kepesertaan", "Deputi Komunikasi").
    Unit,
    /// A ministry field follows ("Menteri Ketenagakerjaan").
    Minister {
        /// "Menko …": the field names a coordinating ministry.
        coordinator: bool,
    },
    /// The abbreviation already names role and organisation ("Menaker").
    Fixed(&'static str),
    /// Head of a BPJS Ketenagakerjaan office; the office's place joins the role.
    Office(Office),
    /// Bare "Kepala": needs an organisation or place after it.
    Head,
    /// Gubernur: organisation "Pemprov <province>".
    Governor,
    /// Bupati: organisation "Pemkab <regency>".
    Regent,
    /// Wali Kota: organisation "Pemkot <city>".
    Mayor,
    /// Head of a local agency; organisation "<prefix> <place as written>".
    LocalAgency(&'static str),
    /// Any other title; `anchored` ones need an organisation or place after them.
    Generic {
        /// Needs an organisation or place before the name.
        anchored: bool,
    },
}

/// One title as written, its expansion and kind.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Title {
    /// The expanded role ("Kepala Kantor Wilayah").
    pub role: &'static str,
    pub kind: Kind,
}

const G: Kind = Kind::Generic { anchored: false };
const GA: Kind = Kind::Generic { anchored: true };

/// The title lexicon (`titles.tsv`, embedded): written form, role, kind.
static LEXICON: LazyLock<Vec<(&'static str, &'static str, Kind)>> =
    LazyLock::new(|| parse_lexicon(include_str!("titles.tsv")));

/// The kind named in the table's third column.
fn parse_kind(s: &'static str) -> Option<Kind> {
    let office = |level: &str| match level {
        "wilayah" => Some(Office::Wilayah),
        "cabang" => Some(Office::Cabang),
        "perintis" => Some(Office::Perintis),
        "any" => Some(Office::Any),
        _ => None,
    };
    Some(match s.split_once(':') {
        Some(("fixed", org)) => Kind::Fixed(org),
        Some(("agency", org)) => Kind::LocalAgency(org),
        Some(("office", level)) => Kind::Office(office(level)?),
        Some(_) => return None,
        None => match s {
            "unit" => Kind::Unit,
            "minister" => Kind::Minister { coordinator: false },
            "coordinator" => Kind::Minister { coordinator: true },
            "head" => Kind::Head,
            "governor" => Kind::Governor,
            "regent" => Kind::Regent,
            "mayor" => Kind::Mayor,
            "generic" => G,
            "anchored" => GA,
            _ => return None,
        },
    })
}

/// Rows of `titles.tsv`: `#` comments, a header, then written, role, kind.
/// A malformed row is a bug in the embedded table: it panics, naming the row.
fn parse_lexicon(data: &'static str) -> Vec<(&'static str, &'static str, Kind)> {
    let mut rows = data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header = rows.next().unwrap_or_default();
    assert_eq!(header, "written\trole\tkind", "titles.tsv: bad header");
    rows.map(|line| {
        let cols: Vec<&'static str> = line.split('\t').collect();
        let kind = cols.get(2).and_then(|k| parse_kind(k.trim()));
        match (cols.len(), kind) {
            (3, Some(kind)) => (cols[0].trim(), cols[1].trim(), kind),
            _ => panic!("titles.tsv: bad row {line:?}"),
        }
    })
    .collect()
}

/// Every title as written, for the typo lexicon.
pub(crate) fn lexicon_words() -> impl Iterator<Item = String> {
    LEXICON.iter().map(|t| t.0.to_string())
}

/// Acting/interim prefixes as written → normalised.
const PREFIXES: &[(&str, &str)] = &[
    ("Pelaksana Tugas", "Plt."),
    ("Pelaksana Harian", "Plh."),
    ("Penjabat", "Pj."),
    ("Plt.", "Plt."),
    ("Plt", "Plt."),
    ("Plh.", "Plh."),
    ("Plh", "Plh."),
    ("Pj.", "Pj."),
    ("Pj", "Pj."),
    ("PPS", "PPS"),
    ("Pps.", "PPS"),
    ("Pps", "PPS"),
];

/// Words before a title that make it part of a document or place name
/// ("Peraturan Gubernur", "Kantor Bupati"), not a person's office.
pub(crate) const NOT_A_PERSON_BEFORE: &[&str] = &[
    "Peraturan",
    "Keputusan",
    "Instruksi",
    "Edaran",
    "Surat",
    "Kantor",
    "Rumah",
    "Pendopo",
    "Istana",
    "Pemilihan",
    "Calon",
    "Mantan",
    "eks",
    "Eks",
];

/// The title regex and the maps from matched text to entries.
pub(crate) struct Titles {
    pub regex: Regex,
    by_written: HashMap<&'static str, Title>,
    prefixes: HashMap<&'static str, &'static str>,
    /// The acting prefixes in the order of the regex's alternation.
    prefix_order: Vec<&'static str>,
}

/// One match of [`Titles::regex`] as byte ranges: the whole match, its
/// `pre` group (an acting prefix) and its `title` group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TitleHit {
    pub start: usize,
    pub end: usize,
    pub pre: Option<(usize, usize)>,
    pub title: (usize, usize),
}

pub(crate) static TITLES: LazyLock<Titles> = LazyLock::new(|| {
    let mut written: Vec<&str> = LEXICON.iter().map(|t| t.0).collect();
    written.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut prefixes: Vec<&str> = PREFIXES.iter().map(|p| p.0).collect();
    prefixes.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alt = |ws: &[&str]| ws.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    let pattern = format!(r"\b(?:(?P<pre>{})\s+)?(?P<title>{})\b", alt(&prefixes), alt(&written));
    Titles {
        regex: Regex::new(&pattern).unwrap(),
        by_written: LEXICON.iter().map(|&(w, role, kind)| (w, Title { role, kind })).collect(),
        prefixes: PREFIXES.iter().copied().collect(),
        prefix_order: prefixes,
    }
});

impl Titles {
    /// The entry for a title as matched by [`Titles::regex`].
    pub(crate) fn get(&self, written: &str) -> Option<Title> {
        self.by_written.get(written).copied()
    }

    /// The matches of [`Titles::regex`] in `text` with their groups, as
    /// `regex.captures_iter(text)` gives them. Only the match is searched
    /// for (a DFA search); its groups are read from the matched text by
    /// [`Titles::split`], without the slower search that tracks groups.
    pub(crate) fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = TitleHit> + 't {
        self.regex.find_iter(text).map(|m| self.split(text, m.start(), m.end()))
    }

    /// The groups of the match `start..end`. The regex takes a prefix when
    /// it can (the optional group is greedy), trying prefixes in the
    /// alternation's order; a path ends at a title followed by `\b`, so of
    /// the paths through a prefix the one taken is the one whose title ends
    /// where the match ends (an earlier-preferred path would have ended the
    /// match elsewhere). So the first prefix that opens the match, followed
    /// by white space (`\s+`, greedy; no title starts with white space) and
    /// by a title running to the match's end, is the `pre` group; without
    /// one, the whole match is the title.
    fn split(&self, text: &str, start: usize, end: usize) -> TitleHit {
        let matched = &text[start..end];
        for p in &self.prefix_order {
            let Some(rest) = matched.strip_prefix(p) else { continue };
            // `trim_start` strips White_Space, the property `\s` matches.
            let title = rest.trim_start();
            if title.len() < rest.len() && self.by_written.contains_key(title) {
                let pre = Some((start, start + p.len()));
                return TitleHit { start, end, pre, title: (end - title.len(), end) };
            }
        }
        TitleHit { start, end, pre: None, title: (start, end) }
    }

    /// The normalised form of an acting prefix ("Pj" → "Pj.").
    pub(crate) fn prefix(&self, written: &str) -> Option<&'static str> {
        self.prefixes.get(written).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_written_title_is_found_whole() {
        let t = &*TITLES;
        for (w, _, _) in LEXICON.iter() {
            let caps = t.regex.captures(w).unwrap();
            assert_eq!(&caps["title"], *w);
            assert!(t.get(w).is_some());
        }
    }

    #[test]
    fn the_table_parses_and_bad_rows_are_named() {
        assert!(LEXICON.len() > 100);
        assert_eq!(parse_kind("fixed:Polri"), Some(Kind::Fixed("Polri")));
        assert_eq!(parse_kind("office:cabang"), Some(Kind::Office(Office::Cabang)));
        assert_eq!(parse_kind("office:desa"), None);
        assert_eq!(parse_kind("boss"), None);
        let bad = std::panic::catch_unwind(|| parse_lexicon("written\trole\tkind\nKetua\tKetua\n"));
        assert!(bad.is_err());
    }

    #[test]
    fn prefixes_are_captured() {
        let t = &*TITLES;
        let caps = t.regex.captures("oleh Pj. Gubernur Sumut").unwrap();
        assert_eq!(&caps["pre"], "Pj.");
        assert_eq!(&caps["title"], "Gubernur");
        assert_eq!(t.prefix("Pelaksana Tugas"), Some("Plt."));
        let caps = t.regex.captures("Plt Kepala Kantor Cabang X").unwrap();
        assert_eq!(&caps["title"], "Kepala Kantor Cabang");
    }

    #[test]
    fn titles_need_word_boundaries_and_capitals() {
        let t = &*TITLES;
        assert!(t.regex.find("kepala sekolah").is_none());
        assert!(t.regex.find("Kepalanya").is_none());
        assert!(t.regex.find("Direkturnya").is_none());
    }

    /// What `captures_iter` gives, as [`TitleHit`]s.
    fn by_captures(text: &str) -> Vec<TitleHit> {
        let range = |m: regex::Match<'_>| (m.start(), m.end());
        TITLES
            .regex
            .captures_iter(text)
            .map(|c| TitleHit {
                start: c.get(0).unwrap().start(),
                end: c.get(0).unwrap().end(),
                pre: c.name("pre").map(range),
                title: range(c.name("title").unwrap()),
            })
            .collect()
    }

    #[test]
    fn groups_are_read_as_the_regex_captures_them() {
        for text in [
            "oleh Pj. Gubernur Sumut",
            "Plt Kepala Kantor Cabang X dan Pj Bupati Y",
            "Pelaksana Tugas\u{a0} Kepala Dinas",
            "Pj.Gubernur, Plt  Plt Direktur, Pps Ketua",
            "PjGubernur éPlt Direkturé Plt\nDirektur",
            "Pelaksana Harian Wakil Direktur Utama",
        ] {
            let hits: Vec<TitleHit> = TITLES.find_iter(text).collect();
            assert_eq!(hits, by_captures(text), "{text}");
        }
        let hit = TITLES.find_iter("Plt Kepala Kantor Cabang X").next().unwrap();
        assert_eq!((hit.pre, hit.title), (Some((0, 3)), (4, 24)));
    }

    /// Texts made of prefixes, titles, white space, letters and marks.
    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let mut words: Vec<&'static str> = PREFIXES.iter().map(|p| p.0).collect();
        words.extend(LEXICON.iter().map(|t| t.0));
        let words = proptest::sample::select(words);
        let glue = proptest::sample::select(vec![
            " ", " ", "  ", "\u{a0}", "\n", "", ".", ", ", "é", "x", "nya ", "1", "\u{2003}", "-",
        ]);
        proptest::collection::vec((words, glue), 0..12)
            .prop_map(|v| v.into_iter().flat_map(|(w, g)| [w, g]).collect())
    }

    proptest::proptest! {
        #[test]
        fn find_iter_agrees_with_captures_iter(text in pieces()) {
            let hits: Vec<TitleHit> = TITLES.find_iter(&text).collect();
            proptest::prop_assert_eq!(hits, by_captures(&text));
        }
    }
}
