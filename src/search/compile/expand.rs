//! The expansions of query words: alias groups (every name of a group,
//! weighed by its most common name), related expressions of the thesaurus
//! (at [`thesaurus::WEIGHT`]), and the region facet of a province, regency,
//! city or town named in the query (at [`PLACE_SCORE`]).

use tantivy::Term;
use tantivy::query::{BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, Query};

use super::{Clauses, Compiler, FacetKind, Kind, PLACE_SCORE, boolean, filters, region};
use crate::analysis;
use crate::error::Result;
use crate::search::query::Node;
use crate::search::thesaurus;

/// The plain words (no field, not `*`, not a prefix) at the start of `run`:
/// the words an alias or a thesaurus expression may span.
fn plain_words(run: &[Node]) -> Vec<&str> {
    run.iter()
        .map_while(|node| match node {
            Node::Word { field: None, text }
                if text != "*" && !crate::search::prefix::is_prefix(text) =>
            {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect()
}

/// Most words of a place name a query is searched for (`Kabupaten Lima
/// Puluh Kota`).
const MAX_PLACE_WORDS: usize = 5;

/// Whether a word starts with a capital letter.
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The administrative words written before a place's name.
fn is_prefix_word(word: &str) -> bool {
    ["kota", "kabupaten", "kab", "kab."].contains(&word.to_lowercase().as_str())
}

impl Compiler<'_> {
    /// If the plain words at the start of `run` name an alias, the clause for
    /// them and how many children it consumed.
    pub(super) fn alias_run(
        &mut self,
        run: &[Node],
        negated: bool,
    ) -> Result<Option<(usize, Box<dyn Query>)>> {
        let words = plain_words(run);
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

    /// If the plain words at the start of `run` are an expression of the
    /// thesaurus: the clause (the words typed, or any related expression at
    /// [`thesaurus::WEIGHT`]) and how many words it took. Not under an
    /// exclusion: `-word` excludes what was typed.
    pub(super) fn related_run(
        &mut self,
        run: &[Node],
        negated: bool,
    ) -> Result<Option<(usize, Box<dyn Query>)>> {
        let Some(thesaurus) = self.thesaurus else { return Ok(None) };
        if negated {
            return Ok(None);
        }
        let words = plain_words(run);
        let per_word: Vec<Vec<String>> =
            words.iter().map(|w| analysis::terms(&mut self.exact, w)).collect();
        let flat: Vec<String> = per_word.iter().flatten().cloned().collect();
        let Some((n_terms, group)) = thesaurus.longest_prefix(&flat) else { return Ok(None) };
        let (mut taken, mut n_words) = (0, 0);
        while taken < n_terms && n_words < per_word.len() {
            taken += per_word[n_words].len();
            n_words += 1;
        }
        if taken != n_terms {
            return Ok(None);
        }
        let typed_terms = &flat[..n_terms];
        let group = group.to_vec();
        // What was typed: each word as usual (with its aliases), all of them.
        let mut typed: Clauses = Vec::new();
        for w in &words[..n_words] {
            if let Some(q) = self.leaf(None, w, Kind::Word, false, true)? {
                typed.push((Occur::Must, q));
            }
        }
        let mut alternatives: Clauses =
            boolean(typed).map(|q| (Occur::Should, q)).into_iter().collect();
        let mut related = Vec::new();
        for name in &group {
            if analysis::terms(&mut self.exact, name) == typed_terms {
                continue;
            }
            let kind = if name.split_whitespace().count() > 1 { Kind::Exact } else { Kind::Word };
            if let Some(q) = self.leaf(None, name, kind, false, false)? {
                alternatives.push((Occur::Should, Box::new(BoostQuery::new(q, thesaurus::WEIGHT))));
                related.push(name.as_str());
            }
        }
        self.notes.push(format!(
            "{:?} also finds, at weight {} (thesaurus; --no-expand to turn off): {}",
            words[..n_words].join(" "),
            thesaurus::WEIGHT,
            related.join(" | ")
        ));
        Ok(boolean(alternatives).map(|q| (n_words, q)))
    }

    /// Any name of an alias group: single words in both views, names of
    /// several words as exact phrases. Whichever name was typed, the query
    /// is the same, so `JHT` and `jaminan hari tua` count the same articles.
    ///
    /// The best-matching name scores, not the sum of all: an article that
    /// says "BP Jamsostek" (which also contains the name "Jamsostek") must
    /// not outrank one that says what was typed.
    pub(super) fn group_query(
        &mut self,
        typed: &str,
        group: &[String],
        negated: bool,
        field: Option<&str>,
    ) -> Result<Option<Box<dyn Query>>> {
        self.floor_group(group);
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for name in group {
            let kind = if name.split_whitespace().count() > 1 { Kind::Exact } else { Kind::Word };
            if let Some(q) = self.leaf(field, name, kind, negated, false)? {
                alternatives.push(q);
            }
        }
        self.notes.push(format!("{typed:?} names an alias group: {}", group.join(" | ")));
        if field.is_none() && !negated {
            alternatives.extend(self.located_in(typed));
        }
        Ok(match alternatives.len() {
            0 => None,
            1 => alternatives.pop(),
            _ => Some(Box::new(DisjunctionMaxQuery::new(alternatives))),
        })
    }

    /// If the plain words at the start of `run` name a regency, city or town
    /// (`Padang`, `Kota Padang`, `Kukar`, `Pangkalan Bun`; not a province:
    /// those are alias groups): the clause for them (the words typed, or
    /// the articles located there at [`PLACE_SCORE`]) and how many words it
    /// took. A name is a place only when written with a capital (`Batu`, not
    /// `batu`: many place names are also common words), and not under an
    /// exclusion (`-Padang` excludes what was typed).
    pub(super) fn place_run(
        &mut self,
        run: &[Node],
        negated: bool,
    ) -> Result<Option<(usize, Box<dyn Query>)>> {
        if negated {
            return Ok(None);
        }
        let words = plain_words(run);
        // Only a run starting with a capitalised word that is (or ends) a
        // place name's word can name a place: most queries never build the
        // gazetteer's lookups.
        let index = self.index;
        let place_word = |w: &str| index.analysis().protected.contains(&w.to_lowercase());
        if !words.first().is_some_and(|w| capitalised(w)) {
            return Ok(None);
        }
        let longest = words.len().min(MAX_PLACE_WORDS);
        for n in (1..=longest).rev() {
            let name = words[..n].join(" ");
            let bare = words[..n].iter().skip_while(|w| is_prefix_word(w));
            let mut bare = bare.peekable();
            let Some(first) = bare.peek() else { continue };
            if !capitalised(first) || !words[..n].iter().any(|w| place_word(w)) {
                continue;
            }
            if region::resolve_province(&name).is_some() {
                continue;
            }
            let Some(city) = region::resolve_city(&name) else { continue };
            let Some(province) = region::province_by_code(&city.province_code) else { continue };
            let mut typed: Clauses = Vec::new();
            for w in &words[..n] {
                if let Some(q) = self.leaf(None, w, Kind::Word, false, true)? {
                    typed.push((Occur::Must, q));
                }
            }
            let facet = tantivy::schema::Facet::from_path([province.name.as_str(), &city.name]);
            let field = filters::field_of(self.index, FacetKind::City);
            let located = filters::facet_query(field, &[facet]);
            self.notes.push(format!(
                "{name:?} also finds the articles located in {} ({}; region facet, score {PLACE_SCORE})",
                city.name, province.name
            ));
            let located: Box<dyn Query> = Box::new(ConstScoreQuery::new(located, PLACE_SCORE));
            let q = match boolean(typed) {
                Some(typed) => Box::new(DisjunctionMaxQuery::new(vec![typed, located])),
                None => located,
            };
            return Ok(Some((n, q)));
        }
        Ok(None)
    }

    /// When `typed` names a province: the articles located there (the
    /// region facet: a town or regency of it, a dateline), at
    /// [`PLACE_SCORE`], below the articles that name it.
    fn located_in(&mut self, typed: &str) -> Option<Box<dyn Query>> {
        let province = region::resolve_province(typed)?;
        let facet = tantivy::schema::Facet::from_path([province.name.as_str()]);
        let field = filters::field_of(self.index, FacetKind::Province);
        let located = filters::facet_query(field, &[facet]);
        self.notes.push(format!(
            "{typed:?} also finds the articles located in {} (region facet, score {PLACE_SCORE})",
            province.name
        ));
        Some(Box::new(ConstScoreQuery::new(located, PLACE_SCORE)))
    }

    /// Gives every term of the group's names (both views) the document
    /// frequency of its most common name, so that a rare spelling of a
    /// common name does not weigh like a rare word. A name of several words
    /// is taken to be as common as its rarest word.
    fn floor_group(&mut self, group: &[String]) {
        let searcher = self.index.searcher();
        let body = self.index.fields().body_exact;
        let mut names: Vec<(Vec<String>, u64)> = Vec::new();
        for name in group {
            let mut terms = analysis::terms(&mut self.exact, name);
            let df = terms
                .iter()
                .map(|t| searcher.doc_freq(&Term::from_field_text(body, t)).unwrap_or(0))
                .min()
                .unwrap_or(0);
            terms.extend(analysis::terms(&mut self.stemmed, name));
            names.push((terms, df));
        }
        let df = names.iter().map(|(_, df)| *df).max().unwrap_or(0);
        for term in names.into_iter().flat_map(|(terms, _)| terms) {
            let floor = self.floors.entry(term).or_insert(0);
            *floor = (*floor).max(df);
        }
    }
}
