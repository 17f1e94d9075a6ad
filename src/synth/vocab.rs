//! The generator's vocabulary: a Zipf-like distribution over Indonesian
//! word forms, so that generated text has the frequency profile the index
//! and the stemmer meet in real news (a few function words everywhere, a
//! long tail of rare affixed forms).
//!
//! The words are built, not copied: roots from our stemmer's root list
//! (`analysis/stem/roots.txt`) with the productive affixes applied (meN- with
//! its nasal assimilation, di-, ber-, ter-, peN-…-an, ke-…-an, -kan, -i,
//! -nya), after the function words of `analysis/stopwords.txt` and a short
//! list of news words of our own.

use std::sync::LazyLock;

use crate::synth::rng::Rng;

const ROOTS: &str = include_str!("../analysis/stem/roots.txt");
const STOPWORDS: &str = include_str!("../analysis/stopwords.txt");

/// Frequent content words of labour and social-security news (our own list).
const NEWS_WORDS: &[&str] = &[
    "pekerja",
    "peserta",
    "jaminan",
    "sosial",
    "ketenagakerjaan",
    "perusahaan",
    "program",
    "manfaat",
    "iuran",
    "klaim",
    "pemerintah",
    "daerah",
    "kantor",
    "cabang",
    "wilayah",
    "tahun",
    "data",
    "layanan",
    "perlindungan",
    "buruh",
    "kerja",
    "kecelakaan",
    "kematian",
    "pensiun",
    "upah",
    "gaji",
    "bantuan",
    "dana",
    "kepesertaan",
    "pelayanan",
    "masyarakat",
    "warga",
    "desa",
    "kota",
    "kabupaten",
    "provinsi",
    "nelayan",
    "petani",
    "pedagang",
    "sektor",
    "informal",
    "formal",
    "target",
    "capaian",
    "anggaran",
    "rumah",
    "sakit",
    "santunan",
    "ahli",
    "waris",
    "keluarga",
    "anak",
    "beasiswa",
    "pendidikan",
    "kesehatan",
    "aplikasi",
    "digital",
    "rekening",
    "saldo",
    "pencairan",
    "pendaftaran",
    "sosialisasi",
    "kolaborasi",
    "komitmen",
    "kebijakan",
    "regulasi",
    "pengawasan",
    "kepatuhan",
    "tunggakan",
    "denda",
    "sanksi",
    "mitra",
    "koperasi",
];

/// Roots taken from the root list (a fixed, spread-out sample).
const ROOT_SAMPLE: usize = 5000;
/// Zipf exponent: close to 1, as in natural text.
const ZIPF_S: f64 = 1.0;

/// The vocabulary and its cumulative Zipf weights.
pub struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

/// The one vocabulary every generator shares (built once, ~0.1 s).
pub static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::build);

impl Vocabulary {
    fn build() -> Self {
        let mut words: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut push = |w: String, words: &mut Vec<String>| {
            if seen.insert(w.clone()) {
                words.push(w);
            }
        };
        for line in STOPWORDS.lines().filter(|l| !l.starts_with('#')) {
            if let Some(word) = line.split('\t').next().filter(|w| !w.is_empty()) {
                push(word.to_string(), &mut words);
            }
        }
        for word in NEWS_WORDS {
            push((*word).to_string(), &mut words);
        }
        // Function and news words share the top ranks, in a fixed mixed order.
        let mut rng = Rng::new(0x005E_ED0F_0CAB);
        for i in (1..words.len()).rev() {
            words.swap(i, rng.below(i + 1));
        }
        let mut roots: Vec<&str> = ROOTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::trim)
            .filter(|w| (4..=9).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        // A fixed shuffle: the rank of a root does not depend on the user's seed.
        for i in (1..roots.len()).rev() {
            roots.swap(i, rng.below(i + 1));
        }
        roots.truncate(ROOT_SAMPLE);
        for root in roots {
            // The bare root first, then its derived forms in a root-specific order.
            push(root.to_string(), &mut words);
            let mut forms = derived_forms(root);
            for i in (1..forms.len()).rev() {
                forms.swap(i, rng.below(i + 1));
            }
            for form in forms.into_iter().take(4) {
                push(form, &mut words);
            }
        }
        let mut cumulative = Vec::with_capacity(words.len());
        let mut total = 0.0;
        for rank in 1..=words.len() {
            total += 1.0 / (rank as f64).powf(ZIPF_S);
            cumulative.push(total);
        }
        Vocabulary { words, cumulative }
    }

