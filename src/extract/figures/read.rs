//! One figure read around one number token: its currency sign, scale,
//! percent sign, counted noun, and what makes it no figure at all, as the
//! parent module's doc describes under *Units* and *Not figures*.

use std::sync::LazyLock;

use regex::Regex;

use super::number::{parse_number, scale_exponent};
use super::{
    BACK_WINDOW, COUNTED_NOUNS, UNIT_COUNT, UNIT_IDR, UNIT_PERCENT, UNIT_USD, gate, window_after,
    window_before,
};

/// Bytes after a number searched for its scale, unit or noun.
const AHEAD_WINDOW: usize = 96;

/// Words after which a number is a citation, not a quantity.
const CITATION_WORDS: &[&str] = &[
    "nomor",
    "nomer",
    "no",
    "pasal",
    "ayat",
    "huruf",
    "butir",
    "bab",
    "pukul",
    "jam",
    "pp",
    "uu",
    "uud",
    "perpu",
    "perppu",
    "perpres",
    "keppres",
    "inpres",
    "permen",
    "permenaker",
    "permendagri",
    "kepmen",
    "kepmenaker",
    "perda",
    "pergub",
    "perbup",
    "perwali",
    "se",
    "halaman",
    "hal",
    "lantai",
    "rt",
    "rw",
    "km",
    "jalan",
    "jl",
    "tahun",
    "tanggal",
    "tgl",
    "kode",
    "versi",
];

/// A currency sign at the end of the text before a number.
pub(super) static MONEY_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(rp\.?|idr|usd|us\$)\s*$").unwrap());

/// A scale word right after a number.
pub(super) static SCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?i:triliun|trilyun|miliar|milyar|juta|ribu|jt|rb)|T|M)\b").unwrap()
});

/// `,-` closing a rupiah amount.
static MONEY_DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,-").unwrap());

/// `rupiah` after an amount.
pub(super) static RUPIAH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*rupiah\b").unwrap());

/// A percent sign or word after a number.
pub(super) static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:%|(?i:persennya|persen|prosen)\b)").unwrap());

/// `Tahun YYYY` after a regulation number.
pub(super) static TAHUN_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+tahun\s+[0-9]{4}\b").unwrap());

/// The alternation of counted nouns, longest first.
static NOUN_ALT: LazyLock<String> = LazyLock::new(|| {
    let mut nouns: Vec<&str> = COUNTED_NOUNS.to_vec();
    nouns.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alts: Vec<String> = nouns.iter().map(|n| regex::escape(n).replace(' ', r"\s+")).collect();
    alts.join("|")
});

/// A counted noun right after a number.
pub(super) static NOUN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s+({})\b", *NOUN_ALT)).unwrap());

/// A copula and a counted noun right after a number.
pub(super) static COPULA_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    let copula = concat!(
        r"(?:di\s*antaranya(?:\s+(?:merupakan|adalah|ialah))?",
        r"|merupakan|adalah|ialah|yaitu|yakni)"
    );
    Regex::new(&format!(r"(?i)^\s+{copula}\s+({})\b", *NOUN_ALT)).unwrap()
});

/// Any counted noun (for the look-back of scaled numbers).
static NOUN_ANY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b({})\b", *NOUN_ALT)).unwrap());

/// `upah` after `penerima`: the category `penerima upah`, not a head noun.
static UPAH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s+upah\b").unwrap());

/// Words that make a nearby number money rather than a count.
static MONEY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:sebesar|senilai|nilai|nilainya|dana|anggaran|iuran|rupiah|biaya",
        r"|santunan|manfaat|rp)\b"
    ))
    .unwrap()
});

