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

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, PhraseQuery,
    Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis::{self, View};
use crate::error::{Result, UserError};
use crate::index::WartaIndex;
use crate::index::document::{said_term, speaker_slot_term};
use crate::search::aliases::Aliases;
use crate::search::filters::{self, FacetKind};
use crate::search::prefix;
use crate::search::query::Node;

/// How much more a title match weighs than a body match.
pub const TITLE_BOOST: f32 = 2.5;

/// How much more an exact-view match weighs than a stemmed one.
pub const EXACT_BOOST: f32 = 2.0;

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
) -> Result<Compiled> {
    let mut c = Compiler {
        index,
        aliases,
        speakers,
        exact: index.analyzer(View::Exact),
        stemmed: index.analyzer(View::Stemmed),
        highlights: Vec::new(),
        notes: Vec::new(),
    };
    let query = c.node(node, false)?.ok_or_else(|| UserError::QuerySyntax {
        query: raw.to_string(),
        position: 0,
        message: "the query has no searchable words".to_string(),
    })?;
    Ok(Compiled { query, highlights: c.highlights, notes: c.notes })
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
    speakers: Option<&'a [SpeakerSlot]>,
    exact: TextAnalyzer,
    stemmed: TextAnalyzer,
    highlights: Vec<Pattern>,
    notes: Vec<String>,
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
            Node::Word { field, text } => {
                self.leaf(field.as_deref(), text, Kind::Word, negated, true)
            }
            Node::Phrase { field, text } => {
                self.leaf(field.as_deref(), text, Kind::Exact, negated, true)
            }
            Node::And(children) => self.and(children, negated),
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

    /// ANDs the children; a run of plain words that names an alias becomes
    /// one clause: (the words) OR (every other name of the group).
    fn and(&mut self, children: &[Node], negated: bool) -> Result<Option<Box<dyn Query>>> {
        let mut clauses: Clauses = Vec::new();
        let mut i = 0;
        while i < children.len() {
            if let Some((n, q)) = self.alias_run(&children[i..], negated)? {
                clauses.push((Occur::Must, q));
                i += n;
                continue;
            }
            let (occur, inner, neg) = match &children[i] {
                Node::Not(inner) => (Occur::MustNot, inner.as_ref(), !negated),
                other => (Occur::Must, other, negated),
            };
            if let Some(q) = self.node(inner, neg)? {
                clauses.push((occur, q));
            }
            i += 1;
        }
        Ok(boolean(clauses))
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

    /// If the plain words at the start of `run` name an alias, the clause for
    /// them and how many children it consumed.
    fn alias_run(
        &mut self,
        run: &[Node],
        negated: bool,
    ) -> Result<Option<(usize, Box<dyn Query>)>> {
        let mut words: Vec<&str> = Vec::new();
        for node in run {
            match node {
                Node::Word { field: None, text } if text != "*" && !prefix::is_prefix(text) => {
                    words.push(text)
                }
                _ => break,
            }
        }
        if words.len() < 2 {
            return Ok(None); // single words are expanded by `leaf`
        }
        // Terms of each word, to map an alias length in terms back to words.
        let per_word: Vec<Vec<String>> =
            words.iter().map(|w| analysis::terms(&mut self.exact, w)).collect();
        let flat: Vec<String> = per_word.iter().flatten().cloned().collect();
        let Some((n_terms, group)) = self.aliases.longest_prefix(&flat) else { return Ok(None) };
        let mut taken_terms = 0;
        let mut n_words = 0;
        while taken_terms < n_terms && n_words < per_word.len() {
            taken_terms += per_word[n_words].len();
            n_words += 1;
        }
        if taken_terms != n_terms || n_words < 2 {
            return Ok(None);
        }
        let group = group.to_vec();
        let written = words[..n_words].join(" ");
        let q = self.group_query(&written, &group, negated, None)?;
        Ok(q.map(|q| (n_words, q)))
    }

    /// Any name of an alias group: single words in both views, names of
    /// several words as exact phrases. Whichever name was typed, the query
    /// is the same, so `JHT` and `jaminan hari tua` count the same articles.
    ///
    /// The best-matching name scores, not the sum of all: an article that
    /// says "BP Jamsostek" (which also contains the name "Jamsostek") must
    /// not outrank one that says what was typed.
    fn group_query(
        &mut self,
        typed: &str,
        group: &[String],
        negated: bool,
        field: Option<&str>,
    ) -> Result<Option<Box<dyn Query>>> {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for name in group {
            let kind = if name.split_whitespace().count() > 1 { Kind::Exact } else { Kind::Word };
            if let Some(q) = self.leaf(field, name, kind, negated, false)? {
                alternatives.push(q);
            }
        }
        self.notes.push(format!("{typed:?} names an alias group: {}", group.join(" | ")));
        Ok(match alternatives.len() {
            0 => None,
            1 => alternatives.pop(),
            _ => Some(Box::new(DisjunctionMaxQuery::new(alternatives))),
        })
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
        let f = *self.index.fields();
        let schema = self.index.index().schema();
        let mut clauses: Clauses = Vec::new();
        let mut add = |field: Field, terms: &[(usize, String)], boost: f32| {
            if let Some(q) = view_query(&schema, field, terms, boost) {
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
                    view_query(&schema, f.said_exact, &scoped(&exact), EXACT_BOOST),
                    view_query(&schema, f.said, &scoped(&stemmed), 1.0),
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

impl Compiler<'_> {
    /// The title and body clauses of a word or phrase.
    fn text_fields(
        &self,
        scope: Scope,
        exact: &Terms,
        stemmed: &Terms,
        add: &mut dyn FnMut(Field, &Terms, f32),
    ) {
        let f = self.index.fields();
        let title = if scope == Scope::Both { TITLE_BOOST } else { 1.0 };
        if scope != Scope::Body {
            add(f.title_exact, exact, title * EXACT_BOOST);
            add(f.title, stemmed, title);
        }
        if scope != Scope::Title {
            add(f.body_exact, exact, EXACT_BOOST);
            add(f.body, stemmed, 1.0);
        }
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

/// The clause of one view: `terms` in `field` (see [`terms_query`]),
/// weighted by `boost`; `None` without terms.
fn view_query(
    schema: &tantivy::schema::Schema,
    field: Field,
    terms: &[(usize, String)],
    boost: f32,
) -> Option<Box<dyn Query>> {
    if terms.is_empty() {
        return None;
    }
    let q = terms_query(field, has_positions(schema, field), terms);
    Some(if boost == 1.0 { q } else { Box::new(BoostQuery::new(q, boost)) })
}

/// Whether a field records positions (the stemmed body does not: see
/// `index::schema`).
fn has_positions(schema: &tantivy::schema::Schema, field: Field) -> bool {
    match schema.get_field_entry(field).field_type() {
        tantivy::schema::FieldType::Str(options) => {
            options.get_indexing_options().is_some_and(|i| i.index_option().has_positions())
        }
        _ => false,
    }
}

/// A term query for one term; for several, a phrase query (respecting
/// position gaps) where the field has positions and all of the terms
/// where it has none (the exact view of the same word still asks for the
/// phrase, and scores higher).
fn terms_query(field: Field, positions: bool, terms: &[(usize, String)]) -> Box<dyn Query> {
    let term = |t: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, t), IndexRecordOption::WithFreqs))
    };
    if let [(_, one)] = terms {
        return term(one);
    }
    if !positions {
        return Box::new(BooleanQuery::new(
            terms.iter().map(|(_, t)| (Occur::Must, term(t))).collect(),
        ));
    }
    let terms: Vec<(usize, Term)> =
        terms.iter().map(|(p, t)| (*p, Term::from_field_text(field, t))).collect();
    Box::new(PhraseQuery::new_with_offset(terms))
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
