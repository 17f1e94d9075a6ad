//! Any text as a query: the parser returns a query or a syntax error whose
//! position lies inside the query (in characters), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::error::UserError;
use warta::search::query;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match query::parse(text) {
        Ok(_) => {}
        Err(UserError::QuerySyntax { position, .. }) => {
            assert!(position <= text.chars().count(), "position {position} past the end");
        }
        Err(other) => panic!("unexpected error kind: {other}"),
    }
});
