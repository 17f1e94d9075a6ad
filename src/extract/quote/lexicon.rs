//! The closed word lists quote attribution leans on: speech verbs, the words
//! that may sit between a subject and its verb, and the capitalised words
//! that are never a person's name (titles, organisations, places, days,
//! sentence openers).
//!
//! Kept as code rather than a data file: they are grammar, not a gazetteer.
//! Each list is one space-separated string, split once into a set.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::fxhash::FxBuildHasher;

/// Bare speech verbs, used as `kata X`, `ujarnya`, `," tutur Asep` and in the
/// sentence-final frame `…, jelasnya.`.
pub(super) const ROOT_VERBS: &str = "\
    kata ujar tutur ucap ungkap jelas tegas sebut papar imbuh tambah terang lanjut pungkas \
    sambung tandas cetus beber urai harap ajak imbau klaim akui nilai bilang kilah seru";

/// Prefixed speech verbs, used as `X mengatakan (bahwa) …` and
/// `X menambahkan, "…"`.
pub(super) const MEN_VERBS: &str = "\
    mengatakan menjelaskan menegaskan mengungkapkan mengungkap menambahkan menyampaikan \
    menekankan menuturkan memaparkan menerangkan menyebutkan menyebut mengimbau mengajak \
    mengakui mengaku menilai menjabarkan merinci membeberkan menguraikan menyatakan \
    mengingatkan berharap mengharapkan menandaskan mengklaim berkata berujar bertutur \
    berpendapat mengemukakan menceritakan mengutarakan bilang";

/// Words that may follow the speaker of a frame without ending it:
/// `katanya saat dihubungi`, `kata X dalam keterangannya di Medan`.
const TAIL_WORDS: &str = "\
    dalam di saat ketika seusai usai pada kepada melalui lewat sambil sembari kemarin lagi \
    pula juga dengan menutup mengakhiri seraya";

/// Words that may stand between a subject and its speech verb
/// (`dia juga menjelaskan`, `X dalam keterangannya mengatakan`).
const ADVERBS: &str = "\
    juga pun lalu kemudian kembali turut lebih lanjut sebelumnya sendiri langsung pula sempat \
    kerap sering selalu telah sudah pernah bahkan dalam keterangannya keterangan tertulisnya \
    tertulis secara terpisah saat itu tersebut";

/// Personal pronouns that refer back to the current speaker.
const PRONOUNS: &str = "\
    ia dia beliau";

/// Words before a name that make it an object, not a subject
/// ("menemui Asep", "bersama Hassanudin").
const OBJECT_MARKERS: &str = "\
    oleh dengan bersama kepada didampingi mendampingi menemui bertemu dan serta atau dari \
    untuk bagi terhadap tentang mengapresiasi";

/// Honorifics dropped from a speaker's name.
const HONORIFICS: &str = "\
    pak bapak bu ibu dr drs dra ir hj prof kh sdr saudara saudari mas mbak bang kak haji tuan \
    nyonya ustaz ustadz";

/// Name parts too common to identify a person on their own ("Muhammad", "Made").
const PARTICLES: &str = "\
    la ode ni made wayan nyoman ketut putu kadek komang gede gde teuku cut raden andi muhammad \
    mohammad mochammad moh muh mhd siti sri abdul bin binti van der al";

/// Given names that are also ordinary words ("Hari" = day): accepted as a
/// later reference only right next to a speech verb.
const COMMON_NAMES: &str = "\
    hari bulan tahun minggu raya putra putri jaya surya bumi cahaya bintang intan mulia indah \
    adil budi agung kasih sari dewi rahmat karya ayu bagus slamet rahayu sentosa damai harapan \
    nur kurnia untung teguh wahyu fajar bayu mega tirta lestari setia iman aman amin suci \
    murni merdeka perdana utama pratama kusuma permata melati kartika rezeki berkah sejahtera \
    bahagia jujur";

/// Words that make a phrase name a person by office ("Kepala", "Menteri").
const ROLE_HEADS: &str = "\
    kepala direktur deputi asisten menteri wakil gubernur bupati wali sekretaris ketua anggota \
    presiden camat lurah manajer kapolda kapolres kajati kajari rektor dekan inspektur staf pj \
    plt plh";

