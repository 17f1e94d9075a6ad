//! Which lines of a scraped page are not article text.
//!
//! Scrapers keep the page chrome around the article: "Baca juga:" links, page
//! counters, ad markers, share buttons, photo captions, and the related-news
//! footer. Left in, they pollute search (a "Baca juga" headline makes the page
//! match a different story). Every rule is one row of [`RULES`], a pattern over
//! the trimmed line with the [`LineClass`] it gives; the first matching row
//! wins, so the table is ordered: end markers, then chrome, then captions.
//! Chrome and end markers are short: lines over 300 bytes can only be
//! captions. Credit names in caption patterns are matched as ASCII, which
//! keeps the compiled table small. Paragraph-level cleaning that cannot be line-based (trailing writer codes
//! such as `(WEB)`) lives in [`strip_writer_code`] (`boilerplate/writer.rs`).

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use hint::{Gate, Hint};

mod hint;
mod writer;

pub use writer::strip_writer_code;

/// What a line of a page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineClass {
    /// Article text (or a sub-heading, which stays).
    Text,
    /// Page chrome to drop: related links, counters, ads, share buttons.
    Chrome,
    /// A photo caption, recognised by the credit it ends with.
    Caption,
    /// The article is over: nothing after this line is body.
    End,
}

use LineClass::{Caption, Chrome, End};

