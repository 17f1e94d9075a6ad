//! Reading one title mention: the unit after the title ("Direktur
//! *Kepesertaan*"), the organisation and place that follow it, then the
//! person's name (after an optional comma and honorifics), or — when no name
//! follows — a name just before it ("Muhyidin, Kepala Kantor Wilayah …").

use std::cell::OnceCell;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::agency::{agency_at, field_end, implied_prefix};
use super::body::{body_before_comma, unknown_acronym_at};
use super::names::{Tok, is_stopword, next_token, prev_token, skip_spaces, with_lowercase};
use super::office::{
    branch_area_before_comma, branch_area_before_name, branch_suffix_end, office_keyword_at,
    place_list_end,
};
use super::organizations::{BARE_BPJS, BPJS_TK, ORGS};
use super::person::{is_numeral, name_before, name_span_after, without_area_word};
use super::titles::{Kind, NOT_A_PERSON_BEFORE, Office, TITLES, TitleHit};
use crate::extract::article::Official;
use crate::extract::region::{PlaceHit, Prefix, place_at};
use crate::fxhash::FxBuildHasher;

/// Facts about the whole article that a mention needs.
pub(crate) struct ArticleContext<'a> {
    /// The article's text.
    pub text: &'a str,
    /// Whether the article names BPJS Kesehatan: searched for on the first
    /// bare "BPJS" after a title, not in every article.
    bpjs_kesehatan: OnceCell<bool>,
}

