//! Test helpers shared by the unit tests of several modules.

use std::path::{Path, PathBuf};

/// `../shared/seeds` beside the repository, when this checkout has it.
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    dir.is_dir().then_some(dir)
}

/// The path of the seed whose file name starts with `prefix` ("000" … "004").
pub fn seed_path(prefix: &str) -> Option<PathBuf> {
    std::fs::read_dir(seeds_dir()?)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)))
}

/// The raw text of that seed.
pub fn seed_text(prefix: &str) -> Option<String> {
    std::fs::read_to_string(seed_path(prefix)?).ok()
}

/// Checks one token of a stream (the helper tantivy's own filter tests use).
pub fn assert_token(
    token: &tantivy::tokenizer::Token,
    position: usize,
    text: &str,
    from: usize,
    to: usize,
) {
    assert_eq!(token.position, position, "expected position {position} but {token:?}");
    assert_eq!(token.text, text, "expected text {text} but {token:?}");
    assert_eq!(token.offset_from, from, "expected offset_from {from} but {token:?}");
    assert_eq!(token.offset_to, to, "expected offset_to {to} but {token:?}");
}

/// An index of one JSON Lines file holding `lines`, built in a temporary
/// folder (kept alive by the returned guard).
pub fn index_of_jsonl(lines: &str) -> (tempfile::TempDir, crate::index::WartaIndex) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("a.jsonl"), lines).unwrap();
    let index_dir = dir.path().join("index");
    crate::index::build(&crate::index::BuildOptions::new(&corpus, &index_dir), &mut |_| {})
        .unwrap();
    (dir, crate::index::WartaIndex::open(&index_dir).unwrap())
}

/// A small deterministic generator of numbers (SplitMix64) for tests that
/// build many texts from pieces.
pub fn splitmix(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A facet row that is not in the table, shown from its row
/// ([`Shown::Values`](crate::index::facet_spec::Shown)): `credited`, the
/// people of the byline (paths `/Role/Name`, counted at the leaf), so tests
/// can show that a new row reaches hits and exports without code of its own.
pub fn credited_row() -> crate::index::facet_spec::FacetSpec {
    use crate::index::facet_spec::{FacetKind, FacetSpec, Level, Shown};
    FacetSpec {
        name: "credited",
        field: "credited",
        paths: |a| {
            a.byline
                .iter()
                .map(|c| tantivy::schema::Facet::from_path([c.role.as_str(), c.name.as_str()]))
                .collect()
        },
        level: Level::Leaf,
        shown: Shown::Values,
        ..*FacetKind::Source.spec()
    }
}

/// An article with two credits of one person and one of another (made-up
/// names), for [`credited_row`]: its values are `["Rina Wulandari", "Dedi
/// Prasetyo"]`.
pub fn credited_article() -> crate::extract::Article {
    let credit =
        |role: &str, name: &str| crate::extract::Credit { role: role.into(), name: name.into() };
    crate::extract::Article {
        byline: vec![
            credit("Pewarta", "Rina Wulandari"),
            credit("Editor", "Dedi Prasetyo"),
            credit("Foto", "Rina Wulandari"),
        ],
        ..crate::extract::Article::default()
    }
}

/// `n` deterministic texts, each 1 to `max_pieces` of `pieces` drawn by
/// [`splitmix`] from `seed`: inputs for testing a cheap gate against the
/// rule it guards.
pub fn texts_of(
    pieces: &'static [&'static str],
    seed: u64,
    max_pieces: u64,
    n: usize,
) -> impl Iterator<Item = String> {
    let mut next = splitmix(seed);
    (0..n).map(move |_| {
        let len = 1 + (next() % max_pieces) as usize;
        (0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect()
    })
}

/// Every token of `text` through `analyzer`: (text, position, start offset, end offset).
pub fn token_tuples(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    text: &str,
) -> Vec<(String, usize, usize, usize)> {
    use tantivy::tokenizer::TokenStream;
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
    }
    out
}

/// Text that looks like Indonesian news to an analyzer: affixed and reduplicated words (with
/// every hyphen the tokenizer joins on), stopwords and names in any case, numbers and
/// amounts, accented and long letter runs, punctuation, joined by spaces, line ends and
/// hyphens.
pub fn indonesian_like_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let words = prop::collection::vec(
        prop_oneof![
            "(Pe|pe|ME|me|Di|di|ber|BER|ter|ke|se|peng|meny)(kerja|lindung|Terima|terima|bayar|Kerja|sama|hari|nolong|sapu|nelayan)(an|kan|i|nya|lah)?",
            "(yang|Yang|YANG|dan|DAN|di|Di|ini|itu|serta|Serta|Medan|MEDAN|bpjs)",
            "(pekerja|Pekerja|kupu|Kupu|anak|Sehari|hari|tolong|undang|BPJS|e|É|é)[-‐‑](pekerja|Pekerja|kupu|anak|hari|menolong|undang|Undang|TK|KTP|19|nya|é|É)(nya|an)?",
            "(Medan|MEDAN|Surabaya|Kemnaker|Jum'at|Ng’ombe|d'Arc|O'Brien)",
            "(Rp|PP|Covid|B)?[0-9]{1,4}([.,][0-9]{1,3}){0,2}[%.,]?",
            "[A-Za-zÉéÜüİıßÆΣ]{1,45}",
            "[a-z]{15,25}-[a-z]{15,25}",
            "[\"“”'’()…;:!?.,]{1,3}",
        ],
        0..40,
    );
    let seps = prop::collection::vec("[ \n\t]{1,2}|[,.]? |-", 40);
    (words, seps).prop_map(|(words, seps)| {
        let mut text = String::new();
        for (w, s) in words.iter().zip(&seps) {
            text.push_str(w);
            text.push_str(s);
        }
        text
    })
}
