//! Writes warta's analysed views of JSON Lines articles as JSON Lines of space-joined tokens.
//!
//! The benchmark uses it to measure what tantivy alone costs on warta's postings: tantivy-cli,
//! with its `whitespace` tokenizer, indexes the tokens warta's analyzers produce, so the same
//! terms go into the same four fields (`title`, `title_exact`, `body`, `body_exact`) without
//! warta's parsing, extraction or analysis:
//!
//! ```text
//! $ echo '{"title":"Pekerja dilindungi","body":"Para pekerja menerima JHT."}' \
//!     | cargo run --release --example dump_views
//! {"title":"kerja lindung","title_exact":"pekerja dilindungi","body":"kerja terima jht","body_exact":"para pekerja menerima jht"}
//! ```
//!
//! Every input line needs `title` and `body` strings; other keys are ignored. The analyzers are
//! the index's own (`warta::index::analysis::config`), gazetteer names protected from stemming.

use std::io::{self, BufRead, BufWriter, Write};

use serde::Deserialize;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use warta::analysis::View;

#[derive(Deserialize)]
struct Article {
    title: String,
    body: String,
}

fn main() -> io::Result<()> {
    // 1. The analyzers every warta index registers: no user roots here.
    let config = warta::index::analysis::config(
        Vec::new(),
        warta::extract::official::registry::Registry::builtin(),
    );
    let mut exact = config.analyzer(View::Exact);
    let mut stemmed = config.analyzer(View::Stemmed);

    // 2. Each article's title and body through both views, tokens joined by one space (no
    //    token holds a space, so tantivy's `whitespace` tokenizer gives them back unchanged).
    let join = |analyzer: &mut TextAnalyzer, text: &str| {
        let mut out = String::with_capacity(text.len());
        let mut stream = analyzer.token_stream(text);
        while let Some(token) = stream.next() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&token.text);
        }
        out
    };
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        let article: Article = serde_json::from_str(&line).map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidData, format!("stdin line {}: {e}", n + 1))
        })?;
        let views = serde_json::json!({
            "title": join(&mut stemmed, &article.title),
            "title_exact": join(&mut exact, &article.title),
            "body": join(&mut stemmed, &article.body),
            "body_exact": join(&mut exact, &article.body),
        });
        serde_json::to_writer(&mut out, &views)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
