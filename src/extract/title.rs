//! The headline of a scraped page: which line it is, and what is cut from
//! it (a glued publication stamp or site name). See the title rule in
//! [`crate::extract::page`]. A headline-like line printed twice near the
//! top wins over that rule (pages repeat the headline as an image title or
//! beside the byline, while teasers and menus above it appear once).

use crate::extract::boilerplate::{self, LineClass};
use crate::extract::page::lines;
use crate::extract::{byline, date, dateline, publisher, region};

/// Surviving lines looked at for the title before the body starts.
const TITLE_WINDOW: usize = 8;
/// Words of a line that is not headline-like yet still chrome, not body.
const MAX_CHROME_WORDS: usize = 5;
/// Words of section labels in mastheads and breadcrumbs (lower case).
const SECTION_WORDS: &[&str] = &[
    "berita",
    "regional",
    "nasional",
    "daerah",
    "ekonomi",
    "bisnis",
    "opini",
    "kolom",
    "terkini",
    "news",
    "home",
    "beranda",
    "utama",
    "headline",
    "hukum",
    "politik",
    "olahraga",
    "kesehatan",
    "pendidikan",
    "ketenagakerjaan",
    "keuangan",
    "finansial",
    "metro",
    "megapolitan",
    "nusantara",
    "internasional",
    "teknologi",
    "lifestyle",
    "gaya",
    "hidup",
    "siaran",
    "pers",
    "rilis",
    "press",
    "release",
    "advertorial",
    "&",
    "dan",
    "-",
    "terbaru",
    "populer",
];
/// Title limits.
const MAX_TITLE_CHARS: usize = 200;
const MAX_TITLE_WORDS: usize = 40;

/// Lines from the top looked at for a headline printed twice.
const REPEAT_WINDOW: usize = 30;

/// The headline's line number and text; see the module doc.
pub(crate) fn choose_title(text: &str) -> Option<(usize, &str)> {
    repeated_headline(text).or_else(|| first_headline(text))
}

/// A headline-like line of four or more words printed twice near the top
/// (as the heading, then as an image's title or beside the byline): the
/// page's headline even below section teasers or other stories' titles.
/// Its first printing is returned.
fn repeated_headline(text: &str) -> Option<(usize, &str)> {
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for (n, _, line) in lines(text).take(REPEAT_WINDOW) {
        // Comparing raw lines first keeps this cheap: most lines differ in length.
        let Some(&(first, _)) = seen.iter().find(|(_, l)| *l == line) else {
            if line.len() <= MAX_TITLE_CHARS * 2 {
                seen.push((n, line));
            }
            continue;
        };
        let core = title_core(line);
        let skipped = byline::parse_line(line).is_some()
            || publisher::site_publisher(line).is_some()
            || boilerplate::classify(line) != LineClass::Text
            || date::header_date(line).is_some();
        if !skipped
            && core.split_whitespace().count() >= 4
            && looks_like_title(core)
            && !is_chrome(core)
        {
            return Some((first, core));
        }
    }
    None
}

/// The first headline-like line by the module's rule.
fn first_headline(text: &str) -> Option<(usize, &str)> {
    // (line number, text, block, words) of the headline-like lines.
    let mut candidates: Vec<(usize, &str, usize, usize)> = Vec::new();
    let mut lines_in_block: Vec<usize> = Vec::new();
    let mut seen = 0;
    for (n, block, line) in lines(text) {
        let skipped = byline::parse_line(line).is_some()
            || publisher::site_publisher(line).is_some()
            || boilerplate::classify(line) != LineClass::Text
            || date::header_date(line).is_some();
        if skipped {
            continue;
        }
        if seen == TITLE_WINDOW {
            break;
        }
        let core = title_core(line);
        // Counted up to one past a headline's limit: beyond it, only "more
        // than a few words" is asked.
        let words = core.split_whitespace().take(MAX_TITLE_WORDS + 1).count();
        let shaped = has_title_shape(core);
        // A line of more than a few words without a headline's shape ends
        // the search whether or not it opens with a dateline naming a source
        // (the dateline, the costliest test, is then read only where it
        // changes the outcome: without a source the line counts in its
        // block, which matters to a candidate of the same block).
        if !shaped && words > MAX_CHROME_WORDS {
            if candidates.iter().any(|c| c.2 == block) && !opens_with_source(line) {
                lines_in_block[block] += 1;
            }
            break; // the body has started
        }
        if opens_with_source(line) {
            break;
        }
        seen += 1;
        if lines_in_block.len() <= block {
            lines_in_block.resize(block + 1, 0);
        }
        lines_in_block[block] += 1;
        // A headline: its shape, and no dateline naming a source (the
        // line's own was read above).
        if !(shaped && (core == line || !opens_with_source(core))) {
            if words > MAX_CHROME_WORDS {
                break; // the body has started
            }
            continue;
        }
        let line = core;
        if !is_chrome(line) {
            candidates.push((n, line, block, words));
        }
    }
    let alone = |c: &&(usize, &str, usize, usize)| lines_in_block.get(c.2) == Some(&1);
    let long = |c: &&(usize, &str, usize, usize)| c.3 >= 4;
    let best = candidates
        .iter()
        .find(|c| long(c) && alone(c))
        .or_else(|| candidates.iter().find(long))
        .or_else(|| candidates.first())?;
    Some((best.0, best.1))
}

