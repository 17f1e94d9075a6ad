//! `warta facets`, `timeline`, `terms`, search exports and syndicated
//! copies, over a small corpus written here: one story republished under
//! another outlet's header with a paragraph dropped, a different report of
//! the same event, and articles from other provinces, months and
//! programmes (one undated). People are fictional.

use std::collections::HashSet;

use serde_json::Value;

use crate::util::{TestEnv, text};

/// (path, JSON article)
const CORPUS: &[(&str, &str)] = &[
    (
        "antara/klaim_jht_surabaya.json",
        r#"{"title": "Klaim JHT di Jawa Timur melonjak, layanan daring diperpanjang", "source_domain": "antaranews.com", "date_publish": "2024-03-05 08:00:00", "maintext": "Surabaya (ANTARA) - Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur mencatat lonjakan pengajuan klaim Jaminan Hari Tua (JHT) sepanjang Februari, sebagian besar dari buruh pabrik alas kaki di Surabaya dan Gresik.\n\nKepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur Hendra Kusumawardana mengatakan petugas kini membuka layanan antrean daring hingga malam hari agar peserta tidak menumpuk di kantor cabang.\n\n\"Kami minta peserta memeriksa kelengkapan berkas sebelum datang supaya pencairan tidak tertunda,\" kata Hendra di Surabaya.\n\nMenurut catatan kantor wilayah, rata-rata saldo yang dicairkan bulan lalu berkisar antara lima dan dua belas juta rupiah per orang.\n\nSelain klaim tunai, kantor itu juga menyalurkan beasiswa pendidikan bagi anak peserta yang meninggal akibat kecelakaan kerja.\n\nPihaknya berencana menambah dua titik layanan keliling di kawasan industri Rungkut dan Tandes mulai bulan depan."}"#,
    ),
    (
        "radar/jht_jatim_melonjak.json",
        r#"{"title": "Pengajuan JHT buruh Jatim melonjak", "source_domain": "radartimur.id", "date_publish": "2024-03-06 10:00:00", "maintext": "SURABAYA, Radar Timur - Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur mencatat lonjakan pengajuan klaim Jaminan Hari Tua (JHT) sepanjang Februari, sebagian besar dari buruh pabrik alas kaki di Surabaya dan Gresik.\n\nKepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur Hendra Kusumawardana mengatakan petugas kini membuka layanan antrean daring hingga malam hari agar peserta tidak menumpuk di kantor cabang.\n\n\"Kami minta peserta memeriksa kelengkapan berkas sebelum datang supaya pencairan tidak tertunda,\" kata Hendra di Surabaya.\n\nSelain klaim tunai, kantor itu juga menyalurkan beasiswa pendidikan bagi anak peserta yang meninggal akibat kecelakaan kerja.\n\nPihaknya berencana menambah dua titik layanan keliling di kawasan industri Rungkut dan Tandes mulai bulan depan.\n\nSimak kabar ekonomi lainnya hanya di kanal bisnis Radar Timur."}"#,
    ),
    (
        "kompas/antrean_jht_surabaya.json",
        r#"{"title": "Antrean panjang pencairan JHT di Surabaya", "source_domain": "kompas.com", "date_publish": "2024-03-05 12:00:00", "maintext": "Surabaya - Ribuan buruh di Surabaya mengantre untuk mencairkan tabungan hari tua mereka pekan ini. Antrean mengular sejak subuh di depan kantor cabang Rungkut.\n\nHendra Kusumawardana, kepala kantor wilayah BPJS Ketenagakerjaan Jawa Timur, menyebut gelombang pemutusan hubungan kerja di industri sepatu sebagai pemicu.\n\nSejumlah buruh mengaku terpaksa mencairkan dana JHT untuk menutup kebutuhan sehari-hari setelah kehilangan pekerjaan.\n\nSerikat pekerja setempat meminta pemerintah kota menyiapkan pelatihan ulang bagi korban PHK di Surabaya."}"#,
    ),
    (
        "bali/santunan_jkk_nelayan.json",
        r#"{"title": "Nelayan Denpasar terima santunan JKK", "source_domain": "balipost.com", "date_publish": "2024-04-10 09:00:00", "maintext": "Denpasar - BPJS Ketenagakerjaan Cabang Denpasar membayarkan santunan Jaminan Kecelakaan Kerja (JKK) kepada nelayan di Denpasar, Bali, yang terluka ketika melaut.\n\nPerahu para nelayan terbalik dihantam gelombang tinggi di perairan Serangan.\n\nPetugas cabang mendatangi rumah sakit untuk memastikan biaya perawatan ditanggung penuh."}"#,
    ),
    (
        "jkp_jakarta.json",
        r#"{"title": "Kemnaker ingatkan perusahaan laporkan korban PHK untuk JKP", "source_domain": "idntimes.com", "date_publish": "2023-07-24 10:21:00", "maintext": "Jakarta - Kementerian Ketenagakerjaan mengingatkan perusahaan agar melaporkan pekerja yang terkena PHK supaya manfaat Jaminan Kehilangan Pekerjaan (JKP) bisa cair.\n\nManfaat uang tunai diberikan paling lama enam bulan kepada peserta yang memenuhi syarat.\n\nPeserta juga mendapat akses informasi pasar kerja serta pelatihan."}"#,
    ),
    (
        "sidoarjo_tanpa_tanggal.json",
        r#"{"title": "Klaim JHT di Sidoarjo kini lewat aplikasi", "source_domain": "suarasidoarjo.id", "maintext": "Sidoarjo - Peserta BPJS Ketenagakerjaan di Sidoarjo, Jawa Timur, kini dapat mengajukan klaim JHT melalui aplikasi tanpa harus datang ke kantor.\n\nPetugas menyebut proses verifikasi berkas berlangsung sepenuhnya secara daring.\n\nWarga yang kesulitan tetap dapat dibantu di loket layanan kecamatan."}"#,
    ),
    (
        "medan_jkm.json",
        r#"{"title": "Ahli waris buruh bangunan di Medan terima santunan JKM", "source_domain": "waspada.id", "date_publish": "2023-07-02 15:00:00", "maintext": "Medan - Ahli waris pekerja konstruksi di Medan, Sumatera Utara, menerima santunan Jaminan Kematian (JKM) dari BPJS Ketenagakerjaan.\n\nPekerja itu meninggal karena sakit setelah tiga tahun menjadi peserta.\n\nKeluarga juga menerima beasiswa untuk dua anaknya yang masih bersekolah."}"#,
    ),
];

