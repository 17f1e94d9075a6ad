//! Stems words read from stdin, one per line, and prints `word<TAB>stem`.
//!
//! This is the hook the evaluation script uses to compare warta's stemmer with PySastrawi:
//!
//! ```text
//! $ printf 'pekerja\nmenerima\npenegakan\n' | cargo run --release --example stem_words
//! pekerja<TAB>kerja
//! menerima<TAB>terima
//! penegakan<TAB>tegak
//! ```
//!
//! Options: `--roots FILE` adds roots (one per line, `#` comments), as a user's roots file would.
//!
//! In the main repository the crate is `warta`: replace `warta::` with `warta::`.

use std::io::{self, BufRead, BufWriter, Write};

use warta::analysis::stem::{Dictionary, stem};

fn main() -> io::Result<()> {
    // 1. The dictionary. `default_roots()` is the embedded hunspell-id root list plus warta's
    //    extra roots, parsed once on first use. A user's roots file is added on top of it;
    //    without the root it needs, ECS leaves a word unstemmed rather than guessing.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dict = match args.as_slice() {
        [] => Dictionary::default_roots().clone(),
        [flag, path] if flag == "--roots" => {
            let extra = std::fs::read_to_string(path)?;
            Dictionary::with_extra_roots(extra.lines())
        }
        _ => {
            eprintln!("usage: stem_words [--roots FILE] < words.txt");
            std::process::exit(2);
        }
    };

    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        let word = line.trim();
        if word.is_empty() {
            continue;
        }
        // 2. The stemmer works on lowercase `a`–`z` words, as the indexer hands them over
        //    (after ASCII folding and lowercasing). Anything else — accents, digits, hyphens,
        //    words of 3 letters or fewer, or over 40 bytes — comes back unchanged.
        let lower = word.to_lowercase();

        // 3. `stem` runs Enhanced Confix Stripping: a root is returned as is; otherwise
        //    suffixes (-lah, -nya, -kan, …) and up to three prefixes (me-, ber-, peN-, …, with
        //    recoding such as menerima → terima) are removed until a root is found. If none
        //    is found the word itself is returned, never a made-up stem. This example calls
        //    the plain function: the token filter's protection rules (acronyms, gazetteer
        //    names, `no_stem.txt`) need the source capitalisation and are not applied here.
        let stemmed = stem(&lower, &dict);

        // 4. One `word<TAB>stem` line per input word, the word as read (trimmed).
        writeln!(out, "{word}\t{stemmed}")?;
    }
    out.flush()
}
