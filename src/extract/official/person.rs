//! The person's name around a title: up to five capitalised words after it
//! (honorifics and degrees skipped), or before it when none follows
//! ("Muhyidin, Kepala Kantor Wilayah …", "Abidin selaku Kepala Bidang …").

use super::mention::ArticleContext;
use super::names::{
    Tok, is_honorific, is_name_abbreviation, is_name_particle, is_stopword, next_token, prev_token,
    skip_spaces,
};
use super::organizations::ORGS;
use crate::extract::region::place_at;

/// Most words of a name: four, or five when the name plainly ends there
/// (Balinese names: "I Gusti Ngurah Agung Wirawan", "Ni Luh Putu Sri
/// Widyastuti").
pub(super) const MAX_NAME_WORDS: usize = 5;

/// Whether a name may end after `end`: punctuation or a lower-case word
/// follows, not more title-case words (a headline's run of capitals).
pub(super) fn name_ends_at(text: &str, end: usize) -> bool {
    next_token(text, end).is_none_or(|t| !t.is_word() || !t.is_capitalised())
}

/// Words of a place name's tail that never open a person's name ("Utara"
/// left over from "Jakarta Utara").
const DIRECTIONS: &[&str] =
    &["Utara", "Selatan", "Barat", "Timur", "Tengah", "Tenggara", "Daya", "Laut", "Raya"];

