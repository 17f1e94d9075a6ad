//! Datelines: the city and publisher that open an article's first paragraph.
//!
//! Indonesian outlets open the body with a dateline in one of a few shapes:
//!
//! | shape | example |
//! |---|---|
//! | city (agency) dash | `Medan (ANTARA) -`, `JAYAPURA (PT) –` |
//! | city, publisher dash | `Jakarta, IDN Times --`, `BANJARMASIN, KALTENGTERKINI.CO.ID –`, `Jakarta, tvOnenews.com -` |
//! | publisher, city dash | `Bisnis.com, PALEMBANG —`, `RADARBANDUNG.id, BANDUNG –` |
//! | domain dash | `Suara.com -` (no city) |
//! | domain, city (no dash) | `Liputan6.com, Medan BPJS …` |
//! | bare city dash | `Jakarta -` (detik style) |
//!
//! The dateline gives the article's dateline city (a strong region signal)
//! and, for most shapes, the publisher. [`parse`] returns both and where the
//! body text starts; the dateline itself is not body text.
//!
//! A *city* is 1–3 capitalised words (`Medan`, `Palangka Raya`, `PALANGKA
//! RAYA`); all-caps cities are shown in title case. When a dash ends the
//! dateline the city is every word before it. Without a dash (Liputan6) the
//! sentence follows the city directly, so without a gazetteer the rule is:
//! the first word is the city unless it is ALL CAPS (`BPJS`) or a common
//! sentence opener (`Pemerintah`, `Sebanyak` …); a second or third word joins
//! only when the word before it is a known name prefix (`Palangka`,
//! `Tanjung`, `Kota` …) or the word itself is a known name suffix (`Raya`,
//! `Selatan`, `Barat` …). `Liputan6.com, Medan BPJS …` → Medan;
//! `Liputan6.com, Jakarta Selatan Polisi …` → Jakarta Selatan.
//!
//! Publishers are mapped to display names through `publishers.tsv`; unknown
//! ones are kept as printed.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// A dateline found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline<'a> {
    /// The dateline city in title case ("Banjarmasin", "Palangka Raya").
    pub city: Option<String>,
    /// The publisher's display name ("ANTARA", "Kaltengterkini").
    pub source: Option<String>,
    /// The paragraph text after the dateline, where the body starts.
    pub rest: &'a str,
}

/// The embedded publisher table.
const PUBLISHERS_TSV: &str = include_str!("publishers.tsv");

/// Publisher table keyed by [`publisher_key`].
static PUBLISHERS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    PUBLISHERS_TSV
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (matched, name) = l.split_once('\t').unwrap();
            assert!(!name.trim().is_empty(), "publishers.tsv: empty name for {matched}");
            (publisher_key(matched), name.trim())
        })
        .collect()
});

/// One city word: capitalised, letters with inner hyphens or apostrophes.
const CITY_WORD: &str = r"\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}+)*";
/// One word of a publisher name or domain (`Liputan6.com`, `pikiran-rakyat.com`).
const SITE_WORD: &str = r"[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*";
/// The dash that ends a dateline.
const DASH: &str = r"\s*[-–—−]{1,3}\s*";

fn city_pattern() -> String {
    format!(r"{CITY_WORD}(?: +{CITY_WORD}){{0,2}}")
}

fn site_pattern() -> String {
    format!(r"{SITE_WORD}(?: {SITE_WORD}){{0,2}}")
}

/// `Medan (ANTARA) -`
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    let city = city_pattern();
    Regex::new(&format!(r"^(?P<city>{city})\s*,?\s*\((?P<site>[\p{{L}}\p{{N}}.]{{2,24}})\){DASH}"))
        .unwrap()
});

/// `Jakarta, IDN Times --`
static CITY_SITE: LazyLock<Regex> = LazyLock::new(|| {
    let (city, site) = (city_pattern(), site_pattern());
    Regex::new(&format!(r"^(?P<city>{city})\s*,\s*(?P<site>{site}){DASH}")).unwrap()
});

/// `Bisnis.com, PALEMBANG —`
static SITE_CITY: LazyLock<Regex> = LazyLock::new(|| {
    let (city, site) = (city_pattern(), site_pattern());
    Regex::new(&format!(r"^(?P<site>{site})\s*,\s*(?P<city>{city}){DASH}")).unwrap()
});

