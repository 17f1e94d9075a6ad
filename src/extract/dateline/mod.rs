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
//! Publishers are mapped to display names by [`crate::extract::publisher`].

mod ascii;
mod city;
mod gate;

use std::sync::LazyLock;

use regex::{Captures, Regex};

use city::{OPENER_SET, consistent_case, display_city, in_list, is_place, leading_city};
use gate::Shape;

use crate::extract::article::PartialDate;
use crate::extract::capped::{self, WordCap};
use crate::extract::publisher::{is_domain, publisher, publisher_display};

/// A dateline found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline<'a> {
    /// The dateline city in title case ("Banjarmasin", "Palangka Raya").
    pub city: Option<String>,
    /// The publisher's display name ("ANTARA", "Kaltengterkini").
    pub source: Option<String>,
    /// The date printed in the dateline (`PADANG (17/12/2024) -`).
    pub date: Option<PartialDate>,
    /// The paragraph text after the dateline, where the body starts.
    pub rest: &'a str,
}

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

/// The end of a dateline that may also be a colon (`Metro (Lampost.co):`,
/// `KBRN, Ambon:`).
const DASH_OR_COLON: &str = r"(?:\s*[-–—−]{1,3}\s*|\s*:\s+)";

/// `Medan (ANTARA) -`, `Lombok Timur (Inside Lombok) –`, `Metro (Lampost.co):`
/// (its site words' limit is [`AGENCY_WORDS`]).
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    let city = city_pattern();
    let word = r"[\p{L}\p{N}.]{2,}";
    Regex::new(&format!(
        r"^(?P<city>{city})\s*,?\s*\((?P<site>{word}(?: {word}){{0,2}})\){DASH_OR_COLON}"
    ))
    .unwrap()
});

/// The agency's words have at most 24 characters, checked after the match
/// (`extract::capped`: written into the regex, the limit made it 4 MB).
const AGENCY_WORDS: WordCap = WordCap { group: "site", max_chars: 24 };

/// `PADANG (17/12/2024) -`: the city and the day of the report.
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    let city = city_pattern();
    Regex::new(&format!(
        r"^(?P<city>{city})\s*,?\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})\s*/\s*(?P<y>\d{{4}}|\d{{2}})\s*\){DASH}"
    ))
    .unwrap()
});

/// `POS-KUPANG.COM | KUPANG -`, `DIALEKSIS.COM | Banda Aceh -`
static SITE_PIPE_CITY: LazyLock<Regex> = LazyLock::new(|| {
    let (city, site) = (city_pattern(), site_pattern());
    Regex::new(&format!(r"^(?P<site>{site})\s*\|\s*(?P<city>{city}){DASH}")).unwrap()
});

/// `TEMPO.COJakarta -`: a capitalised domain glued to the city.
static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<site>\p{{Lu}}[\p{{Lu}}\p{{N}}-]*(?:\.\p{{Lu}}+)+?)(?P<city>\p{{Lu}}\p{{Ll}}+(?: \p{{Lu}}\p{{Ll}}+){{0,2}}){DASH}"
    ))
    .unwrap()
});

/// `Riau12.com-Pekanbaru –`: a domain, a hyphen, the city.
static SITE_HYPHEN_CITY: LazyLock<Regex> = LazyLock::new(|| {
    let city = city_pattern();
    Regex::new(&format!(
        r"^(?P<site>[\p{{L}}\p{{N}}]+(?:[.\-][\p{{L}}\p{{N}}]+)*?\.(?i:com|co\.id|id|net|co|org))-(?P<city>{city}){DASH}"
    ))
    .unwrap()
});

/// `VIVA –`, `BALI TRIBUNE -`: a known outlet's name and a dash.
static OUTLET_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<site>{}){DASH}", site_pattern())).unwrap());