/// Capitalised words that are never (part of) a person's name.
const NOT_NAMES: &[&str] = &[
    // titles and units
    "\
        direktur utama dirut kepala kantor wilayah cabang perintis deputi asisten bidang \
        divisi menteri menaker wamenaker wamen wakil gubernur wagub bupati wabup wali walikota \
        kota wawali kabupaten provinsi sekretaris sekjen jenderal dirjen daerah sekda dinas \
        kadis kadisnaker tenaga kerja ketenagakerjaan transmigrasi ketua anggota komisi dewan \
        pengawas presiden wapres pj plt plh pps penjabat pelaksana tugas harian kepesertaan \
        keuangan pelayanan pemasaran komunikasi umum hukum investasi kementerian kemnaker \
        pemerintah pemprov pemkab pemkot badan nasional republik indonesia camat lurah kades \
        desa staf ahli koordinator menko kanwil kakanwil kacab kakacab kabid jaminan sosial \
        pembinaan pengawasan hubungan industrial perencanaan pembangunan serikat pekerja buruh \
        asosiasi kadin fraksi partai humas manajer manager kepolisian kapolda kapolres kajati \
        kajari kejaksaan tinggi negeri rektor universitas dekan bina pemeriksaan norma manfaat \
        program inspektur bappenas disnaker disnakertrans jamsostek bpjamsostek risiko \
        manajemen operasional teknologi informasi strategis pengembangan pusat regional \
        kesehatan perusahaan koperasi usaha kecil menengah mikro perdagangan perindustrian \
        perhubungan pendidikan kebudayaan sekretariat biro bagian seksi unit tim satgas \
        panitia pengurus direksi komisaris pimpinan pemimpin koordinasi kelautan perikanan \
        pertanian kecamatan kelurahan pulau pantai pasar pelabuhan jalan kampung dusun kawasan \
        gedung hotel rumah sakit sekolah auditorium balai pt cv tbk persero bank rsud \
        kantornya",
    // places
    "\
        jawa timur barat tengah utara selatan tenggara daya sumatera sumatra kalimantan \
        sulawesi papua maluku nusa bali jakarta banten aceh riau kepulauan jambi bengkulu \
        lampung bangka belitung gorontalo yogyakarta sumut sumsel sumbar jatim jabar jateng \
        kaltim kalsel kalbar kalteng kaltara sulsel sulut sulteng sultra sulbar sumbagut \
        sumbagsel babel kepri pegunungan medan surabaya bandung semarang makassar denpasar",
    // days and months
    "\
        senin selasa rabu kamis jumat sabtu januari februari maret april mei juni juli agustus \
        september oktober november desember",
    // sentence openers and common nouns
    "\
        sementara selain namun adapun kemudian dalam pada menurut lebih secara usai seusai \
        saat ketika sedangkan tetapi bahkan oleh karena dengan untuk hal ini itu di ke dari \
        melalui sebab sehingga jadi kami kita saya anda mereka ia dia beliau masyarakat warga \
        peserta pengusaha pihak pihaknya para semua seluruh setiap tidak bukan ada apa \
        bagaimana mengapa kalau jika agar supaya selanjutnya sebelumnya terkait lanjut sebagai \
        yang dan atau juga tak belum sudah baca foto sumber editor pewarta reporter penulis \
        the of and apalagi maka kini pula bahwa apabila meski meskipun walaupun misalnya \
        tentu maupun begitu demikian",
];

/// A word list, keyed by the words' bytes (a lower-cased word is looked up
/// without checking that its bytes are UTF-8); the keys are short words,
/// which FxHash hashes faster than SipHash.
type Set = LazyLock<HashSet<&'static [u8], FxBuildHasher>>;

fn set_of(words: &'static str) -> HashSet<&'static [u8], FxBuildHasher> {
    words.split_whitespace().map(str::as_bytes).collect()
}

static TAILS: Set = LazyLock::new(|| set_of(TAIL_WORDS));
static ADVERB_SET: Set = LazyLock::new(|| set_of(ADVERBS));
static PRONOUN_SET: Set = LazyLock::new(|| set_of(PRONOUNS));
static OBJECTS: Set = LazyLock::new(|| set_of(OBJECT_MARKERS));
static HONORIFIC_SET: Set = LazyLock::new(|| set_of(HONORIFICS));
static PARTICLE_SET: Set = LazyLock::new(|| set_of(PARTICLES));
static COMMON: Set = LazyLock::new(|| set_of(COMMON_NAMES));
static HEADS: Set = LazyLock::new(|| set_of(ROLE_HEADS));
static ROOTS: Set = LazyLock::new(|| set_of(ROOT_VERBS));
static MENS: Set = LazyLock::new(|| set_of(MEN_VERBS));
static NOT_NAME_SET: Set = LazyLock::new(|| {
    NOT_NAMES
        .iter()
        .chain([&HONORIFICS])
        .flat_map(|l| l.split_whitespace())
        .map(str::as_bytes)
        .collect()
});

/// Lower-cased, without a trailing period.
pub(super) fn norm(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// `f` of [`norm`]`(word)`, lower-cased on the stack when the word is short
/// ASCII (whose lower case is its ASCII lower case), else built.
fn with_norm<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // The bytes are ASCII or a `String`'s: always UTF-8.
    with_norm_bytes(word, |w| f(std::str::from_utf8(w).unwrap_or_default()))
}

/// `f` of the bytes of [`norm`]`(word)`, as [`with_norm`] gives them,
/// without checking the stack copy's bytes are UTF-8 (ASCII lower-cased
/// stays ASCII).
fn with_norm_bytes<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    const MAX: usize = 32;
    let w = word.trim_end_matches('.');
    if w.len() <= MAX && w.is_ascii() {
        let mut buf = [0u8; MAX];
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        return f(lower);
    }
    f(norm(word).as_bytes())
}

