//! The relevance baseline "tantivy BM25, default tokenizer": what a user gets from tantivy (or
//! tantivy-cli's `serve`) with no Indonesian analysis at all.
//!
//! Indexes JSON Lines articles (`{"id": …, "title": …, "body": …}`) in memory with tantivy's
//! `default` tokenizer (split on non-alphanumerics, lower-case), then answers one query per
//! stdin line (`QUERY_ID<TAB>QUERY`) with tantivy's query parser over title and body, its words
//! ORed, and prints the top hits as `QUERY_ID<TAB>DOC_ID<TAB>RANK`:
//!
//! ```text
//! $ printf 'q1\tklaim JHT\n' | cargo run --release --example bm25_default -- articles.jsonl 20
//! q1<TAB>corpus/a01_jht_klaim_surabaya.txt<TAB>1
//! ```
//!
//! `eval/relevance/run.py` runs it; it is not part of warta.

use std::io::{self, BufRead, BufWriter, Write};

use serde::Deserialize;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{STORED, STRING, Schema, TEXT, Value};
use tantivy::{Index, TantivyDocument, doc};

#[derive(Deserialize)]
struct Article {
    id: String,
    title: String,
    body: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: bm25_default ARTICLES.jsonl [TOP]")?;
    let top: usize = args.next().map_or(Ok(20), |n| n.parse())?;

    // 1. Title and body with tantivy's default tokenizer (TEXT), the id stored.
    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED);
    let title = builder.add_text_field("title", TEXT);
    let body = builder.add_text_field("body", TEXT);
    let index = Index::create_in_ram(builder.build());
    let mut writer = index.writer(50_000_000)?;
    for line in std::fs::read_to_string(&path)?.lines() {
        let a: Article = serde_json::from_str(line)?;
        writer.add_document(doc!(id => a.id, title => a.title, body => a.body))?;
    }
    writer.commit()?;

    // 2. Each query through tantivy's parser: words ORed over both fields, BM25.
    let searcher = index.reader()?.searcher();
    let parser = QueryParser::for_index(&index, vec![title, body]);
    let mut out = BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let line = line?;
        let Some((qid, text)) = line.split_once('\t') else {
            continue;
        };
        let (query, _errors) = parser.parse_query_lenient(text);
        let hits = searcher.search(&query, &TopDocs::with_limit(top).order_by_score())?;
        for (rank, (_score, address)) in hits.into_iter().enumerate() {
            let stored: TantivyDocument = searcher.doc(address)?;
            let doc_id = stored.get_first(id).and_then(|v| v.as_str()).unwrap_or("");
            writeln!(out, "{qid}\t{doc_id}\t{}", rank + 1)?;
        }
    }
    Ok(())
}
