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

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

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
/// Bytes after a number searched for its scale, unit or noun.
const AHEAD_WINDOW: usize = 96;
/// Longest number token read, in bytes.
const MAX_NUMBER: usize = 40;

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

/// Abbreviations whose dot does not end a sentence, lower case.
const ABBREVIATIONS: &[&str] = &[
    "pj", "plt", "plh", "no", "dr", "drs", "dra", "ir", "prof", "h", "hj", "st", "sdr", "sdri",
    "bpk", "bp", "ny", "tn", "jl", "kab", "kec", "kel", "prov", "rp", "dll", "dsb", "dkk", "dst",
    "kol", "jend",
];

/// A number token; its format is checked by [`parse_number`]. Found by
/// [`number_spans`]; the regex states what that finds.
#[cfg(test)]
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9][0-9.,]*[0-9]|[0-9]").unwrap());

/// A currency sign at the end of the text before a number.
static MONEY_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(rp\.?|idr|usd|us\$)\s*$").unwrap());

/// A scale word right after a number.
static SCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?i:triliun|trilyun|miliar|milyar|juta|ribu|jt|rb)|T|M)\b").unwrap()
});

/// `,-` closing a rupiah amount.
static MONEY_DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^,-").unwrap());

/// `rupiah` after an amount.
static RUPIAH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s*rupiah\b").unwrap());

/// A percent sign or word after a number.
static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:%|(?i:persennya|persen|prosen)\b)").unwrap());

/// `Tahun YYYY` after a regulation number.
static TAHUN_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+tahun\s+[0-9]{4}\b").unwrap());

/// The alternation of counted nouns, longest first.
static NOUN_ALT: LazyLock<String> = LazyLock::new(|| {
    let mut nouns: Vec<&str> = COUNTED_NOUNS.to_vec();
    nouns.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alts: Vec<String> = nouns.iter().map(|n| regex::escape(n).replace(' ', r"\s+")).collect();
    alts.join("|")
});

/// A counted noun right after a number.
static NOUN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\s+({})\b", *NOUN_ALT)).unwrap());

/// A copula and a counted noun right after a number.
static COPULA_NOUN: LazyLock<Regex> = LazyLock::new(|| {
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
            let mut seen = HashSet::new();
            for figure in figures_in_sentence(sentence) {
                if seen.insert(figure.text.clone()) {
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

/// The `start..end` spans of the [`NUMBER`] matches of `text`, without a
/// regex call per sentence. The regex matches, from the first ASCII digit,
/// the longest run of digits, dots and commas that ends in a digit (its
/// first branch when the run holds a second digit, else the lone digit);
/// the next search starts at that end. Only ASCII bytes take part, and they
/// never occur inside a multi-byte character.
fn number_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + gate::first_digit(bytes.get(at..)?)?;
        let mut end = start + 1;
        for (i, b) in bytes.iter().enumerate().skip(start + 1) {
            match b {
                b'0'..=b'9' => end = i + 1,
                b'.' | b',' => {}
                _ => break,
            }
        }
        at = end;
        Some((start, end))
    })
}

/// Reads the figure around the number token `s..e`: its span, value and unit.
fn read_figure(sentence: &str, s: usize, e: usize) -> Option<(usize, usize, f64, String)> {
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
    let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    !word.is_empty() && CITATION_WORDS.contains(&word.as_str())
}

/// The unit label of a matched noun: lower case, single spaces.
fn unit_of(noun: &str) -> String {
    noun.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Power of ten of a scale word.
fn scale_exponent(word: &str) -> Option<i32> {
    match word.to_lowercase().as_str() {
        "ribu" | "rb" => Some(3),
        "juta" | "jt" => Some(6),
        "miliar" | "milyar" | "m" => Some(9),
        "triliun" | "trilyun" | "t" => Some(12),
        _ => None,
    }
}

/// A number token split into its decimal digits.
#[derive(Debug, PartialEq)]
struct Number<'a> {
    int: String,
    frac: &'a str,
    /// Read with an English decimal dot (`6.6`).
    english: bool,
    /// Written with thousands dots (`2.000`).
    grouped: bool,
}

impl Number<'_> {
    /// The value times 10^`exponent`, computed from the decimal digits.
    fn value(&self, exponent: i32) -> Option<f64> {
        let shift = exponent - i32::try_from(self.frac.len()).ok()?;
        let v: f64 = format!("{}{}e{}", self.int, self.frac, shift).parse().ok()?;
        v.is_finite().then_some(v)
    }

    /// A bare four-digit number in 1900..=2100.
    fn is_year(&self) -> bool {
        !self.grouped
            && self.frac.is_empty()
            && self.int.len() == 4
            && self.int.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
    }
}

