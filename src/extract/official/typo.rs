//! Misspelt office words ("Menteri Ketenagakerjaaan", "Kepala BPJS
//! Ketanagkerjaan"): a long capitalised word that is not itself a word of the
//! title or organisation lexicon, but is one edit away from exactly one of
//! its long words (two edits for very long ones), is read as that word.
//! Short words are never corrected: too many real words and names sit one
//! edit from each other. Nor is a word that does not follow a word of the
//! lexicon: "Rudolf Parlindungan" is a name, not a misspelt "Perlindungan".

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::names::with_lowercase;

/// Words shorter than this (in letters) are never corrected.
const MIN_LEN: usize = 10;
/// Words this long may be two edits away.
const TWO_EDITS_LEN: usize = 13;

/// The lexicon's long words, lowercase, by (first letter, length).
struct Lexicon {
    known: HashSet<String>,
    /// Every word of the lexicon, lowercase: what a misspelt word must follow.
    context: HashSet<String>,
    by_shape: HashMap<(char, usize), Vec<String>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut known = HashSet::new();
    let mut context = HashSet::new();
    let sources = super::titles::lexicon_words()
        .chain(super::mention::unit_words())
        .chain(super::organizations::ORGS.names().map(str::to_string).collect::<Vec<_>>());
    for phrase in sources {
        for w in phrase.split(|c: char| !c.is_alphabetic()) {
            if !w.is_empty() {
                context.insert(w.to_lowercase());
            }
            if w.chars().count() >= MIN_LEN && w.is_ascii() {
                known.insert(w.to_lowercase());
            }
        }
    }
    let mut by_shape: HashMap<(char, usize), Vec<String>> = HashMap::new();
    for w in &known {
        let first = w.chars().next().unwrap_or(' ');
        by_shape.entry((first, w.len())).or_default().push(w.clone());
    }
    Lexicon { known, context, by_shape }
});

/// Edit distance between two ASCII words, or `None` when above `max`.
fn distance_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// Whether two spellings are one name ("Abdur Rahman Irsyadi" and
/// "Abdurahman Irsyadi", "Suwanda" and "Suwandha", "Mintje Wattu" and
/// "Mintje Mattu"): equal once spaces are dropped and doubled letters and
/// "h" after a consonant are ignored, or one edit apart in a name of ten
/// letters or more with the same first word.
pub(crate) fn spelled_alike(a: &str, b: &str) -> bool {
    keys_alike(a, &spelling_key(a), b, &spelling_key(b))
}

/// The key [`spelled_alike`] compares: letters in lower case, spaces,
/// doubled letters and "h" after a consonant dropped.
pub(crate) fn spelling_key(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase) {
        let prev = out.chars().next_back();
        let h_after_consonant = c == 'h' && prev.is_some_and(|p| !"aeiou".contains(p));
        if prev != Some(c) && !h_after_consonant {
            out.push(c);
        }
    }
    out
}

/// [`spelled_alike`] for two names and their keys.
pub(crate) fn keys_alike(a: &str, ka: &str, b: &str, kb: &str) -> bool {
    keys_alike_given(a, ka, long_key(ka), b, kb)
}

/// Whether a spelling key is long enough for one edit to be a typo.
pub(crate) fn long_key(key: &str) -> bool {
    key.chars().count() >= 10
}

/// [`keys_alike`] with `long_key(ka)` computed once by the caller (who
/// compares one key with many).
pub(crate) fn keys_alike_given(a: &str, ka: &str, ka_long: bool, b: &str, kb: &str) -> bool {
    ka == kb || (ka_long && within_one_edit(ka, kb) && same_first_word(a, b))
}

/// Whether two names begin with the same word in lower case.
fn same_first_word(a: &str, b: &str) -> bool {
    let (a, b) = (a.split(' ').next().unwrap_or_default(), b.split(' ').next().unwrap_or_default());
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Whether two words are at most one edit apart.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return within_one_edit_of(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    within_one_edit_of(&a, &b)
}

/// [`within_one_edit`] on letters.
fn within_one_edit_of<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    let skip_long = prefix + 1;
    let skip_short = if short.len() == long.len() { prefix + 1 } else { prefix };
    short[skip_short..] == long[skip_long..]
}

