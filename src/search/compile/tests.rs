//! The tests of [`super`]: what each `--match` mode counts, and how the
//! compiled queries rank aliases, the thesaurus, places and quoted instruments.

use super::*;
use crate::search::scoring::tests::index_of;
use crate::search::{SearchRequest, search};

#[test]
fn most_needs_all_of_two_words_and_three_of_four() {
    let most: Vec<usize> = (0..=8).map(|n| Match::Most.required(n)).collect();
    assert_eq!(most, [0, 1, 2, 2, 3, 3, 4, 5, 6]);
    assert_eq!(Match::All.required(5), 5);
    assert_eq!(Match::Any.required(5), 1);
    assert_eq!(Match::Any.required(0), 0);
}

/// (counted ids, uncounted ids) of a search, in rank order.
fn run(index: &crate::index::WartaIndex, q: &str, mode: Match) -> (Vec<String>, Vec<String>) {
    let mut req = SearchRequest::new(q);
    req.filters.matching = mode;
    req.limit = 20;
    let r = search(index, &req).unwrap();
    let short = |h: &crate::search::Hit| h.id.trim_start_matches("a.jsonl#").to_string();
    assert_eq!(r.total, r.hits.iter().filter(|h| h.counted).count(), "{q}");
    let counted = r.hits.iter().filter(|h| h.counted).map(short).collect();
    let rest: Vec<String> = r.hits.iter().filter(|h| !h.counted).map(short).collect();
    assert_eq!(r.partial.unwrap_or(0), rest.len(), "{q}");
    (counted, rest)
}

fn articles() -> (tempfile::TempDir, crate::index::WartaIndex) {
    index_of(&[
        ("Nelayan menerima santunan", "Ahli waris nelayan di Ambon menerima santunan kematian."),
        ("Klaim santunan", "Ahli waris pekerja pabrik mengajukan klaim santunan."),
        ("Pendaftaran nelayan", "Kelompok nelayan di Ambon mendaftar sebagai peserta."),
        ("Pasar tradisional", "Pedagang pasar di Bekasi belum terdaftar."),
    ])
}

#[test]
fn the_mode_decides_what_is_counted_and_the_rest_follows() {
    let (_dir, index) = articles();
    // All: only the article with every word is counted; those with some follow, uncounted.
    let (counted, rest) = run(&index, "santunan nelayan Ambon", Match::All);
    assert_eq!(counted, ["1"]);
    assert_eq!(rest.len(), 2, "{rest:?}");
    assert!(!rest.contains(&"4".to_string()));
    // Most: 2 of 3 words.
    let (counted, rest) = run(&index, "santunan nelayan Ambon", Match::Most);
    assert_eq!(counted.len(), 2);
    assert_eq!(counted[0], "1", "more of the words rank higher");
    assert_eq!(rest, ["2"]);
    // Any: every article with one of the words, none left over.
    let (counted, rest) = run(&index, "santunan nelayan Ambon", Match::Any);
    assert_eq!((counted.len(), rest.len()), (3, 0));
}

#[test]
fn plus_phrases_and_explicit_and_stay_required() {
    let (_dir, index) = articles();
    let (counted, rest) = run(&index, "+Ambon santunan", Match::Any);
    assert_eq!(counted.len(), 2);
    assert!(rest.is_empty());
    let (counted, _) = run(&index, "\"ahli waris\" nelayan", Match::Any);
    assert_eq!(counted.len(), 2, "the phrase is required: {counted:?}");
    let (counted, _) = run(&index, "nelayan AND Ambon pasar", Match::Any);
    assert_eq!(counted.len(), 2);
    // Under an exclusion every word counts: only the article with both is removed.
    let (counted, _) = run(&index, "(peserta OR santunan) -(nelayan Ambon)", Match::Any);
    assert_eq!(counted, ["2"]);
}

