//! Writes the tokens of the `said` fields' scoped analyzers (both views) for every article of
//! the files given, one line per token: `FILE#ARTICLE VIEW TERM FROM TO POSITION`. The records
//! are built as the index builds them (speakers keyed by their slot in the article), so two
//! builds of warta can be compared on what their scoped analyzers give.
//!
//! ```text
//! $ cargo run --release --example dump_scoped -- corpus.jsonl | md5sum
//! ```

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use tantivy::tokenizer::{TokenStream, TokenizerManager};
use warta::analysis::{View, scoped};
use warta::extract::official::registry::Registry;
use warta::index::document::speaker_key;

fn main() -> io::Result<()> {
    let registry = Registry::builtin();
    let config = warta::index::analysis::config(Vec::new(), Registry::builtin());
    let manager = TokenizerManager::default();
    config.register(&manager);
    let mut analyzers: Vec<_> = View::ALL
        .iter()
        .map(|v| (*v, manager.get(v.scoped_analyzer_name()).expect("registered")))
        .collect();
    let mut out = BufWriter::new(io::stdout().lock());
    for path in std::env::args().skip(1).map(PathBuf::from) {
        let outcome = warta::extract::reader::read_file(&path).map_err(io::Error::other)?;
        for (n, (_, raw)) in outcome.articles.iter().enumerate() {
            let article = warta::extract::extract_with(raw, &registry);
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
            for (view, analyzer) in &mut analyzers {
                let mut stream = analyzer.token_stream(&text);
                while stream.advance() {
                    let t = stream.token();
                    writeln!(
                        out,
                        "{}#{n} {view:?} {} {} {} {}",
                        path.display(),
                        t.text,
                        t.offset_from,
                        t.offset_to,
                        t.position
                    )?;
                }
            }
        }
    }
    out.flush()
}
