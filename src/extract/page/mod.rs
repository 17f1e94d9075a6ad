//! From one raw article to its page-level parts: headline, publisher,
//! dateline, date, credits and clean body text.
//!
//! A scraped `.txt` page is a headline plus chrome, captions, the dateline,
//! the body and a footer, all as lines. [`parse`] normalises the text, drops
//! chrome and captions ([`crate::extract::boilerplate`]), takes credit lines
//! out ([`crate::extract::byline`]), recovers the headline, finds the
//! dateline ([`crate::extract::dateline`]) and picks the date
//! ([`crate::extract::date`], whose module doc states the date policy).
//! JSON articles go through the same body cleaning; their fields win over what
//! the body says. [`normalize`] cleans the text, [`scan`] is the line pass.
//!
//! # Title rule
//!
//! Scraped pages open with site chrome: mastheads (`KOMPAS.com`, `ANTARA
//! News Papua`), section labels and breadcrumbs (`Regional`, `Ekonomi |
//! Sumatra`, `Home » Balikpapan`), places (`Jawa Timur`), press-release
//! headers. The title is chosen among the lines that survive the cleaner
//! (a lone `Sukses`, ads, credit lines, site addresses and date header lines
//! are skipped) before the body starts — at a publisher dateline (`Medan
//! (ANTARA) -`) or at the first long line that is not headline-like — and
//! within the first [`TITLE_WINDOW`] such lines. A line is headline-like
//! when it has 2–40 words, at most 200 characters, no final period or comma
//! (an ellipsis is fine), does not close a quotation, is not several
//! sentences and does not open with a publisher dateline. Chrome is never a
//! title: a known publisher's name, a place name, section words, or
//! breadcrumb parts of at most four words. Of the rest, the first line of
//! four or more words that stands alone in its block wins (headlines are set
//! apart; masthead blocks hold several lines), else the first of four or
//! more words, else the first. Lines before the title are chrome and are
//! dropped; without a headline-like line the page has no title.
//!
//! # Body rule
//!
//! Every remaining line is a paragraph; a line that continues a hard-wrapped
//! sentence (previous line without final punctuation, this one starting in
//! lower case) is joined to it. If one of the first four paragraphs opens
//! with a dateline, the body starts there: the paragraphs before it are the
//! deck or a lead photo caption and are dropped, and the dateline itself is
//! cut from its paragraph. Trailing writer codes (`(WEB)`) are stripped.
//!
//! # Source rule
//!
//! A JSON `source` field wins; then a line that is only the site's address;
//! then the dateline's publisher; then a known publisher named in the
//! copyright footer (`Copyright © ANTARA 2024`); then one named in a credit
//! line (`TEMPO/Photographer`, `Author - detikFinance`).

mod normalize;
mod scan;

use crate::extract::article::{Credit, PartialDate, RawArticle, StructuredArticle};
use crate::extract::{boilerplate, date, dateline, publisher, title};
use normalize::{normalize, normalize_inline};
use scan::{Unit, credit_source, scan};

pub(crate) use scan::lines;

/// Where a page's date came from (see [`crate::extract::date`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A date-only header line near the top of the page.
    Header,
    /// The date printed in the dateline (`PADANG (17/12/2024) -`).
    Dateline,
    /// The first full date in the body; often the event's date.
    Body,
    /// The copyright footer (year only).
    Copyright,
    /// The JSON date field.
    Field,
}

/// What a page's date stands for, from the strongest evidence down: the
/// page's publication stamp (`published`: a header line or a JSON field),
/// the dateline's date (`dateline`), a date in the text (`event`: usually
/// the day of what is reported), the copyright year (`copyright`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// The page's own publication stamp.
    Published,
    /// The date printed in the dateline.
    Dateline,
    /// A date in the body, usually the event's.
    Event,
    /// The copyright footer's year.
    Copyright,
}

impl DateBasis {
    /// The name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Published => "published",
            DateBasis::Dateline => "dateline",
            DateBasis::Event => "event",
            DateBasis::Copyright => "copyright",
        }
    }
}

impl DateSource {
    /// What a date from this source stands for.
    pub fn basis(self) -> DateBasis {
        match self {
            DateSource::Header | DateSource::Field => DateBasis::Published,
            DateSource::Dateline => DateBasis::Dateline,
            DateSource::Body => DateBasis::Event,
            DateSource::Copyright => DateBasis::Copyright,
        }
    }
}