const ORIGINAL: &str = "antara/klaim_jht_surabaya.json";
const COPY: &str = "radar/jht_jatim_melonjak.json";
const SAME_EVENT: &str = "kompas/antrean_jht_surabaya.json";

fn env() -> TestEnv {
    let env = TestEnv::new();
    for (path, json) in CORPUS {
        env.write(&format!("corpus/{path}"), json);
    }
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    env
}

/// Runs a command with `--index index` and parses its JSON output.
fn json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--index", "index", "--json"]);
    let out = env.warta(&all);
    assert!(out.status.code() != Some(2), "{all:?}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn total(env: &TestEnv, args: &[&str]) -> u64 {
    env.search_json(args)["total"].as_u64().expect("total")
}

#[test]
fn facet_counts_agree_with_search_totals() {
    let env = env();
    for query in ["", "JHT"] {
        let q = if query.is_empty() { "*" } else { query };
        for by in ["province", "city", "official", "org", "program", "source"] {
            let v = json(&env, &["facets", query, "--by", by]);
            assert_eq!(v["total"].as_u64(), Some(total(&env, &[q])), "{by}");
            let values = v[by].as_array().expect(by);
            assert!(!values.is_empty(), "{by}: {v}");
            for value in values {
                let name = value["value"].as_str().unwrap();
                let flag = format!("--{by}");
                let n = total(&env, &[q, &flag, name]);
                assert_eq!(value["count"].as_u64(), Some(n), "{query:?} --{by} {name}");
                for city in value["cities"].as_array().into_iter().flatten() {
                    let c = city["value"].as_str().unwrap();
                    let n = total(&env, &[q, "--city", c]);
                    assert_eq!(city["count"].as_u64(), Some(n), "{query:?} --city {c}");
                }
            }
        }
        for (by, value) in [("year", "2024"), ("month", "2024-03"), ("year", "2023")] {
            let v = json(&env, &["facets", query, "--by", by]);
            let got = v[by].as_array().unwrap().iter().find(|x| x["value"] == value);
            let n = total(&env, &[q, "--from", value, "--to", value]);
            assert_eq!(got.map_or(0, |g| g["count"].as_u64().unwrap()), n, "{query:?} {value}");
        }
    }
}

