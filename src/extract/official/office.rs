//! The names of BPJS Ketenagakerjaan offices after a title: the level
//! keyword ("Kantor Wilayah", "Cabang", "KCP"), the office's place or list of
//! places ("Wilayah Bali, Nusa Tenggara dan Papua", "Jateng-DIY"), and the
//! area word some branches add after their city ("Batam Nagoya").

use super::names::{Tok, next_token, skip_spaces};
use super::person::{is_name_word, name_after};
use super::titles::Office;
use crate::extract::region::place_at;
/// "Kantor Wilayah", "Wilayah", "Kanwil", "Kantor Cabang", "Cabang" … at `pos`.
pub(super) fn office_keyword_at(text: &str, pos: usize) -> Option<(Office, usize)> {
    const KEYWORDS: &[(&str, Office)] = &[
        ("Kantor Cabang Perintis", Office::Perintis),
        ("Cabang Perintis", Office::Perintis),
        ("Kantor Wilayah", Office::Wilayah),
        ("Kantor Cabang", Office::Cabang),
        ("Wilayah", Office::Wilayah),
        ("Kanwil", Office::Wilayah),
        ("KCP", Office::Perintis),
        ("KC", Office::Cabang),
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
pub(super) fn branch_suffix_end(text: &str, mut end: usize) -> usize {
    for _ in 0..2 {
        match next_token(text, end) {
            Some(tok) if BRANCH_SUFFIXES.contains(&tok.text) => end = tok.end,
            _ => break,
        }
    }
    end
}

/// "… Cabang Batam Nagoya, Ferdinand Sembiring, …": one to three capitalised
/// words after a branch's place, then a comma, then a name. The words end the
/// branch's name; returns their end.
pub(super) fn branch_area_before_comma(text: &str, pos: usize) -> Option<usize> {
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
pub(super) fn branch_area_before_name(text: &str, place_start: usize, pos: usize) -> Option<usize> {
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

/// Joins between the places of one office's territory.
const PLACE_JOINS: &[&str] = &[",", "dan", "&", "/"];

/// The end of a list of places that together name one office's territory,
/// after a place ending at `end`: "Bali, Nusa Tenggara, dan Papua",
/// "Papua Barat dan Papua Barat Daya", "Jateng-DIY", "Sumatera Barat –
/// Riau". A place after a comma or "dan" joins only when no capitalised word
/// follows it ("Wali Kota Bogor, Bima Arya" names a person, not Bima).
pub(super) fn place_list_end(text: &str, mut end: usize) -> usize {
    for _ in 0..6 {
        let rest = &text[end..];
        let dash = rest.trim_start_matches([' ', '\u{a0}']);
        if let Some(after) = dash.strip_prefix('-').or_else(|| dash.strip_prefix('–')) {
            let q = skip_spaces(text, text.len() - after.len());
            if let Some(hit) = place_at(text, q, true, None) {
                end = hit.end;
                continue;
            }
            break;
        }
        let Some(tok) = next_token(text, end) else { break };
        if !PLACE_JOINS.contains(&tok.text) {
            break;
        }
        let mut q = skip_spaces(text, tok.end);
        if tok.text == ","
            && let Some(t) = next_token(text, q).filter(|t| t.text == "dan")
        {
            q = skip_spaces(text, t.end);
        }
        let Some(hit) = place_at(text, q, true, None) else { break };
        let free = next_token(text, hit.end)
            .is_none_or(|t| !(t.is_word() && t.is_capitalised()) || t.text == "dan");
        if !free {
            break;
        }
        end = hit.end;
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::extract::official::testing::{o, one};

    #[test]
    fn office_heads_carry_their_office() {
        let got =
            one("Kepala Kantor Wilayah BPJS Ketenagakerjaan Jawa Barat Dodi Kurnia menyampaikan.");
        assert_eq!(got.1, "Kepala Kantor Wilayah Jawa Barat");
        assert_eq!(got.2, o("BPJS Ketenagakerjaan"));
        let got =
            one("Kepala Kantor Cabang BPJS Ketenagakerjaan Pangkalan Bun Rudi Hartono hadir.");
        assert_eq!(got.1, "Kepala Kantor Cabang Pangkalan Bun");
        let got =
            one("Kepala Kantor BPJS Ketenagakerjaan Wilayah Sumbagut Rina Marlina dan lainnya.");
        assert_eq!(
            (got.0.as_str(), got.1.as_str()),
            ("Rina Marlina", "Kepala Kantor Wilayah Sumbagut")
        );
        let got = one("Kepala BPJS Ketenagakerjaan Wilayah Kalimantan, Joko Susilo, berkata.");
        assert_eq!(
            (got.0.as_str(), got.1.as_str()),
            ("Joko Susilo", "Kepala Kantor Wilayah Kalimantan")
        );
        let got = one("Kakanwil BPJAMSOSTEK Jawa Timur Agus Salim menjelaskan.");
        assert_eq!(got.1, "Kepala Kantor Wilayah Jawa Timur");
        assert_eq!(got.2, o("BPJS Ketenagakerjaan"));
    }

    #[test]
    fn branch_suffixes_and_local_bodies() {
        let got = one("Kepala BPJS Ketenagakerjaan Cabang Medan Kota Budi Santoso hadir.");
        assert_eq!(got.0, "Budi Santoso");
        assert_eq!(got.1, "Kepala Kantor Cabang Medan Kota");
        let got = one("Ketua DPRD Sumut Baskami Ginting mengatakan.");
        assert_eq!(got.2, o("DPRD Sumatera Utara"));
        let got = one("Sekda Provinsi Jawa Barat Setiawan Wangsaatmaja hadir.");
        assert_eq!(got.2, o("Pemprov Jawa Barat"));
        let got = one("Wakil Bupati Kabupaten Banjar Said Idrus hadir.");
        assert_eq!(got.2, o("Pemkab Banjar"));
    }

    #[test]
    fn branch_names_with_an_area_word() {
        let got = one(
            "Kepala Kantor Cabang BPJS Ketenagakerjaan Batam Nagoya, Markus Tarigan, mengatakan.",
        );
        assert_eq!(got.0, "Markus Tarigan");
        assert_eq!(got.1, "Kepala Kantor Cabang Batam Nagoya");
        let got =
            one("Kepala Kantor Cabang BPJS Ketenagakerjaan Surabaya Rungkut, Dewi Lestari, kata.");
        assert_eq!(
            (got.0.as_str(), got.1.as_str()),
            ("Dewi Lestari", "Kepala Kantor Cabang Surabaya Rungkut")
        );
        // The name's own comma is no area.
        let got =
            one("Kepala Kantor Cabang BPJS Ketenagakerjaan Batam Markus Tarigan, mengatakan.");
        assert_eq!(
            (got.0.as_str(), got.1.as_str()),
            ("Markus Tarigan", "Kepala Kantor Cabang Batam")
        );
        // No comma: only when the area is named elsewhere in the article.
        let body = "Kantor Cabang Surabaya Darmo melayani klaim. Kepala Kantor Cabang BPJS \
                    Ketenagakerjaan Surabaya Darmo Rini Puspita Sari mengatakan itu.";
        let got = one(body);
        assert_eq!(got.0, "Rini Puspita Sari");
        assert_eq!(got.1, "Kepala Kantor Cabang Surabaya Darmo");
        let body = body.replace("Sari ", "");
        assert_eq!(one(&body).0, "Rini Puspita");
        let got =
            one("Kepala Kantor Cabang BPJS Ketenagakerjaan Surabaya Rini Puspita Sari hadir.");
        assert_eq!(got.0, "Rini Puspita Sari");
        let got = one(
            "Kepala Kantor Cabang BPJS Ketenagakerjaan Denpasar Ni Luh Ayu Wulandari menambahkan.",
        );
        assert_eq!(got.0, "Ni Luh Ayu Wulandari");
        assert_eq!(got.1, "Kepala Kantor Cabang Denpasar");
    }

    #[test]
    fn offices_covering_several_places() {
        for body in [
            "Kepala Kantor Wilayah BPJS Ketenagakerjaan Sulawesi-Maluku, Rosa Mamahit, hadir.",
            "Deputi Direktur BPJS Ketenagakerjaan Wilayah Bali, Nusa Tenggara dan Papua, Rosa \
             Mamahit dalam siaran pers.",
            "Deputi Direktur BPJamsostek Wilayah Bali, Nusa Tenggara, dan Papua (Banuspa), Rosa \
             Mamahit di tempat sama.",
            "Kepala BPJS Ketenagakerjaan Papua Barat dan Papua Barat Daya, Rosa Mamahit, berkata.",
            "kata Deputi Direktur Wilayah BPJS Ketenagakerjaan Kantor Wilayah Jateng-DIY, Rosa \
             Mamahit, Kamis.",
            "Kepala Kantor Wilayah Badan Penyelenggara Jaminan Sosial (BPJS) Ketenagakerjaan \
             Sumatera Barat – Riau, Rosa Mamahit kepada wartawan mengatakan.",
            "disaksikan Asisten Deputi Direktur BPJamsostek Wilayah Sumatera Bagian Selatan Rosa \
             Mamahit, dan lainnya.",
        ] {
            assert_eq!(one(body).0, "Rosa Mamahit", "{body}");
        }
        assert_eq!(one("Wali Kota Bogor, Bima Arya, mengatakan.").0, "Bima Arya");
    }

    #[test]
    fn branch_shapes() {
        let got = one("Kepala BPJamsostek KCP Kota Metro Hendra Gunawan menyerahkan santunan.");
        assert_eq!(got.0, "Hendra Gunawan");
        assert_eq!(got.1, "Kepala Kantor Cabang Perintis Kota Metro");
        let got = one("Kepala Cabang Kantor BPJamsostek Palembang Rudi Hartono mengungkapkan.");
        assert_eq!(got.0, "Rudi Hartono");
        let got =
            one("Kepala Kantor Wilayah BPJS Ketenagakerjaan Sumbagsel, *Rudi Hartono, memberikan.");
        assert_eq!(got.0, "Rudi Hartono");
        // The area word of a branch, known by the short form used later.
        let got = one("Kepala Kantor BPJS Ketenagakerjaan Cabang Semarang Candi Yanto S. Wibowo, \
             mengungkapkan hal itu. \"Kami siap,\" jelas Yanto.");
        assert_eq!(got.0, "Yanto S. Wibowo");
    }
}
