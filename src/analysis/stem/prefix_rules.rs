//! The prefix rules of Enhanced Confix Stripping, with recoding: the plain prefixes `di- ke- se-`
//! and the disambiguation rules 1–42 (numbering of Nazief & Adriani / Asian's CS / Arifin's
//! ECS, as used by Sastrawi; rules 22 and 33 do not exist).
//!
//! Why a table: a nasal prefix hides the first letter of the root (`menerima` is me- + terima,
//! `mengenal` is me- + kenal, `penyampai` is pe- + sampai), so one rule can propose several
//! candidate roots ("alternatives"). A rule is a list of alternatives tried in order; the
//! caller (`prefix.rs`) takes the first candidate that is a root, otherwise the candidate of
//! the *last* alternative (which may be "no match"; see `prefix.rs`). Each alternative is a
//! small byte-pattern matcher written from the rule's published definition; it returns how to
//! build the candidate: an optional replacement head followed by the word from byte `skip` on.
//!
//! Notation in the comments: V = vowel `aiueo`, C = consonant, A = any letter, P = the rest.

/// What goes in front of `word[skip..]` to form a candidate root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Head {
    /// Nothing: the candidate is `word[skip..]`.
    Empty,
    /// A fixed recoding letter or letters (`t` for men+V → tV, `ng`, `ny`, …).
    Lit(&'static [u8]),
    /// The word's own first letter (infix rules: `gerigi` → g + igi).
    FirstLetter,
}

/// How to build one candidate root from the current word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Recode {
    pub head: Head,
    pub skip: usize,
}

/// One alternative of a rule: `None` when its pattern does not match.
pub(super) type Alternative = fn(&[u8]) -> Option<Recode>;

/// A prefix rule: its name (for tests and docs), the first letter a word must have for any
/// alternative to match (`None`: any letter), and its alternatives in order.
pub(super) struct Rule {
    /// Rule number as in the literature; read by the tests, and documents the table.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub first: Option<u8>,
    pub alternatives: &'static [Alternative],
}

/// All prefix visitors in ECS order: plain prefixes, then rules 1–42.
pub(super) static RULES: &[Rule] = &[
    rule("plain di/ke/se", None, &[plain]),
    rule("1", Some(b'b'), &[r1a, r1b]),
    rule("2", Some(b'b'), &[r2]),
    rule("3", Some(b'b'), &[r3]),
    rule("4", Some(b'b'), &[r4]),
    rule("5", Some(b'b'), &[r5]),
    rule("6", Some(b't'), &[r6a, r6b]),
    rule("7", Some(b't'), &[r7]),
    rule("8", Some(b't'), &[r8]),
    rule("9", Some(b't'), &[r9]),
    rule("10", Some(b'm'), &[r10]),
    rule("11", Some(b'm'), &[r11]),
    rule("12", Some(b'm'), &[r12]),
    rule("13", Some(b'm'), &[r13a, r13b]),
    rule("14", Some(b'm'), &[r14]),
    rule("15", Some(b'm'), &[r15a, r15b]),
    rule("16", Some(b'm'), &[r16]),
    rule("17", Some(b'm'), &[r17a, r17b, r17c, r17d]),
    rule("18", Some(b'm'), &[r18a, r18b]),
    rule("19", Some(b'm'), &[r19]),
    rule("20", Some(b'p'), &[r20]),
    rule("21", Some(b'p'), &[r21a, r21b]),
    rule("23", Some(b'p'), &[r23]),
    rule("24", Some(b'p'), &[r24]),
    rule("25", Some(b'p'), &[r25]),
    rule("26", Some(b'p'), &[r26a, r26b]),
    rule("pemr", Some(b'p'), &[r_pemr]),
    rule("27", Some(b'p'), &[r27]),
    rule("28", Some(b'p'), &[r28a, r28b]),
    rule("29", Some(b'p'), &[r29]),
    rule("30", Some(b'p'), &[r30a, r30b, r30c]),
    rule("31", Some(b'p'), &[r31a, r31b]),
    rule("32", Some(b'p'), &[r32]),
    rule("34", Some(b'p'), &[r34]),
    rule("35", Some(b't'), &[r35]),
    rule("36", Some(b'p'), &[r36]),
    rule("37", None, &[r37a, r37b]),
    rule("38", None, &[r38a, r38b]),
    rule("39", None, &[r39a, r39b]),
    rule("40", None, &[r40a, r40b]),
    rule("41", Some(b'k'), &[r41]),
    rule("42", Some(b'k'), &[r42]),
];