/// Parses an Indonesian (`1.234,5`) or, when unambiguous, English (`6.6`)
/// number; `None` for anything else (`415.4`, `1,2,3`, `0812`).
fn parse_number(token: &str) -> Option<Number<'_>> {
    if token.len() > MAX_NUMBER
        || !token.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    if token.len() > 1 && token.starts_with('0') && token.as_bytes()[1].is_ascii_digit() {
        return None; // phone numbers, `07 Juni`
    }
    let (int_part, frac) = match token.split_once(',') {
        Some((i, f)) if f.bytes().all(|b| b.is_ascii_digit()) => (i, f),
        Some(_) => return None,
        None => (token, ""),
    };
    let groups: Vec<&str> = int_part.split('.').collect();
    let first = groups[0];
    if first.is_empty() {
        return None;
    }
    if groups.len() == 1 {
        return Some(Number { int: first.to_string(), frac, english: false, grouped: false });
    }
    if groups.len() == 2 && frac.is_empty() && (1..=2).contains(&groups[1].len()) {
        return Some(Number {
            int: first.to_string(),
            frac: groups[1],
            english: true,
            grouped: false,
        });
    }
    if first.len() <= 3 && groups[1..].iter().all(|g| g.len() == 3) {
        return Some(Number { int: groups.concat(), frac, english: false, grouped: true });
    }
    None
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

/// Splits a body into trimmed, non-empty sentences (see the module doc).
#[cfg(test)]
fn sentences(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in body.lines() {
        line_sentences(line, &mut out);
    }
    out
}

/// Appends the sentences of one line to `out`. A sentence ends at `.`, `!`,
/// `?` or `…`, after any closing quotes or brackets, when whitespace and then
/// a capital or an opening quote follow (a `.` of an abbreviation or list
/// number does not end one). The ends are found by a byte search: the ASCII
/// marks are whole characters, and `…` is the only mark whose first byte is
/// 0xE2, a lead byte that never occurs inside another character.
fn line_sentences<'a>(line: &'a str, out: &mut Vec<&'a str>) {
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut at = 0;
    while let Some(k) = bytes[at..].iter().position(|b| matches!(b, b'.' | b'!' | b'?' | 0xE2)) {
        let pos = at + k;
        let c = line[pos..].chars().next().unwrap_or_default();
        at = pos + c.len_utf8();
        if !matches!(c, '.' | '!' | '?' | '…') || pos < start {
            continue;
        }
        let closed = at
            + line[at..]
                .find(|c: char| !matches!(c, '"' | '”' | '’' | '\'' | ')' | '»'))
                .unwrap_or(line.len() - at);
        let next_at = closed
            + line[closed..].find(|c: char| !c.is_whitespace()).unwrap_or(line.len() - closed);
        if next_at == closed || next_at >= line.len() {
            continue;
        }
        let next = line[next_at..].chars().next().unwrap_or_default();
        if !(next.is_uppercase() || matches!(next, '"' | '“' | '”' | '‘' | '\'' | '(')) {
            continue;
        }
        if c == '.' && keeps_dot(&line[start..pos], start == 0) {
            continue;
        }
        push_trimmed(out, &line[start..closed]);
        start = next_at;
    }
    push_trimmed(out, &line[start..]);
}

