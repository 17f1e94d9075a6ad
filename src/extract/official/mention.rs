//! Reading one title mention: the unit after the title ("Direktur
//! *Kepesertaan*"), the organisation and place that follow it, then the
//! person's name (after an optional comma and honorifics), or — when no name
//! follows — a name just before it ("Muhyidin, Kepala Kantor Wilayah …").

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Captures;

use super::names::{
    Tok, is_honorific, is_name_abbreviation, is_name_particle, is_stopword, next_token, prev_token,
    skip_spaces,
};
use super::organizations::{BARE_BPJS, BPJS_TK, ORGS};
use super::titles::{Kind, NOT_A_PERSON_BEFORE, Office, TITLES};
use crate::extract::article::Official;
use crate::extract::region::{PlaceHit, Prefix, place_at};

/// Facts about the whole article that a mention needs.
pub(crate) struct ArticleContext<'a> {
    /// The article names BPJS Kesehatan, so bare "BPJS" is ambiguous.
    pub bpjs_kesehatan: bool,
    /// The article's text.
    pub text: &'a str,
}

impl ArticleContext<'_> {
    /// Whether `word` is also written in lower case somewhere in the article
    /// ("terdaftar"): a common word, not a name, when a title-case headline
    /// capitalises it. Searched only when asked (rarely: a name before a
    /// comma), not prepared for every article.
    fn is_common(&self, word: &str) -> bool {
        crate::extract::words::written_in_lowercase(self.text, word)
    }
}

/// Capitalised words that may form a unit after "Direktur", "Deputi" …
/// (lowercase, whitespace-separated).
const UNIT_WORDS: &str = "\
    utama kepesertaan keuangan pelayanan pengembangan investasi hukum pengawasan kepatuhan \
    perencanaan strategis teknologi informasi human capital umum komunikasi bidang humas \
    antar antarlembaga lembaga hubungan kelembagaan bina pemeriksaan norma ketenagakerjaan \
    tenaga kerja jenderal pembangunan nasional manajemen risiko pemasaran kehumasan \
    operasional sistem sumber daya manusia dewan pengawas komisi perlindungan jaminan sosial \
    industrial pembinaan penempatan perluasan kesempatan pelatihan produktivitas keselamatan \
    kesehatan jamsos binwasnaker binapenta binalattas eksekutif program penegakan \
    pemberdayaan data digital aktuaria akuntansi layanan kebijakan strategi transformasi \
    internal audit intern masyarakat kerjasama sama koordinasi pengelolaan dana peserta \
    manfaat klaim ahli korporasi ritel mitra kemitraan perbankan treasuri usaha khusus \
    keanggotaan teknis administrasi sekretariat perusahaan keagenan agen kanal jaringan \
    pemerintahan kepegawaian organisasi tata kelola regulasi advokasi edukasi bukan penerima \
    upah pekerja migran perekonomian";

static UNIT_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| UNIT_WORDS.split_whitespace().collect());

const CONNECTORS: &[&str] = &["dan", "&", ",", "/", "serta"];

fn is_unit_word(tok: &Tok) -> bool {
    tok.is_capitalised() && UNIT_SET.contains(tok.text.to_lowercase().as_str())
}

fn is_connector(tok: &Tok) -> bool {
    CONNECTORS.contains(&tok.text)
}

/// "RI" or "Republik Indonesia" at `pos`: the offset after it.
fn country_at(text: &str, pos: usize) -> Option<usize> {
    let tok = next_token(text, pos)?;
    if tok.start != pos {
        return None;
    }
    match tok.text {
        "RI" => Some(tok.end),
        "Republik" => {
            let next = next_token(text, tok.end)?;
            (next.text == "Indonesia").then_some(next.end)
        }
        _ => None,
    }
}