const fn rule(name: &'static str, first: Option<u8>, alternatives: &'static [Alternative]) -> Rule {
    Rule { name, first, alternatives }
}

// ---- byte classes (0 stands for "past the end" and is in no class) ----

fn at(w: &[u8], i: usize) -> u8 {
    w.get(i).copied().unwrap_or(0)
}

fn vowel(b: u8) -> bool {
    matches!(b, b'a' | b'i' | b'u' | b'e' | b'o')
}

fn consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !vowel(b)
}

fn letter(b: u8) -> bool {
    b.is_ascii_lowercase()
}

/// Consonants other than l, m, n, r, w, y (rules 35 and 36).
fn hard_consonant(b: u8) -> bool {
    consonant(b) && !matches!(b, b'l' | b'm' | b'n' | b'r' | b'w' | b'y')
}

/// `w[i..]` starts with `er`.
fn er_at(w: &[u8], i: usize) -> bool {
    w.get(i..).is_some_and(|rest| rest.starts_with(b"er"))
}

fn keep(skip: usize) -> Option<Recode> {
    Some(Recode { head: Head::Empty, skip })
}

fn recode(head: &'static [u8], skip: usize) -> Option<Recode> {
    Some(Recode { head: Head::Lit(head), skip })
}

fn when(cond: bool, result: Option<Recode>) -> Option<Recode> {
    if cond { result } else { None }
}

// ---- plain prefixes ----

/// di-, ke-, se- (no recoding).
fn plain(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"di") || w.starts_with(b"ke") || w.starts_with(b"se"), keep(2))
}

// ---- be- / ber- ----

/// 1a: berV → ber-V.
fn r1a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"ber") && vowel(at(w, 3)), keep(3))
}

/// 1b: berV → be-rV.
fn r1b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"ber") && vowel(at(w, 3)), keep(2))
}

/// 2: berCAP → ber-CAP where P ≠ er… (as implemented, C may be r).
fn r2(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"ber") && consonant(at(w, 3)) && letter(at(w, 4)) && !er_at(w, 5), keep(3))
}

/// 3: berCAerV → ber-CAerV where C ≠ r.
fn r3(w: &[u8]) -> Option<Recode> {
    let c = at(w, 3);
    when(
        w.starts_with(b"ber")
            && consonant(c)
            && c != b'r'
            && letter(at(w, 4))
            && er_at(w, 5)
            && vowel(at(w, 7)),
        keep(3),
    )
}

/// 4: belajar → bel-ajar.
fn r4(w: &[u8]) -> Option<Recode> {
    when(w == b"belajar", recode(b"ajar", w.len()))
}

/// 5: beC1erC2 → be-C1erC2 where C1 ≠ r.
fn r5(w: &[u8]) -> Option<Recode> {
    let c1 = at(w, 2);
    when(
        w.starts_with(b"be") && consonant(c1) && c1 != b'r' && er_at(w, 3) && consonant(at(w, 5)),
        keep(2),
    )
}

// ---- te- / ter- ----

/// 6a: terV → ter-V.
fn r6a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"ter") && vowel(at(w, 3)), keep(3))
}

/// 6b: terV → te-rV.
fn r6b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"ter") && vowel(at(w, 3)), keep(2))
}

/// 7: terCerV → ter-CerV where C ≠ r.
fn r7(w: &[u8]) -> Option<Recode> {
    let c = at(w, 3);
    when(
        w.starts_with(b"ter") && consonant(c) && c != b'r' && er_at(w, 4) && vowel(at(w, 6)),
        keep(3),
    )
}

