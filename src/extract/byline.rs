//! Credit lines: who wrote, edited or photographed the article.
//!
//! Pages end (ANTARA, Disway, Kaltengterkini) or start with lines such as
//! `Pewarta: X`, `Editor : Y`, `EDITOR:X`, `Reporter: A | Editor: B`. They are
//! page metadata, not body text, and the names in them are journalists, never
//! officials, so they must leave the body before entity extraction runs.
//! `SUMBER:` with nothing after it is dropped without a credit.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::article::Credit;

/// Credit labels (lower case) and their normalised role, longest first.
const ROLES: &[(&str, &str)] = &[
    ("pewarta foto", "Pewarta Foto"),
    ("videografer", "Videografer"),
    ("kontributor", "Kontributor"),
    ("fotografer", "Fotografer"),
    ("penyunting", "Penyunting"),
    ("redaktur", "Redaktur"),
    ("reporter", "Reporter"),
    ("wartawan", "Wartawan"),
    ("jurnalis", "Jurnalis"),
    ("pewarta", "Pewarta"),
    ("penulis", "Penulis"),
    ("editor", "Editor"),
    ("sumber", "Sumber"),
    ("foto", "Foto"),
];

/// A credit label followed by a colon.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let alternation: Vec<String> =
        ROLES.iter().map(|(label, _)| label.replace(' ', r"\s+")).collect();
    Regex::new(&format!(r"(?i)\b({})\s*:", alternation.join("|"))).unwrap()
});

/// Longest line read as a credit line.
const MAX_LINE_LEN: usize = 200;
/// Longest credited name.
const MAX_NAME_LEN: usize = 80;
/// Most words in a credited name.
const MAX_NAME_WORDS: usize = 8;

/// Characters trimmed from both ends of a credited name.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | '/' | ';' | ',' | '-' | '–' | '—' | '•' | '·' | '.')
}

fn role_for(label: &str) -> Option<&'static str> {
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    ROLES.iter().find(|(l, _)| *l == label).map(|(_, role)| *role)
}

/// Whether `name` can be the name part of a credit with `role`.
fn plausible_name(role: &str, name: &str) -> bool {
    let words = name.split_whitespace().count();
    if name.chars().count() > MAX_NAME_LEN || words > MAX_NAME_WORDS || name.contains("://") {
        return false;
    }
    if role == "Foto" {
        // `Foto:` also opens captions; a credit names a person or an office.
        let connector = |w: &str| matches!(w, "dan" | "dari" | "&" | "/");
        return name
            .split_whitespace()
            .all(|w| connector(w) || !w.chars().next().is_some_and(char::is_lowercase));
    }
    true
}

/// A necessary condition of [`LABEL`] matching at the start of a trimmed
/// line, which [`parse_line`] requires, cheaper than running it over the
/// line: the line holds a colon and opens with a label in any ASCII case
/// (a two-word label opens with a one-word one), unless a byte past ASCII
/// comes within a label's length, which may be a letter folding to an ASCII
/// one (the Kelvin sign folds to `k`).
fn may_open_with_label(line: &str) -> bool {
    let bytes = line.as_bytes();
    let Some(first) = bytes.first().map(u8::to_ascii_lowercase) else { return false };
    let head = &bytes[..bytes.len().min(LONGEST_LABEL)];
    let opens = !head.is_ascii()
        || ROLES.iter().any(|(label, _)| {
            let label = label.as_bytes();
            label[0] == first
                && bytes.get(..label.len()).is_some_and(|b| b.eq_ignore_ascii_case(label))
        });
    opens && memchr::memchr(b':', bytes).is_some()
}

/// Bytes of the longest one-word label.
const LONGEST_LABEL: usize = 11;

