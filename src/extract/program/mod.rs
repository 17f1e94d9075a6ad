//! Programme mentions (the `program` facet): which BPJS Ketenagakerjaan
//! benefits, participant segments, campaigns and services an article names.
//!
//! The taxonomy lives in `programs.tsv` (row order = output order). Names and
//! lowercase aliases match in any case; one-word aliases with a capital letter
//! (acronyms such as `JKK`, `JKm`, `Jakon`) match case-sensitively. Several
//! acronyms collide with other bodies, so they carry guards (see
//! [`find_programs`]). Only explicit mentions count: a list of risks
//! ("risiko kecelakaan kerja, kematian") is not a programme mention, but a
//! coordination under the head noun *jaminan* ("jaminan kecelakaan kerja,
//! kematian, dan pensiun") names every programme in it.

use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Match, MatchKind};
use regex::Regex;

mod facts;

use facts::{ArticleFacts, fact_overlaps, facts_held, hit_facts};

/// One row of `programs.tsv`.
#[derive(Debug)]
struct Program {
    code: &'static str,
    name: &'static str,
    aliases: Vec<&'static str>,
}

static PROGRAMS: LazyLock<Vec<Program>> = LazyLock::new(|| parse(include_str!("programs.tsv")));

fn parse(data: &'static str) -> Vec<Program> {
    let mut rows = data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header = rows.next().unwrap();
    assert!(header.starts_with("code\tname\tkind\taliases\tlegal_basis"), "bad header");
    rows.map(|line| {
        let cols: Vec<&'static str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "programs.tsv row needs 5 columns: {line}");
        let aliases = cols[3].split('|').map(str::trim).filter(|a| !a.is_empty()).collect();
        Program { code: cols[0], name: cols[1], aliases }
    })
    .collect()
}

/// The two automata: phrases in any case, acronyms as written.
struct Matchers {
    phrases: AhoCorasick,
    phrase_programs: Vec<usize>,
    /// For each phrase, the [`FACT_PHRASES`] it holds (bit `i` for phrase `i`).
    phrase_facts: Vec<u8>,
    /// For each phrase, the [`FACT_PHRASES`] a proper prefix of which it
    /// ends with, and that prefix's length (`kerja` ends with `ja`).
    phrase_overlaps: Vec<Vec<(usize, usize)>>,
    acronyms: AhoCorasick,
    acronym_programs: Vec<usize>,
}

/// An alias matches case-sensitively when it is one word with a capital letter.
fn is_case_sensitive(alias: &str) -> bool {
    !alias.contains(' ') && alias.chars().any(char::is_uppercase)
}

static MATCHERS: LazyLock<Matchers> = LazyLock::new(|| {
    let (mut phrases, mut phrase_programs) = (Vec::new(), Vec::new());
    let (mut acronyms, mut acronym_programs) = (Vec::new(), Vec::new());
    for (i, p) in PROGRAMS.iter().enumerate() {
        phrases.push(p.name.to_string());
        phrase_programs.push(i);
        for a in &p.aliases {
            if is_case_sensitive(a) {
                acronyms.push(a.to_string());
                acronym_programs.push(i);
            } else {
                phrases.push(a.to_string());
                phrase_programs.push(i);
            }
        }
    }
    let build = |pats: &[String], ci: bool| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(ci)
            .build(pats)
            .unwrap()
    };
    let phrase_facts = phrases.iter().map(|p| facts_held(p)).collect();
    let phrase_overlaps = phrases.iter().map(|p| fact_overlaps(p)).collect();
    Matchers {
        phrases: build(&phrases, true),
        phrase_programs,
        phrase_facts,
        phrase_overlaps,
        acronyms: build(&acronyms, false),
        acronym_programs,
    }
});

/// One more benefit coordinated under a preceding "jaminan …":
/// ", kematian", " dan hari tua", "(JKK), kematian (JKM)".
static COORDINATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\s*\([^()\n]{1,30}\))?\s*(?:,\s*(?:dan|serta|maupun|atau)?|dan|serta|maupun|atau)\s+(kecelakaan kerja|kematian|hari tua|pensiun|kehilangan pekerjaan)\b",
    )
    .unwrap()
});

/// Words before "PU" that make it the public-works ministry, not a segment.
const PU_MINISTRY: &[&str] =
    &["kementerian", "kemen", "menteri", "dinas", "ditjen", "direktorat", "balai", "dpu"];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Enclitics glued to a word (`jaminan hari tuanya`, `JHTnya`, `JKKpun`).
