//! Who said what (the `--quoted-by` facet): direct quotes inside quotation
//! marks and indirect ones (reported clauses), each attributed to a speaker
//! resolved within the article.
//!
//! Rules, not a model, in three layers: [`marks`] finds the quotations
//! (ASCII, curly, `”` used as an opener, quotes running over paragraphs) and
//! the sentences; [`frames`] reads the attribution around them (`," kata X`,
//! `X mengatakan, "…"`, `Menurut X, …`, `…, ujarnya.`); [`people`] turns the
//! words of a frame into a person (full names from the officials, first names
//! and surnames, offices, pronouns and `-nya` clitics for the current
//! speaker).
//!
//! Decisions: a quotation with no attribution (a slogan, a theme, a quote
//! whose speaker cannot be resolved) is dropped, never given an empty
//! speaker. The headline is read for direct quotes with an explicit speaker
//! only. The speaker is the full name whenever the article gives one, else
//! the name as written; reporters and editors are never speakers. Output is
//! in text order, without repeated (speaker, text) pairs.

mod frames;
mod lexicon;
mod marks;
mod people;
mod phrase;
mod scanner;
mod verbs;

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::extract::article::Official;
use people::People;
use scanner::Scanner;

/// Something a person said in the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Full name when the article gives one ("Asep Rahmat Suwanda"), else as written.
    pub speaker: String,
    /// The quoted words, or the reported clause without its attribution.
    pub text: String,
    /// True inside quotation marks, false for reported speech.
    pub direct: bool,
}

/// Lines that are page chrome, not the story ("Baca juga:", credits).
static CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:baca|lihat|simak)(?:[ \t]+juga)?[ \t]*:|(?:pewarta|editor|reporter|penulis|fotografer|foto|redaktur|kontributor|sumber|topik)[ \t]*:|cek berita)",
    )
    .unwrap()
});

/// Whether a line (from its first non-space character) is page chrome.
/// Every [`CHROME`] match starts with one of these letters in any case; a
/// non-ASCII first character (such as the Kelvin sign or the long s, which
/// case-insensitive matching folds to `k` and `s`) is left to the regex.
fn is_chrome(line: &str) -> bool {
    let may = line.chars().next().is_some_and(|c| {
        !c.is_ascii()
            || matches!(
                c.to_ascii_lowercase(),
                'b' | 'l' | 's' | 'p' | 'e' | 'r' | 'f' | 'k' | 't' | 'c'
            )
    });
    may && CHROME.is_match(line)
}

/// The byte ranges of `text` inside quotation marks (marks included).
pub(crate) fn quotation_ranges(text: &str) -> Vec<(usize, usize)> {
    marks::quote_spans(text).iter().map(|s| (s.open, s.close_end)).collect()
}