/// "Kantor Wilayah", "Wilayah", "Kanwil", "Kantor Cabang", "Cabang" … at `pos`.
fn office_keyword_at(text: &str, pos: usize) -> Option<(Office, usize)> {
    const KEYWORDS: &[(&str, Office)] = &[
        ("Kantor Cabang Perintis", Office::Perintis),
        ("Cabang Perintis", Office::Perintis),
        ("Kantor Wilayah", Office::Wilayah),
        ("Kantor Cabang", Office::Cabang),
        ("Wilayah", Office::Wilayah),
        ("Kanwil", Office::Wilayah),
        ("Cabang", Office::Cabang),
    ];
    let rest = text.get(pos..)?;
    KEYWORDS.iter().find_map(|&(k, office)| {
        let after = rest.strip_prefix(k)?;
        after.starts_with([' ', '\u{a0}']).then_some((office, pos + k.len()))
    })
}

/// Generic words that follow a branch's city in its name ("Medan Kota",
/// "Jakarta Menara"): consumed into the office name, not the person's.
const BRANCH_SUFFIXES: &[&str] =
    &["Kota", "Utara", "Selatan", "Barat", "Timur", "Tengah", "Pusat", "Raya"];

/// The end of an office's place plus any generic branch suffix words.
fn branch_suffix_end(text: &str, mut end: usize) -> usize {
    for _ in 0..2 {
        match next_token(text, end) {
            Some(tok) if BRANCH_SUFFIXES.contains(&tok.text) => end = tok.end,
            _ => break,
        }
    }
    end
}

/// A parenthesised abbreviation of the title or office just read, such as
/// "(Wamenaker)" or "(Dirjen PHI dan Jamsos)", at `pos`: the offset after
/// its closing parenthesis. Only capitalised words, digits and connectors.
fn abbreviation_in_parentheses(text: &str, pos: usize) -> Option<usize> {
    if !text.get(pos..)?.starts_with('(') {
        return None;
    }
    let mut p = pos + 1;
    let mut words = 0;
    for _ in 0..8 {
        let tok = next_token(text, p)?;
        if tok.text == ")" {
            return (words > 0).then_some(tok.end);
        }
        let upper_or_digit =
            tok.text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if tok.is_word() && upper_or_digit {
            words += 1;
        } else if !is_connector(&tok) && tok.text != "-" {
            return None;
        }
        p = tok.end;
    }
    None
}

/// "… Cabang Batam Nagoya, Ferdinand Sembiring, …": one to three capitalised
/// words after a branch's place, then a comma, then a name. The words end the
/// branch's name; returns their end.
fn branch_area_before_comma(text: &str, pos: usize) -> Option<usize> {
    let mut p = pos;
    let mut end = None;
    for _ in 0..3 {
        let tok = next_token(text, p)?;
        if tok.text == "," {
            break;
        }
        if !(tok.is_word() && tok.is_capitalised()) {
            return None;
        }
        end = Some(tok.end);
        p = tok.end;
    }
    let end = end?;
    let comma = next_token(text, end)?;
    (comma.text == "," && name_after(text, comma.start).is_some()).then_some(end)
}

/// How far (bytes) around a branch mention its area is looked for.
const AREA_WINDOW: usize = 20_000;