const CLITICS: &[&str] = &["nya", "pun", "lah", "kah", "ku", "mu"];

/// `true` when `start..end` in `text` is not glued to letters or digits,
/// except for an enclitic after it (`hari tuanya`).
fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
    let ends_word = |rest: &str| rest.chars().next().is_none_or(|c| !is_word_char(c));
    let rest = &text[end..];
    let after = ends_word(rest)
        || CLITICS.iter().any(|c| {
            rest.get(..c.len()).is_some_and(|r| r.eq_ignore_ascii_case(c))
                && ends_word(&rest[c.len()..])
        });
    before && after
}

/// At most `n` bytes before `pos`, cut at a char boundary.
fn window_before(text: &str, pos: usize, n: usize) -> &str {
    let mut s = pos.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    &text[s..pos]
}

/// At most `n` bytes after `pos`, cut at a char boundary.
fn window_after(text: &str, pos: usize, n: usize) -> &str {
    let mut e = (pos + n).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    &text[pos..e]
}

/// The last word before `pos` (letters only), lowercased.
fn previous_word(text: &str, pos: usize) -> String {
    let w = window_before(text, pos, 40);
    let trimmed = w.trim_end_matches(|c: char| c.is_whitespace() || "\"“”'‘’".contains(c));
    let word: String = trimmed.chars().rev().take_while(|c| c.is_alphanumeric()).collect();
    word.chars().rev().collect::<String>().to_lowercase()
}

/// Programme codes explicitly mentioned in the headline or body, in taxonomy order.
///
/// Guards: `PMI` needs migrant workers in the article and no "Palang Merah"
/// just before; `PU` needs "penerima upah" in the article and is never the
/// ministry ("Kementerian PU", "Pekerjaan Umum (PU)"); `JP` needs "jaminan
/// pensiun" in the article or "program JP"; "Sertakan" is the campaign only
/// in capitals, after "gerakan"/"program"/"kampanye", or shortly before
/// "Sejahterakan"; `KKBC` needs the exact slogan.
pub fn find_programs(title: Option<&str>, body: &str) -> Vec<String> {
    let text = crate::extract::headline_and_body(title, body);
    let text: &str = &text;
    let m = &*MATCHERS;
    // One pass of the acronym automaton serves the facts and the mentions.
    let acronyms: Vec<Match> = m.acronyms.find_iter(text).collect();
    // The facts guard only PU, PMI and JP: computed at the first of those,
    // so articles without them skip the fact-phrase pass.
    let facts_cell = OnceCell::new();
    let mut held = 0;
    let mut found = BTreeSet::new();

    for hit in m.phrases.find_iter(text) {
        let (start, end) = (hit.start(), hit.end());
        held |= hit_facts(m, text, hit.pattern().as_usize(), end);
        if !word_bounded(text, start, end) {
            continue;
        }
        let idx = m.phrase_programs[hit.pattern().as_usize()];
        let written = &text[start..end];
        if written.eq_ignore_ascii_case("sertakan") && !sertakan_is_campaign(text, start, end) {
            continue;
        }
        found.insert(idx);
        if written.len() > 8 && written[..8].eq_ignore_ascii_case("jaminan ") {
            coordinated(text, end, &mut found);
        }
    }

    let facts = || facts_cell.get_or_init(|| ArticleFacts::of(text, &acronyms, held));
    for hit in &acronyms {
        let (start, end) = (hit.start(), hit.end());
        if !word_bounded(text, start, end) {
            continue;
        }
        let idx = m.acronym_programs[hit.pattern().as_usize()];
        let ok = match PROGRAMS[idx].code {
            "PU" => facts().penerima_upah && !is_public_works(text, start),
            "PMI" => {
                facts().migrant
                    && !window_before(text, start, 40).to_lowercase().contains("palang merah")
            }
            "JP" => {
                facts().jaminan_pensiun
                    || previous_word(text, start) == "program"
                    || listed_with_benefits(text, start, end)
            }
            _ => true,
        };
        if ok {
            found.insert(idx);
        }
    }

    found.into_iter().map(|i| PROGRAMS[i].code.to_string()).collect()
}

/// The benefit acronyms a list of programmes holds besides JP.
const BENEFIT_ACRONYMS: &[&str] = &["JKK", "JKM", "JHT", "JKP"];

