//! Prefix search: `klaim*` matches every word of the exact view that starts
//! with `klaim` (klaim, klaimnya, klaim-klaim …), in titles and bodies. The
//! expansion is read from the term dictionaries and bounded: a prefix needs
//! [`MIN_PREFIX_CHARS`] letters, and one that would expand to more than
//! [`MAX_EXPANSIONS`] words is refused with a clear error rather than run
//! slowly or be silently cut.

use std::collections::BTreeSet;

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis;
use crate::error::{Result, UserError};
use crate::index::WartaIndex;
use crate::search::compile::TITLE_BOOST;

/// Fewest characters before `*`.
pub const MIN_PREFIX_CHARS: usize = 3;

/// Most words one prefix may expand to.
pub const MAX_EXPANSIONS: usize = 300;

/// Whether a typed word asks for a prefix search (`klaim*`).
pub fn is_prefix(text: &str) -> bool {
    text.len() > 1 && text.ends_with('*')
}

/// The exact-view words of the index that start with the prefix of `typed`
/// (`klaim*`), sorted.
pub fn expand(
    index: &WartaIndex,
    exact: &mut TextAnalyzer,
    typed: &str,
    fields: &[Field],
) -> Result<Vec<String>> {
    let stem = typed.trim_end_matches('*');
    let terms = analysis::terms(exact, stem);
    let prefix = match terms.as_slice() {
        [one] if stem.chars().all(|c| c.is_alphanumeric()) => one.clone(),
        _ => {
            return Err(usage(format!(
                "`{typed}`: a prefix search takes the start of one word (letters and digits) before `*`"
            )));
        }
    };
    if prefix.chars().count() < MIN_PREFIX_CHARS {
        return Err(usage(format!(
            "`{typed}`: a prefix needs at least {MIN_PREFIX_CHARS} letters before `*`"
        )));
    }
    let mut words = BTreeSet::new();
    for segment in index.searcher().segment_readers() {
        for &field in fields {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()
                .map_err(|e| crate::error::Error::io("reading the term dictionary", e))?;
            while stream.advance() {
                let Ok(word) = std::str::from_utf8(stream.key()) else { continue };
                if !word.starts_with(&prefix) {
                    break;
                }
                words.insert(word.to_string());
                if words.len() > MAX_EXPANSIONS {
                    return Err(usage(format!(
                        "`{typed}` matches more than {MAX_EXPANSIONS} different words; \
                         give more letters before `*`"
                    )));
                }
            }
        }
    }
    Ok(words.into_iter().collect())
}

/// Any of `words` in the body (and, with a title field, the title, boosted).
pub fn query(words: &[String], body: Option<Field>, title: Option<Field>) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for w in words {
        let term = |f: Field| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(f, w), IndexRecordOption::WithFreqs))
        };
        if let Some(f) = body {
            clauses.push((Occur::Should, term(f)));
        }
        if let Some(f) = title {
            clauses.push((Occur::Should, Box::new(BoostQuery::new(term(f), TITLE_BOOST))));
        }
    }
    if clauses.is_empty() { Box::new(EmptyQuery) } else { Box::new(BooleanQuery::new(clauses)) }
}

fn usage(message: String) -> crate::error::Error {
    UserError::Usage(message).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_trailing_star_after_a_word_asks_for_a_prefix() {
        assert!(is_prefix("klaim*"));
        assert!(!is_prefix("*"));
        assert!(!is_prefix("klaim"));
        assert!(!is_prefix("*klaim"));
    }

    #[test]
    fn an_empty_expansion_matches_nothing() {
        let q = query(&[], None, None);
        assert!(format!("{q:?}").contains("Empty"));
    }
}
