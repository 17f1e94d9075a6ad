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
mod tests;