/// Whether `start..end` sits in a list of benefit acronyms (`JKK, JKM, JHT,
/// JP`, `JP dan JHT`): the list makes an ambiguous acronym a programme.
fn listed_with_benefits(text: &str, start: usize, end: usize) -> bool {
    let joiners = [",", "dan", "serta", "&", "/"];
    let before = window_before(text, start, 16).trim_end();
    let before = joiners.iter().find_map(|j| before.strip_suffix(j)).map(str::trim_end);
    let after = window_after(text, end, 16).trim_start();
    let after = joiners.iter().find_map(|j| after.strip_prefix(j)).map(str::trim_start);
    before.is_some_and(|b| BENEFIT_ACRONYMS.iter().any(|a| ends_with_word(b, a)))
        || after.is_some_and(|a| BENEFIT_ACRONYMS.iter().any(|x| starts_with_word(a, x)))
}

/// `s` ends with the word `w` (case as written).
fn ends_with_word(s: &str, w: &str) -> bool {
    s.strip_suffix(w).is_some_and(|head| head.chars().next_back().is_none_or(|c| !is_word_char(c)))
}

/// `s` starts with the word `w` (case as written).
fn starts_with_word(s: &str, w: &str) -> bool {
    s.strip_prefix(w).is_some_and(|tail| tail.chars().next().is_none_or(|c| !is_word_char(c)))
}

/// Adds the benefits coordinated after a "jaminan …" name ending at `pos`.
fn coordinated(text: &str, mut pos: usize, found: &mut BTreeSet<usize>) {
    for _ in 0..6 {
        let rest = window_after(text, pos, 120);
        let Some(caps) = COORDINATED.captures(rest) else { return };
        let head = caps[1].to_lowercase();
        let code = match head.as_str() {
            "kecelakaan kerja" => "JKK",
            "kematian" => "JKM",
            "hari tua" => "JHT",
            "pensiun" => "JP",
            _ => "JKP",
        };
        if let Some(i) = PROGRAMS.iter().position(|p| p.code == code) {
            found.insert(i);
        }
        pos += caps.get(0).map_or(rest.len(), |m| m.end());
    }
}

/// "Kementerian PU", "Dinas PU", "Pekerjaan Umum (PU)".
fn is_public_works(text: &str, start: usize) -> bool {
    let before = window_before(text, start, 40).to_lowercase();
    before.contains("pekerjaan umum") || PU_MINISTRY.contains(&previous_word(text, start).as_str())
}

/// Whether a "sertakan" at `start..end` is the SERTAKAN campaign, not the verb.
fn sertakan_is_campaign(text: &str, start: usize, end: usize) -> bool {
    if &text[start..end] == "SERTAKAN" {
        return true;
    }
    let prev = previous_word(text, start);
    if ["gerakan", "program", "kampanye", "gn", "nasional"].contains(&prev.as_str()) {
        return true;
    }
    // The campaign's long name before or after its short one:
    // `"Sejahterakan Pekerja …" (Sertakan)`, `Sertakan (Sejahterakan …)`.
    window_after(text, end, 40).to_lowercase().contains("sejahterakan")
        || window_before(text, start, 80).to_lowercase().contains("sejahterakan pekerja")
}

/// A programme code from a code, name or alias in any case: "jht",
/// "Jaminan Hari Tua" → `JHT`.
pub fn resolve_program(q: &str) -> Option<&'static str> {
    let q = q.trim();
    if q.is_empty() {
        return None;
    }
    PROGRAMS
        .iter()
        .find(|p| {
            p.code.eq_ignore_ascii_case(q)
                || p.name.eq_ignore_ascii_case(q)
                || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(q))
        })
        .map(|p| p.code)
}

/// All programme codes in taxonomy order.
pub fn program_codes() -> Vec<&'static str> {
    PROGRAMS.iter().map(|p| p.code).collect()
}