/// Roman numerals that number a unit ("Asisten II", "Komisi IX"), never a name.
const NUMERALS: &[&str] = &["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/// Balinese birth-order and caste names after the particle "I" ("I Made
/// Sudarta") or "Ni" ("Ni Luh Ayu"): "I" alone before another word is a
/// numeral ("Asisten I Setda").
const BALINESE: &[&str] = &[
    "Made", "Wayan", "Gede", "Putu", "Nyoman", "Ketut", "Komang", "Kadek", "Gusti", "Dewa",
    "Nengah", "Ngurah", "Luh", "Kade", "Ida", "Agung", "Gst", "Dw", "Md", "Kt", "Nym", "Wy",
];

/// Whether a word is a roman numeral that numbers a unit ("I" only where no
/// Balinese name follows it).
pub(super) fn is_numeral(text: &str, tok: &Tok) -> bool {
    NUMERALS.contains(&tok.text)
        || (tok.text == "I"
            && !next_token(text, tok.end).is_some_and(|n| BALINESE.contains(&n.text)))
}

/// Up to [`MAX_NAME_WORDS`] capitalised words of a name starting at `pos`.
pub(super) fn name_after(text: &str, pos: usize) -> Option<String> {
    name_span_after(text, pos).map(|(n, _)| n)
}

/// [`name_after`] with the offset after the name.
pub(super) fn name_span_after(text: &str, pos: usize) -> Option<(String, usize)> {
    let mut p = skip_spaces(text, pos);
    if text[p..].starts_with(',') {
        p = skip_spaces(text, p + 1);
    }
    // Emphasis marks some pages put before a name ("*Muhyidin").
    while text[p..].starts_with('*') {
        p += 1;
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
        // Initials written in capitals inside a name ("Michler CS Lakat").
        let initials = !words.is_empty()
            && tok.text.len() <= 3
            && tok.text.chars().all(|c| c.is_ascii_uppercase())
            && !is_stopword(tok.text)
            && ORGS.org_at(text, tok.start).is_none()
            && place_at(text, tok.start, true, None).is_none()
            && next_token(text, tok.end).is_some_and(|n| is_name_word(text, &n));
        if !(particle || initials || is_name_word(text, &tok)) || words.first() == Some(&tok.text) {
            break;
        }
        if words.is_empty() && is_numeral(text, &tok) {
            return None;
        }
        // A page cut in the middle of a word ("… Kota Mana"): not a name.
        if text[tok.end..].trim().is_empty() {
            break;
        }
        if text[tok.end..].starts_with('.') {
            if is_name_abbreviation(tok.text) {
                words.push(&text[tok.start..tok.end + 1]);
                p = tok.end + 1;
                continue;
            }
            words.push(tok.text);
            p = tok.end;
            // "Frans.C. Sitanggang": an initial glued on by a dot.
            if text[tok.end + 1..].starts_with(|c: char| c.is_uppercase()) {
                p += 1;
                continue;
            }
            break;
        }
        words.push(tok.text);
        p = tok.end;
    }
    finish(words).map(|n| (n, p))
}

/// A capitalised word that is not an acronym, a stop word, or the start of an
/// organisation or place name.
pub(super) fn is_name_word(text: &str, tok: &Tok) -> bool {
    tok.is_word()
        && tok.is_capitalised()
        && !tok.is_all_caps()
        && !is_stopword(tok.text)
        && !is_honorific(tok.text)
        && ORGS.org_at(text, tok.start).is_none()
        && place_at(text, tok.start, false, None).is_none()
}

pub(super) fn finish(mut words: Vec<&str>) -> Option<String> {
    let leading = words.iter().take_while(|w| DIRECTIONS.contains(w)).count();
    words.drain(..leading);
    let name = words.join(" ");
    (name.chars().filter(|c| c.is_alphabetic()).count() >= 3).then_some(name)
}

/// Month names that are also given names ("Juni Kenedi").
const MONTHS: &[&str] = &["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli"];

/// Lower-case words before a place ("di Tegal, Dirut …"): the capitalised
/// word after them is where, not who.
const PLACE_PREPOSITIONS: &[&str] = &["di", "ke", "dari", "kota", "kabupaten", "wilayah"];

/// "Muhyidin, Kepala …", "Abidin selaku Kepala …": up to [`MAX_NAME_WORDS`]
/// capitalised words before a comma or "selaku" before `start` — not the end
/// of a place name ("Di Penajam Paser Utara, Kepala Dinas …"), not a place
/// after a preposition ("di Tegal, …"), and not words the article also writes
/// in lower case ("… Tak Terdaftar, Bupati Minta …" in a headline).
pub(super) fn name_before(text: &str, start: usize, ctx: &ArticleContext) -> Option<String> {
    let comma = prev_token(text, start)?;
    if !matches!(comma.text, "," | "selaku") {
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
            Some(t) if PLACE_PREPOSITIONS.contains(&t.text) && words.len() == 1 => return None,
            // "Juni Kenedi selaku …": a month before a name word, not after a day.
            Some(t)
                if MONTHS.contains(&t.text)
                    && !words.is_empty()
                    && !prev_token(text, t.start)
                        .is_some_and(|d| d.text.starts_with(char::is_numeric)) =>
            {
                words.push(t.text);
                break;
            }
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
    // One word that names a place ("Tegal, Dirut …") is where, not who.
    if let [w] = words[..]
        && place_at(text, pos, true, None).is_some_and(|h| h.end == pos + w.len())
    {
        return None;
    }
    words.reverse();
    finish(words)
}

/// Whether `word` stands alone in `text` somewhere other than at
/// `except` (not glued to a capitalised word before or after it).
fn referred_alone(text: &str, word: &str, except: usize) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let end = i + word.len();
        let glued_before = text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            || prev_token(text, i).is_some_and(|t| t.is_word() && t.is_capitalised());
        let glued_after = text[end..].chars().next().is_some_and(char::is_alphanumeric)
            || next_token(text, end).is_some_and(|t| t.is_word() && t.is_capitalised());
        i != except && !glued_before && !glued_after
    })
}

/// A name read straight after an office's place, with no comma between
/// ("Cabang Semarang Pemuda Pepen S. Almas"), may begin with the area word
/// of the office's name. When the article later calls the person by the
/// second word alone ("jelas Pepen") and never uses the first word alone,
/// the first word is the area's: the name starts after it.
pub(super) fn without_area_word(text: &str, name: String, at: usize) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let plain = |w: &str| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic);
    if words.len() < 3 || !plain(words[0]) || !plain(words[1]) {
        return name;
    }
    let second_at = at + words[0].len() + 1;
    if referred_alone(text, words[1], second_at) && !referred_alone(text, words[0], at) {
        return words[1..].join(" ");
    }
    name
}

#[cfg(test)]
mod tests {
    use crate::extract::official::testing::{o, off, one};

    #[test]
    fn five_word_names_end_at_punctuation_not_in_a_headline() {
        let got = one("Kepala Kantor Cabang Denpasar, I Gusti Ngurah Putu Wirawan, menjelaskan.");
        assert_eq!(got.0, "I Gusti Ngurah Putu Wirawan");
        // A title-case headline: four name words, then the run goes on.
        let got = one("Wali Kota Denpasar Made Arya Putu Sena Minta Warga Ikut Program");
        assert_eq!(got.0, "Made Arya Putu Sena");
    }

