//! Cheap tests run before each dateline shape's regex.
//!
//! [`super::parse`] tries up to eleven shapes on every first paragraph and on
//! the lines of the page's head; most of them hold no dateline, and running
//! every shape's regex for its captures cost more than the rest of the
//! dateline. Each shape begins at the paragraph's start with at most three
//! words of a city or a site name, and every such word is one run of
//! non-space characters (no shape's word class holds a space, a comma, a
//! parenthesis or a bar); so the character that separates the words from the
//! rest (`(`, `,`, `|`, a dash) must occur among the first few runs of
//! non-space characters. [`Gates`] checks that, and nothing more: it is a
//! necessary condition of the shape's regex (tested against each regex at the
//! bottom of this file), never a rule of its own.

/// The shapes of [`super::parse`], in the order it tries them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    Dated,
    Agency,
    CitySite,
    SitePipeCity,
    SiteCity,
    SiteHyphenCity,
    Glued,
    SiteDash,
    OutletDash,
    SiteComma,
    BareCity,
}

impl Shape {
    /// Every shape, in the order of the enum's discriminants.
    pub(super) const ALL: [Shape; 11] = [
        Shape::Dated,
        Shape::Agency,
        Shape::CitySite,
        Shape::SitePipeCity,
        Shape::SiteCity,
        Shape::SiteHyphenCity,
        Shape::Glued,
        Shape::SiteDash,
        Shape::OutletDash,
        Shape::SiteComma,
        Shape::BareCity,
    ];
}

/// The dashes a dateline may end with (the `DASH` class of the regexes).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '−')
}

/// A necessary condition of `shape`'s regex matching `text` (see the module
/// doc); [`Gates`] answers it for every shape after one look at the text.
#[cfg(test)]
pub(super) fn may_match(shape: Shape, text: &str) -> bool {
    Gates::new(text).allows(shape)
}

/// What the gates need of one text: which separators each of its first
/// five runs of non-space characters holds (read once, for all shapes).
pub(super) struct Gates<'a> {
    text: &'a str,
    /// For each of the first five runs: holds `(`, `,`, `|`, a dash.
    runs: [[bool; 4]; 5],
    /// The first run holds a dot; a dot and a hyphen.
    first_dot: bool,
    first_dot_hyphen: bool,
}

const PAREN: usize = 0;
const COMMA: usize = 1;
const BAR: usize = 2;
const DASH: usize = 3;