#[test]
fn a_rare_spelling_of_a_common_name_does_not_outrank_the_subject() {
    // Every article names the agency; one spells it "BPJS TK" (rare), the other is about
    // the rare word asked for.
    let (_dir, index) = index_of(&[
        ("Pekerja migran terlindungi", "BPJS Ketenagakerjaan melindungi pekerja migran di Batam."),
        ("Sosialisasi", "BPJS TK mengajak pekerja mendaftar. Pekerja migran juga boleh."),
        ("Gerai baru", "BPJS Ketenagakerjaan membuka gerai."),
        ("Iuran", "BPJS Ketenagakerjaan menagih iuran."),
    ]);
    let (counted, _) = run(&index, "BPJS Ketenagakerjaan pekerja migran", Match::All);
    assert_eq!(counted, ["1", "2"]);
}

#[test]
fn the_thesaurus_finds_related_wording_below_what_was_typed() {
    let (_dir, index) = index_of(&[
        ("Ojek daring", "Pengemudi ojek daring di Manado mendaftar."),
        ("Ojek online", "Pengemudi ojek online di Semarang mendaftar."),
        ("Pasar", "Pedagang pasar mendaftar."),
    ]);
    let (counted, _) = run(&index, "ojek online", Match::All);
    assert_eq!(counted, ["2", "1"], "what was typed ranks first");
    let mut req = SearchRequest::new("ojek online");
    req.filters.no_expand = true;
    req.explain = true;
    let r = search(&index, &req).unwrap();
    assert_eq!(r.total, 1, "--no-expand: only the words typed");
    let notes = r.explain.unwrap().terms.join("\n");
    assert!(notes.contains("thesaurus off (--no-expand)") && notes.contains("ojol"), "{notes}");
    req.filters.no_expand = false;
    let r = search(&index, &req).unwrap();
    let notes = r.explain.unwrap().terms.join("\n");
    assert!(notes.contains("ojek daring") && notes.contains("thesaurus"), "{notes}");
    // An exclusion excludes what was typed, not its relatives.
    let (counted, _) = run(&index, "mendaftar -online", Match::All);
    assert_eq!(counted.len(), 2);
}

#[test]
fn a_province_in_the_query_also_finds_articles_located_there_ranked_below() {
    let (_dir, index) = index_of(&[
        ("Pekerja rentan di Padang", "PADANG - Pemkot Padang menanggung iuran pekerja rentan."),
        (
            "Pekerja rentan Sumatera Barat",
            "Pemprov Sumatera Barat menanggung iuran pekerja rentan.",
        ),
        ("Pekerja rentan di Bekasi", "BEKASI - Pemkot Bekasi menanggung iuran pekerja rentan."),
    ]);
    let (counted, _) = run(&index, "pekerja rentan Sumatera Barat", Match::All);
    assert_eq!(counted, ["2", "1"]);
    // Exclusions and field restrictions stay with the words.
    let (counted, _) = run(&index, "pekerja -\"Sumatera Barat\"", Match::All);
    assert_eq!(counted.len(), 2);
    let (counted, _) = run(&index, "title:Sumbar OR title:\"Sumatera Barat\"", Match::All);
    assert_eq!(counted, ["2"]);
}

#[test]
fn a_regency_or_city_in_the_query_also_finds_articles_located_there_ranked_below() {
    let (_dir, index) = index_of(&[
        (
            "Pekerja rentan di Kutai Kartanegara",
            "TENGGARONG - Pemkab Kutai Kartanegara menanggung iuran pekerja rentan.",
        ),
        ("Iuran pekerja rentan ditanggung", "Pemkab Kukar menanggung iuran pekerja rentan."),
        ("Pekerja rentan di Bekasi", "BEKASI - Pemkot Bekasi menanggung iuran pekerja rentan."),
        ("Nelayan Padang", "Pemkot Padang mendaftarkan nelayan sebagai peserta."),
    ]);
    let (counted, _) = run(&index, "pekerja rentan Kutai Kartanegara", Match::All);
    assert_eq!(counted, ["1", "2"], "the page that names it first");
    let (counted, _) = run(&index, "pekerja rentan Kukar", Match::All);
    assert_eq!(counted, ["2", "1"]);
    // "Kota Padang": the page says "Pemkot Padang", not "kota".
    let (counted, _) = run(&index, "nelayan Kota Padang", Match::All);
    assert_eq!(counted, ["4"]);
    // Written in lower case, a name is a word (many place names are common words).
    let (counted, _) = run(&index, "pekerja rentan kukar", Match::All);
    assert_eq!(counted, ["2"]);
    // An exclusion excludes what was typed.
    let (mut counted, _) = run(&index, "iuran -Kukar", Match::All);
    counted.sort();
    assert_eq!(counted, ["1", "3"]);
    let mut req = SearchRequest::new("pekerja Kukar");
    req.explain = true;
    let notes = search(&index, &req).unwrap().explain.unwrap().terms.join("\n");
    assert!(notes.contains("located in Kutai Kartanegara (Kalimantan Timur"), "{notes}");
}