/// 8: terCP → ter-CP where C ≠ r and P ≠ er….
fn r8(w: &[u8]) -> Option<Recode> {
    let c = at(w, 3);
    when(w.starts_with(b"ter") && consonant(c) && c != b'r' && !er_at(w, 4), keep(3))
}

/// 9: teC1erC2 → te-C1erC2 where C1 ≠ r.
fn r9(w: &[u8]) -> Option<Recode> {
    let c1 = at(w, 2);
    when(
        w.starts_with(b"te") && consonant(c1) && c1 != b'r' && er_at(w, 3) && consonant(at(w, 5)),
        keep(2),
    )
}

// ---- me- ----

/// 10: me{l|r|w|y}V → me-{l|r|w|y}V.
fn r10(w: &[u8]) -> Option<Recode> {
    when(
        w.starts_with(b"me") && matches!(at(w, 2), b'l' | b'r' | b'w' | b'y') && vowel(at(w, 3)),
        keep(2),
    )
}

/// 11: mem{b|f|v} → mem-{b|f|v}.
fn r11(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"mem") && matches!(at(w, 3), b'b' | b'f' | b'v'), keep(3))
}

/// 12 (CS): mempe → mem-pe (mempengaruhi).
fn r12(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"mempe"), keep(3))
}

/// 13a: memV → me-mV.
fn r13a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"mem") && vowel(at(w, 3)), recode(b"m", 3))
}

/// 13b: memV → me-pV.
fn r13b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"mem") && vowel(at(w, 3)), recode(b"p", 3))
}

/// 14 (ECS): men{c|d|j|s|t|z} → men-{c|d|j|s|t|z}.
fn r14(w: &[u8]) -> Option<Recode> {
    when(
        w.starts_with(b"men") && matches!(at(w, 3), b'c' | b'd' | b'j' | b's' | b't' | b'z'),
        keep(3),
    )
}

/// 15a: menV → me-nV.
fn r15a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"men") && vowel(at(w, 3)), recode(b"n", 3))
}

/// 15b: menV → me-tV.
fn r15b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"men") && vowel(at(w, 3)), recode(b"t", 3))
}

/// 16 (CS): meng{g|h|q|k} → meng-{g|h|q|k}.
fn r16(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"meng") && matches!(at(w, 4), b'g' | b'h' | b'q' | b'k'), keep(4))
}

/// 17a: mengV → meng-V.
fn r17a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"meng") && vowel(at(w, 4)), keep(4))
}

/// 17b: mengV → meng-kV.
fn r17b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"meng") && vowel(at(w, 4)), recode(b"k", 4))
}

/// 17c: menge → menge- (monosyllabic roots: mengebom → bom).
fn r17c(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"menge"), keep(5))
}

/// 17d: mengV → me-ngV.
fn r17d(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"meng") && vowel(at(w, 4)), recode(b"ng", 4))
}

/// 18a: menyV → me-nyV (menyala → nyala).
fn r18a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"meny") && vowel(at(w, 4)), recode(b"ny", 4))
}

/// 18b: menyV → meny-sV.
fn r18b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"meny") && vowel(at(w, 4)), recode(b"s", 4))
}

/// 19 (ECS): mempA → mem-pA where A ≠ e (and, as implemented, A ≠ n).
fn r19(w: &[u8]) -> Option<Recode> {
    let a = at(w, 4);
    when(w.starts_with(b"memp") && letter(a) && a != b'e' && a != b'n', keep(3))
}

// ---- pe- / per- ----

/// 20: pe{w|y}V → pe-{w|y}V.
fn r20(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"pe") && matches!(at(w, 2), b'w' | b'y') && vowel(at(w, 3)), keep(2))
}

/// 21a: perV → per-V.
fn r21a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"per") && vowel(at(w, 3)), keep(3))
}

/// 21b: perV → pe-rV.
fn r21b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"per") && vowel(at(w, 3)), keep(2))
}

/// 23: perCAP → per-CAP where P ≠ er… (as implemented, C may be r).
fn r23(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"per") && consonant(at(w, 3)) && letter(at(w, 4)) && !er_at(w, 5), keep(3))
}

