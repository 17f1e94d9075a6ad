//! The query language, parsed into our own small AST before tantivy sees it,
//! so that syntax errors can name the character where they happen and the
//! grammar can be tested without an index.
//!
//! ```text
//! query   := or
//! or      := and ("OR" and)*
//! and     := unary+                 (words: see `--match`; explicit AND requires both sides)
//! unary   := "-" atom | "+" atom | atom   (-word excludes, +word is required)
//! atom    := "(" or ")" | field ":" (word | phrase) | phrase | word
//! phrase  := '"' chars '"'          (also “curly” quotes)
//! ```
//!
//! Juxtaposed words are matched as `--match` says (all, most or any of them:
//! `search::compile`); `+word` and an explicit `AND` require their words, as
//! a quoted phrase requires its wording. `NOT` means `-` (as in Lucene and
//! Elasticsearch, which researchers know).
//! `OR`/`AND`/`NOT` are operators only in capitals; `or`/`and` are words.

use std::sync::LazyLock;

use crate::error::UserError;
use crate::index::facet_spec::{FACETS, FacetKind};

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 10_000;

/// The text fields a `field:` prefix may name; the facets' rows say which
/// of them it may name too ([`FacetKind::from_field`]).
const TEXT_FIELDS: [&str; 2] = ["title", "body"];

/// Whether a `field:` prefix names a text field or a facet.
pub fn is_field(name: &str) -> bool {
    TEXT_FIELDS.contains(&name) || FacetKind::from_field(name).is_some()
}

/// The error for an unknown `field:` prefix, listing every field (built once).
static UNKNOWN_FIELD: LazyLock<String> = LazyLock::new(|| {
    let names: Vec<String> = TEXT_FIELDS
        .into_iter()
        .chain(FACETS.iter().filter(|s| s.query_prefix).map(|s| s.name))
        .map(|n| format!("{n}:"))
        .collect();
    let (last, rest) = names.split_last().expect("title and body");
    format!("unknown field; use {} or {last}", rest.join(", "))
});

/// Deepest nesting of parentheses accepted.
const MAX_DEPTH: usize = 32;

/// A parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// A single word, optionally restricted to a field.
    Word {
        /// `title`, `body`, a facet name, or `None` for title+body.
        field: Option<String>,
        /// The word as typed.
        text: String,
    },
    /// A quoted phrase, optionally restricted to a field.
    Phrase {
        /// As for [`Node::Word`].
        field: Option<String>,
        /// The words between the quotes.
        text: String,
    },
    /// All children must match.
    And(Vec<Node>),
    /// Any child may match.
    Or(Vec<Node>),
    /// The child must not match.
    Not(Box<Node>),
    /// The child must match (`+word`, or a side of an explicit `AND`),
    /// whatever `--match` says about the other words.
    Require(Box<Node>),
}