/// `Suara.com -`
static SITE_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<site>{SITE_WORD}){DASH}")).unwrap());

/// `Liputan6.com, ` followed by the city and the sentence.
static SITE_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<site>{SITE_WORD})\s*,\s*")).unwrap());

/// `Jakarta -`
static BARE_CITY: LazyLock<Regex> = LazyLock::new(|| {
    let city = city_pattern();
    Regex::new(&format!(r"^(?P<city>{city}) +[-–—−]{{1,3}} +")).unwrap()
});

/// A domain name as publishers print it.
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*\.(?i:com|co\.id|id|net|co|org|or\.id|web\.id|my\.id|tv|news|info|biz|asia|online|media|site)$",
    )
    .unwrap()
});

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

/// Whether `word` is one of the space-separated words of `list`.
fn in_list(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

/// Most words in a dateline city.
const MAX_CITY_WORDS: usize = 3;

/// Normalises a printed publisher for lookup: ASCII lower case, no `www.`,
/// no trailing dot, single spaces.
fn publisher_key(printed: &str) -> String {
    let lower = printed.trim().trim_end_matches('.').to_ascii_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The known publisher named in a copyright footer
/// (`Copyright © ANTARA 2024` → `ANTARA`, `© 2024 www.kompas.com. All rights reserved` → `Kompas.com`).
pub fn copyright_publisher(line: &str) -> Option<&'static str> {
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '|' | '-' | '–' | '—')))
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            !(w.is_empty()
                || matches!(lower.as_str(), "copyright" | "©" | "(c)" | "hak" | "cipta")
                || w.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '©'))
        })
        .take_while(|w| !w.eq_ignore_ascii_case("all") && !w.eq_ignore_ascii_case("allrights"))
        .collect();
    // "© 2025 detik.com, detiknetwork": the whole name, else its first word.
    let first = words.first().and_then(|w| publisher(w));
    (!words.is_empty()).then(|| publisher(&words.join(" "))).flatten().or(first)
}

/// The publisher of a line that is nothing but a site's address
/// (`kaltim.tribunnews.com`, `BANTENNEWS.CO.ID`, `AJNN.net`): the known
/// publisher's name, else the domain in lower case without its subdomains
/// (`tribunnews.com`, `bantennews.co.id`).
pub fn site_publisher(line: &str) -> Option<String> {
    let line = line.trim().trim_end_matches('/');
    let line =
        line.strip_prefix("https://").or_else(|| line.strip_prefix("http://")).unwrap_or(line);
    let line = line.strip_prefix("www.").unwrap_or(line);
    // Called on every line of every page: most lines fail this at once.
    if line.contains(char::is_whitespace) || !line.contains('.') || !is_domain(line) {
        return None;
    }
    if let Some(name) = publisher(line) {
        return Some(name.to_string());
    }
    let lower = line.to_lowercase();
    let labels: Vec<&str> = lower.split('.').collect();
    // Indonesia's second-level names (co.id, or.id, web.id …) keep three labels.
    let second_level = labels.len() >= 3
        && labels[labels.len() - 1] == "id"
        && matches!(labels[labels.len() - 2], "co" | "or" | "web" | "my" | "ac" | "go" | "sch");
    let keep = if second_level { 3 } else { 2 };
    Some(labels[labels.len().saturating_sub(keep)..].join("."))
}

/// The display name of a known publisher (`"KALTENGTERKINI.CO.ID"` →
/// `"Kaltengterkini"`, `"sumut.idntimes.com"` → `"IDN Times"`).
pub fn publisher(printed: &str) -> Option<&'static str> {
    let key = publisher_key(printed);
    if let Some(name) = PUBLISHERS.get(&key) {
        return Some(name);
    }
    // Regional editions: "ANTARA News Sulawesi Barat" is ANTARA.
    if let Some((first, rest)) = key.split_once(' ')
        && rest.starts_with("news")
        && let Some(name) = PUBLISHERS.get(first)
    {
        return Some(name);
    }
    // Subdomains fall back to their parent domain.
    let mut rest = key.as_str();
    while let Some((_, tail)) = rest.split_once('.') {
        if !tail.contains('.') {
            break;
        }
        if let Some(name) = PUBLISHERS.get(tail) {
            return Some(name);
        }
        rest = tail;
    }
    None
}