/// A headline line without what pages glue to it: a publication stamp
/// (`… Jumat, 26/09/2025 | 13:54`) and the site's name (`… | Warta Kota`).
fn title_core(line: &str) -> &str {
    let line = date::trailing_stamp(line).map_or(line, |(at, _)| line[..at].trim_end());
    let Some((head, tail)) = split_site(line) else {
        return line;
    };
    let known = publisher::publisher(tail).is_some() || publisher::is_domain(tail.trim());
    if known && head.split_whitespace().count() >= 2 { head.trim_end() } else { line }
}

/// `line` cut at its last ` | `, else at its last ` - `. Most lines hold
/// neither `|` nor `-`: a byte search rules a separator out before the
/// substring search from the end.
fn split_site(line: &str) -> Option<(&str, &str)> {
    let cut = |sep: &'static str, byte: u8| match memchr::memchr(byte, line.as_bytes()) {
        Some(_) => line.rsplit_once(sep),
        None => None,
    };
    cut(" | ", b'|').or_else(|| cut(" - ", b'-'))
}

/// Masthead and navigation lines: a known publisher (`ANTARA News Papua`),
/// a place (`Jawa Timur`), section words (`Ekonomi & Bisnis`), breadcrumbs
/// whose parts are all short (`Ekonomi | Sumatra`, `Home » Balikpapan`),
/// a document number.
fn is_chrome(line: &str) -> bool {
    if may_be_breadcrumb(line) {
        let parts: Vec<&str> = line.split(['|', '»', '›']).map(str::trim).collect();
        if parts.len() > 1 && parts.iter().all(|p| p.split_whitespace().count() <= 4) {
            return true;
        }
    }
    let lower = line.to_lowercase();
    if publisher::publisher(line).is_some()
        || region::resolve_province(line).is_some()
        || region::resolve_city(line).is_some()
        || lower.starts_with("nomor")
        || lower.starts_with("no.")
    {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.len() <= 4
        && words.iter().all(|w| {
            SECTION_WORDS.contains(w)
                || region::resolve_province(w).is_some()
                || publisher::publisher(w).is_some()
        })
}

/// Whether `line` may hold a breadcrumb separator (`|`, `»`, `›`): it has
/// `|` or the last byte of `»` (`C2 BB`) or of `›` (`E2 80 BA`). Without
/// one, the line splits into one part and is no breadcrumb.
fn may_be_breadcrumb(line: &str) -> bool {
    memchr::memchr3(b'|', 0xBB, 0xBA, line.as_bytes()).is_some()
}

/// Whether the first surviving line is a headline; see the module doc.
pub(crate) fn looks_like_title(line: &str) -> bool {
    has_title_shape(line) && !opens_with_source(line)
}

/// Whether `line` opens with a dateline that names a source.
fn opens_with_source(line: &str) -> bool {
    dateline::parse(line).is_some_and(|d| d.source.is_some())
}

/// [`looks_like_title`] but for the dateline: a headline's length, no
/// sentence end at its end, at most one sentence break.
fn has_title_shape(line: &str) -> bool {
    // The cheaper test first: a paragraph is most often too long.
    if line.chars().count() > MAX_TITLE_CHARS {
        return false;
    }
    let words = line.split_whitespace().take(MAX_TITLE_WORDS + 1).count();
    if !(2..=MAX_TITLE_WORDS).contains(&words) {
        return false;
    }
    let ends_badly = (line.ends_with('.') && !line.ends_with("..."))
        || line.ends_with([',', ';', ':'])
        || closes_quoted_sentence(line);
    !ends_badly && sentence_breaks(line) <= 1
}

/// `…,”` or `….”`: the end of a quoted sentence, not a headline.
fn closes_quoted_sentence(line: &str) -> bool {
    let mut tail = line.chars().rev();
    matches!(tail.next(), Some('"' | '”' | '’' | '\''))
        && matches!(tail.next(), Some('.' | ',' | '!' | '?'))
}

/// Sentence ends followed by a capitalised word.
fn sentence_breaks(line: &str) -> usize {
    // The stop and the space are ASCII, so each is one byte and a whole
    // character: the character after them starts two bytes on.
    let bytes = line.as_bytes();
    memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .filter(|&i| {
            bytes.get(i + 1) == Some(&b' ')
                && line.get(i + 2..).and_then(|r| r.chars().next()).is_some_and(char::is_uppercase)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::article::RawArticle;
    use crate::extract::page::parse;

    #[test]
    fn a_headline_printed_twice_wins_below_teasers() {
        let headline = "Klaim Nelayan Sorong Naik Tiga Kali Lipat";
        let text = format!(
            "Sorotan\n\nPemerintah daerah menambah anggaran untuk pekerja rentan tahun ini.\n\n\
             Pilihan\n\nHarga ikan di pasar turun menjelang musim hujan.\n\n{headline}\n\n\
             Rina Kartika\n12/3/2024 09:15\n{headline}\n\
             Petugas melayani nelayan di kantor cabang.(XX/Rina Kartika)\n\n\
             KLAIM nelayan di Sorong naik tiga kali lipat sepanjang tahun lalu, kata kepala cabang."
        );
        assert_eq!(choose_title(&text).map(|(_, t)| t), Some(headline));
        let page = parse(&RawArticle::Plain(text.clone()));
        assert_eq!(page.title.as_deref(), Some(headline));
        assert!(!page.body.contains("Harga ikan") && !page.body.contains(headline));
    }

    #[test]
    fn repeated_chrome_and_short_lines_are_no_headline() {
        // A menu line printed twice is chrome; the first headline-like line wins.
        let text = "Ekonomi | Bisnis\n\nEkonomi | Bisnis\n\nIuran Pekerja Informal Ditanggung Pemda\n\n\
                    Isi berita yang panjang dimulai di sini dengan kalimat lengkap.";
        assert_eq!(
            choose_title(text).map(|(_, t)| t),
            Some("Iuran Pekerja Informal Ditanggung Pemda")
        );
        // Two words printed twice are too short to be sure of.
        let text = "Berita Utama\n\nBerita Utama\n\nPekerja Pabrik di Gresik Terima Santunan\n\n\
                    Isi berita yang panjang dimulai di sini dengan kalimat lengkap.";
        assert_eq!(
            choose_title(text).map(|(_, t)| t),
            Some("Pekerja Pabrik di Gresik Terima Santunan")
        );
    }

    /// [`sentence_breaks`] as first written: windows of three characters.
    fn sentence_breaks_by_chars(line: &str) -> usize {
        let chars: Vec<char> = line.chars().collect();
        chars
            .windows(3)
            .filter(|w| matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase())
            .count()
    }

    /// [`split_site`] as first written, without the byte tests.
    fn split_by_substrings(line: &str) -> Option<(&str, &str)> {
        line.rsplit_once(" | ").or_else(|| line.rsplit_once(" - "))
    }

    proptest::proptest! {
        #[test]
        fn byte_tests_agree_with_the_character_reads(
            line in "(?:[a-zA-Z]{0,3}|[ .!?|»›-]|É|é|ſ|‹|\u{2ba}|\u{bb}){0,12}"
        ) {
            proptest::prop_assert_eq!(sentence_breaks(&line), sentence_breaks_by_chars(&line));
            let parts = line.split(['|', '»', '›']).count();
            proptest::prop_assert!(parts == 1 || may_be_breadcrumb(&line));
            proptest::prop_assert_eq!(split_site(&line), split_by_substrings(&line));
        }
    }
}