/// Reads the figure around the number token `s..e`: its span, value and unit.
pub(super) fn read_figure(
    sentence: &str,
    s: usize,
    e: usize,
) -> Option<(usize, usize, f64, String)> {
    let token = &sentence[s..e];
    let number = parse_number(token)?;
    let ahead = window_after(sentence, e, AHEAD_WINDOW);
    let money = money_prefix(sentence, s);
    if money.is_none() && !clean_before(&sentence[..s]) {
        return None;
    }
    if !clean_after(ahead) {
        return None;
    }
    // The scale word is the match without its leading white space.
    let scale = gate::may_start_with_scale(ahead).then(|| SCALE.find(ahead)).flatten();
    let scale = scale.and_then(|m| {
        let word = m.as_str().trim_start();
        let glued_abbrev = matches!(word, "T" | "M");
        if glued_abbrev && money.is_none() {
            return None;
        }
        Some((m.end(), scale_exponent(word)?))
    });
    if scale.is_none() && ahead.starts_with(|c: char| c.is_alphabetic()) {
        return None; // `38H`, `2x24`, `6pekerja`
    }
    if number.english && money.is_none() && scale.is_none() && !percent(ahead) {
        return None; // `10.21 WIB`
    }
    let (scale_end, exponent) = scale.unwrap_or((0, 0));
    let value = number.value(exponent)?;
    let after_scale = &ahead[scale_end..];

    if let Some((start, unit)) = money {
        let mut end = e + scale_end;
        if let Some(m) = MONEY_DASH.find(after_scale) {
            end += m.end();
        } else if let Some(m) = rupiah(after_scale) {
            end += m.end();
        }
        return Some((start, end, value, unit.to_string()));
    }
    if let Some(m) = rupiah(after_scale) {
        return Some((s, e + scale_end + m.end(), value, UNIT_IDR.to_string()));
    }
    if scale.is_none()
        && gate::may_start_with_percent(ahead)
        && let Some(m) = PERCENT.find(ahead)
    {
        return Some((s, e + m.end(), value, UNIT_PERCENT.to_string()));
    }

    // Counts from here on.
    if value.fract() != 0.0 {
        return None;
    }
    if scale.is_none()
        && (number.is_year() || (gate::may_start_with_tahun(ahead) && TAHUN_YEAR.is_match(ahead)))
    {
        return None;
    }
    if follows_citation_word(sentence, s) {
        return None;
    }
    if gate::may_start_with_noun(after_scale)
        && let Some(m) = NOUN_AFTER.find(after_scale)
    {
        // The noun is the match without its leading white space.
        return Some((s, e + scale_end + m.end(), value, unit_of(m.as_str().trim_start())));
    }
    if gate::may_start_with_copula(after_scale)
        && let Some(c) = COPULA_NOUN.captures(after_scale)
    {
        return Some((s, e + scale_end, value, unit_of(c.get(1)?.as_str())));
    }
    scale?;
    let back = window_before(sentence, s, BACK_WINDOW);
    let noun = NOUN_ANY.find_iter(back).filter(|n| !UPAH.is_match(&back[n.end()..])).last();
    let unit = match noun {
        Some(noun) if !MONEY_WORD.is_match(&back[noun.end()..]) => unit_of(noun.as_str()),
        _ => UNIT_COUNT.to_string(),
    };
    Some((s, e + scale_end, value, unit))
}

/// The start and unit of a currency sign standing before the number at `s`.
fn money_prefix(sentence: &str, s: usize) -> Option<(usize, &'static str)> {
    let before = window_before(sentence, s, 16);
    if !gate::may_end_in_money_sign(before) {
        return None;
    }
    // The sign is the match without its trailing white space.
    let sign = MONEY_PREFIX.find(before)?;
    let start = s - before.len() + sign.start();
    let sign = sign.as_str().trim_end();
    if sentence[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '$') {
        return None; // `terp 5`, not a sign
    }
    let sign = sign.to_ascii_lowercase();
    let unit = if sign.starts_with("rp") || sign == "idr" { UNIT_IDR } else { UNIT_USD };
    Some((start, unit))
}

/// [`PERCENT`] matches `ahead`.
fn percent(ahead: &str) -> bool {
    gate::may_start_with_percent(ahead) && PERCENT.is_match(ahead)
}

/// The [`RUPIAH`] match at the start of `ahead`.
fn rupiah(ahead: &str) -> Option<regex::Match<'_>> {
    gate::may_start_with_rupiah(ahead).then(|| RUPIAH.find(ahead)).flatten()
}

