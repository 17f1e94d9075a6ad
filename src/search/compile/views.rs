//! How a word or phrase becomes clauses over the text fields: the exact and
//! stemmed view of title and body with their boosts, one view's term or
//! phrase query (tantivy's phrase, one inserted word allowed, or matches
//! kept between searches), and a name's last word with a clitic.

use tantivy::Term;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use super::gapped::GappedPhrase;
use super::phrase_cache::{CachedPhrase, PhraseCache};
use super::{Clauses, Compiler, EXACT_BOOST, Scope, TITLE_BOOST, Terms};

impl Compiler<'_> {
    /// The phrase `exact` with a clitic on its last word (`tuanya`,
    /// `daerahpun`), in the fields of `scope`, at half weight: one phrase
    /// per clitic form the field holds, so that a name costs a phrase or
    /// two, not a phrase over every word its last word begins.
    pub(super) fn with_clitic(&self, scope: Scope, exact: &Terms, clauses: &mut Clauses) {
        let f = self.index.fields();
        let Some(((last_pos, last), head)) = exact.split_last() else { return };
        let searcher = self.index.searcher();
        let title = if scope == Scope::Both { TITLE_BOOST } else { 1.0 };
        let fields = [
            (scope != Scope::Body).then_some((f.title_exact, title * EXACT_BOOST)),
            (scope != Scope::Title).then_some((f.body_exact, EXACT_BOOST)),
        ];
        for (field, boost) in fields.into_iter().flatten() {
            for clitic in CLITICS {
                let form = format!("{last}{clitic}");
                let held = searcher.doc_freq(&Term::from_field_text(field, &form)).unwrap_or(0);
                if held == 0 {
                    continue;
                }
                let mut terms: Vec<(usize, Term)> =
                    head.iter().map(|(p, t)| (*p, Term::from_field_text(field, t))).collect();
                terms.push((*last_pos, Term::from_field_text(field, &form)));
                let q: Box<dyn Query> = Box::new(PhraseQuery::new_with_offset(terms));
                clauses.push((Occur::Should, Box::new(BoostQuery::new(q, boost * 0.5))));
            }
        }
    }

    /// The title and body clauses of a word or phrase.
    pub(super) fn text_fields(
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

/// The clause of one view: `terms` in `field` (see [`terms_query`]),
/// weighted by `boost`; `None` without terms. A phrase is searched as `how`
/// says.
pub(super) fn view_query(
    schema: &tantivy::schema::Schema,
    field: Field,
    terms: &[(usize, String)],
    boost: f32,
    how: PhraseKind,
) -> Option<Box<dyn Query>> {
    if terms.is_empty() {
        return None;
    }
    let q = terms_query(field, has_positions(schema, field), terms, how);
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
fn terms_query(
    field: Field,
    positions: bool,
    terms: &[(usize, String)],
    how: PhraseKind,
) -> Box<dyn Query> {
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
    match how {
        PhraseKind::Plain => Box::new(PhraseQuery::new_with_offset(terms)),
        PhraseKind::Gapped => Box::new(GappedPhrase::new(terms)),
        PhraseKind::Kept(cache, fill) => Box::new(CachedPhrase::new(terms, cache, fill)),
    }
}

/// How a phrase of several terms is searched.
pub(super) enum PhraseKind {
    /// tantivy's phrase query.
    Plain,
    /// One inserted word allowed ([`GappedPhrase`]: a typed phrase of
    /// [`GAP_FROM`] terms or more).
    Gapped,
    /// Matches kept between searches ([`CachedPhrase`]: the names of an
    /// alias group or a thesaurus expression); found and kept when missing
    /// with `true`, else searched as a phrase.
    Kept(std::sync::Arc<PhraseCache>, bool),
}

/// The clitics a name's last word may carry (`tua` → `tuanya`).
const CLITICS: [&str; 6] = ["nya", "ku", "mu", "lah", "kah", "pun"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::build_schema;

    fn terms(words: &[&str]) -> Vec<(usize, String)> {
        words.iter().enumerate().map(|(i, w)| (i, (*w).to_string())).collect()
    }

    #[test]
    fn the_stemmed_body_has_no_positions_and_the_exact_views_have() {
        let (schema, f) = build_schema();
        assert!(!has_positions(&schema, f.body));
        assert!(has_positions(&schema, f.body_exact));
        assert!(has_positions(&schema, f.title_exact));
    }

    #[test]
    fn one_term_is_a_term_query_and_several_a_phrase_where_positions_are_kept() {
        let (schema, f) = build_schema();
        let one = view_query(&schema, f.body_exact, &terms(&["iuran"]), 1.0, PhraseKind::Plain);
        assert!(format!("{one:?}").starts_with("Some(TermQuery"), "{one:?}");
        let two = terms(&["kantor", "cabang"]);
        let exact = view_query(&schema, f.body_exact, &two, 1.0, PhraseKind::Plain);
        assert!(format!("{exact:?}").contains("PhraseQuery"), "{exact:?}");
        // Without positions every term is required instead.
        let stemmed = view_query(&schema, f.body, &two, 1.0, PhraseKind::Plain);
        let shown = format!("{stemmed:?}");
        assert!(shown.contains("BooleanQuery") && !shown.contains("PhraseQuery"), "{shown}");
        assert_eq!(shown.matches("Must").count(), 2, "{shown}");
    }

    #[test]
    fn a_boost_wraps_the_clause_and_no_terms_give_none() {
        let (schema, f) = build_schema();
        let boosted = view_query(&schema, f.title, &terms(&["iuran"]), 2.5, PhraseKind::Plain);
        assert!(format!("{boosted:?}").contains("Boost"), "{boosted:?}");
        assert!(view_query(&schema, f.title, &[], 2.5, PhraseKind::Plain).is_none());
    }
}
