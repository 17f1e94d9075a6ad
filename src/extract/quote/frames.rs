//! The attribution frames around a quotation or a reported clause, read
//! syntactically: which words name the speaker and which are the quote.
//!
//! Direct quotes: a verb after the closing mark (`," kata X`, `,” ujarnya`)
//! or a frame before the opener ending in a comma or colon (`X mengatakan,
//! "…"`, `Menurut X, "…"`, `kata X: "…"`). Indirect quotes: a sentence with
//! a final or parenthetical attribution (`…, kata X.`, `A, kata X, B`),
//! `Menurut X, …`, or `X mengatakan (bahwa) …`. Who the speaker is (a
//! pronoun, a name, an office) is settled later by `people`.

use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use super::lexicon::{self, ROOT_VERBS};
use super::verbs::{men_verbs, word_count_upto};
use crate::extract::words::runs;

/// Who a frame points at, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Who<'t> {
    /// `katanya`, `kata dia`, `Menurutnya`: the current speaker.
    Pronoun,
    /// The words after the verb: "Direktur Kepesertaan … Pramudya Iriawan Buntoro".
    Phrase(&'t str),
    /// The text before a prefixed verb, whose subject is the speaker.
    Subject(&'t str),
}

pub(super) fn alternation(words: &str) -> String {
    let mut w: Vec<&str> = words.split_whitespace().collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.join("|")
}

/// A bare verb (with its optional `-nya`) or `menurut`, as a whole word.
static ROOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{}|menurut)(nya)?\b", alternation(ROOT_VERBS))).unwrap()
});

/// `, kata` / `, ujarnya`: a bare verb right after a comma.
static COMMA_ROOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r",\s*(?:{})(nya)?\b", alternation(ROOT_VERBS))).unwrap());

/// `Menurut` / `menurutnya`.
static MENURUT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[Mm]enurut(nya)?\b").unwrap());

/// `dalam keterangannya` / `dalam keterangan tertulisnya`.
static KETERANGAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bdalam keterangan(?: tertulis)?nya\b").unwrap());

/// The bare verbs, for [`may_have_comma_root`].
static ROOT_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| ROOT_VERBS.split_whitespace().collect());

/// Which bytes start a bare verb, for [`may_have_comma_root`].
static ROOT_FIRST: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut t = [false; 256];
    for v in ROOT_WORDS.iter() {
        t[usize::from(v.as_bytes()[0])] = true;
    }
    t
});

/// Whether [`COMMA_ROOT`] may match `s`. A match is a comma, white space
/// (`\s`, the same White_Space property `trim_start` strips) and a bare
/// verb byte for byte (case-sensitive); a verb starts with a letter, so
/// `\s*` takes the whole run of spaces after its comma. If no comma is
/// followed that way by a verb, there is no match.
fn may_have_comma_root(s: &str) -> bool {
    memchr::memchr_iter(b',', s.as_bytes()).any(|i| {
        let rest = s[i + 1..].trim_start().as_bytes();
        let first = rest.first();
        first.is_some_and(|&c| ROOT_FIRST[usize::from(c)])
            && ROOT_WORDS
                .iter()
                .any(|v| v.as_bytes().first() == first && rest.starts_with(v.as_bytes()))
    })
}

/// Searchers for the literal pieces of [`MENURUT`] and [`KETERANGAN`],
/// built once (`str::contains` prepares one on every call).
static ENURUT: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("enurut"));
static DALAM_KETERANGAN: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("dalam keterangan"));

/// ` bahwa `, searched for by [`reported`] (as `str::find` would, without
/// preparing a searcher on every call).
static BAHWA: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(" bahwa "));

/// Whether [`MENURUT`] may match `s`: every match contains `enurut`.
fn may_have_menurut(s: &str) -> bool {
    ENURUT.find(s.as_bytes()).is_some()
}

/// Whether [`KETERANGAN`] may match `s`: every match starts with
/// `dalam keterangan`.
fn may_have_keterangan(s: &str) -> bool {
    DALAM_KETERANGAN.find(s.as_bytes()).is_some()
}

/// Abbreviations that keep a speaker phrase going past their period.
fn is_abbrev(core: &str) -> bool {
    core.chars().count() == 1
        || core.contains('.')
        || lexicon::is_role_head(core)
        || lexicon::is_honorific(core)
}

const PUNCT: &[char] = &[',', '.', ';', ':', '!', '?', ')', '"', '”', '“'];

