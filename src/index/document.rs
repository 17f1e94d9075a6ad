//! Turning an extracted [`Article`] into a tantivy document and back.
//!
//! Each facet field is filled with the paths its row of the facet table
//! gives (`index::facet_spec`: `region` = `/Province` and `/Province/City`,
//! `official` = `/Organisation/Person`, `program` = `/CODE`, …).
//! The rest of the metadata (roles, province codes, byline, dateline) rides
//! along as stored JSON in the `meta` field, so a hit can be shown without
//! re-reading the file.

use std::cell::RefCell;

use serde::Serialize;
use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use crate::analysis::scoped;
use crate::extract::figures::Figure;
use crate::extract::quote::Quote;
use crate::extract::words::push_lowercase;
use crate::extract::{Article, CityRef, Credit, DatePrecision, Official, PartialDate, ProvinceRef};
use crate::index::facet_spec::field_rows;
use crate::index::schema::Fields;

/// An article as stored in the index.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredArticle {
    /// Stable id (path relative to the corpus root, `#N` for JSON Lines entries).
    pub id: String,
    /// Path of the file relative to the corpus root.
    pub path: String,
    /// The extracted article, body included.
    pub article: Article,
}

/// A speaker's key: "Asep Rahmat Suwanda" → `asep_rahmat_suwanda`.
pub fn speaker_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for (i, word) in name.split_whitespace().enumerate() {
        if i > 0 {
            key.push('_');
        }
        // Word by word, as `str::to_lowercase` treats a final sigma.
        push_lowercase(&mut key, word);
    }
    key
}

/// The `speaker_slot` term saying that the speaker with `key` has `slot` in
/// an article: `zainudin#0`.
pub fn speaker_slot_term(key: &str, slot: usize) -> String {
    format!("{key}#{slot}")
}