/// The lexicon word a misspelt capitalised word stands for, if exactly one
/// is nearest.
fn correction(word: &str) -> Option<String> {
    let lex = &*LEXICON;
    let lower = word.to_ascii_lowercase();
    if lex.known.contains(&lower) {
        return None;
    }
    let max = if word.len() >= TWO_EDITS_LEN { 2 } else { 1 };
    let first = lower.chars().next()?;
    let mut best: Option<(usize, &String)> = None;
    let mut tie = false;
    for len in word.len().saturating_sub(max)..=word.len() + max {
        for cand in lex.by_shape.get(&(first, len)).into_iter().flatten() {
            let Some(d) = distance_within(lower.as_bytes(), cand.as_bytes(), max) else {
                continue;
            };
            match best {
                Some((b, _)) if d > b => {}
                Some((b, _)) if d == b => tie = true,
                _ => {
                    best = Some((d, cand));
                    tie = false;
                }
            }
        }
    }
    let (_, cand) = best.filter(|_| !tie)?;
    let mut out = String::with_capacity(cand.len());
    let mut chars = cand.chars();
    out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
    out.push_str(chars.as_str());
    Some(out)
}

/// How far after a title (bytes) its office words are read for typos.
pub(crate) const WINDOW: usize = 160;

/// The text with misspelt capitalised office words corrected (borrowed when
/// nothing needed it).
#[cfg(test)]
pub(crate) fn correct(text: &str) -> Cow<'_, str> {
    correct_near(text, std::iter::once(0), text.len())
}