/// 24: perCAerV → per-CAerV where C ≠ r.
fn r24(w: &[u8]) -> Option<Recode> {
    let c = at(w, 3);
    when(
        w.starts_with(b"per")
            && consonant(c)
            && c != b'r'
            && letter(at(w, 4))
            && er_at(w, 5)
            && vowel(at(w, 7)),
        keep(3),
    )
}

/// 25: pem{b|f|v} → pem-{b|f|v}.
fn r25(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"pem") && matches!(at(w, 3), b'b' | b'f' | b'v'), keep(3))
}

/// 26a: pemV → pe-mV.
fn r26a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"pem") && vowel(at(w, 3)), recode(b"m", 3))
}

/// 26b: pemV → pe-pV.
fn r26b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"pem") && vowel(at(w, 3)), recode(b"p", 3))
}

/// pemr (warta, not ECS): pemrV → pe-prV. The pe- noun of a `pr` loanword drops the `p` as the
/// me- verb keeps it (rule 19: memproses): pemrosesan, pemrograman, pemrakarsa. No root starts
/// with `r` after `pem-` (pe- + r is rule 21b), so the candidate is the only reading.
fn r_pemr(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"pemr") && vowel(at(w, 4)), recode(b"p", 3))
}

/// 27: pen{c|d|j|s|t|z} → pen-{c|d|j|s|t|z}.
fn r27(w: &[u8]) -> Option<Recode> {
    when(
        w.starts_with(b"pen") && matches!(at(w, 3), b'c' | b'd' | b'j' | b's' | b't' | b'z'),
        keep(3),
    )
}

/// 28a: penV → pe-nV.
fn r28a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"pen") && vowel(at(w, 3)), recode(b"n", 3))
}

/// 28b: penV → pe-tV.
fn r28b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"pen") && vowel(at(w, 3)), recode(b"t", 3))
}

/// 29 (ECS): pengC → peng-C.
fn r29(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"peng") && consonant(at(w, 4)), keep(4))
}

/// 30a: pengV → peng-V.
fn r30a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"peng") && vowel(at(w, 4)), keep(4))
}

/// 30b: pengV → peng-kV.
fn r30b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"peng") && vowel(at(w, 4)), recode(b"k", 4))
}

/// 30c: penge → penge- (monosyllabic roots).
fn r30c(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"penge"), keep(5))
}

/// 31a: penyV → pe-nyV.
fn r31a(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"peny") && vowel(at(w, 4)), recode(b"ny", 4))
}

/// 31b: penyV → peny-sV.
fn r31b(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"peny") && vowel(at(w, 4)), recode(b"s", 4))
}

/// 32: pelV → pe-lV, except pelajar → pel-ajar.
fn r32(w: &[u8]) -> Option<Recode> {
    if w == b"pelajar" {
        return recode(b"ajar", w.len());
    }
    when(w.starts_with(b"pel") && vowel(at(w, 3)), keep(2))
}

/// 34: peCP → pe-CP where P ≠ er….
fn r34(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"pe") && consonant(at(w, 2)) && !er_at(w, 3), keep(2))
}

/// 35 (CS): terC1erC2 → ter-C1erC2 where C1 ∉ {l m n r w y}.
fn r35(w: &[u8]) -> Option<Recode> {
    when(
        w.starts_with(b"ter") && hard_consonant(at(w, 3)) && er_at(w, 4) && consonant(at(w, 6)),
        keep(3),
    )
}

/// 36 (CS): peC1erC2 → pe-C1erC2 where C1 ∉ {l m n r w y}.
fn r36(w: &[u8]) -> Option<Recode> {
    when(
        w.starts_with(b"pe") && hard_consonant(at(w, 2)) && er_at(w, 3) && consonant(at(w, 5)),
        keep(2),
    )
}

// ---- infixes -er- -el- -em- -in- (CS) ----

fn infix(w: &[u8], infix: &[u8; 2]) -> bool {
    consonant(at(w, 0)) && w.get(1..3) == Some(&infix[..]) && vowel(at(w, 3))
}

