//! Sentences: a line cut where a sentence ends, as the parent module's doc
//! describes under *Sentences*.

/// Abbreviations whose dot does not end a sentence, lower case.
const ABBREVIATIONS: &[&str] = &[
    "pj", "plt", "plh", "no", "dr", "drs", "dra", "ir", "prof", "h", "hj", "st", "sdr", "sdri",
    "bpk", "bp", "ny", "tn", "jl", "kab", "kec", "kel", "prov", "rp", "dll", "dsb", "dkk", "dst",
    "kol", "jend",
];

/// Splits a body into trimmed, non-empty sentences (see the module doc).
#[cfg(test)]
pub(super) fn sentences(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in body.lines() {
        line_sentences(line, &mut out);
    }
    out
}

/// Appends the sentences of one line to `out`. A sentence ends at `.`, `!`,
/// `?` or `…`, after any closing quotes or brackets, when whitespace and then
/// a capital or an opening quote follow (a `.` of an abbreviation or list
/// number does not end one). The ends are found by a byte search: the ASCII
/// marks are whole characters, and `…` is the only mark whose first byte is
/// 0xE2, a lead byte that never occurs inside another character. The next
/// ASCII mark and the next 0xE2 byte are searched for apart (by `memchr`)
/// and each kept until passed.
pub(super) fn line_sentences<'a>(line: &'a str, out: &mut Vec<&'a str>) {
    let bytes = line.as_bytes();
    let find_mark =
        |from: usize| memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map(|k| from + k);
    let find_lead = |from: usize| memchr::memchr(0xE2, &bytes[from..]).map(|k| from + k);
    let (mut mark, mut lead) = (find_mark(0), find_lead(0));
    let mut start = 0;
    let mut at = 0;
    loop {
        if mark.is_some_and(|m| m < at) {
            mark = find_mark(at);
        }
        if lead.is_some_and(|l| l < at) {
            lead = find_lead(at);
        }
        let pos = match (mark, lead) {
            (Some(m), Some(l)) => m.min(l),
            (Some(p), None) | (None, Some(p)) => p,
            (None, None) => break,
        };
        let c = line[pos..].chars().next().unwrap_or_default();
        at = pos + c.len_utf8();
        if !matches!(c, '.' | '!' | '?' | '…') || pos < start {
            continue;
        }
        let closed = at
            + line[at..]
                .find(|c: char| !matches!(c, '"' | '”' | '’' | '\'' | ')' | '»'))
                .unwrap_or(line.len() - at);
        let next_at = closed
            + line[closed..].find(|c: char| !c.is_whitespace()).unwrap_or(line.len() - closed);
        if next_at == closed || next_at >= line.len() {
            continue;
        }
        let next = line[next_at..].chars().next().unwrap_or_default();
        if !(next.is_uppercase() || matches!(next, '"' | '“' | '”' | '‘' | '\'' | '(')) {
            continue;
        }
        if c == '.' && keeps_dot(&line[start..pos], start == 0) {
            continue;
        }
        push_trimmed(out, &line[start..closed]);
        start = next_at;
    }
    push_trimmed(out, &line[start..]);
}

