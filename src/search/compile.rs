//! Turning the query AST into a tantivy query over both views, expanding
//! aliases, and collecting what snippets should highlight and what
//! `--explain` should say.
//!
//! A word searches four fields: the exact view of title and body (boosted
//! by [`EXACT_BOOST`]) and their stemmed view; the title counts
//! [`TITLE_BOOST`] times the body. A word that analyses to several terms
//! (`BPJS-TK`) is searched as a phrase. A quoted phrase means exact wording
//! and searches the exact view only. `title:`/`body:` restrict to one field;
//! facet fields (`province:Jatim`) become the same non-scoring filters as
//! the flags. A word or run of unquoted words that names an alias group
//! searches every name of the group (names of several words as phrases),
//! scored by the best-matching name.
//!
//! Juxtaposed words select the counted articles as [`Match`] says: all of
//! them (the default), most of them or any. Ranking is BM25 over every word
//! whatever the mode, so rarer words weigh more and an article with more of
//! the words scores higher. A quoted phrase, a `+word`, each side of an explicit `AND` and a
//! facet term (`province:Papua`) are required whatever the mode; `-word`
//! excludes.

use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis::{self, View};
use crate::error::{Result, UserError};
use crate::extract::region;
use crate::index::WartaIndex;
use crate::index::document::{said_term, speaker_slot_term};
use crate::search::aliases::Aliases;
use crate::search::filters::{self, FacetKind};
use crate::search::prefix;
use crate::search::query::Node;
use crate::search::scoring::Floors;

mod expand;
mod gapped;
pub mod phrase_cache;
mod views;
mod wording;

use phrase_cache::PhraseCache;
use views::{PhraseKind, view_query};
use wording::{GAP_FROM, phrase_wordings};

/// How much more a title match weighs than a body match.
pub const TITLE_BOOST: f32 = 2.5;

/// How much more an exact-view match weighs than a stemmed one.
pub const EXACT_BOOST: f32 = 2.0;

/// The score of an article located in a province, regency, city or town the
/// query names without naming it as typed (a BM25 match of the name scores
/// more).
pub const PLACE_SCORE: f32 = 1.0;

/// Which articles a run of juxtaposed words selects (`--match`): the set
/// counted (totals, facets, timelines, exports) follows from the query
/// string and this mode alone. The hits list that set first, ranked; the
/// articles with only some of the words follow it, marked not counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// Every word (the default: the most precise counts, measured on
    /// `eval/relevance`).
    #[default]
    All,
    /// All words of a one- or two-word run; of longer runs, all but one in
    /// four, rounded up (2 of 3, 3 of 4, 3 of 5, 4 of 6 …).
    Most,
    /// At least one word.
    Any,
}

impl Match {
    /// How many of `n` words an article needs.
    pub fn required(self, n: usize) -> usize {
        match self {
            Match::All => n,
            Match::Any => n.min(1),
            Match::Most if n <= 2 => n,
            Match::Most => n - n.div_ceil(4),
        }
    }

    /// The mode's name, as `--match` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Match::All => "all",
            Match::Most => "most",
            Match::Any => "any",
        }
    }
}

/// What to highlight for one query term or phrase: its terms in each view,
/// with positions relative to the first term. A snippet hit is a run of
/// tokens matching either.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pattern {
    /// Exact-view terms.
    pub exact: Vec<(usize, String)>,
    /// Stemmed-view terms (empty for quoted phrases and stopwords).
    pub stemmed: Vec<(usize, String)>,
}

/// A query ready to run.
pub struct Compiled {
    /// The tantivy query for the text part (filters are added by the caller).
    pub query: Box<dyn Query>,
    /// What snippets should highlight.
    pub highlights: Vec<Pattern>,
    /// How each word was analysed and expanded, for `--explain`.
    pub notes: Vec<String>,
    /// Document-frequency floors of alias terms (see [`scoring`](crate::search::scoring)).
    pub floors: Floors,
    /// Whether some run of juxtaposed words has two or more words, so that
    /// another [`Match`] would select other articles.
    pub optional_words: bool,
}

