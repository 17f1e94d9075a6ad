//! The line pass over a page: which lines are the headline, chrome, credits,
//! a date header, the site's address or the copyright footer, and which are
//! kept as the body's lines.

use super::title::choose_title;
use crate::extract::article::{Credit, PartialDate};
use crate::extract::boilerplate::{self, LineClass};
use crate::extract::{byline, date, dateline, publisher};

/// Paragraphs collected before date header lines stop being looked for.
const HEADER_WINDOW: usize = 3;

/// One kept line and the blank-line-separated block it belongs to.
pub(super) struct Unit<'a> {
    pub(super) block: usize,
    pub(super) text: &'a str,
}

#[derive(Default)]
pub(super) struct Scan<'a> {
    pub(super) title: Option<&'a str>,
    pub(super) units: Vec<Unit<'a>>,
    pub(super) credits: Vec<Credit>,
    pub(super) header_date: Option<PartialDate>,
    pub(super) copyright: Option<PartialDate>,
    pub(super) copyright_source: Option<&'static str>,
    /// Whether `header_date` came from above the headline (maybe a widget).
    pub(super) header_above_title: bool,
    /// The publisher of the last line that is only a site's address
    /// (masthead or footer URL).
    pub(super) site: Option<String>,
}

/// The non-blank lines of a page, trimmed, with their line number and the
/// number of the blank-line-separated block they belong to.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let (mut block, mut in_blank) = (0, false);
    split_lines(text).enumerate().filter_map(move |(n, line)| {
        let line = line.trim();
        if line.is_empty() {
            block += usize::from(!in_blank);
            in_blank = true;
            return None;
        }
        in_blank = false;
        Some((n, block, line))
    })
}

/// The pieces of `text.split('\n')`, the line ends found by `memchr`, which
/// tests many bytes at a time where the standard library's search tests a
/// word's worth.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let end = ends.next();
        start = end.map(|e| e + 1);
        // `\n` is a whole character: the cuts are on character boundaries.
        Some(&text[from..end.unwrap_or(text.len())])
    })
}

/// The first known outlet named by a credit line of the page (photo
/// credit, author line): the weakest publisher evidence, so it is read only
/// when no other evidence named the publisher.
pub(super) fn credit_source(text: &str) -> Option<String> {
    lines(text).find_map(|(_, _, line)| publisher::credit_publisher(line))
}

