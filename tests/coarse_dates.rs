//! Dates known only to the month or year in `warta timeline` and
//! `warta facets`: such an article counts in its month or year, in no
//! shorter period, and is reported apart (`coarser`), so a year-only date
//! makes no January peak. People are fictional.

use serde_json::Value;

use crate::util::{TestEnv, text};

/// (path, contents): a day, a month, two years, the first of January and no date.
const CORPUS: &[(&str, &str)] = &[
    (
        "hari.txt",
        "Iuran pekerja mandiri di Surabaya dinilai terjangkau\n\n\
         Surabaya, Kamis (7/3/2024) - Seorang pekerja bernama Rahmat Wibisono mengatakan iuran \
         BPJS Ketenagakerjaan bagi pekerja mandiri di Surabaya dinilai terjangkau.\n\n\
         Ia berharap lebih banyak pekerja mendaftar.\n",
    ),
    (
        "bulan.json",
        r#"{"title": "Kepesertaan BPJS Ketenagakerjaan di Jawa Timur naik", "date": "2024-03", "text": "Kepesertaan BPJS Ketenagakerjaan di Jawa Timur bertambah menurut laporan bulanan kantor wilayah."}"#,
    ),
    (
        "tahun.txt",
        "Program Jaminan Hari Tua diperluas\n\n\
         Program Jaminan Hari Tua BPJS Ketenagakerjaan diperluas untuk pekerja sektor informal \
         di Jawa Tengah.\n\nWarga menyambut baik perluasan itu.\n\n© 2021 ANTARA\n",
    ),
    (
        "tahun.json",
        r#"{"title": "Klaim JHT BPJS Ketenagakerjaan kini daring", "date": "2024", "text": "Klaim JHT BPJS Ketenagakerjaan kini bisa diajukan secara daring di Bandung, Jawa Barat."}"#,
    ),
    (
        "tahun_baru.json",
        r#"{"title": "Layanan BPJS Ketenagakerjaan tetap buka saat tahun baru", "date": "2024-01-01", "text": "Kantor cabang BPJS Ketenagakerjaan di Denpasar, Bali, tetap melayani peserta pada hari pertama tahun baru."}"#,
    ),
    (
        "tanpa_tanggal.json",
        r#"{"title": "Peserta BPJS Ketenagakerjaan di Medan bertambah", "text": "Jumlah peserta BPJS Ketenagakerjaan di Medan, Sumatera Utara, bertambah."}"#,
    ),
];