/// A publisher's name reduced to compare identities: "Liputan6.com",
/// "liputan6" and "LIPUTAN6.COM" agree, as do "Tribunnews" and
/// "tribunnews.com" (the `--source` filter and the evaluation use it).
pub fn publisher_identity(s: &str) -> String {
    let lower = s.trim().to_lowercase();
    let trimmed = [".co.id", ".com", ".id", ".net", ".co"]
        .iter()
        .find_map(|tld| lower.strip_suffix(tld))
        .unwrap_or(&lower);
    trimmed.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The publisher's display name, or the name as printed when unknown.
pub fn publisher_display(printed: &str) -> String {
    match publisher(printed) {
        Some(name) => name.to_string(),
        // An unknown site printed in capitals ("CAKAPLAH.COM") reads better,
        // and groups with its other spellings, as a lowercase domain.
        None if is_domain(printed.trim()) && !printed.chars().any(char::is_lowercase) => {
            printed.trim().to_lowercase()
        }
        None => printed.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

fn is_domain(s: &str) -> bool {
    DOMAIN.is_match(s)
}

/// A city as displayed: all-caps names in title case, others as printed.
fn display_city(city: &str) -> String {
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
fn consistent_case(city: &str) -> bool {
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
/// see the module doc for the rule. Returns the city and the text after it.
fn leading_city(text: &str) -> (Option<String>, &str) {
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
            None if in_list(OPENERS, word) => break,
            Some(prev) if !in_list(NAME_PREFIXES, prev) && !in_list(NAME_SUFFIXES, word) => break,
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

/// Reads the dateline that opens `paragraph`, if any.
pub fn parse(paragraph: &str) -> Option<Dateline<'_>> {
    let text = paragraph.trim_start();
    let known = |site: &str| is_domain(site) || publisher(site).is_some();

    let agency =
        |site: &str| known(site) || (site.len() <= 12 && !site.chars().any(char::is_lowercase));
    let opener = |city: &str| in_list(OPENERS, city.split_whitespace().next().unwrap_or(""));
    if let Some(c) = AGENCY.captures(text).filter(|c| agency(&c["site"]) && !opener(&c["city"])) {
        return Some(Dateline {
            city: Some(display_city(&c["city"])),
            source: Some(publisher_display(&c["site"])),
            rest: &text[c.get(0)?.end()..],
        });
    }
    if let Some(c) = CITY_SITE.captures(text).filter(|c| known(&c["site"])) {
        return Some(Dateline {
            city: Some(display_city(&c["city"])),
            source: Some(publisher_display(&c["site"])),
            rest: &text[c.get(0)?.end()..],
        });
    }
    if let Some(c) = SITE_CITY.captures(text).filter(|c| known(&c["site"])) {
        return Some(Dateline {
            city: Some(display_city(&c["city"])),
            source: Some(publisher_display(&c["site"])),
            rest: &text[c.get(0)?.end()..],
        });
    }
    if let Some(c) = SITE_DASH.captures(text).filter(|c| is_domain(&c["site"])) {
        return Some(Dateline {
            city: None,
            source: Some(publisher_display(&c["site"])),
            rest: &text[c.get(0)?.end()..],
        });
    }
    if let Some(c) = SITE_COMMA.captures(text).filter(|c| is_domain(&c["site"])) {
        let (city, rest) = leading_city(&text[c.get(0)?.end()..]);
        if city.is_some() || publisher(&c["site"]).is_some() {
            return Some(Dateline { city, source: Some(publisher_display(&c["site"])), rest });
        }
    }
    if let Some(c) = BARE_CITY.captures(text) {
        let city = &c["city"];
        let rest = &text[c.get(0)?.end()..];
        if consistent_case(city) && !opener(city) && !rest.trim().is_empty() {
            return Some(Dateline { city: Some(display_city(city)), source: None, rest });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_is_a_site_address_names_the_publisher() {
        for (line, want) in [
            ("kaltim.tribunnews.com", Some("Tribunnews")),
            ("radarbanyuwangi.jawapos.com", Some("Jawa Pos")),
            ("BANTENNEWS.CO.ID", Some("bantennews.co.id")),
            ("AJNN.net", Some("ajnn.net")),
            ("https://www.batampos.co.id/", Some("batampos.co.id")),
            ("sumut.idntimes.com", Some("IDN Times")),
            ("regional.kompas.com", Some("Kompas.com")),
            ("Radar Banyuwangi", None),
            ("Baca juga: kompas.com", None),
        ] {
            assert_eq!(site_publisher(line).as_deref(), want, "{line}");
        }
        assert_eq!(copyright_publisher("© 2025 detik.com, detiknetwork"), Some("detik.com"));
    }

    fn check(paragraph: &str, city: Option<&str>, source: Option<&str>, rest: &str) {
        let d = parse(paragraph).unwrap_or_else(|| panic!("no dateline in {paragraph:?}"));
        assert_eq!(d.city.as_deref(), city, "{paragraph}");
        assert_eq!(d.source.as_deref(), source, "{paragraph}");
        assert_eq!(d.rest, rest, "{paragraph}");
    }

    #[test]
    fn tables_and_regexes_load() {
        assert!(PUBLISHERS.len() >= 30);
        for re in [&AGENCY, &CITY_SITE, &SITE_CITY, &SITE_DASH, &SITE_COMMA, &BARE_CITY, &DOMAIN] {
            LazyLock::force(re);
        }
    }

    #[test]
    fn agency_shape() {
        check(
            "Medan (ANTARA) - Para pekerja hadir.",
            Some("Medan"),
            Some("ANTARA"),
            "Para pekerja hadir.",
        );
        check(
            "JAYAPURA (PT) – Dinas membuka posko.",
            Some("Jayapura"),
            Some("PT"),
            "Dinas membuka posko.",
        );
        check(
            "Palangka Raya (ANTARA) -Iuran naik.",
            Some("Palangka Raya"),
            Some("ANTARA"),
            "Iuran naik.",
        );
    }

    #[test]
    fn city_then_publisher() {
        check(
            "Jakarta, IDN Times -- Kantor cabang dibuka.",
            Some("Jakarta"),
            Some("IDN Times"),
            "Kantor cabang dibuka.",
        );
        check(
            "BANJARMASIN, KALTENGTERKINI.CO.ID – Pekerja terdaftar.",
            Some("Banjarmasin"),
            Some("Kaltengterkini"),
            "Pekerja terdaftar.",
        );
        check(
            "Jakarta, tvOnenews.com - Peserta bertambah.",
            Some("Jakarta"),
            Some("tvOnenews.com"),
            "Peserta bertambah.",
        );
        check(
            "Palembang, AkselNews.com – Klaim cair.",
            Some("Palembang"),
            Some("AkselNews.com"),
            "Klaim cair.",
        );
        check(
            "PALANGKA RAYA, Contoh.co.id - Klaim cair.",
            Some("Palangka Raya"),
            Some("Contoh.co.id"),
            "Klaim cair.",
        );
    }

    #[test]
    fn publisher_then_city() {
        check(
            "Bisnis.com, PALEMBANG — Klaim naik.",
            Some("Palembang"),
            Some("Bisnis.com"),
            "Klaim naik.",
        );
        check(
            "RADARBANDUNG.id, BANDUNG – Klaim naik.",
            Some("Bandung"),
            Some("Radar Bandung"),
            "Klaim naik.",
        );
        check("jpnn.com, JAKARTA - Klaim naik.", Some("Jakarta"), Some("JPNN.com"), "Klaim naik.");
        check(
            "KORANPALPRES.COM, PALEMBANG – Klaim naik.",
            Some("Palembang"),
            Some("Koran Palpres"),
            "Klaim naik.",
        );
        check("Solopos.com, SOLO — Klaim naik.", Some("Solo"), Some("Solopos.com"), "Klaim naik.");
    }

    #[test]
    fn domain_without_city() {
        check("Suara.com - Klaim naik.", None, Some("Suara.com"), "Klaim naik.");
    }

    #[test]
    fn liputan6_shape_without_dash() {
        check(
            "Liputan6.com, Medan BPJS Ketenagakerjaan hadir.",
            Some("Medan"),
            Some("Liputan6.com"),
            "BPJS Ketenagakerjaan hadir.",
        );
        check(
            "Liputan6.com, Jakarta Presiden meresmikan.",
            Some("Jakarta"),
            Some("Liputan6.com"),
            "Presiden meresmikan.",
        );
        check(
            "Liputan6.com, Jakarta Jaminan Hari Tua naik.",
            Some("Jakarta"),
            Some("Liputan6.com"),
            "Jaminan Hari Tua naik.",
        );
        check(
            "Liputan6.com, Jakarta Selatan Polisi berjaga.",
            Some("Jakarta Selatan"),
            Some("Liputan6.com"),
            "Polisi berjaga.",
        );
        check(
            "Liputan6.com, Palangka Raya Iuran naik.",
            Some("Palangka Raya"),
            Some("Liputan6.com"),
            "Iuran naik.",
        );
        check(
            "Liputan6.com, Pemerintah Kota menambah kuota.",
            None,
            Some("Liputan6.com"),
            "Pemerintah Kota menambah kuota.",
        );
        check(
            "Liputan6.com, Medan - Iuran naik.",
            Some("Medan"),
            Some("Liputan6.com"),
            "Iuran naik.",
        );
        check(
            "Liputan6.com, Medan, Iuran naik.",
            Some("Medan"),
            Some("Liputan6.com"),
            "Iuran naik.",
        );
    }

    #[test]
    fn bare_city_dash() {
        check(
            "Jakarta - Pekerja menerima manfaat.",
            Some("Jakarta"),
            None,
            "Pekerja menerima manfaat.",
        );
        check(
            "TANJUNG SELOR – Pekerja menerima manfaat.",
            Some("Tanjung Selor"),
            None,
            "Pekerja menerima manfaat.",
        );
        check("Bau-Bau - Pekerja hadir.", Some("Bau-Bau"), None, "Pekerja hadir.");
    }

    #[test]
    fn not_datelines() {
        for p in [
            "BPJS Ketenagakerjaan - mitra pekerja.",
            "Para pekerja hadir di Medan - Sumut.",
            "Pemerintah - swasta bekerja sama.",
            "Medan, Binjai dan Deli Serdang - tiga daerah.",
            "Jakarta -",
            "Kata dia, program itu - menurutnya - penting.",
            "Pekerja rentan Medan - Binjai terlindungi.",
            "contoh.com adalah situs berita.",
            "",
            "é",
        ] {
            assert_eq!(parse(p), None, "{p}");
        }
    }

    #[test]
    fn publisher_lookup() {
        assert_eq!(publisher("antaranews.com"), Some("ANTARA"));
        assert_eq!(publisher("www.kompas.com"), Some("Kompas.com"));
        assert_eq!(publisher("sumut.idntimes.com"), Some("IDN Times"));
        assert_eq!(publisher("idn times"), Some("IDN Times"));
        assert_eq!(publisher("unknown.example"), None);
        assert_eq!(publisher_display("Warta Desa"), "Warta Desa");
    }

    #[test]
    fn publishers_in_copyright_lines() {
        assert_eq!(copyright_publisher("Copyright © ANTARA 2024"), Some("ANTARA"));
        assert_eq!(
            copyright_publisher("© 2024 www.kompas.com. All rights reserved."),
            Some("Kompas.com")
        );
        assert_eq!(copyright_publisher("Copyright © 2024 Warta Desa"), None);
        assert_eq!(copyright_publisher("©"), None);
    }

    #[test]
    fn agency_shape_needs_an_agency() {
        assert_eq!(parse("Direktur Utama (Dirut) - hadir."), None);
        assert_eq!(parse("Kepala Dinas (KADIS) - hadir."), None);
        check("Surabaya (Contoh.com) - Hadir.", Some("Surabaya"), Some("Contoh.com"), "Hadir.");
    }

    #[test]
    fn cities_in_title_case() {
        assert_eq!(display_city("BANJARMASIN"), "Banjarmasin");
        assert_eq!(display_city("PALANGKA RAYA"), "Palangka Raya");
        assert_eq!(display_city("BAU-BAU"), "Bau-Bau");
        assert_eq!(display_city("Medan"), "Medan");
    }

    #[test]
    fn unknown_capitalised_domains_are_lowercased() {
        assert_eq!(publisher_display("CAKAPLAH.COM"), "cakaplah.com");
        assert_eq!(publisher_display("Warta Desa"), "Warta Desa");
        assert_eq!(publisher_display("ANTARA"), "ANTARA");
    }

    #[test]
    fn regional_editions_and_identities() {
        assert_eq!(publisher("ANTARA News Sulawesi Barat"), Some("ANTARA"));
        assert_eq!(publisher_identity("Liputan6.com"), publisher_identity("liputan6"));
        assert_eq!(publisher_identity("Tribunnews"), publisher_identity("tribunnews.com"));
        assert_ne!(publisher_identity("ANTARA"), publisher_identity("Antaranews Sumut"));
    }
}