impl std::fmt::Display for Node {
    /// The query fully parenthesised: `AND(word, OR(a, b), NOT "phrase")`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |f: &mut std::fmt::Formatter<'_>, op: &str, xs: &[Node]| {
            write!(f, "{op}(")?;
            for (i, x) in xs.iter().enumerate() {
                if i > 0 {
                    write!(f, ", ")?;
                }
                write!(f, "{x}")?;
            }
            write!(f, ")")
        };
        match self {
            Node::Word { field: Some(field), text } => write!(f, "{field}:{text}"),
            Node::Word { field: None, text } => write!(f, "{text}"),
            Node::Phrase { field: Some(field), text } => write!(f, "{field}:\"{text}\""),
            Node::Phrase { field: None, text } => write!(f, "\"{text}\""),
            Node::And(xs) => list(f, "AND", xs),
            Node::Or(xs) => list(f, "OR", xs),
            Node::Not(x) => write!(f, "NOT {x}"),
            Node::Require(x) => write!(f, "+{x}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Word(String),
    Phrase(String),
    Field(String),
    Minus,
    Plus,
    Open,
    Close,
    Or,
    And,
}

/// Parses a query string.
pub fn parse(query: &str) -> Result<Node, UserError> {
    let chars: Vec<char> = query.chars().collect();
    let err = |position: usize, message: &str| UserError::QuerySyntax {
        query: query.to_string(),
        position,
        message: message.to_string(),
    };
    if chars.len() > MAX_QUERY_CHARS {
        return Err(err(MAX_QUERY_CHARS, "query is too long (at most 10000 characters)"));
    }
    let tokens = lex(&chars).map_err(|(p, m)| err(p, m))?;
    if tokens.is_empty() {
        return Err(err(0, "empty query; give at least one word, or `*` for every article"));
    }
    let mut p = Parser { tokens: &tokens, at: 0, depth: 0, end: chars.len() };
    let node = p.or().map_err(|(pos, m)| err(pos, &m))?;
    if let Some((_, pos)) = p.tokens.get(p.at) {
        return Err(err(*pos, "unexpected `)` without a matching `(`"));
    }
    Ok(node)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

fn lex(chars: &[char]) -> Result<Vec<(Tok, usize)>, (usize, &'static str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c.is_control() {
            i += 1;
        } else if c == '(' {
            out.push((Tok::Open, i));
            i += 1;
        } else if c == ')' {
            out.push((Tok::Close, i));
            i += 1;
        } else if is_quote(c) {
            let start = i;
            let close = (i + 1..chars.len()).find(|&j| is_quote(chars[j]));
            let Some(end) = close else {
                return Err((start, "unclosed quote; add the closing \""));
            };
            out.push((Tok::Phrase(chars[start + 1..end].iter().collect()), start));
            i = end + 1;
        } else if c == '-' && out_can_negate(chars, i) {
            // A lone dash ("pekerja - migran", pasted from a headline) is punctuation.
            let lone = chars.get(i + 1).is_none_or(|c| c.is_whitespace());
            if !lone {
                out.push((Tok::Minus, i));
            }
            i += 1;
        } else if c == '+'
            && out_can_negate(chars, i)
            && chars.get(i + 1).is_some_and(|c| !c.is_whitespace())
        {
            out.push((Tok::Plus, i));
            i += 1;
        } else {
            let start = i;
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !chars[i].is_control()
                && !matches!(chars[i], '(' | ')')
                && !is_quote(chars[i])
            {
                // `field:` ends the word when letters precede the colon.
                if chars[i] == ':' && i > start {
                    break;
                }
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if i < chars.len() && chars[i] == ':' && word.chars().all(char::is_alphabetic) {
                let field = word.to_lowercase();
                if !is_field(&field) {
                    return Err((start, UNKNOWN_FIELD.as_str()));
                }
                i += 1;
                out.push((Tok::Field(field), start));
                continue;
            }
            if i < chars.len() && chars[i] == ':' {
                // A colon inside a word that is not a field prefix (e.g. "10:30").
                i += 1;
                let rest_start = i;
                while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '(' | ')')
                {
                    i += 1;
                }
                let rest: String = chars[rest_start..i].iter().collect();
                out.push((Tok::Word(format!("{word}:{rest}")), start));
                continue;
            }
            match word.as_str() {
                "OR" => out.push((Tok::Or, start)),
                "AND" => out.push((Tok::And, start)),
                "NOT" => out.push((Tok::Minus, start)),
                _ => out.push((Tok::Word(word), start)),
            }
        }
    }
    Ok(out)
}

/// A `-` is the exclusion operator when it starts a term (not inside a word
/// such as `BPJS-TK`).
fn out_can_negate(chars: &[char], i: usize) -> bool {
    i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '('
}

struct Parser<'a> {
    tokens: &'a [(Tok, usize)],
    at: usize,
    depth: usize,
    end: usize,
}