/// The line pass. `known_title` is `Some` for JSON articles (whose title, if
/// any, is a field): then no title is looked for in the text.
pub(super) fn scan<'a>(text: &'a str, known_title: Option<&str>) -> Scan<'a> {
    let mut s = Scan::default();
    let chosen = if known_title.is_none() { choose_title(text) } else { None };
    let mut ended = false;
    for (n, block, line) in lines(text) {
        if let Some(year) = date::copyright_year(line) {
            s.copyright.get_or_insert(year);
            if s.copyright_source.is_none() {
                s.copyright_source = publisher::copyright_publisher(line);
            }
        }
        if let Some(site) = publisher::site_publisher(line) {
            s.site = Some(site);
            continue;
        }
        if ended {
            continue;
        }
        if let Some(credits) = byline::parse_line(line) {
            s.credits.extend(credits);
            continue;
        }
        let title = s.title.or(known_title).filter(|t| !t.is_empty());
        if title == Some(line) {
            continue; // the headline repeated in the text
        }
        match boilerplate::classify_with_title(line, title) {
            LineClass::End if !s.units.is_empty() => {
                ended = true;
                continue;
            }
            LineClass::Text => {}
            _ => continue,
        }
        if s.units.len() < HEADER_WINDOW
            && let Some(d) = date::header_date(line)
            && dateline::parse(line).is_none_or(|d| d.city.is_none())
        {
            // A date bar above the headline may be the site's widget (today's
            // date): the article's stamp below the headline replaces it.
            match chosen {
                Some((at, _)) if n < at => {
                    s.header_date.get_or_insert(d);
                    s.header_above_title = true;
                }
                _ if s.header_above_title => {
                    s.header_date = Some(d);
                    s.header_above_title = false;
                }
                _ => {
                    s.header_date.get_or_insert(d);
                }
            }
            continue;
        }
        match chosen {
            Some((at, _)) if n < at => continue, // chrome above the headline
            Some((at, title)) if n == at => {
                s.title = Some(title);
                if let Some((_, d)) = date::trailing_stamp(line) {
                    s.header_date.get_or_insert(d);
                }
                continue;
            }
            _ => {}
        }
        s.units.push(Unit { block, text: line });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::{Page, parse};
    use crate::extract::article::{PartialDate, RawArticle};
    use crate::extract::title;

    fn plain(text: &str) -> Page {
        parse(&RawArticle::Plain(text.to_string()))
    }

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn title_after_chrome_and_deck_before_dateline() {
        let page = plain(
            "Sukses\n\nPekerja Pelabuhan Ambon Kini Terlindungi\n\n\
             Ringkasan singkat tentang kerja sama perlindungan pekerja.\n\n\
             Liputan6.com, Ambon BPJS Ketenagakerjaan memperluas perlindungan.\n\n\
             2 dari 3 halaman\n\nJaminan Sosial Pekerja\n\nKerja sama diteken di Ambon.\n\n(*)",
        );
        assert_eq!(page.title.as_deref(), Some("Pekerja Pelabuhan Ambon Kini Terlindungi"));
        assert_eq!(page.dateline.as_deref(), Some("Ambon"));
        assert_eq!(page.source.as_deref(), Some("Liputan6.com"));
        assert_eq!(
            page.body,
            "BPJS Ketenagakerjaan memperluas perlindungan.\n\nJaminan Sosial Pekerja\n\n\
             Kerja sama diteken di Ambon."
        );
        assert_eq!(page.date, None);
    }

    #[test]
    fn the_stamp_below_the_headline_beats_a_date_bar_above_it() {
        let page = plain(
            "Minggu, 6 Desember 2026\n\nKlaim Nelayan Dibayar Penuh\n\nSenin, 11 Maret 2024 09:10 WIB\n\n\
             Sorong - Santunan diserahkan di kantor cabang pada pagi hari.",
        );
        assert_eq!(page.title.as_deref(), Some("Klaim Nelayan Dibayar Penuh"));
        assert_eq!(page.date, Some(d("2024-03-11")));
        // Alone, the bar above is still the page's date.
        let page = plain(
            "Senin, 11 Maret 2024\n\nKlaim Nelayan Dibayar Penuh\n\n\
             Sorong - Santunan diserahkan di kantor cabang pada pagi hari.",
        );
        assert_eq!(page.date, Some(d("2024-03-11")));
    }

    #[test]
    fn glued_image_captions_and_numbered_subheadings() {
        let title = "Pekerja Rentan Ambon Dapat Perlindungan";
        let page = plain(&format!(
            "{title}\n\nDeck singkat\n\nAmbon, IDN Times -- Pekerja rentan didaftarkan.\n\n\
             1. Iuran dibayar pemerintah daerah\n\n{title}Petugas mendata pekerja. (Dok. Contoh)\n\n\
             Pendataan selesai bulan depan.\n\nBerita Terkini Lainnya\n\nJudul lain"
        ));
        assert_eq!(page.title.as_deref(), Some(title));
        assert_eq!(page.source.as_deref(), Some("IDN Times"));
        assert_eq!(
            page.body,
            "Pekerja rentan didaftarkan.\n\n1. Iuran dibayar pemerintah daerah\n\n\
             Pendataan selesai bulan depan."
        );
    }

    #[test]
    fn the_headline_is_found_below_mastheads_sections_and_places() {
        for (page_text, title) in [
            (
                "KOMPAS.com\nRegional\nJawa Timur\n\nPekerja Pabrik di Gresik Terima Santunan\n\n\
                 12/03/2024, 14:05 WIB\n\nGRESIK, KOMPAS.com - Isi berita.",
                "Pekerja Pabrik di Gresik Terima Santunan",
            ),
            (
                "Warta Daerah\nEkonomi | Sumatra\n\nIuran Pekerja Informal Ditanggung Pemda\n\n\
                 Isi berita yang panjang dimulai di sini dengan kalimat lengkap.",
                "Iuran Pekerja Informal Ditanggung Pemda",
            ),
            (
                "SIARAN PERS\nBPJS Ketenagakerjaan Kantor Cabang Sorong\nNomor: 01/SP/2025\n\n\
                 Pekerja Konstruksi di Sorong Wajib Terlindungi\n\nSorong – Isi berita.",
                "Pekerja Konstruksi di Sorong Wajib Terlindungi",
            ),
            (
                "ANTARA News Sulawesi Barat\n\nNelayan Mamuju terima kartu peserta\n\n\
                 Mamuju (ANTARA) - Isi berita.",
                "Nelayan Mamuju terima kartu peserta",
            ),
        ] {
            let page = plain(page_text);
            assert_eq!(page.title.as_deref(), Some(title), "{page_text}");
            assert!(!page.body.contains("Regional") && !page.body.contains("SIARAN"));
        }
        // A body that starts at once has no title, whatever short lines follow.
        let page =
            plain("Pekerja di Medan menerima manfaat program sejak pekan lalu.\n\nJawa Timur");
        assert_eq!(page.title, None);
    }

    #[test]
    fn a_site_address_line_names_the_publisher_over_a_dateline_code() {
        let page = plain(
            "batamkini.co.id\n\nGalangan Kapal Batam Tambah Pekerja\n\nBATAM (BK) – Isi berita.",
        );
        assert_eq!(page.source.as_deref(), Some("batamkini.co.id"));
        assert_eq!(page.dateline.as_deref(), Some("Batam"));
        assert!(!page.body.contains("batamkini"));
    }

    #[test]
    fn a_credit_line_names_the_publisher_only_without_other_evidence() {
        let credit = "Pekerja mendaftar di kantor cabang pada pagi hari.\n\n\
                      Pendaftaran dibuka. (JIBI/Rina Sari)\n\nPendaftaran dibuka setiap hari kerja.";
        assert_eq!(plain(credit).source.as_deref(), Some("Bisnis.com"));
        let page = plain(&format!("Medan, IDN Times - {credit}"));
        assert_eq!(page.source.as_deref(), Some("IDN Times"));
    }

    #[test]
    fn titles_and_non_titles() {
        for t in [
            "Klaim Pekerja Naik Rp 2,1 T, 90 Ribu Kasus Tertangani",
            "Siapa Saja yang Berhak Menerima Bantuan?",
            "Jakarta - Pekerja Gelar Aksi",
        ] {
            assert!(title::looks_like_title(t), "{t}");
        }
        for t in [
            "Ini adalah paragraf biasa.",
            "Medan (ANTARA) - Pekerja hadir",
            "Sukses",
            "Ini kalimat. Ini kalimat lain. Dan satu lagi",
            "“Kami siap membantu,”",
        ] {
            assert!(!title::looks_like_title(t), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn split_lines_cuts_as_split_does(text in "(?:[a-z ]{0,3}|\n|\r|é|\u{a0}){0,12}") {
            let ours: Vec<&str> = super::split_lines(&text).collect();
            let std: Vec<&str> = text.split('\n').collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
