//! The one place that names the index's fields.
//!
//! Every other module reaches fields through [`Fields`], never by string, so
//! a renamed or retyped field is a compile error rather than an empty result.
//! When the schema changes in a way old indexes cannot be read with, bump
//! [`FORMAT_VERSION`]: `warta search` then asks for a rebuild instead of
//! returning wrong answers.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, FacetOptions, Field, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::View;

/// Version of the on-disk layout (schema, analyzers, stored metadata).
/// 2: exact and stemmed views of title and body. 3: quotes by speaker.
/// 4: MinHash signatures and a fast id (syndicated copies, `copies.json`).
/// 5: `path` indexed (incremental re-indexing deletes by path).
/// 6: stemmed body without positions; one-permutation MinHash signatures.
/// 7: quotes analysed by the scoped analyzers (plain text in the document).
/// 8: quotes scoped by the speaker's slot in the article, not by name;
/// stemmed quotes without positions.
pub const FORMAT_VERSION: u32 = 8;

/// Field names, as they appear in `field:term` queries and in the schema.
pub mod names {
    /// Stable article id: the path relative to the corpus root (`#N` for the
    /// N-th article of a JSON Lines file).
    pub const ID: &str = "id";
    /// Path relative to the corpus root.
    pub const PATH: &str = "path";
    /// Headline, stemmed view, stored.
    pub const TITLE: &str = "title";
    /// Clean body, stemmed view, stored; term frequencies without positions.
    pub const BODY: &str = "body";
    /// Headline, exact view.
    pub const TITLE_EXACT: &str = "title_exact";
    /// Clean body, exact view.
    pub const BODY_EXACT: &str = "body_exact";
    /// Publisher, as a facet `/ANTARA`.
    pub const SOURCE: &str = "source";
    /// Publication date (fast field: range filters and sorting).
    pub const DATE: &str = "date";
    /// Places, as facets `/Province` and `/Province/City`.
    pub const REGION: &str = "region";
    /// Officials, as facets `/Organisation/Person`.
    pub const OFFICIAL: &str = "official";
    /// Programme codes, as facets `/JKK`.
    pub const PROGRAM: &str = "program";
    /// Everything else extraction found, as stored JSON.
    pub const META: &str = "meta";
    /// What people said, stemmed view, each term prefixed by its speaker's
    /// slot in the article (`0|jht`: the first speaker said "JHT").
    pub const SAID: &str = "said";
    /// What people said, exact view, each term prefixed by its speaker's slot.
    pub const SAID_EXACT: &str = "said_exact";
    /// The speakers of the article's quotes, as facets `/Full Name`.
    pub const SPEAKER: &str = "speaker";
    /// Which speaker has which slot in the article: `zainudin#0`.
    pub const SPEAKER_SLOT: &str = "speaker_slot";
    /// MinHash signature of the clean body (fast bytes; see `dedup`).
    pub const MINHASH: &str = "minhash";
}

/// Handles to every field of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// See [`names::ID`].
    pub id: Field,
    /// See [`names::PATH`].
    pub path: Field,
    /// See [`names::TITLE`].
    pub title: Field,
    /// See [`names::BODY`].
    pub body: Field,
    /// See [`names::TITLE_EXACT`].
    pub title_exact: Field,
    /// See [`names::BODY_EXACT`].
    pub body_exact: Field,
    /// See [`names::SOURCE`].
    pub source: Field,
    /// See [`names::DATE`].
    pub date: Field,
    /// See [`names::REGION`].
    pub region: Field,
    /// See [`names::OFFICIAL`].
    pub official: Field,
    /// See [`names::PROGRAM`].
    pub program: Field,
    /// See [`names::META`].
    pub meta: Field,
    /// See [`names::SAID`].
    pub said: Field,
    /// See [`names::SAID_EXACT`].
    pub said_exact: Field,
    /// See [`names::SPEAKER`].
    pub speaker: Field,
    /// See [`names::SPEAKER_SLOT`].
    pub speaker_slot: Field,
    /// See [`names::MINHASH`].
    pub minhash: Field,
}

/// Builds the schema and the field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let indexed = |v: View, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_tokenizer(v.analyzer_name()).set_index_option(record),
        )
    };
    let view = |v: View| indexed(v, IndexRecordOption::WithFreqsAndPositions);
    // What people said: records of speaker slot and quote, analysed into
    // terms prefixed by the slot (`analysis::scoped`), with positions.
    let scoped = |v: View, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(v.scoped_analyzer_name())
                .set_index_option(record),
        )
    };
    // The stemmed body keeps no positions: phrases are exact wording and
    // search the exact view, so positions there would only be written, never
    // read. They were a third of the body's postings and of indexing time.
    let stemmed_body = indexed(View::Stemmed, IndexRecordOption::WithFreqs);
    let fields = Fields {
        id: b.add_text_field(names::ID, STRING | STORED | FAST),
        path: b.add_text_field(names::PATH, STRING | STORED),
        title: b.add_text_field(names::TITLE, view(View::Stemmed).set_stored()),
        body: b.add_text_field(names::BODY, stemmed_body.set_stored()),
        title_exact: b.add_text_field(names::TITLE_EXACT, view(View::Exact)),
        body_exact: b.add_text_field(names::BODY_EXACT, view(View::Exact)),
        source: b.add_facet_field(names::SOURCE, FacetOptions::default()),
        date: b.add_date_field(
            names::DATE,
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        region: b.add_facet_field(names::REGION, FacetOptions::default()),
        official: b.add_facet_field(names::OFFICIAL, FacetOptions::default()),
        program: b.add_facet_field(names::PROGRAM, FacetOptions::default()),
        meta: b.add_text_field(names::META, STORED),
        // Like the body: phrases are exact wording, so only the exact view
        // of quotes keeps positions.
        said: b.add_text_field(names::SAID, scoped(View::Stemmed, IndexRecordOption::WithFreqs)),
        said_exact: b.add_text_field(
            names::SAID_EXACT,
            scoped(View::Exact, IndexRecordOption::WithFreqsAndPositions),
        ),
        speaker: b.add_facet_field(names::SPEAKER, FacetOptions::default()),
        speaker_slot: b.add_text_field(names::SPEAKER_SLOT, STRING),
        minhash: b.add_bytes_field(names::MINHASH, FAST),
    };
    (b.build(), fields)
}

/// Looks the field handles up in a schema read from disk; `None` when the
/// schema is not ours.
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let (ours, fields) = build_schema();
    (ours == *schema).then_some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_round_trips_through_json() {
        let (schema, _) = build_schema();
        let json = serde_json::to_string(&schema).unwrap();
        let back: Schema = serde_json::from_str(&json).unwrap();
        assert!(fields_of(&back).is_some());
    }

    #[test]
    fn a_foreign_schema_is_not_ours() {
        let mut b = Schema::builder();
        b.add_text_field("title", STRING);
        assert!(fields_of(&b.build()).is_none());
    }
}
