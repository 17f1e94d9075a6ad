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

/// (written, expansion, kind).
const LEXICON: &[(&str, &str, Kind)] = &[
    ("Direktur Utama", "Direktur Utama", Kind::Unit),
    ("Dirut", "Direktur Utama", Kind::Unit),
    ("Wakil Direktur Utama", "Wakil Direktur Utama", Kind::Unit),
    ("Direktur Jenderal", "Direktur Jenderal", Kind::Unit),
    ("Dirjen", "Direktur Jenderal", Kind::Unit),
    ("Direktur Eksekutif", "Direktur Eksekutif", Kind::Unit),
    ("Direktur", "Direktur", Kind::Unit),
    ("Deputi Direktur Wilayah", "Deputi Direktur Wilayah", Kind::Office(Office::Wilayah)),
    ("Deputi Direktur", "Deputi Direktur", Kind::Unit),
    ("Deputi", "Deputi", Kind::Unit),
    ("Asisten Deputi", "Asisten Deputi", Kind::Unit),
    ("Asisten Deputi Direktur", "Asisten Deputi Direktur", Kind::Unit),
    ("Account Representative", "Account Representative", Kind::Unit),
    ("Account Representatif", "Account Representative", Kind::Unit),
    ("Asisten", "Asisten", Kind::Unit),
    ("Asdep", "Asisten Deputi", Kind::Unit),
    ("Sekretaris Jenderal", "Sekretaris Jenderal", Kind::Unit),
    ("Sekjen", "Sekretaris Jenderal", Kind::Unit),
    ("Inspektur Jenderal", "Inspektur Jenderal", Kind::Unit),
    ("Kepala Bidang", "Kepala Bidang", Kind::Unit),
    ("Kabid", "Kepala Bidang", Kind::Unit),
    ("Kepala Divisi", "Kepala Divisi", Kind::Unit),
    ("Kepala Badan", "Kepala Badan", Kind::Unit),
    ("Kepala Biro", "Kepala Biro", Kind::Unit),
    ("Kepala Pusat", "Kepala Pusat", Kind::Unit),
    ("Staf Ahli Menteri", "Staf Ahli Menteri", Kind::Unit),
    ("Staf Khusus Menteri", "Staf Khusus Menteri", Kind::Unit),
    ("Menteri", "Menteri", Kind::Minister { coordinator: false }),
    ("Wakil Menteri", "Wakil Menteri", Kind::Minister { coordinator: false }),
    ("Wamen", "Wakil Menteri", Kind::Minister { coordinator: false }),
    ("Menko", "Menteri Koordinator", Kind::Minister { coordinator: true }),
    ("Menaker", "Menteri Ketenagakerjaan", Kind::Fixed("Kemnaker")),
    ("Wamenaker", "Wakil Menteri Ketenagakerjaan", Kind::Fixed("Kemnaker")),
    ("Menkeu", "Menteri Keuangan", Kind::Fixed("Kemenkeu")),
    ("Mendagri", "Menteri Dalam Negeri", Kind::Fixed("Kemendagri")),
    ("Mensos", "Menteri Sosial", Kind::Fixed("Kemensos")),
    ("Menkes", "Menteri Kesehatan", Kind::Fixed("Kemenkes")),
    ("Kepala Kantor Wilayah", "Kepala Kantor Wilayah", Kind::Office(Office::Wilayah)),
    ("Kepala Kanwil", "Kepala Kantor Wilayah", Kind::Office(Office::Wilayah)),
    ("Kakanwil", "Kepala Kantor Wilayah", Kind::Office(Office::Wilayah)),
    (
        "Kepala Kantor Cabang Perintis",
        "Kepala Kantor Cabang Perintis",
        Kind::Office(Office::Perintis),
    ),
    ("Kepala Kantor Cabang", "Kepala Kantor Cabang", Kind::Office(Office::Cabang)),
    ("Kepala Cabang", "Kepala Kantor Cabang", Kind::Office(Office::Cabang)),
    ("Kakacab", "Kepala Kantor Cabang", Kind::Office(Office::Cabang)),
    ("Kepala Kantor", "Kepala Kantor", Kind::Office(Office::Any)),
    ("Kepala", "Kepala", Kind::Head),
    ("Gubernur", "Gubernur", Kind::Governor),
    ("Wakil Gubernur", "Wakil Gubernur", Kind::Governor),
    ("Wagub", "Wakil Gubernur", Kind::Governor),
    ("Bupati", "Bupati", Kind::Regent),
    ("Wakil Bupati", "Wakil Bupati", Kind::Regent),
    ("Wabup", "Wakil Bupati", Kind::Regent),
    ("Wali Kota", "Wali Kota", Kind::Mayor),
    ("Walikota", "Wali Kota", Kind::Mayor),
    ("Wakil Wali Kota", "Wakil Wali Kota", Kind::Mayor),
    ("Wakil Walikota", "Wakil Wali Kota", Kind::Mayor),
    ("Wawali", "Wakil Wali Kota", Kind::Mayor),
    ("Wawako", "Wakil Wali Kota", Kind::Mayor),
    (
        "Kepala Dinas Tenaga Kerja dan Transmigrasi",
        "Kepala Dinas Tenaga Kerja dan Transmigrasi",
        Kind::LocalAgency("Disnaker"),
    ),
    ("Kepala Dinas Tenaga Kerja", "Kepala Dinas Tenaga Kerja", Kind::LocalAgency("Disnaker")),
    ("Kepala Dinas Ketenagakerjaan", "Kepala Dinas Ketenagakerjaan", Kind::LocalAgency("Disnaker")),
    ("Kepala Disnaker", "Kepala Dinas Tenaga Kerja", Kind::LocalAgency("Disnaker")),
    (
        "Kepala Disnakertrans",
        "Kepala Dinas Tenaga Kerja dan Transmigrasi",
        Kind::LocalAgency("Disnaker"),
    ),
    ("Kadisnaker", "Kepala Dinas Tenaga Kerja", Kind::LocalAgency("Disnaker")),
    (
        "Kadisnakertrans",
        "Kepala Dinas Tenaga Kerja dan Transmigrasi",
        Kind::LocalAgency("Disnaker"),
    ),
    ("Kepala Kejaksaan Tinggi", "Kepala Kejaksaan Tinggi", Kind::LocalAgency("Kejati")),
    ("Kajati", "Kepala Kejaksaan Tinggi", Kind::LocalAgency("Kejati")),
    ("Kepala Kejaksaan Negeri", "Kepala Kejaksaan Negeri", Kind::LocalAgency("Kejari")),
    ("Kajari", "Kepala Kejaksaan Negeri", Kind::LocalAgency("Kejari")),
    ("Kepala Dinas", "Kepala Dinas", GA),
    ("Kadis", "Kepala Dinas", GA),
    ("Ketua Umum", "Ketua Umum", GA),
    ("Ketum", "Ketua Umum", GA),
    ("Ketua", "Ketua", GA),
    ("Wakil Ketua", "Wakil Ketua", GA),
    ("Anggota", "Anggota", GA),
    ("Sekretaris", "Sekretaris", GA),
    ("Presiden", "Presiden", G),
    ("Wakil Presiden", "Wakil Presiden", G),
    ("Sekretaris Daerah", "Sekretaris Daerah", G),
    ("Sekda", "Sekretaris Daerah", G),
    ("Camat", "Camat", G),
    ("Lurah", "Lurah", G),
    ("Kepala Desa", "Kepala Desa", G),
    ("Kades", "Kepala Desa", G),
];

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
    }
});

impl Titles {
    /// The entry for a title as matched by [`Titles::regex`].
    pub(crate) fn get(&self, written: &str) -> Option<Title> {
        self.by_written.get(written).copied()
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
        for (w, _, _) in LEXICON {
            let caps = t.regex.captures(w).unwrap();
            assert_eq!(&caps["title"], *w);
            assert!(t.get(w).is_some());
        }
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
}