impl<'a> ArticleContext<'a> {
    pub(crate) fn new(text: &'a str) -> ArticleContext<'a> {
        ArticleContext { text, bpjs_kesehatan: OnceCell::new() }
    }

    /// Whether the article names BPJS Kesehatan, so bare "BPJS" is ambiguous.
    pub(super) fn names_bpjs_kesehatan(&self) -> bool {
        *self.bpjs_kesehatan.get_or_init(|| BPJS_KESEHATAN.is_match(self.text))
    }

    /// Whether `word` is also written in lower case somewhere in the article
    /// ("terdaftar"): a common word, not a name, when a title-case headline
    /// capitalises it. Searched only when asked (rarely: a name before a
    /// comma), not prepared for every article.
    pub(super) fn is_common(&self, word: &str) -> bool {
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

static UNIT_SET: LazyLock<HashSet<&'static str, FxBuildHasher>> =
    LazyLock::new(|| UNIT_WORDS.split_whitespace().collect());

/// "BPJS Kesehatan" anywhere in the article makes bare "BPJS" ambiguous.
static BPJS_KESEHATAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bBPJS[\s-]+Kesehatan\b").unwrap());

const CONNECTORS: &[&str] = &["dan", "&", ",", "/", "serta"];

/// The unit words, for the typo lexicon.
pub(super) fn unit_words() -> impl Iterator<Item = String> {
    UNIT_WORDS.split_whitespace().map(str::to_string)
}

fn is_unit_word(tok: &Tok) -> bool {
    tok.is_capitalised() && with_lowercase(tok.text, |w| UNIT_SET.contains(w))
}

fn is_connector(tok: &Tok) -> bool {
    CONNECTORS.contains(&tok.text)
}

/// "RI" or "Republik Indonesia" at `pos`: the offset after it.
pub(super) fn country_at(text: &str, pos: usize) -> Option<usize> {
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

/// A parenthesised abbreviation of the title or office just read, such as
/// "(Wamenaker)" or "(Dirjen PHI dan Jamsos)", at `pos`: the offset after
/// its closing parenthesis. Only capitalised words, digits and connectors.
pub(super) fn abbreviation_in_parentheses(text: &str, pos: usize) -> Option<usize> {
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
        || agency_at(text, pos).is_some()
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
        if is_unit_word(&tok) || acronym || is_numeral(text, &tok) {
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
    // Unit words that are an organisation's whole name ("Dewan Jaminan
    // Sosial Nasional") are the organisation, read after.
    let whole_org = |e: usize| ORGS.org_at(text, first).is_some_and(|h| h.end == e);
    match end {
        Some(e) if !whole_org(e) => (Some((first, e)), e),
        _ => (None, cursor),
    }
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
    /// A regional agency after the title ("Dinas Pendidikan", "Setda").
    agency: Option<(usize, usize)>,
    /// An unknown acronym after the organisation: a place's short form ("DPRD TTS").
    short_place: Option<(usize, usize)>,
    /// "… yaitu A dan B": the title goes with a list of names.
    list: bool,
}

/// Whether the line around `at` is a short one written in title case (a
/// headline, a list of links): three quarters of its words capitalised.
fn title_case_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    if end - start > 300 {
        return false;
    }
    let words = text[start..end].split_whitespace().filter(|w| w.starts_with(char::is_alphabetic));
    let (mut n, mut caps) = (0, 0);
    for w in words {
        n += 1;
        caps += usize::from(w.starts_with(char::is_uppercase));
    }
    n >= 3 && caps * 4 >= n * 3
}

/// "Kantor" between a title and an organisation ("Kepala Cabang Kantor
/// BPJamsostek Palembang"): the offset after it.
fn stray_kantor(text: &str, pos: usize) -> Option<usize> {
    let tok = next_token(text, pos)?;
    let org = ORGS.org_at(text, skip_spaces(text, tok.end));
    (tok.start == pos && tok.text == "Kantor" && org.is_some()).then_some(tok.end)
}

/// More names of a list after the first ("yaitu A, B dan C").
fn list_after(text: &str, mut end: usize) -> Vec<String> {
    let mut names = Vec::new();
    while names.len() < 6 {
        let Some(tok) = next_token(text, end) else { break };
        let mut p = tok.end;
        match tok.text {
            "dan" | "serta" => {}
            "," => {
                if let Some(t) = next_token(text, p).filter(|t| t.text == "dan") {
                    p = t.end;
                }
            }
            _ => break,
        }
        let Some((name, e)) = name_span_after(text, p) else { break };
        names.push(name);
        end = e;
    }
    names
}

/// The officials named by the title match `hit`: one, or everyone of a
/// list after "yaitu"/"yakni" ("dua Anggota DJSN yaitu A dan B").
pub(crate) fn read(text: &str, hit: &TitleHit, ctx: &ArticleContext) -> Vec<Official> {
    let Some((first, others)) = read_one(text, hit, ctx) else { return Vec::new() };
    let mut out = Vec::with_capacity(1 + others.len());
    for name in others {
        out.push(Official { name, ..first.clone() });
    }
    out.insert(0, first);
    out
}

/// The official named by the title match `hit`, if a name goes with it,
/// and the further names of a list.
fn read_one(text: &str, hit: &TitleHit, ctx: &ArticleContext) -> Option<(Official, Vec<String>)> {
    let title = &text[hit.title.0..hit.title.1];
    let prefix = hit.pre.map(|(s, e)| &text[s..e]);
    let start = hit.pre.map_or(hit.title.0, |p| p.0);
    if prev_token(text, start).is_some_and(|t| NOT_A_PERSON_BEFORE.contains(&t.text)) {
        return None;
    }
    let def = TITLES.get(title)?;
    let mut r = Reading::default();
    let mut cursor = hit.title.1;

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
        Kind::Unit => {
            // "Direktur Utama PT Maju Bersama, Rina …": the company's name
            // runs to the comma; without one, it cannot be told from the name.
            let p = skip_spaces(text, cursor);
            if next_token(text, p).is_some_and(|t| matches!(t.text, "PT" | "CV")) {
                let (s, e) = body_before_comma(text, p)?;
                r.body = Some((s, e));
                cursor = e;
            } else {
                (r.unit, cursor) = unit_after(text, cursor);
            }
        }
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
        // "Kepala Dinas Tenaga Kerja dan Perindustrian (Disnakerin) …".
        Kind::LocalAgency(_) => cursor = field_end(text, cursor),
        _ => {}
    }
    if def.role == "Kepala Dinas" {
        // The title holds "Dinas": its field words follow.
        let end = field_end(text, cursor);
        if end > cursor {
            r.agency = Some((skip_spaces(text, cursor), end));
            cursor = end;
        }
    } else if r.body.is_none()
        && r.acronym.is_none()
        && matches!(def.kind, Kind::Head | Kind::Unit | Kind::Generic { .. })
        && let Some((s, e)) = agency_at(text, skip_spaces(text, cursor))
    {
        r.agency = Some((s, e));
        cursor = e;
    }

    let implied = match def.kind {
        Kind::Regent => Some(Prefix::Kabupaten),
        Kind::Mayor => Some(Prefix::Kota),
        Kind::Governor => Some(Prefix::Provinsi),
        _ => r.agency.and_then(|(s, e)| implied_prefix(&text[s..e])),
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
            let end = branch_suffix_end(text, place_list_end(text, hit.end));
            r.office.get_or_insert((office, q, end));
            cursor = end;
            r.place.get_or_insert((p, hit));
        } else if let Some(end) = qualifier_at(text, p) {
            cursor = end;
        } else if let Some(hit) = place_at(
            text,
            p,
            (place_titles || r.org.is_some() || r.agency.is_some()) && r.place.is_none(),
            implied,
        ) {
            cursor = place_list_end(text, hit.end);
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
        } else if let Some(end) = stray_kantor(text, p) {
            cursor = end;
        } else if (r.org.is_some() || r.agency.is_some())
            && r.place.is_none()
            && r.short_place.is_none()
            && let Some((s, e)) = unknown_acronym_at(text, p)
        {
            r.short_place = Some((s, e));
            cursor = e;
        } else {
            break;
        }
    }
    if let Some(tok) = next_token(text, cursor)
        && matches!(tok.text, "yaitu" | "yakni")
    {
        r.list = true;
        cursor = tok.end;
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

    let after = name_span_after(text, cursor);
    let mut others = Vec::new();
    let name = match after {
        Some((name, end)) => {
            if r.list {
                others = list_after(text, end);
            }
            // A headline's title-case words ("Tangkap Pelaku Pencurian"):
            // words the article also writes in lower case. One such word may
            // be a name's ("Hari"); when a capitalised run goes on after the
            // name, or most of its words are such, it is no name.
            // (Asked only on a title-case line: it reads the whole article.)
            if title_case_line(text, end) {
                let words: Vec<&str> = name.split(' ').collect();
                let common = words.iter().filter(|w| ctx.is_common(w)).count();
                let run_goes_on = next_token(text, end).is_some_and(|t| t.is_capitalised());
                if (run_goes_on && common > 0) || (common >= 2 && 2 * common >= words.len()) {
                    return None;
                }
            }
            // Straight after an office's place: perhaps an area word first.
            let at = skip_spaces(text, cursor);
            let direct = r.office.is_some_and(|(_, _, e)| e == cursor)
                && text[at..].starts_with(name.split(' ').next().unwrap_or_default());
            if direct { without_area_word(text, name, at) } else { name }
        }
        None => name_before(text, start, ctx)?,
    };
    let org = r.org.and_then(|o| match o {
        BARE_BPJS if ctx.names_bpjs_kesehatan() => None,
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
    let agency = r.agency.map(|(s, e)| {
        let head = if def.role == "Kepala Dinas" { "Dinas " } else { "" };
        let place = r
            .place
            .as_ref()
            .map(place_text)
            .or_else(|| r.short_place.map(|(s, e)| text[s..e].to_string()));
        match place {
            Some(pl) => format!("{head}{} {pl}", &text[s..e]),
            None => format!("{head}{}", &text[s..e]),
        }
    });
    let org =
        org.or(agency).or_else(|| r.body.map(|(s, e)| text[s..e].to_string())).or_else(|| {
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
    let role = match prefix.and_then(|p| TITLES.prefix(p)) {
        Some(p) => format!("{p} {role}"),
        None => role,
    };
    Some((Official { name, role: Some(role), organization, as_printed: None }, others))
}