    #[test]
    fn places_and_common_words_before_a_comma_are_not_names() {
        assert!(off("Di Penajam Paser Utara, Kepala Dinas Tenaga Kerja berkata.").is_empty());
        assert!(
            off("Buruh Sawit Banyak Tak Terdaftar, Bupati Minta Perusahaan Patuh\n\n\
                 Ribuan buruh belum terdaftar.")
            .is_empty()
        );
    }

    #[test]
    fn name_comma_title() {
        let got =
            one("Muhyidin, Kepala Kantor Wilayah BPJS Ketenagakerjaan Sumbagsel, mengatakan.");
        assert_eq!(got.0, "Muhyidin");
        assert_eq!(got.1, "Kepala Kantor Wilayah Sumbagsel");
        assert!(off("Selain itu, Kepala Kantor Wilayah Sumbagsel, mengatakan.").is_empty());
    }

    #[test]
    fn given_names_that_are_places_stay_names() {
        let got = one("Wali Kota Bogor Bima Arya mengatakan hal itu.");
        assert_eq!(got, ("Bima Arya".into(), "Wali Kota".into(), o("Pemkot Bogor")));
        let got = one("Menurut Bima Arya, Wali Kota Bogor, program itu baik.");
        assert_eq!(got.0, "Bima Arya");
        assert!(off("Camat Medan Baru hadir.").is_empty());
    }

    #[test]
    fn honorifics_and_degrees_are_stripped() {
        assert_eq!(one("Gubernur Sumsel Dr. H. Herman Deru, S.H., M.M. hadir").0, "Herman Deru");
        assert_eq!(one("Bupati Bandung Hj. Ir. Siti Rahma, M.Si, hadir").0, "Siti Rahma");
        assert_eq!(one("Pj Gubernur Sumsel Prof. Drs. A. Fathoni mengatakan").0, "A. Fathoni");
    }

    #[test]
    fn names_stop_at_repetition_verbs_and_lowercase() {
        let got = one(
            "Direktur Keuangan BPJS Ketenagakerjaan Asep Rahmat Suwanda Asep Rahmat Suwand menyapa",
        );
        assert_eq!(got.0, "Asep Rahmat Suwanda");
        assert_eq!(
            one("Direktur Kepesertaan BPJS Ketenagakerjaan Zainudin seusai rapat").0,
            "Zainudin"
        );
        assert_eq!(one("Menaker Yassierli Ungkap Strategi Baru").0, "Yassierli");
        assert_eq!(one("Menaker Andi Budi Candra Dewi Eka Fajar hadir").0, "Andi Budi Candra Dewi");
    }

    #[test]
    fn regional_name_titles_stay_in_the_name() {
        let got = one("Kepala Dinas Tenaga Kerja dan Transmigrasi NTB Lalu Hamzah Wardi memuji.");
        assert_eq!(got.0, "Lalu Hamzah Wardi");
        assert_eq!(got.1, "Kepala Dinas Tenaga Kerja dan Transmigrasi");
        assert_eq!(got.2, o("Disnaker NTB"));
        assert_eq!(one("Bupati Bone Andi Rahmat Hidayat hadir.").0, "Andi Rahmat Hidayat");
        assert_eq!(one("Gubernur Aceh Cut Nyak Meutia hadir.").0, "Cut Nyak Meutia");
        assert_eq!(one("Bupati Klungkung Ida Bagus Made Oka hadir.").0, "Ida Bagus Made Oka");
        assert_eq!(one("Gubernur Jabar R. Adi Kusuma hadir.").0, "R. Adi Kusuma");
        assert_eq!(one("Bupati Aceh Besar Teuku Rizal Fahmi hadir.").0, "Teuku Rizal Fahmi");
        // "Lalu" alone, or before a non-name, is the adverb.
        assert!(off("Kepala Dinas Tenaga Kerja NTB Lalu mengatakan.").is_empty());
    }

    #[test]
    fn acehnese_religious_titles_are_stripped() {
        let got = one("Pj. Gubernur Aceh Tgk. Fauzan Mahdi menyatakan dukungannya.");
        assert_eq!(got, ("Fauzan Mahdi".into(), "Pj. Gubernur".into(), o("Pemprov Aceh")));
        assert_eq!(one("Bupati Pidie Teungku Iskandar Ali hadir.").0, "Iskandar Ali");
    }

