//! City names in a dateline: the words that open a sentence or join a place
//! name, a city's display form, and the city that opens a text without a dash.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::extract::region;

/// Capitalised words that open a sentence and are not a city.
const OPENERS: &str = "\
    Pemerintah Pemprov Pemkot Pemkab Kepala Direktur Dirut Gubernur Wakil Wali Walikota \
    Bupati Menteri Menaker Presiden Ketua Dinas Badan Kementerian Kemnaker Kantor Kanwil \
    Sebanyak Sejumlah Para Dalam Dengan Untuk Pada Hingga Saat Setelah Sebelum Meski \
    Meskipun Namun Selain Seorang Sebuah Ribuan Ratusan Puluhan Pekerja Peserta Program \
    Perusahaan Polisi Kapolda Kapolres Tim Warga Masyarakat Pihak Penjabat Anggota Komisi \
    Jaminan Asosiasi Sekretaris Deputi Plt Kejaksaan Pengadilan Satu Dua Tiga Ini Itu Kami \
    Kita Ia Dia Mereka Di Ke Dari Sidang Rapat Kasus Harga Jumlah Angka Menurut Bagi Guna \
    Demi Terkait Sementara Adapun Selama Sejak Kemarin Direksi Manajemen Serikat Buruh \
    Koperasi";

/// Words that begin multi-word place names (`Palangka Raya`, `Tanjung Pinang`).
const NAME_PREFIXES: &str = "\
    Banda Bandar Tanjung Pangkalan Palangka Kota Kabupaten Pematang Tanah Muara Sungai \
    Tebing Padang Labuan Labuhan Bukit Pulau Kepulauan Kuala Lubuk Gunung Kulon Deli Serdang \
    Batu Tulang Lima Puluh Ogan Komering Musi Rejang Kutai Penajam Bener Gayo Aceh Humbang \
    Nagan Bangka Tana Luwu Sidenreng Bolaang Muaro Empat Hulu Barito Pulang Rote Mandailing \
    Pakpak";

/// Words that end multi-word place names (`Jakarta Selatan`, `Gunung Kidul`).
const NAME_SUFFIXES: &str = "\
    Utara Selatan Barat Timur Tengah Pusat Raya Baru Besar Kidul Lor Wetan Daya Laut Jaya \
    Ilir Ulu";

/// The words of [`OPENERS`], [`NAME_PREFIXES`] and [`NAME_SUFFIXES`] as sets.
pub(super) static OPENER_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| word_set(OPENERS));
static PREFIX_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| word_set(NAME_PREFIXES));
static SUFFIX_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| word_set(NAME_SUFFIXES));

fn word_set(list: &'static str) -> HashSet<&'static str> {
    list.split_whitespace().collect()
}

/// Whether `word` is one of the words of `set`.
pub(super) fn in_list(set: &HashSet<&str>, word: &str) -> bool {
    set.contains(word)
}

/// Most words in a dateline city.
const MAX_CITY_WORDS: usize = 3;

/// A city as displayed: all-caps names in title case, others as printed.
pub(super) fn display_city(city: &str) -> String {
    let words: Vec<&str> = city.split_whitespace().collect();
    if city.chars().any(char::is_lowercase) {
        return words.join(" ");
    }
    let title = |part: &str| {
        let mut chars = part.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect()
        })
    };
    words
        .iter()
        .map(|w| w.split('-').map(title).collect::<Vec<_>>().join("-"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// All words ALL CAPS, or all capitalised with lower-case letters: not a mix
/// such as `BPJS Ketenagakerjaan`.
pub(super) fn consistent_case(city: &str) -> bool {
    let caps = |w: &str| !w.chars().any(char::is_lowercase);
    let words: Vec<&str> = city.split_whitespace().collect();
    words.iter().all(|w| caps(w)) || words.iter().all(|w| !caps(w))
}

/// A capitalised word with lower-case letters (`Medan`, not `BPJS`).
fn is_title_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// The city that opens `text` when no dash separates it from the sentence;
/// see the `dateline` module doc for the rule. Returns the city and the text after it.
pub(super) fn leading_city(text: &str) -> (Option<String>, &str) {
    let mut words: Vec<&str> = Vec::new();
    let mut end = 0;
    while words.len() < MAX_CITY_WORDS {
        let Some(after) = text.get(end..) else { break };
        let trimmed = after.trim_start();
        let start = end + (after.len() - trimmed.len());
        let raw_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let raw = &trimmed[..raw_len];
        let (word, closed) = match raw.strip_suffix([',', ':']) {
            Some(w) => (w, true),
            None => (raw, false),
        };
        if !is_title_word(word) {
            break;
        }
        match words.last() {
            None if in_list(&OPENER_SET, word) => break,
            Some(prev) if !in_list(&PREFIX_SET, prev) && !in_list(&SUFFIX_SET, word) => break,
            _ => {}
        }
        words.push(word);
        end = start + raw_len;
        if closed {
            break;
        }
    }
    if words.is_empty() {
        return (None, text.trim_start());
    }
    let rest = text.get(end..).unwrap_or("").trim_start_matches([',', ':', ' ']);
    (Some(display_city(&words.join(" "))), rest)
}

/// A place the gazetteer knows (a province, a city or town).
pub(super) fn is_place(s: &str) -> bool {
    region::resolve_province(s).is_some() || region::resolve_city(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_hold_their_lists_words() {
        for (set, list) in
            [(&OPENER_SET, OPENERS), (&PREFIX_SET, NAME_PREFIXES), (&SUFFIX_SET, NAME_SUFFIXES)]
        {
            assert!(list.split_whitespace().all(|w| in_list(set, w)));
            assert_eq!(set.len(), list.split_whitespace().collect::<HashSet<_>>().len());
        }
        assert!(!in_list(&OPENER_SET, "Medan") && !in_list(&OPENER_SET, "pemerintah"));
        assert!(!in_list(&PREFIX_SET, "Tanjung Pinang") && !in_list(&SUFFIX_SET, ""));
    }

    #[test]
    fn cities_in_title_case() {
        assert_eq!(display_city("BANJARMASIN"), "Banjarmasin");
        assert_eq!(display_city("PALANGKA RAYA"), "Palangka Raya");
        assert_eq!(display_city("BAU-BAU"), "Bau-Bau");
        assert_eq!(display_city("Medan"), "Medan");
    }
}