/// Whether a `.` after `segment` belongs to an abbreviation or a list number.
fn keeps_dot(segment: &str, line_start: bool) -> bool {
    let word = segment.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if word.chars().count() == 1 && letters == 1 {
        return true; // initial `A.`
    }
    if word.contains('.') && letters > 0 && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true; // `S.H.`, `D.I.`
    }
    if ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
        return true;
    }
    line_start
        && !word.is_empty()
        && segment.trim() == word
        && word.bytes().all(|b| b.is_ascii_digit())
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::super::find_figures;
    use super::super::tests::random_lines;
    use super::*;

    /// The character-by-character splitting [`line_sentences`] replaced.
    fn line_sentences_by_char<'a>(
        line: &'a str,
        chars: &mut Vec<(usize, char)>,
        out: &mut Vec<&'a str>,
    ) {
        chars.clear();
        chars.extend(line.char_indices());
        let mut start = 0;
        for (i, &(pos, c)) in chars.iter().enumerate() {
            if !matches!(c, '.' | '!' | '?' | '…') || pos < start {
                continue;
            }
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | '»') {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            if k == j || k >= chars.len() {
                continue;
            }
            let next = chars[k].1;
            if !(next.is_uppercase() || matches!(next, '"' | '“' | '”' | '‘' | '\'' | '(')) {
                continue;
            }
            if c == '.' && keeps_dot(&line[start..pos], start == 0) {
                continue;
            }
            push_trimmed(out, &line[start..chars[j].0]);
            start = chars[k].0;
        }
        push_trimmed(out, &line[start..]);
    }

    #[test]
    fn list_number_does_not_split_sentence() {
        let f = find_figures("3. Target Tercapai, sebanyak 9 juta pekerja terdaftar");
        assert_eq!(f.len(), 1);
        assert!(f[0].sentence.starts_with("3. Target"), "{:?}", f[0].sentence);
    }

    #[test]
    fn sentence_split_and_trim() {
        let f = find_figures("  Tahun lalu naik. Kini 8.000 buruh terdaftar! Sisanya belum.  ");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].sentence, "Kini 8.000 buruh terdaftar!");
    }

    #[test]
    fn sentence_not_split_inside_number_or_abbreviation() {
        let f = find_figures("Pj. Gubernur menyebut 8.000 Pekerja dan Rp. 5 juta.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].sentence, "Pj. Gubernur menyebut 8.000 Pekerja dan Rp. 5 juta.");
        assert_eq!(f[1].text, "Rp. 5 juta");
    }

    #[test]
    fn sentence_split_after_closing_quote() {
        let f = find_figures("\u{201c}Sudah 3 juta peserta.\u{201d} Lalu Rp2 miliar cair.");
        assert_eq!(f[0].sentence, "\u{201c}Sudah 3 juta peserta.\u{201d}");
        assert_eq!(f[1].sentence, "Lalu Rp2 miliar cair.");
    }

    #[test]
    fn sentences_split_at_newlines() {
        let f = find_figures("Judul 5 Ribu Pekerja\nIsi berita 7 kasus baru");
        assert_eq!(f[0].sentence, "Judul 5 Ribu Pekerja");
        assert_eq!(f[1].sentence, "Isi berita 7 kasus baru");
    }

    /// Lines the byte search and the character walk must split alike:
    /// every mark, closers, spaces of several kinds, abbreviations.
    #[test]
    fn splitting_by_bytes_equals_splitting_by_characters() {
        let lines = [
            "Iuran naik 3 persen. Peserta baru 12 ribu! Benarkah? Ya… Tentu.",
            "Kata Dr. Sinta, \"dana Rp5 juta.\" Lalu (dia) pergi.) Esok hari.",
            "1. Pertama. 2. Kedua.\u{a0}Ketiga… “Keempat.” ‘Kelima’. (Keenam).",
            "S.H. dan D.I. Yogyakarta. A. Budi datang—lalu pulang. …Akhir",
            "titik.di.tengah.Kata.  Dua spasi.\tTab. Ä besar. é kecil.",
            "…",
            ".",
            "a.",
            ". A",
            "x… Y",
            "»…» Z",
            "",
            "Satu kalimat saja",
        ];
        for line in lines {
            let (mut bytes, mut chars, mut buf) = (Vec::new(), Vec::new(), Vec::new());
            line_sentences(line, &mut bytes);
            line_sentences_by_char(line, &mut buf, &mut chars);
            assert_eq!(bytes, chars, "{line}");
        }
        let alphabet = ".!?…\"”’')»“‘( \u{a0}\tAaZé—Dr1";
        for line in random_lines(alphabet, 0x2545_F491_4F6C_DD1D, 2000, 30) {
            let (mut bytes, mut chars, mut buf) = (Vec::new(), Vec::new(), Vec::new());
            line_sentences(&line, &mut bytes);
            line_sentences_by_char(&line, &mut buf, &mut chars);
            assert_eq!(bytes, chars, "{line}");
        }
    }
}