/// Compiles a parsed query. `raw` is the query string, for error messages.
///
/// With `speakers` (`--quoted-by`: every slot the chosen people have in any
/// article), words search only what those people said.
pub fn compile(
    index: &WartaIndex,
    aliases: &Aliases,
    node: &Node,
    raw: &str,
    speakers: Option<&[SpeakerSlot]>,
    matching: Match,
    thesaurus: Option<&Aliases>,
) -> Result<Compiled> {
    let mut c = Compiler {
        index,
        aliases,
        thesaurus,
        speakers,
        matching,
        exact: index.analyzer(View::Exact),
        stemmed: index.analyzer(View::Stemmed),
        highlights: Vec::new(),
        notes: Vec::new(),
        floors: Floors::new(),
        optional_words: false,
    };
    let query = c.node(node, false)?.ok_or_else(|| UserError::QuerySyntax {
        query: raw.to_string(),
        position: 0,
        message: "the query has no searchable words".to_string(),
    })?;
    Ok(Compiled {
        query,
        highlights: c.highlights,
        notes: c.notes,
        floors: c.floors,
        optional_words: c.optional_words,
    })
}

/// A speaker's slot in some articles: their words there are scoped by it
/// (`index::document::said_term`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerSlot {
    /// The speaker's key (`index::document::speaker_key`).
    pub key: String,
    /// The slot.
    pub slot: usize,
}

struct Compiler<'a> {
    index: &'a WartaIndex,
    aliases: &'a Aliases,
    /// Related expressions (`search::thesaurus`); `None` with `--no-expand`.
    thesaurus: Option<&'a Aliases>,
    speakers: Option<&'a [SpeakerSlot]>,
    matching: Match,
    exact: TextAnalyzer,
    stemmed: TextAnalyzer,
    highlights: Vec<Pattern>,
    notes: Vec<String>,
    floors: Floors,
    optional_words: bool,
}

/// Which text fields a term may match in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Both,
    Title,
    Body,
}

/// How a leaf is matched.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A word: both views.
    Word,
    /// A quoted phrase or an alias name: exact view only, as a phrase.
    Exact,
}

type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// Terms with their positions relative to the first one.
type Terms = [(usize, String)];