#[test]
fn facets_json_nests_cities_gives_shares_and_counts_undated_apart() {
    let env = env();
    let v = json(&env, &["facets", "--by", "province"]);
    assert_eq!(v["query"], "");
    assert_eq!(v["total"], 7);
    let jatim = &v["province"][0];
    assert_eq!(jatim["value"], "Jawa Timur");
    assert_eq!(jatim["count"], 4);
    assert!((jatim["share"].as_f64().unwrap() - 4.0 / 7.0).abs() < 1e-9);
    let cities: Vec<&str> =
        jatim["cities"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap()).collect();
    assert_eq!(cities[0], "Surabaya", "{jatim}");
    assert!(cities.contains(&"Sidoarjo"));
    assert!(v.get("undated").is_none());

    let months = json(&env, &["facets", "JHT", "--by", "month"]);
    assert_eq!(
        months["month"],
        serde_json::json!([{"value": "2024-03", "count": 3, "share": 0.75}])
    );
    assert_eq!(months["undated"], 1);

    let top = json(&env, &["facets", "--by", "program", "--top", "1"]);
    assert_eq!(top["program"].as_array().unwrap().len(), 1);
    assert_eq!(top["program"][0]["value"], "JHT");
}

#[test]
fn facets_text_csv_exit_codes_and_unknown_values() {
    let env = env();
    let out = env.warta(&["facets", "--index", "index", "--by", "province"]);
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert!(s.starts_with("7 articles, by province"), "{s}");
    assert!(s.contains("\n    Surabaya "), "cities are indented under their province: {s}");

    let out = env.warta(&["facets", "--index", "index", "--by", "province", "--csv"]);
    let csv = text(&out.stdout);
    assert!(csv.starts_with("province,city,count,share\n"), "{csv}");
    assert!(csv.contains("Jawa Timur,Surabaya,3,"), "{csv}");
    let out = env.warta(&["facets", "--index", "index", "--by", "year", "--csv", "--bom"]);
    let csv = text(&out.stdout);
    assert!(csv.starts_with("\u{feff}year,count,share\n"), "{csv}");
    assert!(csv.contains("\nundated,1,"), "{csv}");

    let none = env.warta(&["facets", "--index", "index", "kupukupu", "--by", "city"]);
    assert_eq!(none.status.code(), Some(1));
    let typo = env.warta(&["facets", "--index", "index", "--by", "city", "--program", "JKKK"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(text(&typo.stderr).contains("did you mean JKK"), "{}", text(&typo.stderr));
    let bad = env.warta(&["facets", "--index", "index", "--by", "planet"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn syndicated_copies_group_and_another_report_of_the_same_event_does_not() {
    let env = env();
    let copies: Value =
        serde_json::from_slice(&std::fs::read(env.root().join("index/copies.json")).unwrap())
            .unwrap();
    assert_eq!(copies["groups"].as_array().unwrap().len(), 1, "{copies}");
    assert_eq!(copies["groups"][0]["representative"], ORIGINAL);

    let v = env.search_json(&["JHT", "--limit", "20"]);
    let hit = |id: &str| v["hits"].as_array().unwrap().iter().find(|h| h["id"] == id).unwrap();
    assert_eq!(hit(COPY)["duplicate_of"], ORIGINAL);
    assert_eq!(hit(COPY)["copies"], 1);
    assert_eq!(hit(ORIGINAL)["duplicate_of"], Value::Null);
    assert_eq!(hit(ORIGINAL)["copies"], 1);
    assert_eq!(hit(SAME_EVENT)["duplicate_of"], Value::Null);
    assert_eq!(hit(SAME_EVENT)["copies"], 0);
}

#[test]
fn dedup_counts_and_lists_stories() {
    let env = env();
    assert_eq!(total(&env, &["JHT"]), 4);
    let v = env.search_json(&["JHT", "--dedup", "--limit", "20"]);
    assert_eq!(v["total"], 3);
    let ids: HashSet<&str> =
        v["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(ORIGINAL) != ids.contains(COPY), "one copy of the story: {ids:?}");
    assert_eq!(v["facets"]["city"][0]["value"], "Surabaya");
    assert_eq!(v["facets"]["city"][0]["count"], 2, "{}", v["facets"]);

    let f = json(&env, &["facets", "JHT", "--by", "province", "--dedup"]);
    assert_eq!(f["total"], 3);
    assert_eq!(f["dedup"], true);
    assert_eq!(f["province"][0]["count"], 3);

    let t = json(&env, &["timeline", "JHT", "--by", "month", "--dedup"]);
    let march = &t["series"][0]["points"][0];
    assert_eq!(march["period"], "2024-03");
    assert_eq!(march["count"], 2);
    assert_eq!(march["all"], 2);

    let out =
        env.warta(&["search", "--index", "index", "JHT", "--dedup", "--format", "jsonl", "--all"]);
    assert_eq!(text(&out.stdout).lines().count(), 3);
}

#[test]
fn regrouping_follows_a_rebuilt_index() {
    let env = env();
    // A third outlet runs the story too: the group grows, the representative stays the earliest.
    let (_, original) = CORPUS.iter().find(|(p, _)| *p == ORIGINAL).unwrap();
    let mut third: Value = serde_json::from_str(original).unwrap();
    third["source_domain"] = "beritakita.id".into();
    third["date_publish"] = "2024-03-09 07:00:00".into();
    env.write("corpus/lain/salinan.json", third.to_string());
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v = env.search_json(&["JHT", "--limit", "20"]);
    let hit = |id: &str| v["hits"].as_array().unwrap().iter().find(|h| h["id"] == id).unwrap();
    assert_eq!(hit("lain/salinan.json")["duplicate_of"], ORIGINAL);
    assert_eq!(hit(ORIGINAL)["copies"], 2);
    assert_eq!(hit(COPY)["copies"], 2);
}

#[test]
fn timeline_fills_gaps_normalises_and_puts_queries_side_by_side() {
    let env = env();
    let t = json(&env, &["timeline", "-q", "JHT", "-q", "santunan", "--by", "month"]);
    assert_eq!(t["by"], "month");
    let series = t["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    let jht = &series[0];
    assert_eq!(jht["query"], "JHT");
    assert_eq!(jht["total"], 4);
    assert_eq!(jht["undated"], 1);
    let points = jht["points"].as_array().unwrap();
    // 2023-07 .. 2024-04, the range of both series, gaps included.
    assert_eq!(points.len(), 10);
    assert_eq!(points[0]["period"], "2023-07");
    assert_eq!(points[0]["start"], "2023-07-01");
    assert_eq!(points[0]["count"], 0);
    assert_eq!(points[0]["all"], 2);
    assert_eq!(points[8]["period"], "2024-03");
    assert_eq!(points[8]["count"], 3);
    assert_eq!(points[8]["share"], 1.0);
    let santunan = &series[1]["points"].as_array().unwrap();
    assert_eq!(santunan[0]["count"], 1);
    assert_eq!(santunan[0]["share"], 0.5);
    assert_eq!(t["undated_all"], 1);

    let years = json(&env, &["timeline", "--by", "year"]);
    let counts: Vec<u64> = years["series"][0]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [2, 4], "the empty query counts every dated article");

    let weeks = json(&env, &["timeline", "JHT", "--by", "week"]);
    assert_eq!(weeks["series"][0]["points"][0]["period"], "2024-W10");
    let days = json(&env, &["timeline", "JHT", "--by", "day", "--source", "kompas"]);
    assert_eq!(days["series"][0]["points"][0]["period"], "2024-03-05");
    assert_eq!(days["series"][0]["total"], 1);
}

#[test]
fn timeline_text_and_csv() {
    let env = env();
    let out = env.warta(&["timeline", "--index", "index", "JHT", "-q", "JKK"]);
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert!(s.contains("\"JHT\": 4 articles by month (1 undated)"), "{s}");
    assert!(s.contains("2024-03      3  100.0%  █"), "{s}");
    let out = env.warta(&["timeline", "--index", "index", "JHT", "--csv"]);
    let csv = text(&out.stdout);
    assert!(csv.starts_with("query,period,start,count,all,share\n"), "{csv}");
    assert!(csv.contains("JHT,2024-03,2024-03-01,3,3,1.000000\n"), "{csv}");
    assert!(csv.contains("JHT,undated,,1,,\n"), "{csv}");
    let none = env.warta(&["timeline", "--index", "index", "kupukupu"]);
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn terms_characterise_the_matches_with_words_not_stems_or_stopwords() {
    let env = env();
    let v = json(&env, &["terms", "santunan", "--top", "100"]);
    let terms: Vec<&str> =
        v["terms"].as_array().unwrap().iter().map(|t| t["term"].as_str().unwrap()).collect();
    assert!(!terms.is_empty(), "{v}");
    for stop in ["yang", "di", "dan", "itu", "dari"] {
        assert!(!terms.contains(&stop), "{stop} in {terms:?}");
    }
    assert!(terms.contains(&"santunan"), "{terms:?}");
    // Surface words: "ahli" and "waris" as written, "pekerja" not the stem "kerja".
    assert!(terms.contains(&"waris"), "{terms:?}");
    assert!(!terms.contains(&"kerja"), "{terms:?}");
    let first = &v["terms"][0];
    assert!(first["score"].as_f64().unwrap() > 0.0);
    assert!(first["count"].as_u64().unwrap() >= 1);
    assert_eq!(v["sampled"], 2);

    let out = env.warta(&["terms", "--index", "index", "santunan", "--sample", "1"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("2 matching, 1 read"), "{}", text(&out.stdout));
}

#[test]
fn terms_with_dedup_read_a_syndicated_story_once() {
    let env = env();
    // "Tandes" is in the original and its copy only.
    let tandes = |v: &Value| {
        let t = v["terms"].as_array().unwrap().iter().find(|t| t["term"] == "tandes");
        let t = t.unwrap_or_else(|| panic!("no tandes in {v}"));
        (t["count"].as_u64().unwrap(), t["occurrences"].as_u64().unwrap())
    };
    let args = ["terms", "JHT", "--by", "frequency", "--top", "1000"];
    let all = json(&env, &args);
    assert_eq!((all["total"].as_u64(), all["sampled"].as_u64()), (Some(4), Some(4)));
    assert_eq!(tandes(&all), (2, 2));
    assert!(all.get("dedup").is_none());
    let stories = json(&env, &[&args[..], &["--dedup"]].concat());
    assert_eq!((stories["total"].as_u64(), stories["sampled"].as_u64()), (Some(3), Some(3)));
    assert_eq!(tandes(&stories), (1, 1));
    assert_eq!(stories["dedup"], true);
    let out = env.warta(&["terms", "JHT", "--index", "index", "--dedup"]);
    assert!(text(&out.stdout).contains("3 stories matching, 3 read"), "{}", text(&out.stdout));

    // The API answers as the command.
    let s = crate::http::Server::start(&env, &[]);
    let api = s.json("/api/terms?q=JHT&by=frequency&top=1000&dedup=true");
    assert_eq!(api, stories);
    assert_eq!(s.json("/api/terms?q=JHT&by=frequency&top=1000"), all);
}

#[test]
fn csv_export_has_every_column_quotes_and_an_optional_bom() {
    let env = env();
    let out =
        env.warta(&["search", "--index", "index", "JHT", "--format", "csv", "--all", "--bom"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = String::from_utf8(out.stdout).expect("UTF-8");
    let body = s.strip_prefix('\u{feff}').expect("BOM");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "id",
            "path",
            "title",
            "source",
            "date",
            "provinces",
            "cities",
            "officials",
            "programs",
            "url",
            "score",
            "duplicate_of",
            "copies",
            "snippet",
            "date_precision",
            "date_basis",
            "speakers"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 4);
    let copy = rows.iter().find(|r| &r[0] == COPY).unwrap();
    assert_eq!(&copy[11], ORIGINAL);
    assert_eq!(&copy[12], "1");
    assert!(copy[13].contains("JHT"), "{copy:?}");
    assert!(copy[6].contains("Surabaya"));
    // A date carries its precision and what it stands for.
    for r in &rows {
        // The date is a full ISO date (a year or month as its first day).
        let (date, precision, basis) = (&r[4], &r[14], &r[15]);
        assert!(date.is_empty() || date.len() == 10, "{r:?}");
        let want: &[&str] = match date {
            "" => &[""],
            d if d.ends_with("-01-01") => &["year", "month", "day"],
            d if d.ends_with("-01") => &["month", "day"],
            _ => &["day"],
        };
        assert!(want.contains(&precision), "{r:?}");
        assert_eq!(basis.is_empty(), date.is_empty(), "{r:?}");
        assert!(["", "published", "dateline", "event", "copyright"].contains(&basis), "{r:?}");
    }
    let plain = env.warta(&["search", "--index", "index", "JHT", "--format", "csv", "--all"]);
    assert!(text(&plain.stdout).starts_with("id,path,"));
    let none = env.warta(&["search", "--index", "index", "kupukupu", "--format", "csv", "--all"]);
    assert_eq!(none.status.code(), Some(1));
    let all_needs_format = env.warta(&["search", "--index", "index", "JHT", "--all"]);
    assert_eq!(all_needs_format.status.code(), Some(2));
}

#[test]
fn exports_stream_every_hit_in_rank_order() {
    let env = TestEnv::new();
    // 700 articles; "iuran" appears 1 to 7 times, so scores differ. (Paging across chunks is
    // tested with small chunks in `search::analytics::export`.)
    let mut lines = String::new();
    for i in 0..700 {
        let words = "iuran ".repeat(i % 7 + 1);
        let title = format!("Laporan, \"edisi\" {i}");
        let text = format!("Kota Contoh - Catatan nomor {i} tentang {words}peserta mandiri.");
        let line = serde_json::json!({"title": title, "text": text, "date": "2022-05-01"});
        lines.push_str(&format!("{line}\n"));
    }
    env.write("corpus/banyak.jsonl", lines);
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let out = env.warta(&["search", "--index", "index", "iuran", "--format", "jsonl", "--all"]);
    assert_eq!(out.status.code(), Some(0));
    let hits: Vec<Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(hits.len(), 700);
    let ids: HashSet<&str> = hits.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 700, "no hit twice");
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    assert!(hits[0].get("duplicate_of").is_some() && hits[0].get("copies").is_some());

    let out = env.warta(&["search", "--index", "index", "iuran", "--format", "csv", "--all"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let titles: Vec<String> = reader.records().map(|r| r.unwrap()[2].to_string()).collect();
    assert_eq!(titles.len(), 700);
    assert!(titles.iter().all(|t| t.starts_with("Laporan, \"edisi\" ")), "quoting round-trips");

    // Without --all an export is one page.
    let out =
        env.warta(&["search", "--index", "index", "iuran", "--format", "jsonl", "--limit", "5"]);
    assert_eq!(text(&out.stdout).lines().count(), 5);
}

#[test]
fn official_counts_follow_partial_name_matching_as_the_filter_does() {
    let env = TestEnv::new();
    let article = |place: &str, role: &str, name: &str| {
        serde_json::json!({
            "title": format!("Kegiatan di {place}"),
            "source_domain": "contoh.id",
            "date_publish": "2024-05-01 08:00:00",
            "maintext": format!("{place} - {role} BPJS Ketenagakerjaan {name} membuka posko \
                layanan di {place}, Jawa Barat. Posko melayani pekerja setiap hari kerja."),
        })
        .to_string()
    };
    env.write("corpus/a.json", article("Bandung", "Direktur Pelayanan", "Budi Santoso"));
    env.write("corpus/b.json", article("Bekasi", "Direktur Kepesertaan", "Budi Santoso Wijaya"));
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v = json(&env, &["facets", "--by", "official"]);
    for value in v["official"].as_array().unwrap() {
        let name = value["value"].as_str().unwrap();
        let n = total(&env, &["*", "--official", name]);
        assert_eq!(value["count"].as_u64(), Some(n), "{name}: {v}");
    }
    assert_eq!(v["official"][0]["value"], "Budi Santoso");
    assert_eq!(v["official"][0]["count"], 2);
}

/// The same agreement over the bundled corpus (real-world shapes: 46 pages,
/// a syndicated pair), through the library to keep it fast.
#[test]
fn facet_counts_agree_with_search_totals_on_the_bundled_corpus() {
    use warta::search::analytics::facet_counts::{FacetBy, FacetRequest, facets};
    use warta::search::{Filters, SearchRequest, search};

    let env = TestEnv::new();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let dir = env.root().join("index");
    warta::index::build(&warta::index::BuildOptions::new(&corpus, &dir), &mut |_| {}).unwrap();
    let index = warta::index::WartaIndex::open(&dir).unwrap();
    let total = |query: &str, filters: Filters, dedup: bool| {
        let mut req = SearchRequest::new(query);
        req.filters = filters;
        req.dedup = dedup;
        req.limit = 0;
        req.facet_top = 0;
        search(&index, &req).unwrap().total as u64
    };
    let kinds = [
        FacetBy::Province,
        FacetBy::City,
        FacetBy::Official,
        FacetBy::Org,
        FacetBy::Program,
        FacetBy::Source,
    ];
    let mut checked = 0;
    for (query, dedup) in [("", false), ("pekerja", false), ("", true)] {
        for by in kinds {
            let req = FacetRequest {
                query: query.into(),
                filters: Filters::default(),
                by,
                top: usize::MAX,
                dedup,
                aliases: None,
            };
            let report = facets(&index, &req).unwrap();
            let q = if query.is_empty() { "*" } else { query };
            assert_eq!(report.total, total(q, Filters::default(), dedup));
            for v in &report.values {
                let mut f = Filters::default();
                let kind = by.kind().expect("a facet, not a period");
                f.values_mut(kind).push(v.value.clone());
                assert_eq!(
                    v.count,
                    total(q, f, dedup),
                    "{query:?} {by:?} {} dedup={dedup}",
                    v.value
                );
                checked += 1;
                for c in &v.children {
                    let f = Filters::only(warta::search::FacetKind::City, [c.value.clone()]);
                    assert_eq!(c.count, total(q, f, dedup), "{query:?} city {}", c.value);
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn analytics_take_the_user_alias_file_like_search() {
    let env = env();
    env.write("aliases.tsv", "Jaminan Hari Tua\tTABUNGAN-TUA-X\n");
    let with = ["--aliases", "aliases.tsv"];
    let mut args = vec!["facets", "TABUNGAN-TUA-X", "--by", "year"];
    args.extend(with);
    assert_eq!(json(&env, &args)["total"], total(&env, &["JHT"]));
    let mut args = vec!["timeline", "TABUNGAN-TUA-X"];
    args.extend(with);
    assert_eq!(json(&env, &args)["series"][0]["total"], total(&env, &["JHT"]));
    let mut args = vec!["terms", "TABUNGAN-TUA-X"];
    args.extend(with);
    assert_eq!(json(&env, &args)["total"], total(&env, &["JHT"]));
}