/// `Jakarta, IDN Times --`
static CITY_SITE: LazyLock<Regex> = LazyLock::new(|| {
    let (city, site) = (city_pattern(), site_pattern());
    Regex::new(&format!(r"^(?P<city>{city})\s*,\s*(?P<site>{site}){DASH}")).unwrap()
});

/// `Bisnis.com, PALEMBANG —`, `KBRN, Ambon:`
static SITE_CITY: LazyLock<Regex> = LazyLock::new(|| {
    let (city, site) = (city_pattern(), site_pattern());
    Regex::new(&format!(r"^(?P<site>{site})\s*,\s*(?P<city>{city}){DASH_OR_COLON}")).unwrap()
});

/// `Suara.com -`
static SITE_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<site>{SITE_WORD}){DASH}")).unwrap());

/// `Liputan6.com, ` followed by the city and the sentence.
static SITE_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<site>{SITE_WORD})\s*,\s*")).unwrap());

/// `Jakarta -`, `MANADO—`, `PALU- ` (a hyphen glued to both words would be
/// a compound name, `Bau-Bau`).
static BARE_CITY: LazyLock<Regex> = LazyLock::new(|| {
    let city = city_pattern();
    Regex::new(&format!(
        r"^(?P<city>{city})(?: +[-–—−]{{1,3}}(?: +|$)| *[–—−]{{1,2}} *|-{{1,3}} +)"
    ))
    .unwrap()
});

/// Longest paragraph that may be a credit line rather than a dateline.
const MAX_CREDIT_LINE: usize = 80;

/// An outlet's name printed in capitals where a publisher is expected
/// (`MAKASSAR, RAKYATSULSEL –`): one ALL-CAPS word of four letters or more
/// that is not a place.
fn caps_outlet(site: &str) -> bool {
    site.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && site.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && !is_place(site)
}

/// An outlet's name in parentheses after the city (`Lombok Timur (Inside
/// Lombok) –`): two or three capitalised words that are not a place.
fn named_outlet(site: &str) -> bool {
    let words: Vec<&str> = site.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !is_place(site)
}

/// The regex of one shape.
fn shape_regex(shape: Shape) -> &'static Regex {
    match shape {
        Shape::Dated => &DATED,
        Shape::Agency => &AGENCY,
        Shape::CitySite => &CITY_SITE,
        Shape::SitePipeCity => &SITE_PIPE_CITY,
        Shape::SiteCity => &SITE_CITY,
        Shape::SiteHyphenCity => &SITE_HYPHEN_CITY,
        Shape::Glued => &GLUED,
        Shape::SiteDash => &SITE_DASH,
        Shape::OutletDash => &OUTLET_DASH,
        Shape::SiteComma => &SITE_COMMA,
        Shape::BareCity => &BARE_CITY,
    }
}

/// The captures of `shape`'s regex on `text`.
/// On a `text` the ASCII regexes read as the Unicode ones (`ascii`, see
/// [`ascii::reads_as_ascii`]), by the shape's ASCII regex.
fn shape_captures(shape: Shape, text: &str, ascii: bool) -> Option<Captures<'_>> {
    let re = if ascii { ascii::shape_regex(shape) } else { shape_regex(shape) };
    match shape {
        Shape::Agency => capped::captures(re, text, AGENCY_WORDS),
        _ => re.captures(text),
    }
}