    /// Number of distinct word forms.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the vocabulary is empty (never, for the embedded lists).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// One word, drawn with Zipf weights.
    pub fn draw(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c <= x);
        self.words.get(i.min(self.words.len().saturating_sub(1))).map_or("", String::as_str)
    }

    /// The word of a given rank (0 = most frequent).
    pub fn word(&self, rank: usize) -> Option<&str> {
        self.words.get(rank).map(String::as_str)
    }
}

/// Whether `c` is a vowel.
fn vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The nasal prefix for `root` (`me`/`pe` given as `base`): `mem`, `men`,
/// `meny`, `meng` or `me`, and the root with its first consonant dropped
/// where Indonesian drops it (p, t, s, k before a vowel).
fn nasal(base: &str, root: &str) -> String {
    let mut chars = root.chars();
    let first = chars.next().unwrap_or('a');
    let second = chars.next().unwrap_or('a');
    let rest = root.get(1..).unwrap_or("");
    match first {
        'p' if vowel(second) => format!("{base}m{rest}"),
        't' if vowel(second) => format!("{base}n{rest}"),
        's' if vowel(second) => format!("{base}ny{rest}"),
        'k' if vowel(second) => format!("{base}ng{rest}"),
        'b' | 'f' | 'v' | 'p' => format!("{base}m{root}"),
        'd' | 'c' | 'j' | 'z' | 't' | 's' => format!("{base}n{root}"),
        'g' | 'h' | 'k' => format!("{base}ng{root}"),
        c if vowel(c) => format!("{base}ng{root}"),
        _ => format!("{base}{root}"),
    }
}

/// The derived forms of a root: meN-, di-, meN-…-kan, di-…-kan, meN-…-i,
/// ber-, ter-, peN-…-an, ke-…-an, per-…-an and -nya.
pub fn derived_forms(root: &str) -> Vec<String> {
    let ber = if root.starts_with('r') { "be" } else { "ber" };
    let ter = if root.starts_with('r') { "te" } else { "ter" };
    let mut forms = vec![
        nasal("me", root),
        format!("di{root}"),
        format!("{}kan", nasal("me", root)),
        format!("di{root}kan"),
        format!("{ber}{root}"),
        format!("{ter}{root}"),
        format!("{}an", nasal("pe", root)),
        format!("ke{root}an"),
        format!("{root}nya"),
    ];
    if !root.ends_with('i') {
        forms.push(format!("{}i", nasal("me", root)));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_assimilate() {
        let forms = derived_forms("pakai");
        assert!(forms.contains(&"memakai".to_string()));
        assert!(forms.contains(&"pemakaian".to_string()));
        assert!(forms.contains(&"dipakaikan".to_string()));
        assert!(derived_forms("tulis").contains(&"menulis".to_string()));
        assert!(derived_forms("sapu").contains(&"menyapu".to_string()));
        assert!(derived_forms("kirim").contains(&"mengirim".to_string()));
        assert!(derived_forms("ambil").contains(&"mengambil".to_string()));
        assert!(derived_forms("bayar").contains(&"membayar".to_string()));
        assert!(derived_forms("lapor").contains(&"melapor".to_string()));
        assert!(derived_forms("rawat").contains(&"berawat".to_string()));
    }

    #[test]
    fn vocabulary_is_large_and_zipfian() {
        let v = &*VOCABULARY;
        assert!(v.len() > 10_000, "{}", v.len());
        assert!(!v.is_empty());
        let mut rng = Rng::new(3);
        let mut counts = std::collections::HashMap::new();
        for _ in 0..50_000 {
            *counts.entry(v.draw(&mut rng).to_string()).or_insert(0usize) += 1;
        }
        let top = v.word(0).unwrap_or_default();
        let rare = v.word(v.len() - 1).unwrap_or_default();
        // The most frequent word is drawn far more often than the rarest.
        assert!(counts.get(top).copied().unwrap_or(0) > 1000);
        assert!(counts.get(rare).copied().unwrap_or(0) < 20);
        assert!(counts.len() > 5_000);
    }
}