fn has(set: &Set, word: &str) -> bool {
    with_norm_bytes(word, |w| set.contains(w))
}

pub(super) fn is_adverb(word: &str) -> bool {
    has(&ADVERB_SET, word)
}

pub(super) fn is_pronoun(word: &str) -> bool {
    has(&PRONOUN_SET, word)
}

pub(super) fn is_tail_word(word: &str) -> bool {
    has(&TAILS, word)
}

pub(super) fn is_object_marker(word: &str) -> bool {
    has(&OBJECTS, word)
}

pub(super) fn is_honorific(word: &str) -> bool {
    has(&HONORIFIC_SET, word)
}

pub(super) fn is_particle(word: &str) -> bool {
    has(&PARTICLE_SET, word)
}

pub(super) fn is_common_name(word: &str) -> bool {
    has(&COMMON, word)
}

/// Words that make a phrase name a person by office ("Kepala", "Menteri").
pub(super) fn is_role_head(word: &str) -> bool {
    has(&HEADS, word)
}

/// A prefixed speech verb exactly as listed (lower case, no clitic).
pub(super) fn is_men_verb(word: &str) -> bool {
    MENS.contains(word.as_bytes())
}

pub(super) fn is_speech_verb(word: &str) -> bool {
    with_norm_bytes(word, |w| {
        let root = w.strip_suffix(b"nya").unwrap_or(w);
        MENS.contains(w) || ROOTS.contains(root)
    })
}

/// A word that can be part of a person's name: capitalised, with at least
/// one lower-case letter (acronyms such as BPJS are not), letters only, and
/// not a title, organisation, place, day or sentence opener.
///
/// An ASCII word is read as bytes (among ASCII, upper case, lower case and
/// letters are `A-Z`, `a-z` and both; `’` is not ASCII), other words by
/// characters.
pub(super) fn is_nameish(word: &str) -> bool {
    let b = word.as_bytes();
    match b.first() {
        None => return false,
        Some(c) if c.is_ascii() && !c.is_ascii_uppercase() => return false,
        _ => {}
    }
    if b.is_ascii() {
        return b.len() >= 2
            && b.iter().any(u8::is_ascii_lowercase)
            && b.iter().all(|&c| c.is_ascii_alphabetic() || matches!(c, b'\'' | b'-'))
            && !with_norm_bytes(word, |w| NOT_NAME_SET.contains(w));
    }
    is_nameish_by_chars(word)
}

/// [`is_nameish`] for any word, character by character.
fn is_nameish_by_chars(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    first.is_uppercase()
        && word.chars().count() >= 2
        && word.chars().any(char::is_lowercase)
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && !with_norm_bytes(word, |w| NOT_NAME_SET.contains(w))
}

/// A derived word form that is never a name: a word with the clitic
/// "-nya" ("Dijelaskannya", "Menurutnya") or a prefixed verb with "-kan" or
/// "-an" ("Ditambahkan", "Menyampaikan").
pub(super) fn is_word_form(word: &str) -> bool {
    with_norm(word, |w| {
        let long = w.chars().count() >= 8;
        let clitic = w.chars().count() >= 6 && w.ends_with("nya");
        let prefixed = ["di", "me", "ber", "ter"].iter().any(|p| w.starts_with(p))
            && (w.ends_with("kan") || w.ends_with("an"));
        clitic || (long && prefixed)
    })
}

/// Abbreviated titles spelled out, so "Menaker" matches the role
/// "Menteri Ketenagakerjaan".
#[cfg(test)]
fn expand_title(word: &str) -> &'static [&'static str] {
    with_norm(word, expansion)
}

/// Pushes a word of an office: its [`expand_title`] spelling out, else
/// the word [`norm`]alised (normalised once for both).
pub(super) fn push_office_word(word: &str, out: &mut Vec<String>) {
    with_norm(word, |w| match expansion(w) {
        [] => out.push(w.to_string()),
        exp => out.extend(exp.iter().map(|e| e.to_string())),
    })
}

