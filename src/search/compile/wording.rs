//! The wordings a quoted phrase stands for: real pages write a legal
//! instrument as "Instruksi Presiden (Inpres) Nomor 2", "Inpres No. 2 Thn
//! 2021" …

use tantivy::tokenizer::TextAnalyzer;

use crate::analysis;

/// Quoted phrases this long (in terms) allow one inserted word:
/// `"Instruksi Presiden Nomor 2"` finds "Instruksi Presiden (Inpres) Nomor 2".
pub(super) const GAP_FROM: usize = 3;

/// Most wordings one quoted phrase is searched as.
const MAX_WORDINGS: usize = 40;

/// The wordings a quoted phrase stands for, first as typed: without a
/// parenthesised part (`Instruksi Presiden (Inpres) Nomor 2` is also
/// "Instruksi Presiden Nomor 2"), and with `No`/`Nomor` and `Thn`/`Tahun`
/// for each other (`No.` analyses to `no`). A wording of [`GAP_FROM`] terms
/// or more also matches with one word of any kind between two of its words
/// (`compile::gapped`; tantivy's slop is not used: with four terms or more
/// it missed such gaps).
pub(super) fn phrase_wordings(exact: &mut TextAnalyzer, text: &str) -> Vec<Vec<(usize, String)>> {
    let mut bases = vec![analysis::positioned_terms(exact, text)];
    let mut core = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => core.push(c),
            _ => {}
        }
    }
    let core = analysis::positioned_terms(exact, &core);
    if !core.is_empty() && core != bases[0] {
        bases.push(core);
    }
    let mut out: Vec<Vec<(usize, String)>> = Vec::new();
    for base in bases {
        let mut wordings = vec![base.clone()];
        for (i, (_, term)) in base.iter().enumerate() {
            let Some(other) = spelling_variant(term) else { continue };
            let more: Vec<_> = wordings
                .iter()
                .map(|w| {
                    let mut w = w.clone();
                    w[i].1 = other.to_string();
                    w
                })
                .collect();
            wordings.extend(more);
        }
        for w in wordings {
            if !out.contains(&w) && out.len() < MAX_WORDINGS {
                out.push(w);
            }
        }
    }
    out
}

/// The other spelling of a word legal instruments abbreviate.
fn spelling_variant(term: &str) -> Option<&'static str> {
    match term {
        "no" => Some("nomor"),
        "nomor" => Some("no"),
        "thn" => Some("tahun"),
        "tahun" => Some("thn"),
        _ => None,
    }
}