/// Quotes of an article, in text order. `body` is the clean body
/// (paragraphs separated by blank lines); `officials` are the titled people
/// the official finder found, whose full names and roles anchor coreference.
pub fn find_quotes(title: Option<&str>, body: &str, officials: &[Official]) -> Vec<Quote> {
    let all = format!("{}\n\n{body}", title.unwrap_or(""));
    let mut people = People::new(officials, &all);
    let mut found = Vec::new();
    if let Some(t) = title {
        Scanner { text: t, people: &mut people, headline: true, last: None }.run(&mut found);
    }
    Scanner { text: body, people: &mut people, headline: false, last: None }.run(&mut found);
    // The first of repeated (speaker, text) pairs stays. An article has few
    // quotes, so comparing with those kept costs less than hashing copies.
    let mut out: Vec<Quote> = Vec::with_capacity(found.len());
    for q in found {
        let q = Quote { speaker: people.full_name(&q.speaker), ..q };
        if !out.iter().any(|o| o.text == q.text && o.speaker == q.speaker) {
            out.push(q);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn official(name: &str, role: &str, org: &str) -> Official {
        Official {
            name: name.to_string(),
            role: Some(role.to_string()),
            organization: Some(org.to_string()),
            as_printed: None,
        }
    }

    fn bpjs(name: &str, role: &str) -> Official {
        official(name, role, "BPJS Ketenagakerjaan")
    }

    /// (speaker, direct) pairs.
    fn who(body: &str, officials: &[Official]) -> Vec<(String, bool)> {
        find_quotes(None, body, officials).into_iter().map(|q| (q.speaker, q.direct)).collect()
    }

    fn one(body: &str, officials: &[Official]) -> Quote {
        let q = find_quotes(None, body, officials);
        assert_eq!(q.len(), 1, "{q:#?}");
        q.into_iter().next().unwrap()
    }

    fn pair(s: &str, d: bool) -> (String, bool) {
        (s.to_string(), d)
    }

    // --- direct quotes: marks ---

    #[test]
    fn ascii_quote_with_kata_after() {
        let q = one(r#""Klaim dibayar dalam tiga hari," kata Budi Santoso."#, &[]);
        assert_eq!(q.speaker, "Budi Santoso");
        assert_eq!(q.text, "Klaim dibayar dalam tiga hari");
        assert!(q.direct);
    }

    #[test]
    fn curly_quote_with_ujar_after() {
        let q = one("“Kami siap membantu pekerja,” ujar Slamet Riyadi.", &[]);
        assert_eq!(
            (q.speaker.as_str(), q.text.as_str()),
            ("Slamet Riyadi", "Kami siap membantu pekerja")
        );
    }

    #[test]
    fn reversed_mark_used_as_opener() {
        let q = one("”Semua desa wajib mendata pekerjanya,” ujar Emil.", &[]);
        assert_eq!(q.speaker, "Emil");
        assert_eq!(q.text, "Semua desa wajib mendata pekerjanya");
    }

    #[test]
    fn quote_continued_in_the_next_paragraph() {
        let body =
            "“Pertama, daftarkan pekerja.\n\n“Kedua, bayar iuran tepat waktu,” kata Rudi Hartono.";
        let q = one(body, &[]);
        assert_eq!(q.text, "Pertama, daftarkan pekerja. Kedua, bayar iuran tepat waktu");
        assert_eq!(q.speaker, "Rudi Hartono");
    }

    #[test]
    fn unbalanced_marks_do_not_swallow_the_article() {
        let body = "Layar 6\" dan \"judul tanpa tutup\n\n\"Iuran naik,\" kata Rudi Hartono.";
        assert_eq!(who(body, &[]), [pair("Rudi Hartono", true)]);
    }

    #[test]
    fn lost_closing_mark_still_counts_as_direct() {
        let q = one("Ia datang.\n\n\"Kami minta data diperbaiki segera, kata Rudi Hartono.", &[]);
        assert!(q.direct);
        assert_eq!(q.text, "Kami minta data diperbaiki segera");
    }

    #[test]
    fn slogans_and_themes_in_quotes_are_not_quotes() {
        let body = "Acara bertema “Kerja Keras Bebas Cemas” di Ambon.\n\nProgram “Sertakan,” yang diluncurkan tahun lalu, berjalan.";
        assert!(find_quotes(None, body, &[]).is_empty());
    }

    // --- direct quotes: frames ---

    #[test]
    fn title_and_name_after_the_quote_match_the_official() {
        let off = [bpjs("Yudhistira Bagus Darmawan", "Kepala Kantor Wilayah Jawa Timur")];
        let body = "\"Klaim digital naik,\" kata Kepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur Yudhistira Bagus Darmawan di Surabaya, Selasa (23/1/2024).";
        assert_eq!(one(body, &off).speaker, "Yudhistira Bagus Darmawan");
    }

    #[test]
    fn office_without_a_name_matches_the_official_by_role() {
        let off = [
            bpjs("Sugeng Rahayu Adisasmito", "Kepala Kantor Cabang Kudus"),
            official("Catur Hendro Asmoro", "Kepala Dinas Tenaga Kerja", "Disnaker Kudus"),
        ];
        let body = "\"Iuran tiga persen,\" kata Kepala Kantor Cabang BPJS Ketenagakerjaan Kudus.";
        assert_eq!(one(body, &off).speaker, "Sugeng Rahayu Adisasmito");
    }

    #[test]
    fn abbreviated_title_matches_the_role() {
        let off = [official("Ratna Dwi Handayani", "Menteri Ketenagakerjaan", "Kemnaker")];
        assert_eq!(one("\"Data harus benar,\" ujar Menaker.", &off).speaker, "Ratna Dwi Handayani");
    }

    #[test]
    fn comma_appositive_after_the_verb() {
        let body = "\"Kami data per desa,\" kata Kepala Desa Sukamaju, Dedi Mulyadi.";
        assert_eq!(one(body, &[]).speaker, "Dedi Mulyadi");
    }

    #[test]
    fn frame_before_the_quote_with_a_prefixed_verb() {
        let body = "Rudi Hartono mengatakan, \"Pekerja harus terlindungi sejak hari pertama.\"";
        let q = one(body, &[]);
        assert_eq!(q.speaker, "Rudi Hartono");
        assert_eq!(q.text, "Pekerja harus terlindungi sejak hari pertama.");
    }

    #[test]
    fn menurut_before_the_quote() {
        let off = [bpjs("Burhanuddin Siregar", "Direktur Utama")];
        let body = "Burhanuddin Siregar hadir.\n\nMenurut Burhanuddin, \"Penambang rakyat rentan celaka.\"";
        assert_eq!(who(body, &off), [pair("Burhanuddin Siregar", true)]);
    }

    #[test]
    fn kata_with_colon_before_the_quote() {
        assert_eq!(
            one("Kata Rudi Hartono: \"Semua harus terdaftar.\"", &[]).speaker,
            "Rudi Hartono"
        );
    }

    #[test]
    fn colon_sentence_announces_the_next_paragraph() {
        let off = [bpjs("Anggit Prasetyo Adji", "Kepala Kantor Cabang Surabaya Darmo")];
        let body =
            "Anggit Prasetyo Adji menjelaskan:\n\n\"Potongan satu persen itu untuk pensiun.\"";
        assert_eq!(who(body, &off), [pair("Anggit Prasetyo Adji", true)]);
    }

    #[test]
    fn two_quotes_in_one_sentence_share_the_frame() {
        let body = "\"Daftar dulu,\" kata Rudi Hartono, \"baru klaim bisa diproses.\"";
        let q = find_quotes(None, body, &[]);
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|q| q.speaker == "Rudi Hartono"));
    }

    #[test]
    fn dalam_keterangannya_after_the_name() {
        let off = [bpjs("Rahardjo Adi Kuncoro", "Direktur Utama")];
        let body = "\"Kami tambah layanan,\" kata Rahardjo Adi Kuncoro dalam keterangannya di Jakarta, Senin.";
        assert_eq!(one(body, &off).speaker, "Rahardjo Adi Kuncoro");
    }

    // --- indirect quotes ---

    #[test]
    fn indirect_with_mengatakan_bahwa() {
        let off = [bpjs("Irwansyah Pardede", "Kepala Kantor Wilayah Sumbagut")];
        let body = "Kepala Kantor Wilayah BPJS Ketenagakerjaan Sumbagut Irwansyah Pardede mengatakan bahwa banyak pekerja rentan belum terlindungi.";
        let q = one(body, &off);
        assert_eq!(q.speaker, "Irwansyah Pardede");
        assert_eq!(q.text, "banyak pekerja rentan belum terlindungi.");
        assert!(!q.direct);
    }

    #[test]
    fn indirect_menurut_at_sentence_start() {
        let q = one("Menurut Rudi Hartono, iuran pekerja informal masih rendah.", &[]);
        assert_eq!(q.text, "iuran pekerja informal masih rendah.");
        assert!(!q.direct);
    }

    #[test]
    fn indirect_final_attribution() {
        let q = one("Pendaftaran dibuka sampai akhir bulan, kata Rudi Hartono.", &[]);
        assert_eq!(
            (q.speaker.as_str(), q.text.as_str()),
            ("Rudi Hartono", "Pendaftaran dibuka sampai akhir bulan")
        );
    }

    #[test]
    fn indirect_parenthetical_attribution_is_cut_out() {
        let off = [bpjs("Hendrik Yosua Kalalo", "Kepala Kantor Wilayah Sulawesi Maluku")];
        let body = "Hendrik Yosua Kalalo membuka acara.\n\nKlaim nelayan, kata Hendrik, naik dua kali lipat tahun ini.";
        let q = one(body, &off);
        assert_eq!(q.speaker, "Hendrik Yosua Kalalo");
        assert_eq!(q.text, "Klaim nelayan naik dua kali lipat tahun ini.");
    }

    #[test]
    fn indirect_with_verb_between_commas() {
        let off = [bpjs("Agustinus Lodewijk Manuhutu", "Deputi Komunikasi")];
        let body = "Deputi Komunikasi BPJS Ketenagakerjaan, Agustinus Lodewijk Manuhutu, menambahkan, media membantu sosialisasi program.";
        let q = one(body, &off);
        assert_eq!(q.speaker, "Agustinus Lodewijk Manuhutu");
        assert_eq!(q.text, "media membantu sosialisasi program.");
    }

    #[test]
    fn indirect_needs_a_person_not_an_organisation() {
        let body = "BPJS Ketenagakerjaan berharap masyarakat makin paham manfaat program.\n\nPemerintah menilai iuran sudah terjangkau oleh pekerja.";
        assert!(find_quotes(None, body, &[]).is_empty());
    }

    #[test]
    fn noun_uses_of_verbs_are_not_frames() {
        let body =
            "Total klaim naik, nilainya mencapai Rp5 miliar.\n\nHal itu jelas terlihat dari data.";
        assert!(find_quotes(None, body, &[]).is_empty());
    }

    // --- coreference ---

    #[test]
    fn katanya_refers_to_the_last_speaker() {
        let off = [bpjs("Retno Dyah Ambarwati", "Direktur Jenderal PHI dan Jamsos")];
        let body = "\"JKP itu bantalan,\" kata Retno Dyah Ambarwati.\n\nPeserta terus bertambah.\n\n\"Ajukan lewat portal,\" katanya.";
        assert_eq!(who(body, &off), vec![pair("Retno Dyah Ambarwati", true); 2]);
    }

    #[test]
    fn first_name_resolves_to_the_full_name() {
        let off = [bpjs("Yosef Kristoforus Bere", "Direktur Pelayanan")];
        let body = "Direktur Pelayanan BPJS Ketenagakerjaan Yosef Kristoforus Bere hadir.\n\n\"Jangan ragu mengajukan,\" ujar Yosef.";
        assert_eq!(one(body, &off).speaker, "Yosef Kristoforus Bere");
    }

    #[test]
    fn surname_resolves_to_the_full_name() {
        let off = [official("Suharso Monoarfa", "Menteri PPN", "Bappenas")];
        assert_eq!(one("\"Kemiskinan turun,\" kata Suharso.", &off).speaker, "Suharso Monoarfa");
    }

    #[test]
    fn short_form_before_the_full_name_is_upgraded() {
        let body = "\"Iuran murah,\" ujar Dedi.\n\n\"Semua bisa ikut,\" kata Dedi Mulyadi.";
        assert_eq!(who(body, &[]), vec![pair("Dedi Mulyadi", true); 2]);
    }

    #[test]
    fn hari_as_a_name_only_next_to_a_verb() {
        let off = [bpjs("Hari Purnomo", "Kepala Kantor Wilayah Jawa Timur")];
        let body = "Hari Purnomo membuka acara.\n\nBudi Santoso menambahkan, pekerja harus terdaftar.\n\nHari ini klaim dibayar. \"Cair besok,\" katanya.";
        let q = find_quotes(None, body, &off);
        assert_eq!(q.last().map(|q| q.speaker.as_str()), Some("Budi Santoso"));
        let body = "Sejak itu, kata Hari, klaim diproses dalam tiga hari kerja.";
        assert_eq!(one(body, &off).speaker, "Hari Purnomo");
    }

    #[test]
    fn pronoun_subject_takes_the_previous_speaker() {
        let off = [bpjs("Sugeng Rahayu Adisasmito", "Kepala Kantor Cabang Kudus")];
        let body = "\"Iurannya tiga persen,\" jelas Sugeng.\n\nIa menambahkan, peserta dapat memakai fasilitas perumahan.";
        assert_eq!(
            who(body, &off),
            [pair("Sugeng Rahayu Adisasmito", true), pair("Sugeng Rahayu Adisasmito", false)]
        );
    }

    #[test]
    fn menurutnya_and_menurut_dia_use_the_current_speaker() {
        let body = "Rudi Hartono mengatakan pendaftaran naik pesat bulan ini.\n\nMenurutnya, layanan digital membantu peserta.\n\nMenurut dia, antrean juga berkurang jauh.";
        assert_eq!(who(body, &[]), vec![pair("Rudi Hartono", false); 3]);
    }

    #[test]
    fn subject_of_a_plain_sentence_becomes_the_current_speaker() {
        let off = [
            bpjs("Irwansyah Pardede", "Kepala Kantor Wilayah Sumbagut"),
            official("Rusli Nainggolan", "Bupati", "Pemkab Deli Serdang"),
        ];
        let body = "\"Nilainya kecil,\" kata Irwansyah.\n\nRusli Nainggolan juga mendukung gerakan itu. \"Kami siapkan datanya,\" ujarnya.";
        assert_eq!(
            who(body, &off),
            [pair("Irwansyah Pardede", true), pair("Rusli Nainggolan", true)]
        );
    }

    #[test]
    fn object_mentions_do_not_change_the_speaker() {
        let off = [
            bpjs("Fadlan Rangkuti", "Direktur Kepesertaan"),
            official("Munawar Zulkarnaini", "Pj. Gubernur", "Pemprov Aceh"),
        ];
        let body = "\"Nelayan harus terlindungi,\" kata Fadlan.\n\nIa lalu bertemu dengan Munawar Zulkarnaini di kantor gubernur.\n\n\"Kami siap membantu,\" katanya.";
        assert_eq!(who(body, &off).last().map(|p| p.0.as_str()), Some("Fadlan Rangkuti"));
    }

    #[test]
    fn a_pronoun_with_no_one_before_is_dropped() {
        assert!(find_quotes(None, "\"Kami siap,\" katanya.", &[]).is_empty());
    }

    #[test]
    fn reporters_and_editors_are_never_speakers() {
        let body = "\"Beritanya benar,\" kata Juwita Sari.\n\nPewarta: Juwita Sari\nEditor: Bambang Irawan";
        assert!(find_quotes(None, body, &[]).is_empty());
    }

    #[test]
    fn baca_juga_lines_are_skipped() {
        let body = "Baca juga: Menaker sebut, \"JHT aman,\" kata Rudi Hartono.";
        assert!(find_quotes(None, body, &[]).is_empty());
    }

    #[test]
    fn different_person_sharing_a_first_name_stays_separate() {
        let off = [bpjs("Asep Rahmat Suwanda", "Direktur Keuangan")];
        let q = one("\"Warung kami ikut,\" kata Asep Sunandar, pedagang pasar.", &off);
        assert_eq!(q.speaker, "Asep Sunandar");
    }

    #[test]
    fn headline_quotes_need_an_explicit_speaker() {
        let off = [official("Ratna Dwi Handayani", "Menteri Ketenagakerjaan", "Kemnaker")];
        let q = find_quotes(Some("\"BSU segera cair,\" kata Menaker"), "Isi berita.", &off);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, "Ratna Dwi Handayani");
        assert!(find_quotes(Some("\"BSU segera cair,\" katanya"), "Isi.", &off).is_empty());
    }

    // --- output ---

    #[test]
    fn output_is_in_text_order_and_deduplicated() {
        let body = "\"Satu dua tiga,\" kata Rudi Hartono.\n\n\"Satu dua tiga,\" kata Rudi Hartono.\n\nMenurut Dedi Mulyadi, iuran sudah turun tahun ini.";
        let q = find_quotes(None, body, &[]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].speaker, "Rudi Hartono");
        assert_eq!(q[1].speaker, "Dedi Mulyadi");
    }

    #[test]
    fn quotes_serialise_with_the_agreed_fields() {
        let q = Quote { speaker: "A".into(), text: "b".into(), direct: true };
        assert_eq!(
            serde_json::to_string(&q).unwrap(),
            r#"{"speaker":"A","text":"b","direct":true}"#
        );
    }

    #[test]
    fn never_panics_and_stays_bounded_on_odd_input() {
        let nasty = [
            "",
            "\"",
            "“”",
            "”\n\n”\n\n”",
            ", kata",
            "kata Ia",
            "Menurut",
            "mengatakan",
            "\u{0301}\u{200d}\"é,\" kata É.",
            "😀 \"😀,\" kata 😀.",
            "A, kata B, C",
            "Pj. Pj. Pj. \"x,\" kata Pj.",
        ];
        for text in nasty {
            let _ = find_quotes(Some(text), text, &[bpjs("É", "Kepala")]);
        }
        let long = "\"a ".repeat(20_000) + &", kata Budi. ".repeat(5_000);
        let _ = find_quotes(None, &long, &[]);
    }

    #[test]
    fn chrome_test_agrees_with_the_regex() {
        for line in [
            "Baca juga: x",
            "BACA JUGA: x",
            "\u{212A}ontributor: x",
            "\u{17F}umber: x",
            "Cek berita",
            "Editor : x",
            "lihat:",
            "Topik: x",
            "Ia berkata: x",
            "“Baca juga: x",
            "",
        ] {
            assert_eq!(is_chrome(line), CHROME.is_match(line), "{line}");
        }
    }

    // --- corpus and seeds ---

    fn corpus(name: &str) -> Option<String> {
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(here.join("corpus").join(name)).ok()
    }

    #[test]
    fn corpus_article_with_ia_and_katanya() {
        let Some(body) = corpus("a10_buruh_rokok_kudus.txt") else { return };
        let off = [
            official("Catur Hendro Asmoro", "Kepala Dinas Tenaga Kerja", "Disnaker Kudus"),
            bpjs("Sugeng Rahayu Adisasmito", "Kepala Kantor Cabang Kudus"),
            official("Harjanto Kusumodiharjo", "Ketua", "Apindo Jawa Tengah"),
        ];
        let q = find_quotes(None, &body, &off);
        let speakers: Vec<&str> = q.iter().map(|q| q.speaker.as_str()).collect();
        assert!(speakers.iter().all(|s| off.iter().any(|o| o.name == *s)), "{q:#?}");
        for o in &off {
            assert!(q.iter().any(|q| q.speaker == o.name && q.direct), "{}: {q:#?}", o.name);
        }
        assert!(q.iter().any(|q| q.speaker == "Sugeng Rahayu Adisasmito" && !q.direct));
    }

    fn seed(prefix: &str) -> Option<String> {
        crate::test_support::seed_text(prefix)
    }

    /// How many quotes each (speaker, direct) pair has.
    fn count(q: &[Quote], speaker: &str, direct: bool) -> usize {
        q.iter().filter(|q| q.speaker == speaker && q.direct == direct).count()
    }

    #[test]
    fn seeds() {
        let Some(s0) = seed("000_") else { return };
        let off = [
            bpjs("Pramudya Iriawan Buntoro", "Direktur Kepesertaan"),
            official(
                "Yuli Adiratna",
                "Direktur Bina Pemeriksaan Norma Ketenagakerjaan",
                "Kemnaker",
            ),
        ];
        let q = find_quotes(None, &s0, &off);
        assert_eq!(count(&q, "Pramudya Iriawan Buntoro", true), 2, "{q:#?}");
        assert!(count(&q, "Yuli Adiratna", false) >= 2, "{q:#?}");
        assert_eq!(count(&q, "Yuli Adiratna", true), 1, "{q:#?}");
        assert!(q.iter().all(|q| !q.speaker.contains("Juraidi") && !q.speaker.contains("Riza")));

        let Some(s1) = seed("001_") else { return };
        let q = find_quotes(None, &s1, &[bpjs("Hari Purnomo", "Kepala Kantor Wilayah Jawa Timur")]);
        assert_eq!(count(&q, "Emil", true), 2, "{q:#?}");
        assert!(count(&q, "Emil", false) >= 2, "{q:#?}");
        assert_eq!(count(&q, "Hari Purnomo", false), 2, "{q:#?}");

        let Some(s2) = seed("002_") else { return };
        let off = [
            bpjs("Hengky Rhosidien", "Kepala Kantor Wilayah Sumbagut"),
            official("Ismel Sinaga", "Kepala Dinas Ketenagakerjaan", "Disnaker Sumatera Utara"),
            bpjs("Asep Rahmat Suwanda", "Direktur Keuangan"),
            official("Hassanudin", "Pj. Gubernur", "Pemprov Sumatera Utara"),
        ];
        let q = find_quotes(None, &s2, &off);
        assert_eq!(count(&q, "Asep Rahmat Suwanda", true), 2, "{q:#?}");
        assert!(count(&q, "Asep Rahmat Suwanda", false) >= 1, "{q:#?}");
        assert_eq!(count(&q, "Hassanudin", true), 1, "{q:#?}");
        assert_eq!(count(&q, "Hassanudin", false), 1, "{q:#?}");

        let Some(s3) = seed("003_") else { return };
        let off = [
            bpjs("Erfan Kurniawan", "Kepala Kantor Wilayah Kalimantan"),
            bpjs("Oni Marbun", "Deputi Komunikasi"),
            bpjs("Yunan Shahada", "Kepala Kantor Cabang Pangkalan Bun"),
        ];
        let q = find_quotes(None, &s3, &off);
        assert_eq!(count(&q, "Erfan Kurniawan", true), 1, "{q:#?}");
        assert_eq!(count(&q, "Oni Marbun", false), 1, "{q:#?}");
        assert_eq!(count(&q, "Yunan Shahada", true), 1, "{q:#?}");
        assert_eq!(q.iter().filter(|q| q.direct).count(), 2, "{q:#?}");

        let Some(s4) = seed("004_") else { return };
        let off = [
            bpjs("Zainudin", "Direktur Kepesertaan"),
            official("Suharso Monoarfa", "Menteri Perencanaan Pembangunan Nasional", "Bappenas"),
        ];
        let q = find_quotes(None, &s4, &off);
        assert_eq!(count(&q, "Zainudin", true), 2, "{q:#?}");
        assert!(count(&q, "Zainudin", false) >= 2, "{q:#?}");
        assert_eq!(count(&q, "Suharso Monoarfa", false), 1, "{q:#?}");
        assert!(q.iter().all(|q| q.speaker != "Ahmad Faisal"));
    }
}