/// The canonical name of a programme code ("JHT" → "Jaminan Hari Tua").
pub fn program_name(code: &str) -> Option<&'static str> {
    PROGRAMS.iter().find(|p| p.code.eq_ignore_ascii_case(code.trim())).map(|p| p.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progs(body: &str) -> Vec<String> {
        find_programs(None, body)
    }

    #[test]
    fn embedded_table_parses_in_taxonomy_order() {
        let want = [
            "JKK", "JKM", "JHT", "JP", "JKP", "PU", "BPU", "JAKON", "PMI", "SERTAKAN", "JMO",
            "RTW", "MLT", "BSU", "BEASISWA", "UCJ", "KKBC",
        ];
        assert_eq!(program_codes(), want);
        let _ = &*MATCHERS;
    }

    #[test]
    fn names_match_in_any_case() {
        assert_eq!(progs("klaim jaminan kecelakaan kerja naik"), ["JKK"]);
        assert_eq!(progs("Klaim JAMINAN HARI TUA dibayar"), ["JHT"]);
        assert_eq!(progs("Ada Jaminan Kehilangan Pekerjaan."), ["JKP"]);
    }

    #[test]
    fn acronyms_are_case_sensitive_and_word_bounded() {
        assert_eq!(progs("Saldo JHT dan JKm dicek."), ["JKM", "JHT"]);
        assert!(progs("jht jkk jmo").is_empty());
        assert!(progs("JHTX dan XJKK dan JPNN").is_empty());
        assert_eq!(progs("Unduh JMO sekarang."), ["JMO"]);
    }

    #[test]
    fn coordination_under_jaminan_distributes() {
        let got = progs("perlindungan jaminan kecelakaan kerja, kematian, hari tua, dan pensiun.");
        assert_eq!(got, ["JKK", "JKM", "JHT", "JP"]);
        assert_eq!(progs("jaminan kematian dan kehilangan pekerjaan"), ["JKM", "JKP"]);
        assert_eq!(progs("Jaminan Kecelakaan Kerja (JKK), kematian (JKM)"), ["JKK", "JKM"]);
    }

    #[test]
    fn risk_lists_are_not_mentions() {
        assert!(progs("risiko kecelakaan kerja, kematian, hari tua dan pensiun").is_empty());
    }

    #[test]
    fn penerima_upah_needs_guards() {
        assert_eq!(progs("pekerja penerima upah (PU) naik"), ["PU"]);
        assert_eq!(progs("pekerja bukan penerima upah meningkat"), ["BPU"]);
        assert_eq!(progs("Pekerja Bukan Penerima Upah (BPU)."), ["BPU"]);
        assert!(progs("proyek Kementerian PU di desa").is_empty());
        assert!(progs("penerima upah dan proyek Kementerian PU").contains(&"PU".to_string()));
        assert_eq!(progs("Dinas Pekerjaan Umum (PU) dan BPU"), ["BPU"]);
        assert!(progs("anggaran Kementerian PUPR").is_empty());
        assert!(progs("Target PU tahun ini").is_empty());
    }

    #[test]
    fn pmi_needs_migrant_workers_not_red_cross() {
        assert_eq!(progs("perlindungan pekerja migran Indonesia (PMI)"), ["PMI"]);
        assert!(progs("Palang Merah Indonesia (PMI) menggelar donor darah").is_empty());
        assert!(progs("Indeks PMI manufaktur turun").is_empty());
        assert_eq!(progs("TKI di luar negeri"), ["PMI"]);
    }

    #[test]
    fn jp_needs_pension_context() {
        assert!(progs("Saya baca di JP kemarin").is_empty());
        assert_eq!(progs("iuran program JP naik"), ["JP"]);
        assert_eq!(progs("jaminan pensiun atau JP"), ["JP"]);
    }

    #[test]
    fn sertakan_the_campaign_not_the_verb() {
        assert!(progs("Mohon sertakan fotokopi KTP.").is_empty());
        assert!(progs("Sertakan fotokopi KTP dan KK.").is_empty());
        assert_eq!(progs("ikut gerakan sertakan tahun ini"), ["SERTAKAN"]);
        assert_eq!(progs("program Sertakan untuk pekerja"), ["SERTAKAN"]);
        assert_eq!(progs("Ayo ikut SERTAKAN!"), ["SERTAKAN"]);
        assert_eq!(progs("“Sertakan atau Sejahterakan Sekitar Anda”"), ["SERTAKAN"]);
        assert_eq!(progs("Sejahterakan Pekerja Sekitar Anda"), ["SERTAKAN"]);
    }

    #[test]
    fn slogans_and_small_programmes() {
        assert_eq!(progs("agar bisa Kerja Keras Bebas Cemas"), ["KKBC"]);
        assert!(progs("bekerja dengan keras dan bebas cemas").is_empty());
        assert_eq!(progs("#KerjaKerasBebasCemas"), ["KKBC"]);
        assert_eq!(progs("target Universal Coverage 2026"), ["UCJ"]);
        assert_eq!(progs("pekerja jasa konstruksi dan Jakon"), ["JAKON"]);
        assert_eq!(progs("manfaat beasiswa bagi anak"), ["BEASISWA"]);
        assert_eq!(progs("pencairan subsidi gaji tahap 2"), ["BSU"]);
        assert_eq!(progs("program return to work (RTW)"), ["RTW"]);
        assert_eq!(progs("fasilitas manfaat layanan tambahan (MLT)"), ["MLT"]);
        assert_eq!(progs("aplikasi Jamsostek Mobile"), ["JMO"]);
    }

    #[test]
    fn title_counts() {
        assert_eq!(find_programs(Some("Klaim JHT naik"), "isi berita"), ["JHT"]);
    }

    #[test]
    fn resolve_by_code_name_or_alias() {
        assert_eq!(resolve_program("jht"), Some("JHT"));
        assert_eq!(resolve_program("Jaminan Hari Tua"), Some("JHT"));
        assert_eq!(resolve_program(" jasa konstruksi "), Some("JAKON"));
        assert_eq!(resolve_program("pekerja migran"), Some("PMI"));
        assert_eq!(resolve_program("kerja keras bebas cemas"), Some("KKBC"));
        assert_eq!(resolve_program("nothing"), None);
        assert_eq!(resolve_program(""), None);
        assert_eq!(program_name("jkk"), Some("Jaminan Kecelakaan Kerja"));
        assert_eq!(program_name("XYZ"), None);
    }

    #[test]
    fn odd_input_never_panics() {
        let odd = "😀 JHT\u{301} ́ “ ” \" ' é PU😀PMI jaminan kematian,\u{200b} dan 😀";
        let _ = progs(odd);
        let long = "Gubernur ".repeat(10_000) + "jaminan kematian, " + &"dan ".repeat(5000);
        assert_eq!(progs(&long), ["JKM"]);
        for s in ["", "ü", "jaminan kematian", "sertakan", "PU", "é sertakan é"] {
            let _ = progs(s);
        }
    }

    fn seed(prefix: &str) -> Option<String> {
        crate::test_support::seed_text(prefix)
    }

    #[test]
    fn seeds() {
        let want: [(&str, &[&str]); 5] = [
            ("000", &["PU", "BPU", "JAKON", "PMI", "UCJ"]),
            ("001", &["JKK", "JKM", "JHT", "JP", "UCJ"]),
            ("002", &["BPU", "SERTAKAN", "KKBC"]),
            ("003", &["JKK", "JKM", "JHT", "PU", "BPU", "JAKON", "SERTAKAN", "JMO"]),
            ("004", &["PU", "UCJ", "KKBC"]),
        ];
        for (prefix, codes) in want {
            let Some(text) = seed(prefix) else { continue };
            assert_eq!(progs(&text), codes, "seed {prefix}");
        }
    }

    #[test]
    fn inflected_and_clitic_forms() {
        assert_eq!(progs("Peserta mencairkan jaminan hari tuanya bulan lalu."), ["JHT"]);
        assert_eq!(progs("Ia mengurus JHT-nya di kantor cabang."), ["JHT"]);
        assert_eq!(progs("Ia mengurus JHTnya di kantor cabang."), ["JHT"]);
        assert_eq!(progs("Klaim JKKpun dibayar penuh."), ["JKK"]);
        // Other letters glued on are another word.
        assert!(progs("Ia mengurus JHTX di kantor.").is_empty());
    }

    #[test]
    fn jp_in_a_list_of_benefits_and_sertakan_after_its_long_name() {
        assert_eq!(
            progs("Perusahaan besar ikut 4 program (JKK, JKM, JHT, JP)."),
            ["JKK", "JKM", "JHT", "JP"]
        );
        assert_eq!(progs("Iuran JP dan JHT dipotong dari gaji."), ["JHT", "JP"]);
        // JP alone, without pension context, stays out (a name's initials).
        assert!(progs("Kata JP kepada wartawan.").is_empty());
        assert_eq!(
            progs("Ia memperkenalkan gerakan “Sejahterakan Pekerja Rentan” (Sertakan) bagi warga."),
            ["SERTAKAN"]
        );
    }
}