type PResult = Result<Node, (usize, String)>;

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }

    fn pos(&self) -> usize {
        self.tokens.get(self.at).map_or(self.end, |(_, p)| *p)
    }

    fn or(&mut self) -> PResult {
        let mut branches = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            let at = self.pos();
            self.at += 1;
            if matches!(self.peek(), None | Some(Tok::Close | Tok::Or | Tok::And)) {
                return Err((at, "`OR` needs a term on both sides".into()));
            }
            branches.push(self.and()?);
        }
        Ok(if branches.len() == 1 { branches.remove(0) } else { Node::Or(branches) })
    }

    fn and(&mut self) -> PResult {
        let mut parts = Vec::new();
        // After an explicit `AND`, the next term is required too.
        let mut required = false;
        loop {
            match self.peek() {
                None | Some(Tok::Close | Tok::Or) => break,
                Some(Tok::And) => {
                    let at = self.pos();
                    self.at += 1;
                    if parts.is_empty() || matches!(self.peek(), None | Some(Tok::Close | Tok::Or))
                    {
                        return Err((at, "`AND` needs a term on both sides".into()));
                    }
                    if let Some(last) = parts.pop() {
                        parts.push(require(last));
                    }
                    required = true;
                }
                _ => {
                    let part = self.unary()?;
                    parts.push(if required { require(part) } else { part });
                    required = false;
                }
            }
        }
        match parts.len() {
            0 => Err((self.pos(), "expected a word, a \"phrase\" or `(`".into())),
            1 => Ok(parts.remove(0)),
            _ => Ok(Node::And(parts)),
        }
    }

    fn unary(&mut self) -> PResult {
        if self.peek() == Some(&Tok::Plus) {
            let at = self.pos();
            self.at += 1;
            if matches!(
                self.peek(),
                None | Some(Tok::Close | Tok::Or | Tok::And | Tok::Minus | Tok::Plus)
            ) {
                return Err((at, "`+` must be followed by the word or phrase to require".into()));
            }
            return Ok(require(self.atom()?));
        }
        if self.peek() == Some(&Tok::Minus) {
            let at = self.pos();
            self.at += 1;
            if matches!(
                self.peek(),
                None | Some(Tok::Close | Tok::Or | Tok::And | Tok::Minus | Tok::Plus)
            ) {
                return Err((at, "`-` must be followed by the word or phrase to exclude".into()));
            }
            return Ok(Node::Not(Box::new(self.atom()?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> PResult {
        let at = self.pos();
        let Some((tok, _)) = self.tokens.get(self.at).cloned() else {
            return Err((at, "expected a word, a \"phrase\" or `(`".into()));
        };
        self.at += 1;
        match tok {
            Tok::Word(text) => Ok(Node::Word { field: None, text }),
            Tok::Phrase(text) => Ok(Node::Phrase { field: None, text }),
            Tok::Field(field) => match self.tokens.get(self.at).cloned() {
                Some((Tok::Word(text), _)) => {
                    self.at += 1;
                    Ok(Node::Word { field: Some(field), text })
                }
                Some((Tok::Phrase(text), _)) => {
                    self.at += 1;
                    Ok(Node::Phrase { field: Some(field), text })
                }
                _ => Err((at, format!("`{field}:` must be followed by a word or a \"phrase\""))),
            },
            Tok::Open => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err((at, "parentheses nested too deeply".into()));
                }
                if self.peek() == Some(&Tok::Close) {
                    return Err((at, "empty parentheses".into()));
                }
                let inner = self.or()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err((at, "unclosed `(`; add the closing `)`".into()));
                }
                self.at += 1;
                self.depth -= 1;
                Ok(inner)
            }
            Tok::Close => Err((at, "unexpected `)` without a matching `(`".into())),
            Tok::Or | Tok::And => Err((at, "an operator needs a term before it".into())),
            Tok::Minus => Err((at, "`-` must be followed by the word or phrase to exclude".into())),
            Tok::Plus => Err((at, "`+` must be followed by the word or phrase to require".into())),
        }
    }
}

/// `node` required: exclusions and required terms stay as they are.
fn require(node: Node) -> Node {
    match node {
        Node::Not(_) | Node::Require(_) => node,
        other => Node::Require(Box::new(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(t: &str) -> Node {
        Node::Word { field: None, text: t.into() }
    }

    fn position(q: &str) -> usize {
        match parse(q) {
            Err(UserError::QuerySyntax { position, .. }) => position,
            other => panic!("{q}: expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn not_in_capitals_excludes() {
        assert_eq!(parse("NOT JHT").unwrap(), parse("-JHT").unwrap());
        assert_eq!(parse("BSU AND NOT JHT").unwrap(), parse("+BSU -JHT").unwrap());
        assert_eq!(parse("not JHT").unwrap(), parse("not JHT").unwrap());
        assert!(parse("JHT NOT").is_err());
    }

    #[test]
    fn words_are_anded() {
        assert_eq!(
            parse("perlindungan pekerja").unwrap(),
            Node::And(vec![w("perlindungan"), w("pekerja")])
        );
    }

    #[test]
    fn or_binds_looser_than_and() {
        assert_eq!(
            parse("JHT OR JKP klaim").unwrap(),
            Node::Or(vec![w("JHT"), Node::And(vec![w("JKP"), w("klaim")])])
        );
    }

    #[test]
    fn phrases_fields_and_exclusions() {
        assert_eq!(
            parse("title:BPJS \"hari tua\" -Kesehatan").unwrap(),
            Node::And(vec![
                Node::Word { field: Some("title".into()), text: "BPJS".into() },
                Node::Phrase { field: None, text: "hari tua".into() },
                Node::Not(Box::new(w("Kesehatan"))),
            ])
        );
    }

    #[test]
    fn parsed_queries_print_fully_parenthesised() {
        let q = parse("(JHT OR JKP) \"hari tua\" -title:PHK").unwrap();
        assert_eq!(q.to_string(), "AND(OR(JHT, JKP), \"hari tua\", NOT title:PHK)");
    }

    #[test]
    fn curly_quotes_make_phrases() {
        assert_eq!(
            parse("“kerja keras”").unwrap(),
            Node::Phrase { field: None, text: "kerja keras".into() }
        );
    }

    #[test]
    fn hyphens_inside_words_do_not_negate() {
        assert_eq!(parse("BPJS-TK").unwrap(), w("BPJS-TK"));
    }

    #[test]
    fn parentheses_group() {
        assert_eq!(
            parse("(JHT OR JKP) klaim").unwrap(),
            Node::And(vec![Node::Or(vec![w("JHT"), w("JKP")]), w("klaim")])
        );
    }

    #[test]
    fn explicit_and_is_accepted() {
        // An explicit AND requires both sides, whatever --match says.
        let req = |t: &str| Node::Require(Box::new(w(t)));
        assert_eq!(parse("JHT AND klaim").unwrap(), Node::And(vec![req("JHT"), req("klaim")]));
        assert_eq!(
            parse("pekerja JHT AND klaim").unwrap(),
            Node::And(vec![w("pekerja"), req("JHT"), req("klaim")])
        );
    }

    #[test]
    fn lowercase_or_is_a_word() {
        assert_eq!(parse("or").unwrap(), w("or"));
    }

    #[test]
    fn a_lone_dash_is_punctuation() {
        assert_eq!(parse("pekerja - migran").unwrap(), Node::And(vec![w("pekerja"), w("migran")]));
        assert_eq!(parse("JHT -").unwrap(), w("JHT"));
    }

    #[test]
    fn times_are_words_not_fields() {
        assert_eq!(parse("10:30").unwrap(), w("10:30"));
    }

    #[test]
    fn errors_name_the_position() {
        assert_eq!(position("pekerja \"hari tua"), 8);
        assert_eq!(position("(JHT OR JKP"), 0);
        assert_eq!(position("JHT )"), 4);
        assert_eq!(position("JHT OR"), 4);
        assert_eq!(position("OR JHT"), 0);
        assert_eq!(position("title:"), 0);
        assert_eq!(position("   "), 0);
        assert_eq!(position("()"), 0);
        assert_eq!(position("a AND"), 2);
        assert_eq!(position("pekerja titel:BPJS"), 8);
    }

    #[test]
    fn an_empty_query_says_how_to_select_every_article() {
        for empty in ["", "   "] {
            let e = parse(empty).unwrap_err().to_string();
            assert!(e.contains("give at least one word, or `*` for every article"), "{e}");
        }
    }

    #[test]
    fn overlong_and_deep_queries_are_errors_not_crashes() {
        assert!(parse(&"a ".repeat(MAX_QUERY_CHARS)).is_err());
        let deep = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn emoji_and_control_characters_do_not_crash() {
        assert_eq!(parse("🙂 pekerja\u{7}").unwrap(), Node::And(vec![w("🙂"), w("pekerja")]));
    }

    #[test]
    fn plus_requires_a_term() {
        let req = |n: Node| Node::Require(Box::new(n));
        assert_eq!(parse("+JKP korban").unwrap(), Node::And(vec![req(w("JKP")), w("korban")]));
        assert_eq!(
            parse("+\"hari tua\" klaim").unwrap(),
            Node::And(vec![req(Node::Phrase { field: None, text: "hari tua".into() }), w("klaim")])
        );
        assert_eq!(parse("+JKP").unwrap().to_string(), "+JKP");
        // Inside a word or alone, `+` is not the operator.
        assert_eq!(parse("C++ 1+1").unwrap(), Node::And(vec![w("C++"), w("1+1")]));
        assert_eq!(parse("JKP + JHT").unwrap(), Node::And(vec![w("JKP"), w("+"), w("JHT")]));
        assert_eq!(position("+(JKP"), 1);
    }

    #[test]
    fn field_prefixes_come_from_the_facet_table() {
        for spec in FACETS {
            let parsed = parse(&format!("{}:Jatim", spec.name));
            assert_eq!(parsed.is_ok(), spec.query_prefix, "{}", spec.name);
        }
        assert!(parse("title:upah").is_ok() && parse("body:upah").is_ok());
        let err = parse("foo:bar").unwrap_err().to_string();
        assert!(err.contains("use title:, body:, province:"), "{err}");
        assert!(err.contains("or source:"), "{err}");
    }
}
