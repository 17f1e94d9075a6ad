//! Reading a person's name out of running text: a tiny same-line tokenizer,
//! the honorifics and degrees to strip, and the capitalised words that end a
//! name (function words, titles, speech verbs as headlines write them).

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::fxhash::FxBuildHasher;

/// A token on one line: a word or a single punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Tok<'_> {
    /// Letters or digits (a word), as opposed to punctuation.
    pub(crate) fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// A word starting with a capital letter.
    pub(crate) fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all capitals ("RI", "BPJS").
    pub(crate) fn is_all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
        letters >= 2
    }
}

/// `pos` after skipping spaces and tabs (never a line break).
pub(crate) fn skip_spaces(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    pos + rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len()
}

/// The token at or after `pos` on the same line.
pub(crate) fn next_token(text: &str, pos: usize) -> Option<Tok<'_>> {
    let start = skip_spaces(text, pos);
    let rest = text.get(start..)?;
    let first = rest.chars().next()?;
    if first == '\n' || first == '\r' {
        return None;
    }
    let mut end = first.len_utf8();
    if first.is_alphanumeric() {
        // ASCII letters and digits go on the word without being decoded.
        let ascii = rest.as_bytes()[end..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        end = word_end(rest, end + ascii);
    }
    Some(Tok { start, end: start + end, text: &rest[..end] })
}

/// Where the word going on at `offset` of `rest` ends: letters, digits, the
/// combining acute accent, and a hyphen or apostrophe between two of them.
fn word_end(rest: &str, offset: usize) -> usize {
    let mut end = offset;
    let mut chars = rest[offset..].char_indices().map(|(i, c)| (offset + i, c)).peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = matches!(c, '-' | '\'' | '’');
        let continues = c.is_alphanumeric()
            || c == '\u{301}'
            || (joiner && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()));
        if !continues {
            break;
        }
        end = i + c.len_utf8();
    }
    end
}

/// The word token that ends just before `pos` (skipping spaces), if any.
pub(crate) fn prev_token(text: &str, pos: usize) -> Option<Tok<'_>> {
    let before = text.get(..pos)?;
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
    let end = trimmed.len();
    let last = trimmed.chars().next_back()?;
    if !last.is_alphanumeric() {
        let start = end - last.len_utf8();
        return Some(Tok { start, end, text: &trimmed[start..] });
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
        .last()
        .map_or(end, |(i, _)| i);
    Some(Tok { start, end, text: &trimmed[start..] })
}

/// Honorifics, academic and religious titles and ranks written before a name
/// (whitespace-separated, case-sensitive). Aceh's religious title Teungku
/// ("Tgk.") is one; hereditary titles that belong to the name (Teuku, Cut,
/// Andi, Raden, Gusti, Ida Bagus, Lalu, Baiq) are not.
const HONORIFICS: &str = "\
    Dr DR dr Drs Dra H Hj Ir Prof KH Kyai Habib Pak Bapak Bu Ibu Haji Hajah Hajjah Sdr Sdri \
    Tgk Teungku \
    Tuan Nyonya Jenderal Letjen Mayjen Brigjen Irjen Komjen Kombes Kombespol AKBP Kolonel \
    Laksamana Marsekal TNI Pol Polri Purn Purnawirawan Ns Apt \
    AKP Iptu Ipda Kompol Aiptu Aipda Bripka Brigpol Briptu Bripda Letkol Kapten Serka Sertu \
    Laksma Laksda Marsma Marsda Inf Kav Arh";

/// Capitalised words that are stop words elsewhere but open a name when a
/// name word follows: the Sasak noble title "Lalu" ("then" in running text).
const NAME_PARTICLES: &[&str] = &["Lalu"];

/// Abbreviated given names that keep their dot ("Muh. Ali").
const NAME_ABBREVIATIONS: &[&str] = &["Muh", "Moh", "Moch", "Mochd", "Mhd", "Abd", "St"];