/// Reads one line as a credit line.
///
/// `None`: not a credit line. `Some(credits)`: a credit line to drop from
/// the body, with the credits it gives (empty for a bare `Sumber:`). One line
/// may hold several credits: `Reporter: A | Editor: B`.
pub fn parse_line(line: &str) -> Option<Vec<Credit>> {
    let line = line.trim();
    if line.len() > MAX_LINE_LEN || !may_open_with_label(line) {
        return None;
    }
    let labels: Vec<regex::Captures<'_>> = LABEL.captures_iter(line).collect();
    if labels.first()?.get(0)?.start() != 0 {
        return None;
    }
    let mut credits = Vec::new();
    for (i, caps) in labels.iter().enumerate() {
        let label = caps.get(1)?;
        let start = caps.get(0)?.end();
        let end = labels.get(i + 1).and_then(|next| next.get(0)).map_or(line.len(), |m| m.start());
        let role = role_for(label.as_str())?;
        let name = line.get(start..end)?.trim_matches(is_separator);
        if name.is_empty() {
            continue;
        }
        if !plausible_name(role, name) {
            return None;
        }
        credits.push(Credit { role: role.to_string(), name: name.to_string() });
    }
    Some(credits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(role: &str, name: &str) -> Credit {
        Credit { role: role.into(), name: name.into() }
    }

    #[test]
    fn label_regex_compiles() {
        LazyLock::force(&LABEL);
    }

    #[test]
    fn single_credit_shapes() {
        for (line, role, name) in [
            ("Pewarta: Budi Santoso", "Pewarta", "Budi Santoso"),
            ("Editor: Sri Lestari", "Editor", "Sri Lestari"),
            ("Reporter : Andi Wijaya", "Reporter", "Andi Wijaya"),
            ("EDITOR:Rahmat", "Editor", "Rahmat"),
            ("Penulis: Dewi Anggraini", "Penulis", "Dewi Anggraini"),
            ("Fotografer: Yoga Pratama", "Fotografer", "Yoga Pratama"),
            ("Foto: Humas Pemkab Sleman", "Foto", "Humas Pemkab Sleman"),
            ("Pewarta Foto: Eko Saputra", "Pewarta Foto", "Eko Saputra"),
            ("Sumber: Antara", "Sumber", "Antara"),
        ] {
            assert_eq!(parse_line(line), Some(vec![credit(role, name)]), "{line}");
        }
    }

    #[test]
    fn several_credits_on_one_line() {
        assert_eq!(
            parse_line("Reporter: Andi | Editor: Sri"),
            Some(vec![credit("Reporter", "Andi"), credit("Editor", "Sri")])
        );
        assert_eq!(
            parse_line("Pewarta: Budi / Editor: Dewi"),
            Some(vec![credit("Pewarta", "Budi"), credit("Editor", "Dewi")])
        );
    }

    #[test]
    fn empty_source_line_is_dropped_without_credit() {
        assert_eq!(parse_line("SUMBER:"), Some(vec![]));
        assert_eq!(parse_line("Sumber: "), Some(vec![]));
    }

    #[test]
    fn not_credit_lines() {
        assert_eq!(parse_line("Kata editor: semua aman."), None);
        assert_eq!(parse_line("Foto: para pekerja mengikuti pelatihan di balai desa"), None);
        assert_eq!(
            parse_line(
                "Sumber: data dinas menunjukkan angka kecelakaan kerja naik tajam tahun ini"
            ),
            None
        );
        assert_eq!(parse_line("Pekerja mendaftar di kantor cabang."), None);
    }

    proptest::proptest! {
        /// The gate passes every line the label regex matches at its start.
        #[test]
        fn the_gate_passes_every_line_opening_with_a_label(
            head in "(pewarta foto|videografer|kontributor|fotografer|penyunting|redaktur|reporter|wartawan|jurnalis|pewarta|penulis|editor|sumber|foto|EDITOR|Foto|\u{212A}ontributor|\u{17F}umber|kata editor|é|x|Pewarta\\s\\sFoto|editor\u{212A}|)",
            tail in "[ \t:a-zA-Z|/é.]{0,12}",
        ) {
            let line = format!("{head}{tail}");
            let opens = LABEL.find(&line).is_some_and(|m| m.start() == 0);
            proptest::prop_assert!(!opens || may_open_with_label(&line), "{line:?}");
        }
    }

    #[test]
    fn the_longest_label_is_counted() {
        let longest = ROLES.iter().flat_map(|(l, _)| l.split(' ')).map(str::len).max();
        assert_eq!(longest, Some(LONGEST_LABEL));
    }

    #[test]
    fn the_gate_reads_the_opening_label_and_a_colon() {
        for line in ["Editor: A", "EDITOR:A", "\u{212A}ontributor: A", "\u{17F}umber:"] {
            assert!(may_open_with_label(line), "{line}");
            assert!(LABEL.find(line).is_some_and(|m| m.start() == 0), "{line}");
        }
        for line in ["Editor A", "Berita editor: A", "Kata editor: A", "", ":"] {
            assert!(!may_open_with_label(line), "{line}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["Editor:é", "Foto:", "ЕDITOR: x", "Penulis:\u{200b}", ":"] {
            let _ = parse_line(s);
        }
    }
}
