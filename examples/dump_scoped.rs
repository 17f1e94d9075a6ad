//! Writes the tokens of the `said` fields' scoped analyzers (both views) for every article of
//! the files given, one line per token: `FILE#ARTICLE VIEW TERM FROM TO POSITION`. The records
//! are built as the index builds them (speakers keyed by their slot in the article), so two
//! builds of warta can be compared on what their scoped analyzers give.
//!
//! ```text
//! $ cargo run --release --example dump_scoped -- corpus.jsonl | md5sum
//! ```
//!
//! `--rounds N` runs the analyzers N times over the records of all the files, read and extracted
//! first, and prints only the number of tokens: for counting what the scoped analysis costs
//! (the difference between two values of N). `--general` runs the general form instead
//! (`ScopedTokenizer` over each view's analyzer) for comparison.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use tantivy::tokenizer::{TextAnalyzer, TokenStream, TokenizerManager};
use warta::analysis::{View, scoped};
use warta::extract::official::registry::Registry;
use warta::index::document::speaker_key;

fn main() -> io::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let rounds = match args.iter().position(|a| a == "--rounds") {
        Some(i) => {
            let n = args.get(i + 1).and_then(|n| n.parse::<usize>().ok());
            args.drain(i..(i + 2).min(args.len()));
            Some(n.ok_or_else(|| io::Error::other("--rounds needs a number"))?)
        }
        None => None,
    };
    let general = args.iter().any(|a| a == "--general");
    args.retain(|a| a != "--general");
    let registry = Registry::builtin();
    let config = warta::index::analysis::config(Vec::new(), registry);
    let manager = TokenizerManager::default();
    config.register(&manager);
    let mut analyzers: Vec<_> = View::ALL
        .iter()
        .map(|&v| {
            let analyzer = if general {
                TextAnalyzer::from(scoped::ScopedTokenizer::new(config.analyzer(v)))
            } else {
                manager.get(v.scoped_analyzer_name()).expect("registered")
            };
            (v, analyzer)
        })
        .collect();
    let mut records = Vec::new();
    for path in args.iter().map(PathBuf::from) {
        let outcome = warta::extract::reader::read_file(&path).map_err(io::Error::other)?;
        for (n, (_, raw)) in outcome.articles.iter().enumerate() {
            let article = warta::extract::extract_with(raw, registry);
            // As `index::document` encodes them: speakers take slots in order of first quote.
            let mut keys: Vec<String> = Vec::new();
            let mut text = String::new();
            for q in &article.quotes {
                let key = speaker_key(&q.speaker);
                let slot = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                    keys.push(key);
                    keys.len() - 1
                });
                scoped::encode(&mut text, &slot.to_string(), &q.text);
            }
            records.push((format!("{}#{n}", path.display()), text));
        }
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if let Some(rounds) = rounds {
        let mut tokens = 0usize;
        for _ in 0..rounds {
            for (_, text) in &records {
                for (_, analyzer) in &mut analyzers {
                    let mut stream = analyzer.token_stream(text);
                    while stream.advance() {
                        tokens += 1;
                    }
                }
            }
        }
        writeln!(out, "{tokens} tokens")?;
        return out.flush();
    }
    for (name, text) in &records {
        for (view, analyzer) in &mut analyzers {
            let mut stream = analyzer.token_stream(text);
            while stream.advance() {
                let t = stream.token();
                writeln!(
                    out,
                    "{name} {view:?} {} {} {} {}",
                    t.text, t.offset_from, t.offset_to, t.position
                )?;
            }
        }
    }
    out.flush()
}