fn env() -> TestEnv {
    let env = TestEnv::new();
    for (path, contents) in CORPUS {
        env.write(&format!("corpus/{path}"), contents);
    }
    let out = env.warta(&["index", "corpus", "--index", "index", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    env
}

fn run(env: &TestEnv, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--index", "index"]);
    let out = env.warta(&all);
    assert_eq!(out.status.code(), Some(0), "{all:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&run(env, &all)).expect("valid JSON")
}

/// The non-empty points of a timeline's first series, and its `undated` and `coarser`.
fn timeline(env: &TestEnv, by: &str) -> (Vec<(String, u64)>, u64, u64) {
    let t = json(env, &["timeline", "--by", by]);
    let s = &t["series"][0];
    assert_eq!(s["total"], 6, "{t}");
    assert_eq!((&t["undated_all"], &t["coarser_all"]), (&s["undated"], &s["coarser"]), "{t}");
    let points = s["points"].as_array().unwrap().iter();
    let counted: Vec<(String, u64)> = points
        .filter(|p| p["count"] != 0)
        .map(|p| (p["period"].as_str().unwrap().to_string(), p["count"].as_u64().unwrap()))
        .collect();
    let (undated, coarser) = (s["undated"].as_u64().unwrap(), s["coarser"].as_u64().unwrap());
    let sum: u64 = counted.iter().map(|(_, n)| n).sum();
    assert_eq!(sum + undated + coarser, 6, "the counts add up to the total: {t}");
    (counted, undated, coarser)
}

fn rows(pairs: &[(&str, u64)]) -> Vec<(String, u64)> {
    pairs.iter().map(|(p, n)| (p.to_string(), *n)).collect()
}

#[test]
fn the_extractor_reads_the_corpus_dates_as_intended() {
    let env = env();
    let v = env.search_json(&["BPJS", "--limit", "10"]);
    let mut dates: Vec<(String, Value, Value)> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["id"].as_str().unwrap().into(), h["date"].clone(), h["date_precision"].clone()))
        .collect();
    dates.sort_by(|a, b| a.0.cmp(&b.0));
    let want = |id: &str, date: Value, precision: Value| (id.to_string(), date, precision);
    assert_eq!(
        dates,
        [
            want("bulan.json", "2024-03".into(), "month".into()),
            want("hari.txt", "2024-03-07".into(), "day".into()),
            want("tahun.json", "2024".into(), "year".into()),
            want("tahun.txt", "2021".into(), "year".into()),
            want("tahun_baru.json", "2024-01-01".into(), "day".into()),
            want("tanpa_tanggal.json", Value::Null, Value::Null),
        ]
    );
}

#[test]
fn timeline_counts_a_date_only_in_periods_it_fills() {
    let env = env();
    let (months, undated, coarser) = timeline(&env, "month");
    assert_eq!(months, rows(&[("2024-01", 1), ("2024-03", 2)]), "no January peak");
    assert_eq!((undated, coarser), (1, 2));
    let (weeks, _, coarser) = timeline(&env, "week");
    assert_eq!(weeks, rows(&[("2024-W01", 1), ("2024-W10", 1)]));
    assert_eq!(coarser, 3);
    let (days, _, coarser) = timeline(&env, "day");
    assert_eq!(days, rows(&[("2024-01-01", 1), ("2024-03-07", 1)]));
    assert_eq!(coarser, 3);
    let (years, _, coarser) = timeline(&env, "year");
    assert_eq!(years, rows(&[("2021", 1), ("2024", 4)]));
    assert_eq!(coarser, 0);
    // The denominator leaves them out too: January holds one article of the index.
    let t = json(&env, &["timeline", "--by", "month"]);
    assert_eq!(t["series"][0]["points"][0]["all"], 1, "{t}");

    let s = run(&env, &["timeline", "--by", "week"]);
    assert!(s.contains("every article: 6 articles by week (1 undated)"), "{s}");
    assert!(s.contains("\n  3 articles dated only to the month or year are in no week\n"), "{s}");
    let s = run(&env, &["timeline", "Bandung", "--by", "month"]);
    assert!(s.contains("\n  1 article dated only to the year is in no month\n"), "{s}");
    let s = run(&env, &["timeline", "--by", "year"]);
    assert!(!s.contains("dated only"), "{s}");

    let csv = run(&env, &["timeline", "--by", "month", "--csv"]);
    assert!(csv.contains("\n,2024-01,2024-01-01,1,1,1.000000\n"), "{csv}");
    assert!(csv.ends_with("\n,undated,,1,,\n,coarser,,2,,\n"), "{csv}");
    let csv = run(&env, &["timeline", "--by", "year", "--csv"]);
    assert!(!csv.contains("coarser"), "nothing is coarser than a year: {csv}");
}

#[test]
fn facets_by_month_count_a_year_only_date_apart() {
    let env = env();
    let v = json(&env, &["facets", "--by", "month"]);
    let months: Vec<(String, u64)> = v["month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["value"].as_str().unwrap().to_string(), m["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(months, rows(&[("2024-01", 1), ("2024-03", 2)]), "{v}");
    assert_eq!((&v["total"], &v["undated"], &v["coarser"]), (&6.into(), &1.into(), &2.into()));
    let years = json(&env, &["facets", "--by", "year"]);
    assert_eq!(
        years["year"][1],
        serde_json::json!({"value": "2024", "count": 4, "share": 4.0 / 6.0})
    );
    assert!(years.get("coarser").is_none(), "{years}");

    let s = run(&env, &["facets", "--by", "month"]);
    assert!(s.contains("\nundated         1\nyear only       2\n"), "{s}");
    let csv = run(&env, &["facets", "--by", "month", "--csv"]);
    assert!(csv.ends_with("\nundated,1,0.166667\ncoarser,2,0.333333\n"), "{csv}");
}

#[test]
fn date_filters_and_shown_dates_keep_the_first_day() {
    let env = env();
    // A year-only date is in a range that holds 1 January of its year.
    let jan = env.search_json(&["BPJS", "--from", "2024-01-01", "--to", "2024-01-01"]);
    assert_eq!(crate::util::ids(&jan), ["tahun.json", "tahun_baru.json"]);
    let before = env.search_json(&["BPJS", "--to", "2023-12-31"]);
    assert_eq!(crate::util::ids(&before), ["tahun.txt"]);
    let march = env.search_json(&["BPJS", "--from", "2024-03", "--to", "2024-03"]);
    assert_eq!(crate::util::ids(&march), ["bulan.json", "hari.txt"]);
    let csv = run(&env, &["search", "BPJS", "--format", "csv", "--all"]);
    for row in ["2024-01-01", "2024-03-01", "2021-01-01"] {
        assert!(csv.contains(&format!(",{row},")), "{row} in {csv}");
    }
    assert!(!csv.contains("00:00:0"), "{csv}");
}

#[test]
fn the_api_reports_coarser_dates_as_the_cli_does() {
    let env = env();
    let s = crate::http::Server::start(&env, &[]);
    for by in ["month", "week"] {
        let cli = json(&env, &["timeline", "--by", by]);
        assert_eq!(s.json(&format!("/api/timeline?by={by}")), cli, "timeline --by {by}");
    }
    let cli = json(&env, &["facets", "--by", "month"]);
    let api = s.json("/api/facets?by=month");
    assert_eq!(
        (&api["month"], &api["undated"], &api["coarser"]),
        (&cli["month"], &cli["undated"], &cli["coarser"])
    );
    let (status, said) = s.stop();
    assert!(status.success(), "{status:?}: {said}");
}