/// Reads the speaker after a verb. `nya` says the verb carried the clitic.
/// Returns who, and how many bytes of `rest` the speaker used (trailing
/// punctuation excluded).
pub(super) fn speaker_after(rest: &str, nya: bool) -> Option<(Who<'_>, usize)> {
    let mut words = runs(rest).take(24).peekable();
    if nya {
        // `nilainya mencapai` is a noun, `katanya saat dihubungi` a frame.
        let ok = words.peek().is_none_or(|w| {
            let w = w.as_str();
            w.starts_with(|c: char| !c.is_alphanumeric())
                || lexicon::is_tail_word(w.trim_end_matches(PUNCT))
        });
        return ok.then_some((Who::Pronoun, 0));
    }
    let lead = rest.len() - rest.trim_start().len();
    let mut end = lead;
    let mut taken = 0;
    let mut named = false;
    let mut titled = false;
    while let Some(w) = words.next() {
        if rest[end..w.start()].contains('\n') {
            break;
        }
        let word = w.as_str();
        let core = word.trim_end_matches(PUNCT);
        if taken == 0 && lexicon::is_pronoun(core) {
            return Some((Who::Pronoun, w.start() + core.len()));
        }
        let upper = core.chars().next().is_some_and(char::is_uppercase);
        let joins = core == "dan"
            && taken > 0
            && words.peek().is_some_and(|n| n.as_str().starts_with(char::is_uppercase));
        if !(upper || joins) || taken >= 12 {
            break;
        }
        taken += 1;
        named |= lexicon::is_nameish(core);
        titled |= lexicon::is_role_head(core);
        end = w.start() + core.len();
        let punct = &word[core.len()..];
        let upper_next = words.peek().is_some_and(|n| n.as_str().starts_with(char::is_uppercase));
        if punct.contains(',') && (!named || titled) && upper_next {
            // `kata Kepala Dinas X, Budi Santoso.`: the name follows the office.
            continue;
        }
        if punct.contains([',', ';', ':', '!', '?', ')', '"', '”', '“'])
            || (punct.contains('.') && !is_abbrev(core))
        {
            break;
        }
    }
    let phrase = rest[lead..end].trim_end_matches([',', ' ']).trim();
    (!phrase.is_empty()).then_some((Who::Phrase(phrase), end))
}

/// Whether `word`'s lower case ends with `nya`, without building it: only
/// `N`, `Y` and `A` lower-case to those letters, and no character's lower
/// case ends with one of them except its own, so the word's last three
/// bytes are the letters in any case.
fn ends_with_nya(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && b[b.len() - 3..].eq_ignore_ascii_case(b"nya")
}

/// The attribution after a closing quotation mark: `," kata X`, `,” ujarnya`.
pub(super) fn after_quote(after: &str) -> Option<Who<'_>> {
    let t = after.trim_start_matches([',', ' ', '\t', '\u{a0}']);
    let m = ROOT.find(t).filter(|m| m.start() == 0)?;
    if ends_with_nya(m.as_str()) {
        // Right after a quote, `ucapnya lirih` is still a frame.
        return Some(Who::Pronoun);
    }
    speaker_after(&t[m.end()..], false).map(|(who, _)| who)
}

/// The attribution before an opening mark: `X mengatakan, "`, `Menurut X, "`,
/// `kata X: "`, `X dalam keterangannya, "`.
pub(super) fn before_quote(before: &str) -> Option<Who<'_>> {
    let t = before.trim_end();
    let p = t.strip_suffix([',', ':']).map(str::trim_end);
    let p = match p {
        Some(p) => p,
        // Without punctuation only `X mengatakan "…"` / `… bahwa "…"` count.
        None => {
            let (start, end) = men_verbs(t).last()?;
            let rest = t[end..].trim();
            if !(rest.is_empty() || rest == "bahwa") {
                return None;
            }
            return Some(Who::Subject(&t[..start]));
        }
    };
    if p.is_empty() {
        return None;
    }
    let men = men_verbs(p).last();
    let root = ROOT.find_iter(p).last();
    let ket = KETERANGAN.find_iter(p).last().map(|m| (m.start(), m.end()));
    let last = [men.map(|m| m.0), root.map(|m| m.start()), ket.map(|m| m.0)]
        .into_iter()
        .flatten()
        .max()?;
    if let Some(m) = root.filter(|m| m.start() == last) {
        let nya = ends_with_nya(m.as_str());
        let (who, used) = speaker_after(&p[m.end()..], nya)?;
        let rest = p[m.end() + used..].trim();
        let ok = rest.is_empty() || is_short_tail(rest);
        return ok.then_some(who);
    }
    let (start, end) = men.filter(|m| m.0 == last).or(ket.filter(|m| m.0 == last))?;
    let rest = p[end..].trim();
    (word_count_upto(rest, 7) <= 6 && !rest.contains(". ")).then(|| Who::Subject(&p[..start]))
}

/// Whether words after a speaker are only where and when: `di Jakarta,
/// Senin`, `dalam keterangannya`.
fn is_short_tail(rest: &str) -> bool {
    let first = rest.trim_start_matches(',').split_whitespace().next().unwrap_or("");
    (lexicon::is_tail_word(first) || first.starts_with(char::is_uppercase))
        && word_count_upto(rest, 9) <= 8
        && !rest.contains(". ")
}

