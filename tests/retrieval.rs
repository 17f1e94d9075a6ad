//! Retrieval through the real index and search path: word families that
//! must find each other, confusable pairs that must not, and aliases that
//! must work both ways. Each word gets its own one-line article, so a hit
//! can only come from that word.

use std::collections::BTreeSet;

use crate::util::{TestEnv, ids};

/// Word families a searcher expects to match each other.
const FAMILIES: &[&[&str]] = &[
    &["melindungi", "perlindungan", "terlindungi", "dilindungi", "pelindung"],
    &["menerima", "penerima", "diterima", "penerimaan"],
    &["pekerja", "bekerja", "pekerjaan", "dipekerjakan"],
    &["pengawasan", "mengawasi", "diawasi", "pengawas"],
    &["keberlanjutan", "berkelanjutan", "melanjutkan", "dilanjutkan"],
    &["penghasilan", "berpenghasilan", "menghasilkan", "dihasilkan"],
    &["meningkatkan", "peningkatan", "ditingkatkan", "meningkat"],
    &["mengatakan", "dikatakan", "perkataan"],
    &["memperkuat", "penguatan", "diperkuat", "menguatkan"],
    // Not "memiliki": the everyday verb "has" is a stopword of the stemmed
    // view (src/analysis/stopwords-README.md), so it does not flood
    // searches for owners and ownership.
    &["pemilik", "kepemilikan", "dimiliki"],
    &["menemukan", "pertemuan", "ditemukan", "temuan"],
    &["menegaskan", "ditegaskan", "penegasan"],
    &["menyebutkan", "disebut", "penyebutan"],
    &["membayar", "pembayaran", "dibayarkan", "bayaran"],
    &["mendaftar", "pendaftaran", "terdaftar", "didaftarkan"],
    &["kesejahteraan", "menyejahterakan", "sejahterakan"],
    &["pembangunan", "membangun", "dibangun", "bangunan"],
    &["pengusaha", "perusahaan", "berusaha", "usaha"],
    &["pencairan", "dicairkan", "mencairkan"],
    &["menanggung", "tanggungan", "ditanggung", "penanggung"],
    &["pekerja-pekerja", "pekerja"],
    &["peserta", "kepesertaan", "pesertanya"],
    &["menyertakan", "disertakan", "penyertaan"],
];

/// Pairs that look alike but must never find each other.
const CONFUSABLE: &[(&str, &str)] = &[
    ("bekas", "Bekasi"),
    ("serta", "peserta"),
    ("menyertakan", "peserta"),
    ("disertakan", "kepesertaan"),
    ("dia", "media"),
    ("teri", "menteri"),
    ("pala", "kepala"),
    ("selat", "selatan"),
    ("tega", "penegakan"),
];

/// Names that must find each other, both ways.
const ALIASES: &[(&str, &str)] = &[
    ("BPJAMSOSTEK", "BPJS Ketenagakerjaan"),
    ("BP Jamsostek", "BPJS Ketenagakerjaan"),
    ("BPJS TK", "BPJAMSOSTEK"),
    ("Jamsostek", "BPJS Ketenagakerjaan"),
    ("Kemnaker", "Kementerian Ketenagakerjaan"),
    ("Kemenaker", "Kemnaker"),
    ("Jatim", "Jawa Timur"),
    ("Sumut", "Sumatera Utara"),
    ("Kalteng", "Kalimantan Tengah"),
    ("NTB", "Nusa Tenggara Barat"),
    ("DIY", "Daerah Istimewa Yogyakarta"),
    ("JKK", "jaminan kecelakaan kerja"),
    ("JHT", "jaminan hari tua"),
    ("JKP", "jaminan kehilangan pekerjaan"),
];

/// One article per word: `w000.txt` "Catatan" / "Kata pilihan: WORD."
fn corpus(words: &[&str]) -> (TestEnv, Vec<String>) {
    let env = TestEnv::new();
    let mut files = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let name = format!("w{i:03}.txt");
        env.write(&format!("corpus/{name}"), format!("Catatan nomor {i}\n\nKata pilihan: {w}.\n"));
        files.push(name);
    }
    let out = env.warta(&["index", "corpus", "--index", "index", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    (env, files)
}

fn found(env: &TestEnv, query: &str) -> BTreeSet<String> {
    ids(&env.search_json(&[&format!("\"{query}\""), "--limit", "500"])).into_iter().collect()
}

fn found_word(env: &TestEnv, query: &str) -> BTreeSet<String> {
    ids(&env.search_json(&[query, "--limit", "500"])).into_iter().collect()
}

#[test]
fn word_families_find_each_other() {
    let words: Vec<&str> = FAMILIES.iter().flat_map(|f| f.iter().copied()).collect();
    let (env, files) = corpus(&words);
    let mut failures = Vec::new();
    let mut i = 0;
    for family in FAMILIES {
        let family_files: BTreeSet<String> = files[i..i + family.len()].iter().cloned().collect();
        for w in *family {
            let got = found_word(&env, w);
            if !family_files.is_subset(&got) {
                failures.push(format!("{w}: found {got:?}, family {family:?} is {family_files:?}"));
            }
        }
        i += family.len();
    }
    assert!(failures.is_empty(), "{} misses:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn confusable_words_never_find_each_other() {
    let words: Vec<&str> = CONFUSABLE.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let (env, files) = corpus(&words);
    for (k, (a, b)) in CONFUSABLE.iter().enumerate() {
        let (fa, fb) = (&files[2 * k], &files[2 * k + 1]);
        assert!(!found_word(&env, a).contains(fb), "{a} found {b}");
        assert!(!found_word(&env, b).contains(fa), "{b} found {a}");
        assert!(found_word(&env, a).contains(fa) && found_word(&env, b).contains(fb), "{a}/{b}");
    }
}

#[test]
fn aliases_match_both_ways_and_bpjs_kesehatan_stays_apart() {
    let mut words: Vec<&str> = ALIASES.iter().flat_map(|(a, b)| [*a, *b]).collect();
    words.push("BPJS Kesehatan");
    let (env, files) = corpus(&words);
    for (k, (a, b)) in ALIASES.iter().enumerate() {
        let (fa, fb) = (&files[2 * k], &files[2 * k + 1]);
        assert!(found_word(&env, a).contains(fb), "{a} does not find {b}");
        assert!(found_word(&env, b).contains(fa), "{b} does not find {a}");
        assert!(found_word(&env, &format!("title:{a}")).is_empty(), "titles say neither");
    }
    let kesehatan = files.last().unwrap();
    for agency in ["BPJAMSOSTEK", "BPJS Ketenagakerjaan", "Jamsostek", "BPJS TK"] {
        assert!(!found_word(&env, agency).contains(kesehatan), "{agency} found BPJS Kesehatan");
    }
}

#[test]
fn a_quoted_name_means_exact_wording() {
    let (env, files) = corpus(&["Jamsostek", "BPJS Ketenagakerjaan"]);
    assert_eq!(found(&env, "Jamsostek"), BTreeSet::from([files[0].clone()]));
    assert_eq!(found_word(&env, "Jamsostek"), files.iter().cloned().collect());
}