/// Whether a `.` after `segment` belongs to an abbreviation or a list number.
fn keeps_dot(segment: &str, line_start: bool) -> bool {
    let word = segment.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if word.chars().count() == 1 && letters == 1 {
        return true; // initial `A.`
    }
    if word.contains('.') && letters > 0 && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true; // `S.H.`, `D.I.`
    }
    if ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
        return true;
    }
    line_start
        && !word.is_empty()
        && segment.trim() == word
        && word.bytes().all(|b| b.is_ascii_digit())
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character splitting [`line_sentences`] replaced.
    fn line_sentences_by_char<'a>(
        line: &'a str,
        chars: &mut Vec<(usize, char)>,
        out: &mut Vec<&'a str>,
    ) {
        chars.clear();
        chars.extend(line.char_indices());
        let mut start = 0;
        for (i, &(pos, c)) in chars.iter().enumerate() {
            if !matches!(c, '.' | '!' | '?' | '…') || pos < start {
                continue;
            }
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | '»') {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            if k == j || k >= chars.len() {
                continue;
            }
            let next = chars[k].1;
            if !(next.is_uppercase() || matches!(next, '"' | '“' | '”' | '‘' | '\'' | '(')) {
                continue;
            }
            if c == '.' && keeps_dot(&line[start..pos], start == 0) {
                continue;
            }
            push_trimmed(out, &line[start..chars[j].0]);
            start = chars[k].0;
        }
        push_trimmed(out, &line[start..]);
    }

    /// `(text, value, unit)` of every figure in `body`.
    fn figs(body: &str) -> Vec<(String, f64, String)> {
        find_figures(body).into_iter().map(|f| (f.text, f.value, f.unit)).collect()
    }

    /// The only figure in `body`.
    fn one(body: &str) -> (String, f64, String) {
        let all = figs(body);
        assert_eq!(all.len(), 1, "{body:?} gave {all:?}");
        all.into_iter().next().unwrap()
    }

    fn check(body: &str, text: &str, value: f64, unit: &str) {
        assert_eq!(one(body), (text.to_string(), value, unit.to_string()), "{body:?}");
    }

    fn none(body: &str) {
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
    fn number_spans_are_the_number_matches() {
        for text in [
            "",
            "x",
            "7",
            "Rp 1.234.567,89 dan 2,5 juta.",
            "1.2.,3,,4.. .5 ,6, 12..",
            "a1b22,c333.d",
            "٣ persen dan ١٢٣ orang, 4٥6",
            "é1,é2.é",
            "2024-11-07 10:21 WIB (7/11/2024)",
            "99,",
            ",,,9",
        ] {
            let want: Vec<(usize, usize)> =
                NUMBER.find_iter(text).map(|m| (m.start(), m.end())).collect();
            assert_eq!(number_spans(text).collect::<Vec<_>>(), want, "{text:?}");
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
    fn list_number_does_not_split_sentence() {
        let f = find_figures("3. Target Tercapai, sebanyak 9 juta pekerja terdaftar");
        assert_eq!(f.len(), 1);
        assert!(f[0].sentence.starts_with("3. Target"), "{:?}", f[0].sentence);
    }

    #[test]
    fn ranges_are_skipped() {
        none("antara 5-10 orang");
    }

    #[test]
    fn malformed_numbers_are_skipped() {
        none("kode 1,2,3 pekerja dan 12.34.567 orang");
    }

    #[test]
    fn sentence_split_and_trim() {
        let f = find_figures("  Tahun lalu naik. Kini 8.000 buruh terdaftar! Sisanya belum.  ");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].sentence, "Kini 8.000 buruh terdaftar!");
    }

    #[test]
    fn sentence_not_split_inside_number_or_abbreviation() {
        let f = find_figures("Pj. Gubernur menyebut 8.000 Pekerja dan Rp. 5 juta.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].sentence, "Pj. Gubernur menyebut 8.000 Pekerja dan Rp. 5 juta.");
        assert_eq!(f[1].text, "Rp. 5 juta");
    }

    #[test]
    fn sentence_split_after_closing_quote() {
        let f = find_figures("\u{201c}Sudah 3 juta peserta.\u{201d} Lalu Rp2 miliar cair.");
        assert_eq!(f[0].sentence, "\u{201c}Sudah 3 juta peserta.\u{201d}");
        assert_eq!(f[1].sentence, "Lalu Rp2 miliar cair.");
    }

    #[test]
    fn sentences_split_at_newlines() {
        let f = find_figures("Judul 5 Ribu Pekerja\nIsi berita 7 kasus baru");
        assert_eq!(f[0].sentence, "Judul 5 Ribu Pekerja");
        assert_eq!(f[1].sentence, "Isi berita 7 kasus baru");
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
    fn values_are_exact_decimals() {
        check("Rp37,83 miliar", "Rp37,83 miliar", 37_830_000_000.0, "IDR");
        check("Rp0,1 juta", "Rp0,1 juta", 100_000.0, "IDR");
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
    fn random_lines(alphabet: &str, seed: u64, count: usize, len: usize) -> Vec<String> {
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

    /// Lines the byte search and the character walk must split alike:
    /// every mark, closers, spaces of several kinds, abbreviations.
    #[test]
    fn splitting_by_bytes_equals_splitting_by_characters() {
        let lines = [
            "Iuran naik 3 persen. Peserta baru 12 ribu! Benarkah? Ya… Tentu.",
            "Kata Dr. Sinta, \"dana Rp5 juta.\" Lalu (dia) pergi.) Esok hari.",
            "1. Pertama. 2. Kedua.\u{a0}Ketiga… “Keempat.” ‘Kelima’. (Keenam).",
            "S.H. dan D.I. Yogyakarta. A. Budi datang—lalu pulang. …Akhir",
            "titik.di.tengah.Kata.  Dua spasi.\tTab. Ä besar. é kecil.",
            "…",
            ".",
            "a.",
            ". A",
            "x… Y",
            "»…» Z",
            "",
            "Satu kalimat saja",
        ];
        for line in lines {
            let (mut bytes, mut chars, mut buf) = (Vec::new(), Vec::new(), Vec::new());
            line_sentences(line, &mut bytes);
            line_sentences_by_char(line, &mut buf, &mut chars);
            assert_eq!(bytes, chars, "{line}");
        }
        let alphabet = ".!?…\"”’')»“‘( \u{a0}\tAaZé—Dr1";
        for line in random_lines(alphabet, 0x2545_F491_4F6C_DD1D, 2000, 30) {
            let (mut bytes, mut chars, mut buf) = (Vec::new(), Vec::new(), Vec::new());
            line_sentences(&line, &mut bytes);
            line_sentences_by_char(&line, &mut buf, &mut chars);
            assert_eq!(bytes, chars, "{line}");
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