/// Words that can never be part of a name (lowercase, whitespace-separated):
/// function words, document and place words, titles, speech and headline verbs.
const STOP: &str = "\
    dalam pada saat ketika di ke dari yang dan atau untuk bersama beserta serta selaku \
    sebagai menurut ini itu tersebut juga telah akan sudah bahwa usai seusai setelah sebelum \
    kepada oleh dengan tentang terkait mengenai melalui lewat karena agar para kami kita \
    saya dia ia beliau mereka pihaknya hingga sampai namun tetapi sedangkan sementara adapun \
    pun lagi tak tidak bukan secara baru lalu kemarin pekan jadi nomor no tahun pasal ayat \
    bulan minggu senin selasa rabu kamis jumat sabtu ahad januari februari maret april mei \
    juni juli agustus september oktober november desember provinsi prov kabupaten kab kota \
    kecamatan desa kelurahan daerah negara pusat wilayah cabang kantor kanwil dinas badan \
    bidang bagian republik indonesia pemerintah pemprov pemkab pemkot program jaminan sosial \
    peserta pekerja bank universitas rumah sakit perusahaan pt cv komisi dewan pengawas umum \
    utama nasional asosiasi tim satgas ketenagakerjaan kesehatan perintis kementerian \
    lembaga biro divisi sekolah madrasah masjid gedung plaza menara jalan jl direktur dirut \
    dirjen deputi asisten asdep kepala kakanwil kakacab gubernur wagub bupati wabup wali \
    walikota wawali menteri menaker wamenaker wamen menko wakil ketua ketum anggota \
    sekretaris sekjen sekda presiden camat lurah kades kadis kadisnaker plt plh pj pps \
    penjabat pelaksana staf inspektur kabid pewarta editor reporter penulis fotografer foto \
    redaktur sumber mengatakan menyampaikan menjelaskan menegaskan mengungkapkan menambahkan \
    menuturkan menyebutkan menyebut memaparkan menerangkan membeberkan menguraikan \
    menyatakan nyatakan mengucapkan mengajak mengimbau mengakui menilai menekankan \
    menjabarkan merinci berharap \
    bilang kata ujar tutur ucap ungkap jelas tegas sebut papar imbuh tambah terang lanjut \
    pungkas sambung tandas cetus beber urai harap ajak imbau klaim akui nilai katanya \
    ujarnya tuturnya ucapnya ungkapnya jelasnya tegasnya sebutnya paparnya imbuhnya \
    tambahnya terangnya lanjutnya pungkasnya sambungnya tandasnya bebernya harapnya minta \
    meminta dorong mendorong tegaskan paparkan beberkan apresiasi mengapresiasi kunjungi \
    mengunjungi resmikan meresmikan serahkan menyerahkan terima menerima buka membuka hadiri \
    menghadiri tinjau meninjau luncurkan meluncurkan bicara berbicara pastikan memastikan \
    targetkan menargetkan jelaskan katakan sampaikan berikan memberikan dukung mendukung \
    raih meraih bahas membahas salurkan menyalurkan cek lantik melantik dilantik resmi \
    gandeng menggandeng teken meneken tandatangani menandatangani ingatkan mengingatkan \
    optimistis optimis yakin sebutkan soroti menyoroti tanggapi menanggapi wujudkan \
    mewujudkan perkuat memperkuat ajukan usulkan catat mencatat bagikan membagikan \
    sosialisasikan siap gelar sambut pantau rilis terbitkan bantu janji larang tolak desak \
    usul sapa tekankan";

static STOPWORDS: LazyLock<HashSet<&'static str, FxBuildHasher>> =
    LazyLock::new(|| STOP.split_whitespace().collect());

static HONORIFIC_SET: LazyLock<HashSet<&'static str, FxBuildHasher>> =
    LazyLock::new(|| HONORIFICS.split_whitespace().collect());

/// Whether a word (any case) can never be part of a personal name.
pub(crate) fn is_stopword(word: &str) -> bool {
    with_lowercase(word, |w| STOPWORDS.contains(w))
}