/// Whether the text before a non-money number lets it be a quantity.
fn clean_before(before: &str) -> bool {
    match before.chars().next_back() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || "-–—/:+#$@_.\\".contains(c)),
    }
}

/// Whether the text after a number lets it be a quantity.
fn clean_after(ahead: &str) -> bool {
    let mut chars = ahead.chars();
    match (chars.next(), chars.next()) {
        (Some(c), Some(d)) if "/:-–—".contains(c) => !d.is_ascii_digit(),
        _ => true,
    }
}

/// Whether the word before the number at `s` is a citation word (`Nomor 2`).
fn follows_citation_word(sentence: &str, s: usize) -> bool {
    let before = window_before(sentence, s, 24).trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if let Some(lower) = ascii_lowercase(word, &mut [0; LONGEST_CITATION_WORD]) {
        return !lower.is_empty() && CITATION_WORDS.iter().any(|w| w.as_bytes() == lower);
    }
    if word.is_ascii() {
        return false; // longer than any citation word
    }
    let word = word.to_lowercase();
    !word.is_empty() && CITATION_WORDS.contains(&word.as_str())
}

/// Bytes in the longest of [`CITATION_WORDS`] (`permendagri`).
const LONGEST_CITATION_WORD: usize = 11;

/// `word` lower-cased in `buf`, when it is ASCII and fits (an ASCII word's
/// lower case is its ASCII lower case); `None` otherwise.
fn ascii_lowercase<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b [u8]> {
    if !word.is_ascii() || word.len() > N {
        return None;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// The unit label of a matched noun: lower case, single spaces.
fn unit_of(noun: &str) -> String {
    if noun.bytes().all(|b| b.is_ascii_graphic()) {
        return noun.to_ascii_lowercase(); // one ASCII word
    }
    noun.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::super::number::NUMBER;
    use super::super::tests::{check, figs, none};
    use super::*;

    #[test]
    fn citation_words_and_units_read_as_before() {
        let by_lowercase = |sentence: &str, s: usize| {
            let before = window_before(sentence, s, 24).trim_end();
            let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            !word.is_empty() && CITATION_WORDS.contains(&word.as_str())
        };
        for word in CITATION_WORDS.iter().chain(&[
            "",
            "x",
            "Nomor",
            "PERMENDAGRI",
            "permendagrix",
            "\u{212a}m",
            "Kode:",
            "(pasal",
            "İ",
            "panjangsekalikatanya",
        ]) {
            for sentence in [format!("{word} 5"), format!("a {word}  5"), format!("{word}5")] {
                let s = sentence.find('5').unwrap();
                assert_eq!(
                    follows_citation_word(&sentence, s),
                    by_lowercase(&sentence, s),
                    "{sentence:?}"
                );
            }
        }
        for noun in [
            "pekerja",
            "Pekerja",
            "TENAGA  KERJA",
            "tenaga kerja",
            "\u{212a}asus",
            "kabupaten/kota",
        ] {
            let want = noun.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            assert_eq!(unit_of(noun), want);
        }
    }

    #[test]
    fn regexes_compile() {
        for re in [
            &NUMBER,
            &MONEY_PREFIX,
            &SCALE,
            &MONEY_DASH,
            &RUPIAH,
            &PERCENT,
            &TAHUN_YEAR,
            &NOUN_AFTER,
            &COPULA_NOUN,
            &NOUN_ANY,
            &MONEY_WORD,
            &UPAH,
        ] {
            assert!(!re.as_str().is_empty());
        }
    }

    #[test]
    fn money_miliar_with_decimal_comma() {
        check("Dana sebesar Rp12,45 miliar cair.", "Rp12,45 miliar", 12_450_000_000.0, "IDR");
    }

    #[test]
    fn money_spaced_t_abbreviation() {
        check("Klaim Rp 4,2 T dibayar", "Rp 4,2 T", 4_200_000_000_000.0, "IDR");
    }

    #[test]
    fn money_english_decimal_dot_after_rp() {
        check("Total Rp7.5 T tahun ini", "Rp7.5 T", 7_500_000_000_000.0, "IDR");
    }

    #[test]
    fn money_thousands_dot() {
        check("iuran Rp16.800 per bulan", "Rp16.800", 16_800.0, "IDR");
    }

    #[test]
    fn money_juta() {
        check("santunan Rp5 juta bagi ahli waris", "Rp5 juta", 5_000_000.0, "IDR");
    }

    #[test]
    fn money_rp_dot_and_dash() {
        check("biaya Rp. 250.000,- saja", "Rp. 250.000,-", 250_000.0, "IDR");
    }

    #[test]
    fn money_full_indonesian_format() {
        check("saldo Rp1.234.567,89 tercatat", "Rp1.234.567,89", 1_234_567.89, "IDR");
    }

    #[test]
    fn money_idr_prefix_and_m() {
        check("nilai IDR 3 M", "IDR 3 M", 3_000_000_000.0, "IDR");
    }

    #[test]
    fn money_glued_scale_and_abbrev() {
        check("gaji Rp4,5jt sebulan", "Rp4,5jt", 4_500_000.0, "IDR");
        check("sisa Rp300 rb lagi", "Rp300 rb", 300_000.0, "IDR");
    }

    #[test]
    fn money_capitalised_scale_in_headline() {
        check("Peserta Terima Rp1 Juta Mulai Besok", "Rp1 Juta", 1_000_000.0, "IDR");
    }

    #[test]
    fn money_rupiah_suffix() {
        check("bantuan 600 ribu rupiah per orang", "600 ribu rupiah", 600_000.0, "IDR");
    }

    #[test]
    fn money_usd() {
        check("investasi US$1,5 juta", "US$1,5 juta", 1_500_000.0, "USD");
    }

    #[test]
    fn money_triliun_word() {
        check("Iuran Rp26 triliun terkumpul", "Rp26 triliun", 26e12, "IDR");
    }

    #[test]
    fn rp_inside_word_is_not_money() {
        check("sharp 5 kasus", "5 kasus", 5.0, "kasus");
    }

    #[test]
    fn percent_sign_and_word() {
        check("naik 12,5% tahun lalu", "12,5%", 12.5, "percent");
        check("mencapai 61,4 persen dari target", "61,4 persen", 61.4, "percent");
        check("sebagian, 30 persennya pekerja", "30 persennya", 30.0, "percent");
    }

    #[test]
    fn percent_spaced_sign_and_english_dot() {
        check("turun 2.5 % saja", "2.5 %", 2.5, "percent");
    }

    #[test]
    fn percent_small_leading_zero() {
        check("hanya 0,36 persen", "0,36 persen", 0.36, "percent");
    }

    #[test]
    fn count_scaled_noun() {
        check("ada 12,7 juta pekerja aktif", "12,7 juta pekerja", 12_700_000.0, "pekerja");
    }

    #[test]
    fn count_thousands_noun() {
        check("bekerja sama dengan 4.215 perusahaan", "4.215 perusahaan", 4215.0, "perusahaan");
    }

    #[test]
    fn count_capitalised_headline() {
        check("Klaim Naik, 312 Ribu Kasus Dibayar", "312 Ribu Kasus", 312_000.0, "kasus");
    }

    #[test]
    fn count_multiword_nouns() {
        check("sebanyak 640 tenaga  kerja baru", "640 tenaga  kerja", 640.0, "tenaga kerja");
        check("diperiksa 87 pemberi kerja/badan usaha", "87 pemberi kerja", 87.0, "pemberi kerja");
        check("di 12 kabupaten/kota", "12 kabupaten/kota", 12.0, "kabupaten/kota");
    }

    #[test]
    fn count_other_nouns() {
        check("menyasar 2.000 nelayan", "2.000 nelayan", 2000.0, "nelayan");
        check("di 128 kelurahan", "128 kelurahan", 128.0, "kelurahan");
        check("bersama 9 asosiasi", "9 asosiasi", 9.0, "asosiasi");
        check("tersebar di 5 provinsi", "5 provinsi", 5.0, "provinsi");
        check("ada 31 kantor cabang", "31 kantor cabang", 31.0, "kantor cabang");
    }

    #[test]
    fn count_copula_noun() {
        let all = figs("total 20,5 juta, dan 14,2 juta merupakan pekerja formal");
        assert_eq!(all[1], ("14,2 juta".into(), 14_200_000.0, "pekerja".into()));
    }

    #[test]
    fn count_scaled_looks_back_for_noun() {
        let all =
            figs("Jumlah peserta aktif di daerah itu sebanyak 2,4 juta, naik dari tahun lalu.");
        assert_eq!(all, vec![("2,4 juta".into(), 2_400_000.0, "peserta".into())]);
    }

    #[test]
    fn count_di_antaranya_copula() {
        let all =
            figs("Total 30 juta orang. Sekitar 18,5 juta di antaranya merupakan pekerja formal.");
        assert_eq!(all[1], ("18,5 juta".into(), 18_500_000.0, "pekerja".into()));
    }

    #[test]
    fn count_look_back_skips_penerima_upah() {
        check(
            "Pekerja bukan penerima upah (BPU) baru sekitar 52 ribu.",
            "52 ribu",
            52_000.0,
            "pekerja",
        );
    }

    #[test]
    fn count_scaled_without_noun_is_count() {
        check("Angkanya 7,3 juta, kata dia.", "7,3 juta", 7_300_000.0, "count");
    }

    #[test]
    fn count_look_back_stops_at_money_word() {
        check("Klaim pekerja dengan nilai 3 miliar.", "3 miliar", 3e9, "count");
    }

    #[test]
    fn count_unscaled_without_noun_is_skipped() {
        none("Sebanyak 42, sisanya belum.");
        none("Andi (44) mengaku senang.");
    }

    #[test]
    fn count_must_be_whole() {
        none("rata-rata 2,5 orang per rumah");
    }

    #[test]
    fn scaled_english_dot_count() {
        check("sekitar 1.5 juta buruh", "1.5 juta buruh", 1_500_000.0, "buruh");
    }

    #[test]
    fn years_are_not_figures() {
        none("Sepanjang tahun 2023 hingga 2024 program berjalan.");
        none("Pada 2024 pekerja informal bertambah.");
        none("Penghargaan ASSRAT 2023 diraih.");
    }

    #[test]
    fn dates_are_not_figures() {
        none("Kamis (7/11/2024) lalu.");
        none("Acara digelar 7 November 2024 di aula.");
        none("Tanggal 13/03/2024 18:02 WITA.");
    }

    #[test]
    fn regulations_are_not_figures() {
        none("sesuai PP 44/2015 dan Inpres Nomor 2 Tahun 2021.");
        none("Surat Edaran Nomor: 560/7095/2021 serta Keputusan 415.4/7839/2022.");
        none("amanat UUD 1945 Pasal 38H ayat (3) menjamin.");
        none("Inpres No 2 tahun 2021 berlaku.");
        none("Permenaker 5 Tahun 2021 mengatur 3 hal.");
    }

    #[test]
    fn citation_word_blocks_count() {
        none("lihat Pasal 12 pekerja migran");
    }

    #[test]
    fn times_and_phones_are_not_figures() {
        none("Senin, 10:21 WIB");
        none("dimulai pukul 10.00 WIB");
        none("hubungi 0812-3456-7890 atau +62 21 555");
        none("layanan 24 jam dan 2x24 jam");
    }

    #[test]
    fn names_with_digits_are_not_figures() {
        none("Liputan6.com, Medan");
        none("Bulan K3 Nasional dan BP2MI serta COVID-19.");
        none("Ia pegawai ke-45 kantor itu.");
    }

    #[test]
    fn list_numbers_are_not_figures() {
        none("1. Pekerja diminta melapor\n\n2. Perusahaan wajib patuh");
    }

    #[test]
    fn ranges_are_skipped() {
        none("antara 5-10 orang");
    }
}
