//! Regional agencies named after a title: "Kepala *Dinas Tenaga Kerja dan
//! Perindustrian (Disnakerin)* Kota Tegal", "Sekretaris *Dinas Pendidikan dan
//! Kebudayaan* Provinsi Banten", "Asisten I *Setda* TTU", "Kepala
//! *Disperinaker* Surabaya". An agency's name is a head word ("Dinas",
//! "Badan", "Setda", "Pemkot" …) or a one-word agency acronym ("Dis…",
//! "Din…"), then words of an agency's field (derived nouns such as
//! "Pendidikan", "Kebudayaan", "Perindustrian", or a short list of others),
//! joined by "dan"/"&", with an optional abbreviation in parentheses. A
//! person's name is never a field word, so the name after it is left alone.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::names::{Tok, next_token, skip_spaces, with_lowercase};
use crate::extract::region::Prefix;
use crate::fxhash::FxBuildHasher;

/// Words that open an agency's name.
const HEADS: &[&str] = &[
    "Dinas",
    "Badan",
    "Sekretariat",
    "Inspektorat",
    "Biro",
    "Bagian",
    "Satuan",
    "UPT",
    "UPTD",
    "Setda",
    "Setdakab",
    "Setdakot",
    "Setdaprov",
    "Pemkot",
    "Pemkab",
    "Pemprov",
    "Pemda",
];

/// Field words that are not derived nouns (lowercase, whitespace-separated).
const FIELD_WORDS: &str = "\
    tenaga kerja transmigrasi sosial umum daerah koperasi usaha kecil menengah mikro industri \
    pemuda olahraga lingkungan hidup pangan catatan sipil masyarakat desa perempuan anak \
    keluarga berencana modal terpadu satu pintu tata ruang rakyat informatika statistik \
    energi sumber daya mineral arsip naker nakertrans disnaker pariwisata budaya \
    penanggulangan bencana pelaksana harian sekretariat";

/// The field word set.
fn is_field_word(tok: &Tok) -> bool {
    if !tok.is_word() || !tok.is_capitalised() || tok.is_all_caps() {
        return false;
    }
    with_lowercase(tok.text, |lower| {
        // Derived nouns: pe(N)-/per-/ke- … -an ("Pendidikan", "Kebudayaan").
        let derived = lower.chars().count() >= 8
            && (lower.starts_with("pe") || lower.starts_with("ke"))
            && lower.ends_with("an");
        derived || FIELD_SET.contains(lower)
    })
}

static FIELD_SET: LazyLock<HashSet<&'static str, FxBuildHasher>> =
    LazyLock::new(|| FIELD_WORDS.split_whitespace().collect());

/// A one-word agency acronym written as a word ("Disperinaker", "Dinkes",
/// "Disnakertrans", "Bappeda").
fn is_agency_word(word: &str) -> bool {
    let rest = word.strip_prefix("Dis").or_else(|| word.strip_prefix("Din"));
    // "Dis"/"Din" and a consonant: "Disnaker", "Dinkes", not "Dinasti".
    let dinas = rest.is_some_and(|r| {
        r.len() >= 3
            && r.chars().all(|c| c.is_ascii_lowercase())
            && r.starts_with(|c: char| !"aeiou".contains(c))
    });
    dinas || matches!(word, "Bappeda" | "Bapenda" | "Bappenda" | "Bapelitbang")
}

/// The place kind a local-government head word implies ("Pemkot" → a city).
pub(super) fn implied_prefix(agency: &str) -> Option<Prefix> {
    match agency.split_whitespace().next()? {
        "Pemkot" | "Setdakot" => Some(Prefix::Kota),
        "Pemkab" | "Setdakab" => Some(Prefix::Kabupaten),
        "Pemprov" | "Setdaprov" => Some(Prefix::Provinsi),
        _ => None,
    }
}