#[test]
fn a_quoted_legal_instrument_survives_real_typography() {
    let mut exact = crate::analysis::AnalysisConfig::default().analyzer(View::Exact);
    let texts =
        |ws: Vec<Vec<(usize, String)>>| -> Vec<String> { ws.iter().map(|w| joined(w)).collect() };
    let first = |ws: Vec<Vec<(usize, String)>>, n: usize| texts(ws.into_iter().take(n).collect());
    assert_eq!(
        first(phrase_wordings(&mut exact, "Inpres No. 2 Thn 2021"), 4),
        [
            "inpres no 2 thn 2021",
            "inpres nomor 2 thn 2021",
            "inpres no 2 tahun 2021",
            "inpres nomor 2 tahun 2021"
        ]
    );
    assert_eq!(
        first(phrase_wordings(&mut exact, "Instruksi Presiden (Inpres) Nomor 2"), 4),
        [
            "instruksi presiden inpres nomor 2",
            "instruksi presiden inpres no 2",
            "instruksi presiden nomor 2",
            "instruksi presiden no 2"
        ]
    );
    assert_eq!(texts(phrase_wordings(&mut exact, "hari tua")), ["hari tua"]);
    let (_dir, index) = index_of(&[
        (
            "Aturan",
            "Sesuai Instruksi Presiden (Inpres) Nomor 2 Tahun 2021, pemda menanggung iuran.",
        ),
        ("Aturan", "Sesuai Instruksi Presiden No. 2 Thn 2021 tentang jaminan sosial."),
        ("Aturan", "Instruksi Presiden tahun lalu bernomor 2 dari 2021."),
        ("Hari", "Hari ini tua dan muda datang."),
    ]);
    for q in [
        "\"Instruksi Presiden Nomor 2 Tahun 2021\"",
        "\"Instruksi Presiden (Inpres) Nomor 2 Tahun 2021\"",
    ] {
        let mut found = run(&index, q, Match::All).0;
        found.sort();
        assert_eq!(found, ["1", "2"], "{q}");
    }
    // Two-word phrases stay exact: no word may come between.
    assert!(run(&index, "\"hari tua\"", Match::All).0.is_empty());
    // From three words, one inserted word anywhere; not two, not another order.
    let (_dir, index) = index_of(&[
        ("A", "Ia pekerja yang bukan penerima upah."),
        ("B", "Ia pekerja bukan calon penerima upah."),
        ("C", "Ia pekerja yang bukan calon penerima upah."),
        ("D", "Ia bukan pekerja penerima upah."),
        ("E", "Ia pekerja bukan penerima upah."),
    ]);
    let mut found = run(&index, "\"pekerja bukan penerima upah\"", Match::All).0;
    found.sort();
    assert_eq!(found, ["1", "2", "5"]);
}

#[test]
fn a_programme_name_with_a_clitic_is_found_by_its_acronym() {
    let (_dir, index) = index_of(&[
        ("Klaim", "Peserta mencairkan jaminan hari tuanya lewat aplikasi."),
        ("Klaim", "Saldo JHT-nya utuh."),
        ("Klaim", "Hari tua yang tenang, kata jaminan itu."),
    ]);
    assert_eq!(run(&index, "JHT", Match::All).0.len(), 2);
}