/// The classifier table: `(class, pattern over the trimmed line)`, first match wins.
const RULES: &[(LineClass, &str)] = &[
    // --- End of the article: related-news footers, tags, comment forms.
    (End, r"(?i)^berita terkini lainnya\s*:?$"),
    (End, r"(?i)^(?:topik|tags?|tag terkait|topik terkait)\s*:"),
    (End, r"(?i)^topik terkait$"),
    (End, r"(?i)^cek berita dan artikel (?:yang )?lain(?:nya)? di google news"),
    (End, r"(?i)^(?:leave a reply|tinggalkan balasan|tinggalkan komentar)$"),
    (End, r"(?i)^(?:copyright\b|©)"),
    (End, r"(?i)^(?:berita|artikel) (?:terkini |terbaru |menarik |populer )?lainnya$"),
    (End, r"(?i)^(?:berita populer|terpopuler|rekomendasi untuk anda|pilihan untuk anda)$"),
    (End, r"(?i)^(?:latest|related|more|recent|popular)\s+(?:articles|news|posts|stories)\s*:?$"),
    (End, r"(?i)^(?:artikel|berita) (?:terbaru|lain|lainnya|pilihan)\s*:?$"),
    // --- Chrome: links to other stories.
    (Chrome, r"(?i)^(?:baca|simak|lihat)\s+(?:juga|pula|selengkapnya)\b"),
    (Chrome, r"(?i)^(?:artikel|berita) terkait\s*(?::.*)?$"),
    (Chrome, r"(?i)^(?:tonton|watch)(?:\s+juga)?\s*:"),
    // --- Chrome: pagination.
    (Chrome, r"(?i)^(?:halaman\s+)?\d+\s+dari\s+\d+(?:\s+halaman)?$"),
    (Chrome, r"(?i)^halaman\s+(?:selanjutnya|berikutnya|sebelumnya|\d+(?:\s+\d+)*)$"),
    (Chrome, r"(?i)^(?:selanjutnya|sebelumnya|berikutnya|next|prev|previous)\s*[»›>]*$"),
    (Chrome, r"(?i)^load more$"),
    // --- Chrome: toasts, video prompts, ads, scroll hints.
    (Chrome, r"(?i)^sukses!?$"),
    (Chrome, r"(?i)^saksikan\s+(?:juga\s+)?video\b"),
    (Chrome, r"(?i)^(?:iklan\s*[-–—]\s*)?scroll\s+(?:ke bawah\s+)?untuk\s+(?:melanjutkan|lanjut)"),
    (Chrome, r"(?i)^scroll to continue(?: with content)?$"),
    (
        Chrome,
        r"(?i)^(?:advertisement|advertising|iklan|ads?|sponsored|sponsored content|konten bersponsor|promoted)$",
    ),
    (Chrome, r"(?i)^baca artikel idn times lainnya"),
    (Chrome, r"(?i)^nyaman tanpa iklan"),
    (Chrome, r"(?i)^intinya sih\b"),
    (Chrome, r"(?i)^disclaimer\s*:\s*this summary was created"),
    (Chrome, r"(?i)^(?:dengarkan|putar)\s+(?:berita|artikel)\b"),
    // --- Chrome: sharing, following, apps.
    (Chrome, r"(?i)^(?:share|bagikan)(?:\s+(?:this|artikel ini|berita ini))?\s*(?::.*)?$"),
    (
        Chrome,
        r"(?i)^ikuti\b.{0,100}\b(?:google news|whatsapp|telegram|channel|saluran|instagram|tiktok|youtube|facebook|twitter)\b.{0,40}$",
    ),
    (Chrome, r"(?i)^(?:download|unduh)\s+(?:aplikasi|app)\b.{0,80}$"),
    (Chrome, r"(?i)^simak breaking news\b"),
    (
        Chrome,
        r"(?i)^dapatkan (?:update|informasi|berita)\b.{0,80}\b(?:setiap hari|google news|whatsapp|telegram)",
    ),
    (Chrome, r"(?i)^(?:\d+\s+)?(?:komentar|comments?)$"),
    (Chrome, r"(?i)^(?:home|beranda)\s*[>»/›]"),
    // --- Chrome: empty credit labels, writer codes and separators on their own line.
    (
        Chrome,
        r"(?i)^(?:sumber|pewarta|editor|reporter|penulis|redaktur|fotografer|oleh|by)\s*:?\s*$",
    ),
    // --- Chrome: font-size widgets (`Font: Ukuran: - +`), subscription prompts.
    (
        Chrome,
        r"(?i)^[•·*]?\s*(?:(?:ukuran|font|huruf|teks|text|size)\s*:?\s*)+(?:[-+−]\s*|a[-+]\s*)*$",
    ),
    (
        Chrome,
        r"(?i)^(?:baca berita tanpa iklan|gabung\s+\S+\+|berlangganan\s+(?:sekarang|gratis|newsletter)|subscribe\s+(?:now|to)\b)",
    ),
    // --- Chrome: a photo credit on its own line (`OUTLET/Photographer Name`).
    (Chrome, r"^[•·]?\s*[A-Z][A-Z0-9.-]{1,24}/[A-Z][A-Za-z.'’]*(?: [A-Z][A-Za-z.'’]*){0,3}$"),
    (Chrome, r"^[(\[](?:\*|[A-Za-z]{1,6}(?:[./,-][A-Za-z0-9]{1,6}){0,3})[)\]]$"),
    (Chrome, r"^[-–—_=*•·~]{3,}$"),
    // --- Chrome: an image's file name on its own line (`… Maluku.jpg`).
    (Chrome, r"(?i)^\S.*\.(?:jpe?g|png|webp|gif)(?:\?\S*)?$"),
    // --- Chrome: a number alone on its line (view and share counters).
    (Chrome, r"^\d{1,3}(?:[.,]\d{3})*$"),
    // --- Captions: lines that end with a photo credit.
    (
        Caption,
        r"\(\s*(?i:foto|dok|dokumentasi|ist|istimewa|antara|sumber foto|ilustrasi|tangkapan layar|screenshot|net)\b[^()]{0,80}\)\s*$",
    ),
    (Caption, r"(?:^|[\s.,;:])ANTARA(?: FOTO)?/[^/]{1,60}(?:/[^/]{1,30}){0,2}$"),
    (Caption, r"(?:^|[\s.,;:])-\s?[A-Z][A-Za-z0-9 .'’&/]{1,60}-$"),
    (
        Caption,
        r"\b(?:Bisnis|Kompas|Tribun[A-Za-z]*|Jawa Pos|JawaPos|Radar [A-Za-z]+|Disway|Solopos|Espos|Liputan6|IDN Times)(?:\.com)?/[A-Za-z .'’-]{1,60}$",
    ),
    (Caption, r"(?:\S\s+|[.,]\s*)(?:Foto|FOTO|Dok|DOK)\s*[:.]\s*[A-Za-z0-9 .,'’/&()-]{1,60}$"),
    (Caption, r"^(?i:foto|gambar|ilustrasi)\s*:\s"),
    (Caption, r"\bSM/[A-Za-z .'’-]{1,40}\s*[-–—]?\s*$"),
    (Caption, r"\(\s*[A-Za-z0-9.]{2,30}\s*/\s*[A-Za-z0-9 .'’-]{1,50}\)\s*$"),
    (Caption, r"\[\s*(?i:foto|dok)[^\[\]]{0,80}\]\s*$"),
    (
        Caption,
        r"\(\s*[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,3}\s*/\s*[A-Z][A-Z0-9 .'’&-]{2,50}\)\s*$",
    ),
    // A documentation credit after the caption's last sentence without a
    // colon (`… memberi sambutan. Dok kitasemua`), maybe in a table cell's bars.
    (Caption, r"[.!?]\s+(?i:dok|dokumentasi)\.?\s+[\p{L}\p{N} .'’&/-]{2,40}?\s*\|?$"),
];