/// The page-level parts of one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// The headline, without chrome.
    pub title: Option<String>,
    /// The publisher's display name.
    pub source: Option<String>,
    /// The page address (JSON only).
    pub url: Option<String>,
    /// The dateline city in title case.
    pub dateline: Option<String>,
    /// The page date, to the precision the page gives.
    pub date: Option<PartialDate>,
    /// Where [`Page::date`] came from.
    pub date_source: Option<DateSource>,
    /// Credit lines (reporter, editor …).
    pub byline: Vec<Credit>,
    /// The clean body: paragraphs joined with a blank line.
    pub body: String,
}

/// Paragraphs (from the top) in which a dateline is looked for.
const DATELINE_WINDOW: usize = 4;
/// Parses one raw article.
pub fn parse(raw: &RawArticle) -> Page {
    match raw {
        RawArticle::Plain(text) => parse_plain(text),
        RawArticle::Structured(article) => parse_structured(article),
    }
}

fn parse_plain(text: &str) -> Page {
    let text = normalize(text);
    let scan = scan(&text, None);
    let title = scan.title.map(str::to_string);
    let (site, copyright_source) = (scan.site, scan.copyright_source);
    let dates = Dates::Text { header: scan.header_date, copyright: scan.copyright };
    let mut page = build(scan.units, title, scan.credits, dates);
    // The site's own address beats the dateline's short name ("BATAM (BP)"),
    // which beats the copyright line.
    page.source = site
        .or(page.source)
        .or(copyright_source.map(str::to_string))
        .or_else(|| credit_source(&text));
    page
}

fn parse_structured(article: &StructuredArticle) -> Page {
    let title = article.title.as_deref().map(normalize_inline).filter(|t| !t.is_empty());
    let text = normalize(&article.body);
    let scan = scan(&text, Some(title.as_deref().unwrap_or("")));
    let (site, copyright_source) = (scan.site, scan.copyright_source);
    // A JSON date field wins: the text's dates are then not looked for.
    let field_date = article.date.as_deref().and_then(date::parse_date_field);
    let dates = match field_date {
        Some(d) => Dates::Field(d),
        None => Dates::Text { header: scan.header_date, copyright: scan.copyright },
    };
    let mut page = build(scan.units, title, scan.credits, dates);
    let field = |v: &Option<String>| v.as_deref().map(normalize_inline).filter(|s| !s.is_empty());
    page.source = match field(&article.source) {
        Some(source) => Some(publisher::publisher_display(&source)),
        None => site
            .or(page.source)
            .or(copyright_source.map(str::to_string))
            .or_else(|| credit_source(&text)),
    };
    page.url = field(&article.url);
    page
}

/// Paragraphs, dateline, date and body from the kept lines.
/// The date evidence found before the body is built: a JSON field's date,
/// or the header stamp and copyright year of the text.
enum Dates {
    Field(PartialDate),
    Text { header: Option<PartialDate>, copyright: Option<PartialDate> },
}

fn build(units: Vec<Unit<'_>>, title: Option<String>, byline: Vec<Credit>, dates: Dates) -> Page {
    let mut paragraphs = join_wrapped(&units);
    let mut city = None;
    let mut source = None;
    let found = paragraphs.iter().take(DATELINE_WINDOW).enumerate().find_map(|(i, p)| {
        let d = dateline::parse(p)?;
        Some((i, d.city, d.source, d.date, p.len() - d.rest.len()))
    });
    let mut dateline_date = None;
    if let Some((i, c, src, day, rest_at)) = found {
        paragraphs.drain(..i);
        paragraphs[0].drain(..rest_at);
        city = c;
        source = src;
        dateline_date = day;
    }
    let body = paragraphs
        .iter()
        .map(|p| boilerplate::strip_writer_code(p.trim()))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    // The page's stamp, then the dateline's date, then a date in the body
    // (often the event's; a year-less weekday date completed by the
    // calendar), then the copyright year, then a reported period's year.
    let (header_date, copyright, header_source) = match dates {
        Dates::Field(d) => (Some(d), None, DateSource::Field),
        Dates::Text { header, copyright } => (header, copyright, DateSource::Header),
    };
    let (date, date_source) = match (header_date, dateline_date) {
        (Some(d), _) => (Some(d), Some(header_source)),
        (None, Some(d)) => (Some(d), Some(DateSource::Dateline)),
        (None, None) => {
            match date::body_date(&body).or_else(|| date::weekday_completed(&body, copyright)) {
                Some(d) => (Some(d), Some(DateSource::Body)),
                None if copyright.is_some() => (copyright, Some(DateSource::Copyright)),
                None => {
                    let year = date::period_year(&body);
                    (year, year.map(|_| DateSource::Body))
                }
            }
        }
    };
    Page { title, source, url: None, dateline: city, date, date_source, byline, body }
}