/// [`correct`] for the words within `window` bytes after each offset of
/// `starts` (the ends of the title matches, in order): office words follow
/// a title, so the rest of the article need not be read.
pub(crate) fn correct_near(
    text: &str,
    starts: impl Iterator<Item = usize>,
    window: usize,
) -> Cow<'_, str> {
    let mut fixes: Vec<(usize, usize, String)> = Vec::new();
    let mut done = 0;
    for from in starts {
        let from = from.max(done);
        let mut to = (from + window).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        if from < to {
            fixes_in(text, from, to, &mut fixes);
        }
        done = to;
    }
    if fixes.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut copied = 0;
    for (start, end, fixed) in fixes {
        out.push_str(&text[copied..start]);
        out.push_str(&fixed);
        copied = end;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The corrections of the words starting in `from..to`, in order.
fn fixes_in(text: &str, from: usize, to: usize, fixes: &mut Vec<(usize, usize, String)>) {
    let bytes = text.as_bytes();
    // Start at a word's start: back up over a word cut by `from`.
    let mut i = from;
    while i > 0 && bytes[i - 1].is_ascii_alphabetic() {
        i -= 1;
    }
    while i < to {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        if fixes.last().is_some_and(|f| f.0 >= start) {
            continue;
        }
        // Whole ASCII words only: not a piece of a word with other letters.
        let glued = |b: Option<&u8>| b.is_some_and(|&b| b >= 0x80 || b.is_ascii_digit());
        if i - start < MIN_LEN
            || !bytes[start].is_ascii_uppercase()
            || bytes[start + 1..i].iter().all(u8::is_ascii_uppercase)
            || glued(bytes.get(i))
            || (start > 0 && glued(bytes.get(start - 1)))
        {
            continue;
        }
        if with_lowercase(&text[start..i], |w| LEXICON.known.contains(w)) {
            continue;
        }
        let before = text[..start].trim_end_matches([' ', '\u{a0}']);
        let prev_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(k, _)| k);
        let prev = &before[prev_start..];
        if before.len() == start || !with_lowercase(prev, |w| LEXICON.context.contains(w)) {
            continue;
        }
        if let Some(fixed) = correction(&text[start..i]) {
            fixes.push((start, i, fixed));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::official::testing::{o, one};

    #[test]
    fn misspelt_office_words_are_read_as_written_right() {
        let got = one("Menteri Ketenagakerjaaan (Menaker) Siti Rahmawati mengatakan itu.");
        assert_eq!(got, ("Siti Rahmawati".into(), "Menteri Ketenagakerjaan".into(), o("Kemnaker")));
        let got = one("Kepala BPJS Ketanagkerjaan Pangkalpinang, Ratna Wulandari menambahkan.");
        assert_eq!(got.0, "Ratna Wulandari");
        assert_eq!(got.2, o("BPJS Ketenagakerjaan"));
    }

    #[test]
    fn one_letter_typos_in_long_office_words_are_read_as_the_word() {
        assert_eq!(
            correct("Menteri Ketenagakerjaaan (Menaker) Siti Rahma hadir."),
            "Menteri Ketenagakerjaan (Menaker) Siti Rahma hadir."
        );
        assert_eq!(
            correct("Kepala BPJS Ketanagkerjaan Jayapura, Yosua Wenda"),
            "Kepala BPJS Ketenagakerjaan Jayapura, Yosua Wenda"
        );
        assert_eq!(correct("Direktur Kepesertaaan BPJS"), "Direktur Kepesertaan BPJS");
    }

    #[test]
    fn right_words_short_words_and_names_stay() {
        for t in [
            "Kepala Kantor Ketenagakerjaan Budi Kurniawan",
            "Pelayaran dan Kelautan",
            "Gubernr Jawa",
            "ketenagakerjaaan",
            "KETENAGAKERJAAAN",
            "Wahyuningsih Pramudyawardhani",
            "Kepala Dinas Rudolf Parlindungan Hutagalung",
            "Ketenagakerjaaan di awal",
            "",
            "é Ketenagakerjaaan9",
        ] {
            assert_eq!(correct(t), t, "{t}");
        }
        assert!(matches!(correct("Kepala Dinas"), Cow::Borrowed(_)));
    }

    #[test]
    fn spellings_of_one_name() {
        assert!(spelled_alike("Abdur Rahman Irsyadi", "Abdurrahman Irsyadi"));
        assert!(spelled_alike("Asep Rahmat Suwanda", "Asep Rahmat Suwandha"));
        assert!(spelled_alike("Ratna Wattimena", "Ratna Mattimena"));
        assert!(!spelled_alike("Adi Safa", "Adi Sofa"), "short: one edit is another name");
        assert!(!spelled_alike("Ratna Wattimena", "Retna Wattimena"), "first word differs");
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("suwanda", "suwandha"));
        assert!(within_one_edit("laksana", "leksana"));
        assert!(within_one_edit("abc", "abc") && within_one_edit("", "a"));
        assert!(!within_one_edit("laksana", "leksono") && !within_one_edit("ab", "abcd"));
        assert!(!within_one_edit("abc", "bca"));
    }

    #[test]
    fn only_words_near_a_title_are_read() {
        let text =
            "Menteri Ketenagakerjaaan hadir. Lalu pada akhir acara Menteri Ketenagakerjaaan pergi.";
        let near = correct_near(text, std::iter::once(7), 30);
        assert_eq!(near, text.replacen("Ketenagakerjaaan", "Ketenagakerjaan", 1));
        let both = correct_near(text, [7, 63, 64].into_iter(), 30);
        assert_eq!(both, text.replace("Ketenagakerjaaan", "Ketenagakerjaan"));
        assert_eq!(correct_near(text, std::iter::empty(), 30), text);
        assert_eq!(correct_near("é Kepala", std::iter::once(1), 3), "é Kepala");
    }

    /// [`within_one_edit`] and [`keys_alike`] as first written: on
    /// characters collected into vectors, first words lowered into strings.
    fn within_one_edit_by_chars(a: &str, b: &str) -> bool {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        within_one_edit_of(&a, &b)
    }

    fn keys_alike_by_strings(a: &str, ka: &str, b: &str, kb: &str) -> bool {
        let first = |n: &str| n.split(' ').next().unwrap_or_default().to_lowercase();
        ka == kb
            || (ka.chars().count() >= 10
                && first(a) == first(b)
                && within_one_edit_by_chars(ka, kb))
    }

    proptest::proptest! {
        #[test]
        fn byte_and_char_comparisons_agree(
            a in "[aAbBéÉ ]{0,14}",
            b in "[aAbBéÉ ]{0,14}",
        ) {
            proptest::prop_assert_eq!(within_one_edit(&a, &b), within_one_edit_by_chars(&a, &b));
            let (ka, kb) = (spelling_key(&a), spelling_key(&b));
            proptest::prop_assert_eq!(
                keys_alike(&a, &ka, &b, &kb),
                keys_alike_by_strings(&a, &ka, &b, &kb)
            );
            proptest::prop_assert_eq!(keys_alike(&a, &a, &b, &b), keys_alike_by_strings(&a, &a, &b, &b));
        }
    }

    #[test]
    fn distances() {
        assert_eq!(distance_within(b"kitten", b"sitten", 1), Some(1));
        assert_eq!(distance_within(b"kitten", b"sitting", 2), None);
        assert_eq!(distance_within(b"abc", b"abc", 0), Some(0));
        assert_eq!(distance_within(b"", b"ab", 1), None);
    }
}