/// Reads the dateline that opens `paragraph`, if any.
pub fn parse(paragraph: &str) -> Option<Dateline<'_>> {
    let text = paragraph.trim_start();
    // `Author Name - detikFinance` is a credit line, not `City - sentence`.
    if text.len() <= MAX_CREDIT_LINE && crate::extract::publisher::credit_publisher(text).is_some()
    {
        return None;
    }
    let known = |site: &str| is_domain(site) || publisher(site).is_some();

    let agency = |site: &str| {
        known(site)
            || (site.len() <= 12 && !site.chars().any(char::is_lowercase))
            || named_outlet(site)
    };
    let opener = |city: &str| in_list(&OPENER_SET, city.split_whitespace().next().unwrap_or(""));
    let found = |c: &Captures<'_>, city: bool| {
        Some(Dateline {
            city: city.then(|| display_city(&c["city"])),
            source: Some(publisher_display(&c["site"])),
            date: None,
            rest: &text[c.get(0)?.end()..],
        })
    };
    // A shape's regex runs only when its cheap gate passes (see `gate`).
    let gates = gate::Gates::new(text);
    let ascii = ascii::reads_as_ascii(text);
    let captures =
        |shape: Shape| gates.allows(shape).then(|| shape_captures(shape, text, ascii)).flatten();
    if let Some(c) = captures(Shape::Dated).filter(|c| !opener(&c["city"])) {
        let year: i32 = c["y"].parse().ok()?;
        let year = if c["y"].len() == 2 { 2000 + year } else { year };
        let date = PartialDate::ymd(year, c["m"].parse().ok()?, c["d"].parse().ok()?);
        return Some(Dateline {
            city: Some(display_city(&c["city"])),
            source: None,
            date,
            rest: &text[c.get(0)?.end()..],
        });
    }
    if let Some(c) = captures(Shape::Agency).filter(|c| agency(&c["site"]) && !opener(&c["city"])) {
        return found(&c, true);
    }
    let city_site =
        |c: &Captures<'_>| known(&c["site"]) || (caps_outlet(&c["site"]) && is_place(&c["city"]));
    if let Some(c) = captures(Shape::CitySite).filter(city_site) {
        return found(&c, true);
    }
    for shape in [Shape::SitePipeCity, Shape::SiteCity, Shape::SiteHyphenCity] {
        if let Some(c) = captures(shape).filter(|c| known(&c["site"])) {
            return found(&c, true);
        }
    }
    if let Some(c) = captures(Shape::Glued).filter(|c| is_domain(&c["site"])) {
        return found(&c, true);
    }
    if let Some(c) = captures(Shape::SiteDash).filter(|c| is_domain(&c["site"])) {
        return found(&c, false);
    }
    if let Some(c) = captures(Shape::OutletDash).filter(|c| publisher(&c["site"]).is_some()) {
        return found(&c, false);
    }
    if let Some(c) = captures(Shape::SiteComma).filter(|c| is_domain(&c["site"])) {
        let (city, rest) = leading_city(&text[c.get(0)?.end()..]);
        if city.is_some() || publisher(&c["site"]).is_some() {
            let source = Some(publisher_display(&c["site"]));
            return Some(Dateline { city, source, date: None, rest });
        }
    }
    if let Some(c) = captures(Shape::BareCity) {
        let city = &c["city"];
        let rest = &text[c.get(0)?.end()..];
        // `Jakarta -` may stand alone, its sentence in the next paragraph.
        let alone = rest.trim().is_empty() && text.trim_end().ends_with(['-', '–', '—', '−']);
        if consistent_case(city) && !opener(city) && (alone || !rest.trim().is_empty()) {
            return Some(Dateline {
                city: Some(display_city(city)),
                source: None,
                date: None,
                rest,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paragraph: &str, city: Option<&str>, source: Option<&str>, rest: &str) {
        let d = parse(paragraph).unwrap_or_else(|| panic!("no dateline in {paragraph:?}"));
        assert_eq!(d.city.as_deref(), city, "{paragraph}");
        assert_eq!(d.source.as_deref(), source, "{paragraph}");
        assert_eq!(d.rest, rest, "{paragraph}");
    }

    #[test]
    fn tables_and_regexes_load() {
        for re in [
            &AGENCY,
            &DATED,
            &CITY_SITE,
            &SITE_CITY,
            &SITE_PIPE_CITY,
            &GLUED,
            &SITE_HYPHEN_CITY,
            &SITE_DASH,
            &OUTLET_DASH,
            &SITE_COMMA,
            &BARE_CITY,
        ] {
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
    fn agency_shape_needs_an_agency() {
        assert_eq!(parse("Direktur Utama (Dirut) - hadir."), None);
        assert_eq!(parse("Kepala Dinas (KADIS) - hadir."), None);
        check("Surabaya (Contoh.com) - Hadir.", Some("Surabaya"), Some("Contoh.com"), "Hadir.");
    }

    #[test]
    fn more_outlet_shapes() {
        let ok = "Peserta baru mendaftar di kantor cabang.";
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("CONTOHKABAR.COM | KUPANG - ", Some("Kupang"), "contohkabar.com"),
            ("Warta.co.id | Banda Aceh - ", Some("Banda Aceh"), "Warta.co.id"),
            ("KBRN, Ambon: ", Some("Ambon"), "RRI"),
            ("Lombok Timur (Kabar Rinjani) – ", Some("Lombok Timur"), "Kabar Rinjani"),
            ("Metro (Lampost.co): ", Some("Metro"), "Lampung Post"),
            ("PANGKALPINANG, BABELKITA – ", Some("Pangkalpinang"), "BABELKITA"),
            ("TEMPO.COJakarta - ", Some("Jakarta"), "Tempo"),
            ("Kabar12.com-Pekanbaru – ", Some("Pekanbaru"), "Kabar12.com"),
            ("VIVA – ", None, "VIVA"),
            ("BALI TRIBUNE - ", None, "Bali Tribune"),
            ("Pontianak, Sonora.ID - ", Some("Pontianak"), "Sonora.ID"),
        ];
        for (head, city, source) in cases {
            check(&format!("{head}{ok}"), *city, Some(source), ok);
        }
    }

    #[test]
    fn capitals_after_a_place_are_an_outlet_only_when_not_a_place() {
        // "KOTA, PROVINSI -" names two places, no outlet.
        let d = parse("PEKANBARU, RIAU - Pekerja terdaftar.");
        assert!(d.as_ref().is_none_or(|d| d.source.is_none()), "{d:?}");
        // An unknown capitalised word alone before a dash may be a town.
        let d = parse("WAISAI - Pekerja terdaftar.").unwrap();
        assert_eq!(d.source, None);
        // Two capitalised words in parentheses that name a place are no outlet.
        assert!(parse("Mataram (Lombok Barat) - Hadir.").is_none_or(|d| d.source.is_none()));
    }

    #[test]
    fn a_dated_dateline_gives_the_day() {
        let d = parse("KUPANG (03/02/2025) - Peserta baru mendaftar.").unwrap();
        assert_eq!(d.city.as_deref(), Some("Kupang"));
        assert_eq!(d.date, PartialDate::ymd(2025, 2, 3));
        assert_eq!(d.rest, "Peserta baru mendaftar.");
        let d = parse("Sorong, (9/8/24) – Hadir.").unwrap();
        assert_eq!(d.date, PartialDate::ymd(2024, 8, 9));
        // An impossible day gives the city and no date.
        let d = parse("Sorong (31/02/2024) - Hadir.").unwrap();
        assert_eq!((d.city.as_deref(), d.date), (Some("Sorong"), None));
    }

    #[test]
    fn credit_lines_are_no_datelines_and_a_city_may_stand_alone() {
        assert_eq!(parse("Rina Kartika - detikFinance"), None);
        assert_eq!(parse("Rudi Hartono - Bali Tribune"), None);
        let d = parse("Jakarta -").unwrap();
        assert_eq!((d.city.as_deref(), d.rest), (Some("Jakarta"), ""));
        check("MANADO—Peserta baru mendaftar.", Some("Manado"), None, "Peserta baru mendaftar.");
        check("PALU- Peserta baru mendaftar.", Some("Palu"), None, "Peserta baru mendaftar.");
        // A compound name is no dateline.
        assert!(parse("Bau-Bau menjadi kota terbaik.").is_none());
    }
}