/// Kept lines as paragraphs, joining hard-wrapped continuation lines.
fn join_wrapped(units: &[Unit<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last_block = None;
    for unit in units {
        if let (Some(prev), Some(block)) = (out.last_mut(), last_block) {
            let continues = block == unit.block
                && !prev.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', '\'', ')', '…', '»'])
                && unit.text.chars().next().is_some_and(char::is_lowercase);
            if continues {
                prev.push(' ');
                prev.push_str(unit.text);
                continue;
            }
        }
        out.push(unit.text.to_string());
        last_block = Some(unit.block);
    }
    out
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::extract::reader;

    fn plain(text: &str) -> Page {
        parse(&RawArticle::Plain(text.to_string()))
    }

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn credit(role: &str, name: &str) -> Credit {
        Credit { role: role.into(), name: name.into() }
    }

    #[test]
    fn agency_page_with_credits_and_copyright() {
        let page = plain(
            "Ambon (ANTARA) - Kantor cabang membuka layanan baru, Senin.\n\n\
             Layanan itu melayani pekerja pelabuhan.\n\n\
             Baca juga: Iuran pekerja naik\n\n\
             Pewarta: Budi Santoso\nEditor: Sri Lestari\nCopyright © ANTARA 2024",
        );
        assert_eq!(page.title, None);
        assert_eq!(page.dateline.as_deref(), Some("Ambon"));
        assert_eq!(page.source.as_deref(), Some("ANTARA"));
        assert_eq!(page.date, Some(PartialDate::year(2024)));
        assert_eq!(page.date_source, Some(DateSource::Copyright));
        assert_eq!(
            page.byline,
            vec![credit("Pewarta", "Budi Santoso"), credit("Editor", "Sri Lestari")]
        );
        assert_eq!(
            page.body,
            "Kantor cabang membuka layanan baru, Senin.\n\nLayanan itu melayani pekerja pelabuhan."
        );
    }

    #[test]
    fn source_from_copyright_footer_without_dateline() {
        let page = plain("Judul Berita Tanpa Dateline\n\nIsi berita.\n\nCopyright © ANTARA 2023");
        assert_eq!(page.source.as_deref(), Some("ANTARA"));
        assert_eq!(page.dateline, None);
        assert_eq!(page.date, Some(PartialDate::year(2023)));
        assert_eq!(page.body, "Isi berita.");
    }

    #[test]
    fn dateline_date_beats_the_body_and_stamps_leave_the_headline() {
        let page = plain(
            "Klaim Nelayan Dibayar Penuh\n\nSORONG (12/3/2024) - Santunan diserahkan Senin (11/3/2024).",
        );
        assert_eq!(page.date, Some(d("2024-03-12")));
        assert_eq!(page.date_source, Some(DateSource::Dateline));
        assert_eq!(page.body, "Santunan diserahkan Senin (11/3/2024).");
        let page = plain(
            "Klaim Nelayan Dibayar Penuh Rabu, 13/03/2024 | 09:10\n\n\
             Sorong - Santunan diserahkan Senin (11/3/2024) di kantor cabang.",
        );
        assert_eq!(page.title.as_deref(), Some("Klaim Nelayan Dibayar Penuh"));
        assert_eq!(page.date, Some(d("2024-03-13")));
        assert_eq!(page.date_source, Some(DateSource::Header));
        let page = plain(
            "Klaim Nelayan Dibayar Penuh | Warta Kota\n\nSorong - Santunan diserahkan di kantor cabang.",
        );
        assert_eq!(page.title.as_deref(), Some("Klaim Nelayan Dibayar Penuh"));
    }

    #[test]
    fn header_date_wins_over_body_date() {
        let page = plain(
            "Iuran Pekerja Informal Turun\nSenin, 24 Februari 2025 10:21 WIB\n\
             Jakarta - Rapat digelar Kamis (20/2/2025) di kantor pusat.",
        );
        assert_eq!(page.title.as_deref(), Some("Iuran Pekerja Informal Turun"));
        assert_eq!(page.date, Some(d("2025-02-24")));
        assert_eq!(page.date_source, Some(DateSource::Header));
        assert_eq!(page.dateline.as_deref(), Some("Jakarta"));
        assert_eq!(page.body, "Rapat digelar Kamis (20/2/2025) di kantor pusat.");
    }

    #[test]
    fn body_date_and_caption_and_end_marker() {
        let page = plain(
            "Klaim Jaminan Hari Tua Meningkat di Kalimantan\n\n\
             Petugas melayani peserta di loket. (Foto/Istimewa)\n\n\
             SAMARINDA, CONTOHBERITA.CO.ID – Klaim meningkat, kata kepala cabang di Samarinda, Kamis (7/11/2024).\n\n\
             BACA JUGA:Kantor baru dibuka\n\
             Pekerja diimbau mendaftar. (WEB)\n\n\
             Topik:\n\nBerita lain di sini.\nEDITOR:Rahmat\n\nSUMBER:",
        );
        assert_eq!(page.dateline.as_deref(), Some("Samarinda"));
        assert_eq!(page.source.as_deref(), Some("contohberita.co.id"));
        assert_eq!(page.date, Some(d("2024-11-07")));
        assert_eq!(page.date_source, Some(DateSource::Body));
        assert_eq!(page.byline, vec![]);
        assert_eq!(
            page.body,
            "Klaim meningkat, kata kepala cabang di Samarinda, Kamis (7/11/2024).\n\n\
             Pekerja diimbau mendaftar."
        );
    }

    #[test]
    fn no_dateline_keeps_every_paragraph() {
        let page = plain(
            "Judul Berita Tanpa Dateline\nParagraf pertama.\nParagraf kedua.\n\
             Cek Berita dan Artikel yang lain di Google News\nSumber:",
        );
        assert_eq!(page.title.as_deref(), Some("Judul Berita Tanpa Dateline"));
        assert_eq!(page.source, None);
        assert_eq!(page.dateline, None);
        assert_eq!(page.body, "Paragraf pertama.\n\nParagraf kedua.");
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let page =
            plain("Judul Pendek Sekali\n\nBaris pertama yang\nterpotong di tengah.\nBaris baru.");
        assert_eq!(page.body, "Baris pertama yang terpotong di tengah.\n\nBaris baru.");
    }

    #[test]
    fn structured_fields_win() {
        let raw = RawArticle::Structured(StructuredArticle {
            title: Some(" Judul  Artikel ".into()),
            body: "Judul Artikel\nPalu (ANTARA) - Pekerja terdaftar, Senin (3/6/2024).\n\
                   Baca juga: lain\nPewarta: Andi"
                .into(),
            date: Some("2024-06-04T09:30:00+07:00".into()),
            source: Some("www.antaranews.com".into()),
            url: Some("https://contoh.id/a".into()),
        });
        let page = parse(&raw);
        assert_eq!(page.title.as_deref(), Some("Judul Artikel"));
        assert_eq!(page.source.as_deref(), Some("ANTARA"));
        assert_eq!(page.url.as_deref(), Some("https://contoh.id/a"));
        assert_eq!(page.dateline.as_deref(), Some("Palu"));
        assert_eq!(page.date, Some(d("2024-06-04")));
        assert_eq!(page.date_source, Some(DateSource::Field));
        assert_eq!(page.byline, vec![credit("Pewarta", "Andi")]);
        assert_eq!(page.body, "Pekerja terdaftar, Senin (3/6/2024).");
    }

    #[test]
    fn structured_falls_back_to_body_and_dateline() {
        let raw = RawArticle::Structured(StructuredArticle {
            body: "Kupang, Contoh.com - Pekerja terdaftar pada Rabu (5/6/2024).".into(),
            date: Some("kemarin".into()),
            ..Default::default()
        });
        let page = parse(&raw);
        assert_eq!(page.title, None);
        assert_eq!(page.source.as_deref(), Some("Contoh.com"));
        assert_eq!(page.date, Some(d("2024-06-05")));
        assert_eq!(page.date_source, Some(DateSource::Body));
        let first_line_kept = RawArticle::Structured(StructuredArticle {
            body: "Kalimat pertama tanpa judul".into(),
            ..Default::default()
        });
        assert_eq!(parse(&first_line_kept).body, "Kalimat pertama tanpa judul");
    }

    #[test]
    fn odd_input_never_panics() {
        for s in
            ["", "\u{feff}", "é", "\r\r\n", "Sukses", "(*)", "Jakarta - é", "Liputan6.com, É", "——"]
        {
            let _ = plain(s);
        }
        let long = "kata ".repeat(100_000);
        assert_eq!(plain(&long).body.len(), long.trim_end().len());
    }

    // --- The real seeds, when the folder exists.

    /// The seed whose file name starts with `prefix`: its raw text and parsed page.
    fn seed(prefix: &str) -> Option<(String, Page)> {
        let path = crate::test_support::seed_path(prefix)?;
        let outcome = reader::read_file(&path).unwrap();
        let (_, raw) = outcome.articles.into_iter().next()?;
        let RawArticle::Plain(text) = &raw else { panic!("seed is not plain text") };
        Some((text.clone(), parse(&raw)))
    }

    fn nth_line(text: &str, n: usize) -> String {
        text.lines().map(str::trim).filter(|l| !l.is_empty()).nth(n).unwrap().to_string()
    }

    fn assert_clean(page: &Page) {
        let lower = page.body.to_lowercase();
        for chrome in
            ["baca juga", "dari 3 halaman", "topik:", "berita terkini lainnya", "google news"]
        {
            assert!(!lower.contains(chrome), "{chrome:?} left in body");
        }
        assert!(!page.body.contains('\u{a0}'));
        assert!(!page.body.contains("\n\n\n"));
    }

    #[test]
    fn seed_000_antara() {
        let Some((_, page)) = seed("000_") else { return };
        assert_eq!(page.source.as_deref(), Some("ANTARA"));
        assert_eq!(page.dateline.as_deref(), Some("Medan"));
        assert_eq!(page.date, Some(PartialDate::year(2024)));
        assert_eq!(page.date_source, Some(DateSource::Copyright));
        let roles: Vec<&str> = page.byline.iter().map(|c| c.role.as_str()).collect();
        assert_eq!(roles, ["Pewarta", "Editor"]);
        assert!(page.body.starts_with("BPJS Ketenagakerjaan"));
        assert!(!page.body.contains("(ANTARA)") && !page.body.contains("Copyright"));
        assert_clean(&page);
    }

    #[test]
    fn seed_001_no_dateline() {
        let Some((text, page)) = seed("001_") else { return };
        assert_eq!(page.title, Some(nth_line(&text, 0)));
        assert!(!page.body.contains("Humas Pemkot Surabaya"));
        assert!(!page.body.contains("BACA JUGA"));
        assert!(!page.body.contains("Sumber"));
        assert_eq!(page.source, None);
        assert_eq!(page.dateline, None);
        assert_eq!(page.date, None);
        assert!(page.body.split("\n\n").count() >= 10);
        assert_clean(&page);
    }

    #[test]
    fn seed_002_liputan6() {
        let Some((text, page)) = seed("002_") else { return };
        assert_eq!(page.title, Some(nth_line(&text, 1)));
        assert_ne!(page.title.as_deref(), Some("Sukses"));
        assert_eq!(page.dateline.as_deref(), Some("Medan"));
        assert_eq!(page.source.as_deref(), Some("Liputan6.com"));
        assert!(page.body.starts_with("BPJS Ketenagakerjaan"));
        assert!(page.body.split("\n\n").any(|p| p == "Gerakan Nasional SERTAKAN"));
        assert!(!page.body.ends_with("(*)"));
        assert_clean(&page);
    }

    #[test]
    fn seed_003_kaltengterkini() {
        let Some((text, page)) = seed("003_") else { return };
        assert_eq!(page.title, Some(nth_line(&text, 0)));
        assert_eq!(page.dateline.as_deref(), Some("Banjarmasin"));
        assert_eq!(page.source.as_deref(), Some("Kaltengterkini"));
        assert_eq!(page.date, Some(d("2024-11-07")));
        assert_eq!(page.date_source, Some(DateSource::Body));
        assert_eq!(page.byline.iter().map(|c| c.role.as_str()).collect::<Vec<_>>(), ["Editor"]);
        assert!(!page.body.contains("(Foto/Istimewa)"));
        assert!(!page.body.contains("KALTENGTERKINI") && !page.body.contains("SUMBER"));
        assert_clean(&page);
    }

    #[test]
    fn seed_004_idn_times() {
        let Some((text, page)) = seed("004_") else { return };
        let title = nth_line(&text, 0);
        assert_eq!(page.title.as_deref(), Some(title.as_str()));
        assert_eq!(page.dateline.as_deref(), Some("Jakarta"));
        assert_eq!(page.source.as_deref(), Some("IDN Times"));
        assert!(!page.body.contains("(WEB)"));
        assert!(!page.body.contains("(Dok. BPJAMSOSTEK)") && !page.body.contains("ANTARA FOTO"));
        assert!(!page.body.split("\n\n").any(|p| p.starts_with(&title)));
        assert!(page.body.split("\n\n").any(|p| p.starts_with("1. ")));
        assert_clean(&page);
    }
}