/// The slot in a `speaker_slot` term of the speaker with `key`; `None` when
/// the term is another speaker's.
pub fn slot_of(key: &str, term: &str) -> Option<usize> {
    let digits = term.strip_prefix(key)?.strip_prefix('#')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A slot-scoped term of the `said` fields: `0|jht` (the article's first
/// speaker said "JHT").
///
/// Quotes are scoped by the speaker's slot in the article (0 for the first
/// person quoted, 1 for the next, …), not by the speaker's name. A search
/// for what Zainudin said asks, for each slot Zainudin has anywhere, for the
/// words under that slot in articles where Zainudin has that slot. Scoping
/// by name made every (person, word) pair a term: 5.7 M terms at 100k
/// articles against 0.5 M for the body, which cost half of indexing time.
pub fn said_term(slot: usize, term: &str) -> String {
    scoped::scoped_term(&slot.to_string(), term)
}

/// What the people quoted in an article said: scoped records (slot, quote)
/// for the `said` fields' analyzers, and each speaker's `speaker_slot`
/// term. Speakers take slots in the order they are first quoted.
fn said_records(article: &Article) -> Option<(String, Vec<String>)> {
    if article.quotes.is_empty() {
        return None;
    }
    let mut keys: Vec<String> = Vec::new();
    let mut text = String::new();
    for q in &article.quotes {
        let key = speaker_key(&q.speaker);
        let slot = match keys.iter().position(|k| *k == key) {
            Some(slot) => slot,
            None => {
                keys.push(key);
                keys.len() - 1
            }
        };
        scoped::encode(&mut text, &slot.to_string(), &q.text);
    }
    let slots = keys.iter().enumerate().map(|(slot, key)| speaker_slot_term(key, slot)).collect();
    Some((text, slots))
}

/// The stored metadata: every field of an [`Article`] but its body, which is
/// written as `""` (the body has fields of its own). Serialises exactly as
/// the article with an empty body would, without copying it.
#[derive(Serialize)]
struct Meta<'a> {
    title: &'a Option<String>,
    source: &'a Option<String>,
    url: &'a Option<String>,
    dateline: &'a Option<String>,
    date: &'a Option<PartialDate>,
    date_source: &'a Option<crate::extract::page::DateSource>,
    byline: &'a [Credit],
    provinces: &'a [ProvinceRef],
    cities: &'a [CityRef],
    offices: &'a [String],
    officials: &'a [Official],
    programs: &'a [String],
    figures: &'a [Figure],
    quotes: &'a [Quote],
    body: &'a str,
}

impl<'a> Meta<'a> {
    fn of(article: &'a Article) -> Self {
        // Every field named: a field added to `Article` must be added here.
        let Article {
            title,
            source,
            url,
            dateline,
            date,
            date_source,
            byline,
            provinces,
            cities,
            offices,
            officials,
            programs,
            figures,
            quotes,
            body: _,
        } = article;
        Meta {
            title,
            source,
            url,
            dateline,
            date,
            date_source,
            byline,
            provinces,
            cities,
            offices,
            officials,
            programs,
            figures,
            quotes,
            body: "",
        }
    }
}

thread_local! {
    /// The JSON of the last document's metadata: one buffer per thread,
    /// reused (the document copies it).
    static META_JSON: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Bytes a document needs besides its texts: the signature, the date, the
/// values' length prefixes and the facet paths.
const DOC_EXTRA_BYTES: usize = 1024;

/// Appends what the `meta` field stores of `article` to `out`: its JSON
/// with an empty body.
pub fn write_meta(out: &mut Vec<u8>, article: &Article) {
    // Serialising plain data into memory cannot fail.
    let _ = serde_json::to_writer(out, &Meta::of(article));
}

/// Builds the document for one article.
pub fn to_document(f: &Fields, id: &str, path: &str, article: &Article) -> TantivyDocument {
    META_JSON.with_borrow_mut(|meta| {
        meta.clear();
        write_meta(meta, article);
        build(f, id, path, article, std::str::from_utf8(meta).unwrap_or_default())
    })
}

/// The document of an article whose metadata is `meta`.
fn build(f: &Fields, id: &str, path: &str, article: &Article, meta: &str) -> TantivyDocument {
    let said = said_records(article);
    let title = article.title.as_deref().map_or(0, str::len);
    let quoted = said.as_ref().map_or(0, |(text, slots)| {
        2 * text.len() + slots.iter().map(|s| s.len() + 8).sum::<usize>()
    });
    let capacity = id.len()
        + path.len()
        + 2 * (title + article.body.len())
        + meta.len()
        + quoted
        + DOC_EXTRA_BYTES;
    let mut doc = TantivyDocument::with_capacity(capacity);
    doc.add_text(f.id, id);
    doc.add_text(f.path, path);
    if let Some(title) = &article.title {
        doc.add_text(f.title, title);
        doc.add_text(f.title_exact, title);
    }
    doc.add_text(f.body, &article.body);
    doc.add_text(f.body_exact, &article.body);
    if let Some(date) = article.date {
        doc.add_date(f.date, indexed_date(date));
    }
    for spec in field_rows() {
        for path in (spec.paths)(article) {
            doc.add_facet(f.facet(spec.kind), path);
        }
    }
    if let Some((said, slots)) = said {
        doc.add_text(f.said, &said);
        doc.add_text(f.said_exact, said);
        for slot in slots {
            doc.add_text(f.speaker_slot, slot);
        }
    }
    if let Some(signature) = crate::dedup::signature(&article.body) {
        doc.add_bytes(f.minhash, &signature.to_bytes());
    }
    doc.add_text(f.meta, meta);
    doc
}

/// Reads a stored document back; `Err` carries what could not be decoded.
pub fn from_document(f: &Fields, doc: &TantivyDocument) -> Result<StoredArticle, String> {
    let text = |field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
    let id = text(f.id).ok_or("document without id")?;
    let path = text(f.path).unwrap_or_else(|| id.clone());
    let meta = text(f.meta).ok_or_else(|| format!("document {id} without metadata"))?;
    let mut article: Article =
        serde_json::from_str(&meta).map_err(|e| format!("document {id}: bad metadata: {e}"))?;
    article.body = text(f.body).unwrap_or_default();
    Ok(StoredArticle { id, path, article })
}

/// The instant a partial date starts at (midnight UTC of its first day).
pub fn date_time(d: PartialDate) -> DateTime {
    DateTime::from_timestamp_secs(
        days_from_civil(d.year, d.month.unwrap_or(1), d.day.unwrap_or(1)) * 86_400,
    )
}

/// The `date` field's value of an article's date: the instant its period
/// starts at, plus the precision as seconds past midnight (0 for a day, 1 for
/// a month, 2 for a year; [`indexed_precision`] reads it back). The field
/// keeps seconds and the filters work on whole days, so ranges and sorting
/// treat it as the period's first day; an index whose dates are all at
/// midnight reads as day precision throughout.
pub fn indexed_date(d: PartialDate) -> DateTime {
    let mark = match d.precision() {
        DatePrecision::Day => 0,
        DatePrecision::Month => 1,
        DatePrecision::Year => 2,
    };
    DateTime::from_timestamp_secs(date_time(d).into_timestamp_secs() + mark)
}

/// The precision of an indexed date (seconds since the epoch, as the `date`
/// fast field holds it), as [`indexed_date`] wrote it; any other time of day
/// is a day.
pub fn indexed_precision(secs: i64) -> DatePrecision {
    match secs.rem_euclid(86_400) {
        1 => DatePrecision::Month,
        2 => DatePrecision::Year,
        _ => DatePrecision::Day,
    }
}

/// The instant just after a partial date ends (start of the next year,
/// month or day): the exclusive upper bound of `--to`.
pub fn date_time_after(d: PartialDate) -> DateTime {
    let (y, m, day) = match (d.month, d.day) {
        (None, _) => (d.year + 1, 1, 1),
        (Some(12), None) => (d.year + 1, 1, 1),
        (Some(m), None) => (d.year, m + 1, 1),
        (Some(m), Some(day)) => {
            return DateTime::from_timestamp_secs((days_from_civil(d.year, m, day) + 1) * 86_400);
        }
    };
    DateTime::from_timestamp_secs(days_from_civil(y, m, day) * 86_400)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::build_schema;

    #[test]
    fn civil_days_match_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2024, 11, 7), 20_034);
    }

    #[test]
    fn upper_bounds_are_the_start_of_the_next_period() {
        let p = |s: &str| s.parse::<PartialDate>().unwrap();
        assert_eq!(date_time_after(p("2024")), date_time(p("2025")));
        assert_eq!(date_time_after(p("2024-12")), date_time(p("2025-01")));
        assert_eq!(date_time_after(p("2024-02")), date_time(p("2024-03")));
        assert_eq!(date_time_after(p("2024-02-29")), date_time(p("2024-03-01")));
    }

    #[test]
    fn indexed_dates_carry_their_precision_inside_their_first_day() {
        let p = |s: &str| s.parse::<PartialDate>().unwrap();
        for (date, precision) in [
            ("2021", DatePrecision::Year),
            ("2024-03", DatePrecision::Month),
            ("2024-03-07", DatePrecision::Day),
            ("1969-12", DatePrecision::Month),
            ("1850", DatePrecision::Year),
        ] {
            let d = p(date);
            let secs = indexed_date(d).into_timestamp_secs();
            assert_eq!(indexed_precision(secs), precision, "{date}");
            // Inside the first day: `--from`/`--to` and sorting see that day.
            let midnight = date_time(d).into_timestamp_secs();
            assert!((midnight..midnight + 86_400).contains(&secs), "{date}");
        }
        // A date written at midnight (every date of an index without the mark) is a day.
        let midnight = date_time(p("2021")).into_timestamp_secs();
        assert_eq!(indexed_precision(midnight), DatePrecision::Day);
        assert_eq!(indexed_precision(-86_400 + 3_600), DatePrecision::Day);
    }

    fn sample() -> Article {
        Article {
            title: Some("Judul".into()),
            source: Some("ANTARA".into()),
            date: PartialDate::ymd(2024, 11, 7),
            provinces: vec![
                ProvinceRef { code: "35".into(), name: "Jawa Timur".into() },
                ProvinceRef { code: "12".into(), name: "Sumatera Utara".into() },
            ],
            cities: vec![CityRef { name: "Surabaya".into(), province_code: "35".into() }],
            officials: vec![Official {
                name: "Budi Santoso".into(),
                role: Some("Direktur Pelayanan".into()),
                organization: Some("BPJS Ketenagakerjaan".into()),
                as_printed: None,
            }],
            programs: vec!["JHT".into()],
            body: "Isi berita.".into(),
            ..Article::default()
        }
    }

    #[test]
    fn speaker_keys_and_terms() {
        assert_eq!(speaker_key("Asep  Rahmat Suwanda"), "asep_rahmat_suwanda");
        assert_eq!(said_term(0, "jht"), "0|jht");
        assert_eq!(speaker_slot_term("zainudin", 3), "zainudin#3");
        assert_eq!(slot_of("zainudin", "zainudin#3"), Some(3));
        assert_eq!(slot_of("zainudin", "zainudin_amir#3"), None);
        assert_eq!(slot_of("zainudin", "zainudin#"), None);
        assert_eq!(slot_of("zainudin", "zainudin#+1"), None);
    }

    #[test]
    fn speakers_take_slots_in_the_order_they_are_first_quoted() {
        let quote = |speaker: &str, text: &str| Quote {
            speaker: speaker.into(),
            text: text.into(),
            direct: true,
        };
        let article = Article {
            quotes: vec![
                quote("Zainudin", "satu"),
                quote("Asep  Rahmat", "dua"),
                quote("Zainudin", "tiga"),
            ],
            ..Article::default()
        };
        let (text, slots) = said_records(&article).unwrap();
        assert_eq!(slots, ["zainudin#0", "asep_rahmat#1"]);
        let mut expected = String::new();
        for (slot, quote) in [("0", "satu"), ("1", "dua"), ("0", "tiga")] {
            scoped::encode(&mut expected, slot, quote);
        }
        assert_eq!(text, expected);
        assert!(said_records(&Article::default()).is_none());
    }

    /// An article with every field of the metadata set.
    fn full() -> Article {
        use crate::extract::page::DateSource;
        let quote = |speaker: &str, text: &str, direct| Quote {
            speaker: speaker.into(),
            text: text.into(),
            direct,
        };
        Article {
            url: Some("https://contoh.id/a?b=\"c\"".into()),
            dateline: Some("Medan".into()),
            date_source: Some(DateSource::Header),
            byline: vec![Credit { role: "Pewarta".into(), name: "Ani \u{1F}".into() }],
            offices: vec!["Kanwil Bali Nusra Papua".into()],
            figures: vec![Figure {
                text: "Rp37,83 miliar".into(),
                value: 37_830_000_000.0,
                unit: "IDR".into(),
                sentence: "Klaim \"JHT\" Rp37,83 miliar.\n".into(),
            }],
            quotes: vec![
                quote("Zainudin", "Kami \u{1E}membayar", true),
                quote("Ásep  ΣΟΦΟΣ", "Naik 5%", false),
                quote("zainudin", "lagi", true),
            ],
            ..sample()
        }
    }

    /// `to_document` as it was written before the metadata was serialised
    /// from borrowed fields into a reused buffer.
    fn to_document_by_clone(
        f: &Fields,
        id: &str,
        path: &str,
        article: &Article,
    ) -> TantivyDocument {
        let meta = Article { body: String::new(), ..article.clone() };
        build(f, id, path, article, &serde_json::to_string(&meta).unwrap())
    }

    #[test]
    fn documents_are_those_of_the_cloned_metadata() {
        let (_, fields) = build_schema();
        let body = "Dinas tenaga kerja kota itu membuka posko pengaduan bagi buruh \
            yang belum menerima upah selama tiga bulan terakhir."
            .to_string();
        for article in [full(), sample(), Article::default(), Article { body, ..full() }] {
            let new = to_document(&fields, "a.jsonl#2", "a.jsonl", &article);
            assert_eq!(new, to_document_by_clone(&fields, "a.jsonl#2", "a.jsonl", &article));
            let mut meta = Vec::new();
            write_meta(&mut meta, &article);
            let cloned = Article { body: String::new(), ..article.clone() };
            assert_eq!(String::from_utf8(meta).unwrap(), serde_json::to_string(&cloned).unwrap());
        }
    }

    proptest::proptest! {
        #[test]
        fn speaker_keys_match_the_word_by_word_lowercasing(
            name in "([A-Za-z .]|[ \\t\\n\\u{A0}\\u{3000}]|[ÁéΣΟς]|\\PC){0,30}"
        ) {
            let by_words =
                name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join("_");
            proptest::prop_assert_eq!(speaker_key(&name), by_words);
        }
    }

    #[test]
    fn documents_round_trip() {
        let (_, fields) = build_schema();
        for article in [sample(), full()] {
            let doc = to_document(&fields, "a/b.txt", "a/b.txt", &article);
            let back = from_document(&fields, &doc).unwrap();
            assert_eq!(back.id, "a/b.txt");
            assert_eq!(back.article, article);
        }
    }
}