fn expansion(word: &str) -> &'static [&'static str] {
    match word {
        "dirut" => &["direktur", "utama"],
        "menaker" => &["menteri", "ketenagakerjaan"],
        "wamenaker" => &["wakil", "menteri", "ketenagakerjaan"],
        "sekjen" => &["sekretaris", "jenderal"],
        "dirjen" => &["direktur", "jenderal"],
        "kadisnaker" => &["kepala", "dinas", "tenaga", "kerja"],
        "kadis" => &["kepala", "dinas"],
        "kakanwil" => &["kepala", "kantor", "wilayah"],
        "kanwil" => &["kantor", "wilayah"],
        "kacab" | "kakacab" => &["kepala", "kantor", "cabang"],
        "kabid" => &["kepala", "bidang"],
        "wagub" => &["wakil", "gubernur"],
        "wabup" => &["wakil", "bupati"],
        "wawali" => &["wakil", "wali", "kota"],
        "walikota" => &["wali", "kota"],
        "sekda" => &["sekretaris", "daerah"],
        "penjabat" => &["pj"],
        "bpjamsostek" => &["bpjs", "ketenagakerjaan"],
        "kemnaker" => &["kementerian", "ketenagakerjaan", "kemnaker"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn with_norm_is_norm(word in r"(?:[A-Za-z.]|É|é|\u{212a}|İ){0,40}") {
            proptest::prop_assert_eq!(with_norm(&word, str::to_string), norm(&word));
            proptest::prop_assert_eq!(with_norm_bytes(&word, <[u8]>::to_vec), norm(&word).into_bytes());
        }

        #[test]
        fn nameish_bytes_agree_with_chars(
            word in r"(?:[A-Za-z'.\-]|Asep|Jawa|Kamis|É|é|’|\u{212a}|İ|ǅ|😀|1){0,8}",
        ) {
            proptest::prop_assert_eq!(is_nameish(&word), is_nameish_by_chars(&word));
        }

        #[test]
        fn office_word_is_its_parts(word in r"(?:[A-Za-z.]|kadis|menaker|É|\u{212a}){0,6}") {
            let mut got = Vec::new();
            push_office_word(&word, &mut got);
            proptest::prop_assert_eq!(got, office_word_by_parts(&word));
        }
    }

    #[test]
    fn verbs_are_recognised_in_all_their_forms() {
        for w in ["kata", "katanya", "Ujarnya", "mengatakan", "menambahkan", "tuturnya", "bilang"] {
            assert!(is_speech_verb(w), "{w}");
        }
        for w in ["katakan", "menanam", "nya", ""] {
            assert!(!is_speech_verb(w), "{w}");
        }
    }

    #[test]
    fn names_are_told_from_titles_acronyms_and_openers() {
        for w in ["Asep", "Hassanudin", "O'Neil", "Émile"] {
            assert!(is_nameish(w), "{w}");
        }
        for w in ["BPJS", "Direktur", "Jawa", "Kamis", "Sementara", "M.Si", "A", "", "Rp5"] {
            assert!(!is_nameish(w), "{w}");
        }
    }

    /// [`push_office_word`] as first written, from its two parts.
    fn office_word_by_parts(word: &str) -> Vec<String> {
        let exp = expand_title(word);
        if exp.is_empty() { vec![norm(word)] } else { exp.iter().map(|e| e.to_string()).collect() }
    }

    #[test]
    fn office_words_are_expanded_or_normalised() {
        for w in ["Menaker", "KADIS.", "Kepala", "Dinas.", "Émile", "\u{212a}acab", ""] {
            let mut got = Vec::new();
            push_office_word(w, &mut got);
            assert_eq!(got, office_word_by_parts(w), "{w}");
        }
    }

    #[test]
    fn abbreviated_titles_expand() {
        assert_eq!(expand_title("Menaker"), &["menteri", "ketenagakerjaan"]);
        assert!(expand_title("Asep").is_empty());
        assert!(is_role_head("Pj.") && !is_role_head("Asep"));
    }

    #[test]
    fn word_lists_are_lower_case_and_not_names() {
        let lists =
            [ROOT_VERBS, MEN_VERBS, TAIL_WORDS, ADVERBS, PRONOUNS, OBJECT_MARKERS, ROLE_HEADS];
        for w in lists.iter().chain(NOT_NAMES).flat_map(|l| l.split_whitespace()) {
            assert_eq!(w, w.to_lowercase());
            assert!(w.chars().all(char::is_alphabetic), "{w}");
        }
        assert!(NOT_NAME_SET.contains(&b"kemnaker"[..]) && NOT_NAME_SET.contains(&b"pak"[..]));
        assert!(is_common_name("Hari") && is_particle("Made") && is_tail_word("dalam"));
        for w in ["Dijelaskannya", "Menurutnya", "Ditambahkan", "Menyampaikan"] {
            assert!(is_word_form(w), "{w}");
        }
        for w in ["Dian", "Mentari", "Darmawan", "Bernadette", "Budi", "Yassierli", "Tania"] {
            assert!(!is_word_form(w), "{w}");
        }
    }
}