/// The end of an agency's field words after `pos` ("Tenaga Kerja dan
/// Perindustrian (Disnakerin)"): field words, "dan"/"&"/"serta" between
/// them, a parenthesised abbreviation. `pos` itself when none follow.
pub(super) fn field_end(text: &str, pos: usize) -> usize {
    let mut end = pos;
    for _ in 0..16 {
        let p = skip_spaces(text, end);
        let Some(tok) = next_token(text, p) else { break };
        let joined = matches!(tok.text, "dan" | "&" | "serta")
            && next_token(text, tok.end).is_some_and(|n| is_field_word(&n));
        if is_field_word(&tok) || joined {
            end = tok.end;
        } else if tok.text == "(" {
            match abbreviation_end(text, p) {
                Some(e) => end = e,
                None => break,
            }
        } else {
            break;
        }
    }
    end
}

/// "(Disnakerin)", "(Setda)", "(BPKAD)": one word in parentheses.
fn abbreviation_end(text: &str, pos: usize) -> Option<usize> {
    let open = next_token(text, pos)?;
    let word = next_token(text, open.end)?;
    let close = next_token(text, word.end)?;
    (open.text == "(" && word.is_capitalised() && close.text == ")").then_some(close.end)
}

/// An agency's name starting at `pos`: its range.
pub(super) fn agency_at(text: &str, pos: usize) -> Option<(usize, usize)> {
    let tok = next_token(text, pos)?;
    if tok.start != pos {
        return None;
    }
    if is_agency_word(tok.text) {
        return Some((tok.start, field_end(text, tok.end).max(tok.end)));
    }
    if HEADS.contains(&tok.text) {
        return Some((tok.start, field_end(text, tok.end)));
    }
    // "Sekretariat Daerah" is read whole by the head word above.
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::official::testing::{o, one};

    #[test]
    fn regional_agencies_with_their_field_and_place() {
        let got =
            one("ditemani Kepala Dinas Tenaga Kerja dan Perindustrian (Disnakerin) Kota Tegal R \
             Budi Hartanto\n\nIni kata dia.");
        assert_eq!(got.0, "R Budi Hartanto");
        let got =
            one("Hadir Kepala Dinas Ketenagakerjaan dan Transmigrasi Provinsi Bengkulu, Yusman, \
             menyampaikan itu.");
        assert_eq!(got.0, "Yusman");
        let got =
            one("kata Sekretaris Dinas Pendidikan dan Kebudayaan Provinsi Banten Rudi Hermawan \
             disela acara.");
        assert_eq!(got.0, "Rudi Hermawan");
        assert_eq!(got.2, o("Dinas Pendidikan dan Kebudayaan Banten"));
        assert_eq!(one("Kepala Disperinaker Surabaya, Andi Wijaya mengatakan.").0, "Andi Wijaya");
        let got = one("hadir Kepala Dinas Nakertrans TTU, Petrus Naif, dan warga.");
        assert_eq!(got.0, "Petrus Naif");
        assert_eq!(got.2, o("Dinas Nakertrans TTU"));
    }

    fn agency(text: &str) -> Option<&str> {
        agency_at(text, 0).map(|(s, e)| &text[s..e])
    }

    #[test]
    fn agency_names_end_before_the_place_or_the_name() {
        assert_eq!(
            agency("Dinas Tenaga Kerja dan Perindustrian (Disnakerin) Kota Tegal Ratna Sari"),
            Some("Dinas Tenaga Kerja dan Perindustrian (Disnakerin)")
        );
        assert_eq!(
            agency("Dinas Pendidikan dan Kebudayaan Provinsi Banten Yusuf Hakim"),
            Some("Dinas Pendidikan dan Kebudayaan")
        );
        assert_eq!(agency("Disperinaker Surabaya, Rudi"), Some("Disperinaker"));
        assert_eq!(agency("Setda TTU, Maria Luan"), Some("Setda"));
        assert_eq!(
            agency("Sekretariat Daerah (Setda) Lombok Timur"),
            Some("Sekretariat Daerah (Setda)")
        );
        assert_eq!(agency("Pemkot Metro M. Yusuf"), Some("Pemkot"));
        assert_eq!(agency("Dinas Kesehatan Budi Santoso"), Some("Dinas Kesehatan"));
        assert_eq!(agency("Dinas dan Budi"), Some("Dinas"));
        assert_eq!(agency("Dinasti Budi"), None);
        assert_eq!(agency("Budi Santoso"), None);
        assert_eq!(agency(""), None);
        assert_eq!(implied_prefix("Pemkot"), Some(Prefix::Kota));
    }
}
