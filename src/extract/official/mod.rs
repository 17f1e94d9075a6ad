//! Officials named with a title (the `official` facet): "Direktur Kepesertaan
//! BPJS Ketenagakerjaan Pramudya Iriawan Buntoro", "Pj. Gubernur Sumatera
//! Utara, Hassanudin", "Menaker Yassierli".
//!
//! Rules, not a model: a title lexicon ([`titles`]) opens a mention; the unit,
//! organisation ([`organizations`]) and place after it give the role and the
//! canonical organisation; then comes a name of one to four capitalised words
//! ([`names`]). People quoted without a title are not officials, and page
//! credits (Pewarta, Editor, Reporter …) never are.

mod agency;
mod body;
mod credit;
mod mention;
mod names;
mod office;
mod organizations;
mod person;
pub mod registry;
mod titles;
mod typo;

use crate::extract::article::Official;
use mention::ArticleContext;
use organizations::ORGS;
use registry::Registry;
use titles::{TITLES, TitleHit};

/// Whether every word of `short` is a word of `long`.
pub(super) fn is_part_of(short: &str, long: &str) -> bool {
    let words: Vec<&str> = long.split(' ').collect();
    short.split(' ').all(|w| words.contains(&w))
}

/// Two spellings of one name in one article ([`typo::spelled_alike`]) whose
/// organisations agree.
fn same_spelling(a: &Official, b: &Official) -> bool {
    let orgs_differ =
        a.organization.is_some() && b.organization.is_some() && a.organization != b.organization;
    !orgs_differ && typo::spelled_alike(&a.name, &b.name)
}

/// Officials named with a title in the headline or body, deduplicated by
/// name (a shorter form of a known name merges into it), filed under the
/// shipped registry's spelling when they are known, in order of first
/// mention.
pub fn find_officials(title: Option<&str>, body: &str) -> Vec<Official> {
    find_officials_with(title, body, Registry::builtin())
}

/// [`find_officials`], filing known officials under `registry`'s spellings
/// ([`Registry::normalize`]).
pub fn find_officials_with(title: Option<&str>, body: &str, registry: &Registry) -> Vec<Official> {
    let whole = crate::extract::headline_and_body(title, body);
    let fixed: String;
    let mut titles: Vec<TitleHit> = TITLES.find_iter(&whole).collect();
    // Office words misspelt after a title are read right; the titles are
    // found again only in the rare article that needed it.
    let starts = titles.iter().map(|hit| hit.start);
    let text: &str = match typo::correct_near(&whole, starts, typo::WINDOW) {
        std::borrow::Cow::Borrowed(t) => t,
        std::borrow::Cow::Owned(s) => {
            fixed = s;
            titles = TITLES.find_iter(&fixed).collect();
            &fixed
        }
    };
    let ctx = ArticleContext::new(text);
    let credits = credit::Credits::new(text);
    let quoted = crate::extract::quote::quotation_ranges(text);
    let mut out: Vec<Official> = Vec::new();
    for hit in titles {
        // Someone a speaker mentions in a quotation ("… yang diinginkan
        // Presiden …") is talked about, not acting in the story.
        let at = hit.start;
        if quoted.iter().any(|&(s, e)| s <= at && at < e) {
            continue;
        }
        for found in mention::read(text, &hit, &ctx) {
            if credits.credit(&found.name) {
                continue;
            }
            let same = out.iter_mut().find(|o| {
                is_part_of(&found.name, &o.name)
                    || is_part_of(&o.name, &found.name)
                    || same_spelling(&found, o)
            });
            match same {
                Some(o) => {
                    // A fuller form replaces a short one; of two spellings,
                    // the first printed stays.
                    if found.name.len() > o.name.len() && is_part_of(&o.name, &found.name) {
                        o.name = found.name;
                    }
                    if o.role.is_none() {
                        o.role = found.role;
                    }
                    if o.organization.is_none() {
                        o.organization = found.organization;
                    }
                }
                None => out.push(found),
            }
        }
    }
    for o in &mut out {
        registry.normalize(o);
    }
    // Two spellings of one known person are one official.
    let mut seen = std::collections::HashSet::new();
    out.retain(|o| seen.insert(o.name.clone()));
    out
}

/// Every single-word organisation name or alias, lowercase (`kemnaker`,
/// `bpjamsostek`, `disnaker` …): words a stemmer must leave alone.
pub fn single_word_organization_names() -> Vec<String> {
    let mut names: Vec<String> =
        ORGS.names().filter(|n| !n.contains(' ')).map(str::to_string).collect();
    names.sort();
    names
}