impl Compiler<'_> {
    fn node(&mut self, node: &Node, negated: bool) -> Result<Option<Box<dyn Query>>> {
        match node {
            Node::Word { field: None, text } if text == "*" => Ok(Some(Box::new(AllQuery))),
            Node::Word { field, text } if prefix::is_prefix(text) => {
                self.prefix(field.as_deref(), text).map(Some)
            }
            Node::Word { field: None, .. } => {
                if let Some((_, q)) = self.related_run(std::slice::from_ref(node), negated)? {
                    return Ok(Some(q));
                }
                if let Some((_, q)) = self.place_run(std::slice::from_ref(node), negated)? {
                    return Ok(Some(q));
                }
                self.leaf(None, word_text(node), Kind::Word, negated, true)
            }
            Node::Word { field, text } => {
                self.leaf(field.as_deref(), text, Kind::Word, negated, true)
            }
            Node::Phrase { field, text } => {
                self.leaf(field.as_deref(), text, Kind::Exact, negated, true)
            }
            Node::And(children) => self.and(children, negated),
            Node::Require(inner) => self.node(inner, negated),
            Node::Or(children) => {
                let mut clauses: Clauses = Vec::new();
                for child in children {
                    if let Some(q) = self.node(child, negated)? {
                        clauses.push((Occur::Should, q));
                    }
                }
                Ok(boolean(clauses))
            }
            Node::Not(inner) => Ok(self.node(inner, !negated)?.map(|q| {
                let all: Box<dyn Query> = Box::new(AllQuery);
                Box::new(BooleanQuery::new(vec![(Occur::Must, all), (Occur::MustNot, q)]))
                    as Box<dyn Query>
            })),
        }
    }

    /// Combines juxtaposed children: required terms (phrases, `+word`,
    /// explicit `AND`, facet terms) must match, exclusions must not, and of
    /// the words (a run of words naming an alias counts as one) as many as
    /// [`Match::required`] says (with `any`, none when something is required). Under an exclusion every word is required,
    /// so that `-(a b)` removes exactly the articles with both.
    fn and(&mut self, children: &[Node], negated: bool) -> Result<Option<Box<dyn Query>>> {
        let mut clauses: Clauses = Vec::new();
        let mut words: Vec<Box<dyn Query>> = Vec::new();
        let mut i = 0;
        while i < children.len() {
            if let Some((n, q)) = self.alias_run(&children[i..], negated)? {
                words.push(q);
                i += n;
                continue;
            }
            if let Some((n, q)) = self.related_run(&children[i..], negated)? {
                words.push(q);
                i += n;
                continue;
            }
            if let Some((n, q)) = self.place_run(&children[i..], negated)? {
                words.push(q);
                i += n;
                continue;
            }
            match &children[i] {
                Node::Not(inner) => {
                    if let Some(q) = self.node(inner, !negated)? {
                        clauses.push((Occur::MustNot, q));
                    }
                }
                node if is_required(node) => {
                    if let Some(q) = self.node(node, negated)? {
                        clauses.push((Occur::Must, q));
                    }
                }
                node => words.extend(self.node(node, negated)?),
            }
            i += 1;
        }
        self.optional_words |= !negated && words.len() > 1;
        let mode = if negated { Match::All } else { self.matching };
        // With `--match any`, required terms already make the match: words only rank.
        let has_required = clauses.iter().any(|(o, _)| *o == Occur::Must);
        let need = if mode == Match::Any && has_required { 0 } else { mode.required(words.len()) };
        if words.len() > 1 && need < words.len() {
            self.notes.push(format!(
                "--match {}: an article needs {need} of the {} words (required terms apart); \
                 more of them rank higher",
                mode.name(),
                words.len()
            ));
        }
        if need == words.len() {
            clauses.extend(words.into_iter().map(|q| (Occur::Must, q)));
            return Ok(boolean(clauses));
        }
        clauses.extend(words.into_iter().map(|q| (Occur::Should, q)));
        Ok(Some(Box::new(BooleanQuery::with_minimum_required_clauses(clauses, need))))
    }

    /// `klaim*`: every exact-view word with that start (`search::prefix`).
    fn prefix(&mut self, field: Option<&str>, text: &str) -> Result<Box<dyn Query>> {
        let f = *self.index.fields();
        let (body, title) = match field {
            None => (Some(f.body_exact), Some(f.title_exact)),
            Some("body") => (Some(f.body_exact), None),
            Some("title") => (None, Some(f.title_exact)),
            Some(other) => {
                return Err(UserError::Usage(format!(
                    "`{other}:{text}`: prefix search works on the words of title and body only"
                ))
                .into());
            }
        };
        let fields: Vec<Field> = [body, title].into_iter().flatten().collect();
        let words = prefix::expand(self.index, &mut self.exact, text, &fields)?;
        self.notes.push(format!("prefix {text:?} → {} words: {}", words.len(), words.join(" ")));
        for w in &words {
            self.highlights.push(Pattern { exact: vec![(0, w.clone())], stemmed: Vec::new() });
        }
        Ok(prefix::query(&words, body, title))
    }

    fn leaf(
        &mut self,
        field: Option<&str>,
        text: &str,
        kind: Kind,
        negated: bool,
        expand: bool,
    ) -> Result<Option<Box<dyn Query>>> {
        let scope = match field {
            None => Scope::Both,
            Some("title") => Scope::Title,
            Some("body") => Scope::Body,
            Some(other) => {
                // The parser only lets known field names through.
                let kind = FacetKind::from_field(other).unwrap_or(FacetKind::Source);
                let facets = filters::resolve(self.index, kind, text)?;
                self.notes.push(format!("{other}:{text} → filter {}", facet_list(&facets)));
                return Ok(Some(filters::facet_query(
                    filters::field_of(self.index, kind),
                    &facets,
                )));
            }
        };
        let exact = analysis::positioned_terms(&mut self.exact, text);
        if exact.is_empty() {
            self.notes.push(format!("{text:?} has no searchable terms; ignored"));
            return Ok(None);
        }
        let stemmed = if kind == Kind::Word {
            analysis::positioned_terms(&mut self.stemmed, text)
        } else {
            Vec::new()
        };
        if !negated {
            self.highlights.push(Pattern { exact: exact.clone(), stemmed: stemmed.clone() });
        }
        if expand {
            let how = if kind == Kind::Word { "word" } else { "phrase" };
            self.notes.push(format!(
                "{how} {text:?} → exact [{}], stemmed [{}]",
                joined(&exact),
                joined(&stemmed)
            ));
        }
        // A quoted phrase: its wordings (without a parenthesised abbreviation,
        // No/Nomor, Thn/Tahun), three words or more allowing one inserted word.
        let typed_phrase = kind == Kind::Exact && expand;
        let wordings =
            if typed_phrase { phrase_wordings(&mut self.exact, text) } else { vec![exact.clone()] };
        if wordings.len() > 1 {
            let others: Vec<String> = wordings[1..].iter().map(|w| joined(w)).collect();
            self.notes.push(format!("phrase {text:?} also as: {}", others.join(" | ")));
        }
        if typed_phrase && wordings.iter().any(|w| w.len() >= GAP_FROM) {
            self.notes.push(format!("phrase {text:?}: one inserted word allowed"));
        }
        let f = *self.index.fields();
        let schema = self.index.index().schema();
        let mut clauses: Clauses = Vec::new();
        // A typed phrase of three terms or more may have an inserted word
        // (`compile::gapped`; tantivy's slop missed such gaps from four terms);
        // the names of an expansion keep their matches (`compile::phrase_cache`).
        let kept = (kind == Kind::Exact && !expand).then(|| self.index.state::<PhraseCache>());
        // Where any word matches, every article holding the phrase's words is
        // visited anyway: find and keep its matches. Where all words are
        // needed, only reuse them.
        let fill = self.matching == Match::Any;
        let mut add = |field: Field, terms: &[(usize, String)], boost: f32| {
            let how = match &kept {
                _ if typed_phrase && terms.len() >= GAP_FROM => PhraseKind::Gapped,
                Some(cache) => PhraseKind::Kept(cache.clone(), fill),
                None => PhraseKind::Plain,
            };
            if let Some(q) = view_query(&schema, field, terms, boost, how) {
                clauses.push((Occur::Should, q));
            }
        };
        if let (Scope::Both, Some(speakers)) = (scope, self.speakers) {
            // Only what the speakers said: for each slot a speaker has, the
            // words under that slot where the speaker has that slot.
            for s in speakers {
                let scoped = |terms: &[(usize, String)]| -> Vec<(usize, String)> {
                    terms.iter().map(|(p, t)| (*p, said_term(s.slot, t))).collect()
                };
                let views: Clauses = [
                    view_query(
                        &schema,
                        f.said_exact,
                        &scoped(&exact),
                        EXACT_BOOST,
                        PhraseKind::Plain,
                    ),
                    view_query(&schema, f.said, &scoped(&stemmed), 1.0, PhraseKind::Plain),
                ]
                .into_iter()
                .flatten()
                .map(|q| (Occur::Should, q))
                .collect();
                let Some(words) = boolean(views) else { continue };
                let slot =
                    Term::from_field_text(f.speaker_slot, &speaker_slot_term(&s.key, s.slot));
                let who = TermQuery::new(slot, IndexRecordOption::Basic);
                let who: Box<dyn Query> = Box::new(ConstScoreQuery::new(Box::new(who), 0.0));
                let q = BooleanQuery::new(vec![(Occur::Must, words), (Occur::Must, who)]);
                clauses.push((Occur::Should, Box::new(q)));
            }
        } else {
            self.text_fields(scope, &exact, &stemmed, &mut add);
            for wording in wordings.iter().skip(1) {
                self.text_fields(scope, wording, &[], &mut add);
            }
            // A name of several words (an alias, a related expression) also
            // with a clitic on its last word: "jaminan hari tuanya" is JHT.
            if kind == Kind::Exact && !expand && exact.len() > 1 {
                self.with_clitic(scope, &exact, &mut clauses);
            }
        }
        // A word that names an alias group searches the whole group, in the
        // same fields. A quoted phrase means exact wording: no expansion.
        if expand && kind == Kind::Word {
            let exact_terms: Vec<String> = exact.iter().map(|(_, t)| t.clone()).collect();
            if let Some(group) = self.aliases.group_of(&exact_terms).map(<[String]>::to_vec) {
                if !negated {
                    self.highlights.pop(); // the group's names are highlighted instead
                }
                return self.group_query(text, &group, negated, field);
            }
        }
        Ok(boolean(clauses))
    }
}