/// 37a: CerV → CerV (the word itself).
fn r37a(w: &[u8]) -> Option<Recode> {
    when(infix(w, b"er"), keep(0))
}

/// 37b: CerV → CV.
fn r37b(w: &[u8]) -> Option<Recode> {
    when(infix(w, b"er"), Some(Recode { head: Head::FirstLetter, skip: 3 }))
}

/// 38a: CelV → CelV.
fn r38a(w: &[u8]) -> Option<Recode> {
    when(infix(w, b"el"), keep(0))
}

/// 38b: CelV → CV.
fn r38b(w: &[u8]) -> Option<Recode> {
    when(infix(w, b"el"), Some(Recode { head: Head::FirstLetter, skip: 3 }))
}

/// 39a: CemV → CemV.
fn r39a(w: &[u8]) -> Option<Recode> {
    when(infix(w, b"em"), keep(0))
}

/// 39b: CemV → CV.
fn r39b(w: &[u8]) -> Option<Recode> {
    when(infix(w, b"em"), Some(Recode { head: Head::FirstLetter, skip: 3 }))
}

/// 40a: CinV → CinV.
fn r40a(w: &[u8]) -> Option<Recode> {
    when(infix(w, b"in"), keep(0))
}

/// 40b: CinV → CV.
fn r40b(w: &[u8]) -> Option<Recode> {
    when(infix(w, b"in"), Some(Recode { head: Head::FirstLetter, skip: 3 }))
}

// ---- Sastrawi's proclitics ----

/// 41: kuA → ku-A.
fn r41(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"ku"), keep(2))
}

