//! Bodies named after a generic title: a union's, association's or
//! company's name up to the comma before the person ("Ketua DPC Serikat
//! Pekerja Logam (SPL) Cilegon, …", "Direktur Utama PT Sinar Maju, …"), and
//! an unknown ALL-CAPS body after bare "Kepala" ("Kepala BPJN NTB").

use super::mention::{abbreviation_in_parentheses, country_at};
use super::names::next_token;
use super::names::skip_spaces;
use super::organizations::ORGS;
use super::person::name_after;
use crate::extract::region::place_at;

/// Words that open the name of a body headed by a generic title ("Ketua
/// DPW Federasi Serikat Pekerja …", "Presiden Konfederasi …").
const BODY_HEADS: &[&str] = &[
    "PT",
    "CV",
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
pub(super) fn body_before_comma(text: &str, pos: usize) -> Option<(usize, usize)> {
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

/// ALL-CAPS words after "Kepala" that are not a government body.
const NOT_A_BODY: &[&str] = &["SD", "SMP", "SMA", "SMK", "TK", "RT", "RW", "PT", "CV", "UD"];

/// An ALL-CAPS acronym at `pos` that is not a known organisation, place or
/// "RI": the range of the unknown body it names.
pub(super) fn unknown_acronym_at(text: &str, pos: usize) -> Option<(usize, usize)> {
    let tok = next_token(text, pos)?;
    let body = tok.is_word()
        && tok.is_all_caps()
        && !NOT_A_BODY.contains(&tok.text)
        && ORGS.org_at(text, tok.start).is_none()
        && country_at(text, tok.start).is_none()
        && place_at(text, tok.start, false, None).is_none();
    body.then_some((tok.start, tok.end))
}

#[cfg(test)]
mod tests {
    use crate::extract::official::testing::{o, off, one};

    #[test]
    fn union_and_association_heads_with_their_body() {
        let got =
            one("Presiden Konfederasi Serikat Buruh Sejahtera, Rudi Hartono Sitompul, menolak.");
        assert_eq!(
            got,
            (
                "Rudi Hartono Sitompul".into(),
                "Presiden".into(),
                o("Konfederasi Serikat Buruh Sejahtera")
            )
        );
        let got = one("Ketua DPC Serikat Pekerja Logam (SPL) Cilegon, Dedi Mulyadi, hadir.");
        assert_eq!(got.0, "Dedi Mulyadi");
        assert_eq!(got.2, o("DPC Serikat Pekerja Logam (SPL) Cilegon"));
        let got = one("Kepala Balai Besar Pelatihan Vokasi (BBPVP) Medan, Sri Wahyuni, berkata.");
        assert_eq!(got.0, "Sri Wahyuni");
    }

    #[test]
    fn unknown_acronyms_after_kepala_are_the_body() {
        let got = one("kata Kepala BPJN NTB Wayan Sukerta Adi usai rapat.");
        assert_eq!(got, ("Wayan Sukerta Adi".into(), "Kepala".into(), o("BPJN NTB")));
        assert_eq!(one("Kepala BNPB Letjen Hendra Gunawan hadir.").2, o("BNPB"));
        assert!(off("Kepala SMA Budi Luhur hadir.").is_empty());
    }
}
