//! Figures: sums of money, percentages and counts, normalised to a number
//! and a unit, each with the sentence it comes from.
//!
//! Researchers ask "how much was paid out", "how many workers", "what share";
//! Indonesian news states these as `Rp37,83 miliar`, `43,43 juta pekerja`,
//! `45,34%`. This module reads them from a clean body and leaves everything
//! else that looks numeric (years, dates, regulation numbers, times, phone
//! numbers, list numbers, names such as `Liputan6` or `K3`) alone.
//!
//! # Numbers
//!
//! Only digits are read (`tiga` or `delapan provinsi` are not figures).
//! Indonesian format: `.` separates thousands in groups of exactly three,
//! `,` is the decimal mark: `8.000` = 8000, `37,83` = 37.83,
//! `1.234.567,89`. A number with one dot followed by one or two digits
//! (`6.6`) cannot be Indonesian thousands, so it is read as an English
//! decimal **only** after a currency sign or before a scale word or a percent
//! sign (`Rp6.6 T`, `1.5 juta`, `2.5%`); elsewhere (`10.21 WIB`, `415.4/…`)
//! it is not a figure. `6.600` is always six thousand six hundred. Values are
//! computed from the decimal digits (no binary rounding on the way), so
//! `Rp37,83 miliar` is exactly 37 830 000 000.
//!
//! Scale words (case-insensitive, glued or spaced): `ribu`/`rb` ×10³,
//! `juta`/`jt` ×10⁶, `miliar`/`milyar` ×10⁹, `triliun`/`trilyun` ×10¹²; the
//! abbreviations `M` (miliar) and `T` (triliun) only in upper case and only
//! after a currency sign (`Rp 6,6 T`).
//!
//! # Units
//!
//! - **Money** — `Rp`, `Rp.`, `IDR` (any case, standing alone) before the
//!   number, or `rupiah` after it (`500 ribu rupiah`): unit `"IDR"`, value
//!   in rupiah. A trailing `,-` is part of the text. `US$`/`USD` give
//!   `"USD"`. `Rp5 juta` → 5 000 000.
//! - **Percent** — `%`, `persen`, `persennya`, `prosen` after the number:
//!   unit `"percent"`, value as written (`45,34%` → 45.34).
//! - **Counts** — a number (optionally scaled) directly followed by a counted
//!   noun from [`COUNTED_NOUNS`] (`63.680 perusahaan`, `457 Ribu Kasus`,
//!   `228 pemberi kerja/badan usaha`). The unit is the Indonesian noun as
//!   listed, lower case (`"pekerja"`, `"tenaga kerja"`, `"perusahaan"`):
//!   users are researchers who read Indonesian, and a translated label
//!   ("workers") would merge nouns the articles keep apart (`pekerja`,
//!   `buruh`, `tenaga kerja`). The text covers the noun.
//!   A count must be a whole number.
//!   When no noun follows:
//!   1. a copula and a noun (`28,1 juta merupakan pekerja`,
//!      `5 juta di antaranya pekerja`) give that noun; the text is the number
//!      alone;
//!   2. a *scaled* number (`sebanyak 43,43 juta,`) takes the nearest counted
//!      noun earlier in the same sentence, at most [`BACK_WINDOW`] bytes
//!      back, unless a money word (`sebesar`, `dana`, `iuran` …) stands
//!      between them (`penerima` in `penerima upah` is a category, not the
//!      head noun, and is passed over); failing that its unit is `"count"`;
//!   3. an unscaled bare number (`sebanyak 42,`, `(44)`) is not a figure:
//!      without a noun it is as likely an age, a page or an item number.
//!
//! # Not figures
//!
//! - years: a bare four-digit number 1900–2100 that is not money or a
//!   percentage (`2024`, `tahun 2023`, `ASSRAT 2023`, even `2024 pekerja`,
//!   because counts from 1000 up carry a thousands dot in Indonesian);
//! - dates and regulation numbers: anything joined to another number by
//!   `/`, `:` or a dash (`7/11/2024`, `PP 44/2015`, `560/7095/2021`,
//!   `10:21 WIB`, ranges `5–10 juta`, `0812-3456-7890`); a number followed by
//!   `Tahun YYYY` (`Nomor 2 Tahun 2021`) or preceded by a citation word
//!   (`Nomor`, `No`, `Pasal`, `ayat`, `PP`, `UU`, `Inpres`, `pukul` …);
//!   month-name dates (`7 November 2024`) have no counted noun;
//! - numbers glued to letters or a dash (`Liputan6`, `K3`, `BP2MI`,
//!   `38H`, `COVID-19`, `ke-45`, `2x24`), phone-like numbers with a leading
//!   zero or `+`;
//! - list numbers at the start of a line (`1. Melalui …`): the dot keeps the
//!   noun away, and the sentence splitter does not cut there.
//!
//! # Sentences
//!
//! Lines are split at newlines, then at `.`, `!`, `?` or `…` (with any
//! closing quote or bracket) followed by white space and an upper-case letter
//! or an opening quote. Dots inside numbers (`8.000`), abbreviations (`Pj.`,
//! `Dr.`, `Rp.`, initials `A.`, `S.H.`) and list numbers at a line start do
//! not end a sentence. The sentence is stored trimmed; a sentence longer than
//! [`MAX_SENTENCE`] bytes is cut to a window around the figure.
//!
//! Exact repeats (same text in the same sentence) are kept once. Work is
//! linear in the body: every look-around is a bounded window.