    #[test]
    fn police_heads_and_ranks() {
        let got = one("Kapolda Sumut Irjen Pol Agus Wibisono meninjau lokasi.");
        assert_eq!(
            got,
            ("Agus Wibisono".into(), "Kepala Kepolisian Daerah".into(), o("Polda Sumut"))
        );
        let got = one("Kapolres Kupang AKBP Yohanes Ndun mengatakan.");
        assert_eq!(got.0, "Yohanes Ndun");
        assert_eq!(got.2, o("Polres Kupang"));
        assert_eq!(
            one("Kasi Kepesertaan Disnaker Kota Medan, Rina Sitompul, hadir.").0,
            "Rina Sitompul"
        );
    }

    #[test]
    fn headline_words_are_not_names() {
        let body = "• Kapolres Kupang Tangkap Pelaku Pencurian Ternak di Desa\n\nPolisi \
                    melakukan pencurian data dan tangkap pelaku.";
        assert!(off(body).is_empty(), "{:?}", off(body));
    }

    #[test]
    fn initials_inside_names() {
        assert_eq!(one("Sekda Kota Manado Markus DS Tumbel mengatakan.").0, "Markus DS Tumbel");
        assert_eq!(
            one("Kepala BPJS Ketenagakerjaan Manokwari Yakob.R. Mandacan mengungkapkan.").0,
            "Yakob R. Mandacan"
        );
        // Not an acronym after the name.
        assert_eq!(one("Ketua DPRD Sumut Budi Santoso RI hadir.").0, "Budi Santoso");
    }

    #[test]
    fn numbered_units_are_not_names() {
        let got = one("Asisten I Setda TTU, Maria Luan, hadir.");
        assert_eq!((got.0.as_str(), got.1.as_str()), ("Maria Luan", "Asisten I"));
        let got =
            one("Sementara itu, Asisten I Sekretariat Daerah (Setda) Lombok Timur, Lalu Ahmad \
             menekankan pentingnya kolaborasi.");
        assert_eq!(got.0, "Lalu Ahmad");
        assert_eq!(one("Asisten II Pemkot Metro M.Yusuf, Kepala lainnya.").0, "M. Yusuf");
        let got = one("Hadir pula Ketua Komisi I DPRD TTS, Yakobus Tefa sebagai bentuk dukungan.");
        assert_eq!((got.0.as_str(), got.1.as_str()), ("Yakobus Tefa", "Ketua Komisi I"));
        assert_eq!(one("Bupati Gianyar I Made Sudarsana hadir.").0, "I Made Sudarsana");
    }

    #[test]
    fn name_selaku_title_and_lists() {
        let got = one(
            "hal ini dikatakan Rahmat selaku Kepala Bidang Pelayanan BPJS Ketenagakerjaan Cabang \
             Pangkalpinang, Jumat.",
        );
        assert_eq!(got.0, "Rahmat");
        let got =
            off("Sosialisasi dibawakan oleh Dewi Anggraini selaku Account Representatif dan Juni \
             Saragih selaku Account Representatif Khusus BP Jamsostek Cabang NTT.");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["Dewi Anggraini", "Juni Saragih"]);
        let got =
            off("mendampingi dua Anggota Dewan Jaminan Sosial Nasional (DJSN) yaitu Markus Halim \
             dan Rina Kartika ketika melakukan audiensi.");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["Markus Halim", "Rina Kartika"]);
        assert_eq!(got[1].2, o("DJSN"));
    }

    #[test]
    fn companies_end_at_their_comma() {
        let got = one("dan Direktur Utama PT Sinar Maju Utama, Yohanes Lim.\n\nLalu acara.");
        assert_eq!(got, ("Yohanes Lim".into(), "Direktur Utama".into(), o("PT Sinar Maju Utama")));
        assert!(off("Direktur Utama PT Sinar Maju Utama Yohanes Lim hadir.").is_empty());
    }

    #[test]
    fn places_directions_and_cut_words_are_not_names() {
        assert!(off("Ke Pelabuhan di Tegal, Dirut BPJS Ketenagakerjaan Cek Pekerja").is_empty());
        assert!(off("“Pak Wali Kota Mana").is_empty());
        assert_eq!(one("Kepala Kantor Cabang Jakarta Selatan Utara Yulianto hadir.").0, "Yulianto");
    }
}