/// Line rules that read a line to its end (`^\S.*\.jpg$`), each with a cheap
/// necessary condition. In the set they would make its search read every
/// line to the end; alone, they run only on the lines that pass the test.
/// A rule edited in [`RULES`] and no longer spelt as here simply goes back
/// into the set. The image rule needs a dot and then `jp`, `png`, `webp` or
/// `gif`; ASCII case is enough, as none of these letters has a non-ASCII
/// case variant under `(?i)` (only `k` and `s` have).
const LONE_LINE_RULES: &[(&str, Hint)] = &[(
    r"(?i)^\S.*\.(?:jpe?g|png|webp|gif)(?:\?\S*)?$",
    Hint::DotThen(&["jp", "png", "webp", "gif"]),
)];

/// The line rules (end markers and chrome), all anchored at the line's start:
/// most as one set, whose search stops after a few bytes, the
/// [`LONE_LINE_RULES`] alone behind their test.
struct LineRules {
    set: RegexSet,
    /// The [`RULES`] index of each pattern of `set`.
    in_set: Vec<usize>,
    /// The [`RULES`] index, regex and test of each lone rule.
    lone: Vec<(usize, Regex, Hint)>,
}

impl LineRules {
    fn new() -> Self {
        let (mut in_set, mut lone) = (Vec::new(), Vec::new());
        for (i, (_, pattern)) in RULES.iter().enumerate().filter(|(_, (c, _))| *c != Caption) {
            match LONE_LINE_RULES.iter().find(|(p, _)| p == pattern) {
                Some(&(_, hint)) => lone.push((i, Regex::new(pattern).unwrap(), hint)),
                None => in_set.push(i),
            }
        }
        let set = RegexSet::new(in_set.iter().map(|&i| RULES[i].1)).unwrap();
        LineRules { set, in_set, lone }
    }

    /// The [`RULES`] index of the first line rule that matches `line`.
    fn first_match(&self, line: &str) -> Option<usize> {
        // Most lines match no rule: the yes-or-no search is cheaper than the
        // one that lists every matching rule.
        let in_set = match self.set.is_match(line) {
            true => self.set.matches(line).iter().next().map(|k| self.in_set[k]),
            false => None,
        };
        let lone = self
            .lone
            .iter()
            .filter(|(i, _, _)| in_set.is_none_or(|first| *i < first))
            .find(|(_, re, hint)| hint.allows(line) && re.is_match(line))
            .map(|(i, _, _)| *i);
        lone.or(in_set)
    }
}

static SET: LazyLock<LineRules> = LazyLock::new(LineRules::new);