/// Strips `bahwa`, a leading comma or colon, and `kepada wartawan … bahwa`.
fn reported(clause: &str) -> &str {
    let c = clause.trim_start_matches([',', ':', ' ', '\t', '\u{a0}']);
    let c = c.strip_prefix("bahwa ").unwrap_or(c);
    if let Some(i) = BAHWA.find(c.as_bytes())
        && word_count_upto(&c[..i], 7) <= 6
        && c.split_whitespace().next().is_some_and(lexicon::is_tail_word)
    {
        return c[i + " bahwa ".len()..].trim_start();
    }
    c.trim_start()
}

fn enough(clause: &str) -> bool {
    word_count_upto(clause, 3) >= 3
}

/// Reported-speech frames of one sentence without quotation marks, best
/// first: (who, the reported clause).
pub(super) fn indirect(s: &str) -> Vec<(Who<'_>, String)> {
    let mut out = Vec::new();
    // Each frame is looked for only where its cheap test allows a match
    // (the `may_have_*` tests never say no where the regex finds one).
    // `…, kata X.` and `A, kata X, B.`
    if may_have_comma_root(s)
        && let Some(c) = COMMA_ROOT.captures_iter(s).find_map(|c| {
            let m = c.get(0)?;
            let (who, used) = speaker_after(&s[m.end()..], c.get(1).is_some())?;
            let before = s[..m.start()].trim();
            let mut rest = s[m.end() + used..].trim_start();
            if rest.split_whitespace().next().is_some_and(lexicon::is_tail_word) {
                rest = rest.find(',').map_or("", |i| &rest[i..]);
            }
            let clause = match rest.strip_prefix(',').map(str::trim) {
                Some(cont) if word_count_upto(cont, 3) >= 3 => format!("{before} {cont}"),
                _ => before.to_string(),
            };
            enough(&clause).then_some((who, clause))
        })
    {
        out.push(c);
    }
    // `Menurut X, …` and `A, menurut X, B`.
    let menurut = may_have_menurut(s).then(|| MENURUT.captures_iter(s));
    for m in menurut.into_iter().flatten() {
        let Some(all) = m.get(0) else { continue };
        let Some((who, used)) = speaker_after(&s[all.end()..], m.get(1).is_some()) else {
            continue;
        };
        let rest = s[all.end() + used..].trim_start();
        let Some(cont) = rest.strip_prefix(',') else { continue };
        if enough(cont) {
            let before = s[..all.start()].trim().trim_end_matches(',');
            let clause = format!("{before} {}", cont.trim());
            out.push((who, clause.trim().to_string()));
        }
        break;
    }
    // `X mengatakan (bahwa) …`, `X, menambahkan, …`.
    for (start, end) in men_verbs(s).take(2) {
        let prefix = &s[..start];
        let clause = reported(&s[end..]);
        if !prefix.trim().is_empty() && enough(clause) {
            out.push((Who::Subject(prefix), clause.to_string()));
        }
    }
    // `X dalam keterangannya, …`.
    if may_have_keterangan(s)
        && let Some(m) = KETERANGAN.find(s)
    {
        let prefix = &s[..m.start()];
        if let Some(i) = s[m.end()..].find(',') {
            let clause = reported(&s[m.end() + i..]);
            if !prefix.trim().is_empty() && word_count_upto(clause, 4) >= 4 {
                out.push((Who::Subject(prefix), clause.to_string()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_after_verbs_stop_at_prepositions_commas_and_brackets() {
        assert_eq!(
            speaker_after(" Direktur Kepesertaan Budi Santoso dalam keterangannya.", false)
                .map(|x| x.0),
            Some(Who::Phrase("Direktur Kepesertaan Budi Santoso"))
        );
        assert_eq!(speaker_after(" Catur, Rabu (13/3/2019).", false).map(|x| x.0), {
            Some(Who::Phrase("Catur"))
        });
        assert_eq!(speaker_after(" Yosef. (WEB)", false).map(|x| x.0), Some(Who::Phrase("Yosef")));
        assert_eq!(speaker_after(" dia.", false).map(|x| x.0), Some(Who::Pronoun));
        assert_eq!(speaker_after(" saat dihubungi", true).map(|x| x.0), Some(Who::Pronoun));
        assert_eq!(speaker_after(" mencapai Rp5 juta", true), None);
        assert_eq!(speaker_after(" terlihat jelas", false), None);
        assert_eq!(speaker_after(" Pj. Gubernur Hassanudin.", false).map(|x| x.0), {
            Some(Who::Phrase("Pj. Gubernur Hassanudin"))
        });
    }

    #[test]
    fn an_office_followed_by_a_comma_keeps_the_name_after_it() {
        assert_eq!(
            speaker_after(" Kepala Dinas Sosial, Budi Santoso.", false).map(|x| x.0),
            Some(Who::Phrase("Kepala Dinas Sosial, Budi Santoso"))
        );
    }

    #[test]
    fn after_quote_frames() {
        assert_eq!(after_quote(" kata Zainudin."), Some(Who::Phrase("Zainudin")));
        assert_eq!(after_quote(", ujarnya."), Some(Who::Pronoun));
        assert_eq!(after_quote(" Katanya"), Some(Who::Pronoun));
        assert_eq!(after_quote(" ucapnya lirih."), Some(Who::Pronoun));
        assert_eq!(after_quote(" yang bertujuan melindungi"), None);
        assert_eq!(after_quote(" di Banjarmasin"), None);
    }

    #[test]
    fn before_quote_frames() {
        assert_eq!(before_quote("Asep mengatakan, "), Some(Who::Subject("Asep ")));
        assert_eq!(before_quote("Menurut Emil, "), Some(Who::Phrase("Emil")));
        assert_eq!(before_quote("kata Hari: "), Some(Who::Phrase("Hari")));
        assert_eq!(before_quote("Ia menambahkan bahwa "), Some(Who::Subject("Ia ")));
        assert_eq!(before_quote("bertema "), None);
        assert_eq!(before_quote("program unggulan adalah "), None);
    }

    #[test]
    fn indirect_frames_and_their_clauses() {
        let got = indirect("Klaim naik, kata Budi, tahun ini cukup tinggi.");
        assert_eq!(got[0], (Who::Phrase("Budi"), "Klaim naik tahun ini cukup tinggi.".into()));
        let got = indirect("Menurutnya, iuran sudah turun jauh.");
        assert_eq!(got[0], (Who::Pronoun, "iuran sudah turun jauh.".into()));
        let got = indirect("Ia menambahkan, data sudah dicek ulang.");
        assert_eq!(got[0], (Who::Subject("Ia "), "data sudah dicek ulang.".into()));
        let got = indirect("Budi mengatakan kepada wartawan bahwa data sudah benar.");
        assert_eq!(got[0].1, "data sudah benar.");
        let got = indirect("Iuran dibayar tepat waktu, katanya di Jakarta, Senin (1/1).");
        assert_eq!(got[0], (Who::Pronoun, "Iuran dibayar tepat waktu".into()));
        assert!(indirect("Nilainya naik, nilainya mencapai Rp5 juta.").is_empty());
        assert!(indirect("Data itu, kata dia.").is_empty());
    }

    #[test]
    fn nya_endings_are_those_of_the_lower_case() {
        for w in [
            "katanya",
            "KATANYA",
            "ujarNyA",
            "nya",
            "ny",
            "",
            "kata",
            "Menurutnya",
            "\u{212A}atanya",
            "İnya",
            "nyaİ",
            "ñya",
            "nyÅ",
        ] {
            assert_eq!(ends_with_nya(w), w.to_lowercase().ends_with("nya"), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn nya_endings_match_the_lower_case_on_any_word(
            w in r"(?:[a-zA-Z]|nya|NYA|İ|\u{212A}|Å|ñ|é|\u{301}){0,6}",
        ) {
            proptest::prop_assert_eq!(ends_with_nya(&w), w.to_lowercase().ends_with("nya"));
        }
    }

    #[test]
    fn prefilters_never_say_no_where_the_regexes_match() {
        let texts = [
            "Klaim naik, kata Budi, tahun ini.",
            "Klaim naik,\u{a0}\u{2003}ujarnya.",
            "Klaim naik,\nkatanya.",
            "Klaim naik, Kata Budi.",
            "Klaim naik, \u{212A}ata Budi.",
            "Klaim naik kata Budi, lalu.",
            "a,b,c, kilahnya",
            "Menurutnya, iuran naik.",
            "MENURUT dia, iuran naik.",
            "“Menurut” é, kata X.",
            "Ia mengatakan bahwa data benar.",
            "Ia MENGATAKAN data benar.",
            "Ia memengatakan, data benar.",
            "X dalam keterangannya, data benar.",
            "X dalam keterangan tertulisnya, data benar.",
            "X Dalam Keterangannya, data benar.",
            "",
            ",",
            "😀, kata 😀.",
        ];
        for t in texts {
            assert!(may_have_comma_root(t) || !COMMA_ROOT.is_match(t), "{t}");
            assert!(may_have_menurut(t) || !MENURUT.is_match(t), "{t}");
            assert!(may_have_keterangan(t) || !KETERANGAN.is_match(t), "{t}");
        }
        assert!(
            may_have_comma_root("Naik,\u{a0} katanya.") && !may_have_comma_root("Naik kata X.")
        );
        assert!(!may_have_menurut("MENURUT"));
    }
}