/// `f` of `word` in lower case: a short ASCII word is lowered on the stack,
/// any other through [`str::to_lowercase`].
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).unwrap_or_default())
        }
        _ => f(&word.to_lowercase()),
    }
}

/// Whether a word is an honorific or rank to skip before a name.
pub(crate) fn is_honorific(word: &str) -> bool {
    HONORIFIC_SET.contains(word)
}

/// Whether a word opens a name although it is a stop word ("Lalu Satria").
pub(crate) fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(&word)
}

/// Whether a word keeps a following dot as part of a name ("M.", "Muh.").
pub(crate) fn is_name_abbreviation(word: &str) -> bool {
    let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single || NAME_ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_stay_on_one_line() {
        let t = "  Asep Rahmat-Suwanda, kata\nEmil";
        let a = next_token(t, 0).unwrap();
        assert_eq!(a.text, "Asep");
        let b = next_token(t, a.end).unwrap();
        assert_eq!(b.text, "Rahmat-Suwanda");
        let c = next_token(t, b.end).unwrap();
        assert_eq!(c.text, ",");
        let d = next_token(t, c.end).unwrap();
        assert_eq!(d.text, "kata");
        assert!(next_token(t, d.end).is_none());
        assert!(next_token("", 0).is_none());
        assert!(next_token("é", 5).is_none());
    }

    #[test]
    fn previous_tokens() {
        let t = "Peraturan  Gubernur";
        assert_eq!(prev_token(t, 11).unwrap().text, "Peraturan");
        assert_eq!(prev_token("x, Gubernur", 3).unwrap().text, ",");
        assert!(prev_token("   ", 3).is_none());
        assert!(prev_token("é", 1).is_none());
    }

    #[test]
    fn word_classes() {
        assert!(is_stopword("Mengatakan"));
        assert!(!is_stopword("Asep"));
        assert!(is_honorific("Hj") && is_honorific("Tgk") && is_honorific("Teungku"));
        for part_of_name in ["Teuku", "Cut", "Andi", "Raden", "R", "Gusti", "Ida", "Bagus", "Lalu"]
        {
            assert!(!is_honorific(part_of_name), "{part_of_name}");
        }
        assert!(is_name_particle("Lalu") && is_stopword("Lalu") && !is_name_particle("lalu"));
        assert!(is_name_abbreviation("M") && is_name_abbreviation("Muh"));
        assert!(!is_name_abbreviation("Pj"));
        let tok = next_token("BPJS", 0).unwrap();
        assert!(tok.is_all_caps() && tok.is_capitalised() && tok.is_word());
    }

    proptest::proptest! {
        #[test]
        fn words_are_lowered_and_judged_as_before(word in "[A-Za-zÉéİß.-]{0,40}") {
            proptest::prop_assert_eq!(with_lowercase(&word, str::to_string), word.to_lowercase());
            let tok = Tok { start: 0, end: word.len(), text: &word };
            let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
            let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
            proptest::prop_assert_eq!(tok.is_all_caps(), all_caps);
        }
    }

    /// Where the token at `start` of `text` ends as first written: every
    /// character of the word decoded (the start and the line end are found
    /// by [`next_token`] itself): the reference the byte scan must agree with.
    fn token_end_by_chars(text: &str, start: usize) -> usize {
        let rest = &text[start..];
        let first = rest.chars().next().map_or(0, char::len_utf8);
        let word = rest.chars().next().is_some_and(char::is_alphanumeric);
        start + if word { word_end(rest, first) } else { first }
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_read_as_before(text in "[Aa1é ’'\u{301}\n.-]{0,16}", pos in 0usize..18) {
            let start = skip_spaces(&text, pos);
            match next_token(&text, pos) {
                Some(t) => {
                    proptest::prop_assert_eq!(t.start, start);
                    proptest::prop_assert_eq!(t.end, token_end_by_chars(&text, t.start));
                }
                // No token: past the text, at its end or at a line break.
                None => proptest::prop_assert!(
                    text.get(start..).is_none_or(|r| r.is_empty() || r.starts_with(['\n', '\r']))
                ),
            }
        }
    }
}