/// The caption rules, one regex each: most are anchored at the line's end,
/// which a single regex searches backwards from the end in time proportional
/// to the match, where a set would scan the whole (long) line.
static CAPTIONS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    RULES.iter().filter(|(c, _)| *c == Caption).map(|(_, p)| Regex::new(p).unwrap()).collect()
});

/// For each caption rule, in table order, something every line it matches
/// has, checked before the regex (most lines are plain text and have none).
/// The line is trimmed, so a rule ending in `X\s*$` needs the line to end with `X`.
const CAPTION_HINTS: &[Hint] = &[
    Hint::EndsWith(')'),
    // Three rules need a `/`, looked for once per line.
    Hint::All(&[Hint::Slash, Hint::Contains(&["ANTARA"])]),
    Hint::EndsWith('-'),
    Hint::Slash,
    Hint::Contains(&["Foto", "FOTO", "Dok", "DOK"]),
    // `^(?i:foto|gambar|ilustrasi)`: `f`, `g` and `i` fold only to ASCII
    // letters (unlike `k` and `s`), so the first byte is one of these.
    Hint::StartsWith(b"fFgGiI"),
    Hint::All(&[Hint::Slash, Hint::Contains(&["SM/"])]),
    Hint::EndsWith(')'),
    Hint::EndsWith(']'),
    Hint::EndsWith(')'),
    // `[.!?]\s+(?i:dok…)`: `d` and `o` fold only to ASCII letters.
    Hint::All(&[Hint::StopThen("do"), Hint::Contains(&["Dok", "DOK", "dok"])]),
];

static CAPTION_GATES: LazyLock<Vec<Gate>> =
    LazyLock::new(|| CAPTION_HINTS.iter().map(|&hint| Gate::new(hint)).collect());

/// Longest line that can be chrome or an end marker; captions may be longer.
const MAX_CHROME_LEN: usize = 300;

/// Shortest headline used to spot captions that begin with it.
const MIN_GLUED_TITLE: usize = 15;

/// Classifies one line of a page by the table alone.
pub fn classify(line: &str) -> LineClass {
    let line = line.trim();
    if line.is_empty() {
        return Chrome;
    }
    // Every caption rule comes after the others in the table, so "first
    // match wins" is: the first line rule (short lines only), else any caption rule.
    if line.len() <= MAX_CHROME_LEN
        && let Some(i) = SET.first_match(line)
    {
        return RULES[i].0;
    }
    let slash = hint::has_slash(line);
    let caption = CAPTIONS
        .iter()
        .zip(CAPTION_GATES.iter())
        .any(|(re, g)| g.allows_given(line, slash) && re.is_match(line));
    if caption { Caption } else { LineClass::Text }
}

/// Classifies one line, also treating an image block that begins with the
/// page's headline glued to its caption (IDN Times) as a [`LineClass::Caption`].
pub fn classify_with_title(line: &str, title: Option<&str>) -> LineClass {
    let class = classify(line);
    if class == LineClass::Text && title.is_some_and(|t| is_glued_caption(line.trim(), t)) {
        return LineClass::Caption;
    }
    class
}