/// Whether a term of a juxtaposed run must match whatever the mode: a
/// `+term`, a side of an explicit `AND`, a quoted phrase, a facet term.
fn is_required(node: &Node) -> bool {
    match node {
        Node::Require(_) | Node::Phrase { .. } => true,
        Node::Word { field: Some(field), .. } => field != "title" && field != "body",
        _ => false,
    }
}

/// The text of a word node.
fn word_text(node: &Node) -> &str {
    match node {
        Node::Word { text, .. } | Node::Phrase { text, .. } => text,
        _ => "",
    }
}

fn facet_list(facets: &[tantivy::schema::Facet]) -> String {
    if facets.is_empty() {
        return "(nothing indexed)".into();
    }
    facets.iter().map(|f| f.to_string()).collect::<Vec<_>>().join(" OR ")
}

fn joined(terms: &[(usize, String)]) -> String {
    terms.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" ")
}

/// A boolean query of the clauses; `None` when there are none. A query made
/// only of exclusions matches everything else.
fn boolean(mut clauses: Clauses) -> Option<Box<dyn Query>> {
    if clauses.is_empty() {
        return None;
    }
    if clauses.len() == 1 && clauses[0].0 != Occur::MustNot {
        return clauses.pop().map(|(_, q)| q);
    }
    if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::scoring::tests::index_of;
    use crate::search::{SearchRequest, search};

    #[test]
    fn most_needs_all_of_two_words_and_three_of_four() {
        let most: Vec<usize> = (0..=8).map(|n| Match::Most.required(n)).collect();
        assert_eq!(most, [0, 1, 2, 2, 3, 3, 4, 5, 6]);
        assert_eq!(Match::All.required(5), 5);
        assert_eq!(Match::Any.required(5), 1);
        assert_eq!(Match::Any.required(0), 0);
    }

    /// (counted ids, uncounted ids) of a search, in rank order.
    fn run(index: &crate::index::WartaIndex, q: &str, mode: Match) -> (Vec<String>, Vec<String>) {
        let mut req = SearchRequest::new(q);
        req.filters.matching = mode;
        req.limit = 20;
        let r = search(index, &req).unwrap();
        let short = |h: &crate::search::Hit| h.id.trim_start_matches("a.jsonl#").to_string();
        assert_eq!(r.total, r.hits.iter().filter(|h| h.counted).count(), "{q}");
        let counted = r.hits.iter().filter(|h| h.counted).map(short).collect();
        let rest: Vec<String> = r.hits.iter().filter(|h| !h.counted).map(short).collect();
        assert_eq!(r.partial.unwrap_or(0), rest.len(), "{q}");
        (counted, rest)
    }

    fn articles() -> (tempfile::TempDir, crate::index::WartaIndex) {
        index_of(&[
            (
                "Nelayan menerima santunan",
                "Ahli waris nelayan di Ambon menerima santunan kematian.",
            ),
            ("Klaim santunan", "Ahli waris pekerja pabrik mengajukan klaim santunan."),
            ("Pendaftaran nelayan", "Kelompok nelayan di Ambon mendaftar sebagai peserta."),
            ("Pasar tradisional", "Pedagang pasar di Bekasi belum terdaftar."),
        ])
    }

    #[test]
    fn the_mode_decides_what_is_counted_and_the_rest_follows() {
        let (_dir, index) = articles();
        // All: only the article with every word is counted; those with some follow, uncounted.
        let (counted, rest) = run(&index, "santunan nelayan Ambon", Match::All);
        assert_eq!(counted, ["1"]);
        assert_eq!(rest.len(), 2, "{rest:?}");
        assert!(!rest.contains(&"4".to_string()));
        // Most: 2 of 3 words.
        let (counted, rest) = run(&index, "santunan nelayan Ambon", Match::Most);
        assert_eq!(counted.len(), 2);
        assert_eq!(counted[0], "1", "more of the words rank higher");
        assert_eq!(rest, ["2"]);
        // Any: every article with one of the words, none left over.
        let (counted, rest) = run(&index, "santunan nelayan Ambon", Match::Any);
        assert_eq!((counted.len(), rest.len()), (3, 0));
    }

    #[test]
    fn plus_phrases_and_explicit_and_stay_required() {
        let (_dir, index) = articles();
        let (counted, rest) = run(&index, "+Ambon santunan", Match::Any);
        assert_eq!(counted.len(), 2);
        assert!(rest.is_empty());
        let (counted, _) = run(&index, "\"ahli waris\" nelayan", Match::Any);
        assert_eq!(counted.len(), 2, "the phrase is required: {counted:?}");
        let (counted, _) = run(&index, "nelayan AND Ambon pasar", Match::Any);
        assert_eq!(counted.len(), 2);
        // Under an exclusion every word counts: only the article with both is removed.
        let (counted, _) = run(&index, "(peserta OR santunan) -(nelayan Ambon)", Match::Any);
        assert_eq!(counted, ["2"]);
    }

    #[test]
    fn a_rare_spelling_of_a_common_name_does_not_outrank_the_subject() {
        // Every article names the agency; one spells it "BPJS TK" (rare), the other is about
        // the rare word asked for.
        let (_dir, index) = index_of(&[
            (
                "Pekerja migran terlindungi",
                "BPJS Ketenagakerjaan melindungi pekerja migran di Batam.",
            ),
            ("Sosialisasi", "BPJS TK mengajak pekerja mendaftar. Pekerja migran juga boleh."),
            ("Gerai baru", "BPJS Ketenagakerjaan membuka gerai."),
            ("Iuran", "BPJS Ketenagakerjaan menagih iuran."),
        ]);
        let (counted, _) = run(&index, "BPJS Ketenagakerjaan pekerja migran", Match::All);
        assert_eq!(counted, ["1", "2"]);
    }

    #[test]
    fn the_thesaurus_finds_related_wording_below_what_was_typed() {
        let (_dir, index) = index_of(&[
            ("Ojek daring", "Pengemudi ojek daring di Manado mendaftar."),
            ("Ojek online", "Pengemudi ojek online di Semarang mendaftar."),
            ("Pasar", "Pedagang pasar mendaftar."),
        ]);
        let (counted, _) = run(&index, "ojek online", Match::All);
        assert_eq!(counted, ["2", "1"], "what was typed ranks first");
        let mut req = SearchRequest::new("ojek online");
        req.filters.no_expand = true;
        req.explain = true;
        let r = search(&index, &req).unwrap();
        assert_eq!(r.total, 1, "--no-expand: only the words typed");
        let notes = r.explain.unwrap().terms.join("\n");
        assert!(notes.contains("thesaurus off (--no-expand)") && notes.contains("ojol"), "{notes}");
        req.filters.no_expand = false;
        let r = search(&index, &req).unwrap();
        let notes = r.explain.unwrap().terms.join("\n");
        assert!(notes.contains("ojek daring") && notes.contains("thesaurus"), "{notes}");
        // An exclusion excludes what was typed, not its relatives.
        let (counted, _) = run(&index, "mendaftar -online", Match::All);
        assert_eq!(counted.len(), 2);
    }

    #[test]
    fn a_province_in_the_query_also_finds_articles_located_there_ranked_below() {
        let (_dir, index) = index_of(&[
            ("Pekerja rentan di Padang", "PADANG - Pemkot Padang menanggung iuran pekerja rentan."),
            (
                "Pekerja rentan Sumatera Barat",
                "Pemprov Sumatera Barat menanggung iuran pekerja rentan.",
            ),
            ("Pekerja rentan di Bekasi", "BEKASI - Pemkot Bekasi menanggung iuran pekerja rentan."),
        ]);
        let (counted, _) = run(&index, "pekerja rentan Sumatera Barat", Match::All);
        assert_eq!(counted, ["2", "1"]);
        // Exclusions and field restrictions stay with the words.
        let (counted, _) = run(&index, "pekerja -\"Sumatera Barat\"", Match::All);
        assert_eq!(counted.len(), 2);
        let (counted, _) = run(&index, "title:Sumbar OR title:\"Sumatera Barat\"", Match::All);
        assert_eq!(counted, ["2"]);
    }

    #[test]
    fn a_regency_or_city_in_the_query_also_finds_articles_located_there_ranked_below() {
        let (_dir, index) = index_of(&[
            (
                "Pekerja rentan di Kutai Kartanegara",
                "TENGGARONG - Pemkab Kutai Kartanegara menanggung iuran pekerja rentan.",
            ),
            ("Iuran pekerja rentan ditanggung", "Pemkab Kukar menanggung iuran pekerja rentan."),
            ("Pekerja rentan di Bekasi", "BEKASI - Pemkot Bekasi menanggung iuran pekerja rentan."),
            ("Nelayan Padang", "Pemkot Padang mendaftarkan nelayan sebagai peserta."),
        ]);
        let (counted, _) = run(&index, "pekerja rentan Kutai Kartanegara", Match::All);
        assert_eq!(counted, ["1", "2"], "the page that names it first");
        let (counted, _) = run(&index, "pekerja rentan Kukar", Match::All);
        assert_eq!(counted, ["2", "1"]);
        // "Kota Padang": the page says "Pemkot Padang", not "kota".
        let (counted, _) = run(&index, "nelayan Kota Padang", Match::All);
        assert_eq!(counted, ["4"]);
        // Written in lower case, a name is a word (many place names are common words).
        let (counted, _) = run(&index, "pekerja rentan kukar", Match::All);
        assert_eq!(counted, ["2"]);
        // An exclusion excludes what was typed.
        let (mut counted, _) = run(&index, "iuran -Kukar", Match::All);
        counted.sort();
        assert_eq!(counted, ["1", "3"]);
        let mut req = SearchRequest::new("pekerja Kukar");
        req.explain = true;
        let notes = search(&index, &req).unwrap().explain.unwrap().terms.join("\n");
        assert!(notes.contains("located in Kutai Kartanegara (Kalimantan Timur"), "{notes}");
    }

    #[test]
    fn a_quoted_legal_instrument_survives_real_typography() {
        let mut exact = crate::analysis::AnalysisConfig::default().analyzer(View::Exact);
        let texts = |ws: Vec<Vec<(usize, String)>>| -> Vec<String> {
            ws.iter().map(|w| joined(w)).collect()
        };
        let first =
            |ws: Vec<Vec<(usize, String)>>, n: usize| texts(ws.into_iter().take(n).collect());
        assert_eq!(
            first(phrase_wordings(&mut exact, "Inpres No. 2 Thn 2021"), 4),
            [
                "inpres no 2 thn 2021",
                "inpres nomor 2 thn 2021",
                "inpres no 2 tahun 2021",
                "inpres nomor 2 tahun 2021"
            ]
        );
        assert_eq!(
            first(phrase_wordings(&mut exact, "Instruksi Presiden (Inpres) Nomor 2"), 4),
            [
                "instruksi presiden inpres nomor 2",
                "instruksi presiden inpres no 2",
                "instruksi presiden nomor 2",
                "instruksi presiden no 2"
            ]
        );
        assert_eq!(texts(phrase_wordings(&mut exact, "hari tua")), ["hari tua"]);
        let (_dir, index) = index_of(&[
            (
                "Aturan",
                "Sesuai Instruksi Presiden (Inpres) Nomor 2 Tahun 2021, pemda menanggung iuran.",
            ),
            ("Aturan", "Sesuai Instruksi Presiden No. 2 Thn 2021 tentang jaminan sosial."),
            ("Aturan", "Instruksi Presiden tahun lalu bernomor 2 dari 2021."),
            ("Hari", "Hari ini tua dan muda datang."),
        ]);
        for q in [
            "\"Instruksi Presiden Nomor 2 Tahun 2021\"",
            "\"Instruksi Presiden (Inpres) Nomor 2 Tahun 2021\"",
        ] {
            let mut found = run(&index, q, Match::All).0;
            found.sort();
            assert_eq!(found, ["1", "2"], "{q}");
        }
        // Two-word phrases stay exact: no word may come between.
        assert!(run(&index, "\"hari tua\"", Match::All).0.is_empty());
        // From three words, one inserted word anywhere; not two, not another order.
        let (_dir, index) = index_of(&[
            ("A", "Ia pekerja yang bukan penerima upah."),
            ("B", "Ia pekerja bukan calon penerima upah."),
            ("C", "Ia pekerja yang bukan calon penerima upah."),
            ("D", "Ia bukan pekerja penerima upah."),
            ("E", "Ia pekerja bukan penerima upah."),
        ]);
        let mut found = run(&index, "\"pekerja bukan penerima upah\"", Match::All).0;
        found.sort();
        assert_eq!(found, ["1", "2", "5"]);
    }

    #[test]
    fn a_programme_name_with_a_clitic_is_found_by_its_acronym() {
        let (_dir, index) = index_of(&[
            ("Klaim", "Peserta mencairkan jaminan hari tuanya lewat aplikasi."),
            ("Klaim", "Saldo JHT-nya utuh."),
            ("Klaim", "Hari tua yang tenang, kata jaminan itu."),
        ]);
        assert_eq!(run(&index, "JHT", Match::All).0.len(), 2);
    }
}