impl<'a> Gates<'a> {
    /// Reads the first five runs ([`crate::extract::words::runs`]) in one pass over their
    /// characters, stopping at the space after the fifth.
    pub(super) fn new(text: &'a str) -> Gates<'a> {
        let mut gates =
            Gates { text, runs: [[false; 4]; 5], first_dot: false, first_dot_hyphen: false };
        let (mut run, mut in_run, mut first_hyphen) = (0, false, false);
        for c in text.chars() {
            if c.is_whitespace() {
                if in_run {
                    run += 1;
                    in_run = false;
                    if run == gates.runs.len() {
                        break;
                    }
                }
                continue;
            }
            in_run = true;
            let sep = match c {
                '(' => PAREN,
                ',' => COMMA,
                '|' => BAR,
                c if is_dash(c) => DASH,
                '.' => {
                    gates.first_dot |= run == 0;
                    continue;
                }
                _ => continue,
            };
            gates.runs[run][sep] = true;
            first_hyphen |= run == 0 && c == '-';
        }
        gates.first_dot_hyphen = gates.first_dot && first_hyphen;
        gates
    }

    /// Whether separator `sep` is in one of the first `n` runs.
    fn within(&self, n: usize, sep: usize) -> bool {
        self.runs[..n].iter().any(|r| r[sep])
    }

    /// A necessary condition of `shape`'s regex matching the text. Each arm
    /// says where the shape's separator can be at the latest: a city is at
    /// most three words (`CITY_WORD`, no spaces inside), a site name at
    /// most three words (`SITE_WORD`), and `\s*` may put a separator in a
    /// run of its own.
    pub(super) fn allows(&self, shape: Shape) -> bool {
        match shape {
            // `city \s*,?\s*\(`: three city words, a lone comma, then `(`;
            // the date inside the parentheses has a slash.
            Shape::Dated => self.within(5, PAREN) && self.text.contains('/'),
            // The same opening; the agency's parenthesis closes.
            Shape::Agency => self.within(5, PAREN) && self.text.contains(')'),
            // `city \s*,` and `site \s*,`.
            Shape::CitySite | Shape::SiteCity => self.within(4, COMMA),
            // `site \s*\|`.
            Shape::SitePipeCity => self.within(4, BAR),
            // `site.tld-City`: no space before the hyphen.
            Shape::SiteHyphenCity => self.first_dot_hyphen,
            // `TEMPO.COJakarta`: the domain's dot is in the first run.
            Shape::Glued => self.first_dot,
            // One site word, then the dash.
            Shape::SiteDash => self.within(2, DASH),
            // Three site or city words, then the dash.
            Shape::OutletDash | Shape::BareCity => self.within(4, DASH),
            // One site word, then the comma.
            Shape::SiteComma => self.within(2, COMMA),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dateline::shape_captures;
    use crate::extract::words::{in_first_runs, runs};

    /// Pieces that make up datelines and near misses: cities and sites in
    /// every case, separators, digits, marks and odd spaces.
    const PIECES: &[&str] = &[
        "Medan",
        "PALANGKA",
        "Raya",
        "Bau-Bau",
        "O’Neil",
        "Kota",
        "warta",
        "Kabar12.com",
        "TEMPO.CO",
        "Liputan6.com",
        "contoh.co.id",
        "IDN",
        "Times",
        "KBRN",
        "Ké",
        "e\u{301}",
        "x",
        "(",
        ")",
        ",",
        "|",
        "/",
        ":",
        "-",
        "--",
        "–",
        "—",
        "−",
        " ",
        " ",
        "  ",
        "\t",
        "\n",
        "\u{a0}",
        "\u{2003}",
        "12",
        "03",
        "2024",
        "24",
        ".",
        "'",
        "Pekerja",
        "hadir.",
        "(03/02/2025)",
        "(9/8/24)",
        " (ANTARA) ",
    ];

    /// Deterministic texts made of [`PIECES`].
    fn texts(n: usize) -> impl Iterator<Item = String> {
        crate::test_support::texts_of(PIECES, 0x5eed_u64, 12, n)
    }

    #[test]
    fn every_match_of_a_shape_passes_its_gate() {
        let mut matched = [0usize; Shape::ALL.len()];
        let samples = texts(40_000).chain(
            [
                "Medan (ANTARA) - Para pekerja hadir.",
                "PALANGKA RAYA , (ANTARA) – Hadir.",
                "Sorong, (9/8/24) – Hadir.",
                "Kota  Baru  Raya , (03 / 02 / 2025) - Hadir.",
                "Jakarta, IDN Times -- Kantor cabang dibuka.",
                "Warta.co.id | Banda Aceh - Hadir.",
                "Bisnis.com , PALEMBANG — Klaim naik.",
                "Kabar12.com-Pekanbaru – Hadir.",
                "TEMPO.COJakarta - Hadir.",
                "Suara.com - Klaim naik.",
                "BALI TRIBUNE - Hadir.",
                "Liputan6.com , Medan BPJS hadir.",
                "TANJUNG SELOR – Hadir.",
                "Jakarta -",
            ]
            .map(String::from),
        );
        for text in samples {
            for (i, &shape) in Shape::ALL.iter().enumerate() {
                let text = text.trim_start();
                if shape_captures(shape, text, false).is_some() {
                    matched[i] += 1;
                    assert!(
                        may_match(shape, text),
                        "{shape:?} matches {text:?} but its gate fails"
                    );
                }
            }
        }
        // The samples reach every shape, so the test says something.
        for (i, shape) in Shape::ALL.iter().enumerate() {
            assert!(matched[i] >= 5, "{shape:?} matched only {} samples", matched[i]);
        }
    }

    /// [`Gates::new`] read run by run, as [`runs`] splits the text.
    fn gates_by_runs(text: &str) -> Gates<'_> {
        let mut gates =
            Gates { text, runs: [[false; 4]; 5], first_dot: false, first_dot_hyphen: false };
        for (i, run) in runs(text).take(5).enumerate() {
            let run = run.as_str();
            gates.runs[i] =
                [run.contains('('), run.contains(','), run.contains('|'), run.contains(is_dash)];
            if i == 0 {
                gates.first_dot = run.contains('.');
                gates.first_dot_hyphen = gates.first_dot && run.contains('-');
            }
        }
        gates
    }

    #[test]
    fn the_one_pass_reads_the_runs_as_the_run_splitter() {
        let odd = ["", " ", "a", "\u{a0}(x", "a.b-c d", "x\u{2003}|y,z", "-.-", "a b c d e f,("];
        for text in texts(5_000).chain(odd.map(String::from)) {
            let (one, by_runs) = (Gates::new(&text), gates_by_runs(&text));
            assert_eq!(one.runs, by_runs.runs, "{text:?}");
            assert_eq!(one.first_dot, by_runs.first_dot, "{text:?}");
            assert_eq!(one.first_dot_hyphen, by_runs.first_dot_hyphen, "{text:?}");
        }
    }

    #[test]
    fn separators_count_only_in_the_first_runs() {
        assert!(in_first_runs("Medan, Sumut", 1, |c| c == ','));
        assert!(in_first_runs("  Medan ,", 2, |c| c == ','));
        assert!(!in_first_runs("Para pekerja hadir di Medan, Sumut", 4, |c| c == ','));
        assert!(!in_first_runs("", 4, |c| c == ','));
        assert_eq!(
            runs("  Kabar12.com-Pekanbaru –").next().map(|w| w.as_str()),
            Some("Kabar12.com-Pekanbaru")
        );
        assert!(may_match(Shape::SiteHyphenCity, "  Kabar12.com-Pekanbaru – Hadir."));
        assert!(!may_match(Shape::BareCity, "Pekerja rentan di kota itu - kata dia."));
        assert!(may_match(Shape::BareCity, "TANJUNG SELOR – Hadir."));
    }
}