/// `line` starts with the headline and continues without a space.
fn is_glued_caption(line: &str, title: &str) -> bool {
    let title = title.trim();
    title.len() >= MIN_GLUED_TITLE
        && line
            .strip_prefix(title)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::LineClass::{Caption, Chrome, End, Text};
    use super::*;

    #[test]
    fn table_compiles() {
        LazyLock::force(&SET);
        LazyLock::force(&CAPTIONS);
        // The split into line rules and caption rules relies on this order.
        let first_caption = RULES.iter().position(|(c, _)| *c == Caption).unwrap();
        assert!(RULES[first_caption..].iter().all(|(c, _)| *c == Caption));
        assert!(
            RULES[..first_caption]
                .iter()
                .all(|(_, p)| p.starts_with("(?i)^") || p.starts_with('^'))
        );
        assert_eq!(SET.set.len() + SET.lone.len() + CAPTIONS.len(), RULES.len());
        // Every lone rule is still in the table.
        assert_eq!(SET.lone.len(), LONE_LINE_RULES.len());
        assert_eq!(CAPTION_HINTS.len(), CAPTIONS.len());
    }

    /// The first line rule by one set of every line rule, lone rules
    /// included: the reference the split sets must agree with.
    fn first_by_one_set(line: &str) -> Option<usize> {
        static ALL: LazyLock<(Vec<usize>, RegexSet)> = LazyLock::new(|| {
            let all: Vec<usize> = (0..RULES.len()).filter(|&i| RULES[i].0 != Caption).collect();
            let set = RegexSet::new(all.iter().map(|&i| RULES[i].1)).unwrap();
            (all, set)
        });
        ALL.1.matches(line).iter().next().map(|k| ALL.0[k])
    }

    const IMAGE_AND_OTHER_LINES: &[&str] = &[
        "Penyerahan santunan di kantor cabang.jpg",
        "IMG_2024-03-01.JPG",
        "foto peserta.Jpeg?w=640&h=480",
        "banner.webp",
        "animasi.GIF",
        "logo.png?v=2",
        "Copyright 2024 gambar.jpg",
        "Baca juga: peserta.jpg",
        "Font: Ukuran: - +",
        "Peserta mendaftar di kantor cabang.",
        "Foto ada di file.jpg kata dia",
        "a.jp",
        ".jpg",
        " x.png",
        "",
    ];

    #[test]
    fn lone_line_rules_are_in_the_table_and_their_tests_are_necessary() {
        assert_eq!(SET.lone.len(), LONE_LINE_RULES.len());
        for (_, re, hint) in &SET.lone {
            for line in IMAGE_AND_OTHER_LINES {
                assert!(!re.is_match(line) || hint.allows(line), "{line}");
            }
        }
        for line in IMAGE_AND_OTHER_LINES {
            assert_eq!(SET.first_match(line), first_by_one_set(line), "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lone_line_rules_agree_with_one_set(
            line in r"(Copyright |Baca juga: |Font: )?[A-Za-z0-9 _.?=&-]{0,20}(\.(jpe?g|JPG|Png|webp|gif|jp|pn))?(\?[a-z=0-9]{0,6})?",
        ) {
            for (_, re, hint) in &SET.lone {
                proptest::prop_assert!(!re.is_match(&line) || hint.allows(&line));
            }
            proptest::prop_assert_eq!(SET.first_match(&line), first_by_one_set(&line));
        }

        /// Every caption gate says what its hint says.
        #[test]
        fn caption_gates_are_their_hints(
            line in "(?:[a-z .,/]{0,8}|Foto|FOTO|Dok|DOK|dok|D|F|SM/|ANTARA|[.!?] ?do|é){0,8}[)\\]-]?",
        ) {
            for (gate, hint) in CAPTION_GATES.iter().zip(CAPTION_HINTS) {
                proptest::prop_assert_eq!(gate.allows(&line), hint.allows(&line), "{:?}", hint);
            }
        }

        /// The documentation-credit rule's gate is its substring hint and a
        /// test that its regex never matches without.
        #[test]
        fn dok_credit_stop_test_is_necessary(
            line in "[A-Za-z .]{0,12}[.!?,]?[ \t\u{a0}]{0,2}(?:dok|DOK|Dok|dOk|do\u{212a}|[Dd]okumentasi|do)[.]?[ |]{0,2}[A-Za-zé ]{0,8}[|]?",
        ) {
            let rule = CAPTIONS.len() - 1;
            let stop = Hint::StopThen("do").allows(&line);
            let substring = Hint::Contains(&["Dok", "DOK", "dok"]).allows(&line);
            proptest::prop_assert_eq!(CAPTION_GATES[rule].allows(&line), stop && substring);
            proptest::prop_assert!(stop || !CAPTIONS[rule].is_match(&line), "{}", line);
        }
    }

    #[test]
    fn caption_hints_are_necessary() {
        // Lines each caption rule matches (in table order): each has its hint.
        let lines = [
            "Petugas melayani peserta. (Foto: Humas BPJS)",
            "Peserta antre di kantor cabang. ANTARA FOTO/Budi Santoso/aa",
            "Gubernur meninjau lokasi. -Dok. Pemprov-",
            "Pekerja beristirahat. Bisnis/Abdurachman",
            "Suasana pelayanan klaim. Foto: Humas",
            "Foto: peserta mengisi formulir",
            "Buruh pabrik pulang kerja. SM/Ahmad Rifai",
            "Pekerja di pelabuhan. (ANTARA/Rudi Hartono)",
            "Warga antre. [Foto: Istimewa]",
            "Warga mendaftar di kelurahan. (ANI S/WARTA KOTA)",
            "| Kepala cabang memberi sambutan. Dok contohsitus |",
        ];
        for (i, (line, re)) in lines.iter().zip(CAPTIONS.iter()).enumerate() {
            assert!(re.is_match(line), "rule {i}: {line}");
            assert!(CAPTION_HINTS[i].allows(line), "hint {i}: {line}");
            assert!(CAPTION_GATES[i].allows(line), "gate {i}: {line}");
        }
        assert!(!Hint::EndsWith(')').allows("(a) b"));
        assert!(Hint::Contains(&["x", "SM/"]).allows("a SM/b"));
        assert!(
            !Hint::Contains(&["SM/"]).allows("a SM b SM") && !Hint::Contains(&["x"]).allows("")
        );
        assert!(
            !Hint::StartsWith(b"fFgGiI").allows("Peserta. Foto: x")
                && !CAPTIONS[5].is_match("Peserta. Foto: x")
        );
        // No letter past ASCII matches `f`, `g` or `i` in any case.
        let beyond_ascii: String = (0x80..=0x10_FFFF).filter_map(char::from_u32).collect();
        assert!(Regex::new("(?i)[fgi]").unwrap().find(&beyond_ascii).is_none());
        assert!(
            Hint::StartsWith(b"fFgGiI").allows("ILUSTRASI: pekerja")
                && CAPTIONS[5].is_match("ILUSTRASI: pekerja")
        );
    }

    fn check(class: LineClass, lines: &[&str]) {
        for line in lines {
            assert_eq!(classify(line), class, "{line}");
        }
    }

    #[test]
    fn related_article_lists_end_the_article() {
        check(End, &["Latest articles", "Related News:", "Berita Terbaru", "Artikel Lainnya"]);
        check(LineClass::Text, &["Berita terbaru menyebutkan klaim naik."]);
    }

    #[test]
    fn end_markers() {
        check(
            End,
            &[
                "Berita Terkini Lainnya",
                "Topik:",
                "Tags: jaminan sosial, pekerja",
                "Cek Berita dan Artikel yang lain di Google News",
                "LEAVE A REPLY",
                "Copyright © ANTARA 2024",
                "© 2024 Contoh Media",
                "Berita Lainnya",
            ],
        );
    }

    #[test]
    fn related_links_in_any_case() {
        check(
            Chrome,
            &[
                "Baca juga: Iuran pekerja naik tahun depan",
                "BACA JUGA:Pekerja pelabuhan dapat santunan",
                "Baca Juga: Kantor cabang baru dibuka",
                "baca juga : kantor baru",
                "Simak juga: Video pelatihan kerja",
                "Berita Terkait",
                "Artikel Terkait: Pekerja migran",
            ],
        );
    }

    #[test]
    fn pagination_toasts_ads_and_sharing() {
        check(
            Chrome,
            &[
                "2 dari 3 halaman",
                "Halaman 2",
                "Sukses",
                "Saksikan Video Pilihan Berikut Ini",
                "Iklan - Scroll untuk Melanjutkan",
                "SCROLL TO CONTINUE WITH CONTENT",
                "ADVERTISEMENT",
                "Advertisement",
                "Baca artikel IDN Times lainnya di IDN App",
                "Nyaman tanpa iklan. Langganan BisnisPro",
                "Intinya sih...",
                "Disclaimer: This summary was created using Artificial Intelligence (AI)",
                "Share:",
                "Share: Facebook Twitter WhatsApp",
                "Load more",
                "Ikuti kami di Google News",
                "(*)",
                "(WEB)",
                "[SA.1]",
                "-----",
                "Sumber:",
                "Home > Ekonomi > Ketenagakerjaan",
            ],
        );
    }

    #[test]
    fn widgets_prompts_and_credit_lines() {
        check(
            Chrome,
            &[
                "Oleh :",
                "• Font:",
                "• Ukuran Font: - +",
                "Font: Ukuran: - +",
                "Baca berita tanpa iklan. Gabung Contoh.com+",
                "• CONTOH/Rina Kartika",
                "WARTA.CO.ID/BUDI SANTOSO",
                "188",
                "1.204",
                "Penyerahan santunan di Ambon Maluku.jpg",
                "IMG_2024-03-01.JPG",
            ],
        );
        check(
            LineClass::Text,
            &[
                "Oleh karena itu, peserta diminta mendaftar.",
                "Ukuran kantor cabang baru lebih besar dari yang lama.",
                "JHT/JKK naik tahun ini",
                "2024 menjadi tahun yang baik.",
            ],
        );
    }

    #[test]
    fn photo_captions() {
        check(
            Caption,
            &[
                "Petugas melayani peserta di kantor cabang. (Foto/Istimewa)",
                "Penandatanganan kerja sama di Ambon (Dok. BPJAMSOSTEK)",
                "Pekerja konstruksi di proyek jalan. ANTARA FOTO/Budi Santoso/abc",
                "Pelatihan kerja di balai latihan.-Humas Pemkab Sleman-",
                "Suasana kantor pelayanan di Palembang. Bisnis/Andi Wijaya",
                "Pekerja pabrik saat jam istirahat. Foto: Humas",
                "Foto: para pekerja antre di loket pelayanan",
                "Peserta menerima kartu. SM/Dewi Lestari -",
                "Kepala cabang meninjau lokasi (Antara-Rina)",
                "| Kepala cabang memberi sambutan. Dok contohsitus |",
                "Bupati menyerahkan santunan. dokumentasi Humas Pemkab",
                "Pekerja di pelabuhan (Contoh.com/Rudi)",
            ],
        );
    }

    #[test]
    fn ordinary_text_stays() {
        check(
            Text,
            &[
                "Jaminan Sosial Ketenagakerjaan",
                "Gerakan Nasional SERTAKAN",
                "1. Pekerja informal makin terlindungi",
                "Iuran dibayar setiap bulan melalui kanal resmi (PU).",
                "Menurutnya, program itu penting bagi pekerja rentan.",
                "Ia menyebut sebanyak 20 dari 30 perusahaan sudah patuh.",
                "Copy dokumen harus dibawa saat mendaftar.",
                "Kata dokter, pekerja perlu istirahat cukup.",
                "Pekerja diperiksa. Dokter menyatakan sehat.",
                "Berita terkait kecelakaan kerja itu beredar luas di media sosial.",
            ],
        );
    }

    #[test]
    fn long_lines_are_never_chrome() {
        let long = format!("Baca juga {}", "kalimat panjang ".repeat(30));
        assert_eq!(classify(&long), Text);
        let caption = format!("{}. (Foto/Istimewa)", "Keterangan foto panjang ".repeat(20));
        assert_eq!(classify(&caption), Caption);
    }

    #[test]
    fn captions_glued_to_the_headline() {
        let title = "Pekerja Rentan di Ambon Dapat Perlindungan";
        let glued = format!("{title}Petugas melayani pekerja di pasar.");
        assert_eq!(classify_with_title(&glued, Some(title)), Caption);
        assert_eq!(classify_with_title(&format!("{title} lagi"), Some(title)), Text);
        assert_eq!(classify_with_title(&glued, None), Text);
        assert_eq!(classify_with_title("Sukses", Some(title)), Chrome);
    }
}