/// The canonical organisation for an alias in any case: "BPJAMSOSTEK",
/// "BP Jamsostek", "BPJS TK", "Jamsostek" → "BPJS Ketenagakerjaan";
/// "Kemenaker", "Kementerian Ketenagakerjaan" → "Kemnaker". Bare "BPJS" →
/// "BPJS Ketenagakerjaan" (BPJS Kesehatan must be named as such).
pub fn resolve_organization(q: &str) -> Option<String> {
    ORGS.resolve(q).map(str::to_string)
}

/// Test helpers shared by the files of this module: the officials of a
/// text as printed, with role and organisation.
#[cfg(test)]
pub(super) mod testing {
    pub(crate) type Row = (String, Option<String>, Option<String>);

    pub(crate) fn off(body: &str) -> Vec<Row> {
        super::find_officials(None, body)
            .into_iter()
            .map(|o| (o.as_printed.unwrap_or(o.name), o.role, o.organization))
            .collect()
    }

    pub(crate) fn one(body: &str) -> (String, String, Option<String>) {
        let got = off(body);
        assert_eq!(got.len(), 1, "{body}: {got:?}");
        let (n, r, o) = got.into_iter().next().unwrap();
        (n, r.unwrap_or_default(), o)
    }

    pub(crate) fn o(s: &str) -> Option<String> {
        Some(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn off(body: &str) -> Vec<(String, Option<String>, Option<String>)> {
        // The names as printed: these tests are about finding them; the
        // registry's spellings are tested apart.
        find_officials(None, body)
            .into_iter()
            .map(|o| (o.as_printed.unwrap_or(o.name), o.role, o.organization))
            .collect()
    }

    fn one(body: &str) -> (String, String, Option<String>) {
        let got = off(body);
        assert_eq!(got.len(), 1, "{body}: {got:?}");
        let (n, r, o) = got.into_iter().next().unwrap();
        (n, r.unwrap_or_default(), o)
    }

    fn o(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn title_org_name() {
        let got =
            one("kata Direktur Pelayanan BPJS Ketenagakerjaan Budi Santoso Wibowo di kantor.");
        assert_eq!(
            got,
            ("Budi Santoso Wibowo".into(), "Direktur Pelayanan".into(), o("BPJS Ketenagakerjaan"))
        );
        let got = one("Direktur Bina Norma Kerja Kemnaker RI Siti Aminah mengatakan itu.");
        assert_eq!(got, ("Siti Aminah".into(), "Direktur Bina Norma Kerja".into(), o("Kemnaker")));
    }

    #[test]
    fn title_org_comma_name() {
        let got = one("Deputi Humas BPJS Ketenagakerjaan, Rahmat Hidayat, menambahkan.");
        assert_eq!(
            got,
            ("Rahmat Hidayat".into(), "Deputi Humas".into(), o("BPJS Ketenagakerjaan"))
        );
        let got = one("turut hadir Pj. Gubernur Jawa Tengah, Nana Sudjana.");
        assert_eq!(got, ("Nana Sudjana".into(), "Pj. Gubernur".into(), o("Pemprov Jawa Tengah")));
    }

    #[test]
    fn known_officials_are_filed_under_the_registry_spelling() {
        let got = find_officials(
            None,
            "Direktur Keuangan BPJS Ketenagakerjaan Asep Rahmat Suwanda hadir. Wakil Gubernur \
             Jawa Timur Emil Dardak membuka acara. Kemudian Direktur Keuangan BPJS \
             Ketenagakerjaan Asep Rahmat Suwandha menutupnya.",
        );
        let names: Vec<(&str, Option<&str>)> =
            got.iter().map(|o| (o.name.as_str(), o.as_printed.as_deref())).collect();
        assert_eq!(
            names,
            [
                ("Asep Rahmat Suwandha", Some("Asep Rahmat Suwanda")),
                ("Emil Elestianto Dardak", Some("Emil Dardak")),
            ]
        );
    }

    #[test]
    fn local_qualifiers_and_electoral_districts_are_read_past() {
        let got =
            one("Di Kabupaten Sleman, Kepala Dinas Tenaga Kerja setempat, Agus Wibowo, hadir.");
        assert_eq!(got.0, "Agus Wibowo");
        let got =
            one("Anggota Komisi IX DPR RI daerah pemilihan Jawa Tengah, Siti Rahayu, bertanya.");
        assert_eq!(got.0, "Siti Rahayu");
    }

    #[test]
    fn a_regency_after_dprd_is_the_place_not_the_name() {
        let got = one("Ketua Komisi IV DPRD Badung, I Wayan Sumerta, meminta.");
        assert_eq!(got.0, "I Wayan Sumerta");
    }

    #[test]
    fn regional_heads() {
        let got = one("Gubernur Sumsel Herman Deru membuka acara.");
        assert_eq!(got, ("Herman Deru".into(), "Gubernur".into(), o("Pemprov Sumatera Selatan")));
        let got = one("Bupati Bandung Dadang Supriatna hadir.");
        assert_eq!(got, ("Dadang Supriatna".into(), "Bupati".into(), o("Pemkab Bandung")));
        let got = one("Wali Kota Surabaya Eri Cahyadi berpesan.");
        assert_eq!(got.2, o("Pemkot Surabaya"));
        let got = one("Wagub Jatim Emil Dardak mengatakan.");
        assert_eq!(got, ("Emil Dardak".into(), "Wakil Gubernur".into(), o("Pemprov Jawa Timur")));
        let got =
            one("Kepala Dinas Ketenagakerjaan Provinsi Sumatera Utara Ahmad Yani yang hadir.");
        assert_eq!(got.1, "Kepala Dinas Ketenagakerjaan");
        assert_eq!(got.2, o("Disnaker Sumatera Utara"));
        let got = one("Kadisnaker Kota Medan Budi Utomo menilai.");
        assert_eq!(got.2, o("Disnaker Kota Medan"));
    }

    #[test]
    fn abbreviated_titles_and_prefixes() {
        let got = one("Menaker Yassierli meninjau.");
        assert_eq!(got, ("Yassierli".into(), "Menteri Ketenagakerjaan".into(), o("Kemnaker")));
        let got = one("Plt. Dirut BPJS Ketenagakerjaan Abdur Rahman Irsyadi hadir.");
        assert_eq!(got.1, "Plt. Direktur Utama");
        let got = one("Sekjen Kemnaker Anwar Sanusi hadir.");
        assert_eq!(got, ("Anwar Sanusi".into(), "Sekretaris Jenderal".into(), o("Kemnaker")));
        let got = one("Dirjen PHI dan Jamsos Kemnaker Indah Anggoro Putri hadir.");
        assert_eq!(got.1, "Direktur Jenderal PHI dan Jamsos");
        let got =
            one("Pps. Deputi Direktur Bidang Humas dan Antar Lembaga Dian Agung Senoaji menulis.");
        assert_eq!(got.1, "PPS Deputi Direktur Bidang Humas dan Antar Lembaga");
        assert_eq!(got.0, "Dian Agung Senoaji");
    }

    #[test]
    fn ministers_get_their_ministry() {
        let got = one("Menteri Perencanaan Pembangunan Nasional RI Suharso Monoarfa mengatakan.");
        assert_eq!(got.1, "Menteri Perencanaan Pembangunan Nasional");
        assert_eq!(got.2, o("Bappenas"));
        let got = one("Menteri PPN/Kepala Bappenas Suharso Monoarfa mengatakan.");
        assert_eq!(got.2, o("Bappenas"));
        let got = one("Menko PMK Pratikno berpesan.");
        assert_eq!(got, ("Pratikno".into(), "Menteri Koordinator PMK".into(), o("Kemenko PMK")));
        assert!(off("sesuai Peraturan Menteri Dalam Negeri (Permendagri) itu").is_empty());
    }

    #[test]
    fn spelled_out_titles_with_their_abbreviation_in_parentheses() {
        let got =
            one("Direktur Jenderal Pembinaan Hubungan Industrial dan Jaminan Sosial Tenaga Kerja \
             (Dirjen PHI dan Jamsos) Kemnaker, Sri Wahyuni Lestari, menjelaskan data itu.");
        let role =
            "Direktur Jenderal Pembinaan Hubungan Industrial dan Jaminan Sosial Tenaga Kerja";
        assert_eq!(got, ("Sri Wahyuni Lestari".into(), role.into(), o("Kemnaker")));
        let got = one(
            "Direktur Jenderal Pembinaan Pengawasan Ketenagakerjaan dan Keselamatan dan Kesehatan \
             Kerja (Dirjen Binwasnaker dan K3) Kemnaker Bonar Hutapea saat berkunjung.",
        );
        assert_eq!(got.0, "Bonar Hutapea");
        assert_eq!(
            got.1,
            "Direktur Jenderal Pembinaan Pengawasan Ketenagakerjaan dan Keselamatan dan Kesehatan \
             Kerja"
        );
        assert_eq!(got.2, o("Kemnaker"));
        let got = one("Wakil Menteri Ketenagakerjaan (Wamenaker) Yohanes Bria Seran menyapa.");
        assert_eq!(
            got,
            ("Yohanes Bria Seran".into(), "Wakil Menteri Ketenagakerjaan".into(), o("Kemnaker"))
        );
        let got = one("Direktur Utama (Dirut) BPJS Ketenagakerjaan Budi Raharjo hadir.");
        assert_eq!(
            got,
            ("Budi Raharjo".into(), "Direktur Utama".into(), o("BPJS Ketenagakerjaan"))
        );
        assert!(off("Direktur Utama (dirut baru) Budi Raharjo hadir.").is_empty());
    }

    #[test]
    fn documents_and_untitled_people_are_not_officials() {
        assert!(
            off("Surat Edaran Gubernur Sumatera Utara Nomor: 560/7095/2021 berlaku.").is_empty()
        );
        assert!(off("Peraturan Gubernur Jawa Timur (Pergub) Nomor 6").is_empty());
        assert!(off("Keputusan Kepala Daerah 415.4/7839/2022 tentang itu").is_empty());
        assert!(off("kata Emil di Surabaya.").is_empty());
        assert!(off("Bupati, wali kota, dan kepala desa harus jemput bola.").is_empty());
        assert!(off("11 Anggota Luar Biasa (ALB) Kamar Dagang dan Industri").is_empty());
        assert!(off("Instruksi Presiden (Inpres) Nomor 2 Tahun 2021").is_empty());
    }

    #[test]
    fn credits_are_never_officials() {
        let body = "Direktur Utama BPJS Ketenagakerjaan Budi Raharjo hadir.\n\nPewarta: Budi Raharjo\nEditor: Sari Dewi";
        assert!(off(body).is_empty());
        assert!(off("Editor: Kepala Dinas Kota Medan Sari").is_empty());
    }

    #[test]
    fn deduplicates_and_merges_short_forms() {
        let body = "Pj. Gubernur Sumatera Utara, Hassanudin. Lalu Pj. Gubernur Hassanudin bicara. \
                    Direktur Keuangan BPJS Ketenagakerjaan Asep Rahmat Suwanda dan Direktur Keuangan Asep menyapa.";
        let got = off(body);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "Hassanudin");
        assert_eq!(got[0].2, o("Pemprov Sumatera Utara"));
        assert_eq!(got[1].0, "Asep Rahmat Suwanda");
    }

    #[test]
    fn bare_bpjs_and_other_bodies() {
        assert_eq!(one("Direktur Utama BPJS Budi Raharjo hadir.").2, o("BPJS Ketenagakerjaan"));
        let both = "Direktur Utama BPJS Budi Raharjo hadir bersama BPJS Kesehatan.";
        assert_eq!(one(both).2, None);
        assert_eq!(one("Direktur Utama BPJS Kesehatan Ali Ghufron hadir.").2, o("BPJS Kesehatan"));
        let got = one("Ketua Komisi IX DPR RI Felly Estelita Runtuwene menilai.");
        assert_eq!(got, ("Felly Estelita Runtuwene".into(), "Ketua Komisi IX".into(), o("DPR RI")));
        assert_eq!(one("Ketua Umum Apindo Shinta Kamdani menilai.").2, o("Apindo"));
        assert_eq!(one("Presiden KSPI Said Iqbal menolak.").2, o("KSPI"));
    }

    #[test]
    fn organisations_resolve() {
        for q in
            ["BPJAMSOSTEK", "BP Jamsostek", "BPJS TK", "Jamsostek", "bpjs ketenagakerjaan", "BPJS"]
        {
            assert_eq!(resolve_organization(q), o("BPJS Ketenagakerjaan"), "{q}");
        }
        assert_eq!(resolve_organization("Kemenaker"), o("Kemnaker"));
        assert_eq!(resolve_organization("Kementerian Ketenagakerjaan"), o("Kemnaker"));
        assert_eq!(resolve_organization("BPJS Kesehatan"), o("BPJS Kesehatan"));
        assert_eq!(resolve_organization("asosiasi pengusaha indonesia"), o("Apindo"));
        assert_eq!(resolve_organization("unknown"), None);
    }

    #[test]
    fn odd_input_never_panics() {
        let long = "Gubernur ".repeat(10_000);
        assert!(find_officials(Some(&long), &long).is_empty());
        let odd =
            "Gubernur 😀 Direktur \u{301}Á, Kepala “ ” \" Menteri é Pj. Wali Kota\u{200b}X Bupati";
        let _ = find_officials(Some(odd), odd);
        for s in
            ["", ",", "Kepala", "Pj.", "Direktur ,", "Menko", "Gubernur Sumut ,", "é, Kepala BPJS"]
        {
            let _ = find_officials(Some(s), s);
        }
        let mixed = "Direktur ".repeat(3000) + &"Asep ".repeat(3000);
        let _ = find_officials(None, &mixed);
        for s in [
            "Kepala Kantor Cabang Batam (",
            "Wakil Menteri Ketenagakerjaan (Wamenaker",
            "Kepala (é) ,",
            "Kepala Kantor Cabang Batam Nagoya,",
            "Kepala BPJN",
            "Menaker Lalu",
        ] {
            let _ = find_officials(Some(s), s);
        }
        let branches = "Kepala Kantor Cabang Batam Nagoya Budi Santoso Adi hadir. ".repeat(2000);
        assert_eq!(off(&branches).len(), 1);
    }

    #[test]
    fn people_named_inside_a_quotation_are_not_acting() {
        let body = "Wali Kota Jambi Rudi Hartono mengatakan, \"Ini sejalan dengan yang diinginkan \
                    Presiden Sukarman.\" Dia lalu pergi.";
        let names: Vec<String> = off(body).into_iter().map(|o| o.0).collect();
        assert_eq!(names, ["Rudi Hartono"]);
    }

    #[test]
    fn spellings_of_one_name_are_one_official() {
        let body = "Direktur Umum BPJS Ketenagakerjaan Abdur Rahman Wijaya hadir. Kemudian \
                    Direktur Umum BPJS Ketenagakerjaan Abdurrahman Wijaya menutup. Bupati Bone \
                    Andi Kaharuddin Lestaluhu juga, dan Bupati Bone Andi Kaharudin Lestaluhu.";
        assert_eq!(off(body).len(), 2, "{:?}", off(body));
        // Different people of different bodies stay apart.
        let body = "Direktur Umum BPJS Ketenagakerjaan Budi Santoso hadir bersama Ketua Apindo \
                    Budi Santosa.";
        assert_eq!(off(body).len(), 2);
    }

    fn seed(prefix: &str) -> Option<String> {
        crate::test_support::seed_text(prefix)
    }

    #[test]
    fn seeds() {
        type Expected<'a> = &'a [(&'a str, &'a str, &'a str)];
        let want: [(&str, Expected); 5] = [
            (
                "000",
                &[
                    ("Pramudya Iriawan Buntoro", "Direktur Kepesertaan", "BPJS Ketenagakerjaan"),
                    (
                        "Yuli Adiratna",
                        "Direktur Bina Pemeriksaan Norma Ketenagakerjaan",
                        "Kemnaker",
                    ),
                ],
            ),
            (
                "001",
                &[("Hari Purnomo", "Kepala Kantor Wilayah Jawa Timur", "BPJS Ketenagakerjaan")],
            ),
            (
                "002",
                &[
                    ("Hengky Rhosidien", "Kepala Kantor Wilayah Sumbagut", "BPJS Ketenagakerjaan"),
                    ("Ismel Sinaga", "Kepala Dinas Ketenagakerjaan", "Disnaker Sumatera Utara"),
                    ("Asep Rahmat Suwandha", "Direktur Keuangan", "BPJS Ketenagakerjaan"),
                    ("Hassanudin", "Pj. Gubernur", "Pemprov Sumatera Utara"),
                ],
            ),
            (
                "003",
                &[
                    ("Erfan Kurniawan", "Kepala Kantor Wilayah Kalimantan", "BPJS Ketenagakerjaan"),
                    ("Oni Marbun", "Deputi Komunikasi", "BPJS Ketenagakerjaan"),
                    ("Yunan Shahada", "Kepala Kantor Cabang Pangkalan Bun", "BPJS Ketenagakerjaan"),
                ],
            ),
            (
                "004",
                &[
                    ("Zainudin", "Direktur Kepesertaan", "BPJS Ketenagakerjaan"),
                    ("Suharso Monoarfa", "Menteri Perencanaan Pembangunan Nasional", "Bappenas"),
                ],
            ),
        ];
        for (prefix, expected) in want {
            let Some(text) = seed(prefix) else { continue };
            let got: Vec<_> = find_officials(None, &text)
                .into_iter()
                .map(|o| (o.name, o.role, o.organization))
                .collect();
            let want: Vec<_> = expected
                .iter()
                .map(|(n, r, o)| (n.to_string(), Some(r.to_string()), Some(o.to_string())))
                .collect();
            assert_eq!(got, want, "seed {prefix}");
        }
    }
}
