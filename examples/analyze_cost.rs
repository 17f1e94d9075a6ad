//! Runs both views' analyzers over the titles and bodies of a JSONL corpus (stdin), `ROUNDS`
//! times, for instruction counting: `analyze_cost 0` parses only.
use std::io::{self, BufRead};

use serde::Deserialize;
use tantivy::tokenizer::TokenStream;
use warta::analysis::View;

#[derive(Deserialize)]
struct Article {
    title: String,
    body: String,
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let texts: Vec<Article> =
        io::stdin().lock().lines().map(|l| serde_json::from_str(&l.unwrap()).unwrap()).collect();
    let config = warta::index::analysis::config(
        Vec::new(),
        warta::extract::official::registry::Registry::builtin(),
    );
    let mut analyzers = [config.analyzer(View::Exact), config.analyzer(View::Stemmed)];
    let (mut tokens, mut bytes) = (0usize, 0usize);
    for _ in 0..rounds {
        for a in &texts {
            for analyzer in &mut analyzers {
                for text in [&a.title, &a.body] {
                    let mut stream = analyzer.token_stream(text);
                    while stream.advance() {
                        tokens += 1;
                        bytes += stream.token().text.len();
                    }
                }
            }
        }
    }
    println!("{tokens} tokens {bytes} bytes");
}