/// 42: kauA → kau-A.
fn r42(w: &[u8]) -> Option<Recode> {
    when(w.starts_with(b"kau"), keep(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies alternative `alt` of rule `name` and renders the candidate.
    fn apply(name: &str, alt: usize, word: &str) -> Option<String> {
        let rule = RULES.iter().find(|r| r.name == name).unwrap();
        let w = word.as_bytes();
        let recode = (rule.alternatives[alt])(w)?;
        let mut out = match recode.head {
            Head::Empty => Vec::new(),
            Head::Lit(head) => head.to_vec(),
            Head::FirstLetter => w[..1].to_vec(),
        };
        out.extend_from_slice(&w[recode.skip..]);
        Some(String::from_utf8(out).unwrap())
    }

    fn check(name: &str, alt: usize, word: &str, expected: Option<&str>) {
        assert_eq!(apply(name, alt, word).as_deref(), expected, "rule {name}[{alt}] on {word}");
    }

    #[test]
    fn plain_and_be_ter_rules() {
        check("plain di/ke/se", 0, "dilindungi", Some("lindungi"));
        check("plain di/ke/se", 0, "sebut", Some("but"));
        check("plain di/ke/se", 0, "pekerja", None);
        check("1", 0, "berakhir", Some("akhir"));
        check("1", 1, "berumah", Some("rumah"));
        check("2", 0, "bertemu", Some("temu"));
        check("2", 0, "berdaerah", None);
        check("3", 0, "berdaerah", Some("daerah"));
        check("4", 0, "belajar", Some("ajar"));
        check("5", 0, "bekerja", Some("kerja"));
        check("5", 0, "berkerja", None);
        check("6", 0, "terasa", Some("asa"));
        check("6", 1, "terasa", Some("rasa"));
        check("7", 0, "tergerak", Some("gerak"));
        check("8", 0, "tersebut", Some("sebut"));
        check("8", 0, "terrr", None);
        check("9", 0, "teperdaya", Some("perdaya"));
        check("35", 0, "terpercaya", Some("percaya"));
        check("35", 0, "terperangkap", None);
    }

    #[test]
    fn me_rules() {
        check("10", 0, "melindungi", Some("lindungi"));
        check("11", 0, "membangun", Some("bangun"));
        check("12", 0, "mempengaruhi", Some("pengaruhi"));
        check("13", 0, "memakan", Some("makan"));
        check("13", 1, "memukul", Some("pukul"));
        check("14", 0, "mendapat", Some("dapat"));
        check("15", 0, "menikah", Some("nikah"));
        check("15", 1, "menurut", Some("turut"));
        check("16", 0, "mengkritik", Some("kritik"));
        check("17", 0, "mengambil", Some("ambil"));
        check("17", 1, "mengenal", Some("kenal"));
        check("17", 2, "mengebom", Some("bom"));
        check("17", 2, "mengambil", None);
        check("17", 3, "mengangah", Some("ngangah"));
        check("18", 0, "menyala", Some("nyala"));
        check("18", 1, "menyampai", Some("sampai"));
        check("19", 0, "memproses", Some("proses"));
        check("19", 0, "mempengaruhi", None);
    }

    #[test]
    fn pe_rules() {
        check("20", 0, "pewarna", Some("warna"));
        check("21", 0, "perajin", Some("ajin"));
        check("21", 1, "perajin", Some("rajin"));
        check("23", 0, "perlindung", Some("lindung"));
        check("23", 0, "perkeras", Some("keras"));
        check("23", 0, "perdaerah", None);
        check("24", 0, "perdaerah", Some("daerah"));
        check("25", 0, "pembangun", Some("bangun"));
        check("26", 0, "pemakai", Some("makai"));
        check("26", 1, "pemerintah", Some("perintah"));
        check("pemr", 0, "pemroses", Some("proses"));
        check("pemr", 0, "pemrakarsa", Some("prakarsa"));
        check("pemr", 0, "pemrtx", None);
        check("pemr", 0, "pembaca", None);
        check("27", 0, "pendapat", Some("dapat"));
        check("28", 0, "penikah", Some("nikah"));
        check("28", 1, "penerima", Some("terima"));
        check("29", 0, "penghasil", Some("hasil"));
        check("30", 0, "pengawas", Some("awas"));
        check("30", 1, "pengembang", Some("kembang"));
        check("30", 2, "pengebom", Some("bom"));
        check("30", 2, "pengawas", None);
        check("31", 0, "penyanyi", Some("nyanyi"));
        check("31", 1, "penyampai", Some("sampai"));
        check("32", 0, "pelajar", Some("ajar"));
        check("32", 0, "pelaku", Some("laku"));
        check("34", 0, "petugas", Some("tugas"));
        check("34", 0, "peserta", None);
        check("34", 0, "pekerja", None);
        check("36", 0, "pekerja", Some("kerja"));
        check("36", 0, "peserta", Some("serta"));
    }

    #[test]
    fn infix_and_proclitic_rules() {
        check("37", 0, "gerigi", Some("gerigi"));
        check("37", 1, "gerigi", Some("gigi"));
        check("38", 1, "telunjuk", Some("tunjuk"));
        check("39", 1, "gemetar", Some("getar"));
        check("40", 1, "kinerja", Some("kerja"));
        check("40", 1, "akerja", None);
        check("41", 0, "kuambil", Some("ambil"));
        check("42", 0, "kauambil", Some("ambil"));
    }

    #[test]
    fn patterns_never_read_past_the_end() {
        for word in ["", "b", "be", "ber", "men", "meng", "peny", "te", "ku", "kau", "pe", "gi"] {
            for rule in RULES {
                for alt in rule.alternatives {
                    if let Some(r) = alt(word.as_bytes()) {
                        assert!(r.skip <= word.len(), "rule {} on {word:?}", rule.name);
                    }
                }
            }
        }
    }

    #[test]
    fn first_letter_filter_is_consistent_with_patterns() {
        let letters: Vec<u8> = (b'a'..=b'z').collect();
        for rule in RULES {
            let Some(first) = rule.first else { continue };
            for &l in letters.iter().filter(|&&l| l != first) {
                for tail in ["er", "eng", "enya", "ela", "ajar", "u", "au"] {
                    let mut word = vec![l];
                    word.extend_from_slice(tail.as_bytes());
                    for alt in rule.alternatives {
                        assert!(alt(&word).is_none(), "rule {} matched {word:?}", rule.name);
                    }
                }
            }
        }
    }
}
