//! What a query might not mean what its writer meant, said before it runs:
//! wildcards warta has no use for are errors (`peker?a`, `pe*a`), and
//! lower-case `or`/`and`/`not` between words, which are searched as words,
//! give a note ("did you mean OR?").

use crate::error::{Result, UserError};
use crate::search::prefix;
use crate::search::query::Node;

/// Refuses wildcards other than a trailing `*` (prefix search) and the lone
/// `*` (every article): `?` and an inner `*` would otherwise be dropped by
/// the analyzer and match something else silently.
pub fn check(node: &Node) -> Result<()> {
    match node {
        Node::Word { text, .. } => {
            let inner_star = text != "*" && !prefix::is_prefix(text) && text.contains('*')
                || prefix::is_prefix(text) && text.trim_end_matches('*').contains('*');
            // A `?` closing a word is punctuation ("apa itu JHT?"); inside one it is a wildcard.
            let question = text.trim_end_matches('?').contains('?');
            if question || inner_star {
                return Err(UserError::Usage(format!(
                    "`{text}`: `?` and `*` inside a word are not wildcards in warta; \
                     a trailing `*` searches a prefix (`klaim*`), or quote the text"
                ))
                .into());
            }
            Ok(())
        }
        Node::Phrase { .. } => Ok(()),
        Node::And(xs) | Node::Or(xs) => xs.iter().try_for_each(check),
        Node::Not(x) | Node::Require(x) => check(x),
    }
}

/// Notes on a parsed query: lower-case operators between words.
pub fn notes(node: &Node) -> Vec<String> {
    let mut out = Vec::new();
    walk(node, &mut out);
    out
}

fn walk(node: &Node, out: &mut Vec<String>) {
    match node {
        Node::And(xs) => {
            for (i, x) in xs.iter().enumerate() {
                if let Node::Word { field: None, text } = x
                    && matches!(text.as_str(), "or" | "and" | "not")
                    && i > 0
                    && i + 1 < xs.len()
                {
                    let upper = text.to_uppercase();
                    let note = format!(
                        "`{text}` between words is searched as a word; did you mean {upper}?"
                    );
                    if !out.contains(&note) {
                        out.push(note);
                    }
                }
                walk(x, out);
            }
        }
        Node::Or(xs) => xs.iter().for_each(|x| walk(x, out)),
        Node::Not(x) | Node::Require(x) => walk(x, out),
        Node::Word { .. } | Node::Phrase { .. } => {}
    }
}

/// The notes on a query string (none when it does not parse: the search
/// reports that error).
pub fn query_notes(query: &str) -> Vec<String> {
    crate::search::query::parse(query).map(|n| notes(&n)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    #[test]
    fn lower_case_operators_between_words_get_a_note() {
        assert_eq!(
            query_notes("JHT or JKP"),
            ["`or` between words is searched as a word; did you mean OR?"]
        );
        assert_eq!(query_notes("pekerja and buruh not PHK").len(), 2);
        assert!(query_notes("JHT OR JKP").is_empty());
        assert!(query_notes("\"hidup or mati\"").is_empty(), "phrases are meant as typed");
        assert!(query_notes("or JHT").is_empty(), "not between words");
    }

    #[test]
    fn inner_wildcards_are_errors_and_prefixes_and_questions_are_not() {
        for bad in ["peker?a", "pe*a", "a*b*", "(JHT OR k?aim)"] {
            assert!(check(&parse(bad).unwrap()).is_err(), "{bad}");
        }
        for fine in ["klaim*", "*", "apa itu JHT?", "\"pe*a\"", "JHT -klaim*"] {
            assert!(check(&parse(fine).unwrap()).is_ok(), "{fine}");
        }
    }
}