/// "… Cabang Surabaya Darmo Anggit Prasetyo Adji mengatakan": a branch name
/// with an area word after its city, then the name, with no comma between.
/// The first one or two of the capitalised words after the city (starting at
/// `place_start`, read up to `pos`) are the area only when "<city> <area>"
/// appears elsewhere in `text` not followed by the rest, and two or three
/// words are left for the name. Word counts alone are no evidence: four-word
/// names are common ("Ni Made Ayu Lestari"). Returns the end of the area.
fn branch_area_before_name(text: &str, place_start: usize, pos: usize) -> Option<usize> {
    let mut words: Vec<Tok> = Vec::new();
    let mut p = pos;
    while words.len() < 6 {
        let Some(tok) = next_token(text, p) else { break };
        if !is_name_word(text, &tok) {
            break;
        }
        words.push(tok);
        if text[tok.end..].starts_with('.') {
            break;
        }
        p = tok.end;
    }
    let n = words.len();
    if !(3..=5).contains(&n) {
        return None;
    }
    // Bounded work: look within an article-sized window around the mention.
    let mut from = place_start.saturating_sub(AREA_WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (place_start + AREA_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let window = &text[from..to];
    let named_elsewhere = |k: usize| {
        let area = text.get(place_start..words[k - 1].end)?;
        let rest = text.get(words[k].start..words[n - 1].end)?;
        window
            .match_indices(area)
            .any(|(i, _)| {
                let after = &window[i + area.len()..];
                from + i != place_start
                    && !after.starts_with(char::is_alphanumeric)
                    && !after.trim_start().starts_with(rest)
            })
            .then_some(words[k - 1].end)
    };
    let fits = |k: usize| (2..=3).contains(&(n - k));
    (1..=2).filter(|&k| fits(k)).find_map(named_elsewhere)
}

/// Words that open the name of a body headed by a generic title ("Ketua
/// DPW Federasi Serikat Pekerja …", "Presiden Konfederasi …").
const BODY_HEADS: &[&str] = &[
    "Konfederasi",
    "Federasi",
    "Serikat",
    "Asosiasi",
    "Himpunan",
    "Persatuan",
    "Perkumpulan",
    "Ikatan",
    "Gabungan",
    "Forum",
    "Lembaga",
    "Yayasan",
    "Koperasi",
    "Kamar",
    "DPW",
    "DPC",
    "DPD",
    "DPP",
    "PW",
    "PC",
    "PD",
    "Pimpinan",
    "Pengurus",
    "Majelis",
    "Fraksi",
    "Partai",
    "Balai",
];

/// "Konfederasi Serikat Pekerja Nusantara, Andika …": a body's name after a
/// generic title, from a [`BODY_HEADS`] word over capitalised words,
/// acronyms, places and a parenthesised abbreviation up to the comma before
/// a name. Returns its range.
fn body_before_comma(text: &str, pos: usize) -> Option<(usize, usize)> {
    let first = next_token(text, pos)?;
    if !BODY_HEADS.contains(&first.text) {
        return None;
    }
    let mut end = first.end;
    for _ in 0..12 {
        let p = skip_spaces(text, end);
        let tok = next_token(text, p)?;
        if tok.text == "," {
            return name_after(text, tok.start).map(|_| (first.start, end));
        }
        if let Some(e) = abbreviation_in_parentheses(text, p) {
            end = e;
        } else if (tok.is_word()
            && (tok.is_capitalised() || tok.text.starts_with(char::is_numeric)))
            || matches!(tok.text, "dan" | "&" | "-")
        {
            end = tok.end;
        } else {
            return None;
        }
    }
    None
}

/// Lower-case qualifiers between an office and the name: "setempat" (local),
/// "daerah pemilihan <place>" / "dapil <place>". Returns the offset after.
fn qualifier_at(text: &str, pos: usize) -> Option<usize> {
    let tok = next_token(text, pos)?;
    match tok.text {
        "setempat" => Some(tok.end),
        "dapil" | "Dapil" => place_at(text, skip_spaces(text, tok.end), true, None).map(|h| h.end),
        "daerah" => {
            let next = next_token(text, tok.end)?;
            (next.text == "pemilihan")
                .then(|| place_at(text, skip_spaces(text, next.end), true, None).map(|h| h.end))
                .flatten()
        }
        _ => None,
    }
}

/// Something that ends a free unit: an organisation, "RI", an office keyword or a place.
fn is_separator(text: &str, pos: usize) -> bool {
    ORGS.org_at(text, pos).is_some()
        || country_at(text, pos).is_some()
        || office_keyword_at(text, pos).is_some()
        || place_at(text, pos, false, None).is_some()
}

/// The free unit after a title: everything up to the next separator if one
/// follows within a short run of capitalised words, else the leading words
/// from [`UNIT_WORDS`]. Returns the unit's byte range (if any) and the cursor.
fn unit_after(text: &str, cursor: usize) -> (Option<(usize, usize)>, usize) {
    let first = skip_spaces(text, cursor);
    let mut pos = first;
    let mut last_end: Option<usize> = None;
    let mut after_connector = false;
    for _ in 0..10 {
        let p = skip_spaces(text, pos);
        if is_separator(text, p) {
            if let (Some(end), false) = (last_end, after_connector) {
                return (Some((first, end)), end);
            }
            break;
        }
        let Some(tok) = next_token(text, p) else { break };
        if is_connector(&tok) && last_end.is_some() {
            after_connector = true;
        } else if tok.is_word()
            && tok.is_capitalised()
            && (!is_stopword(tok.text) || is_unit_word(&tok))
        {
            last_end = Some(tok.end);
            after_connector = false;
        } else {
            break;
        }
        pos = tok.end;
    }
    // No separator: take the leading unit words.
    let (mut pos, mut end) = (first, None);
    while let Some(tok) = next_token(text, pos) {
        let acronym = tok.is_all_caps()
            && ORGS.org_at(text, tok.start).is_none()
            && place_at(text, tok.start, false, None).is_none();
        if is_unit_word(&tok) || acronym {
            end = Some(tok.end);
            pos = tok.end;
        } else if is_connector(&tok) && end.is_some() && tok.text != "," {
            let next = next_token(text, tok.end);
            if !next.is_some_and(|n| is_unit_word(&n) || n.is_all_caps()) {
                break;
            }
            pos = tok.end;
        } else {
            break;
        }
    }
    match end {
        Some(e) => (Some((first, e)), e),
        None => (None, cursor),
    }
}

/// Most words of a name: four, or five when the name plainly ends there
/// (Balinese names: "I Gusti Ngurah Agung Wirawan", "Ni Luh Putu Sri
/// Widyastuti").
const MAX_NAME_WORDS: usize = 5;

/// Whether a name may end after `end`: punctuation or a lower-case word
/// follows, not more title-case words (a headline's run of capitals).
fn name_ends_at(text: &str, end: usize) -> bool {
    next_token(text, end).is_none_or(|t| !t.is_word() || !t.is_capitalised())
}

/// Up to [`MAX_NAME_WORDS`] capitalised words of a name starting at `pos`.
fn name_after(text: &str, pos: usize) -> Option<String> {
    let mut p = skip_spaces(text, pos);
    if text[p..].starts_with(',') {
        p = skip_spaces(text, p + 1);
    }
    while let Some(tok) = next_token(text, p) {
        if !is_honorific(tok.text) {
            break;
        }
        p = tok.end;
        if text[p..].starts_with('.') {
            p += 1;
        }
    }
    let mut words: Vec<&str> = Vec::new();
    while words.len() < MAX_NAME_WORDS {
        let Some(tok) = next_token(text, p) else { break };
        if words.len() == MAX_NAME_WORDS - 1 && !name_ends_at(text, tok.end) {
            break;
        }
        let particle = words.is_empty()
            && is_name_particle(tok.text)
            && next_token(text, tok.end).is_some_and(|n| is_name_word(text, &n));
        if !(particle || is_name_word(text, &tok)) || words.first() == Some(&tok.text) {
            break;
        }
        if text[tok.end..].starts_with('.') {
            if is_name_abbreviation(tok.text) {
                words.push(&text[tok.start..tok.end + 1]);
                p = tok.end + 1;
                continue;
            }
            words.push(tok.text);
            break;
        }
        words.push(tok.text);
        p = tok.end;
    }
    finish(words)
}

/// A capitalised word that is not an acronym, a stop word, or the start of an
/// organisation or place name.
fn is_name_word(text: &str, tok: &Tok) -> bool {
    tok.is_word()
        && tok.is_capitalised()
        && !tok.is_all_caps()
        && !is_stopword(tok.text)
        && !is_honorific(tok.text)
        && ORGS.org_at(text, tok.start).is_none()
        && place_at(text, tok.start, false, None).is_none()
}

fn finish(words: Vec<&str>) -> Option<String> {
    let name = words.join(" ");
    (name.chars().filter(|c| c.is_alphabetic()).count() >= 3).then_some(name)
}

/// "Muhyidin, Kepala …": up to [`MAX_NAME_WORDS`] capitalised words before a
/// comma before `start` — not the end of a place name ("Di Penajam Paser
/// Utara, Kepala Dinas …") and not words the article also writes in lower
/// case ("… Tak Terdaftar, Bupati Minta …" in a headline).
fn name_before(text: &str, start: usize, ctx: &ArticleContext) -> Option<String> {
    let comma = prev_token(text, start)?;
    if comma.text != "," {
        return None;
    }
    let mut words = Vec::new();
    let mut pos = comma.start;
    loop {
        let tok = prev_token(text, pos);
        match tok {
            Some(t) if is_name_word(text, &t) => {
                if words.len() == MAX_NAME_WORDS {
                    return None;
                }
                words.push(t.text);
                pos = t.start;
            }
            Some(t) if t.text == ":" => return None,
            Some(t) if t.is_word() && t.is_capitalised() => {
                // A capitalised word that is not a name word (a place):
                // "Penajam Paser Utara" must not give "Paser Utara".
                let place_end = place_at(text, t.start, true, None).map(|h| h.end);
                if place_end.is_some_and(|e| e >= pos) {
                    return None;
                }
                break;
            }
            _ => break,
        }
    }
    if words.iter().any(|w| ctx.is_common(w)) {
        return None;
    }
    words.reverse();
    finish(words)
}

/// Everything read after one title.
#[derive(Default)]
struct Reading {
    unit: Option<(usize, usize)>,
    field: Option<(usize, usize, &'static str)>,
    org: Option<&'static str>,
    place: Option<(usize, PlaceHit)>,
    office: Option<(Office, usize, usize)>,
    /// An unknown ALL-CAPS body after bare "Kepala" ("Kepala BPJN NTB").
    acronym: Option<(usize, usize)>,
    /// A union's or association's name after a generic title.
    body: Option<(usize, usize)>,
}

/// ALL-CAPS words after "Kepala" that are not a government body.
const NOT_A_BODY: &[&str] = &["SD", "SMP", "SMA", "SMK", "TK", "RT", "RW", "PT", "CV", "UD"];

/// An ALL-CAPS acronym at `pos` that is not a known organisation, place or
/// "RI": the range of the unknown body it names.
fn unknown_acronym_at(text: &str, pos: usize) -> Option<(usize, usize)> {
    let tok = next_token(text, pos)?;
    let body = tok.is_word()
        && tok.is_all_caps()
        && !NOT_A_BODY.contains(&tok.text)
        && ORGS.org_at(text, tok.start).is_none()
        && country_at(text, tok.start).is_none()
        && place_at(text, tok.start, false, None).is_none();
    body.then_some((tok.start, tok.end))
}

/// The official named by the title match `caps`, if a name goes with it.
pub(crate) fn read(text: &str, caps: &Captures, ctx: &ArticleContext) -> Option<Official> {
    let title = caps.name("title")?;
    let prefix = caps.name("pre");
    let start = prefix.map_or(title.start(), |p| p.start());
    if prev_token(text, start).is_some_and(|t| NOT_A_PERSON_BEFORE.contains(&t.text)) {
        return None;
    }
    let def = TITLES.get(title.as_str())?;
    let mut r = Reading::default();
    let mut cursor = title.end();

    match def.kind {
        Kind::Minister { coordinator } => {
            let p = skip_spaces(text, cursor);
            let hit =
                if coordinator { ORGS.coordinator_at(text, p) } else { ORGS.ministry_at(text, p) };
            if let Some(h) = hit {
                r.field = Some((p, h.end, h.canonical));
                cursor = h.end;
            } else {
                (r.unit, cursor) = unit_after(text, cursor);
            }
        }
        Kind::Generic { .. } => match body_before_comma(text, skip_spaces(text, cursor)) {
            Some((s, e)) => {
                r.body = Some((s, e));
                cursor = e;
            }
            None => (r.unit, cursor) = unit_after(text, cursor),
        },
        Kind::Unit => (r.unit, cursor) = unit_after(text, cursor),
        Kind::Head => match body_before_comma(text, skip_spaces(text, cursor)) {
            // "Kepala Balai Pelayanan … (BP3MI) NTB, Baiq …"
            Some((s, e)) => {
                r.body = Some((s, e));
                cursor = e;
            }
            None => {
                r.acronym = unknown_acronym_at(text, skip_spaces(text, cursor));
                cursor = r.acronym.map_or(cursor, |(_, e)| e);
            }
        },
        _ => {}
    }

    let implied = match def.kind {
        Kind::Regent => Some(Prefix::Kabupaten),
        Kind::Mayor => Some(Prefix::Kota),
        Kind::Governor => Some(Prefix::Provinsi),
        _ => None,
    };
    let place_titles = matches!(
        def.kind,
        Kind::Regent | Kind::Mayor | Kind::Governor | Kind::Office(_) | Kind::LocalAgency(_)
    ) || matches!(def.role, "Camat" | "Lurah" | "Kepala Desa");
    for _ in 0..8 {
        let p = skip_spaces(text, cursor);
        if let Some(h) = ORGS.org_at(text, p) {
            r.org.get_or_insert(h.canonical);
            cursor = h.end;
        } else if let Some(end) = country_at(text, p) {
            cursor = end;
        } else if let Some((office, after)) = office_keyword_at(text, p) {
            let q = skip_spaces(text, after);
            let Some(hit) = place_at(text, q, true, None) else { break };
            let end = branch_suffix_end(text, hit.end);
            r.office.get_or_insert((office, q, end));
            cursor = end;
            r.place.get_or_insert((p, hit));
        } else if let Some(end) = qualifier_at(text, p) {
            cursor = end;
        } else if let Some(hit) =
            place_at(text, p, (place_titles || r.org.is_some()) && r.place.is_none(), implied)
        {
            cursor = hit.end;
            if matches!(def.kind, Kind::Office(Office::Cabang | Office::Perintis))
                && r.place.is_none()
            {
                let end = branch_suffix_end(text, hit.end);
                r.office.get_or_insert((Office::Cabang, p, end));
                cursor = end;
            }
            r.place.get_or_insert((p, hit));
        } else if let Some(end) = abbreviation_in_parentheses(text, p) {
            cursor = end;
        } else {
            break;
        }
    }
    if let Some((office, s, e)) = r.office
        && e == cursor
    {
        let area = branch_area_before_comma(text, e).or_else(|| match office {
            Office::Cabang | Office::Perintis => branch_area_before_name(text, s, e),
            _ => None,
        });
        if let Some(end) = area {
            r.office = Some((office, s, end));
            cursor = end;
        }
    }

    let name = name_after(text, cursor).or_else(|| name_before(text, start, ctx))?;
    let org = r.org.and_then(|o| match o {
        BARE_BPJS if ctx.bpjs_kesehatan => None,
        BARE_BPJS => Some(BPJS_TK.to_string()),
        "DPRD" => Some(match r.place.as_ref().and_then(|(_, h)| h.province.as_ref()) {
            Some(p) if r.place.as_ref().is_some_and(|(_, h)| h.city.is_none()) => {
                format!("DPRD {}", p.name)
            }
            _ => "DPRD".to_string(),
        }),
        o => Some(o.to_string()),
    });
    let provincial = r
        .place
        .as_ref()
        .filter(|(_, h)| h.city.is_none())
        .and_then(|(_, h)| h.province.as_ref())
        .map(|p| format!("Pemprov {}", p.name));
    let unit = r.unit.map(|(s, e)| text[s..e].trim());
    let with_unit = |role: &str| match unit {
        Some(u) if !u.is_empty() => format!("{role} {u}"),
        _ => role.to_string(),
    };
    let place_text = |(s, hit): &(usize, PlaceHit)| {
        let from = if hit.prefix == Some(Prefix::Provinsi) { hit.bare_start } else { *s };
        text[from..hit.end].to_string()
    };
    let org = org.or_else(|| r.body.map(|(s, e)| text[s..e].to_string())).or_else(|| {
        let (s, e) = r.acronym?;
        let place = r.place.as_ref().filter(|(p, _)| *p == skip_spaces(text, e));
        Some(match place {
            Some(pl) => format!("{} {}", &text[s..e], place_text(pl)),
            None => text[s..e].to_string(),
        })
    });

    let (role, organization) = match def.kind {
        Kind::Unit => (with_unit(def.role), org),
        Kind::Generic { anchored } => {
            if anchored && org.is_none() && r.place.is_none() {
                return None;
            }
            let org = match def.role {
                "Sekretaris Daerah" => org.or(provincial),
                _ => org,
            };
            (with_unit(def.role), org)
        }
        Kind::Minister { .. } => match r.field {
            Some((s, e, canonical)) => {
                (format!("{} {}", def.role, &text[s..e]), Some(canonical.to_string()))
            }
            None => (with_unit(def.role), org),
        },
        Kind::Fixed(o) => (def.role.to_string(), Some(o.to_string())),
        Kind::Office(_) | Kind::Head => {
            let level = match (def.kind, r.office) {
                (_, Some((o, ..))) => Some(o),
                (Kind::Office(Office::Any), None) => None,
                (Kind::Office(o), None) => Some(o),
                _ => None,
            };
            if def.kind == Kind::Head && org.is_none() && r.place.is_none() && r.body.is_none() {
                return None;
            }
            let base = match (def.kind, level) {
                (Kind::Office(o), _) if o != Office::Any => def.role,
                (_, Some(Office::Wilayah)) => "Kepala Kantor Wilayah",
                (_, Some(Office::Cabang)) => "Kepala Kantor Cabang",
                (_, Some(Office::Perintis)) => "Kepala Kantor Cabang Perintis",
                _ => def.role,
            };
            let office_place = match r.office {
                Some((_, s, e)) => Some(text[s..e].to_string()),
                None if def.kind != Kind::Head || level.is_some() => {
                    r.place.as_ref().map(place_text)
                }
                None => None,
            };
            match office_place {
                Some(pl) => (format!("{base} {pl}"), org),
                None => (base.to_string(), org),
            }
        }
        Kind::Governor => (def.role.to_string(), provincial.or(org)),
        Kind::Regent | Kind::Mayor => {
            let head = if def.kind == Kind::Regent { "Pemkab" } else { "Pemkot" };
            let city = r.place.as_ref().and_then(|(_, h)| h.city.as_ref());
            (def.role.to_string(), city.map(|c| format!("{head} {}", c.name)).or(org))
        }
        Kind::LocalAgency(agency) => {
            let o = r.place.as_ref().map(|pl| format!("{agency} {}", place_text(pl)));
            (def.role.to_string(), o.or(org).or_else(|| Some(agency.to_string())))
        }
    };
    let role = match prefix.and_then(|p| TITLES.prefix(p.as_str())) {
        Some(p) => format!("{p} {role}"),
        None => role,
    };
    Some(Official { name, role: Some(role), organization, as_printed: None })
}
