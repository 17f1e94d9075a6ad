//! Turning the query AST into a tantivy query, and collecting the term
//! sequences that snippets should highlight.
//!
//! A word searches the title (boosted by [`TITLE_BOOST`]) and the body; a
//! word that the analyzer splits into several terms (`BPJS-TK`) is searched
//! as a phrase; `title:`/`body:` restrict to one field; facet fields
//! (`province:Jatim`) become the same non-scoring filters as the flags.

use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use crate::analysis;
use crate::error::{Result, UserError};
use crate::index::WartaIndex;
use crate::search::filters::{self, FacetKind};
use crate::search::query::Node;

/// How much more a title match weighs than a body match.
pub const TITLE_BOOST: f32 = 2.5;

/// A query ready to run.
pub struct Compiled {
    /// The tantivy query for the text part (filters are added by the caller).
    pub query: Box<dyn Query>,
    /// Term sequences to highlight: one term for a word, several for a phrase.
    pub highlights: Vec<Vec<String>>,
}

/// Compiles a parsed query. `raw` is the query string, for error messages.
pub fn compile(index: &WartaIndex, node: &Node, raw: &str) -> Result<Compiled> {
    let mut c = Compiler { index, highlights: Vec::new() };
    let query = c.node(node, false)?.ok_or_else(|| UserError::QuerySyntax {
        query: raw.to_string(),
        position: 0,
        message: "the query has no searchable words".to_string(),
    })?;
    Ok(Compiled { query, highlights: c.highlights })
}

struct Compiler<'a> {
    index: &'a WartaIndex,
    highlights: Vec<Vec<String>>,
}

/// Which text fields a term may match in.
#[derive(Clone, Copy)]
enum Scope {
    Both,
    Title,
    Body,
}

impl Compiler<'_> {
    fn node(&mut self, node: &Node, negated: bool) -> Result<Option<Box<dyn Query>>> {
        match node {
            Node::Word { field: None, text } if text == "*" => Ok(Some(Box::new(AllQuery))),
            Node::Word { field, text } | Node::Phrase { field, text } => {
                self.leaf(field.as_deref(), text, negated)
            }
            Node::And(children) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for child in children {
                    let (occur, inner, neg) = match child {
                        Node::Not(inner) => (Occur::MustNot, inner.as_ref(), !negated),
                        other => (Occur::Must, other, negated),
                    };
                    if let Some(q) = self.node(inner, neg)? {
                        clauses.push((occur, q));
                    }
                }
                Ok(boolean(clauses))
            }
            Node::Or(children) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
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

    fn leaf(
        &mut self,
        field: Option<&str>,
        text: &str,
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>> {
        let scope = match field {
            None => Scope::Both,
            Some("title") => Scope::Title,
            Some("body") => Scope::Body,
            Some(other) => {
                // The parser only lets known field names through.
                let kind = FacetKind::from_field(other).unwrap_or(FacetKind::Source);
                let facets = filters::resolve(self.index, kind, text)?;
                return Ok(Some(filters::facet_query(
                    filters::field_of(self.index, kind),
                    &facets,
                )));
            }
        };
        let terms = analysis::terms(text);
        if terms.is_empty() {
            return Ok(None);
        }
        if !negated {
            self.highlights.push(terms.clone());
        }
        let f = self.index.fields();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if matches!(scope, Scope::Both | Scope::Title) {
            let q = terms_query(f.title, &terms);
            let q: Box<dyn Query> = match scope {
                Scope::Both => Box::new(BoostQuery::new(q, TITLE_BOOST)),
                _ => q,
            };
            clauses.push((Occur::Should, q));
        }
        if matches!(scope, Scope::Both | Scope::Body) {
            clauses.push((Occur::Should, terms_query(f.body, &terms)));
        }
        Ok(boolean(clauses))
    }
}

/// A term query for one term, a phrase query for several.
fn terms_query(field: Field, terms: &[String]) -> Box<dyn Query> {
    if let [one] = terms {
        return Box::new(TermQuery::new(
            Term::from_field_text(field, one),
            IndexRecordOption::WithFreqs,
        ));
    }
    let terms: Vec<Term> = terms.iter().map(|t| Term::from_field_text(field, t)).collect();
    Box::new(PhraseQuery::new(terms))
}

/// A boolean query of the clauses; `None` when there are none. A query made
/// only of exclusions matches everything else.
fn boolean(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Option<Box<dyn Query>> {
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