mod gate;
mod number;
mod read;
mod sentences;

use serde::{Deserialize, Serialize};

use number::number_spans;
use read::read_figure;
use sentences::line_sentences;

/// One figure found in a body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The span as written (`Rp37,83 miliar`, `43,43 juta pekerja`).
    pub text: String,
    /// The normalised value (37 830 000 000.0; 43 430 000.0; 45.34).
    pub value: f64,
    /// `"IDR"`, `"USD"`, `"percent"`, `"count"` or a counted noun.
    pub unit: String,
    /// The sentence the figure occurs in, trimmed.
    pub sentence: String,
}

/// Unit of rupiah amounts.
pub const UNIT_IDR: &str = "IDR";
/// Unit of US dollar amounts.
pub const UNIT_USD: &str = "USD";
/// Unit of percentages.
pub const UNIT_PERCENT: &str = "percent";
/// Unit of a scaled number whose counted noun could not be found.
pub const UNIT_COUNT: &str = "count";

/// Nouns that make a number a count, lower case; the unit is the noun.
pub const COUNTED_NOUNS: &[&str] = &[
    "pekerja",
    "peserta",
    "tenaga kerja",
    "buruh",
    "karyawan",
    "pegawai",
    "orang",
    "jiwa",
    "warga",
    "penduduk",
    "keluarga",
    "kepala keluarga",
    "perusahaan",
    "pemberi kerja",
    "badan usaha",
    "pelaku usaha",
    "usaha",
    "umkm",
    "kasus",
    "klaim",
    "nelayan",
    "petani",
    "pedagang",
    "penambang",
    "pengemudi",
    "kurir",
    "ojol",
    "proyek",
    "paket",
    "kelurahan",
    "desa",
    "kecamatan",
    "asosiasi",
    "provinsi",
    "kabupaten",
    "kota",
    "kabupaten/kota",
    "kantor cabang",
    "kantor wilayah",
    "kantor",
    "anak",
    "siswa",
    "pelajar",
    "mahasiswa",
    "penerima",
    "ahli waris",
    "pendonor",
    "kantong",
    "korban",
    "jenazah",
    "pmi",
    "relawan",
    "agen",
    "anggota",
    "pengaduan",
    "laporan",
    "sekolah",
    "pasar",
    "unit",
    "rumah",
    "koperasi",
    "instansi",
    "lembaga",
    "guru",
];

/// Longest sentence stored whole, in bytes.
pub const MAX_SENTENCE: usize = 600;
/// How far back (bytes) a scaled number looks for its counted noun.
pub const BACK_WINDOW: usize = 120;

/// Finds money, percentages and counts in a clean body, in order.
pub fn find_figures(body: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut sentences = Vec::new();
    for line in body.lines() {
        // Sentences never cross lines, and a figure needs a NUMBER match,
        // which is an ASCII digit: a line without one has no figures.
        if gate::first_digit(line.as_bytes()).is_none() {
            continue;
        }
        sentences.clear();
        line_sentences(line, &mut sentences);
        for sentence in &sentences {
            // A sentence has few figures: those kept from it are compared
            // rather than hashed.
            let first = out.len();
            for figure in figures_in_sentence(sentence) {
                if !out[first..].iter().any(|f: &Figure| f.text == figure.text) {
                    out.push(figure);
                }
            }
        }
    }
    out
}

/// The figures of one sentence, repeats included.
fn figures_in_sentence(sentence: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    for (s, e) in number_spans(sentence) {
        if let Some((start, end, value, unit)) = read_figure(sentence, s, e) {
            out.push(Figure {
                text: sentence[start..end].to_string(),
                value,
                unit,
                sentence: excerpt(sentence, start, end).to_string(),
            });
        }
    }
    out
}

/// Up to `n` bytes before `at`, cut at a char boundary.
fn window_before(text: &str, at: usize, n: usize) -> &str {
    let mut start = at.saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..at]
}

/// Up to `n` bytes from `at`, cut at a char boundary.
fn window_after(text: &str, at: usize, n: usize) -> &str {
    let mut end = (at + n).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[at..end]
}

/// The stored sentence: whole, or a window around `start..end` when long.
fn excerpt(sentence: &str, start: usize, end: usize) -> &str {
    if sentence.len() <= MAX_SENTENCE {
        return sentence;
    }
    let half = (MAX_SENTENCE - (end - start).min(MAX_SENTENCE)) / 2;
    let left = window_before(sentence, start, half);
    let right = window_after(sentence, end, half);
    let cut = left.char_indices().find(|(_, c)| c.is_whitespace());
    let from = start - left.len() + cut.map_or(0, |(i, c)| i + c.len_utf8());
    let to = end + right.rfind(char::is_whitespace).unwrap_or(right.len());
    sentence[from..to].trim()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::sentences::sentences;
    use super::*;

    /// `(text, value, unit)` of every figure in `body`.
    pub(super) fn figs(body: &str) -> Vec<(String, f64, String)> {
        find_figures(body).into_iter().map(|f| (f.text, f.value, f.unit)).collect()
    }

    /// The only figure in `body`.
    fn one(body: &str) -> (String, f64, String) {
        let all = figs(body);
        assert_eq!(all.len(), 1, "{body:?} gave {all:?}");
        all.into_iter().next().unwrap()
    }

    pub(super) fn check(body: &str, text: &str, value: f64, unit: &str) {
        assert_eq!(one(body), (text.to_string(), value, unit.to_string()), "{body:?}");
    }

    pub(super) fn none(body: &str) {
        assert_eq!(figs(body), vec![], "{body:?}");
    }

    #[test]
    fn skipping_digitless_lines_changes_nothing() {
        let every_sentence = |body: &str| -> Vec<Figure> {
            let mut out = Vec::new();
            for sentence in sentences(body) {
                let mut seen = HashSet::new();
                for figure in figures_in_sentence(sentence) {
                    if seen.insert(figure.text.clone()) {
                        out.push(figure);
                    }
                }
            }
            out
        };
        for body in [
            "",
            "Dana Rp 5 miliar cair. Tanpa angka di sini.\nBaris tanpa angka.\n\n10 persen pekerja hadir.",
            "Iuran naik ٣ persen.\nUpah Rp 2,5 juta. Lalu 2,5 juta lagi.\r\nSebanyak 300 pekerja.",
            "Tahun 2024 ada 12 kantor. Nomor 5 ditutup.\n\n\nRp 1.000.000,- dibayar.",
        ] {
            assert_eq!(find_figures(body), every_sentence(body), "{body:?}");
        }
    }

    #[test]
    fn exact_repeats_in_a_sentence_are_kept_once() {
        let f = find_figures("Rp5 juta untuk ibu dan Rp5 juta untuk buruh. Lalu Rp5 juta lagi.");
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn figures_keep_document_order() {
        let units: Vec<String> = find_figures("Ada 3 kasus, 40% selesai, Rp2 juta dibayar.")
            .into_iter()
            .map(|f| f.unit)
            .collect();
        assert_eq!(units, ["kasus", "percent", "IDR"]);
    }

    #[test]
    fn long_sentence_is_cut_around_figure() {
        let filler = "kata ".repeat(300);
        let body = format!("{filler}sebanyak 77 kasus {filler}");
        let f = find_figures(&body);
        assert_eq!(f.len(), 1);
        assert!(f[0].sentence.len() <= MAX_SENTENCE);
        assert!(f[0].sentence.contains("77 kasus"));
    }

    #[test]
    fn figure_carries_sentence() {
        let f = find_figures("Ada 3 kasus.");
        let expected = Figure {
            text: "3 kasus".into(),
            value: 3.0,
            unit: "kasus".into(),
            sentence: "Ada 3 kasus.".into(),
        };
        assert_eq!(f, vec![expected]);
    }

    #[test]
    fn never_panics_on_unicode() {
        let samples = [
            "",
            "Rp",
            "Rp.",
            "Rp9",
            "ÅRp5 jutaé",
            "5\u{a0}juta\u{a0}pekerja",
            "٣ juta pekerja",
            "𝟑 juta",
            "Rp5 juta🙂pekerja",
            "1.😀",
            "é1,é",
            "\u{200b}7 kasus",
            "…5 kasus… Ä.",
            "9999999999999999999999999999999999999 orang",
            "Rp1.000.000.000.000.000.000.000.000.000.000.000.000.000 T",
        ];
        for s in samples {
            let _ = find_figures(s);
        }
        assert_eq!(figs("5\u{a0}juta\u{a0}pekerja")[0].2, "pekerja");
    }

    /// `count` lines of `len` characters drawn from `alphabet` by a xorshift
    /// generator started at `seed` (the same lines on every run).
    pub(super) fn random_lines(alphabet: &str, seed: u64, count: usize, len: usize) -> Vec<String> {
        let alphabet: Vec<char> = alphabet.chars().collect();
        let mut state = seed;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            alphabet[(state % alphabet.len() as u64) as usize]
        };
        (0..count).map(|_| (0..len).map(|_| next()).collect()).collect()
    }

    #[test]
    fn never_panics_on_random_input() {
        let alphabet = "0123456789.,%/:- RpTMjutaribupekerja\u{a0}é😀“”\"\n!?Ä€$()";
        for s in random_lines(alphabet, 0x9E37_79B9_7F4A_7C15, 300, 120) {
            for f in find_figures(&s) {
                assert!(f.value.is_finite());
                assert!(s.contains(&f.text));
            }
        }
    }

    #[test]
    fn large_input_is_handled() {
        let body = "Sebanyak 12 ribu pekerja dan Rp3 miliar, 5% naik; ".repeat(20_000);
        let f = find_figures(&body);
        assert_eq!(f.len(), 3); // one sentence, repeats dropped
    }

    /// The seed folder: `../shared/seeds` beside the crate.
    fn seeds_dir() -> Option<std::path::PathBuf> {
        crate::test_support::seeds_dir()
    }

    fn seed(dir: &std::path::Path, prefix: &str) -> Option<Vec<(String, f64, String)>> {
        let entry = std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
        Some(figs(&std::fs::read_to_string(entry.path()).ok()?))
    }

    fn has(found: &[(String, f64, String)], text: &str, value: f64, unit: &str) {
        assert!(
            found.iter().any(|(t, v, u)| t == text && *v == value && u == unit),
            "missing {text} = {value} {unit} in {found:?}"
        );
    }

    #[test]
    fn seeds() {
        let Some(dir) = seeds_dir() else { return };
        if let Some(f) = seed(&dir, "000_") {
            has(&f, "Rp37,83 miliar", 37_830_000_000.0, "IDR");
            has(&f, "43,43 juta", 43_430_000.0, "pekerja");
            has(&f, "28,1 juta", 28_100_000.0, "pekerja");
            has(&f, "9,12 juta tenaga kerja", 9_120_000.0, "tenaga kerja");
            has(&f, "6,2 juta tenaga kerja", 6_200_000.0, "tenaga kerja");
            has(&f, "228 pemberi kerja", 228.0, "pemberi kerja");
        }
        if let Some(f) = seed(&dir, "001_") {
            has(&f, "Rp 6,6 T", 6_600_000_000_000.0, "IDR");
            has(&f, "457 Ribu Kasus", 457_000.0, "kasus");
            assert!(f.iter().all(|(_, v, _)| !(2000.0..=2100.0).contains(v)), "{f:?}");
        }
        if let Some(f) = seed(&dir, "003_") {
            has(&f, "45,34%", 45.34, "percent");
            has(&f, "3,2 juta pekerja", 3_200_000.0, "pekerja");
            has(&f, "63.680 perusahaan", 63_680.0, "perusahaan");
            has(&f, "Rp5,06 triliun", 5_060_000_000_000.0, "IDR");
            has(&f, "11,72%", 11.72, "percent");
            has(&f, "Rp36.800", 36_800.0, "IDR");
        }
        for prefix in ["000_", "001_", "002_", "003_", "004_"] {
            for (text, _, _) in seed(&dir, prefix).unwrap_or_default() {
                assert!(!text.contains('/') && !text.contains(':'), "{prefix}: {text}");
            }
        }
    }
}
